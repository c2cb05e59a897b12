/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "pci-ipmi-kcs": an IPMI KCS system interface on PCI.
 *
 * The KCS interface itself is ipmi_kcs.c, around the generated state machine;
 * this device puts its two registers at the start of I/O BAR 0 and its
 * interrupt on INTA# (pci_ipmi.c), with programming interface 01h (KCS).
 */
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "hw/resettable.h"
#include "migration/vmstate.h"
#include "qemu/module.h"
#include "qom/object.h"

#include "ipmi_kcs.h"
#include "pci_ipmi.h"

#define TYPE_PCI_IPMI_KCS "pci-ipmi-kcs"
OBJECT_DECLARE_SIMPLE_TYPE(PCIIPMIKCSDevice, PCI_IPMI_KCS)

struct PCIIPMIKCSDevice {
    PCIDevice parent_obj;

    IPMIKCS kcs;                /* "bmc" link in kcs.si.bmc */
};

static void *pci_ipmi_kcs_get_backend_data(IPMIInterface *ii)
{
    return &PCI_IPMI_KCS(ii)->kcs;
}

static void pci_ipmi_kcs_reset_enter(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_enter(&PCI_IPMI_KCS(obj)->kcs.si);
}

static void pci_ipmi_kcs_reset_hold(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_hold(&PCI_IPMI_KCS(obj)->kcs.si);
}

/* Upstream's section: "ipmi-interface-pci-kcs" under the PCI path, version 1. */
static const VMStateDescription vmstate_pci_ipmi_kcs = {
    .name = "ipmi-interface-pci-kcs",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_PCI_DEVICE(parent_obj, PCIIPMIKCSDevice),
        VMSTATE_STRUCT(kcs, PCIIPMIKCSDevice, 1, vmstate_ipmi_kcs, IPMIKCS),
        VMSTATE_END_OF_LIST()
    }
};

static void pci_ipmi_kcs_realize(PCIDevice *pd, Error **errp)
{
    PCIIPMIKCSDevice *s = PCI_IPMI_KCS(pd);

    pci_ipmi_realize(pd, &s->kcs.si, &ipmi_kcs_kind, PCI_IPMI_PROG_IF_KCS,
                     errp);
}

static void pci_ipmi_kcs_exit(PCIDevice *pd)
{
    pci_ipmi_exit(&PCI_IPMI_KCS(pd)->kcs.si);
}

static void pci_ipmi_kcs_instance_init(Object *obj)
{
    PCIIPMIKCSDevice *s = PCI_IPMI_KCS(obj);

    ipmi_bmc_find_and_link(obj, (Object **)&s->kcs.si.bmc);
}

static void pci_ipmi_kcs_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    PCIDeviceClass *pdc = PCI_DEVICE_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    IPMIInterfaceClass *iic = IPMI_INTERFACE_CLASS(oc);

    dc->desc = "PCI IPMI KCS system interface";
    dc->vmsd = &vmstate_pci_ipmi_kcs;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    rc->phases.enter = pci_ipmi_kcs_reset_enter;
    rc->phases.hold = pci_ipmi_kcs_reset_hold;

    pci_ipmi_class_init(pdc);
    pdc->realize = pci_ipmi_kcs_realize;
    pdc->exit = pci_ipmi_kcs_exit;

    iic->get_backend_data = pci_ipmi_kcs_get_backend_data;
    ipmi_kcs_class_init(iic);
    /* No iic->get_fwinfo: see pci_ipmi.h. */
}

static const TypeInfo pci_ipmi_kcs_info = {
    .name = TYPE_PCI_IPMI_KCS,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PCIIPMIKCSDevice),
    .instance_init = pci_ipmi_kcs_instance_init,
    .class_init = pci_ipmi_kcs_class_init,
    .interfaces = (InterfaceInfo[]) {
        { TYPE_IPMI_INTERFACE_HOST },
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { }
    },
};

static void pci_ipmi_kcs_register_types(void)
{
    type_register_static(&pci_ipmi_kcs_info);
}

type_init(pci_ipmi_kcs_register_types)
