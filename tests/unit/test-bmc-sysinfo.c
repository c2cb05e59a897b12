/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Get/Set System Info Parameters and Get System Interface Capabilities (App NetFn):
 * strings written block by block and read back, the set-in-progress protocol, and
 * every refusal; the capabilities each interface type reports.
 */
#include "bmc-exchange.h"
#include "sysinfo.h"

#define APP 0x18
#define APP_RSP 0x1c

static void test_string_round_trip(void)
{
    struct bmc b;
    /* System name, block 0: encoding 0 (ASCII), length 5, "qemu1". */
    static const uint8_t set0[] = { APP, 0x58, 0x02, 0x00, 0x00, 0x05, 'q', 'e', 'm', 'u', '1',
                                    0, 0, 0, 0, 0, 0, 0, 0, 0 };
    static const uint8_t set3[] = { APP, 0x58, 0x02, 0x03, 'A', 'B', 'C', 'D', 'E', 'F', 'G',
                                    'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P' };

    bmc_default(&b);
    /* Nothing written yet: an empty string. */
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x02, 0x00, 0x00), APP_RSP, 0x59, 0x00, 0x11, 0x00,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    EXPECT(bmc_exchange(&b, 0, set0, sizeof(set0)), APP_RSP, 0x58, 0x00);
    EXPECT(bmc_exchange(&b, 0, set3, sizeof(set3)), APP_RSP, 0x58, 0x00);
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x02, 0x00, 0x00), APP_RSP, 0x59, 0x00, 0x11, 0x00,
           0x00, 0x05, 'q', 'e', 'm', 'u', '1', 0, 0, 0, 0, 0, 0, 0, 0, 0);
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x02, 0x03, 0x00), APP_RSP, 0x59, 0x00, 0x11, 0x03,
           'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P');
    /* Other strings are apart. */
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x03, 0x00, 0x00), APP_RSP, 0x59, 0x00, 0x11, 0x00,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /* Revision only. */
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x80, 0x02, 0x00, 0x00), APP_RSP, 0x59, 0x00, 0x11);
}

static void test_set_in_progress(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x00, 0x00, 0x00), APP_RSP, 0x59, 0x00, 0x11, 0x00);
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x00, 0x01), APP_RSP, 0x58, 0x00);
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x00, 0x00, 0x00), APP_RSP, 0x59, 0x00, 0x11, 0x01);
    /* In progress already. */
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x00, 0x01), APP_RSP, 0x58, 0x81);
    /* Commit write: done at once, so complete again. */
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x00, 0x02), APP_RSP, 0x58, 0x00);
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x00, 0x00, 0x00), APP_RSP, 0x59, 0x00, 0x11, 0x00);
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x00, 0x03), APP_RSP, 0x58, 0xcc);   /* reserved */
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x00, 0x04), APP_RSP, 0x58, 0xcc);
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x00, 0x00, 0x00), APP_RSP, 0x58, 0xc7);
}

static void test_refused(void)
{
    struct bmc b;
    static const uint8_t far_block[] = { APP, 0x58, 0x01, BMC_SYSINFO_BLOCKS, 0, 0, 0, 0, 0,
                                         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

    bmc_default(&b);
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x06, 0x00), APP_RSP, 0x58, 0x80);
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x06, 0x00, 0x00), APP_RSP, 0x59, 0x80);
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x01, 0x00, 'x'), APP_RSP, 0x58, 0xc7);  /* a short block */
    EXPECT(bmc_exchange(&b, 0, far_block, sizeof(far_block)), APP_RSP, 0x58, 0xc9);
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x01, BMC_SYSINFO_BLOCKS, 0x00), APP_RSP, 0x59, 0xc9);
    EXPECT(ASK_AT(&b, 0, APP, 0x58, 0x01), APP_RSP, 0x58, 0xc7);            /* no data */
    EXPECT(ASK_AT(&b, 0, APP, 0x59, 0x00, 0x01, 0x00), APP_RSP, 0x59, 0xc7);
}

static void test_interface_capabilities(void)
{
    struct bmc b;

    bmc_default(&b);
    /* SSIF: start/middle/end transactions, no PEC, version 0; 255 bytes each way. */
    EXPECT(ASK_AT(&b, 0, APP, 0x57, 0x00), APP_RSP, 0x57, 0x00, 0x00, 0x80, 0xff, 0xff);
    /* KCS: version 1.0, requests up to 255 bytes as one byte says. */
    EXPECT(ASK_AT(&b, 0, APP, 0x57, 0x01), APP_RSP, 0x57, 0x00, 0x00, 0x00, 0xff);
    EXPECT(ASK_AT(&b, 0, APP, 0x57, 0x02), APP_RSP, 0x57, 0xcc);   /* SMIC: none here */
    EXPECT(ASK_AT(&b, 0, APP, 0x57), APP_RSP, 0x57, 0xc7);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc/sysinfo/string-round-trip", test_string_round_trip);
    g_test_add_func("/bmc/sysinfo/set-in-progress", test_set_in_progress);
    g_test_add_func("/bmc/sysinfo/refused", test_refused);
    g_test_add_func("/bmc/sysinfo/interface-capabilities", test_interface_capabilities);
    return g_test_run();
}
