/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BT machine in upstream QEMU 10.0's migration stream (hw/ipmi/ipmi_bt.c,
 * vmstate_IPMIBT "ipmi-interface-bt", version 1): struct bt_upstream holds those
 * fields as the stream carries them, and the functions here convert between them and
 * struct bt_machine, as kcs_migrate.h does for KCS. The binding moves the fields in
 * and out of the stream; everything that needs to know what they mean is here.
 *
 * Upstream keeps B_BUSY, B2H_ATN, SMS_ATN and H_BUSY in control_reg, B2H_IRQ_EN and
 * B2H_IRQ in mask_reg, the write pointer in inlen (counting on past its buffer), the
 * response framed whole in outmsg with its read pointer and length in outpos and
 * outlen (both dropped to 0 when the last byte is read), the request's sequence byte
 * in waiting_seq and the id its next request carries in waiting_rsp. Before handing a
 * request to the BMC it moves the NetFn over the sequence byte (inmsg[2] = inmsg[1]),
 * so that inmsg + 2 is the message: a request the BMC holds has inmsg[2] == inmsg[1].
 * docs/devices.rst ("Migration") has the mapping as a table.
 */
#ifndef BT_MIGRATE_H
#define BT_MIGRATE_H

#include <stdbool.h>
#include <stdint.h>

#include "bt.h"

/* Upstream's MAX_IPMI_MSG_SIZE: the size of its two buffers. */
#define BT_UPSTREAM_MSG_SIZE 300

/* The bits upstream keeps in its two registers; the others are write-only events. */
#define BT_UPSTREAM_CONTROL_BITS \
    (BT_CONTROL_B2H_ATN | BT_CONTROL_SMS_ATN | BT_CONTROL_H_BUSY | BT_CONTROL_B_BUSY)
#define BT_UPSTREAM_MASK_BITS (BT_MASK_B2H_IRQ_EN | BT_MASK_B2H_IRQ)

struct bt_upstream {
    bool obf_irq_set;       /* KCS's fields in upstream's BT: never set there */
    bool atn_irq_set;
    bool irqs_enabled;
    uint32_t outpos;
    uint32_t outlen;
    uint8_t outmsg[BT_UPSTREAM_MSG_SIZE];
    uint32_t inlen;
    uint8_t inmsg[BT_UPSTREAM_MSG_SIZE];
    uint8_t control_reg;
    uint8_t mask_reg;
    uint8_t waiting_rsp;    /* the id the BMC's answer must quote, or the next one's */
    uint8_t waiting_seq;
};

/*@
  // The bit of value that mask (a power of two) selects.
  predicate bt_bit(integer value, integer mask) = (value / mask) % 2 == 1;

  // What upstream's registers can hold: no write-only bit, nothing reserved.
  predicate bt_upstream_registers(struct bt_upstream *u) =
    u->control_reg % BT_CONTROL_B2H_ATN == 0 && !bt_bit(u->control_reg, BT_CONTROL_OEM0)
    && u->mask_reg <= BT_MASK_B2H_IRQ_EN + BT_MASK_B2H_IRQ;

  // A request the BMC holds: whole, and shuffled (the NetFn over the sequence byte).
  predicate bt_upstream_held(struct bt_upstream *u) =
    bt_bit(u->control_reg, BT_CONTROL_B_BUSY)
    && BT_HEADER_LEN <= u->inlen <= BT_REQUEST_CAPACITY
    && u->inmsg[0] == u->inlen - 1 && u->inmsg[2] == u->inmsg[1];

  // A response read to its end outside the RESPONSE phase: upstream drops it at its
  // last byte (a read then returns 0xff, as ours does), so it counts as none.
  predicate bt_response_spent(struct bt_machine *m) =
    m->phase != BT_PHASE_RESPONSE && m->response_pos == m->response_len;

  // Two machines no host access or BMC answer tells apart (but for a spent response):
  // the header and message matter only while the BMC holds the request.
  predicate bt_alike(struct bt_machine *a, struct bt_machine *b) =
    a->phase == b->phase && a->request_id == b->request_id
    && a->h_busy == b->h_busy && a->sms_atn == b->sms_atn
    && a->b2h_irq_en == b->b2h_irq_en && a->b2h_irq == b->b2h_irq
    && a->irq_enabled == b->irq_enabled && a->request_overrun == b->request_overrun
    && a->request_len == b->request_len
    && (\forall integer k; 0 <= k < a->request_len ==> a->request[k] == b->request[k])
    && ((bt_response_spent(a) && bt_response_spent(b))
        || (a->response_len == b->response_len && a->response_pos == b->response_pos
            && \forall integer k; 0 <= k < a->response_len ==>
               a->response[k] == b->response[k]))
    && (bt_busy(a) ==> a->seq == b->seq && a->netfn == b->netfn
        && a->command == b->command
        && \forall integer k; 0 <= k < a->request_len - BT_FRAMING_LEN ==>
           a->message[k] == b->message[k]);
*/

/*
 * Our machine as upstream would hold it: the registers as the host reads them, the
 * buffers (a request the BMC holds shuffled as upstream shuffles it), and a response
 * read to its end as upstream leaves one, with no pointers.
 */
/*@
  requires bt_valid(m);
  requires \valid(u);
  requires \separated(m, u);
  assigns *u;
  ensures u->outpos < u->outlen <= BT_RESPONSE_CAPACITY || (u->outpos == 0 && u->outlen == 0);
  ensures u->inlen <= BT_REQUEST_CAPACITY + 1;
  ensures u->control_reg == bt_control_of(m) && u->mask_reg == bt_mask_of(m);
  ensures u->irqs_enabled == m->irq_enabled && u->waiting_seq == m->seq;
  ensures u->obf_irq_set == 0 && u->atn_irq_set == 0;
  ensures bt_busy(m) ==> u->waiting_rsp == m->request_id && u->inlen == m->request_len;
  ensures bt_busy(m) ==> u->inmsg[2] == m->request[1];
  ensures !bt_busy(m) ==> u->waiting_rsp == (m->request_id + 1) % 256;
*/
void bt_migrate_to_upstream(const struct bt_machine *m, struct bt_upstream *u);

/*
 * Upstream's fields as our machine. False, with *m unspecified, when they describe no
 * state the machine can be in: a bit upstream's registers do not keep, a response
 * longer than ours or read past its end, or B2H_ATN offering a response that is not
 * framed whole. B_BUSY without a request the BMC holds (upstream stays busy on a
 * request too short or of the wrong length, which it drops) becomes what ours is after
 * the same writes: not busy. A write pointer past the buffer is an overrun.
 */
/*@
  requires \valid_read(u);
  requires \valid(m);
  requires \separated(m, u);
  assigns *m;
  ensures !\old(bt_upstream_registers(u)) ==> \result == 0;
  ensures \old(u->outlen > BT_RESPONSE_CAPACITY || u->outpos > u->outlen) ==> \result == 0;
  ensures \result != 0 ==> bt_valid(m);
  ensures \result != 0 ==> (bt_busy(m) <==> \old(bt_upstream_held(u)));
  ensures \result != 0 && m->phase == BT_PHASE_RESPONSE ==>
          bt_bit(\old(u->control_reg), BT_CONTROL_B2H_ATN);
  ensures \result != 0 && !bt_busy(m) && !bt_bit(\old(u->control_reg), BT_CONTROL_B2H_ATN)
          ==> m->phase == BT_PHASE_IDLE;
  ensures \result != 0 ==>
          (m->h_busy != 0 <==> bt_bit(\old(u->control_reg), BT_CONTROL_H_BUSY));
  ensures \result != 0 ==>
          (m->sms_atn != 0 <==> bt_bit(\old(u->control_reg), BT_CONTROL_SMS_ATN));
  ensures \result != 0 ==> bt_mask_of(m) == \old(u->mask_reg);
  ensures \result != 0 ==> m->irq_enabled == \old(u->irqs_enabled);
  ensures \result != 0 && bt_busy(m) ==> m->request_id == \old(u->waiting_rsp);
  ensures \result != 0 && !bt_busy(m) ==>
          m->request_id == (\old(u->waiting_rsp) + 255) % 256;
  ensures \result != 0 ==>
          (m->request_overrun != 0 <==> \old(u->inlen) > BT_REQUEST_CAPACITY);
  ensures \result != 0 && \old(u->outlen) > 0 ==>
          m->response_len == \old(u->outlen) && m->response_pos == \old(u->outpos);
*/
bool bt_migrate_from_upstream(const struct bt_upstream *u, struct bt_machine *m);

/*
 * Whether b is a as far as the host and the BMC can tell: the binding converts a
 * machine to upstream's fields and back, and sends the machine itself (a subsection)
 * only when what comes back is not alike.
 */
/*@
  requires bt_valid(a) && bt_valid(b);
  assigns \nothing;
  ensures \result != 0 <==> bt_alike(a, b);
*/
bool bt_migrate_alike(const struct bt_machine *a, const struct bt_machine *b);

#endif /* BT_MIGRATE_H */
