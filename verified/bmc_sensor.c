/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sensor/Event commands (NetFn 04h): Platform Event Message (section 29.3) and the
 * sensor device commands (section 35). Layouts and length checks are generated from
 * spec/commands-sensor-event.yaml; the sensors are sensor.c's, the events event.c's.
 * These handlers check the sensor and the request's fields, then change the sensor and
 * log the events its change asks for. A refused request changes nothing.
 */
#include "bmc.h"
#include "cmd_sensor_event.h"

#include "bytes.h"
#include "event.h"
#include "sensor.h"

/* Get Device SDR Info (section 35.2): the operation bit, and the flags' LUN 0 bit. */
#define SDR_INFO_SDR_COUNT 0x01
#define SDR_INFO_LUN0_HAS_SENSORS 0x01

/* The flags byte of Get Sensor Reading, Event Status and Event Enable (35.11-35.14). */
#define SENSOR_FLAG_EVENTS_ON 0x80
#define SENSOR_FLAG_SCANNING_ON 0x40

/* Set Sensor Event Enable's control byte (section 35.10), bits 5:4. */
#define ENABLE_KEEP 0
#define ENABLE_SELECTED 1
#define DISABLE_SELECTED 2

/* Re-arm Sensor Events' control byte, bit 7: only the events given (section 35.12). */
#define REARM_SELECTED 0x80

/* Set Sensor Reading And Event Status's operation byte (section 35.17). */
#define READING_KEEP 0
#define READING_WRITE 1
#define BITS_KEEP 0
#define BITS_WRITE 1
#define BITS_SET 2
#define BITS_CLEAR 3
#define EVENT_DATA_OWN 0
#define EVENT_DATA_GIVEN 1
#define EVENT_DATA_GIVEN_BUT_OFFSET 2
#define SET_READING_EVENT_DATA 4      /* rest[]: assertion, deassertion bits, then data */

/* No other set of reading factors: the last reading (section 35.5). */
#define FACTORS_NEXT_NONE 0xff

/* Contracts say it of the state before the call (\old): then no prover has to carry
   the sensor's presence across the command's steps. */
/*@
  predicate sensor_here(struct bmc *b, integer n) = sensor_is_present(&b->state.sensors, n);
*/

/* The flags byte of a sensor (bit 5, "reading unavailable", is never set here). */
/*@
  requires \valid_read(s);
  assigns \nothing;
*/
static uint8_t sensor_flags(const struct sensor *s)
{
    return (uint8_t)((s->events_on ? SENSOR_FLAG_EVENTS_ON : 0) |
                     (s->scanning_on ? SENSOR_FLAG_SCANNING_ON : 0));
}

/* A 16-bit mask from a request's optional bytes at `at`: an absent byte is 00h. */
/*@
  requires \valid_read(bytes + (0 .. len - 1)) && len <= 7;
  assigns \nothing;
*/
static uint16_t optional_mask(const uint8_t *bytes, size_t len, size_t at)
{
    uint16_t lo = at < len ? bytes[at] : 0;
    uint16_t hi = at + 1 < len ? bytes[at + 1] : 0;

    return (uint16_t)(lo + 256u * hi);
}

/* Logs each event a change of sensor n asked for. */
/*@
  requires \valid(b) && bmc_call_valid(call) && \valid_read(ev) && n < SENSOR_COUNT;
  requires \separated(b, call, ev);
  requires ev->count <= SENSOR_THRESHOLDS;
  assigns b->state.sel, b->state.msg_flags, b->state.event_buffer[0 .. SEL_RECORD_LEN - 1],
          call->effects.attention_changed, call->effects.attention,
          call->effects.attention_irq;
  ensures bmc_call_valid(call);
*/
static void sensor_log_events(struct bmc *b, struct bmc_call *call, uint8_t n,
                              const struct sensor_events *ev)
{
    size_t i;
    uint8_t sensor_type = b->state.sensors.s[n].sensor_type;

    /*@
      loop invariant 0 <= i <= ev->count;
      loop invariant bmc_call_valid(call);
      loop assigns i, b->state.sel, b->state.msg_flags,
                   b->state.event_buffer[0 .. SEL_RECORD_LEN - 1],
                   call->effects.attention_changed, call->effects.attention,
                   call->effects.attention_irq;
      loop variant ev->count - i;
    */
    for (i = 0; i < ev->count; i++) {
        bmc_event(b, call, sensor_type, n, ev->e[i].dir_type, ev->e[i].data1, ev->e[i].data2,
                  ev->e[i].data3);
    }
}

/*
 * The host's event, as a system event record: its generator's software id, channel 0
 * (the system interface), the rest as given. With logging on and the SEL full it is
 * refused (the SEL's overflow flag is set); otherwise it is logged and buffered as the
 * global enables say.
 */
/*@
  ensures \result == IPMI_CC_OUT_OF_SPACE ==>
          (b->state.global_enables & BMC_ENABLE_SYSTEM_EVENT_LOG) != 0
          && \old(b->state.sel.count) >= BMC_SEL_CAPACITY && b->state.sel.overflow;
*/
uint8_t sensor_event_platform_event_message(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_platform_event_message_req *req)
{
    uint8_t record[SEL_RECORD_LEN];

    if ((b->state.global_enables & BMC_ENABLE_SYSTEM_EVENT_LOG) != 0 &&
        b->state.sel.count >= BMC_SEL_CAPACITY) {
        b->state.sel.overflow = true;
        return IPMI_CC_OUT_OF_SPACE;
    }
    bytes_clear(record, SEL_RECORD_LEN);
    record[2] = SEL_RECORD_SYSTEM_EVENT;
    record[EVENT_GENERATOR_ID] = req->generator_id;
    record[EVENT_GENERATOR_CHANNEL] = 0;
    record[EVENT_EVM_REV] = req->evm_rev;
    record[EVENT_SENSOR_TYPE] = req->sensor_type;
    record[EVENT_SENSOR_NUMBER] = req->sensor_number;
    record[EVENT_DIR_TYPE] = req->event_dir_type;
    record[EVENT_DATA_1] = req->event_data_1;
    record[EVENT_DATA_2] = req->event_data_2;
    record[EVENT_DATA_3] = req->event_data_3;
    (void)bmc_deliver_event(b, call, record, true);
    return IPMI_CC_SUCCESS;
}

/* A static population on LUN 0; one SDR per sensor, so both counts are the same. */
/*@
  ensures rsp->count <= SENSOR_COUNT;
  ensures (rsp->flags & 0x80) == 0;
*/
uint8_t sensor_event_get_device_sdr_info(struct bmc *b, struct bmc_call *call,
                                         const struct sensor_event_get_device_sdr_info_req *req,
                                         struct sensor_event_get_device_sdr_info_rsp *rsp)
{
    uint8_t count = sensor_count(&b->state.sensors);

    (void)call;
    (void)req; /* SDR_INFO_SDR_COUNT or not, the answer is the same */
    rsp->count = count;
    rsp->flags = count > 0 ? SDR_INFO_LUN0_HAS_SENSORS : 0;
    return IPMI_CC_SUCCESS;
}

/* The factors are the same for every reading: those of the full SDR. */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->next_reading == FACTORS_NEXT_NONE;
*/
uint8_t sensor_event_get_sensor_reading_factors(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_get_sensor_reading_factors_req *req,
    struct sensor_event_get_sensor_reading_factors_rsp *rsp)
{
    const struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    if (!s->has_factors) {
        return IPMI_CC_ILLEGAL_FOR_RECORD;
    }
    rsp->next_reading = FACTORS_NEXT_NONE;
    bytes_copy(rsp->factors, s->factors, SENSOR_FACTORS_LEN);
    return IPMI_CC_SUCCESS;
}

/* The hysteresis mask byte is reserved (FFh) and not checked. */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_set_sensor_hysteresis(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_set_sensor_hysteresis_req *req)
{
    struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    if (s->hysteresis_access != SENSOR_ACCESS_SETTABLE) {
        return IPMI_CC_ILLEGAL_FOR_RECORD;
    }
    s->positive_hysteresis = req->positive_hysteresis;
    s->negative_hysteresis = req->negative_hysteresis;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_get_sensor_hysteresis(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_get_sensor_hysteresis_req *req,
    struct sensor_event_get_sensor_hysteresis_rsp *rsp)
{
    const struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    if (s->hysteresis_access != SENSOR_ACCESS_READABLE &&
        s->hysteresis_access != SENSOR_ACCESS_SETTABLE) {
        return IPMI_CC_ILLEGAL_FOR_RECORD;
    }
    rsp->positive_hysteresis = s->positive_hysteresis;
    rsp->negative_hysteresis = s->negative_hysteresis;
    return IPMI_CC_SUCCESS;
}

/*
 * Sets the thresholds the mask names, each of them settable (else CCh; a sensor with
 * none settable: CDh), then compares the reading with them anew: a crossing is an event.
 */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_set_sensor_thresholds(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_set_sensor_thresholds_req *req)
{
    struct sensor *s;
    struct sensor_events ev;
    uint8_t given[SENSOR_THRESHOLDS];
    uint8_t mask = req->set_mask & 0x3f;
    size_t i;

    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    if (s->reading_type != SENSOR_READING_THRESHOLD || s->thresholds_settable == 0) {
        return IPMI_CC_ILLEGAL_FOR_RECORD;
    }
    if ((mask & ~s->thresholds_settable) != 0) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    given[0] = req->lower_non_critical;
    given[1] = req->lower_critical;
    given[2] = req->lower_non_recoverable;
    given[3] = req->upper_non_critical;
    given[4] = req->upper_critical;
    given[5] = req->upper_non_recoverable;
    /*@
      loop invariant 0 <= i <= SENSOR_THRESHOLDS;
      loop assigns i, s->thresholds[0 .. SENSOR_THRESHOLDS - 1];
      loop variant SENSOR_THRESHOLDS - i;
    */
    for (i = 0; i < SENSOR_THRESHOLDS; i++) {
        if ((mask & (1u << i)) != 0) {
            s->thresholds[i] = given[i];
        }
    }
    sensor_evaluate(s, true, &ev);
    sensor_log_events(b, call, req->sensor_number, &ev);
    return IPMI_CC_SUCCESS;
}

/* The readable thresholds; an unreadable one reads 00h. */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_get_sensor_thresholds(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_get_sensor_thresholds_req *req,
    struct sensor_event_get_sensor_thresholds_rsp *rsp)
{
    const struct sensor *s;
    uint8_t shown[SENSOR_THRESHOLDS];
    size_t i;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    if (s->reading_type != SENSOR_READING_THRESHOLD || s->thresholds_readable == 0) {
        return IPMI_CC_ILLEGAL_FOR_RECORD;
    }
    /*@
      loop invariant 0 <= i <= SENSOR_THRESHOLDS;
      loop assigns i, shown[0 .. SENSOR_THRESHOLDS - 1];
      loop variant SENSOR_THRESHOLDS - i;
    */
    for (i = 0; i < SENSOR_THRESHOLDS; i++) {
        shown[i] = (s->thresholds_readable & (1u << i)) != 0 ? s->thresholds[i] : 0;
    }
    rsp->readable_mask = s->thresholds_readable;
    rsp->lower_non_critical = shown[0];
    rsp->lower_critical = shown[1];
    rsp->lower_non_recoverable = shown[2];
    rsp->upper_non_critical = shown[3];
    rsp->upper_critical = shown[4];
    rsp->upper_non_recoverable = shown[5];
    return IPMI_CC_SUCCESS;
}

/*
 * Event messages and scanning as the control byte says; the events given enabled or
 * disabled, of those the sensor supports. 11b in bits 5:4 is reserved: CCh.
 */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) ==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          (b->state.sensors.s[req->sensor_number].events_on <==> (req->control & 0x80) != 0);
*/
uint8_t sensor_event_set_sensor_event_enable(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_set_sensor_event_enable_req *req)
{
    struct sensor *s;
    uint8_t action = (uint8_t)((req->control >> 4) & 3);
    uint16_t assertions = optional_mask(req->masks, req->masks_len, 0);
    uint16_t deassertions = optional_mask(req->masks, req->masks_len, 2);

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    if (action > DISABLE_SELECTED) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    s = &b->state.sensors.s[req->sensor_number];
    s->events_on = (req->control & SENSOR_FLAG_EVENTS_ON) != 0;
    s->scanning_on = (req->control & SENSOR_FLAG_SCANNING_ON) != 0;
    if (action == ENABLE_SELECTED) {
        s->assert_enable = (uint16_t)(s->assert_enable | (assertions & s->assert_supported));
        s->deassert_enable =
            (uint16_t)(s->deassert_enable | (deassertions & s->deassert_supported));
    } else if (action == DISABLE_SELECTED) {
        s->assert_enable = (uint16_t)(s->assert_enable & ~assertions);
        s->deassert_enable = (uint16_t)(s->deassert_enable & ~deassertions);
    }
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          rsp->assertion_enables == b->state.sensors.s[req->sensor_number].assert_enable;
*/
uint8_t sensor_event_get_sensor_event_enable(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_get_sensor_event_enable_req *req,
    struct sensor_event_get_sensor_event_enable_rsp *rsp)
{
    const struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    rsp->control = sensor_flags(s);
    rsp->assertion_enables = s->assert_enable;
    rsp->deassertion_enables = s->deassert_enable;
    return IPMI_CC_SUCCESS;
}

/* All the event status, or the events given; conditions still present report again. */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_rearm_sensor_events(struct bmc *b, struct bmc_call *call,
                                         const struct sensor_event_rearm_sensor_events_req *req)
{
    struct sensor_events ev;
    uint16_t assertions = 0xffff;
    uint16_t deassertions = 0xffff;

    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    if ((req->control & REARM_SELECTED) != 0) {
        assertions = optional_mask(req->masks, req->masks_len, 0);
        deassertions = optional_mask(req->masks, req->masks_len, 2);
    }
    sensor_rearm(&b->state.sensors.s[req->sensor_number], assertions, deassertions, &ev);
    sensor_log_events(b, call, req->sensor_number, &ev);
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          rsp->assertion_events == b->state.sensors.s[req->sensor_number].assert_events;
*/
uint8_t sensor_event_get_sensor_event_status(
    struct bmc *b, struct bmc_call *call,
    const struct sensor_event_get_sensor_event_status_req *req,
    struct sensor_event_get_sensor_event_status_rsp *rsp)
{
    const struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    rsp->flags = sensor_flags(s);
    rsp->assertion_events = s->assert_events;
    rsp->deassertion_events = s->deassert_events;
    return IPMI_CC_SUCCESS;
}

/* A threshold sensor answers its comparison status; a discrete one its 15 states. */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          rsp->reading == b->state.sensors.s[req->sensor_number].reading
          && 1 <= rsp->states_len <= 2;
*/
uint8_t sensor_event_get_sensor_reading(struct bmc *b, struct bmc_call *call,
                                        const struct sensor_event_get_sensor_reading_req *req,
                                        struct sensor_event_get_sensor_reading_rsp *rsp)
{
    const struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    rsp->reading = s->reading;
    rsp->flags = sensor_flags(s);
    if (s->reading_type == SENSOR_READING_THRESHOLD) {
        rsp->states[0] = (uint8_t)(s->states & 0x3f);
        rsp->states_len = 1;
    } else {
        rsp->states[0] = (uint8_t)(s->states & 0xff);
        rsp->states[1] = (uint8_t)((s->states >> 8) & 0x7f);
        rsp->states_len = 2;
    }
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          b->state.sensors.s[req->sensor_number].sensor_type == req->sensor_type;
*/
uint8_t sensor_event_set_sensor_type(struct bmc *b, struct bmc_call *call,
                                     const struct sensor_event_set_sensor_type_req *req)
{
    struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    s->sensor_type = req->sensor_type;
    s->reading_type = req->event_reading_type & SENSOR_READING_TYPE_MASK;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \old(!sensor_here(b, req->sensor_number)) <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          rsp->sensor_type == b->state.sensors.s[req->sensor_number].sensor_type;
*/
uint8_t sensor_event_get_sensor_type(struct bmc *b, struct bmc_call *call,
                                     const struct sensor_event_get_sensor_type_req *req,
                                     struct sensor_event_get_sensor_type_rsp *rsp)
{
    const struct sensor *s;

    (void)call;
    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    s = &b->state.sensors.s[req->sensor_number];
    rsp->sensor_type = s->sensor_type;
    rsp->event_reading_type = s->reading_type;
    return IPMI_CC_SUCCESS;
}

/* An event status word after one of Set Sensor Reading's bit operations. */
/*@
  assigns \nothing;
  ensures op == BITS_KEEP ==> \result == old;
  ensures op == BITS_WRITE ==> \result == given;
*/
static uint16_t apply_bits(uint16_t old, uint8_t op, uint16_t given)
{
    uint16_t result;

    switch (op) {
    case BITS_WRITE:
        result = given;
        break;
    case BITS_SET:
        result = (uint16_t)(old | given);
        break;
    case BITS_CLEAR:
        result = (uint16_t)(old & ~given);
        break;
    default:
        result = old;
        break;
    }
    return result;
}

/*
 * Set Sensor Reading's changes to sensor s: its event status bits as the operation
 * says, and a reading written (a threshold sensor compares it anew: with the BMC's own
 * event data, its crossings are the events in *ev).
 */
/*@
  requires \valid(s) && \valid_read(req) && \valid(ev) && \separated(s, req, ev);
  requires req->rest_len <= 7;
  assigns s->assert_events, s->deassert_events, s->reading, s->states, *ev;
  ensures ev->count <= SENSOR_THRESHOLDS;
*/
static void sensor_set_status(struct sensor *s,
                              const struct sensor_event_set_sensor_reading_req *req,
                              struct sensor_events *ev)
{
    uint8_t deassert_op = (uint8_t)((req->operation >> 2) & 3);
    uint8_t assert_op = (uint8_t)((req->operation >> 4) & 3);
    uint8_t data_op = (uint8_t)((req->operation >> 6) & 3);

    s->assert_events = apply_bits(s->assert_events, assert_op,
                                  optional_mask(req->rest, req->rest_len, 0));
    s->deassert_events = apply_bits(s->deassert_events, deassert_op,
                                    optional_mask(req->rest, req->rest_len, 2));
    ev->count = 0;
    if ((req->operation & 3) == READING_WRITE) {
        s->reading = req->reading;
        sensor_evaluate(s, data_op == EVENT_DATA_OWN, ev);
    }
}

/*
 * The event Set Sensor Reading's given event data names by event data 1's offset: an
 * assertion if that bit is in sensor n's assertion event status and enabled, a
 * deassertion likewise.
 */
/*@
  requires \valid(b) && bmc_call_valid(call) && \separated(b, call) && n < SENSOR_COUNT;
  assigns b->state.sel, b->state.msg_flags, b->state.event_buffer[0 .. SEL_RECORD_LEN - 1],
          call->effects.attention_changed, call->effects.attention,
          call->effects.attention_irq;
  ensures bmc_call_valid(call);
*/
static void sensor_given_event(struct bmc *b, struct bmc_call *call, uint8_t n, uint8_t data1,
                               uint8_t data2, uint8_t data3)
{
    const struct sensor *s = &b->state.sensors.s[n];
    uint16_t mask = (uint16_t)(1u << (data1 % 16));
    bool asserted = s->events_on && (s->assert_events & s->assert_enable & mask) != 0;
    bool deasserted = s->events_on && (s->deassert_events & s->deassert_enable & mask) != 0;
    uint8_t sensor_type = s->sensor_type;
    uint8_t reading_type = s->reading_type;

    if (asserted) {
        bmc_event(b, call, sensor_type, n, reading_type, data1, data2, data3);
    }
    if (deasserted) {
        bmc_event(b, call, sensor_type, n, (uint8_t)(SENSOR_EVENT_DEASSERTION | reading_type),
                  data1, data2, data3);
    }
}

/*
 * Upstream QEMU's Set Sensor Reading And Event Status (section 35.17). Refused first:
 * a reserved reading or event data operation, event data asked for but not given. Then
 * the reading and the event status bits change. A threshold sensor given a reading
 * compares it anew; with the BMC's own event data (bits 7:6 = 00b) each crossing is an
 * event, as for Set Sensor Thresholds. With event data given, the event is the one
 * event data 1's offset names (upstream: 10b keeps bits 3:0 of event data 1 the BMC's,
 * which leaves offset 0).
 */
/*@
  ensures \old(!sensor_here(b, req->sensor_number)) ==> \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_set_sensor_reading(struct bmc *b, struct bmc_call *call,
                                        const struct sensor_event_set_sensor_reading_req *req)
{
    struct sensor_events ev;
    uint8_t data_op = (uint8_t)((req->operation >> 6) & 3);
    uint8_t data1 = req->rest_len > SET_READING_EVENT_DATA ? req->rest[SET_READING_EVENT_DATA] : 0;
    uint8_t data2 = req->rest_len > SET_READING_EVENT_DATA + 1 ? req->rest[SET_READING_EVENT_DATA + 1] : 0;
    uint8_t data3 = req->rest_len > SET_READING_EVENT_DATA + 2 ? req->rest[SET_READING_EVENT_DATA + 2] : 0;
    uint8_t n;

    if (!sensor_present(&b->state.sensors, req->sensor_number)) {
        return IPMI_CC_NOT_PRESENT;
    }
    if ((req->operation & 3) > READING_WRITE || data_op > EVENT_DATA_GIVEN_BUT_OFFSET ||
        (data_op != EVENT_DATA_OWN && req->rest_len <= SET_READING_EVENT_DATA)) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    n = req->sensor_number;
    sensor_set_status(&b->state.sensors.s[n], req, &ev);
    /*@ assert bmc_valid(b); */
    sensor_log_events(b, call, n, &ev);
    /*@ assert bmc_valid(b) && bmc_call_valid(call); */
    if (data_op != EVENT_DATA_OWN) {
        sensor_given_event(b, call, n,
                           (uint8_t)(data_op == EVENT_DATA_GIVEN_BUT_OFFSET ? data1 & 0xf0 : data1),
                           data2, data3);
    }
    /*@ assert bmc_valid(b) && bmc_call_valid(call); */
    return IPMI_CC_SUCCESS;
}
