/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC in upstream QEMU 10.0's migration stream (hw/ipmi/ipmi_bmc_sim.c,
 * vmstate_ipmi_sim version 1), and the check of a state that came from a stream.
 *
 * Upstream's section carries the global enables and message flags (ours, as they are)
 * and its watchdog, which struct bmc_upstream_watchdog holds as the stream does: the
 * two functions here convert it to and from ours. Upstream keeps one deadline, in
 * nanoseconds of the virtual clock: the pre-timeout's while it is still to come, the
 * timeout's after it (or when there is none). The rest of our state travels in
 * subsections that the binding fills straight from struct bmc_state; bmc_migrated_ok
 * says whether what arrived is a state our functions may be given.
 *
 * docs/devices.rst ("Migration") has the mapping as a table.
 */
#ifndef BMC_MIGRATE_H
#define BMC_MIGRATE_H

#include <stdbool.h>
#include <stdint.h>

#include "bmc.h"

#define BMC_NS_PER_MS 1000000

struct bmc_upstream_watchdog {
    bool initialized;
    uint8_t use;
    uint8_t action;            /* the actions byte */
    uint8_t pretimeout;
    uint8_t expired;
    uint16_t timeout;          /* the initial countdown, 100 ms units */
    bool running;
    bool preaction_ran;        /* the pre-timeout interrupt happened this countdown */
    int64_t expiry;            /* ns: the next deadline, while running */
};

/*@
  // The deadline upstream keeps, in ms: the next one.
  logic integer bmc_upstream_deadline_ms(struct watchdog *w) =
    w->pretimeout_done ? w->expiry : w->pretimeout_at;
*/

/* Our watchdog as upstream holds it; a deadline beyond upstream's int64_t range of
   nanoseconds (292 years) is sent as the largest it has. */
/*@
  requires \valid_read(w) && \valid(u) && \separated(w, u);
  assigns *u;
  ensures u->initialized == w->initialized && u->running == w->running;
  ensures u->use == w->use && u->action == w->actions && u->pretimeout == w->pretimeout;
  ensures u->expired == w->expired && u->timeout == w->countdown;
  ensures u->expiry >= 0;
  ensures w->running && bmc_upstream_deadline_ms(w) <= 9223372036854 ==>
          u->expiry == bmc_upstream_deadline_ms(w) * BMC_NS_PER_MS;
*/
void bmc_watchdog_to_upstream(const struct watchdog *w, struct bmc_upstream_watchdog *u);

/*
 * Upstream's watchdog as ours. Returns false, leaving *w alone, if upstream could
 * not have held it: settings Set Watchdog Timer refuses, on an initialised timer.
 * `stopped_count` is the present countdown a stopped timer reports (upstream has no
 * field for it).
 */
/*@
  requires \valid(w) && \valid_read(u) && \separated(w, u);
  assigns *w;
  ensures \result != 0 ==> w->initialized == u->initialized && w->running == u->running;
  ensures \result != 0 ==> w->countdown == u->timeout;
  ensures \result != 0 && u->running && u->expiry >= 0 && !u->preaction_ran
          && watchdog_interrupt_of(u->action) != WATCHDOG_INTERRUPT_NONE ==>
          w->pretimeout_at == u->expiry / BMC_NS_PER_MS && !w->pretimeout_done;
*/
bool bmc_watchdog_from_upstream(struct watchdog *w, const struct bmc_upstream_watchdog *u,
                                uint16_t stopped_count);

/*
 * The present countdown of a stopped timer that upstream's fields imply (upstream has
 * none: it reports 0): 0 once it timed out in its use (that use's expiration flag),
 * else its initial countdown, as Set Watchdog Timer leaves it.
 */
/*@
  requires \valid_read(u);
  assigns \nothing;
  ensures u->running ==> \result == 0;
*/
uint16_t bmc_upstream_stopped_count(const struct bmc_upstream_watchdog *u);

/* Upstream's watchdog sensor (its sensors[0]) as the stream carries it. */
#define BMC_UPSTREAM_SENSOR_PRESENT 0x01
#define BMC_UPSTREAM_SENSOR_SCANNING 0x40
#define BMC_UPSTREAM_SENSOR_EVENTS 0x80

struct bmc_upstream_sensor {
    uint8_t status;            /* BMC_UPSTREAM_SENSOR_* */
    uint8_t reading;
    uint16_t states;           /* the states that hold */
    uint16_t assert_states;    /* assertion events since the last re-arm */
    uint16_t deassert_states;
    uint16_t assert_enable;
};

/*@
  requires \valid_read(s) && \valid(u) && \separated(s, u);
  assigns *u;
  ensures u->reading == s->reading && u->states == s->states;
  ensures u->assert_states == s->assert_events && u->deassert_states == s->deassert_events;
  ensures u->assert_enable == s->assert_enable;
*/
void bmc_sensor_to_upstream(const struct sensor *s, struct bmc_upstream_sensor *u);

/* What upstream's fields say of a sensor that the BMC defined as upstream's: its
   reading, states, event status and enables; its definition stays as it is. */
/*@
  requires \valid(s) && \valid_read(u) && \separated(s, u);
  assigns s->events_on, s->scanning_on, s->reading, s->states, s->assert_events,
          s->deassert_events, s->assert_enable;
  ensures s->reading == u->reading && s->states == u->states;
  ensures s->assert_events == u->assert_states && s->deassert_events == u->deassert_states;
  ensures s->assert_enable == u->assert_enable;
*/
void bmc_sensor_from_upstream(struct sensor *s, const struct bmc_upstream_sensor *u);

/*
 * Whether a state that came in from a migration stream keeps every invariant the
 * BMC's functions rely on (bmc_valid): a stream is outside input, and a corrupt or
 * hostile one must be refused rather than handed to them.
 */
/*@
  requires \valid(b);
  assigns \nothing;
  ensures \result != 0 ==> bmc_valid(b);
*/
bool bmc_migrated_ok(const struct bmc *b);

#endif /* BMC_MIGRATE_H */
