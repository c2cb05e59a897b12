/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "smbus-ipmi" migration, in upstream QEMU 10.0's layout (vmstate_smbus_ipmi,
 * section "smbus-ipmi" version 1), so that a guest moves between stock QEMU and
 * this one in either direction. The fields are upstream's, held in
 * sid->upstream; the core's ssif_migrate.c converts them from and to the machine
 * and the read cursor. What they cannot say travels in the subsection
 * "smbus-ipmi/machine", sent only when it is needed (ssif_migrate_needs_machine),
 * so stock QEMU can load the stream in the states its host is usually in. A
 * stream that converts to no state the machine can be in is refused rather than
 * loaded, since the core's functions assume its invariant.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "trace.h"

#include "smbus_ipmi.h"

static int smbus_ipmi_pre_save(void *opaque)
{
    SMBusIPMIDevice *sid = opaque;

    ssif_migrate_to_upstream(&sid->machine, sid->read_pos, &sid->upstream);
    trace_smbus_ipmi_saved(sid->parent.i2c.address, sid->machine.phase,
                           ssif_migrate_needs_machine(&sid->machine, sid->read_pos));
    return 0;
}

static int smbus_ipmi_pre_load(void *opaque)
{
    SMBusIPMIDevice *sid = opaque;

    sid->machine_loaded = false;
    return 0;
}

static int smbus_ipmi_post_load(void *opaque, int version_id)
{
    SMBusIPMIDevice *sid = opaque;
    const struct ssif_upstream *u = &sid->upstream;

    if (sid->machine_loaded) {
        /* The subsection put our machine in place; upstream's fields agree. */
        if (!ssif_migrate_machine_ok(&sid->machine, sid->read_pos)) {
            error_report("smbus-ipmi: migrated SSIF machine is not one the "
                         "interface can be in (phase %u, request %u bytes, "
                         "response %u bytes, block %u bytes read to %u); "
                         "refusing it",
                         sid->machine.phase, sid->machine.request_len,
                         sid->machine.response_len, sid->machine.chunk_len,
                         sid->read_pos);
            ssif_machine_init(&sid->machine);
            sid->read_pos = 0;
            return -EINVAL;
        }
    } else if (!ssif_migrate_from_upstream(u, &sid->machine, &sid->read_pos)) {
        error_report("smbus-ipmi: migrated SSIF state is not one the interface "
                     "can be in (request %" PRIu32 " bytes, response %" PRIu32
                     " bytes, chunk %" PRIu32 ", block %u bytes read to %"
                     PRIu32 ", next id %u); refusing it",
                     u->inlen, u->outlen, u->currblk, u->outbuf[0], u->outpos,
                     u->waiting_rsp);
        ssif_machine_init(&sid->machine);
        sid->read_pos = 0;
        return -EINVAL;
    }
    if (!sid->machine_loaded) {
        /* Upstream's fields hold no alert enable or attention: the BMC knows them. */
        IPMIBmcClass *bk = IPMI_BMC_GET_CLASS(sid->si.bmc);

        if (bk->announce) {
            bk->announce(sid->si.bmc);
        }
    }
    trace_smbus_ipmi_loaded(sid->parent.i2c.address, sid->machine.phase,
                            sid->machine_loaded);
    return 0;
}

static bool smbus_ipmi_machine_needed(void *opaque)
{
    SMBusIPMIDevice *sid = opaque;

    return ssif_migrate_needs_machine(&sid->machine, sid->read_pos);
}

static int smbus_ipmi_machine_post_load(void *opaque, int version_id)
{
    SMBusIPMIDevice *sid = opaque;

    sid->machine_loaded = true;
    return 0;
}

/* Our machine, but for the scratch fields each transfer sets before use. */
static const VMStateDescription vmstate_smbus_ipmi_machine = {
    .name = "smbus-ipmi/machine",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = smbus_ipmi_machine_needed,
    .post_load = smbus_ipmi_machine_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(machine.phase, SMBusIPMIDevice),
        VMSTATE_UINT8(machine.request_id, SMBusIPMIDevice),
        VMSTATE_UINT8(machine.netfn, SMBusIPMIDevice),
        VMSTATE_UINT8(machine.command, SMBusIPMIDevice),
        VMSTATE_BOOL(machine.attention, SMBusIPMIDevice),
        VMSTATE_BOOL(machine.irq_enabled, SMBusIPMIDevice),
        VMSTATE_BOOL(machine.response_unread, SMBusIPMIDevice),
        VMSTATE_UINT8(machine.next_block, SMBusIPMIDevice),
        VMSTATE_UINT8(machine.chunk_len, SMBusIPMIDevice),
        VMSTATE_UINT16(machine.request_len, SMBusIPMIDevice),
        VMSTATE_UINT16(machine.response_len, SMBusIPMIDevice),
        VMSTATE_UINT8_ARRAY(machine.chunk, SMBusIPMIDevice, SSIF_CHUNK),
        VMSTATE_UINT8_ARRAY(machine.request, SMBusIPMIDevice,
                            SSIF_REQUEST_CAPACITY),
        VMSTATE_UINT8_ARRAY(machine.response, SMBusIPMIDevice,
                            SSIF_RESPONSE_CAPACITY),
        VMSTATE_UINT8(read_pos, SMBusIPMIDevice),
        VMSTATE_END_OF_LIST()
    }
};

const VMStateDescription vmstate_smbus_ipmi = {
    .name = TYPE_SMBUS_IPMI,
    .version_id = 1,
    .minimum_version_id = 1,
    .pre_save = smbus_ipmi_pre_save,
    .pre_load = smbus_ipmi_pre_load,
    .post_load = smbus_ipmi_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_SMBUS_DEVICE(parent, SMBusIPMIDevice),
        VMSTATE_UINT8(upstream.waiting_rsp, SMBusIPMIDevice),
        VMSTATE_UINT32(upstream.outlen, SMBusIPMIDevice),
        VMSTATE_UINT32(upstream.currblk, SMBusIPMIDevice),
        VMSTATE_UINT8_ARRAY(upstream.outmsg, SMBusIPMIDevice,
                            SSIF_UPSTREAM_MSG_SIZE),
        VMSTATE_UINT32(upstream.outpos, SMBusIPMIDevice),
        VMSTATE_UINT8_ARRAY(upstream.outbuf, SMBusIPMIDevice,
                            SSIF_UPSTREAM_OUTBUF),
        VMSTATE_UINT32(upstream.inlen, SMBusIPMIDevice),
        VMSTATE_UINT8_ARRAY(upstream.inmsg, SMBusIPMIDevice,
                            SSIF_UPSTREAM_MSG_SIZE),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_smbus_ipmi_machine,
        NULL
    }
};
