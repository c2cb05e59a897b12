/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "pci-ipmi-bt": an IPMI BT system interface on PCI.
 *
 * The BT interface itself is ipmi_bt.c, around the generated state machine;
 * this device puts its three registers at the start of I/O BAR 0 and its
 * interrupt on INTA# (pci_ipmi.c), with programming interface 02h (BT).
 */
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "hw/resettable.h"
#include "migration/vmstate.h"
#include "qemu/module.h"
#include "qom/object.h"

#include "ipmi_bt.h"
#include "pci_ipmi.h"

#define TYPE_PCI_IPMI_BT "pci-ipmi-bt"
OBJECT_DECLARE_SIMPLE_TYPE(PCIIPMIBTDevice, PCI_IPMI_BT)

struct PCIIPMIBTDevice {
    PCIDevice parent_obj;

    IPMIBT bt;                  /* "bmc" link in bt.si.bmc */
};

static void *pci_ipmi_bt_get_backend_data(IPMIInterface *ii)
{
    return &PCI_IPMI_BT(ii)->bt;
}

static void pci_ipmi_bt_reset_enter(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_enter(&PCI_IPMI_BT(obj)->bt.si);
}

static void pci_ipmi_bt_reset_hold(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_hold(&PCI_IPMI_BT(obj)->bt.si);
}

/* Upstream's: "ipmi-interface-pci-bt" version 1, the PCI device, then the BT fields. */
static const VMStateDescription vmstate_pci_ipmi_bt = {
    .name = "ipmi-interface-pci-bt",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_PCI_DEVICE(parent_obj, PCIIPMIBTDevice),
        VMSTATE_STRUCT(bt, PCIIPMIBTDevice, 1, vmstate_ipmi_bt, IPMIBT),
        VMSTATE_END_OF_LIST()
    }
};

static void pci_ipmi_bt_realize(PCIDevice *pd, Error **errp)
{
    PCIIPMIBTDevice *s = PCI_IPMI_BT(pd);

    pci_ipmi_realize(pd, &s->bt.si, &ipmi_bt_kind, PCI_IPMI_PROG_IF_BT,
                     errp);
}

static void pci_ipmi_bt_exit(PCIDevice *pd)
{
    pci_ipmi_exit(&PCI_IPMI_BT(pd)->bt.si);
}

static void pci_ipmi_bt_instance_init(Object *obj)
{
    PCIIPMIBTDevice *s = PCI_IPMI_BT(obj);

    ipmi_bmc_find_and_link(obj, (Object **)&s->bt.si.bmc);
}

static void pci_ipmi_bt_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    PCIDeviceClass *pdc = PCI_DEVICE_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    IPMIInterfaceClass *iic = IPMI_INTERFACE_CLASS(oc);

    dc->desc = "PCI IPMI BT system interface";
    dc->vmsd = &vmstate_pci_ipmi_bt;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    rc->phases.enter = pci_ipmi_bt_reset_enter;
    rc->phases.hold = pci_ipmi_bt_reset_hold;

    pci_ipmi_class_init(pdc);
    pdc->realize = pci_ipmi_bt_realize;
    pdc->exit = pci_ipmi_bt_exit;

    iic->get_backend_data = pci_ipmi_bt_get_backend_data;
    ipmi_bt_class_init(iic);
    /* No iic->get_fwinfo: see pci_ipmi.h. */
}

static const TypeInfo pci_ipmi_bt_info = {
    .name = TYPE_PCI_IPMI_BT,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PCIIPMIBTDevice),
    .instance_init = pci_ipmi_bt_instance_init,
    .class_init = pci_ipmi_bt_class_init,
    .interfaces = (InterfaceInfo[]) {
        { TYPE_IPMI_INTERFACE_HOST },
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { }
    },
};

static void pci_ipmi_bt_register_types(void)
{
    type_register_static(&pci_ipmi_bt_info);
}

type_init(pci_ipmi_bt_register_types)
