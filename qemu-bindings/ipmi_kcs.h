/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the KCS system interfaces ("isa-ipmi-kcs", "pci-ipmi-kcs") share: the
 * forwarding of register accesses to the KCS machine (core/kcs.h), the
 * answers from the BMC, migration of the machine and the common part of the
 * firmware description. A device embeds an IPMIKCS, returns it from its
 * interface class's get_backend_data, and adds only its bus: where the
 * registers sit and which line the interrupt drives.
 *
 * The header is private to hw/ipmi: the machine's state comes from the core,
 * which lives in hw/ipmi/core, and nothing outside hw/ipmi needs it.
 */
#ifndef HW_IPMI_IPMI_KCS_H
#define HW_IPMI_IPMI_KCS_H

#include "exec/memory.h"
#include "hw/ipmi/ipmi.h"
#include "migration/vmstate.h"

#include "core/kcs.h"

/* The two KCS registers: data, then status (reads) / command (writes). */
#define IPMI_KCS_REGISTERS 2

typedef struct IPMIKCS {
    IPMIBmc *bmc;               /* the device's "bmc" link */
    qemu_irq irq;               /* NULL: the device has no interrupt */
    uint32_t uuid;              /* numbers the interface in firmware tables */
    MemoryRegion io;            /* the registers, then (PCI) unused bytes */

    struct kcs_machine machine;
} IPMIKCS;

/*
 * Realize-time set-up: checks that a BMC is linked and takes it, starts the
 * machine idle and creates the I/O region of io_size bytes (at least
 * IPMI_KCS_REGISTERS; the bytes past the registers read 0xff and ignore
 * writes). Returns false, with errp set, if there is no BMC.
 */
bool ipmi_kcs_setup(IPMIKCS *ik, Object *owner, uint64_t io_size,
                    Error **errp);

/* Unrealize: the BMC is free for another interface. */
void ipmi_kcs_release(IPMIKCS *ik);

/*
 * Device reset, both halves of a Resettable: enter ends any transfer (see
 * kcs_machine_reset for what stays), hold lowers the interrupt line.
 */
void ipmi_kcs_reset_enter(IPMIKCS *ik);
void ipmi_kcs_reset_hold(IPMIKCS *ik);

/*
 * The firmware description every KCS interface shares; the device adds its
 * base address and interrupt number.
 */
void ipmi_kcs_get_fwinfo(IPMIKCS *ik, IPMIFwInfo *info);

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
