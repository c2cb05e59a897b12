/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC core: message framing and dispatch by network function. The commands
 * themselves live in one file per NetFn (bmc_app.c, ...), behind the layouts that
 * generated/cmd_<netfn>.c decodes and checks.
 */
#include "bmc.h"

#include "cmd_app.h"
#include "cmd_storage.h"
#include "cmd_chassis.h"
#include "ipmi_messages.h"

/*@
  requires \valid(fx);
  assigns *fx;
  ensures !fx->irq_enable_changed && !fx->attention_changed;
  ensures !fx->attention_irq && !fx->cold_reset && !fx->warm_reset;
  ensures fx->power == BMC_POWER_NONE && !fx->nmi && !fx->timer_changed;
*/
static void bmc_clear_effects(struct bmc_effects *fx)
{
    fx->irq_enable_changed = false;
    fx->irq_enabled = false;
    fx->attention_changed = false;
    fx->attention = false;
    fx->attention_irq = false;
    fx->cold_reset = false;
    fx->warm_reset = false;
    fx->power = BMC_POWER_NONE;
    fx->nmi = false;
    fx->timer_changed = false;
    fx->timer_armed = false;
    fx->deadline = 0;
}

void bmc_init(struct bmc *b, const struct bmc_config *config)
{
    b->config = *config;
    b->state.global_enables = BMC_ENABLE_SYSTEM_EVENT_LOG;
    b->state.msg_flags = 0;
    b->state.watchdog_last_event = WATCHDOG_EVENT_NONE;
    watchdog_init(&b->state.watchdog);
    sel_init(&b->state.sel);
    /* Upstream's FRU device 0 and its one SDR, the watchdog sensor's. */
    fru_init(&b->state.fru);
    sdr_init_default(&b->state.sdr, config->slave_addr);
    bmc_chassis_init(&b->state.chassis);
    /* S0/G0 and D0: the machine is working. */
    b->state.acpi_system_state = 0;
    b->state.acpi_device_state = 0;
}

bool bmc_attention_irq(const struct bmc *b)
{
    uint8_t enables = b->state.global_enables;
    uint8_t flags = b->state.msg_flags;

    return ((enables & BMC_ENABLE_RCV_MSG_QUEUE_IRQ) != 0 &&
            (flags & (BMC_FLAG_RCV_MSG_AVAILABLE | BMC_FLAG_WATCHDOG_PRETIMEOUT)) != 0) ||
           ((enables & BMC_ENABLE_EVENT_BUFFER_FULL_IRQ) != 0 &&
            (flags & BMC_FLAG_EVENT_BUFFER_FULL) != 0);
}

void bmc_report_timer(const struct bmc *b, struct bmc_effects *fx)
{
    const struct watchdog *w = &b->state.watchdog;

    fx->timer_changed = true;
    fx->timer_armed = w->running;
    if (!w->running) {
        fx->deadline = 0;
    } else if (w->pretimeout_done) {
        fx->deadline = w->expiry;
    } else {
        fx->deadline = w->pretimeout_at;
    }
}

/* The power effect of a timeout action (section 27.1). */
/*@
  assigns \nothing;
  ensures \result <= BMC_POWER_LAST;
  ensures action == WATCHDOG_ACTION_HARD_RESET ==> \result == BMC_POWER_RESET;
  ensures action == WATCHDOG_ACTION_POWER_DOWN ==> \result == BMC_POWER_OFF;
  ensures action == WATCHDOG_ACTION_POWER_CYCLE ==> \result == BMC_POWER_CYCLE;
  ensures action == WATCHDOG_ACTION_NONE ==> \result == BMC_POWER_NONE;
*/
static uint8_t bmc_watchdog_power(uint8_t action)
{
    switch (action) {
    case WATCHDOG_ACTION_HARD_RESET:
        return BMC_POWER_RESET;
    case WATCHDOG_ACTION_POWER_DOWN:
        return BMC_POWER_OFF;
    case WATCHDOG_ACTION_POWER_CYCLE:
        return BMC_POWER_CYCLE;
    default:
        return BMC_POWER_NONE;
    }
}

/* The Watchdog 2 event offset a timeout logs (table 42-3): the action it took. */
/*@
  assigns \nothing;
  ensures action == WATCHDOG_ACTION_NONE ==> \result == WATCHDOG_EVENT_TIMER_EXPIRED;
  ensures action == WATCHDOG_ACTION_HARD_RESET ==> \result == WATCHDOG_EVENT_HARD_RESET;
  ensures action == WATCHDOG_ACTION_POWER_DOWN ==> \result == WATCHDOG_EVENT_POWER_DOWN;
  ensures action == WATCHDOG_ACTION_POWER_CYCLE ==> \result == WATCHDOG_EVENT_POWER_CYCLE;
*/
static uint8_t bmc_watchdog_event(uint8_t action)
{
    switch (action) {
    case WATCHDOG_ACTION_HARD_RESET:
        return WATCHDOG_EVENT_HARD_RESET;
    case WATCHDOG_ACTION_POWER_DOWN:
        return WATCHDOG_EVENT_POWER_DOWN;
    case WATCHDOG_ACTION_POWER_CYCLE:
        return WATCHDOG_EVENT_POWER_CYCLE;
    default:
        return WATCHDOG_EVENT_TIMER_EXPIRED;
    }
}

struct bmc_effects bmc_tick(struct bmc *b, uint64_t now)
{
    struct bmc_effects fx;
    struct watchdog_fired fired;
    struct watchdog *w = &b->state.watchdog;
    bool log = (w->use & WATCHDOG_USE_DONT_LOG) == 0;

    bmc_clear_effects(&fx);
    fired = watchdog_tick(w, now);
    if (fired.pretimeout) {
        switch ((w->actions / 16) % 8) {
        case WATCHDOG_INTERRUPT_NMI:
            fx.nmi = true;
            break;
        case WATCHDOG_INTERRUPT_MESSAGING:
            b->state.msg_flags |= BMC_FLAG_WATCHDOG_PRETIMEOUT;
            fx.attention_changed = true;
            fx.attention = true;
            fx.attention_irq = bmc_attention_irq(b);
            break;
        default:
            break;
        }
        if (log) {
            b->state.watchdog_last_event = WATCHDOG_EVENT_TIMER_INTERRUPT;
        }
    }
    if (fired.expired) {
        fx.power = bmc_watchdog_power(w->actions % 8);
        if (log) {
            b->state.watchdog_last_event = bmc_watchdog_event(w->actions % 8);
        }
    }
    if (fired.pretimeout || fired.expired) {
        bmc_report_timer(b, &fx);
    }
    return fx;
}

struct bmc_effects bmc_announce(const struct bmc *b)
{
    struct bmc_effects fx;

    bmc_clear_effects(&fx);
    fx.irq_enable_changed = true;
    fx.irq_enabled = (b->state.global_enables & BMC_ENABLE_IRQS) != 0;
    fx.attention_changed = true;
    fx.attention = b->state.msg_flags != 0;
    return fx;
}

size_t bmc_answer_code(uint8_t *out, uint8_t cc)
{
    *out = cc;
    return 1;
}

/*@
  requires bmc_valid(b);
  requires bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t bmc_dispatch(struct bmc *b, struct bmc_call *call, uint8_t netfn,
                           uint8_t cmd, const uint8_t *data, size_t len,
                           uint8_t *out, size_t cap)
{
    size_t written;

    /* One assignment per case, not a return: WP proves the frame of a call's result
       returned from inside a switch only this way. */
    switch (netfn) {
    case IPMI_NETFN_CHASSIS:
        written = answer_chassis_command(b, call, cmd, data, len, out, cap);
        break;
    case IPMI_NETFN_APP:
        written = answer_app_command(b, call, cmd, data, len, out, cap);
        break;
    case IPMI_NETFN_STORAGE:
        written = answer_storage_command(b, call, cmd, data, len, out, cap);
        break;
    default:
        written = bmc_answer_code(out, IPMI_CC_INVALID_COMMAND);
        break;
    }
    return written;
}

/*
 * bmc_handle_request with the call's context in hand: writes the response and
 * returns its length.
 */
/*@
  requires bmc_valid(b) && bmc_call_valid(call);
  requires \valid_read(req + (0 .. req_len - 1)) && \valid(rsp + (0 .. rsp_cap - 1));
  requires \separated(b, call, req + (0 .. req_len - 1), rsp + (0 .. rsp_cap - 1));
  requires \separated(req + (0 .. req_len - 1), rsp + (0 .. rsp_cap - 1));
  requires rsp_cap >= IPMI_RESPONSE_HEADER;
  assigns b->state, call->effects, rsp[0 .. rsp_cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures IPMI_RESPONSE_HEADER <= \result <= rsp_cap;
  ensures req_len >= IPMI_REQUEST_HEADER ==>
          rsp[0] == (req[0] | IPMI_RESPONSE_NETFN_BIT) && rsp[1] == req[1];
*/
static size_t bmc_answer(struct bmc *b, struct bmc_call *call,
                         const uint8_t *req, size_t req_len, uint8_t *rsp, size_t rsp_cap)
{
    /* What follows the response's NetFn/LUN and command: completion code and data. */
    uint8_t *out = rsp + IPMI_RESPONSE_HEADER - 1;
    size_t cap = rsp_cap - (IPMI_RESPONSE_HEADER - 1);
    size_t written;

    if (req_len < IPMI_REQUEST_HEADER) {
        /* Not even a command to name: answer for what there is. */
        rsp[0] = (uint8_t)((req_len > 0 ? req[0] : 0) | IPMI_RESPONSE_NETFN_BIT);
        rsp[1] = 0;
        return IPMI_RESPONSE_HEADER - 1 +
               bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if ((req[0] & IPMI_LUN_MASK) != 0) {
        /* This BMC has its commands on LUN 0 only. */
        written = bmc_answer_code(out, IPMI_CC_INVALID_FOR_LUN);
    } else {
        written = bmc_dispatch(b, call, (uint8_t)(req[0] >> IPMI_NETFN_SHIFT), req[1],
                               req + IPMI_REQUEST_HEADER, req_len - IPMI_REQUEST_HEADER,
                               out, cap);
    }
    /* The header last: then no prover has to carry it across the command's effects. */
    rsp[0] = (uint8_t)(req[0] | IPMI_RESPONSE_NETFN_BIT);
    rsp[1] = req[1];
    return IPMI_RESPONSE_HEADER - 1 + written;
}

struct bmc_result bmc_handle_request(struct bmc *b, uint64_t now,
                                     const uint8_t *req, size_t req_len,
                                     uint8_t *rsp, size_t rsp_cap)
{
    struct bmc_call call;
    struct bmc_result result;

    call.now = now;
    bmc_clear_effects(&call.effects);
    result.len = bmc_answer(b, &call, req, req_len, rsp, rsp_cap);
    result.effects = call.effects;
    return result;
}
