/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BT machine's register interface: what each access does around the generated
 * transition table (generated/bt_machine.c), the interrupt, and what each call reports
 * back. Contracts are in bt.h.
 */
#include "bt.h"

#include "bytes.h"
#include "bt_vocabulary.h"

/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result != 0 <==> bt_irq_level(m);
*/
static bool bt_irq(const struct bt_machine *m)
{
    return m->irq_enabled && m->b2h_irq;
}

/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result.value == value && \result.request == request;
  ensures \result.irq_level != 0 <==> bt_irq_level(m);
  ensures \result.irq_changed != 0 <==> (before != 0 <==> !bt_irq_level(m));
*/
static struct bt_result bt_result(const struct bt_machine *m, bool before, uint8_t value,
                                  bool request)
{
    struct bt_result r;

    r.value = value;
    r.irq_level = bt_irq(m);
    r.irq_changed = r.irq_level != before;
    r.request = request;
    return r;
}

/*
 * B2H_IRQ latches when the machine offers a response with B2H_IRQ_EN set (the words
 * that offer one see to that), and when the host turns B2H_IRQ_EN on while B2H_ATN or
 * SMS_ATN is already up. With B2H_IRQ_EN off it stays clear.
 */
/*@
  requires bt_valid(m);
  assigns m->b2h_irq;
  ensures bt_valid(m);
  ensures m->b2h_irq != 0 ==> m->b2h_irq_en != 0;
  ensures m->b2h_irq_en != 0 && \old(m->b2h_irq) != 0 ==> m->b2h_irq != 0;
  ensures m->b2h_irq != 0 && \old(m->b2h_irq) == 0 ==> m->b2h_irq_en != 0;
*/
static void bt_latch_irq(struct bt_machine *m, bool was_enabled)
{
    bool pending = m->phase == BT_PHASE_RESPONSE || m->sms_atn;

    if (!m->b2h_irq_en) {
        m->b2h_irq = false;
    } else if (!was_enabled && pending) {
        m->b2h_irq = true;
    }
}

void bt_machine_init(struct bt_machine *m)
{
    m->phase = BT_PHASE_IDLE;
    m->request_id = 0;
    m->seq = 0;
    m->netfn = 0;
    m->command = 0;
    m->h_busy = false;
    m->sms_atn = false;
    m->b2h_irq_en = false;
    m->b2h_irq = false;
    m->irq_enabled = false;
    m->request_overrun = false;
    m->request_len = 0;
    m->response_len = 0;
    m->response_pos = 0;
    bytes_clear(m->request, sizeof(m->request));
    bytes_clear(m->response, sizeof(m->response));
    bytes_clear(m->message, sizeof(m->message));
}

struct bt_result bt_machine_reset(struct bt_machine *m)
{
    bool before = bt_irq(m);
    bool irq_enabled = m->irq_enabled;
    bool sms_atn = m->sms_atn;
    uint8_t request_id = m->request_id;

    bt_machine_init(m);
    m->irq_enabled = irq_enabled;
    m->sms_atn = sms_atn;
    m->request_id = request_id;
    return bt_result(m, before, 0, false);
}

bool bt_machine_consistent(const struct bt_machine *m)
{
    if (m->phase >= BT_PHASE_COUNT || m->request_len > BT_REQUEST_CAPACITY ||
        m->response_pos > m->response_len || m->response_len > BT_RESPONSE_CAPACITY) {
        return false;
    }
    if (bt_phase_awaits(m->phase) &&
        (m->request_len < BT_HEADER_LEN || m->request_overrun ||
         m->request[0] != m->request_len - 1)) {
        return false;
    }
    return m->phase != BT_PHASE_RESPONSE ||
           (m->response_len >= BT_HEADER_LEN + 1 && m->response[0] == m->response_len - 1);
}

struct bt_result bt_machine_read(struct bt_machine *m, uint8_t offset)
{
    bool before = bt_irq(m);
    uint8_t value = 0xff;

    if (offset == BT_REG_CONTROL) {
        value = bt_read_control(m);
    } else if (offset == BT_REG_MASK) {
        value = bt_read_mask(m);
    } else if (offset == BT_REG_BUFFER && m->response_pos < m->response_len) {
        value = m->response[m->response_pos];
        m->response_pos++;
    }
    return bt_result(m, before, value, false);
}

struct bt_result bt_machine_write(struct bt_machine *m, uint8_t offset, uint8_t value)
{
    bool before = bt_irq(m);
    bool was_busy = bt_phase_awaits(m->phase);
    bool was_enabled = m->b2h_irq_en;

    if (offset == BT_REG_CONTROL) {
        bt_on_control(m, value);
    } else if (offset == BT_REG_BUFFER) {
        bt_on_buffer(m, value);
    } else if (offset == BT_REG_MASK) {
        bt_on_mask(m, value);
    }
    bt_latch_irq(m, was_enabled);
    /* Only the write that sends a request makes the BMC busy. */
    return bt_result(m, before, 0, !was_busy && bt_phase_awaits(m->phase));
}

const uint8_t *bt_machine_message(const struct bt_machine *m)
{
    return m->message;
}

size_t bt_machine_message_len(const struct bt_machine *m)
{
    return (size_t)m->request_len - BT_FRAMING_LEN;
}

struct bt_result bt_machine_respond(struct bt_machine *m, uint8_t request_id,
                                    const uint8_t *response, size_t len)
{
    bool before = bt_irq(m);

    if (request_id == m->request_id && bt_phase_awaits(m->phase)) {
        bt_on_response(m, response, len);
    }
    return bt_result(m, before, 0, false);
}

struct bt_result bt_machine_set_attention(struct bt_machine *m, bool on, bool irq)
{
    bool before = bt_irq(m);

    /* A response that already interrupted the host covers SMS_ATN too. */
    if (on && !m->sms_atn && irq && m->b2h_irq_en && m->phase != BT_PHASE_RESPONSE) {
        m->b2h_irq = true;
    } else if (!on && m->sms_atn && m->phase != BT_PHASE_RESPONSE) {
        m->b2h_irq = false;
    }
    m->sms_atn = on;
    return bt_result(m, before, 0, false);
}

struct bt_result bt_machine_set_irq_enable(struct bt_machine *m, bool on)
{
    bool before = bt_irq(m);

    m->irq_enabled = on;
    return bt_result(m, before, 0, false);
}
