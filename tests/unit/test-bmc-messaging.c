/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Send Message and Get Message (App NetFn): a request to the controller at 40h on the
 * IPMB, its answer in the receive message queue, the flag and attention that announce
 * it, the queue's fixed bound (upstream's grows without one), and every refusal.
 */
#include "bmc-exchange.h"
#include "msgq.h"

#define APP 0x18
#define APP_RSP 0x1c
#define OUR_ADDR 0x20
#define PEER 0x40

static uint8_t checksum(const uint8_t *p, size_t len)
{
    uint8_t sum = 0;

    while (len--) {
        sum = (uint8_t)(sum + *p++);
    }
    return (uint8_t)(0 - sum);
}

/*
 * Send Message on channel `channel` of an IPMB request to `rs_sa`: NetFn `netfn`,
 * command `cmd`, sequence `seq`, our LUN `lun`; `bad_sum` spoils its checksum.
 */
static struct exchange send(struct bmc *b, uint8_t channel, uint8_t rs_sa, uint8_t netfn,
                            uint8_t cmd, uint8_t seq, uint8_t lun, bool bad_sum)
{
    uint8_t req[] = { APP, 0x34, channel, rs_sa, (uint8_t)(netfn << 2), 0, OUR_ADDR,
                      (uint8_t)(seq << 2 | lun), cmd, 0 };

    req[5] = checksum(req + 3, 2);
    req[9] = checksum(req + 6, 3) + (bad_sum ? 1 : 0);
    return bmc_exchange(b, 0, req, sizeof(req));
}

static struct exchange get_message(struct bmc *b)
{
    return ASK_AT(b, 0, APP, 0x33);
}

static uint8_t message_flags(struct bmc *b)
{
    struct exchange x = ASK_AT(b, 0, APP, 0x31);

    g_assert_cmpuint(x.len, ==, 4);
    return x.rsp[3];
}

static void test_empty(void)
{
    struct bmc b;

    bmc_default(&b);
    EXPECT(get_message(&b), APP_RSP, 0x33, 0x80);
    g_assert_cmphex(message_flags(&b), ==, 0);
}

static void test_get_device_id(void)
{
    struct bmc b;
    struct exchange x;
    uint8_t want[3 + 1 + 18];

    bmc_default(&b);
    x = send(&b, 0, PEER, 0x06, 0x01, 5, 2, false);
    EXPECT(x, APP_RSP, 0x34, 0x00);
    g_assert_true(x.fx.attention_changed && x.fx.attention);
    g_assert_cmphex(message_flags(&b), ==, 0x01);

    /* rqSA left out; NetFn 07h, LUN 2; rsSA; sequence 5, LUN 0; Get Device ID's 11
       bytes of a device that says only "IPMI 1.5". */
    memset(want, 0, sizeof(want));
    want[0] = APP_RSP;
    want[1] = 0x33;
    want[3] = 0x00;                       /* channel 0 */
    want[4] = 0x07 << 2 | 2;
    want[5] = (uint8_t)(0 - (OUR_ADDR + want[4]));
    want[6] = PEER;
    want[7] = 5 << 2;
    want[8] = 0x01;
    want[9] = 0x00;
    want[14] = 0x51;
    want[21] = checksum(want + 6, 15);
    x = get_message(&b);
    g_assert_cmpmem(x.rsp, x.len, want, sizeof(want));
    /* The last message taken: the flag drops and attention with it. */
    g_assert_true(x.fx.attention_changed);
    g_assert_false(x.fx.attention);
    g_assert_cmphex(message_flags(&b), ==, 0);
    EXPECT(get_message(&b), APP_RSP, 0x33, 0x80);
}

static void test_other_command(void)
{
    struct bmc b;
    struct exchange x;

    bmc_default(&b);
    EXPECT(send(&b, 0, PEER, 0x0a, 0x40, 1, 2, false), APP_RSP, 0x34, 0x00);
    x = get_message(&b);
    g_assert_cmpuint(x.len, ==, 4 + 7);
    g_assert_cmphex(x.rsp[4], ==, 0x0b << 2 | 2);
    g_assert_cmphex(x.rsp[8], ==, 0x40);
    g_assert_cmphex(x.rsp[9], ==, 0xc1);  /* the controller knows no such command */
    g_assert_cmphex(x.rsp[10], ==, checksum(x.rsp + 6, 4));
}

static void test_refused(void)
{
    struct bmc b;
    static const uint8_t short_msg[] = { APP, 0x34, 0, PEER, 0x18, 0xa8, OUR_ADDR, 0x16, 1 };
    uint8_t long_msg[3 + 33];

    bmc_default(&b);
    EXPECT(send(&b, 1, PEER, 0x06, 0x01, 1, 2, false), APP_RSP, 0x34, 0xcc);
    EXPECT(send(&b, 0x40, PEER, 0x06, 0x01, 1, 2, false), APP_RSP, 0x34, 0xcc);
    EXPECT(send(&b, 0, 0x42, 0x06, 0x01, 1, 2, false), APP_RSP, 0x34, 0x83);
    EXPECT(bmc_exchange(&b, 0, short_msg, sizeof(short_msg)), APP_RSP, 0x34, 0xc7);
    memset(long_msg, 0, sizeof(long_msg));
    long_msg[0] = APP;
    long_msg[1] = 0x34;
    long_msg[3] = PEER;
    EXPECT(bmc_exchange(&b, 0, long_msg, sizeof(long_msg)), APP_RSP, 0x34, 0xc8);
    /* Nothing was sent, so nothing came back. */
    EXPECT(get_message(&b), APP_RSP, 0x33, 0x80);
}

/* Sent, and no answer: a bad checksum, or an answer for a LUN that is not system
   software's. */
static void test_sent_unanswered(void)
{
    struct bmc b;
    struct exchange x;

    bmc_default(&b);
    x = send(&b, 0, PEER, 0x06, 0x01, 1, 2, true);
    EXPECT(x, APP_RSP, 0x34, 0x00);
    g_assert_false(x.fx.attention_changed);
    EXPECT(send(&b, 0, PEER, 0x06, 0x01, 1, 0, false), APP_RSP, 0x34, 0x00);
    EXPECT(get_message(&b), APP_RSP, 0x33, 0x80);
    g_assert_cmphex(message_flags(&b), ==, 0);
}

/*
 * Upstream's weak spot: every Send Message allocates an answer and nothing bounds
 * them. Here the queue holds BMC_MSGQ_DEPTH; the next Send Message is refused with
 * "node busy" before anything is sent, and the answers already queued stay, in order.
 */
static void test_queue_bound(void)
{
    struct bmc b;
    struct exchange x;
    int i;

    bmc_default(&b);
    for (i = 0; i < BMC_MSGQ_DEPTH; i++) {
        EXPECT(send(&b, 0, PEER, 0x06, 0x01, (uint8_t)i, 2, false), APP_RSP, 0x34, 0x00);
    }
    for (i = 0; i < 3 * BMC_MSGQ_DEPTH; i++) {
        EXPECT(send(&b, 0, PEER, 0x06, 0x01, 63, 2, false), APP_RSP, 0x34, 0xc0);
    }
    g_assert_cmpuint(b.state.msgq.count, ==, BMC_MSGQ_DEPTH);
    for (i = 0; i < BMC_MSGQ_DEPTH; i++) {
        x = get_message(&b);
        g_assert_cmphex(x.rsp[2], ==, 0x00);
        g_assert_cmphex(x.rsp[7] >> 2, ==, i);  /* oldest first */
    }
    EXPECT(get_message(&b), APP_RSP, 0x33, 0x80);
    /* Room again: the queue wraps round its slots. */
    EXPECT(send(&b, 0, PEER, 0x06, 0x01, 9, 2, false), APP_RSP, 0x34, 0x00);
    x = get_message(&b);
    g_assert_cmphex(x.rsp[7] >> 2, ==, 9);
}

/* Clear Message Flags with bit 0 empties the queue with the flag. */
static void test_clear_flushes(void)
{
    struct bmc b;
    struct exchange x;

    bmc_default(&b);
    send(&b, 0, PEER, 0x06, 0x01, 1, 2, false);
    send(&b, 0, PEER, 0x06, 0x01, 2, 2, false);
    x = ASK_AT(&b, 0, APP, 0x30, 0x02);        /* another flag: the queue stays */
    EXPECT(x, APP_RSP, 0x30, 0x00);
    g_assert_cmphex(message_flags(&b), ==, 0x01);
    x = ASK_AT(&b, 0, APP, 0x30, 0x01);
    EXPECT(x, APP_RSP, 0x30, 0x00);
    g_assert_false(x.fx.attention);
    g_assert_cmphex(message_flags(&b), ==, 0);
    EXPECT(get_message(&b), APP_RSP, 0x33, 0x80);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc/messaging/empty", test_empty);
    g_test_add_func("/bmc/messaging/get-device-id", test_get_device_id);
    g_test_add_func("/bmc/messaging/other-command", test_other_command);
    g_test_add_func("/bmc/messaging/refused", test_refused);
    g_test_add_func("/bmc/messaging/sent-unanswered", test_sent_unanswered);
    g_test_add_func("/bmc/messaging/queue-bound", test_queue_bound);
    g_test_add_func("/bmc/messaging/clear-flushes", test_clear_flushes);
    return g_test_run();
}
