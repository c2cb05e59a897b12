/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Events into the SEL and the event message buffer; see event.h.
 */
#include "event.h"

#include "bytes.h"

/*
 * The buffer gets the SEL's copy of a record it logged (its id and timestamp), else
 * the record as it came.
 */
bool bmc_deliver_event(struct bmc *b, struct bmc_call *call,
                       const uint8_t record[SEL_RECORD_LEN], bool log)
{
    bool logged = false;
    uint8_t enables = b->state.global_enables;

    if (log && (enables & BMC_ENABLE_SYSTEM_EVENT_LOG) != 0) {
        logged = sel_log(&b->state.sel, call->now, record);
    }
    if ((enables & BMC_ENABLE_EVENT_BUFFER) != 0 &&
        (b->state.msg_flags & BMC_FLAG_EVENT_BUFFER_FULL) == 0) {
        if (logged) {
            bytes_copy(b->state.event_buffer, b->state.sel.entries[b->state.sel.count - 1],
                       SEL_RECORD_LEN);
        } else {
            bytes_copy(b->state.event_buffer, record, SEL_RECORD_LEN);
        }
        b->state.msg_flags |= BMC_FLAG_EVENT_BUFFER_FULL;
        call->effects.attention_changed = true;
        call->effects.attention = true;
        call->effects.attention_irq = bmc_attention_irq(b);
    }
    return logged;
}

void bmc_event(struct bmc *b, struct bmc_call *call, uint8_t sensor_type,
               uint8_t sensor_number, uint8_t dir_type, uint8_t data1, uint8_t data2,
               uint8_t data3)
{
    uint8_t record[SEL_RECORD_LEN];

    bytes_clear(record, SEL_RECORD_LEN);
    record[2] = SEL_RECORD_SYSTEM_EVENT;
    record[EVENT_GENERATOR_ID] = b->config.slave_addr;
    record[EVENT_GENERATOR_CHANNEL] = 0; /* channel 0, LUN 0 */
    record[EVENT_EVM_REV] = EVENT_MESSAGE_REVISION;
    record[EVENT_SENSOR_TYPE] = sensor_type;
    record[EVENT_SENSOR_NUMBER] = sensor_number;
    record[EVENT_DIR_TYPE] = dir_type;
    record[EVENT_DATA_1] = data1;
    record[EVENT_DATA_2] = data2;
    record[EVENT_DATA_3] = data3;
    (void)bmc_deliver_event(b, call, record, true);
}

struct bmc_effects bmc_generate_event(struct bmc *b, uint64_t now,
                                      const uint8_t record[SEL_RECORD_LEN], bool log)
{
    struct bmc_call call;

    call.now = now;
    bmc_clear_effects(&call.effects);
    (void)bmc_deliver_event(b, &call, record, log);
    return call.effects;
}
