/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "isa-ipmi-bt": an IPMI BT system interface on the ISA bus.
 *
 * The BT interface itself is ipmi_bt.c, around the generated state machine;
 * this device gives it a window of four I/O ports (its three registers, then
 * one that reads 0xff, as upstream) and an ISA interrupt, and describes it to
 * the firmware tables (SMBIOS type 38, ACPI). PowerNV creates one itself, with
 * the in-QEMU BMC, and lists it in its device tree from the "ioport" and
 * "irq" properties.
 */
#include "qemu/osdep.h"
#include "hw/acpi/acpi_aml_interface.h"
#include "hw/acpi/ipmi.h"
#include "hw/qdev-properties.h"
#include "hw/resettable.h"
#include "migration/vmstate.h"
#include "qemu/module.h"
#include "qom/object.h"

#include "ipmi_bt.h"
#include "isa_ipmi.h"

#define TYPE_ISA_IPMI_BT "isa-ipmi-bt"
OBJECT_DECLARE_SIMPLE_TYPE(ISAIPMIBTDevice, ISA_IPMI_BT)

/* The registers and the unused port after them. */
#define ISA_IPMI_BT_WINDOW 4

struct ISAIPMIBTDevice {
    ISADevice parent_obj;

    /* Properties */
    uint32_t io_base;           /* "ioport" */
    int32_t isairq;             /* "irq"; 0 or less: no interrupt */

    IPMIBT bt;                  /* "bmc" link in bt.si.bmc */
};

static void *isa_ipmi_bt_get_backend_data(IPMIInterface *ii)
{
    return &ISA_IPMI_BT(ii)->bt;
}

static void isa_ipmi_bt_get_fwinfo(IPMIInterface *ii, IPMIFwInfo *info)
{
    ISAIPMIBTDevice *s = ISA_IPMI_BT(ii);

    isa_ipmi_get_fwinfo(&s->bt.si, info, s->io_base, s->isairq);
}

static void isa_ipmi_bt_reset_enter(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_enter(&ISA_IPMI_BT(obj)->bt.si);
}

static void isa_ipmi_bt_reset_hold(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_hold(&ISA_IPMI_BT(obj)->bt.si);
}

/*
 * Upstream's section: "ipmi-interface-isa-bt", version 2 (its version 1 could not
 * be loaded: it sent the buffers without their lengths), minimum 2, the BT fields
 * inside. Upstream registers it with vmstate_register(NULL, 0, ...); as dc->vmsd
 * it has the same idstr (an ISA device has no device path) and instance 0 for the
 * first such device.
 */
static const VMStateDescription vmstate_isa_ipmi_bt = {
    .name = "ipmi-interface-isa-bt",
    .version_id = 2,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(bt, ISAIPMIBTDevice, 1, vmstate_ipmi_bt, IPMIBT),
        VMSTATE_END_OF_LIST()
    }
};

static void isa_ipmi_bt_realize(DeviceState *dev, Error **errp)
{
    ISAIPMIBTDevice *s = ISA_IPMI_BT(dev);

    isa_ipmi_realize(ISA_DEVICE(dev), &s->bt.si, &ipmi_bt_kind,
                     ISA_IPMI_BT_WINDOW, s->io_base, s->isairq, errp);
}

static void isa_ipmi_bt_instance_init(Object *obj)
{
    ISAIPMIBTDevice *s = ISA_IPMI_BT(obj);

    ipmi_bmc_find_and_link(obj, (Object **)&s->bt.si.bmc);
}

static const Property isa_ipmi_bt_props[] = {
    DEFINE_PROP_UINT32("ioport", ISAIPMIBTDevice, io_base, 0xe4),
    DEFINE_PROP_INT32("irq", ISAIPMIBTDevice, isairq, 5),
};

static void isa_ipmi_bt_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    IPMIInterfaceClass *iic = IPMI_INTERFACE_CLASS(oc);
    AcpiDevAmlIfClass *adevc = ACPI_DEV_AML_IF_CLASS(oc);

    dc->desc = "ISA IPMI BT system interface";
    dc->realize = isa_ipmi_bt_realize;
    dc->vmsd = &vmstate_isa_ipmi_bt;
    device_class_set_props(dc, isa_ipmi_bt_props);
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    rc->phases.enter = isa_ipmi_bt_reset_enter;
    rc->phases.hold = isa_ipmi_bt_reset_hold;

    iic->get_backend_data = isa_ipmi_bt_get_backend_data;
    ipmi_bt_class_init(iic);
    iic->get_fwinfo = isa_ipmi_bt_get_fwinfo;

    adevc->build_dev_aml = build_ipmi_dev_aml;
}

static const TypeInfo isa_ipmi_bt_info = {
    .name = TYPE_ISA_IPMI_BT,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISAIPMIBTDevice),
    .instance_init = isa_ipmi_bt_instance_init,
    .class_init = isa_ipmi_bt_class_init,
    .interfaces = (InterfaceInfo[]) {
        { TYPE_IPMI_INTERFACE_HOST },
        { TYPE_ACPI_DEV_AML_IF },
        { }
    },
};

static void isa_ipmi_bt_register_types(void)
{
    type_register_static(&isa_ipmi_bt_info);
}

type_init(isa_ipmi_bt_register_types)
