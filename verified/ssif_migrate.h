/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SSIF machine in upstream QEMU 10.0's migration stream (hw/ipmi/smbus_ipmi.c,
 * vmstate_smbus_ipmi, section "smbus-ipmi" version 1): struct ssif_upstream holds
 * its fields as the stream carries them, and the functions here convert between
 * them and struct ssif_machine plus the device's read cursor (the bytes of the
 * current block read already handed out, count byte included). The binding moves
 * the fields in and out of the stream; what they mean is decided here.
 *
 * Upstream's fields: outmsg/outlen the response (0: none; zeroed when a request
 * goes to the BMC), currblk the chunk last loaded for reading (0: the first, or the
 * whole response), outbuf the block being read (count, then bytes), outpos the
 * bytes of it read, inmsg/inlen the request as assembled so far (left in place
 * after it is sent), waiting_rsp the id the next request gets and the answer must
 * quote. It has no interrupt: no alert enable and no attention.
 *
 * docs/devices.rst ("Migration") has the mapping as a table.
 */
#ifndef SSIF_MIGRATE_H
#define SSIF_MIGRATE_H

#include <stdbool.h>
#include <stdint.h>

#include "ssif.h"

/* Upstream's MAX_SSIF_IPMI_MSG_SIZE and its block buffer (count + chunk). */
#define SSIF_UPSTREAM_MSG_SIZE 255
#define SSIF_UPSTREAM_OUTBUF (SSIF_CHUNK + 1)

struct ssif_upstream {
    uint8_t waiting_rsp;
    uint32_t outlen;
    uint32_t currblk;
    uint8_t outmsg[SSIF_UPSTREAM_MSG_SIZE];
    uint32_t outpos;
    uint8_t outbuf[SSIF_UPSTREAM_OUTBUF];
    uint32_t inlen;
    uint8_t inmsg[SSIF_UPSTREAM_MSG_SIZE];
};

/*@
  // What the device adds to the machine: a read cursor within the block.
  predicate ssif_cursor(struct ssif_machine *m, integer sent) = 0 <= sent <= 1 + m->chunk_len;
*/

/*
 * Our machine as upstream would hold it: the request and response buffers as they
 * are, no response while a request is being written or is with the BMC, and the
 * read side as upstream's chunk counter and block buffer.
 */
/*@
  requires ssif_valid(m) && ssif_cursor(m, sent);
  requires \valid(u);
  requires \separated(m, u);
  assigns *u;
  ensures u->outlen <= SSIF_UPSTREAM_MSG_SIZE && u->inlen <= SSIF_UPSTREAM_MSG_SIZE;
  ensures u->outpos <= SSIF_UPSTREAM_OUTBUF && u->outbuf[0] <= SSIF_CHUNK;
  ensures u->outbuf[0] == m->chunk_len;
  ensures u->inlen == m->request_len;
  ensures ssif_busy(m) ==> u->waiting_rsp == m->request_id && u->outlen == 0;
  ensures !ssif_busy(m) && m->request_id < 255 ==> u->waiting_rsp == m->request_id + 1;
  ensures !ssif_busy(m) && m->request_id == 255 ==> u->waiting_rsp == 0;
*/
void ssif_migrate_to_upstream(const struct ssif_machine *m, uint8_t sent,
                              struct ssif_upstream *u);

/*
 * Upstream's fields as our machine and cursor. Where upstream cannot tell two of
 * our phases apart it is one state doing both; the choice is the one its host
 * most likely goes on with (see docs/devices.rst, "Migration"). False, with *m and *sent
 * unspecified, when the fields hold more than upstream's buffers or describe no
 * state the machine can be in (a request of one byte, a response shorter than
 * NetFn, command and completion code); true otherwise, and then the machine's
 * invariant holds. Alert enable and attention come back off.
 */
/*@
  requires \valid_read(u);
  requires \valid(m) && \valid(sent);
  requires \separated(m, u, sent);
  assigns *m, *sent;
  ensures \result != 0 ==> ssif_valid(m) && ssif_cursor(m, *sent);
  ensures \result != 0 ==> m->irq_enabled == 0 && m->attention == 0;
  ensures \result != 0 ==> m->request_len == u->inlen;
*/
bool ssif_migrate_from_upstream(const struct ssif_upstream *u, struct ssif_machine *m,
                                uint8_t *sent);

/*
 * Whether the stream needs our machine as well as upstream's fields: when those
 * would bring back another machine or cursor (compared on what the phase makes
 * live). The alert does not count: its enable and attention come back from the BMC
 * after the load (IPMIBmcClass.announce), and with the unread response upstream's
 * fields keep they give the same level. Counting it would send the subsection
 * whenever a Linux guest (which enables the alert at probe) has an answer waiting,
 * and a stock QEMU could not take such a stream.
 */
/*@
  requires ssif_valid(m) && ssif_cursor(m, sent);
  assigns \nothing;
*/
bool ssif_migrate_needs_machine(const struct ssif_machine *m, uint8_t sent);

/* Whether a machine and cursor from the stream's own subsection may be loaded. */
/*@
  requires \valid_read(m);
  assigns \nothing;
  ensures \result != 0 <==> ssif_invariant(m) && ssif_cursor(m, sent);
*/
bool ssif_migrate_machine_ok(const struct ssif_machine *m, uint8_t sent);

#endif /* SSIF_MIGRATE_H */
