/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Conversion between struct kcs_machine and upstream QEMU 10.0's KCS migration
 * fields (kcs_migrate.h).
 */
#include "kcs_migrate.h"

#include "bytes.h"

/* The three buffers have one size, so each copy is whole. */
typedef char kcs_migrate_request_size_check[
    KCS_REQUEST_CAPACITY == KCS_UPSTREAM_MSG_SIZE ? 1 : -1];
typedef char kcs_migrate_response_size_check[
    KCS_RESPONSE_CAPACITY == KCS_UPSTREAM_MSG_SIZE ? 1 : -1];

/* Upstream's status register: the state in bits 7:6, then CD, SMS_ATN, IBF, OBF. */
/*@
  assigns \nothing;
*/
static uint8_t kcs_migrate_status(unsigned int state, bool ibf, bool obf, bool cd,
                                  bool atn)
{
    return (uint8_t)(((state & 3u) << KCS_UPSTREAM_STATE_SHIFT) |
                     (cd ? KCS_STATUS_CD : 0u) | (atn ? KCS_STATUS_SMS_ATN : 0u) |
                     (ibf ? KCS_STATUS_IBF : 0u) | (obf ? KCS_STATUS_OBF : 0u));
}

void kcs_migrate_to_upstream(const struct kcs_machine *m, struct kcs_upstream *u)
{
    unsigned int state = KCS_STATE_IDLE;

    u->obf_irq_set = m->obf_irq;
    u->atn_irq_set = m->atn_irq;
    u->irqs_enabled = m->irq_enabled;
    bytes_copy(u->outmsg, m->response, KCS_UPSTREAM_MSG_SIZE);
    bytes_copy(u->inmsg, m->request, KCS_UPSTREAM_MSG_SIZE);
    u->outpos = m->response_pos;
    u->outlen = m->response_len;
    u->inlen = m->request_len;
    u->write_end = false;
    u->data_out_reg = m->data_out;
    u->data_in_reg = KCS_UPSTREAM_NOT_WRITTEN;
    u->cmd_reg = KCS_UPSTREAM_NOT_WRITTEN;
    /* Upstream names the next request; ours the last one, or the one held. */
    u->waiting_rsp = m->phase == KCS_PHASE_BUSY ? m->request_id
                                                : (uint8_t)(m->request_id + 1u);

    switch (m->phase) {
    case KCS_PHASE_IDLE:
        state = KCS_STATE_IDLE;
        break;
    case KCS_PHASE_WRITE_START:
        state = KCS_STATE_WRITE;
        u->inlen = 0;
        break;
    case KCS_PHASE_WRITE_DATA:
    case KCS_PHASE_BUSY:
        state = KCS_STATE_WRITE;
        break;
    case KCS_PHASE_WRITE_END:
        state = KCS_STATE_WRITE;
        u->write_end = true;
        break;
    case KCS_PHASE_READ:
        state = KCS_STATE_READ;
        break;
    case KCS_PHASE_ABORT_STATUS:
        /* The code is in the data register: a read that has handed out its byte. */
        state = KCS_STATE_READ;
        u->outmsg[0] = m->error;
        u->outlen = 1;
        u->outpos = 1;
        break;
    default:
        /* ABORT_ACK and ERROR: the code is upstream's one byte left to send. */
        state = KCS_STATE_ERROR;
        u->outmsg[0] = m->error;
        u->outlen = 1;
        u->outpos = 0;
        break;
    }
    u->status_reg = kcs_migrate_status(state, m->phase == KCS_PHASE_BUSY, m->obf,
                                       m->cd, m->atn);
}

bool kcs_migrate_from_upstream(const struct kcs_upstream *u, struct kcs_machine *m)
{
    unsigned int state = ((unsigned int)u->status_reg >> KCS_UPSTREAM_STATE_SHIFT) & 3u;
    bool ibf = (u->status_reg & KCS_STATUS_IBF) != 0;

    kcs_machine_init(m);
    m->data_out = u->data_out_reg;
    m->obf = (u->status_reg & KCS_STATUS_OBF) != 0;
    m->cd = (u->status_reg & KCS_STATUS_CD) != 0;
    m->atn = (u->status_reg & KCS_STATUS_SMS_ATN) != 0;
    m->irq_enabled = u->irqs_enabled;
    m->obf_irq = u->obf_irq_set;
    m->atn_irq = u->atn_irq_set;
    m->request_id = ibf ? u->waiting_rsp : (uint8_t)(u->waiting_rsp - 1u);
    bytes_copy(m->request, u->inmsg, KCS_UPSTREAM_MSG_SIZE);
    bytes_copy(m->response, u->outmsg, KCS_UPSTREAM_MSG_SIZE);

    if (ibf) {
        /* Only an external BMC's wait leaves IBF set, in the write state. */
        if (state != KCS_STATE_WRITE || u->write_end ||
            u->cmd_reg != KCS_UPSTREAM_NOT_WRITTEN || u->inlen < 1 ||
            u->inlen > KCS_REQUEST_CAPACITY) {
            return false;
        }
        m->phase = KCS_PHASE_BUSY;
        m->request_len = (uint16_t)u->inlen;
        return true;
    }
    /*
     * data_in_reg and cmd_reg mean nothing here: upstream consumes each write
     * before the access returns, and leaves them 0 (not -1) until the first one.
     */
    switch (state) {
    case KCS_STATE_IDLE:
        m->phase = KCS_PHASE_IDLE;
        return true;
    case KCS_STATE_WRITE:
        if (u->inlen > KCS_REQUEST_CAPACITY) {
            /* The host overran the buffer: ours stops at the byte past the end. */
            m->phase = KCS_PHASE_ERROR;
            m->error = KCS_ERROR_LENGTH_ERROR;
            return true;
        }
        m->request_len = (uint16_t)u->inlen;
        if (u->write_end) {
            m->phase = KCS_PHASE_WRITE_END;
        } else if (u->inlen == 0) {
            m->phase = KCS_PHASE_WRITE_START;
        } else {
            m->phase = KCS_PHASE_WRITE_DATA;
        }
        return true;
    case KCS_STATE_READ:
        if (u->outlen > KCS_RESPONSE_CAPACITY || u->outpos > u->outlen) {
            return false;
        }
        m->phase = KCS_PHASE_READ;
        m->response_len = (uint16_t)u->outlen;
        m->response_pos = (uint16_t)u->outpos;
        return true;
    default:
        /*
         * Upstream's error state hands out outmsg[outpos] at the host's next data
         * write and goes on to read, as ABORT_ACK hands out the status code: that is
         * the phase it is (upstream enters it at every GET_STATUS_ABORT). Ours
         * ERROR, which has no such byte, comes back as ABORT_ACK too, so the
         * binding sends it in the subsection.
         */
        if (u->outpos < u->outlen && u->outlen <= KCS_UPSTREAM_MSG_SIZE) {
            m->phase = KCS_PHASE_ABORT_ACK;
            m->error = u->outmsg[u->outpos];
        } else {
            m->phase = KCS_PHASE_ERROR;
            m->error = KCS_ERROR_UNSPECIFIED;
        }
        return true;
    }
}

bool kcs_migrate_alike(const struct kcs_machine *a, const struct kcs_machine *b)
{
    if (a->phase != b->phase || a->data_out != b->data_out || a->obf != b->obf ||
        a->cd != b->cd || a->atn != b->atn || a->error != b->error ||
        a->request_id != b->request_id || a->irq_enabled != b->irq_enabled ||
        a->obf_irq != b->obf_irq || a->atn_irq != b->atn_irq) {
        return false;
    }
    if (a->phase >= KCS_PHASE_WRITE_START && a->phase <= KCS_PHASE_BUSY &&
        (a->request_len != b->request_len ||
         !bytes_equal(a->request, b->request, a->request_len))) {
        return false;
    }
    return a->phase != KCS_PHASE_READ ||
           (a->response_len == b->response_len && a->response_pos == b->response_pos &&
            bytes_equal(a->response, b->response, a->response_len));
}
