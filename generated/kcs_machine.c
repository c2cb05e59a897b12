/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Keyboard Controller Style (KCS) interface: the transition table, compiled to C.
 * IPMI v2.0 rev 1.1, section 9 (KCS Interface).
 *
 * Generated from spec/kcs.yaml by generator/ipmigen (template kcs.c.j2).
 * Do not edit: change the spec and rebuild.
 *
 * One function per kind of event (a write to the command register, a write to the data
 * register, the BMC's response), each a switch over the phases; a write then tests the
 * value written. A rule is a call of
 * the guards and effects that verified/kcs_vocabulary.c implements; the contracts
 * these functions keep are in verified/kcs_vocabulary.h.
 */
#include "kcs_vocabulary.h"

unsigned int kcs_phase_state(uint8_t phase)
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

bool kcs_phase_holds_ibf(uint8_t phase)
{
    return phase == KCS_PHASE_BUSY;
}

void kcs_on_command(struct kcs_machine *m, uint8_t value)
{
    switch (m->phase) {
    case KCS_PHASE_IDLE:
    case KCS_PHASE_WRITE_START:
    case KCS_PHASE_WRITE_END:
    case KCS_PHASE_READ:
    case KCS_PHASE_ABORT_ACK:
    case KCS_PHASE_ABORT_STATUS:
        if (value == KCS_CONTROL_GET_STATUS_ABORT) {
            kcs_note_abort(m);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ABORT_ACK;
        } else if (value == KCS_CONTROL_WRITE_START) {
            kcs_clear_request(m);
            kcs_set_error(m, KCS_ERROR_NO_ERROR);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_WRITE_START;
        } else {
            kcs_set_error(m, KCS_ERROR_ILLEGAL_CONTROL_CODE);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_WRITE_DATA:
        if (value == KCS_CONTROL_GET_STATUS_ABORT) {
            kcs_note_abort(m);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ABORT_ACK;
        } else if (value == KCS_CONTROL_WRITE_START) {
            kcs_clear_request(m);
            kcs_set_error(m, KCS_ERROR_NO_ERROR);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_WRITE_START;
        } else if (value == KCS_CONTROL_WRITE_END) {
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_WRITE_END;
        } else {
            kcs_set_error(m, KCS_ERROR_ILLEGAL_CONTROL_CODE);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_ERROR:
        if (value == KCS_CONTROL_GET_STATUS_ABORT) {
            kcs_note_abort(m);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ABORT_ACK;
        } else {
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    default:
        break; /* BUSY holds IBF: no host write reaches here. */
    }
}

void kcs_on_data(struct kcs_machine *m, uint8_t value)
{
    switch (m->phase) {
    case KCS_PHASE_IDLE:
        kcs_set_error(m, KCS_ERROR_ILLEGAL_CONTROL_CODE);
        kcs_emit_zero(m);
        m->phase = KCS_PHASE_ERROR;
        break;
    case KCS_PHASE_WRITE_START:
    case KCS_PHASE_WRITE_DATA:
        if (kcs_request_has_room(m)) {
            kcs_store_byte(m, value);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_WRITE_DATA;
        } else { /* request_full */
            kcs_set_error(m, KCS_ERROR_LENGTH_ERROR);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_WRITE_END:
        if (kcs_request_has_room(m)) {
            kcs_store_byte(m, value);
            kcs_deliver_request(m);
            m->phase = KCS_PHASE_BUSY;
        } else { /* request_full */
            kcs_set_error(m, KCS_ERROR_LENGTH_ERROR);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_READ:
        if (value == KCS_CONTROL_READ) {
            if (kcs_response_left(m)) {
                kcs_emit_response_byte(m);
                m->phase = KCS_PHASE_READ;
            } else { /* response_done */
                kcs_emit_zero(m);
                m->phase = KCS_PHASE_IDLE;
            }
        } else {
            kcs_set_error(m, KCS_ERROR_ILLEGAL_CONTROL_CODE);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_ABORT_ACK:
        kcs_emit_error(m);
        m->phase = KCS_PHASE_ABORT_STATUS;
        break;
    case KCS_PHASE_ABORT_STATUS:
        if (value == KCS_CONTROL_READ) {
            kcs_set_error(m, KCS_ERROR_NO_ERROR);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_IDLE;
        } else {
            kcs_set_error(m, KCS_ERROR_ILLEGAL_CONTROL_CODE);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        }
        break;
    case KCS_PHASE_ERROR:
        kcs_emit_zero(m);
        m->phase = KCS_PHASE_ERROR;
        break;
    default:
        break; /* BUSY holds IBF: no host write reaches here. */
    }
}

void kcs_on_response(struct kcs_machine *m, const uint8_t *response, size_t len)
{
    switch (m->phase) {
    case KCS_PHASE_BUSY:
        if (kcs_response_empty(m, response, len)) {
            kcs_set_error(m, KCS_ERROR_UNSPECIFIED);
            kcs_emit_zero(m);
            m->phase = KCS_PHASE_ERROR;
        } else if (kcs_response_fits(m, response, len)) {
            kcs_load_response(m, response, len);
            kcs_emit_response_byte(m);
            m->phase = KCS_PHASE_READ;
        } else { /* response_too_long */
            kcs_load_overlong_response(m, response, len);
            kcs_emit_response_byte(m);
            m->phase = KCS_PHASE_READ;
        }
        break;
    default:
        break; /* Only a phase that awaits a response gets one. */
    }
}
