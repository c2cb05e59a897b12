/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness for the migration conversions (verified/kcs_migrate.c,
 * bt_migrate.c, ssif_migrate.c, bmc_migrate.c): what a source QEMU sends, stock or
 * hostile. The first input byte picks the interface or the BMC, the rest fills its
 * fields one by one, with lengths and pointers drawn near the buffer sizes so that
 * both sides of every bound come up.
 *
 * Each interface stream must either be refused or load a machine that
 * *_machine_consistent() accepts (and, for SSIF, a read cursor
 * ssif_migrate_machine_ok() accepts), because every other function of the core
 * assumes it. A loaded machine saved again in upstream's fields must load again:
 * this QEMU never writes a stream it refuses.
 *
 * A BMC stream is ipmi-bmc-sim's: upstream's watchdog and watchdog-sensor fields and
 * our subsections (chassis and ACPI, SEL, receive queue, system info, sensors, the
 * stopped count, SDR repository, FRU inventory), each byte XORed onto the state at realize, so that an empty input
 * is the stream of a BMC that just started (large arrays and the sensor table get a
 * few changes each, so that requests fit after the stream). The harness loads it as the device's
 * post_load does; a state bmc_migrated_ok accepts is then asked every kind of
 * request and ticked, and each answer is checked as fuzz-bmc checks it (which also
 * asks that the state after it would migrate again).
 */
#include "fuzz-common.h"

#include <string.h>

#include "bmc.h"
#include "bmc_migrate.h"
#include "bt_migrate.h"
#include "kcs_migrate.h"
#include "ssif_migrate.h"

enum { KIND_KCS, KIND_BT, KIND_SSIF, KIND_BMC, KIND_COUNT };

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

/* A field as the stream carries it: the state at realize, XOR the input's bytes. */
static void vary(struct fuzz_input *in, void *field, size_t n)
{
    uint8_t *p = field;
    size_t i;

    for (i = 0; i < n; i++) {
        p[i] ^= fuzz_byte(in);
    }
}

/*
 * A large field (records, messages, strings): a few bytes anywhere in it changed, so
 * that the stream stays short enough for requests to follow it. The input gives how
 * many (0 to 7), then for each a 2-byte position and the byte to XOR there.
 */
static void vary_some(struct fuzz_input *in, void *field, size_t n)
{
    uint8_t *p = field;
    unsigned count = fuzz_byte(in) % 8u;

    while (count-- > 0) {
        size_t at = ((size_t)fuzz_byte(in) << 8 | fuzz_byte(in)) % n;

        p[at] ^= fuzz_byte(in);
    }
}

/* A bool as VMSTATE_BOOL loads it: 0 or 1 only. */
static void vary_bool(struct fuzz_input *in, bool *field)
{
    *field = *field != ((fuzz_byte(in) & 1) != 0);
}

static void vary_sensor(struct fuzz_input *in, struct sensor *s)
{
    vary_bool(in, &s->present);
    vary_bool(in, &s->events_on);
    vary_bool(in, &s->scanning_on);
    vary_bool(in, &s->auto_rearm);
    vary_bool(in, &s->signed_reading);
    vary_bool(in, &s->has_factors);
    vary(in, &s->sensor_type, 1);
    vary(in, &s->reading_type, 1);
    vary(in, &s->reading, 1);
    vary(in, &s->states, 2);
    vary(in, &s->assert_events, 2);
    vary(in, &s->deassert_events, 2);
    vary(in, &s->assert_supported, 2);
    vary(in, &s->deassert_supported, 2);
    vary(in, &s->assert_enable, 2);
    vary(in, &s->deassert_enable, 2);
    vary(in, s->thresholds, sizeof(s->thresholds));
    vary(in, &s->thresholds_present, 1);
    vary(in, &s->thresholds_readable, 1);
    vary(in, &s->thresholds_settable, 1);
    vary(in, &s->hysteresis_access, 1);
    vary(in, &s->positive_hysteresis, 1);
    vary(in, &s->negative_hysteresis, 1);
    vary(in, s->factors, sizeof(s->factors));
}

/* The fields of the upstream section and of each subsection, small ones first. */
/* The sensors a stream changed (besides the watchdog's, sensor 0). */
struct changed_sensors {
    uint8_t n[3];
    unsigned count;
};

static void vary_bmc_stream(struct fuzz_input *in, struct bmc *b,
                            struct bmc_upstream_watchdog *u, struct bmc_upstream_sensor *us,
                            struct changed_sensors *changed)
{
    struct bmc_state *st = &b->state;

    vary_bool(in, &u->initialized);
    vary(in, &u->use, 1);
    vary(in, &u->action, 1);
    vary(in, &u->pretimeout, 1);
    vary(in, &u->expired, 1);
    vary(in, &u->timeout, 2);
    vary_bool(in, &u->running);
    vary_bool(in, &u->preaction_ran);
    vary(in, &u->expiry, 8);
    vary(in, &us->status, 1);
    vary(in, &us->reading, 1);
    vary(in, &us->states, 2);
    vary(in, &us->assert_states, 2);
    vary(in, &us->deassert_states, 2);
    vary(in, &us->assert_enable, 2);
    vary(in, &st->global_enables, 1);
    vary(in, &st->msg_flags, 1);
    vary_bool(in, &st->chassis.power_on);
    vary(in, &st->chassis.last_power_event, 1);
    vary(in, &st->chassis.restart_cause, 1);
    vary(in, &st->acpi_system_state, 1);
    vary(in, &st->acpi_device_state, 1);
    vary(in, &st->msgq.head, 1);
    vary(in, &st->msgq.count, 1);
    vary(in, st->msgq.lengths, sizeof(st->msgq.lengths));
    vary(in, &st->sel.count, 2);
    vary(in, &st->sel.next_id, 2);
    vary(in, &st->sel.reservation, 2);
    vary_bool(in, &st->sel.reserved);
    vary(in, &st->sel.last_add, 4);
    vary(in, &st->sel.last_erase, 4);
    vary(in, &st->sel.time_offset, 4);
    vary_bool(in, &st->sel.overflow);
    vary(in, &st->sysinfo.set_in_progress, 1);
    vary(in, st->event_buffer, sizeof(st->event_buffer));
    /* Some sensors (0 to 3, each named by a byte), every field of each. */
    for (changed->count = 0; changed->count < fuzz_byte(in) % 4u; changed->count++) {
        changed->n[changed->count] = fuzz_byte(in) % SENSOR_COUNT;
        vary_sensor(in, &st->sensors.s[changed->n[changed->count]]);
    }
    vary(in, &st->sdr.count, 2);
    vary(in, &st->sdr.pending_len, 2);
    vary(in, &st->sdr.pending_total, 2);
    vary(in, &st->sdr.next_id, 2);
    vary_bool(in, &st->sdr.overflow);
    vary(in, &st->fru.area_size, 2);
    vary(in, &st->fru.devices, 2);
    vary_some(in, st->sdr.start, sizeof(st->sdr.start));
    vary_some(in, st->sdr.pool, sizeof(st->sdr.pool));
    vary_some(in, st->fru.data, sizeof(st->fru.data));
    vary_some(in, st->msgq.messages, sizeof(st->msgq.messages));
    vary_some(in, st->sel.entries, sizeof(st->sel.entries));
    vary_some(in, st->sysinfo.strings, sizeof(st->sysinfo.strings));
}

/* Requests of every NetFn that read or change what the stream carried: a length,
   then NetFn/LUN, command and data. */
static const uint8_t bmc_probes[][10] = {
    {2, 0x18, 0x31}, {2, 0x18, 0x33}, {2, 0x18, 0x35}, {2, 0x18, 0x25}, {2, 0x18, 0x22},
    {2, 0x18, 0x07}, {6, 0x18, 0x59, 0x00, 0x01, 0x00, 0x00}, {2, 0x00, 0x01},
    {2, 0x00, 0x07}, {2, 0x28, 0x40}, {2, 0x28, 0x42},
    {8, 0x28, 0x43, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff},
    {8, 0x28, 0x43, 0x00, 0x00, 0xff, 0xff, 0x00, 0xff}, {2, 0x28, 0x48},
    {2, 0x28, 0x20}, {8, 0x28, 0x23, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff},
    {8, 0x28, 0x23, 0x00, 0x00, 0x01, 0x00, 0x00, 0x10}, {3, 0x28, 0x10, 0x00},
    {6, 0x28, 0x11, 0x00, 0x00, 0x00, 0x10},
};

/* The sensor commands, for each sensor the stream changed and the watchdog's:
   reading, thresholds, event status, enables, hysteresis, type. */
static const uint8_t sensor_probes[] = { 0x2d, 0x27, 0x2b, 0x29, 0x25, 0x2f };

static void fuzz_bmc(struct fuzz_input *in)
{
    struct bmc b;
    struct bmc_config config;
    struct bmc_upstream_watchdog u;
    struct bmc_upstream_sensor us;
    struct bmc_effects fx;
    bool stopped_subsection, sensors_subsection;
    uint16_t stopped;
    uint64_t now = 0;
    uint8_t rsp[IPMI_MAX_MESSAGE];
    uint8_t req[IPMI_MAX_MESSAGE];
    struct bmc_effects timer;
    struct changed_sensors changed;
    size_t i;

    /* Zero first, as QEMU allocates the device; bmc_init leaves unused parts alone. */
    memset(&b, 0, sizeof(b));
    fuzz_bmc_config(&config, 0x20, true);
    bmc_init(&b, &config);
    bmc_watchdog_to_upstream(&b.state.watchdog, &u);
    bmc_sensor_to_upstream(&b.state.sensors.s[SENSOR_WATCHDOG_NUMBER], &us);
    stopped_subsection = (fuzz_byte(in) & 1) != 0;
    sensors_subsection = (fuzz_byte(in) & 1) != 0;
    vary(in, &b.state.watchdog.stopped_count, 2);
    vary_bmc_stream(in, &b, &u, &us, &changed);
    stopped = stopped_subsection ? b.state.watchdog.stopped_count
                                 : bmc_upstream_stopped_count(&u);
    if (!bmc_watchdog_from_upstream(&b.state.watchdog, &u, stopped)) {
        return;
    }
    if (!sensors_subsection) {
        bmc_sensor_from_upstream(&b.state.sensors.s[SENSOR_WATCHDOG_NUMBER], &us);
    }
    if (!bmc_migrated_ok(&b)) {
        return;
    }
    timer = bmc_timer_effects(&b);
    for (i = 0; i < sizeof(bmc_probes) / sizeof(bmc_probes[0]); i++) {
        fuzz_bmc_ask(&b, now, bmc_probes[i] + 1, bmc_probes[i][0], rsp, sizeof(rsp), &fx);
        if (fx.timer_changed) {
            timer = fx;
        }
    }
    for (i = 0; i <= changed.count; i++) {
        size_t k;

        for (k = 0; k < sizeof(sensor_probes); k++) {
            req[0] = 0x10;
            req[1] = sensor_probes[k];
            req[2] = i < changed.count ? changed.n[i] : SENSOR_WATCHDOG_NUMBER;
            fuzz_bmc_ask(&b, now, req, 3, rsp, sizeof(rsp), &fx);
        }
    }
    /* Then what is left of the input: requests, each a length byte and its bytes,
       with the watchdog ticked at each deadline it reports. */
    while (in->left > 0) {
        size_t len = fuzz_byte(in) % sizeof(req);

        fuzz_take(in, req, len);
        if (timer.timer_armed && timer.deadline >= now) {
            now = timer.deadline;
            fx = bmc_tick(&b, now);
            timer.timer_armed = false;
            if (fx.timer_changed) {
                timer = fx;
            }
            if (!bmc_migrated_ok(&b)) {
                fuzz_fail("BMC: the state after a tick at %llu would not migrate",
                          (unsigned long long)now);
            }
        }
        fuzz_bmc_ask(&b, now, req, len, rsp, sizeof(rsp), &fx);
        if (fx.timer_changed) {
            timer = fx;
        }
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
    case KIND_SSIF:
        fuzz_ssif(&in);
        break;
    default:
        fuzz_bmc(&in);
        break;
    }
    return 0;
}
