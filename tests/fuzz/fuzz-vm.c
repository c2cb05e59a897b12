/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-vm: the README.vm decoder (generated/vm_framing.c, from spec/vm.yaml), which
 * reads whatever the chardev brings: noise fed in spans, with good frames put into it. Every event must
 * name bytes inside the decoder's buffer; a message must survive being framed again
 * by the encoder and decoded once more; and every good frame put into the noise, after
 * an end marker that closes whatever the noise began, must be delivered exactly, at
 * its last byte and there only.
 */
#include <string.h>

#include "fuzz-common.h"
#include "vm_codec.h"

static void check_event(const struct vm_decoder *d, struct vm_event e)
{
    uint8_t out[VM_ENCODED_MAX];
    struct vm_decoder again;
    struct vm_event back = { 0 };
    size_t n, i;

    if (e.start + e.len > VM_FRAME_CAPACITY) {
        fuzz_fail("event bytes %u+%u leave the %d-byte buffer", e.start, e.len,
                  VM_FRAME_CAPACITY);
    }
    if (e.kind != VM_EVENT_MESSAGE) {
        return;
    }
    n = vm_encode_message(e.seq, d->buf + e.start, e.len, out, sizeof(out));
    if (n == 0) {
        fuzz_fail("a %u-byte message decoded but does not encode", e.len);
    }
    vm_decoder_init(&again, d->sender);
    for (i = 0; i < n; i++) {
        back = vm_decoder_feed(&again, out[i]);
    }
    if (back.kind != VM_EVENT_MESSAGE || back.seq != e.seq || back.len != e.len ||
        memcmp(again.buf + back.start, d->buf + e.start, e.len) != 0) {
        fuzz_fail("a %u-byte message does not survive encode and decode (kind %u)", e.len,
                  back.kind);
    }
}

/* The good frames the harness puts into the noise: 3 to 18 message bytes. */
#define GOOD_MIN 3
#define GOOD_SPREAD 16

/*
 * Feeds one good frame, made of the input's next bytes, to a decoder that the noise
 * before it left anywhere: an end marker first closes whatever frame the noise began
 * (it is judged, and may be broken), then the frame must come out whole, at its last
 * byte and there only. Returns how many input bytes it used.
 */
static size_t good_frame(struct vm_decoder *d, const uint8_t *data, size_t size)
{
    uint8_t msg[GOOD_MIN + GOOD_SPREAD], frame[VM_ENCODED_MAX];
    struct vm_event e = { 0 };
    size_t len, n, i;
    uint8_t seq;

    if (size < 2) {
        return size;
    }
    seq = data[0];
    len = GOOD_MIN + data[1] % GOOD_SPREAD;
    for (i = 0; i < len; i++) {
        msg[i] = 2 + i < size ? data[2 + i] : (uint8_t)i;
    }
    check_event(d, vm_decoder_feed(d, VM_COMMAND_END));
    n = vm_encode_message(seq, msg, len, frame, sizeof(frame));
    for (i = 0; i < n; i++) {
        e = vm_decoder_feed(d, frame[i]);
        if (i + 1 < n && e.kind != VM_EVENT_NONE) {
            fuzz_fail("byte %zu of %zu of a good frame completed event %u", i, n, e.kind);
        }
    }
    if (e.kind != VM_EVENT_MESSAGE || e.seq != seq || e.len != len ||
        memcmp(d->buf + e.start, msg, len) != 0) {
        fuzz_fail("a good %zu-byte frame in the noise was not delivered (kind %u)", len,
                  e.kind);
    }
    return 2 + len < size ? 2 + len : size;
}

/*
 * The input: byte 0 picks the sender; then, over and over, a byte giving how much
 * noise comes next (0 to 63 bytes, fed in spans split where the input says), the
 * noise, and the bytes of a good frame, which must be delivered whatever the noise.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct vm_decoder d;
    size_t pos = 1;

    if (size == 0) {
        return 0;
    }
    vm_decoder_init(&d, data[0] % 2 ? VM_SENDER_BMC : VM_SENDER_VM);
    while (pos < size) {
        size_t noise = data[pos++] % 64;
        size_t end = pos + noise < size ? pos + noise : size;

        while (pos < end) {
            size_t used;
            struct vm_event e = vm_decoder_feed_span(&d, data + pos, end - pos, &used);

            if (used == 0 || used > end - pos) {
                fuzz_fail("a span of %zu bytes used %zu", end - pos, used);
            }
            check_event(&d, e);
            pos += used;
        }
        pos += good_frame(&d, data + pos, size - pos);
    }
    return 0;
}
