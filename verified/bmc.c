/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC core: message framing and dispatch by network function. The commands
 * themselves live in one file per NetFn (bmc_app.c, ...), behind the layouts that
 * generated/cmd_<netfn>.c decodes and checks.
 */
#include "bmc.h"

#include "cmd_app.h"
#include "ipmi_messages.h"

/*@
  requires \valid(b);
  assigns b->effects;
  ensures !b->effects.irq_enable_changed && !b->effects.attention_changed;
  ensures !b->effects.attention_irq && !b->effects.cold_reset && !b->effects.warm_reset;
*/
static void bmc_clear_effects(struct bmc *b)
{
    b->effects.irq_enable_changed = false;
    b->effects.irq_enabled = false;
    b->effects.attention_changed = false;
    b->effects.attention = false;
    b->effects.attention_irq = false;
    b->effects.cold_reset = false;
    b->effects.warm_reset = false;
}

void bmc_init(struct bmc *b, const struct bmc_config *config)
{
    b->config = *config;
    b->state.global_enables = BMC_ENABLE_SYSTEM_EVENT_LOG;
    b->state.msg_flags = 0;
    bmc_clear_effects(b);
}

void bmc_announce(struct bmc *b)
{
    bmc_clear_effects(b);
    b->effects.irq_enable_changed = true;
    b->effects.irq_enabled = (b->state.global_enables & BMC_ENABLE_IRQS) != 0;
    b->effects.attention_changed = true;
    b->effects.attention = b->state.msg_flags != 0;
}

size_t bmc_handle_request(struct bmc *b, const uint8_t *req, size_t req_len,
                          uint8_t *rsp, size_t rsp_cap)
{
    uint8_t netfn;
    size_t data_len;

    bmc_clear_effects(b);
    if (req_len < IPMI_REQUEST_HEADER) {
        /* Not even a command to name: answer for what there is. */
        rsp[0] = (uint8_t)((req_len > 0 ? req[0] : 0) | IPMI_RESPONSE_NETFN_BIT);
        rsp[1] = 0;
        rsp[2] = IPMI_CC_REQUEST_DATA_LENGTH_INVALID;
        return IPMI_RESPONSE_HEADER;
    }
    rsp[0] = (uint8_t)(req[0] | IPMI_RESPONSE_NETFN_BIT);
    rsp[1] = req[1];
    if ((req[0] & IPMI_LUN_MASK) != 0) {
        /* This BMC has its commands on LUN 0 only. */
        rsp[2] = IPMI_CC_INVALID_FOR_LUN;
        return IPMI_RESPONSE_HEADER;
    }
    netfn = (uint8_t)(req[0] >> IPMI_NETFN_SHIFT);
    data_len = req_len - IPMI_REQUEST_HEADER;
    switch (netfn) {
    case IPMI_NETFN_APP:
        return IPMI_RESPONSE_HEADER - 1 +
               answer_app_command(b, req[1], req + IPMI_REQUEST_HEADER, data_len,
                                  rsp + IPMI_RESPONSE_HEADER - 1,
                                  rsp_cap - (IPMI_RESPONSE_HEADER - 1));
    default:
        rsp[2] = IPMI_CC_INVALID_COMMAND;
        return IPMI_RESPONSE_HEADER;
    }
}
