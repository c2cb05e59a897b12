/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Conversion between struct bt_machine and upstream QEMU 10.0's BT migration fields
 * (bt_migrate.h).
 */
#include "bt_migrate.h"

#include "bytes.h"
#include "bt_vocabulary.h"

/* Ours are the smaller buffers: each fits in upstream's, with room for an overrun. */
typedef char bt_migrate_request_size_check[
    BT_REQUEST_CAPACITY < BT_UPSTREAM_MSG_SIZE ? 1 : -1];
typedef char bt_migrate_response_size_check[
    BT_RESPONSE_CAPACITY <= BT_UPSTREAM_MSG_SIZE ? 1 : -1];

/* One of our buffers into one of upstream's, the rest of which is zero. */
/*@
  requires \valid(dst + (0 .. BT_UPSTREAM_MSG_SIZE - 1));
  requires 0 <= len <= BT_UPSTREAM_MSG_SIZE;
  requires \valid_read(src + (0 .. len - 1));
  requires \separated(dst + (0 .. BT_UPSTREAM_MSG_SIZE - 1), src + (0 .. len - 1));
  assigns dst[0 .. BT_UPSTREAM_MSG_SIZE - 1];
  ensures \forall integer k; 0 <= k < len ==> dst[k] == src[k];
*/
static void bt_migrate_fill(uint8_t *dst, const uint8_t *src, size_t len)
{
    bytes_copy(dst, src, len);
    bytes_clear(dst + len, BT_UPSTREAM_MSG_SIZE - len);
}

void bt_migrate_to_upstream(const struct bt_machine *m, struct bt_upstream *u)
{
    bool busy = bt_phase_awaits(m->phase);

    bt_migrate_fill(u->inmsg, m->request, BT_REQUEST_CAPACITY);
    bt_migrate_fill(u->outmsg, m->response, BT_RESPONSE_CAPACITY);
    if (busy) {
        /* The BMC holds it: shuffled as upstream hands it over. */
        u->inmsg[2] = m->request[1];
    }
    u->obf_irq_set = false;
    u->atn_irq_set = false;
    u->irqs_enabled = m->irq_enabled;
    u->control_reg = bt_read_control(m);
    u->mask_reg = bt_read_mask(m);
    u->waiting_seq = m->seq;
    /* Upstream names the next request, ours the last one, but for the one held. */
    if (busy) {
        u->waiting_rsp = m->request_id;
    } else {
        u->waiting_rsp = m->request_id == UINT8_MAX ? 0 : (uint8_t)(m->request_id + 1u);
    }
    /* Upstream counts writes past its buffer on; one past ours says it overran. */
    u->inlen = m->request_overrun ? BT_REQUEST_CAPACITY + 1u : m->request_len;
    if (m->response_pos < m->response_len) {
        u->outpos = m->response_pos;
        u->outlen = m->response_len;
    } else {
        /* Read to its end: upstream drops both pointers at the last byte. */
        u->outpos = 0;
        u->outlen = 0;
    }
}

/* The id before id: ours names the last request, upstream the next one. */
/*@
  assigns \nothing;
  ensures \result == (id + 255) % 256;
*/
static uint8_t bt_migrate_previous(uint8_t id)
{
    return id == 0 ? UINT8_MAX : (uint8_t)(id - 1u);
}

/* A bit of one of upstream's registers, as bt_bit reads it. */
/*@
  requires mask == 1 || mask == 2 || mask == 8 || mask == 16 || mask == 32 || mask == 64
           || mask == 128;
  assigns \nothing;
  ensures \result != 0 <==> bt_bit(value, mask);
*/
static bool bt_migrate_bit(uint8_t value, uint8_t mask)
{
    return (value / mask) % 2u != 0;
}

/*@
  requires \valid_read(u);
  assigns \nothing;
  ensures \result != 0 <==> bt_upstream_held(u);
*/
static bool bt_migrate_held(const struct bt_upstream *u)
{
    return bt_migrate_bit(u->control_reg, BT_CONTROL_B_BUSY) && u->inlen >= BT_HEADER_LEN &&
           u->inlen <= BT_REQUEST_CAPACITY && u->inmsg[0] == u->inlen - 1u &&
           u->inmsg[2] == u->inmsg[1];
}

/*
 * The registers' flags and the lengths, once the registers hold only upstream's bits
 * and the pointers are within our buffer. By value, so that what the caller promises
 * about them is about upstream's fields as they came.
 */
/*@
  requires \valid(m);
  requires control % BT_CONTROL_B2H_ATN == 0 && mask <= BT_MASK_B2H_IRQ_EN + BT_MASK_B2H_IRQ;
  requires outpos <= outlen <= BT_RESPONSE_CAPACITY;
  assigns m->h_busy, m->sms_atn, m->b2h_irq_en, m->b2h_irq, m->irq_enabled,
          m->request_len, m->request_overrun, m->response_len, m->response_pos;
  ensures m->h_busy != 0 <==> bt_bit(control, BT_CONTROL_H_BUSY);
  ensures m->sms_atn != 0 <==> bt_bit(control, BT_CONTROL_SMS_ATN);
  ensures bt_mask_of(m) == mask;
  ensures m->irq_enabled == irqs;
  ensures m->request_overrun != 0 <==> inlen > BT_REQUEST_CAPACITY;
  ensures m->request_len <= BT_REQUEST_CAPACITY;
  ensures inlen <= BT_REQUEST_CAPACITY ==> m->request_len == inlen;
  ensures m->response_len == outlen && m->response_pos == outpos;
*/
static void bt_migrate_take_fields(struct bt_machine *m, uint8_t control, uint8_t mask,
                                   bool irqs, uint32_t inlen, uint32_t outlen,
                                   uint32_t outpos)
{
    m->h_busy = bt_migrate_bit(control, BT_CONTROL_H_BUSY);
    m->sms_atn = bt_migrate_bit(control, BT_CONTROL_SMS_ATN);
    m->b2h_irq_en = bt_migrate_bit(mask, BT_MASK_B2H_IRQ_EN);
    m->b2h_irq = bt_migrate_bit(mask, BT_MASK_B2H_IRQ);
    m->irq_enabled = irqs;
    if (inlen > BT_REQUEST_CAPACITY) {
        /* Ours stops at its last byte and notes the overrun. */
        m->request_len = BT_REQUEST_CAPACITY;
        m->request_overrun = true;
    } else {
        m->request_len = (uint16_t)inlen;
        m->request_overrun = false;
    }
    m->response_len = (uint16_t)outlen;
    m->response_pos = (uint16_t)outpos;
}

/* What no state of upstream's has: a register bit it does not keep, a response
 * longer than ours, a read pointer past the end. */
/*@
  requires \valid_read(u);
  assigns \nothing;
  ensures \result != 0 <==> bt_upstream_registers(u)
                           && u->outpos <= u->outlen <= BT_RESPONSE_CAPACITY;
*/
static bool bt_migrate_acceptable(const struct bt_upstream *u)
{
    return u->control_reg % BT_CONTROL_B2H_ATN == 0 &&
           !bt_migrate_bit(u->control_reg, BT_CONTROL_OEM0) &&
           u->mask_reg <= BT_MASK_B2H_IRQ_EN + BT_MASK_B2H_IRQ &&
           u->outlen <= BT_RESPONSE_CAPACITY && u->outpos <= u->outlen;
}

/*
 * The buffers as upstream holds them. The contract says only what the caller's needs
 * (each length byte), so that no quantifier over the bytes weighs on its proof.
 */
/*@
  requires \valid_read(u) && \valid(m) && \separated(m, u);
  assigns m->request[0 .. BT_REQUEST_CAPACITY - 1], m->response[0 .. BT_RESPONSE_CAPACITY - 1];
  ensures m->request[0] == u->inmsg[0] && m->response[0] == u->outmsg[0];
*/
static void bt_migrate_take_buffers(const struct bt_upstream *u, struct bt_machine *m)
{
    bytes_copy(m->request, u->inmsg, BT_REQUEST_CAPACITY);
    bytes_copy(m->response, u->outmsg, BT_RESPONSE_CAPACITY);
}

/* The message the BMC holds: upstream's shuffled request from the NetFn on. */
/*@
  requires \valid_read(u) && \valid(m) && \separated(m, u);
  requires BT_HEADER_LEN <= len <= BT_REQUEST_CAPACITY;
  assigns m->message[0 .. BT_REQUEST_CAPACITY - BT_FRAMING_LEN - 1];
*/
static void bt_migrate_take_message(const struct bt_upstream *u, struct bt_machine *m,
                                    uint16_t len)
{
    bytes_copy(m->message, u->inmsg + BT_FRAMING_LEN, len - BT_FRAMING_LEN);
}

bool bt_migrate_from_upstream(const struct bt_upstream *u, struct bt_machine *m)
{
    /* Upstream's fields as they came: nothing below writes them. */
    bool acceptable = bt_migrate_acceptable(u);
    bool held = bt_migrate_held(u);
    uint8_t control = u->control_reg;
    uint8_t mask = u->mask_reg;
    bool irqs = u->irqs_enabled;
    uint32_t inlen = u->inlen;
    uint32_t outlen = u->outlen;
    uint32_t outpos = u->outpos;
    uint8_t id = u->waiting_rsp;

    bt_machine_init(m);
    if (!acceptable) {
        return false;
    }
    bt_migrate_take_buffers(u, m);
    /*@ assert m->request[0] == \at(u->inmsg[0], Pre); */
    bt_migrate_take_fields(m, control, mask, irqs, inlen, outlen, outpos);
    m->seq = u->waiting_seq;
    m->netfn = u->inmsg[1];
    m->command = u->inmsg[3];
    /* The request the BMC holds keeps upstream's id; otherwise it was the last one. */
    m->request_id = held ? id : bt_migrate_previous(id);

    if (held) {
        /* Unshuffled: the sequence byte back in the request, the message as it went. */
        bt_migrate_take_message(u, m, m->request_len);
        m->request[2] = u->waiting_seq;
        m->phase = BT_PHASE_BUSY;
        /*@ assert m->request[0] == \at(u->inmsg[0], Pre); */
        return true;
    }
    if (!bt_migrate_bit(control, BT_CONTROL_B2H_ATN)) {
        m->phase = BT_PHASE_IDLE;
        return true;
    }
    if (m->response_len == 0) {
        /* Offered and read to its end: its length byte says how long it was. */
        m->response_len = (uint16_t)(m->response[0] + 1u);
        m->response_pos = m->response_len;
    }
    if (m->response_len < BT_HEADER_LEN + 1 || m->response[0] != m->response_len - 1u) {
        return false;
    }
    m->phase = BT_PHASE_RESPONSE;
    return true;
}

/*@
  requires \valid_read(a) && \valid_read(b);
  requires a->response_len <= BT_RESPONSE_CAPACITY && b->response_len <= BT_RESPONSE_CAPACITY;
  assigns \nothing;
  ensures \result != 0 <==>
    ((bt_response_spent(a) && bt_response_spent(b))
     || (a->response_len == b->response_len && a->response_pos == b->response_pos
         && \forall integer k; 0 <= k < a->response_len ==> a->response[k] == b->response[k]));
*/
static bool bt_migrate_response_alike(const struct bt_machine *a, const struct bt_machine *b)
{
    bool a_spent = a->phase != BT_PHASE_RESPONSE && a->response_pos == a->response_len;
    bool b_spent = b->phase != BT_PHASE_RESPONSE && b->response_pos == b->response_len;

    if (a_spent && b_spent) {
        return true;
    }
    return a->response_len == b->response_len && a->response_pos == b->response_pos &&
           bytes_equal(a->response, b->response, a->response_len);
}

bool bt_migrate_alike(const struct bt_machine *a, const struct bt_machine *b)
{
    if (a->phase != b->phase || a->request_id != b->request_id ||
        a->h_busy != b->h_busy || a->sms_atn != b->sms_atn ||
        a->b2h_irq_en != b->b2h_irq_en || a->b2h_irq != b->b2h_irq ||
        a->irq_enabled != b->irq_enabled || a->request_overrun != b->request_overrun ||
        a->request_len != b->request_len ||
        !bytes_equal(a->request, b->request, a->request_len) ||
        !bt_migrate_response_alike(a, b)) {
        return false;
    }
    if (!bt_phase_awaits(a->phase)) {
        return true;
    }
    return a->seq == b->seq && a->netfn == b->netfn && a->command == b->command &&
           bytes_equal(a->message, b->message, (size_t)a->request_len - BT_FRAMING_LEN);
}
