/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generated KCS machine, driven from the host side the way Linux's kcs_sm drives a
 * KCS interface (drivers/char/ipmi/ipmi_kcs_sm.c): wait for IBF to clear, check the
 * state, clear OBF, write the next byte. The BMC side is a canned responder here, so
 * every byte on the wire is known.
 */
#include <glib.h>
#include <string.h>

#include "kcs.h"
#include "kcs_migrate.h"

#define STATE(status) ((status) >> KCS_STATUS_STATE_SHIFT)

struct rig {
    struct kcs_machine m;
    bool irq;                      /* the IRQ line as the binding would drive it */
    int requests;                  /* requests handed to the BMC */
    uint8_t last_request[KCS_REQUEST_CAPACITY];
    size_t last_request_len;
    uint8_t last_request_id;
    bool auto_respond;             /* answer each request at once, like ipmi-bmc-sim */
    uint8_t reply[400];
    size_t reply_len;
};

static void apply(struct rig *r, struct kcs_result res)
{
    g_assert_true(res.irq_level == (r->m.irq_enabled && (r->m.obf_irq || r->m.atn_irq)));
    if (res.irq_changed) {
        g_assert_true(r->irq != res.irq_level);
        r->irq = res.irq_level;
    } else {
        g_assert_true(r->irq == res.irq_level);
    }
    if (res.request) {
        r->requests++;
        memcpy(r->last_request, r->m.request, r->m.request_len);
        r->last_request_len = r->m.request_len;
        r->last_request_id = r->m.request_id;
        if (r->auto_respond) {
            apply(r, kcs_machine_respond(&r->m, r->m.request_id, r->reply, r->reply_len));
        }
    }
}

static uint8_t status(struct rig *r)
{
    struct kcs_result res = kcs_machine_read(&r->m, KCS_REG_STATUS);

    apply(r, res);
    /* The state field always names the phase's state; IBF is set only while busy. */
    g_assert_cmpint(STATE(res.value), ==, STATE(kcs_machine_status(&r->m)));
    g_assert_cmpint(!!(res.value & KCS_STATUS_IBF), ==, r->m.phase == KCS_PHASE_BUSY);
    return res.value;
}

static uint8_t read_data(struct rig *r)
{
    struct kcs_result res = kcs_machine_read(&r->m, KCS_REG_DATA);

    apply(r, res);
    return res.value;
}

static void write_cmd(struct rig *r, uint8_t v)
{
    apply(r, kcs_machine_write(&r->m, KCS_REG_STATUS, v));
}

static void write_data(struct rig *r, uint8_t v)
{
    apply(r, kcs_machine_write(&r->m, KCS_REG_DATA, v));
}

static void rig_init(struct rig *r)
{
    memset(r, 0, sizeof(*r));
    kcs_machine_init(&r->m);
    r->auto_respond = true;
    /* Get Device ID's response, as QEMU's own KCS test expects it. */
    static const uint8_t dev_id_rsp[] = { 0x1c, 0x01, 0x00, 0x20, 0x00, 0x00, 0x00,
                                          0x02, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00 };
    memcpy(r->reply, dev_id_rsp, sizeof(dev_id_rsp));
    r->reply_len = sizeof(dev_id_rsp);
}

/* Host-side helpers in kcs_sm's order. Each asserts what the driver checks. */
static void wait_ibf_clear(struct rig *r)
{
    g_assert_false(status(r) & KCS_STATUS_IBF);
}

static void expect_state(struct rig *r, int state)
{
    g_assert_cmpint(STATE(status(r)), ==, state);
}

static void clear_obf(struct rig *r)
{
    if (status(r) & KCS_STATUS_OBF) {
        read_data(r);
    }
    g_assert_false(status(r) & KCS_STATUS_OBF);
}

static void send_request(struct rig *r, const uint8_t *req, size_t len)
{
    size_t i;

    clear_obf(r);
    write_cmd(r, KCS_CONTROL_WRITE_START);
    wait_ibf_clear(r);
    expect_state(r, KCS_STATE_WRITE);
    clear_obf(r);
    for (i = 0; i + 1 < len; i++) {
        write_data(r, req[i]);
        wait_ibf_clear(r);
        expect_state(r, KCS_STATE_WRITE);
        clear_obf(r);
    }
    write_cmd(r, KCS_CONTROL_WRITE_END);
    wait_ibf_clear(r);
    expect_state(r, KCS_STATE_WRITE);
    clear_obf(r);
    write_data(r, req[len - 1]);
}

/* Reads the response; returns its length. */
static size_t read_response(struct rig *r, uint8_t *buf, size_t cap)
{
    size_t n = 0;

    for (;;) {
        uint8_t s = status(r);

        g_assert_false(s & KCS_STATUS_IBF);
        g_assert_true(s & KCS_STATUS_OBF);
        if (STATE(s) == KCS_STATE_IDLE) {
            read_data(r); /* the dummy byte */
            return n;
        }
        g_assert_cmpint(STATE(s), ==, KCS_STATE_READ);
        g_assert_cmpuint(n, <, cap);
        buf[n++] = read_data(r);
        write_data(r, KCS_CONTROL_READ);
    }
}

/* kcs_sm's error recovery: GET_STATUS_ABORT, 00h, read the status code, READ. */
static uint8_t abort_transfer(struct rig *r)
{
    uint8_t code;

    clear_obf(r);
    write_cmd(r, KCS_CONTROL_GET_STATUS_ABORT);
    wait_ibf_clear(r);
    clear_obf(r);
    write_data(r, 0);
    wait_ibf_clear(r);
    expect_state(r, KCS_STATE_READ);
    g_assert_true(status(r) & KCS_STATUS_OBF);
    code = read_data(r);
    write_data(r, KCS_CONTROL_READ);
    wait_ibf_clear(r);
    expect_state(r, KCS_STATE_IDLE);
    g_assert_true(status(r) & KCS_STATUS_OBF);
    read_data(r);
    return code;
}

static const uint8_t get_dev_id[] = { 0x18, 0x01 };

static void transaction_works(struct rig *r)
{
    uint8_t buf[64];
    size_t n;
    int before = r->requests;

    send_request(r, get_dev_id, sizeof(get_dev_id));
    g_assert_cmpint(r->requests, ==, before + 1);
    g_assert_cmpmem(r->last_request, r->last_request_len, get_dev_id, sizeof(get_dev_id));
    n = read_response(r, buf, sizeof(buf));
    g_assert_cmpmem(buf, n, r->reply, r->reply_len);
    g_assert_cmpint(kcs_machine_status(&r->m), ==, 0);
}

static void test_init_is_idle(void)
{
    struct rig r;

    rig_init(&r);
    g_assert_cmpint(status(&r), ==, 0);
    g_assert_false(r.irq);
}

static void test_normal_transaction(void)
{
    struct rig r;

    rig_init(&r);
    transaction_works(&r);
    transaction_works(&r);
    g_assert_cmpint(r.requests, ==, 2);
}

static void test_long_request_and_response(void)
{
    struct rig r;
    uint8_t req[KCS_REQUEST_CAPACITY];
    uint8_t buf[KCS_RESPONSE_CAPACITY + 1];
    size_t i, n;

    rig_init(&r);
    for (i = 0; i < sizeof(req); i++) {
        req[i] = (uint8_t)(i * 7);
    }
    for (i = 0; i < KCS_RESPONSE_CAPACITY; i++) {
        r.reply[i] = (uint8_t)(255 - i);
    }
    r.reply_len = KCS_RESPONSE_CAPACITY;
    send_request(&r, req, sizeof(req));
    g_assert_cmpmem(r.last_request, r.last_request_len, req, sizeof(req));
    n = read_response(&r, buf, sizeof(buf));
    g_assert_cmpmem(buf, n, r.reply, r.reply_len);
}

/* One byte more than the buffer holds: ERROR state, and GET_STATUS reports 06h. */
static void test_overrun(void)
{
    struct rig r;
    uint8_t req[KCS_REQUEST_CAPACITY + 1];

    rig_init(&r);
    memset(req, 0x5a, sizeof(req));
    send_request(&r, req, sizeof(req));
    g_assert_cmpint(r.requests, ==, 0);
    expect_state(&r, KCS_STATE_ERROR);
    g_assert_cmpint(abort_transfer(&r), ==, KCS_ERROR_LENGTH_ERROR);
    transaction_works(&r);
}

/*
 * Abort in every phase the host can reach, then recover and run a transaction. The
 * status code is ABORTED_BY_COMMAND unless an error was already waiting.
 */
enum stop_at {
    STOP_IDLE, STOP_AFTER_WRITE_START, STOP_MID_DATA, STOP_AFTER_WRITE_END, STOP_MID_READ,
    STOP_AFTER_READ_ALL, STOP_ABORT_ACK, STOP_ABORT_STATUS, STOP_IN_ERROR, STOP_COUNT
};

static void drive_to(struct rig *r, enum stop_at where)
{
    static const uint8_t req[] = { 0x18, 0x01, 0x02, 0x03 };

    switch (where) {
    case STOP_IDLE:
        break;
    case STOP_AFTER_WRITE_START:
        write_cmd(r, KCS_CONTROL_WRITE_START);
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_WRITE_START);
        break;
    case STOP_MID_DATA:
        write_cmd(r, KCS_CONTROL_WRITE_START);
        clear_obf(r);
        write_data(r, req[0]);
        write_data(r, req[1]);
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_WRITE_DATA);
        break;
    case STOP_AFTER_WRITE_END:
        write_cmd(r, KCS_CONTROL_WRITE_START);
        write_data(r, req[0]);
        write_cmd(r, KCS_CONTROL_WRITE_END);
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_WRITE_END);
        break;
    case STOP_MID_READ:
        send_request(r, req, sizeof(req));
        read_data(r);
        write_data(r, KCS_CONTROL_READ);
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_READ);
        break;
    case STOP_AFTER_READ_ALL: {
        uint8_t buf[64];
        send_request(r, req, sizeof(req));
        read_response(r, buf, sizeof(buf));
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_IDLE);
        break;
    }
    case STOP_ABORT_ACK:
        write_cmd(r, KCS_CONTROL_GET_STATUS_ABORT);
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_ABORT_ACK);
        break;
    case STOP_ABORT_STATUS:
        write_cmd(r, KCS_CONTROL_GET_STATUS_ABORT);
        write_data(r, 0);
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_ABORT_STATUS);
        break;
    case STOP_IN_ERROR:
        write_cmd(r, 0x77);
        g_assert_cmpint(r->m.phase, ==, KCS_PHASE_ERROR);
        break;
    default:
        g_assert_not_reached();
    }
}

static void test_abort_in_every_phase(void)
{
    int where;

    for (where = 0; where < STOP_COUNT; where++) {
        struct rig r;
        uint8_t expected = where == STOP_IN_ERROR ? KCS_ERROR_ILLEGAL_CONTROL_CODE
                                                  : KCS_ERROR_ABORTED_BY_COMMAND;

        rig_init(&r);
        drive_to(&r, where);
        g_assert_cmpint(abort_transfer(&r), ==, expected);
        g_assert_cmpint(kcs_machine_status(&r.m), ==, 0);
        transaction_works(&r);
    }
}

/* QEMU's ipmi-kcs-test aborts after reading one response byte; so does this. */
static void test_abort_during_read_reports_aborted(void)
{
    struct rig r;

    rig_init(&r);
    drive_to(&r, STOP_MID_READ);
    write_cmd(&r, KCS_CONTROL_GET_STATUS_ABORT);
    g_assert_true(status(&r) & KCS_STATUS_OBF);
    read_data(&r);
    write_data(&r, 0);
    expect_state(&r, KCS_STATE_READ);
    g_assert_cmpint(read_data(&r), ==, KCS_ERROR_ABORTED_BY_COMMAND);
    write_data(&r, KCS_CONTROL_READ);
    expect_state(&r, KCS_STATE_IDLE);
}

static void test_wrong_state_writes(void)
{
    static const struct {
        const char *what;
        bool cmd;
        uint8_t value;
    } cases[] = {
        { "WRITE_END while idle", true, KCS_CONTROL_WRITE_END },
        { "unknown control code", true, 0x42 },
        { "READ control code on the command register", true, KCS_CONTROL_READ },
        { "data while idle", false, 0x18 },
        { "READ while idle", false, KCS_CONTROL_READ },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        struct rig r;

        g_test_message("%s", cases[i].what);
        rig_init(&r);
        if (cases[i].cmd) {
            write_cmd(&r, cases[i].value);
        } else {
            write_data(&r, cases[i].value);
        }
        expect_state(&r, KCS_STATE_ERROR);
        /* In ERROR only GET_STATUS_ABORT gets anywhere. */
        write_cmd(&r, KCS_CONTROL_WRITE_START);
        expect_state(&r, KCS_STATE_ERROR);
        g_assert_cmpint(abort_transfer(&r), ==, KCS_ERROR_ILLEGAL_CONTROL_CODE);
        transaction_works(&r);
    }
}

/* Something other than READ while the BMC hands out the response. */
static void test_bad_byte_while_reading(void)
{
    struct rig r;

    rig_init(&r);
    send_request(&r, get_dev_id, sizeof(get_dev_id));
    read_data(&r);
    write_data(&r, 0x99);
    expect_state(&r, KCS_STATE_ERROR);
    g_assert_cmpint(abort_transfer(&r), ==, KCS_ERROR_ILLEGAL_CONTROL_CODE);
}

/* WRITE_END straight after WRITE_START: a request of no bytes is a protocol error. */
static void test_empty_request(void)
{
    struct rig r;

    rig_init(&r);
    write_cmd(&r, KCS_CONTROL_WRITE_START);
    write_cmd(&r, KCS_CONTROL_WRITE_END);
    expect_state(&r, KCS_STATE_ERROR);
    g_assert_cmpint(r.requests, ==, 0);
}

/* Reading the data register again, or past the response, changes nothing it should not. */
static void test_reads_past_the_end(void)
{
    struct rig r;
    uint8_t buf[64];
    uint8_t first, again;

    rig_init(&r);
    send_request(&r, get_dev_id, sizeof(get_dev_id));
    first = read_data(&r);
    again = read_data(&r);
    g_assert_cmpint(first, ==, again);
    g_assert_false(status(&r) & KCS_STATUS_OBF);
    g_assert_cmpint(r.m.response_pos, ==, 1);
    write_data(&r, KCS_CONTROL_READ);
    read_response(&r, buf, sizeof(buf));
    g_assert_cmpint(r.m.phase, ==, KCS_PHASE_IDLE);
    /* Read more: still idle, no OBF, nothing new offered. */
    read_data(&r);
    read_data(&r);
    g_assert_cmpint(status(&r), ==, 0);
}

/* While the BMC works, IBF stays set and host writes are not taken. */
static void test_busy_holds_ibf(void)
{
    struct rig r;
    uint8_t buf[64];
    size_t n;

    rig_init(&r);
    r.auto_respond = false;
    send_request(&r, get_dev_id, sizeof(get_dev_id));
    g_assert_cmpint(r.m.phase, ==, KCS_PHASE_BUSY);
    g_assert_true(status(&r) & KCS_STATUS_IBF);
    write_cmd(&r, KCS_CONTROL_GET_STATUS_ABORT);
    write_data(&r, 0x11);
    g_assert_cmpint(r.m.phase, ==, KCS_PHASE_BUSY);
    g_assert_cmpint(r.m.request_len, ==, sizeof(get_dev_id));
    /* A response quoting another request is dropped. */
    apply(&r, kcs_machine_respond(&r.m, (uint8_t)(r.last_request_id + 1), r.reply, r.reply_len));
    g_assert_cmpint(r.m.phase, ==, KCS_PHASE_BUSY);
    apply(&r, kcs_machine_respond(&r.m, r.last_request_id, r.reply, r.reply_len));
    n = read_response(&r, buf, sizeof(buf));
    g_assert_cmpmem(buf, n, r.reply, r.reply_len);
    /* A second answer to the same request changes nothing. */
    apply(&r, kcs_machine_respond(&r.m, r.last_request_id, r.reply, r.reply_len));
    g_assert_cmpint(kcs_machine_status(&r.m), ==, 0);
}

static void test_overlong_response(void)
{
    struct rig r;
    uint8_t buf[64];
    size_t n;
    static const uint8_t expected[] = { 0x1c, 0x01, 0xca };

    rig_init(&r);
    r.reply_len = KCS_RESPONSE_CAPACITY + 1;
    send_request(&r, get_dev_id, sizeof(get_dev_id));
    n = read_response(&r, buf, sizeof(buf));
    g_assert_cmpmem(buf, n, expected, sizeof(expected));
}

static void test_empty_response(void)
{
    struct rig r;

    rig_init(&r);
    r.reply_len = 0;
    send_request(&r, get_dev_id, sizeof(get_dev_id));
    expect_state(&r, KCS_STATE_ERROR);
    g_assert_cmpint(abort_transfer(&r), ==, KCS_ERROR_UNSPECIFIED);
}

/* With interrupts on, every byte offered raises the line and reading it lowers it. */
static void test_interrupts(void)
{
    struct rig r;

    rig_init(&r);
    apply(&r, kcs_machine_set_irq_enable(&r.m, true));
    g_assert_false(r.irq);
    write_cmd(&r, KCS_CONTROL_WRITE_START);
    g_assert_true(r.irq);
    read_data(&r);
    g_assert_false(r.irq);

    /* Attention with an interrupt: raised, and reading status lowers the line. */
    rig_init(&r);
    apply(&r, kcs_machine_set_irq_enable(&r.m, true));
    apply(&r, kcs_machine_set_attention(&r.m, true, true));
    g_assert_true(r.irq);
    g_assert_true(status(&r) & KCS_STATUS_SMS_ATN);
    g_assert_false(r.irq);
    g_assert_true(status(&r) & KCS_STATUS_SMS_ATN);
    apply(&r, kcs_machine_set_attention(&r.m, false, false));
    g_assert_false(status(&r) & KCS_STATUS_SMS_ATN);

    /* Interrupts off: the line never moves. */
    rig_init(&r);
    transaction_works(&r);
    g_assert_false(r.irq);

    /* Turning interrupts off with a byte pending lowers the line. */
    rig_init(&r);
    apply(&r, kcs_machine_set_irq_enable(&r.m, true));
    write_cmd(&r, KCS_CONTROL_WRITE_START);
    g_assert_true(r.irq);
    apply(&r, kcs_machine_set_irq_enable(&r.m, false));
    g_assert_false(r.irq);
}

/* A host reset mid-transfer: idle again, the BMC's settings kept, the old answer dropped. */
static void test_reset(void)
{
    struct rig r;
    uint8_t old_id;

    rig_init(&r);
    r.auto_respond = false;
    apply(&r, kcs_machine_set_irq_enable(&r.m, true));
    apply(&r, kcs_machine_set_attention(&r.m, true, false));
    send_request(&r, get_dev_id, sizeof(get_dev_id));
    old_id = r.last_request_id;
    g_assert_cmpint(r.m.phase, ==, KCS_PHASE_BUSY);
    apply(&r, kcs_machine_reset(&r.m));
    g_assert_cmpint(kcs_machine_status(&r.m), ==, KCS_STATUS_SMS_ATN);
    g_assert_true(r.m.irq_enabled);
    g_assert_false(r.irq);
    apply(&r, kcs_machine_respond(&r.m, old_id, r.reply, r.reply_len));
    g_assert_cmpint(r.m.phase, ==, KCS_PHASE_IDLE);
    r.auto_respond = true;
    apply(&r, kcs_machine_set_attention(&r.m, false, false));
    transaction_works(&r);
    g_assert_cmpint(r.last_request_id, !=, old_id);
}

/*
 * What a migration makes of the machine: upstream's fields bring back a machine that
 * is alike (kcs_migrate_alike) in every phase but ERROR (upstream's error state hands
 * out a status code at the next data write, as ABORT_ACK does, where ERROR hands out
 * 00h) and ABORT_STATUS (upstream's read state would not keep the code for a second
 * abort), so only those need the subsection.
 * Returns whether this state needs it.
 */
static bool migrates_without_subsection(const struct kcs_machine *m)
{
    struct kcs_upstream u;
    struct kcs_machine back;
    bool alike;

    kcs_migrate_to_upstream(m, &u);
    g_assert_true(kcs_migrate_from_upstream(&u, &back));
    g_assert_true(kcs_machine_consistent(&back));
    alike = kcs_migrate_alike(m, &back);
    if (!alike) {
        g_assert_true(m->phase == KCS_PHASE_ERROR || m->phase == KCS_PHASE_ABORT_STATUS);
    }
    g_assert_true(kcs_migrate_alike(m, m));
    return alike;
}

/*
 * Random register traffic, some of it nonsense: whatever the host does, the machine
 * stays within its buffers, its status matches its phase, and it can always be
 * brought back by an abort. Every state it passes through migrates (above).
 */
static void test_random_traffic(void)
{
    static const uint8_t interesting[] = { 0x60, 0x61, 0x62, 0x68, 0x00, 0x18, 0xff };
    GRand *rng = g_rand_new_with_seed(20261125);
    struct rig r;
    int i, subsections = 0;

    rig_init(&r);
    for (i = 0; i < 200000; i++) {
        guint32 op = g_rand_int_range(rng, 0, 10);
        uint8_t v = g_rand_boolean(rng) ? interesting[g_rand_int_range(rng, 0, 7)]
                                        : (uint8_t)g_rand_int_range(rng, 0, 256);

        r.auto_respond = g_rand_int_range(rng, 0, 4) != 0;
        r.reply_len = g_rand_int_range(rng, 0, 8) == 0 ? (size_t)g_rand_int_range(rng, 0, 400)
                                                       : 14;
        switch (op) {
        case 0: case 1: write_cmd(&r, v); break;
        case 2: case 3: case 4: write_data(&r, v); break;
        case 5: case 6: read_data(&r); break;
        case 7: status(&r); break;
        case 8:
            apply(&r, kcs_machine_respond(&r.m, g_rand_boolean(rng) ? r.m.request_id : v,
                                          r.reply, r.reply_len));
            break;
        default:
            apply(&r, kcs_machine_set_irq_enable(&r.m, g_rand_boolean(rng)));
            break;
        }
        g_assert_cmpuint(r.m.phase, <=, KCS_PHASE_ERROR);
        g_assert_cmpuint(r.m.request_len, <=, KCS_REQUEST_CAPACITY);
        g_assert_cmpuint(r.m.response_pos, <=, r.m.response_len);
        g_assert_cmpuint(r.m.response_len, <=, KCS_RESPONSE_CAPACITY);
        g_assert_true(kcs_machine_consistent(&r.m));
        subsections += !migrates_without_subsection(&r.m);
    }
    /* Random traffic is mostly nonsense, so it spends most of its time in ERROR. */
    g_test_message("%d of %d states need the migration subsection", subsections, i);
    g_assert_cmpint(subsections, >, 0);
    g_assert_cmpint(subsections, <, i);
    /* Recover from wherever the traffic left it. */
    if (r.m.phase == KCS_PHASE_BUSY) {
        apply(&r, kcs_machine_respond(&r.m, r.m.request_id, r.reply, 3));
    }
    r.auto_respond = true;
    r.reply_len = 14;
    abort_transfer(&r);
    transaction_works(&r);
    g_rand_free(rng);
}

/*
 * The check a migration's post_load makes: every state the machine reaches passes, and
 * each way a stream can break the invariant is refused.
 */
static void test_consistency_check(void)
{
    struct kcs_machine m;

    kcs_machine_init(&m);
    g_assert_true(kcs_machine_consistent(&m));

    m.phase = KCS_PHASE_COUNT;
    g_assert_false(kcs_machine_consistent(&m));
    kcs_machine_init(&m);
    m.phase = KCS_PHASE_BUSY;
    g_assert_false(kcs_machine_consistent(&m));   /* the BMC holds an empty request */
    m.request_len = 1;
    g_assert_true(kcs_machine_consistent(&m));
    m.request_len = KCS_REQUEST_CAPACITY + 1;
    g_assert_false(kcs_machine_consistent(&m));
    kcs_machine_init(&m);
    m.response_len = 4;
    m.response_pos = 5;
    g_assert_false(kcs_machine_consistent(&m));
    m.response_pos = 4;
    g_assert_true(kcs_machine_consistent(&m));
    m.response_len = m.response_pos = KCS_RESPONSE_CAPACITY + 1;
    g_assert_false(kcs_machine_consistent(&m));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/kcs/init-is-idle", test_init_is_idle);
    g_test_add_func("/kcs/normal-transaction", test_normal_transaction);
    g_test_add_func("/kcs/long-request-and-response", test_long_request_and_response);
    g_test_add_func("/kcs/overrun", test_overrun);
    g_test_add_func("/kcs/abort-in-every-phase", test_abort_in_every_phase);
    g_test_add_func("/kcs/abort-during-read", test_abort_during_read_reports_aborted);
    g_test_add_func("/kcs/wrong-state-writes", test_wrong_state_writes);
    g_test_add_func("/kcs/bad-byte-while-reading", test_bad_byte_while_reading);
    g_test_add_func("/kcs/empty-request", test_empty_request);
    g_test_add_func("/kcs/reads-past-the-end", test_reads_past_the_end);
    g_test_add_func("/kcs/busy-holds-ibf", test_busy_holds_ibf);
    g_test_add_func("/kcs/overlong-response", test_overlong_response);
    g_test_add_func("/kcs/empty-response", test_empty_response);
    g_test_add_func("/kcs/interrupts", test_interrupts);
    g_test_add_func("/kcs/reset", test_reset);
    g_test_add_func("/kcs/random-traffic", test_random_traffic);
    g_test_add_func("/kcs/consistency-check", test_consistency_check);
    return g_test_run();
}
