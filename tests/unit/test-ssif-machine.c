/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SSIF machine (spec/ssif.yaml, verified/ssif.h), driven from the host side the way
 * Linux's SSIF driver drives an SSIF BMC (drivers/char/ipmi/ipmi_ssif.c): a request of
 * up to 32 bytes is one SMBus block write with command 02h; a longer one is a start
 * part (06h) of 32 bytes, middle parts (07h) of 32, and an end part (08h), or, when
 * the BMC fails Linux's test of 08h, a middle part shorter than 32 (empty when the
 * request is a multiple of 32). The response is a block read with command 03h, which
 * the BMC does not acknowledge until it is ready (Linux retries); a first block that
 * begins 00h 01h is the first of several, and 09h reads the next until the one whose
 * block number is FFh. The BMC side is a small fake that answers through
 * ssif_machine_message() and ssif_machine_respond().
 *
 * Every transfer goes through one helper that checks, after it, what must hold in any
 * state: ssif_machine_consistent(), a refused read returning nothing, and the alert
 * line as every ssif_result reports it.
 */
#include <glib.h>
#include <string.h>

#include "ipmi_messages.h"
#include "ssif.h"

#define APP_REQ (IPMI_NETFN_APP << IPMI_NETFN_SHIFT)          /* 18h */
#define APP_RSP (APP_REQ | IPMI_RESPONSE_NETFN_BIT)             /* 1Ch */
#define CMD_GET_DEVICE_ID 0x01
#define OEM_REQ (0x30 << IPMI_NETFN_SHIFT)
#define MSG_MAX 300

struct rig {
    struct ssif_machine m;
    bool alert;               /* the SMBus alert line as the binding would drive it */
    int alert_moves;
    int requests;             /* requests handed to the BMC */
    uint8_t msg[SSIF_REQUEST_CAPACITY];
    size_t msg_len;
    uint8_t msg_id;
    bool auto_respond;        /* the BMC answers each request at once, echoing it */
    size_t echo_len;          /* ... with a response of this many bytes (0: Get Device ID's) */
};

static const uint8_t device_id_rsp[] = {
    APP_RSP, CMD_GET_DEVICE_ID, IPMI_CC_SUCCESS, 0x20, 0x81, 0x05, 0x02, 0x02,
    0xbf, 0x57, 0x01, 0x00, 0x34, 0x12,
};

/* ---- The rig: every call checked. ---- */

static void check(struct rig *r, struct ssif_result res)
{
    g_assert_true(ssif_machine_consistent(&r->m));
    g_assert_cmpuint(res.len, <=, SSIF_CHUNK);
    if (res.nak) {
        g_assert_cmpuint(res.len, ==, 0);
    }
    g_assert_cmpint(res.alert_changed, ==, res.alert_level != r->alert);
    if (res.alert_changed) {
        r->alert_moves++;
    }
    r->alert = res.alert_level;
    g_assert_cmpint(r->alert, ==,
                    r->m.irq_enabled && (r->m.response_unread || r->m.attention));
}

static void bmc_answer(struct rig *r);

static void respond(struct rig *r, uint8_t id, const uint8_t *rsp, size_t len)
{
    check(r, ssif_machine_respond(&r->m, id, rsp, len));
}

static void take_request(struct rig *r, struct ssif_result res)
{
    if (!res.request) {
        return;
    }
    r->requests++;
    r->msg_len = ssif_machine_message_len(&r->m);
    memcpy(r->msg, ssif_machine_message(&r->m), r->msg_len);
    r->msg_id = r->m.request_id;
    if (r->auto_respond) {
        bmc_answer(r);
    }
}

/* The fake BMC: Get Device ID's answer, or an echo of echo_len bytes. */
static void bmc_answer(struct rig *r)
{
    uint8_t rsp[MSG_MAX];
    size_t i;

    if (r->echo_len == 0) {
        respond(r, r->msg_id, device_id_rsp, sizeof(device_id_rsp));
        return;
    }
    rsp[0] = r->msg[0] | IPMI_RESPONSE_NETFN_BIT;
    rsp[1] = r->msg[1];
    rsp[2] = IPMI_CC_SUCCESS;
    for (i = 3; i < r->echo_len; i++) {
        rsp[i] = (uint8_t)(i * 7 + 1);
    }
    respond(r, r->msg_id, rsp, r->echo_len);
}

/* A block write: command, then the byte count and the bytes. */
static struct ssif_result write_block(struct rig *r, uint8_t cmd, const uint8_t *data,
                                      size_t n)
{
    uint8_t raw[64];
    struct ssif_result res;

    g_assert_cmpuint(n, <, sizeof(raw));
    raw[0] = (uint8_t)n;
    memcpy(raw + 1, data, n);
    res = ssif_machine_write_block(&r->m, cmd, raw, n + 1);
    check(r, res);
    g_assert_cmpuint(res.len, ==, 0);
    take_request(r, res);
    return res;
}

static struct ssif_result raw_write(struct rig *r, uint8_t cmd, const uint8_t *raw, size_t n)
{
    struct ssif_result res = ssif_machine_write_block(&r->m, cmd, raw, n);

    check(r, res);
    take_request(r, res);
    return res;
}

static struct ssif_result read_block(struct rig *r, uint8_t cmd, uint8_t block, uint8_t *out)
{
    struct ssif_result res = ssif_machine_read_block(&r->m, cmd, block);

    check(r, res);
    g_assert_false(res.request);
    memcpy(out, ssif_machine_chunk(&r->m), res.len);
    return res;
}

static void rig_init(struct rig *r)
{
    memset(r, 0, sizeof(*r));
    ssif_machine_init(&r->m);
    r->auto_respond = true;
}

/* ---- The host driver, as ipmi_ssif.c. ---- */

/* Send a request; cmd8 says whether the last part uses 08h or a short 07h. */
static void host_send(struct rig *r, const uint8_t *msg, size_t len, bool cmd8)
{
    size_t pos;

    if (len <= SSIF_CHUNK) {
        g_assert_false(write_block(r, SSIF_WRITE_SINGLE_PART, msg, len).nak);
        return;
    }
    g_assert_false(write_block(r, SSIF_WRITE_START, msg, SSIF_CHUNK).nak);
    pos = SSIF_CHUNK;
    for (;;) {
        size_t left = len - pos;
        size_t n = left > SSIF_CHUNK ? SSIF_CHUNK : left;
        uint8_t cmd = SSIF_WRITE_MIDDLE;
        bool last;

        if (cmd8) {
            last = left == n;
            if (last) {
                cmd = SSIF_WRITE_END;
            }
        } else {
            last = n < SSIF_CHUNK;
        }
        g_assert_false(write_block(r, cmd, msg + pos, n).nak);
        pos += n;
        if (last) {
            return;
        }
    }
}

/* Read the response, retrying a refused first read up to `tries` times; 0 if none. */
static size_t host_get(struct rig *r, uint8_t *out, int tries)
{
    uint8_t blk[SSIF_CHUNK];
    struct ssif_result res;
    size_t len;
    unsigned int expect = 0;

    do {
        res = read_block(r, SSIF_READ_START, 0, blk);
    } while (res.nak && --tries > 0);
    if (res.nak) {
        return 0;
    }
    if (!(res.len > 1 && blk[0] == 0x00 && blk[1] == 0x01)) {
        memcpy(out, blk, res.len);
        return res.len;
    }
    len = res.len - 2u;
    memcpy(out, blk + 2, len);
    for (;;) {
        res = read_block(r, SSIF_READ_MIDDLE, 0, blk);
        g_assert_false(res.nak);
        g_assert_cmpuint(res.len, >=, 1);
        if (blk[0] != 0xff) {
            g_assert_cmpuint(blk[0], ==, expect);
            g_assert_cmpuint(res.len, ==, SSIF_CHUNK);
            expect++;
        }
        memcpy(out + len, blk + 1, res.len - 1u);
        len += res.len - 1u;
        if (blk[0] == 0xff) {
            return len;
        }
    }
}

static void get_device_id_works(struct rig *r)
{
    const uint8_t req[] = {APP_REQ, CMD_GET_DEVICE_ID};
    uint8_t out[MSG_MAX];
    size_t n;

    r->auto_respond = true;
    r->echo_len = 0;
    host_send(r, req, sizeof(req), true);
    n = host_get(r, out, 1);
    g_assert_cmpuint(n, ==, sizeof(device_id_rsp));
    g_assert_cmpmem(out, n, device_id_rsp, sizeof(device_id_rsp));
}

/* ---- Tests. ---- */

static void test_init_is_idle(void)
{
    struct rig r;
    uint8_t out[SSIF_CHUNK];

    rig_init(&r);
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_IDLE);
    g_assert_true(ssif_machine_consistent(&r.m));
    /* Nothing asked: every read is refused. */
    g_assert_true(read_block(&r, SSIF_READ_START, 0, out).nak);
    g_assert_true(read_block(&r, SSIF_READ_MIDDLE, 0, out).nak);
    g_assert_true(read_block(&r, SSIF_READ_RETRY, 0, out).nak);
    g_assert_true(read_block(&r, 0x55, 0, out).nak);
}

static void test_get_device_id(void)
{
    struct rig r;

    rig_init(&r);
    get_device_id_works(&r);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_cmphex(r.msg[0], ==, APP_REQ);
    g_assert_cmphex(r.msg[1], ==, CMD_GET_DEVICE_ID);
    g_assert_cmpuint(r.msg_len, ==, 2);
    /* The response stays readable until the next request. */
    get_device_id_works(&r);
    g_assert_cmpint(r.requests, ==, 2);
}

static void test_capabilities(void)
{
    struct rig r;
    const uint8_t ask[] = {APP_REQ, SSIF_CAPABILITIES_COMMAND, 0x00};
    const uint8_t ask_kcs[] = {APP_REQ, SSIF_CAPABILITIES_COMMAND, 0x01};
    const uint8_t ask_short[] = {APP_REQ, SSIF_CAPABILITIES_COMMAND};
    const uint8_t want[] = {APP_RSP, 0x57, 0x00, 0x00, 0x80, 255, 255};
    uint8_t out[MSG_MAX];
    size_t n;

    rig_init(&r);
    host_send(&r, ask, sizeof(ask), true);
    g_assert_cmpint(r.requests, ==, 0);   /* answered by the interface itself */
    n = host_get(&r, out, 1);
    g_assert_cmpmem(out, n, want, sizeof(want));
    /* As Linux reads it: multi-part with middles, no PEC, sizes from the spec. */
    g_assert_cmpuint((out[4] >> 6) & 3, ==, 2);
    g_assert_cmpuint((out[4] >> 3) & 1, ==, 0);
    g_assert_cmpuint(out[5], ==, SSIF_REQUEST_CAPACITY);
    g_assert_cmpuint(out[6], ==, SSIF_RESPONSE_CAPACITY);

    host_send(&r, ask_kcs, sizeof(ask_kcs), true);
    n = host_get(&r, out, 1);
    g_assert_cmpuint(n, ==, 3);
    g_assert_cmphex(out[2], ==, IPMI_CC_INVALID_DATA_FIELD);
    host_send(&r, ask_short, sizeof(ask_short), true);
    n = host_get(&r, out, 1);
    g_assert_cmpuint(n, ==, 3);
    g_assert_cmphex(out[2], ==, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    g_assert_cmpint(r.requests, ==, 0);
}

static void fill(uint8_t *msg, size_t len)
{
    size_t i;

    msg[0] = OEM_REQ;
    msg[1] = 0x42;
    for (i = 2; i < len; i++) {
        msg[i] = (uint8_t)(i ^ 0x5a);
    }
}

/* Multi-part writes of every length, both ways Linux ends them, and the echo read back
 * in parts. */
static void test_multi_part(void)
{
    static const size_t lens[] = {33, 40, 63, 64, 65, 96, 128, 200, 254, 255};
    static const size_t rsp_lens[] = {3, 32, 33, 61, 62, 63, 93, 94, 200, 254, 255};
    uint8_t msg[MSG_MAX];
    uint8_t out[MSG_MAX];
    size_t i, j;

    for (i = 0; i < G_N_ELEMENTS(lens); i++) {
        for (j = 0; j < 2; j++) {
            struct rig r;

            rig_init(&r);
            r.echo_len = rsp_lens[i % G_N_ELEMENTS(rsp_lens)];
            fill(msg, lens[i]);
            host_send(&r, msg, lens[i], j == 0);
            g_assert_cmpint(r.requests, ==, 1);
            g_assert_cmpmem(r.msg, r.msg_len, msg, lens[i]);
        }
    }
    for (i = 0; i < G_N_ELEMENTS(rsp_lens); i++) {
        struct rig r;
        size_t n, k;

        rig_init(&r);
        r.echo_len = rsp_lens[i];
        fill(msg, 2);
        host_send(&r, msg, 2, true);
        n = host_get(&r, out, 1);
        g_assert_cmpuint(n, ==, rsp_lens[i]);
        g_assert_cmphex(out[0], ==, OEM_REQ | IPMI_RESPONSE_NETFN_BIT);
        for (k = 3; k < n; k++) {
            g_assert_cmphex(out[k], ==, (uint8_t)(k * 7 + 1));
        }
    }
}

static void test_read_before_ready(void)
{
    struct rig r;
    const uint8_t req[] = {APP_REQ, CMD_GET_DEVICE_ID};
    uint8_t out[MSG_MAX];
    int i;

    rig_init(&r);
    check(&r, ssif_machine_set_irq_enable(&r.m, true));
    r.auto_respond = false;
    host_send(&r, req, sizeof(req), true);
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_BUSY);
    /* Linux retries the read; each is refused while the BMC works. */
    for (i = 0; i < 10; i++) {
        g_assert_cmpuint(host_get(&r, out, 1), ==, 0);
    }
    /* A write while busy is refused too, and changes nothing. */
    g_assert_true(write_block(&r, SSIF_WRITE_SINGLE_PART, req, sizeof(req)).nak);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_false(r.alert);
    bmc_answer(&r);
    /* SMBus alert says the response is ready; the first read takes it down. */
    g_assert_true(r.alert);
    g_assert_cmpuint(host_get(&r, out, 1), ==, sizeof(device_id_rsp));
    g_assert_false(r.alert);
}

static void test_retry(void)
{
    struct rig r;
    uint8_t msg[2];
    uint8_t first[SSIF_CHUNK], again[SSIF_CHUNK], mid[SSIF_CHUNK];
    struct ssif_result a, b;

    rig_init(&r);
    r.echo_len = 100;  /* first 30, middle 0 (31), middle 1 (31), last (8) */
    fill(msg, 2);
    host_send(&r, msg, 2, true);
    a = read_block(&r, SSIF_READ_START, 0, first);
    g_assert_cmpuint(a.len, ==, SSIF_CHUNK);
    /* Retry 0: the first chunk again. */
    b = read_block(&r, SSIF_READ_RETRY, 0, again);
    g_assert_cmpmem(first, a.len, again, b.len);
    a = read_block(&r, SSIF_READ_MIDDLE, 0, mid);
    g_assert_cmpuint(mid[0], ==, 0);
    /* Retry 1: the middle numbered 0, and reading goes on after it. */
    b = read_block(&r, SSIF_READ_RETRY, 1, again);
    g_assert_cmpmem(mid, a.len, again, b.len);
    a = read_block(&r, SSIF_READ_MIDDLE, 0, mid);
    g_assert_cmpuint(mid[0], ==, 1);
    a = read_block(&r, SSIF_READ_MIDDLE, 0, mid);
    g_assert_cmphex(mid[0], ==, 0xff);
    g_assert_cmpuint(a.len, ==, 1 + 100 - 30 - 31 - 31);
    /* Past the last chunk: refused. A retry of the last works; of a chunk past it not. */
    g_assert_true(read_block(&r, SSIF_READ_MIDDLE, 0, mid).nak);
    b = read_block(&r, SSIF_READ_RETRY, 3, again);
    g_assert_cmpmem(mid, a.len, again, b.len);
    g_assert_true(read_block(&r, SSIF_READ_MIDDLE, 0, mid).nak);
    g_assert_true(read_block(&r, SSIF_READ_RETRY, 4, mid).nak);
    g_assert_true(read_block(&r, SSIF_READ_RETRY, 200, mid).nak);
    /* A response in one chunk has nothing to retry. */
    r.echo_len = 10;
    host_send(&r, msg, 2, true);
    g_assert_true(read_block(&r, SSIF_READ_RETRY, 0, mid).nak);
    g_assert_cmpuint(read_block(&r, SSIF_READ_START, 0, mid).len, ==, 10);
}

/* A new request in the middle of a multi-part read abandons it. */
static void test_write_interrupts_read(void)
{
    struct rig r;
    uint8_t msg[2];
    uint8_t blk[SSIF_CHUNK];
    uint8_t out[MSG_MAX];

    rig_init(&r);
    r.echo_len = 150;
    fill(msg, 2);
    host_send(&r, msg, 2, true);
    g_assert_false(read_block(&r, SSIF_READ_START, 0, blk).nak);
    g_assert_false(read_block(&r, SSIF_READ_MIDDLE, 0, blk).nak);
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_READING);
    r.auto_respond = false;
    host_send(&r, msg, 2, true);
    g_assert_cmpint(r.requests, ==, 2);
    g_assert_true(read_block(&r, SSIF_READ_MIDDLE, 0, blk).nak);
    g_assert_true(read_block(&r, SSIF_READ_START, 0, blk).nak);
    r.echo_len = 0;
    bmc_answer(&r);
    g_assert_cmpuint(host_get(&r, out, 1), ==, sizeof(device_id_rsp));
    /* A multi-part write begun mid-read abandons it too, and the old response. */
    r.auto_respond = true;
    r.echo_len = 150;
    host_send(&r, msg, 2, true);
    g_assert_false(read_block(&r, SSIF_READ_START, 0, blk).nak);
    fill(out, 40);
    g_assert_false(write_block(&r, SSIF_WRITE_START, out, SSIF_CHUNK).nak);
    g_assert_true(read_block(&r, SSIF_READ_MIDDLE, 0, blk).nak);
    g_assert_true(read_block(&r, SSIF_READ_START, 0, blk).nak);
    g_assert_false(write_block(&r, SSIF_WRITE_END, out + SSIF_CHUNK, 8).nak);
    g_assert_cmpmem(r.msg, r.msg_len, out, 40);
}

static void test_malformed_writes(void)
{
    struct rig r;
    uint8_t msg[MSG_MAX];
    const uint8_t pec[] = {2, APP_REQ, CMD_GET_DEVICE_ID, 0x9c};  /* count 2, 3 bytes */
    const uint8_t over[] = {2, APP_REQ};                          /* count 2, 1 byte */
    uint8_t big[40];
    size_t i;

    rig_init(&r);
    fill(msg, MSG_MAX);
    /* Byte counts that do not match, or exceed a chunk, or are missing. */
    g_assert_true(raw_write(&r, SSIF_WRITE_SINGLE_PART, pec, sizeof(pec)).nak);
    g_assert_true(raw_write(&r, SSIF_WRITE_SINGLE_PART, over, sizeof(over)).nak);
    g_assert_true(raw_write(&r, SSIF_WRITE_SINGLE_PART, pec, 0).nak);
    big[0] = 33;
    for (i = 1; i < 34; i++) {
        big[i] = (uint8_t)i;
    }
    g_assert_true(raw_write(&r, SSIF_WRITE_SINGLE_PART, big, 34).nak);
    /* No NetFn and command. */
    g_assert_true(write_block(&r, SSIF_WRITE_SINGLE_PART, msg, 1).nak);
    g_assert_true(write_block(&r, SSIF_WRITE_SINGLE_PART, msg, 0).nak);
    /* A start part shorter than a chunk; middle and end parts with nothing begun. */
    g_assert_true(write_block(&r, SSIF_WRITE_START, msg, 31).nak);
    g_assert_true(write_block(&r, SSIF_WRITE_MIDDLE, msg, 32).nak);
    g_assert_true(write_block(&r, SSIF_WRITE_END, msg, 5).nak);
    g_assert_true(write_block(&r, 0x01, msg, 5).nak);
    g_assert_true(write_block(&r, SSIF_READ_START, msg, 5).nak);
    g_assert_cmpint(r.requests, ==, 0);
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_IDLE);
    /* A malformed part in a multi-part write is refused, and the write goes on. */
    g_assert_false(write_block(&r, SSIF_WRITE_START, msg, 32).nak);
    g_assert_true(raw_write(&r, SSIF_WRITE_MIDDLE, pec, sizeof(pec)).nak);
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_WRITING);
    /* A request past the largest message is dropped. */
    for (i = 0; i < 6; i++) {
        g_assert_false(write_block(&r, SSIF_WRITE_MIDDLE, msg + 32 * (i + 1), 32).nak);
    }
    g_assert_cmpuint(r.m.request_len, ==, 224);
    g_assert_true(write_block(&r, SSIF_WRITE_END, msg + 224, 32).nak);
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_IDLE);
    g_assert_true(write_block(&r, SSIF_WRITE_END, msg, 1).nak);
    g_assert_cmpint(r.requests, ==, 0);
    /* 255 bytes, the largest, go through. */
    host_send(&r, msg, 255, true);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_cmpmem(r.msg, r.msg_len, msg, 255);
    get_device_id_works(&r);
}

static void test_responses(void)
{
    struct rig r;
    const uint8_t req[] = {APP_REQ, CMD_GET_DEVICE_ID};
    const uint8_t two[] = {APP_RSP, CMD_GET_DEVICE_ID};
    uint8_t huge[300];
    uint8_t out[MSG_MAX];
    uint8_t id;

    rig_init(&r);
    r.auto_respond = false;
    host_send(&r, req, sizeof(req), true);
    id = r.msg_id;
    /* A stale answer, and one with no request in flight, are dropped. */
    respond(&r, (uint8_t)(id + 1), device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_BUSY);
    respond(&r, id, two, sizeof(two));
    g_assert_cmpuint(host_get(&r, out, 1), ==, 3);
    g_assert_cmphex(out[2], ==, IPMI_CC_UNSPECIFIED);
    respond(&r, id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmpuint(host_get(&r, out, 1), ==, 3);
    /* Too long for SSIF: the IPMI-defined answer. */
    memset(huge, 0, sizeof(huge));
    host_send(&r, req, sizeof(req), true);
    respond(&r, r.msg_id, huge, sizeof(huge));
    g_assert_cmpuint(host_get(&r, out, 1), ==, 3);
    g_assert_cmphex(out[0], ==, APP_RSP);
    g_assert_cmphex(out[2], ==, IPMI_CC_CANNOT_RETURN_BYTES);
}

static void test_attention_and_reset(void)
{
    struct rig r;
    const uint8_t req[] = {APP_REQ, CMD_GET_DEVICE_ID};
    uint8_t out[MSG_MAX];
    uint8_t id;

    rig_init(&r);
    check(&r, ssif_machine_set_attention(&r.m, true));
    g_assert_false(r.alert);                      /* alerts not enabled */
    check(&r, ssif_machine_set_irq_enable(&r.m, true));
    g_assert_true(r.alert);
    check(&r, ssif_machine_set_attention(&r.m, false));
    g_assert_false(r.alert);
    r.auto_respond = false;
    host_send(&r, req, sizeof(req), true);
    id = r.msg_id;
    check(&r, ssif_machine_reset(&r.m));
    g_assert_cmpuint(r.m.phase, ==, SSIF_PHASE_IDLE);
    g_assert_true(r.m.irq_enabled);
    /* The answer to the request from before the reset is dropped. */
    respond(&r, id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmpuint(host_get(&r, out, 1), ==, 0);
    get_device_id_works(&r);
    g_assert_cmpuint(r.m.request_id, !=, id);
}

/* A hostile guest: random SMBus transfers, answers at random, states from a migration
 * stream checked; afterwards the driver's own steps must still get an answer. */
static void test_hostile(void)
{
    static const uint8_t cmds[] = {0x02, 0x03, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x00, 0xff};
    GRand *rand = g_rand_new_with_seed(7);
    struct rig r;
    uint8_t raw[40], blk[SSIF_CHUNK], rsp[300];
    int i;

    rig_init(&r);
    r.auto_respond = false;
    for (i = 0; i < 200000; i++) {
        uint8_t cmd = cmds[g_rand_int_range(rand, 0, G_N_ELEMENTS(cmds))];
        int what = g_rand_int_range(rand, 0, 10);

        if (what < 4) {
            size_t n = (size_t)g_rand_int_range(rand, 0, 36);
            size_t k;

            for (k = 0; k < n; k++) {
                raw[k] = (uint8_t)g_rand_int_range(rand, 0, 256);
            }
            if (n > 0 && g_rand_boolean(rand)) {
                raw[0] = (uint8_t)(n - 1);
            }
            if (n > 2 && g_rand_int_range(rand, 0, 4) == 0) {
                raw[1] = APP_REQ;
                raw[2] = SSIF_CAPABILITIES_COMMAND;
            }
            raw_write(&r, cmd, raw, n);
        } else if (what < 8) {
            read_block(&r, cmd, (uint8_t)g_rand_int_range(rand, 0, 12), blk);
        } else if (what == 8) {
            size_t n = (size_t)g_rand_int_range(rand, 0, 300);
            uint8_t id = g_rand_boolean(rand) ? r.m.request_id
                                              : (uint8_t)g_rand_int_range(rand, 0, 256);

            memset(rsp, 0xa5, n);
            respond(&r, id, rsp, n);
        } else {
            int k = g_rand_int_range(rand, 0, 3);

            if (k == 0) {
                check(&r, ssif_machine_set_attention(&r.m, g_rand_boolean(rand)));
            } else if (k == 1) {
                check(&r, ssif_machine_set_irq_enable(&r.m, g_rand_boolean(rand)));
            } else if (g_rand_int_range(rand, 0, 50) == 0) {
                check(&r, ssif_machine_reset(&r.m));
            }
        }
    }
    /* Recovery as the driver does it: whatever is in flight gets its answer, then a
     * fresh Get Device ID works. */
    if (ssif_phase_awaits(r.m.phase)) {
        respond(&r, r.m.request_id, device_id_rsp, sizeof(device_id_rsp));
    }
    get_device_id_works(&r);
    g_rand_free(rand);
}

/* States a migration stream could carry that the invariant forbids. */
static void test_consistent(void)
{
    struct ssif_machine m;

    ssif_machine_init(&m);
    g_assert_true(ssif_machine_consistent(&m));
    m.phase = SSIF_PHASE_COUNT;
    g_assert_false(ssif_machine_consistent(&m));
    ssif_machine_init(&m);
    m.phase = SSIF_PHASE_BUSY;
    m.request_len = 1;
    g_assert_false(ssif_machine_consistent(&m));
    ssif_machine_init(&m);
    m.phase = SSIF_PHASE_RESPONSE;
    m.response_len = 2;
    g_assert_false(ssif_machine_consistent(&m));
    ssif_machine_init(&m);
    m.phase = SSIF_PHASE_READING;
    m.response_len = 100;
    m.next_block = 0;
    g_assert_false(ssif_machine_consistent(&m));
    ssif_machine_init(&m);
    m.chunk_len = SSIF_CHUNK + 1;
    g_assert_false(ssif_machine_consistent(&m));
    ssif_machine_init(&m);
    m.response_len = SSIF_RESPONSE_CAPACITY + 1;
    g_assert_false(ssif_machine_consistent(&m));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ssif/init-is-idle", test_init_is_idle);
    g_test_add_func("/ssif/get-device-id", test_get_device_id);
    g_test_add_func("/ssif/capabilities", test_capabilities);
    g_test_add_func("/ssif/multi-part", test_multi_part);
    g_test_add_func("/ssif/read-before-ready", test_read_before_ready);
    g_test_add_func("/ssif/retry", test_retry);
    g_test_add_func("/ssif/write-interrupts-read", test_write_interrupts_read);
    g_test_add_func("/ssif/malformed-writes", test_malformed_writes);
    g_test_add_func("/ssif/responses", test_responses);
    g_test_add_func("/ssif/attention-and-reset", test_attention_and_reset);
    g_test_add_func("/ssif/hostile", test_hostile);
    g_test_add_func("/ssif/consistent", test_consistent);
    return g_test_run();
}
