/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Keyboard Controller Style (KCS) interface: the BMC side, as a state machine.
 * IPMI v2.0 rev 1.1, section 9 (KCS Interface).
 *
 * Generated from spec/kcs.yaml by generator/ipmigen (template kcs).
 * Do not edit: change the spec and rebuild.
 */
#include "kcs_machine.h"

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result != 0 <==> kcs_irq_level(m);
*/
static bool kcs_irq(const struct kcs_machine *m)
{
    return m->irq_enabled && (m->obf_irq || m->atn_irq);
}

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result != 0 <==> (m->phase == KCS_PHASE_BUSY);
*/
static bool kcs_ibf_held(const struct kcs_machine *m)
{
    return m->phase == KCS_PHASE_BUSY;
}

/*@
  requires kcs_valid(m);
  assigns \nothing;
  ensures \result.value == value && \result.request == request;
  ensures \result.irq_level != 0 <==> kcs_irq_level(m);
  ensures \result.irq_changed != 0 <==> (before != 0 <==> !kcs_irq_level(m));
*/
static struct kcs_result kcs_result(const struct kcs_machine *m, bool before,
                                    uint8_t value, bool request)
{
    struct kcs_result r;

    r.value = value;
    r.irq_level = kcs_irq(m);
    r.irq_changed = r.irq_level != before;
    r.request = request;
    return r;
}

/*
 * Every byte the BMC offers sets OBF, and OBF is what interrupts the host: the host
 * waits for it after each write, so each accepted write offers a byte.
 */
/*@
  requires kcs_valid(m);
  assigns m->data_out, m->obf, m->obf_irq;
  ensures kcs_valid(m);
  ensures m->data_out == byte && m->obf && m->obf_irq;
*/
static void kcs_emit(struct kcs_machine *m, uint8_t byte)
{
    m->data_out = byte;
    m->obf = true;
    m->obf_irq = true;
}

/*@
  requires kcs_valid(m);
  requires 1 <= len <= 300;
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns m->response[0 .. len - 1], m->response_len, m->response_pos;
  ensures kcs_valid(m);
  ensures m->response_len == len && m->response_pos == 0;
  ensures \forall integer k; 0 <= k < len ==> m->response[k] == response[k];
*/
static void kcs_load_response(struct kcs_machine *m, const uint8_t *response, size_t len)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= len;
      loop invariant \forall integer k; 0 <= k < i ==> m->response[k] == response[k];
      loop assigns i, m->response[0 .. len - 1];
      loop variant len - i;
    */
    for (i = 0; i < len; i++) {
        m->response[i] = response[i];
    }
    m->response_len = (uint16_t)len;
    m->response_pos = 0;
}

/*
 * A response longer than the buffer cannot reach the host whole; IPMI's answer is the
 * request's NetFn and command with completion code CAh, "cannot return number of
 * requested data bytes".
 */
/*@
  requires kcs_valid(m);
  requires \valid_read(response + (0 .. 1));
  requires \separated(m, response + (0 .. 1));
  assigns m->response[0 .. 2], m->response_len, m->response_pos;
  ensures kcs_valid(m);
  ensures m->response_len == 3 && m->response_pos == 0;
  ensures m->response[0] == response[0];
*/
static void kcs_load_overlong_response(struct kcs_machine *m, const uint8_t *response)
{
    m->response[0] = response[0];
    m->response[1] = response[1];
    m->response[2] = 0xca;
    m->response_len = 3;
    m->response_pos = 0;
}

/*@
  requires 0 <= phase <= 8;
  assigns \nothing;
  ensures \result == kcs_state_of(phase);
*/
static unsigned int kcs_state(uint8_t phase)
{
    /* The last phase takes the default, so no branch is left that cannot run. */
    switch (phase) {
    case KCS_PHASE_IDLE:
        return KCS_STATE_IDLE;
    case KCS_PHASE_WRITE_START:
        return KCS_STATE_WRITE;
    case KCS_PHASE_WRITE_DATA:
        return KCS_STATE_WRITE;
    case KCS_PHASE_WRITE_END:
        return KCS_STATE_WRITE;
    case KCS_PHASE_BUSY:
        return KCS_STATE_WRITE;
    case KCS_PHASE_READ:
        return KCS_STATE_READ;
    case KCS_PHASE_ABORT_ACK:
        return KCS_STATE_WRITE;
    case KCS_PHASE_ABORT_STATUS:
        return KCS_STATE_READ;
    default: /* KCS_PHASE_ERROR */
        return KCS_STATE_ERROR;
    }
}

void kcs_machine_init(struct kcs_machine *m)
{
    size_t i;

    m->phase = KCS_PHASE_IDLE;
    m->data_out = 0;
    m->obf = false;
    m->cd = false;
    m->atn = false;
    m->error = KCS_ERROR_NO_ERROR;
    m->request_id = 0;
    m->irq_enabled = false;
    m->obf_irq = false;
    m->atn_irq = false;
    m->request_len = 0;
    m->response_len = 0;
    m->response_pos = 0;
    /*@
      loop invariant 0 <= i <= 300;
      loop assigns i, m->request[0 .. 299];
      loop variant 300 - i;
    */
    for (i = 0; i < KCS_REQUEST_CAPACITY; i++) {
        m->request[i] = 0;
    }
    /*@
      loop invariant 0 <= i <= 300;
      loop assigns i, m->response[0 .. 299];
      loop variant 300 - i;
    */
    for (i = 0; i < KCS_RESPONSE_CAPACITY; i++) {
        m->response[i] = 0;
    }
}

struct kcs_result kcs_machine_reset(struct kcs_machine *m)
{
    bool before = kcs_irq(m);
    bool irq_enabled = m->irq_enabled;
    bool atn = m->atn;
    uint8_t request_id = m->request_id;

    kcs_machine_init(m);
    m->irq_enabled = irq_enabled;
    m->atn = atn;
    m->request_id = request_id;
    return kcs_result(m, before, 0, false);
}

uint8_t kcs_machine_status(const struct kcs_machine *m)
{
    unsigned int status = kcs_state(m->phase) * 64u;

    if (m->cd) {
        status += KCS_STATUS_CD;
    }
    if (m->atn) {
        status += KCS_STATUS_SMS_ATN;
    }
    if (kcs_ibf_held(m)) {
        status += KCS_STATUS_IBF;
    }
    if (m->obf) {
        status += KCS_STATUS_OBF;
    }
    return (uint8_t)status;
}

struct kcs_result kcs_machine_read(struct kcs_machine *m, uint8_t offset)
{
    bool before = kcs_irq(m);
    uint8_t value;

    if (offset == KCS_REG_DATA) {
        value = m->data_out;
        m->obf = false;
        m->obf_irq = false;
    } else {
        value = kcs_machine_status(m);
        m->atn_irq = false;
    }
    return kcs_result(m, before, value, false);
}

/*@
  requires kcs_valid(m);
  requires m->phase != KCS_PHASE_BUSY;
  assigns *m;
  ensures kcs_valid(m);
  ensures m->cd == \old(m->cd) && m->request_id == \old(m->request_id);
  ensures m->irq_enabled == \old(m->irq_enabled) && m->atn == \old(m->atn);
  ensures m->atn_irq == \old(m->atn_irq);
  ensures m->phase != KCS_PHASE_READ && m->phase != KCS_PHASE_BUSY;
*/
static void kcs_on_command(struct kcs_machine *m, uint8_t value)
{
    switch (value) {
    case KCS_CONTROL_GET_STATUS_ABORT:
        switch (m->phase) {
        case KCS_PHASE_IDLE:
        case KCS_PHASE_WRITE_START:
        case KCS_PHASE_WRITE_DATA:
        case KCS_PHASE_WRITE_END:
        case KCS_PHASE_READ:
        case KCS_PHASE_ABORT_STATUS:
        case KCS_PHASE_ERROR:
            if (m->error == KCS_ERROR_NO_ERROR) {
                m->error = KCS_ERROR_ABORTED_BY_COMMAND;
            }
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ABORT_ACK;
            break;
        case KCS_PHASE_ABORT_ACK:
            if (m->error == KCS_ERROR_NO_ERROR) {
                m->error = KCS_ERROR_ABORTED_BY_COMMAND;
            }
            kcs_emit(m, 0);
            break;
        default:
            break; /* BUSY holds IBF: no host write reaches here. */
        }
        break;
    case KCS_CONTROL_WRITE_START:
        switch (m->phase) {
        case KCS_PHASE_IDLE:
        case KCS_PHASE_WRITE_DATA:
        case KCS_PHASE_WRITE_END:
        case KCS_PHASE_READ:
        case KCS_PHASE_ABORT_ACK:
        case KCS_PHASE_ABORT_STATUS:
            m->request_len = 0;
            m->error = KCS_ERROR_NO_ERROR;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_WRITE_START;
            break;
        case KCS_PHASE_WRITE_START:
            m->request_len = 0;
            m->error = KCS_ERROR_NO_ERROR;
            kcs_emit(m, 0);
            break;
        case KCS_PHASE_ERROR:
            kcs_emit(m, 0);
            break;
        default:
            break; /* BUSY holds IBF: no host write reaches here. */
        }
        break;
    case KCS_CONTROL_WRITE_END:
        switch (m->phase) {
        case KCS_PHASE_IDLE:
        case KCS_PHASE_WRITE_START:
        case KCS_PHASE_WRITE_END:
        case KCS_PHASE_READ:
        case KCS_PHASE_ABORT_ACK:
        case KCS_PHASE_ABORT_STATUS:
            m->error = KCS_ERROR_ILLEGAL_CONTROL_CODE;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
            break;
        case KCS_PHASE_WRITE_DATA:
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_WRITE_END;
            break;
        case KCS_PHASE_ERROR:
            kcs_emit(m, 0);
            break;
        default:
            break; /* BUSY holds IBF: no host write reaches here. */
        }
        break;
    default:
        switch (m->phase) {
        case KCS_PHASE_IDLE:
        case KCS_PHASE_WRITE_START:
        case KCS_PHASE_WRITE_DATA:
        case KCS_PHASE_WRITE_END:
        case KCS_PHASE_READ:
        case KCS_PHASE_ABORT_ACK:
        case KCS_PHASE_ABORT_STATUS:
            m->error = KCS_ERROR_ILLEGAL_CONTROL_CODE;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
            break;
        case KCS_PHASE_ERROR:
            kcs_emit(m, 0);
            break;
        default:
            break; /* BUSY holds IBF: no host write reaches here. */
        }
        break;
    }
}

/*@
  requires kcs_valid(m);
  requires m->phase != KCS_PHASE_BUSY;
  assigns *m;
  ensures kcs_valid(m);
  ensures m->cd == \old(m->cd) && m->irq_enabled == \old(m->irq_enabled);
  ensures m->atn == \old(m->atn) && m->atn_irq == \old(m->atn_irq);
  ensures m->phase == KCS_PHASE_READ ==> \old(m->phase) == KCS_PHASE_READ;
  ensures \result != 0 ==> \old(m->phase) == KCS_PHASE_WRITE_END && (m->phase == KCS_PHASE_BUSY);
  ensures \result != 0 ==> m->request_len >= 1 && m->request_id != \old(m->request_id);
  ensures \result == 0 ==> m->request_id == \old(m->request_id) && m->phase != KCS_PHASE_BUSY;
*/
static bool kcs_on_data(struct kcs_machine *m, uint8_t value)
{
    bool request = false;

    switch (m->phase) {
    case KCS_PHASE_IDLE:
        m->error = KCS_ERROR_ILLEGAL_CONTROL_CODE;
        kcs_emit(m, 0);
        m->phase = KCS_PHASE_ERROR;
        break;
    case KCS_PHASE_WRITE_START:
        if (m->request_len < KCS_REQUEST_CAPACITY) {
            m->request[m->request_len] = value;
            m->request_len++;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_WRITE_DATA;
        } else {
            m->error = KCS_ERROR_LENGTH_ERROR;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_WRITE_DATA:
        if (m->request_len < KCS_REQUEST_CAPACITY) {
            m->request[m->request_len] = value;
            m->request_len++;
            kcs_emit(m, 0);
        } else {
            m->error = KCS_ERROR_LENGTH_ERROR;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_WRITE_END:
        if (m->request_len < KCS_REQUEST_CAPACITY) {
            m->request[m->request_len] = value;
            m->request_len++;
            m->request_id = m->request_id == 255 ? 0 : (uint8_t)(m->request_id + 1);
            request = true;
            m->phase = KCS_PHASE_BUSY;
        } else {
            m->error = KCS_ERROR_LENGTH_ERROR;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_READ:
        if (value == KCS_CONTROL_READ) {
            if (m->response_pos < m->response_len) {
                kcs_emit(m, m->response[m->response_pos]);
                m->response_pos++;
            } else {
                kcs_emit(m, 0);
                m->phase = KCS_PHASE_IDLE;
            }
        } else {
            m->error = KCS_ERROR_ILLEGAL_CONTROL_CODE;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_ABORT_ACK:
        kcs_emit(m, m->error);
        m->phase = KCS_PHASE_ABORT_STATUS;
        break;
    case KCS_PHASE_ABORT_STATUS:
        if (value == KCS_CONTROL_READ) {
            m->error = KCS_ERROR_NO_ERROR;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_IDLE;
        } else {
            m->error = KCS_ERROR_ILLEGAL_CONTROL_CODE;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_ERROR:
        kcs_emit(m, 0);
        break;
    default:
        break; /* BUSY holds IBF: no host write reaches here. */
    }
    return request;
}

/*@
  requires kcs_valid(m);
  requires m->phase == KCS_PHASE_BUSY;
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns *m;
  ensures kcs_valid(m);
  ensures m->cd == \old(m->cd) && m->irq_enabled == \old(m->irq_enabled);
  ensures m->atn == \old(m->atn) && m->atn_irq == \old(m->atn_irq);
  ensures m->request_id == \old(m->request_id);
  ensures m->phase == KCS_PHASE_READ && \old(m->phase) != KCS_PHASE_READ ==>
          (\old(m->phase) == KCS_PHASE_BUSY) && m->obf && m->response_pos == 1 && m->response_len >= 1
          && (len <= 300 ==> m->response_len == len && m->data_out == response[0]);
  ensures m->phase == KCS_PHASE_READ || m->phase == KCS_PHASE_ERROR;
*/
static void kcs_on_response(struct kcs_machine *m, const uint8_t *response, size_t len)
{
    switch (m->phase) {
    case KCS_PHASE_BUSY:
        if (len == 0) {
            m->error = KCS_ERROR_UNSPECIFIED;
            kcs_emit(m, 0);
            m->phase = KCS_PHASE_ERROR;
        } else if (len <= KCS_RESPONSE_CAPACITY) {
            kcs_load_response(m, response, len);
            kcs_emit(m, m->response[m->response_pos]);
            m->response_pos++;
            m->phase = KCS_PHASE_READ;
        } else {
            kcs_load_overlong_response(m, response);
            kcs_emit(m, m->response[m->response_pos]);
            m->response_pos++;
            m->phase = KCS_PHASE_READ;
        }
        break;
    default:
        break; /* Only a phase that holds IBF waits for a response. */
    }
}

struct kcs_result kcs_machine_write(struct kcs_machine *m, uint8_t offset, uint8_t value)
{
    bool before = kcs_irq(m);
    bool request = false;

    if (kcs_ibf_held(m)) {
        /* The host must wait for IBF to clear; a write before then is not taken. */
        return kcs_result(m, before, 0, false);
    }
    if (offset == KCS_REG_STATUS) {
        kcs_on_command(m, value);
        m->cd = true;
    } else {
        request = kcs_on_data(m, value);
        m->cd = false;
    }
    return kcs_result(m, before, 0, request);
}

struct kcs_result kcs_machine_respond(struct kcs_machine *m, uint8_t request_id,
                                      const uint8_t *response, size_t len)
{
    bool before = kcs_irq(m);

    if (request_id == m->request_id && kcs_ibf_held(m)) {
        kcs_on_response(m, response, len);
    }
    return kcs_result(m, before, 0, false);
}

struct kcs_result kcs_machine_set_attention(struct kcs_machine *m, bool on, bool irq)
{
    bool before = kcs_irq(m);

    m->atn = on;
    m->atn_irq = on && (irq || m->atn_irq);
    return kcs_result(m, before, 0, false);
}

struct kcs_result kcs_machine_set_irq_enable(struct kcs_machine *m, bool on)
{
    bool before = kcs_irq(m);

    m->irq_enabled = on;
    return kcs_result(m, before, 0, false);
}
