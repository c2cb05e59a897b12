/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BT machine (spec/bt.yaml, verified/bt.h), driven from the host side the way
 * Linux's BT driver drives a BT interface (drivers/char/ipmi/ipmi_bt_sm.c): clear the
 * write pointer, write length, NetFn/LUN, sequence, command and data, set H2B_ATN; wait
 * for B_BUSY to clear and B2H_ATN to rise; set H_BUSY, clear B2H_ATN, clear the read
 * pointer, read the length and then the bytes it counts, clear H_BUSY. The BMC side is
 * a small fake that answers through bt_machine_message() and bt_machine_respond(), so
 * every byte on the wire is known.
 *
 * Every register access goes through one helper that checks, after it, what must hold
 * in any state: bt_machine_consistent(), the control and mask registers as the phase
 * and flags say, B2H_IRQ only with B2H_IRQ_EN, and the IRQ line as every bt_result
 * reports it.
 */
#include <glib.h>
#include <string.h>

#include "bt.h"
#include "bt_migrate.h"
#include "ipmi_messages.h"

#define DEVICE_ID 0x20
#define APP_REQ (IPMI_NETFN_APP << IPMI_NETFN_SHIFT)          /* 18h */
#define APP_RSP (APP_REQ | IPMI_RESPONSE_NETFN_BIT)             /* 1Ch */
#define CMD_GET_DEVICE_ID 0x01
#define CMD_WARM_RESET 0x03
/* The control bits the machine never shows: write-only events and OEM0. */
#define CONTROL_NEVER_SHOWN (BT_CONTROL_CLR_WR_PTR | BT_CONTROL_CLR_RD_PTR | \
                             BT_CONTROL_H2B_ATN | BT_CONTROL_OEM0)
/* A frame: length byte, then at most 255 bytes it counts. */
#define FRAME_MAX 256

/* The answer the fake BMC gives Get Device ID: NetFn, command, completion code, data. */
static const uint8_t device_id_rsp[] = {
    APP_RSP, CMD_GET_DEVICE_ID, IPMI_CC_SUCCESS, DEVICE_ID, 0x81, 0x05, 0x02, 0x02,
    0xbf, 0x57, 0x01, 0x00, 0x34, 0x12,
};

struct rig {
    struct bt_machine m;
    bool irq;                 /* the IRQ line as the binding would drive it */
    int irq_moves;            /* how often it moved */
    int requests;             /* requests handed to the BMC */
    uint8_t msg[BT_REQUEST_CAPACITY];   /* the last one: NetFn/LUN, command, data */
    size_t msg_len;
    uint8_t msg_id;
    bool auto_respond;        /* the BMC answers each request at once */
    bool scripted;            /* ... with reply[] instead of its own answer */
    uint8_t reply[400];
    size_t reply_len;
};

/* ---- What must hold after every access. ---- */

static uint8_t expected_control(const struct bt_machine *m)
{
    return (uint8_t)((m->phase == BT_PHASE_BUSY ? BT_CONTROL_B_BUSY : 0) |
                     (m->phase == BT_PHASE_RESPONSE ? BT_CONTROL_B2H_ATN : 0) |
                     (m->sms_atn ? BT_CONTROL_SMS_ATN : 0) |
                     (m->h_busy ? BT_CONTROL_H_BUSY : 0));
}

static uint8_t expected_mask(const struct bt_machine *m)
{
    return (uint8_t)((m->b2h_irq_en ? BT_MASK_B2H_IRQ_EN : 0) |
                     (m->b2h_irq ? BT_MASK_B2H_IRQ : 0));
}

/* Two machines alike in every field (not memcmp: the struct has padding). */
static void assert_same(const struct bt_machine *a, const struct bt_machine *b)
{
    g_assert_cmpuint(a->phase, ==, b->phase);
    g_assert_cmpuint(a->request_id, ==, b->request_id);
    g_assert_cmphex(a->seq, ==, b->seq);
    g_assert_cmphex(a->netfn, ==, b->netfn);
    g_assert_cmphex(a->command, ==, b->command);
    g_assert_cmpint(a->h_busy, ==, b->h_busy);
    g_assert_cmpint(a->sms_atn, ==, b->sms_atn);
    g_assert_cmpint(a->b2h_irq_en, ==, b->b2h_irq_en);
    g_assert_cmpint(a->b2h_irq, ==, b->b2h_irq);
    g_assert_cmpint(a->irq_enabled, ==, b->irq_enabled);
    g_assert_cmpint(a->request_overrun, ==, b->request_overrun);
    g_assert_cmpuint(a->request_len, ==, b->request_len);
    g_assert_cmpuint(a->response_len, ==, b->response_len);
    g_assert_cmpuint(a->response_pos, ==, b->response_pos);
    g_assert_cmpmem(a->request, sizeof(a->request), b->request, sizeof(b->request));
    g_assert_cmpmem(a->response, sizeof(a->response), b->response, sizeof(b->response));
    g_assert_cmpmem(a->message, sizeof(a->message), b->message, sizeof(b->message));
}

/*
 * Every state the machine reaches migrates through upstream's fields alone: they bring
 * back a machine that is alike (bt_migrate_alike), so the subsection is never sent.
 */
static void check_migrates(const struct bt_machine *m)
{
    struct bt_upstream u;
    struct bt_machine back;

    bt_migrate_to_upstream(m, &u);
    g_assert_true(bt_migrate_from_upstream(&u, &back));
    g_assert_true(bt_machine_consistent(&back));
    g_assert_true(bt_migrate_alike(m, &back));
    g_assert_true(bt_migrate_alike(m, m));
}

static void check_machine(struct rig *r)
{
    struct bt_machine copy = r->m;
    struct bt_result c = bt_machine_read(&copy, BT_REG_CONTROL);
    struct bt_result k = bt_machine_read(&copy, BT_REG_MASK);

    g_assert_true(bt_machine_consistent(&r->m));
    assert_same(&copy, &r->m); /* reading them changes nothing */
    g_assert_cmphex(c.value, ==, expected_control(&r->m));
    g_assert_cmphex(c.value & CONTROL_NEVER_SHOWN, ==, 0);
    g_assert_cmphex(k.value, ==, expected_mask(&r->m));
    g_assert_true(!r->m.b2h_irq || r->m.b2h_irq_en);
    g_assert_cmpint(r->irq, ==, r->m.irq_enabled && r->m.b2h_irq);
    check_migrates(&r->m);
}

static void fake_bmc(struct rig *r);

/* What the device does with a result: drive the line, hand a request to the BMC. */
static void apply(struct rig *r, struct bt_result res)
{
    g_assert_cmpint(res.irq_level, ==, r->m.irq_enabled && r->m.b2h_irq);
    g_assert_cmpint(res.irq_changed, ==, res.irq_level != r->irq);
    if (res.irq_changed) {
        r->irq_moves++;
    }
    r->irq = res.irq_level;
    if (res.request) {
        g_assert_cmpint(r->m.phase, ==, BT_PHASE_BUSY);
        g_assert_cmpuint(bt_machine_message_len(&r->m), ==, r->m.request_len - 2);
        r->requests++;
        r->msg_len = bt_machine_message_len(&r->m);
        memcpy(r->msg, bt_machine_message(&r->m), r->msg_len);
        r->msg_id = r->m.request_id;
        if (r->auto_respond) {
            fake_bmc(r);
        }
    }
    check_machine(r);
}

/* The BMC's side. */
static void respond(struct rig *r, uint8_t id, const uint8_t *rsp, size_t len)
{
    apply(r, bt_machine_respond(&r->m, id, rsp, len));
}

static void attention(struct rig *r, bool on, bool irq)
{
    apply(r, bt_machine_set_attention(&r->m, on, irq));
}

static void bmc_irq_enable(struct rig *r, bool on)
{
    apply(r, bt_machine_set_irq_enable(&r->m, on));
}

/* The fake BMC: Get Device ID, and C1h for everything else, or the scripted reply. */
static void fake_bmc(struct rig *r)
{
    uint8_t rsp[IPMI_RESPONSE_HEADER];

    if (r->scripted) {
        respond(r, r->m.request_id, r->reply, r->reply_len);
    } else if (r->msg[0] == APP_REQ && r->msg[1] == CMD_GET_DEVICE_ID) {
        respond(r, r->m.request_id, device_id_rsp, sizeof(device_id_rsp));
    } else {
        rsp[0] = r->msg[0] | IPMI_RESPONSE_NETFN_BIT;
        rsp[1] = r->msg[1];
        rsp[2] = IPMI_CC_INVALID_COMMAND;
        respond(r, r->m.request_id, rsp, sizeof(rsp));
    }
}

/* The host's register accesses. A read never moves the line or starts a request. */
static uint8_t reg_read(struct rig *r, uint8_t offset)
{
    struct bt_result res = bt_machine_read(&r->m, offset);

    g_assert_false(res.irq_changed);
    g_assert_false(res.request);
    apply(r, res);
    return res.value;
}

static struct bt_result reg_write(struct rig *r, uint8_t offset, uint8_t value)
{
    struct bt_result res = bt_machine_write(&r->m, offset, value);

    g_assert_cmpint(res.value, ==, 0);
    apply(r, res);
    return res;
}

static uint8_t status(struct rig *r)
{
    return reg_read(r, BT_REG_CONTROL);
}

static void control(struct rig *r, uint8_t v)
{
    reg_write(r, BT_REG_CONTROL, v);
}

static uint8_t buffer_read(struct rig *r)
{
    return reg_read(r, BT_REG_BUFFER);
}

static void buffer_write(struct rig *r, uint8_t v)
{
    reg_write(r, BT_REG_BUFFER, v);
}

static uint8_t mask(struct rig *r)
{
    return reg_read(r, BT_REG_MASK);
}

static void mask_write(struct rig *r, uint8_t v)
{
    reg_write(r, BT_REG_MASK, v);
}

static void rig_init(struct rig *r)
{
    memset(r, 0, sizeof(*r));
    bt_machine_init(&r->m);
    r->auto_respond = true;
    check_machine(r);
}

static void script(struct rig *r, const uint8_t *rsp, size_t len)
{
    g_assert_cmpuint(len, <=, sizeof(r->reply));
    memcpy(r->reply, rsp, len);
    r->reply_len = len;
    r->scripted = true;
}

/* ---- The host, in ipmi_bt_sm.c's order. ---- */

/* A frame as bt_start_transaction() lays it out. Returns its length. */
static size_t frame(uint8_t *out, uint8_t netfn, uint8_t seq, uint8_t cmd,
                    const uint8_t *data, size_t n)
{
    g_assert_cmpuint(n + 3, <=, 0xff);
    out[0] = (uint8_t)(n + 3);
    out[1] = netfn;
    out[2] = seq;
    out[3] = cmd;
    if (n > 0) {
        memcpy(out + 4, data, n);
    }
    return n + 4;
}

/*
 * A BMC's response (NetFn/LUN, command, completion code, data) as BT frames it, in
 * the machine and in upstream alike: length byte, NetFn/LUN, the request's sequence
 * byte, the rest. Returns the frame's length.
 */
static size_t frame_response(uint8_t *out, uint8_t seq, const uint8_t *rsp, size_t len)
{
    out[0] = (uint8_t)(len + 1);
    out[1] = rsp[0];
    out[2] = seq;
    memcpy(out + 3, rsp + 1, len - 1);
    return len + 2;
}

/* drain_BMC2HOST(): read and forget a response nobody waits for. */
static void host_drain(struct rig *r)
{
    size_t i, n;

    if (!(status(r) & BT_CONTROL_B2H_ATN)) {
        return;
    }
    control(r, BT_CONTROL_H_BUSY);
    control(r, BT_CONTROL_B2H_ATN);
    status(r);
    control(r, BT_CONTROL_B2H_ATN);
    control(r, BT_CONTROL_CLR_RD_PTR);
    n = buffer_read(r);
    for (i = 0; i < n; i++) {
        buffer_read(r);
    }
    control(r, BT_CONTROL_H_BUSY);
}

/* reset_flags(): clear H_BUSY, the write pointer and SMS_ATN; BMC_HWRST. */
static void host_reset_flags(struct rig *r)
{
    if (status(r) & BT_CONTROL_H_BUSY) {
        control(r, BT_CONTROL_H_BUSY);
    }
    control(r, BT_CONTROL_CLR_WR_PTR);
    control(r, BT_CONTROL_SMS_ATN);
    mask_write(r, BT_MASK_BMC_HWRST);
}

/* XACTION_START and WRITE_BYTES: the BMC is free, the frame goes in, H2B_ATN. */
static void send_frame(struct rig *r, const uint8_t *f, size_t n)
{
    uint8_t s = status(r);
    size_t i;

    g_assert_false(s & (BT_CONTROL_B_BUSY | BT_CONTROL_H2B_ATN));
    if (s & BT_CONTROL_H_BUSY) {
        control(r, BT_CONTROL_H_BUSY);
    }
    control(r, BT_CONTROL_CLR_WR_PTR);
    for (i = 0; i < n; i++) {
        buffer_write(r, f[i]);
    }
    control(r, BT_CONTROL_H2B_ATN);
}

/*
 * WRITE_CONSUME to READ_BYTES: B_BUSY and H2B_ATN clear, B2H_ATN up; H_BUSY, clear
 * B2H_ATN, CLR_RD_PTR, the length and the bytes it counts, H_BUSY again. Returns the
 * frame's length (its length byte included).
 */
static size_t read_frame(struct rig *r, uint8_t *buf, size_t cap)
{
    uint8_t s = status(r);
    size_t i, n;

    g_assert_false(s & (BT_CONTROL_B_BUSY | BT_CONTROL_H2B_ATN));
    g_assert_true(s & BT_CONTROL_B2H_ATN);
    control(r, BT_CONTROL_H_BUSY);
    g_assert_true(status(r) & BT_CONTROL_H_BUSY);
    control(r, BT_CONTROL_B2H_ATN);
    g_assert_false(status(r) & BT_CONTROL_B2H_ATN);
    if (!(status(r) & BT_CONTROL_H_BUSY)) {
        control(r, BT_CONTROL_H_BUSY);
    }
    control(r, BT_CONTROL_CLR_RD_PTR);
    buf[0] = buffer_read(r);
    n = (size_t)buf[0] + 1;
    g_assert_cmpuint(n, <=, cap);
    for (i = 1; i < n; i++) {
        buf[i] = buffer_read(r);
    }
    control(r, BT_CONTROL_H_BUSY);
    g_assert_false(status(r) & BT_CONTROL_H_BUSY);
    return n;
}

/* One request and its answer; the answer's frame lands in rsp. */
static size_t transaction(struct rig *r, uint8_t netfn, uint8_t seq, uint8_t cmd,
                          const uint8_t *data, size_t n, uint8_t *rsp)
{
    uint8_t f[FRAME_MAX];

    send_frame(r, f, frame(f, netfn, seq, cmd, data, n));
    return read_frame(r, rsp, FRAME_MAX);
}

/* The answer a frame of n bytes must be, for the BMC's response rsp[0 .. len - 1]. */
static void expect_framed(const uint8_t *got, size_t n, uint8_t seq, const uint8_t *rsp,
                          size_t len)
{
    g_assert_cmpuint(n, ==, len + 2);
    g_assert_cmpuint(got[0], ==, len + 1);
    g_assert_cmphex(got[1], ==, rsp[0]);
    g_assert_cmphex(got[2], ==, seq);
    g_assert_cmpmem(got + 3, n - 3, rsp + 1, len - 1);
}

/* The answer the machine makes up itself: the header alone with completion code cc. */
static void expect_header_only(const uint8_t *got, size_t n, uint8_t netfn, uint8_t seq,
                               uint8_t cmd, uint8_t cc)
{
    const uint8_t want[] = { 4, netfn | IPMI_RESPONSE_NETFN_BIT, seq, cmd, cc };

    g_assert_cmpmem(got, n, want, sizeof(want));
}

static void get_device_id_works(struct rig *r, uint8_t seq)
{
    uint8_t rsp[FRAME_MAX];
    int before = r->requests;
    size_t n;

    r->scripted = false;
    n = transaction(r, APP_REQ, seq, CMD_GET_DEVICE_ID, NULL, 0, rsp);
    g_assert_cmpint(r->requests, ==, before + 1);
    g_assert_cmpuint(r->msg_len, ==, 2);
    g_assert_cmphex(r->msg[0], ==, APP_REQ);
    g_assert_cmphex(r->msg[1], ==, CMD_GET_DEVICE_ID);
    expect_framed(rsp, n, seq, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmphex(status(r), ==, 0);
}

/* ---- The tests. ---- */

static void test_init_is_idle(void)
{
    struct rig r;
    struct bt_machine dirty;

    rig_init(&r);
    g_assert_cmphex(status(&r), ==, 0);
    g_assert_cmphex(mask(&r), ==, 0);
    g_assert_cmphex(buffer_read(&r), ==, 0xff);
    g_assert_false(r.irq);
    /* init sets every field, whatever was there before. */
    memset(&dirty, 0xa5, sizeof(dirty));
    bt_machine_init(&dirty);
    assert_same(&dirty, &r.m);
}

static void test_get_device_id(void)
{
    static const uint8_t seqs[] = { 0x00, 0x42, 0x43, 0xff, 0x18 };
    struct rig r;
    uint8_t last_id = 0;
    size_t i;

    rig_init(&r);
    for (i = 0; i < sizeof(seqs); i++) {
        get_device_id_works(&r, seqs[i]);
        /* Each request goes to the BMC under a new id. */
        g_assert_cmpuint(r.msg_id, !=, last_id);
        last_id = r.msg_id;
    }
    g_assert_cmpint(r.requests, ==, (int)sizeof(seqs));
    g_assert_false(r.irq);
    g_assert_cmpint(r.irq_moves, ==, 0);
}

/* Data bytes reach the BMC behind NetFn and command; the answer's data comes back. */
static void test_request_data_and_lun(void)
{
    static const uint8_t data[] = { 0x01, 0x02, 0x03, 0xfe, 0xff };
    static const uint8_t answer[] = { 0x2d, 0x55, 0x00, 0xaa, 0xbb };
    struct rig r;
    uint8_t rsp[FRAME_MAX];
    size_t n;

    rig_init(&r);
    script(&r, answer, sizeof(answer));
    n = transaction(&r, 0x29 /* NetFn 0Ah, LUN 1 */, 0x77, 0x55, data, sizeof(data), rsp);
    g_assert_cmpuint(r.msg_len, ==, 2 + sizeof(data));
    g_assert_cmphex(r.msg[0], ==, 0x29);
    g_assert_cmphex(r.msg[1], ==, 0x55);
    g_assert_cmpmem(r.msg + 2, r.msg_len - 2, data, sizeof(data));
    expect_framed(rsp, n, 0x77, answer, sizeof(answer));
}

/* Get BT Interface Capabilities: the machine answers it from the spec; the BMC never sees it. */
static void test_capabilities(void)
{
    const uint8_t want[] = {
        9, APP_RSP, 0x5c, BT_CAPABILITIES_COMMAND, IPMI_CC_SUCCESS,
        BT_CAPABILITIES_OUTSTANDING_REQUESTS, BT_REQUEST_CAPACITY - 1,
        BT_RESPONSE_CAPACITY - 1, BT_CAPABILITIES_RESPONSE_SECONDS, BT_CAPABILITIES_RETRIES,
    };
    static const uint8_t trailing[] = { 0x00 };
    struct rig r;
    uint8_t rsp[FRAME_MAX];
    size_t n;

    rig_init(&r);
    n = transaction(&r, APP_REQ, 0x5c, BT_CAPABILITIES_COMMAND, NULL, 0, rsp);
    g_assert_cmpmem(rsp, n, want, sizeof(want));
    g_assert_cmpint(r.requests, ==, 0);
    /*
     * Each buffer as the largest length byte it takes, as skiboot's hw/bt.c and QEMU's
     * BT device read the figure: the frame is one byte more (and a byte still holds it).
     */
    g_assert_cmpuint(rsp[6], ==, BT_REQUEST_CAPACITY - 1);
    g_assert_cmpuint(rsp[7], ==, BT_RESPONSE_CAPACITY - 1);

    /* Another LUN: answered, the LUN kept in the answer's NetFn/LUN. */
    n = transaction(&r, APP_REQ | 2, 0x01, BT_CAPABILITIES_COMMAND, NULL, 0, rsp);
    g_assert_cmpuint(n, ==, sizeof(want));
    g_assert_cmphex(rsp[1], ==, APP_RSP | 2);
    g_assert_cmpmem(rsp + 3, n - 3, want + 3, sizeof(want) - 3);
    /* A trailing data byte does not stop the machine answering it. */
    n = transaction(&r, APP_REQ, 0x02, BT_CAPABILITIES_COMMAND, trailing, 1, rsp);
    g_assert_cmpuint(n, ==, sizeof(want));
    g_assert_cmpint(r.requests, ==, 0);

    /* Command 36h of another NetFn is the BMC's. */
    n = transaction(&r, IPMI_NETFN_STORAGE << IPMI_NETFN_SHIFT, 0x03,
                    BT_CAPABILITIES_COMMAND, NULL, 0, rsp);
    g_assert_cmpint(r.requests, ==, 1);
    expect_header_only(rsp, n, IPMI_NETFN_STORAGE << IPMI_NETFN_SHIFT, 0x03,
                       BT_CAPABILITIES_COMMAND, IPMI_CC_INVALID_COMMAND);

    /* With a wrong length byte the length check wins: C7h. */
    send_frame(&r, (const uint8_t[]){ 4, APP_REQ, 0x09, BT_CAPABILITIES_COMMAND }, 4);
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_header_only(rsp, n, APP_REQ, 0x09, BT_CAPABILITIES_COMMAND,
                       IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    g_assert_cmpint(r.requests, ==, 1);
}

/* A frame of `total` bytes whose length byte counts them, or says FFh, the most it can. */
static void long_frame(uint8_t *f, size_t total, uint8_t seq)
{
    size_t i;

    f[0] = (uint8_t)MIN(total - 1, 0xff);
    f[1] = APP_REQ;
    f[2] = seq;
    f[3] = 0x60;
    for (i = 4; i < total; i++) {
        f[i] = (uint8_t)(i * 13 + 1);
    }
}

/* A request that fills the buffer goes through; one byte more is answered C7h. */
static void test_request_at_the_limit(void)
{
    uint8_t f[BT_REQUEST_CAPACITY + 64];
    uint8_t rsp[FRAME_MAX];
    struct rig r;
    size_t n;

    rig_init(&r);
    long_frame(f, BT_REQUEST_CAPACITY, 0x31);
    send_frame(&r, f, BT_REQUEST_CAPACITY);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_cmpuint(r.msg_len, ==, BT_REQUEST_CAPACITY - 2);
    g_assert_cmphex(r.msg[0], ==, APP_REQ);
    g_assert_cmpmem(r.msg + 1, r.msg_len - 1, f + 3, BT_REQUEST_CAPACITY - 3);
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_header_only(rsp, n, APP_REQ, 0x31, 0x60, IPMI_CC_INVALID_COMMAND);

    /*
     * One byte more. No length byte counts it: FFh counts the bytes the buffer kept,
     * and the last byte overran.
     */
    long_frame(f, BT_REQUEST_CAPACITY + 1, 0x32);
    g_assert_cmphex(f[0], ==, BT_REQUEST_CAPACITY - 1);
    send_frame(&r, f, BT_REQUEST_CAPACITY + 1);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_cmpuint(r.m.request_len, ==, BT_REQUEST_CAPACITY);
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_header_only(rsp, n, APP_REQ, 0x32, 0x60, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);

    /* Far past the end, with a length byte that matches what the buffer kept. */
    long_frame(f, sizeof(f), 0x33);
    f[0] = (uint8_t)(BT_REQUEST_CAPACITY - 1);
    send_frame(&r, f, sizeof(f));
    g_assert_cmpuint(r.m.request_len, ==, BT_REQUEST_CAPACITY);
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_header_only(rsp, n, APP_REQ, 0x33, 0x60, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    g_assert_cmpint(r.requests, ==, 1);

    /* CLR_WR_PTR forgets the overrun. */
    get_device_id_works(&r, 0x34);
}

/* The length byte must count what was written, no more and no less. */
static void test_wrong_length_byte(void)
{
    static const uint8_t lengths[] = { 0, 1, 2, 4, 5, 0x80, 0xff };
    struct rig r;
    uint8_t rsp[FRAME_MAX];
    size_t i, n;

    rig_init(&r);
    for (i = 0; i < sizeof(lengths); i++) {
        uint8_t f[] = { lengths[i], APP_REQ, (uint8_t)(0x10 + i), CMD_GET_DEVICE_ID };

        g_test_message("length byte %u for 3 bytes", lengths[i]);
        send_frame(&r, f, sizeof(f));
        n = read_frame(&r, rsp, sizeof(rsp));
        expect_header_only(rsp, n, APP_REQ, f[2], CMD_GET_DEVICE_ID,
                           IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    g_assert_cmpint(r.requests, ==, 0);
    get_device_id_works(&r, 0x20);
}

/* Fewer than four bytes name no command: nothing is sent and B_BUSY never rises. */
static void test_too_short_request(void)
{
    static const uint8_t f[] = { 2, APP_REQ, 0x01, CMD_GET_DEVICE_ID };
    struct rig r;
    uint8_t rsp[FRAME_MAX];
    struct bt_machine before;
    size_t len, n;

    for (len = 0; len < 4; len++) {
        rig_init(&r);
        g_test_message("%zu bytes", len);
        send_frame(&r, f, len);
        g_assert_cmphex(status(&r), ==, 0);
        g_assert_cmphex(buffer_read(&r), ==, 0xff);
        g_assert_cmpint(r.requests, ==, 0);
        get_device_id_works(&r, 0x44);

        /* While a response waits, the same: the response stays as it was. */
        send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x45, CMD_GET_DEVICE_ID }, 4);
        control(&r, BT_CONTROL_CLR_WR_PTR);
        for (n = 0; n < len; n++) {
            buffer_write(&r, f[n]);
        }
        before = r.m;
        control(&r, BT_CONTROL_H2B_ATN);
        assert_same(&r.m, &before);
        n = read_frame(&r, rsp, sizeof(rsp));
        expect_framed(rsp, n, 0x45, device_id_rsp, sizeof(device_id_rsp));
    }
}

/* The BMC's answer too long for the buffer is CAh; 254 bytes still fit exactly. */
static void test_overlong_response(void)
{
    uint8_t answer[400];
    uint8_t rsp[FRAME_MAX];
    struct rig r;
    size_t i, n;
    static const size_t too_long[] = { BT_RESPONSE_CAPACITY - 1, BT_RESPONSE_CAPACITY,
                                       IPMI_MAX_MESSAGE, sizeof(answer) };

    for (i = 0; i < sizeof(answer); i++) {
        answer[i] = (uint8_t)(0xff - i);
    }
    answer[0] = APP_RSP;
    answer[1] = 0x61;
    answer[2] = IPMI_CC_SUCCESS;
    rig_init(&r);
    script(&r, answer, BT_RESPONSE_CAPACITY - 2);
    n = transaction(&r, APP_REQ, 0x50, 0x61, NULL, 0, rsp);
    g_assert_cmpuint(n, ==, BT_RESPONSE_CAPACITY);
    expect_framed(rsp, n, 0x50, answer, BT_RESPONSE_CAPACITY - 2);
    for (i = 0; i < G_N_ELEMENTS(too_long); i++) {
        g_test_message("%zu bytes", too_long[i]);
        script(&r, answer, too_long[i]);
        n = transaction(&r, APP_REQ, (uint8_t)(0x51 + i), 0x61, NULL, 0, rsp);
        expect_header_only(rsp, n, APP_REQ, (uint8_t)(0x51 + i), 0x61,
                           IPMI_CC_CANNOT_RETURN_BYTES);
    }
}

/* An answer without NetFn, command and completion code is FFh; three bytes are enough. */
static void test_too_short_response(void)
{
    static const uint8_t answer[] = { 0x1c, 0x62, 0x00 };
    uint8_t rsp[FRAME_MAX];
    struct rig r;
    size_t len, n;

    rig_init(&r);
    for (len = 0; len < 3; len++) {
        g_test_message("%zu bytes", len);
        script(&r, answer, len);
        n = transaction(&r, APP_REQ, (uint8_t)(0x60 + len), 0x62, NULL, 0, rsp);
        expect_header_only(rsp, n, APP_REQ, (uint8_t)(0x60 + len), 0x62, IPMI_CC_UNSPECIFIED);
    }
    script(&r, answer, 3);
    n = transaction(&r, APP_REQ, 0x63, 0x62, NULL, 0, rsp);
    expect_framed(rsp, n, 0x63, answer, 3);
    g_assert_cmpuint(n, ==, BT_HEADER_LEN + 1);
}

/* Answers to another request, or when none waits, change nothing at all. */
static void test_stale_responses(void)
{
    struct rig r;
    struct bt_machine before;
    uint8_t rsp[FRAME_MAX];
    uint8_t old_id;
    size_t n;
    int id;

    rig_init(&r);
    r.auto_respond = false;
    /* None waits: dropped, whatever id it quotes. */
    for (id = 0; id < 256; id++) {
        before = r.m;
        respond(&r, (uint8_t)id, device_id_rsp, sizeof(device_id_rsp));
        assert_same(&r.m, &before);
    }
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x70, CMD_GET_DEVICE_ID }, 4);
    g_assert_cmpint(r.requests, ==, 1);
    /* Every other id is dropped while B_BUSY holds. */
    for (id = 0; id < 256; id++) {
        if (id == r.msg_id) {
            continue;
        }
        before = r.m;
        respond(&r, (uint8_t)id, device_id_rsp, sizeof(device_id_rsp));
        assert_same(&r.m, &before);
    }
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B_BUSY);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    /* A second answer to the same request: the response waiting stays. */
    before = r.m;
    respond(&r, r.msg_id, (const uint8_t[]){ APP_RSP, 1, 0xc0 }, 3);
    assert_same(&r.m, &before);
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, n, 0x70, device_id_rsp, sizeof(device_id_rsp));
    /* And once it has been read. */
    before = r.m;
    respond(&r, r.msg_id, (const uint8_t[]){ APP_RSP, 1, 0xc0 }, 3);
    assert_same(&r.m, &before);

    /* The host gives up (BMC_HWRST, as Linux's reset_flags()); the late answer is dropped. */
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x71, CMD_GET_DEVICE_ID }, 4);
    old_id = r.msg_id;
    host_reset_flags(&r);
    g_assert_cmphex(status(&r), ==, 0);
    respond(&r, old_id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmphex(status(&r), ==, 0);
    /* A new request gets a new id; the old answer still does not match it. */
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x72, CMD_GET_DEVICE_ID }, 4);
    g_assert_cmpuint(r.msg_id, !=, old_id);
    respond(&r, old_id, (const uint8_t[]){ APP_RSP, 1, 0xc0 }, 3);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B_BUSY);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, n, 0x72, device_id_rsp, sizeof(device_id_rsp));

    /* The same after a reset of the host side. */
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x73, CMD_GET_DEVICE_ID }, 4);
    old_id = r.msg_id;
    apply(&r, bt_machine_reset(&r.m));
    respond(&r, old_id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmphex(status(&r), ==, 0);
    r.auto_respond = true;
    get_device_id_works(&r, 0x74);
    g_assert_cmpuint(r.msg_id, !=, old_id);
}

/* Request ids go round all 256 values without ever repeating the last. */
static void test_request_id_wraps(void)
{
    struct rig r;
    bool seen[256] = { false };
    uint8_t last;
    int i;

    rig_init(&r);
    last = r.m.request_id;
    for (i = 0; i < 600; i++) {
        send_frame(&r, (const uint8_t[]){ 3, APP_REQ, (uint8_t)i, CMD_GET_DEVICE_ID }, 4);
        g_assert_cmpuint(r.msg_id, !=, last);
        last = r.msg_id;
        seen[r.msg_id] = true;
        host_drain(&r);
    }
    for (i = 0; i < 256; i++) {
        g_assert_true(seen[i]);
    }
}

/* While B_BUSY holds, the host's writes cannot touch the request or send another. */
static void test_busy_ignores_the_host(void)
{
    static const uint8_t writes[][2] = {
        { BT_REG_BUFFER, 0x00 }, { BT_REG_BUFFER, 0xff }, { BT_REG_BUFFER, 0x18 },
        { BT_REG_CONTROL, BT_CONTROL_CLR_WR_PTR }, { BT_REG_CONTROL, BT_CONTROL_H2B_ATN },
        { BT_REG_CONTROL, BT_CONTROL_B2H_ATN }, { BT_REG_CONTROL, BT_CONTROL_B_BUSY },
        { BT_REG_CONTROL, BT_CONTROL_OEM0 },
        { BT_REG_CONTROL, BT_CONTROL_CLR_WR_PTR | BT_CONTROL_H2B_ATN | BT_CONTROL_B2H_ATN },
        { BT_REG_MASK, 0x7c }, { 3, 0xff },
    };
    static const uint8_t data[] = { 0xaa, 0xbb };
    struct rig r;
    struct bt_machine before;
    uint8_t rsp[FRAME_MAX];
    size_t i, n;

    rig_init(&r);
    r.auto_respond = false;
    send_frame(&r, (const uint8_t[]){ 5, APP_REQ, 0x80, 0x42, 0xaa, 0xbb }, 6);
    g_assert_cmpint(r.requests, ==, 1);
    for (i = 0; i < G_N_ELEMENTS(writes); i++) {
        g_test_message("write %02x to offset %u", writes[i][1], writes[i][0]);
        before = r.m;
        g_assert_false(reg_write(&r, writes[i][0], writes[i][1]).request);
        assert_same(&r.m, &before);
    }
    /* 300 bytes more: still the same request, still one. */
    for (i = 0; i < 300; i++) {
        buffer_write(&r, (uint8_t)i);
    }
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_cmpuint(bt_machine_message_len(&r.m), ==, 4);
    g_assert_cmpmem(bt_machine_message(&r.m) + 2, 2, data, sizeof(data));
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B_BUSY);
    respond(&r, r.msg_id, (const uint8_t[]){ APP_RSP, 0x42, 0x00, 0x99 }, 4);
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, n, 0x80, (const uint8_t[]){ APP_RSP, 0x42, 0x00, 0x99 }, 4);
}

/* The buffer hands out the response, then 0xff; CLR_RD_PTR starts it again. */
static void test_reads_past_the_end(void)
{
    struct rig r;
    uint8_t rsp[FRAME_MAX];
    uint8_t again[FRAME_MAX];
    size_t i, n;

    rig_init(&r);
    g_assert_cmphex(buffer_read(&r), ==, 0xff);   /* nothing to read yet */
    n = transaction(&r, APP_REQ, 0x90, CMD_GET_DEVICE_ID, NULL, 0, rsp);
    for (i = 0; i < 10; i++) {
        g_assert_cmphex(buffer_read(&r), ==, 0xff);
        g_assert_cmpuint(r.m.response_pos, ==, n);
    }
    /* Acknowledged, it stays readable until the next response. */
    g_assert_cmphex(status(&r), ==, 0);
    control(&r, BT_CONTROL_CLR_RD_PTR);
    for (i = 0; i < n; i++) {
        again[i] = buffer_read(&r);
    }
    g_assert_cmpmem(again, n, rsp, n);
    g_assert_cmphex(buffer_read(&r), ==, 0xff);
    /* Rewinding mid-way. */
    control(&r, BT_CONTROL_CLR_RD_PTR);
    buffer_read(&r);
    buffer_read(&r);
    control(&r, BT_CONTROL_CLR_RD_PTR);
    g_assert_cmphex(buffer_read(&r), ==, rsp[0]);
    /* A new request being written leaves it readable too. */
    control(&r, BT_CONTROL_CLR_WR_PTR);
    buffer_write(&r, 3);
    g_assert_cmphex(buffer_read(&r), ==, rsp[1]);
    /* BMC_HWRST forgets it. */
    mask_write(&r, BT_MASK_BMC_HWRST);
    control(&r, BT_CONTROL_CLR_RD_PTR);
    g_assert_cmphex(buffer_read(&r), ==, 0xff);
}

/* Offsets past the three registers read 0xff and ignore writes. */
static void test_unused_offsets(void)
{
    struct rig r;
    struct bt_machine before;
    int offset, v;

    rig_init(&r);
    apply(&r, bt_machine_set_irq_enable(&r.m, true));
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    attention(&r, true, true);
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0xa0, CMD_GET_DEVICE_ID }, 4);
    for (offset = BT_REGISTER_COUNT; offset < 256; offset++) {
        before = r.m;
        g_assert_cmphex(reg_read(&r, (uint8_t)offset), ==, 0xff);
        for (v = 0; v < 256; v += 17) {
            reg_write(&r, (uint8_t)offset, (uint8_t)v);
        }
        reg_write(&r, (uint8_t)offset, 0xff);
        assert_same(&r.m, &before);
    }
}

/* Clearing B2H_ATN when no response waits changes nothing. */
static void test_b2h_atn_clear_when_none(void)
{
    struct rig r;
    struct bt_machine before;

    rig_init(&r);
    before = r.m;
    control(&r, BT_CONTROL_B2H_ATN);
    assert_same(&r.m, &before);
    /* After the response was acknowledged, again. */
    get_device_id_works(&r, 0xb0);
    before = r.m;
    control(&r, BT_CONTROL_B2H_ATN);
    control(&r, BT_CONTROL_B2H_ATN);
    assert_same(&r.m, &before);
    /* The host's own bits are read-only from its side except through their writes. */
    control(&r, BT_CONTROL_B_BUSY);
    control(&r, BT_CONTROL_OEM0);
    assert_same(&r.m, &before);
}

/* H_BUSY flips on each write of 1, in every phase, and nothing else moves it. */
static void test_h_busy_toggles(void)
{
    static const uint8_t gdi[] = { 3, APP_REQ, 0xc0, CMD_GET_DEVICE_ID };
    struct rig r;
    size_t i;

    rig_init(&r);
    r.auto_respond = false;
    control(&r, BT_CONTROL_H_BUSY);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_H_BUSY);
    control(&r, 0);
    control(&r, BT_CONTROL_CLR_WR_PTR);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_H_BUSY);
    control(&r, BT_CONTROL_H_BUSY);
    g_assert_cmphex(status(&r), ==, 0);
    /* A request sent with H_BUSY set: BUSY shows both. */
    control(&r, BT_CONTROL_H_BUSY);
    for (i = 0; i < sizeof(gdi); i++) {
        buffer_write(&r, gdi[i]);
    }
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B_BUSY | BT_CONTROL_H_BUSY);
    control(&r, BT_CONTROL_H_BUSY);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B_BUSY);
    control(&r, BT_CONTROL_H_BUSY);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B2H_ATN | BT_CONTROL_H_BUSY);
    control(&r, BT_CONTROL_H_BUSY);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B2H_ATN);
    /* BMC_HWRST leaves the host's own flag to the host; a host reset clears it. */
    control(&r, BT_CONTROL_H_BUSY);
    mask_write(&r, BT_MASK_BMC_HWRST);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_H_BUSY);
    apply(&r, bt_machine_reset(&r.m));
    g_assert_cmphex(status(&r), ==, 0);
}

/* SMS_ATN: the BMC sets it, the host clears it by writing 1, and cannot set it. */
static void test_sms_atn(void)
{
    struct rig r;
    struct bt_machine before;

    rig_init(&r);
    before = r.m;
    control(&r, BT_CONTROL_SMS_ATN);   /* clear when clear: nothing */
    assert_same(&r.m, &before);
    attention(&r, true, false);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_SMS_ATN);
    /* It survives a transfer and is shown with the phase's bits. */
    r.auto_respond = false;
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0xd0, CMD_GET_DEVICE_ID }, 4);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_SMS_ATN | BT_CONTROL_B_BUSY);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmphex(status(&r), ==, BT_CONTROL_SMS_ATN | BT_CONTROL_B2H_ATN);
    host_drain(&r);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_SMS_ATN);
    /* Linux's IDLE state: seen, cleared. */
    control(&r, BT_CONTROL_SMS_ATN);
    g_assert_cmphex(status(&r), ==, 0);
    /* The BMC can also take it back; setting it twice is setting it once. */
    attention(&r, true, false);
    attention(&r, true, false);
    attention(&r, false, false);
    g_assert_cmphex(status(&r), ==, 0);
    /* BMC_HWRST and a host reset keep what the BMC set. */
    attention(&r, true, false);
    mask_write(&r, BT_MASK_BMC_HWRST);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_SMS_ATN);
    apply(&r, bt_machine_reset(&r.m));
    g_assert_cmphex(status(&r), ==, BT_CONTROL_SMS_ATN);
}

/* A write of several control bits handles them in the spec's order, H2B_ATN last. */
static void test_several_bits_at_once(void)
{
    static const uint8_t gdi[] = { 3, APP_REQ, 0xe0, CMD_GET_DEVICE_ID };
    struct rig r;
    size_t i;
    uint8_t rsp[FRAME_MAX];
    size_t n;

    /* CLR_WR_PTR with H2B_ATN clears first: nothing left to send. */
    rig_init(&r);
    for (i = 0; i < sizeof(gdi); i++) {
        buffer_write(&r, gdi[i]);
    }
    control(&r, BT_CONTROL_CLR_WR_PTR | BT_CONTROL_H2B_ATN);
    g_assert_cmpint(r.requests, ==, 0);
    g_assert_cmphex(status(&r), ==, 0);
    g_assert_cmpuint(r.m.request_len, ==, 0);

    /* B2H_ATN with H2B_ATN: the response is acknowledged and the next request sent. */
    r.auto_respond = false;
    send_frame(&r, gdi, sizeof(gdi));
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    control(&r, BT_CONTROL_CLR_WR_PTR);
    for (i = 0; i < sizeof(gdi); i++) {
        buffer_write(&r, gdi[i]);
    }
    g_assert_true(reg_write(&r, BT_REG_CONTROL, BT_CONTROL_B2H_ATN | BT_CONTROL_H2B_ATN).request);
    g_assert_cmpint(r.requests, ==, 2);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B_BUSY);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));

    /* Linux's READ_WAIT and READ_BYTES writes as one: H_BUSY, B2H_ATN, CLR_RD_PTR. */
    buffer_read(&r);
    buffer_read(&r);
    control(&r, BT_CONTROL_H_BUSY | BT_CONTROL_B2H_ATN | BT_CONTROL_CLR_RD_PTR);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_H_BUSY);
    n = (size_t)buffer_read(&r) + 1;
    g_assert_cmpuint(n, ==, sizeof(device_id_rsp) + 2);
    control(&r, BT_CONTROL_H_BUSY);

    /* Every bit while a response waits: it is acknowledged, the request cleared, nothing sent. */
    send_frame(&r, gdi, sizeof(gdi));
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    attention(&r, true, false);
    control(&r, 0xff);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_H_BUSY);
    g_assert_cmpuint(r.m.request_len, ==, 0);
    g_assert_cmpuint(r.m.response_pos, ==, 0);
    g_assert_cmpint(r.requests, ==, 3);
    control(&r, BT_CONTROL_H_BUSY);

    /* Every bit while busy: only SMS_ATN and H_BUSY move; the request stays in flight. */
    send_frame(&r, gdi, sizeof(gdi));
    attention(&r, true, false);
    control(&r, 0xff);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B_BUSY | BT_CONTROL_H_BUSY);
    g_assert_cmpuint(bt_machine_message_len(&r.m), ==, 2);
    control(&r, BT_CONTROL_H_BUSY);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, n, 0xe0, device_id_rsp, sizeof(device_id_rsp));

    /* The mask register: B2H_IRQ_EN stored with BMC_HWRST; the reserved bits do nothing. */
    mask_write(&r, 0x7c);
    g_assert_cmphex(mask(&r), ==, 0);
    mask_write(&r, BT_MASK_BMC_HWRST | BT_MASK_B2H_IRQ_EN | 0x7c);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN);
    g_assert_cmphex(status(&r), ==, 0);
    r.auto_respond = true;
    get_device_id_works(&r, 0xe1);
}

/* B2H_IRQ_EN, B2H_IRQ and the line, as Linux's BT interrupt handler uses them. */
static void test_interrupts(void)
{
    struct rig r;
    uint8_t rsp[FRAME_MAX];

    rig_init(&r);
    bmc_irq_enable(&r, true);
    g_assert_false(r.irq);
    /* ipmi_si's setup for BT: B2H_IRQ_EN alone. Nothing waits, so nothing latches. */
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN);
    g_assert_false(r.irq);
    /* A response raises it, and it stays up through the read. */
    r.auto_respond = false;
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x01, CMD_GET_DEVICE_ID }, 4);
    g_assert_false(r.irq);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_true(r.irq);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ);
    g_assert_cmpint(r.irq_moves, ==, 1);
    read_frame(&r, rsp, sizeof(rsp));
    g_assert_true(r.irq);
    /* The handler's write: clear B2H_IRQ, keep B2H_IRQ_EN. */
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    g_assert_false(r.irq);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN);
    g_assert_cmpint(r.irq_moves, ==, 2);
    /* Clearing it when clear, or writing B2H_IRQ_EN again, moves nothing. */
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    g_assert_cmpint(r.irq_moves, ==, 2);

    /* The machine's own answers interrupt too. */
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x02, BT_CAPABILITIES_COMMAND }, 4);
    g_assert_true(r.irq);
    /* Clearing B2H_IRQ while B2H_ATN is still up: it does not come back by itself. */
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    g_assert_false(r.irq);
    status(&r);
    host_drain(&r);
    g_assert_false(r.irq);
    g_assert_cmpint(r.irq_moves, ==, 4);

    /* Turning B2H_IRQ_EN off clears B2H_IRQ and lowers the line. */
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x03, BT_CAPABILITIES_COMMAND }, 4);
    g_assert_true(r.irq);
    mask_write(&r, 0);
    g_assert_false(r.irq);
    g_assert_cmphex(mask(&r), ==, 0);
    /* With B2H_IRQ_EN off a response does not latch B2H_IRQ. */
    host_drain(&r);
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x04, BT_CAPABILITIES_COMMAND }, 4);
    g_assert_cmphex(mask(&r), ==, 0);
    g_assert_false(r.irq);
    /* Turning it on while B2H_ATN is up latches at once. */
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    g_assert_true(r.irq);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ);
    mask_write(&r, 0);
    host_drain(&r);
    /* ... and so while SMS_ATN is up. */
    attention(&r, true, false);
    g_assert_false(r.irq);
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    g_assert_true(r.irq);
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    control(&r, BT_CONTROL_SMS_ATN);
    g_assert_false(r.irq);
    /* The host cannot raise B2H_IRQ by writing it. */
    mask_write(&r, BT_MASK_B2H_IRQ);
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN);
    g_assert_false(r.irq);

    /* SMS_ATN with an interrupt latches; without one it does not. */
    attention(&r, true, false);
    g_assert_false(r.irq);
    attention(&r, false, false);
    attention(&r, true, true);
    g_assert_true(r.irq);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ);
    /* The BMC taking SMS_ATN back takes its interrupt back. */
    attention(&r, false, false);
    g_assert_false(r.irq);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN);
    /* With B2H_IRQ_EN off SMS_ATN never latches. */
    mask_write(&r, 0);
    attention(&r, true, true);
    g_assert_cmphex(mask(&r), ==, 0);
    g_assert_false(r.irq);
}

/* The line needs the BMC's enable too; B2H_IRQ latches whatever the BMC says. */
static void test_irq_line_needs_the_bmc(void)
{
    struct rig r;
    int moves;

    rig_init(&r);
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x01, BT_CAPABILITIES_COMMAND }, 4);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ);
    g_assert_false(r.irq);
    g_assert_cmpint(r.irq_moves, ==, 0);
    bmc_irq_enable(&r, true);
    g_assert_true(r.irq);
    bmc_irq_enable(&r, true);
    g_assert_cmpint(r.irq_moves, ==, 1);
    bmc_irq_enable(&r, false);
    g_assert_false(r.irq);
    g_assert_cmpint(r.irq_moves, ==, 2);
    /* Cleared while the BMC has them off: turning them on raises nothing. */
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    bmc_irq_enable(&r, true);
    g_assert_false(r.irq);
    moves = r.irq_moves;
    /* With the BMC's enable off a whole transfer never moves the line. */
    bmc_irq_enable(&r, false);
    host_drain(&r);
    get_device_id_works(&r, 0x05);
    attention(&r, true, true);
    g_assert_false(r.irq);
    g_assert_cmpint(r.irq_moves, ==, moves);
}

/* A reset of the host side mid-transfer: idle, buffers empty, mask clear; BMC's flags kept. */
static void test_reset(void)
{
    struct rig r;
    uint8_t old_id;

    rig_init(&r);
    r.auto_respond = false;
    bmc_irq_enable(&r, true);
    mask_write(&r, BT_MASK_B2H_IRQ_EN);
    attention(&r, true, true);
    g_assert_true(r.irq);
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x01, CMD_GET_DEVICE_ID }, 4);
    control(&r, BT_CONTROL_H_BUSY);
    old_id = r.msg_id;
    apply(&r, bt_machine_reset(&r.m));
    g_assert_false(r.irq);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_SMS_ATN);
    g_assert_cmphex(mask(&r), ==, 0);
    g_assert_true(r.m.irq_enabled);
    g_assert_cmpuint(r.m.request_len, ==, 0);
    g_assert_cmpuint(r.m.response_len, ==, 0);
    g_assert_cmpuint(r.m.request_id, ==, old_id);
    /* A reset in RESPONSE forgets the response. */
    control(&r, BT_CONTROL_SMS_ATN);
    send_frame(&r, (const uint8_t[]){ 3, APP_REQ, 0x02, BT_CAPABILITIES_COMMAND }, 4);
    g_assert_cmphex(status(&r), ==, BT_CONTROL_B2H_ATN);
    apply(&r, bt_machine_reset(&r.m));
    g_assert_cmphex(status(&r), ==, 0);
    g_assert_cmphex(buffer_read(&r), ==, 0xff);
    r.auto_respond = true;
    get_device_id_works(&r, 0x03);
}

/* BMC_HWRST: the interface starts over from any phase, and Linux's reset_flags() works. */
static void test_bmc_hwrst(void)
{
    int phase;

    for (phase = 0; phase < BT_PHASE_COUNT; phase++) {
        struct rig r;
        uint8_t f[FRAME_MAX];

        rig_init(&r);
        r.auto_respond = false;
        /* A half-written request, and the phase to leave. */
        control(&r, BT_CONTROL_CLR_WR_PTR);
        buffer_write(&r, 7);
        if (phase == BT_PHASE_BUSY) {
            send_frame(&r, f, frame(f, APP_REQ, 0x01, CMD_GET_DEVICE_ID, NULL, 0));
        } else if (phase == BT_PHASE_RESPONSE) {
            send_frame(&r, f, frame(f, APP_REQ, 0x01, BT_CAPABILITIES_COMMAND, NULL, 0));
            buffer_read(&r);
        }
        g_assert_cmpint(r.m.phase, ==, phase);
        g_test_message("phase %d", phase);
        host_reset_flags(&r);
        g_assert_cmphex(status(&r), ==, 0);
        g_assert_cmphex(mask(&r), ==, 0);
        g_assert_cmpuint(r.m.request_len, ==, 0);
        g_assert_cmpuint(r.m.response_len, ==, 0);
        g_assert_cmphex(buffer_read(&r), ==, 0xff);
        /* Bytes written after it start a new request; H2B_ATN with too few sends nothing. */
        buffer_write(&r, 3);
        control(&r, BT_CONTROL_H2B_ATN);
        g_assert_cmphex(status(&r), ==, 0);
        r.auto_respond = true;
        get_device_id_works(&r, 0x02);
    }
}

/*
 * BMC_HWRST with B2H_IRQ_EN kept (mask 81h): the response goes and its interrupt with
 * it, whether the response still waits, was acknowledged, or a request was sent after
 * it; B2H_IRQ_EN stays, so the next response interrupts again.
 */
static void test_bmc_hwrst_clears_b2h_irq(void)
{
    static const uint8_t caps[] = { 3, APP_REQ, 0x01, BT_CAPABILITIES_COMMAND };
    static const uint8_t gdi[] = { 3, APP_REQ, 0x02, CMD_GET_DEVICE_ID };
    int phase;

    for (phase = 0; phase < BT_PHASE_COUNT; phase++) {
        struct rig r;
        int moves;

        g_test_message("phase %d", phase);
        rig_init(&r);
        r.auto_respond = false;
        bmc_irq_enable(&r, true);
        mask_write(&r, BT_MASK_B2H_IRQ_EN);
        send_frame(&r, caps, sizeof(caps));
        g_assert_true(r.irq);
        if (phase == BT_PHASE_IDLE) {
            control(&r, BT_CONTROL_B2H_ATN);   /* acknowledged, B2H_IRQ not cleared */
        } else if (phase == BT_PHASE_BUSY) {
            send_frame(&r, gdi, sizeof(gdi));  /* the next request, B2H_IRQ not cleared */
        }
        g_assert_cmpint(r.m.phase, ==, phase);
        g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ);
        g_assert_true(r.irq);
        moves = r.irq_moves;
        mask_write(&r, BT_MASK_BMC_HWRST | BT_MASK_B2H_IRQ_EN);
        g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN);
        g_assert_false(r.irq);
        g_assert_cmpint(r.irq_moves, ==, moves + 1);
        g_assert_cmphex(status(&r), ==, 0);
        g_assert_cmpuint(r.m.response_len, ==, 0);
        /* A late answer to the abandoned request changes nothing. */
        respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
        g_assert_cmphex(status(&r), ==, 0);
        g_assert_false(r.irq);
        /* B2H_IRQ_EN stayed: the next response interrupts. */
        send_frame(&r, caps, sizeof(caps));
        g_assert_true(r.irq);
        g_assert_cmpint(r.irq_moves, ==, moves + 2);
        mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
        host_drain(&r);
        r.auto_respond = true;
        get_device_id_works(&r, 0x03);
        g_assert_true(r.irq);
    }
}

/* Linux's own start: bt_detect()'s reset_flags() and capabilities, then its soft reset. */
static void test_linux_detect(void)
{
    struct rig r;
    uint8_t rsp[FRAME_MAX];
    size_t n;

    rig_init(&r);
    /* A real BT interface never reads all ones in both registers. */
    g_assert_false(status(&r) == 0xff && mask(&r) == 0xff);
    host_reset_flags(&r);
    n = transaction(&r, APP_REQ, 0, BT_CAPABILITIES_COMMAND, NULL, 0, rsp);
    g_assert_cmpuint(n - 2, >=, 8);           /* bt_get_result()'s length */
    g_assert_cmphex(rsp[4], ==, IPMI_CC_SUCCESS);
    g_assert_cmpuint(rsp[8], ==, BT_CAPABILITIES_RESPONSE_SECONDS);
    g_assert_cmpuint(rsp[9], ==, BT_CAPABILITIES_RETRIES);
    /* RESET1 to RESET3: reset_flags, drain, Warm Reset with sequence 42, drain. */
    host_reset_flags(&r);
    host_drain(&r);
    control(&r, BT_CONTROL_CLR_WR_PTR);
    buffer_write(&r, 3);
    buffer_write(&r, APP_REQ);
    buffer_write(&r, 42);
    buffer_write(&r, CMD_WARM_RESET);
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_cmphex(r.msg[1], ==, CMD_WARM_RESET);
    host_drain(&r);
    g_assert_cmphex(status(&r), ==, 0);
    get_device_id_works(&r, 1);
}

/*
 * The other host driver QEMU's BT device meets: skiboot's hw/bt.c, the firmware of the
 * powernv machines. It drives the same registers its own way: the mask written 03h at
 * start and in its interrupt handler, H_BUSY set and cleared by reading it first,
 * several control bits in one write when it flushes a response nobody waits for (and
 * 256 bytes of FFh after it), H2B_ATN again to retry a request, BMC_HWRST when it gives
 * up on one, and the capability sizes read as the largest length byte allowed.
 */
static void skiboot_set_h_busy(struct rig *r, bool on)
{
    if (on != ((status(r) & BT_CONTROL_H_BUSY) != 0)) {
        control(r, BT_CONTROL_H_BUSY);
    }
}

/* bt_init_interface(): clear the interrupt, enable it; no H_BUSY left over. */
static void skiboot_init(struct rig *r)
{
    mask_write(r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    skiboot_set_h_busy(r, false);
}

/* bt_send_msg(), once bt_idle() (neither B_BUSY nor H2B_ATN) says it may. */
static void skiboot_send(struct rig *r, uint8_t netfn, uint8_t seq, uint8_t cmd)
{
    g_assert_false(status(r) & (BT_CONTROL_B_BUSY | BT_CONTROL_H2B_ATN));
    control(r, BT_CONTROL_CLR_WR_PTR);
    buffer_write(r, 3);
    buffer_write(r, netfn);
    buffer_write(r, seq);
    buffer_write(r, cmd);
    control(r, BT_CONTROL_H2B_ATN);
}

/*
 * bt_poll() finding B2H_ATN, and bt_get_resp(): H_BUSY, clear B2H_ATN and the read
 * pointer, the header, then (for a sequence it waits for) the data and H_BUSY off,
 * or (for any other) bt_flush_msg(). Returns the sequence read; the data lands in data.
 */
static uint8_t skiboot_get_resp(struct rig *r, uint8_t waiting_for, uint8_t *data,
                                size_t *data_len, uint8_t *cc, int input_buf_len)
{
    uint8_t len, seq;
    size_t i;
    int k;

    g_assert_true(status(r) & BT_CONTROL_B2H_ATN);
    skiboot_set_h_busy(r, true);
    control(r, BT_CONTROL_B2H_ATN);
    control(r, BT_CONTROL_CLR_RD_PTR);
    len = buffer_read(r);
    g_assert_cmpuint(len, >=, 4);
    buffer_read(r);                            /* NetFn/LUN */
    seq = buffer_read(r);
    buffer_read(r);                            /* command */
    *cc = buffer_read(r);
    if (seq != waiting_for) {
        g_assert_true(status(r) & BT_CONTROL_H_BUSY);
        control(r, BT_CONTROL_B2H_ATN | BT_CONTROL_CLR_RD_PTR | BT_CONTROL_CLR_WR_PTR);
        for (k = 0; k < input_buf_len; k++) {
            buffer_write(r, 0xff);
        }
        control(r, BT_CONTROL_CLR_WR_PTR);
        skiboot_set_h_busy(r, false);
        return seq;
    }
    *data_len = (size_t)len - 4;
    for (i = 0; i < *data_len; i++) {
        data[i] = buffer_read(r);
    }
    skiboot_set_h_busy(r, false);
    return seq;
}

static void test_skiboot_driver(void)
{
    struct rig r;
    uint8_t data[FRAME_MAX], cc;
    size_t n;
    int input_buf_len, requests;

    rig_init(&r);
    skiboot_init(&r);
    g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN);
    /* get_bt_caps(), polled. */
    skiboot_send(&r, APP_REQ, 0, BT_CAPABILITIES_COMMAND);
    g_assert_cmpuint(skiboot_get_resp(&r, 0, data, &n, &cc, 64), ==, 0);
    g_assert_cmphex(cc, ==, IPMI_CC_SUCCESS);
    g_assert_cmpuint(n, ==, 5);
    g_assert_cmpuint(data[0], ==, BT_CAPABILITIES_OUTSTANDING_REQUESTS);
    input_buf_len = data[1] + 1;
    g_assert_cmpuint(data[3], ==, BT_CAPABILITIES_RESPONSE_SECONDS);
    g_assert_cmpuint(data[4], ==, BT_CAPABILITIES_RETRIES);
    /* The line moved for the answer (B2H_IRQ), but the BMC had not enabled it yet. */
    g_assert_false(r.irq);
    skiboot_init(&r);

    /* With the BMC's interrupts on: bt_irq() reads the mask, clears, polls. */
    bmc_irq_enable(&r, true);
    skiboot_send(&r, APP_REQ, 1, CMD_GET_DEVICE_ID);
    g_assert_true(r.irq);
    g_assert_true(mask(&r) & BT_MASK_B2H_IRQ);
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    g_assert_false(r.irq);
    g_assert_cmpuint(skiboot_get_resp(&r, 1, data, &n, &cc, input_buf_len), ==, 1);
    g_assert_cmphex(cc, ==, IPMI_CC_SUCCESS);
    g_assert_cmpmem(data, n, device_id_rsp + 3, sizeof(device_id_rsp) - 3);
    g_assert_cmphex(status(&r), ==, 0);

    /*
     * bt_expire_old_msg(): no answer in time, so H2B_ATN again ("the data will still be
     * in the FIFO"). While B_BUSY that is not a second request; the answer still comes.
     */
    r.auto_respond = false;
    requests = r.requests;
    skiboot_send(&r, APP_REQ, 2, CMD_GET_DEVICE_ID);
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmpint(r.requests, ==, requests + 1);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    g_assert_cmpuint(skiboot_get_resp(&r, 2, data, &n, &cc, input_buf_len), ==, 2);
    g_assert_cmphex(cc, ==, IPMI_CC_SUCCESS);

    /* Given up on (bt_msg_del, bt_reset_interface): the late answer is dropped. */
    skiboot_send(&r, APP_REQ, 3, CMD_GET_DEVICE_ID);
    mask_write(&r, BT_MASK_BMC_HWRST);
    skiboot_init(&r);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    g_assert_cmphex(status(&r), ==, 0);
    g_assert_false(r.irq);

    /* Given up on, but answered before the reset: the next poll flushes it. */
    skiboot_send(&r, APP_REQ, 4, CMD_GET_DEVICE_ID);
    respond(&r, r.msg_id, device_id_rsp, sizeof(device_id_rsp));
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    g_assert_cmpuint(skiboot_get_resp(&r, 5, data, &n, &cc, input_buf_len), ==, 4);
    g_assert_cmphex(status(&r), ==, 0);
    g_assert_cmpuint(r.m.request_len, ==, 0);

    /* SMS_ATN, seen by bt_poll() and cleared. */
    attention(&r, true, true);
    g_assert_true(r.irq);
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    g_assert_true(status(&r) & BT_CONTROL_SMS_ATN);
    control(&r, BT_CONTROL_SMS_ATN);
    g_assert_cmphex(status(&r), ==, 0);

    /* And the next message goes through as the first did. */
    r.auto_respond = true;
    skiboot_send(&r, APP_REQ, 6, CMD_GET_DEVICE_ID);
    mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
    g_assert_cmpuint(skiboot_get_resp(&r, 6, data, &n, &cc, input_buf_len), ==, 6);
    g_assert_cmphex(cc, ==, IPMI_CC_SUCCESS);
}

/*
 * A phase that must hold a whole frame (the request, or the response): the frame's
 * length field and length byte must agree, from `least` bytes up to the buffer's size.
 */
static void check_frame_needed(uint8_t phase, bool request, uint16_t least)
{
    struct bt_machine m;
    uint16_t *len = request ? &m.request_len : &m.response_len;
    uint8_t *frame = request ? m.request : m.response;
    uint16_t cap = request ? BT_REQUEST_CAPACITY : BT_RESPONSE_CAPACITY;

    bt_machine_init(&m);
    m.phase = phase;
    g_assert_false(bt_machine_consistent(&m));      /* empty */
    *len = least;
    frame[0] = (uint8_t)(least - 1);
    g_assert_true(bt_machine_consistent(&m));
    frame[0] = (uint8_t)least;
    g_assert_false(bt_machine_consistent(&m));      /* the length byte counts one more */
    frame[0] = (uint8_t)(least - 2);
    g_assert_false(bt_machine_consistent(&m));      /* ... one fewer */
    *len = least - 1;
    g_assert_false(bt_machine_consistent(&m));      /* too short, though counted right */
    *len = cap;
    frame[0] = (uint8_t)(cap - 1);
    g_assert_true(bt_machine_consistent(&m));
}

/*
 * The check a migration's post_load makes: the states the machine reaches pass (the
 * random traffic below checks it after every step), and each broken one is refused.
 */
static void test_consistency_check(void)
{
    struct bt_machine m;

    bt_machine_init(&m);
    g_assert_true(bt_machine_consistent(&m));
    m.phase = BT_PHASE_COUNT;
    g_assert_false(bt_machine_consistent(&m));
    m.phase = 0xff;
    g_assert_false(bt_machine_consistent(&m));

    bt_machine_init(&m);
    m.request_len = BT_REQUEST_CAPACITY;
    g_assert_true(bt_machine_consistent(&m));
    m.request_len = BT_REQUEST_CAPACITY + 1;
    g_assert_false(bt_machine_consistent(&m));
    m.request_len = 0xffff;
    g_assert_false(bt_machine_consistent(&m));

    bt_machine_init(&m);
    m.response_len = BT_RESPONSE_CAPACITY;
    m.response_pos = BT_RESPONSE_CAPACITY;
    g_assert_true(bt_machine_consistent(&m));
    m.response_len = BT_RESPONSE_CAPACITY + 1;
    m.response_pos = 0;
    g_assert_false(bt_machine_consistent(&m));
    m.response_len = 4;
    m.response_pos = 5;
    g_assert_false(bt_machine_consistent(&m));
    m.response_pos = 4;
    g_assert_true(bt_machine_consistent(&m));

    /* BUSY holds a whole request (four bytes at least), RESPONSE a whole response (five). */
    check_frame_needed(BT_PHASE_BUSY, true, BT_HEADER_LEN);
    check_frame_needed(BT_PHASE_RESPONSE, false, BT_HEADER_LEN + 1);
    bt_machine_init(&m);
    m.phase = BT_PHASE_BUSY;
    m.request_len = BT_REQUEST_CAPACITY;
    m.request[0] = BT_REQUEST_CAPACITY - 1;
    m.request_overrun = true;
    g_assert_false(bt_machine_consistent(&m));
    /* Outside BUSY a half-written request, overrun or not, is fine. */
    m.phase = BT_PHASE_IDLE;
    m.request_len = 2;
    g_assert_true(bt_machine_consistent(&m));
    /* A half-read response waiting is fine; a read pointer past it is not. */
    bt_machine_init(&m);
    m.phase = BT_PHASE_RESPONSE;
    m.response_len = 9;
    m.response[0] = 8;
    m.response_pos = 7;
    g_assert_true(bt_machine_consistent(&m));
    m.response_pos = 10;
    g_assert_false(bt_machine_consistent(&m));
}

/*
 * The machine as spec/bt.yaml and bt.h describe it, written out plainly for the random
 * traffic below to compare with: phases, the request as written, the response as it
 * must be framed, the flags, B2H_IRQ's latch and the line.
 */
struct model {
    int phase;
    bool h_busy, sms_atn, en, irq, bmc_irq;
    uint8_t req[BT_REQUEST_CAPACITY];
    size_t req_len;
    bool overrun;
    uint8_t rsp[BT_RESPONSE_CAPACITY];
    size_t rsp_len, rsp_pos;
    uint8_t netfn, seq, cmd;
    bool sent;             /* the last host write handed a request to the BMC */
};

/* B2H_ATN rises for a response: with B2H_IRQ_EN set, B2H_IRQ latches. */
static void model_offer(struct model *d)
{
    d->phase = BT_PHASE_RESPONSE;
    d->irq = d->irq || d->en;
}

/* The machine's own answer, the header alone, offered. */
static void model_answer(struct model *d, uint8_t cc)
{
    d->rsp[0] = 4;
    d->rsp[1] = d->netfn | IPMI_RESPONSE_NETFN_BIT;
    d->rsp[2] = d->seq;
    d->rsp[3] = d->cmd;
    d->rsp[4] = cc;
    d->rsp_len = 5;
    d->rsp_pos = 0;
    model_offer(d);
}

static void model_h2b_atn(struct model *d)
{
    if (d->req_len < 4) {
        return;
    }
    d->netfn = d->req[1];
    d->seq = d->req[2];
    d->cmd = d->req[3];
    if (d->overrun || d->req[0] != d->req_len - 1) {
        model_answer(d, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    } else if (d->netfn >> IPMI_NETFN_SHIFT == IPMI_NETFN_APP &&
               d->cmd == BT_CAPABILITIES_COMMAND) {
        model_answer(d, IPMI_CC_SUCCESS);
        d->rsp[0] = 9;
        d->rsp[5] = BT_CAPABILITIES_OUTSTANDING_REQUESTS;
        d->rsp[6] = BT_REQUEST_CAPACITY - 1;
        d->rsp[7] = BT_RESPONSE_CAPACITY - 1;
        d->rsp[8] = BT_CAPABILITIES_RESPONSE_SECONDS;
        d->rsp[9] = BT_CAPABILITIES_RETRIES;
        d->rsp_len = 10;
    } else {
        /* The request buffer stays as written: H2B_ATN again sends it again. */
        d->phase = BT_PHASE_BUSY;
        d->sent = true;
    }
}

/*
 * B2H_IRQ after a host write, besides the responses it offers (model_offer): turning
 * B2H_IRQ_EN on while B2H_ATN or SMS_ATN is up latches it, B2H_IRQ_EN off clears it.
 */
static void model_latch(struct model *d, bool was_en)
{
    if (!d->en) {
        d->irq = false;
    } else if (!was_en && (d->phase == BT_PHASE_RESPONSE || d->sms_atn)) {
        d->irq = true;
    }
}

static void model_write(struct model *d, uint8_t offset, uint8_t v)
{
    bool was_en = d->en;
    bool busy = d->phase == BT_PHASE_BUSY;

    d->sent = false;
    if (offset == BT_REG_CONTROL) {
        if ((v & BT_CONTROL_CLR_WR_PTR) && !busy) {
            d->req_len = 0;
            d->overrun = false;
        }
        if (v & BT_CONTROL_CLR_RD_PTR) {
            d->rsp_pos = 0;
        }
        if ((v & BT_CONTROL_B2H_ATN) && d->phase == BT_PHASE_RESPONSE) {
            d->phase = BT_PHASE_IDLE;
        }
        if (v & BT_CONTROL_SMS_ATN) {
            d->sms_atn = false;
        }
        if (v & BT_CONTROL_H_BUSY) {
            d->h_busy = !d->h_busy;
        }
        if ((v & BT_CONTROL_H2B_ATN) && !busy) {
            model_h2b_atn(d);
        }
    } else if (offset == BT_REG_BUFFER && !busy) {
        if (d->req_len < BT_REQUEST_CAPACITY) {
            d->req[d->req_len++] = v;
        } else {
            d->overrun = true;
        }
    } else if (offset == BT_REG_MASK) {
        d->en = (v & BT_MASK_B2H_IRQ_EN) != 0;
        if (v & BT_MASK_B2H_IRQ) {
            d->irq = false;
        }
        if (v & BT_MASK_BMC_HWRST) {
            /* The response goes, and its interrupt with it. */
            d->req_len = 0;
            d->overrun = false;
            d->rsp_len = d->rsp_pos = 0;
            d->irq = false;
            d->phase = BT_PHASE_IDLE;
        }
    }
    model_latch(d, was_en);
}

static uint8_t model_read(struct model *d, uint8_t offset)
{
    if (offset == BT_REG_CONTROL) {
        return (uint8_t)((d->phase == BT_PHASE_BUSY ? BT_CONTROL_B_BUSY : 0) |
                         (d->phase == BT_PHASE_RESPONSE ? BT_CONTROL_B2H_ATN : 0) |
                         (d->sms_atn ? BT_CONTROL_SMS_ATN : 0) |
                         (d->h_busy ? BT_CONTROL_H_BUSY : 0));
    }
    if (offset == BT_REG_MASK) {
        return (uint8_t)((d->en ? BT_MASK_B2H_IRQ_EN : 0) | (d->irq ? BT_MASK_B2H_IRQ : 0));
    }
    if (offset == BT_REG_BUFFER && d->rsp_pos < d->rsp_len) {
        return d->rsp[d->rsp_pos++];
    }
    return 0xff;
}

static void model_respond(struct model *d, bool current, const uint8_t *rsp, size_t len)
{
    if (!current || d->phase != BT_PHASE_BUSY) {
        return;
    }
    if (len < IPMI_RESPONSE_HEADER) {
        model_answer(d, IPMI_CC_UNSPECIFIED);
    } else if (len > BT_RESPONSE_CAPACITY - 2) {
        model_answer(d, IPMI_CC_CANNOT_RETURN_BYTES);
    } else {
        d->rsp_len = frame_response(d->rsp, d->seq, rsp, len);
        d->rsp_pos = 0;
        model_offer(d);
    }
}

static void model_attention(struct model *d, bool on, bool irq)
{
    if (on && !d->sms_atn && irq && d->en && d->phase != BT_PHASE_RESPONSE) {
        d->irq = true;
    } else if (!on && d->sms_atn && d->phase != BT_PHASE_RESPONSE) {
        d->irq = false;
    }
    d->sms_atn = on;
}

static void model_reset(struct model *d)
{
    bool sms_atn = d->sms_atn, bmc_irq = d->bmc_irq;

    memset(d, 0, sizeof(*d));
    d->sms_atn = sms_atn;
    d->bmc_irq = bmc_irq;
}

static void model_compare(const struct model *d, const struct rig *r)
{
    const struct bt_machine *m = &r->m;

    g_assert_cmpint(m->phase, ==, d->phase);
    g_assert_cmpint(m->h_busy, ==, d->h_busy);
    g_assert_cmpint(m->sms_atn, ==, d->sms_atn);
    g_assert_cmpint(m->b2h_irq_en, ==, d->en);
    g_assert_cmpint(m->b2h_irq, ==, d->irq);
    g_assert_cmpint(r->irq, ==, d->irq && d->bmc_irq);
    g_assert_cmpuint(m->response_len, ==, d->rsp_len);
    g_assert_cmpuint(m->response_pos, ==, d->rsp_pos);
    g_assert_cmpmem(m->response, m->response_len, d->rsp, d->rsp_len);
    /* The request buffer stays as the host wrote it, in every phase. */
    g_assert_cmpuint(m->request_len, ==, d->req_len);
    g_assert_cmpint(m->request_overrun, ==, d->overrun);
    g_assert_cmpmem(m->request, m->request_len, d->req, d->req_len);
    if (d->phase == BT_PHASE_BUSY) {
        /* ... and the BMC holds it without length and sequence: NetFn, command, data. */
        g_assert_cmpuint(bt_machine_message_len(m), ==, d->req_len - 2);
        g_assert_cmphex(bt_machine_message(m)[0], ==, d->req[1]);
        g_assert_cmpmem(bt_machine_message(m) + 1, d->req_len - 3, d->req + 3,
                        d->req_len - 3);
    }
}

/*
 * Random register traffic, much of it nonsense, against the model: every value read,
 * every request sent and every field agrees with it after every step, and the
 * invariants (check_machine, after each access) hold throughout. The host's own
 * recovery brings it back at the end.
 */
static void test_random_traffic(void)
{
    static const uint8_t control_values[] = {
        BT_CONTROL_CLR_WR_PTR, BT_CONTROL_CLR_RD_PTR, BT_CONTROL_H2B_ATN, BT_CONTROL_B2H_ATN,
        BT_CONTROL_SMS_ATN, BT_CONTROL_H_BUSY, BT_CONTROL_B_BUSY, BT_CONTROL_OEM0,
    };
    static const uint8_t mask_values[] = {
        0, BT_MASK_B2H_IRQ_EN, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN, BT_MASK_B2H_IRQ,
        BT_MASK_BMC_HWRST,
    };
    GRand *rng = g_rand_new_with_seed(20261201);
    struct rig r;
    struct model d;
    uint8_t reply[300];
    uint8_t f[16];
    int i, sent = 0;

    rig_init(&r);
    r.auto_respond = false;
    memset(&d, 0, sizeof(d));
    for (i = 0; i < 500000; i++) {
        guint32 op = g_rand_int_range(rng, 0, 18);
        uint8_t v = (uint8_t)g_rand_int_range(rng, 0, 256);
        uint8_t offset;
        size_t len, k;
        bool current;

        switch (op) {
        case 0: case 1: case 2:      /* a control write: one bit, or any value */
            if (op != 2) {
                v = control_values[g_rand_int_range(rng, 0, G_N_ELEMENTS(control_values))];
            }
            model_write(&d, BT_REG_CONTROL, v);
            g_assert_cmpint(reg_write(&r, BT_REG_CONTROL, v).request, ==, d.sent);
            if (d.sent) {
                sent++;
                g_assert_cmpuint(r.msg_len, ==, d.req_len - 2);
                g_assert_cmphex(r.msg[0], ==, d.req[1]);
                g_assert_cmpmem(r.msg + 1, r.msg_len - 1, d.req + 3, d.req_len - 3);
            }
            break;
        case 3: case 4: case 5:      /* buffer writes, often a plausible request */
            if (d.req_len == 0 && g_rand_boolean(rng)) {
                v = (uint8_t)g_rand_int_range(rng, 3, 12);
            } else if (d.req_len == 1 && g_rand_boolean(rng)) {
                v = APP_REQ;
            } else if (d.req_len == 3 && g_rand_boolean(rng)) {
                v = g_rand_boolean(rng) ? BT_CAPABILITIES_COMMAND : CMD_GET_DEVICE_ID;
            }
            model_write(&d, BT_REG_BUFFER, v);
            reg_write(&r, BT_REG_BUFFER, v);
            break;
        case 6:
            v = mask_values[g_rand_int_range(rng, 0, G_N_ELEMENTS(mask_values))];
            model_write(&d, BT_REG_MASK, v);
            reg_write(&r, BT_REG_MASK, v);
            break;
        case 7: case 8: case 9:      /* reads of any offset, mostly the three registers */
            offset = g_rand_int_range(rng, 0, 8) == 0 ? v : (uint8_t)(op - 7);
            g_assert_cmphex(reg_read(&r, offset), ==, model_read(&d, offset));
            break;
        case 10:                     /* a write to any offset with any value */
            offset = (uint8_t)g_rand_int_range(rng, 0, 6);
            model_write(&d, offset, v);
            g_assert_cmpint(reg_write(&r, offset, v).request, ==, d.sent);
            sent += d.sent;
            break;
        case 11: case 12:            /* the BMC answers, mostly the request in flight */
            len = g_rand_int_range(rng, 0, 8) == 0 ? (size_t)g_rand_int_range(rng, 0, 300)
                                                   : (size_t)g_rand_int_range(rng, 3, 20);
            for (k = 0; k < len; k++) {
                reply[k] = (uint8_t)g_rand_int(rng);
            }
            current = g_rand_int_range(rng, 0, 4) != 0;
            model_respond(&d, current, reply, len);
            respond(&r, current ? r.m.request_id : (uint8_t)(r.m.request_id + 1 + v % 255),
                    reply, len);
            break;
        case 13:
            model_attention(&d, g_rand_boolean(rng), v & 1);
            attention(&r, d.sms_atn, v & 1);
            break;
        case 14:
            d.bmc_irq = g_rand_boolean(rng);
            bmc_irq_enable(&r, d.bmc_irq);
            break;
        case 15: case 16:            /* a plausible request, written whole, often sent */
            len = (size_t)g_rand_int_range(rng, 0, 12);
            f[0] = g_rand_int_range(rng, 0, 8) == 0 ? v : (uint8_t)(len + 3);
            f[1] = g_rand_boolean(rng) ? APP_REQ : v;
            f[2] = (uint8_t)g_rand_int(rng);
            f[3] = g_rand_boolean(rng) ? CMD_GET_DEVICE_ID : BT_CAPABILITIES_COMMAND;
            for (k = 0; k < len; k++) {
                f[4 + k] = (uint8_t)g_rand_int(rng);
            }
            if (g_rand_int_range(rng, 0, 4) != 0) {
                model_write(&d, BT_REG_CONTROL, BT_CONTROL_CLR_WR_PTR);
                reg_write(&r, BT_REG_CONTROL, BT_CONTROL_CLR_WR_PTR);
            }
            for (k = 0; k < len + 4; k++) {
                model_write(&d, BT_REG_BUFFER, f[k]);
                reg_write(&r, BT_REG_BUFFER, f[k]);
            }
            if (g_rand_boolean(rng)) {
                model_write(&d, BT_REG_CONTROL, BT_CONTROL_H2B_ATN);
                g_assert_cmpint(reg_write(&r, BT_REG_CONTROL, BT_CONTROL_H2B_ATN).request, ==,
                                d.sent);
                sent += d.sent;
            }
            break;
        default:
            if (g_rand_int_range(rng, 0, 20) == 0) {
                model_reset(&d);
                apply(&r, bt_machine_reset(&r.m));
            }
            break;
        }
        model_compare(&d, &r);
    }
    g_test_message("%d requests sent", sent);
    g_assert_cmpint(sent, >, 1000);
    /* Linux's way back: reset_flags(), drain, then a transaction. */
    r.auto_respond = true;
    host_reset_flags(&r);
    host_drain(&r);
    get_device_id_works(&r, 0x99);
    g_rand_free(rng);
}

/*
 * The request buffer is the host's: H2B_ATN a second time, without writing it again,
 * sends the same request again, sequence number and data as written, whether the last
 * answer was acknowledged or still waits. skiboot's hw/bt.c retries a request exactly
 * so (bt_expire_old_msg(): "the data will still be in the FIFO so just reset the
 * flag"), and a host that checks the sequence, as Linux's read_all_bytes() does, takes
 * the answer for its own. (Until 348b60f, handing a request over moved the NetFn over
 * the sequence byte in the buffer: the second answer carried 18h where the host wrote
 * 42h.)
 */
static void test_resend_keeps_sequence(void)
{
    static const uint8_t gdi[] = { 3, APP_REQ, 0x42, CMD_GET_DEVICE_ID };
    static const uint8_t data[] = { 0x01, 0xfe, 0x77 };
    static const uint8_t answer[] = { 0x2d, 0x55, 0x00, 0xaa };
    uint8_t f[FRAME_MAX];
    uint8_t rsp[FRAME_MAX];
    struct rig r;
    size_t n, len;

    rig_init(&r);
    get_device_id_works(&r, 0x42);
    g_assert_cmpmem(r.m.request, r.m.request_len, gdi, sizeof(gdi));
    /* Acknowledged: H2B_ATN again is the same request. */
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmpint(r.requests, ==, 2);
    g_assert_cmpmem(r.msg, r.msg_len, ((const uint8_t[]){ APP_REQ, CMD_GET_DEVICE_ID }), 2);
    g_assert_cmpmem(r.m.request, r.m.request_len, gdi, sizeof(gdi));
    /* Its answer still waiting: once more, and the new answer replaces it. */
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmpint(r.requests, ==, 3);
    n = read_frame(&r, rsp, sizeof(rsp));
    g_assert_cmphex(rsp[2], ==, 0x42);
    expect_framed(rsp, n, 0x42, device_id_rsp, sizeof(device_id_rsp));

    /* With data bytes, another NetFn and LUN, and the BMC answering later. */
    r.auto_respond = false;
    script(&r, answer, sizeof(answer));
    len = frame(f, 0x29, 0x43, 0x55, data, sizeof(data));
    send_frame(&r, f, len);
    respond(&r, r.msg_id, answer, sizeof(answer));
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, n, 0x43, answer, sizeof(answer));
    g_assert_cmpint(r.requests, ==, 4);
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmpint(r.requests, ==, 5);
    g_assert_cmpuint(r.msg_len, ==, len - 2);
    g_assert_cmphex(r.msg[0], ==, 0x29);
    g_assert_cmpmem(r.msg + 1, r.msg_len - 1, f + 3, len - 3);
    g_assert_cmpmem(r.m.request, r.m.request_len, f, len);
    respond(&r, r.msg_id, answer, sizeof(answer));
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, n, 0x43, answer, sizeof(answer));
}

/*
 * A control write handles its bits in the spec's order, so 0Ch is B2H_ATN's clear and
 * then H2B_ATN, and leaves the machine as the two writes 08h and 04h do, B2H_IRQ
 * included: with B2H_IRQ_EN set, the response the machine offers at once (Get BT
 * Interface Capabilities, or C7h for a wrong length byte) latches B2H_IRQ either way.
 * (Until 348b60f one write of 0Ch did not latch it, so an interrupt-driven host
 * waited for an interrupt that never came.)
 */
static void test_ack_and_send_in_one_write(void)
{
    static const uint8_t caps[] = { 3, APP_REQ, 0x01, BT_CAPABILITIES_COMMAND };
    static const uint8_t wrong_length[] = { 5, APP_REQ, 0x02, CMD_GET_DEVICE_ID };
    static const uint8_t *const frames[] = { caps, wrong_length };
    struct bt_machine after[2];
    int two_writes;
    size_t i, k;

    for (k = 0; k < G_N_ELEMENTS(frames); k++) {
        for (two_writes = 1; two_writes >= 0; two_writes--) {
            struct rig r;

            g_test_message("frame %zu: %s", k, two_writes ? "08h, then 04h" : "0Ch");
            rig_init(&r);
            bmc_irq_enable(&r, true);
            mask_write(&r, BT_MASK_B2H_IRQ_EN);
            send_frame(&r, caps, sizeof(caps));
            g_assert_true(r.irq);
            mask_write(&r, BT_MASK_B2H_IRQ | BT_MASK_B2H_IRQ_EN);
            g_assert_false(r.irq);
            control(&r, BT_CONTROL_CLR_WR_PTR);
            for (i = 0; i < 4; i++) {
                buffer_write(&r, frames[k][i]);
            }
            if (two_writes) {
                control(&r, BT_CONTROL_B2H_ATN);
                control(&r, BT_CONTROL_H2B_ATN);
            } else {
                control(&r, BT_CONTROL_B2H_ATN | BT_CONTROL_H2B_ATN);
            }
            g_assert_cmphex(status(&r), ==, BT_CONTROL_B2H_ATN);
            g_assert_cmphex(mask(&r), ==, BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ);
            g_assert_true(r.irq);
            g_assert_cmpint(r.irq_moves, ==, 3);
            g_assert_cmphex(r.m.response[2], ==, frames[k][2]);
            g_assert_cmpint(r.requests, ==, 0);
            after[two_writes] = r.m;
        }
        assert_same(&after[0], &after[1]);
    }
}

/*
 * Get BT Interface Capabilities gives each buffer as the largest length byte it takes,
 * and the machine takes what it promises: a request whose length byte is the input
 * figure reaches the BMC whole, and an answer framed with the output figure comes back
 * whole. (Until 348b60f the buffers held 255 bytes and the answer said 255, the most
 * a length byte can say, so the largest request it allowed was answered C7h.)
 */
static void test_capability_sizes_hold(void)
{
    uint8_t data[FRAME_MAX] = { 0 };
    uint8_t answer[FRAME_MAX];
    uint8_t f[FRAME_MAX + 1];
    uint8_t rsp[FRAME_MAX];
    uint8_t in_max, out_max;
    struct rig r;
    size_t i, n, len;

    rig_init(&r);
    n = transaction(&r, APP_REQ, 0, BT_CAPABILITIES_COMMAND, NULL, 0, rsp);
    g_assert_cmpuint(n, ==, 10);
    in_max = rsp[6];
    out_max = rsp[7];
    /* The largest length byte the capability answer allows, and the request it makes. */
    for (i = 0; i < sizeof(data); i++) {
        data[i] = (uint8_t)(i * 7 + 3);
    }
    len = frame(f, APP_REQ, 0x01, 0x60, data, (size_t)in_max - 3);
    g_assert_cmpuint(f[0], ==, in_max);
    g_assert_cmpuint(len, ==, BT_REQUEST_CAPACITY);
    send_frame(&r, f, len);
    g_assert_cmpint(r.requests, ==, 1);
    g_assert_cmpuint(r.msg_len, ==, len - 2);
    g_assert_cmphex(r.msg[0], ==, APP_REQ);
    g_assert_cmpmem(r.msg + 1, r.msg_len - 1, f + 3, len - 3);
    n = read_frame(&r, rsp, sizeof(rsp));
    expect_header_only(rsp, n, APP_REQ, 0x01, 0x60, IPMI_CC_INVALID_COMMAND);

    /* The BMC's answer whose frame has the output figure for its length byte. */
    for (i = 0; i < sizeof(answer); i++) {
        answer[i] = (uint8_t)(0xff - i);
    }
    answer[0] = APP_RSP;
    answer[1] = 0x61;
    answer[2] = IPMI_CC_SUCCESS;
    script(&r, answer, (size_t)out_max - 1);
    n = transaction(&r, APP_REQ, 0x02, 0x61, NULL, 0, rsp);
    g_assert_cmpuint(rsp[0], ==, out_max);
    g_assert_cmpuint(n, ==, BT_RESPONSE_CAPACITY);
    expect_framed(rsp, n, 0x02, answer, (size_t)out_max - 1);
}

/* ---- Migration from upstream's fields (hw/ipmi/ipmi_bt.c, vmstate_IPMIBT). ---- */

/* Upstream as its ipmi_bt_ioport_write() leaves it after a request was written. */
static void upstream_written(struct bt_upstream *u, const uint8_t *f, size_t n)
{
    memset(u, 0, sizeof(*u));
    memcpy(u->inmsg, f, n);
    u->inlen = n;
    u->waiting_rsp = 7;
}

/* ... and after H2B_ATN: the NetFn over the sequence byte, the BMC's answer framed. */
static void upstream_answered(struct bt_upstream *u, const uint8_t *rsp, size_t len)
{
    u->waiting_seq = u->inmsg[2];
    u->inmsg[2] = u->inmsg[1];
    u->outlen = frame_response(u->outmsg, u->waiting_seq, rsp, len);
    u->outpos = 0;
    u->waiting_rsp++;
    u->control_reg = BT_CONTROL_B2H_ATN;
}

static void rig_from(struct rig *r, const struct bt_upstream *u)
{
    rig_init(r);
    g_assert_true(bt_migrate_from_upstream(u, &r->m));
    r->irq = r->m.irq_enabled && r->m.b2h_irq;  /* the line as the destination has it */
    check_machine(r);
}

static void refused(const struct bt_upstream *u)
{
    struct bt_machine m;

    g_assert_false(bt_migrate_from_upstream(u, &m));
}

static void test_migrate_from_upstream(void)
{
    uint8_t f[FRAME_MAX], rsp[FRAME_MAX];
    size_t n = frame(f, APP_REQ, 0x42, CMD_GET_DEVICE_ID, NULL, 0);
    struct bt_upstream u, v;
    struct rig r;
    size_t i, got;

    /* A fresh upstream: idle; the next request is its waiting_rsp. */
    memset(&u, 0, sizeof(u));
    rig_from(&r, &u);
    g_assert_cmpint(r.m.phase, ==, BT_PHASE_IDLE);
    get_device_id_works(&r, 0x11);
    g_assert_cmpuint(r.msg_id, ==, 0);

    /* Half a request written: the host goes on writing, then sends it. */
    upstream_written(&u, f, 2);
    rig_from(&r, &u);
    g_assert_cmpuint(r.m.request_len, ==, 2);
    for (i = 2; i < n; i++) {
        buffer_write(&r, f[i]);
    }
    control(&r, BT_CONTROL_H2B_ATN);
    g_assert_cmpuint(r.msg_id, ==, 7);
    got = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, got, 0x42, device_id_rsp, sizeof(device_id_rsp));

    /* Answered (ipmi-bmc-sim answers at once), then read halfway, then to its end. */
    upstream_written(&u, f, n);
    upstream_answered(&u, device_id_rsp, sizeof(device_id_rsp));
    rig_from(&r, &u);
    g_assert_cmpint(r.m.phase, ==, BT_PHASE_RESPONSE);
    g_assert_cmpuint(r.m.request_id, ==, 7);
    got = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, got, 0x42, device_id_rsp, sizeof(device_id_rsp));
    u.control_reg = BT_CONTROL_H_BUSY;
    u.outpos = 5;
    rig_from(&r, &u);
    g_assert_cmpint(r.m.phase, ==, BT_PHASE_IDLE);
    g_assert_true(r.m.h_busy);
    for (i = 5; i < u.outlen; i++) {
        g_assert_cmphex(buffer_read(&r), ==, u.outmsg[i]);
    }
    g_assert_cmphex(buffer_read(&r), ==, 0xff);
    /* Read to its end with B2H_ATN still up: upstream dropped the pointers. */
    u.control_reg = BT_CONTROL_B2H_ATN;
    u.outpos = u.outlen = 0;
    rig_from(&r, &u);
    g_assert_cmpint(r.m.phase, ==, BT_PHASE_RESPONSE);
    g_assert_cmpuint(r.m.response_pos, ==, r.m.response_len);
    g_assert_cmphex(buffer_read(&r), ==, 0xff);
    control(&r, BT_CONTROL_B2H_ATN);
    get_device_id_works(&r, 0x12);

    /* Held by an external BMC: busy, the message as it went, answered under its id. */
    upstream_written(&u, f, n);
    u.waiting_seq = f[2];
    u.inmsg[2] = u.inmsg[1];
    u.control_reg = BT_CONTROL_B_BUSY;
    rig_from(&r, &u);
    g_assert_cmpint(r.m.phase, ==, BT_PHASE_BUSY);
    g_assert_cmphex(r.m.request[2], ==, 0x42);
    g_assert_cmpuint(bt_machine_message_len(&r.m), ==, 2);
    g_assert_cmphex(bt_machine_message(&r.m)[0], ==, APP_REQ);
    g_assert_cmphex(bt_machine_message(&r.m)[1], ==, CMD_GET_DEVICE_ID);
    respond(&r, 7, device_id_rsp, sizeof(device_id_rsp));
    got = read_frame(&r, rsp, sizeof(rsp));
    expect_framed(rsp, got, 0x42, device_id_rsp, sizeof(device_id_rsp));

    /* Stuck on a request too short to send: ours, after the same writes, is idle. */
    upstream_written(&u, f, 2);
    u.control_reg = BT_CONTROL_B_BUSY;
    rig_from(&r, &u);
    g_assert_cmpint(r.m.phase, ==, BT_PHASE_IDLE);
    get_device_id_works(&r, 0x13);

    /* Written past the end: an overrun, answered with a length error once sent. */
    upstream_written(&u, f, n);
    u.inlen = 1000;
    rig_from(&r, &u);
    g_assert_true(r.m.request_overrun);
    g_assert_cmpuint(r.m.request_len, ==, BT_REQUEST_CAPACITY);
    control(&r, BT_CONTROL_H2B_ATN);
    got = read_frame(&r, rsp, sizeof(rsp));
    expect_header_only(rsp, got, APP_REQ, 0x42, CMD_GET_DEVICE_ID,
                       IPMI_CC_REQUEST_DATA_LENGTH_INVALID);

    /* The interrupt mask and the BMC's enable. */
    memset(&u, 0, sizeof(u));
    u.mask_reg = BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ;
    u.irqs_enabled = true;
    u.control_reg = BT_CONTROL_SMS_ATN;
    rig_from(&r, &u);
    g_assert_true(r.m.b2h_irq_en && r.m.b2h_irq && r.m.irq_enabled && r.m.sms_atn);

    /* Refused: what no upstream state has, or what ours cannot be. */
    upstream_written(&u, f, n);
    upstream_answered(&u, device_id_rsp, sizeof(device_id_rsp));
    rig_from(&r, &u);
    for (i = 0; i < 8; i++) {
        v = u;
        v.control_reg |= (uint8_t)(1u << i);
        if ((1u << i) & BT_UPSTREAM_CONTROL_BITS) {
            continue;
        }
        refused(&v);
    }
    v = u;
    v.mask_reg = BT_MASK_BMC_HWRST;
    refused(&v);
    v = u;
    v.outlen = BT_RESPONSE_CAPACITY + 1;
    v.outmsg[0] = 0xff;
    refused(&v);
    v = u;
    v.outpos = v.outlen + 1;
    refused(&v);
    v = u;
    v.outmsg[0]++;                  /* B2H_ATN offering a response not framed whole */
    refused(&v);
    v = u;
    v.outlen = 4;                   /* ... or too short to have a completion code */
    v.outmsg[0] = 3;
    refused(&v);
    v = u;
    v.outpos = v.outlen = 0;
    v.outmsg[0] = 2;
    refused(&v);
    v.control_reg = 0;              /* not offered: nothing to frame */
    rig_from(&r, &v);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bt/init-is-idle", test_init_is_idle);
    g_test_add_func("/bt/get-device-id", test_get_device_id);
    g_test_add_func("/bt/request-data-and-lun", test_request_data_and_lun);
    g_test_add_func("/bt/capabilities", test_capabilities);
    g_test_add_func("/bt/capability-sizes-hold", test_capability_sizes_hold);
    g_test_add_func("/bt/request-at-the-limit", test_request_at_the_limit);
    g_test_add_func("/bt/wrong-length-byte", test_wrong_length_byte);
    g_test_add_func("/bt/too-short-request", test_too_short_request);
    g_test_add_func("/bt/overlong-response", test_overlong_response);
    g_test_add_func("/bt/too-short-response", test_too_short_response);
    g_test_add_func("/bt/stale-responses", test_stale_responses);
    g_test_add_func("/bt/request-id-wraps", test_request_id_wraps);
    g_test_add_func("/bt/resend-keeps-sequence", test_resend_keeps_sequence);
    g_test_add_func("/bt/busy-ignores-the-host", test_busy_ignores_the_host);
    g_test_add_func("/bt/reads-past-the-end", test_reads_past_the_end);
    g_test_add_func("/bt/unused-offsets", test_unused_offsets);
    g_test_add_func("/bt/b2h-atn-clear-when-none", test_b2h_atn_clear_when_none);
    g_test_add_func("/bt/h-busy-toggles", test_h_busy_toggles);
    g_test_add_func("/bt/sms-atn", test_sms_atn);
    g_test_add_func("/bt/several-bits-at-once", test_several_bits_at_once);
    g_test_add_func("/bt/ack-and-send-in-one-write", test_ack_and_send_in_one_write);
    g_test_add_func("/bt/interrupts", test_interrupts);
    g_test_add_func("/bt/irq-line-needs-the-bmc", test_irq_line_needs_the_bmc);
    g_test_add_func("/bt/reset", test_reset);
    g_test_add_func("/bt/bmc-hwrst", test_bmc_hwrst);
    g_test_add_func("/bt/bmc-hwrst-clears-b2h-irq", test_bmc_hwrst_clears_b2h_irq);
    g_test_add_func("/bt/linux-detect", test_linux_detect);
    g_test_add_func("/bt/skiboot-driver", test_skiboot_driver);
    g_test_add_func("/bt/consistency-check", test_consistency_check);
    g_test_add_func("/bt/random-traffic", test_random_traffic);
    g_test_add_func("/bt/migrate-from-upstream", test_migrate_from_upstream);
    return g_test_run();
}
