/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The KCS system interface, BMC side (IPMI v2.0 section 9): the machine a device
 * forwards each register access to.
 *
 * The caller owns a struct kcs_machine; every call returns what the caller must do
 * (raise or lower the IRQ line, hand a request to the BMC). The machine calls nothing
 * back, keeps no globals and never allocates. Its transfer rules come from
 * spec/kcs.yaml through generated/kcs_machine.{h,c}; this file and kcs.c hold what no
 * spec changes.
 */
#ifndef KCS_H
#define KCS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kcs_machine.h"

struct kcs_machine {
    uint8_t phase;          /* enum kcs_phase */
    uint8_t data_out;       /* what a read of the data register returns */
    bool obf;               /* data_out holds a byte the host has not read */
    bool cd;                /* the host's last write went to the command register */
    bool atn;               /* SMS_ATN: the BMC has something for system software */
    uint8_t error;          /* status code for the next GET_STATUS_ABORT */
    uint8_t request_id;     /* names the request in flight; a response must quote it */
    bool irq_enabled;       /* the BMC enabled interrupts (Set BMC Global Enables) */
    bool obf_irq;           /* OBF was set since the host last read data */
    bool atn_irq;           /* attention was raised since the host last read status */
    uint16_t request_len;
    uint16_t response_len;
    uint16_t response_pos;  /* next response byte to hand out */
    uint8_t request[KCS_REQUEST_CAPACITY];
    uint8_t response[KCS_RESPONSE_CAPACITY];
};

/* What an access returns: the byte read, the IRQ line and whether a request is ready. */
struct kcs_result {
    uint8_t value;          /* the register's value, for reads; 0 for writes */
    bool irq_changed;       /* set the IRQ line to irq_level */
    bool irq_level;
    bool request;           /* request[0..request_len) is complete: hand it to the BMC */
};

/*@
  // What every function keeps: buffer positions within their buffers, a known phase,
  // and a request of at least one byte whenever the BMC holds one.
  predicate kcs_invariant(struct kcs_machine *m) =
    m->phase < KCS_PHASE_COUNT
    && m->request_len <= KCS_REQUEST_CAPACITY
    && m->response_pos <= m->response_len <= KCS_RESPONSE_CAPACITY
    && (kcs_holds_ibf(m->phase) ==> m->request_len >= 1);

  predicate kcs_valid(struct kcs_machine *m) = \valid(m) && kcs_invariant(m);

  predicate kcs_busy(struct kcs_machine *m) = kcs_holds_ibf(m->phase);

  logic integer kcs_status_of(struct kcs_machine *m) =
    kcs_state_of(m->phase) * (1 << KCS_STATUS_STATE_SHIFT)
    + (m->cd != 0 ? KCS_STATUS_CD : 0) + (m->atn != 0 ? KCS_STATUS_SMS_ATN : 0)
    + kcs_ibf_of(m->phase) + (m->obf != 0 ? KCS_STATUS_OBF : 0);

  predicate kcs_irq_level(struct kcs_machine *m) =
    m->irq_enabled != 0 && (m->obf_irq != 0 || m->atn_irq != 0);

  // A result reports the IRQ line as it is at After, and whether it moved since Before.
  predicate kcs_reports_irq{Before, After}(struct kcs_result r, struct kcs_machine *m) =
    (r.irq_level != 0 <==> kcs_irq_level{After}(m))
    && (r.irq_changed != 0 <==> !(kcs_irq_level{Before}(m) <==> kcs_irq_level{After}(m)));
*/

/*@
  requires \valid(m);
  assigns *m;
  ensures kcs_valid(m);
  ensures m->phase == KCS_PHASE_IDLE;
  ensures kcs_status_of(m) == 0;
  ensures m->obf == 0 && m->cd == 0 && m->atn == 0;
  ensures m->irq_enabled == 0 && m->obf_irq == 0 && m->atn_irq == 0;
  ensures !kcs_irq_level(m);
*/
void kcs_machine_init(struct kcs_machine *m);

/*
 * A reset of the host side: any transfer ends and the machine is idle, but what the
 * BMC set stays (interrupt enable, attention), and so does the request id, so that a
 * late answer to a request from before the reset cannot match a new one.
 */
/*@
  requires kcs_valid(m);
  assigns *m;
  ensures kcs_valid(m);
  ensures m->phase == KCS_PHASE_IDLE;
  ensures m->irq_enabled == \old(m->irq_enabled) && m->atn == \old(m->atn);
  ensures m->request_id == \old(m->request_id);
  ensures m->obf == 0 && m->cd == 0 && m->obf_irq == 0 && m->atn_irq == 0;
  ensures kcs_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
*/
struct kcs_result kcs_machine_reset(struct kcs_machine *m);

/*
 * Whether a state from outside (a migration stream) is one the machine can be in:
 * every other function may assume it.
 */
/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result != 0 <==> kcs_invariant(m);
*/
bool kcs_machine_consistent(const struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result == kcs_status_of(m);
  ensures \result / (1 << KCS_STATUS_STATE_SHIFT) == kcs_state_of(m->phase);
  ensures (\result / KCS_STATUS_IBF) % 2 == 1 <==> kcs_busy(m);
*/
uint8_t kcs_machine_status(const struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  requires offset == KCS_REG_DATA || offset == KCS_REG_STATUS;
  assigns m->obf, m->obf_irq, m->atn_irq;
  ensures kcs_valid(m);
  ensures kcs_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
  behavior data:
    assumes offset == KCS_REG_DATA;
    ensures \result.value == m->data_out;
    ensures m->obf == 0 && m->obf_irq == 0;
  behavior status:
    assumes offset == KCS_REG_STATUS;
    ensures \result.value == \at(kcs_status_of(m), Pre);
    ensures m->atn_irq == 0 && m->obf == \old(m->obf);
  complete behaviors;
  disjoint behaviors;
*/
struct kcs_result kcs_machine_read(struct kcs_machine *m, uint8_t offset);

/*
 * A write the host makes. While the BMC holds the request (IBF set) the host must wait,
 * and a write then is not taken. A request is delivered only when its last byte
 * completes it, and a response is offered only to the host that asked: no write enters
 * the READ phase.
 */
/*@
  requires kcs_valid(m);
  requires offset == KCS_REG_DATA || offset == KCS_REG_STATUS;
  assigns *m;
  ensures kcs_valid(m);
  ensures kcs_reports_irq{Pre, Here}(\result, m);
  ensures \result.value == 0;
  behavior busy:
    assumes kcs_busy(m);
    assigns \nothing;
    ensures \result.request == 0;
  behavior accepted:
    assumes !kcs_busy(m);
    ensures m->cd != 0 <==> offset == KCS_REG_STATUS;
    ensures m->phase == KCS_PHASE_READ ==> \old(m->phase) == KCS_PHASE_READ;
    ensures \result.request != 0 <==> kcs_busy(m);
    ensures \result.request != 0 ==> \old(m->phase) == KCS_PHASE_WRITE_END;
    ensures \result.request != 0 ==> m->request_id != \old(m->request_id);
  complete behaviors;
  disjoint behaviors;
*/
struct kcs_result kcs_machine_write(struct kcs_machine *m, uint8_t offset, uint8_t value);

/*
 * The BMC's response to request `request_id`. One that quotes another request, or
 * arrives when none waits, belongs to a request the host abandoned: it is dropped.
 */
/*@
  requires kcs_valid(m);
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns *m;
  ensures kcs_valid(m);
  ensures kcs_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
  behavior answer:
    assumes request_id == m->request_id && kcs_busy(m);
    ensures m->phase == KCS_PHASE_READ || m->phase == KCS_PHASE_ERROR;
    ensures m->phase == KCS_PHASE_READ ==> m->obf != 0 && m->response_pos == 1 && m->response_len >= 1;
    ensures m->phase == KCS_PHASE_READ && len <= KCS_RESPONSE_CAPACITY ==>
            m->response_len == len && m->data_out == response[0];
  behavior stale:
    assumes request_id != m->request_id || !kcs_busy(m);
    assigns \nothing;
  complete behaviors;
  disjoint behaviors;
*/
struct kcs_result kcs_machine_respond(struct kcs_machine *m, uint8_t request_id,
                                      const uint8_t *response, size_t len);

/*@
  requires kcs_valid(m);
  assigns m->atn, m->atn_irq;
  ensures kcs_valid(m);
  ensures m->atn == on;
  ensures m->atn_irq != 0 ==> m->atn != 0;
  ensures kcs_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
*/
struct kcs_result kcs_machine_set_attention(struct kcs_machine *m, bool on, bool irq);

/*@
  requires kcs_valid(m);
  assigns m->irq_enabled;
  ensures kcs_valid(m);
  ensures m->irq_enabled == on;
  ensures kcs_reports_irq{Pre, Here}(\result, m);
  ensures \result.request == 0;
*/
struct kcs_result kcs_machine_set_irq_enable(struct kcs_machine *m, bool on);

#endif /* KCS_H */
