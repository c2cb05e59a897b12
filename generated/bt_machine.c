/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Block Transfer (BT) interface: the transition table, compiled to C.
 * IPMI v2.0 rev 1.1, section 11 (BT Interface).
 *
 * Generated from spec/bt.yaml by generator/ipmigen (template bt.c.j2).
 * Do not edit: change the spec and rebuild.
 *
 * A write to a register of bits handles each bit in the spec's order: a bit whose
 * write is an event has a step of its own, a switch over the phases; the others set,
 * clear or flip their field. A byte written to the buffer and the BMC's response switch over the phases.
 * A rule is a call of the guards and effects that verified/bt_vocabulary.c
 * implements; the contracts these functions keep are in verified/bt_vocabulary.h.
 */
#include "bt_vocabulary.h"

unsigned int bt_phase_shows(uint8_t phase)
{
    /* The last phase takes the default, so no branch is left that cannot run. */
    switch (phase) {
    case BT_PHASE_IDLE:
        return 0;
    case BT_PHASE_BUSY:
        return BT_CONTROL_B_BUSY;
    default: /* BT_PHASE_RESPONSE */
        return BT_CONTROL_B2H_ATN;
    }
}

bool bt_phase_awaits(uint8_t phase)
{
    return phase == BT_PHASE_BUSY;
}

void bt_on_control_clr_wr_ptr(struct bt_machine *m)
{
    switch (m->phase) {
    case BT_PHASE_IDLE:
    case BT_PHASE_RESPONSE:
        bt_clear_request(m);
        break;
    default: /* BT_PHASE_BUSY */
        /* Nothing changes. */
        break;
    }
}

void bt_on_control_clr_rd_ptr(struct bt_machine *m)
{
    bt_rewind_response(m);
}

void bt_on_control_b2h_atn(struct bt_machine *m)
{
    switch (m->phase) {
    case BT_PHASE_IDLE:
    case BT_PHASE_BUSY:
        /* Nothing changes. */
        break;
    default: /* BT_PHASE_RESPONSE */
        m->phase = BT_PHASE_IDLE;
        break;
    }
}

void bt_on_control_h2b_atn(struct bt_machine *m)
{
    switch (m->phase) {
    case BT_PHASE_IDLE:
    case BT_PHASE_RESPONSE:
        if (bt_request_too_short(m)) {
            /* Nothing changes. */
        } else if (bt_request_length_wrong(m)) {
            bt_take_header(m);
            bt_answer_request_with(m, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
            m->phase = BT_PHASE_RESPONSE;
        } else if (bt_request_asks_capabilities(m)) {
            bt_take_header(m);
            bt_answer_capabilities(m);
            m->phase = BT_PHASE_RESPONSE;
        } else { /* request_for_bmc */
            bt_take_header(m);
            bt_deliver_request(m);
            m->phase = BT_PHASE_BUSY;
        }
        break;
    default: /* BT_PHASE_BUSY */
        /* Nothing changes. */
        break;
    }
}

void bt_on_control(struct bt_machine *m, uint8_t value)
{
    if ((value & BT_CONTROL_CLR_WR_PTR) != 0) {
        bt_on_control_clr_wr_ptr(m);
    }
    if ((value & BT_CONTROL_CLR_RD_PTR) != 0) {
        bt_on_control_clr_rd_ptr(m);
    }
    if ((value & BT_CONTROL_B2H_ATN) != 0) {
        bt_on_control_b2h_atn(m);
    }
    if ((value & BT_CONTROL_SMS_ATN) != 0) {
        m->sms_atn = false;
    }
    /* OEM0: writes are ignored. */
    if ((value & BT_CONTROL_H_BUSY) != 0) {
        m->h_busy = !m->h_busy;
    }
    if ((value & BT_CONTROL_H2B_ATN) != 0) {
        bt_on_control_h2b_atn(m);
    }
    /* B_BUSY: writes are ignored. */
}

uint8_t bt_read_control(const struct bt_machine *m)
{
    /* The bits are distinct, so their sum is the register. */
    return (uint8_t)(bt_phase_shows(m->phase)
                     + (m->sms_atn ? BT_CONTROL_SMS_ATN : 0)
                     + (m->h_busy ? BT_CONTROL_H_BUSY : 0));
}

void bt_on_mask_bmc_hwrst(struct bt_machine *m)
{
    bt_clear_request(m);
    bt_forget_response(m);
    m->phase = BT_PHASE_IDLE;
}

void bt_on_mask(struct bt_machine *m, uint8_t value)
{
    m->b2h_irq_en = (value & BT_MASK_B2H_IRQ_EN) != 0;
    if ((value & BT_MASK_B2H_IRQ) != 0) {
        m->b2h_irq = false;
    }
    if ((value & BT_MASK_BMC_HWRST) != 0) {
        bt_on_mask_bmc_hwrst(m);
    }
}

uint8_t bt_read_mask(const struct bt_machine *m)
{
    /* The bits are distinct, so their sum is the register. */
    return (uint8_t)((m->b2h_irq_en ? BT_MASK_B2H_IRQ_EN : 0)
                     + (m->b2h_irq ? BT_MASK_B2H_IRQ : 0));
}

void bt_on_buffer(struct bt_machine *m, uint8_t value)
{
    switch (m->phase) {
    case BT_PHASE_IDLE:
    case BT_PHASE_RESPONSE:
        if (bt_request_has_room(m)) {
            bt_store_byte(m, value);
        } else { /* request_full */
            bt_note_overrun(m);
        }
        break;
    default: /* BT_PHASE_BUSY */
        /* Nothing changes. */
        break;
    }
}

void bt_on_response(struct bt_machine *m, const uint8_t *response, size_t len)
{
    switch (m->phase) {
    case BT_PHASE_BUSY:
        if (bt_response_too_short(m, response, len)) {
            bt_answer_request_with(m, IPMI_CC_UNSPECIFIED);
            m->phase = BT_PHASE_RESPONSE;
        } else if (bt_response_fits(m, response, len)) {
            bt_load_response(m, response, len);
            m->phase = BT_PHASE_RESPONSE;
        } else { /* response_too_long */
            bt_answer_request_with(m, IPMI_CC_CANNOT_RETURN_BYTES);
            m->phase = BT_PHASE_RESPONSE;
        }
        break;
    default:
        break; /* Only a phase that awaits a response gets one. */
    }
}
