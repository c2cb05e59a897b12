/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The receive message queue: a ring of BMC_MSGQ_DEPTH slots (see msgq.h). */
#include "msgq.h"

#include "bytes.h"

void msgq_init(struct bmc_msgq *q)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= BMC_MSGQ_DEPTH;
      loop assigns i, q->messages[0 .. BMC_MSGQ_DEPTH - 1][0 .. BMC_MSGQ_MESSAGE_MAX - 1],
                   q->lengths[0 .. BMC_MSGQ_DEPTH - 1];
      loop variant BMC_MSGQ_DEPTH - i;
    */
    for (i = 0; i < BMC_MSGQ_DEPTH; i++) {
        bytes_clear(q->messages[i], BMC_MSGQ_MESSAGE_MAX);
        q->lengths[i] = 0;
    }
    msgq_clear(q);
}

void msgq_clear(struct bmc_msgq *q)
{
    q->head = 0;
    q->count = 0;
}

bool msgq_full(const struct bmc_msgq *q)
{
    return q->count == BMC_MSGQ_DEPTH;
}

void msgq_push(struct bmc_msgq *q, const uint8_t *msg, size_t len)
{
    size_t slot = (q->head + q->count) % BMC_MSGQ_DEPTH;

    bytes_copy(q->messages[slot], msg, len);
    q->lengths[slot] = (uint8_t)len;
    q->count++;
}

size_t msgq_pop(struct bmc_msgq *q, uint8_t *out)
{
    size_t slot = q->head;
    size_t len = q->lengths[slot] <= BMC_MSGQ_MESSAGE_MAX ? q->lengths[slot]
                                                          : BMC_MSGQ_MESSAGE_MAX;

    bytes_copy(out, q->messages[slot], BMC_MSGQ_MESSAGE_MAX);
    q->head = (uint8_t)((slot + 1) % BMC_MSGQ_DEPTH);
    q->count--;
    return len;
}
