/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The FRU inventory through raw IPMI requests (NetFn Storage, 0Ah): Get FRU Inventory
 * Area Info, Read and Write FRU Data at the boundaries of an area and of the caller's
 * buffer, device ids with no FRU device, and fru_load with the sizes and files
 * upstream's fruareasize and frudatafile give.
 */
#include "bmc-exchange.h"
#include "fru.h"

/* No FRU command asks anything of the world. */
static struct exchange ask(struct bmc *b, const uint8_t *req, size_t len)
{
    return bmc_exchange_quiet(b, 0, req, len);
}

#define ASK(b, ...) \
    ({ static const uint8_t req_[] = { __VA_ARGS__ }; ask((b), req_, sizeof(req_)); })

#define ST 0x28      /* NetFn Storage, LUN 0 */
#define ST_RSP 0x2c

#define LO(v) ((uint8_t)((v) & 0xff))
#define HI(v) ((uint8_t)((v) >> 8))

#define REFUSED(x, cmd, cc) EXPECT((x), ST_RSP, (cmd), (cc))

static struct exchange area_info(struct bmc *b, uint8_t dev)
{
    uint8_t req[] = { ST, 0x10, dev };

    return ask(b, req, sizeof(req));
}

static struct exchange read_fru(struct bmc *b, uint8_t dev, uint16_t offset, uint8_t count)
{
    uint8_t req[] = { ST, 0x11, dev, LO(offset), HI(offset), count };

    return ask(b, req, sizeof(req));
}

static struct exchange write_fru(struct bmc *b, uint8_t dev, uint16_t offset,
                                 const uint8_t *data, size_t n)
{
    uint8_t req[5 + 300];

    g_assert_cmpuint(n, <=, 300);
    req[0] = ST;
    req[1] = 0x12;
    req[2] = dev;
    req[3] = LO(offset);
    req[4] = HI(offset);
    memcpy(req + 5, data, n);
    return ask(b, req, 5 + n);
}

/* Read FRU Data must answer count `n` and data[0 .. n - 1]. */
static void expect_read(struct exchange x, const uint8_t *data, size_t n)
{
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    g_assert_cmpuint(x.len, ==, 4 + n);
    g_assert_cmpuint(x.rsp[3], ==, n);
    g_assert_cmpmem(x.rsp + 4, n, data, n);
}

static void test_area_info(void)
{
    struct bmc b;

    bmc_default(&b);
    /* Device 0: upstream's 1024 bytes, by bytes. */
    EXPECT(area_info(&b, 0), ST_RSP, 0x10, 0x00, 0x00, 0x04, 0x00);
    /* No other device. */
    REFUSED(area_info(&b, 1), 0x10, 0xcb);
    REFUSED(area_info(&b, 0xff), 0x10, 0xcb);
    /* Lengths. */
    REFUSED(ASK(&b, ST, 0x10), 0x10, 0xc7);
    REFUSED(ASK(&b, ST, 0x10, 0x00, 0x00), 0x10, 0xc7);
    REFUSED(ASK(&b, ST, 0x11, 0x00, 0x00, 0x00), 0x11, 0xc7);
    REFUSED(ASK(&b, ST, 0x11, 0x00, 0x00, 0x00, 0x01, 0x00), 0x11, 0xc7);
    REFUSED(ASK(&b, ST, 0x12, 0x00, 0x00), 0x12, 0xc7);
}

static void test_read_write(void)
{
    struct bmc b;
    uint8_t data[300];
    uint8_t zeros[255];
    size_t i;

    bmc_default(&b);
    memset(zeros, 0, sizeof(zeros));
    for (i = 0; i < sizeof(data); i++) {
        data[i] = (uint8_t)(i * 7 + 1);
    }
    /* A new area is zeros. */
    expect_read(read_fru(&b, 0, 0, 16), zeros, 16);
    expect_read(read_fru(&b, 0, 0, 255), zeros, 255);
    expect_read(read_fru(&b, 0, 100, 0), zeros, 0);
    /* A write, read back whole and in parts. */
    EXPECT(write_fru(&b, 0, 8, data, 20), ST_RSP, 0x12, 0x00, 20);
    expect_read(read_fru(&b, 0, 8, 20), data, 20);
    expect_read(read_fru(&b, 0, 13, 3), data + 5, 3);
    {
        uint8_t want[4] = { 0x00, 0x00, data[0], data[1] };

        expect_read(read_fru(&b, 0, 6, 4), want, 4);
    }
    /* 255 bytes at most in one write; an empty one writes nothing. */
    EXPECT(write_fru(&b, 0, 300, data, 255), ST_RSP, 0x12, 0x00, 255);
    expect_read(read_fru(&b, 0, 300, 255), data, 255);
    REFUSED(write_fru(&b, 0, 300, data, 256), 0x12, 0xc8);
    EXPECT(write_fru(&b, 0, 300, data, 0), ST_RSP, 0x12, 0x00, 0);
    expect_read(read_fru(&b, 0, 300, 1), data, 1);

    /* The last byte of the area; past it, out of range. */
    EXPECT(write_fru(&b, 0, 1023, data + 9, 1), ST_RSP, 0x12, 0x00, 1);
    expect_read(read_fru(&b, 0, 1023, 1), data + 9, 1);
    REFUSED(read_fru(&b, 0, 1024, 1), 0x11, 0xc9);
    REFUSED(read_fru(&b, 0, 0xffff, 1), 0x11, 0xc9);
    REFUSED(write_fru(&b, 0, 1024, data, 1), 0x12, 0xc9);
    REFUSED(write_fru(&b, 0, 1024, data, 0), 0x12, 0xc9);
    /* Running past the end stops there: the count says how far. */
    EXPECT(write_fru(&b, 0, 1020, data, 8), ST_RSP, 0x12, 0x00, 4);
    expect_read(read_fru(&b, 0, 1020, 8), data, 4);
    expect_read(read_fru(&b, 0, 1020, 255), data, 4);
    /* No such device. */
    REFUSED(read_fru(&b, 1, 0, 1), 0x11, 0xcb);
    REFUSED(write_fru(&b, 1, 0, data, 1), 0x12, 0xcb);
    REFUSED(write_fru(&b, 0xfe, 0, data, 1), 0x12, 0xcb);
}

static void test_read_fits_buffer(void)
{
    struct bmc b;
    uint8_t rsp[IPMI_MAX_MESSAGE];
    uint8_t req[] = { ST, 0x11, 0, 0, 0, 200 };
    struct bmc_result r;

    bmc_default(&b);
    /* NetFn, command, completion code, count: 4 bytes before the data. */
    r = bmc_handle_request(&b, 0, req, sizeof(req), rsp, 4 + 200);
    g_assert_cmpuint(r.len, ==, 4 + 200);
    g_assert_cmpuint(rsp[3], ==, 200);
    /* A smaller buffer gets what it holds, and the count says so. */
    r = bmc_handle_request(&b, 0, req, sizeof(req), rsp, 4 + 16);
    g_assert_cmpuint(r.len, ==, 4 + 16);
    g_assert_cmphex(rsp[2], ==, 0x00);
    g_assert_cmpuint(rsp[3], ==, 16);
    r = bmc_handle_request(&b, 0, req, sizeof(req), rsp, 4);
    g_assert_cmpuint(r.len, ==, 4);
    g_assert_cmpuint(rsp[3], ==, 0);
    /* No room for the count. */
    r = bmc_handle_request(&b, 0, req, sizeof(req), rsp, 3);
    g_assert_cmpuint(r.len, ==, 3);
    g_assert_cmphex(rsp[2], ==, 0xca);
}

static void test_load(void)
{
    struct bmc b;
    static uint8_t file[BMC_FRU_MAX + 1];
    size_t i;

    bmc_default(&b);
    for (i = 0; i < sizeof(file); i++) {
        file[i] = (uint8_t)(i / 3 + 1);
    }
    /* A file of 3000 bytes in areas of 1024: three devices, the last padded. */
    g_assert_cmpint(fru_load(&b.state.fru, 1024, file, 3000), ==, FRU_LOAD_OK);
    EXPECT(area_info(&b, 2), ST_RSP, 0x10, 0x00, 0x00, 0x04, 0x00);
    REFUSED(area_info(&b, 3), 0x10, 0xcb);
    expect_read(read_fru(&b, 0, 0, 10), file, 10);
    expect_read(read_fru(&b, 1, 5, 10), file + 1024 + 5, 10);
    {
        uint8_t want[10];

        memcpy(want, file + 2048 + 950, 2);
        memset(want + 2, 0, 8);
        expect_read(read_fru(&b, 2, 950, 10), want, 10);
    }
    /* A write to one device leaves the next alone. */
    EXPECT(write_fru(&b, 1, 1022, file, 10), ST_RSP, 0x12, 0x00, 2);
    expect_read(read_fru(&b, 2, 0, 4), file + 2048, 4);

    /* No file (or an empty one): one device of zeros, of the size asked. */
    g_assert_cmpint(fru_load(&b.state.fru, 16, NULL, 0), ==, FRU_LOAD_OK);
    EXPECT(area_info(&b, 0), ST_RSP, 0x10, 0x00, 0x10, 0x00, 0x00);
    REFUSED(area_info(&b, 1), 0x10, 0xcb);
    EXPECT(read_fru(&b, 0, 12, 10), ST_RSP, 0x11, 0x00, 4, 0, 0, 0, 0);
    /* The largest area, filled by the largest file. */
    g_assert_cmpint(fru_load(&b.state.fru, BMC_FRU_MAX, file, BMC_FRU_MAX), ==, FRU_LOAD_OK);
    EXPECT(area_info(&b, 0), ST_RSP, 0x10, 0x00, LO(BMC_FRU_MAX), HI(BMC_FRU_MAX), 0x00);
    expect_read(read_fru(&b, 0, BMC_FRU_MAX - 5, 10), file + BMC_FRU_MAX - 5, 5);
    /* An area of one byte. */
    g_assert_cmpint(fru_load(&b.state.fru, 1, file, 3), ==, FRU_LOAD_OK);
    expect_read(read_fru(&b, 2, 0, 10), file + 2, 1);
    REFUSED(read_fru(&b, 2, 1, 10), 0x11, 0xc9);

    /* What cannot be: nothing changes. */
    g_assert_cmpint(fru_load(&b.state.fru, 1024, file, 3000), ==, FRU_LOAD_OK);
    g_assert_cmpint(fru_load(&b.state.fru, 0, file, 10), ==, FRU_LOAD_AREA_ZERO);
    g_assert_cmpint(fru_load(&b.state.fru, 0, NULL, 0), ==, FRU_LOAD_AREA_ZERO);
    g_assert_cmpint(fru_load(&b.state.fru, BMC_FRU_MAX + 1, NULL, 0), ==,
                    FRU_LOAD_AREA_TOO_BIG);
    g_assert_cmpint(fru_load(&b.state.fru, 65535, NULL, 0), ==, FRU_LOAD_AREA_TOO_BIG);
    g_assert_cmpint(fru_load(&b.state.fru, 1024, file, BMC_FRU_MAX + 1), ==,
                    FRU_LOAD_FILE_TOO_BIG);
    /* 7000 bytes in areas of 3000 are three areas, 9000 bytes. */
    g_assert_cmpint(fru_load(&b.state.fru, 3000, file, 7000), ==, FRU_LOAD_FILE_TOO_BIG);
    EXPECT(area_info(&b, 2), ST_RSP, 0x10, 0x00, 0x00, 0x04, 0x00);
    expect_read(read_fru(&b, 1, 5, 10), file + 1024 + 5, 10);
    /* Two areas of 4096 hold 8192 bytes. */
    g_assert_cmpint(fru_load(&b.state.fru, 4096, file, 4097), ==, FRU_LOAD_OK);
    EXPECT(area_info(&b, 1), ST_RSP, 0x10, 0x00, 0x00, 0x10, 0x00);
}

static void test_device_support(void)
{
    struct bmc b;
    struct exchange x;

    bmc_default(&b);
    /* Get Device ID: SDR repository (bit 1) and SEL (2), as upstream's 07h (QEMU's own
       qtests pin it); the FRU inventory goes unsaid, as upstream's does. */
    x = ASK(&b, 0x18, 0x01);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    g_assert_cmphex(x.rsp[8] & 0x0e, ==, 0x06);
}

/* A FRU inventory from a migration stream: a geometry no frudatafile gives is refused. */
static void test_consistent(void)
{
    struct fru f;

    fru_init(&f);
    g_assert_true(fru_consistent(&f));
    f.devices = BMC_FRU_MAX / f.area_size;
    g_assert_true(fru_consistent(&f));
    f.devices++;
    g_assert_false(fru_consistent(&f));
    f.devices = 0;
    g_assert_false(fru_consistent(&f));
    f.devices = 1;
    f.area_size = 0;
    g_assert_false(fru_consistent(&f));
    f.area_size = BMC_FRU_MAX + 1;
    g_assert_false(fru_consistent(&f));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc/fru/area-info", test_area_info);
    g_test_add_func("/bmc/fru/read-write", test_read_write);
    g_test_add_func("/bmc/fru/read-fits-buffer", test_read_fits_buffer);
    g_test_add_func("/bmc/fru/load", test_load);
    g_test_add_func("/bmc/fru/device-support", test_device_support);
    g_test_add_func("/bmc/fru/consistent", test_consistent);
    return g_test_run();
}
