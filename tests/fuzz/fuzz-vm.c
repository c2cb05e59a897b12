/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-vm: the README.vm decoder (verified/vm_codec.c), which reads whatever the
 * chardev brings. The first byte picks the sender, the rest is fed byte by byte. Every
 * event must name bytes inside the decoder's buffer; a message must survive being
 * framed again by the encoder and decoded once more; and after any stream, a reset and
 * one good frame must give exactly that message.
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const uint8_t get_device_id[] = { 0x18, 0x01 };
    struct vm_decoder d;
    uint8_t frame[VM_ENCODED_MAX];
    struct vm_event e = { 0 };
    size_t i, n;

    if (size == 0) {
        return 0;
    }
    vm_decoder_init(&d, data[0] % 2 ? VM_SENDER_BMC : VM_SENDER_VM);
    for (i = 1; i < size; i++) {
        check_event(&d, vm_decoder_feed(&d, data[i]));
    }

    /* The stream was cut anywhere: the next good frame must still come through. */
    vm_decoder_reset(&d);
    vm_decoder_init(&d, VM_SENDER_VM);
    n = vm_encode_message(0x42, get_device_id, sizeof(get_device_id), frame, sizeof(frame));
    for (i = 0; i < n; i++) {
        e = vm_decoder_feed(&d, frame[i]);
    }
    if (e.kind != VM_EVENT_MESSAGE || e.seq != 0x42 || e.len != sizeof(get_device_id) ||
        memcmp(d.buf + e.start, get_device_id, sizeof(get_device_id)) != 0) {
        fuzz_fail("a good frame after the stream did not decode (kind %u)", e.kind);
    }
    return 0;
}
