/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Block Transfer (BT) interface: what the spec decides.
 * IPMI v2.0 rev 1.1, section 11 (BT Interface).
 *
 * Generated from spec/bt.yaml by generator/ipmigen (template bt.h.j2).
 * Do not edit: change the spec and rebuild.
 *
 * Register offsets and bits, buffer sizes, the capability answer's figures and the
 * transfer phases, with the two facts about each phase the rest of the machine builds
 * on: the control register bits it shows and whether a response is due in it.
 * verified/bt.h builds the machine on these.
 */
#ifndef BT_MACHINE_H
#define BT_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BT_REQUEST_CAPACITY 256
#define BT_RESPONSE_CAPACITY 256

/* Register offsets within the interface's I/O window. */
#define BT_REG_CONTROL 0
#define BT_REG_BUFFER 1
#define BT_REG_MASK 2
#define BT_REGISTER_COUNT 3

/* Control register bits. */
#define BT_CONTROL_CLR_WR_PTR 0x01 /* the host is about to write a new request */
#define BT_CONTROL_CLR_RD_PTR 0x02 /* the host is about to read the response from its start */
#define BT_CONTROL_H2B_ATN 0x04 /* the host's request is in the buffer (reads 0: the BMC takes it at once) */
#define BT_CONTROL_B2H_ATN 0x08 /* a response waits in the buffer */
#define BT_CONTROL_SMS_ATN 0x10 /* the BMC has a message or event for system software */
#define BT_CONTROL_OEM0 0x20 /* reserved for OEM use; this BMC has none */
#define BT_CONTROL_H_BUSY 0x40 /* the host is reading the buffer */
#define BT_CONTROL_B_BUSY 0x80 /* the BMC is handling a request */

/* Mask register bits. */
#define BT_MASK_B2H_IRQ_EN 0x01 /* interrupt the host when B2H_ATN or SMS_ATN rises */
#define BT_MASK_B2H_IRQ 0x02 /* the BMC interrupted the host */
#define BT_MASK_BMC_HWRST 0x80 /* the host resets the interface */

/* Get BT Interface Capabilities: its command code and the figures it reports. */
#define BT_CAPABILITIES_COMMAND 0x36
#define BT_CAPABILITIES_OUTSTANDING_REQUESTS 1
#define BT_CAPABILITIES_RESPONSE_SECONDS 10
#define BT_CAPABILITIES_RETRIES 0

/* Transfer phases. */
enum bt_phase {
    BT_PHASE_IDLE = 0, /* No request in flight and no response waiting; the host may write a request. */
    BT_PHASE_BUSY = 1, /* The BMC has the request; the host waits for B_BUSY to clear. */
    BT_PHASE_RESPONSE = 2, /* A response waits in the buffer until the host clears B2H_ATN. */
};
#define BT_PHASE_COUNT 3

/*@
  // The control register bits each phase shows set.
  logic integer bt_shows_of(integer phase) =
    phase == BT_PHASE_IDLE ? 0 :
    phase == BT_PHASE_BUSY ? BT_CONTROL_B_BUSY :
    BT_CONTROL_B2H_ATN; // BT_PHASE_RESPONSE

  // Where the BMC holds a request and its response is due.
  predicate bt_awaits(integer phase) =
    phase == BT_PHASE_BUSY;
*/

/*@
  requires phase < BT_PHASE_COUNT;
  assigns \nothing;
  ensures \result == bt_shows_of(phase);
*/
unsigned int bt_phase_shows(uint8_t phase);

/*@
  assigns \nothing;
  ensures \result != 0 <==> bt_awaits(phase);
*/
bool bt_phase_awaits(uint8_t phase);

#endif /* BT_MACHINE_H */
