/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * OpenIPMI's VM protocol: the words the generated decoder and encoders
 * (generated/vm_framing.c) are written in, and the decoder's set-up and span feeding.
 * Contracts are in vm_vocabulary.h and vm_codec.h.
 */
#include "vm_vocabulary.h"

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

struct vm_event vm_no_event(void)
{
    return vm_event_of(VM_FRAME_NONE, 0);
}

bool vm_decoder_plain(const struct vm_decoder *d)
{
    return d->fault == VM_FAULT_NONE && !d->escape;
}

bool vm_decoder_escaped(const struct vm_decoder *d)
{
    return d->escape;
}

bool vm_decoder_broken(const struct vm_decoder *d)
{
    return d->fault != VM_FAULT_NONE;
}

void vm_store(struct vm_decoder *d, uint8_t b)
{
    if (d->len == VM_FRAME_CAPACITY) {
        d->fault = VM_FAULT_OVERLONG;
        return;
    }
    d->buf[d->len] = b;
    d->len++;
}

void vm_store_escaped(struct vm_decoder *d, uint8_t b)
{
    int plain = vm_unescape(b);

    d->escape = false;
    if (plain < 0) {
        d->fault = VM_FAULT_ESCAPE;
    } else {
        vm_store(d, (uint8_t)plain);
    }
}

void vm_begin_escape(struct vm_decoder *d)
{
    d->escape = true;
}

void vm_bad_escape(struct vm_decoder *d)
{
    d->escape = false;
    d->fault = VM_FAULT_ESCAPE;
}

struct vm_event vm_end_frame(struct vm_decoder *d, uint8_t marker)
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

size_t vm_put(uint8_t *out, size_t cap, size_t pos, uint8_t b)
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

size_t vm_put_all(uint8_t *out, size_t cap, size_t pos, const uint8_t *p, size_t n)
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

size_t vm_put_end(uint8_t *out, size_t cap, size_t pos, uint8_t marker)
{
    if (pos == cap) {
        return 0;
    }
    out[pos] = marker;
    return pos + 1;
}

void vm_put_head(uint8_t *out, size_t width, uint8_t b)
{
    if (width == 2) {
        out[0] = VM_ESCAPE;
        out[1] = (uint8_t)(b + VM_ESCAPE_BIT);
    } else {
        out[0] = b;
    }
}

uint8_t vm_checksum(uint8_t first, const uint8_t *rest, size_t n)
{
    return (uint8_t)((512 - first - vm_sum_bytes(rest, n)) % 256);
}
