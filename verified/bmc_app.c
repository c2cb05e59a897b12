/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Application commands (NetFn 06h): device identity, self test, resets, global
 * enables and message flags. Layouts and length checks are generated from
 * spec/commands-app.yaml; these handlers only decide the answers.
 *
 * The generated header gives every handler its frame (what it may change); the
 * contract above each definition adds what it promises about its answer. Frama-C
 * merges the two.
 */
#include "bmc.h"
#include "cmd_app.h"

#include "bytes.h"

/* Get Self Test Results: 55h, "no error" (section 20.4). */
#define SELF_TEST_PASSED 0x55

/* Sensor device, SDR repository device and SEL device (section 20.1). */
#define ADDITIONAL_DEVICE_SUPPORT 0x07

/*@
  requires \valid(b) && \valid(call) && \separated(b, call);
  assigns b->state.global_enables, call->effects.irq_enable_changed, call->effects.irq_enabled;
  ensures b->state.global_enables == enables;
  ensures call->effects.irq_enable_changed;
  ensures call->effects.irq_enabled <==> (enables & BMC_ENABLE_IRQS) != 0;
*/
static void bmc_set_global_enables(struct bmc *b, struct bmc_call *call, uint8_t enables)
{
    b->state.global_enables = enables;
    call->effects.irq_enable_changed = true;
    call->effects.irq_enabled = (enables & BMC_ENABLE_IRQS) != 0;
}

/*@
  ensures rsp->device_id == b->config.device_id;
  ensures rsp->ipmi_version == b->config.ipmi_version;
  ensures rsp->manufacturer_id < 1 << 24;
*/
uint8_t app_get_device_id(struct bmc *b, struct bmc_call *call,
                          struct app_get_device_id_rsp *rsp)
{
    (void)call;
    rsp->device_id = b->config.device_id;
    rsp->device_revision = b->config.device_rev & 0x0f;
    rsp->firmware_revision_1 = b->config.fwrev1 & 0x7f;
    rsp->firmware_revision_2 = b->config.fwrev2;
    rsp->ipmi_version = b->config.ipmi_version;
    rsp->additional_device_support = ADDITIONAL_DEVICE_SUPPORT;
    rsp->manufacturer_id = b->config.mfg_id & ((1u << 24) - 1); /* three bytes */
    rsp->product_id = b->config.product_id;
    return IPMI_CC_SUCCESS;
}

/* A cold reset turns interrupts off and drops pending flags; the caller resets the
 * interface once the response is on its way. */
/*@
  ensures call->effects.cold_reset && call->effects.irq_enable_changed && !call->effects.irq_enabled;
  ensures b->state.msg_flags == 0;
*/
uint8_t app_cold_reset(struct bmc *b, struct bmc_call *call)
{
    bmc_set_global_enables(b, call, BMC_ENABLE_SYSTEM_EVENT_LOG);
    b->state.msg_flags = 0;
    call->effects.attention_changed = true;
    call->effects.attention = false;
    call->effects.attention_irq = false;
    call->effects.cold_reset = true;
    return IPMI_CC_SUCCESS;
}

uint8_t app_warm_reset(struct bmc *b, struct bmc_call *call)
{
    (void)b;
    call->effects.warm_reset = true;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures rsp->result == SELF_TEST_PASSED && rsp->detail == 0;
*/
uint8_t app_get_self_test_results(struct bmc *b, struct bmc_call *call,
                                  struct app_get_self_test_results_rsp *rsp)
{
    (void)b;
    (void)call;
    rsp->result = SELF_TEST_PASSED;
    rsp->detail = 0;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures b->config.guid_set == 0 <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          \forall integer k; 0 <= k < BMC_GUID_LEN ==> rsp->guid[k] == b->config.guid[k];
*/
uint8_t app_get_device_guid(struct bmc *b, struct bmc_call *call,
                            struct app_get_device_guid_rsp *rsp)
{
    (void)call;
    if (!b->config.guid_set) {
        return IPMI_CC_NOT_PRESENT;
    }
    bytes_copy(rsp->guid, b->config.guid, BMC_GUID_LEN);
    return IPMI_CC_SUCCESS;
}

/*@
  ensures b->state.global_enables == req->enables;
  ensures call->effects.irq_enable_changed;
  ensures call->effects.irq_enabled <==> (req->enables & BMC_ENABLE_IRQS) != 0;
*/
uint8_t app_set_bmc_global_enables(struct bmc *b, struct bmc_call *call,
                                   const struct app_set_bmc_global_enables_req *req)
{
    bmc_set_global_enables(b, call, req->enables);
    return IPMI_CC_SUCCESS;
}

uint8_t app_get_bmc_global_enables(struct bmc *b, struct bmc_call *call,
                                   struct app_get_bmc_global_enables_rsp *rsp)
{
    (void)call;
    rsp->enables = b->state.global_enables;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures call->effects.attention_changed;
  ensures call->effects.attention <==> b->state.msg_flags != 0;
*/
uint8_t app_clear_message_flags(struct bmc *b, struct bmc_call *call,
                                const struct app_clear_message_flags_req *req)
{
    b->state.msg_flags &= (uint8_t)~req->flags;
    call->effects.attention_changed = true;
    call->effects.attention = b->state.msg_flags != 0;
    call->effects.attention_irq = bmc_attention_irq(b);
    return IPMI_CC_SUCCESS;
}

uint8_t app_get_message_flags(struct bmc *b, struct bmc_call *call,
                              struct app_get_message_flags_rsp *rsp)
{
    (void)call;
    rsp->flags = b->state.msg_flags;
    return IPMI_CC_SUCCESS;
}
