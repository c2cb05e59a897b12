/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtest of what the firmware tables say about the system interfaces: with all
 * four on one machine, SMBIOS has a type 38 record for each ISA interface
 * (type, IPMI 2.0, the BMC's address, I/O base, level interrupt) and none for
 * the PCI ones, which drivers find by their class; ACPI has one IPI0001
 * device for each ISA interface. smbus-ipmi on q35 has its record too (SSIF,
 * the SMBus address shifted as SMBIOS wants it), and its ACPI device under the
 * ICH9 SMBus, with or without address=.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "libqos/fw_cfg.h"
#include "qemu/bswap.h"

#define SMBIOS_TYPE_IPMI 38
#define SMBIOS_TYPE_END 127

/* A type 38 record's formatted area (SMBIOS 3.x, 7.39). */
typedef struct QEMU_PACKED SMBIOSType38 {
    uint8_t type;
    uint8_t length;
    uint16_t handle;
    uint8_t interface_type;
    uint8_t ipmi_spec_revision;
    uint8_t i2c_slave_address;
    uint8_t nv_storage_device_address;
    uint64_t base_address;
    uint8_t base_address_modifier;
    uint8_t interrupt_number;
} SMBIOSType38;

#define MACHINE_ARGS \
    "-M q35 " \
    "-device ipmi-bmc-sim,id=bmc0 -device isa-ipmi-kcs,bmc=bmc0 " \
    "-device ipmi-bmc-sim,id=bmc1 -device isa-ipmi-bt,bmc=bmc1,irq=10 " \
    "-device ipmi-bmc-sim,id=bmc2 -device pci-ipmi-kcs,bmc=bmc2 " \
    "-device ipmi-bmc-sim,id=bmc3 -device pci-ipmi-bt,bmc=bmc3"

static void *fw_cfg_file(QTestState *qts, const char *name, size_t *len)
{
    QFWCFG *fw_cfg = pc_fw_cfg_init(qts);
    size_t size = qfw_cfg_get_file(fw_cfg, name, NULL, 0);
    void *data;

    g_assert_cmpuint(size, >, 0);
    data = g_malloc(size);
    g_assert_cmpuint(qfw_cfg_get_file(fw_cfg, name, data, size), ==, size);
    pc_fw_cfg_uninit(fw_cfg);
    *len = size;
    return data;
}

/* Copies out the type 38 records of an SMBIOS structure table. */
static unsigned smbios_ipmi_records(const uint8_t *t, size_t len,
                                    SMBIOSType38 *out, unsigned max)
{
    size_t pos = 0;
    unsigned n = 0;

    while (pos + 4 <= len && t[pos] != SMBIOS_TYPE_END) {
        size_t end = pos + t[pos + 1];

        g_assert_cmpuint(end, <=, len);
        if (t[pos] == SMBIOS_TYPE_IPMI) {
            g_assert_cmpuint(t[pos + 1], >=, sizeof(SMBIOSType38));
            g_assert_cmpuint(n, <, max);
            memcpy(&out[n++], t + pos, sizeof(SMBIOSType38));
        }
        /* The strings after the formatted area end with two NULs. */
        while (end + 1 < len && (t[end] || t[end + 1])) {
            end++;
        }
        pos = end + 2;
    }
    return n;
}

static void check_record(const SMBIOSType38 *r, uint8_t interface_type,
                         uint64_t io_base, uint8_t irq)
{
    g_assert_cmphex(r->interface_type, ==, interface_type);
    g_assert_cmphex(r->ipmi_spec_revision, ==, 0x20);
    g_assert_cmphex(r->i2c_slave_address, ==, 0x20);
    /* Bit 0: I/O space. */
    g_assert_cmphex(le64_to_cpu(r->base_address), ==, io_base | 1);
    /* Bit 0: level-triggered; bits 7:6, register spacing 1. */
    g_assert_cmphex(r->base_address_modifier, ==, 0x01);
    g_assert_cmpuint(r->interrupt_number, ==, irq);
}

static void test_smbios(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);
    g_autofree uint8_t *tables = NULL;
    SMBIOSType38 records[4];
    size_t len;
    unsigned n;

    tables = fw_cfg_file(qts, "etc/smbios/smbios-tables", &len);
    n = smbios_ipmi_records(tables, len, records, G_N_ELEMENTS(records));
    g_assert_cmpuint(n, ==, 2);
    /* In the order of the bus's children: one KCS, one BT. */
    if (records[0].interface_type != 0x01) {
        SMBIOSType38 first = records[0];

        records[0] = records[1];
        records[1] = first;
    }
    check_record(&records[0], 0x01, 0xca2, 5);
    check_record(&records[1], 0x03, 0xe4, 10);
    qtest_quit(qts);
}

static unsigned count(const uint8_t *data, size_t len, const char *s)
{
    size_t slen = strlen(s), i;
    unsigned n = 0;

    for (i = 0; i + slen <= len; i++) {
        n += memcmp(data + i, s, slen) == 0;
    }
    return n;
}

static void test_acpi(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);
    g_autofree uint8_t *tables = NULL;
    size_t len;

    tables = fw_cfg_file(qts, "etc/acpi/tables", &len);
    /* Each IPI0001 device's _STR names its interface. */
    g_assert_cmpuint(count(tables, len, "ipmi_kcs"), ==, 1);
    g_assert_cmpuint(count(tables, len, "ipmi_bt"), ==, 1);
    qtest_quit(qts);
}

static void check_ssif(const char *extra, uint8_t address)
{
    QTestState *qts = qtest_initf("-M q35 -device ipmi-bmc-sim,id=bmc0 "
                                  "-device smbus-ipmi,bmc=bmc0%s", extra);
    g_autofree uint8_t *smbios = NULL, *acpi = NULL;
    SMBIOSType38 r;
    size_t len;

    smbios = fw_cfg_file(qts, "etc/smbios/smbios-tables", &len);
    g_assert_cmpuint(smbios_ipmi_records(smbios, len, &r, 1), ==, 1);
    g_assert_cmphex(r.interface_type, ==, 0x04);
    g_assert_cmphex(r.ipmi_spec_revision, ==, 0x20);
    g_assert_cmphex(r.i2c_slave_address, ==, 0x20);
    /* SMBus: the 7-bit address in bits 7:1, no I/O space bit. */
    g_assert_cmphex(le64_to_cpu(r.base_address), ==, address << 1);
    g_assert_cmpuint(r.interrupt_number, ==, 0);

    acpi = fw_cfg_file(qts, "etc/acpi/tables", &len);
    g_assert_cmpuint(count(acpi, len, "ipmi_smbus"), ==, 1);
    qtest_quit(qts);
}

static void test_ssif(void)
{
    check_ssif("", 0x10);
    check_ssif(",address=0x30", 0x30);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/ipmi/fwinfo/smbios", test_smbios);
    qtest_add_func("/ipmi/fwinfo/acpi", test_acpi);
    qtest_add_func("/ipmi/fwinfo/ssif", test_ssif);
    return g_test_run();
}
