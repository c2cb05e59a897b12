/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QEMU's public IPMI interface, as this project provides it.
 *
 * The devices behind it (hw/ipmi) are thin QOM shells around a proved C core:
 * the system interfaces forward register accesses to a generated state machine,
 * the in-QEMU BMC forwards requests to the BMC core. This header keeps the
 * names and shapes that QEMU code outside hw/ipmi relies on:
 *   - firmware tables (hw/smbios/smbios_type_38.c, hw/acpi/ipmi.c): IPMIFwInfo,
 *     TYPE_IPMI_INTERFACE and the interface class's get_fwinfo;
 *   - PowerNV (hw/ppc/pnv_bmc.c, hw/ppc/pnv.c): IPMIBmc, the simulator type,
 *     its SDR and event entry points, and the OEM NetFn hook (RspBuffer,
 *     IPMINetfn).
 * Completion codes and NetFns come from the core's message definitions; the
 * names QEMU code has always used are kept as aliases of them.
 */
#ifndef HW_IPMI_H
#define HW_IPMI_H

#include "exec/memory.h"
#include "hw/qdev-core.h"
#include "qom/object.h"

#include "hw/ipmi/ipmi_messages.h"

/* The longest message either way, NetFn/LUN and command included. */
#define MAX_IPMI_MSG_SIZE IPMI_MAX_MESSAGE

/* Names QEMU has used for completion codes, as aliases of the core's. */
#define IPMI_CC_INVALID_CMD IPMI_CC_INVALID_COMMAND
#define IPMI_CC_COMMAND_INVALID_FOR_LUN IPMI_CC_INVALID_FOR_LUN
#define IPMI_CC_INVALID_RESERVATION IPMI_CC_RESERVATION_INVALID
#define IPMI_CC_PARM_OUT_OF_RANGE IPMI_CC_PARAMETER_OUT_OF_RANGE
#define IPMI_CC_CANNOT_RETURN_REQ_NUM_BYTES IPMI_CC_CANNOT_RETURN_BYTES
#define IPMI_CC_REQ_ENTRY_NOT_PRESENT IPMI_CC_NOT_PRESENT
#define IPMI_CC_BMC_INIT_IN_PROGRESS IPMI_CC_INIT_IN_PROGRESS
#define IPMI_CC_COMMAND_NOT_SUPPORTED IPMI_CC_NOT_SUPPORTED_IN_STATE

/* What a BMC may ask the machine to do (chassis control, watchdog actions). */
enum ipmi_op {
    IPMI_RESET_CHASSIS,
    IPMI_POWEROFF_CHASSIS,
    IPMI_POWERON_CHASSIS,
    IPMI_POWERCYCLE_CHASSIS,
    IPMI_PULSE_DIAG_IRQ,
    IPMI_SHUTDOWN_VIA_ACPI_OVERTEMP,
    IPMI_SEND_NMI
};

/* Interface types of SMBIOS type 38 (SMBIOS 3.x, table 68). */
#define IPMI_SMBIOS_KCS 0x01
#define IPMI_SMBIOS_SMIC 0x02
#define IPMI_SMBIOS_BT 0x03
#define IPMI_SMBIOS_SSIF 0x04

/* What a system interface tells the firmware tables (SMBIOS type 38, ACPI). */
typedef struct IPMIFwInfo {
    const char *interface_name;     /* "kcs", "bt", "smbus", ... */
    int interface_type;             /* IPMI_SMBIOS_* */
    uint8_t ipmi_spec_major_revision;
    uint8_t ipmi_spec_minor_revision;
    uint8_t i2c_slave_address;      /* the BMC's address */
    uint32_t uuid;                  /* from ipmi_next_uuid() */

    uint64_t base_address;
    uint64_t register_length;
    uint8_t register_spacing;
    enum {
        IPMI_MEMSPACE_IO,
        IPMI_MEMSPACE_MEM32,
        IPMI_MEMSPACE_MEM64,
        IPMI_MEMSPACE_SMBUS
    } memspace;

    int interrupt_number;           /* 0: no interrupt */
    enum {
        IPMI_LEVEL_IRQ,
        IPMI_EDGE_IRQ
    } irq_type;
} IPMIFwInfo;

/* A number unique to each system interface, for its firmware table entries. */
uint32_t ipmi_next_uuid(void);

/* Interface VMState names start with this. */
#define TYPE_IPMI_INTERFACE_PREFIX "ipmi-interface-"

/*
 * "ipmi-interface": what the BMC side sees of a system interface. Every system
 * interface implements it, through "ipmi-interface-host" below.
 */
#define TYPE_IPMI_INTERFACE "ipmi-interface"
#define IPMI_INTERFACE(obj) \
    INTERFACE_CHECK(IPMIInterface, (obj), TYPE_IPMI_INTERFACE)
typedef struct IPMIInterfaceClass IPMIInterfaceClass;
DECLARE_CLASS_CHECKERS(IPMIInterfaceClass, IPMI_INTERFACE, TYPE_IPMI_INTERFACE)

typedef struct IPMIInterface IPMIInterface;

struct IPMIInterfaceClass {
    InterfaceClass parent;

    /*
     * Optional set-up hook with a minimum I/O size (a power of two, 0 for the
     * device's own); this project's devices set themselves up in realize.
     */
    void (*init)(IPMIInterface *s, unsigned int min_size, Error **errp);

    /*
     * Carries out (or, with checkonly, only checks) a chassis operation;
     * returns 0 or a completion code. "ipmi-interface" provides a default.
     */
    int (*do_hw_op)(IPMIInterface *s, enum ipmi_op op, int checkonly);

    /* The BMC turned the interface's interrupts on or off. */
    void (*set_irq_enable)(IPMIInterface *s, int val);

    /*
     * Optional: the host touched the interface (upstream-style devices only).
     */
    void (*handle_if_event)(IPMIInterface *s);

    /* The BMC set or cleared attention (SMS_ATN); irq: interrupt for it. */
    void (*set_atn)(IPMIInterface *s, int val, int irq);

    /* Optional: the BMC got a cold or warm reset; called after its response. */
    void (*reset)(IPMIInterface *s, bool is_cold);

    /* The BMC's response to the request that went out with msg_id. */
    void (*handle_rsp)(IPMIInterface *s, uint8_t msg_id,
                       unsigned char *rsp, unsigned int rsp_len);

    /*
     * The device's transfer state, for the code its kind of interface
     * shares (ipmi_kcs.c, ipmi_bt.c).
     */
    void *(*get_backend_data)(IPMIInterface *s);

    /* Fills in what the firmware tables say about the interface. */
    void (*get_fwinfo)(IPMIInterface *s, IPMIFwInfo *info);
};

/*
 * "ipmi-interface-host": a system interface the host's software talks to (KCS,
 * BT, SSIF). Its parent is "ipmi-interface", so a device implementing it casts
 * to both.
 */
#define TYPE_IPMI_INTERFACE_HOST "ipmi-interface-host"
typedef struct IPMIInterfaceHostClass {
    IPMIInterfaceClass parent;
} IPMIInterfaceHostClass;
DECLARE_CLASS_CHECKERS(IPMIInterfaceHostClass, IPMI_INTERFACE_HOST,
                       TYPE_IPMI_INTERFACE_HOST)

/* "ipmi-bmc": a BMC, simulated or reached over a chardev. Abstract. */
#define TYPE_IPMI_BMC "ipmi-bmc"
OBJECT_DECLARE_TYPE(IPMIBmc, IPMIBmcClass, IPMI_BMC)

struct IPMIBmc {
    DeviceState parent;

    uint8_t slave_addr;             /* property "slave_addr" */

    IPMIInterface *intf;            /* set by the interface that links to it */
};

struct IPMIBmcClass {
    DeviceClass parent;

    /* Optional: the machine reset. */
    void (*handle_reset)(IPMIBmc *s);

    /*
     * A request from the interface: cmd[0..cmd_len) (NetFn/LUN, command, data)
     * out of a buffer of max_cmd_len bytes. The answer goes back through the
     * interface's handle_rsp with the same msg_id, now or later.
     */
    void (*handle_command)(IPMIBmc *s, uint8_t *cmd, unsigned int cmd_len,
                           unsigned int max_cmd_len, uint8_t msg_id);

    /*
     * Optional: tells the interface again, through its set_irq_enable and set_atn,
     * what this BMC has set for it. An interface whose migration stream cannot
     * carry them (upstream's smbus-ipmi has neither) asks for it after loading.
     */
    void (*announce)(IPMIBmc *s);
};

/* "ipmi-bmc-host": a BMC as the host's system interfaces see it. Abstract. */
#define TYPE_IPMI_BMC_HOST "ipmi-bmc-host"
OBJECT_DECLARE_TYPE(IPMIBmcHost, IPMIBmcHostClass, IPMI_BMC_HOST)

struct IPMIBmcHost {
    IPMIBmc parent;
};

struct IPMIBmcHostClass {
    IPMIBmcClass parent;
};

/*
 * Gives obj a "bmc" link property that stores into *bmc and refuses a BMC that
 * another interface already uses.
 */
void ipmi_bmc_find_and_link(Object *obj, Object **bmc);

/* Sensor Data Records (IPMI 2.0 section 43). */
struct ipmi_sdr_header {
    uint8_t rec_id[2];              /* little endian */
    uint8_t sdr_version;            /* 51h */
    uint8_t rec_type;
    uint8_t rec_length;             /* bytes after this header */
};
#define IPMI_SDR_HEADER_SIZE sizeof(struct ipmi_sdr_header)

#define ipmi_sdr_recid(sdr) ((sdr)->rec_id[0] | ((sdr)->rec_id[1] << 8))
#define ipmi_sdr_length(sdr) ((sdr)->rec_length + IPMI_SDR_HEADER_SIZE)

/* Record type 02h: Compact Sensor Record (section 43.2). */
#define IPMI_SDR_COMPACT_TYPE 2

struct ipmi_sdr_compact {
    struct ipmi_sdr_header header;

    uint8_t sensor_owner_id;
    uint8_t sensor_owner_lun;
    uint8_t sensor_owner_number;
    uint8_t entity_id;
    uint8_t entity_instance;
    uint8_t sensor_init;
    uint8_t sensor_caps;
    uint8_t sensor_type;
    uint8_t reading_type;
    uint8_t assert_mask[2];
    uint8_t deassert_mask[2];
    uint8_t discrete_mask[2];
    uint8_t sensor_unit1;
    uint8_t sensor_unit2;
    uint8_t sensor_unit3;
    uint8_t sensor_direction[2];
    uint8_t positive_threshold;
    uint8_t negative_threshold;
    uint8_t reserved[3];
    uint8_t oem;
    uint8_t id_str_len;
    uint8_t id_string[16];
};

typedef uint8_t ipmi_sdr_compact_buffer[sizeof(struct ipmi_sdr_compact)];

/*
 * The SDR with record id recid, and the id of the next one (FFFFh after the last);
 * returns 0 if found. For the in-QEMU BMC only (ipmi-bmc-sim).
 */
int ipmi_bmc_sdr_find(IPMIBmc *b, uint16_t recid,
                      const struct ipmi_sdr_compact **sdr, uint16_t *nextrec);

/*
 * Hands the BMC a 16-byte event (SEL record layout), to log if log is set; the BMC
 * also puts it in its event message buffer when that is enabled and empty.
 */
void ipmi_bmc_gen_event(IPMIBmc *b, uint8_t *evt, bool log);

/* "ipmi-bmc-sim": the BMC that runs inside QEMU, on the project's BMC core. */
#define TYPE_IPMI_BMC_SIMULATOR "ipmi-bmc-sim"
OBJECT_DECLARE_SIMPLE_TYPE(IPMIBmcSim, IPMI_BMC_SIMULATOR)

/*
 * A response under construction for a registered NetFn's handler: buffer[0..2]
 * hold NetFn/LUN, command and completion code (00h) before the handler runs.
 */
typedef struct RspBuffer {
    uint8_t buffer[MAX_IPMI_MSG_SIZE];
    unsigned int len;
} RspBuffer;

static inline void rsp_buffer_set_error(RspBuffer *rsp, uint8_t byte)
{
    rsp->buffer[2] = byte;
}

/* Appends a byte; a full buffer turns the completion code into C6h instead. */
static inline void rsp_buffer_push(RspBuffer *rsp, uint8_t byte)
{
    if (rsp->len >= sizeof(rsp->buffer)) {
        rsp_buffer_set_error(rsp, IPMI_CC_REQUEST_DATA_TRUNCATED);
        return;
    }
    rsp->buffer[rsp->len++] = byte;
}

/*
 * One command of a registered NetFn; requests shorter than cmd_len_min get C7h.
 */
typedef struct IPMICmdHandler {
    void (*cmd_handler)(IPMIBmcSim *s, uint8_t *cmd, unsigned int cmd_len,
                        RspBuffer *rsp);
    unsigned int cmd_len_min;       /* NetFn/LUN and command bytes included */
} IPMICmdHandler;

/* A NetFn's commands, indexed by command code. */
typedef struct IPMINetfn {
    unsigned int cmd_nums;
    const IPMICmdHandler *cmd_handlers;
} IPMINetfn;

/*
 * Lets machine code (PowerNV's HIOMAP) answer a whole NetFn itself, ahead of
 * the BMC core. Returns 0, or -1 for an odd or out-of-range NetFn or one
 * already taken.
 */
int ipmi_sim_register_netfn(IPMIBmcSim *s, unsigned int netfn,
                            const IPMINetfn *netfnd);

#endif /* HW_IPMI_H */
