/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtests for pci-ipmi-kcs and pci-ipmi-bt with the in-QEMU BMC, on q35: the
 * device as a driver finds it (class, programming interface, BAR, pin), a
 * Get Device ID transfer without and then with interrupts on INTA#, and the
 * unused end of the BAR.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "hw/pci/pci_regs.h"

#include "ipmi-host.h"

#define DEVICE_ID 0x42
#define FWREV1 3

typedef struct PCICase {
    const char *device;
    IPMIHostKind kind;
} PCICase;

static const PCICase pci_kcs = { "pci-ipmi-kcs", IPMI_HOST_KCS };
static const PCICase pci_bt = { "pci-ipmi-bt", IPMI_HOST_BT };

static QTestState *pci_start(const PCICase *c, IPMIHost *h)
{
    QTestState *qts = qtest_initf(
        "-M q35 -device ipmi-bmc-sim,id=bmc0,device_id=%d,fwrev1=%d"
        " -device %s,bmc=bmc0", DEVICE_ID, FWREV1, c->device);

    ipmi_host_pci(h, qts, c->kind);
    return qts;
}

/* Found, identified and mapped by ipmi_host_pci; idle, no interrupt. */
static void test_identity(const void *data)
{
    const PCICase *c = data;
    IPMIHost h;
    QTestState *qts = pci_start(c, &h);

    /* KCS status, BT control. */
    g_assert_cmphex(ipmi_host_in(&h, c->kind == IPMI_HOST_BT ? 0 : 1), ==, 0);
    ipmi_host_check_irq(&h, false);
    ipmi_host_free(&h);
    qtest_quit(qts);
}

/* The BAR's bytes past the registers read 0xff, and writes there do nothing. */
static void test_bar_tail(const void *data)
{
    const PCICase *c = data;
    unsigned first = c->kind == IPMI_HOST_BT ? 3 : 2;
    IPMIHost h;
    QTestState *qts = pci_start(c, &h);
    unsigned reg;

    for (reg = first; reg < 8; reg++) {
        ipmi_host_out(&h, reg, 0x61);
        ipmi_host_out(&h, reg, 0x04);
        g_assert_cmphex(ipmi_host_in(&h, reg), ==, 0xff);
    }
    /* Still idle: neither a KCS WRITE_START nor a BT H2B_ATN got through. */
    g_assert_cmphex(ipmi_host_in(&h, c->kind == IPMI_HOST_BT ? 0 : 1), ==, 0);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_free(&h);
    qtest_quit(qts);
}

/*
 * A transfer with interrupts off leaves INTA# low all along; once the BMC and
 * (BT) the interface enable them, each byte (KCS) or the response (BT)
 * raises it and the host's acknowledgement lowers it (checked at each step).
 */
static void test_transfers(const void *data)
{
    IPMIHost h;
    QTestState *qts = pci_start(data, &h);

    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_enable_irqs(&h);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    g_assert_cmpint(h.irq, >=, 16);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_check_irq(&h, false);
    ipmi_host_free(&h);
    qtest_quit(qts);
}

/* INTx disabled in the command register keeps the line low. */
static void test_intx_disable(const void *data)
{
    IPMIHost h;
    QTestState *qts = pci_start(data, &h);
    uint16_t cmd;

    ipmi_host_enable_irqs(&h);
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    cmd = qpci_config_readw(h.pdev, PCI_COMMAND);
    qpci_config_writew(h.pdev, PCI_COMMAND, cmd | PCI_COMMAND_INTX_DISABLE);
    if (h.kind == IPMI_HOST_KCS) {
        /* WRITE_START: the dummy byte sets OBF, and the status bit. */
        ipmi_host_out(&h, 1, KCS_CMD_WRITE_START);
    } else {
        static const uint8_t req[] = {
            IPMI_NETFN_APP_REQUEST, IPMI_CMD_GET_DEVICE_ID
        };

        bt_host_write_request(&h, req, sizeof(req), 0);
    }
    g_assert_cmphex(qpci_config_readw(h.pdev, PCI_STATUS) &
                    PCI_STATUS_INTERRUPT, ==, PCI_STATUS_INTERRUPT);
    g_assert_false(qtest_get_irq(qts, h.irq));
    /* Enabled again, the pending interrupt reaches the line. */
    qpci_config_writew(h.pdev, PCI_COMMAND, cmd);
    g_assert_true(qtest_get_irq(qts, h.irq));
    ipmi_host_free(&h);
    qtest_quit(qts);
}

/*
 * Linux's ipmi_si PCI driver probes a KCS function's register spacing: it
 * writes the invalid control code 10h at offset 1 and takes spacing 1 if the
 * status read back there is not zero (else it tries 4, then 16, which would
 * land in the BAR's tail). Its error recovery then brings the interface back.
 */
static void test_kcs_spacing_probe(const void *data)
{
    IPMIHost h;
    QTestState *qts = pci_start(data, &h);

    ipmi_host_out(&h, 1, 0x10);
    g_assert_cmphex(ipmi_host_in(&h, 1), !=, 0);
    g_assert_cmpint(KCS_STATUS_STATE(ipmi_host_in(&h, 1)), ==,
                    KCS_STATE_ERROR);
    g_assert_cmphex(kcs_host_abort(&h), ==, 0x02);  /* illegal control code */
    ipmi_host_get_device_id(&h, DEVICE_ID, FWREV1);
    ipmi_host_free(&h);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    static const PCICase *cases[] = { &pci_kcs, &pci_bt };
    size_t i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *dev = cases[i]->device;
        g_autofree char *identity = g_strdup_printf("/ipmi/%s/identity", dev);
        g_autofree char *tail = g_strdup_printf("/ipmi/%s/bar-tail", dev);
        g_autofree char *xfer = g_strdup_printf("/ipmi/%s/transfers", dev);
        g_autofree char *intx = g_strdup_printf("/ipmi/%s/intx-disable", dev);

        qtest_add_data_func(identity, cases[i], test_identity);
        qtest_add_data_func(tail, cases[i], test_bar_tail);
        qtest_add_data_func(xfer, cases[i], test_transfers);
        qtest_add_data_func(intx, cases[i], test_intx_disable);
    }
    qtest_add_data_func("/ipmi/pci-ipmi-kcs/linux-spacing-probe", &pci_kcs,
                        test_kcs_spacing_probe);
    return g_test_run();
}
