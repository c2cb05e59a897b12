/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Application commands (NetFn 06h): device identity, self test, resets, the ACPI
 * power state, global enables and message flags, and what the BMC says of its
 * interfaces and channels. Layouts and length checks are generated from
 * spec/commands-app.yaml; these handlers only decide the answers.
 *
 * The generated header gives every handler its frame (what it may change); the
 * contract above each definition adds what it promises about its answer. Frama-C
 * merges the two.
 */
#include "bmc.h"
#include "cmd_app.h"

#include "bt_machine.h"
#include "bytes.h"

/* Get Self Test Results: 55h, "no error" (section 20.4). */
#define SELF_TEST_PASSED 0x55

/*
 * Additional device support (section 20.1, table 20-2): the sensor device (Sensor/Event
 * commands), the SDR repository and the SEL, as upstream's 07h, which QEMU's own
 * qtests pin. Each bit names what this BMC has; the event receiver (Platform Event
 * Message) and the FRU inventory it also has go unsaid, as upstream's do (no tool
 * needs them said: ipmitool and FreeIPMI ask for FRU device 0 and send events
 * regardless), and there is no event generator (Set/Get Event Receiver).
 */
#define DEVICE_SUPPORT_SENSOR 0x01
#define DEVICE_SUPPORT_SDR_REPOSITORY 0x02
#define DEVICE_SUPPORT_SEL 0x04
#define ADDITIONAL_DEVICE_SUPPORT                                                         \
    (DEVICE_SUPPORT_SENSOR | DEVICE_SUPPORT_SDR_REPOSITORY | DEVICE_SUPPORT_SEL)

/* Channel numbers (section 6.3), medium types (table 6-3) and protocol types (table
   6-2) of Get Channel Info. */
#define CHANNEL_IPMB 0x00
#define CHANNEL_PRESENT_INTERFACE 0x0e
#define CHANNEL_SYSTEM_INTERFACE 0x0f
#define MEDIUM_IPMB 0x01
#define MEDIUM_SYSTEM_INTERFACE 0x0c
#define PROTOCOL_IPMB 0x01
#define PROTOCOL_KCS 0x05
#define SESSION_LESS 0x00
/* The IPMI forum's IANA enterprise number: the protocols are the IPMI specification's. */
#define IPMI_FORUM_IANA 0x001bf2

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

/*
 * A request byte of Set ACPI Power State asks to set the state in its bits 6:0 when
 * its bit 7 is set and those bits do not say "no change".
 */
/*@
  predicate acpi_request_sets(integer v) =
    (v & BMC_ACPI_SET) != 0 && (v & BMC_ACPI_STATE_MASK) != BMC_ACPI_NO_CHANGE;

  // Each state the request sets is one section 20.6 defines.
  predicate acpi_request_valid(struct app_set_acpi_power_state_req *r) =
    (acpi_request_sets(r->system_power_state) ==>
       bmc_acpi_system_state(r->system_power_state & BMC_ACPI_STATE_MASK))
    && (acpi_request_sets(r->device_power_state) ==>
       bmc_acpi_device_state(r->device_power_state & BMC_ACPI_STATE_MASK));
*/

/*@
  assigns \nothing;
  ensures \result != 0 <==> acpi_request_sets(v);
*/
static bool acpi_sets(uint8_t v)
{
    return (v & BMC_ACPI_SET) != 0 && (v & BMC_ACPI_STATE_MASK) != BMC_ACPI_NO_CHANGE;
}

/*
 * Records the power states system software reports (section 20.6). A state the
 * request sets must be one the section defines, or nothing changes.
 */
/*@
  ensures \result == IPMI_CC_SUCCESS <==> acpi_request_valid(req);
  ensures \result == IPMI_CC_SUCCESS && acpi_request_sets(req->system_power_state) ==>
          b->state.acpi_system_state == (req->system_power_state & BMC_ACPI_STATE_MASK);
  ensures \result != IPMI_CC_SUCCESS || !acpi_request_sets(req->system_power_state) ==>
          b->state.acpi_system_state == \old(b->state.acpi_system_state);
  ensures \result == IPMI_CC_SUCCESS && acpi_request_sets(req->device_power_state) ==>
          b->state.acpi_device_state == (req->device_power_state & BMC_ACPI_STATE_MASK);
  ensures \result != IPMI_CC_SUCCESS || !acpi_request_sets(req->device_power_state) ==>
          b->state.acpi_device_state == \old(b->state.acpi_device_state);
*/
uint8_t app_set_acpi_power_state(struct bmc *b, struct bmc_call *call,
                                 const struct app_set_acpi_power_state_req *req)
{
    bool set_system = acpi_sets(req->system_power_state);
    bool set_device = acpi_sets(req->device_power_state);
    uint8_t system = req->system_power_state & BMC_ACPI_STATE_MASK;
    uint8_t device = req->device_power_state & BMC_ACPI_STATE_MASK;

    (void)call;
    if ((set_system && !bmc_acpi_system_state_known(system)) ||
        (set_device && !bmc_acpi_device_state_known(device))) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    if (set_system) {
        b->state.acpi_system_state = system;
    }
    if (set_device) {
        b->state.acpi_device_state = device;
    }
    return IPMI_CC_SUCCESS;
}

/*@
  ensures rsp->system_power_state == b->state.acpi_system_state;
  ensures rsp->device_power_state == b->state.acpi_device_state;
*/
uint8_t app_get_acpi_power_state(struct bmc *b, struct bmc_call *call,
                                 struct app_get_acpi_power_state_rsp *rsp)
{
    (void)call;
    rsp->system_power_state = b->state.acpi_system_state;
    rsp->device_power_state = b->state.acpi_device_state;
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

/* Clearing the receive message flag empties the queue too (section 22.3): a flag and
   a queue that disagree would leave Get Message answering what no flag announced. */
/*@
  ensures call->effects.attention_changed;
  ensures call->effects.attention <==> b->state.msg_flags != 0;
  ensures (req->flags & BMC_FLAG_RCV_MSG_AVAILABLE) != 0 ==> b->state.msgq.count == 0;
*/
uint8_t app_clear_message_flags(struct bmc *b, struct bmc_call *call,
                                const struct app_clear_message_flags_req *req)
{
    if ((req->flags & BMC_FLAG_RCV_MSG_AVAILABLE) != 0) {
        msgq_clear(&b->state.msgq);
    }
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

/*
 * The event the buffer holds (section 22.8); taking it empties the buffer and drops
 * attention if no other flag is up. An empty buffer: 80h.
 */
/*@
  ensures \result == IPMI_CC_DATA_NOT_AVAILABLE <==>
          (\old(b->state.msg_flags) & BMC_FLAG_EVENT_BUFFER_FULL) == 0;
  ensures \result == IPMI_CC_SUCCESS ==>
          call->effects.attention_changed
          && (call->effects.attention <==> b->state.msg_flags != 0);
  ensures \result == IPMI_CC_SUCCESS ==>
          \forall integer k; 0 <= k < SEL_RECORD_LEN ==>
            rsp->record[k] == b->state.event_buffer[k];
*/
uint8_t app_read_event_message_buffer(struct bmc *b, struct bmc_call *call,
                                      struct app_read_event_message_buffer_rsp *rsp)
{
    if ((b->state.msg_flags & BMC_FLAG_EVENT_BUFFER_FULL) == 0) {
        return IPMI_CC_DATA_NOT_AVAILABLE;
    }
    bytes_copy(rsp->record, b->state.event_buffer, SEL_RECORD_LEN);
    b->state.msg_flags &= (uint8_t)~BMC_FLAG_EVENT_BUFFER_FULL;
    call->effects.attention_changed = true;
    call->effects.attention = b->state.msg_flags != 0;
    call->effects.attention_irq = bmc_attention_irq(b);
    return IPMI_CC_SUCCESS;
}

/*
 * The BT interface's figures, the ones it gives when it answers this command itself
 * (spec/bt.yaml): each buffer as the largest BT length byte it takes.
 */
/*@
  ensures rsp->outstanding_requests == BT_CAPABILITIES_OUTSTANDING_REQUESTS;
  ensures rsp->input_buffer_size == BT_REQUEST_CAPACITY - 1;
  ensures rsp->output_buffer_size == BT_RESPONSE_CAPACITY - 1;
  ensures rsp->response_seconds == BT_CAPABILITIES_RESPONSE_SECONDS;
  ensures rsp->retries == BT_CAPABILITIES_RETRIES;
*/
uint8_t app_get_bt_interface_capabilities(struct bmc *b, struct bmc_call *call,
                                          struct app_get_bt_interface_capabilities_rsp *rsp)
{
    (void)b;
    (void)call;
    rsp->outstanding_requests = BT_CAPABILITIES_OUTSTANDING_REQUESTS;
    rsp->input_buffer_size = BT_REQUEST_CAPACITY - 1;
    rsp->output_buffer_size = BT_RESPONSE_CAPACITY - 1;
    rsp->response_seconds = BT_CAPABILITIES_RESPONSE_SECONDS;
    rsp->retries = BT_CAPABILITIES_RETRIES;
    return IPMI_CC_SUCCESS;
}

/* The system's GUID is the one the BMC is configured with, as its device GUID. */
/*@
  ensures b->config.guid_set == 0 <==> \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==>
          \forall integer k; 0 <= k < BMC_GUID_LEN ==> rsp->guid[k] == b->config.guid[k];
*/
uint8_t app_get_system_guid(struct bmc *b, struct bmc_call *call,
                            struct app_get_system_guid_rsp *rsp)
{
    (void)call;
    if (!b->config.guid_set) {
        return IPMI_CC_NOT_PRESENT;
    }
    bytes_copy(rsp->guid, b->config.guid, BMC_GUID_LEN);
    return IPMI_CC_SUCCESS;
}

/*
 * The channels the BMC has: the system interface (0Fh, and 0Eh when asked over it)
 * and the primary IPMB (0), which is what a host assumes of a BMC without this
 * command. Both are session-less; the protocol reported for the system interface is
 * KCS whichever interface carries the request, as the BMC does not know which.
 */
/*@
  ensures \result == IPMI_CC_SUCCESS <==>
          (req->channel == CHANNEL_IPMB || req->channel == CHANNEL_PRESENT_INTERFACE
           || req->channel == CHANNEL_SYSTEM_INTERFACE);
  ensures \result == IPMI_CC_SUCCESS && req->channel == CHANNEL_IPMB ==>
          rsp->channel == CHANNEL_IPMB && rsp->medium_type == MEDIUM_IPMB
          && rsp->protocol_type == PROTOCOL_IPMB;
  ensures \result == IPMI_CC_SUCCESS && req->channel != CHANNEL_IPMB ==>
          rsp->channel == CHANNEL_SYSTEM_INTERFACE
          && rsp->medium_type == MEDIUM_SYSTEM_INTERFACE && rsp->protocol_type == PROTOCOL_KCS;
  ensures \result == IPMI_CC_SUCCESS ==>
          rsp->session_support == SESSION_LESS && rsp->vendor_id == IPMI_FORUM_IANA
          && rsp->auxiliary_info == 0;
*/
uint8_t app_get_channel_info(struct bmc *b, struct bmc_call *call,
                             const struct app_get_channel_info_req *req,
                             struct app_get_channel_info_rsp *rsp)
{
    (void)b;
    (void)call;
    if (req->channel == CHANNEL_IPMB) {
        rsp->channel = CHANNEL_IPMB;
        rsp->medium_type = MEDIUM_IPMB;
        rsp->protocol_type = PROTOCOL_IPMB;
    } else if (req->channel == CHANNEL_PRESENT_INTERFACE ||
               req->channel == CHANNEL_SYSTEM_INTERFACE) {
        rsp->channel = CHANNEL_SYSTEM_INTERFACE;
        rsp->medium_type = MEDIUM_SYSTEM_INTERFACE;
        rsp->protocol_type = PROTOCOL_KCS;
    } else {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    rsp->session_support = SESSION_LESS;
    rsp->vendor_id = IPMI_FORUM_IANA;
    rsp->auxiliary_info = 0;
    return IPMI_CC_SUCCESS;
}
