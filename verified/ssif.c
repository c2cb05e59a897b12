/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SSIF machine's SMBus interface: what each transfer does around the generated
 * transition table (generated/ssif_machine.c), the framing of a block written, SMBus
 * alert, and what each call reports back. Contracts are in ssif.h.
 */
#include "ssif.h"

#include "bytes.h"
#include "ssif_vocabulary.h"

/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result != 0 <==> ssif_alert_level(m);
*/
static bool ssif_alert(const struct ssif_machine *m)
{
    return m->irq_enabled && (m->response_unread || m->attention);
}

/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result.len == len && \result.nak == nak && \result.request == request;
  ensures \result.alert_level != 0 <==> ssif_alert_level(m);
  ensures \result.alert_changed != 0 <==> (before != 0 <==> !ssif_alert_level(m));
*/
static struct ssif_result ssif_result(const struct ssif_machine *m, bool before, uint8_t len,
                                      bool nak, bool request)
{
    struct ssif_result r;

    r.len = len;
    r.nak = nak;
    r.alert_level = ssif_alert(m);
    r.alert_changed = r.alert_level != before;
    r.request = request;
    return r;
}

void ssif_machine_init(struct ssif_machine *m)
{
    m->phase = SSIF_PHASE_IDLE;
    m->request_id = 0;
    m->netfn = 0;
    m->command = 0;
    m->attention = false;
    m->irq_enabled = false;
    m->response_unread = false;
    m->refused = false;
    m->block_bad = false;
    m->block_len = 0;
    m->retry_block = 0;
    m->next_block = 0;
    m->chunk_len = 0;
    m->request_len = 0;
    m->response_len = 0;
    bytes_clear(m->block, sizeof(m->block));
    bytes_clear(m->chunk, sizeof(m->chunk));
    bytes_clear(m->request, sizeof(m->request));
    bytes_clear(m->response, sizeof(m->response));
}

struct ssif_result ssif_machine_reset(struct ssif_machine *m)
{
    bool before = ssif_alert(m);
    bool irq_enabled = m->irq_enabled;
    bool attention = m->attention;
    uint8_t request_id = m->request_id;

    ssif_machine_init(m);
    m->irq_enabled = irq_enabled;
    m->attention = attention;
    m->request_id = request_id;
    return ssif_result(m, before, 0, false, false);
}

bool ssif_machine_consistent(const struct ssif_machine *m)
{
    if (m->phase >= SSIF_PHASE_COUNT || m->block_len > SSIF_CHUNK ||
        m->chunk_len > SSIF_CHUNK || m->request_len > SSIF_REQUEST_CAPACITY ||
        m->response_len > SSIF_RESPONSE_CAPACITY) {
        return false;
    }
    if ((ssif_phase_awaits(m->phase) || m->phase == SSIF_PHASE_WRITING) &&
        m->request_len < IPMI_REQUEST_HEADER) {
        return false;
    }
    if ((m->phase == SSIF_PHASE_RESPONSE || m->phase == SSIF_PHASE_READING) &&
        m->response_len < IPMI_RESPONSE_HEADER) {
        return false;
    }
    return m->phase != SSIF_PHASE_READING || m->next_block >= 1;
}

/*
 * The block's byte count comes first; it must count exactly the bytes sent after it
 * (so one with a PEC byte the BMC did not ask for is malformed) and at most a chunk.
 */
/*@
  requires ssif_valid(m);
  requires \valid_read(data + (0 .. len - 1));
  requires \separated(m, data + (0 .. len - 1));
  assigns m->block[0 .. SSIF_CHUNK - 1], m->block_len, m->block_bad;
  ensures ssif_valid(m);
*/
static void ssif_take_data(struct ssif_machine *m, const uint8_t *data, size_t len)
{
    size_t count;

    if (len == 0 || data[0] != len - 1 || data[0] > SSIF_CHUNK) {
        m->block_bad = true;
        m->block_len = 0;
        return;
    }
    count = data[0];
    bytes_copy(m->block, data + 1, count);
    m->block_bad = false;
    m->block_len = (uint8_t)count;
}

struct ssif_result ssif_machine_write_block(struct ssif_machine *m, uint8_t command,
                                            const uint8_t *data, size_t len)
{
    bool before = ssif_alert(m);
    bool was_busy = ssif_phase_awaits(m->phase);

    ssif_take_data(m, data, len);
    m->refused = false;
    ssif_on_write(m, command);
    return ssif_result(m, before, 0, m->refused, !was_busy && ssif_phase_awaits(m->phase));
}

struct ssif_result ssif_machine_read_block(struct ssif_machine *m, uint8_t command,
                                           uint8_t block_number)
{
    bool before = ssif_alert(m);

    m->retry_block = block_number;
    m->refused = false;
    m->chunk_len = 0;
    ssif_on_read(m, command);
    return ssif_result(m, before, m->chunk_len, m->refused, false);
}

const uint8_t *ssif_machine_chunk(const struct ssif_machine *m)
{
    return m->chunk;
}

const uint8_t *ssif_machine_message(const struct ssif_machine *m)
{
    return m->request;
}

size_t ssif_machine_message_len(const struct ssif_machine *m)
{
    return m->request_len;
}

struct ssif_result ssif_machine_respond(struct ssif_machine *m, uint8_t request_id,
                                        const uint8_t *response, size_t len)
{
    bool before = ssif_alert(m);

    if (request_id == m->request_id && ssif_phase_awaits(m->phase)) {
        ssif_on_response(m, response, len);
    }
    return ssif_result(m, before, 0, false, false);
}

struct ssif_result ssif_machine_set_attention(struct ssif_machine *m, bool on)
{
    bool before = ssif_alert(m);

    m->attention = on;
    return ssif_result(m, before, 0, false, false);
}

struct ssif_result ssif_machine_set_irq_enable(struct ssif_machine *m, bool on)
{
    bool before = ssif_alert(m);

    m->irq_enabled = on;
    return ssif_result(m, before, 0, false, false);
}
