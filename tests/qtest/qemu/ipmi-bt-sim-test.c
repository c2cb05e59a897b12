/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtests for isa-ipmi-bt with the in-QEMU BMC (upstream's ipmi-bt-test needs
 * an external BMC): transfers in upstream's register sequence and in Linux's
 * bt_sm's, interrupts on IRQ 5, Get BT Interface Capabilities answered by the
 * interface, a request whose length byte is wrong, and a machine reset in the
 * middle of a transfer.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#include "ipmi-host.h"

#define BT_BASE 0xe4
#define BT_IRQ 5
#define DEVICE_ID 0x42
#define FWREV1 3

static const uint8_t get_device_id[] = {
    IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID
};

static QTestState *bt_start(IPMIHost *h, const char *bt_props)
{
    QTestState *qts = qtest_initf(
        "-device ipmi-bmc-sim,id=bmc0,device_id=%d,fwrev1=%d"
        " -device isa-ipmi-bt,bmc=bmc0%s", DEVICE_ID, FWREV1, bt_props);

    ipmi_host_isa(h, qts, IPMI_HOST_BT, BT_BASE, BT_IRQ);
    return qts;
}

static void bt_stop(IPMIHost *h)
{
    qtest_quit(h->qts);
    ipmi_host_free(h);
}

/*
 * Upstream's sequence (its bt_cmd): idle control register, CLR_WR_PTR, the
 * request, H2B_ATN, wait for B2H_ATN, H_BUSY, clear B2H_ATN, CLR_RD_PTR, the
 * response, H_BUSY again; with interrupts, B2H_IRQ and the line at B2H_ATN,
 * acknowledged by writing 03h to the mask.
 */
static void test_upstream_sequence(void)
{
    IPMIHost h;

    bt_start(&h, "");
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, 0);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==, 0);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_enable_irqs(&h);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, 0);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_check_irq(&h, false);
    bt_stop(&h);
}

/*
 * The window holds three registers: the fourth port of the window
 * reads 0xff, and writing it changes nothing.
 */
static void test_window(void)
{
    IPMIHost h;

    bt_start(&h, "");
    ipmi_host_out(&h, 3, BT_H2B_ATN);
    g_assert_cmphex(ipmi_host_in(&h, 3), ==, 0xff);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, 0);
    /* With nothing to read, the buffer reads 0xff too. */
    g_assert_cmphex(ipmi_host_in(&h, BT_BUFFER), ==, 0xff);
    bt_stop(&h);
}

/*
 * Linux's bt_sm: at start-up reset_flags (H_BUSY clear if set, CLR_WR_PTR,
 * SMS_ATN clear, BMC_HWRST in the mask), then Get BT Interface Capabilities,
 * which it reads as outstanding requests, sizes, seconds to respond and
 * retries; a response left unread is drained as drain_BMC2HOST does (B2H_ATN
 * cleared twice around a status read), and the next transfer works.
 */
static void test_linux_sequence(void)
{
    static const uint8_t get_caps[] = {
        IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_BT_INTERFACE_CAPABILITIES
    };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    unsigned i, len;
    IPMIHost h;

    bt_start(&h, "");
    if (ipmi_host_in(&h, BT_CONTROL) & BT_H_BUSY) {
        ipmi_host_out(&h, BT_CONTROL, BT_H_BUSY);
    }
    ipmi_host_out(&h, BT_CONTROL, BT_CLR_WR_PTR);
    ipmi_host_out(&h, BT_CONTROL, BT_SMS_ATN);
    ipmi_host_out(&h, BT_INTMASK, 0x80);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, 0);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==, 0);

    len = ipmi_host_transfer(&h, get_caps, sizeof(get_caps), rsp, sizeof(rsp));
    g_assert_cmpuint(len, ==, 8);
    g_assert_cmphex(rsp[2], ==, 0x00);
    g_assert_cmpuint(rsp[3], ==, 1);        /* outstanding requests */
    g_assert_cmpuint(rsp[4], ==, 255);      /* input buffer */
    g_assert_cmpuint(rsp[5], ==, 255);      /* output buffer */
    g_assert_cmpuint(rsp[6], ==, 10);       /* seconds to respond */
    g_assert_cmpuint(rsp[7], ==, 0);        /* retries */

    /* A request whose response the host gives up on... */
    bt_host_write_request(&h, get_device_id, sizeof(get_device_id), 0x77);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, BT_B2H_ATN);
    /* ...is drained. */
    ipmi_host_out(&h, BT_CONTROL, BT_H_BUSY);
    ipmi_host_out(&h, BT_CONTROL, BT_B2H_ATN);
    ipmi_host_in(&h, BT_CONTROL);
    ipmi_host_out(&h, BT_CONTROL, BT_B2H_ATN);
    ipmi_host_out(&h, BT_CONTROL, BT_CLR_RD_PTR);
    len = ipmi_host_in(&h, BT_BUFFER);
    g_assert_cmpuint(len, ==, 15);          /* NetFn, seq, cmd, cc, 11 data */
    g_assert_cmphex(ipmi_host_in(&h, BT_BUFFER), ==, IPMI_NETFN_APP_RESPONSE);
    g_assert_cmphex(ipmi_host_in(&h, BT_BUFFER), ==, 0x77);
    for (i = 2; i < len; i++) {
        ipmi_host_in(&h, BT_BUFFER);
    }
    ipmi_host_out(&h, BT_CONTROL, BT_H_BUSY);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, 0);

    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    bt_stop(&h);
}

/*
 * Interrupts on IRQ 5: they need both the BMC's enable (Set BMC Global
 * Enables) and the host's B2H_IRQ_EN; turning either off lowers a pending
 * one, and turning B2H_IRQ_EN on while a response waits interrupts at once.
 */
static void test_interrupts(void)
{
    static const uint8_t bmc_irq_off[] = {
        IPMI_NETFN_APP_REQUEST, IPMI_CMD_SET_BMC_GLOBAL_ENABLES, 0x0c
    };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    IPMIHost h;

    bt_start(&h, "");
    ipmi_host_enable_irqs(&h);

    /* A response raises the line; the host turns B2H_IRQ_EN off: it drops. */
    bt_host_write_request(&h, get_device_id, sizeof(get_device_id), 1);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==,
                    BT_B2H_IRQ_EN | BT_B2H_IRQ);
    ipmi_host_check_irq(&h, true);
    ipmi_host_out(&h, BT_INTMASK, 0);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==, 0);
    ipmi_host_check_irq(&h, false);
    /* On again while B2H_ATN is up: B2H_IRQ at once. */
    ipmi_host_out(&h, BT_INTMASK, BT_B2H_IRQ_EN);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==,
                    BT_B2H_IRQ_EN | BT_B2H_IRQ);
    ipmi_host_check_irq(&h, true);
    bt_host_begin_read(&h);
    g_assert_cmpuint(bt_host_read_byte(&h), ==, 15);
    bt_host_end_read(&h);

    /*
     * The BMC turns interrupts off (its answer already comes without one):
     * B2H_IRQ still latches, the line stays low.
     */
    h.ints = false;
    g_assert_cmpuint(ipmi_host_transfer(&h, bmc_irq_off, sizeof(bmc_irq_off),
                                        rsp, sizeof(rsp)), ==, 3);
    ipmi_host_out(&h, BT_INTMASK, BT_B2H_IRQ_EN | BT_B2H_IRQ);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==, BT_B2H_IRQ_EN);
    bt_host_write_request(&h, get_device_id, sizeof(get_device_id), 3);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==,
                    BT_B2H_IRQ_EN | BT_B2H_IRQ);
    ipmi_host_check_irq(&h, false);
    bt_stop(&h);
}

/* Without an interrupt (irq=0) the line never moves. */
static void test_no_irq(void)
{
    IPMIHost h;

    bt_start(&h, ",irq=0");
    ipmi_host_enable_irqs(&h);
    bt_host_write_request(&h, get_device_id, sizeof(get_device_id), 1);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==,
                    BT_B2H_IRQ_EN | BT_B2H_IRQ);
    g_assert_false(qtest_get_irq(h.qts, BT_IRQ));
    bt_stop(&h);
}

/*
 * A request whose length byte does not count what was written is answered by
 * the interface with C7h (request data length invalid), under its header.
 */
static void test_bad_length(void)
{
    IPMIHost h;
    unsigned len;

    bt_start(&h, "");
    bt_host_begin_write(&h);
    bt_host_write_byte(&h, 5);              /* but 3 follow */
    bt_host_write_byte(&h, IPMI_NETFN_APP_REQUEST);
    bt_host_write_byte(&h, 0x21);
    bt_host_write_byte(&h, IPMI_CMD_GET_DEVICE_ID);
    bt_host_end_write(&h);
    bt_host_begin_read(&h);
    len = bt_host_read_byte(&h);
    g_assert_cmpuint(len, ==, 4);
    g_assert_cmphex(bt_host_read_byte(&h), ==, IPMI_NETFN_APP_RESPONSE);
    g_assert_cmphex(bt_host_read_byte(&h), ==, 0x21);
    g_assert_cmphex(bt_host_read_byte(&h), ==, IPMI_CMD_GET_DEVICE_ID);
    g_assert_cmphex(bt_host_read_byte(&h), ==, 0xc7);
    bt_host_end_read(&h);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    bt_stop(&h);
}

/*
 * A machine reset with a response waiting and H_BUSY set: the interface is
 * idle after it, the host's mask clear, the line low; the BMC's interrupt
 * enable stays, so interrupts work again once the host sets B2H_IRQ_EN.
 */
static void test_reset(void)
{
    IPMIHost h;

    bt_start(&h, "");
    ipmi_host_enable_irqs(&h);
    bt_host_write_request(&h, get_device_id, sizeof(get_device_id), 9);
    ipmi_host_out(&h, BT_CONTROL, BT_H_BUSY);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, BT_B2H_ATN | BT_H_BUSY);
    ipmi_host_check_irq(&h, true);

    qtest_system_reset(h.qts);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL), ==, 0);
    g_assert_cmphex(ipmi_host_in(&h, BT_INTMASK), ==, 0);
    g_assert_cmphex(ipmi_host_in(&h, BT_BUFFER), ==, 0xff);
    ipmi_host_check_irq(&h, false);

    ipmi_host_out(&h, BT_INTMASK, BT_B2H_IRQ_EN);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    bt_stop(&h);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/ipmi/isa-bt/upstream-sequence", test_upstream_sequence);
    qtest_add_func("/ipmi/isa-bt/window", test_window);
    qtest_add_func("/ipmi/isa-bt/linux-sequence", test_linux_sequence);
    qtest_add_func("/ipmi/isa-bt/interrupts", test_interrupts);
    qtest_add_func("/ipmi/isa-bt/no-irq", test_no_irq);
    qtest_add_func("/ipmi/isa-bt/bad-length", test_bad_length);
    qtest_add_func("/ipmi/isa-bt/reset", test_reset);
    return g_test_run();
}
