/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC core: message framing and dispatch by network function. The commands
 * themselves live in one file per NetFn (bmc_app.c, ...), behind the layouts that
 * generated/cmd_<netfn>.c decodes and checks.
 */
#include "bmc.h"

#include "cmd_app.h"
#include "cmd_chassis.h"
#include "ipmi_messages.h"

/*@
  requires \valid(fx);
  assigns *fx;
  ensures !fx->irq_enable_changed && !fx->attention_changed;
  ensures !fx->attention_irq && !fx->cold_reset && !fx->warm_reset;
  ensures bmc_no_power(*fx) && !fx->timer_changed && bmc_effects_valid(*fx);
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
    /* S0/G0 and D0: the machine is working. */
    b->state.acpi_system_state = 0;
    b->state.acpi_device_state = 0;
    bmc_chassis_init(&b->state.chassis);
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
  ensures bmc_valid(b);
  ensures 1 <= \result <= cap;
*/
static size_t bmc_dispatch(struct bmc *b, struct bmc_call *call, uint8_t netfn,
                           uint8_t cmd, const uint8_t *data, size_t len,
                           uint8_t *out, size_t cap)
{
    switch (netfn) {
    case IPMI_NETFN_CHASSIS:
        return answer_chassis_command(b, call, cmd, data, len, out, cap);
    case IPMI_NETFN_APP:
        return answer_app_command(b, call, cmd, data, len, out, cap);
    default:
        return bmc_answer_code(out, IPMI_CC_INVALID_COMMAND);
    }
}

struct bmc_result bmc_handle_request(struct bmc *b, uint64_t now,
                                     const uint8_t *req, size_t req_len,
                                     uint8_t *rsp, size_t rsp_cap)
{
    struct bmc_call call;
    struct bmc_result result;
    uint8_t *out;
    size_t cap;
    size_t written;

    call.now = now;
    bmc_clear_effects(&call.effects);
    /* What follows the response's NetFn/LUN and command: completion code and data. */
    out = rsp + IPMI_RESPONSE_HEADER - 1;
    cap = rsp_cap - (IPMI_RESPONSE_HEADER - 1);
    if (req_len < IPMI_REQUEST_HEADER) {
        /* Not even a command to name: answer for what there is. */
        rsp[0] = (uint8_t)((req_len > 0 ? req[0] : 0) | IPMI_RESPONSE_NETFN_BIT);
        rsp[1] = 0;
        written = bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    } else {
        rsp[0] = (uint8_t)(req[0] | IPMI_RESPONSE_NETFN_BIT);
        rsp[1] = req[1];
        if ((req[0] & IPMI_LUN_MASK) != 0) {
            /* This BMC has its commands on LUN 0 only. */
            written = bmc_answer_code(out, IPMI_CC_INVALID_FOR_LUN);
        } else {
            written = bmc_dispatch(b, &call, (uint8_t)(req[0] >> IPMI_NETFN_SHIFT), req[1],
                                   req + IPMI_REQUEST_HEADER, req_len - IPMI_REQUEST_HEADER,
                                   out, cap);
        }
    }
    result.len = IPMI_RESPONSE_HEADER - 1 + written;
    result.effects = call.effects;
    return result;
}
