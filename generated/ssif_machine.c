/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMBus System Interface (SSIF): the transition table, compiled to C.
 * IPMI v2.0 rev 1.1, section 12 (SSIF Interface).
 *
 * Generated from spec/ssif.yaml by generator/ipmigen (template ssif.c.j2).
 * Do not edit: change the spec and rebuild.
 *
 * One function per kind of event (an SMBus block write, an SMBus block read, the BMC's
 * response), each a switch over the phases; a transfer then tests its SMBus command
 * (`value`). A block write's bytes are already in the machine. A rule is a call of the
 * guards and effects that verified/ssif_vocabulary.c implements; the contracts
 * these functions keep are in verified/ssif_vocabulary.h.
 */
#include "ssif_vocabulary.h"

bool ssif_phase_awaits(uint8_t phase)
{
    return phase == SSIF_PHASE_BUSY;
}

void ssif_on_write(struct ssif_machine *m, uint8_t value)
{
    switch (m->phase) {
    case SSIF_PHASE_IDLE:
    case SSIF_PHASE_RESPONSE:
    case SSIF_PHASE_READING:
        if (value == SSIF_WRITE_SINGLE_PART) {
            if (ssif_single_malformed(m)) {
                ssif_refuse(m);
            } else if (ssif_single_asks_capabilities(m)) {
                ssif_take_block(m);
                ssif_answer_capabilities(m);
                m->phase = SSIF_PHASE_RESPONSE;
            } else { /* single_for_bmc */
                ssif_take_block(m);
                ssif_forget_response(m);
                ssif_deliver_request(m);
                m->phase = SSIF_PHASE_BUSY;
            }
        } else if (value == SSIF_WRITE_START) {
            if (ssif_start_malformed(m)) {
                ssif_refuse(m);
            } else { /* start_whole */
                ssif_take_block(m);
                ssif_forget_response(m);
                m->phase = SSIF_PHASE_WRITING;
            }
        } else {
            ssif_refuse(m);
        }
        break;
    case SSIF_PHASE_WRITING:
        if (value == SSIF_WRITE_SINGLE_PART) {
            if (ssif_single_malformed(m)) {
                ssif_refuse(m);
            } else if (ssif_single_asks_capabilities(m)) {
                ssif_take_block(m);
                ssif_answer_capabilities(m);
                m->phase = SSIF_PHASE_RESPONSE;
            } else { /* single_for_bmc */
                ssif_take_block(m);
                ssif_forget_response(m);
                ssif_deliver_request(m);
                m->phase = SSIF_PHASE_BUSY;
            }
        } else if (value == SSIF_WRITE_START) {
            if (ssif_start_malformed(m)) {
                ssif_refuse(m);
            } else { /* start_whole */
                ssif_take_block(m);
                ssif_forget_response(m);
                m->phase = SSIF_PHASE_WRITING;
            }
        } else if (value == SSIF_WRITE_MIDDLE) {
            if (ssif_middle_malformed(m)) {
                ssif_refuse(m);
            } else if (ssif_middle_overflows(m)) {
                ssif_refuse(m);
                ssif_clear_request(m);
                m->phase = SSIF_PHASE_IDLE;
            } else if (ssif_middle_continues(m)) {
                ssif_append_block(m);
            } else if (ssif_middle_ends_capabilities(m)) {
                ssif_append_block(m);
                ssif_answer_capabilities(m);
                m->phase = SSIF_PHASE_RESPONSE;
            } else { /* middle_ends_for_bmc */
                ssif_append_block(m);
                ssif_deliver_request(m);
                m->phase = SSIF_PHASE_BUSY;
            }
        } else if (value == SSIF_WRITE_END) {
            if (ssif_end_malformed(m)) {
                ssif_refuse(m);
            } else if (ssif_end_overflows(m)) {
                ssif_refuse(m);
                ssif_clear_request(m);
                m->phase = SSIF_PHASE_IDLE;
            } else if (ssif_end_asks_capabilities(m)) {
                ssif_append_block(m);
                ssif_answer_capabilities(m);
                m->phase = SSIF_PHASE_RESPONSE;
            } else { /* end_for_bmc */
                ssif_append_block(m);
                ssif_deliver_request(m);
                m->phase = SSIF_PHASE_BUSY;
            }
        } else {
            ssif_refuse(m);
        }
        break;
    default: /* SSIF_PHASE_BUSY */
        ssif_refuse(m);
        break;
    }
}

void ssif_on_read(struct ssif_machine *m, uint8_t value)
{
    switch (m->phase) {
    case SSIF_PHASE_IDLE:
    case SSIF_PHASE_WRITING:
    case SSIF_PHASE_BUSY:
        ssif_refuse(m);
        break;
    case SSIF_PHASE_RESPONSE:
        if (value == SSIF_READ_START) {
            if (ssif_response_in_one(m)) {
                ssif_give_whole(m);
                m->phase = SSIF_PHASE_RESPONSE;
            } else { /* response_in_parts */
                ssif_give_first_chunk(m);
                m->phase = SSIF_PHASE_READING;
            }
        } else if (value == SSIF_READ_RETRY) {
            if (ssif_retry_chunk_exists(m)) {
                ssif_give_retry_chunk(m);
                m->phase = SSIF_PHASE_READING;
            } else { /* retry_chunk_missing */
                ssif_refuse(m);
            }
        } else {
            ssif_refuse(m);
        }
        break;
    default: /* SSIF_PHASE_READING */
        if (value == SSIF_READ_START) {
            if (ssif_response_in_one(m)) {
                ssif_give_whole(m);
                m->phase = SSIF_PHASE_RESPONSE;
            } else { /* response_in_parts */
                ssif_give_first_chunk(m);
                m->phase = SSIF_PHASE_READING;
            }
        } else if (value == SSIF_READ_MIDDLE) {
            if (ssif_middle_chunk_left(m)) {
                ssif_give_middle_chunk(m);
            } else if (ssif_last_chunk_left(m)) {
                ssif_give_last_chunk(m);
                m->phase = SSIF_PHASE_RESPONSE;
            } else { /* no_chunk_left */
                ssif_refuse(m);
                m->phase = SSIF_PHASE_RESPONSE;
            }
        } else if (value == SSIF_READ_RETRY) {
            if (ssif_retry_chunk_exists(m)) {
                ssif_give_retry_chunk(m);
                m->phase = SSIF_PHASE_READING;
            } else { /* retry_chunk_missing */
                ssif_refuse(m);
            }
        } else {
            ssif_refuse(m);
        }
        break;
    }
}

void ssif_on_response(struct ssif_machine *m, const uint8_t *response, size_t len)
{
    switch (m->phase) {
    case SSIF_PHASE_BUSY:
        if (ssif_response_too_short(m, response, len)) {
            ssif_answer_request_with(m, IPMI_CC_UNSPECIFIED);
            m->phase = SSIF_PHASE_RESPONSE;
        } else if (ssif_response_fits(m, response, len)) {
            ssif_load_response(m, response, len);
            m->phase = SSIF_PHASE_RESPONSE;
        } else { /* response_too_long */
            ssif_answer_request_with(m, IPMI_CC_CANNOT_RETURN_BYTES);
            m->phase = SSIF_PHASE_RESPONSE;
        }
        break;
    default:
        break; /* Only a phase that awaits a response gets one. */
    }
}
