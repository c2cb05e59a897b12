/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC watchdog (IPMI v2.0 section 27): Reset, Set and Get Watchdog Timer through
 * bmc_handle_request, and what bmc_tick does when its deadlines come.
 */
#include "bmc-exchange.h"

/* What the last request asked of the world. */
static struct bmc_effects last_fx;

#define ASK(b, now, ...) \
    ({ struct exchange x_ = ASK_AT((b), (now), __VA_ARGS__); last_fx = x_.fx; x_; })

/* NetFn App request 0x18, response 0x1c. */
#define RESET(b, now) ASK(b, now, 0x18, 0x22)
#define GET(b, now) ASK(b, now, 0x18, 0x25)
#define SET(b, now, use, act, pre, clr, lo, hi) ASK(b, now, 0x18, 0x24, use, act, pre, clr, lo, hi)

static bool no_effects(const struct bmc_effects *fx)
{
    return !fx->irq_enable_changed && !fx->attention_changed && !fx->attention_irq &&
           !fx->cold_reset && !fx->warm_reset && fx->power == BMC_POWER_NONE && !fx->nmi &&
           !fx->timer_changed;
}

static void test_reset_before_set(void)
{
    struct bmc b;
    struct bmc_state before;

    bmc_default(&b);
    before = b.state;
    EXPECT(RESET(&b, 0), 0x1c, 0x22, 0x80);
    g_assert_true(no_effects(&last_fx));
    g_assert_cmpmem(&before, sizeof(before), &b.state, sizeof(b.state));
    /* Get works before any Set: all zero. */
    EXPECT(GET(&b, 0), 0x1c, 0x25, 0x00, 0, 0, 0, 0, 0, 0, 0, 0);
}

static void test_set_get_reset(void)
{
    struct bmc b;

    bmc_default(&b);
    /* SMS/OS, hard reset, no pre-timeout, 10 s. */
    EXPECT(SET(&b, 1000, 0x04, 0x01, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0x00);
    g_assert_true(last_fx.timer_changed);
    g_assert_false(last_fx.timer_armed);
    /* Set does not start it: present countdown is the initial one. */
    EXPECT(GET(&b, 5000), 0x1c, 0x25, 0x00, 0x04, 0x01, 0, 0, 0x64, 0x00, 0x64, 0x00);
    EXPECT(RESET(&b, 2000), 0x1c, 0x22, 0x00);
    g_assert_true(last_fx.timer_changed);
    g_assert_true(last_fx.timer_armed);
    g_assert_cmpuint(last_fx.deadline, ==, 12000);
    /* Running: bit 6 of use; present countdown decreasing with now (rounded up). */
    EXPECT(GET(&b, 2000), 0x1c, 0x25, 0x00, 0x44, 0x01, 0, 0, 0x64, 0x00, 0x64, 0x00);
    g_assert_true(last_fx.timer_armed);
    g_assert_cmpuint(last_fx.deadline, ==, 12000);
    EXPECT(GET(&b, 4550), 0x1c, 0x25, 0x00, 0x44, 0x01, 0, 0, 0x64, 0x00, 75, 0x00);
    EXPECT(GET(&b, 11999), 0x1c, 0x25, 0x00, 0x44, 0x01, 0, 0, 0x64, 0x00, 1, 0x00);
    EXPECT(GET(&b, 12000), 0x1c, 0x25, 0x00, 0x44, 0x01, 0, 0, 0x64, 0x00, 0, 0x00);
    /* Reset restarts from the initial countdown. */
    EXPECT(RESET(&b, 8000), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(last_fx.deadline, ==, 18000);
    /* A large countdown: two bytes, little endian. */
    EXPECT(SET(&b, 0, 0x03, 0x00, 0, 0, 0x34, 0x12), 0x1c, 0x24, 0x00);
    EXPECT(GET(&b, 0), 0x1c, 0x25, 0x00, 0x03, 0x00, 0, 0, 0x34, 0x12, 0x34, 0x12);
}

static void test_invalid_fields(void)
{
    struct bmc b;
    struct bmc_state before;

    bmc_default(&b);
    EXPECT(SET(&b, 0, 0x04, 0x23, 5, 0, 0x64, 0x00), 0x1c, 0x24, 0x00);
    before = b.state;
    EXPECT(SET(&b, 0, 0x00, 0x01, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* use 0 */
    EXPECT(SET(&b, 0, 0x06, 0x01, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* use 6 */
    EXPECT(SET(&b, 0, 0x47, 0x01, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* use 7 */
    EXPECT(SET(&b, 0, 0x04, 0x04, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* action 4 */
    EXPECT(SET(&b, 0, 0x04, 0x07, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* action 7 */
    EXPECT(SET(&b, 0, 0x04, 0x41, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* interrupt 4 */
    EXPECT(SET(&b, 0, 0x04, 0x71, 0, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* interrupt 7 */
    EXPECT(SET(&b, 0, 0x04, 0x21, 10, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc); /* 10 s of 10 s */
    EXPECT(SET(&b, 0, 0x04, 0x21, 11, 0, 0x64, 0x00), 0x1c, 0x24, 0xcc);
    g_assert_true(no_effects(&last_fx));
    g_assert_cmpmem(&before, sizeof(before), &b.state, sizeof(b.state));
    /* 9 s before a 10 s timeout is fine; so is every valid value. */
    EXPECT(SET(&b, 0, 0x05, 0x33, 9, 0, 0x64, 0x00), 0x1c, 0x24, 0x00);
    /* Too short a request. */
    EXPECT(ASK(&b, 0, 0x18, 0x24, 0x04, 0x01, 0, 0, 0x64), 0x1c, 0x24, 0xc7);
}

/*
 * The SEL record at index i is the Watchdog 2 sensor's event (table 42-3) of the
 * offset given, as upstream's: generator the BMC (20h, LUN 0), EvM Rev 04h, sensor type
 * 23h, sensor 0, assertion of a sensor-specific (6Fh) event, event data 1 C0h | offset,
 * event data 2 the pre-timeout interrupt and the timer use, event data 3 FFh.
 */
static void expect_watchdog_record(const struct bmc *b, size_t i, uint8_t offset, uint8_t data2)
{
    const uint8_t *r = b->state.sel.entries[i];

    g_assert_cmpuint(b->state.sel.count, >, i);
    g_assert_cmphex(r[2], ==, 0x02);
    g_assert_cmphex(r[7], ==, 0x20);
    g_assert_cmphex(r[8], ==, 0x00);
    g_assert_cmphex(r[9], ==, 0x04);
    g_assert_cmphex(r[10], ==, 0x23);
    g_assert_cmphex(r[11], ==, 0x00);
    g_assert_cmphex(r[12], ==, 0x6f);
    g_assert_cmphex(r[13], ==, 0xc0 | offset);
    g_assert_cmphex(r[14], ==, data2);
    g_assert_cmphex(r[15], ==, 0xff);
}

/* Runs a timer of use 4 with the given actions byte to expiry and checks the tick. */
static void expire_with(uint8_t actions, uint8_t power, uint8_t event)
{
    struct bmc b;
    struct bmc_effects fx;
    struct exchange x;
    const uint8_t set[] = { 0x18, 0x24, 0x04, 0x00, 0, 0, 0x0a, 0x00 };
    uint8_t req[sizeof(set)];

    bmc_default(&b);
    memcpy(req, set, sizeof(set));
    req[3] = actions;
    EXPECT(bmc_exchange(&b, 0, req, sizeof(req)), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, 500), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(last_fx.deadline, ==, 1500);
    /* Before the deadline: nothing. */
    fx = bmc_tick(&b, 1499);
    g_assert_true(no_effects(&fx));
    g_assert_true(b.state.watchdog.running);
    g_assert_cmpuint(b.state.sel.count, ==, 0);
    fx = bmc_tick(&b, 1600);
    g_assert_cmpuint(fx.power, ==, power);
    g_assert_false(fx.nmi);
    g_assert_true(fx.timer_changed);
    g_assert_false(fx.timer_armed);
    g_assert_false(b.state.watchdog.running);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_watchdog_record(&b, 0, event, 0x04);
    /* The sensor's state of that offset is set (Get Sensor Reading of sensor 0). */
    x = ASK(&b, 1600, 0x10, 0x2d, 0x00);
    g_assert_cmpuint(x.len, ==, 7);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    g_assert_cmphex(x.rsp[5], ==, 1u << event);
    g_assert_cmphex(x.rsp[6], ==, 0x00);
    /* Expiration flag of use 4, timer stopped at 0. */
    x = GET(&b, 1700);
    g_assert_cmpuint(x.len, ==, 11);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    g_assert_cmphex(x.rsp[3], ==, 0x04);
    g_assert_cmphex(x.rsp[4], ==, actions);
    g_assert_cmphex(x.rsp[6], ==, 0x10); /* bit 4: use 4 expired */
    g_assert_cmphex(x.rsp[7], ==, 0x0a);
    g_assert_cmphex(x.rsp[9], ==, 0x00); /* stopped at 0 */
    g_assert_cmphex(x.rsp[10], ==, 0x00);
    /* A tick after the timer stopped: nothing. */
    fx = bmc_tick(&b, 5000);
    g_assert_true(no_effects(&fx));
}

static void test_expiry_actions(void)
{
    expire_with(0x00, BMC_POWER_NONE, WATCHDOG_EVENT_TIMER_EXPIRED);
    expire_with(0x01, BMC_POWER_RESET, WATCHDOG_EVENT_HARD_RESET);
    expire_with(0x02, BMC_POWER_OFF, WATCHDOG_EVENT_POWER_DOWN);
    expire_with(0x03, BMC_POWER_CYCLE, WATCHDOG_EVENT_POWER_CYCLE);
    g_assert_cmpuint(WATCHDOG_EVENT_POWER_CYCLE, ==, 3);
}

/*
 * Upstream's weak spot: its power-cycle timeout logs event data 1 C3h but sets the
 * sensor's state bit 2 (power down). Here both are offset 03h, power cycle.
 */
static void test_power_cycle_offset(void)
{
    struct bmc b;
    struct exchange x;

    bmc_default(&b);
    EXPECT(SET(&b, 0, 0x04, 0x03, 0, 0, 1, 0), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, 0), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(bmc_tick(&b, 100).power, ==, BMC_POWER_CYCLE);
    expect_watchdog_record(&b, 0, 0x03, 0x04);
    x = ASK(&b, 100, 0x10, 0x2d, 0x00);
    g_assert_cmphex(x.rsp[5], ==, 0x08);          /* state 3, not upstream's state 2 */
    /* The event status says the same (Get Sensor Event Status). */
    EXPECT(ASK(&b, 100, 0x10, 0x2b, 0x00), 0x14, 0x2b, 0x00, 0xc0, 0x08, 0x00, 0x00, 0x00);
    /* A second power cycle is logged again: each timeout is an event. */
    EXPECT(RESET(&b, 200), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(bmc_tick(&b, 300).power, ==, BMC_POWER_CYCLE);
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    expect_watchdog_record(&b, 1, 0x03, 0x04);
}

static void test_pretimeout_nmi(void)
{
    struct bmc b;
    struct bmc_effects fx;

    bmc_default(&b);
    /* NMI 2 s before a 5 s power down. */
    EXPECT(SET(&b, 0, 0x04, 0x22, 2, 0, 50, 0), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, 1000), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(last_fx.deadline, ==, 4000);
    fx = bmc_tick(&b, 3999);
    g_assert_true(no_effects(&fx));
    fx = bmc_tick(&b, 4000);
    g_assert_true(fx.nmi);
    g_assert_cmpuint(fx.power, ==, BMC_POWER_NONE);
    g_assert_false(fx.attention_changed);
    g_assert_cmpuint(b.state.msg_flags, ==, 0);
    g_assert_true(fx.timer_changed && fx.timer_armed);
    g_assert_cmpuint(fx.deadline, ==, 6000);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_watchdog_record(&b, 0, WATCHDOG_EVENT_TIMER_INTERRUPT, 0x24); /* NMI, use 4 */
    fx = bmc_tick(&b, 5999);
    g_assert_true(no_effects(&fx));
    fx = bmc_tick(&b, 6000);
    g_assert_false(fx.nmi);
    g_assert_cmpuint(fx.power, ==, BMC_POWER_OFF);
    g_assert_false(fx.timer_armed);
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    expect_watchdog_record(&b, 1, WATCHDOG_EVENT_POWER_DOWN, 0x24);
}

static void test_pretimeout_messaging(void)
{
    struct bmc b;
    struct bmc_effects fx;

    bmc_default(&b);
    EXPECT(SET(&b, 0, 0x04, 0x30, 1, 0, 20, 0), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, 0), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(last_fx.deadline, ==, 1000);
    /* Interrupts off: attention without an interrupt. */
    fx = bmc_tick(&b, 1000);
    g_assert_true(fx.attention_changed && fx.attention);
    g_assert_false(fx.attention_irq);
    g_assert_false(fx.nmi);
    EXPECT(ASK(&b, 1100, 0x18, 0x31), 0x1c, 0x31, 0x00, 0x08);
    /* Clear Message Flags clears it. */
    EXPECT(ASK(&b, 1100, 0x18, 0x30, 0x08), 0x1c, 0x30, 0x00);
    g_assert_true(last_fx.attention_changed && !last_fx.attention);
    /* Expiry, no action. */
    fx = bmc_tick(&b, 2000);
    g_assert_cmpuint(fx.power, ==, BMC_POWER_NONE);
    g_assert_false(fx.attention_changed);
    g_assert_false(b.state.watchdog.running);

    /* With the receive message queue interrupt on, it interrupts. */
    EXPECT(ASK(&b, 3000, 0x18, 0x2e, 0x01), 0x1c, 0x2e, 0x00);
    EXPECT(RESET(&b, 3000), 0x1c, 0x22, 0x00);
    /* A late tick runs the pre-timeout and the timeout together. */
    fx = bmc_tick(&b, 9000);
    g_assert_true(fx.attention_changed && fx.attention && fx.attention_irq);
    g_assert_false(fx.timer_armed);
    /* The first pre-timeout and timeout are logged: 08h, 00h; the second pair is not,
       as the global enables (01h) turned system event logging off. */
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    expect_watchdog_record(&b, 0, WATCHDOG_EVENT_TIMER_INTERRUPT, 0x34); /* messaging */
    expect_watchdog_record(&b, 1, WATCHDOG_EVENT_TIMER_EXPIRED, 0x34);
    /* Logging on again: both logged. */
    EXPECT(ASK(&b, 9000, 0x18, 0x2e, 0x09), 0x1c, 0x2e, 0x00);
    EXPECT(RESET(&b, 9000), 0x1c, 0x22, 0x00);
    fx = bmc_tick(&b, 20000);
    g_assert_cmpuint(b.state.sel.count, ==, 4);
    expect_watchdog_record(&b, 2, WATCHDOG_EVENT_TIMER_INTERRUPT, 0x34);
    expect_watchdog_record(&b, 3, WATCHDOG_EVENT_TIMER_EXPIRED, 0x34);
}

static void test_dont_stop(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(SET(&b, 0, 0x04, 0x01, 0, 0, 100, 0), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, 0), 0x1c, 0x22, 0x00);
    /* Don't stop: restarts from the new countdown at once. */
    EXPECT(SET(&b, 3000, 0x44, 0x01, 0, 0, 50, 0), 0x1c, 0x24, 0x00);
    g_assert_true(last_fx.timer_armed);
    g_assert_cmpuint(last_fx.deadline, ==, 8000);
    EXPECT(GET(&b, 4000), 0x1c, 0x25, 0x00, 0x44, 0x01, 0, 0, 50, 0, 40, 0);
    /* Without it Set stops the timer. */
    EXPECT(SET(&b, 5000, 0x04, 0x01, 0, 0, 50, 0), 0x1c, 0x24, 0x00);
    g_assert_true(last_fx.timer_changed);
    g_assert_false(last_fx.timer_armed);
    {
        struct bmc_effects fx = bmc_tick(&b, 20000);

        g_assert_true(no_effects(&fx));
    }
    EXPECT(GET(&b, 20000), 0x1c, 0x25, 0x00, 0x04, 0x01, 0, 0, 50, 0, 50, 0);
    /* Don't stop on a stopped timer leaves it stopped. */
    EXPECT(SET(&b, 20000, 0x44, 0x01, 0, 0, 50, 0), 0x1c, 0x24, 0x00);
    g_assert_false(last_fx.timer_armed);
    g_assert_false(b.state.watchdog.running);
}

static void test_expiration_flags_and_dont_log(void)
{
    struct bmc b;
    struct bmc_effects fx;

    bmc_default(&b);
    /* Use 2 (BIOS/POST), don't log. */
    EXPECT(SET(&b, 0, 0x82, 0x00, 0, 0, 1, 0), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, 0), 0x1c, 0x22, 0x00);
    fx = bmc_tick(&b, 100);
    g_assert_true(fx.timer_changed);
    g_assert_cmpuint(b.state.sel.count, ==, 0);
    /* Use 3 (OS load). */
    EXPECT(SET(&b, 200, 0x03, 0x00, 0, 0, 1, 0), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, 200), 0x1c, 0x22, 0x00);
    fx = bmc_tick(&b, 300);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_watchdog_record(&b, 0, WATCHDOG_EVENT_TIMER_EXPIRED, 0x03);
    EXPECT(GET(&b, 300), 0x1c, 0x25, 0x00, 0x03, 0x00, 0, 0x0c, 1, 0, 0, 0);
    /* Clear bit 2 only; the reserved bits of the clear byte change nothing. */
    EXPECT(SET(&b, 300, 0x03, 0x00, 0, 0xc5, 1, 0), 0x1c, 0x24, 0x00);
    EXPECT(GET(&b, 300), 0x1c, 0x25, 0x00, 0x03, 0x00, 0, 0x08, 1, 0, 1, 0);
    EXPECT(SET(&b, 300, 0x03, 0x00, 0, 0x08, 1, 0), 0x1c, 0x24, 0x00);
    EXPECT(GET(&b, 300), 0x1c, 0x25, 0x00, 0x03, 0x00, 0, 0x00, 1, 0, 1, 0);
}

static void test_tick_idle(void)
{
    struct bmc b;
    struct bmc_state before;
    struct bmc_effects fx;

    bmc_default(&b);
    before = b.state;
    fx = bmc_tick(&b, 123456);
    g_assert_true(no_effects(&fx));
    g_assert_cmpmem(&before, sizeof(before), &b.state, sizeof(b.state));
    /* The end of time: the deadline saturates. */
    EXPECT(SET(&b, 0, 0x04, 0x01, 0, 0, 0xff, 0xff), 0x1c, 0x24, 0x00);
    EXPECT(RESET(&b, UINT64_MAX - 10), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(last_fx.deadline, ==, UINT64_MAX);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc-watchdog/reset-before-set", test_reset_before_set);
    g_test_add_func("/bmc-watchdog/set-get-reset", test_set_get_reset);
    g_test_add_func("/bmc-watchdog/invalid-fields", test_invalid_fields);
    g_test_add_func("/bmc-watchdog/expiry-actions", test_expiry_actions);
    g_test_add_func("/bmc-watchdog/power-cycle-offset", test_power_cycle_offset);
    g_test_add_func("/bmc-watchdog/pretimeout-nmi", test_pretimeout_nmi);
    g_test_add_func("/bmc-watchdog/pretimeout-messaging", test_pretimeout_messaging);
    g_test_add_func("/bmc-watchdog/dont-stop", test_dont_stop);
    g_test_add_func("/bmc-watchdog/expiration-flags", test_expiration_flags_and_dont_log);
    g_test_add_func("/bmc-watchdog/tick-idle", test_tick_idle);
    return g_test_run();
}
