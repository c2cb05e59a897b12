/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * OpenIPMI's VM protocol: the decoder and the encoders. Contracts are in vm_codec.h.
 */
#include "vm_codec.h"

#include "bytes.h"

void vm_decoder_init(struct vm_decoder *d, uint8_t sender)
{
    d->sender = sender;
    d->escape = false;
    d->fault = VM_FAULT_NONE;
    d->len = 0;
    bytes_clear(d->buf, VM_FRAME_CAPACITY);
}

void vm_decoder_reset(struct vm_decoder *d)
{
    d->len = 0;
    d->escape = false;
    d->fault = VM_FAULT_NONE;
}

uint8_t vm_sum_bytes(const uint8_t *p, size_t n)
{
    uint8_t sum = 0;
    size_t i;

    /*@
      loop invariant 0 <= i <= n;
      loop invariant sum == vm_sum(p, i);
      loop assigns i, sum;
      loop variant n - i;
    */
    for (i = 0; i < n; i++) {
        sum = (uint8_t)((sum + p[i]) % 256);
    }
    return sum;
}

/*@
  assigns \nothing;
  ensures \result.kind == VM_EVENT_NONE && \result.frame == frame;
  ensures \result.start == 0 && \result.len == len;
*/
static struct vm_event vm_event_of(uint8_t frame, uint16_t len)
{
    struct vm_event e;

    e.kind = VM_EVENT_NONE;
    e.frame = frame;
    e.seq = 0;
    e.code = 0;
    e.start = 0;
    e.len = len;
    return e;
}

/*
 * A decoded byte joins the frame, unless the frame is full: then the rest of it is
 * dropped, and its end reports it overlong.
 */
/*@
  requires vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0;
  assigns d->len, d->fault, d->buf[0 .. VM_FRAME_CAPACITY - 1];
  ensures vm_decoder_valid(d) && d->escape == 0;
  ensures \forall integer i; 0 <= i < VM_FRAME_CAPACITY && i != \old(d->len) ==>
          d->buf[i] == \old(d->buf[i]);
  ensures \old(d->len) < VM_FRAME_CAPACITY ==>
          d->fault == VM_FAULT_NONE && d->len == \old(d->len) + 1 && d->buf[\old(d->len)] == b;
  ensures \old(d->len) == VM_FRAME_CAPACITY ==>
          d->fault == VM_FAULT_OVERLONG && d->len == \old(d->len);
*/
static void vm_store(struct vm_decoder *d, uint8_t b)
{
    if (d->len == VM_FRAME_CAPACITY) {
        d->fault = VM_FAULT_OVERLONG;
        return;
    }
    d->buf[d->len] = b;
    d->len++;
}

/*
 * An end marker: judge the frame, then start the next one empty. The frame's bytes
 * stay in the buffer for the caller to read.
 */
/*@
  requires vm_decoder_valid(d);
  requires vm_end(marker);
  assigns d->escape, d->fault, d->len;
  ensures vm_decoder_valid(d) && vm_decoder_idle(d);
  ensures vm_event_in_buffer(\result);
  ensures vm_judged{Pre}(d, marker, \result);
*/
static struct vm_event vm_frame_end(struct vm_decoder *d, uint8_t marker)
{
    bool message = marker == VM_MESSAGE_END;
    struct vm_event e = vm_event_of(message ? VM_FRAME_MESSAGE : VM_FRAME_COMMAND, d->len);

    if (d->escape || d->fault == VM_FAULT_ESCAPE) {
        e.kind = VM_EVENT_BAD_ESCAPE;
    } else if (d->fault == VM_FAULT_OVERLONG) {
        e.kind = VM_EVENT_OVERLONG;
    } else if (d->len == 0) {
        /* Two markers in a row: nothing between them. */
    } else if (message) {
        if (d->len < vm_message_min(d->sender)) {
            e.kind = VM_EVENT_SHORT;
        } else if (vm_sum_bytes(d->buf, d->len) != 0) {
            e.kind = VM_EVENT_BAD_CHECKSUM;
        } else {
            e.kind = VM_EVENT_MESSAGE;
            e.seq = d->buf[VM_SEQ_OFFSET];
            e.start = VM_MESSAGE_OFFSET;
            e.len = (uint16_t)(d->len - VM_FRAME_OVERHEAD);
        }
    } else {
        e.code = d->buf[VM_COMMAND_CODE_OFFSET];
        if (vm_command_args(e.code, d->sender) != (int)d->len - 1) {
            e.kind = VM_EVENT_BAD_COMMAND;
        } else {
            e.kind = VM_EVENT_COMMAND;
            e.start = VM_COMMAND_ARGS_OFFSET;
            e.len = (uint16_t)(d->len - 1);
        }
    }
    d->len = 0;
    d->escape = false;
    d->fault = VM_FAULT_NONE;
    return e;
}

struct vm_event vm_decoder_feed(struct vm_decoder *d, uint8_t b)
{
    int plain;

    if (b == VM_MESSAGE_END || b == VM_COMMAND_END) {
        return vm_frame_end(d, b);
    }
    if (d->fault != VM_FAULT_NONE) {
        /* The frame is broken already: wait for its end. */
    } else if (b == VM_ESCAPE) {
        if (d->escape) {
            d->escape = false;
            d->fault = VM_FAULT_ESCAPE;
        } else {
            d->escape = true;
        }
    } else if (d->escape) {
        d->escape = false;
        plain = vm_unescape(b);
        if (plain < 0) {
            d->fault = VM_FAULT_ESCAPE;
        } else {
            vm_store(d, (uint8_t)plain);
        }
    } else {
        vm_store(d, b);
    }
    return vm_event_of(VM_FRAME_NONE, 0);
}

struct vm_event vm_decoder_feed_span(struct vm_decoder *d, const uint8_t *bytes, size_t n,
                                     size_t *used)
{
    struct vm_event e = vm_event_of(VM_FRAME_NONE, 0);
    size_t i;

    /*@
      loop invariant 0 <= i <= n;
      loop invariant vm_decoder_valid(d);
      loop invariant e.kind == VM_EVENT_NONE && vm_event_in_buffer(e);
      loop assigns i, e, d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1];
      loop variant n - i;
    */
    for (i = 0; i < n; i++) {
        e = vm_decoder_feed(d, bytes[i]);
        if (e.kind != VM_EVENT_NONE) {
            *used = i + 1;
            return e;
        }
    }
    *used = n;
    return e;
}

/*@
  // Frames put side by side: together they are one.
  lemma vm_wire_join{L}:
    \forall uint8_t *p, integer a, b, c;
      a <= b <= c && vm_wire(p, a, b) && vm_wire(p, b, c) ==> vm_wire(p, a, c);
*/

/*
 * Puts b at out[pos], escaped if special. Returns where the next byte goes, or 0 if b
 * does not fit (pos is at least 1: the frame's first byte goes in last, at out[0]).
 */
/*@
  requires 1 <= pos <= cap;
  requires \valid(out + (0 .. cap - 1));
  assigns out[pos .. cap - 1];
  ensures \result == 0 <==> pos + vm_width(b) > cap;
  ensures \result != 0 ==>
          \result == pos + vm_width(b) && vm_encodes(out, pos, b) && vm_wire(out, pos, \result);
*/
static size_t vm_put(uint8_t *out, size_t cap, size_t pos, uint8_t b)
{
    if (!vm_is_special(b)) {
        if (cap - pos < 1) {
            return 0;
        }
        out[pos] = b;
        return pos + 1;
    }
    if (cap - pos < 2) {
        return 0;
    }
    out[pos] = VM_ESCAPE;
    out[pos + 1] = (uint8_t)(b + VM_ESCAPE_BIT);
    return pos + 2;
}

/*
 * p[0 .. n - 1] at out[pos ..], each escaped if special. Returns where the next byte
 * goes, or 0 if they do not fit.
 */
/*@
  requires 1 <= pos <= cap;
  requires \valid(out + (0 .. cap - 1));
  requires \valid_read(p + (0 .. n - 1));
  requires \separated(p + (0 .. n - 1), out + (0 .. cap - 1));
  assigns out[pos .. cap - 1];
  ensures cap - pos >= 2 * n ==> \result != 0;
  ensures \result != 0 ==>
          \result == pos + vm_widths{Pre}(p, n) && pos <= \result <= cap
          && \result <= pos + 2 * n;
  ensures \result != 0 ==> vm_wire(out, pos, \result);
  ensures \result != 0 ==> \forall integer k; 0 <= k < n ==>
            0 <= vm_widths{Pre}(p, k) && pos + vm_widths{Pre}(p, k) + vm_width(\old(p[k])) <= \result;
  ensures \result != 0 ==> \forall integer k; 0 <= k < n ==>
            vm_encodes(out, pos + vm_widths{Pre}(p, k), \old(p[k]));
*/
static size_t vm_put_all(uint8_t *out, size_t cap, size_t pos, const uint8_t *p, size_t n)
{
    size_t at = pos;
    size_t i;

    /*@
      loop invariant 0 <= i <= n;
      loop invariant at == pos + vm_widths{Pre}(p, i);
      loop invariant pos <= at <= cap && at - pos <= 2 * i;
      loop invariant vm_wire(out, pos, at);
      loop invariant \forall integer k; 0 <= k < i ==>
                     0 <= vm_widths{Pre}(p, k)
                     && pos + vm_widths{Pre}(p, k) + vm_width(\at(p[k], Pre)) <= at;
      loop invariant \forall integer k; 0 <= k < i ==>
                     vm_encodes(out, pos + vm_widths{Pre}(p, k), \at(p[k], Pre));
      loop assigns i, at, out[pos .. cap - 1];
      loop variant n - i;
    */
    for (i = 0; i < n; i++) {
        at = vm_put(out, cap, at, p[i]);
        if (at == 0) {
            return 0;
        }
        /*@ assert vm_widths{Pre}(p, i + 1) == vm_widths{Pre}(p, i) + vm_width(p[i]); */
    }
    return at;
}

/*
 * The end marker at out[pos]. Returns the frame's length, or 0 if there is no room.
 */
/*@
  requires 1 <= pos <= cap;
  requires \valid(out + (0 .. cap - 1));
  requires vm_end(marker);
  assigns out[pos .. cap - 1];
  ensures \result == 0 <==> pos == cap;
  ensures \result != 0 ==> \result == pos + 1 && out[pos] == marker;
*/
static size_t vm_put_end(uint8_t *out, size_t cap, size_t pos, uint8_t marker)
{
    if (pos == cap) {
        return 0;
    }
    out[pos] = marker;
    return pos + 1;
}

/*
 * The frame's first byte, escaped if special, in the width the caller left for it at
 * out[0]. It goes in last, so that what the other bytes' positions are computed from
 * (the message, in the caller's memory) is read in the state the caller passed it.
 */
/*@
  requires width == vm_width(b);
  requires \valid(out + (0 .. width - 1));
  assigns out[0 .. width - 1];
  ensures vm_encodes(out, 0, b) && vm_wire(out, 0, width);
*/
static void vm_put_head(uint8_t *out, size_t width, uint8_t b)
{
    if (width == 2) {
        out[0] = VM_ESCAPE;
        out[1] = (uint8_t)(b + VM_ESCAPE_BIT);
    } else {
        out[0] = b;
    }
}

size_t vm_encode_message(uint8_t seq, const uint8_t *msg, size_t len, uint8_t *out,
                         size_t cap)
{
    uint8_t checksum = (uint8_t)((512 - seq - vm_sum_bytes(msg, len)) % 256);
    size_t head = vm_is_special(seq) ? 2 : 1;
    size_t body;
    size_t tail;
    size_t end;

    if (cap < head) {
        return 0;
    }
    body = vm_put_all(out, cap, head, msg, len);
    if (body == 0) {
        return 0;
    }
    tail = vm_put(out, cap, body, checksum);
    if (tail == 0) {
        return 0;
    }
    /*@ assert \forall integer k; 0 <= k < len ==>
                 vm_encodes(out, head + vm_widths{Pre}(msg, k), \at(msg[k], Pre)); */
    end = vm_put_end(out, cap, tail, VM_MESSAGE_END);
    if (end == 0) {
        return 0;
    }
    /*@ assert \forall integer k; 0 <= k < len ==>
                 vm_encodes(out, head + vm_widths{Pre}(msg, k), \at(msg[k], Pre)); */
    vm_put_head(out, head, seq);
    return end;
}

size_t vm_encode_command(uint8_t code, const uint8_t *args, size_t n, uint8_t *out,
                         size_t cap)
{
    size_t head = vm_is_special(code) ? 2 : 1;
    size_t body;
    size_t end;

    if (cap < head) {
        return 0;
    }
    body = vm_put_all(out, cap, head, args, n);
    if (body == 0) {
        return 0;
    }
    end = vm_put_end(out, cap, body, VM_COMMAND_END);
    if (end == 0) {
        return 0;
    }
    vm_put_head(out, head, code);
    return end;
}
