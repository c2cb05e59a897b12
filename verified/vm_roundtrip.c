/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VM codec's round trip and the uniqueness of its encoding. Contracts and what they
 * mean are in vm_roundtrip.h.
 *
 * How the proof goes. WP knows a recursive logic function (vm_sum, vm_widths) only in
 * the memory state it is read in: a write anywhere in the same memory (the decoder's
 * buffer, the frame being written) makes it a new term. So each fact about one is
 * proved in one state, by a ghost loop that reads no memory (an induction whose steps
 * unfold the definition once), or carried across a write by a function whose Pre and
 * Post are the two states (vm_feed_byte, vm_encode_frame, vm_feed_last).
 *
 * The round trip feeds the frame one encoded byte at a time (vm_feed_byte), the
 * decoder's running sum carried along. The uniqueness feeds the string one byte at a
 * time (vm_feed_wire) and keeps in a ghost array, pos, where each byte the decoder
 * holds was read: the string spells the decoder's frame byte by byte in canonical form
 * (vm_spelled). The re-encoding spells the same frame at the same places
 * (vm_positions, vm_out_spelled), so the two agree byte for byte (vm_same_spelling).
 *
 * The contracts are cut so that each goal needs few quantifier instances. Z3 and CVC4
 * lose their way when a goal holds vm_sum or vm_widths at a symbolic length (the
 * definition unfolds without end) beside quantified facts they keep instantiating.
 * Hence the ghost lemma functions (one fact each, proved with only their requires
 * around), vm_checksum_is keeping the sum behind a predicate, vm_encode_fit leaving out
 * vm_body, bound variables that appear bare as an index (a trigger the provers can
 * use), and the asserts that spell out a step.
 */
#include "vm_roundtrip.h"

size_t vm_completes(struct vm_event e)
{
    if (e.kind != VM_EVENT_NONE || e.frame != VM_FRAME_NONE) {
        return 1;
    }
    return 0;
}

/*@
  // What vm_take_byte and vm_feed_byte ask: a decoder in the middle of a clean frame
  // with room for one more byte, and b's wire form at wire[at ..].
  predicate vm_can_take{L}(struct vm_decoder *d, uint8_t *wire, integer at, integer b,
                           size_t *completed) =
    vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0
    && d->len < VM_FRAME_CAPACITY
    && at + vm_width(b) <= VM_ENCODED_MAX
    && \valid_read(wire + (at .. at + vm_width(b) - 1))
    && vm_encodes(wire, at, b)
    && \valid(completed)
    && \separated(d, completed)
    && \separated(d, wire + (at .. at + 1))
    && \separated(completed, wire + (at .. at + 1));
*/

/*
 * Feeds d the bytes that carry b at wire[at ..] (the escape and b's escaped form if b
 * is special, b itself if not): d takes b as the next byte of its frame. Returns where
 * the next byte's bytes start; *completed counts the bytes that completed something
 * (none do).
 */
/*@
  requires vm_can_take(d, wire, at, b, completed);
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1], *completed;
  ensures vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0;
  ensures d->len == \old(d->len) + 1 && d->buf[\old(d->len)] == b;
  ensures \forall integer i; 0 <= i < VM_FRAME_CAPACITY && i != \old(d->len) ==>
          d->buf[i] == \old(d->buf[i]);
  ensures *completed == \old(*completed);
  ensures \result == at + vm_width(b);
*/
static size_t vm_take_byte(struct vm_decoder *d, const uint8_t *wire, size_t at, uint8_t b,
                           size_t *completed)
{
    struct vm_event e;

    if (vm_is_special(b)) {
        e = vm_decoder_feed(d, wire[at]);
        *completed += vm_completes(e);
        e = vm_decoder_feed(d, wire[at + 1]);
        *completed += vm_completes(e);
        return at + 2;
    }
    e = vm_decoder_feed(d, wire[at]);
    *completed += vm_completes(e);
    return at + 1;
}

/*
 * vm_take_byte, and the sum of the bytes d held before is what it was (a fact about
 * two memory states, which only a function's own Pre and Post can carry).
 */
/*@
  requires vm_can_take(d, wire, at, b, completed);
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1], *completed;
  ensures vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0;
  ensures d->len == \old(d->len) + 1 && d->buf[\old(d->len)] == b;
  ensures \forall integer i; 0 <= i < VM_FRAME_CAPACITY && i != \old(d->len) ==>
          d->buf[i] == \old(d->buf[i]);
  ensures vm_sum(&d->buf[0], \old(d->len)) == vm_sum{Pre}(&d->buf[0], \old(d->len));
  ensures *completed == \old(*completed);
  ensures \result == at + vm_width(b);
*/
static size_t vm_feed_byte(struct vm_decoder *d, const uint8_t *wire, size_t at, uint8_t b,
                           size_t *completed)
{
    /*@ ghost uint16_t held = d->len; */
    /*@ ghost uint16_t k; */
    size_t next = vm_take_byte(d, wire, at, b, completed);

    /*@ ghost
      /@ loop invariant 0 <= k <= held;
         loop invariant vm_sum(&d->buf[0], k) == vm_sum{Pre}(&d->buf[0], k);
         loop assigns k;
         loop variant held - k; @/
      for (k = 0; k < held; k++) {
      }
    */
    return next;
}

/*
 * Feeds an idle d the bytes that carry seq and msg[0 .. len - 1] from wire[0 ..], as
 * vm_encode_message put them there: d takes them as the first bytes of its frame.
 * Returns where the bytes after the message's start.
 */
/*@
  requires vm_decoder_valid(d) && vm_decoder_idle(d);
  requires len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(wire + (0 .. 2 + 2 * len - 1));
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(completed);
  requires \separated(d, completed, msg + (0 .. len - 1), wire + (0 .. 2 + 2 * len - 1));
  requires vm_encodes(wire, 0, seq);
  requires \forall integer k; 0 <= k < len ==>
           vm_encodes(wire, vm_width(seq) + vm_widths(msg, k), msg[k]);
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1], *completed;
  ensures vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0;
  ensures d->len == VM_MESSAGE_OFFSET + len && d->buf[VM_SEQ_OFFSET] == seq;
  ensures \forall integer i; 0 <= i < len ==> d->buf[VM_MESSAGE_OFFSET + i] == \old(msg[i]);
  ensures vm_sum(&d->buf[0], d->len) == (seq + vm_sum{Pre}(msg, len)) % 256;
  ensures *completed == \old(*completed);
  ensures \result == vm_width(seq) + vm_widths{Pre}(msg, len);
*/
static size_t vm_feed_message(struct vm_decoder *d, const uint8_t *wire, uint8_t seq,
                              const uint8_t *msg, size_t len, size_t *completed)
{
    size_t pos = vm_feed_byte(d, wire, 0, seq, completed);
    size_t k;

    /*@ assert vm_sum(&d->buf[0], 1) == seq; */
    /*@
      loop invariant 0 <= k <= len;
      loop invariant vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0;
      loop invariant d->len == VM_MESSAGE_OFFSET + k && d->buf[VM_SEQ_OFFSET] == seq;
      loop invariant \forall integer i; 0 <= i < k ==>
                     d->buf[VM_MESSAGE_OFFSET + i] == \at(msg[i], Pre);
      loop invariant 0 <= vm_widths{Pre}(msg, k) <= 2 * k;
      loop invariant pos == vm_width(seq) + vm_widths{Pre}(msg, k);
      loop invariant 0 <= vm_sum{Pre}(msg, k) <= 255;
      loop invariant vm_sum(&d->buf[0], d->len) == (seq + vm_sum{Pre}(msg, k)) % 256;
      loop invariant *completed == \at(*completed, Pre);
      loop invariant \forall integer i; 0 <= i < len ==> msg[i] == \at(msg[i], Pre);
      loop invariant \forall integer i; 0 <= i < 2 + 2 * len ==> wire[i] == \at(wire[i], Pre);
      loop assigns k, pos, *completed, d->escape, d->fault, d->len,
                   d->buf[0 .. VM_FRAME_CAPACITY - 1];
      loop variant len - k;
    */
    for (k = 0; k < len; k++) {
        pos = vm_feed_byte(d, wire, pos, msg[k], completed);
        /*@ assert vm_widths{Pre}(msg, k + 1) == vm_widths{Pre}(msg, k) + vm_width(msg[k]); */
        /*@ assert vm_sum{Pre}(msg, k + 1) == (vm_sum{Pre}(msg, k) + msg[k]) % 256; */
        /*@ assert vm_sum(&d->buf[0], k + 2) == (vm_sum(&d->buf[0], k + 1) + msg[k]) % 256; */
        /*@ assert ((seq + vm_sum{Pre}(msg, k)) % 256 + msg[k]) % 256
                   == (seq + (vm_sum{Pre}(msg, k) + msg[k]) % 256) % 256; */
    }
    return pos;
}

/*@ ghost
  // p[0] and then p[1 .. n]: the same sum.
  /@ assigns \nothing;
     ensures 0 <= vm_sum(p + 1, n) <= 255;
     ensures vm_sum(p, n + 1) == (p[0] + vm_sum(p + 1, n)) % 256; @/
  static void vm_sum_split(const uint8_t *p, size_t n)
  {
    size_t k;

    /@ loop invariant 0 <= k <= n;
       loop invariant 0 <= vm_sum(p + 1, k) <= 255;
       loop invariant vm_sum(p, k + 1) == (p[0] + vm_sum(p + 1, k)) % 256;
       loop assigns k;
       loop variant n - k; @/
    for (k = 0; k < n; k++) {
      /@ assert vm_sum(p + 1, k + 1) == (vm_sum(p + 1, k) + p[k + 1]) % 256; @/
      /@ assert vm_sum(p, k + 2) == (vm_sum(p, k + 1) + p[k + 1]) % 256; @/
      /@ assert ((p[0] + vm_sum(p + 1, k)) % 256 + p[k + 1]) % 256
                == (p[0] + (vm_sum(p + 1, k) + p[k + 1]) % 256) % 256; @/
    }
  }

  // A frame p[0 .. n + 1] that sums to 0 ends with its checksum.
  /@ requires vm_sum(p, n + 2) == 0;
     assigns \nothing;
     ensures p[n + 1] == vm_checksum_of(p[0], vm_sum(p + 1, n)); @/
  static void vm_checksum_from_sum(const uint8_t *p, size_t n)
  {
    vm_sum_split(p, n);
    /@ assert vm_sum(p, n + 2) == (vm_sum(p, n + 1) + p[n + 1]) % 256; @/
    /@ assert ((p[0] + vm_sum(p + 1, n)) % 256 + p[n + 1]) % 256 == 0; @/
  }
*/

/*
 * vm_encode_message into room for any message: its contract but for vm_body, which
 * nothing here needs (a quantifier over the frame's bytes that the provers would
 * instantiate at every byte they meet).
 */
/*@
  requires len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(out + (0 .. VM_ENCODED_MAX - 1));
  requires \separated(msg + (0 .. len - 1), out + (0 .. VM_ENCODED_MAX - 1));
  assigns out[0 .. VM_ENCODED_MAX - 1];
  ensures \result == vm_width(seq) + vm_widths{Pre}(msg, len)
                     + vm_width(vm_checksum_of(seq, vm_sum{Pre}(msg, len))) + 1;
  ensures 1 <= \result <= VM_ENCODED_MAX;
  ensures vm_encodes(out, 0, seq);
  ensures \forall integer k; 0 <= k < len ==>
          vm_encodes(out, vm_width(seq) + vm_widths{Pre}(msg, k), \old(msg[k]));
  ensures vm_encodes(out, vm_width(seq) + vm_widths{Pre}(msg, len),
                     vm_checksum_of(seq, vm_sum{Pre}(msg, len)));
  ensures out[\result - 1] == VM_MESSAGE_END;
*/
static size_t vm_encode_fit(uint8_t seq, const uint8_t *msg, size_t len, uint8_t *out)
{
    return vm_encode_message(seq, msg, len, out, VM_ENCODED_MAX);
}

/*
 * Frames (seq, msg[0 .. len - 1]) into out with vm_encode_message, which always has
 * room there. What its contract says of the message's widths and sum as they were read
 * before the frame was written holds of them as they are now.
 */
/*@
  requires len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(out + (0 .. VM_ENCODED_MAX - 1));
  requires \separated(msg + (0 .. len - 1), out + (0 .. VM_ENCODED_MAX - 1));
  assigns out[0 .. VM_ENCODED_MAX - 1];
  ensures \forall integer i; 0 <= i < len ==> msg[i] == \old(msg[i]);
  ensures vm_widths(msg, len) == vm_widths{Pre}(msg, len);
  ensures vm_sum(msg, len) == vm_sum{Pre}(msg, len);
  ensures \result == vm_width(seq) + vm_widths(msg, len)
                     + vm_width(vm_checksum_of(seq, vm_sum(msg, len))) + 1;
  ensures 1 <= \result <= VM_ENCODED_MAX;
  ensures vm_encodes(out, 0, seq);
  ensures \forall integer k; 0 <= k < len ==>
          vm_encodes(out, vm_width(seq) + vm_widths(msg, k), msg[k]);
  ensures vm_encodes(out, vm_width(seq) + vm_widths(msg, len),
                     vm_checksum_of(seq, vm_sum(msg, len)));
  ensures out[\result - 1] == VM_MESSAGE_END;
*/
static size_t vm_encode_frame(uint8_t seq, const uint8_t *msg, size_t len, uint8_t *out)
{
    size_t n = vm_encode_fit(seq, msg, len, out);
    /*@ ghost size_t j; */

    /*@ assert \forall integer i; 0 <= i < len ==> msg[i] == \at(msg[i], Pre); */
    /*@ ghost
      /@ loop invariant 0 <= j <= len;
         loop invariant \forall integer i; 0 <= i <= j ==>
                        vm_widths(msg, i) == vm_widths{Pre}(msg, i);
         loop invariant vm_sum(msg, j) == vm_sum{Pre}(msg, j);
         loop assigns j;
         loop variant len - j; @/
      for (j = 0; j < len; j++) {
      }
    */
    /*@ assert j == len; */
    /*@ assert vm_widths(msg, len) == vm_widths{Pre}(msg, len); */
    /*@ assert vm_sum(msg, len) == vm_sum{Pre}(msg, len); */
    /*@ assert \forall integer k; 0 <= k < len ==>
                 vm_encodes(out, vm_width(seq) + vm_widths{Pre}(msg, k), msg[k]); */
    /*@ assert \forall integer k; 0 <= k < len ==>
                 vm_widths(msg, k) == vm_widths{Pre}(msg, k); */
    return n;
}

/*
 * Feeds an idle d the bytes before the end marker of the frame vm_encode_message put
 * in wire: those that carry seq, msg[0 .. len - 1] and checksum. d holds the three in
 * order afterwards. Returns where the end marker is.
 */
/*@
  requires vm_decoder_valid(d) && vm_decoder_idle(d);
  requires len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(wire + (0 .. VM_ENCODED_MAX - 1));
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(completed);
  requires \separated(d, completed, msg + (0 .. len - 1), wire + (0 .. VM_ENCODED_MAX - 1));
  requires vm_encodes(wire, 0, seq);
  requires \forall integer k; 0 <= k < len ==>
           vm_encodes(wire, vm_width(seq) + vm_widths(msg, k), msg[k]);
  requires vm_encodes(wire, vm_width(seq) + vm_widths(msg, len), checksum);
  requires vm_width(seq) + vm_widths(msg, len) + vm_width(checksum) < VM_ENCODED_MAX;
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1], *completed;
  ensures vm_decoder_valid(d) && d->fault == VM_FAULT_NONE && d->escape == 0;
  ensures d->len == len + VM_FRAME_OVERHEAD;
  ensures d->buf[VM_SEQ_OFFSET] == seq && d->buf[len + 1] == checksum;
  ensures \forall integer i; 0 <= i < len ==> d->buf[VM_MESSAGE_OFFSET + i] == \old(msg[i]);
  ensures vm_sum(&d->buf[0], d->len)
          == ((seq + vm_sum{Pre}(msg, len)) % 256 + checksum) % 256;
  ensures *completed == \old(*completed);
  ensures \result == vm_width(seq) + vm_widths{Pre}(msg, len) + vm_width(checksum);
*/
static size_t vm_feed_body(struct vm_decoder *d, const uint8_t *wire, uint8_t seq,
                           const uint8_t *msg, size_t len, uint8_t checksum,
                           size_t *completed)
{
    size_t at = vm_feed_message(d, wire, seq, msg, len, completed);

    at = vm_feed_byte(d, wire, at, checksum, completed);
    /*@ assert vm_sum(&d->buf[0], d->len)
               == (vm_sum(&d->buf[0], d->len - 1) + checksum) % 256; */
    return at;
}

struct vm_event vm_round_trip(struct vm_decoder *d, uint8_t seq, const uint8_t *msg, size_t len,
                              uint8_t wire[VM_ENCODED_MAX], size_t *wire_len, size_t *completed)
{
    uint8_t sum = vm_sum_bytes(msg, len);
    uint8_t checksum = (uint8_t)((512 - seq - sum) % 256);
    size_t n = vm_encode_frame(seq, msg, len, wire);
    struct vm_event e;
    size_t at;

    *completed = 0;
    at = vm_feed_body(d, wire, seq, msg, len, checksum, completed);
    /*@ assert ((seq + sum) % 256 + checksum) % 256 == 0; */
    /*@ assert vm_sum(&d->buf[0], d->len) == 0; */
    /*@ assert \forall integer i; 0 <= i < len ==>
                 d->buf[VM_MESSAGE_OFFSET + i] == \at(msg[i], Pre); */
    e = vm_decoder_feed(d, wire[at]);
    /*@ assert \forall integer i; 0 <= i < len ==>
                 d->buf[VM_MESSAGE_OFFSET + i] == \at(msg[i], Pre); */
    *completed += vm_completes(e);
    *wire_len = n;
    return e;
}

/*@
  // wire spells buf[0 .. len - 1] byte by byte in canonical form: buf[k] at
  // wire[pos[k] ..], each in its width, the first at wire[0], all before wire[pos[len]].
  predicate vm_spelled{L}(uint8_t *wire, uint8_t *buf, size_t *pos, integer len) =
    pos[0] == 0
    && (\forall integer k; 0 <= k < len ==>
          pos[k + 1] == pos[k] + vm_width(buf[k]) && vm_encodes(wire, pos[k], buf[k]))
    && \forall integer k; 0 <= k <= len ==> pos[k] <= pos[len];

  // After wire[0 .. i - 1]: unless the frame is broken, the decoder holds what those
  // bytes spell, with the escape pending if the last of them was one.
  predicate vm_decoded{L}(struct vm_decoder *d, uint8_t *wire, integer i, size_t *pos) =
    d->fault == VM_FAULT_NONE ==>
      vm_spelled(wire, &d->buf[0], pos, d->len)
      && pos[d->len] + (d->escape != 0 ? 1 : 0) == i
      && (d->escape != 0 ==> 1 <= i && wire[i - 1] == VM_ESCAPE);

  // The frame[0 .. len + 1] ends with the checksum of the bytes before it.
  predicate vm_checksum_is{L}(uint8_t *frame, integer len) =
    frame[len + 1] == vm_checksum_of(frame[0], vm_sum(frame + 1, len));
*/

/*@ ghost
  // vm_spelled, from its facts.
  /@ requires pos[0] == 0;
     requires \forall integer k; 0 <= k < n ==> pos[k + 1] == pos[k] + vm_width(buf[k]);
     requires \forall integer k; 0 <= k < n ==> vm_encodes(wire, pos[k], buf[k]);
     requires \forall integer k; 0 <= k <= n ==> pos[k] <= pos[n];
     assigns \nothing;
     ensures vm_spelled(wire, buf, pos, n); @/
  static void vm_spelled_of(const uint8_t *wire, const uint8_t *buf, const size_t \ghost *pos,
                            size_t n)
  {
  }
*/

/*@ ghost
  // A spelling one byte longer.
  /@ requires pos[0] == 0;
     requires \forall integer k; 0 <= k < n ==> pos[k + 1] == pos[k] + vm_width(buf[k]);
     requires \forall integer k; 0 <= k < n ==> vm_encodes(wire, pos[k], buf[k]);
     requires \forall integer k; 0 <= k <= n ==> pos[k] <= pos[n];
     requires pos[n + 1] == pos[n] + vm_width(buf[n]);
     requires vm_encodes(wire, pos[n], buf[n]);
     assigns \nothing;
     ensures vm_spelled(wire, buf, pos, n + 1); @/
  static void vm_spelled_grow(const uint8_t *wire, const uint8_t *buf, const size_t \ghost *pos,
                              size_t n)
  {
  }
*/

/*
 * vm_decoder_feed for a byte that is no end marker, its contract case by case in the
 * terms the spelling below needs (the frame's end and its judgement left out).
 */
/*@
  requires vm_decoder_valid(d);
  requires !vm_end(b);
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1];
  ensures vm_decoder_valid(d);
  ensures \result.frame == VM_FRAME_NONE;
  ensures \old(d->fault) != VM_FAULT_NONE ==> d->fault != VM_FAULT_NONE;
  ensures \old(d->fault) == VM_FAULT_NONE && \old(d->escape) == 0 && b == VM_ESCAPE ==>
          d->fault == VM_FAULT_NONE && d->escape != 0 && d->len == \old(d->len)
          && \forall integer k; 0 <= k < VM_FRAME_CAPACITY ==> d->buf[k] == \old(d->buf[k]);
  ensures \old(d->fault) == VM_FAULT_NONE && \old(d->escape) == 0 && b != VM_ESCAPE
          && d->fault == VM_FAULT_NONE ==>
          d->escape == 0 && d->len == \old(d->len) + 1 && d->buf[\old(d->len)] == b
          && \forall integer k; 0 <= k < \old(d->len) ==> d->buf[k] == \old(d->buf[k]);
  ensures \old(d->fault) == VM_FAULT_NONE && \old(d->escape) != 0
          && d->fault == VM_FAULT_NONE ==>
          d->escape == 0 && vm_escaped(b) && d->len == \old(d->len) + 1
          && d->buf[\old(d->len)] == b - VM_ESCAPE_BIT
          && \forall integer k; 0 <= k < \old(d->len) ==> d->buf[k] == \old(d->buf[k]);
*/
static struct vm_event vm_feed_inner(struct vm_decoder *d, uint8_t b)
{
    return vm_decoder_feed(d, b);
}

/*
 * Feeds d the byte wire[i] of a byte string whose bytes before it d was fed; pos (ghost)
 * keeps where each byte d holds was read. Returns the byte's event.
 */
/*@
  requires vm_decoder_valid(d);
  requires i < SIZE_MAX;
  requires \valid_read(wire + i);
  requires \valid(pos + (0 .. VM_FRAME_CAPACITY));
  requires \separated(d, wire + (0 .. i));
  requires vm_decoded(d, wire, i, pos);
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1],
          pos[0 .. VM_FRAME_CAPACITY];
  ensures vm_decoder_valid(d);
  ensures vm_end(\old(wire[i])) ==> \result.frame != VM_FRAME_NONE;
  ensures !vm_end(\old(wire[i])) ==> \result.frame == VM_FRAME_NONE;
  ensures !vm_end(\old(wire[i])) ==> vm_decoded(d, wire, i + 1, pos);
*/
static struct vm_event vm_feed_wire(struct vm_decoder *d, const uint8_t *wire, size_t i)
    /*@ ghost (size_t \ghost *pos) */
{
    struct vm_event e;
    /*@ ghost uint16_t held = d->len; */
    /*@ ghost uint8_t broken = d->fault; */
    /*@ ghost bool pending = d->escape; */

    if (wire[i] == VM_MESSAGE_END || wire[i] == VM_COMMAND_END) {
        return vm_decoder_feed(d, wire[i]);
    }
    e = vm_feed_inner(d, wire[i]);
    /*@ ghost
      if (d->fault == VM_FAULT_NONE) {
        if (d->escape) {
          /@ assert broken == VM_FAULT_NONE && !pending && wire[i] == VM_ESCAPE; @/
          /@ assert d->len == held; @/
          /@ assert \at(vm_spelled(wire, &d->buf[0], pos, d->len), Pre); @/
          /@ assert pos[held] == i; @/
          /@ assert \forall integer k; 0 <= k < held ==> d->buf[k] == \at(d->buf[k], Pre); @/
          /@ assert \forall integer j; 0 <= j <= i ==> wire[j] == \at(wire[j], Pre); @/
          /@ assert \forall integer k; 0 <= k < held ==>
                    pos[k + 1] == pos[k] + vm_width(d->buf[k]); @/
          /@ assert \forall integer k; 0 <= k < held ==> vm_encodes(wire, pos[k], d->buf[k]); @/
          vm_spelled_of(wire, &d->buf[0], pos, held);
          /@ assert vm_decoded(d, wire, i + 1, pos); @/
        } else {
          pos[d->len] = i + 1;
          /@ assert broken == VM_FAULT_NONE && d->len == held + 1; @/
          /@ assert \at(vm_spelled(wire, &d->buf[0], pos, d->len), Pre); @/
          /@ assert \at(pos[d->len], Pre) + (pending ? 1 : 0) == i; @/
          /@ assert \forall integer k; 0 <= k < held ==> d->buf[k] == \at(d->buf[k], Pre); @/
          /@ assert \forall integer k; 0 <= k <= held ==> pos[k] == \at(pos[k], Pre); @/
          /@ assert \forall integer j; 0 <= j <= i ==> wire[j] == \at(wire[j], Pre); @/
          /@ assert \forall integer k; 0 <= k <= held ==> pos[k] <= pos[held]; @/
          /@ assert pos[0] == 0; @/
          /@ assert \forall integer k; 0 <= k < held ==>
                    pos[k + 1] == pos[k] + vm_width(d->buf[k]); @/
          /@ assert \forall integer k; 0 <= k < held ==> vm_encodes(wire, pos[k], d->buf[k]); @/
          /@ assert pos[held + 1] == pos[held] + vm_width(d->buf[held]); @/
          /@ assert vm_encodes(wire, pos[held], d->buf[held]); @/
          vm_spelled_grow(wire, &d->buf[0], pos, held);
          /@ assert vm_decoded(d, wire, i + 1, pos); @/
        }
      }
    */
    return e;
}

/*
 * The last byte of a byte string, wire[i]: fed to d like the others. If it delivers a
 * message, the frame d holds (as it is now, after the byte) is what wire[0 .. i - 1]
 * spells, and its last byte is the checksum of the others.
 */
/*@
  requires vm_decoder_valid(d);
  requires \valid_read(wire + i);
  requires \valid_read(pos + (0 .. VM_FRAME_CAPACITY));
  requires \separated(d, wire + (0 .. i));
  requires vm_decoded(d, wire, i, pos);
  assigns d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1];
  ensures vm_decoder_valid(d);
  ensures \result.kind == VM_EVENT_MESSAGE ==>
          \old(wire[i]) == VM_MESSAGE_END && vm_decoder_idle(d)
          && \result.start == VM_MESSAGE_OFFSET
          && \result.len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD
          && \result.seq == d->buf[VM_SEQ_OFFSET];
  ensures \result.kind == VM_EVENT_MESSAGE ==> vm_checksum_is(&d->buf[0], \result.len);
  ensures \result.kind == VM_EVENT_MESSAGE ==>
          vm_spelled(wire, &d->buf[0], pos, \result.len + VM_FRAME_OVERHEAD)
          && pos[\result.len + VM_FRAME_OVERHEAD] == i;
*/
static struct vm_event vm_feed_last(struct vm_decoder *d, const uint8_t *wire, size_t i)
    /*@ ghost (size_t \ghost *pos) */
{
    /*@ ghost uint16_t held = d->len; */
    /*@ ghost uint16_t k; */
    struct vm_event e = vm_decoder_feed(d, wire[i]);

    /*@ assert e.kind == VM_EVENT_MESSAGE ==>
                 vm_end(\at(wire[i], Pre)) && held == e.len + VM_FRAME_OVERHEAD
                 && \at(d->fault, Pre) == VM_FAULT_NONE && \at(d->escape, Pre) == 0; */
    /*@ assert e.kind == VM_EVENT_MESSAGE ==>
                 \at(vm_spelled(wire, &d->buf[0], pos, d->len), Pre) && pos[held] == i; */
    /*@ assert e.kind == VM_EVENT_MESSAGE ==>
                 \forall integer j; 0 <= j < VM_FRAME_CAPACITY ==>
                   d->buf[j] == \at(d->buf[j], Pre); */
    /*@ assert e.kind == VM_EVENT_MESSAGE ==>
                 \forall integer j; 0 <= j < held ==>
                   vm_encodes(wire, pos[j], d->buf[j])
                   && pos[j + 1] == pos[j] + vm_width(d->buf[j]); */
    /*@ assert e.kind == VM_EVENT_MESSAGE ==>
                 pos[0] == 0 && \forall integer j; 0 <= j <= held ==> pos[j] <= pos[held]; */
    /*@ ghost
      // The bytes did not change, so neither did their sum.
      /@ loop invariant 0 <= k <= held;
         loop invariant e.kind == VM_EVENT_MESSAGE ==>
                        vm_sum(&d->buf[0], k) == vm_sum{Pre}(&d->buf[0], k);
         loop assigns k;
         loop variant held - k; @/
      for (k = 0; k < held; k++) {
      }
    */
    /*@ assert e.kind == VM_EVENT_MESSAGE ==> vm_sum(&d->buf[0], held) == 0; */
    /*@ ghost
      if (e.kind == VM_EVENT_MESSAGE) {
        vm_checksum_from_sum(&d->buf[0], e.len);
        vm_spelled_of(wire, &d->buf[0], pos, held);
      }
    */
    return e;
}

/*@ ghost
  // What vm_spelled says, one fact at a time.
  /@ requires vm_spelled(wire, buf, pos, n + 2);
     assigns \nothing;
     ensures pos[0] == 0;
     ensures \forall integer k; 0 <= k < n + 2 ==> pos[k + 1] == pos[k] + vm_width(buf[k]);
     ensures \forall integer k; 0 <= k < n + 2 ==> vm_encodes(wire, pos[k], buf[k]); @/
  static void vm_spelled_parts(const uint8_t *wire, const uint8_t *buf,
                               const size_t \ghost *pos, size_t n)
  {
  }

  // pos places p[0 .. n + 1] one after the other from 0: pos[j] is where the encoder
  // puts the byte after p[0 .. j - 1].
  /@ requires n <= VM_FRAME_CAPACITY;
     requires pos[0] == 0;
     requires \forall integer k; 0 <= k < n + 2 ==> pos[k + 1] == pos[k] + vm_width(p[k]);
     assigns \nothing;
     ensures \forall integer j; 1 <= j <= n + 2 ==>
             pos[j] == vm_width(p[0]) + vm_widths(p + 1, j - 1);
     ensures pos[n + 2] == vm_width(p[0]) + vm_widths(p + 1, n) + vm_width(p[n + 1]); @/
  static void vm_positions(const uint8_t *p, const size_t \ghost *pos, size_t n)
  {
    size_t k;

    /@ loop invariant 0 <= k <= n + 1;
       loop invariant \forall integer j; 0 <= j <= k ==>
                      pos[j + 1] == vm_width(p[0]) + vm_widths(p + 1, j);
       loop assigns k;
       loop variant n - k; @/
    for (k = 0; k <= n; k++) {
      /@ assert vm_widths(p + 1, k + 1) == vm_widths(p + 1, k) + vm_width(p[k + 1]); @/
    }
  }

  // The encoder's frame of (p[0], p[1 .. n]) with p[n + 1] as its checksum spells p
  // at the places pos gives.
  /@ requires pos[0] == 0;
     requires \forall integer j; 1 <= j <= n + 2 ==>
              pos[j] == vm_width(p[0]) + vm_widths(p + 1, j - 1);
     requires vm_encodes(out, 0, p[0]);
     requires \forall integer k; 0 <= k < n ==>
              vm_encodes(out, vm_width(p[0]) + vm_widths(p + 1, k), (p + 1)[k]);
     requires vm_encodes(out, vm_width(p[0]) + vm_widths(p + 1, n), p[n + 1]);
     assigns \nothing;
     ensures \forall integer k; 0 <= k < n + 2 ==> vm_encodes(out, pos[k], p[k]); @/
  static void vm_out_spelled(const uint8_t *out, const uint8_t *p, const size_t \ghost *pos,
                             size_t n)
  {
    size_t k;

    /@ loop invariant 0 <= k <= n + 2;
       loop invariant \forall integer j; 0 <= j < k ==> vm_encodes(out, pos[j], p[j]);
       loop assigns k;
       loop variant n + 2 - k; @/
    for (k = 0; k < n + 2; k++) {
      /@ assert 1 <= k <= n ==> pos[k] == vm_width(p[0]) + vm_widths(p + 1, k - 1); @/
      /@ assert 1 <= k <= n ==>
                vm_encodes(out, vm_width(p[0]) + vm_widths(p + 1, k - 1), (p + 1)[k - 1]); @/
      /@ assert k == n + 1 ==> pos[k] == vm_width(p[0]) + vm_widths(p + 1, n); @/
      /@ assert vm_encodes(out, pos[k], p[k]); @/
    }
  }

  // Two byte strings that spell the same n + 2 bytes at the same places agree there.
  /@ requires n <= VM_FRAME_CAPACITY;
     requires \forall integer k; 0 <= k < n + 2 ==> pos[k + 1] == pos[k] + vm_width(buf[k]);
     requires \forall integer k; 0 <= k < n + 2 ==> vm_encodes(a, pos[k], buf[k]);
     requires \forall integer k; 0 <= k < n + 2 ==> vm_encodes(b, pos[k], buf[k]);
     assigns \nothing;
     ensures \forall integer j; pos[0] <= j < pos[n + 2] ==> a[j] == b[j]; @/
  static void vm_same_spelling(const uint8_t *a, const uint8_t *b, const uint8_t *buf,
                               const size_t \ghost *pos, size_t n)
  {
    size_t k;

    /@ loop invariant 0 <= k <= n + 2;
       loop invariant \forall integer j; pos[0] <= j < pos[k] ==> a[j] == b[j];
       loop assigns k;
       loop variant n + 2 - k; @/
    for (k = 0; k < n + 2; k++) {
    }
  }
*/

/*
 * Encodes the message of a decoded frame, frame[0] its sequence byte and
 * frame[1 .. len] the message, whose last byte frame[len + 1] is their checksum.
 * The encoder's contract, with that checksum byte in it and read after the encoding.
 */
/*@
  requires len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(frame + (0 .. len + 1));
  requires \valid(out + (0 .. VM_ENCODED_MAX - 1));
  requires \separated(frame + (0 .. len + 1), out + (0 .. VM_ENCODED_MAX - 1));
  requires vm_checksum_is(frame, len);
  assigns out[0 .. VM_ENCODED_MAX - 1];
  ensures \forall integer k; 0 <= k < len + 2 ==> frame[k] == \old(frame[k]);
  ensures \result == vm_width(frame[0]) + vm_widths(frame + 1, len) + vm_width(frame[len + 1]) + 1;
  ensures \result <= VM_ENCODED_MAX;
  ensures vm_encodes(out, 0, frame[0]);
  ensures \forall integer k; 0 <= k < len ==>
          vm_encodes(out, vm_width(frame[0]) + vm_widths(frame + 1, k), (frame + 1)[k]);
  ensures vm_encodes(out, vm_width(frame[0]) + vm_widths(frame + 1, len), frame[len + 1]);
  ensures out[\result - 1] == VM_MESSAGE_END;
*/
static size_t vm_encode_checked(const uint8_t *frame, uint16_t len, uint8_t *out)
{
    size_t m = vm_encode_frame(frame[VM_SEQ_OFFSET], frame + VM_MESSAGE_OFFSET, len, out);

    /*@ assert \forall integer k; 0 <= k < len + 2 ==> frame[k] == \at(frame[k], Pre); */
    /*@ assert vm_width(frame[0]) == vm_width(\at(frame[0], Pre)); */
    /*@ assert \at(frame[len + 1], Pre)
               == vm_checksum_of(\at(frame[0], Pre), vm_sum{Pre}(frame + 1, len)); */
    /*@ assert frame[len + 1] == vm_checksum_of(\at(frame[0], Pre), vm_sum(frame + 1, len)); */
    return m;
}

/*
 * vm_encode_checked, and what wire (ghost) spells at pos (ghost) it still spells: wire
 * is not written.
 */
/*@
  requires len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(frame + (0 .. len + 1));
  requires \valid(out + (0 .. VM_ENCODED_MAX - 1));
  requires \separated(frame + (0 .. len + 1), out + (0 .. VM_ENCODED_MAX - 1));
  requires \separated(wire + (0 .. pos[len + 2] - 1), out + (0 .. VM_ENCODED_MAX - 1));
  requires vm_checksum_is(frame, len);
  requires vm_spelled(wire, frame, pos, len + 2);
  assigns out[0 .. VM_ENCODED_MAX - 1];
  ensures vm_spelled(wire, frame, pos, len + 2);
  ensures \result == vm_width(frame[0]) + vm_widths(frame + 1, len) + vm_width(frame[len + 1]) + 1;
  ensures \result <= VM_ENCODED_MAX;
  ensures vm_encodes(out, 0, frame[0]);
  ensures \forall integer k; 0 <= k < len ==>
          vm_encodes(out, vm_width(frame[0]) + vm_widths(frame + 1, k), (frame + 1)[k]);
  ensures vm_encodes(out, vm_width(frame[0]) + vm_widths(frame + 1, len), frame[len + 1]);
  ensures out[\result - 1] == VM_MESSAGE_END;
*/
static size_t vm_encode_keeping(const uint8_t *frame, uint16_t len, uint8_t *out)
    /*@ ghost (const uint8_t *wire, size_t \ghost *pos) */
{
    size_t m = vm_encode_checked(frame, len, out);

    /*@ assert \forall integer j; 0 <= j < pos[len + 2] ==> wire[j] == \at(wire[j], Pre); */
    /*@ assert \forall integer k; 0 <= k < len + 2 ==>
                 pos[k + 1] == pos[k] + vm_width(frame[k]); */
    /*@ assert \forall integer k; 0 <= k < len + 2 ==> pos[k + 1] <= pos[len + 2]; */
    /*@ assert \forall integer k; 0 <= k < len + 2 ==> vm_encodes(wire, pos[k], frame[k]); */
    return m;
}

/*
 * Re-encodes the message d holds, a frame of len message bytes between its sequence
 * byte and its checksum, into out (as vm_encode_checked); wire (ghost) spells the frame
 * at pos (ghost). The re-encoding is wire's bytes up to the frame's end, then the end
 * marker. d is left as it is.
 */
/*@
  requires len <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires vm_decoder_valid(d) && vm_decoder_idle(d);
  requires \valid(out + (0 .. VM_ENCODED_MAX - 1));
  requires \separated(d, out + (0 .. VM_ENCODED_MAX - 1));
  requires \separated(wire + (0 .. pos[len + 2] - 1), out + (0 .. VM_ENCODED_MAX - 1));
  requires vm_checksum_is(&d->buf[0], len);
  requires vm_spelled(wire, &d->buf[0], pos, len + 2);
  assigns out[0 .. VM_ENCODED_MAX - 1];
  ensures vm_decoder_valid(d) && vm_decoder_idle(d) && d->sender == \old(d->sender);
  ensures \result == pos[len + 2] + 1 && \result <= VM_ENCODED_MAX;
  ensures \forall integer j; 0 <= j < pos[len + 2] ==> out[j] == wire[j];
  ensures out[\result - 1] == VM_MESSAGE_END;
*/
static size_t vm_reencode(const struct vm_decoder *d, uint16_t len, uint8_t *out)
    /*@ ghost (const uint8_t *wire, size_t \ghost *pos) */
{
    size_t m = vm_encode_keeping(&d->buf[0], len, out) /*@ ghost (wire, pos) */;

    /*@ assert vm_decoder_valid(d) && vm_decoder_idle(d) && d->sender == \at(d->sender, Pre); */
    /*@ ghost vm_spelled_parts(wire, &d->buf[0], pos, len); */
    /*@ ghost vm_positions(&d->buf[0], pos, len); */
    /*@ ghost vm_out_spelled(out, &d->buf[0], pos, len); */
    /*@ ghost vm_same_spelling(out, wire, &d->buf[0], pos, len); */
    return m;
}

bool vm_decode_canonical(struct vm_decoder *d, const uint8_t *wire, size_t n,
                         uint8_t out[VM_ENCODED_MAX], size_t *out_len)
{
    struct vm_event e;
    size_t last;
    size_t i;
    /*@ ghost size_t pos[VM_FRAME_CAPACITY + 1]; */

    if (n == 0) {
        return false;
    }
    last = n - 1;
    /*@ assert last + 1 == n; */
    /*@ ghost pos[0] = 0; */
    /*@
      loop invariant 0 <= i <= last;
      loop invariant vm_decoder_valid(d) && d->sender == \at(d->sender, Pre);
      loop invariant \forall integer j; 0 <= j < i ==> !vm_end(\at(wire[j], Pre));
      loop invariant vm_decoded(d, wire, i, &pos[0]);
      loop assigns i, e, d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1],
                   pos[0 .. VM_FRAME_CAPACITY];
      loop variant last - i;
    */
    for (i = 0; i < last; i++) {
        e = vm_feed_wire(d, wire, i) /*@ ghost (pos) */;
        if (e.frame != VM_FRAME_NONE) {
            return false;
        }
    }
    e = vm_feed_last(d, wire, last) /*@ ghost (pos) */;
    if (e.kind != VM_EVENT_MESSAGE) {
        return false;
    }
    *out_len = vm_reencode(d, e.len, out) /*@ ghost (wire, pos) */;
    return true;
}
