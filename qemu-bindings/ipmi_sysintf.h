/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every system interface device has whatever its kind (KCS, BT) and bus
 * (ISA, PCI): the BMC it talks to, its interrupt line, its number in the
 * firmware tables and its register window. Each kind (ipmi_kcs.c,
 * ipmi_bt.c) embeds an IPMISysIntf in its state, next to its machine, and
 * describes itself in an IPMISysIntfKind; the device files add the bus.
 *
 * Private to hw/ipmi.
 */
#ifndef HW_IPMI_IPMI_SYSINTF_H
#define HW_IPMI_IPMI_SYSINTF_H

#include "exec/memory.h"
#include "hw/ipmi/ipmi.h"

typedef struct IPMISysIntf IPMISysIntf;

/* One kind of system interface, as the code every device shares needs it. */
typedef struct IPMISysIntfKind {
    const char *name;           /* "kcs", "bt": firmware tables, I/O region */
    int smbios_type;            /* IPMI_SMBIOS_* */
    uint64_t registers;         /* as many as the firmware tables give */
    const MemoryRegionOps *ops; /* the registers; their opaque is the si;
                                 * NULL: none (SSIF is reached over SMBus) */
    void (*init)(IPMISysIntf *si);      /* the machine, idle */
    void (*reset)(IPMISysIntf *si);     /* the machine, on a device reset */
} IPMISysIntfKind;

struct IPMISysIntf {
    const IPMISysIntfKind *kind;
    IPMIBmc *bmc;               /* the device's "bmc" link */
    qemu_irq irq;               /* NULL: the device has no interrupt; SSIF:
                                 * its SMBus alert */
    uint32_t uuid;              /* numbers the interface in firmware tables */
    MemoryRegion io;            /* the registers, then what reads 0xff */
    bool machine_needed;        /* saving: upstream's fields cannot say it all */
    bool machine_loaded;        /* loading: the machine came whole */
};

/*
 * Realize-time set-up of owner's interface: checks that a BMC is linked and
 * takes it, numbers the interface, starts its machine idle and creates its
 * register window of size bytes (at least kind->registers), if the kind has
 * registers. Returns false,
 * with errp set, if there is no BMC.
 */
bool ipmi_sysintf_setup(IPMISysIntf *si, const IPMISysIntfKind *kind,
                        Object *owner, uint64_t size, Error **errp);

/* Unrealize: the BMC is free for another interface. */
void ipmi_sysintf_release(IPMISysIntf *si);

/*
 * A device reset, both halves of a Resettable: enter ends any transfer (the
 * kind's reset says what stays), hold lowers the line, as nothing is pending
 * after it.
 */
void ipmi_sysintf_reset_enter(IPMISysIntf *si);
void ipmi_sysintf_reset_hold(IPMISysIntf *si);

/* Sets the interrupt line, if the device has one. */
void ipmi_sysintf_set_irq(IPMISysIntf *si, bool level);

/*
 * Hands the BMC a request (NetFn/LUN, command, data) under id; the BMC
 * answers through the interface's handle_rsp, at once or later.
 */
void ipmi_sysintf_request(IPMISysIntf *si, const uint8_t *msg, size_t len,
                          uint8_t id);

/*
 * The firmware description of the interface but for where it is: the device
 * adds the base address and the interrupt number.
 */
void ipmi_sysintf_get_fwinfo(IPMISysIntf *si, IPMIFwInfo *info);

/*
 * Migration. Each kind's section has upstream's fields, converted from and to
 * its machine, and a subsection with the whole machine, sent only when those
 * fields cannot carry it (machine_needed, which the kind's pre_save sets). These
 * take the kind's state, which starts with its IPMISysIntf: the section's
 * pre_load, and the subsection's needed and post_load.
 */
int ipmi_sysintf_pre_load(void *opaque);
bool ipmi_sysintf_machine_needed(void *opaque);
int ipmi_sysintf_machine_loaded(void *opaque, int version_id);

#endif /* HW_IPMI_IPMI_SYSINTF_H */
