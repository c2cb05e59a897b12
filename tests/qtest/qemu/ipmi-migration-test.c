/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtests for the migration of each system interface (isa-ipmi-kcs,
 * pci-ipmi-kcs, isa-ipmi-bt, pci-ipmi-bt), with the in-QEMU BMC and
 * interrupts on: a Get Device ID transfer is migrated through a file into a
 * fresh QEMU twice, once with the request half written and once with the
 * response half read; the last QEMU finishes it and must hand out the same
 * response, byte for byte, with the interrupt working. A stream whose
 * interface state breaks the machine's invariant is refused, and the QEMU it
 * was for says why.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#include "ipmi-host.h"

#define DEVICE_ID 0x42
#define FWREV1 3

typedef struct MigrateCase {
    const char *device;
    IPMIHostKind kind;
    bool pci;
    uint16_t port;              /* ISA */
    int irq;                    /* ISA */
    const char *section;        /* the section's idstr (ISA) */
    size_t bad_offset;          /* a byte of it that 7Fh makes inconsistent */
    const char *refusal;        /* what the loading QEMU then says */
} MigrateCase;

static const MigrateCase cases[] = {
    /*
     * Upstream's layout: status_reg at 616 (after 3 bools, outpos, outlen,
     * outmsg[300], inlen, inmsg[300], write_end). 7Fh is the read state with IBF
     * set, which only a BMC holding a request in the write state can leave.
     */
    { "isa-ipmi-kcs", IPMI_HOST_KCS, false, 0xca2, 5, "ipmi-interface", 616,
      "ipmi-kcs: migrated KCS state is not one the interface can be in "
      "(status 7f," },
    { "pci-ipmi-kcs", IPMI_HOST_KCS, true },
    /*
     * Upstream's layout: outpos (big-endian, after 3 bools) ends at 6. With only
     * half a request written there is no response (outpos = outlen = 0): 7Fh
     * puts the read pointer past its end.
     */
    { "isa-ipmi-bt", IPMI_HOST_BT, false, 0xe4, 5, "ipmi-interface-isa-bt", 6,
      "ipmi-bt: migrated BT state is not one the interface can be in "
      "(control 00, mask 00, in 3, out 0 at 127," },
    { "pci-ipmi-bt", IPMI_HOST_BT, true },
};

static const uint8_t get_device_id[] = {
    IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID
};

static char *case_args(const MigrateCase *c)
{
    return g_strdup_printf("-M q35 -device ipmi-bmc-sim,id=bmc0,device_id=%d,"
                           "fwrev1=%d -device %s,bmc=bmc0", DEVICE_ID, FWREV1,
                           c->device);
}

static void host_attach(const MigrateCase *c, IPMIHost *h, QTestState *qts)
{
    if (c->pci) {
        ipmi_host_pci(h, qts, c->kind);
    } else {
        ipmi_host_isa(h, qts, c->kind, c->port, c->irq);
    }
}

/* What the host sees of the interface without changing it. */
static uint16_t visible_state(IPMIHost *h)
{
    if (h->kind == IPMI_HOST_BT) {
        return ipmi_host_in(h, BT_CONTROL) << 8 | ipmi_host_in(h, BT_INTMASK);
    }
    return ipmi_host_in(h, 1);
}

/*
 * Migrates the interface h talks to into a fresh QEMU; h then talks to that
 * one, which must show the host what the old one did.
 */
static void migrate(const MigrateCase *c, IPMIHost *h)
{
    g_autofree char *args = case_args(c);
    uint16_t before = visible_state(h);
    QTestState *qts = ipmi_host_migrate(h->qts, args);
    IPMIHost moved;

    if (c->pci) {
        ipmi_host_pci_migrated(&moved, qts, h);
    } else {
        ipmi_host_isa_migrated(&moved, qts, h);
    }
    qtest_quit(h->qts);
    ipmi_host_free(h);
    *h = moved;
    g_assert_cmphex(visible_state(h), ==, before);
}

/* The request's first half: KCS's NetFn byte, BT's length, NetFn and seq. */
static void write_first_half(IPMIHost *h)
{
    if (h->kind == IPMI_HOST_BT) {
        bt_host_begin_write(h);
        bt_host_write_byte(h, sizeof(get_device_id) + 1);
        bt_host_write_byte(h, get_device_id[0]);
        bt_host_write_byte(h, h->seq);
    } else {
        kcs_host_write_start(h);
        kcs_host_write_byte(h, get_device_id[0]);
    }
}

static void write_second_half(IPMIHost *h)
{
    if (h->kind == IPMI_HOST_BT) {
        bt_host_write_byte(h, get_device_id[1]);
        bt_host_end_write(h);
    } else {
        kcs_host_write_last(h, get_device_id[1]);
    }
}

/*
 * Reads n bytes of the response (NetFn/LUN, cmd, ...) into rsp; BT's length
 * and seq bytes are checked and left out. Returns the response's length, as
 * far as it is known (BT: from its length byte; KCS: n).
 */
static size_t read_first_bytes(IPMIHost *h, uint8_t *rsp, size_t n)
{
    size_t i;
    size_t len;

    if (h->kind == IPMI_HOST_BT) {
        bt_host_begin_read(h);
        len = bt_host_read_byte(h) - 1;
        rsp[0] = bt_host_read_byte(h);
        g_assert_cmphex(bt_host_read_byte(h), ==, h->seq);
        for (i = 1; i < n; i++) {
            rsp[i] = bt_host_read_byte(h);
        }
        return len;
    }
    for (i = 0; i < n; i++) {
        g_assert_true(kcs_host_read_byte(h, &rsp[i]));
    }
    return n;
}

/* Reads the rest, from byte n on; returns the response's length. */
static size_t read_rest(IPMIHost *h, uint8_t *rsp, size_t n, size_t len)
{
    size_t i;

    if (h->kind == IPMI_HOST_BT) {
        for (i = n; i < len; i++) {
            rsp[i] = bt_host_read_byte(h);
        }
        /* Past the end the buffer reads 0xff. */
        g_assert_cmphex(bt_host_read_byte(h), ==, 0xff);
        bt_host_end_read(h);
        h->seq++;
        return len;
    }
    for (i = n; kcs_host_read_byte(h, &rsp[i]); i++) {
        g_assert_cmpuint(i, <, IPMI_HOST_MSG_MAX - 1);
    }
    return i;
}

static void test_migrate_transfer(const void *data)
{
    const MigrateCase *c = data;
    g_autofree char *args = case_args(c);
    uint8_t expected[IPMI_HOST_MSG_MAX], rsp[IPMI_HOST_MSG_MAX];
    size_t expected_len, len;
    IPMIHost h;

    host_attach(c, &h, qtest_init(args));
    ipmi_host_enable_irqs(&h);
    expected_len = ipmi_host_transfer(&h, get_device_id, sizeof(get_device_id),
                                      expected, sizeof(expected));
    ipmi_host_check_device_id(expected, expected_len, DEVICE_ID, FWREV1);

    write_first_half(&h);
    migrate(c, &h);
    write_second_half(&h);
    len = read_first_bytes(&h, rsp, 4);
    migrate(c, &h);
    len = read_rest(&h, rsp, 4, len);

    g_assert_cmpuint(len, ==, expected_len);
    g_assert_cmpmem(rsp, len, expected, expected_len);

    /* The next transfer, interrupts and all, on the last QEMU. */
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_check_irq(&h, false);
    qtest_quit(h.qts);
    ipmi_host_free(&h);
}

/*
 * A byte of upstream's fields set to 7Fh, which makes them a state the
 * machine's invariant forbids: the load fails and the QEMU it was for says why
 * on its stderr (libqtest starts QEMU through sh -c, so the arguments can
 * redirect it); the same stream unchanged loads.
 */
static void test_refuse_inconsistent(const void *data)
{
    const MigrateCase *c = data;
    g_autofree char *args = case_args(c);
    g_autofree char *log = NULL;
    g_autofree char *logged_args = NULL;
    g_autofree char *said = NULL;
    QTestState *from, *to;
    IPMIHost h;
    char *path;
    bool loaded;

    from = qtest_init(args);
    host_attach(c, &h, from);
    write_first_half(&h);
    path = ipmi_host_save(from);

    to = ipmi_host_load(path, args, &loaded);
    g_assert_true(loaded);
    qtest_quit(to);

    ipmi_host_patch_saved(path, c->section, c->bad_offset, 0x7f);
    log = g_strdup_printf("%s.stderr", path);
    logged_args = g_strdup_printf("%s 2>%s", args, log);
    to = ipmi_host_load(path, logged_args, &loaded);
    g_assert_false(loaded);
    qtest_quit(to);
    g_assert_true(g_file_get_contents(log, &said, NULL, NULL));
    g_test_message("the loading QEMU said: %s", said);
    g_assert_nonnull(strstr(said, c->refusal));
    unlink(log);

    ipmi_host_remove_saved(path);
    qtest_quit(from);
    ipmi_host_free(&h);
}

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *name = g_strdup_printf("/ipmi/%s/migrate-transfer",
                                                cases[i].device);

        qtest_add_data_func(name, &cases[i], test_migrate_transfer);
        if (!cases[i].pci) {
            g_autofree char *refuse =
                g_strdup_printf("/ipmi/%s/refuse-inconsistent",
                                cases[i].device);

            qtest_add_data_func(refuse, &cases[i], test_refuse_inconsistent);
        }
    }
    return g_test_run();
}
