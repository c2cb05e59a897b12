/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sensor/Event commands (NetFn SENSOR_EVENT, 0x04): request and response
 * layouts, and the handlers the BMC core implements for them.
 * IPMI v2.0 rev 1.1, sections 29 and 35.
 *
 * Generated from spec/commands-sensor-event.yaml by generator/ipmigen (template commands.h.j2).
 * Do not edit: change the spec and rebuild.
 */
#ifndef CMD_SENSOR_EVENT_H
#define CMD_SENSOR_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "bmc.h"
#include "ipmi_messages.h"

/* Command codes. */
#define SENSOR_EVENT_PLATFORM_EVENT_MESSAGE 0x02
#define SENSOR_EVENT_GET_DEVICE_SDR_INFO 0x20
#define SENSOR_EVENT_GET_SENSOR_READING_FACTORS 0x23
#define SENSOR_EVENT_SET_SENSOR_HYSTERESIS 0x24
#define SENSOR_EVENT_GET_SENSOR_HYSTERESIS 0x25
#define SENSOR_EVENT_SET_SENSOR_THRESHOLDS 0x26
#define SENSOR_EVENT_GET_SENSOR_THRESHOLDS 0x27
#define SENSOR_EVENT_SET_SENSOR_EVENT_ENABLE 0x28
#define SENSOR_EVENT_GET_SENSOR_EVENT_ENABLE 0x29
#define SENSOR_EVENT_REARM_SENSOR_EVENTS 0x2a
#define SENSOR_EVENT_GET_SENSOR_EVENT_STATUS 0x2b
#define SENSOR_EVENT_GET_SENSOR_READING 0x2d
#define SENSOR_EVENT_SET_SENSOR_TYPE 0x2e
#define SENSOR_EVENT_GET_SENSOR_TYPE 0x2f
#define SENSOR_EVENT_SET_SENSOR_READING 0x30

/* The longest response data of this NetFn, completion code excluded. */
#define SENSOR_EVENT_MAX_RESPONSE 7

/* Platform event message (section 29.3). */
struct sensor_event_platform_event_message_req {
    uint8_t generator_id; /* bits 7:1: the system software id; bit 0: 1b */
    uint8_t evm_rev; /* event message format: 04h IPMI 2.0, 03h IPMI 1.0 */
    uint8_t sensor_type;
    uint8_t sensor_number;
    uint8_t event_dir_type; /* bit 7: deassertion; bits 6:0: event/reading type */
    uint8_t event_data_1;
    uint8_t event_data_2;
    uint8_t event_data_3;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_OUT_OF_SPACE;
*/
uint8_t sensor_event_platform_event_message(struct bmc *b, struct bmc_call *call, const struct sensor_event_platform_event_message_req *req);

/* Get device sdr info (section 35.2). */
struct sensor_event_get_device_sdr_info_req {
    uint8_t operation[1]; /* bit 0: 1b SDR count, 0b sensor count (the default) */
    size_t operation_len; /* 0 to 1 */
};
struct sensor_event_get_device_sdr_info_rsp {
    uint8_t count; /* sensors (or SDRs) on LUN 0 */
    uint8_t flags; /* bit 7: 0b static sensor population; bits 3:0: the LUNs that have sensors */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->operation_len <= 1;
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t sensor_event_get_device_sdr_info(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_device_sdr_info_req *req, struct sensor_event_get_device_sdr_info_rsp *rsp);

/* Get sensor reading factors (section 35.5). */
struct sensor_event_get_sensor_reading_factors_req {
    uint8_t sensor_number;
    uint8_t reading; /* the raw reading the factors are for */
};
struct sensor_event_get_sensor_reading_factors_rsp {
    uint8_t next_reading; /* the next reading with other factors; FFh: none */
    uint8_t factors[6]; /* M, tolerance, B, accuracy, accuracy exponent, R and B exponents, as the full SDR's bytes 25-30 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_ILLEGAL_FOR_RECORD;
*/
uint8_t sensor_event_get_sensor_reading_factors(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_sensor_reading_factors_req *req, struct sensor_event_get_sensor_reading_factors_rsp *rsp);

/* Set sensor hysteresis (section 35.6). */
struct sensor_event_set_sensor_hysteresis_req {
    uint8_t sensor_number;
    uint8_t hysteresis_mask; /* reserved: FFh */
    uint8_t positive_hysteresis; /* raw counts below an upper threshold to deassert it */
    uint8_t negative_hysteresis; /* raw counts above a lower threshold to deassert it */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_ILLEGAL_FOR_RECORD;
*/
uint8_t sensor_event_set_sensor_hysteresis(struct bmc *b, struct bmc_call *call, const struct sensor_event_set_sensor_hysteresis_req *req);

/* Get sensor hysteresis (section 35.7). */
struct sensor_event_get_sensor_hysteresis_req {
    uint8_t sensor_number;
    uint8_t hysteresis_mask; /* reserved: FFh */
};
struct sensor_event_get_sensor_hysteresis_rsp {
    uint8_t positive_hysteresis;
    uint8_t negative_hysteresis;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_ILLEGAL_FOR_RECORD;
*/
uint8_t sensor_event_get_sensor_hysteresis(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_sensor_hysteresis_req *req, struct sensor_event_get_sensor_hysteresis_rsp *rsp);

/* Set sensor thresholds (section 35.8). */
struct sensor_event_set_sensor_thresholds_req {
    uint8_t sensor_number;
    uint8_t set_mask; /* bit 0: lower non-critical; 1: lower critical; 2: lower non-recoverable; 3: upper non-critical; 4: upper critical; 5: upper non-recoverable */
    uint8_t lower_non_critical;
    uint8_t lower_critical;
    uint8_t lower_non_recoverable;
    uint8_t upper_non_critical;
    uint8_t upper_critical;
    uint8_t upper_non_recoverable;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_INVALID_DATA_FIELD || \result == IPMI_CC_ILLEGAL_FOR_RECORD;
*/
uint8_t sensor_event_set_sensor_thresholds(struct bmc *b, struct bmc_call *call, const struct sensor_event_set_sensor_thresholds_req *req);

/* Get sensor thresholds (section 35.9). */
struct sensor_event_get_sensor_thresholds_req {
    uint8_t sensor_number;
};
struct sensor_event_get_sensor_thresholds_rsp {
    uint8_t readable_mask; /* bits as Set Sensor Thresholds' set mask; an unreadable threshold reads 00h */
    uint8_t lower_non_critical;
    uint8_t lower_critical;
    uint8_t lower_non_recoverable;
    uint8_t upper_non_critical;
    uint8_t upper_critical;
    uint8_t upper_non_recoverable;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_ILLEGAL_FOR_RECORD;
*/
uint8_t sensor_event_get_sensor_thresholds(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_sensor_thresholds_req *req, struct sensor_event_get_sensor_thresholds_rsp *rsp);

/* Set sensor event enable (section 35.10). */
struct sensor_event_set_sensor_event_enable_req {
    uint8_t sensor_number;
    uint8_t control; /* bit 7: event messages on; 6: scanning on; 5:4: 00b keep the enables, 01b enable the events given, 10b disable them */
    uint8_t masks[4]; /* assertion events (LS byte first), deassertion events; absent bytes are 00h */
    size_t masks_len; /* 0 to 4 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->masks_len <= 4;
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_INVALID_DATA_FIELD;
*/
uint8_t sensor_event_set_sensor_event_enable(struct bmc *b, struct bmc_call *call, const struct sensor_event_set_sensor_event_enable_req *req);

/* Get sensor event enable (section 35.11). */
struct sensor_event_get_sensor_event_enable_req {
    uint8_t sensor_number;
};
struct sensor_event_get_sensor_event_enable_rsp {
    uint8_t control; /* bit 7: event messages on; 6: scanning on */
    uint16_t assertion_enables;
    uint16_t deassertion_enables;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_get_sensor_event_enable(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_sensor_event_enable_req *req, struct sensor_event_get_sensor_event_enable_rsp *rsp);

/* Rearm sensor events (section 35.12). */
struct sensor_event_rearm_sensor_events_req {
    uint8_t sensor_number;
    uint8_t control; /* bit 7: 0b re-arm all event status, 1b only the events given */
    uint8_t masks[4]; /* assertion events (LS byte first), deassertion events; absent bytes are 00h */
    size_t masks_len; /* 0 to 4 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->masks_len <= 4;
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_rearm_sensor_events(struct bmc *b, struct bmc_call *call, const struct sensor_event_rearm_sensor_events_req *req);

/* Get sensor event status (section 35.13). */
struct sensor_event_get_sensor_event_status_req {
    uint8_t sensor_number;
};
struct sensor_event_get_sensor_event_status_rsp {
    uint8_t flags; /* bit 7: event messages on; 6: scanning on; 5: reading unavailable */
    uint16_t assertion_events; /* the assertion events that occurred since the last re-arm */
    uint16_t deassertion_events;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_get_sensor_event_status(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_sensor_event_status_req *req, struct sensor_event_get_sensor_event_status_rsp *rsp);

/* Get sensor reading (section 35.14). */
struct sensor_event_get_sensor_reading_req {
    uint8_t sensor_number;
};
struct sensor_event_get_sensor_reading_rsp {
    uint8_t reading;
    uint8_t flags; /* bit 7: event messages on; 6: scanning on; 5: reading unavailable */
    uint8_t states[2]; /* a threshold sensor: its comparison status (one byte); a discrete one: states 0-7 and 8-14 */
    size_t states_len; /* 1 to 2 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->states_len <= 2;
*/
uint8_t sensor_event_get_sensor_reading(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_sensor_reading_req *req, struct sensor_event_get_sensor_reading_rsp *rsp);

/* Set sensor type (section 35.15). */
struct sensor_event_set_sensor_type_req {
    uint8_t sensor_number;
    uint8_t sensor_type;
    uint8_t event_reading_type; /* bits 6:0 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_set_sensor_type(struct bmc *b, struct bmc_call *call, const struct sensor_event_set_sensor_type_req *req);

/* Get sensor type (section 35.16). */
struct sensor_event_get_sensor_type_req {
    uint8_t sensor_number;
};
struct sensor_event_get_sensor_type_rsp {
    uint8_t sensor_type;
    uint8_t event_reading_type;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t sensor_event_get_sensor_type(struct bmc *b, struct bmc_call *call, const struct sensor_event_get_sensor_type_req *req, struct sensor_event_get_sensor_type_rsp *rsp);

/* Set sensor reading (section 35.17). */
struct sensor_event_set_sensor_reading_req {
    uint8_t sensor_number;
    uint8_t operation; /* 1:0 reading: 00b keep, 01b write; 3:2 deassertion bits and 5:4 assertion bits: 00b keep, 01b write, 10b set those given, 11b clear those given; 7:6 event data: 00b the BMC's own, 01b given, 10b given but the offset */
    uint8_t reading;
    uint8_t rest[7]; /* assertion bits (LS byte first), deassertion bits, event data 1 to 3; absent bytes are 00h */
    size_t rest_len; /* 0 to 7 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->rest_len <= 7;
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_INVALID_DATA_FIELD;
*/
uint8_t sensor_event_set_sensor_reading(struct bmc *b, struct bmc_call *call, const struct sensor_event_set_sensor_reading_req *req);

/*
 * Decodes the request data of command `cmd`, calls its handler and encodes the
 * completion code and response data into out; returns the bytes written.
 */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
size_t answer_sensor_event_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                                   const uint8_t *data, size_t len, uint8_t *out, size_t cap);

#endif /* CMD_SENSOR_EVENT_H */
