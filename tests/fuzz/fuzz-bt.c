/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness for the BT machine, wired to the BMC core as the QEMU devices
 * wire an interface to ipmi-bmc-sim: a request handed over (bt_result.request) goes
 * to bmc_handle_request, the BMC's effects are applied (interrupt enable, then
 * attention) and its answer goes back through bt_machine_respond quoting the request
 * id. This BMC may also hold its answers and deliver them late (fuzz_bmc in
 * fuzz-common.h), after a reset, BMC_HWRST or a newer request, when they are stale.
 *
 * The input is a stream of operations (enum fuzz_bt_op in fuzz-spec.h): reads and
 * writes of any offset with any value, whole request frames, answers held, forged or
 * late, attention, the BMC's interrupt enable, reset. Each operation is checked
 * against what spec/bt.yaml says it does, from a copy of the bytes the host wrote
 * (which request H2B_ATN sends, or which answer the machine makes itself: C7h for a
 * wrong length, Get BT Interface Capabilities from the spec's figures); an answer
 * must come back framed as the spec says (CAh too long, FFh too short, the request's
 * sequence number), and a stale one must change nothing. After every operation
 * bt_machine_consistent() and the registers must agree with the spec.
 *
 * After the stream the host must get out as Linux's drivers/char/ipmi/ipmi_bt_sm.c
 * does: optionally (RECOVERY) its RESET1 to RESET3 (reset_flags() with BMC_HWRST,
 * drain, Warm Reset, drain), then a Get Device ID through bt_event()'s states
 * (XACTION_START to READ_BYTES, draining a stale response, clearing a leftover
 * H_BUSY or SMS_ATN), which must come back with completion code 00h and the device id,
 * and Get BT Interface Capabilities as bt_detect() reads it. Between two of the host's
 * status reads the BMC delivers one held answer and, with the line up, the host's
 * interrupt handler clears B2H_IRQ. Anything else aborts.
 */
#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_ELEMENTS(a) (sizeof(a) / sizeof((a)[0]))
#define DEVICE_ID 0x20
/* A frame: its length byte and at most the 255 bytes it counts. */
#define FRAME_MAX 256
/* Status reads the host makes for one transaction before it counts itself stuck. */
#define HOST_EVENTS (4 * FUZZ_HELD_MAX + 32)

#define CTL(bit) FUZZ_BT_CONTROL_##bit
#define MSK(bit) FUZZ_BT_MASK_##bit
#define APP_REQ (FUZZ_BT_APP_NETFN << FUZZ_NETFN_SHIFT)
#define WARM_RESET 0x03

struct rig {
    struct bt_machine m;
    struct fuzz_bmc bmc;          /* the BMC core, and the answers it holds */
    bool irq;                     /* the IRQ line, as the device drives it */
    /* The request buffer as the host's writes leave it under spec/bt.yaml's rules. */
    uint8_t written[FUZZ_BT_REQUEST_CAPACITY];
    size_t written_len;
    bool overrun;
    /* The request the BMC holds: its header as written, and its id. */
    uint8_t netfn, seq, cmd;
    uint8_t flight_id;
    bool hard_recovery;           /* the host starts its recovery with BMC_HWRST */
    uint8_t host_seq;             /* the host driver's sequence counter */
};

static const char *phase_name(uint8_t phase)
{
    return phase < N_ELEMENTS(fuzz_bt_phases) ? fuzz_bt_phases[phase].name : "(no phase)";
}

static bool awaits(uint8_t phase)
{
    return phase < N_ELEMENTS(fuzz_bt_phases) && fuzz_bt_phases[phase].awaits;
}

/* Whether two machines agree in every field (the struct has padding: no memcmp). */
static bool same_machine(const struct bt_machine *a, const struct bt_machine *b)
{
    return a->phase == b->phase && a->request_id == b->request_id && a->seq == b->seq &&
           a->netfn == b->netfn && a->command == b->command && a->h_busy == b->h_busy &&
           a->sms_atn == b->sms_atn && a->b2h_irq_en == b->b2h_irq_en &&
           a->b2h_irq == b->b2h_irq && a->irq_enabled == b->irq_enabled &&
           a->request_overrun == b->request_overrun && a->request_len == b->request_len &&
           a->response_len == b->response_len && a->response_pos == b->response_pos &&
           memcmp(a->request, b->request, sizeof(a->request)) == 0 &&
           memcmp(a->response, b->response, sizeof(a->response)) == 0 &&
           memcmp(a->message, b->message, sizeof(a->message)) == 0;
}

/* Whether b is a with only the request buffer's fields changed. */
static bool same_outside_request(const struct bt_machine *a, const struct bt_machine *b)
{
    struct bt_machine c = *b;

    c.request_len = a->request_len;
    c.request_overrun = a->request_overrun;
    memcpy(c.request, a->request, sizeof(c.request));
    return same_machine(a, &c);
}

static uint8_t control_of(const struct bt_machine *m)
{
    return (uint8_t)(fuzz_bt_phases[m->phase].shows | (m->sms_atn ? CTL(SMS_ATN) : 0) |
                     (m->h_busy ? CTL(H_BUSY) : 0));
}

static uint8_t mask_of(const struct bt_machine *m)
{
    return (uint8_t)((m->b2h_irq_en ? MSK(B2H_IRQ_EN) : 0) | (m->b2h_irq ? MSK(B2H_IRQ) : 0));
}

static void check_invariants(const struct rig *r)
{
    const struct bt_machine *m = &r->m;
    struct bt_machine copy = *m;
    uint8_t c, k;

    if (!bt_machine_consistent(m)) {
        fuzz_fail("%s: bt_machine_consistent refuses the state the machine is in "
                  "(request %u, response %u at %u)", phase_name(m->phase), m->request_len,
                  m->response_len, m->response_pos);
    }
    if (m->phase >= N_ELEMENTS(fuzz_bt_phases)) {
        fuzz_fail("phase %u: spec/bt.yaml has %zu", m->phase, N_ELEMENTS(fuzz_bt_phases));
    }
    c = bt_machine_read(&copy, FUZZ_BT_REG_CONTROL).value;
    k = bt_machine_read(&copy, FUZZ_BT_REG_MASK).value;
    if (c != control_of(m) || (c & ~FUZZ_BT_CONTROL_SHOWN) != 0) {
        fuzz_fail("%s: control reads %02x, spec/bt.yaml says %02x", phase_name(m->phase), c,
                  control_of(m));
    }
    if (k != mask_of(m) || (k & ~FUZZ_BT_MASK_SHOWN) != 0) {
        fuzz_fail("%s: mask reads %02x, its flags say %02x", phase_name(m->phase), k,
                  mask_of(m));
    }
    if (!same_machine(&copy, m)) {
        fuzz_fail("%s: reading control or mask changed the machine", phase_name(m->phase));
    }
    if (m->b2h_irq && !m->b2h_irq_en) {
        fuzz_fail("%s: B2H_IRQ set with B2H_IRQ_EN clear", phase_name(m->phase));
    }
    if (r->irq != (m->irq_enabled && m->b2h_irq)) {
        fuzz_fail("%s: IRQ line %d, the machine's sources say otherwise", phase_name(m->phase),
                  r->irq);
    }
    if (awaits(m->phase) && m->request_id != r->flight_id) {
        fuzz_fail("%s waits for request id %02x, the BMC got %02x", phase_name(m->phase),
                  m->request_id, r->flight_id);
    }
    if (m->request_len != r->written_len || m->request_overrun != r->overrun ||
        memcmp(m->request, r->written, r->written_len) != 0) {
        size_t at = 0;

        while (at < r->written_len && m->request[at] == r->written[at]) {
            at++;
        }
        fuzz_fail("%s: the request buffer holds %u bytes (overrun %d), the host's writes "
                  "leave %zu (overrun %d); they agree up to byte %zu", phase_name(m->phase),
                  m->request_len, m->request_overrun, r->written_len, r->overrun, at);
    }
}

/* What the device does with a result's IRQ fields: drive the line as they say. */
static void apply(struct rig *r, struct bt_result res)
{
    const struct bt_machine *m = &r->m;

    if (res.irq_level != (m->irq_enabled && m->b2h_irq)) {
        fuzz_fail("bt_result.irq_level %d disagrees with the machine's sources", res.irq_level);
    }
    if (res.irq_changed == (res.irq_level == r->irq)) {
        fuzz_fail("bt_result.irq_changed %d, but the line goes %d -> %d",
                  res.irq_changed, r->irq, res.irq_level);
    }
    r->irq = res.irq_level;
}

/* The answer the machine makes up itself: the request's header and completion code. */
static void expect_header_answer(const struct rig *r, uint8_t netfn, uint8_t seq, uint8_t cmd,
                                 uint8_t cc, const char *why)
{
    const struct bt_machine *m = &r->m;
    const uint8_t want[] = { FUZZ_BT_HEADER, netfn | FUZZ_RESPONSE_NETFN_BIT, seq, cmd, cc };

    if (m->phase != FUZZ_BT_PHASE_RESPONSE || m->response_len != sizeof(want) || m->response_pos != 0 ||
        memcmp(m->response, want, sizeof(want)) != 0) {
        fuzz_fail("%s: the answer is %u bytes %02x %02x %02x %02x %02x (phase %s), the spec "
                  "says %02x %02x %02x %02x %02x", why, m->response_len, m->response[0],
                  m->response[1], m->response[2], m->response[3], m->response[4],
                  phase_name(m->phase), want[0], want[1], want[2], want[3], want[4]);
    }
}

static void expect_capabilities(const struct rig *r, uint8_t netfn, uint8_t seq)
{
    const struct bt_machine *m = &r->m;
    const uint8_t want[] = {
        9, netfn | FUZZ_RESPONSE_NETFN_BIT, seq, FUZZ_BT_CAPABILITIES_COMMAND, FUZZ_CC_SUCCESS,
        /* Each buffer as the largest length byte it takes. */
        FUZZ_BT_OUTSTANDING_REQUESTS, FUZZ_BT_REQUEST_CAPACITY - 1,
        FUZZ_BT_RESPONSE_CAPACITY - 1, FUZZ_BT_RESPONSE_SECONDS, FUZZ_BT_RETRIES,
    };

    if (m->response_len != sizeof(want) || m->response_pos != 0 ||
        memcmp(m->response, want, sizeof(want)) != 0) {
        fuzz_fail("Get BT Interface Capabilities: a %u-byte answer, not the spec's figures",
                  m->response_len);
    }
}

static void shadow_clear(struct rig *r)
{
    r->written_len = 0;
    r->overrun = false;
}

static void shadow_append(struct rig *r, uint8_t v)
{
    if (r->written_len < sizeof(r->written)) {
        r->written[r->written_len++] = v;
    } else {
        r->overrun = true;
    }
}

/*
 * H2B_ATN outside BUSY, by spec/bt.yaml's rules on the bytes the host wrote: nothing
 * for fewer than four, C7h for a length byte that does not count them (or an overrun),
 * the machine's capability answer, or the request for the BMC. Returns the phase it
 * leads to and whether the request went to the BMC.
 */
static uint8_t expect_h2b_atn(struct rig *r, uint8_t phase, bool *sent)
{
    const uint8_t *w = r->written;

    *sent = false;
    if (r->written_len < FUZZ_BT_HEADER) {
        return phase;
    }
    if (r->overrun || w[0] != r->written_len - 1) {
        expect_header_answer(r, w[1], w[2], w[3], FUZZ_CC_REQUEST_DATA_LENGTH_INVALID,
                             "a request whose length byte is wrong");
        return FUZZ_BT_PHASE_RESPONSE;
    }
    if (w[1] >> FUZZ_NETFN_SHIFT == FUZZ_BT_APP_NETFN && w[3] == FUZZ_BT_CAPABILITIES_COMMAND) {
        expect_capabilities(r, w[1], w[2]);
        return FUZZ_BT_PHASE_RESPONSE;
    }
    *sent = true;
    return FUZZ_BT_PHASE_BUSY;
}

/* The request just handed over: the message as written, under a new id. */
static void check_handover(struct rig *r, const struct bt_machine *before)
{
    const struct bt_machine *m = &r->m;
    const uint8_t *msg = bt_machine_message(m);
    size_t len = bt_machine_message_len(m);

    if (len != r->written_len - 2 || msg[0] != r->written[1] ||
        memcmp(msg + 1, r->written + 3, len - 1) != 0) {
        fuzz_fail("the BMC got a %zu-byte message, not the %zu-byte request written", len,
                  r->written_len);
    }
    if (m->request_id == before->request_id) {
        fuzz_fail("a new request under the old request id %02x", m->request_id);
    }
    r->netfn = r->written[1];
    r->seq = r->written[2];
    r->cmd = r->written[3];
    r->flight_id = m->request_id;
}

/*
 * B2H_IRQ after a host write. Each response the write offers latches it with
 * B2H_IRQ_EN set (0Ch offers one as it acknowledges the last); of the mask's bits,
 * B2H_IRQ clears it, BMC_HWRST clears it with the response, B2H_IRQ_EN off clears it,
 * and B2H_IRQ_EN turning on with B2H_ATN or SMS_ATN up latches it.
 */
static bool expect_b2h_irq(const struct bt_machine *before, uint8_t offset, uint8_t v,
                           bool new_response, uint8_t phase)
{
    bool en = before->b2h_irq_en;
    bool irq = before->b2h_irq;

    if (offset == FUZZ_BT_REG_CONTROL) {
        return irq || (new_response && en);
    }
    if (offset != FUZZ_BT_REG_MASK) {
        return irq;
    }
    en = (v & MSK(B2H_IRQ_EN)) != 0;
    if (v & (MSK(B2H_IRQ) | MSK(BMC_HWRST))) {
        irq = false;
    }
    if (!en) {
        return false;
    }
    return irq || (!before->b2h_irq_en && (phase == FUZZ_BT_PHASE_RESPONSE || before->sms_atn));
}

static const struct fuzz_interface bt_interface;

/*
 * A host write, checked against spec/bt.yaml: each control bit in the spec's order
 * (H2B_ATN last), the buffer only outside BUSY, the mask's bits; a request handed
 * over exactly when H2B_ATN sends one; B2H_IRQ as expect_b2h_irq() says; an unused
 * offset changes nothing.
 */
static struct bt_result write_reg(struct rig *r, uint8_t offset, uint8_t v)
{
    const struct bt_machine before = r->m;
    const struct bt_machine *m = &r->m;
    bool busy = awaits(before.phase);
    uint8_t phase = before.phase;
    bool sent = false;
    bool new_response = false;
    struct bt_result res = bt_machine_write(&r->m, offset, v);

    if (res.value != 0) {
        fuzz_fail("a write returned the value %02x", res.value);
    }
    apply(r, res);
    if (offset == FUZZ_BT_REG_CONTROL) {
        if ((v & CTL(CLR_WR_PTR)) && !busy) {
            shadow_clear(r);
        }
        if ((v & CTL(B2H_ATN)) && phase == FUZZ_BT_PHASE_RESPONSE) {
            phase = FUZZ_BT_PHASE_IDLE;
        }
        if ((v & CTL(H2B_ATN)) && !busy) {
            uint8_t next = expect_h2b_atn(r, phase, &sent);

            new_response = next == FUZZ_BT_PHASE_RESPONSE && !sent &&
                           r->written_len >= FUZZ_BT_HEADER;
            phase = next;
        }
        if (m->sms_atn != (before.sms_atn && !(v & CTL(SMS_ATN))) ||
            m->h_busy != (before.h_busy != ((v & CTL(H_BUSY)) != 0)) ||
            m->response_pos != ((v & CTL(CLR_RD_PTR)) || new_response ? 0
                                                                      : before.response_pos)) {
            fuzz_fail("control write %02x: SMS_ATN %d, H_BUSY %d, read pointer %u are not "
                      "what the spec's bits make of %d, %d, %u", v, m->sms_atn, m->h_busy,
                      m->response_pos, before.sms_atn, before.h_busy, before.response_pos);
        }
    } else if (offset == FUZZ_BT_REG_BUFFER) {
        if (!busy) {
            shadow_append(r, v);
        }
        if (!same_outside_request(&before, m)) {
            fuzz_fail("a buffer write changed more than the request");
        }
    } else if (offset == FUZZ_BT_REG_MASK) {
        if (m->sms_atn != before.sms_atn || m->h_busy != before.h_busy ||
            m->irq_enabled != before.irq_enabled) {
            fuzz_fail("mask write %02x changed SMS_ATN, H_BUSY or the BMC's enable", v);
        }
        if (m->b2h_irq_en != ((v & MSK(B2H_IRQ_EN)) != 0)) {
            fuzz_fail("mask write %02x: B2H_IRQ_EN %d", v, m->b2h_irq_en);
        }
        if (v & MSK(BMC_HWRST)) {
            shadow_clear(r);
            phase = FUZZ_BT_PHASE_IDLE;
            if (m->response_len != 0 || m->response_pos != 0) {
                fuzz_fail("BMC_HWRST left a response of %u bytes", m->response_len);
            }
        }
    } else if (!same_machine(&before, m)) {
        fuzz_fail("a write to unused offset %u changed the machine", offset);
    }
    if (m->phase != phase) {
        fuzz_fail("write %02x to offset %u: %s -> %s, spec/bt.yaml says %s", v, offset,
                  phase_name(before.phase), phase_name(m->phase), phase_name(phase));
    }
    if (res.request != sent) {
        fuzz_fail("write %02x to offset %u: bt_result.request %d, the spec says %d", v, offset,
                  res.request, sent);
    }
    if (!new_response && !(offset == FUZZ_BT_REG_MASK && (v & MSK(BMC_HWRST))) &&
        (m->response_len != before.response_len ||
         memcmp(m->response, before.response, m->response_len) != 0)) {
        fuzz_fail("write %02x to offset %u changed the response", v, offset);
    }
    if (m->b2h_irq != expect_b2h_irq(&before, offset, v, new_response, phase)) {
        fuzz_fail("write %02x to offset %u (%s -> %s, B2H_IRQ_EN %d -> %d, SMS_ATN %d): "
                  "B2H_IRQ %d -> %d, the spec says %d", v, offset, phase_name(before.phase),
                  phase_name(m->phase), before.b2h_irq_en, m->b2h_irq_en, before.sms_atn,
                  before.b2h_irq, m->b2h_irq, !m->b2h_irq);
    }
    if (sent) {
        check_handover(r, &before);
        fuzz_deliver(&bt_interface, r, &r->bmc, m->request_id, bt_machine_message(m),
                     bt_machine_message_len(m));
    }
    return res;
}

/* A host read: control and mask change nothing; the buffer hands out the response. */
static uint8_t read_reg(struct rig *r, uint8_t offset)
{
    const struct bt_machine before = r->m;
    struct bt_result res = bt_machine_read(&r->m, offset);
    struct bt_machine want = before;
    uint8_t value = 0xff;

    if (res.irq_changed || res.request) {
        fuzz_fail("a read moved the line or handed a request over");
    }
    apply(r, res);
    if (offset == FUZZ_BT_REG_CONTROL) {
        value = control_of(&before);
    } else if (offset == FUZZ_BT_REG_MASK) {
        value = mask_of(&before);
    } else if (offset == FUZZ_BT_REG_BUFFER && before.response_pos < before.response_len) {
        value = before.response[before.response_pos];
        want.response_pos++;
    }
    if (res.value != value || !same_machine(&want, &r->m)) {
        fuzz_fail("read of offset %u gave %02x (read pointer %u -> %u), the spec says %02x",
                  offset, res.value, before.response_pos, r->m.response_pos, value);
    }
    return res.value;
}

/*
 * The BMC's answer. One for another request, or when none waits, changes nothing; the
 * answer to the request in flight is offered framed as the spec says.
 */
static void respond(struct rig *r, uint8_t id, const uint8_t *rsp, size_t len)
{
    const struct bt_machine before = r->m;
    const struct bt_machine *m = &r->m;
    uint8_t *exact = fuzz_exact_copy(rsp, len);
    struct bt_result res = bt_machine_respond(&r->m, id, exact, len);

    free(exact);
    if (res.request) {
        fuzz_fail("a response handed a request over");
    }
    apply(r, res);
    if (id != before.request_id || !awaits(before.phase)) {
        if (!same_machine(&before, m)) {
            fuzz_fail("a stale answer (id %02x, phase %s, waiting for %02x) changed the machine",
                      id, phase_name(before.phase), before.request_id);
        }
        return;
    }
    if (len < FUZZ_RESPONSE_HEADER) {
        expect_header_answer(r, r->netfn, r->seq, r->cmd, FUZZ_CC_UNSPECIFIED,
                             "a BMC answer too short to frame");
    } else if (len > FUZZ_BT_RESPONSE_CAPACITY - 2) {
        expect_header_answer(r, r->netfn, r->seq, r->cmd, FUZZ_CC_CANNOT_RETURN_BYTES,
                             "a BMC answer too long for the buffer");
    } else if (m->phase != FUZZ_BT_PHASE_RESPONSE || m->response_len != len + 2 || m->response_pos != 0 ||
               m->response[0] != len + 1 || m->response[1] != rsp[0] ||
               m->response[2] != r->seq || memcmp(m->response + 3, rsp + 1, len - 1) != 0) {
        fuzz_fail("a %zu-byte answer is offered as %u bytes (phase %s), not framed with "
                  "sequence %02x", len, m->response_len, phase_name(m->phase), r->seq);
    }
    if (m->b2h_irq != (before.b2h_irq || before.b2h_irq_en)) {
        fuzz_fail("an answer offered with B2H_IRQ_EN %d: B2H_IRQ %d -> %d", before.b2h_irq_en,
                  before.b2h_irq, m->b2h_irq);
    }
    if (m->sms_atn != before.sms_atn || m->h_busy != before.h_busy ||
        m->b2h_irq_en != before.b2h_irq_en || m->irq_enabled != before.irq_enabled) {
        fuzz_fail("an answer changed the flags");
    }
}

/*
 * SMS_ATN from the BMC: only it and B2H_IRQ move, B2H_IRQ only with B2H_IRQ_EN, and
 * with `irq` it latches unless a response is up (bt.h).
 */
static void attention(struct rig *r, bool on, bool irq)
{
    const struct bt_machine before = r->m;
    struct bt_machine want = r->m;
    const struct bt_machine *m = &r->m;

    apply(r, bt_machine_set_attention(&r->m, on, irq));
    want.sms_atn = on;
    want.b2h_irq = m->b2h_irq;
    if (!same_machine(&want, m)) {
        fuzz_fail("set_attention(%d, %d) changed more than SMS_ATN and B2H_IRQ", on, irq);
    }
    if (on && irq && !before.sms_atn && m->b2h_irq_en &&
        m->phase != FUZZ_BT_PHASE_RESPONSE && !m->b2h_irq) {
        fuzz_fail("SMS_ATN rose with an interrupt and B2H_IRQ_EN, and B2H_IRQ did not latch");
    }
}

/* What the BMC does to the interface (fuzz_give and its kin in fuzz-common.c). */
static void bmc_irq_enable(void *rig, bool on)
{
    struct rig *r = rig;

    apply(r, bt_machine_set_irq_enable(&r->m, on));
}

static void bmc_attention(void *rig, bool on, bool irq)
{
    attention(rig, on, irq);
}

static void bmc_respond(void *rig, uint8_t id, const uint8_t *rsp, size_t len)
{
    respond(rig, id, rsp, len);
}

static const struct fuzz_interface bt_interface = {
    bmc_irq_enable, bmc_attention, bmc_respond,
};

static void give_held(struct rig *r, size_t i)
{
    fuzz_give_held(&bt_interface, r, &r->bmc, i);
}

static void reset(struct rig *r)
{
    const struct bt_machine before = r->m;
    const struct bt_machine *m = &r->m;

    apply(r, bt_machine_reset(&r->m));
    shadow_clear(r);
    if (m->phase != FUZZ_BT_PHASE_IDLE || m->response_len != 0 || m->h_busy || m->b2h_irq_en || m->b2h_irq ||
        m->sms_atn != before.sms_atn || m->irq_enabled != before.irq_enabled ||
        m->request_id != before.request_id) {
        fuzz_fail("reset left %s, response %u, flags h_busy %d en %d irq %d", phase_name(m->phase),
                  m->response_len, m->h_busy, m->b2h_irq_en, m->b2h_irq);
    }
}

static void run_op(struct rig *r, struct fuzz_input *in)
{
    size_t at = in->left;
    uint8_t op = fuzz_byte(in) % FUZZ_BT_OP_COUNT;
    uint8_t v, n;
    int i;

    switch (op) {
    case FUZZ_BT_OP_READ_CONTROL:
        read_reg(r, FUZZ_BT_REG_CONTROL);
        break;
    case FUZZ_BT_OP_READ_BUFFER:
        read_reg(r, FUZZ_BT_REG_BUFFER);
        break;
    case FUZZ_BT_OP_READ_MASK:
        read_reg(r, FUZZ_BT_REG_MASK);
        break;
    case FUZZ_BT_OP_READ_ANY:
        read_reg(r, fuzz_byte(in));
        break;
    case FUZZ_BT_OP_WRITE_CONTROL:
        write_reg(r, FUZZ_BT_REG_CONTROL, fuzz_byte(in));
        break;
    case FUZZ_BT_OP_WRITE_BUFFER:
        write_reg(r, FUZZ_BT_REG_BUFFER, fuzz_byte(in));
        break;
    case FUZZ_BT_OP_WRITE_MASK:
        write_reg(r, FUZZ_BT_REG_MASK, fuzz_byte(in));
        break;
    case FUZZ_BT_OP_WRITE_ANY:
        v = fuzz_byte(in);
        write_reg(r, v, fuzz_byte(in));
        break;
    case FUZZ_BT_OP_WRITE_BYTES:
    case FUZZ_BT_OP_SEND:
        n = fuzz_byte(in);
        if (op == FUZZ_BT_OP_SEND) {
            write_reg(r, FUZZ_BT_REG_CONTROL, CTL(CLR_WR_PTR));
            write_reg(r, FUZZ_BT_REG_BUFFER, n);
        }
        for (i = 0; i < n; i++) {
            write_reg(r, FUZZ_BT_REG_BUFFER, fuzz_byte(in));
            check_invariants(r);
        }
        if (op == FUZZ_BT_OP_SEND) {
            write_reg(r, FUZZ_BT_REG_CONTROL, CTL(H2B_ATN));
        }
        break;
    case FUZZ_BT_OP_READ_LOOP:
        write_reg(r, FUZZ_BT_REG_CONTROL, CTL(CLR_RD_PTR));
        for (i = fuzz_byte(in); i >= 0; i--) {
            read_reg(r, FUZZ_BT_REG_BUFFER);
        }
        break;
    case FUZZ_BT_OP_ANSWER:
        v = fuzz_byte(in);
        if (r->bmc.held > 0) {
            give_held(r, v % r->bmc.held);
        }
        break;
    case FUZZ_BT_OP_ANSWER_FORGED:     /* any length, any bytes, any id */
        v = fuzz_byte(in);
        fuzz_give_forged(&bt_interface, r, in, v);
        break;
    case FUZZ_BT_OP_ANSWER_FORGED_CURRENT:
        fuzz_give_forged(&bt_interface, r, in, r->m.request_id);
        break;
    case FUZZ_BT_OP_ATTENTION:
        v = fuzz_byte(in);
        attention(r, (v & 1) != 0, (v & 2) != 0);
        break;
    case FUZZ_BT_OP_IRQ_ENABLE:
        bmc_irq_enable(r, (fuzz_byte(in) & 1) != 0);
        break;
    case FUZZ_BT_OP_RESET:
        reset(r);
        break;
    case FUZZ_BT_OP_HOLD_ANSWERS:
        r->bmc.hold = (fuzz_byte(in) & 1) != 0;
        break;
    default: /* FUZZ_BT_OP_RECOVERY */
        r->hard_recovery = (fuzz_byte(in) & 1) != 0;
        break;
    }
    check_invariants(r);
    if (fuzz_tracing()) {
        fprintf(stderr, "op %2u (%zu bytes left) -> %s, control %02x, mask %02x, %zu held\n",
                op, at, phase_name(r->m.phase), control_of(&r->m), mask_of(&r->m),
                r->bmc.held);
    }
}

/* ---- The host after the stream: Linux's ipmi_bt_sm.c. ---- */

static uint8_t host_status(struct rig *r)
{
    uint8_t s = read_reg(r, FUZZ_BT_REG_CONTROL);

    check_invariants(r);
    return s;
}

static void host_write(struct rig *r, uint8_t offset, uint8_t v)
{
    write_reg(r, offset, v);
    check_invariants(r);
}

static void host_ctl(struct rig *r, uint8_t bits)
{
    host_write(r, FUZZ_BT_REG_CONTROL, bits);
}

static uint8_t host_read_buffer(struct rig *r)
{
    uint8_t v = read_reg(r, FUZZ_BT_REG_BUFFER);

    check_invariants(r);
    return v;
}

/*
 * Time passes between two bt_event() calls: with the line up the interrupt handler
 * (ipmi_si's si_bt_irq_handler) clears B2H_IRQ and keeps B2H_IRQ_EN, which must lower
 * it; the BMC delivers its oldest held answer.
 */
static void host_wait(struct rig *r)
{
    if (r->irq) {
        host_write(r, FUZZ_BT_REG_MASK, MSK(B2H_IRQ) | MSK(B2H_IRQ_EN));
        if (r->irq) {
            fuzz_fail("the interrupt handler cleared B2H_IRQ and the line stayed up");
        }
    }
    if (r->bmc.held > 0) {
        give_held(r, 0);
        check_invariants(r);
    }
}

/* drain_BMC2HOST(): read and forget a response nobody waits for. */
static void host_drain(struct rig *r)
{
    int i, n;

    if (!(host_status(r) & CTL(B2H_ATN))) {
        return;
    }
    host_ctl(r, CTL(H_BUSY));
    host_ctl(r, CTL(B2H_ATN));
    host_status(r);
    host_ctl(r, CTL(B2H_ATN));
    host_ctl(r, CTL(CLR_RD_PTR));
    n = host_read_buffer(r);
    for (i = 0; i < n; i++) {
        host_read_buffer(r);
    }
    host_ctl(r, CTL(H_BUSY));
}

/* reset_flags(): H_BUSY cleared if set, CLR_WR_PTR, SMS_ATN, BMC_HWRST. */
static void host_reset_flags(struct rig *r)
{
    if (host_status(r) & CTL(H_BUSY)) {
        host_ctl(r, CTL(H_BUSY));
    }
    host_ctl(r, CTL(CLR_WR_PTR));
    host_ctl(r, CTL(SMS_ATN));
    host_write(r, FUZZ_BT_REG_MASK, MSK(BMC_HWRST));
}

/* RESET1 to RESET3: reset_flags, drain, Warm Reset (sequence 42), wait, drain. */
static void host_hard_reset(struct rig *r)
{
    static const uint8_t warm_reset[] = { 3, APP_REQ, 42, WARM_RESET };
    size_t i;

    host_reset_flags(r);
    host_drain(r);
    host_ctl(r, CTL(CLR_WR_PTR));
    for (i = 0; i < sizeof(warm_reset); i++) {
        host_write(r, FUZZ_BT_REG_BUFFER, warm_reset[i]);
    }
    host_ctl(r, CTL(H2B_ATN));
    host_wait(r);
    host_drain(r);
}

/* bt_event()'s states for one transaction, as the host driver names them. */
enum host_state { XACTION_START, WRITE_BYTES, WRITE_CONSUME, READ_WAIT, CLEAR_B2H,
                  READ_BYTES, DONE };

static const char *const host_state_names[] = {
    "XACTION_START", "WRITE_BYTES", "WRITE_CONSUME", "READ_WAIT", "CLEAR_B2H", "READ_BYTES",
};

/* READ_BYTES: H_BUSY, CLR_RD_PTR, the length and what it counts, H_BUSY. */
static size_t host_read_frame(struct rig *r, uint8_t s, uint8_t rsp[FRAME_MAX])
{
    size_t i, n;

    if (!(s & CTL(H_BUSY))) {
        host_ctl(r, CTL(H_BUSY));
    }
    host_ctl(r, CTL(CLR_RD_PTR));
    rsp[0] = host_read_buffer(r);
    n = (size_t)rsp[0] + 1;
    for (i = 1; i < n; i++) {
        rsp[i] = host_read_buffer(r);
    }
    host_ctl(r, CTL(H_BUSY));
    return n;
}

/*
 * One transaction through bt_event(), from XACTION_START. Each event starts with a
 * status read; an event that waits lets time pass (host_wait). Returns the answer's
 * frame, checked as read_all_bytes() checks it: length 4 or more, NetFn, sequence and
 * command matching the request.
 */
static size_t host_transaction(struct rig *r, uint8_t netfn, uint8_t cmd, uint8_t rsp[FRAME_MAX])
{
    const uint8_t req[] = { 3, netfn, r->host_seq++, cmd };
    enum host_state state = XACTION_START;
    size_t i, n = 0;
    int events;
    uint8_t s;

    for (events = 0; state != DONE; events++) {
        if (events == HOST_EVENTS) {
            fuzz_fail("%s: the host is still waiting after %d status reads (phase %s, "
                      "control %02x)", host_state_names[state], HOST_EVENTS,
                      phase_name(r->m.phase), control_of(&r->m));
        }
        s = host_status(r);
        if (state < WRITE_BYTES && (s & CTL(B2H_ATN))) {
            host_drain(r);
            host_wait(r);
            continue;
        }
        switch (state) {
        case XACTION_START:
            if (s & (CTL(B_BUSY) | CTL(H2B_ATN))) {
                host_wait(r);
                break;
            }
            if (host_status(r) & CTL(H_BUSY)) {
                host_ctl(r, CTL(H_BUSY));
            }
            state = WRITE_BYTES;
            break;
        case WRITE_BYTES:
            if (s & CTL(H_BUSY)) {
                host_ctl(r, CTL(H_BUSY));
            }
            host_ctl(r, CTL(CLR_WR_PTR));
            for (i = 0; i < sizeof(req); i++) {
                host_write(r, FUZZ_BT_REG_BUFFER, req[i]);
            }
            host_ctl(r, CTL(H2B_ATN));
            state = WRITE_CONSUME;
            break;
        case WRITE_CONSUME:
            if (s & (CTL(B_BUSY) | CTL(H2B_ATN))) {
                host_wait(r);
                break;
            }
            state = READ_WAIT;
            break;
        case READ_WAIT:
            if (!(s & CTL(B2H_ATN))) {
                host_wait(r);
                break;
            }
            host_ctl(r, CTL(H_BUSY));
            host_ctl(r, CTL(B2H_ATN));
            state = CLEAR_B2H;
            break;
        case CLEAR_B2H:
            if (s & CTL(B2H_ATN)) {
                host_ctl(r, CTL(B2H_ATN));
                host_wait(r);
                break;
            }
            state = READ_BYTES;
            break;
        default: /* READ_BYTES */
            n = host_read_frame(r, s, rsp);
            state = DONE;
            break;
        }
    }
    if (rsp[0] < FUZZ_BT_HEADER || rsp[3] != cmd || rsp[2] != req[2] ||
        (rsp[1] & 0xf8) != (netfn & 0xf8)) {
        fuzz_fail("READ_BYTES: the answer %02x %02x %02x %02x is not for request "
                  "%02x %02x %02x", rsp[0], rsp[1], rsp[2], rsp[3], netfn, req[2], cmd);
    }
    return n;
}

/* The host's way out: its IDLE housekeeping, then Get Device ID and the capabilities. */
static void host_recover(struct rig *r)
{
    const size_t want = 2 + FUZZ_RESPONSE_HEADER + FUZZ_GET_DEVICE_ID_RSP_LEN;
    uint8_t rsp[FRAME_MAX] = { 0 };
    size_t n;
    uint8_t s;

    if (r->hard_recovery) {
        host_hard_reset(r);
    }
    /* BT_STATE_IDLE: SMS_ATN seen and cleared, a leftover H_BUSY cleared. */
    s = host_status(r);
    if (s & CTL(SMS_ATN)) {
        host_ctl(r, CTL(SMS_ATN));
    }
    if (host_status(r) & CTL(H_BUSY)) {
        host_ctl(r, CTL(H_BUSY));
    }
    n = host_transaction(r, FUZZ_GET_DEVICE_ID_NETFN << FUZZ_NETFN_SHIFT,
                         FUZZ_GET_DEVICE_ID_CMD, rsp);
    if (n != want || rsp[4] != FUZZ_CC_SUCCESS || rsp[5] != DEVICE_ID) {
        fuzz_fail("Get Device ID: %zu bytes, completion code %02x, device id %02x; want "
                  "%zu bytes, %02x, %02x", n, rsp[4], rsp[5], want, FUZZ_CC_SUCCESS, DEVICE_ID);
    }
    /* bt_detect(): at least 8 bytes once length and sequence are gone, success. */
    n = host_transaction(r, APP_REQ, FUZZ_BT_CAPABILITIES_COMMAND, rsp);
    if (n < 10 || rsp[4] != FUZZ_CC_SUCCESS || rsp[8] != FUZZ_BT_RESPONSE_SECONDS ||
        rsp[9] != FUZZ_BT_RETRIES) {
        fuzz_fail("Get BT Interface Capabilities: %zu bytes, completion code %02x", n, rsp[4]);
    }
    s = host_status(r);
    if (s & (CTL(B_BUSY) | CTL(B2H_ATN) | CTL(H_BUSY))) {
        fuzz_fail("after the host's transactions: control %02x", s);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct rig rig;
    struct fuzz_input in = { data, size };

    memset(&rig, 0, sizeof(rig));
    bt_machine_init(&rig.m);
    fuzz_bmc_start(&rig.bmc, DEVICE_ID);
    check_invariants(&rig);
    while (in.left > 0) {
        run_op(&rig, &in);
    }
    host_recover(&rig);
    return 0;
}
