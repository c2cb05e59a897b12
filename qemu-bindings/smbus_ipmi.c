/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "smbus-ipmi": an IPMI SSIF system interface, an SMBus slave (IPMI v2.0
 * section 12).
 *
 * All of SSIF lives in the core's machine (core/ssif.h): this device hands it
 * each SMBus block write and block read and carries out what it returns
 * (acknowledge or not, the SMBus alert line, a request for the BMC). What is
 * left here is SMBus framing: which transfer is a read, the byte count in front
 * of a block read, and refusing (NAK) a read the machine does not acknowledge.
 *
 * The SMBus alert is a named GPIO output, "smbus-alert": upstream's device has
 * no interrupt, and q35's ICH9 SMBus models no SMBALERT# input, so nothing is
 * wired to it there.
 */
#include "qemu/osdep.h"
#include "hw/acpi/acpi_aml_interface.h"
#include "hw/acpi/ipmi.h"
#include "hw/i2c/smbus_slave.h"
#include "hw/irq.h"
#include "hw/qdev-core.h"
#include "hw/resettable.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "trace.h"

#include "core/ssif.h"
#include "ipmi_sysintf.h"
#include "smbus_ipmi.h"

QEMU_BUILD_BUG_ON(SSIF_REQUEST_CAPACITY > MAX_IPMI_MSG_SIZE);
QEMU_BUILD_BUG_ON(SMBUS_DATA_MAX_LEN < 2 + SSIF_CHUNK);

/*
 * The BMC's SMBus address when none is given: IPMI's BMC slave address 20h,
 * in the 7-bit form SMBus and the firmware tables use. Upstream defaults to 0,
 * which Linux cannot instantiate (0 is the general call address).
 */
#define SMBUS_IPMI_DEFAULT_ADDRESS 0x10

static SMBusIPMIDevice *smbus_ipmi_from(IPMISysIntf *si)
{
    return container_of(si, SMBusIPMIDevice, si);
}

static uint8_t smbus_ipmi_address(SMBusIPMIDevice *sid)
{
    return sid->parent.i2c.address;
}

/* Carries out what a call into the machine returned. */
static void smbus_ipmi_apply(SMBusIPMIDevice *sid, struct ssif_result r)
{
    struct ssif_machine *m = &sid->machine;

    if (r.alert_changed) {
        trace_smbus_ipmi_alert(smbus_ipmi_address(sid), r.alert_level);
        ipmi_sysintf_set_irq(&sid->si, r.alert_level);
    }
    if (r.request) {
        trace_smbus_ipmi_request(smbus_ipmi_address(sid), m->request_id,
                                 ssif_machine_message_len(m));
        ipmi_sysintf_request(&sid->si, ssif_machine_message(m),
                             ssif_machine_message_len(m), m->request_id);
    }
}

/*
 * QEMU's SMBus layer calls write_data with the command and what follows it
 * both for a block write (at the stop) and for the command half of a block
 * read (at the repeated start); smbus_ipmi_event says which.
 */
static int smbus_ipmi_write_data(SMBusDevice *dev, uint8_t *buf, uint8_t len)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(dev);
    struct ssif_result r;

    /* The SMBus layer calls this with the command byte at least. */
    assert(len >= 1);
    if (sid->reading) {
        /* A retry (0Ah) names its chunk in the byte after the command. */
        r = ssif_machine_read_block(&sid->machine, buf[0],
                                    len >= 2 ? buf[1] : 0);
        sid->read_nak = r.nak;
        sid->read_pos = 0;
        trace_smbus_ipmi_read(smbus_ipmi_address(sid), buf[0], r.len, r.nak,
                              sid->machine.phase);
    } else {
        r = ssif_machine_write_block(&sid->machine, buf[0], buf + 1, len - 1);
        /*
         * QEMU's SMBus has no way to refuse a write once its bytes are in: a
         * refused one only shows in the trace (and the host's next read).
         */
        trace_smbus_ipmi_write(smbus_ipmi_address(sid), buf[0], len - 1,
                               r.nak, sid->machine.phase);
    }
    smbus_ipmi_apply(sid, r);
    return r.nak ? -1 : 0;
}

/*
 * A block read's bytes: the count, then the chunk the machine gave; 0xff past
 * them, as SMBus slaves with nothing more to say do.
 */
static uint8_t smbus_ipmi_receive_byte(SMBusDevice *dev)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(dev);
    const struct ssif_machine *m = &sid->machine;
    uint8_t byte;

    if (sid->read_pos > m->chunk_len) {
        return 0xff;
    }
    byte = sid->read_pos == 0 ? m->chunk_len
                              : ssif_machine_chunk(m)[sid->read_pos - 1];
    sid->read_pos++;
    return byte;
}

/*
 * The I2C events, around the SMBus layer's: a start for reading is a block
 * read when a command was written before it (write_data then runs with
 * `reading` set); a read without one (receive byte, quick command) is no SSIF
 * transfer. A read the machine refuses is not acknowledged: the start fails,
 * and the SMBus host reports a device error, as a real BMC's NAK does.
 */
static int smbus_ipmi_event(I2CSlave *s, enum i2c_event event)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(s);
    SMBusIPMIClass *k = SMBUS_IPMI_GET_CLASS(s);
    int ret;

    if (event != I2C_START_RECV) {
        return k->parent_event(s, event);
    }
    sid->reading = true;
    sid->read_nak = true;
    ret = k->parent_event(s, event);
    sid->reading = false;
    if (ret == 0 && sid->read_nak) {
        trace_smbus_ipmi_nak(smbus_ipmi_address(sid));
        /*
         * The master ends the transfer next; with no data left, the SMBus
         * layer takes that stop for the end of a refused read, not for a
         * write or a read cut short.
         */
        sid->parent.data_len = 0;
        return -1;
    }
    return ret;
}

/* IPMIInterfaceClass: what the BMC calls. */

static void smbus_ipmi_handle_rsp(IPMIInterface *ii, uint8_t msg_id,
                                  unsigned char *rsp, unsigned int rsp_len)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(ii);
    struct ssif_result r = ssif_machine_respond(&sid->machine, msg_id, rsp,
                                                rsp_len);

    trace_smbus_ipmi_response(smbus_ipmi_address(sid), msg_id, rsp_len,
                              sid->machine.phase);
    smbus_ipmi_apply(sid, r);
}

static void smbus_ipmi_set_atn(IPMIInterface *ii, int val, int irq)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(ii);

    /* SSIF has only the one alert, whether or not the BMC asks for it. */
    trace_smbus_ipmi_set_atn(smbus_ipmi_address(sid), val != 0, irq != 0);
    smbus_ipmi_apply(sid, ssif_machine_set_attention(&sid->machine, val != 0));
}

static void smbus_ipmi_set_irq_enable(IPMIInterface *ii, int val)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(ii);

    trace_smbus_ipmi_set_irq_enable(smbus_ipmi_address(sid), val != 0);
    smbus_ipmi_apply(sid, ssif_machine_set_irq_enable(&sid->machine, val != 0));
}

static void smbus_ipmi_get_fwinfo(IPMIInterface *ii, IPMIFwInfo *info)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(ii);

    ipmi_sysintf_get_fwinfo(&sid->si, info);
    /* SMBIOS type 38 and ACPI's I2cSerialBus give the 7-bit address. */
    info->base_address = smbus_ipmi_address(sid);
    info->memspace = IPMI_MEMSPACE_SMBUS;
    info->interrupt_number = 0;
}

/*
 * Reset. Upstream's device has none; here a reset ends any transfer, while
 * what the BMC set (alert enable, attention) and the last request id stay,
 * as for KCS and BT (see ssif_machine_reset).
 */
static void smbus_ipmi_kind_reset(IPMISysIntf *si)
{
    SMBusIPMIDevice *sid = smbus_ipmi_from(si);

    trace_smbus_ipmi_reset(smbus_ipmi_address(sid));
    smbus_ipmi_apply(sid, ssif_machine_reset(&sid->machine));
    sid->read_pos = 0;
}

static void smbus_ipmi_kind_init(IPMISysIntf *si)
{
    SMBusIPMIDevice *sid = smbus_ipmi_from(si);

    ssif_machine_init(&sid->machine);
    sid->read_pos = 0;
}

static const IPMISysIntfKind smbus_ipmi_kind = {
    .name = "smbus",
    .smbios_type = IPMI_SMBIOS_SSIF,
    .registers = 0,
    .ops = NULL,
    .init = smbus_ipmi_kind_init,
    .reset = smbus_ipmi_kind_reset,
};

static void smbus_ipmi_reset_enter(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_enter(&SMBUS_IPMI(obj)->si);
}

static void smbus_ipmi_reset_hold(Object *obj, ResetType type)
{
    ipmi_sysintf_reset_hold(&SMBUS_IPMI(obj)->si);
}

static void smbus_ipmi_realize(DeviceState *dev, Error **errp)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(dev);

    ipmi_sysintf_setup(&sid->si, &smbus_ipmi_kind, OBJECT(dev), 0, errp);
}

static void smbus_ipmi_unrealize(DeviceState *dev)
{
    ipmi_sysintf_release(&SMBUS_IPMI(dev)->si);
}

static void smbus_ipmi_instance_init(Object *obj)
{
    SMBusIPMIDevice *sid = SMBUS_IPMI(obj);

    ipmi_bmc_find_and_link(obj, (Object **)&sid->si.bmc);
    /*
     * Over the I2C slave's "address" default of 0: property defaults are set
     * before instance_init, command-line values after it.
     */
    sid->parent.i2c.address = SMBUS_IPMI_DEFAULT_ADDRESS;
    qdev_init_gpio_out_named(DEVICE(obj), &sid->si.irq, SMBUS_IPMI_ALERT, 1);
}

static void smbus_ipmi_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    I2CSlaveClass *isc = I2C_SLAVE_CLASS(oc);
    SMBusDeviceClass *sc = SMBUS_DEVICE_CLASS(oc);
    SMBusIPMIClass *k = SMBUS_IPMI_CLASS(oc);
    IPMIInterfaceClass *iic = IPMI_INTERFACE_CLASS(oc);
    AcpiDevAmlIfClass *adevc = ACPI_DEV_AML_IF_CLASS(oc);

    dc->desc = "IPMI SSIF system interface on SMBus (address 0x10 unless "
               "address= says otherwise)";
    dc->realize = smbus_ipmi_realize;
    dc->unrealize = smbus_ipmi_unrealize;
    dc->vmsd = &vmstate_smbus_ipmi;
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    rc->phases.enter = smbus_ipmi_reset_enter;
    rc->phases.hold = smbus_ipmi_reset_hold;

    k->parent_event = isc->event;
    isc->event = smbus_ipmi_event;
    sc->write_data = smbus_ipmi_write_data;
    sc->receive_byte = smbus_ipmi_receive_byte;

    iic->handle_rsp = smbus_ipmi_handle_rsp;
    iic->set_atn = smbus_ipmi_set_atn;
    iic->set_irq_enable = smbus_ipmi_set_irq_enable;
    iic->get_fwinfo = smbus_ipmi_get_fwinfo;

    adevc->build_dev_aml = build_ipmi_dev_aml;
}

static const TypeInfo smbus_ipmi_info = {
    .name = TYPE_SMBUS_IPMI,
    .parent = TYPE_SMBUS_DEVICE,
    .instance_size = sizeof(SMBusIPMIDevice),
    .instance_init = smbus_ipmi_instance_init,
    .class_size = sizeof(SMBusIPMIClass),
    .class_init = smbus_ipmi_class_init,
    .interfaces = (InterfaceInfo[]) {
        { TYPE_IPMI_INTERFACE_HOST },
        { TYPE_ACPI_DEV_AML_IF },
        { }
    },
};

static void smbus_ipmi_register_types(void)
{
    type_register_static(&smbus_ipmi_info);
}

type_init(smbus_ipmi_register_types)
