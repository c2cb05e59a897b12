/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC's sensors (IPMI v2.0 rev 1.1, sections 35 and 36): a fixed table indexed by
 * sensor number, each sensor as its SDR defines it (section 43.1 full, 43.2 compact
 * record) and as the Sensor/Event commands change it.
 *
 * A sensor keeps its present states (discrete: the states asserted; threshold: bit i
 * set while the reading is beyond threshold i), its event status (the assertion and
 * deassertion events that occurred since the last re-arm, section 35.13), the events it
 * supports and those enabled. A threshold sensor compares its raw reading with each
 * threshold it has: a lower one asserts at or below it and deasserts above it plus the
 * negative-going hysteresis; an upper one asserts at or above it and deasserts below it
 * minus the positive-going hysteresis. Only the going-low events of lower thresholds
 * and the going-high events of upper ones happen.
 *
 * This file knows the table only: the events a change asks for are returned (struct
 * sensor_events), and the caller logs them (event.h).
 */
#ifndef SENSOR_H
#define SENSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SENSOR_COUNT 20            /* sensor numbers 0 .. 19, as upstream's MAX_SENSORS */
#define SENSOR_THRESHOLDS 6        /* bit/index 0 LNC, 1 LC, 2 LNR, 3 UNC, 4 UC, 5 UNR */
#define SENSOR_LOWER_THRESHOLDS 3  /* 0 .. 2 are lower, 3 .. 5 upper thresholds */
#define SENSOR_FACTORS_LEN 6       /* the full SDR's bytes 25-30 */

/* Event/reading type codes (section 42.1). */
#define SENSOR_READING_THRESHOLD 0x01
#define SENSOR_READING_SENSOR_SPECIFIC 0x6f
#define SENSOR_READING_TYPE_MASK 0x7f

/* Event direction bit of the event dir/type byte (section 29.7). */
#define SENSOR_EVENT_DEASSERTION 0x80

/* Event data 1 of a threshold event: reading in byte 2, threshold in byte 3 (table 29-6). */
#define SENSOR_EVENT_DATA_THRESHOLD 0x50

/* Threshold and hysteresis access support (sensor capabilities, section 43.1). */
#define SENSOR_ACCESS_NONE 0
#define SENSOR_ACCESS_READABLE 1
#define SENSOR_ACCESS_SETTABLE 2   /* readable and settable */
#define SENSOR_ACCESS_FIXED 3      /* fixed, unreadable */

/* SDR bytes (0-based offsets; section 43). */
#define SDR_HEADER_LEN 5
#define SDR_RECORD_FULL 0x01
#define SDR_RECORD_COMPACT 0x02
#define SDR_FULL_MIN_LEN 48        /* through the ID string type/length byte */
#define SDR_COMPACT_MIN_LEN 32

/* The Watchdog 2 sensor (table 42-3), number 0 as upstream's. */
#define SENSOR_WATCHDOG_NUMBER 0
#define SENSOR_TYPE_WATCHDOG_2 0x23
#define SENSOR_WATCHDOG_ASSERTIONS 0x010f /* offsets 0-3 and 8 */

struct sensor {
    bool present;
    bool events_on;            /* "all event messages" enabled */
    bool scanning_on;
    bool auto_rearm;           /* a new event each time a state asserts again */
    bool signed_reading;       /* the raw reading is 1's or 2's complement */
    bool has_factors;          /* a full record with an analog reading */
    uint8_t sensor_type;
    uint8_t reading_type;      /* event/reading type code, bits 6:0 */
    uint8_t reading;           /* raw */
    uint16_t states;
    uint16_t assert_events;    /* event status: assertions since the last re-arm */
    uint16_t deassert_events;
    uint16_t assert_supported;
    uint16_t deassert_supported;
    uint16_t assert_enable;
    uint16_t deassert_enable;
    uint8_t thresholds[SENSOR_THRESHOLDS];
    uint8_t thresholds_present; /* the thresholds the sensor compares with */
    uint8_t thresholds_readable;
    uint8_t thresholds_settable;
    uint8_t hysteresis_access; /* SENSOR_ACCESS_* */
    uint8_t positive_hysteresis;
    uint8_t negative_hysteresis;
    uint8_t factors[SENSOR_FACTORS_LEN];
};

struct sensors {
    struct sensor s[SENSOR_COUNT];
};

/* One event a sensor asks for: the event dir/type byte and event data 1-3. */
struct sensor_event {
    uint8_t dir_type;
    uint8_t data1;
    uint8_t data2;
    uint8_t data3;
};

/* What one change asks for: at most one event per threshold. */
struct sensor_events {
    size_t count;
    struct sensor_event e[SENSOR_THRESHOLDS];
};

/*@
  predicate sensor_is_present(struct sensors *t, integer n) =
    0 <= n < SENSOR_COUNT && t->s[n].present;
*/

/* No sensors. */
/*@
  requires \valid(t);
  assigns *t;
  ensures \forall integer n; 0 <= n < SENSOR_COUNT ==> !t->s[n].present;
*/
void sensor_init(struct sensors *t);

/* Whether sensor number n exists. */
/*@
  requires \valid_read(t);
  assigns \nothing;
  ensures \result != 0 <==> sensor_is_present(t, n);
*/
bool sensor_present(const struct sensors *t, uint8_t n);

/* How many sensors exist. */
/*@
  requires \valid_read(t);
  assigns \nothing;
  ensures \result <= SENSOR_COUNT;
*/
uint8_t sensor_count(const struct sensors *t);

/*
 * Defines a discrete sensor at number n (below SENSOR_COUNT) that supports the
 * assertions and deassertions given, all enabled, event messages and scanning on, no
 * thresholds or factors.
 */
/*@
  requires \valid(t) && n < SENSOR_COUNT;
  assigns t->s[n];
  ensures sensor_is_present(t, n);
  ensures t->s[n].sensor_type == sensor_type;
  ensures t->s[n].assert_enable == t->s[n].assert_supported;
*/
void sensor_define_discrete(struct sensors *t, uint8_t n, uint8_t sensor_type,
                            uint8_t reading_type, uint16_t assertions, uint16_t deassertions);

/*
 * Defines the sensor an SDR record describes: a full sensor record (type 01h) or a
 * compact one (02h), its length byte within len and long enough for its type, owned
 * by LUN 0, numbered below SENSOR_COUNT. Returns whether it did; a record it cannot
 * take changes nothing. Every supported event is enabled; a threshold sensor starts
 * with the states its nominal reading (or 0) gives, without events.
 */
/*@
  requires \valid(t) && \valid_read(rec + (0 .. len - 1)) && \separated(t, rec + (0 .. len - 1));
  assigns t->s[0 .. SENSOR_COUNT - 1];
  ensures \result != 0 ==> len > 7 && sensor_is_present(t, \old(rec[7]));
  ensures \result == 0 ==> \forall integer n; 0 <= n < SENSOR_COUNT ==>
          t->s[n].present == \old(t->s[n].present);
*/
bool sensor_define_from_sdr(struct sensors *t, const uint8_t *rec, size_t len);

/*
 * Compares a threshold sensor's reading with its thresholds (see above) and updates
 * its states and event status. Each state that changes and whose event the sensor
 * supports, has enabled, and (manual re-arm) has not had since the last re-arm, is an
 * event in *ev when `report` is set: event data 1 the offset (reading in byte 2,
 * threshold in byte 3). A sensor of another type changes nothing.
 */
/*@
  requires \valid(s) && \valid(ev) && \separated(s, ev);
  assigns s->states, s->assert_events, s->deassert_events, *ev;
  ensures ev->count <= SENSOR_THRESHOLDS;
  ensures !report ==> ev->count == 0;
*/
void sensor_evaluate(struct sensor *s, bool report, struct sensor_events *ev);

/*
 * A discrete state occurred (the watchdog's, section 27): its state bit and, if the
 * sensor supports it, its assertion event status are set. Returns whether it is an
 * event: supported, enabled, and the sensor's event messages on.
 */
/*@
  requires \valid(s) && offset < 15;
  assigns s->states, s->assert_events;
  ensures (s->states & (1 << offset)) != 0;
  ensures \result != 0 ==> s->events_on;
*/
bool sensor_occurred(struct sensor *s, uint8_t offset);

/*
 * Re-arm (section 35.12): clears the event status given. A threshold sensor's states
 * of the re-armed assertions are compared anew, so a condition still present is an
 * event again; a discrete sensor's re-armed states are cleared (the states here are
 * occurrences, as the watchdog's, not live inputs).
 */
/*@
  requires \valid(s) && \valid(ev) && \separated(s, ev);
  assigns s->states, s->assert_events, s->deassert_events, *ev;
  ensures ev->count <= SENSOR_THRESHOLDS;
*/
void sensor_rearm(struct sensor *s, uint16_t assertions, uint16_t deassertions,
                  struct sensor_events *ev);

#endif /* SENSOR_H */
