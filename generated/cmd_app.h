/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Application commands (NetFn APP, 0x06): request and response
 * layouts, and the handlers the BMC core implements for them.
 * IPMI v2.0 rev 1.1, sections 20, 22 and 27.
 *
 * Generated from spec/commands-app.yaml by generator/ipmigen (template commands.h.j2).
 * Do not edit: change the spec and rebuild.
 */
#ifndef CMD_APP_H
#define CMD_APP_H

#include <stddef.h>
#include <stdint.h>

#include "bmc.h"
#include "ipmi_messages.h"

/* Command codes. */
#define APP_GET_DEVICE_ID 0x01
#define APP_COLD_RESET 0x02
#define APP_WARM_RESET 0x03
#define APP_GET_SELF_TEST_RESULTS 0x04
#define APP_SET_ACPI_POWER_STATE 0x06
#define APP_GET_ACPI_POWER_STATE 0x07
#define APP_GET_DEVICE_GUID 0x08
#define APP_RESET_WATCHDOG_TIMER 0x22
#define APP_SET_WATCHDOG_TIMER 0x24
#define APP_GET_WATCHDOG_TIMER 0x25
#define APP_SET_BMC_GLOBAL_ENABLES 0x2e
#define APP_GET_BMC_GLOBAL_ENABLES 0x2f
#define APP_CLEAR_MESSAGE_FLAGS 0x30
#define APP_GET_MESSAGE_FLAGS 0x31
#define APP_GET_MESSAGE 0x33
#define APP_SEND_MESSAGE 0x34
#define APP_READ_EVENT_MESSAGE_BUFFER 0x35
#define APP_GET_BT_INTERFACE_CAPABILITIES 0x36
#define APP_GET_SYSTEM_GUID 0x37
#define APP_GET_CHANNEL_INFO 0x42
#define APP_GET_SYSTEM_INTERFACE_CAPABILITIES 0x57
#define APP_SET_SYSTEM_INFO_PARAMETERS 0x58
#define APP_GET_SYSTEM_INFO_PARAMETERS 0x59

/* The longest response data of this NetFn, completion code excluded. */
#define APP_MAX_RESPONSE 33

/* Get device id (section 20.1). */
struct app_get_device_id_rsp {
    uint8_t device_id;
    uint8_t device_revision; /* bit 7: provides device SDRs; bits 3:0: revision */
    uint8_t firmware_revision_1; /* bit 7: update in progress; bits 6:0: major revision */
    uint8_t firmware_revision_2; /* minor revision, BCD */
    uint8_t ipmi_version; /* BCD, minor in bits 7:4; 02h is IPMI 2.0 */
    uint8_t additional_device_support; /* bit 0: sensor device, 1: SDR repository, 2: SEL device, ... */
    uint32_t manufacturer_id; /* IANA enterprise number, least significant byte first */
    uint16_t product_id;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_get_device_id(struct bmc *b, struct bmc_call *call, struct app_get_device_id_rsp *rsp);

/* Cold reset (section 20.2). */

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_cold_reset(struct bmc *b, struct bmc_call *call);

/* Warm reset (section 20.3). */

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_warm_reset(struct bmc *b, struct bmc_call *call);

/* Get self test results (section 20.4). */
struct app_get_self_test_results_rsp {
    uint8_t result; /* 55h: no error; 56h: not implemented; 57h: corrupted or inaccessible data or devices */
    uint8_t detail;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_get_self_test_results(struct bmc *b, struct bmc_call *call, struct app_get_self_test_results_rsp *rsp);

/* Set acpi power state (section 20.6). */
struct app_set_acpi_power_state_req {
    uint8_t system_power_state; /* bit 7: set it; bits 6:0: 00h-0Ah S0/G0 to S5 by override, 20h legacy on, 21h legacy soft-off, 2Ah unknown, 7Fh no change */
    uint8_t device_power_state; /* bit 7: set it; bits 6:0: 00h-03h D0 to D3, 2Ah unknown, 7Fh no change */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD;
*/
uint8_t app_set_acpi_power_state(struct bmc *b, struct bmc_call *call, const struct app_set_acpi_power_state_req *req);

/* Get acpi power state (section 20.7). */
struct app_get_acpi_power_state_rsp {
    uint8_t system_power_state; /* bits 6:0, as Set ACPI Power State sets them */
    uint8_t device_power_state;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_get_acpi_power_state(struct bmc *b, struct bmc_call *call, struct app_get_acpi_power_state_rsp *rsp);

/* Get device guid (section 20.8). */
struct app_get_device_guid_rsp {
    uint8_t guid[16];
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t app_get_device_guid(struct bmc *b, struct bmc_call *call, struct app_get_device_guid_rsp *rsp);

/* Reset watchdog timer (section 27.5). */

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_WATCHDOG_NOT_INITIALIZED;
*/
uint8_t app_reset_watchdog_timer(struct bmc *b, struct bmc_call *call);

/* Set watchdog timer (section 27.6). */
struct app_set_watchdog_timer_req {
    uint8_t timer_use; /* bit 7: don't log; bit 6: don't stop a running timer; bits 2:0: use, 1 BIOS FRB2 to 5 OEM */
    uint8_t timer_actions; /* bits 6:4: pre-timeout interrupt, 0 none, 1 SMI, 2 NMI, 3 messaging; bits 2:0: timeout action, 0 none, 1 hard reset, 2 power down, 3 power cycle */
    uint8_t pretimeout_interval; /* seconds before the timeout; below the countdown */
    uint8_t expiration_flags_clear; /* 1 bits clear the matching timer use expiration flags */
    uint16_t initial_countdown; /* 100 ms units */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD;
*/
uint8_t app_set_watchdog_timer(struct bmc *b, struct bmc_call *call, const struct app_set_watchdog_timer_req *req);

/* Get watchdog timer (section 27.7). */
struct app_get_watchdog_timer_rsp {
    uint8_t timer_use; /* as set, bit 6: the timer runs */
    uint8_t timer_actions;
    uint8_t pretimeout_interval; /* seconds */
    uint8_t expiration_flags; /* bit n: a timeout of use n since they were cleared */
    uint16_t initial_countdown; /* 100 ms units */
    uint16_t present_countdown; /* 100 ms units, rounded up */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_get_watchdog_timer(struct bmc *b, struct bmc_call *call, struct app_get_watchdog_timer_rsp *rsp);

/* Set bmc global enables (section 22.1). */
struct app_set_bmc_global_enables_req {
    uint8_t enables; /* bit 0: receive message queue interrupt; 1: event message buffer full interrupt; 2: event message buffer; 3: system event logging */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_set_bmc_global_enables(struct bmc *b, struct bmc_call *call, const struct app_set_bmc_global_enables_req *req);

/* Get bmc global enables (section 22.2). */
struct app_get_bmc_global_enables_rsp {
    uint8_t enables;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_get_bmc_global_enables(struct bmc *b, struct bmc_call *call, struct app_get_bmc_global_enables_rsp *rsp);

/* Clear message flags (section 22.3). */
struct app_clear_message_flags_req {
    uint8_t flags; /* 1 bits clear the matching flags */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_clear_message_flags(struct bmc *b, struct bmc_call *call, const struct app_clear_message_flags_req *req);

/* Get message flags (section 22.4). */
struct app_get_message_flags_rsp {
    uint8_t flags; /* bit 0: receive message available; 1: event message buffer full; 3: watchdog pre-timeout */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_get_message_flags(struct bmc *b, struct bmc_call *call, struct app_get_message_flags_rsp *rsp);

/* Get message (section 22.6). */
struct app_get_message_rsp {
    uint8_t channel; /* bits 3:0: the channel it came in on; 7:4: privilege level (0: no session) */
    uint8_t data[32]; /* the message as it came in: an IPMB response to a Send Message */
    size_t data_len; /* 0 to 32 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_DATA_NOT_AVAILABLE;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->data_len <= 32;
*/
uint8_t app_get_message(struct bmc *b, struct bmc_call *call, struct app_get_message_rsp *rsp);

/* Send message (section 22.7). */
struct app_send_message_req {
    uint8_t channel; /* bits 3:0: channel (only 0, the IPMB, here); 7:6: tracking (none here) */
    uint8_t message[32]; /* an IPMB request: rsSA, NetFn/rsLUN, checksum, rqSA, rqSeq/rqLUN, command, data, checksum */
    size_t message_len; /* 7 to 32 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 7 <= req->message_len <= 32;
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD || \result == IPMI_CC_NAK_ON_WRITE || \result == IPMI_CC_NODE_BUSY;
*/
uint8_t app_send_message(struct bmc *b, struct bmc_call *call, const struct app_send_message_req *req);

/* Read event message buffer (section 22.8). */
struct app_read_event_message_buffer_rsp {
    uint8_t record[16]; /* the event, in SEL record format (section 32.1) */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_DATA_NOT_AVAILABLE;
*/
uint8_t app_read_event_message_buffer(struct bmc *b, struct bmc_call *call, struct app_read_event_message_buffer_rsp *rsp);

/* Get bt interface capabilities (section 22.10). */
struct app_get_bt_interface_capabilities_rsp {
    uint8_t outstanding_requests; /* requests the BMC takes at once */
    uint8_t input_buffer_size; /* the longest request, as its BT length byte */
    uint8_t output_buffer_size; /* the longest response, as its BT length byte */
    uint8_t response_seconds; /* the longest the BMC takes to answer */
    uint8_t retries; /* how often the host should retry a request */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t app_get_bt_interface_capabilities(struct bmc *b, struct bmc_call *call, struct app_get_bt_interface_capabilities_rsp *rsp);

/* Get system guid (section 22.14). */
struct app_get_system_guid_rsp {
    uint8_t guid[16];
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t app_get_system_guid(struct bmc *b, struct bmc_call *call, struct app_get_system_guid_rsp *rsp);

/* Get channel info (section 22.24). */
struct app_get_channel_info_req {
    uint8_t channel; /* bits 3:0: the channel; 0Eh: the one this request came in on */
};
struct app_get_channel_info_rsp {
    uint8_t channel; /* bits 3:0: the channel's number (0Eh answered as the system interface, 0Fh) */
    uint8_t medium_type; /* bits 6:0: 01h IPMB; 0Ch system interface */
    uint8_t protocol_type; /* bits 4:0: 01h IPMB-1.0; 05h KCS */
    uint8_t session_support; /* bits 7:6: 00b session-less; 5:0: active sessions */
    uint32_t vendor_id; /* IANA enterprise number of the protocol's owner: 001BF2h, the IPMI forum */
    uint16_t auxiliary_info; /* medium-specific; 0 here */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->channel <= 15;
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD;
*/
uint8_t app_get_channel_info(struct bmc *b, struct bmc_call *call, const struct app_get_channel_info_req *req, struct app_get_channel_info_rsp *rsp);

/* Get system interface capabilities (section 22.9). */
struct app_get_system_interface_capabilities_req {
    uint8_t interface_type; /* bits 3:0: 0 SSIF, 1 KCS (2, SMIC, this BMC has not) */
};
struct app_get_system_interface_capabilities_rsp {
    uint8_t reserved;
    uint8_t capabilities[3]; /* SSIF: transaction support and PEC, input and output message sizes; KCS: version, input message size */
    size_t capabilities_len; /* 0 to 3 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->interface_type <= 1;
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->capabilities_len <= 3;
*/
uint8_t app_get_system_interface_capabilities(struct bmc *b, struct bmc_call *call, const struct app_get_system_interface_capabilities_req *req, struct app_get_system_interface_capabilities_rsp *rsp);

/* Set system info parameters (section 22.14a). */
struct app_set_system_info_parameters_req {
    uint8_t parameter; /* 0: set in progress; 1: system firmware version; 2: system name; 3: primary OS name; 4: OS name; 5: present OS version */
    uint8_t data[17]; /* parameter 0: the state in bits 1:0; a string: its set selector (block number) and 16 bytes */
    size_t data_len; /* 1 to 17 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 1 <= req->data_len <= 17;
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_PARAMETER_NOT_SUPPORTED || \result == IPMI_CC_SET_IN_PROGRESS || \result == IPMI_CC_INVALID_DATA_FIELD || \result == IPMI_CC_REQUEST_DATA_LENGTH_INVALID || \result == IPMI_CC_PARAMETER_OUT_OF_RANGE;
*/
uint8_t app_set_system_info_parameters(struct bmc *b, struct bmc_call *call, const struct app_set_system_info_parameters_req *req);

/* Get system info parameters (section 22.14b). */
struct app_get_system_info_parameters_req {
    uint8_t flags; /* bit 7: get the parameter revision only */
    uint8_t parameter;
    uint8_t set_selector; /* a string's block number */
    uint8_t block_selector; /* unused by these parameters */
};
struct app_get_system_info_parameters_rsp {
    uint8_t revision; /* 11h: the parameters of IPMI 2.0 */
    uint8_t data[17]; /* parameter 0: one byte; a string: the set selector and the block */
    size_t data_len; /* 0 to 17 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_PARAMETER_NOT_SUPPORTED || \result == IPMI_CC_PARAMETER_OUT_OF_RANGE;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->data_len <= 17;
*/
uint8_t app_get_system_info_parameters(struct bmc *b, struct bmc_call *call, const struct app_get_system_info_parameters_req *req, struct app_get_system_info_parameters_rsp *rsp);

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
size_t answer_app_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                          const uint8_t *data, size_t len, uint8_t *out, size_t cap);

#endif /* CMD_APP_H */
