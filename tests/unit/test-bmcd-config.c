/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ipmi-bmcd's configuration parser (qemu-bindings/bmcd/bmcd_config.c): the defaults,
 * a file with every key, and for each kind of bad line the exact "FILE:LINE: ..."
 * message; SDR and FRU files through temporary files.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bmcd_config.h"

#define NAME "/etc/ipmi/bmcd.conf"

/* A temporary directory for SDR and FRU files, removed after each test. */
struct tmp {
    gchar *dir;
};

static void tmp_open(struct tmp *t)
{
    g_autoptr(GError) err = NULL;

    t->dir = g_dir_make_tmp("test-bmcd-config-XXXXXX", &err);
    g_assert_no_error(err);
}

static gchar *tmp_file(struct tmp *t, const char *name, const void *data, gsize len)
{
    g_autoptr(GError) err = NULL;
    gchar *path = g_build_filename(t->dir, name, NULL);

    g_file_set_contents(path, data, (gssize)len, &err);
    g_assert_no_error(err);
    return path;
}

static void tmp_close(struct tmp *t)
{
    g_autoptr(GDir) dir = g_dir_open(t->dir, 0, NULL);
    const gchar *name;

    while (dir && (name = g_dir_read_name(dir))) {
        g_autofree gchar *path = g_build_filename(t->dir, name, NULL);

        g_remove(path);
    }
    g_rmdir(t->dir);
    g_free(t->dir);
}

static struct bmcd_config *parse_ok(const char *name, const char *text)
{
    g_autoptr(GError) err = NULL;
    struct bmcd_config *c = bmcd_config_parse(name, text, strlen(text), &err);

    g_assert_no_error(err);
    g_assert_nonnull(c);
    return c;
}

/* The one error message of text[0 .. len - 1]. */
static gchar *parse_error_len(const char *name, const char *text, size_t len)
{
    GError *err = NULL;
    struct bmcd_config *c = bmcd_config_parse(name, text, len, &err);
    gchar *message;

    g_assert_null(c);
    g_assert_nonnull(err);
    g_assert_true(err->domain == BMCD_CONFIG_ERROR);
    message = g_strdup(err->message);
    g_error_free(err);
    return message;
}

static gchar *parse_error(const char *text)
{
    return parse_error_len(NAME, text, strlen(text));
}

static void assert_error(const char *text, const char *expected)
{
    g_autofree gchar *message = parse_error(text);

    g_assert_cmpstr(message, ==, expected);
}

static void assert_error_prefix(const char *text, const char *prefix)
{
    g_autofree gchar *message = parse_error(text);

    if (!g_str_has_prefix(message, prefix)) {
        g_error("'%s' does not start with '%s'", message, prefix);
    }
}

static void test_defaults(void)
{
    struct bmcd_config *c = bmcd_config_defaults();
    const struct bmc_config *id = &c->start->config;

    /* QEMU's ipmi-bmc-sim property defaults. */
    g_assert_cmphex(id->slave_addr, ==, 0x20);
    g_assert_cmphex(id->device_id, ==, 0x20);
    g_assert_cmphex(id->device_rev, ==, 0);
    g_assert_cmphex(id->fwrev1, ==, 0);
    g_assert_cmphex(id->fwrev2, ==, 0);
    g_assert_cmphex(id->ipmi_version, ==, 0x02);
    g_assert_cmphex(id->mfg_id, ==, 0);
    g_assert_cmphex(id->product_id, ==, 0);
    g_assert_false(id->guid_set);
    g_assert_cmpuint(c->fru_area_size, ==, 1024);
    g_assert_null(c->sdr_file);
    g_assert_null(c->fru_file);
    g_assert_null(c->tcp);
    g_assert_null(c->unix_path);
    g_assert_null(c->state_file);
    g_assert_cmpuint(c->readings_count, ==, 0);
    /* The core's default repository: the watchdog sensor's record. */
    g_assert_cmpuint(sdr_count(&c->start->state.sdr), ==, 1);
    g_assert_true(c->start->state.sensors.s[0].present);
    g_assert_cmpuint(c->start->state.fru.devices, ==, 1);
    bmcd_config_free(c);
}

static const char good_file[] =
    "# ipmi-bmcd configuration\n"
    "\n"
    "[bmc]\n"
    "device_id = 0x42\n"
    "device_rev=3\n"
    "  fwrev1 = 1  \n"
    "fwrev2\t=\t0X23\r\n"
    "ipmi_version = 0x51\n"
    "mfg_id = 0x012345\n"
    "product_id = 65535\n"
    "guid = 4b3e1a52-9d2c-4f6e-8a71-0c5d3e9f2b14\n"
    "slave_addr = 0x22\n"
    "fruareasize = 512\n"
    "\n"
    "[daemon]\n"
    "tcp = 127.0.0.1:9002\n"
    "unix = run/bmcd.sock\n"
    "state = /var/lib/ipmi-bmcd/sel\n"
    "\n"
    "[sensor 0]\n"
    "# the watchdog sensor's raw reading\n"
    "reading = 7\n";

static void test_good_file(void)
{
    static const uint8_t guid[BMC_GUID_LEN] = {
        0x4b, 0x3e, 0x1a, 0x52, 0x9d, 0x2c, 0x4f, 0x6e,
        0x8a, 0x71, 0x0c, 0x5d, 0x3e, 0x9f, 0x2b, 0x14,
    };
    struct bmcd_config *c = parse_ok(NAME, good_file);
    const struct bmc_config *id = &c->start->config;

    g_assert_cmphex(id->device_id, ==, 0x42);
    g_assert_cmphex(id->device_rev, ==, 3);
    g_assert_cmphex(id->fwrev1, ==, 1);
    g_assert_cmphex(id->fwrev2, ==, 0x23);
    g_assert_cmphex(id->ipmi_version, ==, 0x51);
    g_assert_cmphex(id->mfg_id, ==, 0x012345);
    g_assert_cmphex(id->product_id, ==, 0xffff);
    g_assert_cmphex(id->slave_addr, ==, 0x22);
    g_assert_true(id->guid_set);
    g_assert_cmpmem(id->guid, BMC_GUID_LEN, guid, BMC_GUID_LEN);
    g_assert_cmpuint(c->fru_area_size, ==, 512);
    g_assert_cmpuint(c->start->state.fru.area_size, ==, 512);
    g_assert_cmpstr(c->tcp, ==, "127.0.0.1:9002");
    g_assert_cmpstr(c->unix_path, ==, "/etc/ipmi/run/bmcd.sock");   /* from the file's dir */
    g_assert_cmpstr(c->state_file, ==, "/var/lib/ipmi-bmcd/sel");
    g_assert_cmpuint(c->readings_count, ==, 1);
    g_assert_cmpuint(c->readings[0].sensor, ==, 0);
    g_assert_cmpuint(c->readings[0].value, ==, 7);
    bmcd_config_free(c);
}

/* The all-zero UUID is no GUID, as QEMU's guid property has it. */
static void test_null_guid(void)
{
    struct bmcd_config *c = parse_ok(NAME, "[bmc]\nguid=00000000-0000-0000-0000-000000000000\n");

    g_assert_false(c->start->config.guid_set);
    bmcd_config_free(c);
}

/* A relative path in a file named without a directory is taken from ".". */
static void test_relative_to_cwd(void)
{
    struct bmcd_config *c = parse_ok("bmcd.conf", "[daemon]\nstate=sel.state\n");

    g_assert_cmpstr(c->state_file, ==, "./sel.state");
    bmcd_config_free(c);
}

static void test_syntax_errors(void)
{
    assert_error("[bmc]\ndevice_id=1\nthis is not a key\n",
                 NAME ":3: not a [group], a key=value line or a # comment");
    assert_error("\n# comment\ndevice_id=1\n", NAME ":3: key 'device_id' before any [group]");
    assert_error("[bmc\n", NAME ":1: a '[' without its ']'");
    assert_error("[bmc] x\n", NAME ":1: text after the group's ']'");
    assert_error("[]\n", NAME ":1: a group name is one or more printable characters other "
                 "than '[' and ']'");
    assert_error("[a[b]\n", NAME ":1: a group name is one or more printable characters "
                 "other than '[' and ']'");
    assert_error("[\tbmc]\n", NAME ":1: a group name is one or more printable characters "
                 "other than '[' and ']'");
    assert_error("[bmc]\n = 1\n", NAME ":2: a value without a key");
    assert_error("[bmc]\ndevice id=1\n",
                 NAME ":2: key 'device id': a key name is letters, digits, '-' and '_'");
    assert_error("[bmc]\ndevice_id[de]=1\n",
                 NAME ":2: key 'device_id[de]': a key name is letters, digits, '-' and '_'");
    assert_error("[bmc]\n\n[daemon]\n[bmc]\n", NAME ":4: group [bmc] again (first on line 1)");
    assert_error("[bmc]\nEncoding = latin1\n",
                 NAME ":2: key 'Encoding': GKeyFile's own, no key of this file");
    assert_error("[bmc]\ndevice_id=1\nfwrev1=2\ndevice_id=2\n",
                 NAME ":4: key 'device_id' again in [bmc] (first on line 2)");
    assert_error("[bmc]\ndevice_id=1\x01\n", NAME ":2: a control character (0x01)");
    /* A CR is a line end only before LF. */
    assert_error("[bmc]\r\ndevice_id=1\r\r\n", NAME ":2: a control character (0x0d)");
    assert_error("[bmc]\r\ndevice_id=1\r", NAME ":2: a control character (0x0d)");
    assert_error("[bmc]\n# caf\xc3\n", NAME ":2: not UTF-8 text");
}

static void test_nul_byte(void)
{
    static const char text[] = "[bmc]\ndevice_id=1\n\0\n";
    g_autofree gchar *message = parse_error_len(NAME, text, sizeof(text) - 1);

    g_assert_cmpstr(message, ==, NAME ":3: a NUL byte");
}

/* The value as GKeyFile reads it: a bad escape is an error at the key's line. */
static void test_bad_escape(void)
{
    assert_error_prefix("[daemon]\n\nstate=a\\qb\n", NAME ":3: state: ");
    assert_error_prefix("[daemon]\nstate=ab\\\n", NAME ":2: state: ");
}

static void test_escapes_undone(void)
{
    struct bmcd_config *c = parse_ok(NAME, "[daemon]\nstate=/tmp/a\\sb\n");

    g_assert_cmpstr(c->state_file, ==, "/tmp/a b");
    bmcd_config_free(c);
}

static void test_unknown_names(void)
{
    assert_error("[bmc]\n[bmcx]\n", NAME ":2: unknown group [bmcx] (the groups are [bmc], "
                 "[daemon] and [sensor N], N from 0 to 19)");
    assert_error("[sensor 20]\n", NAME ":1: unknown group [sensor 20] (the groups are [bmc], "
                 "[daemon] and [sensor N], N from 0 to 19)");
    assert_error("[sensor x]\n", NAME ":1: unknown group [sensor x] (the groups are [bmc], "
                 "[daemon] and [sensor N], N from 0 to 19)");
    assert_error("[bmc]\ndevice_id=1\ndevice-id=2\n",
                 NAME ":3: unknown key 'device-id' in [bmc] (device_id, device_rev, fwrev1, "
                 "fwrev2, ipmi_version, mfg_id, product_id, guid, slave_addr, sdrfile, "
                 "frudatafile, fruareasize)");
    assert_error("[daemon]\nport=1\n", NAME ":2: unknown key 'port' in [daemon] (tcp, unix, "
                 "state)");
    assert_error("[sensor 0]\nvalue=1\n", NAME ":2: unknown key 'value' in [sensor 0] "
                 "(reading)");
}

static void test_numbers(void)
{
    static const struct {
        const char *key;
        const char *max;
    } keys[] = {
        { "device_id", "255, 0xff" }, { "device_rev", "255, 0xff" },
        { "fwrev1", "255, 0xff" }, { "fwrev2", "255, 0xff" },
        { "ipmi_version", "255, 0xff" }, { "mfg_id", "16777215, 0xffffff" },
        { "product_id", "65535, 0xffff" }, { "slave_addr", "255, 0xff" },
        { "fruareasize", "65535, 0xffff" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(keys); i++) {
        g_autofree gchar *too_big = g_strdup_printf("[bmc]\n%s = 99999999999999999999999\n",
                                                    keys[i].key);
        g_autofree gchar *expected = g_strdup_printf(NAME ":2: %s: 99999999999999999999999 is "
                                                     "out of range (0 to %s)", keys[i].key,
                                                     keys[i].max);
        g_autofree gchar *not_number = g_strdup_printf("[bmc]\n%s = 12a\n", keys[i].key);
        g_autofree gchar *expected_nan = g_strdup_printf(NAME ":2: %s: '12a' is not a number "
                                                         "(decimal, or hexadecimal after 0x)",
                                                         keys[i].key);

        assert_error(too_big, expected);
        assert_error(not_number, expected_nan);
    }
    assert_error("[bmc]\ndevice_id = 256\n", NAME ":2: device_id: 256 is out of range (0 to "
                 "255, 0xff)");
    assert_error("[bmc]\ndevice_id = 0x100\n", NAME ":2: device_id: 0x100 is out of range (0 "
                 "to 255, 0xff)");
    assert_error("[bmc]\nmfg_id = 0x1000000\n", NAME ":2: mfg_id: 0x1000000 is out of range (0 "
                 "to 16777215, 0xffffff)");
    assert_error("[bmc]\ndevice_id = -1\n", NAME ":2: device_id: '-1' is not a number "
                 "(decimal, or hexadecimal after 0x)");
    assert_error("[bmc]\ndevice_id = 0x\n", NAME ":2: device_id: '0x' is not a number "
                 "(decimal, or hexadecimal after 0x)");
    assert_error("[bmc]\ndevice_id =\n", NAME ":2: device_id: '' is not a number "
                 "(decimal, or hexadecimal after 0x)");
    assert_error("[bmc]\ndevice_id = 1 2\n", NAME ":2: device_id: '1 2' is not a number "
                 "(decimal, or hexadecimal after 0x)");
    assert_error("[sensor 0]\nreading = 256\n", NAME ":2: reading: 256 is out of range (0 to "
                 "255, 0xff)");
}

static void test_bad_guid(void)
{
    assert_error("[bmc]\nguid = 4b3e1a52-9d2c-4f6e-8a71-0c5d3e9f2b1\n",
                 NAME ":2: guid: '4b3e1a52-9d2c-4f6e-8a71-0c5d3e9f2b1' is not a UUID "
                 "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
    assert_error("[bmc]\nguid = 4b3e1a529d2c4f6e8a710c5d3e9f2b14\n",
                 NAME ":2: guid: '4b3e1a529d2c4f6e8a710c5d3e9f2b14' is not a UUID "
                 "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
}

static void test_daemon_values(void)
{
    assert_error("[daemon]\ntcp = localhost\n", NAME ":2: tcp: 'localhost': no ':PORT'");
    assert_error("[daemon]\ntcp = 127.0.0.1:65536\n",
                 NAME ":2: tcp: '127.0.0.1:65536': the port is not a number from 0 to 65535");
    assert_error("[daemon]\ntcp = 127.0.0.1:\n",
                 NAME ":2: tcp: '127.0.0.1:': the port is not a number from 0 to 65535");
    assert_error("[daemon]\ntcp = ::1:9002\n",
                 NAME ":2: tcp: '::1:9002': an IPv6 address goes in brackets: [ADDRESS]:PORT");
    assert_error("[daemon]\ntcp = [::1:9002\n",
                 NAME ":2: tcp: '[::1:9002': an IPv6 address in brackets needs its ']' "
                 "before ':PORT'");
    assert_error("[daemon]\nstate =\n", NAME ":2: state: the path is empty");
    assert_error("[daemon]\nunix =  \n", NAME ":2: unix: the path is empty");
    {
        g_autofree gchar *long_path = g_strnfill(120, 'x');
        g_autofree gchar *text = g_strdup_printf("[daemon]\nunix = /%s\n", long_path);
        g_autofree gchar *expected = g_strdup_printf(NAME ":2: unix: '/%s' is longer than a "
                                                     "UNIX socket path can be (107 bytes)",
                                                     long_path);

        assert_error(text, expected);
    }
}

static void test_split_tcp(void)
{
    static const struct {
        const char *value;
        const char *host;
        guint16 port;
    } good[] = {
        { "127.0.0.1:9002", "127.0.0.1", 9002 },
        { "[::1]:623", "::1", 623 },
        { ":9002", "", 9002 },
        { "bmc.example:0", "bmc.example", 0 },
        { "localhost:65535", "localhost", 65535 },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(good); i++) {
        g_autofree gchar *host = NULL;
        const char *why = NULL;
        guint16 port = 1;

        g_assert_true(bmcd_config_split_tcp(good[i].value, &host, &port, &why));
        g_assert_cmpstr(host, ==, good[i].host);
        g_assert_cmpuint(port, ==, good[i].port);
    }
}

static void test_sensor_groups(void)
{
    /* The default repository defines the watchdog sensor, 0, and no other. */
    assert_error("[bmc]\n\n[sensor 5]\nreading=1\n",
                 NAME ":3: [sensor 5]: the SDRs define no sensor 5 (they define: 0)");
    assert_error("[sensor 0]\n[sensor 00]\n",
                 NAME ":2: [sensor 00]: sensor 0 again (first on line 1)");
}

/* A compact sensor record (type 02h) for sensor `number`: a discrete sensor of the
   sensor-specific reading type. */
static void compact_record(uint8_t rec[32], uint16_t id, uint8_t number)
{
    memset(rec, 0, 32);
    rec[0] = (uint8_t)id;
    rec[1] = (uint8_t)(id >> 8);
    rec[2] = 0x51;
    rec[3] = 0x02;
    rec[4] = 32 - 5;
    rec[5] = 0x20;
    rec[7] = number;
    rec[12] = 0x23;
    rec[13] = 0x6f;
}

static void test_sdr_file(void)
{
    struct tmp t;
    uint8_t sdrs[64];
    g_autofree gchar *path = NULL;
    g_autofree gchar *conf = NULL;
    struct bmcd_config *c;

    tmp_open(&t);
    compact_record(sdrs, 0, 5);
    compact_record(sdrs + 32, 1, 7);
    path = tmp_file(&t, "sdr.bin", sdrs, sizeof(sdrs));
    conf = g_build_filename(t.dir, "bmcd.conf", NULL);
    /* sdrfile relative to the configuration file's directory. */
    c = parse_ok(conf, "[bmc]\nsdrfile = sdr.bin\n[sensor 5]\nreading = 9\n[sensor 7]\n");
    g_assert_cmpstr(c->sdr_file, ==, path);
    g_assert_cmpuint(sdr_count(&c->start->state.sdr), ==, 2);
    g_assert_true(c->start->state.sensors.s[5].present);
    g_assert_true(c->start->state.sensors.s[7].present);
    g_assert_cmpuint(c->readings_count, ==, 1);
    g_assert_cmpuint(c->readings[0].sensor, ==, 5);
    g_assert_cmpuint(c->readings[0].value, ==, 9);
    bmcd_config_free(c);
    tmp_close(&t);
}

static void test_sdr_file_errors(void)
{
    struct tmp t;
    uint8_t sdrs[64];
    g_autofree gchar *short_header = NULL, *short_record = NULL, *second_short = NULL;
    g_autofree gchar *text = NULL, *expected = NULL, *missing = NULL;

    tmp_open(&t);
    compact_record(sdrs, 0, 5);
    compact_record(sdrs + 32, 1, 7);
    short_header = tmp_file(&t, "header.bin", sdrs, 3);
    short_record = tmp_file(&t, "record.bin", sdrs, 20);
    second_short = tmp_file(&t, "second.bin", sdrs, 40);

    text = g_strdup_printf("[bmc]\nsdrfile = %s\n", short_header);
    expected = g_strdup_printf(NAME ":2: sdrfile '%s': the record at byte 0 is cut short: "
                               "3 bytes left of its 5-byte header", short_header);
    assert_error(text, expected);
    g_free(text);
    g_free(expected);

    text = g_strdup_printf("[bmc]\n# SDRs\nsdrfile = %s\n", short_record);
    expected = g_strdup_printf(NAME ":3: sdrfile '%s': the record at byte 0 is cut short: "
                               "its header says 32 bytes, 20 are left", short_record);
    assert_error(text, expected);
    g_free(text);
    g_free(expected);

    text = g_strdup_printf("[bmc]\nsdrfile = %s\n", second_short);
    expected = g_strdup_printf(NAME ":2: sdrfile '%s': the record at byte 32 is cut short: "
                               "its header says 32 bytes, 8 are left", second_short);
    assert_error(text, expected);
    g_free(text);
    g_free(expected);

    missing = g_build_filename(t.dir, "missing.bin", NULL);
    text = g_strdup_printf("[bmc]\nsdrfile = %s\n", missing);
    expected = g_strdup_printf(NAME ":2: cannot read sdrfile '%s': No such file or directory",
                               missing);
    assert_error(text, expected);
    g_free(text);
    g_free(expected);

    text = g_strdup_printf("[bmc]\nsdrfile = %s\n", t.dir);
    expected = g_strdup_printf(NAME ":2: sdrfile '%s' is not a regular file", t.dir);
    assert_error(text, expected);
    tmp_close(&t);
}

static void test_fru_file(void)
{
    struct tmp t;
    g_autofree uint8_t *data = g_malloc(3000);
    g_autofree gchar *path = NULL, *text = NULL;
    struct bmcd_config *c;
    size_t base, size;

    tmp_open(&t);
    memset(data, 0x5a, 3000);
    path = tmp_file(&t, "fru.bin", data, 3000);
    text = g_strdup_printf("[bmc]\nfrudatafile = %s\nfruareasize = 1024\n", path);
    c = parse_ok(NAME, text);
    g_assert_cmpstr(c->fru_file, ==, path);
    g_assert_cmpuint(c->start->state.fru.devices, ==, 3);
    g_assert_true(fru_area(&c->start->state.fru, 2, &base, &size));
    g_assert_cmpuint(size, ==, 1024);
    g_assert_cmphex(c->start->state.fru.data[base + 951], ==, 0x5a);
    g_assert_cmphex(c->start->state.fru.data[base + 952], ==, 0);   /* padded */
    bmcd_config_free(c);
    tmp_close(&t);
}

static void test_fru_errors(void)
{
    struct tmp t;
    g_autofree uint8_t *data = g_malloc0(9000);
    g_autofree gchar *path = NULL, *text = NULL, *expected = NULL;

    assert_error("[bmc]\n\nfruareasize = 0\n", NAME ":3: fruareasize: must be at least 1");
    assert_error("[bmc]\nfruareasize = 9000\n",
                 NAME ":2: fruareasize: 9000 is more than the 8192 bytes of FRU data this "
                 "BMC holds");
    tmp_open(&t);
    path = tmp_file(&t, "big.bin", data, 9000);
    text = g_strdup_printf("[bmc]\nfruareasize = 1024\nfrudatafile = %s\n", path);
    expected = g_strdup_printf(NAME ":3: frudatafile '%s' (9000 bytes, in areas of 1024) is "
                               "more than the 8192 bytes of FRU data this BMC holds", path);
    assert_error(text, expected);
    tmp_close(&t);
}

/*
 * The syntax scan reads the whole file before any value is looked at, so a bad line
 * is reported before an earlier bad value; among values, the first in the file is.
 */
static void test_syntax_before_values(void)
{
    assert_error("[bmc]\ndevice_id = 300\n[nonsense]\nbad line\n",
                 NAME ":4: not a [group], a key=value line or a # comment");
    assert_error("[bmc]\ndevice_id = 300\n[nonsense]\n",
                 NAME ":2: device_id: 300 is out of range (0 to 255, 0xff)");
}

/* The readings go through the core: Set Sensor Reading on the BMC. */
static void test_apply_readings(void)
{
    struct bmcd_config *c = parse_ok(NAME, "[sensor 0]\nreading = 0x33\n");
    g_autofree struct bmc *b = g_memdup2(c->start, sizeof(*c->start));

    g_assert_cmpuint(b->state.sensors.s[0].reading, !=, 0x33);
    bmcd_config_apply_readings(c, b, 1000);
    g_assert_cmpuint(b->state.sensors.s[0].reading, ==, 0x33);
    bmcd_config_free(c);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmcd-config/defaults", test_defaults);
    g_test_add_func("/bmcd-config/good-file", test_good_file);
    g_test_add_func("/bmcd-config/null-guid", test_null_guid);
    g_test_add_func("/bmcd-config/relative-to-cwd", test_relative_to_cwd);
    g_test_add_func("/bmcd-config/syntax-errors", test_syntax_errors);
    g_test_add_func("/bmcd-config/nul-byte", test_nul_byte);
    g_test_add_func("/bmcd-config/bad-escape", test_bad_escape);
    g_test_add_func("/bmcd-config/escapes-undone", test_escapes_undone);
    g_test_add_func("/bmcd-config/unknown-names", test_unknown_names);
    g_test_add_func("/bmcd-config/numbers", test_numbers);
    g_test_add_func("/bmcd-config/bad-guid", test_bad_guid);
    g_test_add_func("/bmcd-config/daemon-values", test_daemon_values);
    g_test_add_func("/bmcd-config/split-tcp", test_split_tcp);
    g_test_add_func("/bmcd-config/sensor-groups", test_sensor_groups);
    g_test_add_func("/bmcd-config/sdr-file", test_sdr_file);
    g_test_add_func("/bmcd-config/sdr-file-errors", test_sdr_file_errors);
    g_test_add_func("/bmcd-config/fru-file", test_fru_file);
    g_test_add_func("/bmcd-config/fru-errors", test_fru_errors);
    g_test_add_func("/bmcd-config/syntax-before-values", test_syntax_before_values);
    g_test_add_func("/bmcd-config/apply-readings", test_apply_readings);
    return g_test_run();
}
