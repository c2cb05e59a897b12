/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The KCS machine's register interface: what a read or a write of each register does
 * around the generated transition table (generated/kcs_machine.c), and what each call
 * reports back. Contracts are in kcs.h.
 */
#include "kcs.h"

#include "bytes.h"
#include "kcs_vocabulary.h"

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

void kcs_machine_init(struct kcs_machine *m)
{
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
    bytes_clear(m->request, sizeof(m->request));
    bytes_clear(m->response, sizeof(m->response));
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

bool kcs_machine_consistent(const struct kcs_machine *m)
{
    return m->phase < KCS_PHASE_COUNT &&
           m->request_len <= KCS_REQUEST_CAPACITY &&
           m->response_pos <= m->response_len &&
           m->response_len <= KCS_RESPONSE_CAPACITY &&
           (!kcs_phase_holds_ibf(m->phase) || m->request_len >= 1);
}

uint8_t kcs_machine_status(const struct kcs_machine *m)
{
    unsigned int status = kcs_phase_state(m->phase) * (1u << KCS_STATUS_STATE_SHIFT);

    if (m->cd) {
        status += KCS_STATUS_CD;
    }
    if (m->atn) {
        status += KCS_STATUS_SMS_ATN;
    }
    if (kcs_phase_holds_ibf(m->phase)) {
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

struct kcs_result kcs_machine_write(struct kcs_machine *m, uint8_t offset, uint8_t value)
{
    bool before = kcs_irq(m);

    if (kcs_phase_holds_ibf(m->phase)) {
        /* The host must wait for IBF to clear; a write before then is not taken. */
        return kcs_result(m, before, 0, false);
    }
    if (offset == KCS_REG_STATUS) {
        kcs_on_command(m, value);
        m->cd = true;
    } else {
        kcs_on_data(m, value);
        m->cd = false;
    }
    /* Only the write that completes a request hands it to the BMC and holds IBF. */
    return kcs_result(m, before, 0, kcs_phase_holds_ibf(m->phase));
}

struct kcs_result kcs_machine_respond(struct kcs_machine *m, uint8_t request_id,
                                      const uint8_t *response, size_t len)
{
    bool before = kcs_irq(m);

    if (request_id == m->request_id && kcs_phase_holds_ibf(m->phase)) {
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
