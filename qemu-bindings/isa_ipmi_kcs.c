/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "isa-ipmi-kcs": an IPMI KCS system interface on the ISA bus.
 *
 * The KCS interface itself is ipmi_kcs.c, around the generated state machine;
 * this device gives it two I/O ports and an ISA interrupt, and describes it to
 * the firmware tables (SMBIOS type 38, ACPI).
 */
#include "qemu/osdep.h"
#include "hw/acpi/acpi_aml_interface.h"
#include "hw/acpi/ipmi.h"
#include "hw/qdev-properties.h"
#include "hw/resettable.h"
#include "migration/vmstate.h"
#include "qemu/module.h"
#include "qom/object.h"

#include "ipmi_kcs.h"
#include "isa_ipmi.h"

#define TYPE_ISA_IPMI_KCS "isa-ipmi-kcs"
OBJECT_DECLARE_SIMPLE_TYPE(ISAIPMIKCSDevice, ISA_IPMI_KCS)

struct ISAIPMIKCSDevice {
    ISADevice parent_obj;

    /* Properties */
    uint32_t io_base;           /* "ioport" */
    int32_t isairq;             /* "irq"; 0 or less: no interrupt */

    IPMIKCS kcs;                /* "bmc" link in kcs.si.bmc */
};

static void *isa_ipmi_kcs_get_backend_data(IPMIInterface *ii)
{
    return &ISA_IPMI_KCS(ii)->kcs;
}

static void isa_ipmi_kcs_get_fwinfo(IPMIInterface *ii, IPMIFwInfo *info)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(ii);

    isa_ipmi_get_fwinfo(&s->kcs.si, info, s->io_base, s->isairq);
}

static void isa_ipmi_kcs_reset_enter(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_enter(&ISA_IPMI_KCS(obj)->kcs.si);
}

static void isa_ipmi_kcs_reset_hold(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_hold(&ISA_IPMI_KCS(obj)->kcs.si);
}

/*
 * Upstream's section: "ipmi-interface" (it registers it with no device path),
 * version 2, the KCS fields at the section's version.
 */
static bool isa_ipmi_kcs_version1(void *opaque, int version_id)
{
    return version_id <= 1;
}

static const VMStateDescription vmstate_isa_ipmi_kcs = {
    .name = "ipmi-interface",
    .version_id = 2,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_VSTRUCT_TEST(kcs, ISAIPMIKCSDevice, isa_ipmi_kcs_version1, 0,
                             vmstate_ipmi_kcs, IPMIKCS, 1),
        VMSTATE_VSTRUCT_V(kcs, ISAIPMIKCSDevice, 2, vmstate_ipmi_kcs, IPMIKCS, 2),
        VMSTATE_END_OF_LIST()
    }
};

static void isa_ipmi_kcs_realize(DeviceState *dev, Error **errp)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(dev);

    isa_ipmi_realize(ISA_DEVICE(dev), &s->kcs.si, &ipmi_kcs_kind,
                     IPMI_KCS_REGISTERS, s->io_base, s->isairq, errp);
}

static void isa_ipmi_kcs_instance_init(Object *obj)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(obj);

    ipmi_bmc_find_and_link(obj, (Object **)&s->kcs.si.bmc);
}

static const Property isa_ipmi_kcs_props[] = {
    DEFINE_PROP_UINT32("ioport", ISAIPMIKCSDevice, io_base, 0xca2),
    DEFINE_PROP_INT32("irq", ISAIPMIKCSDevice, isairq, 5),
};

static void isa_ipmi_kcs_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    IPMIInterfaceClass *iic = IPMI_INTERFACE_CLASS(oc);
    AcpiDevAmlIfClass *adevc = ACPI_DEV_AML_IF_CLASS(oc);

    dc->desc = "ISA IPMI KCS system interface";
    dc->realize = isa_ipmi_kcs_realize;
    dc->vmsd = &vmstate_isa_ipmi_kcs;
    device_class_set_props(dc, isa_ipmi_kcs_props);
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    rc->phases.enter = isa_ipmi_kcs_reset_enter;
    rc->phases.hold = isa_ipmi_kcs_reset_hold;

    iic->get_backend_data = isa_ipmi_kcs_get_backend_data;
    ipmi_kcs_class_init(iic);
    iic->get_fwinfo = isa_ipmi_kcs_get_fwinfo;

    adevc->build_dev_aml = build_ipmi_dev_aml;
}

static const TypeInfo isa_ipmi_kcs_info = {
    .name = TYPE_ISA_IPMI_KCS,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISAIPMIKCSDevice),
    .instance_init = isa_ipmi_kcs_instance_init,
    .class_init = isa_ipmi_kcs_class_init,
    .interfaces = (InterfaceInfo[]) {
        { TYPE_IPMI_INTERFACE_HOST },
        { TYPE_ACPI_DEV_AML_IF },
        { }
    },
};

static void isa_ipmi_kcs_register_types(void)
{
    type_register_static(&isa_ipmi_kcs_info);
}

type_init(isa_ipmi_kcs_register_types)
