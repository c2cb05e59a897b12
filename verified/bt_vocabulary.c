/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The guards and effects spec/bt.yaml writes its rules in; their contracts are in
 * bt_vocabulary.h.
 */
#include "bt_vocabulary.h"

bool bt_request_has_room(const struct bt_machine *m)
{
    return m->request_len < BT_REQUEST_CAPACITY;
}

bool bt_request_full(const struct bt_machine *m)
{
    return m->request_len >= BT_REQUEST_CAPACITY;
}

bool bt_request_too_short(const struct bt_machine *m)
{
    return m->request_len < BT_HEADER_LEN;
}

/*@
  requires bt_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> bt_request_whole(m);
*/
static bool bt_request_is_whole(const struct bt_machine *m)
{
    return m->request_len >= BT_HEADER_LEN && !m->request_overrun &&
           m->request[0] == m->request_len - 1;
}

/*@
  requires bt_bounded(m) && m->request_len >= BT_HEADER_LEN;
  assigns \nothing;
  ensures \result != 0 <==> bt_asks_capabilities(m);
*/
static bool bt_is_capabilities_request(const struct bt_machine *m)
{
    return m->request[1] / (1u << IPMI_NETFN_SHIFT) == IPMI_NETFN_APP &&
           m->request[3] == BT_CAPABILITIES_COMMAND;
}

bool bt_request_length_wrong(const struct bt_machine *m)
{
    return m->request_len >= BT_HEADER_LEN && !bt_request_is_whole(m);
}

bool bt_request_asks_capabilities(const struct bt_machine *m)
{
    return bt_request_is_whole(m) && bt_is_capabilities_request(m);
}

bool bt_request_for_bmc(const struct bt_machine *m)
{
    return bt_request_is_whole(m) && !bt_is_capabilities_request(m);
}

/* The response guards look at its length only; they take what every response word
 * takes so that the generated code calls each word the same way. */
bool bt_response_too_short(const struct bt_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len < IPMI_RESPONSE_HEADER;
}

bool bt_response_fits(const struct bt_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len >= IPMI_RESPONSE_HEADER && len <= BT_RESPONSE_CAPACITY - 2;
}

bool bt_response_too_long(const struct bt_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len > BT_RESPONSE_CAPACITY - 2;
}

void bt_clear_request(struct bt_machine *m)
{
    m->request_len = 0;
    m->request_overrun = false;
}

void bt_store_byte(struct bt_machine *m, uint8_t value)
{
    m->request[m->request_len] = value;
    m->request_len++;
}

void bt_note_overrun(struct bt_machine *m)
{
    m->request_overrun = true;
}

void bt_rewind_response(struct bt_machine *m)
{
    m->response_pos = 0;
}

void bt_forget_response(struct bt_machine *m)
{
    m->response_len = 0;
    m->response_pos = 0;
    m->b2h_irq = false;
}

void bt_take_header(struct bt_machine *m)
{
    m->netfn = m->request[1];
    m->seq = m->request[2];
    m->command = m->request[3];
}

void bt_deliver_request(struct bt_machine *m)
{
    size_t i;

    m->message[0] = m->request[1];
    /*@
      loop invariant 1 <= i <= m->request_len - BT_FRAMING_LEN;
      loop invariant m->message[0] == m->request[1];
      loop invariant \forall integer k; 1 <= k < i ==>
                     m->message[k] == m->request[k + BT_FRAMING_LEN];
      loop assigns i, m->message[1 .. BT_REQUEST_CAPACITY - BT_FRAMING_LEN - 1];
      loop variant m->request_len - BT_FRAMING_LEN - i;
    */
    for (i = 1; i < (size_t)m->request_len - BT_FRAMING_LEN; i++) {
        m->message[i] = m->request[i + BT_FRAMING_LEN];
    }
    m->request_id = m->request_id == UINT8_MAX ? 0 : (uint8_t)(m->request_id + 1);
}

/*@
  requires bt_bounded(m);
  assigns m->b2h_irq;
  ensures bt_interrupted{Pre, Post}(m);
*/
static void bt_offer(struct bt_machine *m)
{
    m->b2h_irq = m->b2h_irq || m->b2h_irq_en;
}

/*@
  requires bt_bounded(m);
  requires BT_HEADER_LEN + 1 <= len <= BT_RESPONSE_CAPACITY;
  assigns m->response[0 .. BT_HEADER_LEN], m->response_len, m->response_pos, m->b2h_irq;
  ensures bt_bounded(m) && bt_response_whole(m) && m->response_pos == 0;
  ensures m->response_len == len && m->response[BT_HEADER_LEN] == code;
  ensures m->response[1] == (m->netfn | IPMI_RESPONSE_NETFN_BIT);
  ensures bt_interrupted{Pre, Post}(m);
*/
static void bt_answer_header(struct bt_machine *m, uint16_t len, uint8_t code)
{
    /* The response NetFn is the request's plus one: the bit above the LUN. */
    m->response[0] = (uint8_t)(len - 1);
    m->response[1] = m->netfn | IPMI_RESPONSE_NETFN_BIT;
    m->response[2] = m->seq;
    m->response[3] = m->command;
    m->response[BT_HEADER_LEN] = code;
    m->response_len = len;
    m->response_pos = 0;
    bt_offer(m);
}

void bt_answer_request_with(struct bt_machine *m, uint8_t code)
{
    bt_answer_header(m, BT_HEADER_LEN + 1, code);
}

void bt_answer_capabilities(struct bt_machine *m)
{
    bt_answer_header(m, 10, IPMI_CC_SUCCESS);
    m->response[5] = BT_CAPABILITIES_OUTSTANDING_REQUESTS;
    /* Each buffer as the largest length byte it takes. */
    m->response[6] = BT_REQUEST_CAPACITY - 1;
    m->response[7] = BT_RESPONSE_CAPACITY - 1;
    m->response[8] = BT_CAPABILITIES_RESPONSE_SECONDS;
    m->response[9] = BT_CAPABILITIES_RETRIES;
}

void bt_load_response(struct bt_machine *m, const uint8_t *response, size_t len)
{
    size_t i;

    /* The length byte counts NetFn, sequence, command, completion code and data. */
    m->response[0] = (uint8_t)(len + 1);
    m->response[1] = response[0];
    m->response[2] = m->seq;
    /*@
      loop invariant 1 <= i <= len;
      loop invariant \forall integer k; 1 <= k < i ==> m->response[k + 2] == response[k];
      loop invariant m->response[0] == len + 1 && m->response[1] == response[0];
      loop invariant m->response[2] == m->seq;
      loop assigns i, m->response[3 .. len + 1];
      loop variant len - i;
    */
    for (i = 1; i < len; i++) {
        m->response[i + 2] = response[i];
    }
    m->response_len = (uint16_t)(len + 2);
    m->response_pos = 0;
    bt_offer(m);
}
