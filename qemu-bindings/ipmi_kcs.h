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
#include "ipmi_sysintf.h"

/* The two KCS registers: data, then status (reads) / command (writes). */
#define IPMI_KCS_REGISTERS 2

typedef struct IPMIKCS {
    IPMISysIntf si;             /* BMC link, interrupt line, registers */
    struct kcs_machine machine;
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

/* The whole machine, refused on load unless kcs_machine_consistent holds. */
extern const VMStateDescription vmstate_kcs_machine;

#define VMSTATE_IPMI_KCS(_field, _state) \
    VMSTATE_STRUCT(_field.machine, _state, 1, vmstate_kcs_machine, \
                   struct kcs_machine)

#endif /* HW_IPMI_IPMI_KCS_H */
