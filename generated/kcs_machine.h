/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Keyboard Controller Style (KCS) interface: the BMC side, as a state machine.
 * IPMI v2.0 rev 1.1, section 9 (KCS Interface).
 *
 * Generated from spec/kcs.yaml by generator/ipmigen (template kcs).
 * Do not edit: change the spec and rebuild.
 *
 * The caller owns a struct kcs_machine and forwards each register access to it; every
 * call returns what the caller must do (raise or lower the IRQ line, hand a request to
 * the BMC). The machine calls nothing back, keeps no globals and never allocates.
 */
#ifndef KCS_MACHINE_H
#define KCS_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KCS_REQUEST_CAPACITY 300
#define KCS_RESPONSE_CAPACITY 300

/* Register offsets within the interface's I/O window. */
#define KCS_REG_DATA 0
#define KCS_REG_STATUS 1

/* Status register bits. */
#define KCS_STATUS_OBF 0x01
#define KCS_STATUS_IBF 0x02
#define KCS_STATUS_SMS_ATN 0x04
#define KCS_STATUS_CD 0x08
#define KCS_STATUS_OEM1 0x10
#define KCS_STATUS_OEM2 0x20
#define KCS_STATUS_STATE_SHIFT 6

/* Values of the status register's state field. */
#define KCS_STATE_IDLE 0
#define KCS_STATE_READ 1
#define KCS_STATE_WRITE 2
#define KCS_STATE_ERROR 3

/* Control codes. */
#define KCS_CONTROL_GET_STATUS_ABORT 0x60
#define KCS_CONTROL_WRITE_START 0x61
#define KCS_CONTROL_WRITE_END 0x62
#define KCS_CONTROL_READ 0x68

/* Status codes reported by GET_STATUS_ABORT. */
#define KCS_ERROR_NO_ERROR 0x00
#define KCS_ERROR_ABORTED_BY_COMMAND 0x01
#define KCS_ERROR_ILLEGAL_CONTROL_CODE 0x02
#define KCS_ERROR_LENGTH_ERROR 0x06
#define KCS_ERROR_UNSPECIFIED 0xff

/* Transfer phases. */
enum kcs_phase {
    KCS_PHASE_IDLE = 0, /* No transfer in progress. */
    KCS_PHASE_WRITE_START = 1, /* WRITE_START accepted; the first request byte is due. */
    KCS_PHASE_WRITE_DATA = 2, /* Taking request bytes. */
    KCS_PHASE_WRITE_END = 3, /* WRITE_END accepted; the last request byte is due. */
    KCS_PHASE_BUSY = 4, /* The whole request went to the BMC; waiting for its response. */
    KCS_PHASE_READ = 5, /* Handing response bytes to the host, one per READ. */
    KCS_PHASE_ABORT_ACK = 6, /* GET_STATUS_ABORT accepted; the host's 00h data byte is due. */
    KCS_PHASE_ABORT_STATUS = 7, /* The status code is in data_out; the host's READ ends the abort. */
    KCS_PHASE_ERROR = 8, /* A protocol error; only GET_STATUS_ABORT leaves this phase. */
};

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
    uint8_t request[300];
    uint8_t response[300];
};

/* What an access returns: the byte read, the IRQ line and whether a request is ready. */
struct kcs_result {
    uint8_t value;          /* the register's value, for reads; 0 for writes */
    bool irq_changed;       /* set the IRQ line to irq_level */
    bool irq_level;
    bool request;           /* request[0..request_len) is complete: hand it to the BMC */
};

/*@
  // The status register's state field in each phase.
  logic integer kcs_state_of(integer phase) =
    phase == 0 ? 0 : // IDLE: IDLE
    phase == 1 ? 2 : // WRITE_START: WRITE
    phase == 2 ? 2 : // WRITE_DATA: WRITE
    phase == 3 ? 2 : // WRITE_END: WRITE
    phase == 4 ? 2 : // BUSY: WRITE
    phase == 5 ? 1 : // READ: READ
    phase == 6 ? 2 : // ABORT_ACK: WRITE
    phase == 7 ? 1 : // ABORT_STATUS: READ
    3; // ERROR: ERROR

  logic integer kcs_status_of(struct kcs_machine *m) =
    kcs_state_of(m->phase) * 64
    + (m->cd != 0 ? 8 : 0) + (m->atn != 0 ? 4 : 0)
    + (m->phase == KCS_PHASE_BUSY ? 2 : 0)
    + (m->obf != 0 ? 1 : 0);

  predicate kcs_irq_level(struct kcs_machine *m) =
    m->irq_enabled != 0 && (m->obf_irq != 0 || m->atn_irq != 0);

  predicate kcs_valid(struct kcs_machine *m) =
    \valid(m)
    && 0 <= m->phase <= 8
    && m->request_len <= 300
    && m->response_pos <= m->response_len <= 300
    && (m->phase == KCS_PHASE_BUSY ==> m->request_len >= 1)
    ;
*/

/*@
  requires \valid(m);
  assigns *m;
  ensures kcs_valid(m);
  ensures m->phase == 0;
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
  ensures m->phase == 0;
  ensures m->irq_enabled == \old(m->irq_enabled) && m->atn == \old(m->atn);
  ensures m->request_id == \old(m->request_id);
  ensures m->obf == 0 && m->cd == 0 && m->obf_irq == 0 && m->atn_irq == 0;
  ensures \result.irq_level != 0 <==> kcs_irq_level(m);
  ensures \result.irq_changed != 0 <==> !(\at(kcs_irq_level(m), Pre) <==> kcs_irq_level(m));
  ensures \result.request == 0;
*/
struct kcs_result kcs_machine_reset(struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result == kcs_status_of(m);
  ensures \result / 64 == kcs_state_of(m->phase);
  ensures (\result / 2) % 2 == 1 <==> (m->phase == KCS_PHASE_BUSY);
*/
uint8_t kcs_machine_status(const struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  requires offset <= 1;
  assigns m->obf, m->obf_irq, m->atn_irq;
  ensures kcs_valid(m);
  ensures \result.irq_level != 0 <==> kcs_irq_level(m);
  ensures \result.irq_changed != 0 <==> !(\at(kcs_irq_level(m), Pre) <==> kcs_irq_level(m));
  ensures \result.request == 0;
  behavior data:
    assumes offset == 0;
    ensures \result.value == m->data_out;
    ensures m->obf == 0 && m->obf_irq == 0;
  behavior status:
    assumes offset == 1;
    ensures \result.value == \at(kcs_status_of(m), Pre);
    ensures m->atn_irq == 0 && m->obf == \old(m->obf);
  complete behaviors;
  disjoint behaviors;
*/
struct kcs_result kcs_machine_read(struct kcs_machine *m, uint8_t offset);

/*@
  requires kcs_valid(m);
  requires offset <= 1;
  assigns *m;
  ensures kcs_valid(m);
  ensures \result.irq_level != 0 <==> kcs_irq_level(m);
  ensures \result.irq_changed != 0 <==> !(\at(kcs_irq_level(m), Pre) <==> kcs_irq_level(m));
  ensures \result.value == 0;
  behavior busy:
    assumes m->phase == KCS_PHASE_BUSY;
    assigns \nothing;
    ensures \result.request == 0;
  behavior accepted:
    assumes m->phase != KCS_PHASE_BUSY;
    ensures m->cd != 0 <==> offset == 1;
    ensures m->phase == KCS_PHASE_READ ==> \old(m->phase) == KCS_PHASE_READ;
    ensures \result.request != 0 ==> \old(m->phase) == KCS_PHASE_WRITE_END
                                && (m->phase == KCS_PHASE_BUSY);
    ensures \result.request != 0 ==> m->request_len >= 1 && m->request_id != \old(m->request_id);
  complete behaviors;
  disjoint behaviors;
*/
struct kcs_result kcs_machine_write(struct kcs_machine *m, uint8_t offset, uint8_t value);

/*@
  requires kcs_valid(m);
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns *m;
  ensures kcs_valid(m);
  ensures \result.irq_level != 0 <==> kcs_irq_level(m);
  ensures \result.irq_changed != 0 <==> !(\at(kcs_irq_level(m), Pre) <==> kcs_irq_level(m));
  ensures \result.request == 0;
  behavior answer:
    assumes request_id == m->request_id;
    assumes m->phase == KCS_PHASE_BUSY;
    ensures m->phase == KCS_PHASE_READ || m->phase == KCS_PHASE_ERROR;
    ensures m->phase == KCS_PHASE_READ ==> m->obf != 0 && m->response_pos == 1 && m->response_len >= 1;
    ensures m->phase == KCS_PHASE_READ && len <= 300 ==>
            m->response_len == len && m->data_out == response[0];
  behavior stale:
    assumes request_id != m->request_id ||
            (m->phase != KCS_PHASE_BUSY);
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
  ensures \result.irq_level != 0 <==> kcs_irq_level(m);
  ensures \result.irq_changed != 0 <==> !(\at(kcs_irq_level(m), Pre) <==> kcs_irq_level(m));
  ensures \result.request == 0;
*/
struct kcs_result kcs_machine_set_attention(struct kcs_machine *m, bool on, bool irq);

/*@
  requires kcs_valid(m);
  assigns m->irq_enabled;
  ensures kcs_valid(m);
  ensures m->irq_enabled == on;
  ensures \result.irq_level != 0 <==> kcs_irq_level(m);
  ensures \result.irq_changed != 0 <==> !(\at(kcs_irq_level(m), Pre) <==> kcs_irq_level(m));
  ensures \result.request == 0;
*/
struct kcs_result kcs_machine_set_irq_enable(struct kcs_machine *m, bool on);

#endif /* KCS_MACHINE_H */
