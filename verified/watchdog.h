/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC watchdog timer (IPMI v2.0 rev 1.1, section 27): its settings, its countdown
 * and what happens when it runs out. Time is the caller's, in milliseconds, and is a
 * parameter: the timer keeps absolute deadlines and the BMC's caller calls bmc_tick
 * when one has come (the effects of every watchdog command and tick say when).
 *
 * This file knows the timer only; the App commands that set, reset and read it are in
 * bmc_watchdog.c and what a timeout does to the machine (power, NMI, message flags)
 * is in bmc.c's bmc_tick.
 */
#ifndef WATCHDOG_H
#define WATCHDOG_H

#include <stdbool.h>
#include <stdint.h>

/* Timer use byte (section 27.6, byte 1). */
#define WATCHDOG_USE_DONT_LOG 0x80     /* don't log the timeout in the SEL */
#define WATCHDOG_USE_DONT_STOP 0x40    /* Set: don't stop a running timer; Get: running */
#define WATCHDOG_USE_KEPT 0xc7         /* the bits kept: 7, 6 and the use in 2:0 */
#define WATCHDOG_USE_FRB2 1            /* BIOS FRB2 */
#define WATCHDOG_USE_POST 2            /* BIOS/POST */
#define WATCHDOG_USE_OS_LOAD 3
#define WATCHDOG_USE_SMS_OS 4
#define WATCHDOG_USE_OEM 5
#define WATCHDOG_USE_LAST WATCHDOG_USE_OEM

/* Timer actions byte (byte 2): the timeout action in bits 2:0, the pre-timeout
   interrupt in bits 6:4. */
#define WATCHDOG_ACTIONS_KEPT 0x77
#define WATCHDOG_ACTION_NONE 0
#define WATCHDOG_ACTION_HARD_RESET 1
#define WATCHDOG_ACTION_POWER_DOWN 2
#define WATCHDOG_ACTION_POWER_CYCLE 3
#define WATCHDOG_ACTION_LAST WATCHDOG_ACTION_POWER_CYCLE
#define WATCHDOG_INTERRUPT_NONE 0
#define WATCHDOG_INTERRUPT_SMI 1
#define WATCHDOG_INTERRUPT_NMI 2       /* NMI / diagnostic interrupt */
#define WATCHDOG_INTERRUPT_MESSAGING 3 /* the pre-timeout flag of Get Message Flags */
#define WATCHDOG_INTERRUPT_LAST WATCHDOG_INTERRUPT_MESSAGING

/* Timer use expiration flags (byte 4): bit n is use n. */
#define WATCHDOG_EXPIRED_KEPT 0x3e

/*
 * The event offsets of sensor type 23h, Watchdog 2 (table 42-3), that a timeout logs:
 * 00h timer expired (no action), 01h hard reset, 02h power down, 03h power cycle, 08h
 * timer interrupt (the pre-timeout). Event data 1 has the offset in bits 3:0 and says
 * byte 2 holds the sensor-specific extension (the interrupt type in bits 7:4, the
 * timer use in 3:0) and byte 3 nothing (FFh).
 */
#define WATCHDOG_EVENT_TIMER_EXPIRED 0x00
#define WATCHDOG_EVENT_HARD_RESET 0x01
#define WATCHDOG_EVENT_POWER_DOWN 0x02
#define WATCHDOG_EVENT_POWER_CYCLE 0x03
#define WATCHDOG_EVENT_TIMER_INTERRUPT 0x08
#define WATCHDOG_EVENT_DATA_EXTENSION 0xc0
#define WATCHDOG_EVENT_DATA_NONE 0xff

/* Countdown units: 100 ms; pre-timeout interval units: 1 s. */
#define WATCHDOG_COUNT_MS 100
#define WATCHDOG_SECOND_MS 1000

struct watchdog {
    uint64_t expiry;           /* ms: when the running timer times out */
    uint64_t pretimeout_at;    /* ms: when its pre-timeout interrupt is due */
    uint16_t countdown;        /* initial countdown, 100 ms units */
    uint16_t stopped_count;    /* present countdown while stopped, 100 ms units */
    uint8_t use;               /* timer use byte as set (WATCHDOG_USE_KEPT bits) */
    uint8_t actions;           /* timer actions byte as set (WATCHDOG_ACTIONS_KEPT bits) */
    uint8_t pretimeout;        /* pre-timeout interval, seconds */
    uint8_t expired;           /* timer use expiration flags */
    bool initialized;          /* a Set Watchdog Timer was accepted */
    bool running;
    bool pretimeout_done;      /* the pre-timeout ran, or there is none this countdown */
};

/* What a tick found due. */
struct watchdog_fired {
    bool pretimeout;           /* the pre-timeout interrupt is due now */
    bool expired;              /* the timer timed out (and stopped) */
};

/*@
  logic integer watchdog_use_of(integer use) = use % 8;
  logic integer watchdog_action_of(integer actions) = actions % 8;
  logic integer watchdog_interrupt_of(integer actions) = (actions / 16) % 8;

  // What Set Watchdog Timer accepts (section 27.6): a use 1 to 5, a timeout action and
  // a pre-timeout interrupt of those defined, and a pre-timeout interval, if any,
  // shorter than the countdown.
  predicate watchdog_settings_valid(integer use, integer actions, integer pretimeout,
                                    integer countdown) =
    1 <= watchdog_use_of(use) <= WATCHDOG_USE_LAST
    && watchdog_action_of(actions) <= WATCHDOG_ACTION_LAST
    && watchdog_interrupt_of(actions) <= WATCHDOG_INTERRUPT_LAST
    && (pretimeout == 0 || pretimeout * 10 < countdown);

  logic integer watchdog_later(integer now, integer ms) =
    now + ms <= 18446744073709551615 ? now + ms : 18446744073709551615;

  // The next time the timer needs a tick.
  logic integer watchdog_deadline_of(struct watchdog *w) =
    w->pretimeout_done ? w->expiry : w->pretimeout_at;
*/

/*@
  requires \valid(w);
  assigns *w;
  ensures !w->initialized && !w->running && w->expired == 0;
  ensures w->use == 0 && w->actions == 0 && w->pretimeout == 0 && w->countdown == 0;
  ensures w->stopped_count == 0;
*/
void watchdog_init(struct watchdog *w);

/*@
  assigns \nothing;
  ensures \result != 0 <==> watchdog_settings_valid(use, actions, pretimeout, countdown);
*/
bool watchdog_settings_ok(uint8_t use, uint8_t actions, uint8_t pretimeout,
                          uint16_t countdown);

/*
 * Starts the countdown from the initial value at `now` (Reset Watchdog Timer, and Set
 * Watchdog Timer when the timer runs and "don't stop" is set).
 */
/*@
  requires \valid(w);
  assigns w->running, w->expiry, w->pretimeout_at, w->pretimeout_done;
  ensures w->running;
  ensures w->expiry == watchdog_later(now, w->countdown * WATCHDOG_COUNT_MS);
  ensures w->pretimeout_done <==>
          watchdog_interrupt_of(w->actions) == WATCHDOG_INTERRUPT_NONE;
  ensures !w->pretimeout_done ==>
          w->pretimeout_at <= w->expiry
          && (w->expiry >= w->pretimeout * WATCHDOG_SECOND_MS ==>
              w->pretimeout_at == w->expiry - w->pretimeout * WATCHDOG_SECOND_MS);
*/
void watchdog_start(struct watchdog *w, uint64_t now);

/*
 * Set Watchdog Timer's new settings, already checked: a running timer with "don't
 * stop" in the new use restarts from the new countdown; otherwise the timer stops,
 * its present countdown the initial one. The expiration flags given are cleared.
 */
/*@
  requires \valid(w);
  requires watchdog_settings_valid(use, actions, pretimeout, countdown);
  assigns *w;
  ensures w->initialized;
  ensures w->use == (use & WATCHDOG_USE_KEPT) && w->actions == (actions & WATCHDOG_ACTIONS_KEPT);
  ensures w->pretimeout == pretimeout && w->countdown == countdown;
  ensures w->expired == (\old(w->expired) & ~clear & WATCHDOG_EXPIRED_KEPT);
  ensures w->running <==> (\old(w->running) && (use & WATCHDOG_USE_DONT_STOP) != 0);
  ensures !w->running ==> w->stopped_count == countdown;
  ensures w->running ==> w->expiry == watchdog_later(now, countdown * WATCHDOG_COUNT_MS);
*/
void watchdog_set(struct watchdog *w, uint64_t now, uint8_t use, uint8_t actions,
                  uint8_t pretimeout, uint8_t clear, uint16_t countdown);

/*
 * The present countdown at `now`, in 100 ms units rounded up: what is left of a running
 * timer (never more than the initial countdown), or where a stopped one stopped.
 */
/*@
  requires \valid_read(w);
  assigns \nothing;
  ensures !w->running ==> \result == w->stopped_count;
  ensures w->running && now >= w->expiry ==> \result == 0;
  ensures w->running ==> \result <= w->countdown;
*/
uint16_t watchdog_present(const struct watchdog *w, uint64_t now);

/*
 * What is due at `now`: the pre-timeout interrupt first, then the timeout, which
 * stops the timer, sets the use's expiration flag and leaves 0 as the present
 * countdown. Before the next deadline, nothing is and nothing changes.
 */
/*@
  requires \valid(w);
  assigns *w;
  ensures !\old(w->running) ==> !\result.pretimeout && !\result.expired;
  ensures \old(w->running) && now < \old(watchdog_deadline_of(w)) ==>
          !\result.pretimeout && !\result.expired;
  ensures !\result.pretimeout && !\result.expired ==>
          w->running == \old(w->running) && w->pretimeout_done == \old(w->pretimeout_done)
          && w->expiry == \old(w->expiry) && w->pretimeout_at == \old(w->pretimeout_at)
          && w->expired == \old(w->expired);
  ensures \result.pretimeout ==> \old(w->running) && !\old(w->pretimeout_done);
  ensures \result.expired ==> \old(w->running) && now >= \old(w->expiry) && !w->running
          && w->stopped_count == 0
          && w->expired == (\old(w->expired) | (1 << watchdog_use_of(w->use)));
  ensures w->use == \old(w->use) && w->actions == \old(w->actions);
*/
struct watchdog_fired watchdog_tick(struct watchdog *w, uint64_t now);

#endif /* WATCHDOG_H */
