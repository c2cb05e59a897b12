/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ipmi-bmc-extern": a BMC outside QEMU (OpenIPMI's ipmi_sim, a BMC daemon), reached
 * over a chardev with OpenIPMI's VM protocol (lanserv/README.vm).
 *
 * The core (core/vm_codec.h, on spec/vm.yaml) frames what goes out and decodes what
 * comes in; this device holds the chardev, the bytes still to be written, the one
 * request whose response is due, and the timer that retries a write or gives up on a
 * response. A response goes to the system interface; the BMC's control commands
 * become the interface's attention and interrupt enable and the machine's power
 * operations. A request is always answered: by the BMC, or with an error response if
 * the BMC is not connected, goes away or does not answer within 4 seconds. A request
 * due when the machine migrates goes with it and is sent again from the destination
 * (upstream answers it D2h instead).
 */
#include "qemu/osdep.h"
#include "chardev/char-fe.h"
#include "hw/ipmi/ipmi.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "migration/vmstate.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/module.h"
#include "qemu/timer.h"
#include "system/reset.h"
#include "system/runstate.h"
#include "trace.h"

#include "core/vm_codec.h"

#define TYPE_IPMI_BMC_EXTERN "ipmi-bmc-extern"
OBJECT_DECLARE_SIMPLE_TYPE(IPMIBmcExtern, IPMI_BMC_EXTERN)

/* How long the BMC has to answer a request once it is written, as upstream. */
#define EXTERN_RESPONSE_NS (4 * NANOSECONDS_PER_SECOND)
/* How soon a write the chardev did not take whole is tried again, as upstream. */
#define EXTERN_RETRY_NS (10 * SCALE_MS)
/*
 * What may wait to be written: the two commands sent on connect and a reset, and a
 * request behind the rest of one the interface gave up on.
 */
#define EXTERN_OUT_CAPACITY (3 * VM_COMMAND_ENCODED_MAX + 2 * VM_ENCODED_MAX)

struct IPMIBmcExtern {
    IPMIBmcHost parent;

    CharBackend chr;                /* property "chardev" */
    bool connected;
    bool open_pending;              /* connected before the interface was there */
    QEMUBH *open_bh;
    QEMUTimer *timer;               /* a write to retry, or a response overdue */

    /* The request whose response is due (all of it is migrated). */
    bool waiting_rsp;
    uint8_t req[MAX_IPMI_MSG_SIZE]; /* its bytes, to send it again after a migration */
    uint32_t req_len;
    bool request_sent;              /* written whole: the deadline runs */
    int64_t deadline;               /* QEMU_CLOCK_VIRTUAL */
    uint8_t timeout_cc;             /* what answers it at the deadline */
    uint8_t rsp_msg_id;
    uint8_t rsp_netfn;
    uint8_t rsp_cmd;
    unsigned request_end;           /* where its frame ends in out[] */

    bool send_reset;                /* a machine reset to report once connected */

    struct vm_decoder decoder;
    uint8_t out[EXTERN_OUT_CAPACITY];
    unsigned out_pos;               /* out[out_pos .. out_len) is still to write */
    unsigned out_len;
};

static IPMIInterface *extern_intf(IPMIBmcExtern *ibe)
{
    return ibe->parent.parent.intf;
}

/* The error response to the request that is due, which then is due no more. */
static void extern_answer_error(IPMIBmcExtern *ibe, uint8_t cc)
{
    IPMIInterface *s = extern_intf(ibe);
    uint8_t rsp[IPMI_RESPONSE_HEADER] = {
        ibe->rsp_netfn | IPMI_RESPONSE_NETFN_BIT, ibe->rsp_cmd, cc
    };

    ibe->waiting_rsp = false;
    ibe->request_sent = false;
    trace_ipmi_bmc_extern_error_response(ibe->rsp_msg_id, cc);
    if (s) {
        IPMI_INTERFACE_GET_CLASS(s)->handle_rsp(s, ibe->rsp_msg_id, rsp, sizeof(rsp));
    }
}

/*
 * The request that is due went to a BMC that will not answer it (the stream opened
 * anew, or this machine was migrated): it is answered D2h as upstream does, but from
 * the timer, which runs once the machine does, so that the interface's own state has
 * been loaded when the answer reaches it.
 */
static void extern_answer_soon(IPMIBmcExtern *ibe)
{
    ibe->request_sent = true;
    ibe->request_end = 0;
    ibe->deadline = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    ibe->timeout_cc = IPMI_CC_BMC_INIT_IN_PROGRESS;
}

/* The timer serves the sooner of a write to retry and the response's deadline. */
static void extern_arm(IPMIBmcExtern *ibe)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int64_t when = INT64_MAX;

    if (ibe->out_pos < ibe->out_len) {
        when = now + EXTERN_RETRY_NS;
    }
    if (ibe->waiting_rsp && ibe->request_sent) {
        when = MIN(when, ibe->deadline);
    }
    if (when == INT64_MAX) {
        timer_del(ibe->timer);
    } else {
        timer_mod_ns(ibe->timer, when);
    }
}

/* Writes what the chardev takes now; the timer tries the rest again. */
static void extern_flush(IPMIBmcExtern *ibe)
{
    if (ibe->connected && ibe->out_pos < ibe->out_len) {
        int n = qemu_chr_fe_write(&ibe->chr, ibe->out + ibe->out_pos,
                                  ibe->out_len - ibe->out_pos);

        if (n > 0) {
            ibe->out_pos += n;
        }
        trace_ipmi_bmc_extern_write(MAX(n, 0), ibe->out_len - ibe->out_pos);
    }
    if (ibe->waiting_rsp && !ibe->request_sent && ibe->out_pos >= ibe->request_end) {
        ibe->request_sent = true;
        ibe->deadline = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + EXTERN_RESPONSE_NS;
    }
    if (ibe->out_pos == ibe->out_len) {
        ibe->out_pos = 0;
        ibe->out_len = 0;
        ibe->request_end = 0;
    }
    extern_arm(ibe);
}

/*
 * Room for `need` more bytes at the end of out[]: what was written already goes, and
 * what was not moves to the front.
 */
static unsigned extern_room(IPMIBmcExtern *ibe, unsigned need)
{
    if (sizeof(ibe->out) - ibe->out_len < need && ibe->out_pos > 0) {
        memmove(ibe->out, ibe->out + ibe->out_pos, ibe->out_len - ibe->out_pos);
        ibe->out_len -= ibe->out_pos;
        ibe->request_end -= MIN(ibe->request_end, ibe->out_pos);
        ibe->out_pos = 0;
    }
    return sizeof(ibe->out) - ibe->out_len;
}

/* Queues a control command; false if there is no room (never, for these sizes). */
static bool extern_queue_command(IPMIBmcExtern *ibe, uint8_t code,
                                 const uint8_t *args, size_t n)
{
    unsigned room = extern_room(ibe, VM_COMMAND_ENCODED_MAX);
    size_t len = vm_encode_command(code, args, n, ibe->out + ibe->out_len, room);

    trace_ipmi_bmc_extern_send_command(vm_command_name(code), len);
    ibe->out_len += len;
    return len > 0;
}

/*
 * Queues the request that is due; false if there is no room (the interface gave up
 * on too many requests the BMC has not read yet).
 */
static bool extern_queue_request(IPMIBmcExtern *ibe)
{
    unsigned room = extern_room(ibe, VM_ENCODED_MAX);
    size_t len = vm_encode_message(ibe->rsp_msg_id, ibe->req, ibe->req_len,
                                   ibe->out + ibe->out_len, room);

    if (len == 0) {
        return false;
    }
    ibe->out_len += len;
    ibe->request_end = ibe->out_len;
    ibe->request_sent = false;
    return true;
}

/*
 * A request that came with the machine (or is still unwritten when the stream opened
 * anew) goes to the BMC now; one whose bytes did not come (from upstream's stream) is
 * answered D2h, as upstream does.
 */
static void extern_resend(IPMIBmcExtern *ibe)
{
    if (!ibe->waiting_rsp) {
        return;
    }
    if (ibe->req_len < IPMI_REQUEST_HEADER || !extern_queue_request(ibe)) {
        extern_answer_soon(ibe);
        return;
    }
    trace_ipmi_bmc_extern_resend(ibe->rsp_msg_id, ibe->req_len);
}

static void extern_queue_reset(IPMIBmcExtern *ibe)
{
    if (ibe->send_reset && ibe->connected &&
        extern_queue_command(ibe, VM_CMD_RESET, NULL, 0)) {
        ibe->send_reset = false;
    }
}

/* The stream opened: announce the version and what this machine can do. */
static void extern_opened(IPMIBmcExtern *ibe)
{
    IPMIInterface *s = extern_intf(ibe);
    IPMIInterfaceClass *k = IPMI_INTERFACE_GET_CLASS(s);
    uint8_t version = VM_PROTOCOL_VERSION;
    uint8_t caps = VM_CAPABILITY_IRQ | VM_CAPABILITY_ATTN;

    if (k->do_hw_op(s, IPMI_POWEROFF_CHASSIS, 1) == 0) {
        caps |= VM_CAPABILITY_POWER;
    }
    if (k->do_hw_op(s, IPMI_SHUTDOWN_VIA_ACPI_OVERTEMP, 1) == 0) {
        caps |= VM_CAPABILITY_GRACEFUL_SHUTDOWN;
    }
    if (k->do_hw_op(s, IPMI_RESET_CHASSIS, 1) == 0) {
        caps |= VM_CAPABILITY_RESET;
    }
    if (k->do_hw_op(s, IPMI_SEND_NMI, 1) == 0) {
        caps |= VM_CAPABILITY_NMI;
    }
    trace_ipmi_bmc_extern_connected(caps);
    extern_queue_command(ibe, VM_CMD_VERSION, &version, 1);
    extern_queue_command(ibe, VM_CMD_CAPABILITIES, &caps, 1);
    extern_queue_reset(ibe);
    extern_resend(ibe);
    extern_flush(ibe);
}

/* A stream that opened while the machine was being built, once it is built. */
static void extern_open_bh(void *opaque)
{
    IPMIBmcExtern *ibe = opaque;

    if (ibe->open_pending && ibe->connected && extern_intf(ibe)) {
        ibe->open_pending = false;
        extern_opened(ibe);
    }
}

static void extern_chr_event(void *opaque, QEMUChrEvent event)
{
    IPMIBmcExtern *ibe = opaque;
    IPMIInterface *s = extern_intf(ibe);

    switch (event) {
    case CHR_EVENT_OPENED:
        /* Nothing of an earlier stream carries over, half frames least of all. */
        vm_decoder_reset(&ibe->decoder);
        ibe->out_pos = 0;
        ibe->out_len = 0;
        ibe->request_end = 0;
        ibe->connected = true;
        if (!s) {
            ibe->open_pending = true;
            qemu_bh_schedule(ibe->open_bh);
        } else {
            extern_opened(ibe);
        }
        break;

    case CHR_EVENT_CLOSED:
        if (!ibe->connected) {
            return;
        }
        trace_ipmi_bmc_extern_disconnected(ibe->waiting_rsp);
        ibe->connected = false;
        ibe->open_pending = false;
        vm_decoder_reset(&ibe->decoder);
        ibe->out_pos = 0;
        ibe->out_len = 0;
        ibe->request_end = 0;
        if (s) {
            /* The BMC sends attention again when it is back; do not leave it up. */
            IPMI_INTERFACE_GET_CLASS(s)->set_atn(s, 0, 0);
        }
        if (ibe->waiting_rsp) {
            extern_answer_error(ibe, IPMI_CC_BMC_INIT_IN_PROGRESS);
        }
        extern_arm(ibe);
        break;

    case CHR_EVENT_BREAK:
    case CHR_EVENT_MUX_IN:
    case CHR_EVENT_MUX_OUT:
        break;
    }
}

/* A control command from the BMC (the codec let through only those it sends). */
static void extern_control(IPMIBmcExtern *ibe, uint8_t code, const uint8_t *args)
{
    IPMIInterface *s = extern_intf(ibe);
    IPMIInterfaceClass *k = IPMI_INTERFACE_GET_CLASS(s);

    trace_ipmi_bmc_extern_command(vm_command_name(code));
    switch (code) {
    case VM_CMD_VERSION:
        /* There is one version so far; a BMC that speaks another is heard out. */
        trace_ipmi_bmc_extern_version(args[VM_CMD_VERSION_ARG_NUMBER]);
        break;
    case VM_CMD_NOATTN:
        k->set_atn(s, 0, 0);
        break;
    case VM_CMD_ATTN:
        k->set_atn(s, 1, 0);
        break;
    case VM_CMD_ATTN_IRQ:
        k->set_atn(s, 1, 1);
        break;
    case VM_CMD_POWEROFF:
        k->do_hw_op(s, IPMI_POWEROFF_CHASSIS, 0);
        break;
    case VM_CMD_RESET:
        k->do_hw_op(s, IPMI_RESET_CHASSIS, 0);
        break;
    case VM_CMD_ENABLE_IRQ:
        k->set_irq_enable(s, 1);
        break;
    case VM_CMD_DISABLE_IRQ:
        k->set_irq_enable(s, 0);
        break;
    case VM_CMD_SEND_NMI:
        k->do_hw_op(s, IPMI_SEND_NMI, 0);
        break;
    case VM_CMD_GRACEFUL_SHUTDOWN:
        k->do_hw_op(s, IPMI_SHUTDOWN_VIA_ACPI_OVERTEMP, 0);
        break;
    default:
        break;
    }
}

/* What the decoder made of a frame from the BMC. */
static void extern_event(IPMIBmcExtern *ibe, struct vm_event e)
{
    IPMIInterface *s = extern_intf(ibe);
    const uint8_t *bytes = ibe->decoder.buf + e.start;

    if (e.kind == VM_EVENT_NONE) {
        return;
    }
    if (!s) {
        trace_ipmi_bmc_extern_no_interface(e.kind);
        return;
    }
    switch (e.kind) {
    case VM_EVENT_MESSAGE:
        if (!ibe->waiting_rsp || e.seq != ibe->rsp_msg_id) {
            /* An answer to a request already answered (by a timeout), or to none. */
            trace_ipmi_bmc_extern_stale_response(e.seq, ibe->waiting_rsp, ibe->rsp_msg_id);
            break;
        }
        ibe->waiting_rsp = false;
        ibe->request_sent = false;
        extern_arm(ibe);
        trace_ipmi_bmc_extern_response(e.seq, e.len);
        IPMI_INTERFACE_GET_CLASS(s)->handle_rsp(s, e.seq, (uint8_t *)bytes, e.len);
        break;
    case VM_EVENT_COMMAND:
        extern_control(ibe, e.code, bytes);
        break;
    case VM_EVENT_OVERLONG:
        trace_ipmi_bmc_extern_bad_frame(e.kind, e.frame, e.len);
        /* A response too long for the interface: say so, as upstream does (C6h). */
        if (e.frame == VM_FRAME_MESSAGE && ibe->waiting_rsp &&
            bytes[VM_SEQ_OFFSET] == ibe->rsp_msg_id) {
            extern_answer_error(ibe, IPMI_CC_REQUEST_DATA_TRUNCATED);
            extern_arm(ibe);
        }
        break;
    default:
        /* Broken: the deadline answers a request whose response this was. */
        trace_ipmi_bmc_extern_bad_frame(e.kind, e.frame, e.len);
        break;
    }
}

static int extern_can_receive(void *opaque)
{
    return VM_FRAME_CAPACITY;
}

static void extern_receive(void *opaque, const uint8_t *buf, int size)
{
    IPMIBmcExtern *ibe = opaque;
    size_t pos = 0;

    while (pos < (size_t)size) {
        size_t used;
        struct vm_event e = vm_decoder_feed_span(&ibe->decoder, buf + pos, size - pos, &used);

        pos += used;
        extern_event(ibe, e);
    }
}

static void extern_timer(void *opaque)
{
    IPMIBmcExtern *ibe = opaque;

    if (ibe->waiting_rsp && ibe->request_sent &&
        qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) >= ibe->deadline) {
        trace_ipmi_bmc_extern_timeout(ibe->rsp_msg_id);
        extern_answer_error(ibe, ibe->timeout_cc);
    }
    extern_flush(ibe);
}

static void ipmi_bmc_extern_handle_command(IPMIBmc *b, uint8_t *cmd,
                                           unsigned int cmd_len,
                                           unsigned int max_cmd_len,
                                           uint8_t msg_id)
{
    IPMIBmcExtern *ibe = IPMI_BMC_EXTERN(b);
    uint8_t cc = 0;

    trace_ipmi_bmc_extern_request(msg_id, cmd_len > 0 ? cmd[0] : 0,
                                  cmd_len > 1 ? cmd[1] : 0, cmd_len);
    if (ibe->waiting_rsp) {
        /*
         * The interface gave up on the last request (an abort, a reset) and sends
         * another: this one is due now, and an answer to the last is stale.
         */
        trace_ipmi_bmc_extern_replaced(ibe->rsp_msg_id, msg_id);
        ibe->waiting_rsp = false;
    }
    ibe->rsp_msg_id = msg_id;
    ibe->rsp_netfn = max_cmd_len > 0 ? cmd[0] : 0;
    ibe->rsp_cmd = max_cmd_len > 1 ? cmd[1] : 0;
    ibe->timeout_cc = IPMI_CC_TIMEOUT;
    ibe->req_len = 0;

    /* As upstream: too short, longer than its buffer, or nowhere to send it. */
    if (cmd_len < IPMI_REQUEST_HEADER) {
        cc = IPMI_CC_REQUEST_DATA_LENGTH_INVALID;
    } else if (cmd_len > max_cmd_len || cmd_len > MAX_IPMI_MSG_SIZE) {
        cc = IPMI_CC_REQUEST_DATA_TRUNCATED;
    } else if (!ibe->connected || ibe->open_pending) {
        cc = IPMI_CC_BMC_INIT_IN_PROGRESS;
    } else {
        memcpy(ibe->req, cmd, cmd_len);
        ibe->req_len = cmd_len;
        if (!extern_queue_request(ibe)) {
            cc = IPMI_CC_NODE_BUSY;
        }
    }
    if (cc) {
        ibe->req_len = 0;
        extern_answer_error(ibe, cc);
        return;
    }
    ibe->waiting_rsp = true;
    extern_flush(ibe);
}

/* Tells the BMC the machine was reset, now or once connected. */
static void ipmi_bmc_extern_handle_reset(IPMIBmc *b)
{
    IPMIBmcExtern *ibe = IPMI_BMC_EXTERN(b);

    ibe->send_reset = true;
    extern_queue_reset(ibe);
    extern_flush(ibe);
}

/*
 * The machine was reset: README.vm has the VM tell the BMC. Upstream's device never
 * does (nothing calls its handle_reset). Not the reset that builds the machine, nor
 * the one before an incoming migration: the BMC has seen no machine to reset yet.
 */
static void extern_machine_reset(void *opaque)
{
    if (runstate_check(RUN_STATE_PRELAUNCH) || runstate_check(RUN_STATE_INMIGRATE)) {
        return;
    }
    ipmi_bmc_extern_handle_reset(IPMI_BMC(opaque));
}

/*
 * The request that was due when the machine left went to the BMC over the source's
 * stream, whose answer will not come here: it is sent again, now if this QEMU is
 * connected already, else once it is. Its bytes are the stream's: refuse lengths the
 * buffer cannot hold, and a request whose bytes are not the one the error response
 * would name.
 */
static int ipmi_bmc_extern_post_load(void *opaque, int version_id)
{
    IPMIBmcExtern *ibe = opaque;

    if (!ibe->waiting_rsp) {
        ibe->req_len = 0;
        return 0;
    }
    if (ibe->req_len > sizeof(ibe->req) ||
        (ibe->req_len >= IPMI_REQUEST_HEADER &&
         (ibe->req[0] != ibe->rsp_netfn || ibe->req[1] != ibe->rsp_cmd))) {
        error_report("ipmi-bmc-extern: migrated request of %" PRIu32 " bytes for "
                     "NetFn/LUN %02x command %02x does not hold together; refusing it",
                     ibe->req_len, ibe->rsp_netfn, ibe->rsp_cmd);
        return -EINVAL;
    }
    ibe->request_sent = false;
    if (ibe->connected && !ibe->open_pending) {
        extern_resend(ibe);
        extern_flush(ibe);
    }
    return 0;
}

static bool ipmi_bmc_extern_request_needed(void *opaque)
{
    IPMIBmcExtern *ibe = opaque;

    return ibe->waiting_rsp;
}

/*
 * The request that is due, which upstream's stream has not: its id and the header its
 * error response names (version 1), and its bytes, to send it again (version 2).
 */
static const VMStateDescription vmstate_ipmi_bmc_extern_request = {
    .name = TYPE_IPMI_BMC_EXTERN "/request",
    .version_id = 2,
    .minimum_version_id = 1,
    .needed = ipmi_bmc_extern_request_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(rsp_msg_id, IPMIBmcExtern),
        VMSTATE_UINT8(rsp_netfn, IPMIBmcExtern),
        VMSTATE_UINT8(rsp_cmd, IPMIBmcExtern),
        VMSTATE_UINT32_V(req_len, IPMIBmcExtern, 2),
        VMSTATE_UINT8_ARRAY_V(req, IPMIBmcExtern, MAX_IPMI_MSG_SIZE, 2),
        VMSTATE_END_OF_LIST()
    }
};

/* Upstream's stream: a reset to report, and whether a response is due. */
static const VMStateDescription vmstate_ipmi_bmc_extern = {
    .name = TYPE_IPMI_BMC_EXTERN,
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = ipmi_bmc_extern_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(send_reset, IPMIBmcExtern),
        VMSTATE_BOOL(waiting_rsp, IPMIBmcExtern),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_ipmi_bmc_extern_request,
        NULL
    }
};

static void ipmi_bmc_extern_realize(DeviceState *dev, Error **errp)
{
    IPMIBmcExtern *ibe = IPMI_BMC_EXTERN(dev);

    if (!qemu_chr_fe_backend_connected(&ibe->chr)) {
        error_setg(errp, "IPMI external bmc requires chardev attribute");
        return;
    }
    vm_decoder_init(&ibe->decoder, VM_SENDER_BMC);
    ibe->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, extern_timer, ibe);
    ibe->open_bh = qemu_bh_new(extern_open_bh, ibe);
    /* As upstream: one section by this name, not tied to a qdev path. */
    vmstate_register(NULL, VMSTATE_INSTANCE_ID_ANY, &vmstate_ipmi_bmc_extern, ibe);
    qemu_chr_fe_set_handlers(&ibe->chr, extern_can_receive, extern_receive,
                             extern_chr_event, NULL, ibe, NULL, true);
    qemu_register_reset_nosnapshotload(extern_machine_reset, ibe);
}

static void ipmi_bmc_extern_unrealize(DeviceState *dev)
{
    IPMIBmcExtern *ibe = IPMI_BMC_EXTERN(dev);

    qemu_unregister_reset(extern_machine_reset, ibe);
    qemu_chr_fe_deinit(&ibe->chr, false);
    vmstate_unregister(NULL, &vmstate_ipmi_bmc_extern, ibe);
    qemu_bh_delete(ibe->open_bh);
    timer_free(ibe->timer);
}

static const Property ipmi_bmc_extern_properties[] = {
    DEFINE_PROP_CHR("chardev", IPMIBmcExtern, chr),
};

static void ipmi_bmc_extern_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    IPMIBmcClass *bk = IPMI_BMC_CLASS(oc);

    dc->desc = "IPMI BMC outside QEMU, over a chardev (OpenIPMI VM protocol)";
    dc->hotpluggable = false;
    dc->realize = ipmi_bmc_extern_realize;
    dc->unrealize = ipmi_bmc_extern_unrealize;
    device_class_set_props(dc, ipmi_bmc_extern_properties);
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    bk->handle_command = ipmi_bmc_extern_handle_command;
    bk->handle_reset = ipmi_bmc_extern_handle_reset;
}

static const TypeInfo ipmi_bmc_extern_info = {
    .name = TYPE_IPMI_BMC_EXTERN,
    .parent = TYPE_IPMI_BMC_HOST,
    .instance_size = sizeof(IPMIBmcExtern),
    .class_init = ipmi_bmc_extern_class_init,
};

static void ipmi_bmc_extern_register_types(void)
{
    type_register_static(&ipmi_bmc_extern_info);
}

type_init(ipmi_bmc_extern_register_types)
