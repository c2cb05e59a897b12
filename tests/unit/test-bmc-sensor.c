/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sensors and events (IPMI v2.0 sections 29 and 35): the Sensor/Event commands through
 * bmc_handle_request, sensors defined from SDR records, threshold crossings with
 * hysteresis logged into the SEL and the event message buffer, and App's Read Event
 * Message Buffer.
 */
#include "bmc-exchange.h"

#include "event.h"
#include "sensor.h"

/* NetFn Sensor/Event request 10h, response 14h; App 18h/1Ch. */
#define ASK(b, ...) ASK_AT((b), 0, __VA_ARGS__)

static bool no_effects(const struct bmc_effects *fx)
{
    return !fx->irq_enable_changed && !fx->attention_changed && !fx->attention_irq &&
           !fx->cold_reset && !fx->warm_reset && fx->power == BMC_POWER_NONE && !fx->nmi &&
           !fx->timer_changed;
}

/* A refused request changes nothing and asks nothing. */
#define REFUSED(b, cc, ...)                                                              \
    do {                                                                                 \
        struct bmc_state before_ = (b)->state;                                           \
        struct exchange x_ = ASK((b), __VA_ARGS__);                                      \
        g_assert_cmpuint(x_.len, ==, 3);                                                 \
        g_assert_cmphex(x_.rsp[2], ==, (cc));                                            \
        g_assert_true(no_effects(&x_.fx));                                               \
        g_assert_cmpmem(&before_, sizeof(before_), &(b)->state, sizeof((b)->state));     \
    } while (0)

#define TEMP 5     /* the full record's threshold sensor */
#define FAN 7      /* the compact record's discrete sensor */

/*
 * A full sensor record (section 43.1): temperature sensor 5, threshold type, manual
 * re-arm (or auto), hysteresis and thresholds settable; thresholds LNC 20, LC 10,
 * UNC 80, UC 90 (LNR and UNR absent), LNC and UNC settable; hysteresis +2/-3; events
 * for LNC and LC going low and UNC and UC going high; nominal reading 50.
 */
static void full_record(uint8_t rec[48], bool auto_rearm)
{
    memset(rec, 0, 48);
    rec[0] = 0x01;
    rec[2] = 0x51;
    rec[3] = 0x01;
    rec[4] = 48 - 5;
    rec[5] = 0x20;
    rec[7] = TEMP;
    rec[8] = 0x03;
    rec[9] = 0x01;
    rec[10] = 0x63;                          /* init scanning, events; both on */
    rec[11] = (auto_rearm ? 0x40 : 0) | 0x28; /* hysteresis, thresholds settable */
    rec[12] = 0x01;                          /* temperature */
    rec[13] = 0x01;                          /* threshold */
    rec[14] = 0x85;                          /* LNC low, LC low, UNC high */
    rec[15] = 0x72;                          /* UC high; comparisons returned */
    rec[16] = 0x85;
    rec[17] = 0x72;
    rec[18] = 0x1b;                          /* readable: LNC, LC, UNC, UC */
    rec[19] = 0x09;                          /* settable: LNC, UNC */
    rec[21] = 0x01;                          /* degrees C */
    rec[24] = 0x01;                          /* M = 1 */
    rec[25] = 0x02;                          /* tolerance 1/2 raw count, M MS 0 */
    rec[26] = 0x05;                          /* B = 5 */
    rec[28] = 0x03;
    rec[29] = 0x40;
    rec[30] = 0x01;                          /* nominal reading given */
    rec[31] = 50;
    rec[34] = 0xff;
    rec[37] = 90;                            /* UC */
    rec[38] = 80;                            /* UNC */
    rec[40] = 10;                            /* LC */
    rec[41] = 20;                            /* LNC */
    rec[42] = 2;
    rec[43] = 3;
}

/* A compact sensor record (section 43.2): fan redundancy sensor 7, discrete, states 0-2. */
static void compact_record(uint8_t rec[32])
{
    memset(rec, 0, 32);
    rec[0] = 0x02;
    rec[2] = 0x51;
    rec[3] = 0x02;
    rec[4] = 32 - 5;
    rec[5] = 0x20;
    rec[7] = FAN;
    rec[10] = 0x03;
    rec[11] = 0x10;                          /* hysteresis readable */
    rec[12] = 0x04;                          /* fan */
    rec[13] = 0x0b;                          /* redundancy */
    rec[14] = 0x07;
    rec[16] = 0x03;
    rec[25] = 4;
    rec[26] = 6;
}

static void bmc_with_sensors(struct bmc *b, bool auto_rearm)
{
    uint8_t full[48];
    uint8_t compact[32];

    bmc_default(b);
    full_record(full, auto_rearm);
    compact_record(compact);
    g_assert_true(sensor_define_from_sdr(&b->state.sensors, full, sizeof(full)));
    g_assert_true(sensor_define_from_sdr(&b->state.sensors, compact, sizeof(compact)));
}

/* The SEL's record i is sensor n's event (generator the BMC, LUN 0, EvM Rev 04h). */
static void expect_record(const struct bmc *b, size_t i, uint8_t type, uint8_t n,
                          uint8_t dir_type, uint8_t d1, uint8_t d2, uint8_t d3)
{
    const uint8_t *r = b->state.sel.entries[i];
    const uint8_t want[] = { 0x02, 0x20, 0x00, 0x04, type, n, dir_type, d1, d2, d3 };
    uint8_t got[sizeof(want)];

    g_assert_cmpuint(b->state.sel.count, >, i);
    got[0] = r[2];
    memcpy(got + 1, r + 7, 9);
    g_assert_cmpmem(got, sizeof(got), want, sizeof(want));
}

static void test_platform_event(void)
{
    struct bmc b;
    struct exchange x;
    const uint8_t *r;

    bmc_default(&b);
    /* ipmitool's "event 1" over the system interface: software id 41h. */
    x = ASK(&b, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00);
    EXPECT(x, 0x14, 0x02, 0x00);
    g_assert_true(no_effects(&x.fx));
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    r = b.state.sel.entries[0];
    {
        const uint8_t want[] = { 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
                                 0x41, 0x00, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00 };

        g_assert_cmpmem(r, SEL_RECORD_LEN, want, sizeof(want));
    }
    /* Through Get SEL Entry, with the SEL time as its timestamp. */
    EXPECT(ASK_AT(&b, 5000, 0x28, 0x43, 0, 0, 0, 0, 0, 0xff), 0x2c, 0x43, 0x00, 0xff, 0xff,
           0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x41, 0x00, 0x04, 0x01, 0x30, 0x01,
           0x59, 0x00, 0x00);
    /* Not buffered: the event message buffer is off by default. */
    g_assert_cmpuint(b.state.msg_flags, ==, 0);
    /* Lengths: the system interface's eight bytes exactly. */
    REFUSED(&b, 0xc7, 0x10, 0x02, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00);
    REFUSED(&b, 0xc7, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00, 0x00);
    REFUSED(&b, 0xc7, 0x10, 0x02);
    /* Logging off: accepted, not logged. */
    EXPECT(ASK(&b, 0x18, 0x2e, 0x00), 0x1c, 0x2e, 0x00);
    EXPECT(ASK(&b, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00), 0x14, 0x02,
           0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
}

static void test_platform_event_sel_full(void)
{
    struct bmc b;
    size_t i;

    bmc_default(&b);
    for (i = 0; i < BMC_SEL_CAPACITY; i++) {
        EXPECT(ASK(&b, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00), 0x14,
               0x02, 0x00);
    }
    g_assert_false(b.state.sel.overflow);
    EXPECT(ASK(&b, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00), 0x14, 0x02,
           0xc4);
    g_assert_true(b.state.sel.overflow);
    g_assert_cmpuint(b.state.sel.count, ==, BMC_SEL_CAPACITY);
    /* With the buffer on too, a full SEL still refuses it: nothing is buffered. */
    EXPECT(ASK(&b, 0x18, 0x2e, 0x0c), 0x1c, 0x2e, 0x00);
    EXPECT(ASK(&b, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00), 0x14, 0x02,
           0xc4);
    g_assert_cmpuint(b.state.msg_flags, ==, 0);
    /* Logging off: the buffer takes it. */
    EXPECT(ASK(&b, 0x18, 0x2e, 0x04), 0x1c, 0x2e, 0x00);
    EXPECT(ASK(&b, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00), 0x14, 0x02,
           0x00);
    g_assert_cmpuint(b.state.msg_flags, ==, BMC_FLAG_EVENT_BUFFER_FULL);
}

static void test_event_buffer(void)
{
    struct bmc b;
    struct exchange x;

    bmc_default(&b);
    EXPECT(ASK(&b, 0x18, 0x35), 0x1c, 0x35, 0x80);
    /* The buffer and its interrupt on, logging on. */
    EXPECT(ASK(&b, 0x18, 0x2e, 0x0e), 0x1c, 0x2e, 0x00);
    x = ASK_AT(&b, 3000, 0x10, 0x02, 0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x00, 0x00);
    EXPECT(x, 0x14, 0x02, 0x00);
    g_assert_true(x.fx.attention_changed && x.fx.attention && x.fx.attention_irq);
    g_assert_cmpuint(b.state.msg_flags, ==, BMC_FLAG_EVENT_BUFFER_FULL);
    EXPECT(ASK(&b, 0x18, 0x31), 0x1c, 0x31, 0x00, 0x02);
    /* Full: the next event is logged but does not overwrite the buffer. */
    x = ASK(&b, 0x10, 0x02, 0x43, 0x04, 0x02, 0x31, 0x81, 0x57, 0x11, 0x22);
    EXPECT(x, 0x14, 0x02, 0x00);
    g_assert_true(no_effects(&x.fx));
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    /* The buffered copy has the SEL record's id and timestamp (3 s). */
    x = ASK(&b, 0x18, 0x35);
    EXPECT(x, 0x1c, 0x35, 0x00, 0x01, 0x00, 0x02, 0x03, 0x00, 0x00, 0x00, 0x41, 0x00, 0x04,
           0x01, 0x30, 0x01, 0x59, 0x00, 0x00);
    g_assert_true(x.fx.attention_changed && !x.fx.attention && !x.fx.attention_irq);
    g_assert_cmpuint(b.state.msg_flags, ==, 0);
    EXPECT(ASK(&b, 0x18, 0x35), 0x1c, 0x35, 0x80);
    /* Trailing bytes are ignored in the App NetFn. */
    EXPECT(ASK(&b, 0x18, 0x35, 0x00), 0x1c, 0x35, 0x80);
    /* Logging off, buffer on: buffered as it came (record id and timestamp 0). */
    EXPECT(ASK(&b, 0x18, 0x2e, 0x04), 0x1c, 0x2e, 0x00);
    x = ASK(&b, 0x10, 0x02, 0x43, 0x04, 0x02, 0x31, 0x81, 0x57, 0x11, 0x22);
    g_assert_true(x.fx.attention_changed && x.fx.attention && !x.fx.attention_irq);
    EXPECT(ASK(&b, 0x18, 0x35), 0x1c, 0x35, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
           0x43, 0x00, 0x04, 0x02, 0x31, 0x81, 0x57, 0x11, 0x22);
    g_assert_cmpuint(b.state.sel.count, ==, 2);
}

/* QEMU's ipmi_bmc_gen_event: a record from elsewhere, logged only if asked. */
static void test_generate_event(void)
{
    struct bmc b;
    struct bmc_effects fx;
    uint8_t evt[SEL_RECORD_LEN] = { 0, 0, 0x02, 0, 0, 0, 0, 0x20, 0, 0x04, 0x12, 0x01, 0x6f,
                                    0x01, 0xff, 0xff };

    bmc_default(&b);
    fx = bmc_generate_event(&b, 1000, evt, false);
    g_assert_true(no_effects(&fx));
    g_assert_cmpuint(b.state.sel.count, ==, 0);
    fx = bmc_generate_event(&b, 1000, evt, true);
    g_assert_true(no_effects(&fx));
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    g_assert_cmphex(b.state.sel.entries[0][10], ==, 0x12);
    EXPECT(ASK(&b, 0x18, 0x2e, 0x06), 0x1c, 0x2e, 0x00);
    fx = bmc_generate_event(&b, 2000, evt, false);
    g_assert_true(fx.attention_changed && fx.attention && fx.attention_irq);
    g_assert_false(fx.irq_enable_changed || fx.timer_changed || fx.nmi);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    g_assert_cmpuint(b.state.msg_flags, ==, BMC_FLAG_EVENT_BUFFER_FULL);
    g_assert_cmphex(b.state.event_buffer[10], ==, 0x12);
    g_assert_cmphex(b.state.event_buffer[3], ==, 0); /* not logged: as it came */
}

static void test_device_sdr_info(void)
{
    struct bmc b;

    bmc_default(&b);
    /* The watchdog's sensor; static population, LUN 0. */
    EXPECT(ASK(&b, 0x10, 0x20), 0x14, 0x20, 0x00, 0x01, 0x01);
    EXPECT(ASK(&b, 0x10, 0x20, 0x00), 0x14, 0x20, 0x00, 0x01, 0x01);
    EXPECT(ASK(&b, 0x10, 0x20, 0x01), 0x14, 0x20, 0x00, 0x01, 0x01);
    REFUSED(&b, 0xc8, 0x10, 0x20, 0x01, 0x00);
    bmc_with_sensors(&b, false);
    EXPECT(ASK(&b, 0x10, 0x20), 0x14, 0x20, 0x00, 0x03, 0x01);
    sensor_init(&b.state.sensors);
    EXPECT(ASK(&b, 0x10, 0x20), 0x14, 0x20, 0x00, 0x00, 0x00);
}

static void test_define_from_sdr(void)
{
    struct bmc b;
    struct bmc_state before;
    uint8_t full[48];
    uint8_t compact[32];
    uint8_t longer[64];

    bmc_default(&b);
    full_record(full, false);
    compact_record(compact);
    before = b.state;
    /* Records the table cannot take change nothing. */
    g_assert_false(sensor_define_from_sdr(&b.state.sensors, full, 4));
    g_assert_false(sensor_define_from_sdr(&b.state.sensors, full, 47));      /* short */
    g_assert_false(sensor_define_from_sdr(&b.state.sensors, compact, 31));
    full[4] = 42;                                                            /* 47 bytes */
    g_assert_false(sensor_define_from_sdr(&b.state.sensors, full, sizeof(full)));
    full_record(full, false);
    full[3] = 0x03;                                                          /* event-only */
    g_assert_false(sensor_define_from_sdr(&b.state.sensors, full, sizeof(full)));
    full_record(full, false);
    full[6] = 0x01;                                                          /* LUN 1 */
    g_assert_false(sensor_define_from_sdr(&b.state.sensors, full, sizeof(full)));
    full_record(full, false);
    full[7] = SENSOR_COUNT;                                                  /* number 20 */
    g_assert_false(sensor_define_from_sdr(&b.state.sensors, full, sizeof(full)));
    g_assert_cmpmem(&before, sizeof(before), &b.state, sizeof(b.state));
    /* A record with its ID string, longer than the minimum, in a longer buffer. */
    full_record(full, false);
    memset(longer, 0xaa, sizeof(longer));
    memcpy(longer, full, sizeof(full));
    longer[4] = 48 - 5 + 4;
    longer[47] = 0xc4;
    memcpy(longer + 48, "TEMP", 4);
    g_assert_true(sensor_define_from_sdr(&b.state.sensors, longer, sizeof(longer)));
    g_assert_true(sensor_present(&b.state.sensors, TEMP));
    g_assert_cmpuint(b.state.sensors.s[TEMP].reading, ==, 50);
    g_assert_cmpuint(b.state.sensors.s[TEMP].thresholds[0], ==, 20);
    g_assert_cmpuint(b.state.sensors.s[TEMP].thresholds[4], ==, 90);
    g_assert_cmphex(b.state.sensors.s[TEMP].assert_supported, ==, 0x0285);
    g_assert_cmphex(b.state.sensors.s[TEMP].thresholds_settable, ==, 0x09);
    /* Upstream's default SDR: the watchdog's compact record redefines sensor 0. */
    {
        const uint8_t wd[] = { 0x00, 0x00, 0x51, 0x02, 35, 0x20, 0x00, 0x00, 0x23, 0x01,
                               0x63, 0x00, 0x23, 0x6f, 0x0f, 0x01, 0x00, 0x00, 0x00, 0x00,
                               0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                               0x00, 0xc8, 'W', 'a', 't', 'c', 'h', 'd', 'o', 'g', 0x00 };

        g_assert_true(sensor_define_from_sdr(&b.state.sensors, wd, 40));
        g_assert_cmphex(b.state.sensors.s[0].sensor_type, ==, 0x23);
        g_assert_cmphex(b.state.sensors.s[0].reading_type, ==, 0x6f);
        g_assert_cmphex(b.state.sensors.s[0].assert_supported, ==, SENSOR_WATCHDOG_ASSERTIONS);
        g_assert_true(b.state.sensors.s[0].events_on);
    }
}

static void test_reading_factors(void)
{
    struct bmc b;

    bmc_with_sensors(&b, false);
    EXPECT(ASK(&b, 0x10, 0x23, TEMP, 0x00), 0x14, 0x23, 0x00, 0xff, 0x01, 0x02, 0x05, 0x00,
           0x03, 0x40);
    EXPECT(ASK(&b, 0x10, 0x23, TEMP, 0xff), 0x14, 0x23, 0x00, 0xff, 0x01, 0x02, 0x05, 0x00,
           0x03, 0x40);
    /* Compact records and the watchdog's sensor have none. */
    REFUSED(&b, 0xcd, 0x10, 0x23, FAN, 0x00);
    REFUSED(&b, 0xcd, 0x10, 0x23, 0x00, 0x00);
    REFUSED(&b, 0xcb, 0x10, 0x23, 0x01, 0x00);
    REFUSED(&b, 0xcb, 0x10, 0x23, 0xff, 0x00);
    REFUSED(&b, 0xc7, 0x10, 0x23, TEMP);
    REFUSED(&b, 0xc7, 0x10, 0x23, TEMP, 0x00, 0x00);
}

static void test_hysteresis(void)
{
    struct bmc b;

    bmc_with_sensors(&b, false);
    EXPECT(ASK(&b, 0x10, 0x25, TEMP, 0xff), 0x14, 0x25, 0x00, 0x02, 0x03);
    EXPECT(ASK(&b, 0x10, 0x24, TEMP, 0xff, 0x05, 0x06), 0x14, 0x24, 0x00);
    EXPECT(ASK(&b, 0x10, 0x25, TEMP, 0xff), 0x14, 0x25, 0x00, 0x05, 0x06);
    /* Readable only: Get works, Set is illegal for it; none: both. */
    EXPECT(ASK(&b, 0x10, 0x25, FAN, 0xff), 0x14, 0x25, 0x00, 0x04, 0x06);
    REFUSED(&b, 0xcd, 0x10, 0x24, FAN, 0xff, 0x01, 0x01);
    REFUSED(&b, 0xcd, 0x10, 0x25, 0x00, 0xff);
    REFUSED(&b, 0xcd, 0x10, 0x24, 0x00, 0xff, 0x01, 0x01);
    REFUSED(&b, 0xcb, 0x10, 0x25, 0x13, 0xff);
    REFUSED(&b, 0xcb, 0x10, 0x24, 0x14, 0xff, 0x01, 0x01);
    REFUSED(&b, 0xc7, 0x10, 0x25, TEMP);
    REFUSED(&b, 0xc7, 0x10, 0x24, TEMP, 0xff, 0x01);
}

static void test_thresholds(void)
{
    struct bmc b;

    bmc_with_sensors(&b, false);
    EXPECT(ASK(&b, 0x10, 0x27, TEMP), 0x14, 0x27, 0x00, 0x1b, 20, 10, 0, 80, 90, 0);
    /* LNC and UNC are settable; the values of the others in the request are ignored. */
    EXPECT(ASK(&b, 0x10, 0x26, TEMP, 0x09, 25, 99, 99, 75, 99, 99), 0x14, 0x26, 0x00);
    EXPECT(ASK(&b, 0x10, 0x27, TEMP), 0x14, 0x27, 0x00, 0x1b, 25, 10, 0, 75, 90, 0);
    EXPECT(ASK(&b, 0x10, 0x26, TEMP, 0x00, 1, 2, 3, 4, 5, 6), 0x14, 0x26, 0x00);
    /* LC is readable, not settable; LNR is neither; reserved bits 7:6 are ignored. */
    REFUSED(&b, 0xcc, 0x10, 0x26, TEMP, 0x02, 0, 5, 0, 0, 0, 0);
    REFUSED(&b, 0xcc, 0x10, 0x26, TEMP, 0x05, 21, 0, 5, 0, 0, 0);
    REFUSED(&b, 0xcc, 0x10, 0x26, TEMP, 0x20, 0, 0, 0, 0, 0, 100);
    EXPECT(ASK(&b, 0x10, 0x26, TEMP, 0xc1, 24, 0, 0, 0, 0, 0), 0x14, 0x26, 0x00);
    /* Sensors without thresholds. */
    REFUSED(&b, 0xcd, 0x10, 0x27, FAN);
    REFUSED(&b, 0xcd, 0x10, 0x27, 0x00);
    REFUSED(&b, 0xcd, 0x10, 0x26, FAN, 0x01, 0, 0, 0, 0, 0, 0);
    REFUSED(&b, 0xcb, 0x10, 0x27, 0x02);
    REFUSED(&b, 0xcb, 0x10, 0x26, 0x02, 0x01, 0, 0, 0, 0, 0, 0);
    REFUSED(&b, 0xc7, 0x10, 0x26, TEMP, 0x01, 0, 0, 0, 0, 0);
    REFUSED(&b, 0xc7, 0x10, 0x27);
    REFUSED(&b, 0xc7, 0x10, 0x27, TEMP, 0x00);
}

/* Set Sensor Reading of sensor n: write the reading, the BMC's own event data. */
#define READING(b, n, value) ASK((b), 0x10, 0x30, (n), 0x01, (value))

static void test_threshold_crossing(void)
{
    struct bmc b;
    struct exchange x;

    bmc_with_sensors(&b, false);
    /* 50: within every threshold; Get Sensor Reading's one status byte. */
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 50, 0xc0, 0x00);
    /* 85: upper non-critical going high asserts (offset 07h, reading, threshold). */
    EXPECT(READING(&b, TEMP, 85), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_record(&b, 0, 0x01, TEMP, 0x01, 0x57, 85, 80);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 85, 0xc0, 0x08);
    /* 79: below 80 but within the positive-going hysteresis (2): still asserted. */
    EXPECT(READING(&b, TEMP, 79), 0x14, 0x30, 0x00);
    EXPECT(READING(&b, TEMP, 78), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 78, 0xc0, 0x08);
    /* 77: below 80 - 2, deasserted. */
    EXPECT(READING(&b, TEMP, 77), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    expect_record(&b, 1, 0x01, TEMP, 0x81, 0x57, 77, 80);
    /* 95: UNC asserts again, but a manual re-arm sensor had that event: only UC's. */
    EXPECT(READING(&b, TEMP, 95), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 3);
    expect_record(&b, 2, 0x01, TEMP, 0x01, 0x59, 95, 90);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 95, 0xc0, 0x18);
    EXPECT(ASK(&b, 0x10, 0x2b, TEMP), 0x14, 0x2b, 0x00, 0xc0, 0x80, 0x02, 0x80, 0x00);
    /* Re-arm all: both conditions are still there, so both are events again. */
    x = ASK(&b, 0x10, 0x2a, TEMP, 0x00);
    EXPECT(x, 0x14, 0x2a, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 5);
    expect_record(&b, 3, 0x01, TEMP, 0x01, 0x57, 95, 80);
    expect_record(&b, 4, 0x01, TEMP, 0x01, 0x59, 95, 90);
    /* Lower: 20 asserts LNC going low (00h), 23 is within -3 hysteresis, 24 deasserts. */
    EXPECT(READING(&b, TEMP, 50), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 7);
    expect_record(&b, 5, 0x01, TEMP, 0x81, 0x57, 50, 80);
    expect_record(&b, 6, 0x01, TEMP, 0x81, 0x59, 50, 90);
    EXPECT(READING(&b, TEMP, 20), 0x14, 0x30, 0x00);
    expect_record(&b, 7, 0x01, TEMP, 0x01, 0x50, 20, 20);
    EXPECT(READING(&b, TEMP, 23), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 8);
    EXPECT(READING(&b, TEMP, 24), 0x14, 0x30, 0x00);
    expect_record(&b, 8, 0x01, TEMP, 0x81, 0x50, 24, 20);
    /* 5: LNC and LC at once, in threshold order. */
    EXPECT(READING(&b, TEMP, 5), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 10);
    expect_record(&b, 9, 0x01, TEMP, 0x01, 0x52, 5, 10);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 5, 0xc0, 0x03);
    /* A threshold set across the reading: Set Sensor Thresholds compares anew. */
    EXPECT(ASK(&b, 0x10, 0x26, TEMP, 0x08, 0, 0, 0, 4, 0, 0), 0x14, 0x26, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 5, 0xc0, 0x0b);
}

static void test_auto_rearm_and_buffer(void)
{
    struct bmc b;
    struct exchange x;

    bmc_with_sensors(&b, true);
    EXPECT(ASK(&b, 0x18, 0x2e, 0x0c), 0x1c, 0x2e, 0x00);
    x = READING(&b, TEMP, 85);
    g_assert_true(x.fx.attention_changed && x.fx.attention);
    EXPECT(READING(&b, TEMP, 70), 0x14, 0x30, 0x00);
    EXPECT(READING(&b, TEMP, 85), 0x14, 0x30, 0x00);
    /* Auto re-arm: every crossing is an event. */
    g_assert_cmpuint(b.state.sel.count, ==, 3);
    expect_record(&b, 2, 0x01, TEMP, 0x01, 0x57, 85, 80);
    /* The buffer kept the first. */
    EXPECT(ASK(&b, 0x18, 0x35), 0x1c, 0x35, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
           0x20, 0x00, 0x04, 0x01, TEMP, 0x01, 0x57, 85, 80);
    EXPECT(READING(&b, TEMP, 70), 0x14, 0x30, 0x00);
    EXPECT(ASK(&b, 0x18, 0x35), 0x1c, 0x35, 0x00, 0x04, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
           0x20, 0x00, 0x04, 0x01, TEMP, 0x81, 0x57, 70, 80);
    /* Global enables off: nothing is logged or buffered. */
    EXPECT(ASK(&b, 0x18, 0x2e, 0x00), 0x1c, 0x2e, 0x00);
    x = READING(&b, TEMP, 95);
    g_assert_true(no_effects(&x.fx));
    g_assert_cmpuint(b.state.sel.count, ==, 4);
    g_assert_cmpuint(b.state.msg_flags, ==, 0);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 95, 0xc0, 0x18);
}

static void test_event_enables(void)
{
    struct bmc b;

    bmc_with_sensors(&b, true);
    EXPECT(ASK(&b, 0x10, 0x29, TEMP), 0x14, 0x29, 0x00, 0xc0, 0x85, 0x02, 0x85, 0x02);
    /* Disable UNC going high's assertion: no event for it, UC's still. */
    EXPECT(ASK(&b, 0x10, 0x28, TEMP, 0xe0, 0x80, 0x00), 0x14, 0x28, 0x00);
    EXPECT(ASK(&b, 0x10, 0x29, TEMP), 0x14, 0x29, 0x00, 0xc0, 0x05, 0x02, 0x85, 0x02);
    EXPECT(READING(&b, TEMP, 85), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 0);
    EXPECT(READING(&b, TEMP, 91), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_record(&b, 0, 0x01, TEMP, 0x01, 0x59, 91, 90);
    /* The deassertion of UNC is still enabled. */
    EXPECT(READING(&b, TEMP, 50), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 3);
    /* Enable again, with bits the sensor does not support: those stay off. */
    EXPECT(ASK(&b, 0x10, 0x28, TEMP, 0xd0, 0xff, 0xff, 0x00), 0x14, 0x28, 0x00);
    EXPECT(ASK(&b, 0x10, 0x29, TEMP), 0x14, 0x29, 0x00, 0xc0, 0x85, 0x02, 0x85, 0x02);
    /* Event messages off for the whole sensor (bit 7), scanning kept on. */
    EXPECT(ASK(&b, 0x10, 0x28, TEMP, 0x40), 0x14, 0x28, 0x00);
    EXPECT(ASK(&b, 0x10, 0x29, TEMP), 0x14, 0x29, 0x00, 0x40, 0x85, 0x02, 0x85, 0x02);
    EXPECT(READING(&b, TEMP, 95), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 3);
    EXPECT(ASK(&b, 0x10, 0x2b, TEMP), 0x14, 0x2b, 0x00, 0x40, 0x80, 0x02, 0x80, 0x02);
    /* Disable only the deassertions given (bytes 5-6). */
    EXPECT(ASK(&b, 0x10, 0x28, TEMP, 0xe0, 0x00, 0x00, 0x01, 0x02), 0x14, 0x28, 0x00);
    EXPECT(ASK(&b, 0x10, 0x29, TEMP), 0x14, 0x29, 0x00, 0xc0, 0x85, 0x02, 0x84, 0x00);
    /* 11b is reserved; too long a request. */
    REFUSED(&b, 0xcc, 0x10, 0x28, TEMP, 0xf0, 0x01);
    REFUSED(&b, 0xc8, 0x10, 0x28, TEMP, 0xd0, 1, 2, 3, 4, 5);
    REFUSED(&b, 0xc7, 0x10, 0x28, TEMP);
    REFUSED(&b, 0xcb, 0x10, 0x28, 0x13, 0xc0);
    REFUSED(&b, 0xcb, 0x10, 0x29, 0x14);
    REFUSED(&b, 0xc7, 0x10, 0x29);
}

static void test_rearm_selected(void)
{
    struct bmc b;

    bmc_with_sensors(&b, false);
    EXPECT(READING(&b, TEMP, 95), 0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    /* Re-arm only UC going high (bit 9): its event comes again, UNC's does not. */
    EXPECT(ASK(&b, 0x10, 0x2a, TEMP, 0x80, 0x00, 0x02), 0x14, 0x2a, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 3);
    expect_record(&b, 2, 0x01, TEMP, 0x01, 0x59, 95, 90);
    /* Selected with no masks: nothing. */
    EXPECT(ASK(&b, 0x10, 0x2a, TEMP, 0x80), 0x14, 0x2a, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 3);
    /* A discrete sensor's re-armed states clear (the watchdog's). */
    b.state.sensors.s[0].states = 0x0003;
    b.state.sensors.s[0].assert_events = 0x0003;
    EXPECT(ASK(&b, 0x10, 0x2a, 0x00, 0x80, 0x01, 0x00), 0x14, 0x2a, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2b, 0x00), 0x14, 0x2b, 0x00, 0xc0, 0x02, 0x00, 0x00, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2d, 0x00), 0x14, 0x2d, 0x00, 0x00, 0xc0, 0x02, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2a, 0x00, 0x00), 0x14, 0x2a, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2d, 0x00), 0x14, 0x2d, 0x00, 0x00, 0xc0, 0x00, 0x00);
    REFUSED(&b, 0xcb, 0x10, 0x2a, 0x03, 0x00);
    REFUSED(&b, 0xc7, 0x10, 0x2a, TEMP);
    REFUSED(&b, 0xc8, 0x10, 0x2a, TEMP, 0x80, 1, 2, 3, 4, 5);
}

static void test_sensor_type(void)
{
    struct bmc b;

    bmc_with_sensors(&b, false);
    EXPECT(ASK(&b, 0x10, 0x2f, 0x00), 0x14, 0x2f, 0x00, 0x23, 0x6f);
    EXPECT(ASK(&b, 0x10, 0x2f, FAN), 0x14, 0x2f, 0x00, 0x04, 0x0b);
    EXPECT(ASK(&b, 0x10, 0x2e, FAN, 0x05, 0x8a), 0x14, 0x2e, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2f, FAN), 0x14, 0x2f, 0x00, 0x05, 0x0a);
    REFUSED(&b, 0xcb, 0x10, 0x2f, 0x08);
    REFUSED(&b, 0xcb, 0x10, 0x2e, 0x08, 0x01, 0x01);
    REFUSED(&b, 0xc7, 0x10, 0x2e, FAN, 0x01);
    REFUSED(&b, 0xc7, 0x10, 0x2f);
}

static void test_set_sensor_reading_discrete(void)
{
    struct bmc b;

    bmc_with_sensors(&b, false);
    /* Write the assertion status bits 0 and 1; event data given, offset 1: an event. */
    EXPECT(ASK(&b, 0x10, 0x30, FAN, 0x50, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x22, 0x33),
           0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_record(&b, 0, 0x04, FAN, 0x0b, 0x01, 0x22, 0x33);
    EXPECT(ASK(&b, 0x10, 0x2b, FAN), 0x14, 0x2b, 0x00, 0xc0, 0x03, 0x00, 0x00, 0x00);
    /* Clear bit 0 ("mask off" clears what is given: upstream ANDs instead). */
    EXPECT(ASK(&b, 0x10, 0x30, FAN, 0x30, 0x00, 0x01, 0x00), 0x14, 0x30, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2b, FAN), 0x14, 0x2b, 0x00, 0xc0, 0x02, 0x00, 0x00, 0x00);
    /* Set bit 2 (not supported for assertion but status is the command's to set). */
    EXPECT(ASK(&b, 0x10, 0x30, FAN, 0x20, 0x00, 0x04), 0x14, 0x30, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2b, FAN), 0x14, 0x2b, 0x00, 0xc0, 0x06, 0x00, 0x00, 0x00);
    /* Deassertion bits, written; event data but the offset (10b): offset 0, whose
       deassertion is enabled and set. */
    EXPECT(ASK(&b, 0x10, 0x30, FAN, 0x84, 0x00, 0x00, 0x00, 0x01, 0x00, 0x4f, 0x01, 0x02),
           0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    expect_record(&b, 1, 0x04, FAN, 0x8b, 0x40, 0x01, 0x02);
    /* The reading, written; a discrete sensor compares nothing. */
    EXPECT(ASK(&b, 0x10, 0x30, FAN, 0x01, 0x42), 0x14, 0x30, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2d, FAN), 0x14, 0x2d, 0x00, 0x42, 0xc0, 0x00, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 2);
    /* Refused: reserved reading or event data operations, event data missing. */
    REFUSED(&b, 0xcc, 0x10, 0x30, FAN, 0x02, 0x00);
    REFUSED(&b, 0xcc, 0x10, 0x30, FAN, 0x03, 0x00);
    REFUSED(&b, 0xcc, 0x10, 0x30, FAN, 0xc1, 0x00, 0, 0, 0, 0, 0, 0, 0);
    REFUSED(&b, 0xcc, 0x10, 0x30, FAN, 0x41, 0x00, 0, 0, 0, 0);
    REFUSED(&b, 0xcb, 0x10, 0x30, 0x09, 0x01, 0x00);
    REFUSED(&b, 0xcb, 0x10, 0x30, 0xff, 0x01, 0x00);
    REFUSED(&b, 0xc7, 0x10, 0x30, FAN, 0x01);
    REFUSED(&b, 0xc8, 0x10, 0x30, FAN, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

static void test_set_sensor_reading_threshold(void)
{
    struct bmc b;

    bmc_with_sensors(&b, false);
    /* With event data given, the crossing changes the states but the event is the
       given one's (offset 07h here, asserted and enabled). */
    EXPECT(ASK(&b, 0x10, 0x30, TEMP, 0x41, 85, 0x00, 0x00, 0x00, 0x00, 0x57, 0x01, 0x02),
           0x14, 0x30, 0x00);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_record(&b, 0, 0x01, TEMP, 0x01, 0x57, 0x01, 0x02);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 85, 0xc0, 0x08);
    /* Keeping the reading: no comparison. */
    EXPECT(ASK(&b, 0x10, 0x30, TEMP, 0x00, 10), 0x14, 0x30, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2d, TEMP), 0x14, 0x2d, 0x00, 85, 0xc0, 0x08);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
}

static void test_unknown_and_watchdog_sensor(void)
{
    struct bmc b;

    bmc_default(&b);
    REFUSED(&b, 0xc1, 0x10, 0x00);
    REFUSED(&b, 0xc1, 0x10, 0x2c, 0x00);
    REFUSED(&b, 0xc1, 0x10, 0x31, 0x00);
    REFUSED(&b, 0xc2, 0x11, 0x2d, 0x00);
    /* The watchdog's sensor: sensor-specific, offsets 0-3 and 8 enabled. */
    EXPECT(ASK(&b, 0x10, 0x2d, 0x00), 0x14, 0x2d, 0x00, 0x00, 0xc0, 0x00, 0x00);
    EXPECT(ASK(&b, 0x10, 0x29, 0x00), 0x14, 0x29, 0x00, 0xc0, 0x0f, 0x01, 0x00, 0x00);
    EXPECT(ASK(&b, 0x10, 0x2b, 0x00), 0x14, 0x2b, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00);
    /* Sensor numbers past the table. */
    REFUSED(&b, 0xcb, 0x10, 0x2d, SENSOR_COUNT);
    REFUSED(&b, 0xcb, 0x10, 0x2b, 0xff);
    REFUSED(&b, 0xc7, 0x10, 0x2d);
    REFUSED(&b, 0xc7, 0x10, 0x2d, 0x00, 0x00);
    REFUSED(&b, 0xc7, 0x10, 0x2b, 0x00, 0x00);
    /* Get Device ID advertises the sensor device (with the SDR repository and the SEL:
       upstream's 07h, which QEMU's own qtests pin). */
    {
        struct exchange x = ASK(&b, 0x18, 0x01);

        g_assert_cmphex(x.rsp[8], ==, 0x07);
    }
}

/* Watchdog events honour the sensor's enables and its event messages. */
static void test_watchdog_event_enables(void)
{
    struct bmc b;

    bmc_default(&b);
    /* Disable offset 1 (hard reset). */
    EXPECT(ASK(&b, 0x10, 0x28, 0x00, 0xe0, 0x02), 0x14, 0x28, 0x00);
    EXPECT(ASK(&b, 0x18, 0x24, 0x04, 0x01, 0, 0, 1, 0), 0x1c, 0x24, 0x00);
    EXPECT(ASK(&b, 0x18, 0x22), 0x1c, 0x22, 0x00);
    g_assert_cmpuint(bmc_tick(&b, 100).power, ==, BMC_POWER_RESET);
    g_assert_cmpuint(b.state.sel.count, ==, 0);
    /* The state is still recorded. */
    EXPECT(ASK(&b, 0x10, 0x2d, 0x00), 0x14, 0x2d, 0x00, 0x00, 0xc0, 0x02, 0x00);
    /* Power down (offset 2) logs, into the buffer too, raising attention. */
    EXPECT(ASK(&b, 0x18, 0x2e, 0x0e), 0x1c, 0x2e, 0x00);
    EXPECT(ASK(&b, 0x18, 0x24, 0x04, 0x02, 0, 0, 1, 0), 0x1c, 0x24, 0x00);
    EXPECT(ASK(&b, 0x18, 0x22), 0x1c, 0x22, 0x00);
    {
        struct bmc_effects fx = bmc_tick(&b, 200);

        g_assert_cmpuint(fx.power, ==, BMC_POWER_OFF);
        g_assert_true(fx.attention_changed && fx.attention && fx.attention_irq);
    }
    g_assert_cmpuint(b.state.sel.count, ==, 1);
    expect_record(&b, 0, 0x23, 0x00, 0x6f, 0xc2, 0x04, 0xff);
    EXPECT(ASK(&b, 0x18, 0x35), 0x1c, 0x35, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
           0x20, 0x00, 0x04, 0x23, 0x00, 0x6f, 0xc2, 0x04, 0xff);
    /* Event messages of the sensor off: nothing logged. */
    EXPECT(ASK(&b, 0x10, 0x28, 0x00, 0x40), 0x14, 0x28, 0x00);
    EXPECT(ASK(&b, 0x18, 0x22), 0x1c, 0x22, 0x00);
    (void)bmc_tick(&b, 300);
    g_assert_cmpuint(b.state.sel.count, ==, 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc-sensor/platform-event", test_platform_event);
    g_test_add_func("/bmc-sensor/platform-event-sel-full", test_platform_event_sel_full);
    g_test_add_func("/bmc-sensor/event-buffer", test_event_buffer);
    g_test_add_func("/bmc-sensor/generate-event", test_generate_event);
    g_test_add_func("/bmc-sensor/device-sdr-info", test_device_sdr_info);
    g_test_add_func("/bmc-sensor/define-from-sdr", test_define_from_sdr);
    g_test_add_func("/bmc-sensor/reading-factors", test_reading_factors);
    g_test_add_func("/bmc-sensor/hysteresis", test_hysteresis);
    g_test_add_func("/bmc-sensor/thresholds", test_thresholds);
    g_test_add_func("/bmc-sensor/threshold-crossing", test_threshold_crossing);
    g_test_add_func("/bmc-sensor/auto-rearm-and-buffer", test_auto_rearm_and_buffer);
    g_test_add_func("/bmc-sensor/event-enables", test_event_enables);
    g_test_add_func("/bmc-sensor/rearm-selected", test_rearm_selected);
    g_test_add_func("/bmc-sensor/sensor-type", test_sensor_type);
    g_test_add_func("/bmc-sensor/set-reading-discrete", test_set_sensor_reading_discrete);
    g_test_add_func("/bmc-sensor/set-reading-threshold", test_set_sensor_reading_threshold);
    g_test_add_func("/bmc-sensor/unknown-and-watchdog", test_unknown_and_watchdog_sensor);
    g_test_add_func("/bmc-sensor/watchdog-event-enables", test_watchdog_event_enables);
    return g_test_run();
}
