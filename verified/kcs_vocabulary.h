/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The words spec/kcs.yaml writes its rules in, and what the rules written in them
 * must add up to.
 *
 * Each guard and effect the spec declares is a function here, named kcs_<word>; the
 * generated machine (generated/kcs_machine.c) calls them, one call per word of a rule.
 * Their contracts are what WP knows of them when it proves the generated step
 * functions, whose own contracts, below, are the properties any KCS spec must keep.
 */
#ifndef KCS_VOCABULARY_H
#define KCS_VOCABULARY_H

#include "kcs.h"

/*@
  // The byte in the data register waits for the host, and interrupts it.
  predicate kcs_offers(struct kcs_machine *m, integer byte) =
    m->data_out == byte && m->obf != 0 && m->obf_irq != 0;
*/

/* ---- Guards. Each group's members are exclusive and cover every case. ---- */

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result != 0 <==> m->request_len < KCS_REQUEST_CAPACITY;
*/
bool kcs_request_has_room(const struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result != 0 <==> m->request_len >= KCS_REQUEST_CAPACITY;
*/
bool kcs_request_full(const struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result != 0 <==> m->response_pos < m->response_len;
*/
bool kcs_response_left(const struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result != 0 <==> m->response_pos >= m->response_len;
*/
bool kcs_response_done(const struct kcs_machine *m);

/*@
  assigns \nothing;
  ensures \result != 0 <==> len == 0;
*/
bool kcs_response_empty(const struct kcs_machine *m, const uint8_t *response, size_t len);

/*@
  assigns \nothing;
  ensures \result != 0 <==> 1 <= len <= KCS_RESPONSE_CAPACITY;
*/
bool kcs_response_fits(const struct kcs_machine *m, const uint8_t *response, size_t len);

/*@
  assigns \nothing;
  ensures \result != 0 <==> len > KCS_RESPONSE_CAPACITY;
*/
bool kcs_response_too_long(const struct kcs_machine *m, const uint8_t *response, size_t len);

/* ---- Effects. ---- */

/*@
  requires kcs_valid(m) && !kcs_busy(m);
  assigns m->request_len;
  ensures kcs_valid(m) && m->request_len == 0;
*/
void kcs_clear_request(struct kcs_machine *m);

/*@
  requires kcs_valid(m) && m->request_len < KCS_REQUEST_CAPACITY;
  assigns m->request[m->request_len], m->request_len;
  ensures kcs_valid(m);
  ensures m->request_len == \old(m->request_len) + 1;
  ensures m->request[\old(m->request_len)] == value;
*/
void kcs_store_byte(struct kcs_machine *m, uint8_t value);

/*@
  requires kcs_valid(m);
  assigns m->error;
  ensures kcs_valid(m) && m->error == code;
*/
void kcs_set_error(struct kcs_machine *m, uint8_t code);

/*@
  requires kcs_valid(m);
  assigns m->error;
  ensures kcs_valid(m);
  ensures \old(m->error) == KCS_ERROR_NO_ERROR ==> m->error == KCS_ERROR_ABORTED_BY_COMMAND;
  ensures \old(m->error) != KCS_ERROR_NO_ERROR ==> m->error == \old(m->error);
*/
void kcs_note_abort(struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  assigns m->data_out, m->obf, m->obf_irq;
  ensures kcs_valid(m) && kcs_offers(m, 0);
*/
void kcs_emit_zero(struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  assigns m->data_out, m->obf, m->obf_irq;
  ensures kcs_valid(m) && kcs_offers(m, m->error);
*/
void kcs_emit_error(struct kcs_machine *m);

/*@
  requires kcs_valid(m) && m->response_pos < m->response_len;
  assigns m->data_out, m->obf, m->obf_irq, m->response_pos;
  ensures kcs_valid(m);
  ensures kcs_offers(m, m->response[\old(m->response_pos)]);
  ensures m->response_pos == \old(m->response_pos) + 1;
*/
void kcs_emit_response_byte(struct kcs_machine *m);

/*@
  requires kcs_valid(m);
  requires 1 <= len <= KCS_RESPONSE_CAPACITY;
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->response[0 .. len - 1], m->response_len, m->response_pos;
  ensures kcs_valid(m);
  ensures m->response_len == len && m->response_pos == 0;
  ensures \forall integer k; 0 <= k < len ==> m->response[k] == response[k];
*/
void kcs_load_response(struct kcs_machine *m, const uint8_t *response, size_t len);

/*
 * A response longer than the buffer cannot reach the host whole; IPMI's answer is the
 * request's NetFn and command with completion code CAh, "cannot return number of
 * requested data bytes".
 */
/*@
  requires kcs_valid(m);
  requires len > KCS_RESPONSE_CAPACITY;
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->response[0 .. 2], m->response_len, m->response_pos;
  ensures kcs_valid(m);
  ensures m->response_len == 3 && m->response_pos == 0;
  ensures m->response[0] == response[0];
*/
void kcs_load_overlong_response(struct kcs_machine *m, const uint8_t *response, size_t len);

/*@
  requires kcs_valid(m);
  assigns m->request_id;
  ensures kcs_valid(m) && m->request_id != \old(m->request_id);
*/
void kcs_deliver_request(struct kcs_machine *m);

/* ---- The generated step functions: what every KCS spec must add up to. ---- */

/*
 * A control code written to the command register. It never starts a response (no
 * command enters READ) and never completes a request.
 */
/*@
  requires kcs_valid(m) && !kcs_busy(m);
  assigns m->phase, m->data_out, m->obf, m->obf_irq, m->error, m->request_len;
  ensures kcs_valid(m);
  ensures m->phase != KCS_PHASE_READ && !kcs_busy(m);
*/
void kcs_on_command(struct kcs_machine *m, uint8_t value);

/*
 * A byte written to the data register. Only READ, while reading, hands out response
 * bytes; only the byte after WRITE_END completes a request, under a new request id.
 */
/*@
  requires kcs_valid(m) && !kcs_busy(m);
  assigns m->phase, m->data_out, m->obf, m->obf_irq, m->error, m->request_len,
          m->request[0 .. KCS_REQUEST_CAPACITY - 1], m->request_id, m->response_pos;
  ensures kcs_valid(m);
  ensures m->phase == KCS_PHASE_READ ==> \old(m->phase) == KCS_PHASE_READ;
  ensures kcs_busy(m) ==> \old(m->phase) == KCS_PHASE_WRITE_END;
  ensures kcs_busy(m) ==> m->request_id != \old(m->request_id);
  ensures !kcs_busy(m) ==> m->request_id == \old(m->request_id);
*/
void kcs_on_data(struct kcs_machine *m, uint8_t value);

/*
 * The BMC's response to the request it holds: reading starts with the first byte
 * offered, or the machine reports an error.
 */
/*@
  requires kcs_valid(m) && kcs_busy(m);
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->phase, m->data_out, m->obf, m->obf_irq, m->error,
          m->response[0 .. KCS_RESPONSE_CAPACITY - 1], m->response_len, m->response_pos;
  ensures kcs_valid(m);
  ensures m->phase == KCS_PHASE_READ || m->phase == KCS_PHASE_ERROR;
  ensures m->phase == KCS_PHASE_READ ==> m->obf != 0 && m->response_pos == 1 && m->response_len >= 1;
  ensures m->phase == KCS_PHASE_READ && len <= KCS_RESPONSE_CAPACITY ==>
          m->response_len == len && m->data_out == response[0];
*/
void kcs_on_response(struct kcs_machine *m, const uint8_t *response, size_t len);

#endif /* KCS_VOCABULARY_H */
