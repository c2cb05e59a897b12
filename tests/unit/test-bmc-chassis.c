/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC core's Chassis commands and the App commands about power, GUIDs, the
 * interfaces and the channels: valid requests and their boundaries, refused ones
 * (length, range), the effects they return and the state they leave for the next.
 */
#include <glib.h>
#include <string.h>

#include "bmc.h"
#include "bt_machine.h"
#include "ipmi_messages.h"

struct exchange {
    uint8_t rsp[IPMI_MAX_MESSAGE];
    size_t len;
};

/* What the last request asked of the world, for the tests that check it. */
static struct bmc_effects last_fx;

static void bmc_default(struct bmc *b)
{
    struct bmc_config c;

    memset(&c, 0, sizeof(c));
    c.slave_addr = 0x20;
    c.device_id = 0x20;
    c.ipmi_version = 0x02;
    bmc_init(b, &c);
}

static struct exchange ask(struct bmc *b, const uint8_t *req, size_t len)
{
    struct exchange x;
    struct bmc_result r;

    memset(&x, 0xee, sizeof(x));
    r = bmc_handle_request(b, 1000, req, len, x.rsp, sizeof(x.rsp));
    x.len = r.len;
    last_fx = r.effects;
    g_assert_cmpuint(x.len, >=, 3);
    g_assert_cmpuint(x.len, <=, sizeof(x.rsp));
    return x;
}

#define ASK(b, ...) \
    ({ static const uint8_t req_[] = { __VA_ARGS__ }; ask((b), req_, sizeof(req_)); })

#define EXPECT(x, ...) \
    do { \
        static const uint8_t want_[] = { __VA_ARGS__ }; \
        g_assert_cmpmem((x).rsp, (x).len, want_, sizeof(want_)); \
    } while (0)

/* NetFn/LUN bytes: Chassis (00h) and App (06h) requests, and their responses. */
#define CH 0x00
#define CH_RSP 0x04
#define APP 0x18
#define APP_RSP 0x1c

static void assert_no_effects(void)
{
    g_assert_cmpuint(last_fx.power, ==, BMC_POWER_NONE);
    g_assert_false(last_fx.nmi);
    g_assert_false(last_fx.irq_enable_changed);
    g_assert_false(last_fx.attention_changed);
    g_assert_false(last_fx.cold_reset);
    g_assert_false(last_fx.warm_reset);
    g_assert_false(last_fx.timer_changed);
}

/* A refused request changes nothing and asks nothing of the world. */
static void assert_refused(struct bmc *b, const uint8_t *req, size_t len, uint8_t cc)
{
    struct bmc_state before = b->state;
    struct exchange x = ask(b, req, len);

    g_assert_cmpuint(x.len, ==, 3);
    g_assert_cmpint(x.rsp[0], ==, req[0] | 0x04);
    g_assert_cmpint(x.rsp[1], ==, req[1]);
    g_assert_cmpint(x.rsp[2], ==, cc);
    g_assert_cmpmem(&b->state, sizeof(b->state), &before, sizeof(before));
    assert_no_effects();
}

#define REFUSED(b, cc, ...) \
    do { \
        static const uint8_t req_[] = { __VA_ARGS__ }; \
        assert_refused((b), req_, sizeof(req_), (cc)); \
    } while (0)

/* Get Chassis Capabilities: no flags, and the BMC's own address for every device. */
static void test_capabilities(void)
{
    struct bmc b;
    struct bmc_config c;

    bmc_default(&b);
    EXPECT(ASK(&b, CH, 0x00), CH_RSP, 0x00, 0x00, 0x00, 0x20, 0x20, 0x20, 0x20);
    assert_no_effects();
    memset(&c, 0, sizeof(c));
    c.slave_addr = 0x42;
    bmc_init(&b, &c);
    EXPECT(ASK(&b, CH, 0x00), CH_RSP, 0x00, 0x00, 0x00, 0x42, 0x42, 0x42, 0x42);
    /* A new NetFn's requests take no trailing bytes. */
    REFUSED(&b, 0xc7, CH, 0x00, 0x00);
}

/* Get Chassis Status: the machine runs when the BMC starts; nothing else to report. */
static void test_status_initial(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x61, 0x00, 0x00);
    assert_no_effects();
    REFUSED(&b, 0xc7, CH, 0x01, 0x00);
    /* Get System Restart Cause: unknown, channel 0. */
    EXPECT(ASK(&b, CH, 0x07), CH_RSP, 0x07, 0x00, 0x00, 0x00);
    assert_no_effects();
    REFUSED(&b, 0xc7, CH, 0x07, 0x01);
}

static void test_control_power_down_up(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(ASK(&b, CH, 0x02, 0x00), CH_RSP, 0x02, 0x00);
    g_assert_cmpuint(last_fx.power, ==, BMC_POWER_OFF);
    g_assert_false(last_fx.nmi);
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x60, 0x00, 0x00);
    /* Powering down is not a restart. */
    EXPECT(ASK(&b, CH, 0x07), CH_RSP, 0x07, 0x00, 0x00, 0x00);

    EXPECT(ASK(&b, CH, 0x02, 0x01), CH_RSP, 0x02, 0x00);
    g_assert_cmpuint(last_fx.power, ==, BMC_POWER_ON);
    g_assert_false(last_fx.nmi);
    /* On, and by command. */
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x61, 0x10, 0x00);
    EXPECT(ASK(&b, CH, 0x07), CH_RSP, 0x07, 0x00, 0x01, 0x00);

    /* Down again: the last power event stays what it was. */
    ASK(&b, CH, 0x02, 0x00);
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x60, 0x10, 0x00);
}

static void test_control_cycle_reset(void)
{
    struct bmc b;

    bmc_default(&b);
    /* A hard reset restarts the machine: the cause, but no power event. */
    EXPECT(ASK(&b, CH, 0x02, 0x03), CH_RSP, 0x02, 0x00);
    g_assert_cmpuint(last_fx.power, ==, BMC_POWER_RESET);
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x61, 0x00, 0x00);
    EXPECT(ASK(&b, CH, 0x07), CH_RSP, 0x07, 0x00, 0x01, 0x00);

    bmc_default(&b);
    ASK(&b, CH, 0x02, 0x00);
    EXPECT(ASK(&b, CH, 0x02, 0x02), CH_RSP, 0x02, 0x00);
    g_assert_cmpuint(last_fx.power, ==, BMC_POWER_CYCLE);
    g_assert_false(last_fx.nmi);
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x61, 0x10, 0x00);
    EXPECT(ASK(&b, CH, 0x07), CH_RSP, 0x07, 0x00, 0x01, 0x00);

    /* A hard reset of a machine that is off turns it on. */
    ASK(&b, CH, 0x02, 0x00);
    ASK(&b, CH, 0x02, 0x03);
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x61, 0x10, 0x00);
}

static void test_control_nmi_soft_off(void)
{
    struct bmc b;
    struct bmc_state before;

    bmc_default(&b);
    before = b.state;
    EXPECT(ASK(&b, CH, 0x02, 0x04), CH_RSP, 0x02, 0x00);
    g_assert_true(last_fx.nmi);
    g_assert_cmpuint(last_fx.power, ==, BMC_POWER_NONE);
    g_assert_cmpmem(&b.state, sizeof(b.state), &before, sizeof(before));
    /* The next call's effects are its own. */
    ASK(&b, CH, 0x01);
    assert_no_effects();

    /* The highest control: the ACPI power button; the OS shuts the machine down. */
    EXPECT(ASK(&b, CH, 0x02, 0x05), CH_RSP, 0x02, 0x00);
    g_assert_cmpuint(last_fx.power, ==, BMC_POWER_SOFT_OFF);
    g_assert_false(last_fx.nmi);
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x60, 0x00, 0x00);
    EXPECT(ASK(&b, CH, 0x07), CH_RSP, 0x07, 0x00, 0x00, 0x00);
}

static void test_control_refused(void)
{
    struct bmc b;

    bmc_default(&b);
    /* Just past the range, and far past it (upstream masked the high nibble). */
    REFUSED(&b, 0xcc, CH, 0x02, 0x06);
    REFUSED(&b, 0xcc, CH, 0x02, 0x10);
    REFUSED(&b, 0xcc, CH, 0x02, 0xff);
    /* The control byte is required, and is all there is. */
    REFUSED(&b, 0xc7, CH, 0x02);
    REFUSED(&b, 0xc7, CH, 0x02, 0x00, 0x00);
    /* Still on, still no restart. */
    EXPECT(ASK(&b, CH, 0x01), CH_RSP, 0x01, 0x00, 0x61, 0x00, 0x00);
    /* Commands the chassis NetFn does not have, and a LUN other than 0. */
    REFUSED(&b, 0xc1, CH, 0x03);
    REFUSED(&b, 0xc1, CH, 0x08);
    REFUSED(&b, 0xc2, 0x01, 0x02, 0x00);
}

/* Set and Get ACPI Power State (sections 20.6 and 20.7). */
static void test_acpi_power_state(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x00, 0x00);
    assert_no_effects();
    /* Set both: S5/G2 soft off, D3. */
    EXPECT(ASK(&b, APP, 0x06, 0x85, 0x83), APP_RSP, 0x06, 0x00);
    assert_no_effects();
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x05, 0x03);
    /* Bit 7 clear: the value is not set (nor checked). */
    EXPECT(ASK(&b, APP, 0x06, 0x01, 0x7e), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x05, 0x03);
    /* "No change" with bit 7 set. */
    EXPECT(ASK(&b, APP, 0x06, 0xff, 0x80), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x05, 0x00);
    EXPECT(ASK(&b, APP, 0x06, 0x8a, 0xff), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x0a, 0x00);
    /* The other defined values: legacy on and off, unknown. */
    EXPECT(ASK(&b, APP, 0x06, 0xa0, 0xaa), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x20, 0x2a);
    EXPECT(ASK(&b, APP, 0x06, 0xa1, 0x00), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x21, 0x2a);
    EXPECT(ASK(&b, APP, 0x06, 0xaa, 0x81), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x2a, 0x01);
    EXPECT(ASK(&b, APP, 0x06, 0x80, 0x80), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x00, 0x00);

    /* Reserved values, just past each defined run: refused, and neither state moves
       even when the other byte is fine. */
    ASK(&b, APP, 0x06, 0x83, 0x82);
    REFUSED(&b, 0xcc, APP, 0x06, 0x8b, 0x80);
    REFUSED(&b, 0xcc, APP, 0x06, 0x9f, 0x80);
    REFUSED(&b, 0xcc, APP, 0x06, 0xa2, 0x80);
    REFUSED(&b, 0xcc, APP, 0x06, 0xa9, 0x80);
    REFUSED(&b, 0xcc, APP, 0x06, 0xab, 0x80);
    REFUSED(&b, 0xcc, APP, 0x06, 0xfe, 0x80);
    REFUSED(&b, 0xcc, APP, 0x06, 0x80, 0x84);
    REFUSED(&b, 0xcc, APP, 0x06, 0x80, 0xa9);
    REFUSED(&b, 0xcc, APP, 0x06, 0x80, 0xab);
    REFUSED(&b, 0xcc, APP, 0x06, 0x80, 0xa0);
    REFUSED(&b, 0xcc, APP, 0x06, 0x7f, 0xfe);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x03, 0x02);
    /* Both bytes are required; App ignores bytes after them. */
    REFUSED(&b, 0xc7, APP, 0x06);
    REFUSED(&b, 0xc7, APP, 0x06, 0x80);
    EXPECT(ASK(&b, APP, 0x06, 0x81, 0x81, 0x55), APP_RSP, 0x06, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x01, 0x01);
    /* Powering the chassis does not touch what system software reported. */
    ASK(&b, CH, 0x02, 0x00);
    EXPECT(ASK(&b, APP, 0x07), APP_RSP, 0x07, 0x00, 0x01, 0x01);
}

/* Get BT Interface Capabilities gives the BT interface's own figures. */
static void test_bt_capabilities(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(ASK(&b, APP, 0x36), APP_RSP, 0x36, 0x00, BT_CAPABILITIES_OUTSTANDING_REQUESTS,
           BT_REQUEST_CAPACITY - 1, BT_RESPONSE_CAPACITY - 1,
           BT_CAPABILITIES_RESPONSE_SECONDS, BT_CAPABILITIES_RETRIES);
    EXPECT(ASK(&b, APP, 0x36), APP_RSP, 0x36, 0x00, 0x01, 0xff, 0xff, 0x0a, 0x00);
    assert_no_effects();
}

static void test_system_guid(void)
{
    struct bmc b;
    struct bmc_config c;
    struct exchange x;
    int i;

    bmc_default(&b);
    REFUSED(&b, 0xcb, APP, 0x37);
    memset(&c, 0, sizeof(c));
    c.guid_set = true;
    for (i = 0; i < BMC_GUID_LEN; i++) {
        c.guid[i] = (uint8_t)(0x10 + i);
    }
    bmc_init(&b, &c);
    x = ASK(&b, APP, 0x37);
    g_assert_cmpuint(x.len, ==, 3 + BMC_GUID_LEN);
    g_assert_cmpint(x.rsp[0], ==, APP_RSP);
    g_assert_cmpint(x.rsp[1], ==, 0x37);
    g_assert_cmpint(x.rsp[2], ==, 0);
    g_assert_cmpmem(x.rsp + 3, BMC_GUID_LEN, c.guid, BMC_GUID_LEN);
    assert_no_effects();
}

static void test_channel_info(void)
{
    struct bmc b;

    bmc_default(&b);
    /* The present interface is the system interface, channel 0Fh: KCS, session-less,
       the IPMI forum's protocol. */
    EXPECT(ASK(&b, APP, 0x42, 0x0e), APP_RSP, 0x42, 0x00, 0x0f, 0x0c, 0x05, 0x00,
           0xf2, 0x1b, 0x00, 0x00, 0x00);
    assert_no_effects();
    EXPECT(ASK(&b, APP, 0x42, 0x0f), APP_RSP, 0x42, 0x00, 0x0f, 0x0c, 0x05, 0x00,
           0xf2, 0x1b, 0x00, 0x00, 0x00);
    /* The primary IPMB. */
    EXPECT(ASK(&b, APP, 0x42, 0x00), APP_RSP, 0x42, 0x00, 0x00, 0x01, 0x01, 0x00,
           0xf2, 0x1b, 0x00, 0x00, 0x00);
    /* Channels this BMC does not have, and reserved bits (past the range). */
    REFUSED(&b, 0xcc, APP, 0x42, 0x01);
    REFUSED(&b, 0xcc, APP, 0x42, 0x07);
    REFUSED(&b, 0xcc, APP, 0x42, 0x0d);
    REFUSED(&b, 0xcc, APP, 0x42, 0x10);
    REFUSED(&b, 0xcc, APP, 0x42, 0x8e);
    REFUSED(&b, 0xc7, APP, 0x42);
}

/* A response buffer too small for an answer. */
static void test_small_buffer(void)
{
    struct bmc b;
    uint8_t small[6];
    static const uint8_t status[] = { CH, 0x01 };
    static const uint8_t control[] = { CH, 0x02, 0x01 };
    struct bmc_result r;

    bmc_default(&b);
    r = bmc_handle_request(&b, 0, status, sizeof(status), small, sizeof(small));
    g_assert_cmpuint(r.len, ==, 6);
    g_assert_cmpint(small[2], ==, 0x00);
    r = bmc_handle_request(&b, 0, status, sizeof(status), small, 5);
    g_assert_cmpuint(r.len, ==, 3);
    g_assert_cmpint(small[2], ==, 0xca);
    /* A command with no response data needs only room for its completion code. */
    r = bmc_handle_request(&b, 0, control, sizeof(control), small, 3);
    g_assert_cmpuint(r.len, ==, 3);
    g_assert_cmpint(small[2], ==, 0x00);
    g_assert_cmpuint(r.effects.power, ==, BMC_POWER_ON);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc/chassis/capabilities", test_capabilities);
    g_test_add_func("/bmc/chassis/status-initial", test_status_initial);
    g_test_add_func("/bmc/chassis/control-power-down-up", test_control_power_down_up);
    g_test_add_func("/bmc/chassis/control-cycle-reset", test_control_cycle_reset);
    g_test_add_func("/bmc/chassis/control-nmi-soft-off", test_control_nmi_soft_off);
    g_test_add_func("/bmc/chassis/control-refused", test_control_refused);
    g_test_add_func("/bmc/chassis/small-buffer", test_small_buffer);
    g_test_add_func("/bmc/app/acpi-power-state", test_acpi_power_state);
    g_test_add_func("/bmc/app/bt-capabilities", test_bt_capabilities);
    g_test_add_func("/bmc/app/system-guid", test_system_guid);
    g_test_add_func("/bmc/app/channel-info", test_channel_info);
    return g_test_run();
}
