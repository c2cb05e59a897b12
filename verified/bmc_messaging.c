/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Send Message and Get Message (App NetFn, IPMI 2.0 sections 22.6, 22.7): system
 * software talks through the BMC to a management controller on the IPMB, and fetches
 * the answer from the receive message queue (verified/msgq.h).
 *
 * The IPMB here holds one other controller, at slave address 40h, as upstream QEMU's:
 * it answers Get Device ID and refuses every other command (C1h). A message to any
 * other address is not acknowledged (83h). A request with a bad checksum, not from
 * this BMC's address or not for LUN 2 (the one system software's answers come back
 * on) is sent and gets no answer, as on a real bus.
 */
#include "bmc.h"
#include "cmd_app.h"

#include "bytes.h"
#include "msgq.h"

#define IPMB_PEER_ADDRESS 0x40
#define IPMB_SMS_LUN 2              /* the BMC's LUN for system software's messages */
#define IPMB_HEADER 6               /* rsSA, NetFn/LUN, checksum, rqSA, rqSeq/LUN, cmd */
#define IPMB_NETFN_APP 0x06
#define IPMB_CMD_GET_DEVICE_ID 0x01
/* What the controller at 40h says of itself: device 0, IPMI 1.5, nothing else. */
#define IPMB_PEER_DEVICE_ID_LEN 11
#define IPMB_PEER_IPMI_VERSION 0x51

/* The sum of p[0 .. len - 1] modulo 256: zero over a field and its checksum. */
/*@
  requires \valid_read(p + (0 .. len - 1));
  assigns \nothing;
*/
static uint8_t ipmb_sum(const uint8_t *p, size_t len)
{
    uint8_t sum = 0;
    size_t i;

    /*@
      loop invariant 0 <= i <= len;
      loop assigns i, sum;
      loop variant len - i;
    */
    for (i = 0; i < len; i++) {
        sum = (uint8_t)(sum + p[i]);
    }
    return sum;
}

/* Whether the request is a well-formed IPMB request from this BMC to system software's
   LUN: both checksums right, rqSA ours. */
/*@
  requires \valid_read(m + (0 .. len - 1)) && len >= IPMB_HEADER + 1;
  assigns \nothing;
*/
static bool ipmb_request_for_us(const uint8_t *m, size_t len, uint8_t our_address)
{
    return ipmb_sum(m, 3) == 0 && ipmb_sum(m + 3, len - 3) == 0 && m[3] == our_address &&
           (m[4] & 3) == IPMB_SMS_LUN;
}

/*
 * The controller's answer to request m, as the BMC receives it and Get Message hands
 * it on (the message without its first byte, rqSA: section 22.6): NetFn/rqLUN,
 * checksum, rsSA, rqSeq/rsLUN, command, completion code, data, checksum. The first
 * checksum still covers rqSA. Returns its length.
 */
/*@
  requires \valid_read(m + (0 .. len - 1)) && len >= IPMB_HEADER + 1;
  requires \valid(out + (0 .. BMC_MSGQ_MESSAGE_MAX - 1));
  requires \separated(m + (0 .. len - 1), out + (0 .. BMC_MSGQ_MESSAGE_MAX - 1));
  assigns out[0 .. BMC_MSGQ_MESSAGE_MAX - 1];
  ensures 7 <= \result <= BMC_MSGQ_MESSAGE_MAX;
*/
static size_t ipmb_peer_answer(const uint8_t *m, size_t len, uint8_t *out)
{
    uint8_t netfn = (uint8_t)(m[1] >> 2);
    size_t n = 0;

    /* The response's NetFn is the request's with bit 0 set: bit 2 of the byte. */
    out[n++] = (uint8_t)((m[1] & 0xfc) | 0x04 | (m[4] & 3));
    out[n++] = (uint8_t)(0 - (uint8_t)(m[3] + out[0]));
    out[n++] = m[0];
    out[n++] = (uint8_t)((m[4] & 0xfc) | (m[1] & 3));
    out[n++] = m[5];
    if (netfn == IPMB_NETFN_APP && m[5] == IPMB_CMD_GET_DEVICE_ID) {
        out[n++] = IPMI_CC_SUCCESS;
        bytes_clear(out + n, IPMB_PEER_DEVICE_ID_LEN);
        out[n + 4] = IPMB_PEER_IPMI_VERSION;
        n += IPMB_PEER_DEVICE_ID_LEN;
    } else {
        out[n++] = IPMI_CC_INVALID_COMMAND;
    }
    out[n] = (uint8_t)(0 - ipmb_sum(out + 2, n - 2));
    (void)len;
    return n + 1;
}

/* A message has come in: the flag and attention say so. */
/*@
  requires \valid(b) && \valid(call) && \separated(b, call);
  assigns b->state.msg_flags, call->effects.attention_changed, call->effects.attention,
          call->effects.attention_irq;
  ensures (b->state.msg_flags & BMC_FLAG_RCV_MSG_AVAILABLE) != 0;
  ensures call->effects.attention_changed && call->effects.attention;
*/
static void bmc_message_arrived(struct bmc *b, struct bmc_call *call)
{
    b->state.msg_flags |= BMC_FLAG_RCV_MSG_AVAILABLE;
    call->effects.attention_changed = true;
    call->effects.attention = true;
    call->effects.attention_irq = bmc_attention_irq(b);
}

/*@
  ensures (req->channel != 0) ==> \result == IPMI_CC_INVALID_DATA_FIELD;
  ensures req->channel == 0 && req->message[0] != IPMB_PEER_ADDRESS ==>
          \result == IPMI_CC_NAK_ON_WRITE;
  ensures \result == IPMI_CC_NODE_BUSY ==>
          \old(b->state.msgq.count) == BMC_MSGQ_DEPTH && b->state.msgq.count == BMC_MSGQ_DEPTH;
  ensures b->state.msgq.count <= \old(b->state.msgq.count) + 1;
*/
uint8_t app_send_message(struct bmc *b, struct bmc_call *call,
                         const struct app_send_message_req *req)
{
    uint8_t answer[BMC_MSGQ_MESSAGE_MAX];
    size_t len;

    if (req->channel != 0) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    if (req->message[0] != IPMB_PEER_ADDRESS) {
        return IPMI_CC_NAK_ON_WRITE;
    }
    if (msgq_full(&b->state.msgq)) {
        return IPMI_CC_NODE_BUSY;
    }
    if (ipmb_request_for_us(req->message, req->message_len, b->config.slave_addr)) {
        len = ipmb_peer_answer(req->message, req->message_len, answer);
        msgq_push(&b->state.msgq, answer, len);
        bmc_message_arrived(b, call);
    }
    return IPMI_CC_SUCCESS;
}

/* The oldest message; the last one taken drops the flag and, with it, attention if
   nothing else wants it. */
/*@
  ensures \old(b->state.msgq.count) == 0 <==> \result == IPMI_CC_DATA_NOT_AVAILABLE;
  ensures \result == IPMI_CC_SUCCESS ==>
          b->state.msgq.count == \old(b->state.msgq.count) - 1 && rsp->channel == 0;
  ensures \result == IPMI_CC_SUCCESS && b->state.msgq.count == 0 ==>
          (b->state.msg_flags & BMC_FLAG_RCV_MSG_AVAILABLE) == 0
          && call->effects.attention_changed;
*/
uint8_t app_get_message(struct bmc *b, struct bmc_call *call, struct app_get_message_rsp *rsp)
{
    if (b->state.msgq.count == 0) {
        return IPMI_CC_DATA_NOT_AVAILABLE;
    }
    rsp->channel = 0;
    rsp->data_len = msgq_pop(&b->state.msgq, rsp->data);
    if (b->state.msgq.count == 0) {
        b->state.msg_flags &= (uint8_t)~BMC_FLAG_RCV_MSG_AVAILABLE;
        call->effects.attention_changed = true;
        call->effects.attention = b->state.msg_flags != 0;
        call->effects.attention_irq = bmc_attention_irq(b);
    }
    return IPMI_CC_SUCCESS;
}
