/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Application commands (NetFn 06h) of the BMC watchdog timer (IPMI v2.0 rev 1.1,
 * sections 27.5 to 27.7): Reset, Set and Get Watchdog Timer. Layouts and length checks
 * are generated from spec/commands-app.yaml; the timer is watchdog.c's. Each command
 * that succeeds reports the timer (bmc_report_timer), so the caller knows when to call
 * bmc_tick; a refused one changes nothing (fuzz-bmc checks that of every command:
 * whole-state equalities are more than WP's provers can carry).
 */
#include "bmc.h"
#include "cmd_app.h"

/*@
  ensures \result == IPMI_CC_WATCHDOG_NOT_INITIALIZED <==> !\old(b->state.watchdog.initialized);
  ensures \result == IPMI_CC_SUCCESS ==>
          b->state.watchdog.running && call->effects.timer_changed && call->effects.timer_armed
          && b->state.watchdog.expiry ==
             watchdog_later(call->now, b->state.watchdog.countdown * WATCHDOG_COUNT_MS);
*/
uint8_t app_reset_watchdog_timer(struct bmc *b, struct bmc_call *call)
{
    if (!b->state.watchdog.initialized) {
        return IPMI_CC_WATCHDOG_NOT_INITIALIZED;
    }
    watchdog_start(&b->state.watchdog, call->now);
    bmc_report_timer(b, &call->effects);
    return IPMI_CC_SUCCESS;
}

/* The request as it came (\old): then no prover has to carry it across the steps. */
/*@
  ensures \result == IPMI_CC_SUCCESS <==>
          \old(watchdog_settings_valid(req->timer_use, req->timer_actions,
                                       req->pretimeout_interval, req->initial_countdown));
  ensures \result == IPMI_CC_SUCCESS ==>
          b->state.watchdog.initialized && call->effects.timer_changed
          && b->state.watchdog.countdown == \old(req->initial_countdown)
          && (b->state.watchdog.running <==>
              (\old(b->state.watchdog.running)
               && (\old(req->timer_use) & WATCHDOG_USE_DONT_STOP) != 0));
*/
uint8_t app_set_watchdog_timer(struct bmc *b, struct bmc_call *call,
                               const struct app_set_watchdog_timer_req *req)
{
    if (!watchdog_settings_ok(req->timer_use, req->timer_actions, req->pretimeout_interval,
                              req->initial_countdown)) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    watchdog_set(&b->state.watchdog, call->now, req->timer_use, req->timer_actions,
                 req->pretimeout_interval, req->expiration_flags_clear,
                 req->initial_countdown);
    bmc_report_timer(b, &call->effects);
    return IPMI_CC_SUCCESS;
}

/*@
  ensures rsp->initial_countdown == b->state.watchdog.countdown;
  ensures rsp->expiration_flags == b->state.watchdog.expired;
  ensures b->state.watchdog.running ==> rsp->present_countdown <= rsp->initial_countdown;
  ensures call->effects.timer_changed;
*/
uint8_t app_get_watchdog_timer(struct bmc *b, struct bmc_call *call,
                               struct app_get_watchdog_timer_rsp *rsp)
{
    const struct watchdog *w = &b->state.watchdog;

    if (w->running) {
        rsp->timer_use = w->use | WATCHDOG_USE_DONT_STOP;
    } else {
        rsp->timer_use = w->use & (uint8_t)~WATCHDOG_USE_DONT_STOP;
    }
    rsp->timer_actions = w->actions;
    rsp->pretimeout_interval = w->pretimeout;
    rsp->expiration_flags = w->expired;
    rsp->initial_countdown = w->countdown;
    rsp->present_countdown = watchdog_present(w, call->now);
    bmc_report_timer(b, &call->effects);
    return IPMI_CC_SUCCESS;
}
