/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Events (IPMI v2.0 rev 1.1, section 29.7): what the BMC's sensors and the host's
 * Platform Event Messages report. An event is a SEL system event record (section 32.1)
 * and goes to the System Event Log if BMC_ENABLE_SYSTEM_EVENT_LOG is on and to the
 * event message buffer if BMC_ENABLE_EVENT_BUFFER is on. The buffer holds one event:
 * while full (BMC_FLAG_EVENT_BUFFER_FULL) a new event is not put there, the one in it is
 * kept until Read Event Message Buffer takes it (section 22.8). Filling it raises
 * attention.
 */
#ifndef EVENT_H
#define EVENT_H

#include <stdbool.h>
#include <stdint.h>

#include "bmc.h"
#include "sel.h"

/* SEL system event record bytes (section 32.1). */
#define EVENT_RECORD_TYPE 2
#define EVENT_GENERATOR_ID 7
#define EVENT_GENERATOR_CHANNEL 8
#define EVENT_EVM_REV 9
#define EVENT_SENSOR_TYPE 10
#define EVENT_SENSOR_NUMBER 11
#define EVENT_DIR_TYPE 12
#define EVENT_DATA_1 13
#define EVENT_DATA_2 14
#define EVENT_DATA_3 15
#define EVENT_MESSAGE_REVISION 0x04   /* IPMI 2.0 (table 29-5) */

/*
 * Hands a 16-byte event record to the SEL (if `log` and the SEL is enabled) and to the
 * event message buffer (if enabled and empty), as the call's doing: attention rises
 * when the buffer fills. A SEL that is full refuses the record and says so with its
 * overflow flag. Returns whether the record was logged.
 */
/*@
  requires \valid(b) && bmc_call_valid(call);
  requires \valid_read(record + (0 .. SEL_RECORD_LEN - 1));
  requires \separated(b, call, record + (0 .. SEL_RECORD_LEN - 1));
  assigns b->state.sel, b->state.msg_flags, b->state.event_buffer[0 .. SEL_RECORD_LEN - 1],
          call->effects.attention_changed, call->effects.attention,
          call->effects.attention_irq;
  ensures bmc_call_valid(call);
  ensures (\old(b->state.global_enables) & BMC_ENABLE_EVENT_BUFFER) != 0
          && (\old(b->state.msg_flags) & BMC_FLAG_EVENT_BUFFER_FULL) == 0 ==>
          (b->state.msg_flags & BMC_FLAG_EVENT_BUFFER_FULL) != 0
          && call->effects.attention_changed && call->effects.attention;
  ensures \result != 0 ==> log && (b->state.global_enables & BMC_ENABLE_SYSTEM_EVENT_LOG) != 0;
*/
bool bmc_deliver_event(struct bmc *b, struct bmc_call *call,
                       const uint8_t record[SEL_RECORD_LEN], bool log);

/*
 * An event of one of the BMC's own sensors: generator id the BMC's slave address, LUN
 * 0, event message revision 04h; delivered and logged as above.
 */
/*@
  requires \valid(b) && bmc_call_valid(call) && \separated(b, call);
  assigns b->state.sel, b->state.msg_flags, b->state.event_buffer[0 .. SEL_RECORD_LEN - 1],
          call->effects.attention_changed, call->effects.attention,
          call->effects.attention_irq;
  ensures bmc_call_valid(call);
*/
void bmc_event(struct bmc *b, struct bmc_call *call, uint8_t sensor_type,
               uint8_t sensor_number, uint8_t dir_type, uint8_t data1, uint8_t data2,
               uint8_t data3);

/*
 * An event another part of the machine generates (QEMU's ipmi_bmc_gen_event) at time
 * `now`: a 16-byte record, logged if `log` is set. Returns what it asks of the
 * interface (attention, when the event buffer fills).
 */
/*@
  requires \valid(b) && \valid_read(record + (0 .. SEL_RECORD_LEN - 1));
  requires \separated(b, record + (0 .. SEL_RECORD_LEN - 1));
  assigns b->state.sel, b->state.msg_flags, b->state.event_buffer[0 .. SEL_RECORD_LEN - 1];
  ensures !\result.irq_enable_changed && !\result.cold_reset && !\result.warm_reset;
  ensures \result.power == BMC_POWER_NONE && !\result.nmi && !\result.timer_changed;
*/
struct bmc_effects bmc_generate_event(struct bmc *b, uint64_t now,
                                      const uint8_t record[SEL_RECORD_LEN], bool log);

#endif /* EVENT_H */
