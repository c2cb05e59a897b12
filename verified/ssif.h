/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SSIF system interface, BMC side (IPMI v2.0 section 12): the machine a device
 * forwards each SMBus transfer to.
 *
 * The caller owns a struct ssif_machine; every call returns what the caller must do
 * (acknowledge the transfer or not, raise or lower SMBus alert, hand a request to the
 * BMC). The machine calls nothing back, keeps no globals and never allocates. Its
 * transfer rules come from spec/ssif.yaml through generated/ssif_machine.{h,c}; this
 * file and ssif.c hold what no spec changes: the framing of a block, the alert, and
 * the checks around each step.
 */
#ifndef SSIF_H
#define SSIF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ipmi_messages.h"
#include "ssif_machine.h"

struct ssif_machine {
    uint8_t phase;          /* enum ssif_phase */
    uint8_t request_id;     /* names the request in flight; a response must quote it */
    uint8_t netfn;          /* the request's NetFn/LUN and command, which its answer */
    uint8_t command;        /* repeats */
    bool attention;         /* the BMC has a message or event for system software */
    bool irq_enabled;       /* the BMC enabled interrupts: SMBus alert (Set BMC Global Enables) */
    bool response_unread;   /* a response is ready and the host has not begun reading it */
    bool refused;           /* the last transfer is not acknowledged (SMBus NAK) */
    bool block_bad;         /* the block written is malformed */
    uint8_t block_len;      /* message bytes in the block written */
    uint8_t retry_block;    /* the chunk a retry names */
    uint8_t next_block;     /* the number of the next chunk of a response in parts (1: the first middle) */
    uint8_t chunk_len;      /* bytes the last read returns */
    uint16_t request_len;
    uint16_t response_len;
    uint8_t block[SSIF_CHUNK];
    uint8_t chunk[SSIF_CHUNK];
    /* The request as the BMC takes it: NetFn/LUN, command, data. */
    uint8_t request[SSIF_REQUEST_CAPACITY];
    /* The response as the BMC gives it: NetFn/LUN, command, completion code, data. */
    uint8_t response[SSIF_RESPONSE_CAPACITY];
};

/* What a transfer returns: whether it is acknowledged, the bytes a read returns, the
 * alert line and whether a request is ready. */
struct ssif_result {
    uint8_t len;            /* bytes of ssif_machine_chunk() the read returns; 0 for writes */
    bool nak;               /* do not acknowledge the transfer */
    bool alert_changed;     /* set the SMBus alert line to alert_level */
    bool alert_level;
    bool request;           /* ssif_machine_message() is complete: hand it to the BMC */
};

/*@
  // Where a chunk of a response in parts begins: 0 for the first, then after the
  // first chunk's message bytes and a middle chunk's for each chunk before it.
  logic integer ssif_chunk_pos(integer n) =
    n == 0 ? 0 : SSIF_FIRST_CHUNK_DATA + (n - 1) * SSIF_MIDDLE_CHUNK_DATA;

  // Pointers within their buffers and a known phase.
  predicate ssif_bounds(struct ssif_machine *m) =
    m->phase < SSIF_PHASE_COUNT
    && m->block_len <= SSIF_CHUNK && m->chunk_len <= SSIF_CHUNK
    && m->request_len <= SSIF_REQUEST_CAPACITY
    && m->response_len <= SSIF_RESPONSE_CAPACITY;

  // What every function keeps: the bounds, a request with NetFn and command while one
  // is being written or the BMC holds it, a response with NetFn, command and completion
  // code while one is ready, and a chunk count past the first while reading in parts.
  predicate ssif_invariant(struct ssif_machine *m) =
    ssif_bounds(m)
    && ((ssif_awaits(m->phase) || m->phase == SSIF_PHASE_WRITING) ==>
        m->request_len >= IPMI_REQUEST_HEADER)
    && ((m->phase == SSIF_PHASE_RESPONSE || m->phase == SSIF_PHASE_READING) ==>
        m->response_len >= IPMI_RESPONSE_HEADER)
    && (m->phase == SSIF_PHASE_READING ==> m->next_block >= 1);

  predicate ssif_valid(struct ssif_machine *m) = \valid(m) && ssif_invariant(m);

  predicate ssif_busy(struct ssif_machine *m) = ssif_awaits(m->phase);

  // SMBus alert: the BMC has enabled it and has a response or something else waiting.
  predicate ssif_alert_level(struct ssif_machine *m) =
    m->irq_enabled != 0 && (m->response_unread != 0 || m->attention != 0);

  // A result reports the alert line as it is at After, and whether it moved since Before.
  predicate ssif_reports_alert{Before, After}(struct ssif_result r, struct ssif_machine *m) =
    (r.alert_level != 0 <==> ssif_alert_level{After}(m))
    && (r.alert_changed != 0 <==> !(ssif_alert_level{Before}(m) <==> ssif_alert_level{After}(m)));
*/

/*@
  requires \valid(m);
  assigns *m;
  ensures ssif_valid(m);
  ensures m->phase == SSIF_PHASE_IDLE && m->request_len == 0 && m->response_len == 0;
  ensures m->attention == 0 && m->irq_enabled == 0 && !ssif_alert_level(m);
*/
void ssif_machine_init(struct ssif_machine *m);

/*
 * A reset of the host side: any transfer ends and the buffers empty, as after
 * power-on; what the BMC set stays (its alert enable, attention), and so does the
 * request id, so that a late answer to a request from before the reset cannot match a
 * new one.
 */
/*@
  requires ssif_valid(m);
  assigns *m;
  ensures ssif_valid(m);
  ensures m->phase == SSIF_PHASE_IDLE && m->request_len == 0 && m->response_len == 0;
  ensures m->irq_enabled == \old(m->irq_enabled) && m->attention == \old(m->attention);
  ensures m->request_id == \old(m->request_id);
  ensures ssif_reports_alert{Pre, Here}(\result, m);
  ensures \result.request == 0 && \result.nak == 0 && \result.len == 0;
*/
struct ssif_result ssif_machine_reset(struct ssif_machine *m);

/*
 * Whether a state from outside (a migration stream) is one the machine can be in:
 * every other function may assume it.
 */
/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result != 0 <==> ssif_invariant(m);
*/
bool ssif_machine_consistent(const struct ssif_machine *m);

/*
 * An SMBus block write with SMBus command `command`: `data` is what follows the
 * command byte, the block's byte count first. A request reaches the BMC only whole and
 * only when none is in flight; a write the machine refuses is not acknowledged.
 */
/*@
  requires ssif_valid(m);
  requires \valid_read(data + (0 .. len - 1));
  requires \separated(m, data + (0 .. len - 1));
  assigns *m;
  ensures ssif_valid(m);
  ensures ssif_reports_alert{Pre, Here}(\result, m);
  ensures \result.len == 0;
  ensures \result.request != 0 <==> ssif_busy(m) && !ssif_busy{Pre}(m);
  ensures \result.request != 0 ==> m->request_id != \old(m->request_id);
  ensures \result.request != 0 ==> m->request_len >= IPMI_REQUEST_HEADER;
  ensures ssif_busy{Pre}(m) ==> ssif_busy(m) && \result.nak != 0
          && m->request_id == \old(m->request_id);
*/
struct ssif_result ssif_machine_write_block(struct ssif_machine *m, uint8_t command,
                                            const uint8_t *data, size_t len);

/*
 * An SMBus block read with SMBus command `command`; `block_number` is the byte a
 * retry (0Ah) names, and is ignored otherwise. The block's bytes (without the SMBus
 * byte count) are ssif_machine_chunk()'s first \result.len; with no response to give
 * the read is not acknowledged and returns none.
 */
/*@
  requires ssif_valid(m);
  assigns *m;
  ensures ssif_valid(m);
  ensures ssif_reports_alert{Pre, Here}(\result, m);
  ensures \result.request == 0;
  ensures \result.len == m->chunk_len && \result.len <= SSIF_CHUNK;
  ensures \result.nak != 0 ==> \result.len == 0;
  ensures ssif_busy(m) <==> ssif_busy{Pre}(m);
  ensures m->request_id == \old(m->request_id);
  ensures ssif_busy{Pre}(m) ==> \result.nak != 0;
*/
struct ssif_result ssif_machine_read_block(struct ssif_machine *m, uint8_t command,
                                           uint8_t block_number);

/*@
  requires \valid_read(m);
  assigns \result \from m;
  ensures \result == &m->chunk[0];
*/
const uint8_t *ssif_machine_chunk(const struct ssif_machine *m);

/*
 * The request the BMC is to answer, as IPMI messages are everywhere: NetFn/LUN,
 * command, data. It stays as it is while the BMC holds it.
 */
/*@
  requires ssif_valid(m) && ssif_busy(m);
  assigns \result \from m;
  ensures \result == &m->request[0];
*/
const uint8_t *ssif_machine_message(const struct ssif_machine *m);

/*@
  requires ssif_valid(m) && ssif_busy(m);
  assigns \nothing;
  ensures \result == m->request_len;
  ensures IPMI_REQUEST_HEADER <= \result <= SSIF_REQUEST_CAPACITY;
*/
size_t ssif_machine_message_len(const struct ssif_machine *m);

/*
 * The BMC's response to request `request_id`. One that quotes another request, or
 * arrives when none waits, belongs to a request the host abandoned: it is dropped.
 */
/*@
  requires ssif_valid(m);
  requires \valid_read(response + (0 .. len - 1));
  requires \separated(m, response + (0 .. len - 1));
  assigns *m;
  ensures ssif_valid(m);
  ensures ssif_reports_alert{Pre, Here}(\result, m);
  ensures \result.request == 0 && \result.len == 0 && \result.nak == 0;
  behavior answer:
    assumes request_id == m->request_id && ssif_busy(m);
    ensures m->phase == SSIF_PHASE_RESPONSE && m->response_unread != 0;
  behavior stale:
    assumes request_id != m->request_id || !ssif_busy(m);
    assigns \nothing;
  complete behaviors;
  disjoint behaviors;
*/
struct ssif_result ssif_machine_respond(struct ssif_machine *m, uint8_t request_id,
                                        const uint8_t *response, size_t len);

/*
 * Attention, which the BMC sets when it has a message or event for system software
 * (SMS_ATN on KCS and BT). SSIF has no register to show it: it raises SMBus alert,
 * when the BMC has enabled alerts; the host then fetches the message flags.
 */
/*@
  requires ssif_valid(m);
  assigns m->attention;
  ensures ssif_valid(m);
  ensures m->attention == on;
  ensures ssif_reports_alert{Pre, Here}(\result, m);
  ensures \result.request == 0 && \result.len == 0 && \result.nak == 0;
*/
struct ssif_result ssif_machine_set_attention(struct ssif_machine *m, bool on);

/*@
  requires ssif_valid(m);
  assigns m->irq_enabled;
  ensures ssif_valid(m);
  ensures m->irq_enabled == on;
  ensures ssif_reports_alert{Pre, Here}(\result, m);
  ensures \result.request == 0 && \result.len == 0 && \result.nak == 0;
*/
struct ssif_result ssif_machine_set_irq_enable(struct ssif_machine *m, bool on);

#endif /* SSIF_H */
