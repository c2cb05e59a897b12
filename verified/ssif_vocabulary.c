/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The guards and effects spec/ssif.yaml writes its rules in; their contracts are in
 * ssif_vocabulary.h.
 */
#include "ssif_vocabulary.h"

#include "bytes.h"

/*@
  requires ssif_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> ssif_block_asks(m);
*/
static bool ssif_block_is_capabilities(const struct ssif_machine *m)
{
    return m->block[0] / (1u << IPMI_NETFN_SHIFT) == IPMI_NETFN_APP &&
           m->block[1] == SSIF_CAPABILITIES_COMMAND;
}

/*@
  requires ssif_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> ssif_request_asks(m);
*/
static bool ssif_request_is_capabilities(const struct ssif_machine *m)
{
    return m->request_len >= IPMI_REQUEST_HEADER &&
           m->request[0] / (1u << IPMI_NETFN_SHIFT) == IPMI_NETFN_APP &&
           m->request[1] == SSIF_CAPABILITIES_COMMAND;
}

/*@
  requires ssif_bounded(m);
  assigns \nothing;
  ensures \result != 0 <==> ssif_block_fits(m);
*/
static bool ssif_fits(const struct ssif_machine *m)
{
    return (size_t)m->request_len + m->block_len <= SSIF_REQUEST_CAPACITY;
}

/*@
  requires n <= 255;
  assigns \nothing;
  ensures \result == ssif_chunk_pos(n);
*/
static size_t ssif_pos(uint8_t n)
{
    return n == 0 ? 0 : SSIF_FIRST_CHUNK_DATA + ((size_t)n - 1) * SSIF_MIDDLE_CHUNK_DATA;
}

bool ssif_single_malformed(const struct ssif_machine *m)
{
    return m->block_bad || m->block_len < IPMI_REQUEST_HEADER;
}

bool ssif_single_asks_capabilities(const struct ssif_machine *m)
{
    return !m->block_bad && m->block_len >= IPMI_REQUEST_HEADER && ssif_block_is_capabilities(m);
}

bool ssif_single_for_bmc(const struct ssif_machine *m)
{
    return !m->block_bad && m->block_len >= IPMI_REQUEST_HEADER && !ssif_block_is_capabilities(m);
}

bool ssif_start_malformed(const struct ssif_machine *m)
{
    return m->block_bad || m->block_len != SSIF_CHUNK;
}

bool ssif_start_whole(const struct ssif_machine *m)
{
    return !m->block_bad && m->block_len == SSIF_CHUNK;
}

bool ssif_middle_malformed(const struct ssif_machine *m)
{
    return m->block_bad;
}

bool ssif_middle_overflows(const struct ssif_machine *m)
{
    return !m->block_bad && !ssif_fits(m);
}

bool ssif_middle_continues(const struct ssif_machine *m)
{
    return !m->block_bad && ssif_fits(m) && m->block_len == SSIF_CHUNK;
}

bool ssif_middle_ends_capabilities(const struct ssif_machine *m)
{
    return !m->block_bad && ssif_fits(m) && m->block_len < SSIF_CHUNK &&
           ssif_request_is_capabilities(m);
}

bool ssif_middle_ends_for_bmc(const struct ssif_machine *m)
{
    return !m->block_bad && ssif_fits(m) && m->block_len < SSIF_CHUNK &&
           !ssif_request_is_capabilities(m);
}

bool ssif_end_malformed(const struct ssif_machine *m)
{
    return m->block_bad;
}

bool ssif_end_overflows(const struct ssif_machine *m)
{
    return !m->block_bad && !ssif_fits(m);
}

bool ssif_end_asks_capabilities(const struct ssif_machine *m)
{
    return !m->block_bad && ssif_fits(m) && ssif_request_is_capabilities(m);
}

bool ssif_end_for_bmc(const struct ssif_machine *m)
{
    return !m->block_bad && ssif_fits(m) && !ssif_request_is_capabilities(m);
}

bool ssif_response_in_one(const struct ssif_machine *m)
{
    return m->response_len <= SSIF_CHUNK;
}

bool ssif_response_in_parts(const struct ssif_machine *m)
{
    return m->response_len > SSIF_CHUNK;
}

bool ssif_middle_chunk_left(const struct ssif_machine *m)
{
    size_t pos = ssif_pos(m->next_block);

    return pos < m->response_len && m->response_len - pos > SSIF_MIDDLE_CHUNK_DATA;
}

bool ssif_last_chunk_left(const struct ssif_machine *m)
{
    size_t pos = ssif_pos(m->next_block);

    return pos < m->response_len && m->response_len - pos <= SSIF_MIDDLE_CHUNK_DATA;
}

bool ssif_no_chunk_left(const struct ssif_machine *m)
{
    return m->response_len <= ssif_pos(m->next_block);
}

bool ssif_retry_chunk_exists(const struct ssif_machine *m)
{
    return m->response_len > SSIF_CHUNK && ssif_pos(m->retry_block) < m->response_len;
}

bool ssif_retry_chunk_missing(const struct ssif_machine *m)
{
    return m->response_len <= SSIF_CHUNK || ssif_pos(m->retry_block) >= m->response_len;
}

/* The response guards look at its length only; they take what every response word
 * takes so that the generated code calls each word the same way. */
bool ssif_response_too_short(const struct ssif_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len < IPMI_RESPONSE_HEADER;
}

bool ssif_response_fits(const struct ssif_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len >= IPMI_RESPONSE_HEADER && len <= SSIF_RESPONSE_CAPACITY;
}

bool ssif_response_too_long(const struct ssif_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len > SSIF_RESPONSE_CAPACITY;
}

void ssif_refuse(struct ssif_machine *m)
{
    m->refused = true;
    m->chunk_len = 0;
}

void ssif_take_block(struct ssif_machine *m)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= m->block_len;
      loop invariant \forall integer k; 0 <= k < i ==> m->request[k] == m->block[k];
      loop assigns i, m->request[0 .. SSIF_CHUNK - 1];
      loop variant m->block_len - i;
    */
    for (i = 0; i < m->block_len; i++) {
        m->request[i] = m->block[i];
    }
    m->request_len = m->block_len;
}

void ssif_append_block(struct ssif_machine *m)
{
    size_t i;
    size_t base = m->request_len;

    /*@
      loop invariant 0 <= i <= m->block_len;
      loop invariant \forall integer k; 0 <= k < base ==> m->request[k] == \at(m->request[k], Pre);
      loop assigns i, m->request[base .. SSIF_REQUEST_CAPACITY - 1];
      loop variant m->block_len - i;
    */
    for (i = 0; i < m->block_len; i++) {
        m->request[base + i] = m->block[i];
    }
    m->request_len = (uint16_t)(base + m->block_len);
}

void ssif_clear_request(struct ssif_machine *m)
{
    m->request_len = 0;
}

void ssif_forget_response(struct ssif_machine *m)
{
    m->response_len = 0;
    m->response_unread = false;
}

void ssif_deliver_request(struct ssif_machine *m)
{
    m->netfn = m->request[0];
    m->command = m->request[1];
    m->request_id = m->request_id == UINT8_MAX ? 0 : (uint8_t)(m->request_id + 1);
}

/*@
  requires ssif_bounded(m);
  assigns m->response[0 .. 2], m->response_len, m->response_unread;
  ensures ssif_bounded(m) && m->response_unread != 0;
  ensures m->response_len == IPMI_RESPONSE_HEADER && m->response[2] == code;
*/
static void ssif_answer_header(struct ssif_machine *m, uint8_t code)
{
    /* The response NetFn is the request's plus one: the bit above the LUN. */
    m->response[0] = m->netfn | IPMI_RESPONSE_NETFN_BIT;
    m->response[1] = m->command;
    m->response[2] = code;
    m->response_len = IPMI_RESPONSE_HEADER;
    m->response_unread = true;
}

void ssif_answer_request_with(struct ssif_machine *m, uint8_t code)
{
    ssif_answer_header(m, code);
}

void ssif_answer_capabilities(struct ssif_machine *m)
{
    m->netfn = m->request[0];
    m->command = m->request[1];
    if (m->request_len <= IPMI_REQUEST_HEADER) {
        /* The interface type byte is missing. */
        ssif_answer_header(m, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    } else if ((m->request[2] & 0x0f) != SSIF_CAPABILITIES_INTERFACE_TYPE) {
        /* This interface answers for SSIF only. */
        ssif_answer_header(m, IPMI_CC_INVALID_DATA_FIELD);
    } else {
        ssif_answer_header(m, IPMI_CC_SUCCESS);
        m->response[3] = 0; /* reserved */
        m->response[4] = (uint8_t)((SSIF_CAPABILITIES_TRANSACTIONS << 6) | (SSIF_PEC << 3) |
                                   SSIF_CAPABILITIES_VERSION);
        /* The largest messages, NetFn and command included. */
        m->response[5] = SSIF_REQUEST_CAPACITY;
        m->response[6] = SSIF_RESPONSE_CAPACITY;
        m->response_len = 7;
    }
}

void ssif_load_response(struct ssif_machine *m, const uint8_t *response, size_t len)
{
    bytes_copy(m->response, response, len);
    m->response_len = (uint16_t)len;
    m->response_unread = true;
}

/*@
  requires ssif_bounded(m);
  requires at + n <= SSIF_CHUNK && from + n <= m->response_len;
  assigns m->chunk[at .. at + n - 1];
  ensures \forall integer k; 0 <= k < n ==> m->chunk[at + k] == m->response[from + k];
  ensures \forall integer k; 0 <= k < at ==> m->chunk[k] == \old(m->chunk[k]);
*/
static void ssif_copy_out(struct ssif_machine *m, size_t at, size_t from, size_t n)
{
    bytes_copy(m->chunk + at, m->response + from, n);
}

void ssif_give_whole(struct ssif_machine *m)
{
    ssif_copy_out(m, 0, 0, m->response_len);
    m->chunk_len = (uint8_t)m->response_len;
    m->response_unread = false;
}

void ssif_give_first_chunk(struct ssif_machine *m)
{
    m->chunk[0] = SSIF_FIRST_MARKER_0;
    m->chunk[1] = SSIF_FIRST_MARKER_1;
    ssif_copy_out(m, 2, 0, SSIF_FIRST_CHUNK_DATA);
    m->chunk_len = SSIF_CHUNK;
    m->next_block = 1;
    m->response_unread = false;
}

/*@
  requires ssif_bounded(m) && n >= 1 && ssif_chunk_pos(n) < m->response_len;
  assigns m->chunk[0 .. SSIF_CHUNK - 1], m->chunk_len, m->response_unread;
  ensures ssif_bounded(m) && m->response_unread == 0 && m->chunk_len >= 2;
  ensures m->response_len - ssif_chunk_pos(n) > SSIF_MIDDLE_CHUNK_DATA ==>
          m->chunk_len == SSIF_CHUNK && m->chunk[0] == n - 1;
  ensures m->response_len - ssif_chunk_pos(n) <= SSIF_MIDDLE_CHUNK_DATA ==>
          m->chunk_len == 1 + m->response_len - ssif_chunk_pos(n)
          && m->chunk[0] == SSIF_END_MARKER;
*/
static void ssif_give_chunk(struct ssif_machine *m, uint8_t n)
{
    size_t pos = ssif_pos(n);
    size_t left = m->response_len - pos;

    if (left > SSIF_MIDDLE_CHUNK_DATA) {
        m->chunk[0] = (uint8_t)(n - 1);
        ssif_copy_out(m, 1, pos, SSIF_MIDDLE_CHUNK_DATA);
        m->chunk_len = SSIF_CHUNK;
    } else {
        m->chunk[0] = SSIF_END_MARKER;
        ssif_copy_out(m, 1, pos, left);
        m->chunk_len = (uint8_t)(1 + left);
    }
    m->response_unread = false;
}

void ssif_give_middle_chunk(struct ssif_machine *m)
{
    ssif_give_chunk(m, m->next_block);
    m->next_block++;
}

void ssif_give_last_chunk(struct ssif_machine *m)
{
    ssif_give_chunk(m, m->next_block);
}

void ssif_give_retry_chunk(struct ssif_machine *m)
{
    if (m->retry_block == 0) {
        ssif_give_first_chunk(m);
    } else {
        ssif_give_chunk(m, m->retry_block);
        m->next_block = (uint8_t)(m->retry_block + 1);
    }
}
