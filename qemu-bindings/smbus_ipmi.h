/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "smbus-ipmi" (smbus_ipmi.c): the device's state, shared with its migration
 * (smbus_ipmi_migrate.c). Private to hw/ipmi.
 */
#ifndef HW_IPMI_SMBUS_IPMI_H
#define HW_IPMI_SMBUS_IPMI_H

#include "hw/i2c/smbus_slave.h"
#include "migration/vmstate.h"

#include "core/ssif.h"
#include "core/ssif_migrate.h"
#include "ipmi_sysintf.h"

#define TYPE_SMBUS_IPMI "smbus-ipmi"
OBJECT_DECLARE_TYPE(SMBusIPMIDevice, SMBusIPMIClass, SMBUS_IPMI)

/* The named GPIO output the SMBus alert drives. */
#define SMBUS_IPMI_ALERT "smbus-alert"

struct SMBusIPMIClass {
    SMBusDeviceClass parent_class;

    /* The SMBus layer's I2C event handler, which smbus_ipmi_event wraps. */
    int (*parent_event)(I2CSlave *s, enum i2c_event event);
};

struct SMBusIPMIDevice {
    SMBusDevice parent;         /* "address" (the I2C slave's): 0x10 here */

    IPMISysIntf si;             /* "bmc" link; si.irq is the SMBus alert */
    struct ssif_machine machine;

    /* Bytes of the current block read handed out, its count byte included. */
    uint8_t read_pos;
    /* Inside an I2C start for reading: write_data is the command of a read. */
    bool reading;
    /* That read's answer: not acknowledged. */
    bool read_nak;

    /* Migration: upstream's fields, and whether our machine came with them. */
    struct ssif_upstream upstream;
    bool machine_loaded;
};

/*
 * Upstream QEMU 10.0's section "smbus-ipmi", version 1, over the machine, with
 * a subsection for what upstream's fields cannot say.
 */
extern const VMStateDescription vmstate_smbus_ipmi;

#endif /* HW_IPMI_SMBUS_IPMI_H */
