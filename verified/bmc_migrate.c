/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Upstream's BMC migration fields to and from ours, and the check of what came in
   (see bmc_migrate.h). */
#include "bmc_migrate.h"

/* The largest deadline upstream's nanoseconds hold, in ms. */
#define BMC_UPSTREAM_MAX_MS 9223372036854ULL

void bmc_watchdog_to_upstream(const struct watchdog *w, struct bmc_upstream_watchdog *u)
{
    uint64_t ms = w->pretimeout_done ? w->expiry : w->pretimeout_at;

    u->initialized = w->initialized;
    u->use = w->use;
    u->action = w->actions;
    u->pretimeout = w->pretimeout;
    u->expired = w->expired;
    u->timeout = w->countdown;
    u->running = w->running;
    /* Upstream's flag says the pre-timeout happened; ours is also set when there is
       none to come. */
    u->preaction_ran = w->pretimeout_done && (w->actions / 16) % 8 != WATCHDOG_INTERRUPT_NONE;
    u->expiry = 0;
    if (w->running) {
        u->expiry = (int64_t)((ms <= BMC_UPSTREAM_MAX_MS ? ms : BMC_UPSTREAM_MAX_MS) *
                              BMC_NS_PER_MS);
    }
}

uint16_t bmc_upstream_stopped_count(const struct bmc_upstream_watchdog *u)
{
    if (u->running || (u->expired & (1u << (u->use % 8))) != 0) {
        return 0;
    }
    return u->timeout;
}

/* Upstream's deadline in ms; one in the past (or negative) is due at once. */
/*@
  assigns \nothing;
  ensures ns >= 0 ==> \result == ns / BMC_NS_PER_MS;
  ensures ns < 0 ==> \result == 0;
*/
static uint64_t bmc_upstream_ms(int64_t ns)
{
    return ns >= 0 ? (uint64_t)(ns / BMC_NS_PER_MS) : 0;
}

bool bmc_watchdog_from_upstream(struct watchdog *w, const struct bmc_upstream_watchdog *u,
                                uint16_t stopped_count)
{
    uint64_t due = bmc_upstream_ms(u->expiry);
    uint64_t interval = (uint64_t)u->pretimeout * WATCHDOG_SECOND_MS;
    bool pretimeout_due = (u->action / 16) % 8 != WATCHDOG_INTERRUPT_NONE && !u->preaction_ran;

    if (u->initialized && !watchdog_settings_ok(u->use, u->action, u->pretimeout, u->timeout)) {
        return false;
    }
    w->initialized = u->initialized;
    w->use = u->use & WATCHDOG_USE_KEPT;
    w->actions = u->action & WATCHDOG_ACTIONS_KEPT;
    w->pretimeout = u->pretimeout;
    w->expired = u->expired & WATCHDOG_EXPIRED_KEPT;
    w->countdown = u->timeout;
    w->running = u->running;
    w->stopped_count = stopped_count;
    w->pretimeout_done = !pretimeout_due;
    if (pretimeout_due) {
        /* Upstream's deadline is the pre-timeout's; the timeout follows it by the
           interval (no overflow: due is at most 2^63 ns in ms). */
        w->pretimeout_at = due;
        w->expiry = due + interval;
    } else {
        w->pretimeout_at = due;
        w->expiry = due;
    }
    return true;
}

void bmc_sensor_to_upstream(const struct sensor *s, struct bmc_upstream_sensor *u)
{
    u->status = (uint8_t)((s->present ? BMC_UPSTREAM_SENSOR_PRESENT : 0) |
                          (s->scanning_on ? BMC_UPSTREAM_SENSOR_SCANNING : 0) |
                          (s->events_on ? BMC_UPSTREAM_SENSOR_EVENTS : 0));
    u->reading = s->reading;
    u->states = s->states;
    u->assert_states = s->assert_events;
    u->deassert_states = s->deassert_events;
    u->assert_enable = s->assert_enable;
}

void bmc_sensor_from_upstream(struct sensor *s, const struct bmc_upstream_sensor *u)
{
    s->events_on = (u->status & BMC_UPSTREAM_SENSOR_EVENTS) != 0;
    s->scanning_on = (u->status & BMC_UPSTREAM_SENSOR_SCANNING) != 0;
    s->reading = u->reading;
    s->states = u->states;
    s->assert_events = u->assert_states;
    s->deassert_events = u->deassert_states;
    s->assert_enable = u->assert_enable;
}

/* The chassis and ACPI states: values the commands that set them may set. */
/*@
  requires \valid_read(b);
  assigns \nothing;
  ensures \result != 0 ==> bmc_chassis_valid(&b->state.chassis)
          && bmc_acpi_system_state(b->state.acpi_system_state)
          && bmc_acpi_device_state(b->state.acpi_device_state);
*/
static bool bmc_migrated_power_ok(const struct bmc *b)
{
    return bmc_chassis_known(&b->state.chassis) &&
           bmc_acpi_system_state_known(b->state.acpi_system_state) &&
           bmc_acpi_device_state_known(b->state.acpi_device_state);
}

bool bmc_migrated_ok(const struct bmc *b)
{
    const struct bmc_msgq *q = &b->state.msgq;
    size_t i;

    if (!bmc_migrated_power_ok(b) || q->head >= BMC_MSGQ_DEPTH || q->count > BMC_MSGQ_DEPTH) {
        return false;
    }
    /*@
      loop invariant 0 <= i <= BMC_MSGQ_DEPTH;
      loop assigns i;
      loop variant BMC_MSGQ_DEPTH - i;
    */
    for (i = 0; i < BMC_MSGQ_DEPTH; i++) {
        if (q->lengths[i] > BMC_MSGQ_MESSAGE_MAX) {
            return false;
        }
    }
    return b->state.sel.count <= BMC_SEL_CAPACITY && b->state.sel.next_id >= 1 &&
           b->state.sel.next_id <= 0xfffe &&
           b->state.sysinfo.set_in_progress <= BMC_SYSINFO_STATE_LAST &&
           sdr_consistent(&b->state.sdr) && fru_consistent(&b->state.fru);
}
