/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The guards and effects spec/kcs.yaml writes its rules in; their contracts are in
 * kcs_vocabulary.h.
 */
#include "kcs_vocabulary.h"

#include "bytes.h"
#include "ipmi_messages.h"

bool kcs_request_has_room(const struct kcs_machine *m)
{
    return m->request_len < KCS_REQUEST_CAPACITY;
}

bool kcs_request_full(const struct kcs_machine *m)
{
    return m->request_len >= KCS_REQUEST_CAPACITY;
}

bool kcs_response_left(const struct kcs_machine *m)
{
    return m->response_pos < m->response_len;
}

bool kcs_response_done(const struct kcs_machine *m)
{
    return m->response_pos >= m->response_len;
}

/* The response guards look at its length only; they take what every response word
 * takes so that the generated code calls each word the same way. */
bool kcs_response_empty(const struct kcs_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len == 0;
}

bool kcs_response_fits(const struct kcs_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len >= 1 && len <= KCS_RESPONSE_CAPACITY;
}

bool kcs_response_too_long(const struct kcs_machine *m, const uint8_t *response, size_t len)
{
    (void)m;
    (void)response;
    return len > KCS_RESPONSE_CAPACITY;
}

void kcs_clear_request(struct kcs_machine *m)
{
    m->request_len = 0;
}

void kcs_store_byte(struct kcs_machine *m, uint8_t value)
{
    m->request[m->request_len] = value;
    m->request_len++;
}

void kcs_set_error(struct kcs_machine *m, uint8_t code)
{
    m->error = code;
}

void kcs_note_abort(struct kcs_machine *m)
{
    if (m->error == KCS_ERROR_NO_ERROR) {
        m->error = KCS_ERROR_ABORTED_BY_COMMAND;
    }
}

/*
 * Every byte the BMC offers sets OBF, and OBF is what interrupts the host: the host
 * waits for it after each write, so each accepted write offers a byte.
 */
/*@
  requires kcs_valid(m);
  assigns m->data_out, m->obf, m->obf_irq;
  ensures kcs_valid(m) && kcs_offers(m, byte);
*/
static void kcs_emit(struct kcs_machine *m, uint8_t byte)
{
    m->data_out = byte;
    m->obf = true;
    m->obf_irq = true;
}

void kcs_emit_zero(struct kcs_machine *m)
{
    kcs_emit(m, 0);
}

void kcs_emit_error(struct kcs_machine *m)
{
    kcs_emit(m, m->error);
}

void kcs_emit_response_byte(struct kcs_machine *m)
{
    kcs_emit(m, m->response[m->response_pos]);
    m->response_pos++;
}

void kcs_load_response(struct kcs_machine *m, const uint8_t *response, size_t len)
{
    bytes_copy(m->response, response, len);
    m->response_len = (uint16_t)len;
    m->response_pos = 0;
}

void kcs_load_overlong_response(struct kcs_machine *m, const uint8_t *response, size_t len)
{
    (void)len;
    m->response[0] = response[0];
    m->response[1] = response[1];
    m->response[2] = IPMI_CC_CANNOT_RETURN_BYTES;
    m->response_len = IPMI_RESPONSE_HEADER;
    m->response_pos = 0;
}

void kcs_deliver_request(struct kcs_machine *m)
{
    m->request_id = m->request_id == UINT8_MAX ? 0 : (uint8_t)(m->request_id + 1);
}
