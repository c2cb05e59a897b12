/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Keyboard Controller Style (KCS) interface: what the spec decides.
 * IPMI v2.0 rev 1.1, section 9 (KCS Interface).
 *
 * Generated from spec/kcs.yaml by generator/ipmigen (template kcs.h.j2).
 * Do not edit: change the spec and rebuild.
 *
 * Register offsets, status bits, codes, buffer sizes and transfer phases, and the two
 * facts about each phase that the rest of the machine builds on: the state the status
 * register shows in it and whether it holds IBF. verified/kcs.h builds the
 * machine on these.
 */
#ifndef KCS_MACHINE_H
#define KCS_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KCS_REQUEST_CAPACITY 300
#define KCS_RESPONSE_CAPACITY 300

/* Register offsets within the interface's I/O window. */
#define KCS_REG_DATA 0
#define KCS_REG_STATUS 1

/* Status register bits. */
#define KCS_STATUS_OBF 0x01
#define KCS_STATUS_IBF 0x02
#define KCS_STATUS_SMS_ATN 0x04
#define KCS_STATUS_CD 0x08
#define KCS_STATUS_OEM1 0x10
#define KCS_STATUS_OEM2 0x20
#define KCS_STATUS_STATE_SHIFT 6

/* Values of the status register's state field. */
#define KCS_STATE_IDLE 0
#define KCS_STATE_READ 1
#define KCS_STATE_WRITE 2
#define KCS_STATE_ERROR 3

/* Control codes. */
#define KCS_CONTROL_GET_STATUS_ABORT 0x60
#define KCS_CONTROL_WRITE_START 0x61
#define KCS_CONTROL_WRITE_END 0x62
#define KCS_CONTROL_READ 0x68

/* Status codes reported by GET_STATUS_ABORT. */
#define KCS_ERROR_NO_ERROR 0x00
#define KCS_ERROR_ABORTED_BY_COMMAND 0x01
#define KCS_ERROR_ILLEGAL_CONTROL_CODE 0x02
#define KCS_ERROR_LENGTH_ERROR 0x06
#define KCS_ERROR_UNSPECIFIED 0xff

/* Transfer phases. */
enum kcs_phase {
    KCS_PHASE_IDLE = 0, /* No transfer in progress. */
    KCS_PHASE_WRITE_START = 1, /* WRITE_START accepted; the first request byte is due. */
    KCS_PHASE_WRITE_DATA = 2, /* Taking request bytes. */
    KCS_PHASE_WRITE_END = 3, /* WRITE_END accepted; the last request byte is due. */
    KCS_PHASE_BUSY = 4, /* The whole request went to the BMC; waiting for its response. */
    KCS_PHASE_READ = 5, /* Handing response bytes to the host, one per READ. */
    KCS_PHASE_ABORT_ACK = 6, /* GET_STATUS_ABORT accepted; the host's 00h data byte is due. */
    KCS_PHASE_ABORT_STATUS = 7, /* The status code is in data_out; the host's READ ends the abort. */
    KCS_PHASE_ERROR = 8, /* A protocol error; only GET_STATUS_ABORT leaves this phase. */
};
#define KCS_PHASE_COUNT 9

/*@
  // The status register's state field in each phase.
  logic integer kcs_state_of(integer phase) =
    phase == KCS_PHASE_IDLE ? KCS_STATE_IDLE :
    phase == KCS_PHASE_WRITE_START ? KCS_STATE_WRITE :
    phase == KCS_PHASE_WRITE_DATA ? KCS_STATE_WRITE :
    phase == KCS_PHASE_WRITE_END ? KCS_STATE_WRITE :
    phase == KCS_PHASE_BUSY ? KCS_STATE_WRITE :
    phase == KCS_PHASE_READ ? KCS_STATE_READ :
    phase == KCS_PHASE_ABORT_ACK ? KCS_STATE_WRITE :
    phase == KCS_PHASE_ABORT_STATUS ? KCS_STATE_READ :
    KCS_STATE_ERROR; // KCS_PHASE_ERROR

  // The IBF bit in each phase: set where the BMC has the request and the host must
  // wait for the response.
  logic integer kcs_ibf_of(integer phase) =
    (phase == KCS_PHASE_BUSY) ? KCS_STATUS_IBF : 0;

  predicate kcs_holds_ibf(integer phase) = kcs_ibf_of(phase) != 0;
*/

/*@
  requires phase < KCS_PHASE_COUNT;
  assigns \nothing;
  ensures \result == kcs_state_of(phase);
*/
unsigned int kcs_phase_state(uint8_t phase);

/*@
  assigns \nothing;
  ensures \result != 0 <==> kcs_holds_ibf(phase);
*/
bool kcs_phase_holds_ibf(uint8_t phase);

#endif /* KCS_MACHINE_H */
