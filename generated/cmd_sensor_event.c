/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sensor/Event commands (NetFn SENSOR_EVENT): length and range checks, decoding and encoding.
 * Each response is written by an encode_ function of its own, so that the proof of
 * its answer_ function carries the BMC's state across one call, not across each byte.
 *
 * Generated from spec/commands-sensor-event.yaml by generator/ipmigen (template commands.c.j2).
 * Do not edit: change the spec and rebuild.
 */
#include "cmd_sensor_event.h"

#include "bytes.h"

/* Platform event message: 8 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_platform_event_message(struct bmc *b, struct bmc_call *call,
                                                         const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_platform_event_message_req req;
    uint8_t cc;

    if (len != 8) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.generator_id = data[0];
    req.evm_rev = data[1];
    req.sensor_type = data[2];
    req.sensor_number = data[3];
    req.event_dir_type = data[4];
    req.event_data_1 = data[5];
    req.event_data_2 = data[6];
    req.event_data_3 = data[7];
    (void)cap;
    cc = sensor_event_platform_event_message(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get device sdr info response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_sensor_event_get_device_sdr_info(const struct sensor_event_get_device_sdr_info_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->count;
    out[2] = rsp->flags;
    return 3;
}

/* Get device sdr info: 0 to 1 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_device_sdr_info(struct bmc *b, struct bmc_call *call,
                                                      const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_device_sdr_info_req req;
    struct sensor_event_get_device_sdr_info_rsp rsp;

    if (len > 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.operation_len = len - 0;
    bytes_copy(req.operation, data + 0, req.operation_len);
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)sensor_event_get_device_sdr_info(b, call, &req, &rsp); /* it cannot fail: its contract says so */
    return encode_sensor_event_get_device_sdr_info(&rsp, out);
}

/* A successful get sensor reading factors response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 7));
  requires \separated(rsp, out + (0 .. 7));
  assigns out[0 .. 7];
  ensures \result == 8;
*/
static size_t encode_sensor_event_get_sensor_reading_factors(const struct sensor_event_get_sensor_reading_factors_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->next_reading;
    bytes_copy(out + 2, rsp->factors, 6);
    return 8;
}

/* Get sensor reading factors: 2 request bytes, 7 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_sensor_reading_factors(struct bmc *b, struct bmc_call *call,
                                                             const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_sensor_reading_factors_req req;
    struct sensor_event_get_sensor_reading_factors_rsp rsp;
    uint8_t cc;

    if (len != 2) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    req.reading = data[1];
    if (cap < 8) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = sensor_event_get_sensor_reading_factors(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_sensor_event_get_sensor_reading_factors(&rsp, out);
}

/* Set sensor hysteresis: 4 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_set_sensor_hysteresis(struct bmc *b, struct bmc_call *call,
                                                        const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_set_sensor_hysteresis_req req;
    uint8_t cc;

    if (len != 4) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    req.hysteresis_mask = data[1];
    req.positive_hysteresis = data[2];
    req.negative_hysteresis = data[3];
    (void)cap;
    cc = sensor_event_set_sensor_hysteresis(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get sensor hysteresis response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_sensor_event_get_sensor_hysteresis(const struct sensor_event_get_sensor_hysteresis_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->positive_hysteresis;
    out[2] = rsp->negative_hysteresis;
    return 3;
}

/* Get sensor hysteresis: 2 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_sensor_hysteresis(struct bmc *b, struct bmc_call *call,
                                                        const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_sensor_hysteresis_req req;
    struct sensor_event_get_sensor_hysteresis_rsp rsp;
    uint8_t cc;

    if (len != 2) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    req.hysteresis_mask = data[1];
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = sensor_event_get_sensor_hysteresis(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_sensor_event_get_sensor_hysteresis(&rsp, out);
}

/* Set sensor thresholds: 8 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_set_sensor_thresholds(struct bmc *b, struct bmc_call *call,
                                                        const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_set_sensor_thresholds_req req;
    uint8_t cc;

    if (len != 8) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    req.set_mask = data[1];
    req.lower_non_critical = data[2];
    req.lower_critical = data[3];
    req.lower_non_recoverable = data[4];
    req.upper_non_critical = data[5];
    req.upper_critical = data[6];
    req.upper_non_recoverable = data[7];
    (void)cap;
    cc = sensor_event_set_sensor_thresholds(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get sensor thresholds response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 7));
  requires \separated(rsp, out + (0 .. 7));
  assigns out[0 .. 7];
  ensures \result == 8;
*/
static size_t encode_sensor_event_get_sensor_thresholds(const struct sensor_event_get_sensor_thresholds_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->readable_mask;
    out[2] = rsp->lower_non_critical;
    out[3] = rsp->lower_critical;
    out[4] = rsp->lower_non_recoverable;
    out[5] = rsp->upper_non_critical;
    out[6] = rsp->upper_critical;
    out[7] = rsp->upper_non_recoverable;
    return 8;
}

/* Get sensor thresholds: 1 request byte, 7 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_sensor_thresholds(struct bmc *b, struct bmc_call *call,
                                                        const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_sensor_thresholds_req req;
    struct sensor_event_get_sensor_thresholds_rsp rsp;
    uint8_t cc;

    if (len != 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    if (cap < 8) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = sensor_event_get_sensor_thresholds(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_sensor_event_get_sensor_thresholds(&rsp, out);
}

/* Set sensor event enable: 2 to 6 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_set_sensor_event_enable(struct bmc *b, struct bmc_call *call,
                                                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_set_sensor_event_enable_req req;
    uint8_t cc;

    if (len < 2) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.sensor_number = data[0];
    req.control = data[1];
    req.masks_len = len - 2;
    bytes_copy(req.masks, data + 2, req.masks_len);
    (void)cap;
    cc = sensor_event_set_sensor_event_enable(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get sensor event enable response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 5));
  requires \separated(rsp, out + (0 .. 5));
  assigns out[0 .. 5];
  ensures \result == 6;
*/
static size_t encode_sensor_event_get_sensor_event_enable(const struct sensor_event_get_sensor_event_enable_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->control;
    out[2] = (uint8_t)(rsp->assertion_enables & 0xff);
    out[3] = (uint8_t)((rsp->assertion_enables >> 8) & 0xff);
    out[4] = (uint8_t)(rsp->deassertion_enables & 0xff);
    out[5] = (uint8_t)((rsp->deassertion_enables >> 8) & 0xff);
    return 6;
}

/* Get sensor event enable: 1 request byte, 5 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_sensor_event_enable(struct bmc *b, struct bmc_call *call,
                                                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_sensor_event_enable_req req;
    struct sensor_event_get_sensor_event_enable_rsp rsp;
    uint8_t cc;

    if (len != 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    if (cap < 6) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = sensor_event_get_sensor_event_enable(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_sensor_event_get_sensor_event_enable(&rsp, out);
}

/* Rearm sensor events: 2 to 6 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_rearm_sensor_events(struct bmc *b, struct bmc_call *call,
                                                      const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_rearm_sensor_events_req req;
    uint8_t cc;

    if (len < 2) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.sensor_number = data[0];
    req.control = data[1];
    req.masks_len = len - 2;
    bytes_copy(req.masks, data + 2, req.masks_len);
    (void)cap;
    cc = sensor_event_rearm_sensor_events(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get sensor event status response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 5));
  requires \separated(rsp, out + (0 .. 5));
  assigns out[0 .. 5];
  ensures \result == 6;
*/
static size_t encode_sensor_event_get_sensor_event_status(const struct sensor_event_get_sensor_event_status_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->flags;
    out[2] = (uint8_t)(rsp->assertion_events & 0xff);
    out[3] = (uint8_t)((rsp->assertion_events >> 8) & 0xff);
    out[4] = (uint8_t)(rsp->deassertion_events & 0xff);
    out[5] = (uint8_t)((rsp->deassertion_events >> 8) & 0xff);
    return 6;
}

/* Get sensor event status: 1 request byte, 5 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_sensor_event_status(struct bmc *b, struct bmc_call *call,
                                                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_sensor_event_status_req req;
    struct sensor_event_get_sensor_event_status_rsp rsp;
    uint8_t cc;

    if (len != 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    if (cap < 6) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = sensor_event_get_sensor_event_status(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_sensor_event_get_sensor_event_status(&rsp, out);
}

/* A successful get sensor reading response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires rsp->states_len <= 2;
  requires \valid(out + (0 .. 2 + rsp->states_len));
  requires \separated(rsp, out + (0 .. 2 + rsp->states_len));
  assigns out[0 .. 2 + rsp->states_len];
  ensures \result == 3 + rsp->states_len;
*/
static size_t encode_sensor_event_get_sensor_reading(const struct sensor_event_get_sensor_reading_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->reading;
    out[2] = rsp->flags;
    bytes_copy(out + 3, rsp->states, rsp->states_len);
    return 3 + rsp->states_len;
}

/* Get sensor reading: 1 request byte, 3 to 4 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_sensor_reading(struct bmc *b, struct bmc_call *call,
                                                     const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_sensor_reading_req req;
    struct sensor_event_get_sensor_reading_rsp rsp;
    uint8_t cc;

    if (len != 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    if (cap < 5) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = sensor_event_get_sensor_reading(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_sensor_event_get_sensor_reading(&rsp, out);
}

/* Set sensor type: 3 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_set_sensor_type(struct bmc *b, struct bmc_call *call,
                                                  const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_set_sensor_type_req req;
    uint8_t cc;

    if (len != 3) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    req.sensor_type = data[1];
    req.event_reading_type = data[2];
    (void)cap;
    cc = sensor_event_set_sensor_type(b, call, &req);
    return bmc_answer_code(out, cc);
}

/* A successful get sensor type response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_sensor_event_get_sensor_type(const struct sensor_event_get_sensor_type_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->sensor_type;
    out[2] = rsp->event_reading_type;
    return 3;
}

/* Get sensor type: 1 request byte, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_get_sensor_type(struct bmc *b, struct bmc_call *call,
                                                  const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_get_sensor_type_req req;
    struct sensor_event_get_sensor_type_rsp rsp;
    uint8_t cc;

    if (len != 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.sensor_number = data[0];
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = sensor_event_get_sensor_type(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_sensor_event_get_sensor_type(&rsp, out);
}

/* Set sensor reading: 3 to 10 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_sensor_event_set_sensor_reading(struct bmc *b, struct bmc_call *call,
                                                     const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct sensor_event_set_sensor_reading_req req;
    uint8_t cc;

    if (len < 3) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 10) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.sensor_number = data[0];
    req.operation = data[1];
    req.reading = data[2];
    req.rest_len = len - 3;
    bytes_copy(req.rest, data + 3, req.rest_len);
    (void)cap;
    cc = sensor_event_set_sensor_reading(b, call, &req);
    return bmc_answer_code(out, cc);
}

size_t answer_sensor_event_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                                   const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    size_t written;

    switch (cmd) {
    case SENSOR_EVENT_PLATFORM_EVENT_MESSAGE:
        written = answer_sensor_event_platform_event_message(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_DEVICE_SDR_INFO:
        written = answer_sensor_event_get_device_sdr_info(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_SENSOR_READING_FACTORS:
        written = answer_sensor_event_get_sensor_reading_factors(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_SET_SENSOR_HYSTERESIS:
        written = answer_sensor_event_set_sensor_hysteresis(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_SENSOR_HYSTERESIS:
        written = answer_sensor_event_get_sensor_hysteresis(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_SET_SENSOR_THRESHOLDS:
        written = answer_sensor_event_set_sensor_thresholds(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_SENSOR_THRESHOLDS:
        written = answer_sensor_event_get_sensor_thresholds(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_SET_SENSOR_EVENT_ENABLE:
        written = answer_sensor_event_set_sensor_event_enable(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_SENSOR_EVENT_ENABLE:
        written = answer_sensor_event_get_sensor_event_enable(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_REARM_SENSOR_EVENTS:
        written = answer_sensor_event_rearm_sensor_events(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_SENSOR_EVENT_STATUS:
        written = answer_sensor_event_get_sensor_event_status(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_SENSOR_READING:
        written = answer_sensor_event_get_sensor_reading(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_SET_SENSOR_TYPE:
        written = answer_sensor_event_set_sensor_type(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_GET_SENSOR_TYPE:
        written = answer_sensor_event_get_sensor_type(b, call, data, len, out, cap);
        break;
    case SENSOR_EVENT_SET_SENSOR_READING:
        written = answer_sensor_event_set_sensor_reading(b, call, data, len, out, cap);
        break;
    default:
        written = bmc_answer_code(out, IPMI_CC_INVALID_COMMAND);
        break;
    }
    return written;
}
