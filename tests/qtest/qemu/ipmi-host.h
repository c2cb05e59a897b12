/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The host's side of the IPMI system interfaces, for qtests: register access
 * wherever the registers are (ISA ports or a PCI BAR), KCS and BT transfers
 * driven step by step as Linux's ipmi_si drivers drive them, the interrupt
 * line, and migration through a file into a fresh QEMU.
 */
#ifndef IPMI_HOST_H
#define IPMI_HOST_H

#include "libqtest.h"
#include "libqos/pci.h"

/* Requests and responses, NetFn/LUN and command included. */
#define IPMI_HOST_MSG_MAX 300

#define IPMI_NETFN_APP_REQUEST (0x06 << 2)
#define IPMI_NETFN_APP_RESPONSE (0x07 << 2)
#define IPMI_CMD_GET_DEVICE_ID 0x01
#define IPMI_CMD_SET_BMC_GLOBAL_ENABLES 0x2e
#define IPMI_CMD_GET_BT_INTERFACE_CAPABILITIES 0x36

/* KCS status register (IPMI 2.0 table 9-1) and control codes (table 9-3). */
#define KCS_STATUS_OBF 0x01
#define KCS_STATUS_IBF 0x02
#define KCS_STATUS_SMS_ATN 0x04
#define KCS_STATUS_CD 0x08
#define KCS_STATUS_STATE(s) (((s) >> 6) & 3)
#define KCS_STATE_IDLE 0
#define KCS_STATE_READ 1
#define KCS_STATE_WRITE 2
#define KCS_STATE_ERROR 3
#define KCS_CMD_GET_STATUS_ABORT 0x60
#define KCS_CMD_WRITE_START 0x61
#define KCS_CMD_WRITE_END 0x62
#define KCS_CMD_READ 0x68

/* BT registers (IPMI 2.0 section 11.6) and their bits. */
#define BT_CONTROL 0
#define BT_BUFFER 1
#define BT_INTMASK 2
#define BT_CLR_WR_PTR 0x01
#define BT_CLR_RD_PTR 0x02
#define BT_H2B_ATN 0x04
#define BT_B2H_ATN 0x08
#define BT_SMS_ATN 0x10
#define BT_OEM0 0x20
#define BT_H_BUSY 0x40
#define BT_B_BUSY 0x80
#define BT_B2H_IRQ_EN 0x01
#define BT_B2H_IRQ 0x02

typedef enum IPMIHostKind {
    IPMI_HOST_KCS,
    IPMI_HOST_BT,
} IPMIHostKind;

/* Where an interface's registers are, and which line its interrupt drives. */
typedef struct IPMIHost {
    QTestState *qts;
    IPMIHostKind kind;
    uint8_t seq;                /* BT: the next request's sequence number */
    QPCIBus *pci_bus;           /* PCI only */
    QPCIDevice *pdev;           /* NULL: ISA */
    QPCIBar bar;
    uint16_t port;              /* ISA: the first register's port */
    int irq;                    /* I/O APIC input, -1 while not known (PCI) */
    bool ints;                  /* the host expects interrupts */
    bool line_unseen;           /* loaded, and the line not seen to change */
} IPMIHost;

/*
 * ISA registers from port, interrupt on I/O APIC input irq; intercepts the
 * I/O APIC's inputs.
 */
void ipmi_host_isa(IPMIHost *h, QTestState *qts, IPMIHostKind kind,
                   uint16_t port, int irq);

/*
 * The one device of QEMU's IPMI PCI id on the root bus: checks its identity
 * (class IPMI, the programming interface of kind, revision 1, INTA#, an
 * 8-byte I/O BAR 0 and no other), maps BAR 0, enables it and intercepts the
 * I/O APIC's inputs. The interrupt's input is found when it first rises
 * (ipmi_host_check_irq).
 */
void ipmi_host_pci(IPMIHost *h, QTestState *qts, IPMIHostKind kind);

/*
 * The same device after a migration into qts: found and checked again, its
 * BAR 0 used where the migrated config space has it.
 */
void ipmi_host_pci_migrated(IPMIHost *h, QTestState *qts,
                            const IPMIHost *before);

/* The same ISA interface after a migration into qts. */
void ipmi_host_isa_migrated(IPMIHost *h, QTestState *qts,
                            const IPMIHost *before);

void ipmi_host_free(IPMIHost *h);

uint8_t ipmi_host_in(IPMIHost *h, unsigned reg);
void ipmi_host_out(IPMIHost *h, unsigned reg, uint8_t value);

/*
 * Checks the interface's interrupt line against level. For PCI the device's
 * own view (the interrupt status bit) must agree, and the line is the one I/O
 * APIC input raised, the same each time. After a migration the intercepted
 * inputs show only what changed since the load, so a line raised before it
 * and not changed since cannot be seen: until the line is seen low, a low
 * line where level says high is let pass (the PCI status bit still counts).
 */
void ipmi_host_check_irq(IPMIHost *h, bool level);

/*
 * KCS, as Linux's kcs_sm: the write phase, one byte at a time; each step
 * checks the state, and the interrupt (h->ints) for each byte the BMC puts in
 * the data register.
 */
void kcs_host_write_start(IPMIHost *h);
void kcs_host_write_byte(IPMIHost *h, uint8_t byte);
void kcs_host_write_last(IPMIHost *h, uint8_t byte);  /* WRITE_END first */
/* The read phase: false once the machine is idle (the dummy byte read). */
bool kcs_host_read_byte(IPMIHost *h, uint8_t *byte);
/* Linux's error recovery (GET_STATUS/ABORT); returns the status code. */
uint8_t kcs_host_abort(IPMIHost *h);
/* A whole request, then the whole response (returns its length). */
void kcs_host_write_request(IPMIHost *h, const uint8_t *req, size_t len);
size_t kcs_host_read_response(IPMIHost *h, uint8_t *rsp, size_t rsp_max);

/*
 * BT, as Linux's bt_sm: the request is length, NetFn/LUN, seq, cmd, data.
 * With h->ints, the response must come with B2H_IRQ and the line raised.
 */
/* Waits for B_BUSY to clear, clears H_BUSY and the write pointer. */
void bt_host_begin_write(IPMIHost *h);
void bt_host_write_byte(IPMIHost *h, uint8_t byte);
void bt_host_end_write(IPMIHost *h);    /* H2B_ATN */
/* The three steps for msg (NetFn/LUN, cmd, data) under seq. */
void bt_host_write_request(IPMIHost *h, const uint8_t *msg, size_t len,
                           uint8_t seq);
/* Waits for B2H_ATN, acknowledges it and rewinds the buffer for reading. */
void bt_host_begin_read(IPMIHost *h);
uint8_t bt_host_read_byte(IPMIHost *h);
void bt_host_end_read(IPMIHost *h);
/*
 * The response to the request sent under seq, once B2H_ATN is up: returns it
 * without its length and seq bytes (NetFn/LUN, cmd, completion code, data).
 */
size_t bt_host_read_response(IPMIHost *h, uint8_t seq, uint8_t *rsp,
                             size_t rsp_max);
/*
 * A whole transfer of msg (NetFn/LUN, cmd, data) under seq; returns the
 * response without its length and seq bytes (NetFn/LUN, cmd, completion
 * code, data), after checking them.
 */
size_t bt_host_transfer(IPMIHost *h, const uint8_t *msg, size_t len,
                        uint8_t seq, uint8_t *rsp, size_t rsp_max);

/*
 * A whole transfer on either kind (BT: under h->seq, which then moves on);
 * returns the response (NetFn/LUN, cmd, completion code, data).
 */
size_t ipmi_host_transfer(IPMIHost *h, const uint8_t *req, size_t req_len,
                          uint8_t *rsp, size_t rsp_max);

/*
 * Turns interrupts on as a driver does: Set BMC Global Enables with the
 * receive message queue interrupt on, and for BT B2H_IRQ_EN; h->ints then.
 */
void ipmi_host_enable_irqs(IPMIHost *h);

/* Get Device ID, checked against what the BMC was given. */
void ipmi_host_get_device_id(IPMIHost *h, uint8_t device_id, uint8_t fwrev1);

/*
 * Migrates from into a file, then starts a fresh QEMU with args and
 * "-incoming defer" and loads that file into it; returns the new QEMU, once
 * the load has completed. from is left as the migration leaves it (paused).
 */
QTestState *ipmi_host_migrate(QTestState *from, const char *args);

/*
 * The same, with the named GPIO output gpio of qom_path intercepted on the new
 * QEMU before the load, so qtest_get_irq() sees a line the load raises.
 */
QTestState *ipmi_host_migrate_watching(QTestState *from, const char *args,
                                       const char *qom_path, const char *gpio);

/* The two halves: the file (in a directory of its own), and its load. */
char *ipmi_host_save(QTestState *from);
QTestState *ipmi_host_load(const char *path, const char *args, bool *loaded);
QTestState *ipmi_host_load_watching(const char *path, const char *args,
                                    const char *qom_path, const char *gpio,
                                    bool *loaded);
void ipmi_host_remove_saved(char *path);

/*
 * Overwrites one byte of a saved file: the one offset bytes into the fields
 * of the first section named idstr (or with an idstr ending in "/idstr").
 */
void ipmi_host_patch_saved(const char *path, const char *idstr,
                           size_t offset, uint8_t value);

/* Checks a Get Device ID response (NetFn/LUN, cmd, cc, data). */
void ipmi_host_check_device_id(const uint8_t *rsp, size_t len,
                               uint8_t device_id, uint8_t fwrev1);

#endif /* IPMI_HOST_H */
