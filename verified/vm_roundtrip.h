/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VM protocol codec's round trip, stated as two contracts that WP proves from
 * vm_codec.h's contracts (the encoder's and the decoder's; their bodies are not read).
 *
 * vm_round_trip: the encoder's frame of any message, from the decoder's sender's
 * shortest to the longest a frame holds (VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD bytes),
 * fed byte by byte to an idle decoder, gives back that message with its sequence
 * byte, at the last byte and only there: no byte before it completes anything, so a
 * receiver delivers exactly this one message. The decoder is idle again afterwards.
 *
 * vm_decode_canonical: the converse, the encoding is unique. Feed a byte string to an
 * idle decoder; if the only byte that completes anything is the last and the decoder
 * delivers a message there, the encoder's frame of that message is the byte string
 * itself, byte for byte and of the same length. So no other spelling of a message
 * (a plain byte escaped, a marker or checksum written otherwise) is accepted, and the
 * encoder and the decoder are inverse bijections between messages and accepted frames.
 *
 * "Completes anything" is what a receiver acts on: an event other than
 * VM_EVENT_NONE, or the end of a frame (an empty frame ends with VM_EVENT_NONE but
 * ends it all the same; see vm_completes_something).
 *
 * Both are plain C99 and run: the unit test runs them on many messages. The proof
 * keeps its induction in ghost code (loops that read no memory), so the compiled code
 * is only the feeding and the encoding.
 */
#ifndef VM_ROUNDTRIP_H
#define VM_ROUNDTRIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm_codec.h"

/*@
  // What a receiver acts on: an event, or a frame's end (an empty one yields no event).
  predicate vm_completes_something(struct vm_event e) =
    e.kind != VM_EVENT_NONE || e.frame != VM_FRAME_NONE;
*/

/* 1 if a byte's event is something a receiver acts on, else 0. */
/*@
  assigns \nothing;
  ensures \result == 0 || \result == 1;
  ensures \result == 1 <==> vm_completes_something(e);
*/
size_t vm_completes(struct vm_event e);

/*
 * Encodes (seq, msg[0 .. len - 1]) into wire with vm_encode_message, then feeds every
 * byte of the frame, first to last, to d. Returns the last byte's event; *wire_len is
 * the frame's length and *completed the number of bytes fed that completed something.
 */
/*@
  requires vm_decoder_valid(d) && vm_decoder_idle(d);
  requires vm_message_min_of(d->sender) - VM_FRAME_OVERHEAD <= len
           <= VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD;
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(wire + (0 .. VM_ENCODED_MAX - 1));
  requires \valid(wire_len) && \valid(completed);
  requires \separated(d, msg + (0 .. len - 1), wire + (0 .. VM_ENCODED_MAX - 1),
                      wire_len, completed);
  assigns wire[0 .. VM_ENCODED_MAX - 1], *wire_len, *completed,
          d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1];
  ensures *wire_len == vm_width(seq) + vm_widths{Pre}(msg, len)
                       + vm_width(vm_checksum_of(seq, vm_sum{Pre}(msg, len))) + 1;
  ensures 1 <= *wire_len <= VM_ENCODED_MAX && wire[*wire_len - 1] == VM_MESSAGE_END;
  ensures \result.kind == VM_EVENT_MESSAGE && \result.frame == VM_FRAME_MESSAGE;
  ensures \result.seq == seq && \result.start == VM_MESSAGE_OFFSET && \result.len == len;
  ensures \forall integer i; 0 <= i < len ==> d->buf[\result.start + i] == \old(msg[i]);
  ensures *completed == 1;
  ensures vm_decoder_valid(d) && vm_decoder_idle(d) && d->sender == \old(d->sender);
*/
struct vm_event vm_round_trip(struct vm_decoder *d, uint8_t seq, const uint8_t *msg, size_t len,
                              uint8_t wire[VM_ENCODED_MAX], size_t *wire_len, size_t *completed);

/*
 * Feeds wire[0 .. n - 1] to d, a byte at a time, stopping at a byte before the last
 * that completes something. Returns true if none did and the last byte's event is a
 * message: the decoder accepted wire as exactly one message frame. Then re-encodes
 * that message with vm_encode_message into out (the frame the decoder holds: its
 * sequence byte d->buf[0] and the message d->buf[1 .. len], as the event names them),
 * and *out_len is the re-encoding's length.
 *
 * \result is the decoder's verdict, as the code computes it from the events; the
 * contract is what follows from it: the re-encoding is wire, its length n. (wire is
 * only read; its bytes are named as they came, \old, where that is what the proof
 * carried.)
 */
/*@
  requires vm_decoder_valid(d) && vm_decoder_idle(d);
  requires \valid_read(wire + (0 .. n - 1));
  requires \valid(out + (0 .. VM_ENCODED_MAX - 1));
  requires \valid(out_len);
  requires \separated(d, wire + (0 .. n - 1), out + (0 .. VM_ENCODED_MAX - 1), out_len);
  assigns out[0 .. VM_ENCODED_MAX - 1], *out_len,
          d->escape, d->fault, d->len, d->buf[0 .. VM_FRAME_CAPACITY - 1];
  ensures vm_decoder_valid(d) && d->sender == \old(d->sender);
  ensures \result ==> 1 <= n <= VM_ENCODED_MAX && vm_decoder_idle(d);
  ensures \result ==> \old(wire[n - 1]) == VM_MESSAGE_END
                      && \forall integer i; 0 <= i < n - 1 ==> !vm_end(\old(wire[i]));
  ensures \result ==> *out_len == n;
  ensures \result ==> \forall integer i; 0 <= i < n ==> out[i] == wire[i];
*/
bool vm_decode_canonical(struct vm_decoder *d, const uint8_t *wire, size_t n,
                         uint8_t out[VM_ENCODED_MAX], size_t *out_len);

#endif /* VM_ROUNDTRIP_H */
