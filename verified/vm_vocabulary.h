/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The words the VM protocol's decoder and encoders are written in. spec/vm.yaml's
 * decoder rules call the decoder's words (`words:` there), its frame layouts the
 * encoder's; generator/ compiles both into generated/vm_framing.c, which calls these
 * and nothing else of the decoder. verified/vm_codec.c implements them; WP proves
 * the generated functions' contracts (in vm_codec.h) from these.
 */
#ifndef VM_VOCABULARY_H
#define VM_VOCABULARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm_codec.h"

/* The decoder's states, as the rules name them. */

/*@
  requires vm_decoder_valid(d);
  assigns \nothing;
  ensures \result != 0 <==> d->fault == VM_FAULT_NONE && d->escape == 0;
*/
bool vm_decoder_plain(const struct vm_decoder *d);

/* The last byte was the escape (so the frame is not broken). */
/*@
  requires vm_decoder_valid(d);
  assigns \nothing;
  ensures \result != 0 <==> d->escape != 0;
*/
bool vm_decoder_escaped(const struct vm_decoder *d);

/* The frame is dropped until its end marker. */
/*@
  requires vm_decoder_valid(d);
  assigns \nothing;
  ensures \result != 0 <==> d->fault != VM_FAULT_NONE;
*/
bool vm_decoder_broken(const struct vm_decoder *d);

/* The decoder's words. */

/* What a byte that ends nothing yields. */
/*@
  assigns \nothing;
  ensures \result.kind == VM_EVENT_NONE && \result.frame == VM_FRAME_NONE;
  ensures vm_event_in_buffer(\result);
*/
struct vm_event vm_no_event(void);

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
struct vm_event vm_end_frame(struct vm_decoder *d, uint8_t marker);

/*@
  requires vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape != 0;
  assigns d->escape, d->fault;
  ensures vm_decoder_valid(d) && d->escape == 0 && d->fault == VM_FAULT_ESCAPE;
*/
void vm_bad_escape(struct vm_decoder *d);

/*@
  requires vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0;
  assigns d->escape;
  ensures vm_decoder_valid(d) && d->escape == 1;
*/
void vm_begin_escape(struct vm_decoder *d);

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
void vm_store(struct vm_decoder *d, uint8_t b);

/*
 * The byte after an escape: an escaped form stands for its byte with VM_ESCAPE_BIT
 * clear, which joins the frame as vm_store says; any other byte breaks the frame.
 */
/*@
  requires vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape != 0;
  assigns d->escape, d->len, d->fault, d->buf[0 .. VM_FRAME_CAPACITY - 1];
  ensures vm_decoder_valid(d) && d->escape == 0;
  ensures \forall integer i; 0 <= i < VM_FRAME_CAPACITY && i != \old(d->len) ==>
          d->buf[i] == \old(d->buf[i]);
  ensures !vm_escaped(b) ==> d->fault == VM_FAULT_ESCAPE && d->len == \old(d->len);
  ensures vm_escaped(b) && \old(d->len) < VM_FRAME_CAPACITY ==>
          d->fault == VM_FAULT_NONE && d->len == \old(d->len) + 1
          && d->buf[\old(d->len)] == b - VM_ESCAPE_BIT;
  ensures vm_escaped(b) && \old(d->len) == VM_FRAME_CAPACITY ==>
          d->fault == VM_FAULT_OVERLONG && d->len == \old(d->len);
*/
void vm_store_escaped(struct vm_decoder *d, uint8_t b);

/* The encoders' words. */

/*@
  // Frames put side by side: together they are one.
  lemma vm_wire_join{L}:
    \forall uint8_t *p, integer a, b, c;
      a <= b <= c && vm_wire(p, a, b) && vm_wire(p, b, c) ==> vm_wire(p, a, c);
*/

/* The checksum of a frame whose bytes before it are first, then rest[0 .. n - 1]. */
/*@
  requires \valid_read(rest + (0 .. n - 1));
  assigns \nothing;
  ensures \result == vm_checksum_of(first, vm_sum(rest, n));
*/
uint8_t vm_checksum(uint8_t first, const uint8_t *rest, size_t n);

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
size_t vm_put(uint8_t *out, size_t cap, size_t pos, uint8_t b);

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
size_t vm_put_all(uint8_t *out, size_t cap, size_t pos, const uint8_t *p, size_t n);

/* The end marker at out[pos]. Returns the frame's length, or 0 if there is no room. */
/*@
  requires 1 <= pos <= cap;
  requires \valid(out + (0 .. cap - 1));
  requires vm_end(marker);
  assigns out[pos .. cap - 1];
  ensures \result == 0 <==> pos == cap;
  ensures \result != 0 ==> \result == pos + 1 && out[pos] == marker;
*/
size_t vm_put_end(uint8_t *out, size_t cap, size_t pos, uint8_t marker);

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
void vm_put_head(uint8_t *out, size_t width, uint8_t b);

#endif /* VM_VOCABULARY_H */
