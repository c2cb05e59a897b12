/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Chassis commands (NetFn CHASSIS, 0x00): request and response
 * layouts, and the handlers the BMC core implements for them.
 * IPMI v2.0 rev 1.1, section 28.
 *
 * Generated from spec/commands-chassis.yaml by generator/ipmigen (template commands.h.j2).
 * Do not edit: change the spec and rebuild.
 */
#ifndef CMD_CHASSIS_H
#define CMD_CHASSIS_H

#include <stddef.h>
#include <stdint.h>

#include "bmc.h"
#include "ipmi_messages.h"

/* Command codes. */
#define CHASSIS_GET_CHASSIS_CAPABILITIES 0x00
#define CHASSIS_GET_CHASSIS_STATUS 0x01
#define CHASSIS_CHASSIS_CONTROL 0x02
#define CHASSIS_GET_SYSTEM_RESTART_CAUSE 0x07

/* The longest response data of this NetFn, completion code excluded. */
#define CHASSIS_MAX_RESPONSE 5

/* Get chassis capabilities (section 28.1). */
struct chassis_get_chassis_capabilities_rsp {
    uint8_t capabilities; /* bit 0: intrusion sensor; 1: front panel lockout; 2: diagnostic interrupt (FP NMI); 3: power interlock */
    uint8_t fru_device_address; /* the FRU info device's slave address */
    uint8_t sdr_device_address; /* the SDR device's slave address */
    uint8_t sel_device_address; /* the SEL device's slave address */
    uint8_t system_management_device_address; /* the system management device's slave address */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t chassis_get_chassis_capabilities(struct bmc *b, struct bmc_call *call, struct chassis_get_chassis_capabilities_rsp *rsp);

/* Get chassis status (section 28.2). */
struct chassis_get_chassis_status_rsp {
    uint8_t current_power_state; /* bit 0: power is on; 1: overload; 2: interlock; 3: power fault; 4: power control fault; 6:5: restore policy (11b: unknown) */
    uint8_t last_power_event; /* bit 4: the last power on was by IPMI command; 3: power down by fault; 2: by interlock; 1: by overload; 0: AC failed */
    uint8_t misc_chassis_state; /* bit 0: intrusion; 1: front panel lockout; 2: drive fault; 3: cooling fault */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t chassis_get_chassis_status(struct bmc *b, struct bmc_call *call, struct chassis_get_chassis_status_rsp *rsp);

/* Chassis control (section 28.3). */
struct chassis_chassis_control_req {
    uint8_t control; /* 0: power down; 1: power up; 2: power cycle; 3: hard reset; 4: pulse diagnostic interrupt (NMI); 5: soft shutdown by emulated overtemperature (ACPI power button) */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->control <= 5;
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t chassis_chassis_control(struct bmc *b, struct bmc_call *call, const struct chassis_chassis_control_req *req);

/* Get system restart cause (section 28.11). */
struct chassis_get_system_restart_cause_rsp {
    uint8_t restart_cause; /* bits 3:0: 0 unknown; 1 Chassis Control command; 2 reset button; 3 power button; 4 watchdog; ... */
    uint8_t channel; /* the channel the restarting command came in on */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t chassis_get_system_restart_cause(struct bmc *b, struct bmc_call *call, struct chassis_get_system_restart_cause_rsp *rsp);

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
size_t answer_chassis_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                              const uint8_t *data, size_t len, uint8_t *out, size_t cap);

#endif /* CMD_CHASSIS_H */
