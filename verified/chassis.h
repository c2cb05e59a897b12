/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the BMC knows of the chassis it manages (IPMI v2.0 section 28): whether the
 * machine's power is on, how it last came on and why the system last restarted.
 * The Chassis commands (verified/bmc_chassis.c) keep it; it lives in struct bmc_state.
 */
#ifndef CHASSIS_H
#define CHASSIS_H

#include <stdbool.h>
#include <stdint.h>

/* Get System Restart Cause, bits 3:0 (section 28.11). */
#define BMC_RESTART_CAUSE_UNKNOWN 0x00
#define BMC_RESTART_CAUSE_CHASSIS_CONTROL 0x01
#define BMC_RESTART_CAUSE_LAST 0x0f

/* Get Chassis Status, last power event: the power came on by an IPMI command (section
   28.2, byte 3 bit 4). */
#define BMC_LAST_POWER_EVENT_COMMAND 0x10

struct bmc_chassis {
    bool power_on;             /* the machine's power is on */
    uint8_t last_power_event;  /* 0, or BMC_LAST_POWER_EVENT_COMMAND */
    uint8_t restart_cause;     /* BMC_RESTART_CAUSE_* */
};

/*@
  predicate bmc_chassis_valid(struct bmc_chassis *c) =
    c->restart_cause <= BMC_RESTART_CAUSE_LAST
    && (c->last_power_event == 0 || c->last_power_event == BMC_LAST_POWER_EVENT_COMMAND);
*/

/* The chassis as the BMC finds it when it starts: the machine runs (the BMC is part of
   it), and nothing is known of how it came on. */
/*@
  requires \valid(c);
  assigns *c;
  ensures bmc_chassis_valid(c);
  ensures c->power_on && c->last_power_event == 0;
  ensures c->restart_cause == BMC_RESTART_CAUSE_UNKNOWN;
*/
void bmc_chassis_init(struct bmc_chassis *c);

/* Whether the chassis holds values its commands may set (for a migration stream). */
/*@
  requires \valid_read(c);
  assigns \nothing;
  ensures \result != 0 <==> bmc_chassis_valid(c);
*/
bool bmc_chassis_known(const struct bmc_chassis *c);

#endif /* CHASSIS_H */
