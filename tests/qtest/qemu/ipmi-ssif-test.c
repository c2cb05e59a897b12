/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtests for smbus-ipmi (SSIF) with the in-QEMU BMC on q35, at SMBus level:
 * the test is the host's SMBus driver, programming the ICH9 SMBus controller
 * (00:1f.3) as Linux's i2c-i801 does in block-buffer mode, and speaking SSIF
 * (IPMI v2.0 section 12) through it as Linux's ipmi_ssif does.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "libqos/pci.h"
#include "libqos/pci-pc.h"
#include "hw/pci/pci_regs.h"
#include "qobject/qdict.h"

#include "ipmi-host.h"

#define DEVICE_ID 0x42
#define FWREV1 3

/* ICH9 SMBus: PCI function, its I/O BAR and host configuration. */
#define SMB_DEVFN QPCI_DEVFN(0x1f, 3)
#define SMB_BAR 4
#define SMB_HOSTC 0x40
#define SMB_HOSTC_HST_EN 0x01

/* i801 host registers. */
#define HST_STS 0x00
#define HST_CNT 0x02
#define HST_CMD 0x03
#define XMIT_SLVA 0x04
#define HST_D0 0x05
#define HST_BLOCK_DB 0x07
#define HST_AUXCTL 0x0d

#define STS_HOST_BUSY 0x01
#define STS_INTR 0x02
#define STS_DEV_ERR 0x04
#define STS_ALL 0xfe
#define CNT_START 0x40
#define CNT_BLOCK_DATA (5 << 2)
#define AUXCTL_BLOCK_BUFFER 0x02

/* SSIF's SMBus commands. */
#define SSIF_WRITE_SINGLE 0x02
#define SSIF_WRITE_START 0x06
#define SSIF_WRITE_MIDDLE 0x07
#define SSIF_WRITE_END 0x08
#define SSIF_READ_START 0x03
#define SSIF_READ_MIDDLE 0x09
#define SSIF_READ_RETRY 0x0a
#define SSIF_CHUNK 32

#define IPMI_CMD_GET_SYS_INTF_CAPS 0x57

#define SSIF_DEFAULT_ADDR 0x10
#define SSIF_ALERT "smbus-alert"
#define SSIF_PATH "/machine/peripheral/ssif0"

typedef struct SMBusHost {
    QTestState *qts;
    QPCIBus *bus;
    QPCIDevice *dev;
    QPCIBar bar;
    uint8_t addr;               /* the BMC's, 7-bit */
} SMBusHost;

static char *ssif_args(const char *extra)
{
    return g_strdup_printf("-M q35 -device ipmi-bmc-sim,id=bmc0,device_id=%d,"
                           "fwrev1=%d -device smbus-ipmi,id=ssif0,bmc=bmc0%s",
                           DEVICE_ID, FWREV1, extra ? extra : "");
}

/*
 * Finds the ICH9 SMBus function and turns on its host interface: the BAR
 * mapped (programmed now, or kept as a migrated machine has it), I/O decoding
 * and HST_EN in its host configuration register.
 */
static void smbus_attach(SMBusHost *h, QTestState *qts, uint8_t addr, bool migrated)
{
    h->qts = qts;
    h->addr = addr;
    h->bus = qpci_new_pc(qts, NULL);
    h->dev = qpci_device_find(h->bus, SMB_DEVFN);
    g_assert_nonnull(h->dev);
    if (migrated) {
        uint32_t bar = qpci_config_readl(h->dev, PCI_BASE_ADDRESS_0 + 4 * SMB_BAR);

        g_assert_cmphex(qpci_config_readb(h->dev, SMB_HOSTC) & SMB_HOSTC_HST_EN,
                        ==, SMB_HOSTC_HST_EN);
        h->bar = qpci_legacy_iomap(h->dev, bar & PCI_BASE_ADDRESS_IO_MASK);
    } else {
        h->bar = qpci_iomap(h->dev, SMB_BAR, NULL);
        qpci_device_enable(h->dev);
        qpci_config_writeb(h->dev, SMB_HOSTC, SMB_HOSTC_HST_EN);
    }
    qpci_io_writeb(h->dev, h->bar, HST_AUXCTL, AUXCTL_BLOCK_BUFFER);
}

static void smbus_detach(SMBusHost *h)
{
    g_free(h->dev);
    qpci_free_pc(h->bus);
}

static uint8_t smb_in(SMBusHost *h, uint8_t reg)
{
    return qpci_io_readb(h->dev, h->bar, reg);
}

static void smb_out(SMBusHost *h, uint8_t reg, uint8_t value)
{
    qpci_io_writeb(h->dev, h->bar, reg, value);
}

/*
 * Starts the transaction set up in the registers and waits for its end, as
 * i801_transaction does: true when the device acknowledged it.
 */
static bool smb_run(SMBusHost *h)
{
    uint8_t sts;
    int i;

    smb_out(h, HST_CNT, CNT_BLOCK_DATA | CNT_START);
    for (i = 0; i < 100; i++) {
        sts = smb_in(h, HST_STS);
        if (!(sts & STS_HOST_BUSY)) {
            break;
        }
    }
    g_assert_false(sts & STS_HOST_BUSY);
    return !(sts & STS_DEV_ERR) && (sts & STS_INTR);
}

/* An SMBus block write of len (<= 32) bytes with command cmd. */
static bool smb_block_write(SMBusHost *h, uint8_t cmd, const uint8_t *data, size_t len)
{
    size_t i;

    g_assert_cmpuint(len, <=, SSIF_CHUNK);
    smb_out(h, HST_STS, STS_ALL);
    smb_out(h, XMIT_SLVA, h->addr << 1);
    smb_out(h, HST_CMD, cmd);
    smb_out(h, HST_D0, len);
    for (i = 0; i < len; i++) {
        smb_out(h, HST_BLOCK_DB, data[i]);
    }
    return smb_run(h);
}

/* An SMBus block read with command cmd: its byte count, or -1 if NAKed. */
static int smb_block_read(SMBusHost *h, uint8_t cmd, uint8_t *data)
{
    int len, i;

    smb_out(h, HST_STS, STS_ALL);
    smb_out(h, XMIT_SLVA, h->addr << 1 | 1);
    smb_out(h, HST_CMD, cmd);
    if (!smb_run(h)) {
        return -1;
    }
    len = smb_in(h, HST_D0);
    g_assert_cmpint(len, <=, SSIF_CHUNK);
    for (i = 0; i < len; i++) {
        data[i] = smb_in(h, HST_BLOCK_DB);
    }
    return len;
}

/* A request as ipmi_ssif writes it: single part, or start, middles and end. */
static void ssif_write_request(SMBusHost *h, const uint8_t *msg, size_t len)
{
    size_t pos;

    if (len <= SSIF_CHUNK) {
        g_assert_true(smb_block_write(h, SSIF_WRITE_SINGLE, msg, len));
        return;
    }
    g_assert_true(smb_block_write(h, SSIF_WRITE_START, msg, SSIF_CHUNK));
    for (pos = SSIF_CHUNK; len - pos > SSIF_CHUNK; pos += SSIF_CHUNK) {
        g_assert_true(smb_block_write(h, SSIF_WRITE_MIDDLE, msg + pos, SSIF_CHUNK));
    }
    g_assert_true(smb_block_write(h, SSIF_WRITE_END, msg + pos, len - pos));
}

/*
 * The response as ipmi_ssif reads it: a first block that, beginning 00h 01h,
 * is the first of several, then middles numbered from 0 until the end marker.
 */
static size_t ssif_read_response(SMBusHost *h, uint8_t *rsp, size_t max)
{
    uint8_t block[SSIF_CHUNK];
    int len = smb_block_read(h, SSIF_READ_START, block);
    size_t total = 0;
    uint8_t want = 0;

    g_assert_cmpint(len, >, 0);
    if (len < SSIF_CHUNK || block[0] != 0x00 || block[1] != 0x01) {
        g_assert_cmpuint(len, <=, max);
        memcpy(rsp, block, len);
        return len;
    }
    memcpy(rsp, block + 2, len - 2);
    total = len - 2;
    for (;;) {
        len = smb_block_read(h, SSIF_READ_MIDDLE, block);
        g_assert_cmpint(len, >=, 1);
        g_assert_cmpuint(total + len - 1, <=, max);
        memcpy(rsp + total, block + 1, len - 1);
        total += len - 1;
        if (block[0] == 0xff) {
            return total;
        }
        g_assert_cmphex(block[0], ==, want);
        want++;
    }
}

static size_t ssif_transfer(SMBusHost *h, const uint8_t *req, size_t len,
                            uint8_t *rsp, size_t max)
{
    ssif_write_request(h, req, len);
    return ssif_read_response(h, rsp, max);
}

static void ssif_get_device_id(SMBusHost *h)
{
    static const uint8_t req[] = { IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    size_t len = ssif_transfer(h, req, sizeof(req), rsp, sizeof(rsp));

    ipmi_host_check_device_id(rsp, len, DEVICE_ID, FWREV1);
}

static int64_t qom_get_int(QTestState *qts, const char *path, const char *name)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments':"
                           " {'path': %s, 'property': %s}}", path, name);
    int64_t value = qdict_get_int(rsp, "return");

    qobject_unref(rsp);
    return value;
}

/* Get Device ID in one part each way; then capabilities, answered by SSIF. */
static void test_single_part(void)
{
    g_autofree char *args = ssif_args(NULL);
    QTestState *qts = qtest_init(args);
    static const uint8_t caps[] = {
        IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_SYS_INTF_CAPS, 0x00
    };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    SMBusHost h;
    size_t len;

    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, false);
    ssif_get_device_id(&h);
    /* IPMI 2.0 table 22-16 for SSIF: multi-part with middles, 255 both ways. */
    len = ssif_transfer(&h, caps, sizeof(caps), rsp, sizeof(rsp));
    g_assert_cmpuint(len, ==, 7);
    g_assert_cmphex(rsp[0], ==, IPMI_NETFN_APP_RESPONSE);
    g_assert_cmphex(rsp[1], ==, IPMI_CMD_GET_SYS_INTF_CAPS);
    g_assert_cmphex(rsp[2], ==, 0x00);
    g_assert_cmphex(rsp[4] >> 6, ==, 2);
    g_assert_cmphex(rsp[4] & 0x08, ==, 0);     /* no PEC */
    g_assert_cmpuint(rsp[5], ==, 255);
    g_assert_cmpuint(rsp[6], ==, 255);
    smbus_detach(&h);
    qtest_quit(qts);
}

#define IPMI_CMD_GET_BMC_GLOBAL_ENABLES 0x2f
/* Event message buffer and system event log: no interrupt, so no alert. */
#define ENABLES 0x0c

/*
 * A Set BMC Global Enables of len bytes (the BMC ignores the bytes after the
 * enables), for a request longer than a chunk.
 */
static void long_set_enables(uint8_t *req, size_t len, uint8_t enables)
{
    size_t i;

    req[0] = IPMI_NETFN_APP_REQUEST;
    req[1] = IPMI_CMD_SET_BMC_GLOBAL_ENABLES;
    req[2] = enables;
    for (i = 3; i < len; i++) {
        req[i] = 0xa0 + i;
    }
}

/* The BMC's global enables, as Get BMC Global Enables reads them. */
static uint8_t get_enables(SMBusHost *h)
{
    static const uint8_t req[] = {
        IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_BMC_GLOBAL_ENABLES
    };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    size_t len = ssif_transfer(h, req, sizeof(req), rsp, sizeof(rsp));

    g_assert_cmpuint(len, ==, 4);
    g_assert_cmphex(rsp[2], ==, 0x00);
    return rsp[3];
}

static void check_set_enables_answer(const uint8_t *rsp, size_t len)
{
    g_assert_cmpuint(len, ==, 3);
    g_assert_cmphex(rsp[0], ==, IPMI_NETFN_APP_RESPONSE);
    g_assert_cmphex(rsp[1], ==, IPMI_CMD_SET_BMC_GLOBAL_ENABLES);
    g_assert_cmphex(rsp[2], ==, 0x00);
}

/*
 * A request of 75 bytes in three parts (start, middle, end): the BMC gets it
 * only after the end part (a read between the parts is not acknowledged), as
 * one message, and does what it says.
 */
static void test_multi_part_write(void)
{
    g_autofree char *args = ssif_args(NULL);
    QTestState *qts = qtest_init(args);
    uint8_t req[75];
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    SMBusHost h;
    size_t len;

    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, false);
    g_assert_cmphex(get_enables(&h), !=, ENABLES);
    long_set_enables(req, sizeof(req), ENABLES);
    g_assert_true(smb_block_write(&h, SSIF_WRITE_START, req, SSIF_CHUNK));
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_START, rsp), ==, -1);
    g_assert_true(smb_block_write(&h, SSIF_WRITE_MIDDLE, req + 32, SSIF_CHUNK));
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_START, rsp), ==, -1);
    g_assert_true(smb_block_write(&h, SSIF_WRITE_END, req + 64, sizeof(req) - 64));
    len = ssif_read_response(&h, rsp, sizeof(rsp));
    check_set_enables_answer(rsp, len);
    g_assert_cmphex(get_enables(&h), ==, ENABLES);

    /* A middle part shorter than a chunk ends a request too (as upstream). */
    long_set_enables(req, sizeof(req), ENABLES | 0x80);
    g_assert_true(smb_block_write(&h, SSIF_WRITE_START, req, SSIF_CHUNK));
    g_assert_true(smb_block_write(&h, SSIF_WRITE_MIDDLE, req + 32, 5));
    len = ssif_read_response(&h, rsp, sizeof(rsp));
    check_set_enables_answer(rsp, len);
    ssif_get_device_id(&h);
    smbus_detach(&h);
    qtest_quit(qts);
}

/*
 * Reads with nothing to read are not acknowledged: before any request, a
 * middle before a start, a middle past the end of a response in one chunk.
 * Retry 0Ah with no block number (all QEMU's SMBus host can send) gives the
 * first chunk again.
 */
static void test_nak_and_retry(void)
{
    g_autofree char *args = ssif_args(NULL);
    QTestState *qts = qtest_init(args);
    static const uint8_t req[] = { IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID };
    uint8_t block[SSIF_CHUNK], again[SSIF_CHUNK];
    SMBusHost h;
    int len;

    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, false);
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_START, block), ==, -1);
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_MIDDLE, block), ==, -1);
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_RETRY, block), ==, -1);
    /* Not an SSIF read command. */
    ssif_write_request(&h, req, sizeof(req));
    g_assert_cmpint(smb_block_read(&h, 0x42, block), ==, -1);

    len = smb_block_read(&h, SSIF_READ_START, block);
    ipmi_host_check_device_id(block, len, DEVICE_ID, FWREV1);
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_MIDDLE, again), ==, -1);
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_RETRY, again), ==, -1);
    /* The response stays until the next request: read it again. */
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_START, again), ==, len);
    g_assert_cmpmem(block, len, again, len);
    /* After the bus NAKed, the next transfer still works. */
    ssif_get_device_id(&h);
    smbus_detach(&h);
    qtest_quit(qts);
}

/*
 * The BMC at 0x10 with no options, and only there; address= moves it (upstream's
 * I2C property), and the firmware tables follow (ipmi-fwinfo-test checks them).
 */
static void test_address(void)
{
    g_autofree char *args = ssif_args(",address=0x20");
    QTestState *qts = qtest_init(args);
    uint8_t block[SSIF_CHUNK];
    SMBusHost h;

    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, false);
    g_assert_cmpint(qom_get_int(qts, SSIF_PATH, "address"), ==, 0x20);
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_START, block), ==, -1);
    /* Nothing at 0x10: the write is not acknowledged either. */
    g_assert_false(smb_block_write(&h, SSIF_WRITE_SINGLE, block, 2));
    h.addr = 0x20;
    ssif_get_device_id(&h);
    smbus_detach(&h);
    qtest_quit(qts);

    g_free(args);
    args = ssif_args(NULL);
    qts = qtest_init(args);
    g_assert_cmpint(qom_get_int(qts, SSIF_PATH, "address"), ==,
                    SSIF_DEFAULT_ADDR);
    qtest_quit(qts);
}

/* Get Device ID with alerts enabled: the alert is up until the answer is read. */
static void alerted_get_device_id(SMBusHost *h, QTestState *qts)
{
    static const uint8_t req[] = { IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    size_t len;

    ssif_write_request(h, req, sizeof(req));
    g_assert_true(qtest_get_irq(qts, 0));
    len = ssif_read_response(h, rsp, sizeof(rsp));
    ipmi_host_check_device_id(rsp, len, DEVICE_ID, FWREV1);
    g_assert_false(qtest_get_irq(qts, 0));
}

/*
 * SMBus alert: off until the BMC enables it (Set BMC Global Enables, receive
 * message queue interrupt, as ipmi_ssif asks when it can take alerts); then up
 * while a response waits, down once the host reads it; and still enabled after a
 * migration whose stream has no room for it.
 */
static void test_alert(void)
{
    g_autofree char *args = ssif_args(NULL);
    QTestState *qts = qtest_init(args);
    static const uint8_t enable[] = {
        IPMI_NETFN_APP_REQUEST, IPMI_CMD_SET_BMC_GLOBAL_ENABLES, 0x09
    };
    static const uint8_t req[] = { IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    SMBusHost h;
    size_t len;

    qtest_irq_intercept_out_named(qts, SSIF_PATH, SSIF_ALERT);
    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, false);
    ssif_write_request(&h, req, sizeof(req));
    g_assert_false(qtest_get_irq(qts, 0));
    ssif_read_response(&h, rsp, sizeof(rsp));

    /* The BMC turns alerts on before it answers: its answer raises one. */
    ssif_write_request(&h, enable, sizeof(enable));
    g_assert_true(qtest_get_irq(qts, 0));
    len = ssif_read_response(&h, rsp, sizeof(rsp));
    g_assert_cmpuint(len, ==, 3);
    g_assert_cmphex(rsp[2], ==, 0x00);
    g_assert_false(qtest_get_irq(qts, 0));

    alerted_get_device_id(&h, qts);

    /*
     * Moved with an answer waiting and the alert up, the stream is upstream's
     * fields alone, which hold no alert enable: the BMC tells the interface
     * again after the load, and the alert is up there too.
     */
    ssif_write_request(&h, req, sizeof(req));
    g_assert_true(qtest_get_irq(qts, 0));
    smbus_detach(&h);
    qts = ipmi_host_migrate_watching(qts, args, SSIF_PATH, SSIF_ALERT);
    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, true);
    g_assert_true(qtest_get_irq(qts, 0));
    len = ssif_read_response(&h, rsp, sizeof(rsp));
    ipmi_host_check_device_id(rsp, len, DEVICE_ID, FWREV1);
    g_assert_false(qtest_get_irq(qts, 0));
    alerted_get_device_id(&h, qts);
    smbus_detach(&h);
    qtest_quit(qts);
}

/*
 * Migration through a file in the middle of transactions: with the first part
 * of a multi-part request written, and with a response waiting unread; the
 * last QEMU finishes both. Each stream is upstream's section "smbus-ipmi".
 */
static void test_migrate(void)
{
    g_autofree char *args = ssif_args(NULL);
    QTestState *qts = qtest_init(args);
    uint8_t req[40];
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    SMBusHost h;
    size_t len;

    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, false);
    ssif_get_device_id(&h);

    /* A 40-byte request: its start part, then the move. */
    long_set_enables(req, sizeof(req), ENABLES);
    g_assert_true(smb_block_write(&h, SSIF_WRITE_START, req, SSIF_CHUNK));
    smbus_detach(&h);
    qts = ipmi_host_migrate(qts, args);
    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, true);
    g_assert_cmpint(smb_block_read(&h, SSIF_READ_START, rsp), ==, -1);
    g_assert_true(smb_block_write(&h, SSIF_WRITE_END, req + SSIF_CHUNK,
                                  sizeof(req) - SSIF_CHUNK));

    /* The answer waiting: move again, then read it. */
    smbus_detach(&h);
    qts = ipmi_host_migrate(qts, args);
    smbus_attach(&h, qts, SSIF_DEFAULT_ADDR, true);
    len = ssif_read_response(&h, rsp, sizeof(rsp));
    check_set_enables_answer(rsp, len);
    g_assert_cmphex(get_enables(&h), ==, ENABLES);
    ssif_get_device_id(&h);
    smbus_detach(&h);
    qtest_quit(qts);
}

/*
 * A stream that decodes to no state the machine can be in is refused: a
 * request of one byte with no response (upstream's inlen 1, its first byte at
 * offset 1 + 4 + 4 + 255 + 4 + 33 + 3 after the SMBus slave's fields). The
 * same stream unchanged loads.
 */
#define SMBUS_SLAVE_FIELDS (1 + 4 + 4 + 34)     /* address, mode, data_len, data_buf */
#define INLEN_LOW_BYTE (SMBUS_SLAVE_FIELDS + 1 + 4 + 4 + 255 + 4 + 33 + 3)
#define OUTLEN_LOW_BYTE (SMBUS_SLAVE_FIELDS + 1 + 3)

static void test_refuse_inconsistent(void)
{
    g_autofree char *args = ssif_args(NULL);
    QTestState *from = qtest_init(args), *to;
    SMBusHost h;
    char *path;
    bool loaded;

    smbus_attach(&h, from, SSIF_DEFAULT_ADDR, false);
    ssif_get_device_id(&h);
    path = ipmi_host_save(from);

    to = ipmi_host_load(path, args, &loaded);
    g_assert_true(loaded);
    qtest_quit(to);

    ipmi_host_patch_saved(path, "smbus-ipmi", OUTLEN_LOW_BYTE, 0);
    ipmi_host_patch_saved(path, "smbus-ipmi", INLEN_LOW_BYTE, 1);
    to = ipmi_host_load(path, args, &loaded);
    g_assert_false(loaded);
    qtest_quit(to);

    ipmi_host_remove_saved(path);
    smbus_detach(&h);
    qtest_quit(from);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/ipmi/smbus-ipmi/single-part", test_single_part);
    qtest_add_func("/ipmi/smbus-ipmi/multi-part-write", test_multi_part_write);
    qtest_add_func("/ipmi/smbus-ipmi/nak-and-retry", test_nak_and_retry);
    qtest_add_func("/ipmi/smbus-ipmi/address", test_address);
    qtest_add_func("/ipmi/smbus-ipmi/alert", test_alert);
    qtest_add_func("/ipmi/smbus-ipmi/migrate-transfer", test_migrate);
    qtest_add_func("/ipmi/smbus-ipmi/refuse-inconsistent", test_refuse_inconsistent);
    return g_test_run();
}
