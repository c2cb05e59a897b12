/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC's sensor table; see sensor.h.
 */
#include "sensor.h"

#include "bytes.h"

/* SDR byte offsets shared by the full and the compact record (section 43). */
#define SDR_RECORD_TYPE 3
#define SDR_RECORD_LENGTH 4
#define SDR_OWNER_LUN 6
#define SDR_SENSOR_NUMBER 7
#define SDR_INITIALIZATION 10
#define SDR_CAPABILITIES 11
#define SDR_SENSOR_TYPE 12
#define SDR_READING_TYPE 13
#define SDR_ASSERTION_MASK 14
#define SDR_DEASSERTION_MASK 16
#define SDR_READABLE_MASK 18
#define SDR_SETTABLE_MASK 19
#define SDR_UNITS_1 20
/* Full record only. */
#define SDR_FULL_FACTORS 24
#define SDR_FULL_ANALOG_FLAGS 30
#define SDR_FULL_NOMINAL 31
#define SDR_FULL_UPPER_NON_RECOVERABLE 36  /* then UC, UNC, LNR, LC, LNC */
#define SDR_FULL_POSITIVE_HYSTERESIS 42
#define SDR_FULL_NEGATIVE_HYSTERESIS 43
/* Compact record only. */
#define SDR_COMPACT_POSITIVE_HYSTERESIS 25
#define SDR_COMPACT_NEGATIVE_HYSTERESIS 26

/* Sensor initialization byte: power-up state; capabilities byte (section 43.1). */
#define SDR_INIT_EVENTS_ON 0x02
#define SDR_INIT_SCANNING_ON 0x01
#define SDR_CAPS_AUTO_REARM 0x40
#define SDR_NOMINAL_SPECIFIED 0x01
#define SDR_OWNER_LUN_MASK 0x03
/* Units 1, bits 7:6: 01b 1's, 10b 2's complement, 11b no analog reading. */
#define SDR_ANALOG_ONES 1
#define SDR_ANALOG_TWOS 2
#define SDR_ANALOG_NONE 3

/* A threshold sensor's event bits are 0-11; a discrete sensor's states 0-14. */
#define SENSOR_THRESHOLD_EVENTS 0x0fff
#define SENSOR_DISCRETE_STATES 0x7fff
#define SENSOR_THRESHOLD_MASK 0x3f

void sensor_init(struct sensors *t)
{
    size_t n;

    /*@
      loop invariant 0 <= n <= SENSOR_COUNT;
      loop invariant \forall integer k; 0 <= k < n ==> !t->s[k].present;
      loop assigns n, t->s[0 .. SENSOR_COUNT - 1];
      loop variant SENSOR_COUNT - n;
    */
    for (n = 0; n < SENSOR_COUNT; n++) {
        t->s[n].present = false;
    }
}

bool sensor_present(const struct sensors *t, uint8_t n)
{
    return n < SENSOR_COUNT && t->s[n].present;
}

uint8_t sensor_count(const struct sensors *t)
{
    uint8_t count = 0;
    size_t n;

    /*@
      loop invariant 0 <= n <= SENSOR_COUNT && count <= n;
      loop assigns n, count;
      loop variant SENSOR_COUNT - n;
    */
    for (n = 0; n < SENSOR_COUNT; n++) {
        if (t->s[n].present) {
            count++;
        }
    }
    return count;
}

/* A sensor with nothing yet: no states, events, thresholds, hysteresis or factors. */
/*@
  requires \valid(s);
  assigns *s;
  ensures s->present && s->sensor_type == sensor_type;
  ensures s->assert_enable == s->assert_supported;
*/
static void sensor_clear(struct sensor *s, uint8_t sensor_type, uint8_t reading_type)
{
    s->present = true;
    s->events_on = true;
    s->scanning_on = true;
    s->auto_rearm = false;
    s->signed_reading = false;
    s->has_factors = false;
    s->sensor_type = sensor_type;
    s->reading_type = reading_type & SENSOR_READING_TYPE_MASK;
    s->reading = 0;
    s->states = 0;
    s->assert_events = 0;
    s->deassert_events = 0;
    s->assert_supported = 0;
    s->deassert_supported = 0;
    s->assert_enable = 0;
    s->deassert_enable = 0;
    bytes_clear(s->thresholds, SENSOR_THRESHOLDS);
    s->thresholds_present = 0;
    s->thresholds_readable = 0;
    s->thresholds_settable = 0;
    s->hysteresis_access = SENSOR_ACCESS_NONE;
    s->positive_hysteresis = 0;
    s->negative_hysteresis = 0;
    bytes_clear(s->factors, SENSOR_FACTORS_LEN);
}

void sensor_define_discrete(struct sensors *t, uint8_t n, uint8_t sensor_type,
                            uint8_t reading_type, uint16_t assertions, uint16_t deassertions)
{
    struct sensor *s = &t->s[n];

    sensor_clear(s, sensor_type, reading_type);
    s->assert_supported = assertions & SENSOR_DISCRETE_STATES;
    s->deassert_supported = deassertions & SENSOR_DISCRETE_STATES;
    s->assert_enable = s->assert_supported;
    s->deassert_enable = s->deassert_supported;
}

/* A record's 16-bit mask at `at`, least significant byte first. */
/*@
  requires at < SDR_COMPACT_MIN_LEN && \valid_read(rec + (at .. at + 1));
  assigns \nothing;
*/
static uint16_t sdr_mask(const uint8_t *rec, size_t at)
{
    return (uint16_t)(rec[at] + 256u * rec[at + 1]);
}

/* The record's length as its header gives it, if the record is one this table takes. */
/*@
  requires \valid_read(rec + (0 .. len - 1));
  assigns \nothing;
  ensures \result != 0 ==> \result <= len && \result >= SDR_COMPACT_MIN_LEN;
  ensures \result != 0 && rec[SDR_RECORD_TYPE] == SDR_RECORD_FULL ==>
          \result >= SDR_FULL_MIN_LEN;
  ensures \result != 0 ==> rec[SDR_RECORD_TYPE] == SDR_RECORD_FULL
                           || rec[SDR_RECORD_TYPE] == SDR_RECORD_COMPACT;
*/
static size_t sdr_sensor_length(const uint8_t *rec, size_t len)
{
    size_t need;
    size_t have;

    if (len < SDR_HEADER_LEN) {
        return 0;
    }
    if (rec[SDR_RECORD_TYPE] == SDR_RECORD_FULL) {
        need = SDR_FULL_MIN_LEN;
    } else if (rec[SDR_RECORD_TYPE] == SDR_RECORD_COMPACT) {
        need = SDR_COMPACT_MIN_LEN;
    } else {
        return 0;
    }
    have = (size_t)rec[SDR_RECORD_LENGTH] + SDR_HEADER_LEN;
    if (have < need || have > len) {
        return 0;
    }
    return have;
}

/* What a threshold sensor's record says of its thresholds (section 43.1, byte 12). */
/*@
  requires \valid(s) && \valid_read(rec + (0 .. SDR_COMPACT_MIN_LEN - 1));
  requires \separated(s, rec + (0 .. SDR_COMPACT_MIN_LEN - 1));
  assigns s->thresholds_present, s->thresholds_readable, s->thresholds_settable,
          s->assert_supported, s->deassert_supported;
*/
static void sdr_threshold_masks(struct sensor *s, const uint8_t *rec)
{
    uint8_t access = (uint8_t)((rec[SDR_CAPABILITIES] >> 2) & 3);
    uint8_t present = access == SENSOR_ACCESS_NONE ? 0 : rec[SDR_READABLE_MASK] & SENSOR_THRESHOLD_MASK;

    s->thresholds_present = present;
    s->thresholds_readable =
        access == SENSOR_ACCESS_READABLE || access == SENSOR_ACCESS_SETTABLE ? present : 0;
    s->thresholds_settable =
        access == SENSOR_ACCESS_SETTABLE ? (uint8_t)(rec[SDR_SETTABLE_MASK] & present) : 0;
    s->assert_supported = sdr_mask(rec, SDR_ASSERTION_MASK) & SENSOR_THRESHOLD_EVENTS;
    s->deassert_supported = sdr_mask(rec, SDR_DEASSERTION_MASK) & SENSOR_THRESHOLD_EVENTS;
}

/* A full record's analog part: factors, nominal reading, thresholds, hysteresis. */
/*@
  requires \valid(s) && \valid_read(rec + (0 .. SDR_FULL_MIN_LEN - 1));
  requires \separated(s, rec + (0 .. SDR_FULL_MIN_LEN - 1));
  assigns s->has_factors, s->factors[0 .. SENSOR_FACTORS_LEN - 1], s->reading,
          s->thresholds[0 .. SENSOR_THRESHOLDS - 1], s->positive_hysteresis,
          s->negative_hysteresis;
*/
static void sdr_full_analog(struct sensor *s, const uint8_t *rec)
{
    size_t i;

    s->has_factors = (rec[SDR_UNITS_1] >> 6) != SDR_ANALOG_NONE;
    bytes_copy(s->factors, rec + SDR_FULL_FACTORS, SENSOR_FACTORS_LEN);
    if ((rec[SDR_FULL_ANALOG_FLAGS] & SDR_NOMINAL_SPECIFIED) != 0) {
        s->reading = rec[SDR_FULL_NOMINAL];
    }
    /* The record lists them from upper non-recoverable down to lower non-critical. */
    /*@
      loop invariant 0 <= i <= SENSOR_THRESHOLDS;
      loop assigns i, s->thresholds[0 .. SENSOR_THRESHOLDS - 1];
      loop variant SENSOR_THRESHOLDS - i;
    */
    for (i = 0; i < SENSOR_THRESHOLDS; i++) {
        s->thresholds[i] = rec[SDR_FULL_UPPER_NON_RECOVERABLE + SENSOR_THRESHOLDS - 1 - i];
    }
    s->positive_hysteresis = rec[SDR_FULL_POSITIVE_HYSTERESIS];
    s->negative_hysteresis = rec[SDR_FULL_NEGATIVE_HYSTERESIS];
}

bool sensor_define_from_sdr(struct sensors *t, const uint8_t *rec, size_t len)
{
    size_t have = sdr_sensor_length(rec, len);
    struct sensor *s;
    struct sensor_events ignored;
    uint8_t analog;
    uint8_t n;

    if (have == 0 || (rec[SDR_OWNER_LUN] & SDR_OWNER_LUN_MASK) != 0 ||
        rec[SDR_SENSOR_NUMBER] >= SENSOR_COUNT) {
        return false;
    }
    n = rec[SDR_SENSOR_NUMBER];
    s = &t->s[n];
    sensor_clear(s, rec[SDR_SENSOR_TYPE], rec[SDR_READING_TYPE]);
    s->events_on = (rec[SDR_INITIALIZATION] & SDR_INIT_EVENTS_ON) != 0;
    s->scanning_on = (rec[SDR_INITIALIZATION] & SDR_INIT_SCANNING_ON) != 0;
    s->auto_rearm = (rec[SDR_CAPABILITIES] & SDR_CAPS_AUTO_REARM) != 0;
    s->hysteresis_access = (uint8_t)((rec[SDR_CAPABILITIES] >> 4) & 3);
    analog = (uint8_t)(rec[SDR_UNITS_1] >> 6);
    s->signed_reading = analog == SDR_ANALOG_ONES || analog == SDR_ANALOG_TWOS;
    if (s->reading_type == SENSOR_READING_THRESHOLD) {
        sdr_threshold_masks(s, rec);
    } else {
        s->assert_supported = sdr_mask(rec, SDR_ASSERTION_MASK) & SENSOR_DISCRETE_STATES;
        s->deassert_supported = sdr_mask(rec, SDR_DEASSERTION_MASK) & SENSOR_DISCRETE_STATES;
    }
    if (rec[SDR_RECORD_TYPE] == SDR_RECORD_FULL) {
        sdr_full_analog(s, rec);
    } else {
        s->positive_hysteresis = rec[SDR_COMPACT_POSITIVE_HYSTERESIS];
        s->negative_hysteresis = rec[SDR_COMPACT_NEGATIVE_HYSTERESIS];
    }
    s->assert_enable = s->assert_supported;
    s->deassert_enable = s->deassert_supported;
    sensor_evaluate(s, false, &ignored);
    /*@ assert n == \at(rec[SDR_SENSOR_NUMBER], Pre) && t->s[n].present; */
    return true;
}

/* A raw value where the order of integers is the order of the readings. */
/*@
  assigns \nothing;
  ensures 0 <= \result <= 255;
*/
static int sensor_key(bool signed_reading, uint8_t raw)
{
    /* Two's complement -128 .. 127 becomes 0 .. 255 (the sign bit flipped). */
    return signed_reading ? (raw + 128) % 256 : raw;
}

/*
 * Whether threshold i is crossed now: 1 asserted, 0 deasserted, -1 within the
 * hysteresis (the state stays).
 */
/*@
  requires \valid_read(s) && i < SENSOR_THRESHOLDS;
  assigns \nothing;
  ensures -1 <= \result <= 1;
*/
static int sensor_compare(const struct sensor *s, size_t i)
{
    int r = sensor_key(s->signed_reading, s->reading);
    int t = sensor_key(s->signed_reading, s->thresholds[i]);
    int verdict = -1;

    if (i < SENSOR_LOWER_THRESHOLDS) {
        if (r <= t) {
            verdict = 1;
        } else if (r > t + s->negative_hysteresis) {
            verdict = 0;
        }
    } else {
        if (r >= t) {
            verdict = 1;
        } else if (r + s->positive_hysteresis < t) {
            verdict = 0;
        }
    }
    return verdict;
}

/*
 * Records that an event of bit `mask` (assertion or deassertion) happened; returns
 * whether it is an event to report: supported, new (or the sensor re-arms by itself),
 * enabled and the sensor's event messages on.
 */
/*@
  requires \valid(status) && \valid_read(supported) && \valid_read(enabled);
  requires \separated(status, supported, enabled);
  assigns *status;
  ensures \result != 0 ==> events_on;
*/
static bool sensor_event_due(uint16_t *status, const uint16_t *supported,
                             const uint16_t *enabled, uint16_t mask, bool auto_rearm,
                             bool events_on)
{
    bool fresh;

    if ((*supported & mask) == 0) {
        return false;
    }
    fresh = auto_rearm || (*status & mask) == 0;
    *status = (uint16_t)(*status | mask);
    return fresh && events_on && (*enabled & mask) != 0;
}

/* Appends an event, if there is room (one per threshold: there always is). */
/*@
  requires \valid(ev) && ev->count <= SENSOR_THRESHOLDS;
  assigns *ev;
  ensures ev->count <= SENSOR_THRESHOLDS;
*/
static void sensor_add_event(struct sensor_events *ev, uint8_t dir_type, uint8_t data1,
                             uint8_t data2, uint8_t data3)
{
    if (ev->count >= SENSOR_THRESHOLDS) {
        return;
    }
    ev->e[ev->count].dir_type = dir_type;
    ev->e[ev->count].data1 = data1;
    ev->e[ev->count].data2 = data2;
    ev->e[ev->count].data3 = data3;
    ev->count++;
}

void sensor_evaluate(struct sensor *s, bool report, struct sensor_events *ev)
{
    size_t i;

    ev->count = 0;
    if (s->reading_type != SENSOR_READING_THRESHOLD) {
        return;
    }
    /*@
      loop invariant 0 <= i <= SENSOR_THRESHOLDS;
      loop invariant ev->count <= SENSOR_THRESHOLDS;
      loop invariant !report ==> ev->count == 0;
      loop assigns i, s->states, s->assert_events, s->deassert_events, *ev;
      loop variant SENSOR_THRESHOLDS - i;
    */
    for (i = 0; i < SENSOR_THRESHOLDS; i++) {
        uint16_t bit = (uint16_t)(1u << i);
        /* Lower thresholds have their going-low event, upper ones their going-high. */
        uint8_t offset = (uint8_t)(i < SENSOR_LOWER_THRESHOLDS ? 2 * i : 2 * i + 1);
        uint16_t mask = (uint16_t)(1u << offset);
        bool was = (s->states & bit) != 0;
        int verdict = (s->thresholds_present & bit) == 0 ? 0 : sensor_compare(s, i);
        bool due;
        uint8_t dir;

        if (verdict < 0 || (verdict == 1) == was) {
            continue;
        }
        if (verdict == 1) {
            s->states = (uint16_t)(s->states | bit);
            due = sensor_event_due(&s->assert_events, &s->assert_supported, &s->assert_enable,
                                   mask, s->auto_rearm, s->events_on);
            dir = 0;
        } else {
            s->states = (uint16_t)(s->states & ~bit);
            due = (s->thresholds_present & bit) != 0 &&
                  sensor_event_due(&s->deassert_events, &s->deassert_supported,
                                   &s->deassert_enable, mask, s->auto_rearm, s->events_on);
            dir = SENSOR_EVENT_DEASSERTION;
        }
        if (due && report) {
            sensor_add_event(ev, (uint8_t)(dir | s->reading_type),
                             (uint8_t)(SENSOR_EVENT_DATA_THRESHOLD | offset), s->reading,
                             s->thresholds[i]);
        }
    }
}

bool sensor_occurred(struct sensor *s, uint8_t offset)
{
    uint16_t mask = (uint16_t)(1u << offset);

    s->states = (uint16_t)(s->states | mask);
    return sensor_event_due(&s->assert_events, &s->assert_supported, &s->assert_enable, mask,
                            true, s->events_on);
}

void sensor_rearm(struct sensor *s, uint16_t assertions, uint16_t deassertions,
                  struct sensor_events *ev)
{
    size_t i;

    s->assert_events = (uint16_t)(s->assert_events & ~assertions);
    s->deassert_events = (uint16_t)(s->deassert_events & ~deassertions);
    if (s->reading_type != SENSOR_READING_THRESHOLD) {
        s->states = (uint16_t)(s->states & ~assertions);
        ev->count = 0;
        return;
    }
    /*@
      loop invariant 0 <= i <= SENSOR_THRESHOLDS;
      loop assigns i, s->states;
      loop variant SENSOR_THRESHOLDS - i;
    */
    for (i = 0; i < SENSOR_THRESHOLDS; i++) {
        uint8_t offset = (uint8_t)(i < SENSOR_LOWER_THRESHOLDS ? 2 * i : 2 * i + 1);

        if ((assertions & (1u << offset)) != 0) {
            s->states = (uint16_t)(s->states & ~(1u << i));
        }
    }
    sensor_evaluate(s, true, ev);
}
