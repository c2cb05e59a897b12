/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness for the SSIF machine, wired to the BMC core as smbus-ipmi wires
 * it to ipmi-bmc-sim: a request handed over (ssif_result.request) goes to
 * bmc_handle_request, the BMC's effects are applied and its answer goes back through
 * ssif_machine_respond quoting the request id. This BMC may also hold its answers and
 * deliver them late (fuzz_bmc in fuzz-common.h), when they may be stale.
 *
 * The input is a stream of operations (enum fuzz_ssif_op in fuzz-spec.h): SMBus block
 * writes and reads with any command and any bytes, well-formed blocks, whole requests
 * and reads as Linux's drivers/char/ipmi/ipmi_ssif.c makes them, answers held, forged
 * or late, attention, the BMC's alert enable, reset.
 *
 * The harness keeps its own model of the interface, written from spec/ssif.yaml's
 * rules (struct model below), and checks every operation against it: which transfers
 * are acknowledged, which request reaches the BMC and when, the bytes of every chunk
 * a read returns (the first chunk's 00h 01h, each middle chunk's number, the end
 * marker), the answers the interface makes itself (Get System Interface Capabilities
 * from the spec's figures, C7h/CCh for a malformed one, FFh and CAh for a BMC answer
 * too short or too long), and SMBus alert. After every operation
 * ssif_machine_consistent() must hold.
 *
 * After the stream the host must get out as Linux does: the BMC delivers what it
 * still holds, then a Get Device ID in one part must come back with completion code
 * 00h and the device id, and a response in parts (the BMC's answer to the next
 * request made long on purpose) must read back whole, with a retry (0Ah) of a middle
 * chunk on the way.
 */
#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_ELEMENTS(a) (sizeof(a) / sizeof((a)[0]))
#define DEVICE_ID 0x20
#define APP_REQ (FUZZ_APP_NETFN << FUZZ_NETFN_SHIFT)
/* Message bytes in the first chunk of a response in parts, and in each after it. */
#define FIRST_DATA (FUZZ_SSIF_CHUNK - 2)
#define MIDDLE_DATA (FUZZ_SSIF_CHUNK - 1)
/* The longest raw block write an operation makes: past a chunk and its count byte. */
#define RAW_MAX 40
/* Reads a host makes of one response before it counts itself stuck. */
#define HOST_READS (FUZZ_SSIF_RESPONSE_CAPACITY / MIDDLE_DATA + 4)

/* The interface as spec/ssif.yaml describes it, phase by phase. */
enum phase { IDLE, WRITING, BUSY, RESPONSE, READING };

static const char *const phase_names[] = { "IDLE", "WRITING", "BUSY", "RESPONSE", "READING" };

struct model {
    enum phase phase;
    uint8_t req[FUZZ_SSIF_REQUEST_CAPACITY];
    size_t req_len;
    uint8_t rsp[FUZZ_SSIF_RESPONSE_CAPACITY];
    size_t rsp_len;
    unsigned next;                /* the next middle chunk (1: the first middle) */
    bool unread;                  /* a response is ready and no read has begun it */
    bool attention;
    bool irq_enabled;
};

struct rig {
    struct ssif_machine m;
    struct model model;
    struct fuzz_bmc bmc;
    bool alert;                   /* the SMBus alert line, as the device drives it */
    uint8_t flight_id;            /* the id of the request the BMC holds */
    /* The next answer from the BMC is replaced by one this long (0: the BMC's own). */
    size_t long_answer;
};

static const struct fuzz_interface ssif_interface;

static bool model_alert(const struct model *s)
{
    return s->irq_enabled && (s->unread || s->attention);
}

static void check_invariants(const struct rig *r)
{
    const struct ssif_machine *m = &r->m;
    const struct model *s = &r->model;

    if (!ssif_machine_consistent(m)) {
        fuzz_fail("%s: ssif_machine_consistent refuses the state the machine is in",
                  phase_names[s->phase]);
    }
    if (m->phase != s->phase) {
        fuzz_fail("the machine is in phase %u, spec/ssif.yaml's rules lead to %s", m->phase,
                  phase_names[s->phase]);
    }
    if ((s->phase == WRITING || s->phase == BUSY) &&
        (m->request_len != s->req_len || memcmp(m->request, s->req, s->req_len) != 0)) {
        fuzz_fail("%s: the machine holds a %u-byte request, the host wrote %zu",
                  phase_names[s->phase], m->request_len, s->req_len);
    }
    if ((s->phase == RESPONSE || s->phase == READING) &&
        (m->response_len != s->rsp_len || memcmp(m->response, s->rsp, s->rsp_len) != 0)) {
        fuzz_fail("%s: the machine holds a %u-byte response, the model %zu",
                  phase_names[s->phase], m->response_len, s->rsp_len);
    }
    if (s->phase == BUSY && m->request_id != r->flight_id) {
        fuzz_fail("BUSY waits for request id %02x, the BMC got %02x", m->request_id,
                  r->flight_id);
    }
    if (r->alert != model_alert(s)) {
        fuzz_fail("%s: SMBus alert %d, the BMC's enable %d, an unread response %d and "
                  "attention %d say otherwise", phase_names[s->phase], r->alert,
                  s->irq_enabled, s->unread, s->attention);
    }
}

/* What the device does with a result: drive the alert line as it says. */
static void apply(struct rig *r, struct ssif_result res)
{
    if (res.alert_changed == (res.alert_level == r->alert)) {
        fuzz_fail("ssif_result.alert_changed %d, but the line goes %d -> %d",
                  res.alert_changed, r->alert, res.alert_level);
    }
    r->alert = res.alert_level;
}

/* ---- The model: spec/ssif.yaml's rules, written again from the spec. ---- */

static void model_answer_header(struct model *s, uint8_t cc)
{
    s->rsp[0] = s->req[0] | FUZZ_RESPONSE_NETFN_BIT;
    s->rsp[1] = s->req[1];
    s->rsp[2] = cc;
    s->rsp_len = FUZZ_RESPONSE_HEADER;
    s->unread = true;
    s->phase = RESPONSE;
}

static bool model_asks_capabilities(const struct model *s)
{
    return s->req[0] >> FUZZ_NETFN_SHIFT == FUZZ_APP_NETFN &&
           s->req[1] == FUZZ_SSIF_CAPABILITIES_COMMAND;
}

/* Get System Interface Capabilities (IPMI 2.0 section 22.9), for SSIF. */
static void model_answer_capabilities(struct model *s)
{
    if (s->req_len <= FUZZ_REQUEST_HEADER) {
        model_answer_header(s, FUZZ_CC_REQUEST_DATA_LENGTH_INVALID);
    } else if ((s->req[2] & 0x0f) != FUZZ_SSIF_INTERFACE_TYPE) {
        model_answer_header(s, FUZZ_CC_INVALID_DATA_FIELD);
    } else {
        model_answer_header(s, FUZZ_CC_SUCCESS);
        s->rsp[3] = 0;
        s->rsp[4] = (uint8_t)(FUZZ_SSIF_TRANSACTIONS << 6 | FUZZ_SSIF_PEC << 3 |
                              FUZZ_SSIF_VERSION);
        s->rsp[5] = FUZZ_SSIF_REQUEST_CAPACITY;
        s->rsp[6] = FUZZ_SSIF_RESPONSE_CAPACITY;
        s->rsp_len = 7;
    }
}

/* A whole request: answered by the interface, or handed to the BMC. Returns which. */
static bool model_end_request(struct model *s)
{
    if (model_asks_capabilities(s)) {
        model_answer_capabilities(s);
        return false;
    }
    s->phase = BUSY;
    return true;
}

/*
 * A block write under the spec's rules. block/n are the message bytes of a
 * well-formed block (ok). Returns whether it is acknowledged; *sent says whether a
 * request goes to the BMC.
 */
static bool model_write(struct model *s, uint8_t cmd, bool ok, const uint8_t *block,
                        size_t n, bool *sent)
{
    *sent = false;
    if (s->phase == BUSY) {
        return false;
    }
    switch (cmd) {
    case FUZZ_SSIF_WRITE_SINGLE_PART:
        if (!ok || n < FUZZ_REQUEST_HEADER) {
            return false;
        }
        memcpy(s->req, block, n);
        s->req_len = n;
        if (!model_asks_capabilities(s)) {
            s->rsp_len = 0;
            s->unread = false;
        }
        *sent = model_end_request(s);
        return true;
    case FUZZ_SSIF_WRITE_START:
        if (!ok || n != FUZZ_SSIF_CHUNK) {
            return false;
        }
        memcpy(s->req, block, n);
        s->req_len = n;
        s->rsp_len = 0;
        s->unread = false;
        s->phase = WRITING;
        return true;
    case FUZZ_SSIF_WRITE_MIDDLE:
    case FUZZ_SSIF_WRITE_END:
        if (s->phase != WRITING || !ok) {
            return false;
        }
        if (s->req_len + n > FUZZ_SSIF_REQUEST_CAPACITY) {
            s->req_len = 0;
            s->phase = IDLE;
            return false;
        }
        memcpy(s->req + s->req_len, block, n);
        s->req_len += n;
        if (cmd == FUZZ_SSIF_WRITE_MIDDLE && n == FUZZ_SSIF_CHUNK) {
            return true;
        }
        *sent = model_end_request(s);
        return true;
    default:
        return false;
    }
}

/* Where chunk k of a response in parts begins (0: the first chunk). */
static size_t chunk_pos(unsigned k)
{
    return k == 0 ? 0 : FIRST_DATA + (size_t)(k - 1) * MIDDLE_DATA;
}

/* Chunk k of the model's response in parts, into out; returns its length. */
static size_t model_chunk(const struct model *s, unsigned k, uint8_t *out)
{
    size_t pos = chunk_pos(k), left;

    if (k == 0) {
        out[0] = FUZZ_SSIF_FIRST_MARKER_0;
        out[1] = FUZZ_SSIF_FIRST_MARKER_1;
        memcpy(out + 2, s->rsp, FIRST_DATA);
        return FUZZ_SSIF_CHUNK;
    }
    left = s->rsp_len - pos;
    if (left > MIDDLE_DATA) {
        out[0] = (uint8_t)(k - 1);
        memcpy(out + 1, s->rsp + pos, MIDDLE_DATA);
        return FUZZ_SSIF_CHUNK;
    }
    out[0] = FUZZ_SSIF_END_MARKER;
    memcpy(out + 1, s->rsp + pos, left);
    return 1 + left;
}

/* Gives chunk k and moves on: past the last one, the response stays to read again. */
static size_t model_give_chunk(struct model *s, unsigned k, uint8_t *out)
{
    size_t len = model_chunk(s, k, out);

    s->unread = false;
    s->next = k + 1;
    s->phase = k > 0 && out[0] == FUZZ_SSIF_END_MARKER ? RESPONSE : READING;
    return len;
}

/* A block read under the spec's rules: its bytes into out, or -1 for a NAK. */
static int model_read(struct model *s, uint8_t cmd, uint8_t block, uint8_t *out)
{
    bool ready = s->phase == RESPONSE || s->phase == READING;
    bool parts = s->rsp_len > FUZZ_SSIF_CHUNK;
    size_t len;

    switch (cmd) {
    case FUZZ_SSIF_READ_START:
        if (!ready) {
            return -1;
        }
        if (!parts) {
            memcpy(out, s->rsp, s->rsp_len);
            s->unread = false;
            s->phase = RESPONSE;
            return (int)s->rsp_len;
        }
        return (int)model_give_chunk(s, 0, out);
    case FUZZ_SSIF_READ_MIDDLE:
        if (s->phase != READING) {
            return -1;
        }
        if (chunk_pos(s->next) >= s->rsp_len) {
            s->phase = RESPONSE;
            return -1;
        }
        return (int)model_give_chunk(s, s->next, out);
    case FUZZ_SSIF_READ_RETRY:
        if (!ready || !parts || (block > 0 && chunk_pos(block) >= s->rsp_len)) {
            return -1;
        }
        /* A retry names the chunk; reading goes on after it, even after the last. */
        len = model_give_chunk(s, block, out);
        s->phase = READING;
        return (int)len;
    default:
        return -1;
    }
}

/* The BMC's answer to the request in flight, as the interface is to keep it. */
static void model_respond(struct model *s, const uint8_t *rsp, size_t len)
{
    if (len < FUZZ_RESPONSE_HEADER) {
        model_answer_header(s, FUZZ_CC_UNSPECIFIED);
    } else if (len > FUZZ_SSIF_RESPONSE_CAPACITY) {
        model_answer_header(s, FUZZ_CC_CANNOT_RETURN_BYTES);
    } else {
        memcpy(s->rsp, rsp, len);
        s->rsp_len = len;
        s->unread = true;
        s->phase = RESPONSE;
    }
}

/* ---- Operations, each checked against the model. ---- */

/* A block write: raw is the SMBus byte count and what follows it, as sent. */
static struct ssif_result write_raw(struct rig *r, uint8_t cmd, const uint8_t *raw, size_t len)
{
    bool ok = len >= 1 && raw[0] == len - 1 && raw[0] <= FUZZ_SSIF_CHUNK;
    uint8_t before_id = r->m.request_id;
    bool sent;
    bool ack = model_write(&r->model, cmd, ok, raw + 1, ok ? raw[0] : 0, &sent);
    uint8_t *exact = fuzz_exact_copy(raw, len);
    struct ssif_result res = ssif_machine_write_block(&r->m, cmd, exact, len);

    free(exact);
    apply(r, res);
    if (res.nak == ack || res.len != 0) {
        fuzz_fail("%s: a write of command %02x with %zu bytes (count %u) is %s, the spec "
                  "says %s", phase_names[r->model.phase], cmd, len, len ? raw[0] : 0,
                  res.nak ? "refused" : "acknowledged", ack ? "acknowledged" : "refused");
    }
    if (res.request != sent) {
        fuzz_fail("a write of command %02x %s a request to the BMC, the spec says it %s", cmd,
                  res.request ? "hands" : "does not hand", sent ? "does" : "does not");
    }
    if (sent) {
        const uint8_t *msg = ssif_machine_message(&r->m);
        size_t n = ssif_machine_message_len(&r->m);

        if (n != r->model.req_len || memcmp(msg, r->model.req, n) != 0) {
            fuzz_fail("the BMC got a %zu-byte message, not the %zu-byte request written", n,
                      r->model.req_len);
        }
        if (r->m.request_id == before_id) {
            fuzz_fail("a new request under the old request id %02x", before_id);
        }
        r->flight_id = r->m.request_id;
        check_invariants(r);
        fuzz_deliver(&ssif_interface, r, &r->bmc, r->flight_id, msg, n);
    }
    return res;
}

static struct ssif_result write_block(struct rig *r, uint8_t cmd, const uint8_t *msg, size_t n)
{
    uint8_t raw[FUZZ_SSIF_CHUNK + 1];

    raw[0] = (uint8_t)n;
    memcpy(raw + 1, msg, n);
    return write_raw(r, cmd, raw, n + 1);
}

/* A block read; returns its length, or -1 when it is not acknowledged. */
static int read_block(struct rig *r, uint8_t cmd, uint8_t block, uint8_t *out)
{
    uint8_t want[FUZZ_SSIF_CHUNK];
    int n = model_read(&r->model, cmd, block, want);
    struct ssif_result res = ssif_machine_read_block(&r->m, cmd, block);

    apply(r, res);
    if (res.request || res.nak != (n < 0) || (n < 0 && res.len != 0)) {
        fuzz_fail("a read of command %02x (block %u) is %s, the spec says %s", cmd, block,
                  res.nak ? "refused" : "acknowledged", n < 0 ? "refused" : "acknowledged");
    }
    if (n < 0) {
        return -1;
    }
    if (res.len != n || memcmp(ssif_machine_chunk(&r->m), want, (size_t)n) != 0) {
        fuzz_fail("a read of command %02x (block %u) returns %u bytes, not the %d the "
                  "response gives", cmd, block, res.len, n);
    }
    memcpy(out, want, (size_t)n);
    return n;
}

/* The BMC's answer: one for another request, or when none waits, changes nothing. */
static void respond(struct rig *r, uint8_t id, const uint8_t *rsp, size_t len)
{
    const struct model before = r->model;
    uint8_t *exact;
    struct ssif_result res;

    if (r->long_answer > 0 && id == r->flight_id && r->model.phase == BUSY) {
        static uint8_t made[FUZZ_SSIF_RESPONSE_CAPACITY];
        size_t i;

        /* The host's recovery reads an answer in parts: make this one long. */
        memcpy(made, rsp, FUZZ_RESPONSE_HEADER);
        for (i = FUZZ_RESPONSE_HEADER; i < r->long_answer; i++) {
            made[i] = (uint8_t)(i * 7 + 1);
        }
        rsp = made;
        len = r->long_answer;
        r->long_answer = 0;
    }
    exact = fuzz_exact_copy(rsp, len);
    res = ssif_machine_respond(&r->m, id, exact, len);
    free(exact);
    if (res.request || res.nak) {
        fuzz_fail("a response handed a request over or was refused");
    }
    if (id == r->flight_id && before.phase == BUSY) {
        model_respond(&r->model, rsp, len);
    }
    apply(r, res);
    check_invariants(r);
}

static void bmc_irq_enable(void *rig, bool on)
{
    struct rig *r = rig;

    r->model.irq_enabled = on;
    apply(r, ssif_machine_set_irq_enable(&r->m, on));
}

/* SSIF has no interrupt of its own to choose: attention raises SMBus alert, or not. */
static void bmc_attention(void *rig, bool on, bool irq)
{
    struct rig *r = rig;

    (void)irq;
    r->model.attention = on;
    apply(r, ssif_machine_set_attention(&r->m, on));
}

static void bmc_respond(void *rig, uint8_t id, const uint8_t *rsp, size_t len)
{
    respond(rig, id, rsp, len);
}

static const struct fuzz_interface ssif_interface = {
    bmc_irq_enable, bmc_attention, bmc_respond,
};

static void reset(struct rig *r)
{
    struct model *s = &r->model;

    apply(r, ssif_machine_reset(&r->m));
    s->phase = IDLE;
    s->req_len = 0;
    s->rsp_len = 0;
    s->unread = false;
}

/* A request as Linux sends it: one part when it fits, else start, middles and an end. */
static void send_request(struct rig *r, const uint8_t *req, size_t len, bool short_end)
{
    size_t at;

    if (len <= FUZZ_SSIF_CHUNK) {
        write_block(r, FUZZ_SSIF_WRITE_SINGLE_PART, req, len);
        return;
    }
    if (write_block(r, FUZZ_SSIF_WRITE_START, req, FUZZ_SSIF_CHUNK).nak) {
        return;
    }
    for (at = FUZZ_SSIF_CHUNK; len - at > FUZZ_SSIF_CHUNK; at += FUZZ_SSIF_CHUNK) {
        if (write_block(r, FUZZ_SSIF_WRITE_MIDDLE, req + at, FUZZ_SSIF_CHUNK).nak) {
            return;
        }
        check_invariants(r);
    }
    if (short_end && len - at == FUZZ_SSIF_CHUNK) {
        /* A whole last chunk, then an empty middle part as the end. */
        write_block(r, FUZZ_SSIF_WRITE_MIDDLE, req + at, FUZZ_SSIF_CHUNK);
        write_block(r, FUZZ_SSIF_WRITE_MIDDLE, req, 0);
    } else {
        write_block(r, short_end ? FUZZ_SSIF_WRITE_MIDDLE : FUZZ_SSIF_WRITE_END, req + at,
                    len - at);
    }
}

/*
 * The response as Linux reads it: 03h; a first chunk beginning 00h 01h means more
 * follow, each read with 09h and numbered from 0, until one beginning FFh. The message
 * goes into out; returns its length, or 0 when a read is refused.
 */
static size_t read_response(struct rig *r, uint8_t *out, int retry_at)
{
    uint8_t chunk[FUZZ_SSIF_CHUNK];
    int n = read_block(r, FUZZ_SSIF_READ_START, 0, chunk);
    size_t len;
    int k;

    if (n < 0) {
        return 0;
    }
    if (n < FUZZ_SSIF_CHUNK || chunk[0] != FUZZ_SSIF_FIRST_MARKER_0 ||
        chunk[1] != FUZZ_SSIF_FIRST_MARKER_1) {
        memcpy(out, chunk, (size_t)n);
        return (size_t)n;
    }
    memcpy(out, chunk + 2, FIRST_DATA);
    len = FIRST_DATA;
    for (k = 0; k < HOST_READS; k++) {
        if (k == retry_at) {
            /* The middle chunk just read, again: the host missed it. */
            uint8_t again[FUZZ_SSIF_CHUNK];

            if (read_block(r, FUZZ_SSIF_READ_RETRY, (uint8_t)k, again) < 0 || again[0] != k - 1 ||
                memcmp(again + 1, out + len - MIDDLE_DATA, MIDDLE_DATA) != 0) {
                fuzz_fail("a retry of middle chunk %d does not give it again", k - 1);
            }
        }
        n = read_block(r, FUZZ_SSIF_READ_MIDDLE, 0, chunk);
        if (n < 1) {
            return 0;
        }
        if (chunk[0] != FUZZ_SSIF_END_MARKER && (chunk[0] != k || n != FUZZ_SSIF_CHUNK)) {
            fuzz_fail("middle chunk %d is numbered %u and %d bytes long", k, chunk[0], n);
        }
        if (len + (size_t)n - 1 > FUZZ_SSIF_RESPONSE_CAPACITY) {
            fuzz_fail("a response in parts grows past %d bytes", FUZZ_SSIF_RESPONSE_CAPACITY);
        }
        memcpy(out + len, chunk + 1, (size_t)n - 1);
        len += (size_t)n - 1;
        if (chunk[0] == FUZZ_SSIF_END_MARKER) {
            return len;
        }
    }
    fuzz_fail("a response in parts has no end after %d middle chunks", HOST_READS);
}

static void give_held(struct rig *r, size_t i)
{
    fuzz_give_held(&ssif_interface, r, &r->bmc, i);
}

static void run_op(struct rig *r, struct fuzz_input *in)
{
    size_t at = in->left;
    uint8_t op = fuzz_byte(in) % FUZZ_SSIF_OP_COUNT;
    uint8_t buf[FUZZ_SSIF_RESPONSE_CAPACITY];
    uint8_t cmd, v, n;

    switch (op) {
    case FUZZ_SSIF_OP_WRITE:
        cmd = fuzz_byte(in);
        n = fuzz_byte(in) % RAW_MAX;
        fuzz_take(in, buf, n);
        write_raw(r, cmd, buf, n);
        break;
    case FUZZ_SSIF_OP_WRITE_BLOCK:
        cmd = fuzz_byte(in);
        n = fuzz_byte(in) % (FUZZ_SSIF_CHUNK + 1);
        fuzz_take(in, buf, n);
        write_block(r, cmd, buf, n);
        break;
    case FUZZ_SSIF_OP_SEND:
        v = fuzz_byte(in);
        n = fuzz_byte(in);
        fuzz_take(in, buf, n);
        send_request(r, buf, n, (v & 1) != 0);
        break;
    case FUZZ_SSIF_OP_READ:
        cmd = fuzz_byte(in);
        read_block(r, cmd, fuzz_byte(in), buf);
        break;
    case FUZZ_SSIF_OP_READ_ALL:
        read_response(r, buf, -1);
        break;
    case FUZZ_SSIF_OP_ANSWER:
        v = fuzz_byte(in);
        if (r->bmc.held > 0) {
            give_held(r, v % r->bmc.held);
        }
        break;
    case FUZZ_SSIF_OP_ANSWER_FORGED:
        v = fuzz_byte(in);
        fuzz_give_forged(&ssif_interface, r, in, v);
        break;
    case FUZZ_SSIF_OP_ANSWER_FORGED_CURRENT:
        fuzz_give_forged(&ssif_interface, r, in, r->m.request_id);
        break;
    case FUZZ_SSIF_OP_ATTENTION:
        bmc_attention(r, (fuzz_byte(in) & 1) != 0, true);
        break;
    case FUZZ_SSIF_OP_IRQ_ENABLE:
        bmc_irq_enable(r, (fuzz_byte(in) & 1) != 0);
        break;
    case FUZZ_SSIF_OP_RESET:
        reset(r);
        break;
    default: /* FUZZ_SSIF_OP_HOLD_ANSWERS */
        r->bmc.hold = (fuzz_byte(in) & 1) != 0;
        break;
    }
    check_invariants(r);
    if (fuzz_tracing()) {
        fprintf(stderr, "op %2u (%zu bytes left) -> %s, request %u, response %u, %zu held\n",
                op, at, phase_names[r->model.phase], r->m.request_len, r->m.response_len,
                r->bmc.held);
    }
}

/* The host's way out: the BMC catches up, then Get Device ID and a long answer. */
static void host_recover(struct rig *r)
{
    const uint8_t get_device_id[] = {
        FUZZ_GET_DEVICE_ID_NETFN << FUZZ_NETFN_SHIFT, FUZZ_GET_DEVICE_ID_CMD,
    };
    const size_t want = FUZZ_RESPONSE_HEADER + FUZZ_GET_DEVICE_ID_RSP_LEN;
    const size_t long_len = FUZZ_SSIF_RESPONSE_CAPACITY - 10;
    uint8_t rsp[FUZZ_SSIF_RESPONSE_CAPACITY];
    size_t n, i;

    r->bmc.hold = false;
    while (r->bmc.held > 0) {
        give_held(r, 0);
    }
    if (r->model.phase == BUSY) {
        fuzz_fail("the BMC has answered everything and the interface still waits");
    }
    send_request(r, get_device_id, sizeof(get_device_id), false);
    n = read_response(r, rsp, -1);
    if (n != want || rsp[2] != FUZZ_CC_SUCCESS || rsp[3] != DEVICE_ID) {
        fuzz_fail("Get Device ID: %zu bytes, completion code %02x, device id %02x; want "
                  "%zu bytes, %02x, %02x", n, rsp[2], rsp[3], want, FUZZ_CC_SUCCESS, DEVICE_ID);
    }
    r->long_answer = long_len;
    send_request(r, get_device_id, sizeof(get_device_id), false);
    n = read_response(r, rsp, 2);
    if (n != long_len || rsp[2] != FUZZ_CC_SUCCESS) {
        fuzz_fail("a %zu-byte answer read in parts came back as %zu bytes", long_len, n);
    }
    for (i = FUZZ_RESPONSE_HEADER; i < n; i++) {
        if (rsp[i] != (uint8_t)(i * 7 + 1)) {
            fuzz_fail("byte %zu of an answer read in parts is %02x", i, rsp[i]);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct rig rig;
    struct fuzz_input in = { data, size };

    memset(&rig, 0, sizeof(rig));
    ssif_machine_init(&rig.m);
    fuzz_bmc_start(&rig.bmc, DEVICE_ID);
    check_invariants(&rig);
    while (in.left > 0) {
        run_op(&rig, &in);
    }
    host_recover(&rig);
    return 0;
}
