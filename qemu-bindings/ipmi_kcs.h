/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the KCS system interfaces ("isa-ipmi-kcs", "pci-ipmi-kcs") share: the
 * forwarding of register accesses to the KCS machine (core/kcs.h), the
 * answers from the BMC and migration of the machine. A device embeds an
 * IPMIKCS, sets it up with ipmi_sysintf_setup and ipmi_kcs_kind, returns it
 * from its interface class's get_backend_data, and adds only its bus: where
 * the registers sit and which line the interrupt drives.
 *
 * The header is private to hw/ipmi: the machine's state comes from the core,
 * which lives in hw/ipmi/core, and nothing outside hw/ipmi needs it.
 */
#ifndef HW_IPMI_IPMI_KCS_H
#define HW_IPMI_IPMI_KCS_H

#include "migration/vmstate.h"

#include "core/kcs.h"
#include "core/kcs_migrate.h"
#include "ipmi_sysintf.h"

/* The two KCS registers: data, then status (reads) / command (writes). */
#define IPMI_KCS_REGISTERS 2

typedef struct IPMIKCS {
    IPMISysIntf si;             /* BMC link, interrupt line, registers */
    struct kcs_machine machine;
    struct kcs_upstream upstream;   /* upstream's fields, while migrating */
} IPMIKCS;

/*
 * The kind, for ipmi_sysintf_setup: the bytes of the window past the two
 * registers read 0xff and ignore writes. A device reset ends any transfer
 * (see kcs_machine_reset for what stays).
 */
extern const IPMISysIntfKind ipmi_kcs_kind;

/*
 * Fills in the interface class: handle_rsp, set_atn and set_irq_enable, which
 * find the IPMIKCS through iic->get_backend_data (the device sets that).
 */
void ipmi_kcs_class_init(IPMIInterfaceClass *iic);

/*
 * Upstream QEMU 10.0's vmstate_IPMIKCS ("ipmi-interface-kcs", version 2), over the
 * machine, with the whole machine in a subsection when upstream's fields cannot
 * carry it; refused on load when it converts to no state the machine can be in.
 */
extern const VMStateDescription vmstate_ipmi_kcs;

#endif /* HW_IPMI_IPMI_KCS_H */
