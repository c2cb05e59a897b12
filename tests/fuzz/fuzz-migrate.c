/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness for the migration conversions (verified/kcs_migrate.c,
 * bt_migrate.c, ssif_migrate.c): what a source QEMU sends, stock or hostile, in
 * upstream's fields. The first input byte picks the interface, the rest fills its
 * upstream fields one by one, with lengths and pointers drawn near the buffer sizes
 * so that both sides of every bound come up.
 *
 * Each stream must either be refused or load a machine that *_machine_consistent()
 * accepts (and, for SSIF, a read cursor ssif_migrate_machine_ok() accepts), because
 * every other function of the core assumes it. A loaded machine saved again in
 * upstream's fields must load again: this QEMU never writes a stream it refuses.
 */
#include "fuzz-common.h"

#include <string.h>

#include "bt_migrate.h"
#include "kcs_migrate.h"
#include "ssif_migrate.h"

enum { KIND_KCS, KIND_BT, KIND_SSIF, KIND_COUNT };

static bool take_bool(struct fuzz_input *in)
{
    return (fuzz_byte(in) & 1) != 0;
}

/* A length or pointer: mostly 0 to 381 (around the 255/256/300-byte buffers), or any. */
static uint32_t take_len(struct fuzz_input *in)
{
    uint8_t b = fuzz_byte(in);
    uint8_t raw[4];

    if (!(b & 0x80)) {
        return (uint32_t)(b & 0x7f) * 3u + (b % 3u);
    }
    fuzz_take(in, raw, sizeof(raw));
    return (uint32_t)raw[0] << 24 | (uint32_t)raw[1] << 16 | (uint32_t)raw[2] << 8 | raw[3];
}

/* A KCS register written or not: -1 (not), or a byte. */
static int16_t take_reg(struct fuzz_input *in)
{
    uint8_t b = fuzz_byte(in);

    return b & 1 ? -1 : (int16_t)fuzz_byte(in);
}

/* The fields KCS's and BT's upstream layouts share, taken in one order for both. */
struct shared_fields {
    bool *obf_irq_set, *atn_irq_set, *irqs_enabled;
    uint32_t *outpos, *outlen, *inlen;
    uint8_t *outmsg, *inmsg;
    size_t msg_size;
};

static void take_shared(struct fuzz_input *in, const struct shared_fields *f)
{
    *f->obf_irq_set = take_bool(in);
    *f->atn_irq_set = take_bool(in);
    *f->irqs_enabled = take_bool(in);
    *f->outpos = take_len(in);
    *f->outlen = take_len(in);
    *f->inlen = take_len(in);
    fuzz_take(in, f->outmsg, f->msg_size);
    fuzz_take(in, f->inmsg, f->msg_size);
}

static void fuzz_kcs(struct fuzz_input *in)
{
    struct kcs_upstream u, again;
    struct kcs_machine m, back;

    const struct shared_fields shared = {
        &u.obf_irq_set, &u.atn_irq_set, &u.irqs_enabled, &u.outpos, &u.outlen, &u.inlen,
        u.outmsg, u.inmsg, sizeof(u.outmsg),
    };

    memset(&u, 0, sizeof(u));
    take_shared(in, &shared);
    u.write_end = take_bool(in);
    u.status_reg = fuzz_byte(in);
    u.data_out_reg = fuzz_byte(in);
    u.data_in_reg = take_reg(in);
    u.cmd_reg = take_reg(in);
    u.waiting_rsp = fuzz_byte(in);
    if (!kcs_migrate_from_upstream(&u, &m)) {
        return;
    }
    if (!kcs_machine_consistent(&m)) {
        fuzz_fail("KCS: a stream loaded (status %02x, in %u, out %u at %u) into a machine "
                  "kcs_machine_consistent refuses", u.status_reg, u.inlen, u.outlen, u.outpos);
    }
    kcs_migrate_to_upstream(&m, &again);
    if (!kcs_migrate_from_upstream(&again, &back) || !kcs_machine_consistent(&back)) {
        fuzz_fail("KCS: the stream saved from phase %u does not load again", m.phase);
    }
}

static void fuzz_bt(struct fuzz_input *in)
{
    struct bt_upstream u, again;
    struct bt_machine m, back;

    const struct shared_fields shared = {
        &u.obf_irq_set, &u.atn_irq_set, &u.irqs_enabled, &u.outpos, &u.outlen, &u.inlen,
        u.outmsg, u.inmsg, sizeof(u.outmsg),
    };

    memset(&u, 0, sizeof(u));
    take_shared(in, &shared);
    u.control_reg = fuzz_byte(in);
    u.mask_reg = fuzz_byte(in);
    u.waiting_rsp = fuzz_byte(in);
    u.waiting_seq = fuzz_byte(in);
    if (!bt_migrate_from_upstream(&u, &m)) {
        return;
    }
    if (!bt_machine_consistent(&m)) {
        fuzz_fail("BT: a stream loaded (control %02x, in %u, out %u at %u) into a machine "
                  "bt_machine_consistent refuses", u.control_reg, u.inlen, u.outlen, u.outpos);
    }
    bt_migrate_to_upstream(&m, &again);
    if (!bt_migrate_from_upstream(&again, &back) || !bt_machine_consistent(&back)) {
        fuzz_fail("BT: the stream saved from phase %u does not load again", m.phase);
    }
}

static void fuzz_ssif(struct fuzz_input *in)
{
    struct ssif_upstream u, again;
    struct ssif_machine m, back;
    uint8_t sent, back_sent;

    memset(&u, 0, sizeof(u));
    u.waiting_rsp = fuzz_byte(in);
    u.outlen = take_len(in);
    u.currblk = take_len(in);
    u.outpos = take_len(in);
    u.inlen = take_len(in);
    fuzz_take(in, u.outbuf, sizeof(u.outbuf));
    fuzz_take(in, u.outmsg, sizeof(u.outmsg));
    fuzz_take(in, u.inmsg, sizeof(u.inmsg));
    if (!ssif_migrate_from_upstream(&u, &m, &sent)) {
        return;
    }
    if (!ssif_machine_consistent(&m) || !ssif_migrate_machine_ok(&m, sent)) {
        fuzz_fail("SSIF: a stream loaded (in %u, out %u, block %u at %u) into a machine "
                  "the device refuses", u.inlen, u.outlen, u.currblk, u.outpos);
    }
    ssif_migrate_to_upstream(&m, sent, &again);
    if (!ssif_migrate_from_upstream(&again, &back, &back_sent) ||
        !ssif_machine_consistent(&back) || !ssif_migrate_machine_ok(&back, back_sent)) {
        fuzz_fail("SSIF: the stream saved from phase %u does not load again", m.phase);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_input in = { data, size };

    switch (fuzz_byte(&in) % KIND_COUNT) {
    case KIND_KCS:
        fuzz_kcs(&in);
        break;
    case KIND_BT:
        fuzz_bt(&in);
        break;
    default:
        fuzz_ssif(&in);
        break;
    }
    return 0;
}
