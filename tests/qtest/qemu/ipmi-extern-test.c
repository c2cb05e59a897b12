/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtests for ipmi-bmc-extern behind isa-ipmi-bt, with a fake BMC on a TCP socket
 * that frames and checks OpenIPMI's VM protocol on its own (not with the core's
 * codec): what upstream's ipmi-bt-test does not reach. Escaped bytes both ways;
 * broken frames and a stale response before the right one; the BMC's attention and
 * machine commands; and a request always answered: C3h when the BMC is silent for
 * 4 s (its late answer then dropped), D2h when it goes away (and at once while it is
 * away), a new connection announced afresh. And where upstream's device fails: a
 * request while one is still due (upstream aborts), a control command and a response
 * in one chunk (upstream drops the rest of the chunk), a request due across a
 * migration (upstream answers it D2h; here it is sent again and answered).
 */
#include "qemu/osdep.h"

#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "libqtest.h"
#include "qemu/sockets.h"

#include "ipmi-host.h"

#define BT_BASE 0xe4
#define BT_IRQ 5

#define VM_MSG_END 0xa0
#define VM_CMD_END 0xa1
#define VM_ESCAPE 0xaa

#define CC_TIMEOUT 0xc3
#define CC_INIT_IN_PROGRESS 0xd2

/* The BMC's side of the socket. */
typedef struct FakeBmc {
    int port;
    int lfd;
    int fd;
    uint8_t in[1024];
    size_t in_len;
    size_t in_pos;
} FakeBmc;

/* Listens on port (0: any free one). */
static void bmc_listen_on(FakeBmc *b, int port)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port) };
    socklen_t len = sizeof(addr);
    int one = 1;

    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    /* Close-on-exec: a QEMU started later must not keep the BMC's sockets open. */
    b->lfd = qemu_socket(AF_INET, SOCK_STREAM, 0);
    g_assert_cmpint(b->lfd, >=, 0);
    g_assert_cmpint(setsockopt(b->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), ==, 0);
    if (bind(b->lfd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
        g_error("bind to port %d: %s", port, strerror(errno));
    }
    g_assert_cmpint(getsockname(b->lfd, (struct sockaddr *)&addr, &len), ==, 0);
    g_assert_cmpint(listen(b->lfd, 1), ==, 0);
    b->port = ntohs(addr.sin_port);
    b->fd = -1;
    b->in_len = b->in_pos = 0;
}

static void bmc_listen(FakeBmc *b)
{
    bmc_listen_on(b, 0);
}

static int bmc_port(FakeBmc *b)
{
    return b->port;
}

static bool bmc_readable(int fd, int seconds)
{
    fd_set fds;
    struct timeval tv = { .tv_sec = seconds };

    FD_ZERO(&fds);
    FD_SET(fd, &fds);
    return select(fd + 1, &fds, NULL, NULL, &tv) == 1;
}

static void bmc_accept(FakeBmc *b)
{
    int one = 1;

    g_assert_true(bmc_readable(b->lfd, 10));
    b->fd = qemu_accept(b->lfd, NULL, NULL);
    g_assert_cmpint(b->fd, >=, 0);
    g_assert_cmpint(setsockopt(b->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)), ==, 0);
    b->in_len = b->in_pos = 0;
}

static void bmc_hang_up(FakeBmc *b)
{
    close(b->fd);
    b->fd = -1;
}

static void bmc_close(FakeBmc *b)
{
    if (b->fd >= 0) {
        bmc_hang_up(b);
    }
    close(b->lfd);
    b->lfd = -1;
}

/* The next frame from QEMU, unescaped; returns its end marker. */
static uint8_t bmc_read_frame(FakeBmc *b, uint8_t *frame, size_t *len)
{
    size_t n = 0;
    bool escape = false;

    for (;;) {
        uint8_t ch;

        if (b->in_pos == b->in_len) {
            ssize_t got;

            g_assert_true(bmc_readable(b->fd, 10));
            got = read(b->fd, b->in, sizeof(b->in));
            g_assert_cmpint(got, >, 0);
            b->in_len = got;
            b->in_pos = 0;
        }
        ch = b->in[b->in_pos++];
        if (ch == VM_MSG_END || ch == VM_CMD_END) {
            g_assert_false(escape);
            *len = n;
            return ch;
        }
        if (ch == VM_ESCAPE) {
            g_assert_false(escape);
            escape = true;
            continue;
        }
        if (escape) {
            /* Only the three special bytes travel escaped. */
            g_assert_true(ch == 0xb0 || ch == 0xb1 || ch == 0xba);
            ch &= ~0x10;
            escape = false;
        }
        g_assert_cmpuint(n, <, *len);
        frame[n++] = ch;
    }
}

/* Nothing more from QEMU for a while. */
static void bmc_expect_silence(FakeBmc *b)
{
    g_assert_cmpuint(b->in_pos, ==, b->in_len);
    g_assert_false(bmc_readable(b->fd, 0));
}

static void bmc_expect_command(FakeBmc *b, const uint8_t *want, size_t want_len)
{
    uint8_t frame[16];
    size_t len = sizeof(frame);

    g_assert_cmphex(bmc_read_frame(b, frame, &len), ==, VM_CMD_END);
    g_assert_cmpmem(frame, len, want, want_len);
}

/* What ipmi-bmc-extern says when a connection opens: version 1, capabilities 3Fh. */
static void bmc_expect_hello(FakeBmc *b)
{
    bmc_expect_command(b, (const uint8_t[]){ 0xff, 0x01 }, 2);
    bmc_expect_command(b, (const uint8_t[]){ 0x08, 0x3f }, 2);
}

static uint8_t sum(const uint8_t *p, size_t n)
{
    uint8_t s = 0;

    while (n--) {
        s += *p++;
    }
    return s;
}

/* A request: returns its seq; msg gets NetFn/LUN, cmd, data. */
static uint8_t bmc_read_request(FakeBmc *b, uint8_t *msg, size_t *len)
{
    uint8_t frame[IPMI_HOST_MSG_MAX + 2];
    size_t n = sizeof(frame);

    g_assert_cmphex(bmc_read_frame(b, frame, &n), ==, VM_MSG_END);
    g_assert_cmpuint(n, >=, 4);
    g_assert_cmphex(sum(frame, n), ==, 0);
    g_assert_cmpuint(n - 2, <=, *len);
    *len = MIN(n - 2, *len);
    memcpy(msg, frame + 1, *len);
    return frame[0];
}

static void bmc_write(FakeBmc *b, const uint8_t *p, size_t n)
{
    g_assert_cmpint(write(b->fd, p, n), ==, n);
}

static size_t put_escaped(uint8_t *out, uint8_t ch)
{
    if (ch == VM_MSG_END || ch == VM_CMD_END || ch == VM_ESCAPE) {
        out[0] = VM_ESCAPE;
        out[1] = ch | 0x10;
        return 2;
    }
    out[0] = ch;
    return 1;
}

/* The longest response frame on the wire: every byte escaped, then the marker. */
#define RESPONSE_WIRE_MAX (2 * (IPMI_HOST_MSG_MAX + 2) + 1)

/*
 * A response frame for seq into wire[], returning its length: rsp is NetFn/LUN, cmd,
 * completion code, data.
 */
static size_t frame_response(uint8_t *wire, uint8_t seq, const uint8_t *rsp, size_t len)
{
    size_t n = 0, i;

    n += put_escaped(wire + n, seq);
    for (i = 0; i < len; i++) {
        n += put_escaped(wire + n, rsp[i]);
    }
    n += put_escaped(wire + n, -(seq + sum(rsp, len)));
    wire[n++] = VM_MSG_END;
    return n;
}

static void bmc_send_response(FakeBmc *b, uint8_t seq, const uint8_t *rsp, size_t len)
{
    uint8_t wire[RESPONSE_WIRE_MAX];

    bmc_write(b, wire, frame_response(wire, seq, rsp, len));
}

static void bmc_send_command(FakeBmc *b, uint8_t code)
{
    bmc_write(b, (const uint8_t[]){ code, VM_CMD_END }, 2);
}

static const uint8_t get_device_id[] = {
    IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID
};
static const uint8_t device_id_rsp[] = {
    IPMI_NETFN_APP_RESPONSE, IPMI_CMD_GET_DEVICE_ID, 0x00, 0x42, 0x00, 0x03, 0x00,
    0x02, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00
};

static QTestState *extern_start(IPMIHost *h, FakeBmc *b, const char *extra)
{
    QTestState *qts;

    bmc_listen(b);
    qts = qtest_initf("-chardev socket,id=ipmi0,host=127.0.0.1,port=%d,reconnect-ms=100"
                      " -device ipmi-bmc-extern,chardev=ipmi0,id=bmc0"
                      " -device isa-ipmi-bt,bmc=bmc0%s", bmc_port(b), extra);
    ipmi_host_isa(h, qts, IPMI_HOST_BT, BT_BASE, BT_IRQ);
    bmc_accept(b);
    bmc_expect_hello(b);
    return qts;
}

static void extern_stop(IPMIHost *h, FakeBmc *b)
{
    qtest_quit(h->qts);
    ipmi_host_free(h);
    bmc_close(b);
}

/* Waits (in real time: the socket is read by QEMU's main loop) for B2H_ATN. */
static void bt_wait_response(IPMIHost *h)
{
    unsigned count;

    for (count = 0; !(ipmi_host_in(h, BT_CONTROL) & BT_B2H_ATN); count++) {
        g_assert_cmpuint(count, <, 100000);
        g_usleep(100);
    }
}

/* The response the host reads (NetFn/LUN, cmd, completion code, data). */
static size_t bt_read_response(IPMIHost *h, uint8_t seq, uint8_t *rsp, size_t max)
{
    bt_wait_response(h);
    return bt_host_read_response(h, seq, rsp, max);
}

/* The host's request reaches the BMC: returns the seq it travels under. */
static uint8_t bt_request_to_bmc(IPMIHost *h, FakeBmc *b, const uint8_t *msg, size_t len,
                                 uint8_t bt_seq)
{
    uint8_t got[IPMI_HOST_MSG_MAX];
    size_t got_len = sizeof(got);
    uint8_t seq;

    bt_host_write_request(h, msg, len, bt_seq);
    seq = bmc_read_request(b, got, &got_len);
    g_assert_cmpmem(got, got_len, msg, len);
    return seq;
}

static void expect_error(IPMIHost *h, uint8_t bt_seq, const uint8_t *req, uint8_t cc)
{
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    size_t n = bt_read_response(h, bt_seq, rsp, sizeof(rsp));

    g_assert_cmpmem(rsp, n, ((const uint8_t[]){ req[0] | 0x04, req[1], cc }), 3);
}

static void get_device_id_through(IPMIHost *h, FakeBmc *b, uint8_t bt_seq)
{
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    uint8_t seq = bt_request_to_bmc(h, b, get_device_id, sizeof(get_device_id), bt_seq);
    size_t n;

    bmc_send_response(b, seq, device_id_rsp, sizeof(device_id_rsp));
    n = bt_read_response(h, bt_seq, rsp, sizeof(rsp));
    g_assert_cmpmem(rsp, n, device_id_rsp, sizeof(device_id_rsp));
}

/* Special bytes in the request and the response, and as the checksum. */
static void test_escapes(void)
{
    /* An OEM NetFn request with every special byte in its data. */
    static const uint8_t req[] = { 0x3a << 2, 0xa0, 0xa1, 0xaa, 0xb0, 0x10 };
    uint8_t rsp[] = { (0x3a << 2) | 0x04, 0xa0, 0x00, 0xaa, 0xa1, 0xa0, 0x00 };
    uint8_t got[IPMI_HOST_MSG_MAX];
    IPMIHost h;
    FakeBmc b;
    uint8_t seq;
    size_t n;

    extern_start(&h, &b, "");
    seq = bt_request_to_bmc(&h, &b, req, sizeof(req), 1);
    /* The last data byte makes the frame's checksum a special byte, 0xa0. */
    rsp[sizeof(rsp) - 1] = 0x60 - (uint8_t)(seq + sum(rsp, sizeof(rsp) - 1));
    g_assert_cmphex((uint8_t)-(seq + sum(rsp, sizeof(rsp))), ==, 0xa0);
    bmc_send_response(&b, seq, rsp, sizeof(rsp));
    n = bt_read_response(&h, 1, got, sizeof(got));
    g_assert_cmpmem(got, n, rsp, sizeof(rsp));
    extern_stop(&h, &b);
}

/* Broken frames and an answer to another request come first: all are dropped. */
static void test_broken_then_good(void)
{
    IPMIHost h;
    FakeBmc b;
    uint8_t seq, got[IPMI_HOST_MSG_MAX], junk[400];
    size_t n;

    extern_start(&h, &b, "");
    seq = bt_request_to_bmc(&h, &b, get_device_id, sizeof(get_device_id), 2);
    /* A bad checksum, a stray escape, an unknown and a VM-only command. */
    bmc_write(&b, (const uint8_t[]){ seq, 0x1c, 0x01, 0x00, 0x55, VM_MSG_END }, 6);
    bmc_write(&b, (const uint8_t[]){ seq, 0x1c, VM_ESCAPE, 0x01, VM_MSG_END }, 5);
    bmc_write(&b, (const uint8_t[]){ 0x42, VM_CMD_END, 0x08, 0x3f, VM_CMD_END }, 5);
    /* More than a frame holds, of another request. */
    memset(junk, 0x11, sizeof(junk));
    junk[0] = seq + 1;
    junk[sizeof(junk) - 1] = VM_MSG_END;
    bmc_write(&b, junk, sizeof(junk));
    /* A good frame with another seq. */
    bmc_send_response(&b, seq + 1, device_id_rsp, sizeof(device_id_rsp));
    g_usleep(50 * 1000);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL) & BT_B2H_ATN, ==, 0);
    bmc_send_response(&b, seq, device_id_rsp, sizeof(device_id_rsp));
    n = bt_read_response(&h, 2, got, sizeof(got));
    g_assert_cmpmem(got, n, device_id_rsp, sizeof(device_id_rsp));
    get_device_id_through(&h, &b, 3);
    extern_stop(&h, &b);
}

/* A response frame too long for the interface is answered C6h at once. */
static void test_overlong_response(void)
{
    IPMIHost h;
    FakeBmc b;
    uint8_t seq, frame[400];

    extern_start(&h, &b, "");
    seq = bt_request_to_bmc(&h, &b, get_device_id, sizeof(get_device_id), 4);
    memset(frame, 0x11, sizeof(frame));
    frame[0] = seq;
    frame[1] = 0x1c;
    frame[2] = 0x01;
    frame[sizeof(frame) - 1] = VM_MSG_END;
    bmc_write(&b, frame, sizeof(frame));
    expect_error(&h, 4, get_device_id, 0xc6);
    get_device_id_through(&h, &b, 5);
    extern_stop(&h, &b);
}

/* SMS_ATN follows the BMC's ATTN and NOATTN. */
static void test_attention(void)
{
    IPMIHost h;
    FakeBmc b;
    unsigned count;

    extern_start(&h, &b, "");
    bmc_send_command(&b, 0x01);
    for (count = 0; !(ipmi_host_in(&h, BT_CONTROL) & BT_SMS_ATN); count++) {
        g_assert_cmpuint(count, <, 100000);
        g_usleep(100);
    }
    bmc_send_command(&b, 0x00);
    for (count = 0; ipmi_host_in(&h, BT_CONTROL) & BT_SMS_ATN; count++) {
        g_assert_cmpuint(count, <, 100000);
        g_usleep(100);
    }
    extern_stop(&h, &b);
}

/* The BMC's reset and graceful shutdown reach the machine. */
static void test_machine_commands(void)
{
    IPMIHost h;
    FakeBmc b;
    QTestState *qts = extern_start(&h, &b, " -no-shutdown");

    bmc_send_command(&b, 0x04);
    qtest_qmp_eventwait(qts, "RESET");
    bmc_send_command(&b, 0x09);
    qtest_qmp_eventwait(qts, "POWERDOWN");
    bmc_send_command(&b, 0x03);
    qtest_qmp_eventwait(qts, "SHUTDOWN");
    extern_stop(&h, &b);
}

/*
 * A silent BMC: the request is answered C3h once 4 s of machine time have passed
 * since it was sent, not before; the BMC's late answer is then dropped.
 */
static void test_timeout(void)
{
    IPMIHost h;
    FakeBmc b;
    QTestState *qts = extern_start(&h, &b, "");
    uint8_t seq = bt_request_to_bmc(&h, &b, get_device_id, sizeof(get_device_id), 6);

    qtest_clock_step(qts, 3900 * 1000 * 1000LL);
    g_usleep(20 * 1000);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL) & BT_B2H_ATN, ==, 0);
    qtest_clock_step(qts, 200 * 1000 * 1000LL);
    expect_error(&h, 6, get_device_id, CC_TIMEOUT);
    bmc_send_response(&b, seq, device_id_rsp, sizeof(device_id_rsp));
    g_usleep(50 * 1000);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL) & BT_B2H_ATN, ==, 0);
    get_device_id_through(&h, &b, 7);
    extern_stop(&h, &b);
}

/*
 * The BMC goes away with a request due: it is answered D2h, and so is one sent
 * while the BMC is away; once QEMU has connected again it says hello afresh and
 * requests go through.
 */
static void test_disconnect(void)
{
    IPMIHost h;
    FakeBmc b;

    extern_start(&h, &b, "");
    bt_request_to_bmc(&h, &b, get_device_id, sizeof(get_device_id), 8);
    /* Away for good until it listens again: QEMU's reconnects are refused. */
    bmc_close(&b);
    expect_error(&h, 8, get_device_id, CC_INIT_IN_PROGRESS);
    bt_host_write_request(&h, get_device_id, sizeof(get_device_id), 9);
    expect_error(&h, 9, get_device_id, CC_INIT_IN_PROGRESS);
    bmc_listen_on(&b, b.port);
    bmc_accept(&b);
    bmc_expect_hello(&b);
    get_device_id_through(&h, &b, 10);
    bmc_expect_silence(&b);
    extern_stop(&h, &b);
}

static const uint8_t get_self_test[] = { IPMI_NETFN_APP_REQUEST, 0x04 };
static const uint8_t self_test_rsp[] = { IPMI_NETFN_APP_RESPONSE, 0x04, 0x00, 0x55, 0x00 };

/*
 * A request while one is still due: the machine is reset while the BMC is slow to
 * answer, and the guest's driver starts again with a new request. Upstream's device
 * aborts QEMU when a request comes while one is still queued; here the BMC hears of
 * the reset, then gets the new request, and the late answer to the old is dropped.
 */
static void test_request_while_due(void)
{
    IPMIHost h;
    FakeBmc b;
    QTestState *qts = extern_start(&h, &b, "");
    uint8_t got[IPMI_HOST_MSG_MAX];
    size_t len = sizeof(got), n;
    uint8_t old_seq, seq;

    old_seq = bt_request_to_bmc(&h, &b, get_device_id, sizeof(get_device_id), 14);
    qtest_qmp_assert_success(qts, "{ 'execute': 'system_reset' }");
    bmc_expect_command(&b, (const uint8_t[]){ 0x04 }, 1);
    bt_host_write_request(&h, get_self_test, sizeof(get_self_test), 15);
    seq = bmc_read_request(&b, got, &len);
    g_assert_cmpmem(got, len, get_self_test, sizeof(get_self_test));
    bmc_send_response(&b, old_seq, device_id_rsp, sizeof(device_id_rsp));
    if (seq != old_seq) {
        g_usleep(50 * 1000);
        g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL) & BT_B2H_ATN, ==, 0);
    }
    bmc_send_response(&b, seq, self_test_rsp, sizeof(self_test_rsp));
    n = bt_read_response(&h, 15, got, sizeof(got));
    g_assert_cmpmem(got, n, self_test_rsp, sizeof(self_test_rsp));
    extern_stop(&h, &b);
}

/*
 * A control command and a response in one chunk from the socket: upstream's device
 * handles the command and drops the rest of what it was handed (it asks for one byte
 * per read, which hides that). This device reads whole chunks: both take effect.
 */
static void test_command_and_response_in_one_chunk(void)
{
    IPMIHost h;
    FakeBmc b;
    uint8_t seq, got[IPMI_HOST_MSG_MAX];
    uint8_t chunk[2 + RESPONSE_WIRE_MAX] = { 0x01, VM_CMD_END }; /* ATTN */
    size_t n;

    extern_start(&h, &b, "");
    seq = bt_request_to_bmc(&h, &b, get_device_id, sizeof(get_device_id), 13);
    n = 2 + frame_response(chunk + 2, seq, device_id_rsp, sizeof(device_id_rsp));
    bmc_write(&b, chunk, n);
    bt_wait_response(&h);
    g_assert_cmphex(ipmi_host_in(&h, BT_CONTROL) & BT_SMS_ATN, ==, BT_SMS_ATN);
    ipmi_host_out(&h, BT_CONTROL, BT_SMS_ATN); /* the host clears it (write 1) */
    n = bt_read_response(&h, 13, got, sizeof(got));
    g_assert_cmpmem(got, n, device_id_rsp, sizeof(device_id_rsp));
    extern_stop(&h, &b);
}

/*
 * Migrated with a request due: the new QEMU, connected to the BMC on its own, says
 * hello, sends the request again, and the guest gets the BMC's answer (upstream's
 * answers D2h). Then it carries on.
 */
static void test_migration(void)
{
    IPMIHost h, h2;
    FakeBmc b;
    QTestState *to;
    g_autofree char *args = NULL;
    uint8_t got[IPMI_HOST_MSG_MAX];
    size_t len = sizeof(got), n;
    uint8_t seq;

    extern_start(&h, &b, "");
    bt_request_to_bmc(&h, &b, get_device_id, sizeof(get_device_id), 11);
    args = g_strdup_printf("-chardev socket,id=ipmi0,host=127.0.0.1,port=%d,"
                           "reconnect-ms=100"
                           " -device ipmi-bmc-extern,chardev=ipmi0,id=bmc0"
                           " -device isa-ipmi-bt,bmc=bmc0", bmc_port(&b));
    to = ipmi_host_migrate(h.qts, args);
    ipmi_host_isa_migrated(&h2, to, &h);
    qtest_quit(h.qts);
    ipmi_host_free(&h);
    bmc_hang_up(&b);
    bmc_accept(&b);
    bmc_expect_hello(&b);
    seq = bmc_read_request(&b, got, &len);
    g_assert_cmpmem(got, len, get_device_id, sizeof(get_device_id));
    bmc_send_response(&b, seq, device_id_rsp, sizeof(device_id_rsp));
    n = bt_read_response(&h2, 11, got, sizeof(got));
    g_assert_cmpmem(got, n, device_id_rsp, sizeof(device_id_rsp));
    get_device_id_through(&h2, &b, 12);
    extern_stop(&h2, &b);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/ipmi/extern/escapes", test_escapes);
    qtest_add_func("/ipmi/extern/broken-then-good", test_broken_then_good);
    qtest_add_func("/ipmi/extern/overlong-response", test_overlong_response);
    qtest_add_func("/ipmi/extern/attention", test_attention);
    qtest_add_func("/ipmi/extern/machine-commands", test_machine_commands);
    qtest_add_func("/ipmi/extern/timeout", test_timeout);
    qtest_add_func("/ipmi/extern/disconnect", test_disconnect);
    qtest_add_func("/ipmi/extern/request-while-due", test_request_while_due);
    qtest_add_func("/ipmi/extern/command-and-response-in-one-chunk",
                   test_command_and_response_in_one_chunk);
    qtest_add_func("/ipmi/extern/migration", test_migration);
    return g_test_run();
}
