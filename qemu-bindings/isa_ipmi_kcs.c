/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "isa-ipmi-kcs": an IPMI KCS system interface on the ISA bus.
 *
 * All of the KCS protocol lives in the generated state machine
 * (core/kcs.h): this device gives it two I/O ports and an interrupt
 * line, forwards every register access to it and carries out what each call
 * returns (set the IRQ line, hand a complete request to the BMC). The BMC
 * answers through handle_rsp.
 */
#include "qemu/osdep.h"
#include "hw/acpi/acpi_aml_interface.h"
#include "hw/acpi/ipmi.h"
#include "hw/ipmi/ipmi.h"
#include "hw/irq.h"
#include "hw/isa/isa.h"
#include "hw/qdev-properties.h"
#include "hw/resettable.h"
#include "migration/vmstate.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "trace.h"

#include "core/kcs.h"

#define TYPE_ISA_IPMI_KCS "isa-ipmi-kcs"
OBJECT_DECLARE_SIMPLE_TYPE(ISAIPMIKCSDevice, ISA_IPMI_KCS)

/*
 * The KCS registers: data at the base address, status/command right after it.
 */
#define ISA_IPMI_KCS_IO_SIZE 2

struct ISAIPMIKCSDevice {
    ISADevice parent_obj;

    /* Properties */
    uint32_t io_base;           /* "ioport" */
    int32_t isairq;             /* "irq"; 0 or less: no interrupt */
    IPMIBmc *bmc;               /* "bmc" link */

    uint32_t uuid;
    MemoryRegion io;
    qemu_irq irq;               /* NULL without an interrupt */

    struct kcs_machine kcs;
};

/* Carries out what a call into the state machine returned. */
static void isa_ipmi_kcs_apply(ISAIPMIKCSDevice *s, struct kcs_result r)
{
    if (r.irq_changed) {
        trace_isa_ipmi_kcs_irq(s->io_base, r.irq_level);
        if (s->irq) {
            qemu_set_irq(s->irq, r.irq_level);
        }
    }
    if (r.request) {
        IPMIBmcClass *bk = IPMI_BMC_GET_CLASS(s->bmc);

        trace_isa_ipmi_kcs_request(s->io_base, s->kcs.request_id,
                                   s->kcs.request_len);
        /*
         * The machine holds IBF until the response arrives, so the request
         * buffer stays as it is while the BMC reads it.
         */
        bk->handle_command(s->bmc, s->kcs.request, s->kcs.request_len,
                           sizeof(s->kcs.request), s->kcs.request_id);
    }
}

static uint64_t isa_ipmi_kcs_io_read(void *opaque, hwaddr addr, unsigned size)
{
    ISAIPMIKCSDevice *s = opaque;
    uint8_t offset = addr & 1;
    struct kcs_result r = kcs_machine_read(&s->kcs, offset);

    trace_isa_ipmi_kcs_read(s->io_base, offset, r.value, s->kcs.phase);
    isa_ipmi_kcs_apply(s, r);
    return r.value;
}

static void isa_ipmi_kcs_io_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
    ISAIPMIKCSDevice *s = opaque;
    uint8_t offset = addr & 1;

    trace_isa_ipmi_kcs_write(s->io_base, offset, (uint8_t)val, s->kcs.phase);
    isa_ipmi_kcs_apply(s, kcs_machine_write(&s->kcs, offset, (uint8_t)val));
}

static const MemoryRegionOps isa_ipmi_kcs_io_ops = {
    .read = isa_ipmi_kcs_io_read,
    .write = isa_ipmi_kcs_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = {
        .min_access_size = 1,
        .max_access_size = 1,
    },
};

/* IPMIInterfaceClass: what the BMC calls. */

static void isa_ipmi_kcs_handle_rsp(IPMIInterface *ii, uint8_t msg_id,
                                    unsigned char *rsp, unsigned int rsp_len)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(ii);
    struct kcs_result r = kcs_machine_respond(&s->kcs, msg_id, rsp, rsp_len);

    trace_isa_ipmi_kcs_response(s->io_base, msg_id, rsp_len, s->kcs.phase);
    isa_ipmi_kcs_apply(s, r);
}

static void isa_ipmi_kcs_set_atn(IPMIInterface *ii, int val, int irq)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(ii);

    trace_isa_ipmi_kcs_set_atn(s->io_base, val != 0, irq != 0);
    isa_ipmi_kcs_apply(s, kcs_machine_set_attention(&s->kcs, val != 0,
                                                    irq != 0));
}

static void isa_ipmi_kcs_set_irq_enable(IPMIInterface *ii, int val)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(ii);

    trace_isa_ipmi_kcs_set_irq_enable(s->io_base, val != 0);
    isa_ipmi_kcs_apply(s, kcs_machine_set_irq_enable(&s->kcs, val != 0));
}

static void isa_ipmi_kcs_get_fwinfo(IPMIInterface *ii, IPMIFwInfo *info)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(ii);

    info->interface_name = "kcs";
    info->interface_type = IPMI_SMBIOS_KCS;
    info->ipmi_spec_major_revision = 2;
    info->ipmi_spec_minor_revision = 0;
    info->i2c_slave_address = s->bmc->slave_addr;
    info->uuid = s->uuid;
    info->base_address = s->io_base;
    info->register_length = ISA_IPMI_KCS_IO_SIZE;
    info->register_spacing = 1;
    info->memspace = IPMI_MEMSPACE_IO;
    info->interrupt_number = s->isairq > 0 ? s->isairq : 0;
    info->irq_type = IPMI_LEVEL_IRQ;
}

/*
 * Reset. Upstream's KCS device has no reset at all; here a machine reset ends
 * any transfer (the host starts over from idle), but what belongs to the BMC
 * stays: the BMC is not reset with the host, so its interrupt enable (Set BMC
 * Global Enables) and its attention flag (its message flags) still hold, and
 * the id of the last request stays so that a late answer to it cannot match a
 * new one.
 */
static void isa_ipmi_kcs_reset_enter(Object *obj, ResetType type)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(obj);

    trace_isa_ipmi_kcs_reset(s->io_base);
    kcs_machine_reset(&s->kcs);
}

static void isa_ipmi_kcs_reset_hold(Object *obj, ResetType type)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(obj);

    /* After init nothing is pending, so the line is low. */
    if (s->irq) {
        qemu_irq_lower(s->irq);
    }
}

/*
 * Migration: the whole machine. The core's functions assume its invariant, so a
 * state that breaks it is refused rather than loaded; the check is the core's own,
 * proved equal to the invariant.
 */
static int isa_ipmi_kcs_machine_post_load(void *opaque, int version_id)
{
    struct kcs_machine *m = opaque;

    if (!kcs_machine_consistent(m)) {
        error_report("isa-ipmi-kcs: migrated KCS state is inconsistent "
                     "(phase %u, request %u, response %u at %u)",
                     m->phase, m->request_len, m->response_len,
                     m->response_pos);
        return -EINVAL;
    }
    return 0;
}

static const VMStateDescription vmstate_kcs_machine = {
    .name = "kcs-machine",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = isa_ipmi_kcs_machine_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(phase, struct kcs_machine),
        VMSTATE_UINT8(data_out, struct kcs_machine),
        VMSTATE_BOOL(obf, struct kcs_machine),
        VMSTATE_BOOL(cd, struct kcs_machine),
        VMSTATE_BOOL(atn, struct kcs_machine),
        VMSTATE_UINT8(error, struct kcs_machine),
        VMSTATE_UINT8(request_id, struct kcs_machine),
        VMSTATE_BOOL(irq_enabled, struct kcs_machine),
        VMSTATE_BOOL(obf_irq, struct kcs_machine),
        VMSTATE_BOOL(atn_irq, struct kcs_machine),
        VMSTATE_UINT16(request_len, struct kcs_machine),
        VMSTATE_UINT16(response_len, struct kcs_machine),
        VMSTATE_UINT16(response_pos, struct kcs_machine),
        VMSTATE_UINT8_ARRAY(request, struct kcs_machine, KCS_REQUEST_CAPACITY),
        VMSTATE_UINT8_ARRAY(response, struct kcs_machine,
                            KCS_RESPONSE_CAPACITY),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription vmstate_isa_ipmi_kcs = {
    .name = TYPE_ISA_IPMI_KCS,
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(kcs, ISAIPMIKCSDevice, 1, vmstate_kcs_machine,
                       struct kcs_machine),
        VMSTATE_END_OF_LIST()
    }
};

static void isa_ipmi_kcs_realize(DeviceState *dev, Error **errp)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(dev);
    ISADevice *isadev = ISA_DEVICE(dev);

    if (!s->bmc) {
        error_setg(errp, "IPMI device requires a bmc attribute to be set");
        return;
    }
    if (s->io_base > 0x10000 - ISA_IPMI_KCS_IO_SIZE) {
        error_setg(errp, "ioport 0x%" PRIx32 " is outside the ISA I/O space",
                   s->io_base);
        return;
    }
    if (s->isairq >= ISA_NUM_IRQS) {
        error_setg(errp, "irq %" PRId32 " is not an ISA interrupt (0-%d)",
                   s->isairq, ISA_NUM_IRQS - 1);
        return;
    }

    s->uuid = ipmi_next_uuid();
    s->bmc->intf = IPMI_INTERFACE(dev);
    kcs_machine_init(&s->kcs);

    if (s->isairq > 0) {
        s->irq = isa_get_irq(isadev, s->isairq);
    }
    memory_region_init_io(&s->io, OBJECT(dev), &isa_ipmi_kcs_io_ops, s,
                          "ipmi-kcs", ISA_IPMI_KCS_IO_SIZE);
    isa_register_ioport(isadev, &s->io, s->io_base);
}

static void isa_ipmi_kcs_instance_init(Object *obj)
{
    ISAIPMIKCSDevice *s = ISA_IPMI_KCS(obj);

    ipmi_bmc_find_and_link(obj, (Object **)&s->bmc);
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

    iic->handle_rsp = isa_ipmi_kcs_handle_rsp;
    iic->set_atn = isa_ipmi_kcs_set_atn;
    iic->set_irq_enable = isa_ipmi_kcs_set_irq_enable;
    iic->get_fwinfo = isa_ipmi_kcs_get_fwinfo;
    /*
     * No iic->reset: as upstream, a BMC cold or warm reset leaves the transfer
     * alone (the response to the reset request is still being read), and a cold
     * reset's interrupt disable arrives through set_irq_enable.
     */

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
