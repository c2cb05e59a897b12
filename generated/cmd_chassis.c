/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Chassis commands (NetFn CHASSIS): length and range checks, decoding and encoding.
 *
 * Generated from spec/commands-chassis.yaml by generator/ipmigen (template commands.c.j2).
 * Do not edit: change the spec and rebuild.
 */
#include "cmd_chassis.h"

#include "bytes.h"

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
    uint8_t cc;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 6) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = chassis_get_chassis_capabilities(b, call, &rsp);
    out[0] = cc;
    out[1] = rsp.capabilities;
    out[2] = rsp.fru_device_address;
    out[3] = rsp.sdr_device_address;
    out[4] = rsp.sel_device_address;
    out[5] = rsp.system_management_device_address;
    return 6;
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
    uint8_t cc;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 4) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = chassis_get_chassis_status(b, call, &rsp);
    out[0] = cc;
    out[1] = rsp.current_power_state;
    out[2] = rsp.last_power_event;
    out[3] = rsp.misc_chassis_state;
    return 4;
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
    uint8_t cc;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = chassis_get_system_restart_cause(b, call, &rsp);
    out[0] = cc;
    out[1] = rsp.restart_cause;
    out[2] = rsp.channel;
    return 3;
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
