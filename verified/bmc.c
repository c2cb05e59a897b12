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
#include "cmd_sensor_event.h"
#include "event.h"
#include "ipmi_messages.h"
#include "sensor.h"

#include "bytes.h"

void bmc_clear_effects(struct bmc_effects *fx)
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

/*
 * The parts of a BMC that bmc_valid or bmc_init's contract constrain, as they start:
 * apart from the rest of bmc_init so that their proof does not carry every other
 * part's initialisation.
 */
/*@
  requires \valid(b);
  assigns b->state.sensors, b->state.chassis, b->state.msgq, b->state.sdr,
          b->state.acpi_system_state, b->state.acpi_device_state;
  ensures bmc_valid(b);
  ensures sensor_is_present(&b->state.sensors, SENSOR_WATCHDOG_NUMBER);
  ensures b->state.acpi_system_state == 0 && b->state.acpi_device_state == 0;
  ensures b->state.chassis.power_on;
  ensures b->state.msgq.count == 0 && b->state.sdr.count == 1;
*/
static void bmc_init_constrained(struct bmc *b, uint8_t owner)
{
    /* The watchdog's sensor, as upstream's first SDR describes it, until the SDR
       repository defines the sensors. */
    sensor_init(&b->state.sensors);
    sensor_define_discrete(&b->state.sensors, SENSOR_WATCHDOG_NUMBER, SENSOR_TYPE_WATCHDOG_2,
                           SENSOR_READING_SENSOR_SPECIFIC, SENSOR_WATCHDOG_ASSERTIONS, 0);
    bmc_chassis_init(&b->state.chassis);
    //@ assert sensor_is_present(&b->state.sensors, SENSOR_WATCHDOG_NUMBER);
    msgq_init(&b->state.msgq);
    //@ assert bmc_chassis_valid(&b->state.chassis) && msgq_valid(&b->state.msgq);
    //@ assert sensor_is_present(&b->state.sensors, SENSOR_WATCHDOG_NUMBER);
    /* Upstream's one SDR, the watchdog sensor's. */
    sdr_init_default(&b->state.sdr, owner);
    //@ assert bmc_chassis_valid(&b->state.chassis);
    //@ assert msgq_valid(&b->state.msgq);
    //@ assert sdr_valid(&b->state.sdr);
    /* S0/G0 and D0: the machine is working. */
    b->state.acpi_system_state = 0;
    b->state.acpi_device_state = 0;
}

void bmc_init(struct bmc *b, const struct bmc_config *config)
{
    b->config = *config;
    b->state.global_enables = BMC_ENABLE_SYSTEM_EVENT_LOG;
    b->state.msg_flags = 0;
    watchdog_init(&b->state.watchdog);
    sel_init(&b->state.sel);
    fru_init(&b->state.fru);
    bmc_sysinfo_init(&b->state.sysinfo);
    bytes_clear(b->state.event_buffer, SEL_RECORD_LEN);
    bmc_init_constrained(b, config->slave_addr);
}

bool bmc_acpi_system_state_known(uint8_t s)
{
    return s <= BMC_ACPI_SYSTEM_LAST || s == BMC_ACPI_SYSTEM_LEGACY_ON ||
           s == BMC_ACPI_SYSTEM_LEGACY_OFF || s == BMC_ACPI_UNKNOWN;
}

bool bmc_acpi_device_state_known(uint8_t s)
{
    return s <= BMC_ACPI_DEVICE_LAST || s == BMC_ACPI_UNKNOWN;
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

struct bmc_effects bmc_timer_effects(const struct bmc *b)
{
    struct bmc_effects fx;

    bmc_clear_effects(&fx);
    bmc_report_timer(b, &fx);
    return fx;
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
  ensures \result < 15;
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

/*
 * Logs a watchdog event (section 27.1, table 42-3) as its sensor's, if it has the
 * sensor and the sensor reports the offset: event data 1 the offset (byte 2 holds the
 * sensor-specific extension), event data 2 the pre-timeout interrupt and the timer use.
 */
/*@
  requires \valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires offset < 15;
  assigns b->state.sensors, b->state.sel, b->state.msg_flags,
          b->state.event_buffer[0 .. SEL_RECORD_LEN - 1], call->effects.attention_changed,
          call->effects.attention, call->effects.attention_irq;
  ensures bmc_call_valid(call);
*/
static void bmc_watchdog_log(struct bmc *b, struct bmc_call *call, uint8_t offset)
{
    const struct watchdog *w = &b->state.watchdog;
    struct sensor *s = &b->state.sensors.s[SENSOR_WATCHDOG_NUMBER];
    uint8_t data2 = (uint8_t)(((w->actions / 16) % 8) * 16 + w->use % 8);

    if (!s->present || !sensor_occurred(s, offset)) {
        return;
    }
    bmc_event(b, call, s->sensor_type, SENSOR_WATCHDOG_NUMBER, s->reading_type,
              (uint8_t)(WATCHDOG_EVENT_DATA_EXTENSION | offset), data2, WATCHDOG_EVENT_DATA_NONE);
}

/* The pre-timeout interrupt (section 27.7): an NMI, or the pre-timeout message flag
   and attention (SMI has no line here); logged unless the use says not to. */
/*@
  requires \valid(b) && bmc_call_valid(call) && \separated(b, call);
  assigns b->state.sensors, b->state.sel, b->state.msg_flags,
          b->state.event_buffer[0 .. SEL_RECORD_LEN - 1], call->effects.nmi,
          call->effects.attention_changed, call->effects.attention, call->effects.attention_irq;
  ensures bmc_call_valid(call);
*/
static void bmc_watchdog_pretimeout(struct bmc *b, struct bmc_call *call, bool log)
{
    switch ((b->state.watchdog.actions / 16) % 8) {
    case WATCHDOG_INTERRUPT_NMI:
        call->effects.nmi = true;
        break;
    case WATCHDOG_INTERRUPT_MESSAGING:
        b->state.msg_flags |= BMC_FLAG_WATCHDOG_PRETIMEOUT;
        call->effects.attention_changed = true;
        call->effects.attention = true;
        call->effects.attention_irq = bmc_attention_irq(b);
        break;
    default:
        break;
    }
    if (log) {
        bmc_watchdog_log(b, call, WATCHDOG_EVENT_TIMER_INTERRUPT);
    }
}

/* The timeout: its action as a power effect; logged unless the use says not to. */
/*@
  requires \valid(b) && bmc_call_valid(call) && \separated(b, call);
  assigns b->state.sensors, b->state.sel, b->state.msg_flags,
          b->state.event_buffer[0 .. SEL_RECORD_LEN - 1], call->effects.power,
          call->effects.attention_changed, call->effects.attention, call->effects.attention_irq;
  ensures bmc_call_valid(call);
*/
static void bmc_watchdog_expired(struct bmc *b, struct bmc_call *call, bool log)
{
    call->effects.power = bmc_watchdog_power(b->state.watchdog.actions % 8);
    if (log) {
        bmc_watchdog_log(b, call, bmc_watchdog_event(b->state.watchdog.actions % 8));
    }
}

/* What a tick does once the watchdog fired: each step, then the new timer. */
/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  assigns b->state.msg_flags, b->state.sensors, b->state.sel,
          b->state.event_buffer[0 .. SEL_RECORD_LEN - 1], call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
*/
static void bmc_tick_fired(struct bmc *b, struct bmc_call *call, struct watchdog_fired fired)
{
    bool log = (b->state.watchdog.use & WATCHDOG_USE_DONT_LOG) == 0;

    /* What each step keeps, said after it, so that each goal spans one call. */
    if (fired.pretimeout) {
        bmc_watchdog_pretimeout(b, call, log);
        //@ assert bmc_valid(b) && bmc_call_valid(call);
    }
    if (fired.expired) {
        bmc_watchdog_expired(b, call, log);
        //@ assert bmc_valid(b) && bmc_call_valid(call);
    }
    bmc_report_timer(b, &call->effects);
}

/* The effects of a call that asks for nothing, as a value. */
/*@
  assigns \nothing;
  ensures !\result.irq_enable_changed && !\result.attention_changed;
  ensures !\result.attention_irq && !\result.cold_reset && !\result.warm_reset;
  ensures \result.power == BMC_POWER_NONE && !\result.nmi && !\result.timer_changed;
*/
static struct bmc_effects bmc_no_effects(void)
{
    struct bmc_effects fx;

    bmc_clear_effects(&fx);
    return fx;
}

struct bmc_effects bmc_tick(struct bmc *b, uint64_t now)
{
    struct bmc_call call;
    struct watchdog_fired fired;
    struct bmc_effects fx;

    fired = watchdog_tick(&b->state.watchdog, now);
    //@ assert bmc_valid(b);
    if (!fired.pretimeout && !fired.expired) {
        /* Nothing due: nothing asked, with no step between the clear effects and
           the return for a prover to see through. */
        fx = bmc_no_effects();
        return fx;
    }
    call.now = now;
    bmc_clear_effects(&call.effects);
    bmc_tick_fired(b, &call, fired);
    /* A copy whose address is never taken: the provers see its fields as values,
       not as memory each step of the tick may have written. */
    fx = call.effects;
    //@ assert fx.power <= BMC_POWER_LAST;
    /* No tick asks for these (bmc_clear_effects said so before the steps). */
    fx.irq_enable_changed = false;
    fx.cold_reset = false;
    fx.warm_reset = false;
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
    case IPMI_NETFN_SENSOR_EVENT:
        written = answer_sensor_event_command(b, call, cmd, data, len, out, cap);
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
