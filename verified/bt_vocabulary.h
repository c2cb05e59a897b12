/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The words spec/bt.yaml writes its rules in, and what the rules written in them must
 * add up to.
 *
 * Each guard and effect the spec declares is a function here, named bt_<word>; the
 * generated machine (generated/bt_machine.c) calls them, one call per word of a rule.
 * An effect promises only the bounds of the buffers and its own change: the invariant's
 * clauses about the phase are the generated step's to restore, since a rule may move
 * the phase after its effects. The steps' own contracts, below, are the properties any
 * BT spec must keep.
 */
#ifndef BT_VOCABULARY_H
#define BT_VOCABULARY_H

#include "bt.h"
#include "ipmi_messages.h"

/*@
  // Pointers within their buffers and a known phase: what holds between two effects.
  predicate bt_bounded(struct bt_machine *m) =
    \valid(m) && m->phase < BT_PHASE_COUNT
    && m->request_len <= BT_REQUEST_CAPACITY
    && m->response_pos <= m->response_len <= BT_RESPONSE_CAPACITY;

  predicate bt_asks_capabilities(struct bt_machine *m) =
    m->request[1] / (1 << IPMI_NETFN_SHIFT) == IPMI_NETFN_APP
    && m->request[3] == BT_CAPABILITIES_COMMAND;
*/

/* ---- Guards. Each group's members are exclusive and cover every case. ---- */

/*@
  requires bt_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> m->request_len < BT_REQUEST_CAPACITY;
*/
bool bt_request_has_room(const struct bt_machine *m);

/*@
  requires bt_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> m->request_len >= BT_REQUEST_CAPACITY;
*/
bool bt_request_full(const struct bt_machine *m);

/*@
  requires bt_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> m->request_len < BT_HEADER_LEN;
*/
bool bt_request_too_short(const struct bt_machine *m);

/*@
  requires bt_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> m->request_len >= BT_HEADER_LEN && !bt_request_whole(m);
*/
bool bt_request_length_wrong(const struct bt_machine *m);

/*@
  requires bt_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> bt_request_whole(m) && bt_asks_capabilities(m);
*/
bool bt_request_asks_capabilities(const struct bt_machine *m);

/*@
  requires bt_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> bt_request_whole(m) && !bt_asks_capabilities(m);
*/
bool bt_request_for_bmc(const struct bt_machine *m);

/*@
  assigns \nothing;
  ensures \result != 0 <==> len < IPMI_RESPONSE_HEADER;
*/
bool bt_response_too_short(const struct bt_machine *m, const uint8_t *response, size_t len);

/*@
  assigns \nothing;
  ensures \result != 0 <==> IPMI_RESPONSE_HEADER <= len <= BT_RESPONSE_CAPACITY - 2;
*/
bool bt_response_fits(const struct bt_machine *m, const uint8_t *response, size_t len);

/*@
  assigns \nothing;
  ensures \result != 0 <==> len > BT_RESPONSE_CAPACITY - 2;
*/
bool bt_response_too_long(const struct bt_machine *m, const uint8_t *response, size_t len);

/* ---- Effects. ---- */

/*@
  requires bt_bounded(m);
  assigns m->request_len, m->request_overrun;
  ensures bt_bounded(m) && m->request_len == 0 && m->request_overrun == 0;
*/
void bt_clear_request(struct bt_machine *m);

/*@
  requires bt_bounded(m) && m->request_len < BT_REQUEST_CAPACITY;
  assigns m->request[m->request_len], m->request_len;
  ensures bt_bounded(m);
  ensures m->request_len == \old(m->request_len) + 1;
  ensures m->request[\old(m->request_len)] == value;
*/
void bt_store_byte(struct bt_machine *m, uint8_t value);

/*@
  requires bt_bounded(m);
  assigns m->request_overrun;
  ensures bt_bounded(m) && m->request_overrun != 0;
*/
void bt_note_overrun(struct bt_machine *m);

/*@
  requires bt_bounded(m);
  assigns m->response_pos;
  ensures bt_bounded(m) && m->response_pos == 0;
*/
void bt_rewind_response(struct bt_machine *m);

/*@
  requires bt_bounded(m);
  assigns m->response_len, m->response_pos, m->b2h_irq;
  ensures bt_bounded(m) && m->response_len == 0 && m->response_pos == 0;
  ensures m->b2h_irq == 0;
*/
void bt_forget_response(struct bt_machine *m);

/*@
  requires bt_bounded(m) && m->request_len >= BT_HEADER_LEN;
  assigns m->netfn, m->seq, m->command;
  ensures bt_bounded(m);
  ensures m->netfn == m->request[1] && m->seq == m->request[2] && m->command == m->request[3];
*/
void bt_take_header(struct bt_machine *m);

/*
 * The message for the BMC is the request without its length and sequence bytes: NetFn,
 * command and data. The request buffer stays as the host wrote it, so that H2B_ATN
 * again sends the same request.
 */
/*@
  requires bt_bounded(m) && bt_request_whole(m);
  assigns m->message[0 .. BT_REQUEST_CAPACITY - BT_FRAMING_LEN - 1], m->request_id;
  ensures bt_bounded(m);
  ensures m->message[0] == m->request[1];
  ensures \forall integer k; 1 <= k < m->request_len - BT_FRAMING_LEN ==>
          m->message[k] == m->request[k + BT_FRAMING_LEN];
  ensures m->request_id != \old(m->request_id);
*/
void bt_deliver_request(struct bt_machine *m);

/*
 * The three words that offer a response: each raises B2H_ATN (the rule moves to a
 * phase that shows it), and so latches B2H_IRQ when the host has B2H_IRQ_EN set.
 */
/*@
  predicate bt_interrupted{L1, L2}(struct bt_machine *m) =
    (\at(m->b2h_irq, L2) != 0 <==> \at(m->b2h_irq, L1) != 0 || \at(m->b2h_irq_en, L1) != 0);
*/

/*@
  requires bt_bounded(m);
  assigns m->response[0 .. BT_HEADER_LEN], m->response_len, m->response_pos, m->b2h_irq;
  ensures bt_bounded(m) && bt_response_whole(m) && m->response_pos == 0;
  ensures m->response_len == BT_HEADER_LEN + 1 && m->response[BT_HEADER_LEN] == code;
  ensures bt_interrupted{Pre, Post}(m);
*/
void bt_answer_request_with(struct bt_machine *m, uint8_t code);

/*@
  requires bt_bounded(m);
  assigns m->response[0 .. 9], m->response_len, m->response_pos, m->b2h_irq;
  ensures bt_bounded(m) && bt_response_whole(m) && m->response_pos == 0;
  ensures m->response_len == 10 && m->response[BT_HEADER_LEN] == IPMI_CC_SUCCESS;
  ensures bt_interrupted{Pre, Post}(m);
*/
void bt_answer_capabilities(struct bt_machine *m);

/*@
  requires bt_bounded(m);
  requires IPMI_RESPONSE_HEADER <= len <= BT_RESPONSE_CAPACITY - 2;
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->response[0 .. len + 1], m->response_len, m->response_pos, m->b2h_irq;
  ensures bt_bounded(m) && bt_response_whole(m) && m->response_pos == 0;
  ensures bt_interrupted{Pre, Post}(m);
  ensures m->response_len == len + 2;
  ensures m->response[1] == response[0] && m->response[2] == m->seq;
  ensures \forall integer k; 1 <= k < len ==> m->response[k + 2] == response[k];
*/
void bt_load_response(struct bt_machine *m, const uint8_t *response, size_t len);

/* ---- The generated steps: what every BT spec must add up to. ---- */

/* Each control or mask bit whose write is an event has a step of its own. */

/* CLR_WR_PTR: a new request begins, unless the BMC holds one. */
/*@
  requires bt_valid(m);
  assigns m->request_len, m->request_overrun;
  ensures bt_valid(m);
  ensures !bt_busy(m) ==> m->request_len == 0;
*/
void bt_on_control_clr_wr_ptr(struct bt_machine *m);

/*@
  requires bt_valid(m);
  assigns m->response_pos;
  ensures bt_valid(m) && m->response_pos == 0;
*/
void bt_on_control_clr_rd_ptr(struct bt_machine *m);

/* B2H_ATN cleared: the host has the response; it starts or ends nothing else. */
/*@
  requires bt_valid(m);
  assigns m->phase;
  ensures bt_valid(m);
  ensures m->phase != BT_PHASE_RESPONSE;
  ensures bt_busy(m) <==> bt_busy{Pre}(m);
*/
void bt_on_control_b2h_atn(struct bt_machine *m);

/*
 * H2B_ATN: the request goes to the BMC only whole and only when none is in flight,
 * under a new request id; or the machine answers it itself.
 */
/*@
  requires bt_valid(m);
  assigns m->phase, m->message[0 .. BT_REQUEST_CAPACITY - BT_FRAMING_LEN - 1],
          m->request_id, m->seq, m->netfn, m->command,
          m->response[0 .. BT_RESPONSE_CAPACITY - 1], m->response_len, m->response_pos,
          m->b2h_irq;
  ensures bt_valid(m);
  ensures m->b2h_irq != 0 ==> \old(m->b2h_irq) != 0 || m->b2h_irq_en != 0;
  ensures m->phase == BT_PHASE_RESPONSE && \old(m->phase) != BT_PHASE_RESPONSE ==>
          bt_interrupted{Pre, Post}(m);
  ensures bt_busy{Pre}(m) ==> bt_busy(m) && m->request_id == \old(m->request_id);
  ensures bt_busy(m) && !bt_busy{Pre}(m) ==> m->request_id != \old(m->request_id);
  ensures !bt_busy(m) ==> m->request_id == \old(m->request_id);
*/
void bt_on_control_h2b_atn(struct bt_machine *m);

/* BMC_HWRST: the interface starts over, whatever it was doing. */
/*@
  requires bt_valid(m);
  assigns m->phase, m->request_len, m->request_overrun, m->response_len, m->response_pos,
          m->b2h_irq;
  ensures bt_valid(m) && m->phase == BT_PHASE_IDLE && m->b2h_irq == 0;
*/
void bt_on_mask_bmc_hwrst(struct bt_machine *m);

/*
 * A write to the control register. A request goes to the BMC only whole and only
 * when none is in flight, under a new request id; once it has gone, no control write
 * takes it back.
 */
/*@
  requires bt_valid(m);
  assigns m->phase, m->request_len, m->request_overrun,
          m->message[0 .. BT_REQUEST_CAPACITY - BT_FRAMING_LEN - 1], m->request_id, m->seq,
          m->netfn, m->command, m->sms_atn, m->h_busy,
          m->response[0 .. BT_RESPONSE_CAPACITY - 1], m->response_len, m->response_pos,
          m->b2h_irq;
  ensures bt_valid(m);
  ensures m->b2h_irq != 0 ==> \old(m->b2h_irq) != 0 || m->b2h_irq_en != 0;
  ensures bt_busy{Pre}(m) ==> bt_busy(m) && m->request_id == \old(m->request_id);
  ensures bt_busy(m) && !bt_busy{Pre}(m) ==> m->request_id != \old(m->request_id);
  ensures !bt_busy(m) ==> m->request_id == \old(m->request_id);
*/
void bt_on_control(struct bt_machine *m, uint8_t value);

/*@
  requires bt_valid(m);
  assigns \nothing;
  ensures \result == bt_control_of(m);
*/
uint8_t bt_read_control(const struct bt_machine *m);

/* A write to the interrupt mask register: it never starts a request. */
/*@
  requires bt_valid(m);
  assigns m->b2h_irq_en, m->b2h_irq, m->phase, m->request_len, m->request_overrun,
          m->response_len, m->response_pos;
  ensures bt_valid(m);
  ensures bt_busy(m) ==> bt_busy{Pre}(m);
*/
void bt_on_mask(struct bt_machine *m, uint8_t value);

/*@
  requires bt_valid(m);
  assigns \nothing;
  ensures \result == bt_mask_of(m);
*/
uint8_t bt_read_mask(const struct bt_machine *m);

/* A byte written to the buffer: it changes the request only while none is in flight. */
/*@
  requires bt_valid(m);
  assigns m->request[0 .. BT_REQUEST_CAPACITY - 1], m->request_len, m->request_overrun;
  ensures bt_valid(m);
  ensures bt_busy(m) ==> m->request_len == \old(m->request_len);
*/
void bt_on_buffer(struct bt_machine *m, uint8_t value);

/* The BMC's answer to the request it holds: a whole response is offered. */
/*@
  requires bt_valid(m) && bt_busy(m);
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->phase, m->response[0 .. BT_RESPONSE_CAPACITY - 1], m->response_len,
          m->response_pos, m->b2h_irq;
  ensures bt_valid(m);
  ensures m->phase == BT_PHASE_RESPONSE && m->response_pos == 0;
  ensures bt_interrupted{Pre, Post}(m);
*/
void bt_on_response(struct bt_machine *m, const uint8_t *response, size_t len);

#endif /* BT_VOCABULARY_H */
