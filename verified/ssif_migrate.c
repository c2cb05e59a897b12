/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Conversion between struct ssif_machine and upstream QEMU 10.0's smbus-ipmi
 * migration fields (ssif_migrate.h).
 */
#include "ssif_migrate.h"

#include "bytes.h"

/* The buffers have one size, so each copy is whole. */
typedef char ssif_migrate_request_size_check[
    SSIF_REQUEST_CAPACITY == SSIF_UPSTREAM_MSG_SIZE ? 1 : -1];
typedef char ssif_migrate_response_size_check[
    SSIF_RESPONSE_CAPACITY == SSIF_UPSTREAM_MSG_SIZE ? 1 : -1];

/* The number of the last chunk of a response in parts (upstream's currblk for it). */
/*@
  requires SSIF_CHUNK < len <= SSIF_RESPONSE_CAPACITY;
  assigns \nothing;
  ensures 1 <= \result <= SSIF_RESPONSE_CAPACITY;
*/
static uint32_t ssif_migrate_last_block(uint32_t len)
{
    return (len - SSIF_FIRST_CHUNK_DATA + SSIF_MIDDLE_CHUNK_DATA - 1u) /
           SSIF_MIDDLE_CHUNK_DATA;
}

/* Whether a response of len bytes in parts has chunks after chunk `block` (>= 1). */
/*@
  requires 1 <= block;
  requires len <= SSIF_RESPONSE_CAPACITY;
  assigns \nothing;
*/
static bool ssif_migrate_more_after(uint32_t len, uint32_t block)
{
    return block < SSIF_UPSTREAM_MSG_SIZE &&
           SSIF_FIRST_CHUNK_DATA + (block - 1u) * SSIF_MIDDLE_CHUNK_DATA +
           SSIF_MIDDLE_CHUNK_DATA < len;
}

void ssif_migrate_to_upstream(const struct ssif_machine *m, uint8_t sent,
                              struct ssif_upstream *u)
{
    bytes_copy(u->inmsg, m->request, SSIF_UPSTREAM_MSG_SIZE);
    bytes_copy(u->outmsg, m->response, SSIF_UPSTREAM_MSG_SIZE);
    bytes_copy(u->outbuf + 1, m->chunk, SSIF_CHUNK);
    u->outbuf[0] = m->chunk_len;
    u->inlen = m->request_len;
    u->outpos = sent;
    u->currblk = 0;
    /* Upstream names the next request; ours the last one, or the one held. */
    if (ssif_phase_awaits(m->phase)) {
        u->waiting_rsp = m->request_id;
    } else {
        u->waiting_rsp = m->request_id == UINT8_MAX ? 0 : (uint8_t)(m->request_id + 1u);
    }

    if (m->phase == SSIF_PHASE_READING) {
        u->outlen = m->response_len;
        /* Upstream counts the chunk given; ours the one due next. */
        u->currblk = m->next_block - 1u;
    } else if (m->phase == SSIF_PHASE_RESPONSE) {
        u->outlen = m->response_len;
        if (m->response_unread) {
            /* As upstream leaves it when the answer arrives. */
            u->outpos = 0;
        } else if (m->response_len > SSIF_CHUNK) {
            /* Read to its end: the last chunk was the one given. */
            u->currblk = ssif_migrate_last_block(m->response_len);
        }
    } else {
        /* Upstream drops the response when it sends a request. */
        u->outlen = 0;
    }
}

/*
 * Whether upstream's buffers are a multi-part request under way rather than a
 * request and its answer: upstream keeps both, and its host may go on with either.
 * A request of whole chunks that the response does not answer is taken for one
 * still being written.
 */
/*@
  requires \valid_read(u);
  assigns \nothing;
*/
static bool ssif_migrate_writing(const struct ssif_upstream *u)
{
    return u->inlen > 0 && u->inlen % SSIF_CHUNK == 0 &&
           (u->outmsg[0] != (u->inmsg[0] | IPMI_RESPONSE_NETFN_BIT) ||
            u->outmsg[1] != u->inmsg[1]);
}

bool ssif_migrate_from_upstream(const struct ssif_upstream *u, struct ssif_machine *m,
                                uint8_t *sent)
{
    uint32_t outlen = u->outlen;
    uint32_t inlen = u->inlen;

    ssif_machine_init(m);
    *sent = 0;
    if (outlen > SSIF_UPSTREAM_MSG_SIZE || inlen > SSIF_UPSTREAM_MSG_SIZE ||
        u->outpos > SSIF_UPSTREAM_OUTBUF || u->outbuf[0] > SSIF_CHUNK) {
        return false;
    }
    bytes_copy(m->request, u->inmsg, SSIF_UPSTREAM_MSG_SIZE);
    bytes_copy(m->response, u->outmsg, SSIF_UPSTREAM_MSG_SIZE);
    bytes_copy(m->chunk, u->outbuf + 1, SSIF_CHUNK);
    m->chunk_len = u->outbuf[0];
    /* Upstream's bytes past the block are not ours to give: ours reads FFh there. */
    *sent = u->outpos > 1u + m->chunk_len ? (uint8_t)(1u + m->chunk_len)
                                          : (uint8_t)u->outpos;
    m->request_len = (uint16_t)inlen;
    m->request_id = (uint8_t)(u->waiting_rsp - 1u);

    if (outlen == 0 || ssif_migrate_writing(u)) {
        if (inlen == 0) {
            m->phase = SSIF_PHASE_IDLE;
        } else if (inlen % SSIF_CHUNK == 0) {
            /* A start and middles so far, each a whole chunk. */
            m->phase = SSIF_PHASE_WRITING;
        } else {
            /* Sent, and not answered yet (an external BMC). */
            m->phase = SSIF_PHASE_BUSY;
            m->request_id = u->waiting_rsp;
            m->netfn = m->request[0];
            m->command = m->request[1];
        }
    } else {
        m->response_len = (uint16_t)outlen;
        if (u->outpos == 0 && u->currblk == 0) {
            /* Answered, and no read of the answer begun. */
            m->phase = SSIF_PHASE_RESPONSE;
            m->response_unread = true;
        } else if (outlen <= SSIF_CHUNK ||
                   (u->currblk != 0 && !ssif_migrate_more_after(outlen, u->currblk))) {
            /* Read whole, or to its last chunk. */
            m->phase = SSIF_PHASE_RESPONSE;
        } else {
            m->phase = SSIF_PHASE_READING;
            m->next_block = (uint8_t)(u->currblk + 1u);
        }
    }
    return ssif_machine_consistent(m);
}

/*
 * Whether the round trip through upstream's fields brings back this machine and
 * cursor, in what the phase makes live: the request id, what is unread, the request
 * bytes, the block being read and the cursor in it (unless no read of the response
 * has begun, when upstream's cursor is 0), the response while one is there, the
 * next chunk while reading, the NetFn and command the BMC's answer is checked
 * against while it holds the request.
 */
/*@
  requires ssif_valid(m) && ssif_cursor(m, sent);
  assigns \nothing;
*/
static bool ssif_migrate_exact(const struct ssif_machine *m, uint8_t sent)
{
    struct ssif_upstream u;
    struct ssif_machine back;
    uint8_t back_sent;

    ssif_migrate_to_upstream(m, sent, &u);
    if (!ssif_migrate_from_upstream(&u, &back, &back_sent)) {
        return false;
    }
    if (back.phase != m->phase || back.request_id != m->request_id ||
        back.response_unread != m->response_unread ||
        back.request_len != m->request_len || back.chunk_len != m->chunk_len ||
        !bytes_equal(back.request, m->request, m->request_len) ||
        !bytes_equal(back.chunk, m->chunk, m->chunk_len)) {
        return false;
    }
    if (!(m->phase == SSIF_PHASE_RESPONSE && m->response_unread) && back_sent != sent) {
        return false;
    }
    if ((m->phase == SSIF_PHASE_RESPONSE || m->phase == SSIF_PHASE_READING) &&
        (back.response_len != m->response_len ||
         !bytes_equal(back.response, m->response, m->response_len))) {
        return false;
    }
    if (m->phase == SSIF_PHASE_READING && back.next_block != m->next_block) {
        return false;
    }
    return !ssif_phase_awaits(m->phase) ||
           (back.netfn == m->netfn && back.command == m->command);
}

bool ssif_migrate_needs_machine(const struct ssif_machine *m, uint8_t sent)
{
    return !ssif_migrate_exact(m, sent);
}

bool ssif_migrate_machine_ok(const struct ssif_machine *m, uint8_t sent)
{
    return ssif_machine_consistent(m) && sent <= 1u + m->chunk_len;
}
