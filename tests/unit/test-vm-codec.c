/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VM protocol codec: frames as QEMU's ipmi-bt-test and OpenIPMI's VM codec write
 * them, escaping, broken frames of every kind (each followed by a good one that must
 * come through), each stream also cut into reads at every place, the encoders' exact
 * bytes and room checks, random streams, and the proved round trip and uniqueness of
 * the encoding (verified/vm_roundtrip.h) run on every length.
 */
#include <glib.h>
#include <string.h>

#include "vm_codec.h"
#include "vm_roundtrip.h"

/* Every event a stream yields, in order, with the bytes the last few are about. */
#define SEEN_BYTES 4
struct seen {
    struct vm_event events[1024];
    uint8_t bytes[SEEN_BYTES][VM_FRAME_CAPACITY];
    size_t count;
};

static void record(struct seen *s, const struct vm_decoder *d, struct vm_event e)
{
    g_assert_cmpuint(s->count, <, G_N_ELEMENTS(s->events));
    g_assert_cmpuint(e.start + e.len, <=, VM_FRAME_CAPACITY);
    s->events[s->count] = e;
    memcpy(s->bytes[s->count % SEEN_BYTES], d->buf + e.start, e.len);
    s->count++;
}

/* Feeds the stream a byte at a time; records what is not VM_EVENT_NONE. */
static void feed_bytes(struct seen *s, struct vm_decoder *d, const uint8_t *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        struct vm_event e = vm_decoder_feed(d, p[i]);

        g_assert_cmpuint(d->len, <=, VM_FRAME_CAPACITY);
        if (e.kind != VM_EVENT_NONE) {
            g_assert_true(p[i] == VM_MESSAGE_END || p[i] == VM_COMMAND_END);
            record(s, d, e);
        }
    }
}

/* The same through the span entry point, in chunks of `chunk` bytes. */
static void feed_spans(struct seen *s, struct vm_decoder *d, const uint8_t *p, size_t n,
                       size_t chunk)
{
    size_t pos = 0;

    while (pos < n) {
        size_t part = MIN(chunk, n - pos);
        size_t done = 0;

        while (done < part) {
            size_t used = 0;
            struct vm_event e = vm_decoder_feed_span(d, p + pos + done, part - done, &used);

            g_assert_cmpuint(used, >=, 1);
            g_assert_cmpuint(used, <=, part - done);
            done += used;
            if (e.kind != VM_EVENT_NONE) {
                record(s, d, e);
            } else {
                g_assert_cmpuint(done, ==, part);
            }
        }
        pos += part;
    }
}

/* The stream as three reads, p[0 .. cut1), p[cut1 .. cut2) and p[cut2 .. n). */
static void feed_reads(struct seen *s, struct vm_decoder *d, const uint8_t *p, size_t n,
                       size_t cut1, size_t cut2)
{
    const size_t ends[] = { cut1, cut2, n };
    size_t pos = 0, i;

    for (i = 0; i < G_N_ELEMENTS(ends); i++) {
        if (ends[i] > pos) {
            feed_spans(s, d, p + pos, ends[i] - pos, ends[i] - pos);
            pos = ends[i];
        }
    }
}

static struct seen a, b;

static void expect_same_events(const struct seen *x, const struct seen *y)
{
    g_assert_cmpuint(x->count, ==, y->count);
    g_assert_cmpmem(x->events, sizeof(x->events[0]) * x->count,
                    y->events, sizeof(y->events[0]) * y->count);
}

/* Streams this long are also cut at every pair of places, into three reads. */
#define EVERY_PAIR_OF_CUTS 64

/*
 * The events of a stream (valid until the next call). A stream comes in reads cut
 * anywhere: spans of every size from 1 to 7 and all at once, the stream cut once at
 * every place, and short streams cut twice at every pair of places, all yield the
 * events the stream fed byte by byte does.
 */
static const struct seen *decode(uint8_t sender, const uint8_t *p, size_t n)
{
    struct vm_decoder d;
    size_t i, j;

    a.count = 0;
    vm_decoder_init(&d, sender);
    feed_bytes(&a, &d, p, n);
    for (i = 1; i <= 8; i++) {
        b.count = 0;
        vm_decoder_init(&d, sender);
        feed_spans(&b, &d, p, n, i == 8 ? n + 1 : i);
        expect_same_events(&b, &a);
    }
    for (i = 0; i <= n; i++) {
        for (j = n <= EVERY_PAIR_OF_CUTS ? i : n; j <= n; j++) {
            b.count = 0;
            vm_decoder_init(&d, sender);
            feed_reads(&b, &d, p, n, i, j);
            expect_same_events(&b, &a);
        }
    }
    return &a;
}

#define STREAM(...) ((const uint8_t[]){ __VA_ARGS__ }), sizeof((const uint8_t[]){ __VA_ARGS__ })

static void expect_message(const struct seen *s, size_t i, uint8_t seq, const uint8_t *msg,
                           size_t len)
{
    g_assert_cmpuint(i, <, s->count);
    g_assert_cmpint(s->events[i].kind, ==, VM_EVENT_MESSAGE);
    g_assert_cmpint(s->events[i].frame, ==, VM_FRAME_MESSAGE);
    g_assert_cmpuint(s->events[i].seq, ==, seq);
    g_assert_cmpuint(i + SEEN_BYTES, >=, s->count);
    g_assert_cmpmem(s->bytes[i % SEEN_BYTES], s->events[i].len, msg, len);
}

static void expect_kind(const struct seen *s, size_t i, enum vm_event_kind kind)
{
    g_assert_cmpuint(i, <, s->count);
    g_assert_cmpint(s->events[i].kind, ==, kind);
}

/* The response ipmi-bt-test sends for Get Device ID, with the sequence byte 5. */
static const uint8_t dev_id_rsp[] = { 0x1c, 0x01, 0x00, 0x20, 0x00, 0x00, 0x00,
                                      0x02, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00 };

static size_t frame(uint8_t *out, size_t cap, uint8_t seq, const uint8_t *msg, size_t len)
{
    size_t n = vm_encode_message(seq, msg, len, out, cap);

    g_assert_cmpuint(n, >, 0);
    return n;
}

static void test_tables(void)
{
    /* What spec/vm.yaml says, as the generated tables give it. */
    g_assert_cmpint(vm_command_args(VM_CMD_VERSION, VM_SENDER_BMC), ==, 1);
    g_assert_cmpint(vm_command_args(VM_CMD_VERSION, VM_SENDER_VM), ==, 1);
    g_assert_cmpint(vm_command_args(VM_CMD_CAPABILITIES, VM_SENDER_VM), ==, 1);
    g_assert_cmpint(vm_command_args(VM_CMD_CAPABILITIES, VM_SENDER_BMC), ==, -1);
    g_assert_cmpint(vm_command_args(VM_CMD_RESET, VM_SENDER_VM), ==, 0);
    g_assert_cmpint(vm_command_args(VM_CMD_RESET, VM_SENDER_BMC), ==, 0);
    g_assert_cmpint(vm_command_args(VM_CMD_ATTN_IRQ, VM_SENDER_BMC), ==, 0);
    g_assert_cmpint(vm_command_args(VM_CMD_ATTN_IRQ, VM_SENDER_VM), ==, -1);
    g_assert_cmpint(vm_command_args(0x42, VM_SENDER_BMC), ==, -1);
    g_assert_cmpint(vm_command_args(VM_CMD_VERSION, VM_SENDER_COUNT), ==, -1);
    g_assert_cmpstr(vm_command_name(VM_CMD_GRACEFUL_SHUTDOWN), ==, "GRACEFUL_SHUTDOWN");
    g_assert_cmpstr(vm_command_name(0x42), ==, "unknown");
    g_assert_cmpuint(vm_message_min(VM_SENDER_VM), ==, 4);
    g_assert_cmpuint(vm_message_min(VM_SENDER_BMC), ==, 5);
    g_assert_cmphex(VM_CAPABILITIES_ALL, ==, 0x3f);
    g_assert_cmpint(vm_unescape(0xb0), ==, 0xa0);
    g_assert_cmpint(vm_unescape(0xb1), ==, 0xa1);
    g_assert_cmpint(vm_unescape(0xba), ==, 0xaa);
    g_assert_cmpint(vm_unescape(0xa0), ==, -1);
    g_assert_cmpint(vm_unescape(0x15), ==, -1);
}

/* What ipmi-bmc-extern sends when the stream opens (ipmi-bt-test checks these bytes). */
static void test_encode_connect(void)
{
    uint8_t out[VM_COMMAND_ENCODED_MAX];
    uint8_t version = VM_PROTOCOL_VERSION, caps = VM_CAPABILITIES_ALL;
    size_t n;

    n = vm_encode_command(VM_CMD_VERSION, &version, 1, out, sizeof(out));
    g_assert_cmpmem(out, n, ((const uint8_t[]){ 0xff, 0x01, 0xa1 }), 3);
    n = vm_encode_command(VM_CMD_CAPABILITIES, &caps, 1, out, sizeof(out));
    g_assert_cmpmem(out, n, ((const uint8_t[]){ 0x08, 0x3f, 0xa1 }), 3);
    n = vm_encode_command(VM_CMD_RESET, NULL, 0, out, sizeof(out));
    g_assert_cmpmem(out, n, ((const uint8_t[]){ 0x04, 0xa1 }), 2);
}

/* Get Device ID as ipmi-bt-test expects it on the socket: seq, NetFn/LUN, cmd, sum. */
static void test_encode_request(void)
{
    uint8_t out[VM_ENCODED_MAX];
    size_t n = frame(out, sizeof(out), 5, (const uint8_t[]){ 0x18, 0x01 }, 2);

    g_assert_cmpmem(out, n, ((const uint8_t[]){ 0x05, 0x18, 0x01, 0xe2, 0xa0 }), 5);
}

/* Every special byte escaped: in the sequence byte, the message and the checksum. */
static void test_encode_escapes(void)
{
    uint8_t out[VM_ENCODED_MAX];
    /* 0xa0 + 0xaa + 0xa1 + 0x75 = 0x260: the checksum 0xa0 travels escaped too. */
    size_t n = frame(out, sizeof(out), 0xa0, (const uint8_t[]){ 0xaa, 0xa1, 0x75 }, 3);

    g_assert_cmpmem(out, n, ((const uint8_t[]){ 0xaa, 0xb0, 0xaa, 0xba, 0xaa, 0xb1, 0x75,
                                                0xaa, 0xb0, 0xa0 }), 10);
    n = vm_encode_command(0xaa, (const uint8_t[]){ 0xa1 }, 1, out, sizeof(out));
    g_assert_cmpmem(out, n, ((const uint8_t[]){ 0xaa, 0xba, 0xaa, 0xb1, 0xa1 }), 5);
}

/* A buffer one byte short gets 0; the worst case fits VM_ENCODED_MAX exactly. */
static void test_encode_room(void)
{
    uint8_t msg[VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD];
    uint8_t out[VM_ENCODED_MAX + 8];
    size_t need, cap;

    memset(msg, 0xaa, sizeof(msg));
    /* seq 0xaa and 300 bytes of 0xaa sum to 301 * 0xaa = 0xc7e2: checksum 0x1e. */
    need = vm_encode_message(0xaa, msg, sizeof(msg), out, sizeof(out));
    g_assert_cmpuint(need, ==, 2 + 600 + 1 + 1);
    /* 13 of them 0xa0: the sum is 0x60, so the checksum 0xa0 is special as well. */
    memset(msg, 0xa0, 13);
    need = vm_encode_message(0xaa, msg, sizeof(msg), out, sizeof(out));
    g_assert_cmpuint(need, ==, 2 + 600 + 2 + 1);
    g_assert_cmpuint(need, ==, VM_ENCODED_MAX);
    g_assert_cmpmem(out + need - 3, 3, ((const uint8_t[]){ 0xaa, 0xb0, 0xa0 }), 3);
    for (cap = 0; cap < need; cap++) {
        memset(out, 0x55, sizeof(out));
        g_assert_cmpuint(vm_encode_message(0xaa, msg, sizeof(msg), out, cap), ==, 0);
        g_assert_cmphex(out[cap], ==, 0x55);
    }
    g_assert_cmpuint(vm_encode_message(0xaa, msg, sizeof(msg), out, need), ==, need);
    for (cap = 0; cap < 3; cap++) {
        g_assert_cmpuint(vm_encode_command(VM_CMD_VERSION, (const uint8_t[]){ 1 }, 1,
                                           out, cap), ==, 0);
    }
    g_assert_cmpuint(vm_encode_command(VM_CMD_VERSION, (const uint8_t[]){ 1 }, 1, out, 3),
                     ==, 3);
}

/* The stream ipmi-bt-test writes to QEMU: its version, then a response. */
static void test_decode_from_bmc(void)
{
    uint8_t wire[64];
    size_t n = 0;
    const struct seen *s;

    memcpy(wire, (const uint8_t[]){ 0xff, 0x01, 0xa1 }, 3);
    n = 3;
    n += frame(wire + n, sizeof(wire) - n, 5, dev_id_rsp, sizeof(dev_id_rsp));
    memcpy(wire + n, (const uint8_t[]){ 0x05, 0xa1 }, 2);
    n += 2;
    s = decode(VM_SENDER_BMC, wire, n);
    g_assert_cmpuint(s->count, ==, 3);
    expect_kind(s, 0, VM_EVENT_COMMAND);
    g_assert_cmphex(s->events[0].code, ==, VM_CMD_VERSION);
    g_assert_cmpmem(s->bytes[0], s->events[0].len, ((const uint8_t[]){ 0x01 }), 1);
    expect_message(s, 1, 5, dev_id_rsp, sizeof(dev_id_rsp));
    expect_kind(s, 2, VM_EVENT_COMMAND);
    g_assert_cmphex(s->events[2].code, ==, VM_CMD_ENABLE_IRQ);
    g_assert_cmpuint(s->events[2].len, ==, 0);
}

/* What a BMC daemon reads from QEMU: version, capabilities, a request. */
static void test_decode_from_vm(void)
{
    const struct seen *s = decode(VM_SENDER_VM, STREAM(0xff, 0x01, 0xa1, 0x08, 0x3f, 0xa1,
                                                0x05, 0x18, 0x01, 0xe2, 0xa0));

    g_assert_cmpuint(s->count, ==, 3);
    g_assert_cmphex(s->events[1].code, ==, VM_CMD_CAPABILITIES);
    g_assert_cmphex(s->bytes[1][0], ==, 0x3f);
    expect_message(s, 2, 5, (const uint8_t[]){ 0x18, 0x01 }, 2);
}

static void test_decode_escapes(void)
{
    const struct seen *s = decode(VM_SENDER_VM, STREAM(0xaa, 0xb0, 0xaa, 0xba, 0xaa, 0xb1, 0x75,
                                                      0xaa, 0xb0, 0xa0));

    g_assert_cmpuint(s->count, ==, 1);
    expect_message(s, 0, 0xa0, (const uint8_t[]){ 0xaa, 0xa1, 0x75 }, 3);
}

/* Markers with nothing between them are no event, and no error. */
static void test_decode_empty_frames(void)
{
    const struct seen *s = decode(VM_SENDER_BMC, STREAM(0xa0, 0xa1, 0xa0, 0xa0));

    g_assert_cmpuint(s->count, ==, 0);
}

/*
 * Each broken frame, then the good response: the broken one is reported, the good
 * one comes through whole.
 */
static void expect_broken_then_good(const uint8_t *bad, size_t bad_len, enum vm_event_kind kind)
{
    uint8_t wire[2 * VM_ENCODED_MAX];
    size_t n;
    const struct seen *s;

    g_assert_cmpuint(bad_len, <=, sizeof(wire) - 64);
    memcpy(wire, bad, bad_len);
    n = bad_len;
    n += frame(wire + n, sizeof(wire) - n, 7, dev_id_rsp, sizeof(dev_id_rsp));
    s = decode(VM_SENDER_BMC, wire, n);
    g_assert_cmpuint(s->count, ==, 2);
    expect_kind(s, 0, kind);
    expect_message(s, 1, 7, dev_id_rsp, sizeof(dev_id_rsp));
}

static void test_bad_checksum(void)
{
    expect_broken_then_good(STREAM(0x05, 0x1c, 0x01, 0x00, 0x00, 0xa0), VM_EVENT_BAD_CHECKSUM);
}

/* A response frame needs seq, NetFn/LUN, command, completion code and checksum. */
static void test_short(void)
{
    expect_broken_then_good(STREAM(0x05, 0x1c, 0x01, 0xde, 0xa0), VM_EVENT_SHORT);
    expect_broken_then_good(STREAM(0x05, 0xa0), VM_EVENT_SHORT);
}

static void test_stray_escapes(void)
{
    /* The escape at the end of the frame. */
    expect_broken_then_good(STREAM(0x05, 0x1c, 0xaa, 0xa0), VM_EVENT_BAD_ESCAPE);
    /* The escape before a byte that is no escaped form (bit 4 clear, or not special). */
    expect_broken_then_good(STREAM(0x05, 0xaa, 0x05, 0x1c, 0x01, 0x00, 0xde, 0xa0),
                            VM_EVENT_BAD_ESCAPE);
    expect_broken_then_good(STREAM(0x05, 0xaa, 0xb5, 0x1c, 0x01, 0x00, 0xde, 0xa0),
                            VM_EVENT_BAD_ESCAPE);
    /* Two escapes. */
    expect_broken_then_good(STREAM(0x05, 0xaa, 0xaa, 0xba, 0xa0), VM_EVENT_BAD_ESCAPE);
    /* An escape ending a command frame. */
    expect_broken_then_good(STREAM(0x01, 0xaa, 0xa1), VM_EVENT_BAD_ESCAPE);
}

static void test_overlong(void)
{
    uint8_t bad[VM_FRAME_CAPACITY + 42];
    uint8_t wire[2 * VM_ENCODED_MAX];
    const struct seen *s;
    size_t n, extra;

    /* One byte more than a frame holds, and far more (an escaped byte among them). */
    for (extra = 1; extra <= 40; extra += 39) {
        memset(bad, 0x11, sizeof(bad));
        bad[0] = 0x09;      /* seq, NetFn/LUN and command stay readable */
        bad[1] = 0x1c;
        bad[2] = 0x01;
        bad[100] = 0xaa;
        bad[101] = 0xb0;
        bad[VM_FRAME_CAPACITY + extra + 1] = 0xa0;
        expect_broken_then_good(bad, VM_FRAME_CAPACITY + extra + 2, VM_EVENT_OVERLONG);
        s = decode(VM_SENDER_BMC, bad, VM_FRAME_CAPACITY + extra + 2);
        g_assert_cmpuint(s->count, ==, 1);
        g_assert_cmpuint(s->events[0].len, ==, VM_FRAME_CAPACITY);
        g_assert_cmpmem(s->bytes[0], 3, ((const uint8_t[]){ 0x09, 0x1c, 0x01 }), 3);
        g_assert_cmphex(s->bytes[0][100], ==, 0xa0);
    }
    /* Exactly a frame's worth: a good, longest response. */
    memset(bad, 0x11, sizeof(bad));
    n = frame(wire, sizeof(wire), 3, bad, VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD);
    s = decode(VM_SENDER_BMC, wire, n);
    g_assert_cmpuint(s->count, ==, 1);
    expect_message(s, 0, 3, bad, VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD);
    /* A command frame of a frame's worth is only a bad command; one more, overlong. */
    memset(bad, 0x01, sizeof(bad));
    bad[VM_FRAME_CAPACITY] = 0xa1;
    expect_broken_then_good(bad, VM_FRAME_CAPACITY + 1, VM_EVENT_BAD_COMMAND);
    bad[VM_FRAME_CAPACITY] = 0x01;
    bad[VM_FRAME_CAPACITY + 1] = 0xa1;
    expect_broken_then_good(bad, VM_FRAME_CAPACITY + 2, VM_EVENT_OVERLONG);
}

static void test_bad_commands(void)
{
    /* A code no one sends, one only the VM sends, and wrong argument counts. */
    expect_broken_then_good(STREAM(0x42, 0xa1), VM_EVENT_BAD_COMMAND);
    expect_broken_then_good(STREAM(0x08, 0x3f, 0xa1), VM_EVENT_BAD_COMMAND);
    expect_broken_then_good(STREAM(0xff, 0xa1), VM_EVENT_BAD_COMMAND);
    expect_broken_then_good(STREAM(0xff, 0x01, 0x02, 0xa1), VM_EVENT_BAD_COMMAND);
    expect_broken_then_good(STREAM(0x05, 0x00, 0xa1), VM_EVENT_BAD_COMMAND);
}

/*
 * Bytes with no marker after them run into the next frame: that frame is lost (its
 * checksum fails), but the one after it is not.
 */
static void test_runaway_bytes(void)
{
    uint8_t wire[128];
    size_t n;
    const struct seen *s;

    memcpy(wire, (const uint8_t[]){ 0x33, 0x44 }, 2);
    n = 2;
    n += frame(wire + n, sizeof(wire) - n, 1, dev_id_rsp, sizeof(dev_id_rsp));
    n += frame(wire + n, sizeof(wire) - n, 2, dev_id_rsp, sizeof(dev_id_rsp));
    s = decode(VM_SENDER_BMC, wire, n);
    g_assert_cmpuint(s->count, ==, 2);
    expect_kind(s, 0, VM_EVENT_BAD_CHECKSUM);
    expect_message(s, 1, 2, dev_id_rsp, sizeof(dev_id_rsp));
}

/* A stream closed in mid-frame: the reset drops the half frame. */
static void test_reset(void)
{
    static struct seen r;
    const struct seen *s = &r;
    struct vm_decoder d;
    uint8_t wire[64];
    size_t n;

    r.count = 0;
    vm_decoder_init(&d, VM_SENDER_BMC);
    feed_bytes(&r, &d, STREAM(0x05, 0x1c, 0xaa));
    vm_decoder_reset(&d);
    n = frame(wire, sizeof(wire), 6, dev_id_rsp, sizeof(dev_id_rsp));
    feed_bytes(&r, &d, wire, n);
    g_assert_cmpuint(s->count, ==, 1);
    expect_message(s, 0, 6, dev_id_rsp, sizeof(dev_id_rsp));
}

/* Random messages of every length, encoded then decoded, byte by byte and in spans. */
static void test_round_trip(void)
{
    uint8_t msg[VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD];
    uint8_t wire[VM_ENCODED_MAX];
    size_t len, i;
    int round;

    for (round = 0; round < 400; round++) {
        uint8_t seq = (uint8_t)g_test_rand_int_range(0, 256);
        const struct seen *s;
        size_t n;

        len = (size_t)g_test_rand_int_range(2, (int)sizeof(msg) + 1);
        for (i = 0; i < len; i++) {
            /* Often special, so that escapes are everywhere. */
            static const uint8_t pick[] = { 0xa0, 0xa1, 0xaa, 0xb0, 0xb1, 0xba, 0x10 };
            msg[i] = g_test_rand_bit() ? pick[g_test_rand_int_range(0, G_N_ELEMENTS(pick))]
                                       : (uint8_t)g_test_rand_int_range(0, 256);
        }
        n = frame(wire, sizeof(wire), seq, msg, len);
        g_assert_cmphex(wire[n - 1], ==, VM_MESSAGE_END);
        for (i = 0; i + 1 < n; i++) {
            g_assert_true(wire[i] != VM_MESSAGE_END && wire[i] != VM_COMMAND_END);
        }
        s = decode(VM_SENDER_VM, wire, n);
        g_assert_cmpuint(s->count, ==, 1);
        expect_message(s, 0, seq, msg, len);
    }
}

/*
 * Random bytes, with markers and escapes among them, then a marker and a good frame:
 * whatever came before, the good frame comes through.
 */
static void test_random_streams(void)
{
    static const uint8_t pick[] = { 0xa0, 0xa1, 0xaa, 0xb0, 0xb1, 0xba, 0xff, 0x08 };
    uint8_t wire[1200];
    int round;

    for (round = 0; round < 300; round++) {
        size_t junk = (size_t)g_test_rand_int_range(0, 700);
        size_t i, n;
        const struct seen *s;

        for (i = 0; i < junk; i++) {
            wire[i] = g_test_rand_int_range(0, 4) == 0
                      ? pick[g_test_rand_int_range(0, G_N_ELEMENTS(pick))]
                      : (uint8_t)g_test_rand_int_range(0, 256);
        }
        wire[junk] = g_test_rand_bit() ? VM_MESSAGE_END : VM_COMMAND_END;
        n = junk + 1;
        n += frame(wire + n, sizeof(wire) - n, 0x42, dev_id_rsp, sizeof(dev_id_rsp));
        s = decode(VM_SENDER_BMC, wire, n);
        g_assert_cmpuint(s->count, >=, 1);
        expect_message(s, s->count - 1, 0x42, dev_id_rsp, sizeof(dev_id_rsp));
    }
}

/*
 * The proved round trip (verified/vm_roundtrip.h) run: every length from the sender's
 * shortest to the longest, for both senders, with random bytes (a fixed seed), bytes
 * that are all special and bytes that are all escaped forms. Each frame comes back as
 * its message at its last byte only, is the encoder's frame, and is the encoding
 * vm_decode_canonical finds again.
 */
static void round_trip_one(uint8_t sender, uint8_t seq, const uint8_t *msg, size_t len)
{
    uint8_t wire[VM_ENCODED_MAX];
    uint8_t again[VM_ENCODED_MAX];
    uint8_t out[VM_ENCODED_MAX];
    struct vm_decoder d;
    struct vm_event e;
    size_t wire_len = 0, completed = 0, out_len = 0;

    vm_decoder_init(&d, sender);
    e = vm_round_trip(&d, seq, msg, len, wire, &wire_len, &completed);
    g_assert_cmpuint(e.kind, ==, VM_EVENT_MESSAGE);
    g_assert_cmpuint(e.frame, ==, VM_FRAME_MESSAGE);
    g_assert_cmphex(e.seq, ==, seq);
    g_assert_cmpuint(e.start, ==, VM_MESSAGE_OFFSET);
    g_assert_cmpmem(d.buf + e.start, e.len, msg, len);
    g_assert_cmpuint(completed, ==, 1);
    g_assert_cmpuint(d.len, ==, 0);
    g_assert_false(d.escape);
    g_assert_cmpuint(d.fault, ==, VM_FAULT_NONE);
    g_assert_cmpuint(wire_len, ==, frame(again, sizeof(again), seq, msg, len));
    g_assert_cmpmem(wire, wire_len, again, wire_len);

    vm_decoder_init(&d, sender);
    g_assert_true(vm_decode_canonical(&d, wire, wire_len, out, &out_len));
    g_assert_cmpmem(out, out_len, wire, wire_len);
    g_assert_cmpuint(d.len, ==, 0);
}

static void test_round_trip_proved(void)
{
    static const uint8_t special[] = { VM_MESSAGE_END, VM_COMMAND_END, VM_ESCAPE };
    static const uint8_t escaped[] = { VM_MESSAGE_END_ESCAPED, VM_COMMAND_END_ESCAPED,
                                       VM_ESCAPE_ESCAPED };
    uint8_t msg[VM_FRAME_CAPACITY - VM_FRAME_OVERHEAD];
    GRand *rand = g_rand_new_with_seed(0x5eed);
    uint8_t sender;
    size_t len, i;

    for (sender = 0; sender < VM_SENDER_COUNT; sender++) {
        for (len = vm_message_min(sender) - VM_FRAME_OVERHEAD; len <= sizeof(msg); len++) {
            for (i = 0; i < len; i++) {
                msg[i] = (uint8_t)g_rand_int_range(rand, 0, 256);
            }
            round_trip_one(sender, (uint8_t)g_rand_int_range(rand, 0, 256), msg, len);
            for (i = 0; i < len; i++) {
                msg[i] = special[(i + len) % G_N_ELEMENTS(special)];
            }
            round_trip_one(sender, special[len % G_N_ELEMENTS(special)], msg, len);
            for (i = 0; i < len; i++) {
                msg[i] = escaped[(i + len) % G_N_ELEMENTS(escaped)];
            }
            round_trip_one(sender, escaped[len % G_N_ELEMENTS(escaped)], msg, len);
        }
    }
    g_rand_free(rand);
}

/*
 * Byte strings the decoder does not accept as one message frame: a plain byte escaped
 * (the only other spelling there could be), a marker escaped as itself, a bad checksum,
 * two frames, a frame cut short, nothing at all.
 */
static void test_canonical_only(void)
{
    uint8_t wire[VM_ENCODED_MAX + 1];
    uint8_t twice[2 * VM_ENCODED_MAX];
    uint8_t out[VM_ENCODED_MAX];
    struct vm_decoder d;
    size_t n, at, out_len;

    n = frame(wire, sizeof(wire), 0x42, dev_id_rsp, sizeof(dev_id_rsp));
    vm_decoder_init(&d, VM_SENDER_BMC);
    g_assert_true(vm_decode_canonical(&d, wire, n, out, &out_len));
    g_assert_cmpmem(out, out_len, wire, n);

    /*
     * Every plain byte of the frame in turn escaped as a special byte is (the escape,
     * then the byte with VM_ESCAPE_BIT added): never an escaped form, so never taken.
     */
    for (at = 0; at + 1 < n; at++) {
        uint8_t bad[VM_ENCODED_MAX + 1];

        if (wire[at] == VM_ESCAPE || (at > 0 && wire[at - 1] == VM_ESCAPE)) {
            continue;
        }
        memcpy(bad, wire, at);
        bad[at] = VM_ESCAPE;
        bad[at + 1] = (uint8_t)(wire[at] + VM_ESCAPE_BIT);
        memcpy(bad + at + 2, wire + at + 1, n - at - 1);
        vm_decoder_init(&d, VM_SENDER_BMC);
        g_assert_false(vm_decode_canonical(&d, bad, n + 1, out, &out_len));
    }

    /* A special byte escaped as itself instead of its escaped form. */
    {
        static const uint8_t msg[] = { 0x18, 0x01, VM_ESCAPE, 0x02 };
        uint8_t bad[32];
        size_t m = frame(bad, sizeof(bad), 0x01, msg, sizeof(msg));

        g_assert_cmphex(bad[3], ==, VM_ESCAPE);
        g_assert_cmphex(bad[4], ==, VM_ESCAPE_ESCAPED);
        vm_decoder_init(&d, VM_SENDER_VM);
        g_assert_true(vm_decode_canonical(&d, bad, m, out, &out_len));
        bad[4] = VM_ESCAPE;
        vm_decoder_init(&d, VM_SENDER_VM);
        g_assert_false(vm_decode_canonical(&d, bad, m, out, &out_len));
    }

    /* A bad checksum. */
    wire[n - 2] ^= 0x01;
    vm_decoder_init(&d, VM_SENDER_BMC);
    g_assert_false(vm_decode_canonical(&d, wire, n, out, &out_len));
    wire[n - 2] ^= 0x01;

    /* Two frames, and an empty frame before one. */
    memcpy(twice, wire, n);
    memcpy(twice + n, wire, n);
    vm_decoder_init(&d, VM_SENDER_BMC);
    g_assert_false(vm_decode_canonical(&d, twice, 2 * n, out, &out_len));
    twice[0] = VM_MESSAGE_END;
    memcpy(twice + 1, wire, n);
    vm_decoder_init(&d, VM_SENDER_BMC);
    g_assert_false(vm_decode_canonical(&d, twice, n + 1, out, &out_len));

    /* Cut short, and nothing. */
    vm_decoder_init(&d, VM_SENDER_BMC);
    g_assert_false(vm_decode_canonical(&d, wire, n - 1, out, &out_len));
    vm_decoder_init(&d, VM_SENDER_BMC);
    g_assert_false(vm_decode_canonical(&d, wire, 0, out, &out_len));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vm-codec/tables", test_tables);
    g_test_add_func("/vm-codec/encode/connect", test_encode_connect);
    g_test_add_func("/vm-codec/encode/request", test_encode_request);
    g_test_add_func("/vm-codec/encode/escapes", test_encode_escapes);
    g_test_add_func("/vm-codec/encode/room", test_encode_room);
    g_test_add_func("/vm-codec/decode/from-bmc", test_decode_from_bmc);
    g_test_add_func("/vm-codec/decode/from-vm", test_decode_from_vm);
    g_test_add_func("/vm-codec/decode/escapes", test_decode_escapes);
    g_test_add_func("/vm-codec/decode/empty-frames", test_decode_empty_frames);
    g_test_add_func("/vm-codec/broken/bad-checksum", test_bad_checksum);
    g_test_add_func("/vm-codec/broken/short", test_short);
    g_test_add_func("/vm-codec/broken/stray-escapes", test_stray_escapes);
    g_test_add_func("/vm-codec/broken/overlong", test_overlong);
    g_test_add_func("/vm-codec/broken/bad-commands", test_bad_commands);
    g_test_add_func("/vm-codec/broken/runaway-bytes", test_runaway_bytes);
    g_test_add_func("/vm-codec/broken/reset", test_reset);
    g_test_add_func("/vm-codec/round-trip", test_round_trip);
    g_test_add_func("/vm-codec/random-streams", test_random_streams);
    g_test_add_func("/vm-codec/round-trip/proved", test_round_trip_proved);
    g_test_add_func("/vm-codec/round-trip/canonical-only", test_canonical_only);
    return g_test_run();
}
