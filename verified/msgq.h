/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The receive message queue (IPMI 2.0 section 6.13): the messages the BMC holds for
 * system software to fetch with Get Message, oldest first.
 *
 * Its depth is fixed, so a guest that sends and never fetches fills it and is then
 * told so (Send Message answers "node busy"); it never grows. A message's length is
 * kept beside it; a length above BMC_MSGQ_MESSAGE_MAX (which only a corrupt migration
 * stream could bring, and which is refused there) would be read as the maximum.
 */
#ifndef MSGQ_H
#define MSGQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BMC_MSGQ_DEPTH 8
#define BMC_MSGQ_MESSAGE_MAX 32   /* an IPMB message: header, data, checksum */

struct bmc_msgq {
    uint8_t messages[BMC_MSGQ_DEPTH][BMC_MSGQ_MESSAGE_MAX];
    uint8_t lengths[BMC_MSGQ_DEPTH];
    uint8_t head;              /* the oldest message's slot */
    uint8_t count;             /* messages held, from head on, wrapping */
};

/*@
  predicate msgq_valid(struct bmc_msgq *q) =
    q->head < BMC_MSGQ_DEPTH && q->count <= BMC_MSGQ_DEPTH;

  logic integer msgq_length_of(struct bmc_msgq *q, integer slot) =
    q->lengths[slot] <= BMC_MSGQ_MESSAGE_MAX ? q->lengths[slot] : BMC_MSGQ_MESSAGE_MAX;
*/

/*@
  requires \valid(q);
  assigns *q;
  ensures msgq_valid(q) && q->count == 0;
*/
void msgq_init(struct bmc_msgq *q);

/*@
  requires \valid(q);
  assigns *q;
  ensures msgq_valid(q) && q->count == 0;
*/
void msgq_clear(struct bmc_msgq *q);

/*@
  requires \valid_read(q) && msgq_valid(q);
  assigns \nothing;
  ensures \result <==> q->count == BMC_MSGQ_DEPTH;
*/
bool msgq_full(const struct bmc_msgq *q);

/* Appends msg[0 .. len - 1]; the caller has checked that the queue is not full. */
/*@
  requires \valid(q) && msgq_valid(q) && q->count < BMC_MSGQ_DEPTH;
  requires len <= BMC_MSGQ_MESSAGE_MAX && \valid_read(msg + (0 .. len - 1));
  requires \separated(q, msg + (0 .. len - 1));
  assigns *q;
  ensures msgq_valid(q) && q->count == \old(q->count) + 1 && q->head == \old(q->head);
*/
void msgq_push(struct bmc_msgq *q, const uint8_t *msg, size_t len);

/*
 * Takes the oldest message into out[0 .. BMC_MSGQ_MESSAGE_MAX - 1] and returns its
 * length; the queue must not be empty.
 */
/*@
  requires \valid(q) && msgq_valid(q) && q->count > 0;
  requires \valid(out + (0 .. BMC_MSGQ_MESSAGE_MAX - 1)) && \separated(q, out + (0 .. BMC_MSGQ_MESSAGE_MAX - 1));
  assigns *q, out[0 .. BMC_MSGQ_MESSAGE_MAX - 1];
  ensures msgq_valid(q) && q->count == \old(q->count) - 1;
  ensures \result == msgq_length_of(q, \old(q->head));
  ensures \result <= BMC_MSGQ_MESSAGE_MAX;
*/
size_t msgq_pop(struct bmc_msgq *q, uint8_t *out);

#endif /* MSGQ_H */
