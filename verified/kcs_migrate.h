/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The KCS machine in upstream QEMU 10.0's migration stream (hw/ipmi/ipmi_kcs.c,
 * vmstate_IPMIKCS version 2): struct kcs_upstream holds those fields as the stream
 * carries them, and the two functions here convert between them and struct
 * kcs_machine. The binding moves the fields in and out of the stream; everything
 * that needs to know what they mean is here.
 *
 * docs/devices.rst ("Migration") has the mapping as a table.
 */
#ifndef KCS_MIGRATE_H
#define KCS_MIGRATE_H

#include <stdbool.h>
#include <stdint.h>

#include "kcs.h"

/* Upstream's MAX_IPMI_MSG_SIZE: the size of its two buffers. */
#define KCS_UPSTREAM_MSG_SIZE 300

/* Upstream's bits of status_reg, and its "register not written" value. */
#define KCS_UPSTREAM_STATE_SHIFT 6
#define KCS_UPSTREAM_NOT_WRITTEN (-1)

struct kcs_upstream {
    bool obf_irq_set;
    bool atn_irq_set;
    bool irqs_enabled;
    uint32_t outpos;
    uint32_t outlen;
    uint8_t outmsg[KCS_UPSTREAM_MSG_SIZE];
    uint32_t inlen;
    uint8_t inmsg[KCS_UPSTREAM_MSG_SIZE];
    bool write_end;
    uint8_t status_reg;
    uint8_t data_out_reg;
    int16_t data_in_reg;
    int16_t cmd_reg;
    uint8_t waiting_rsp;    /* the id upstream's next request will carry */
};

/*
 * Our machine as upstream would hold it. ABORT_ACK becomes upstream's error state
 * with the status code as its one byte to send (a 00h write then brings it, as
 * ours does); ABORT_STATUS becomes a read with that byte already handed out.
 */
/*@
  requires kcs_valid(m);
  requires \valid(u);
  requires \separated(m, u);
  assigns *u;
  ensures u->outpos <= u->outlen <= KCS_UPSTREAM_MSG_SIZE;
  ensures u->inlen <= KCS_UPSTREAM_MSG_SIZE;
  ensures u->data_in_reg == KCS_UPSTREAM_NOT_WRITTEN;
  ensures u->cmd_reg == KCS_UPSTREAM_NOT_WRITTEN;
  ensures u->data_out_reg == m->data_out;
  ensures u->irqs_enabled == m->irq_enabled;
  ensures u->obf_irq_set == m->obf_irq && u->atn_irq_set == m->atn_irq;
*/
void kcs_migrate_to_upstream(const struct kcs_machine *m, struct kcs_upstream *u);

/*
 * Upstream's fields as our machine. False, with *m unspecified, when they describe
 * no state the machine can be in: a read past the end of the response or a response
 * longer than the buffer, a request held for the BMC (IBF) outside the write state,
 * after WRITE_END, with a command pending, empty or longer than the buffer. True otherwise,
 * and then the machine's invariant holds.
 */
/*@
  requires \valid_read(u);
  requires \valid(m);
  requires \separated(m, u);
  assigns *m;
  ensures \result != 0 ==> kcs_valid(m);
  ensures \result != 0 ==> m->data_out == u->data_out_reg;
  ensures \result != 0 ==> m->irq_enabled == u->irqs_enabled;
  ensures \result != 0 ==> m->obf_irq == u->obf_irq_set && m->atn_irq == u->atn_irq_set;
*/
bool kcs_migrate_from_upstream(const struct kcs_upstream *u, struct kcs_machine *m);

/*@
  // Two machines no host access or BMC answer tells apart: the request matters while
  // it is written or held, the response while it is read.
  predicate kcs_alike(struct kcs_machine *a, struct kcs_machine *b) =
    a->phase == b->phase && a->data_out == b->data_out && a->obf == b->obf
    && a->cd == b->cd && a->atn == b->atn && a->error == b->error
    && a->request_id == b->request_id && a->irq_enabled == b->irq_enabled
    && a->obf_irq == b->obf_irq && a->atn_irq == b->atn_irq
    && (KCS_PHASE_WRITE_START <= a->phase <= KCS_PHASE_BUSY ==>
        a->request_len == b->request_len
        && \forall integer k; 0 <= k < a->request_len ==> a->request[k] == b->request[k])
    && (a->phase == KCS_PHASE_READ ==>
        a->response_len == b->response_len && a->response_pos == b->response_pos
        && \forall integer k; 0 <= k < a->response_len ==>
           a->response[k] == b->response[k]);
*/

/*
 * Whether b is a as far as the host and the BMC can tell: the binding converts a
 * machine to upstream's fields and back, and sends the machine itself (a subsection)
 * only when what comes back is not alike (ERROR comes back as ABORT_ACK, ABORT_STATUS
 * as READ, an error code outside the error phases as none).
 */
/*@
  requires kcs_valid(a) && kcs_valid(b);
  assigns \nothing;
  ensures \result != 0 <==> kcs_alike(a, b);
*/
bool kcs_migrate_alike(const struct kcs_machine *a, const struct kcs_machine *b);

#endif /* KCS_MIGRATE_H */
