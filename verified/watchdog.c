/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC watchdog timer (IPMI v2.0 rev 1.1, section 27): settings, countdown, what is
 * due at a given time. See watchdog.h.
 */
#include "watchdog.h"

void watchdog_init(struct watchdog *w)
{
    w->expiry = 0;
    w->pretimeout_at = 0;
    w->countdown = 0;
    w->stopped_count = 0;
    w->use = 0;
    w->actions = 0;
    w->pretimeout = 0;
    w->expired = 0;
    w->initialized = false;
    w->running = false;
    w->pretimeout_done = true;
}

bool watchdog_settings_ok(uint8_t use, uint8_t actions, uint8_t pretimeout,
                          uint16_t countdown)
{
    if (use % 8 < WATCHDOG_USE_FRB2 || use % 8 > WATCHDOG_USE_LAST) {
        return false;
    }
    if (actions % 8 > WATCHDOG_ACTION_LAST || (actions / 16) % 8 > WATCHDOG_INTERRUPT_LAST) {
        return false;
    }
    return pretimeout == 0 || (uint32_t)pretimeout * 10 < countdown;
}

/* now + ms, or the end of time if that is beyond it. */
/*@
  assigns \nothing;
  ensures \result == watchdog_later(now, ms);
*/
static uint64_t watchdog_later_than(uint64_t now, uint32_t ms)
{
    if (now > UINT64_MAX - ms) {
        return UINT64_MAX;
    }
    return now + ms;
}

void watchdog_start(struct watchdog *w, uint64_t now)
{
    uint32_t before = (uint32_t)w->pretimeout * WATCHDOG_SECOND_MS;

    w->running = true;
    w->expiry = watchdog_later_than(now, (uint32_t)w->countdown * WATCHDOG_COUNT_MS);
    w->pretimeout_done = (w->actions / 16) % 8 == WATCHDOG_INTERRUPT_NONE;
    if (w->expiry >= before) {
        w->pretimeout_at = w->expiry - before;
    } else {
        w->pretimeout_at = 0;
    }
}

void watchdog_set(struct watchdog *w, uint64_t now, uint8_t use, uint8_t actions,
                  uint8_t pretimeout, uint8_t clear, uint16_t countdown)
{
    w->initialized = true;
    w->use = use & WATCHDOG_USE_KEPT;
    w->actions = actions & WATCHDOG_ACTIONS_KEPT;
    w->pretimeout = pretimeout;
    w->countdown = countdown;
    w->expired = (uint8_t)(w->expired & ~clear & WATCHDOG_EXPIRED_KEPT);
    if (w->running && (use & WATCHDOG_USE_DONT_STOP) != 0) {
        watchdog_start(w, now);
    } else {
        w->running = false;
        w->stopped_count = countdown;
    }
}

uint16_t watchdog_present(const struct watchdog *w, uint64_t now)
{
    uint64_t left;

    if (!w->running) {
        return w->stopped_count;
    }
    if (now >= w->expiry) {
        return 0;
    }
    left = w->expiry - now;
    if (left > (uint64_t)w->countdown * WATCHDOG_COUNT_MS) {
        return w->countdown;
    }
    return (uint16_t)((left + WATCHDOG_COUNT_MS - 1) / WATCHDOG_COUNT_MS);
}

struct watchdog_fired watchdog_tick(struct watchdog *w, uint64_t now)
{
    struct watchdog_fired fired;

    fired.pretimeout = false;
    fired.expired = false;
    if (!w->running) {
        return fired;
    }
    if (!w->pretimeout_done) {
        if (now < w->pretimeout_at) {
            return fired;
        }
        w->pretimeout_done = true;
        fired.pretimeout = true;
    }
    if (now >= w->expiry) {
        w->running = false;
        w->stopped_count = 0;
        w->expired = (uint8_t)(w->expired | (1u << (w->use % 8)));
        fired.expired = true;
    }
    return fired;
}
