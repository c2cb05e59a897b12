/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BT system interface as every BT device has it (ipmi_bt.h).
 *
 * All of the BT protocol lives in the generated state machine (core/bt.h),
 * Get BT Interface Capabilities included: this file forwards every register
 * access to it and carries out what each call returns (set the interrupt
 * line, hand a complete request to the BMC). The BMC answers through
 * handle_rsp.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "trace.h"

#include "ipmi_bt.h"

QEMU_BUILD_BUG_ON(BT_REQUEST_CAPACITY > MAX_IPMI_MSG_SIZE);
/* Migration's shared callbacks take an IPMIBT as the IPMISysIntf it starts with. */
QEMU_BUILD_BUG_ON(offsetof(IPMIBT, si) != 0);

static IPMIBT *ipmi_bt_from(IPMISysIntf *si)
{
    return container_of(si, IPMIBT, si);
}

/* Carries out what a call into the state machine returned. */
static void ipmi_bt_apply(IPMIBT *ib, struct bt_result r)
{
    if (r.irq_changed) {
        trace_ipmi_bt_irq(ib->si.io.addr, r.irq_level);
        ipmi_sysintf_set_irq(&ib->si, r.irq_level);
    }
    if (r.request) {
        trace_ipmi_bt_request(ib->si.io.addr, ib->machine.request_id,
                              ib->machine.seq,
                              bt_machine_message_len(&ib->machine));
        /* The machine keeps the message as it is while the BMC holds it. */
        ipmi_sysintf_request(&ib->si, bt_machine_message(&ib->machine),
                             bt_machine_message_len(&ib->machine),
                             ib->machine.request_id);
    }
}

/* Every offset goes to the machine, which reads 0xff where it has nothing. */
static uint64_t ipmi_bt_io_read(void *opaque, hwaddr addr, unsigned size)
{
    IPMIBT *ib = ipmi_bt_from(opaque);
    struct bt_result r = bt_machine_read(&ib->machine, addr);

    trace_ipmi_bt_read(ib->si.io.addr, addr, r.value, ib->machine.phase);
    ipmi_bt_apply(ib, r);
    return r.value;
}

static void ipmi_bt_io_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    IPMIBT *ib = ipmi_bt_from(opaque);

    trace_ipmi_bt_write(ib->si.io.addr, addr, val, ib->machine.phase);
    ipmi_bt_apply(ib, bt_machine_write(&ib->machine, addr, val));
}

static const MemoryRegionOps ipmi_bt_io_ops = {
    .read = ipmi_bt_io_read,
    .write = ipmi_bt_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = {
        .min_access_size = 1,
        .max_access_size = 1,
    },
};

/* IPMIInterfaceClass: what the BMC calls. */

static IPMIBT *ipmi_bt_of(IPMIInterface *ii)
{
    return IPMI_INTERFACE_GET_CLASS(ii)->get_backend_data(ii);
}

static void ipmi_bt_handle_rsp(IPMIInterface *ii, uint8_t msg_id,
                               unsigned char *rsp, unsigned int rsp_len)
{
    IPMIBT *ib = ipmi_bt_of(ii);
    struct bt_result r = bt_machine_respond(&ib->machine, msg_id, rsp,
                                            rsp_len);

    trace_ipmi_bt_response(ib->si.io.addr, msg_id, rsp_len,
                           ib->machine.phase);
    ipmi_bt_apply(ib, r);
}

static void ipmi_bt_set_atn(IPMIInterface *ii, int val, int irq)
{
    IPMIBT *ib = ipmi_bt_of(ii);

    trace_ipmi_bt_set_atn(ib->si.io.addr, val != 0, irq != 0);
    ipmi_bt_apply(ib, bt_machine_set_attention(&ib->machine, val != 0,
                                               irq != 0));
}

static void ipmi_bt_set_irq_enable(IPMIInterface *ii, int val)
{
    IPMIBT *ib = ipmi_bt_of(ii);

    trace_ipmi_bt_set_irq_enable(ib->si.io.addr, val != 0);
    ipmi_bt_apply(ib, bt_machine_set_irq_enable(&ib->machine, val != 0));
}

void ipmi_bt_class_init(IPMIInterfaceClass *iic)
{
    iic->handle_rsp = ipmi_bt_handle_rsp;
    iic->set_atn = ipmi_bt_set_atn;
    iic->set_irq_enable = ipmi_bt_set_irq_enable;
    /*
     * No iic->reset: a BMC cold or warm reset leaves the transfer alone (the
     * response to the reset request is still being read), and a cold reset's
     * interrupt disable arrives through set_irq_enable. Upstream's BT also
     * clears the host's B2H_IRQ_EN on a cold reset; the machine has no call
     * for that, so the host's mask stays as the host set it.
     */
}

/*
 * Reset. Upstream's BT devices have no reset; here a machine reset ends any
 * transfer and clears what the host set (its interrupt mask, H_BUSY), while
 * what belongs to the BMC stays (its interrupt enable, SMS_ATN, the last
 * request's id, so that a late answer to it cannot match a new one).
 */
static void ipmi_bt_reset(IPMISysIntf *si)
{
    IPMIBT *ib = ipmi_bt_from(si);

    trace_ipmi_bt_reset(ib->si.io.addr);
    bt_machine_reset(&ib->machine);
}

static void ipmi_bt_init(IPMISysIntf *si)
{
    bt_machine_init(&ipmi_bt_from(si)->machine);
}

const IPMISysIntfKind ipmi_bt_kind = {
    .name = "bt",
    .smbios_type = IPMI_SMBIOS_BT,
    .registers = IPMI_BT_REGISTERS,
    .ops = &ipmi_bt_io_ops,
    .init = ipmi_bt_init,
    .reset = ipmi_bt_reset,
};

/*
 * Migration, in upstream QEMU 10.0's layout (vmstate_IPMIBT, version 1, named
 * "ipmi-interface-bt"), so that a guest moves between stock QEMU and this one in
 * either direction: upstream's fields, held in ib->upstream, which the core's
 * bt_migrate.c converts from and to the machine. pre_save converts them back
 * too; when what comes back is not alike (a state no access sequence reaches,
 * see bt_migrate.h), the machine itself follows in the subsection
 * "ipmi-interface-bt/machine", which stock QEMU would refuse, so it is sent only
 * then. A stream that converts to no state the machine can be in is refused
 * rather than loaded, since the core's functions assume its invariant.
 */
static int ipmi_bt_pre_save(void *opaque)
{
    IPMIBT *ib = opaque;
    struct bt_machine back;

    bt_migrate_to_upstream(&ib->machine, &ib->upstream);
    ib->si.machine_needed = !bt_migrate_from_upstream(&ib->upstream, &back) ||
                            !bt_migrate_alike(&ib->machine, &back);
    trace_ipmi_bt_saved(ib->si.io.addr, ib->machine.phase,
                        ib->si.machine_needed);
    return 0;
}

static int ipmi_bt_post_load(void *opaque, int version_id)
{
    IPMIBT *ib = opaque;
    const struct bt_upstream *u = &ib->upstream;

    if (ib->si.machine_loaded) {
        trace_ipmi_bt_loaded(ib->si.io.addr, ib->machine.phase,
                             ib->si.machine_loaded);
        return 0;               /* the subsection's machine, checked there */
    }
    if (!bt_migrate_from_upstream(u, &ib->machine)) {
        error_report("ipmi-bt: migrated BT state is not one the interface can be "
                     "in (control %02x, mask %02x, in %u, out %u at %u, out length "
                     "byte %02x); refusing it",
                     u->control_reg, u->mask_reg, u->inlen, u->outlen, u->outpos,
                     u->outmsg[0]);
        bt_machine_init(&ib->machine);
        return -EINVAL;
    }
    trace_ipmi_bt_loaded(ib->si.io.addr, ib->machine.phase,
                         ib->si.machine_loaded);
    return 0;
}

/* The machine as it is, refused unless bt_machine_consistent holds. */
static int ipmi_bt_machine_post_load(void *opaque, int version_id)
{
    struct bt_machine *m = opaque;

    if (!bt_machine_consistent(m)) {
        error_report("ipmi-bt: migrated BT machine is inconsistent "
                     "(phase %u, request %u%s, response %u at %u); refusing it",
                     m->phase, m->request_len,
                     m->request_overrun ? " overrun" : "", m->response_len,
                     m->response_pos);
        return -EINVAL;
    }
    return 0;
}

static const VMStateDescription vmstate_bt_machine = {
    .name = "bt-machine",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = ipmi_bt_machine_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(phase, struct bt_machine),
        VMSTATE_UINT8(request_id, struct bt_machine),
        VMSTATE_UINT8(seq, struct bt_machine),
        VMSTATE_UINT8(netfn, struct bt_machine),
        VMSTATE_UINT8(command, struct bt_machine),
        VMSTATE_BOOL(h_busy, struct bt_machine),
        VMSTATE_BOOL(sms_atn, struct bt_machine),
        VMSTATE_BOOL(b2h_irq_en, struct bt_machine),
        VMSTATE_BOOL(b2h_irq, struct bt_machine),
        VMSTATE_BOOL(irq_enabled, struct bt_machine),
        VMSTATE_BOOL(request_overrun, struct bt_machine),
        VMSTATE_UINT16(request_len, struct bt_machine),
        VMSTATE_UINT16(response_len, struct bt_machine),
        VMSTATE_UINT16(response_pos, struct bt_machine),
        VMSTATE_UINT8_ARRAY(request, struct bt_machine, BT_REQUEST_CAPACITY),
        VMSTATE_UINT8_ARRAY(response, struct bt_machine,
                            BT_RESPONSE_CAPACITY),
        VMSTATE_UINT8_ARRAY(message, struct bt_machine,
                            BT_REQUEST_CAPACITY - BT_FRAMING_LEN),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription vmstate_ipmi_bt_machine = {
    .name = "ipmi-interface-bt/machine",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sysintf_machine_needed,
    .post_load = ipmi_sysintf_machine_loaded,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(machine, IPMIBT, 1, vmstate_bt_machine,
                       struct bt_machine),
        VMSTATE_END_OF_LIST()
    }
};

const VMStateDescription vmstate_ipmi_bt = {
    .name = "ipmi-interface-bt",
    .version_id = 1,
    .minimum_version_id = 1,
    .pre_save = ipmi_bt_pre_save,
    .pre_load = ipmi_sysintf_pre_load,
    .post_load = ipmi_bt_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(upstream.obf_irq_set, IPMIBT),
        VMSTATE_BOOL(upstream.atn_irq_set, IPMIBT),
        VMSTATE_BOOL(upstream.irqs_enabled, IPMIBT),
        VMSTATE_UINT32(upstream.outpos, IPMIBT),
        VMSTATE_UINT32(upstream.outlen, IPMIBT),
        VMSTATE_UINT8_ARRAY(upstream.outmsg, IPMIBT, BT_UPSTREAM_MSG_SIZE),
        VMSTATE_UINT32(upstream.inlen, IPMIBT),
        VMSTATE_UINT8_ARRAY(upstream.inmsg, IPMIBT, BT_UPSTREAM_MSG_SIZE),
        VMSTATE_UINT8(upstream.control_reg, IPMIBT),
        VMSTATE_UINT8(upstream.mask_reg, IPMIBT),
        VMSTATE_UINT8(upstream.waiting_rsp, IPMIBT),
        VMSTATE_UINT8(upstream.waiting_seq, IPMIBT),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_ipmi_bt_machine,
        NULL
    }
};
