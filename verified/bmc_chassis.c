/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Chassis commands (NetFn 00h): what the chassis can do, its power state, power
 * control and the cause of the last restart. Layouts, length and range checks are
 * generated from spec/commands-chassis.yaml; these handlers only decide the answers.
 *
 * The BMC does not switch the power itself: Chassis Control returns what it wants
 * done (call->effects.power, call->effects.nmi), and the chassis state here records
 * what the machine will be once that is done.
 */
#include "bmc.h"
#include "chassis.h"
#include "cmd_chassis.h"

/* Get Chassis Status, current power state bits (section 28.2). */
#define POWER_STATE_ON 0x01
#define POWER_RESTORE_POLICY_UNKNOWN 0x60  /* bits 6:5 = 11b */

/* Chassis Control's request (section 28.3). */
#define CONTROL_POWER_DOWN 0
#define CONTROL_POWER_UP 1
#define CONTROL_POWER_CYCLE 2
#define CONTROL_HARD_RESET 3
#define CONTROL_DIAGNOSTIC_INTERRUPT 4
#define CONTROL_SOFT_SHUTDOWN 5

void bmc_chassis_init(struct bmc_chassis *c)
{
    c->power_on = true;
    c->last_power_event = 0;
    c->restart_cause = BMC_RESTART_CAUSE_UNKNOWN;
}

bool bmc_chassis_known(const struct bmc_chassis *c)
{
    return c->restart_cause <= BMC_RESTART_CAUSE_LAST &&
           (c->last_power_event == 0 || c->last_power_event == BMC_LAST_POWER_EVENT_COMMAND);
}

/*
 * No intrusion sensor, front panel lockout, diagnostic interrupt button or power
 * interlock; the BMC itself is the FRU, SDR, SEL and system management device.
 */
/*@
  ensures rsp->capabilities == 0;
  ensures rsp->fru_device_address == b->config.slave_addr;
  ensures rsp->sdr_device_address == b->config.slave_addr;
  ensures rsp->sel_device_address == b->config.slave_addr;
  ensures rsp->system_management_device_address == b->config.slave_addr;
*/
uint8_t chassis_get_chassis_capabilities(struct bmc *b, struct bmc_call *call,
                                         struct chassis_get_chassis_capabilities_rsp *rsp)
{
    (void)call;
    rsp->capabilities = 0;
    rsp->fru_device_address = b->config.slave_addr;
    rsp->sdr_device_address = b->config.slave_addr;
    rsp->sel_device_address = b->config.slave_addr;
    rsp->system_management_device_address = b->config.slave_addr;
    return IPMI_CC_SUCCESS;
}

/* The power, and no fault, interlock, overload or intrusion to report; the policy on
   power restore is not known (the machine's, not the BMC's). */
/*@
  ensures b->state.chassis.power_on ==> rsp->current_power_state == 0x61;
  ensures !b->state.chassis.power_on ==> rsp->current_power_state == 0x60;
  ensures rsp->last_power_event == b->state.chassis.last_power_event;
  ensures rsp->misc_chassis_state == 0;
*/
uint8_t chassis_get_chassis_status(struct bmc *b, struct bmc_call *call,
                                   struct chassis_get_chassis_status_rsp *rsp)
{
    (void)call;
    rsp->current_power_state = POWER_RESTORE_POLICY_UNKNOWN;
    if (b->state.chassis.power_on) {
        rsp->current_power_state = POWER_RESTORE_POLICY_UNKNOWN | POWER_STATE_ON;
    }
    rsp->last_power_event = b->state.chassis.last_power_event;
    rsp->misc_chassis_state = 0;
    return IPMI_CC_SUCCESS;
}

/*
 * The machine (re)starts at the BMC's command: the power is on, and a restart now
 * has the Chassis Control command as its cause.
 */
/*@
  requires \valid(b) && bmc_chassis_valid(&b->state.chassis);
  assigns b->state.chassis;
  ensures bmc_chassis_valid(&b->state.chassis);
  ensures b->state.chassis.power_on;
  ensures b->state.chassis.restart_cause == BMC_RESTART_CAUSE_CHASSIS_CONTROL;
  ensures b->state.chassis.last_power_event ==
          (power_event ? BMC_LAST_POWER_EVENT_COMMAND : \old(b->state.chassis.last_power_event));
*/
static void chassis_restart(struct bmc *b, bool power_event)
{
    b->state.chassis.power_on = true;
    b->state.chassis.restart_cause = BMC_RESTART_CAUSE_CHASSIS_CONTROL;
    if (power_event) {
        b->state.chassis.last_power_event = BMC_LAST_POWER_EVENT_COMMAND;
    }
}

/*
 * Power down and soft shutdown leave the machine off; power up and power cycle turn
 * it on by command; a hard reset restarts it. The diagnostic interrupt changes no
 * state. The effect is applied by the caller once the response is on its way.
 */
/*@
  ensures \result == IPMI_CC_SUCCESS;
  ensures req->control == CONTROL_POWER_DOWN ==>
          call->effects.power == BMC_POWER_OFF && !b->state.chassis.power_on;
  ensures req->control == CONTROL_POWER_UP ==>
          call->effects.power == BMC_POWER_ON && b->state.chassis.power_on
          && b->state.chassis.restart_cause == BMC_RESTART_CAUSE_CHASSIS_CONTROL
          && b->state.chassis.last_power_event == BMC_LAST_POWER_EVENT_COMMAND;
  ensures req->control == CONTROL_POWER_CYCLE ==>
          call->effects.power == BMC_POWER_CYCLE && b->state.chassis.power_on
          && b->state.chassis.restart_cause == BMC_RESTART_CAUSE_CHASSIS_CONTROL
          && b->state.chassis.last_power_event == BMC_LAST_POWER_EVENT_COMMAND;
  ensures req->control == CONTROL_HARD_RESET ==>
          call->effects.power == BMC_POWER_RESET && b->state.chassis.power_on
          && b->state.chassis.restart_cause == BMC_RESTART_CAUSE_CHASSIS_CONTROL;
  ensures req->control == CONTROL_DIAGNOSTIC_INTERRUPT ==>
          call->effects.nmi && call->effects.power == \old(call->effects.power)
          && b->state.chassis == \old(b->state.chassis);
  ensures req->control == CONTROL_SOFT_SHUTDOWN ==>
          call->effects.power == BMC_POWER_SOFT_OFF && !b->state.chassis.power_on;
*/
uint8_t chassis_chassis_control(struct bmc *b, struct bmc_call *call,
                                const struct chassis_chassis_control_req *req)
{
    switch (req->control) {
    case CONTROL_POWER_DOWN:
        call->effects.power = BMC_POWER_OFF;
        b->state.chassis.power_on = false;
        break;
    case CONTROL_POWER_UP:
        call->effects.power = BMC_POWER_ON;
        chassis_restart(b, true);
        break;
    case CONTROL_POWER_CYCLE:
        call->effects.power = BMC_POWER_CYCLE;
        chassis_restart(b, true);
        break;
    case CONTROL_HARD_RESET:
        call->effects.power = BMC_POWER_RESET;
        chassis_restart(b, false);
        break;
    case CONTROL_DIAGNOSTIC_INTERRUPT:
        call->effects.nmi = true;
        break;
    default: /* CONTROL_SOFT_SHUTDOWN: the range check leaves nothing else */
        call->effects.power = BMC_POWER_SOFT_OFF;
        b->state.chassis.power_on = false;
        break;
    }
    return IPMI_CC_SUCCESS;
}

/* The cause, and channel 0: the one the BMC answers its commands on (upstream's). */
/*@
  ensures rsp->restart_cause == b->state.chassis.restart_cause;
  ensures rsp->channel == 0;
*/
uint8_t chassis_get_system_restart_cause(struct bmc *b, struct bmc_call *call,
                                         struct chassis_get_system_restart_cause_rsp *rsp)
{
    (void)call;
    rsp->restart_cause = b->state.chassis.restart_cause;
    rsp->channel = 0;
    return IPMI_CC_SUCCESS;
}
