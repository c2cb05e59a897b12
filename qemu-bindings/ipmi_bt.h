/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the BT system interfaces ("isa-ipmi-bt", "pci-ipmi-bt") share, as
 * ipmi_kcs.h for KCS: a device embeds an IPMIBT and sets it up with
 * ipmi_sysintf_setup and ipmi_bt_kind.
 *
 * The header is private to hw/ipmi, as ipmi_kcs.h is.
 */
#ifndef HW_IPMI_IPMI_BT_H
#define HW_IPMI_IPMI_BT_H

#include "migration/vmstate.h"

#include "core/bt.h"
#include "core/bt_migrate.h"
#include "ipmi_sysintf.h"

/*
 * The BT registers (control, buffer, interrupt mask), as many as the firmware
 * tables give. The machine decodes its whole window: anything past them reads
 * 0xff.
 */
#define IPMI_BT_REGISTERS BT_REGISTER_COUNT

typedef struct IPMIBT {
    IPMISysIntf si;             /* BMC link, interrupt line, registers */
    struct bt_machine machine;
    struct bt_upstream upstream;    /* upstream's fields, while migrating */
} IPMIBT;

/*
 * The kind, for ipmi_sysintf_setup. A device reset ends any transfer and
 * clears the host's interrupt mask (see bt_machine_reset for what stays).
 */
extern const IPMISysIntfKind ipmi_bt_kind;

/*
 * Fills in the interface class: handle_rsp, set_atn and set_irq_enable, which
 * find the IPMIBT through iic->get_backend_data (the device sets that).
 */
void ipmi_bt_class_init(IPMIInterfaceClass *iic);

/*
 * Upstream QEMU 10.0's vmstate_IPMIBT ("ipmi-interface-bt", version 1), over the
 * machine, with the whole machine in a subsection when upstream's fields cannot
 * carry it; refused on load when it converts to no state the machine can be in.
 */
extern const VMStateDescription vmstate_ipmi_bt;

#endif /* HW_IPMI_IPMI_BT_H */
