/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Chassis commands (NetFn CHASSIS): length and range checks, decoding and encoding.
 * Each response is written by an encode_ function of its own, so that the proof of
 * its answer_ function carries the BMC's state across one call, not across each byte.
 *
 * Generated from spec/commands-chassis.yaml by generator/ipmigen (template commands.c.j2).
 * Do not edit: change the spec and rebuild.
 */
#include "cmd_chassis.h"

#include "bytes.h"

/* A successful get chassis capabilities response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 5));
  requires \separated(rsp, out + (0 .. 5));
  assigns out[0 .. 5];
  ensures \result == 6;
*/
static size_t encode_chassis_get_chassis_capabilities(const struct chassis_get_chassis_capabilities_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->capabilities;
    out[2] = rsp->fru_device_address;
    out[3] = rsp->sdr_device_address;
    out[4] = rsp->sel_device_address;
    out[5] = rsp->system_management_device_address;
    return 6;
}

/* Get chassis capabilities: 0 request bytes, 5 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_chassis_get_chassis_capabilities(struct bmc *b, struct bmc_call *call,
                                                      const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct chassis_get_chassis_capabilities_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 6) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)chassis_get_chassis_capabilities(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_chassis_get_chassis_capabilities(&rsp, out);
}

/* A successful get chassis status response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 3));
  requires \separated(rsp, out + (0 .. 3));
  assigns out[0 .. 3];
  ensures \result == 4;
*/
static size_t encode_chassis_get_chassis_status(const struct chassis_get_chassis_status_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->current_power_state;
    out[2] = rsp->last_power_event;
    out[3] = rsp->misc_chassis_state;
    return 4;
}

/* Get chassis status: 0 request bytes, 3 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_chassis_get_chassis_status(struct bmc *b, struct bmc_call *call,
                                                const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct chassis_get_chassis_status_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 4) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)chassis_get_chassis_status(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_chassis_get_chassis_status(&rsp, out);
}

/* Chassis control: 1 request byte, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_chassis_chassis_control(struct bmc *b, struct bmc_call *call,
                                             const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct chassis_chassis_control_req req;
    uint8_t cc;

    if (len != 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.control = data[0];
    if (req.control > 5) {
        return bmc_answer_code(out, IPMI_CC_INVALID_DATA_FIELD);
    }
    (void)cap;
    cc = chassis_chassis_control(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get system restart cause response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_chassis_get_system_restart_cause(const struct chassis_get_system_restart_cause_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->restart_cause;
    out[2] = rsp->channel;
    return 3;
}

/* Get system restart cause: 0 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_chassis_get_system_restart_cause(struct bmc *b, struct bmc_call *call,
                                                      const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct chassis_get_system_restart_cause_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)chassis_get_system_restart_cause(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_chassis_get_system_restart_cause(&rsp, out);
}

size_t answer_chassis_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                              const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    size_t written;

    switch (cmd) {
    case CHASSIS_GET_CHASSIS_CAPABILITIES:
        written = answer_chassis_get_chassis_capabilities(b, call, data, len, out, cap);
        break;
    case CHASSIS_GET_CHASSIS_STATUS:
        written = answer_chassis_get_chassis_status(b, call, data, len, out, cap);
        break;
    case CHASSIS_CHASSIS_CONTROL:
        written = answer_chassis_chassis_control(b, call, data, len, out, cap);
        break;
    case CHASSIS_GET_SYSTEM_RESTART_CAUSE:
        written = answer_chassis_get_system_restart_cause(b, call, data, len, out, cap);
        break;
    default:
        written = bmc_answer_code(out, IPMI_CC_INVALID_COMMAND);
        break;
    }
    return written;
}
