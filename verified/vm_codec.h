/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * OpenIPMI's VM protocol, both directions: a decoder that cuts a byte stream into
 * messages and control commands, and encoders that frame one into a caller's buffer.
 * The markers, escape, layout and command table come from spec/vm.yaml through
 * generated/vm_framing.h, and so do the decoder and the encoders: generator/ compiles
 * the spec's decoder rules and frame layouts into generated/vm_framing.c, in the words
 * of vm_vocabulary.h. Their contracts are here, where a caller reads them.
 *
 * The caller owns a struct vm_decoder and feeds it the bytes as they arrive, one at a
 * time or a span at a time. Only a frame end completes anything: a good frame yields
 * its message or command, a broken one (longer than a frame can be, a stray escape, too
 * short, a bad checksum, a command the sender has no business sending) yields an event
 * naming what was wrong. Either way the decoder is empty again after the end marker, so
 * the frame after a broken one decodes as if the broken one had never been. What an
 * event is about stays in the decoder's buffer until the next byte is fed.
 *
 * No globals, no allocation, no I/O; plain C99.
 */
#ifndef VM_CODEC_H
#define VM_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm_framing.h"

/* The longest command frame on the wire: every byte escaped, then the marker. */
#define VM_COMMAND_ENCODED_MAX (2 * (1 + VM_COMMAND_MAX_ARGS) + 1)

/* What a byte fed to the decoder completes. */
enum vm_event_kind {
    VM_EVENT_NONE = 0,     /* nothing: the frame goes on, or an empty frame ended */
    VM_EVENT_MESSAGE,      /* an IPMI message with a good checksum */
    VM_EVENT_COMMAND,      /* a control command the sender sends, with its argument bytes */
    VM_EVENT_OVERLONG,     /* the frame was longer than VM_FRAME_CAPACITY bytes */
    VM_EVENT_BAD_ESCAPE,   /* an escape followed by a byte that is no escaped form */
    VM_EVENT_SHORT,        /* a message frame shorter than the sender's shortest */
    VM_EVENT_BAD_CHECKSUM, /* a message frame whose bytes do not sum to 0 */
    VM_EVENT_BAD_COMMAND   /* a code the sender has no command for, or the wrong argument count */
};

/* Which marker ended the frame an event is about. */
#define VM_FRAME_NONE 0
#define VM_FRAME_MESSAGE 1
#define VM_FRAME_COMMAND 2

/* Why the rest of a frame is dropped until its end marker. */
#define VM_FAULT_NONE 0
#define VM_FAULT_ESCAPE 1
#define VM_FAULT_OVERLONG 2

struct vm_decoder {
    uint8_t sender;     /* VM_SENDER_*: who sends the bytes this decoder reads */
    bool escape;        /* the last byte was VM_ESCAPE */
    uint8_t fault;      /* VM_FAULT_*: the frame is broken */
    uint16_t len;       /* bytes of the frame so far, unescaped */
    uint8_t buf[VM_FRAME_CAPACITY];
};

/*
 * What a byte completed. The bytes it is about are buf[start .. start + len) of the
 * decoder, until the next byte is fed: a message's IPMI message (NetFn/LUN, command,
 * data; a response's completion code after the command), a command's argument bytes,
 * or for a broken frame the bytes kept of it (for an overlong one, the first
 * VM_FRAME_CAPACITY).
 */
struct vm_event {
    uint8_t kind;       /* enum vm_event_kind */
    uint8_t frame;      /* VM_FRAME_*: the marker that ended the frame, if one did */
    uint8_t seq;        /* a message's sequence byte */
    uint8_t code;       /* a command frame's code (for VM_EVENT_BAD_COMMAND too) */
    uint16_t start;
    uint16_t len;
};

/*@
  // The bytes p[0 .. n - 1] summed modulo 256.
  logic integer vm_sum{L}(uint8_t *p, integer n) =
    n <= 0 ? 0 : (vm_sum(p, n - 1) + p[n - 1]) % 256;

  // The checksum byte that makes a frame with this sequence byte and message sum to 0.
  logic integer vm_checksum_of(integer seq, integer sum) = (512 - seq - sum) % 256;

  logic integer vm_widths{L}(uint8_t *p, integer n) =
    n <= 0 ? 0 : vm_widths(p, n - 1) + vm_width(p[n - 1]);

  // out[at ..] holds b as it travels: after the escape, with VM_ESCAPE_BIT set, if b
  // is special (every special byte has that bit clear, spec/vm.yaml's generator checks).
  predicate vm_encodes{L}(uint8_t *out, integer at, integer b) =
    (vm_special(b) ==> out[at] == VM_ESCAPE && out[at + 1] == b + VM_ESCAPE_BIT)
    && (!vm_special(b) ==> out[at] == b);

  // Bytes p[from .. to - 1] as they travel inside a frame: no marker among them, and
  // each escape followed by an escaped form.
  predicate vm_wire{L}(uint8_t *p, integer from, integer to) =
    \forall integer i; from <= i < to ==>
      !vm_end(p[i]) && (p[i] == VM_ESCAPE ==> i + 1 < to && vm_escaped(p[i + 1]));

  // A frame's bytes before its marker, as they travel: a receiver sees one frame and
  // no stray escape in it.
  predicate vm_body{L}(uint8_t *p, integer n) = vm_wire(p, 0, n);

  predicate vm_decoder_invariant(struct vm_decoder *d) =
    d->sender < VM_SENDER_COUNT && d->len <= VM_FRAME_CAPACITY
    && (d->fault == VM_FAULT_NONE || d->fault == VM_FAULT_ESCAPE
        || d->fault == VM_FAULT_OVERLONG)
    && (d->fault != VM_FAULT_NONE ==> d->escape == 0)
    && (d->fault == VM_FAULT_OVERLONG ==> d->len == VM_FRAME_CAPACITY);

  predicate vm_decoder_valid(struct vm_decoder *d) = \valid(d) && vm_decoder_invariant(d);

  // Between frames: nothing of one held.
  predicate vm_decoder_idle(struct vm_decoder *d) =
    d->len == 0 && d->escape == 0 && d->fault == VM_FAULT_NONE;

  predicate vm_event_in_buffer(struct vm_event e) = e.start + e.len <= VM_FRAME_CAPACITY;

  // The frame the decoder holds in state L, as judged when its end marker arrives: the
  // event e says what broke it first, with the bytes kept of it, or what it holds.
  predicate vm_judged_broken{L}(struct vm_decoder *d, struct vm_event e) =
    (d->escape != 0 || d->fault == VM_FAULT_ESCAPE ==> e.kind == VM_EVENT_BAD_ESCAPE)
    && (d->fault == VM_FAULT_OVERLONG ==>
          e.kind == VM_EVENT_OVERLONG && e.len == VM_FRAME_CAPACITY)
    && (e.kind != VM_EVENT_MESSAGE && e.kind != VM_EVENT_COMMAND ==>
          e.start == 0 && e.len == d->len)
    && (d->escape == 0 && d->fault == VM_FAULT_NONE && d->len == 0 ==>
          e.kind == VM_EVENT_NONE);

  // A message frame received whole: too short for the sender, a bad checksum, or the
  // message after the sequence byte, without the checksum.
  predicate vm_judged_message{L}(struct vm_decoder *d, struct vm_event e) =
    (d->escape == 0 && d->fault == VM_FAULT_NONE
     && 0 < d->len < vm_message_min_of(d->sender) ==> e.kind == VM_EVENT_SHORT)
    && (d->escape == 0 && d->fault == VM_FAULT_NONE && d->len >= vm_message_min_of(d->sender) ==>
          (e.kind == VM_EVENT_MESSAGE <==> vm_sum(&d->buf[0], d->len) == 0)
          && (e.kind != VM_EVENT_MESSAGE ==> e.kind == VM_EVENT_BAD_CHECKSUM))
    && (e.kind == VM_EVENT_MESSAGE ==>
          e.seq == d->buf[VM_SEQ_OFFSET] && e.start == VM_MESSAGE_OFFSET
          && e.len == d->len - VM_FRAME_OVERHEAD
          && e.len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD);

  // A command frame received whole: a command the sender sends, with as many argument
  // bytes as the spec gives it, or a bad command.
  predicate vm_judged_command{L}(struct vm_decoder *d, struct vm_event e) =
    (d->escape == 0 && d->fault == VM_FAULT_NONE && d->len > 0 ==>
          e.code == d->buf[VM_COMMAND_CODE_OFFSET]
          && (e.kind == VM_EVENT_COMMAND
              <==> vm_args_of(d->buf[VM_COMMAND_CODE_OFFSET], d->sender) == d->len - 1)
          && (e.kind != VM_EVENT_COMMAND ==> e.kind == VM_EVENT_BAD_COMMAND))
    && (e.kind == VM_EVENT_COMMAND ==>
          e.start == VM_COMMAND_ARGS_OFFSET && e.len == d->len - 1
          && e.len <= VM_COMMAND_MAX_ARGS);

  predicate vm_judged{L}(struct vm_decoder *d, integer marker, struct vm_event e) =
    e.frame == (marker == VM_MESSAGE_END ? VM_FRAME_MESSAGE : VM_FRAME_COMMAND)
    && vm_judged_broken(d, e)
    && (marker == VM_MESSAGE_END ==> vm_judged_message(d, e))
    && (marker == VM_COMMAND_END ==> vm_judged_command(d, e));

  // A decoder left as it was, buffer included.
  predicate vm_decoder_kept{A, B}(struct vm_decoder *d) =
    \at(d->len, A) == \at(d->len, B) && \at(d->escape, A) == \at(d->escape, B)
    && \at(d->fault, A) == \at(d->fault, B)
    && \forall integer i; 0 <= i < VM_FRAME_CAPACITY ==> \at(d->buf[i], A) == \at(d->buf[i], B);
*/

/*@
  requires \valid(d);
  requires sender < VM_SENDER_COUNT;
  assigns *d;
  ensures vm_decoder_valid(d) && vm_decoder_idle(d);
  ensures d->sender == sender;
*/
void vm_decoder_init(struct vm_decoder *d, uint8_t sender);

/* Drops a frame half received (the stream was closed and opened again). */
/*@
  requires vm_decoder_valid(d);
  assigns d->len, d->escape, d->fault;
  ensures vm_decoder_valid(d) && vm_decoder_idle(d);
*/
void vm_decoder_reset(struct vm_decoder *d);

/* The bytes p[0 .. n - 1] summed modulo 256. */
/*@
  requires \valid_read(p + (0 .. n - 1));
  assigns \nothing;
  ensures \result == vm_sum(p, n);
*/
uint8_t vm_sum_bytes(const uint8_t *p, size_t n);

/*
 * One byte from the stream. Only an end marker completes an event; the decoder is
 * idle after one whatever the frame held.
 */
/*@
  requires vm_decoder_valid(d);
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1];
  ensures vm_decoder_valid(d);
  ensures vm_event_in_buffer(\result);
  ensures !vm_end(b) ==> \result.kind == VM_EVENT_NONE && \result.frame == VM_FRAME_NONE;

  behavior frame_end:
    assumes vm_end(b);
    ensures vm_decoder_idle(d);
    ensures \forall integer i; 0 <= i < VM_FRAME_CAPACITY ==> d->buf[i] == \old(d->buf[i]);
    ensures vm_judged{Pre}(d, b, \result);

  behavior broken:
    assumes !vm_end(b) && d->fault != VM_FAULT_NONE;
    ensures vm_decoder_kept{Pre, Post}(d);

  behavior escape:
    assumes b == VM_ESCAPE && d->fault == VM_FAULT_NONE;
    ensures d->len == \old(d->len);
    ensures \forall integer i; 0 <= i < VM_FRAME_CAPACITY ==> d->buf[i] == \old(d->buf[i]);
    ensures \old(d->escape) == 0 ==> d->escape == 1 && d->fault == VM_FAULT_NONE;
    ensures \old(d->escape) != 0 ==> d->escape == 0 && d->fault == VM_FAULT_ESCAPE;

  behavior data:
    assumes !vm_end(b) && b != VM_ESCAPE && d->fault == VM_FAULT_NONE;
    ensures d->escape == 0;
    ensures \forall integer i; 0 <= i < VM_FRAME_CAPACITY && i != \old(d->len) ==>
            d->buf[i] == \old(d->buf[i]);
    // After an escape only an escaped form is data: it stands for b - VM_ESCAPE_BIT.
    ensures \old(d->escape) != 0 && !vm_escaped(b) ==>
            d->fault == VM_FAULT_ESCAPE && d->len == \old(d->len);
    ensures (\old(d->escape) == 0 || vm_escaped(b)) && \old(d->len) < VM_FRAME_CAPACITY ==>
            d->fault == VM_FAULT_NONE && d->len == \old(d->len) + 1
            && d->buf[\old(d->len)] == (\old(d->escape) != 0 ? b - VM_ESCAPE_BIT : b);
    ensures (\old(d->escape) == 0 || vm_escaped(b)) && \old(d->len) == VM_FRAME_CAPACITY ==>
            d->fault == VM_FAULT_OVERLONG && d->len == \old(d->len);

  complete behaviors;
  disjoint behaviors;
*/
struct vm_event vm_decoder_feed(struct vm_decoder *d, uint8_t b);

/*
 * Bytes from the stream, up to and including the first that completes an event;
 * *used says how many were taken. Call again with the rest once the event is handled.
 */
/*@
  requires vm_decoder_valid(d);
  requires \valid_read(bytes + (0 .. n - 1));
  requires \valid(used);
  requires \separated(d, used, bytes + (0 .. n - 1));
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1], *used;
  ensures vm_decoder_valid(d);
  ensures vm_event_in_buffer(\result);
  ensures *used <= n;
  ensures \result.kind == VM_EVENT_NONE ==> *used == n;
  ensures \result.kind != VM_EVENT_NONE ==>
          1 <= *used && vm_end(bytes[*used - 1]) && vm_decoder_idle(d);
*/
struct vm_event vm_decoder_feed_span(struct vm_decoder *d, const uint8_t *bytes, size_t n,
                                     size_t *used);

/*
 * Frames an IPMI message into out[0 .. cap - 1]: seq, message[0 .. message_len - 1] and the
 * checksum, each escaped if special, then VM_MESSAGE_END. Returns the frame's length,
 * or 0 if it does not fit (out then holds a part of it). VM_ENCODED_MAX bytes always
 * suffice.
 */
/*@
  requires message_len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(message + (0 .. message_len - 1));
  requires \valid(out + (0 .. cap - 1));
  requires \separated(message + (0 .. message_len - 1), out + (0 .. cap - 1));
  assigns out[0 .. cap - 1];
  ensures \result <= cap;
  ensures cap >= VM_ENCODED_MAX ==> \result > 0;
  ensures \result > 0 ==>
          \result == vm_width(seq) + vm_widths{Pre}(message, message_len)
                     + vm_width(vm_checksum_of(seq, vm_sum{Pre}(message, message_len))) + 1;
  ensures \result > 0 ==> vm_encodes(out, 0, seq);
  ensures \result > 0 ==> \forall integer k; 0 <= k < message_len ==>
            vm_encodes(out, vm_width(seq) + vm_widths{Pre}(message, k), \old(message[k]));
  ensures \result > 0 ==>
          vm_encodes(out, vm_width(seq) + vm_widths{Pre}(message, message_len),
                     vm_checksum_of(seq, vm_sum{Pre}(message, message_len)));
  ensures \result > 0 ==> out[\result - 1] == VM_MESSAGE_END && vm_body(out, \result - 1);
*/
size_t vm_encode_message(uint8_t seq, const uint8_t *message, size_t message_len,
                         uint8_t *out, size_t cap);

/*
 * Frames a control command into out[0 .. cap - 1]: code, args[0 .. args_len - 1], each
 * escaped if special, then VM_COMMAND_END. Returns the frame's length, or 0 if it does
 * not fit. VM_COMMAND_ENCODED_MAX bytes always suffice.
 */
/*@
  requires args_len <= VM_COMMAND_MAX_ARGS;
  requires \valid_read(args + (0 .. args_len - 1));
  requires \valid(out + (0 .. cap - 1));
  requires \separated(args + (0 .. args_len - 1), out + (0 .. cap - 1));
  assigns out[0 .. cap - 1];
  ensures \result <= cap;
  ensures cap >= VM_COMMAND_ENCODED_MAX ==> \result > 0;
  ensures \result > 0 ==> \result == vm_width(code) + vm_widths{Pre}(args, args_len) + 1;
  ensures \result > 0 ==> vm_encodes(out, 0, code);
  ensures \result > 0 ==> \forall integer k; 0 <= k < args_len ==>
            vm_encodes(out, vm_width(code) + vm_widths{Pre}(args, k), \old(args[k]));
  ensures \result > 0 ==> out[\result - 1] == VM_COMMAND_END && vm_body(out, \result - 1);
*/
size_t vm_encode_command(uint8_t code, const uint8_t *args, size_t args_len,
                         uint8_t *out, size_t cap);

#endif /* VM_CODEC_H */
