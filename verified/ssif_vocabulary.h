/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The words spec/ssif.yaml writes its rules in, and what the rules written in them must
 * add up to.
 *
 * Each guard and effect the spec declares is a function here, named ssif_<word>; the
 * generated machine (generated/ssif_machine.c) calls them, one call per word of a rule.
 * An effect promises only the bounds of the buffers and its own change: the invariant's
 * clauses about the phase are the generated step's to restore, since a rule may move
 * the phase after its effects. The steps' own contracts, below, are the properties any
 * SSIF spec must keep.
 */
#ifndef SSIF_VOCABULARY_H
#define SSIF_VOCABULARY_H

#include "ssif.h"

/*@
  predicate ssif_bounded(struct ssif_machine *m) = \valid(m) && ssif_bounds(m);

  // The block's first two bytes ask Get System Interface Capabilities.
  predicate ssif_block_asks(struct ssif_machine *m) =
    m->block[0] / (1 << IPMI_NETFN_SHIFT) == IPMI_NETFN_APP
    && m->block[1] == SSIF_CAPABILITIES_COMMAND;

  predicate ssif_request_asks(struct ssif_machine *m) =
    m->request_len >= IPMI_REQUEST_HEADER
    && m->request[0] / (1 << IPMI_NETFN_SHIFT) == IPMI_NETFN_APP
    && m->request[1] == SSIF_CAPABILITIES_COMMAND;

  predicate ssif_block_fits(struct ssif_machine *m) =
    m->request_len + m->block_len <= SSIF_REQUEST_CAPACITY;

  logic integer ssif_next_pos(struct ssif_machine *m) = ssif_chunk_pos(m->next_block);
  logic integer ssif_retry_pos(struct ssif_machine *m) = ssif_chunk_pos(m->retry_block);
*/

/* ---- Guards. Each group's members are exclusive and cover every case. ---- */

/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad != 0 || m->block_len < IPMI_REQUEST_HEADER; */
bool ssif_single_malformed(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && m->block_len >= IPMI_REQUEST_HEADER
                              && ssif_block_asks(m); */
bool ssif_single_asks_capabilities(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && m->block_len >= IPMI_REQUEST_HEADER
                              && !ssif_block_asks(m); */
bool ssif_single_for_bmc(const struct ssif_machine *m);

/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad != 0 || m->block_len != SSIF_CHUNK; */
bool ssif_start_malformed(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && m->block_len == SSIF_CHUNK; */
bool ssif_start_whole(const struct ssif_machine *m);

/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad != 0; */
bool ssif_middle_malformed(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && !ssif_block_fits(m); */
bool ssif_middle_overflows(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && ssif_block_fits(m)
                              && m->block_len == SSIF_CHUNK; */
bool ssif_middle_continues(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && ssif_block_fits(m)
                              && m->block_len < SSIF_CHUNK && ssif_request_asks(m); */
bool ssif_middle_ends_capabilities(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && ssif_block_fits(m)
                              && m->block_len < SSIF_CHUNK && !ssif_request_asks(m); */
bool ssif_middle_ends_for_bmc(const struct ssif_machine *m);

/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad != 0; */
bool ssif_end_malformed(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && !ssif_block_fits(m); */
bool ssif_end_overflows(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && ssif_block_fits(m) && ssif_request_asks(m); */
bool ssif_end_asks_capabilities(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->block_bad == 0 && ssif_block_fits(m) && !ssif_request_asks(m); */
bool ssif_end_for_bmc(const struct ssif_machine *m);

/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->response_len <= SSIF_CHUNK; */
bool ssif_response_in_one(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->response_len > SSIF_CHUNK; */
bool ssif_response_in_parts(const struct ssif_machine *m);

/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->response_len - ssif_next_pos(m) > SSIF_MIDDLE_CHUNK_DATA; */
bool ssif_middle_chunk_left(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> 0 < m->response_len - ssif_next_pos(m) <= SSIF_MIDDLE_CHUNK_DATA; */
bool ssif_last_chunk_left(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->response_len <= ssif_next_pos(m); */
bool ssif_no_chunk_left(const struct ssif_machine *m);

/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->response_len > SSIF_CHUNK
                              && ssif_retry_pos(m) < m->response_len; */
bool ssif_retry_chunk_exists(const struct ssif_machine *m);
/*@ requires ssif_bounded(m); assigns \nothing;
    ensures \result != 0 <==> m->response_len <= SSIF_CHUNK
                              || ssif_retry_pos(m) >= m->response_len; */
bool ssif_retry_chunk_missing(const struct ssif_machine *m);

/*@ assigns \nothing;
    ensures \result != 0 <==> len < IPMI_RESPONSE_HEADER; */
bool ssif_response_too_short(const struct ssif_machine *m, const uint8_t *response, size_t len);
/*@ assigns \nothing;
    ensures \result != 0 <==> IPMI_RESPONSE_HEADER <= len <= SSIF_RESPONSE_CAPACITY; */
bool ssif_response_fits(const struct ssif_machine *m, const uint8_t *response, size_t len);
/*@ assigns \nothing;
    ensures \result != 0 <==> len > SSIF_RESPONSE_CAPACITY; */
bool ssif_response_too_long(const struct ssif_machine *m, const uint8_t *response, size_t len);

/* ---- Effects. ---- */

/*@
  requires ssif_bounded(m);
  assigns m->refused, m->chunk_len;
  ensures ssif_bounded(m) && m->refused != 0 && m->chunk_len == 0;
*/
void ssif_refuse(struct ssif_machine *m);

/*@
  requires ssif_bounded(m);
  assigns m->request[0 .. SSIF_CHUNK - 1], m->request_len;
  ensures ssif_bounded(m) && m->request_len == m->block_len;
  ensures \forall integer k; 0 <= k < m->block_len ==> m->request[k] == m->block[k];
*/
void ssif_take_block(struct ssif_machine *m);

/*@
  requires ssif_bounded(m) && ssif_block_fits(m);
  assigns m->request[0 .. SSIF_REQUEST_CAPACITY - 1], m->request_len;
  ensures ssif_bounded(m) && m->request_len == \old(m->request_len) + m->block_len;
  ensures \forall integer k; 0 <= k < \old(m->request_len) ==> m->request[k] == \old(m->request[k]);
*/
void ssif_append_block(struct ssif_machine *m);

/*@
  requires ssif_bounded(m);
  assigns m->request_len;
  ensures ssif_bounded(m) && m->request_len == 0;
*/
void ssif_clear_request(struct ssif_machine *m);

/*@
  requires ssif_bounded(m);
  assigns m->response_len, m->response_unread;
  ensures ssif_bounded(m) && m->response_len == 0 && m->response_unread == 0;
*/
void ssif_forget_response(struct ssif_machine *m);

/*@
  requires ssif_bounded(m) && m->request_len >= IPMI_REQUEST_HEADER;
  assigns m->netfn, m->command, m->request_id;
  ensures ssif_bounded(m);
  ensures m->netfn == m->request[0] && m->command == m->request[1];
  ensures m->request_id != \old(m->request_id);
*/
void ssif_deliver_request(struct ssif_machine *m);

/*@
  requires ssif_bounded(m) && m->request_len >= IPMI_REQUEST_HEADER;
  assigns m->netfn, m->command, m->response[0 .. 6], m->response_len, m->response_unread;
  ensures ssif_bounded(m) && m->response_unread != 0;
  ensures IPMI_RESPONSE_HEADER <= m->response_len <= 7;
*/
void ssif_answer_capabilities(struct ssif_machine *m);

/*@
  requires ssif_bounded(m);
  assigns m->response[0 .. 2], m->response_len, m->response_unread;
  ensures ssif_bounded(m) && m->response_unread != 0;
  ensures m->response_len == IPMI_RESPONSE_HEADER && m->response[2] == code;
*/
void ssif_answer_request_with(struct ssif_machine *m, uint8_t code);

/*@
  requires ssif_bounded(m);
  requires IPMI_RESPONSE_HEADER <= len <= SSIF_RESPONSE_CAPACITY;
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->response[0 .. len - 1], m->response_len, m->response_unread;
  ensures ssif_bounded(m) && m->response_unread != 0 && m->response_len == len;
  ensures \forall integer k; 0 <= k < len ==> m->response[k] == response[k];
*/
void ssif_load_response(struct ssif_machine *m, const uint8_t *response, size_t len);

/*@
  requires ssif_bounded(m) && m->response_len <= SSIF_CHUNK;
  assigns m->chunk[0 .. SSIF_CHUNK - 1], m->chunk_len, m->response_unread;
  ensures ssif_bounded(m) && m->chunk_len == m->response_len && m->response_unread == 0;
  ensures \forall integer k; 0 <= k < m->response_len ==> m->chunk[k] == m->response[k];
*/
void ssif_give_whole(struct ssif_machine *m);

/*@
  requires ssif_bounded(m) && m->response_len > SSIF_CHUNK;
  assigns m->chunk[0 .. SSIF_CHUNK - 1], m->chunk_len, m->next_block, m->response_unread;
  ensures ssif_bounded(m) && m->chunk_len == SSIF_CHUNK && m->next_block == 1;
  ensures m->response_unread == 0;
  ensures m->chunk[0] == SSIF_FIRST_MARKER_0 && m->chunk[1] == SSIF_FIRST_MARKER_1;
  ensures \forall integer k; 0 <= k < SSIF_FIRST_CHUNK_DATA ==> m->chunk[k + 2] == m->response[k];
*/
void ssif_give_first_chunk(struct ssif_machine *m);

/*@
  requires ssif_bounded(m) && m->next_block >= 1;
  requires m->response_len - ssif_next_pos(m) > SSIF_MIDDLE_CHUNK_DATA;
  assigns m->chunk[0 .. SSIF_CHUNK - 1], m->chunk_len, m->next_block, m->response_unread;
  ensures ssif_bounded(m) && m->chunk_len == SSIF_CHUNK && m->response_unread == 0;
  ensures m->next_block == \old(m->next_block) + 1;
  ensures m->chunk[0] == \old(m->next_block) - 1;
*/
void ssif_give_middle_chunk(struct ssif_machine *m);

/*@
  requires ssif_bounded(m) && m->next_block >= 1;
  requires 0 < m->response_len - ssif_next_pos(m) <= SSIF_MIDDLE_CHUNK_DATA;
  assigns m->chunk[0 .. SSIF_CHUNK - 1], m->chunk_len, m->response_unread;
  ensures ssif_bounded(m) && m->response_unread == 0;
  ensures m->chunk_len == 1 + m->response_len - ssif_next_pos(m);
  ensures m->chunk[0] == SSIF_END_MARKER;
*/
void ssif_give_last_chunk(struct ssif_machine *m);

/*@
  requires ssif_bounded(m) && m->response_len > SSIF_CHUNK;
  requires ssif_retry_pos(m) < m->response_len;
  assigns m->chunk[0 .. SSIF_CHUNK - 1], m->chunk_len, m->next_block, m->response_unread;
  ensures ssif_bounded(m) && m->response_unread == 0 && m->chunk_len >= 1;
  ensures m->next_block == m->retry_block + 1;
*/
void ssif_give_retry_chunk(struct ssif_machine *m);

/* ---- The generated steps: what every SSIF spec must add up to. ---- */

/*
 * A block write. While the BMC holds a request every write is refused; otherwise a
 * request goes to the BMC only with a NetFn and command, under a new request id.
 */
/*@
  requires ssif_valid(m);
  assigns m->phase, m->refused, m->chunk_len, m->request[0 .. SSIF_REQUEST_CAPACITY - 1],
          m->request_len, m->netfn, m->command, m->request_id,
          m->response[0 .. SSIF_RESPONSE_CAPACITY - 1], m->response_len, m->response_unread;
  ensures ssif_valid(m);
  ensures ssif_busy{Pre}(m) ==> ssif_busy(m) && m->refused != 0
          && m->request_id == \old(m->request_id);
  ensures ssif_busy(m) && !ssif_busy{Pre}(m) ==> m->request_id != \old(m->request_id);
  ensures !ssif_busy(m) ==> m->request_id == \old(m->request_id);
*/
void ssif_on_write(struct ssif_machine *m, uint8_t value);

/* A block read: it gives part of a ready response, or is refused; it starts and ends
 * no request. */
/*@
  requires ssif_valid(m) && m->refused == 0;
  assigns m->phase, m->refused, m->chunk[0 .. SSIF_CHUNK - 1], m->chunk_len, m->next_block,
          m->response_unread;
  ensures ssif_valid(m);
  ensures ssif_busy(m) <==> ssif_busy{Pre}(m);
  ensures ssif_busy(m) ==> m->refused != 0;
  ensures m->refused != 0 ==> m->chunk_len == 0;
*/
void ssif_on_read(struct ssif_machine *m, uint8_t value);

/* The BMC's answer to the request it holds: a response is ready. */
/*@
  requires ssif_valid(m) && ssif_busy(m);
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->phase, m->response[0 .. SSIF_RESPONSE_CAPACITY - 1], m->response_len,
          m->response_unread;
  ensures ssif_valid(m);
  ensures m->phase == SSIF_PHASE_RESPONSE && m->response_unread != 0;
*/
void ssif_on_response(struct ssif_machine *m, const uint8_t *response, size_t len);

#endif /* SSIF_VOCABULARY_H */
