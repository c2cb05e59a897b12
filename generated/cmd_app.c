/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Application commands (NetFn APP): length and range checks, decoding and encoding.
 * Each response is written by an encode_ function of its own, so that the proof of
 * its answer_ function carries the BMC's state across one call, not across each byte.
 *
 * Generated from spec/commands-app.yaml by generator/ipmigen (template commands.c.j2).
 * Do not edit: change the spec and rebuild.
 */
#include "cmd_app.h"

#include "bytes.h"

/* A successful get device id response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 11));
  requires \separated(rsp, out + (0 .. 11));
  assigns out[0 .. 11];
  ensures \result == 12;
*/
static size_t encode_app_get_device_id(const struct app_get_device_id_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->device_id;
    out[2] = rsp->device_revision;
    out[3] = rsp->firmware_revision_1;
    out[4] = rsp->firmware_revision_2;
    out[5] = rsp->ipmi_version;
    out[6] = rsp->additional_device_support;
    out[7] = (uint8_t)(rsp->manufacturer_id & 0xff);
    out[8] = (uint8_t)((rsp->manufacturer_id >> 8) & 0xff);
    out[9] = (uint8_t)((rsp->manufacturer_id >> 16) & 0xff);
    out[10] = (uint8_t)(rsp->product_id & 0xff);
    out[11] = (uint8_t)((rsp->product_id >> 8) & 0xff);
    return 12;
}

/* Get device id: 0 request bytes, 11 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_device_id(struct bmc *b, struct bmc_call *call,
                                       const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_device_id_rsp rsp;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 12) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_device_id(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_device_id(&rsp, out);
}

/* Cold reset: 0 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_cold_reset(struct bmc *b, struct bmc_call *call,
                                    const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    uint8_t cc;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    (void)cap;
    cc = app_cold_reset(b, call);
    return bmc_answer_code(out, cc);
}

/* Warm reset: 0 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_warm_reset(struct bmc *b, struct bmc_call *call,
                                    const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    uint8_t cc;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    (void)cap;
    cc = app_warm_reset(b, call);
    return bmc_answer_code(out, cc);
}

/* A successful get self test results response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_app_get_self_test_results(const struct app_get_self_test_results_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->result;
    out[2] = rsp->detail;
    return 3;
}

/* Get self test results: 0 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_self_test_results(struct bmc *b, struct bmc_call *call,
                                               const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_self_test_results_rsp rsp;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_self_test_results(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_self_test_results(&rsp, out);
}

/* Set acpi power state: 2 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_set_acpi_power_state(struct bmc *b, struct bmc_call *call,
                                              const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_set_acpi_power_state_req req;
    uint8_t cc;

    if (len < 2) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.system_power_state = data[0];
    req.device_power_state = data[1];
    (void)cap;
    cc = app_set_acpi_power_state(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get acpi power state response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_app_get_acpi_power_state(const struct app_get_acpi_power_state_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->system_power_state;
    out[2] = rsp->device_power_state;
    return 3;
}

/* Get acpi power state: 0 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_acpi_power_state(struct bmc *b, struct bmc_call *call,
                                              const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_acpi_power_state_rsp rsp;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_acpi_power_state(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_acpi_power_state(&rsp, out);
}

/* A successful get device guid response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 16));
  requires \separated(rsp, out + (0 .. 16));
  assigns out[0 .. 16];
  ensures \result == 17;
*/
static size_t encode_app_get_device_guid(const struct app_get_device_guid_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    bytes_copy(out + 1, rsp->guid, 16);
    return 17;
}

/* Get device guid: 0 request bytes, 16 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_device_guid(struct bmc *b, struct bmc_call *call,
                                         const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_device_guid_rsp rsp;
    uint8_t cc;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 17) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = app_get_device_guid(b, call, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_app_get_device_guid(&rsp, out);
}

/* Reset watchdog timer: 0 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_reset_watchdog_timer(struct bmc *b, struct bmc_call *call,
                                              const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    uint8_t cc;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    (void)cap;
    cc = app_reset_watchdog_timer(b, call);
    return bmc_answer_code(out, cc);
}

/* Set watchdog timer: 6 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_set_watchdog_timer(struct bmc *b, struct bmc_call *call,
                                            const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_set_watchdog_timer_req req;
    uint8_t cc;

    if (len < 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.timer_use = data[0];
    req.timer_actions = data[1];
    req.pretimeout_interval = data[2];
    req.expiration_flags_clear = data[3];
    req.initial_countdown = (uint16_t)((uint32_t)data[4] | (uint32_t)data[5] << 8);
    (void)cap;
    cc = app_set_watchdog_timer(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get watchdog timer response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 8));
  requires \separated(rsp, out + (0 .. 8));
  assigns out[0 .. 8];
  ensures \result == 9;
*/
static size_t encode_app_get_watchdog_timer(const struct app_get_watchdog_timer_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->timer_use;
    out[2] = rsp->timer_actions;
    out[3] = rsp->pretimeout_interval;
    out[4] = rsp->expiration_flags;
    out[5] = (uint8_t)(rsp->initial_countdown & 0xff);
    out[6] = (uint8_t)((rsp->initial_countdown >> 8) & 0xff);
    out[7] = (uint8_t)(rsp->present_countdown & 0xff);
    out[8] = (uint8_t)((rsp->present_countdown >> 8) & 0xff);
    return 9;
}

/* Get watchdog timer: 0 request bytes, 8 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_watchdog_timer(struct bmc *b, struct bmc_call *call,
                                            const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_watchdog_timer_rsp rsp;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 9) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_watchdog_timer(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_watchdog_timer(&rsp, out);
}

/* Set bmc global enables: 1 request byte, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_set_bmc_global_enables(struct bmc *b, struct bmc_call *call,
                                                const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_set_bmc_global_enables_req req;
    uint8_t cc;

    if (len < 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.enables = data[0];
    (void)cap;
    cc = app_set_bmc_global_enables(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get bmc global enables response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 1));
  requires \separated(rsp, out + (0 .. 1));
  assigns out[0 .. 1];
  ensures \result == 2;
*/
static size_t encode_app_get_bmc_global_enables(const struct app_get_bmc_global_enables_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->enables;
    return 2;
}

/* Get bmc global enables: 0 request bytes, 1 response byte. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_bmc_global_enables(struct bmc *b, struct bmc_call *call,
                                                const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_bmc_global_enables_rsp rsp;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 2) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_bmc_global_enables(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_bmc_global_enables(&rsp, out);
}

/* Clear message flags: 1 request byte, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_clear_message_flags(struct bmc *b, struct bmc_call *call,
                                             const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_clear_message_flags_req req;
    uint8_t cc;

    if (len < 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.flags = data[0];
    (void)cap;
    cc = app_clear_message_flags(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get message flags response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 1));
  requires \separated(rsp, out + (0 .. 1));
  assigns out[0 .. 1];
  ensures \result == 2;
*/
static size_t encode_app_get_message_flags(const struct app_get_message_flags_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->flags;
    return 2;
}

/* Get message flags: 0 request bytes, 1 response byte. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_message_flags(struct bmc *b, struct bmc_call *call,
                                           const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_message_flags_rsp rsp;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 2) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_message_flags(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_message_flags(&rsp, out);
}

/* A successful get message response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires rsp->data_len <= 32;
  requires \valid(out + (0 .. 1 + rsp->data_len));
  requires \separated(rsp, out + (0 .. 1 + rsp->data_len));
  assigns out[0 .. 1 + rsp->data_len];
  ensures \result == 2 + rsp->data_len;
*/
static size_t encode_app_get_message(const struct app_get_message_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->channel;
    bytes_copy(out + 2, rsp->data, rsp->data_len);
    return 2 + rsp->data_len;
}

/* Get message: 0 request bytes, 1 to 33 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_message(struct bmc *b, struct bmc_call *call,
                                     const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_message_rsp rsp;
    uint8_t cc;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 34) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = app_get_message(b, call, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_app_get_message(&rsp, out);
}

/* Send message: 8 to 33 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_send_message(struct bmc *b, struct bmc_call *call,
                                      const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_send_message_req req;
    uint8_t cc;

    if (len < 8) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 33) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.channel = data[0];
    req.message_len = len - 1;
    bytes_copy(req.message, data + 1, req.message_len);
    (void)cap;
    cc = app_send_message(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful read event message buffer response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 16));
  requires \separated(rsp, out + (0 .. 16));
  assigns out[0 .. 16];
  ensures \result == 17;
*/
static size_t encode_app_read_event_message_buffer(const struct app_read_event_message_buffer_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    bytes_copy(out + 1, rsp->record, 16);
    return 17;
}

/* Read event message buffer: 0 request bytes, 16 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_read_event_message_buffer(struct bmc *b, struct bmc_call *call,
                                                   const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_read_event_message_buffer_rsp rsp;
    uint8_t cc;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 17) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = app_read_event_message_buffer(b, call, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_app_read_event_message_buffer(&rsp, out);
}

/* A successful get bt interface capabilities response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 5));
  requires \separated(rsp, out + (0 .. 5));
  assigns out[0 .. 5];
  ensures \result == 6;
*/
static size_t encode_app_get_bt_interface_capabilities(const struct app_get_bt_interface_capabilities_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->outstanding_requests;
    out[2] = rsp->input_buffer_size;
    out[3] = rsp->output_buffer_size;
    out[4] = rsp->response_seconds;
    out[5] = rsp->retries;
    return 6;
}

/* Get bt interface capabilities: 0 request bytes, 5 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_bt_interface_capabilities(struct bmc *b, struct bmc_call *call,
                                                       const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_bt_interface_capabilities_rsp rsp;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 6) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_bt_interface_capabilities(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_bt_interface_capabilities(&rsp, out);
}

/* A successful get system guid response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 16));
  requires \separated(rsp, out + (0 .. 16));
  assigns out[0 .. 16];
  ensures \result == 17;
*/
static size_t encode_app_get_system_guid(const struct app_get_system_guid_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    bytes_copy(out + 1, rsp->guid, 16);
    return 17;
}

/* Get system guid: 0 request bytes, 16 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_system_guid(struct bmc *b, struct bmc_call *call,
                                         const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_system_guid_rsp rsp;
    uint8_t cc;

    (void)data;
    (void)len; /* trailing bytes are ignored */
    if (cap < 17) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = app_get_system_guid(b, call, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_app_get_system_guid(&rsp, out);
}

/* A successful get channel info response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 9));
  requires \separated(rsp, out + (0 .. 9));
  assigns out[0 .. 9];
  ensures \result == 10;
*/
static size_t encode_app_get_channel_info(const struct app_get_channel_info_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->channel;
    out[2] = rsp->medium_type;
    out[3] = rsp->protocol_type;
    out[4] = rsp->session_support;
    out[5] = (uint8_t)(rsp->vendor_id & 0xff);
    out[6] = (uint8_t)((rsp->vendor_id >> 8) & 0xff);
    out[7] = (uint8_t)((rsp->vendor_id >> 16) & 0xff);
    out[8] = (uint8_t)(rsp->auxiliary_info & 0xff);
    out[9] = (uint8_t)((rsp->auxiliary_info >> 8) & 0xff);
    return 10;
}

/* Get channel info: 1 request byte, 9 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_channel_info(struct bmc *b, struct bmc_call *call,
                                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_channel_info_req req;
    struct app_get_channel_info_rsp rsp;
    uint8_t cc;

    if (len < 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.channel = data[0];
    if (req.channel > 15) {
        return bmc_answer_code(out, IPMI_CC_INVALID_DATA_FIELD);
    }
    if (cap < 10) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = app_get_channel_info(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_app_get_channel_info(&rsp, out);
}

/* A successful get system interface capabilities response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires rsp->capabilities_len <= 3;
  requires \valid(out + (0 .. 1 + rsp->capabilities_len));
  requires \separated(rsp, out + (0 .. 1 + rsp->capabilities_len));
  assigns out[0 .. 1 + rsp->capabilities_len];
  ensures \result == 2 + rsp->capabilities_len;
*/
static size_t encode_app_get_system_interface_capabilities(const struct app_get_system_interface_capabilities_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->reserved;
    bytes_copy(out + 2, rsp->capabilities, rsp->capabilities_len);
    return 2 + rsp->capabilities_len;
}

/* Get system interface capabilities: 1 request byte, 1 to 4 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_system_interface_capabilities(struct bmc *b, struct bmc_call *call,
                                                           const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_system_interface_capabilities_req req;
    struct app_get_system_interface_capabilities_rsp rsp;

    if (len < 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.interface_type = data[0];
    if (req.interface_type > 1) {
        return bmc_answer_code(out, IPMI_CC_INVALID_DATA_FIELD);
    }
    if (cap < 5) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)app_get_system_interface_capabilities(b, call, &req, &rsp); /* it cannot fail: its contract says so */
    return encode_app_get_system_interface_capabilities(&rsp, out);
}

/* Set system info parameters: 2 to 18 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_set_system_info_parameters(struct bmc *b, struct bmc_call *call,
                                                    const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_set_system_info_parameters_req req;
    uint8_t cc;

    if (len < 2) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 18) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.parameter = data[0];
    req.data_len = len - 1;
    bytes_copy(req.data, data + 1, req.data_len);
    (void)cap;
    cc = app_set_system_info_parameters(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get system info parameters response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires rsp->data_len <= 17;
  requires \valid(out + (0 .. 1 + rsp->data_len));
  requires \separated(rsp, out + (0 .. 1 + rsp->data_len));
  assigns out[0 .. 1 + rsp->data_len];
  ensures \result == 2 + rsp->data_len;
*/
static size_t encode_app_get_system_info_parameters(const struct app_get_system_info_parameters_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->revision;
    bytes_copy(out + 2, rsp->data, rsp->data_len);
    return 2 + rsp->data_len;
}

/* Get system info parameters: 4 request bytes, 1 to 18 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_app_get_system_info_parameters(struct bmc *b, struct bmc_call *call,
                                                    const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct app_get_system_info_parameters_req req;
    struct app_get_system_info_parameters_rsp rsp;
    uint8_t cc;

    if (len < 4) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.flags = data[0];
    req.parameter = data[1];
    req.set_selector = data[2];
    req.block_selector = data[3];
    if (cap < 19) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = app_get_system_info_parameters(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_app_get_system_info_parameters(&rsp, out);
}

size_t answer_app_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    size_t written;

    switch (cmd) {
    case APP_GET_DEVICE_ID:
        written = answer_app_get_device_id(b, call, data, len, out, cap);
        break;
    case APP_COLD_RESET:
        written = answer_app_cold_reset(b, call, data, len, out, cap);
        break;
    case APP_WARM_RESET:
        written = answer_app_warm_reset(b, call, data, len, out, cap);
        break;
    case APP_GET_SELF_TEST_RESULTS:
        written = answer_app_get_self_test_results(b, call, data, len, out, cap);
        break;
    case APP_SET_ACPI_POWER_STATE:
        written = answer_app_set_acpi_power_state(b, call, data, len, out, cap);
        break;
    case APP_GET_ACPI_POWER_STATE:
        written = answer_app_get_acpi_power_state(b, call, data, len, out, cap);
        break;
    case APP_GET_DEVICE_GUID:
        written = answer_app_get_device_guid(b, call, data, len, out, cap);
        break;
    case APP_RESET_WATCHDOG_TIMER:
        written = answer_app_reset_watchdog_timer(b, call, data, len, out, cap);
        break;
    case APP_SET_WATCHDOG_TIMER:
        written = answer_app_set_watchdog_timer(b, call, data, len, out, cap);
        break;
    case APP_GET_WATCHDOG_TIMER:
        written = answer_app_get_watchdog_timer(b, call, data, len, out, cap);
        break;
    case APP_SET_BMC_GLOBAL_ENABLES:
        written = answer_app_set_bmc_global_enables(b, call, data, len, out, cap);
        break;
    case APP_GET_BMC_GLOBAL_ENABLES:
        written = answer_app_get_bmc_global_enables(b, call, data, len, out, cap);
        break;
    case APP_CLEAR_MESSAGE_FLAGS:
        written = answer_app_clear_message_flags(b, call, data, len, out, cap);
        break;
    case APP_GET_MESSAGE_FLAGS:
        written = answer_app_get_message_flags(b, call, data, len, out, cap);
        break;
    case APP_GET_MESSAGE:
        written = answer_app_get_message(b, call, data, len, out, cap);
        break;
    case APP_SEND_MESSAGE:
        written = answer_app_send_message(b, call, data, len, out, cap);
        break;
    case APP_READ_EVENT_MESSAGE_BUFFER:
        written = answer_app_read_event_message_buffer(b, call, data, len, out, cap);
        break;
    case APP_GET_BT_INTERFACE_CAPABILITIES:
        written = answer_app_get_bt_interface_capabilities(b, call, data, len, out, cap);
        break;
    case APP_GET_SYSTEM_GUID:
        written = answer_app_get_system_guid(b, call, data, len, out, cap);
        break;
    case APP_GET_CHANNEL_INFO:
        written = answer_app_get_channel_info(b, call, data, len, out, cap);
        break;
    case APP_GET_SYSTEM_INTERFACE_CAPABILITIES:
        written = answer_app_get_system_interface_capabilities(b, call, data, len, out, cap);
        break;
    case APP_SET_SYSTEM_INFO_PARAMETERS:
        written = answer_app_set_system_info_parameters(b, call, data, len, out, cap);
        break;
    case APP_GET_SYSTEM_INFO_PARAMETERS:
        written = answer_app_get_system_info_parameters(b, call, data, len, out, cap);
        break;
    default:
        written = bmc_answer_code(out, IPMI_CC_INVALID_COMMAND);
        break;
    }
    return written;
}
