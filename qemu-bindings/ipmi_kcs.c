/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The KCS system interface as every KCS device has it (ipmi_kcs.h).
 *
 * All of the KCS protocol lives in the generated state machine (core/kcs.h):
 * this file forwards every register access to it and carries out what each
 * call returns (set the interrupt line, hand a complete request to the BMC).
 * The BMC answers through handle_rsp.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "trace.h"

#include "ipmi_kcs.h"

QEMU_BUILD_BUG_ON(KCS_REQUEST_CAPACITY > MAX_IPMI_MSG_SIZE);
/* Migration's shared callbacks take an IPMIKCS as the IPMISysIntf it starts with. */
QEMU_BUILD_BUG_ON(offsetof(IPMIKCS, si) != 0);

static IPMIKCS *ipmi_kcs_from(IPMISysIntf *si)
{
    return container_of(si, IPMIKCS, si);
}

/* Carries out what a call into the state machine returned. */
static void ipmi_kcs_apply(IPMIKCS *ik, struct kcs_result r)
{
    if (r.irq_changed) {
        trace_ipmi_kcs_irq(ik->si.io.addr, r.irq_level);
        ipmi_sysintf_set_irq(&ik->si, r.irq_level);
    }
    if (r.request) {
        trace_ipmi_kcs_request(ik->si.io.addr, ik->machine.request_id,
                               ik->machine.request_len);
        ipmi_sysintf_request(&ik->si, ik->machine.request,
                             ik->machine.request_len,
                             ik->machine.request_id);
    }
}

static uint64_t ipmi_kcs_io_read(void *opaque, hwaddr addr, unsigned size)
{
    IPMIKCS *ik = ipmi_kcs_from(opaque);
    struct kcs_result r;

    if (addr >= IPMI_KCS_REGISTERS) {
        /* The rest of a PCI BAR: no register there. */
        return 0xff;
    }
    r = kcs_machine_read(&ik->machine, addr);
    trace_ipmi_kcs_read(ik->si.io.addr, addr, r.value, ik->machine.phase);
    ipmi_kcs_apply(ik, r);
    return r.value;
}

static void ipmi_kcs_io_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    IPMIKCS *ik = ipmi_kcs_from(opaque);

    if (addr >= IPMI_KCS_REGISTERS) {
        return;
    }
    trace_ipmi_kcs_write(ik->si.io.addr, addr, val, ik->machine.phase);
    ipmi_kcs_apply(ik, kcs_machine_write(&ik->machine, addr, val));
}

static const MemoryRegionOps ipmi_kcs_io_ops = {
    .read = ipmi_kcs_io_read,
    .write = ipmi_kcs_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = {
        .min_access_size = 1,
        .max_access_size = 1,
    },
};

/* IPMIInterfaceClass: what the BMC calls. */

static IPMIKCS *ipmi_kcs_of(IPMIInterface *ii)
{
    return IPMI_INTERFACE_GET_CLASS(ii)->get_backend_data(ii);
}

static void ipmi_kcs_handle_rsp(IPMIInterface *ii, uint8_t msg_id,
                                unsigned char *rsp, unsigned int rsp_len)
{
    IPMIKCS *ik = ipmi_kcs_of(ii);
    struct kcs_result r = kcs_machine_respond(&ik->machine, msg_id, rsp,
                                              rsp_len);

    trace_ipmi_kcs_response(ik->si.io.addr, msg_id, rsp_len,
                            ik->machine.phase);
    ipmi_kcs_apply(ik, r);
}

static void ipmi_kcs_set_atn(IPMIInterface *ii, int val, int irq)
{
    IPMIKCS *ik = ipmi_kcs_of(ii);

    trace_ipmi_kcs_set_atn(ik->si.io.addr, val != 0, irq != 0);
    ipmi_kcs_apply(ik, kcs_machine_set_attention(&ik->machine, val != 0,
                                                 irq != 0));
}

static void ipmi_kcs_set_irq_enable(IPMIInterface *ii, int val)
{
    IPMIKCS *ik = ipmi_kcs_of(ii);

    trace_ipmi_kcs_set_irq_enable(ik->si.io.addr, val != 0);
    ipmi_kcs_apply(ik, kcs_machine_set_irq_enable(&ik->machine, val != 0));
}

void ipmi_kcs_class_init(IPMIInterfaceClass *iic)
{
    iic->handle_rsp = ipmi_kcs_handle_rsp;
    iic->set_atn = ipmi_kcs_set_atn;
    iic->set_irq_enable = ipmi_kcs_set_irq_enable;
    /*
     * No iic->reset: as upstream, a BMC cold or warm reset leaves the transfer
     * alone (the response to the reset request is still being read), and a
     * cold reset's interrupt disable arrives through set_irq_enable.
     */
}

/*
 * Reset. Upstream's KCS devices have no reset at all; here a machine reset
 * ends any transfer (the host starts over from idle), but what belongs to the
 * BMC stays: the BMC is not reset with the host, so its interrupt enable (Set
 * BMC Global Enables) and its attention flag (its message flags) still hold,
 * and the id of the last request stays so that a late answer to it cannot
 * match a new one.
 */
static void ipmi_kcs_reset(IPMISysIntf *si)
{
    IPMIKCS *ik = ipmi_kcs_from(si);

    trace_ipmi_kcs_reset(ik->si.io.addr);
    kcs_machine_reset(&ik->machine);
}

static void ipmi_kcs_init(IPMISysIntf *si)
{
    kcs_machine_init(&ipmi_kcs_from(si)->machine);
}

const IPMISysIntfKind ipmi_kcs_kind = {
    .name = "kcs",
    .smbios_type = IPMI_SMBIOS_KCS,
    .registers = IPMI_KCS_REGISTERS,
    .ops = &ipmi_kcs_io_ops,
    .init = ipmi_kcs_init,
    .reset = ipmi_kcs_reset,
};

/*
 * Migration, in upstream QEMU 10.0's layout (vmstate_IPMIKCS, version 2, named
 * "ipmi-interface-kcs"), so that a guest moves between stock QEMU and this one in
 * either direction. The fields are upstream's, held in ik->upstream; the core's
 * kcs_migrate.c converts them from and to the machine. pre_save converts them
 * back too; when what comes back is not alike (in an abort, whose status code
 * upstream's fields cannot carry: see kcs_migrate.h), the machine itself follows
 * in the subsection "ipmi-interface-kcs/machine", which stock QEMU would refuse,
 * so it is sent only then. A stream that converts to no state the machine can be
 * in is refused rather than loaded, since the core's functions assume its
 * invariant.
 */
static int ipmi_kcs_pre_save(void *opaque)
{
    IPMIKCS *ik = opaque;
    struct kcs_machine back;

    kcs_migrate_to_upstream(&ik->machine, &ik->upstream);
    ik->si.machine_needed = !kcs_migrate_from_upstream(&ik->upstream, &back) ||
                            !kcs_migrate_alike(&ik->machine, &back);
    trace_ipmi_kcs_saved(ik->si.io.addr, ik->machine.phase,
                         ik->si.machine_needed);
    return 0;
}

static int ipmi_kcs_pre_load(void *opaque)
{
    IPMIKCS *ik = opaque;

    /* A version 1 stream has no outlen and inlen. */
    memset(&ik->upstream, 0, sizeof(ik->upstream));
    return ipmi_sysintf_pre_load(opaque);
}

static int ipmi_kcs_post_load(void *opaque, int version_id)
{
    IPMIKCS *ik = opaque;
    const struct kcs_upstream *u = &ik->upstream;

    if (ik->si.machine_loaded) {
        trace_ipmi_kcs_loaded(ik->si.io.addr, ik->machine.phase,
                              ik->si.machine_loaded);
        return 0;               /* the subsection's machine, checked there */
    }
    if (!kcs_migrate_from_upstream(u, &ik->machine)) {
        error_report("ipmi-kcs: migrated KCS state is not one the interface can be "
                     "in (status %02x, data in %d, command %d, write_end %d, "
                     "in %u, out %u at %u); refusing it",
                     u->status_reg, u->data_in_reg, u->cmd_reg, u->write_end,
                     u->inlen, u->outlen, u->outpos);
        kcs_machine_init(&ik->machine);
        return -EINVAL;
    }
    trace_ipmi_kcs_loaded(ik->si.io.addr, ik->machine.phase,
                          ik->si.machine_loaded);
    return 0;
}

/* The machine as it is, refused unless kcs_machine_consistent holds. */
static int ipmi_kcs_machine_post_load(void *opaque, int version_id)
{
    struct kcs_machine *m = opaque;

    if (!kcs_machine_consistent(m)) {
        error_report("ipmi-kcs: migrated KCS machine is inconsistent "
                     "(phase %u, request %u, response %u at %u); refusing it",
                     m->phase, m->request_len, m->response_len, m->response_pos);
        return -EINVAL;
    }
    return 0;
}

static const VMStateDescription vmstate_kcs_machine = {
    .name = "kcs-machine",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = ipmi_kcs_machine_post_load,
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

static const VMStateDescription vmstate_ipmi_kcs_machine = {
    .name = "ipmi-interface-kcs/machine",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sysintf_machine_needed,
    .post_load = ipmi_sysintf_machine_loaded,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(machine, IPMIKCS, 1, vmstate_kcs_machine,
                       struct kcs_machine),
        VMSTATE_END_OF_LIST()
    }
};

static bool ipmi_kcs_version1(void *opaque, int version_id)
{
    return version_id <= 1;
}

const VMStateDescription vmstate_ipmi_kcs = {
    .name = "ipmi-interface-kcs",
    .version_id = 2,
    .minimum_version_id = 1,
    .pre_save = ipmi_kcs_pre_save,
    .pre_load = ipmi_kcs_pre_load,
    .post_load = ipmi_kcs_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(upstream.obf_irq_set, IPMIKCS),
        VMSTATE_BOOL(upstream.atn_irq_set, IPMIKCS),
        VMSTATE_UNUSED_TEST(ipmi_kcs_version1, 1), /* upstream's old use_irq */
        VMSTATE_BOOL(upstream.irqs_enabled, IPMIKCS),
        VMSTATE_UINT32(upstream.outpos, IPMIKCS),
        VMSTATE_UINT32_V(upstream.outlen, IPMIKCS, 2),
        VMSTATE_UINT8_ARRAY(upstream.outmsg, IPMIKCS, KCS_UPSTREAM_MSG_SIZE),
        VMSTATE_UINT32_V(upstream.inlen, IPMIKCS, 2),
        VMSTATE_UINT8_ARRAY(upstream.inmsg, IPMIKCS, KCS_UPSTREAM_MSG_SIZE),
        VMSTATE_BOOL(upstream.write_end, IPMIKCS),
        VMSTATE_UINT8(upstream.status_reg, IPMIKCS),
        VMSTATE_UINT8(upstream.data_out_reg, IPMIKCS),
        VMSTATE_INT16(upstream.data_in_reg, IPMIKCS),
        VMSTATE_INT16(upstream.cmd_reg, IPMIKCS),
        VMSTATE_UINT8(upstream.waiting_rsp, IPMIKCS),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_ipmi_kcs_machine,
        NULL
    }
};
