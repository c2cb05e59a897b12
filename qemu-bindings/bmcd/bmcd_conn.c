/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One VM connected to ipmi-bmcd (bmcd_conn.h says what it does).
 *
 * The effects of a call are applied as ipmi-bmc-sim applies them: the interrupt
 * enable and attention first, then the response, then the resets and power actions
 * once the response is on its way; here each is a control command queued in that
 * order behind the others, so the VM sees them in that order.
 */
#include "bmcd_conn.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#include "bmcd_state.h"
#include "ipmi_messages.h"
#include "vm_codec.h"

/* What one read takes from the socket. */
#define CONN_READ_CHUNK 4096
/* Reading stops while this much waits to be written, and goes on when it is. */
#define CONN_OUT_HIGH (256 * 1024)

struct bmcd_conn {
    guint id;
    gchar *peer;
    GSocketConnection *connection;
    GSocket *socket;               /* the connection's */
    GSource *input;                /* the socket is readable; NULL while paused */
    GSource *output;               /* writable, while anything waits in `out` */
    GSource *tick;                 /* the BMC's deadline, while it has one */
    uint64_t deadline;
    struct bmcd_conn_hooks hooks;
    struct vm_decoder decoder;
    struct bmc *bmc;
    uint8_t capabilities;          /* VM_CAPABILITY_*: what the VM announced */
    GByteArray *out;               /* frames still to be written, in order */
    guint64 requests;
    guint64 bad_frames;
    bool eof;                      /* the VM sends no more; close once `out` is written */
};

uint64_t bmcd_clock_ms(void)
{
    static uint64_t last;
    uint64_t now = (uint64_t)(g_get_monotonic_time() / 1000);

    /* The monotonic clock does not go back; this keeps the promise if it ever did. */
    if (now < last) {
        now = last;
    }
    last = now;
    return now;
}

static bool conn_flush(struct bmcd_conn *c);

static void conn_queue(struct bmcd_conn *c, const uint8_t *frame, size_t len)
{
    g_byte_array_append(c->out, frame, (guint)len);
}

/* The commands that act on the machine, worth a line in the log at the normal level. */
static bool is_machine_command(uint8_t code)
{
    return code == VM_CMD_POWEROFF || code == VM_CMD_RESET || code == VM_CMD_SEND_NMI ||
           code == VM_CMD_GRACEFUL_SHUTDOWN;
}

static void conn_send_command(struct bmcd_conn *c, uint8_t code, const uint8_t *args,
                              size_t n)
{
    uint8_t frame[VM_COMMAND_ENCODED_MAX];
    size_t len = vm_encode_command(code, args, n, frame, sizeof(frame));

    g_log(G_LOG_DOMAIN, is_machine_command(code) ? G_LOG_LEVEL_MESSAGE : G_LOG_LEVEL_INFO,
          "connection %u: sent %s", c->id, vm_command_name(code));
    conn_queue(c, frame, len);
}

/* A command the VM can act on only if it announced `capability` (spec/vm.yaml). */
static void conn_send_if_able(struct bmcd_conn *c, uint8_t code, uint8_t capability)
{
    if (!(c->capabilities & capability)) {
        g_debug("connection %u: %s not sent: the VM did not announce the capability",
                c->id, vm_command_name(code));
        return;
    }
    conn_send_command(c, code, NULL, 0);
}

static void conn_stop_timer(struct bmcd_conn *c)
{
    if (c->tick) {
        g_source_destroy(c->tick);
        g_source_unref(c->tick);
        c->tick = NULL;
    }
}

static gboolean conn_tick(gpointer opaque);

static void conn_start_timer(struct bmcd_conn *c, uint64_t deadline)
{
    uint64_t now = bmcd_clock_ms();
    guint delay = deadline > now ? (guint)MIN(deadline - now, G_MAXUINT) : 0;

    conn_stop_timer(c);
    c->deadline = deadline;
    c->tick = g_timeout_source_new(delay);
    g_source_set_callback(c->tick, conn_tick, c, NULL);
    g_source_attach(c->tick, NULL);
}

static void conn_apply_timer(struct bmcd_conn *c, const struct bmc_effects *fx)
{
    if (!fx->timer_changed) {
        return;
    }
    if (fx->timer_armed) {
        conn_start_timer(c, fx->deadline);
    } else {
        conn_stop_timer(c);
    }
}

static uint8_t attention_command(const struct bmc_effects *fx)
{
    if (!fx->attention) {
        return VM_CMD_NOATTN;
    }
    return fx->attention_irq ? VM_CMD_ATTN_IRQ : VM_CMD_ATTN;
}

/* What the BMC asks of the interface: before the response, as ipmi-bmc-sim does it. */
static void conn_apply_interface(struct bmcd_conn *c, const struct bmc_effects *fx)
{
    if (fx->irq_enable_changed) {
        conn_send_if_able(c, fx->irq_enabled ? VM_CMD_ENABLE_IRQ : VM_CMD_DISABLE_IRQ,
                          VM_CAPABILITY_IRQ);
    }
    if (fx->attention_changed) {
        conn_send_if_able(c, attention_command(fx), VM_CAPABILITY_ATTN);
    }
    conn_apply_timer(c, fx);
}

/* What the BMC asks of the machine: after the response. */
static void conn_apply_machine(struct bmcd_conn *c, const struct bmc_effects *fx)
{
    if (fx->cold_reset || fx->warm_reset) {
        /* ipmi-bmc-sim resets its interface here; the VM protocol has no command for it. */
        g_debug("connection %u: %s reset of the interface: nothing to send", c->id,
                fx->cold_reset ? "cold" : "warm");
    }
    if (fx->nmi) {
        conn_send_if_able(c, VM_CMD_SEND_NMI, VM_CAPABILITY_NMI);
    }
    switch (fx->power) {
    case BMC_POWER_OFF:
        conn_send_if_able(c, VM_CMD_POWEROFF, VM_CAPABILITY_POWER);
        break;
    case BMC_POWER_CYCLE:
    case BMC_POWER_RESET:
        conn_send_if_able(c, VM_CMD_RESET, VM_CAPABILITY_RESET);
        break;
    case BMC_POWER_SOFT_OFF:
        conn_send_if_able(c, VM_CMD_GRACEFUL_SHUTDOWN, VM_CAPABILITY_GRACEFUL_SHUTDOWN);
        break;
    case BMC_POWER_ON:
        /* A VM that talks to its BMC is on. */
        g_debug("connection %u: power on: the VM is on already", c->id);
        break;
    default:
        break;
    }
}

/* Tells the daemon when the call just made changed the SEL. */
static void conn_note_sel(struct bmcd_conn *c, const struct bmcd_sel_fingerprint *before)
{
    struct bmcd_sel_fingerprint after = bmcd_state_fingerprint(&c->bmc->state.sel);

    if (!bmcd_state_fingerprint_equal(before, &after) && c->hooks.sel_changed) {
        c->hooks.sel_changed(&c->bmc->state.sel, c->hooks.opaque);
    }
}

static void conn_call_tick(struct bmcd_conn *c, uint64_t now)
{
    struct bmcd_sel_fingerprint before = bmcd_state_fingerprint(&c->bmc->state.sel);
    struct bmc_effects fx = bmc_tick(c->bmc, now);

    conn_apply_interface(c, &fx);
    conn_apply_machine(c, &fx);
    conn_note_sel(c, &before);
}

/* The BMC's deadline came (the watchdog's pre-timeout or timeout). */
static gboolean conn_tick(gpointer opaque)
{
    struct bmcd_conn *c = opaque;
    uint64_t now = bmcd_clock_ms();

    g_source_unref(c->tick);    /* returning G_SOURCE_REMOVE destroys it */
    c->tick = NULL;
    if (now < c->deadline) {
        conn_start_timer(c, c->deadline);   /* woken early: ms rounding */
        return G_SOURCE_REMOVE;
    }
    conn_call_tick(c, now);
    if (!conn_flush(c)) {
        bmcd_conn_close(c, "a write failed");
    }
    return G_SOURCE_REMOVE;
}

/* One request: the BMC's response, framed with the request's sequence byte. */
static void conn_answer(struct bmcd_conn *c, uint8_t seq, const uint8_t *req, size_t len)
{
    struct bmcd_sel_fingerprint before = bmcd_state_fingerprint(&c->bmc->state.sel);
    uint8_t rsp[IPMI_MAX_MESSAGE];
    uint8_t frame[VM_ENCODED_MAX];
    struct bmc_result r;
    size_t n;

    r = bmc_handle_request(c->bmc, bmcd_clock_ms(), req, len, rsp, sizeof(rsp));
    c->requests++;
    g_debug("connection %u: request %02xh: NetFn %02xh command %02xh, %zu bytes: "
            "completion code %02xh, %zu bytes", c->id, seq, req[0] >> IPMI_NETFN_SHIFT,
            req[1], len, rsp[2], r.len);
    conn_apply_interface(c, &r.effects);
    n = vm_encode_message(seq, rsp, r.len, frame, sizeof(frame));
    conn_queue(c, frame, n);
    conn_apply_machine(c, &r.effects);
    conn_note_sel(c, &before);
}

static gchar *capability_names(uint8_t bits)
{
    static const struct {
        uint8_t bit;
        const char *name;
    } names[] = {
        { VM_CAPABILITY_POWER, "power" },
        { VM_CAPABILITY_RESET, "reset" },
        { VM_CAPABILITY_IRQ, "irq" },
        { VM_CAPABILITY_NMI, "nmi" },
        { VM_CAPABILITY_ATTN, "attn" },
        { VM_CAPABILITY_GRACEFUL_SHUTDOWN, "graceful-shutdown" },
    };
    GString *s = g_string_new(NULL);
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        if (bits & names[i].bit) {
            g_string_append_printf(s, "%s%s", s->len ? " " : "", names[i].name);
        }
    }
    return g_string_free(s, FALSE);
}

/*
 * What the VM can do. The BMC then tells it the interrupt enable and attention it
 * has, as if both had just changed: the VM's interface may hold what an earlier BMC
 * (an earlier run of the daemon) set.
 */
static void conn_capabilities(struct bmcd_conn *c, uint8_t bits)
{
    g_autofree gchar *names = capability_names(bits);
    struct bmc_effects fx = bmc_announce(c->bmc);

    c->capabilities = bits;
    g_info("connection %u: the VM can: %s (%02xh)", c->id, *names ? names : "nothing", bits);
    conn_apply_interface(c, &fx);
}

/* A control command from the VM (the codec lets through only those a VM sends). */
static void conn_command(struct bmcd_conn *c, uint8_t code, const uint8_t *args)
{
    switch (code) {
    case VM_CMD_VERSION:
        if (args[VM_CMD_VERSION_ARG_NUMBER] != VM_PROTOCOL_VERSION) {
            g_warning("connection %u: the VM speaks protocol version %u, this daemon %d",
                      c->id, args[VM_CMD_VERSION_ARG_NUMBER], VM_PROTOCOL_VERSION);
        } else {
            g_info("connection %u: the VM speaks protocol version %u", c->id,
                   args[VM_CMD_VERSION_ARG_NUMBER]);
        }
        break;
    case VM_CMD_CAPABILITIES:
        conn_capabilities(c, args[VM_CMD_CAPABILITIES_ARG_BITS]);
        break;
    case VM_CMD_RESET:
        /* ipmi-bmc-sim keeps its state over a machine reset; so does this BMC. */
        g_message("connection %u: the VM was reset", c->id);
        break;
    default:
        g_debug("connection %u: command %s ignored", c->id, vm_command_name(code));
        break;
    }
}

static const char *bad_frame_name(uint8_t kind)
{
    switch (kind) {
    case VM_EVENT_OVERLONG:
        return "too long";
    case VM_EVENT_BAD_ESCAPE:
        return "a stray escape";
    case VM_EVENT_SHORT:
        return "too short";
    case VM_EVENT_BAD_CHECKSUM:
        return "a bad checksum";
    case VM_EVENT_BAD_COMMAND:
        return "a command the VM does not send";
    default:
        return "broken";
    }
}

/* A broken frame: dropped (the decoder starts afresh after it) and counted. */
static void conn_bad_frame(struct bmcd_conn *c, struct vm_event e)
{
    c->bad_frames++;
    if (c->bad_frames == 1) {
        g_warning("connection %u: bad frame (%s, %u bytes) dropped; further ones are "
                  "logged at debug level", c->id, bad_frame_name(e.kind), e.len);
    } else {
        g_debug("connection %u: bad frame %" G_GUINT64_FORMAT " (%s, %u bytes) dropped",
                c->id, c->bad_frames, bad_frame_name(e.kind), e.len);
    }
}

static void conn_event(struct bmcd_conn *c, struct vm_event e)
{
    const uint8_t *bytes = c->decoder.buf + e.start;

    switch (e.kind) {
    case VM_EVENT_NONE:
        break;
    case VM_EVENT_MESSAGE:
        conn_answer(c, e.seq, bytes, e.len);
        break;
    case VM_EVENT_COMMAND:
        conn_command(c, e.code, bytes);
        break;
    default:
        conn_bad_frame(c, e);
        break;
    }
}

/* Bytes from the VM, wherever the reads cut the frames. */
static void conn_feed(struct bmcd_conn *c, const uint8_t *bytes, size_t n)
{
    size_t pos = 0;

    while (pos < n) {
        size_t used;
        struct vm_event e = vm_decoder_feed_span(&c->decoder, bytes + pos, n - pos, &used);

        pos += used;
        conn_event(c, e);
    }
}

static gboolean conn_readable(GSocket *socket, GIOCondition condition, gpointer opaque);
static gboolean conn_writable(GSocket *socket, GIOCondition condition, gpointer opaque);

static GSource *conn_watch(struct bmcd_conn *c, GIOCondition condition, GSocketSourceFunc fn)
{
    GSource *source = g_socket_create_source(c->socket, condition, NULL);

    g_source_set_callback(source, G_SOURCE_FUNC(fn), c, NULL);
    g_source_attach(source, NULL);
    return source;
}

static void conn_unwatch(GSource **source)
{
    if (*source) {
        g_source_destroy(*source);
        g_source_unref(*source);
        *source = NULL;
    }
}

/*
 * Watch for writability while anything waits (and after the VM's end of stream, so
 * that conn_writable closes the connection once all is written); read while not too
 * much waits.
 */
static void conn_update_watches(struct bmcd_conn *c)
{
    bool waiting = c->out->len > 0 || c->eof;
    bool reading = c->out->len < CONN_OUT_HIGH;

    if (waiting && !c->output) {
        c->output = conn_watch(c, G_IO_OUT, conn_writable);
    } else if (!waiting) {
        conn_unwatch(&c->output);
    }
    if (reading && !c->input && !c->eof) {
        c->input = conn_watch(c, G_IO_IN, conn_readable);
    } else if (!reading && c->input) {
        g_debug("connection %u: %u bytes wait to be written: reading paused", c->id,
                c->out->len);
        conn_unwatch(&c->input);
    }
}

/* Writes what the socket takes now. False if the connection failed. */
static bool conn_flush(struct bmcd_conn *c)
{
    gsize sent = 0;

    while (sent < c->out->len) {
        g_autoptr(GError) err = NULL;
        gssize n = g_socket_send(c->socket, (const gchar *)c->out->data + sent,
                                 c->out->len - sent, NULL, &err);

        if (n < 0) {
            if (g_error_matches(err, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
                break;
            }
            g_message("connection %u: write failed: %s", c->id, err->message);
            return false;
        }
        sent += (gsize)n;
    }
    g_byte_array_remove_range(c->out, 0, (guint)sent);
    conn_update_watches(c);
    return true;
}

static gboolean conn_readable(GSocket *socket, GIOCondition condition, gpointer opaque)
{
    struct bmcd_conn *c = opaque;
    g_autoptr(GError) err = NULL;
    uint8_t buf[CONN_READ_CHUNK];
    gssize n = g_socket_receive(socket, (gchar *)buf, sizeof(buf), NULL, &err);

    (void)condition;
    if (n < 0 && g_error_matches(err, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
        return G_SOURCE_CONTINUE;
    }
    if (n < 0) {
        bmcd_conn_close(c, err->message);
        return G_SOURCE_REMOVE;
    }
    if (n == 0) {
        /* The VM may have shut down its sending half only: its responses still go. */
        c->eof = true;
        conn_unwatch(&c->input);
        if (c->out->len == 0) {
            bmcd_conn_close(c, "the VM closed it");
        }
        return G_SOURCE_REMOVE;
    }
    conn_feed(c, buf, (size_t)n);
    if (!conn_flush(c)) {
        bmcd_conn_close(c, "a write failed");
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

static gboolean conn_writable(GSocket *socket, GIOCondition condition, gpointer opaque)
{
    struct bmcd_conn *c = opaque;

    (void)socket;
    (void)condition;
    if (!conn_flush(c)) {
        bmcd_conn_close(c, "a write failed");
        return G_SOURCE_REMOVE;
    }
    if (c->eof && c->out->len == 0) {
        bmcd_conn_close(c, "the VM closed it, and has all its responses");
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

/* Small frames each way, each waited for: no Nagle delay on TCP. */
static void conn_no_delay(GSocket *socket)
{
    GSocketFamily family = g_socket_get_family(socket);

    if (family == G_SOCKET_FAMILY_IPV4 || family == G_SOCKET_FAMILY_IPV6) {
        g_socket_set_option(socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
    }
}

struct bmcd_conn *bmcd_conn_new(GSocketConnection *connection, guint id, const char *peer,
                                const struct bmc *start, const struct bmcd_conn_hooks *hooks)
{
    struct bmcd_conn *c = g_new0(struct bmcd_conn, 1);
    uint8_t version = VM_PROTOCOL_VERSION;

    c->id = id;
    c->peer = g_strdup(peer);
    c->connection = g_object_ref(connection);
    c->socket = g_socket_connection_get_socket(connection);
    c->hooks = *hooks;
    c->bmc = g_memdup2(start, sizeof(*start));
    c->out = g_byte_array_new();
    vm_decoder_init(&c->decoder, VM_SENDER_VM);
    g_socket_set_blocking(c->socket, FALSE);
    conn_no_delay(c->socket);

    g_message("connection %u from %s: open", c->id, c->peer);
    conn_send_command(c, VM_CMD_VERSION, &version, 1);
    if (!conn_flush(c)) {
        /* Closed from the watches once the daemon holds the connection: the next
           write fails again, or the read sees the end. */
        conn_update_watches(c);
    }
    return c;
}

void bmcd_conn_close(struct bmcd_conn *conn, const char *why)
{
    g_message("connection %u from %s: closed (%s; %" G_GUINT64_FORMAT " requests, %"
              G_GUINT64_FORMAT " bad frames)", conn->id, conn->peer, why, conn->requests,
              conn->bad_frames);
    if (conn->out->len > 0) {
        conn_flush(conn);       /* what is queued goes if it can; the rest is lost */
    }
    conn_unwatch(&conn->input);
    conn_unwatch(&conn->output);
    conn_stop_timer(conn);
    if (conn->hooks.closed) {
        conn->hooks.closed(conn, conn->hooks.opaque);
    }
}

void bmcd_conn_free(struct bmcd_conn *conn)
{
    if (!conn) {
        return;
    }
    conn_unwatch(&conn->input);
    conn_unwatch(&conn->output);
    conn_stop_timer(conn);
    g_io_stream_close(G_IO_STREAM(conn->connection), NULL, NULL);
    g_object_unref(conn->connection);
    g_byte_array_unref(conn->out);
    g_free(conn->bmc);
    g_free(conn->peer);
    g_free(conn);
}
