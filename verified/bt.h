/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BT system interface, BMC side (IPMI v2.0 section 11): the machine a device
 * forwards each register access to.
 *
 * The caller owns a struct bt_machine; every call returns what the caller must do
 * (raise or lower the IRQ line, hand a request to the BMC). The machine calls nothing
 * back, keeps no globals and never allocates. Its transfer rules come from spec/bt.yaml
 * through generated/bt_machine.{h,c}; this file and bt.c hold what no spec changes:
 * the interrupt, and the checks around each step.
 */
#ifndef BT_H
#define BT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bt_machine.h"

/* A BT message: length (of what follows), NetFn/LUN, sequence, command, data. */
#define BT_HEADER_LEN 4
/* What a BT request has that the message for the BMC has not: length and sequence. */
#define BT_FRAMING_LEN 2

struct bt_machine {
    uint8_t phase;          /* enum bt_phase */
    uint8_t request_id;     /* names the request in flight; a response must quote it */
    uint8_t seq;            /* the request's sequence number, NetFn/LUN and command, */
    uint8_t netfn;          /* which its answer repeats */
    uint8_t command;
    bool h_busy;            /* H_BUSY: the host says it is reading */
    bool sms_atn;           /* SMS_ATN: the BMC has something for system software */
    bool b2h_irq_en;        /* B2H_IRQ_EN: the host wants interrupts */
    bool b2h_irq;           /* B2H_IRQ: the BMC interrupted the host, until it clears this */
    bool irq_enabled;       /* the BMC enabled interrupts (Set BMC Global Enables) */
    bool request_overrun;   /* the host wrote past the end of the request buffer */
    uint16_t request_len;   /* the write pointer */
    uint16_t response_len;
    uint16_t response_pos;  /* the read pointer */
    uint8_t request[BT_REQUEST_CAPACITY];
    uint8_t response[BT_RESPONSE_CAPACITY];
    /* The request as the BMC takes it (NetFn/LUN, command, data), while it holds it. */
    uint8_t message[BT_REQUEST_CAPACITY - BT_FRAMING_LEN];
};

/* What an access returns: the byte read, the IRQ line and whether a request is ready. */
struct bt_result {
    uint8_t value;          /* the register's value, for reads; 0 for writes */
    bool irq_changed;       /* set the IRQ line to irq_level */
    bool irq_level;
    bool request;           /* bt_machine_message() is complete: hand it to the BMC */
};

/*@
  // A request whose length byte counts what was written, with a header to answer.
  predicate bt_request_whole(struct bt_machine *m) =
    BT_HEADER_LEN <= m->request_len <= BT_REQUEST_CAPACITY && m->request_overrun == 0
    && m->request[0] == m->request_len - 1;

  // A response framed whole: its length byte counts what follows it.
  predicate bt_response_whole(struct bt_machine *m) =
    BT_HEADER_LEN + 1 <= m->response_len <= BT_RESPONSE_CAPACITY
    && m->response[0] == m->response_len - 1;

  // What every function keeps: pointers within their buffers, a known phase, a whole
  // request while the BMC holds one, and a whole response while B2H_ATN offers one.
  predicate bt_invariant(struct bt_machine *m) =
    m->phase < BT_PHASE_COUNT
    && m->request_len <= BT_REQUEST_CAPACITY
    && m->response_pos <= m->response_len <= BT_RESPONSE_CAPACITY
    && (bt_awaits(m->phase) ==> bt_request_whole(m))
    && (m->phase == BT_PHASE_RESPONSE ==> bt_response_whole(m));

  predicate bt_valid(struct bt_machine *m) = \valid(m) && bt_invariant(m);

  predicate bt_busy(struct bt_machine *m) = bt_awaits(m->phase);

  // The control register: the phase's bits (B_BUSY, B2H_ATN) and the flags.
  logic integer bt_control_of(struct bt_machine *m) =
    bt_shows_of(m->phase) + (m->sms_atn != 0 ? BT_CONTROL_SMS_ATN : 0)
    + (m->h_busy != 0 ? BT_CONTROL_H_BUSY : 0);

  logic integer bt_mask_of(struct bt_machine *m) =
    (m->b2h_irq_en != 0 ? BT_MASK_B2H_IRQ_EN : 0) + (m->b2h_irq != 0 ? BT_MASK_B2H_IRQ : 0);

  predicate bt_irq_level(struct bt_machine *m) = m->irq_enabled != 0 && m->b2h_irq != 0;

  // A result reports the IRQ line as it is at After, and whether it moved since Before.
  predicate bt_reports_irq{Before, After}(struct bt_result r, struct bt_machine *m) =
    (r.irq_level != 0 <==> bt_irq_level{After}(m))
    && (r.irq_changed != 0 <==> !(bt_irq_level{Before}(m) <==> bt_irq_level{After}(m)));
*/

/*@
  requires \valid(m);
  assigns *m;
  ensures bt_valid(m);
  ensures m->phase == BT_PHASE_IDLE && bt_control_of(m) == 0 && bt_mask_of(m) == 0;
  ensures m->request_len == 0 && m->response_len == 0;
  ensures m->h_busy == 0 && m->b2h_irq_en == 0 && m->b2h_irq == 0;
  ensures m->irq_enabled == 0 && !bt_irq_level(m);
*/
void bt_machine_init(struct bt_machine *m);

/*
 * A reset of the host side: any transfer ends, the buffers empty and the host's
 * interrupt mask clears, as after power-on; what the BMC set stays (its interrupt
 * enable, SMS_ATN), and so does the request id, so that a late answer to a request
 * from before the reset cannot match a new one.
 */
/*@
  requires bt_valid(m);
  assigns *m;
  ensures bt_valid(m);
  ensures m->phase == BT_PHASE_IDLE && m->request_len == 0 && m->response_len == 0;
  ensures m->h_busy == 0 && m->b2h_irq_en == 0 && m->b2h_irq == 0;
  ensures m->irq_enabled == \old(m->irq_enabled) && m->sms_atn == \old(m->sms_atn);
  ensures m->request_id == \old(m->request_id);
  ensures bt_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
*/
struct bt_result bt_machine_reset(struct bt_machine *m);

/*
 * Whether a state from outside (a migration stream) is one the machine can be in:
 * every other function may assume it.
 */
/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result != 0 <==> bt_invariant(m);
*/
bool bt_machine_consistent(const struct bt_machine *m);

/*
 * A read. The control and mask registers show the machine; the buffer hands out the
 * response byte by byte, and 0xff past its end (as an unused port reads).
 */
/*@
  requires bt_valid(m);
  assigns m->response_pos;
  ensures bt_valid(m);
  ensures \result.irq_changed == 0 && \result.request == 0;
  ensures \result.irq_level != 0 <==> bt_irq_level(m);
  behavior control:
    assumes offset == BT_REG_CONTROL;
    ensures \result.value == bt_control_of(m) && m->response_pos == \old(m->response_pos);
  behavior buffer_byte:
    assumes offset == BT_REG_BUFFER && m->response_pos < m->response_len;
    ensures \result.value == m->response[\old(m->response_pos)];
    ensures m->response_pos == \old(m->response_pos) + 1;
  behavior buffer_end:
    assumes offset == BT_REG_BUFFER && m->response_pos >= m->response_len;
    ensures \result.value == 0xff && m->response_pos == \old(m->response_pos);
  behavior mask:
    assumes offset == BT_REG_MASK;
    ensures \result.value == bt_mask_of(m) && m->response_pos == \old(m->response_pos);
  behavior unused:
    assumes offset != BT_REG_CONTROL && offset != BT_REG_BUFFER && offset != BT_REG_MASK;
    ensures \result.value == 0xff && m->response_pos == \old(m->response_pos);
  complete behaviors;
  disjoint behaviors;
*/
struct bt_result bt_machine_read(struct bt_machine *m, uint8_t offset);

/*
 * A write the host makes. A request reaches the BMC only whole (its length byte counts
 * what was written, and nothing overran), only from H2B_ATN, and only when none is in
 * flight; a response is offered (B2H_ATN) only framed whole.
 */
/*@
  requires bt_valid(m);
  assigns *m;
  ensures bt_valid(m);
  ensures bt_reports_irq{Pre, Here}(\result, m);
  ensures \result.value == 0;
  ensures m->b2h_irq != 0 ==> m->b2h_irq_en != 0;
  ensures \result.request != 0 <==> bt_busy(m) && !bt_busy{Pre}(m);
  ensures \result.request != 0 ==> offset == BT_REG_CONTROL && bt_request_whole(m);
  ensures \result.request != 0 ==> m->request_id != \old(m->request_id);
  ensures bt_busy{Pre}(m) && offset != BT_REG_MASK ==> bt_busy(m);
*/
struct bt_result bt_machine_write(struct bt_machine *m, uint8_t offset, uint8_t value);

/*
 * The request the BMC is to answer, as IPMI messages are everywhere: NetFn/LUN,
 * command, data. It stays as it is while the BMC holds it.
 */
/*@
  requires bt_valid(m) && bt_busy(m);
  assigns \result \from m;
  ensures \result == &m->message[0];
*/
const uint8_t *bt_machine_message(const struct bt_machine *m);

/*@
  requires bt_valid(m) && bt_busy(m);
  assigns \nothing;
  ensures \result == m->request_len - BT_FRAMING_LEN;
  ensures \result >= BT_HEADER_LEN - BT_FRAMING_LEN;
*/
size_t bt_machine_message_len(const struct bt_machine *m);

/*
 * The BMC's response to request `request_id`. One that quotes another request, or
 * arrives when none waits, belongs to a request the host abandoned: it is dropped.
 */
/*@
  requires bt_valid(m);
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns *m;
  ensures bt_valid(m);
  ensures bt_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
  behavior answer:
    assumes request_id == m->request_id && bt_busy(m);
    ensures m->phase == BT_PHASE_RESPONSE && m->response_pos == 0;
    ensures m->b2h_irq_en != 0 ==> m->b2h_irq != 0;
  behavior stale:
    assumes request_id != m->request_id || !bt_busy(m);
    assigns \nothing;
  complete behaviors;
  disjoint behaviors;
*/
struct bt_result bt_machine_respond(struct bt_machine *m, uint8_t request_id,
                                    const uint8_t *response, size_t len);

/*
 * SMS_ATN, which the BMC sets when it has a message or event for system software. With
 * `irq`, B2H_IRQ_EN set and no response waiting (whose interrupt stands for it), it
 * interrupts the host.
 */
/*@
  requires bt_valid(m);
  assigns m->sms_atn, m->b2h_irq;
  ensures bt_valid(m);
  ensures m->sms_atn == on;
  ensures m->b2h_irq != 0 ==> \old(m->b2h_irq) != 0 || m->b2h_irq_en != 0;
  ensures bt_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
*/
struct bt_result bt_machine_set_attention(struct bt_machine *m, bool on, bool irq);

/*@
  requires bt_valid(m);
  assigns m->irq_enabled;
  ensures bt_valid(m);
  ensures m->irq_enabled == on;
  ensures bt_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
*/
struct bt_result bt_machine_set_irq_enable(struct bt_machine *m, bool on);

#endif /* BT_H */
