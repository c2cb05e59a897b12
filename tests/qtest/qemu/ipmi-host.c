/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The host's side of the IPMI system interfaces, for qtests (ipmi-host.h).
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "libqos/pci.h"
#include "libqos/pci-pc.h"
#include "qobject/qdict.h"
#include "hw/pci/pci_ids.h"
#include "hw/pci/pci_regs.h"

#include "ipmi-host.h"

#define IPMI_PCI_VENDOR_ID 0x1234   /* PCI_VENDOR_ID_QEMU */
#define IPMI_PCI_DEVICE_ID 0x1112   /* PCI_DEVICE_ID_QEMU_IPMI */
#define IPMI_PCI_BAR_SIZE 8

/* On q35 the PCI interrupts reach the I/O APIC at inputs 16 to 23. */
#define PCI_GSI_FIRST 16
#define PCI_GSI_LAST 23

/* How often a wait polls a register before it gives up. */
#define POLL_LIMIT 1000

static uint8_t ipmi_host_prog_if(IPMIHostKind kind)
{
    return kind == IPMI_HOST_BT ? 0x02 : 0x01;
}

void ipmi_host_isa(IPMIHost *h, QTestState *qts, IPMIHostKind kind,
                   uint16_t port, int irq)
{
    memset(h, 0, sizeof(*h));
    h->qts = qts;
    h->kind = kind;
    h->port = port;
    h->irq = irq;
    qtest_irq_intercept_in(qts, "ioapic");
}

static void ipmi_host_find_cb(QPCIDevice *dev, int devfn, void *data)
{
    QPCIDevice **found = data;

    g_assert_null(*found);
    *found = dev;
}

/* Finds the device and checks what a driver looks at to bind to it. */
static QPCIDevice *ipmi_host_pci_find(QPCIBus *bus, uint8_t prog_if)
{
    QPCIDevice *dev = NULL;
    uint32_t bar;

    qpci_device_foreach(bus, IPMI_PCI_VENDOR_ID, IPMI_PCI_DEVICE_ID,
                        ipmi_host_find_cb, &dev);
    g_assert_nonnull(dev);
    g_assert_cmphex(qpci_config_readw(dev, PCI_CLASS_DEVICE), ==,
                    PCI_CLASS_SERIAL_IPMI);
    g_assert_cmphex(qpci_config_readb(dev, PCI_CLASS_PROG), ==, prog_if);
    g_assert_cmphex(qpci_config_readb(dev, PCI_REVISION_ID), ==, 1);
    g_assert_cmphex(qpci_config_readb(dev, PCI_INTERRUPT_PIN), ==, 1);
    bar = qpci_config_readl(dev, PCI_BASE_ADDRESS_0);
    g_assert_cmphex(bar & PCI_BASE_ADDRESS_SPACE, ==,
                    PCI_BASE_ADDRESS_SPACE_IO);
    /* Only BAR 0. */
    g_assert_cmphex(qpci_config_readl(dev, PCI_BASE_ADDRESS_1), ==, 0);
    return dev;
}

void ipmi_host_pci(IPMIHost *h, QTestState *qts, IPMIHostKind kind)
{
    uint64_t size = 0;

    memset(h, 0, sizeof(*h));
    h->qts = qts;
    h->kind = kind;
    h->irq = -1;
    h->pci_bus = qpci_new_pc(qts, NULL);
    h->pdev = ipmi_host_pci_find(h->pci_bus, ipmi_host_prog_if(kind));
    h->bar = qpci_iomap(h->pdev, 0, &size);
    g_assert_cmpuint(size, ==, IPMI_PCI_BAR_SIZE);
    g_assert_true(h->bar.is_io);
    qpci_device_enable(h->pdev);
    qtest_irq_intercept_in(qts, "ioapic");
}

/* What the host knows of the interface stays with it across a migration. */
static void ipmi_host_carry_over(IPMIHost *h, const IPMIHost *before)
{
    h->ints = before->ints;
    h->seq = before->seq;
    h->line_unseen = true;
}

void ipmi_host_pci_migrated(IPMIHost *h, QTestState *qts,
                            const IPMIHost *before)
{
    uint32_t bar;

    memset(h, 0, sizeof(*h));
    h->qts = qts;
    h->kind = before->kind;
    h->irq = before->irq;
    ipmi_host_carry_over(h, before);
    h->pci_bus = qpci_new_pc(qts, NULL);
    h->pdev = ipmi_host_pci_find(h->pci_bus, ipmi_host_prog_if(h->kind));
    bar = qpci_config_readl(h->pdev, PCI_BASE_ADDRESS_0);
    g_assert_cmphex(bar & PCI_BASE_ADDRESS_IO_MASK, ==, before->bar.addr);
    g_assert_cmphex(qpci_config_readw(h->pdev, PCI_COMMAND) &
                    PCI_COMMAND_IO, ==, PCI_COMMAND_IO);
    h->bar = qpci_legacy_iomap(h->pdev, bar & PCI_BASE_ADDRESS_IO_MASK);
    qtest_irq_intercept_in(qts, "ioapic");
}

void ipmi_host_isa_migrated(IPMIHost *h, QTestState *qts,
                            const IPMIHost *before)
{
    ipmi_host_isa(h, qts, before->kind, before->port, before->irq);
    ipmi_host_carry_over(h, before);
}

void ipmi_host_free(IPMIHost *h)
{
    g_free(h->pdev);
    if (h->pci_bus) {
        qpci_free_pc(h->pci_bus);
    }
    memset(h, 0, sizeof(*h));
}

uint8_t ipmi_host_in(IPMIHost *h, unsigned reg)
{
    if (h->pdev) {
        return qpci_io_readb(h->pdev, h->bar, reg);
    }
    return qtest_inb(h->qts, h->port + reg);
}

void ipmi_host_out(IPMIHost *h, unsigned reg, uint8_t value)
{
    if (h->pdev) {
        qpci_io_writeb(h->pdev, h->bar, reg, value);
    } else {
        qtest_outb(h->qts, h->port + reg, value);
    }
}

/* The one PCI interrupt input raised, or -1 if none. */
static int ipmi_host_pci_line(IPMIHost *h)
{
    int raised = -1;
    int n;

    for (n = PCI_GSI_FIRST; n <= PCI_GSI_LAST; n++) {
        if (qtest_get_irq(h->qts, n)) {
            g_assert_cmpint(raised, ==, -1);
            raised = n;
        }
    }
    return raised;
}

void ipmi_host_check_irq(IPMIHost *h, bool level)
{
    bool line;

    if (h->pdev) {
        uint16_t status = qpci_config_readw(h->pdev, PCI_STATUS);
        int raised = ipmi_host_pci_line(h);

        /* The device's own view holds across a migration. */
        g_assert_cmpint(!!(status & PCI_STATUS_INTERRUPT), ==, level);
        if (raised >= 0) {
            if (h->irq < 0) {
                h->irq = raised;
            }
            g_assert_cmpint(raised, ==, h->irq);
        }
        line = raised >= 0;
    } else {
        line = qtest_get_irq(h->qts, h->irq);
    }
    if (h->line_unseen && level && !line) {
        /*
         * Raised before the load: the intercepted input shows only changes
         * made since, so this level cannot be seen yet.
         */
        return;
    }
    h->line_unseen = false;
    g_assert_cmpint(line, ==, level);
}

/* KCS */

static uint8_t kcs_status(IPMIHost *h)
{
    return ipmi_host_in(h, 1);
}

static uint8_t kcs_wait_ibf_clear(IPMIHost *h)
{
    unsigned count;
    uint8_t status;

    for (count = 0; count < POLL_LIMIT; count++) {
        status = kcs_status(h);
        if (!(status & KCS_STATUS_IBF)) {
            return status;
        }
    }
    g_assert_not_reached();
}

static void kcs_wait_obf(IPMIHost *h)
{
    unsigned count;

    for (count = 0; count < POLL_LIMIT; count++) {
        if (kcs_status(h) & KCS_STATUS_OBF) {
            return;
        }
    }
    g_assert_not_reached();
}

/* Reads the data register while OBF is set: the interrupt for it drops. */
static uint8_t kcs_take_data(IPMIHost *h)
{
    uint8_t byte;

    ipmi_host_check_irq(h, h->ints);
    byte = ipmi_host_in(h, 0);
    g_assert_cmphex(kcs_status(h) & KCS_STATUS_OBF, ==, 0);
    ipmi_host_check_irq(h, false);
    return byte;
}

/* After each write phase step: still writing, and the dummy byte cleared. */
static void kcs_write_step_done(IPMIHost *h)
{
    uint8_t status = kcs_wait_ibf_clear(h);

    g_assert_cmpint(KCS_STATUS_STATE(status), ==, KCS_STATE_WRITE);
    g_assert_cmphex(status & KCS_STATUS_OBF, ==, KCS_STATUS_OBF);
    kcs_take_data(h);
}

void kcs_host_write_start(IPMIHost *h)
{
    uint8_t status = kcs_wait_ibf_clear(h);

    g_assert_cmpint(KCS_STATUS_STATE(status), ==, KCS_STATE_IDLE);
    ipmi_host_out(h, 1, KCS_CMD_WRITE_START);
    kcs_write_step_done(h);
}

void kcs_host_write_byte(IPMIHost *h, uint8_t byte)
{
    ipmi_host_out(h, 0, byte);
    kcs_write_step_done(h);
}

void kcs_host_write_last(IPMIHost *h, uint8_t byte)
{
    ipmi_host_out(h, 1, KCS_CMD_WRITE_END);
    kcs_write_step_done(h);
    ipmi_host_out(h, 0, byte);
}

bool kcs_host_read_byte(IPMIHost *h, uint8_t *byte)
{
    uint8_t status = kcs_wait_ibf_clear(h);

    switch (KCS_STATUS_STATE(status)) {
    case KCS_STATE_READ:
        kcs_wait_obf(h);
        *byte = kcs_take_data(h);
        ipmi_host_out(h, 0, KCS_CMD_READ);
        return true;
    case KCS_STATE_IDLE:
        /* The dummy byte that ends the read phase. */
        kcs_wait_obf(h);
        kcs_take_data(h);
        return false;
    default:
        g_assert_not_reached();
    }
}

uint8_t kcs_host_abort(IPMIHost *h)
{
    uint8_t status, code;

    kcs_wait_ibf_clear(h);
    ipmi_host_out(h, 1, KCS_CMD_GET_STATUS_ABORT);
    status = kcs_wait_ibf_clear(h);
    g_assert_cmpint(KCS_STATUS_STATE(status), ==, KCS_STATE_WRITE);
    if (status & KCS_STATUS_OBF) {
        kcs_take_data(h);
    }
    ipmi_host_out(h, 0, 0);
    status = kcs_wait_ibf_clear(h);
    g_assert_cmpint(KCS_STATUS_STATE(status), ==, KCS_STATE_READ);
    kcs_wait_obf(h);
    code = kcs_take_data(h);
    ipmi_host_out(h, 0, KCS_CMD_READ);
    status = kcs_wait_ibf_clear(h);
    g_assert_cmpint(KCS_STATUS_STATE(status), ==, KCS_STATE_IDLE);
    kcs_wait_obf(h);
    kcs_take_data(h);
    return code;
}

void kcs_host_write_request(IPMIHost *h, const uint8_t *req, size_t len)
{
    size_t i;

    g_assert_cmpuint(len, >=, 2);
    kcs_host_write_start(h);
    for (i = 0; i + 1 < len; i++) {
        kcs_host_write_byte(h, req[i]);
    }
    kcs_host_write_last(h, req[len - 1]);
}

size_t kcs_host_read_response(IPMIHost *h, uint8_t *rsp, size_t rsp_max)
{
    size_t n = 0;
    uint8_t byte;

    while (kcs_host_read_byte(h, &byte)) {
        g_assert_cmpuint(n, <, rsp_max);
        rsp[n++] = byte;
    }
    g_assert_cmphex(kcs_status(h), ==, 0);
    return n;
}

/* BT */

static uint8_t bt_control(IPMIHost *h)
{
    return ipmi_host_in(h, BT_CONTROL);
}

void bt_host_begin_write(IPMIHost *h)
{
    unsigned count;

    for (count = 0; bt_control(h) & BT_B_BUSY; count++) {
        g_assert_cmpuint(count, <, POLL_LIMIT);
    }
    if (bt_control(h) & BT_H_BUSY) {
        ipmi_host_out(h, BT_CONTROL, BT_H_BUSY);
    }
    ipmi_host_out(h, BT_CONTROL, BT_CLR_WR_PTR);
}

void bt_host_write_byte(IPMIHost *h, uint8_t byte)
{
    ipmi_host_out(h, BT_BUFFER, byte);
}

void bt_host_end_write(IPMIHost *h)
{
    ipmi_host_out(h, BT_CONTROL, BT_H2B_ATN);
}

void bt_host_write_request(IPMIHost *h, const uint8_t *msg, size_t len,
                           uint8_t seq)
{
    size_t i;

    g_assert_cmpuint(len, >=, 2);
    bt_host_begin_write(h);
    bt_host_write_byte(h, len + 1);
    bt_host_write_byte(h, msg[0]);
    bt_host_write_byte(h, seq);
    for (i = 1; i < len; i++) {
        bt_host_write_byte(h, msg[i]);
    }
    bt_host_end_write(h);
}

void bt_host_begin_read(IPMIHost *h)
{
    unsigned count;

    for (count = 0; !(bt_control(h) & BT_B2H_ATN); count++) {
        g_assert_cmpuint(count, <, POLL_LIMIT);
    }
    g_assert_cmphex(bt_control(h) & (BT_B_BUSY | BT_H2B_ATN), ==, 0);
    if (h->ints) {
        g_assert_cmphex(ipmi_host_in(h, BT_INTMASK), ==,
                        BT_B2H_IRQ_EN | BT_B2H_IRQ);
        ipmi_host_check_irq(h, true);
        /* Acknowledge the interrupt, keep it enabled. */
        ipmi_host_out(h, BT_INTMASK, BT_B2H_IRQ_EN | BT_B2H_IRQ);
        g_assert_cmphex(ipmi_host_in(h, BT_INTMASK), ==, BT_B2H_IRQ_EN);
    }
    ipmi_host_check_irq(h, false);
    ipmi_host_out(h, BT_CONTROL, BT_H_BUSY);
    ipmi_host_out(h, BT_CONTROL, BT_B2H_ATN);
    g_assert_cmphex(bt_control(h), ==, BT_H_BUSY);
    ipmi_host_out(h, BT_CONTROL, BT_CLR_RD_PTR);
}

uint8_t bt_host_read_byte(IPMIHost *h)
{
    return ipmi_host_in(h, BT_BUFFER);
}

void bt_host_end_read(IPMIHost *h)
{
    g_assert_cmphex(bt_control(h) & BT_H_BUSY, ==, BT_H_BUSY);
    ipmi_host_out(h, BT_CONTROL, BT_H_BUSY);
    g_assert_cmphex(bt_control(h), ==, 0);
}

size_t bt_host_read_response(IPMIHost *h, uint8_t seq, uint8_t *rsp,
                             size_t rsp_max)
{
    size_t i, n;

    bt_host_begin_read(h);
    n = bt_host_read_byte(h);
    /* NetFn/LUN, seq, cmd and completion code at least. */
    g_assert_cmpuint(n, >=, 4);
    g_assert_cmpuint(n - 1, <=, rsp_max);
    rsp[0] = bt_host_read_byte(h);
    g_assert_cmphex(bt_host_read_byte(h), ==, seq);
    for (i = 1; i < n - 1; i++) {
        rsp[i] = bt_host_read_byte(h);
    }
    bt_host_end_read(h);
    return n - 1;
}

size_t bt_host_transfer(IPMIHost *h, const uint8_t *msg, size_t len,
                        uint8_t seq, uint8_t *rsp, size_t rsp_max)
{
    size_t n;

    bt_host_write_request(h, msg, len, seq);
    n = bt_host_read_response(h, seq, rsp, rsp_max);
    g_assert_cmphex(rsp[0], ==, msg[0] | 0x04);
    g_assert_cmphex(rsp[1], ==, msg[1]);
    return n;
}

size_t ipmi_host_transfer(IPMIHost *h, const uint8_t *req, size_t req_len,
                          uint8_t *rsp, size_t rsp_max)
{
    if (h->kind == IPMI_HOST_BT) {
        return bt_host_transfer(h, req, req_len, h->seq++, rsp, rsp_max);
    }
    kcs_host_write_request(h, req, req_len);
    return kcs_host_read_response(h, rsp, rsp_max);
}

void ipmi_host_enable_irqs(IPMIHost *h)
{
    /* Receive message queue interrupt, event buffer, SEL. */
    static const uint8_t req[] = {
        IPMI_NETFN_APP_REQUEST, IPMI_CMD_SET_BMC_GLOBAL_ENABLES, 0x0d
    };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    size_t len;

    if (h->kind == IPMI_HOST_BT) {
        /* The response does not interrupt: B2H_IRQ_EN comes after it. */
        len = ipmi_host_transfer(h, req, sizeof(req), rsp, sizeof(rsp));
        ipmi_host_out(h, BT_INTMASK, BT_B2H_IRQ_EN);
        g_assert_cmphex(ipmi_host_in(h, BT_INTMASK), ==, BT_B2H_IRQ_EN);
        h->ints = true;
    } else {
        /*
         * The BMC turns interrupts on before it answers, so the response
         * itself interrupts, byte by byte (as upstream's BMC does).
         */
        kcs_host_write_request(h, req, sizeof(req));
        h->ints = true;
        len = kcs_host_read_response(h, rsp, sizeof(rsp));
    }
    g_assert_cmpuint(len, ==, 3);
    g_assert_cmphex(rsp[2], ==, 0x00);
}

void ipmi_host_get_device_id(IPMIHost *h, uint8_t device_id, uint8_t fwrev1)
{
    static const uint8_t req[] = {
        IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID
    };
    uint8_t rsp[IPMI_HOST_MSG_MAX];
    size_t len = ipmi_host_transfer(h, req, sizeof(req), rsp, sizeof(rsp));

    ipmi_host_check_device_id(rsp, len, device_id, fwrev1);
}

/* Migration */

/*
 * Waits for the migration qts takes part in (either side) to end; returns
 * whether it completed.
 */
static bool ipmi_host_wait_migration(QTestState *qts)
{
    unsigned count;

    for (count = 0; count < 10000; count++) {
        QDict *rsp = qtest_qmp(qts, "{'execute': 'query-migrate'}");
        QDict *ret = qdict_get_qdict(rsp, "return");
        const char *status;
        bool done = false, ok = false;

        g_assert_nonnull(ret);
        status = qdict_haskey(ret, "status") ?
            qdict_get_str(ret, "status") : "none";
        if (g_str_equal(status, "failed")) {
            g_test_message("migration failed: %s",
                           qdict_haskey(ret, "error-desc") ?
                           qdict_get_str(ret, "error-desc") : "(no reason)");
            done = true;
        } else if (g_str_equal(status, "completed")) {
            done = ok = true;
        }
        qobject_unref(rsp);
        if (done) {
            return ok;
        }
        g_usleep(1000);
    }
    g_assert_not_reached();
}

char *ipmi_host_save(QTestState *from)
{
    g_autofree char *dir = g_dir_make_tmp("ipmi-migrate-XXXXXX", NULL);
    char *path;
    g_autofree char *uri = NULL;

    g_assert_nonnull(dir);
    path = g_build_filename(dir, "state", NULL);
    uri = g_strdup_printf("file:%s", path);
    qtest_qmp_assert_success(from, "{'execute': 'migrate',"
                             " 'arguments': {'uri': %s}}", uri);
    g_assert_true(ipmi_host_wait_migration(from));
    return path;
}

QTestState *ipmi_host_load(const char *path, const char *args, bool *loaded)
{
    return ipmi_host_load_watching(path, args, NULL, NULL, loaded);
}

QTestState *ipmi_host_load_watching(const char *path, const char *args,
                                    const char *qom_path, const char *gpio,
                                    bool *loaded)
{
    g_autofree char *uri = g_strdup_printf("file:%s", path);
    QTestState *to = qtest_initf("%s -incoming defer", args);

    if (qom_path) {
        qtest_irq_intercept_out_named(to, qom_path, gpio);
    }
    qtest_qmp_assert_success(to, "{'execute': 'migrate-incoming',"
                             " 'arguments': {'uri': %s,"
                             " 'exit-on-error': false}}", uri);
    *loaded = ipmi_host_wait_migration(to);
    return to;
}

void ipmi_host_remove_saved(char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);

    unlink(path);
    rmdir(dir);
    g_free(path);
}

/*
 * Where the fields of the first section named name start: a section starts
 * with its type, its id (4 bytes), the length of its idstr, the idstr (name,
 * or a device path, '/' and name), then instance id and version (4 bytes
 * each).
 */
static size_t ipmi_host_section_fields(const char *data, size_t len,
                                       const char *name)
{
    size_t nlen = strlen(name), i, j;

    for (i = 6; i + nlen + 8 < len; i++) {
        if (memcmp(data + i, name, nlen) != 0) {
            continue;
        }
        for (j = i; j >= 6 && j + 64 > i; j--) {
            if ((uint8_t)data[j - 1] == i + nlen - j &&
                (j == i || data[i - 1] == '/')) {
                return i + nlen + 8;
            }
        }
    }
    g_assert_not_reached();
}

void ipmi_host_patch_saved(const char *path, const char *idstr,
                           size_t offset, uint8_t value)
{
    g_autofree char *data = NULL;
    size_t len, fields;

    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    fields = ipmi_host_section_fields(data, len, idstr);
    g_assert_cmpuint(fields + offset, <, len);
    data[fields + offset] = value;
    g_assert_true(g_file_set_contents(path, data, len, NULL));
}

QTestState *ipmi_host_migrate(QTestState *from, const char *args)
{
    return ipmi_host_migrate_watching(from, args, NULL, NULL);
}

QTestState *ipmi_host_migrate_watching(QTestState *from, const char *args,
                                       const char *qom_path, const char *gpio)
{
    char *path = ipmi_host_save(from);
    bool loaded;
    QTestState *to = ipmi_host_load_watching(path, args, qom_path, gpio, &loaded);

    g_assert_true(loaded);
    ipmi_host_remove_saved(path);
    return to;
}

void ipmi_host_check_device_id(const uint8_t *rsp, size_t len,
                               uint8_t device_id, uint8_t fwrev1)
{
    /* NetFn/LUN, command, completion code and 11 bytes of data. */
    g_assert_cmpuint(len, ==, 14);
    g_assert_cmphex(rsp[0], ==, IPMI_NETFN_APP_RESPONSE);
    g_assert_cmphex(rsp[1], ==, IPMI_CMD_GET_DEVICE_ID);
    g_assert_cmphex(rsp[2], ==, 0x00);
    g_assert_cmphex(rsp[3], ==, device_id);
    g_assert_cmphex(rsp[5], ==, fwrev1);
    g_assert_cmphex(rsp[7], ==, 0x02);      /* IPMI 2.0 */
}
