/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC core answering raw IPMI requests: framing, dispatch, the App commands and
 * the effects it asks its caller to apply.
 */
#include "bmc-exchange.h"

/* What the last request asked of the world, for the tests that check it. */
static struct bmc_effects last_fx;

#define ASK(b, ...) \
    ({ struct exchange x_ = ASK_AT((b), 0, __VA_ARGS__); last_fx = x_.fx; x_; })

/* The bytes QEMU's ipmi-kcs-test expects from a default ipmi-bmc-sim. */
static void test_get_device_id_default(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(ASK(&b, 0x18, 0x01), 0x1c, 0x01, 0x00, 0x20, 0x00, 0x00, 0x00,
           0x02, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00);
    /* A trailing byte is ignored, as the KCS qtest's requests carry one. */
    EXPECT(ASK(&b, 0x18, 0x01, 0x00), 0x1c, 0x01, 0x00, 0x20, 0x00, 0x00, 0x00,
           0x02, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00);
}

static void test_get_device_id_properties(void)
{
    struct bmc b;
    struct bmc_config c;

    memset(&c, 0, sizeof(c));
    c.device_id = 0x42;
    c.device_rev = 0x13;  /* only the low nibble is the revision */
    c.fwrev1 = 0x83;      /* bit 7 would say "update in progress" */
    c.fwrev2 = 0x15;
    c.ipmi_version = 0x02;
    c.mfg_id = 0x01123456; /* three bytes on the wire: the top one is dropped */
    c.product_id = 0x5678;
    bmc_init(&b, &c);
    EXPECT(ASK(&b, 0x18, 0x01), 0x1c, 0x01, 0x00, 0x42, 0x03, 0x03, 0x15, 0x02, 0x07,
           0x56, 0x34, 0x12, 0x78, 0x56);
}

static void test_self_test(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(ASK(&b, 0x18, 0x04), 0x1c, 0x04, 0x00, 0x55, 0x00);
}

static void test_global_enables(void)
{
    struct bmc b;
    struct exchange x;

    bmc_default(&b);
    EXPECT(ASK(&b, 0x18, 0x2f), 0x1c, 0x2f, 0x00, 0x08);
    x = ASK(&b, 0x18, 0x2e, 0x0f);
    EXPECT(x, 0x1c, 0x2e, 0x00);
    g_assert_true(last_fx.irq_enable_changed);
    g_assert_true(last_fx.irq_enabled);
    EXPECT(ASK(&b, 0x18, 0x2f), 0x1c, 0x2f, 0x00, 0x0f);
    g_assert_false(last_fx.irq_enable_changed);
    /* Only the two interrupt bits turn interrupts on. */
    ASK(&b, 0x18, 0x2e, 0x0c);
    g_assert_true(last_fx.irq_enable_changed);
    g_assert_false(last_fx.irq_enabled);
    /* The enables byte is required. */
    EXPECT(ASK(&b, 0x18, 0x2e), 0x1c, 0x2e, 0xc7);
}

static void test_message_flags(void)
{
    struct bmc b;

    bmc_default(&b);
    b.state.msg_flags = BMC_FLAG_RCV_MSG_AVAILABLE | BMC_FLAG_WATCHDOG_PRETIMEOUT;
    EXPECT(ASK(&b, 0x18, 0x31), 0x1c, 0x31, 0x00, 0x09);
    EXPECT(ASK(&b, 0x18, 0x30, 0x08), 0x1c, 0x30, 0x00);
    g_assert_true(last_fx.attention_changed);
    g_assert_true(last_fx.attention);
    g_assert_false(last_fx.attention_irq); /* the receive-queue interrupt is off */
    ASK(&b, 0x18, 0x2e, BMC_ENABLE_RCV_MSG_QUEUE_IRQ);
    ASK(&b, 0x18, 0x30, 0x00);
    g_assert_true(last_fx.attention);
    g_assert_true(last_fx.attention_irq);
    EXPECT(ASK(&b, 0x18, 0x31), 0x1c, 0x31, 0x00, 0x01);
    ASK(&b, 0x18, 0x30, 0xff);
    g_assert_false(last_fx.attention);
    EXPECT(ASK(&b, 0x18, 0x31), 0x1c, 0x31, 0x00, 0x00);
}

static void test_resets(void)
{
    struct bmc b;

    bmc_default(&b);
    ASK(&b, 0x18, 0x2e, 0x0f);
    EXPECT(ASK(&b, 0x18, 0x02), 0x1c, 0x02, 0x00);
    g_assert_true(last_fx.cold_reset);
    g_assert_true(last_fx.irq_enable_changed);
    g_assert_false(last_fx.irq_enabled);
    EXPECT(ASK(&b, 0x18, 0x2f), 0x1c, 0x2f, 0x00, 0x08);
    EXPECT(ASK(&b, 0x18, 0x03), 0x1c, 0x03, 0x00);
    g_assert_true(last_fx.warm_reset);
    g_assert_false(last_fx.cold_reset);
}

static void test_guid(void)
{
    struct bmc b;
    struct bmc_config c;
    struct exchange x;
    int i;

    bmc_default(&b);
    EXPECT(ASK(&b, 0x18, 0x08), 0x1c, 0x08, 0xcb);
    memset(&c, 0, sizeof(c));
    c.guid_set = true;
    for (i = 0; i < BMC_GUID_LEN; i++) {
        c.guid[i] = (uint8_t)(0xa0 + i);
    }
    bmc_init(&b, &c);
    x = ASK(&b, 0x18, 0x08);
    g_assert_cmpuint(x.len, ==, 3 + BMC_GUID_LEN);
    g_assert_cmpint(x.rsp[2], ==, 0);
    g_assert_cmpmem(x.rsp + 3, BMC_GUID_LEN, c.guid, BMC_GUID_LEN);
}

static void test_errors(void)
{
    struct bmc b;
    uint8_t small[5];
    static const uint8_t get_dev_id[] = { 0x18, 0x01 };
    size_t n;

    bmc_default(&b);
    /* Unknown command, unknown NetFn, a LUN other than 0. */
    EXPECT(ASK(&b, 0x18, 0x77), 0x1c, 0x77, 0xc1);
    EXPECT(ASK(&b, 0x30, 0x01), 0x34, 0x01, 0xc1);
    EXPECT(ASK(&b, 0x19, 0x01), 0x1d, 0x01, 0xc2);
    /* Too short to name a command. */
    EXPECT(ASK(&b, 0x18), 0x1c, 0x00, 0xc7);
    n = bmc_handle_request(&b, 0, get_dev_id, 0, small, sizeof(small)).len;
    g_assert_cmpuint(n, ==, 3);
    g_assert_cmpint(small[2], ==, 0xc7);
    /* A response buffer too small for the answer. */
    n = bmc_handle_request(&b, 0, get_dev_id, sizeof(get_dev_id), small, sizeof(small)).len;
    g_assert_cmpuint(n, ==, 3);
    g_assert_cmpint(small[2], ==, 0xca);
}

static void test_completion_code_names(void)
{
    g_assert_cmpstr(ipmi_completion_code_name(IPMI_CC_INVALID_COMMAND), ==, "Invalid command");
    g_assert_cmpstr(ipmi_completion_code_name(0x42), ==, "Unknown completion code");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc/get-device-id/default", test_get_device_id_default);
    g_test_add_func("/bmc/get-device-id/properties", test_get_device_id_properties);
    g_test_add_func("/bmc/self-test", test_self_test);
    g_test_add_func("/bmc/global-enables", test_global_enables);
    g_test_add_func("/bmc/message-flags", test_message_flags);
    g_test_add_func("/bmc/resets", test_resets);
    g_test_add_func("/bmc/guid", test_guid);
    g_test_add_func("/bmc/errors", test_errors);
    g_test_add_func("/bmc/completion-code-names", test_completion_code_names);
    return g_test_run();
}
