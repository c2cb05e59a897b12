/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SDR repository through raw IPMI requests (NetFn Storage, 0Ah): every SDR command
 * with valid, boundary and invalid requests, the default watchdog record's bytes,
 * reservations and what cancels them, reads in parts and what fits the caller's
 * buffer, Partial Add SDR across several requests, a full repository, the two steps
 * of Clear SDR Repository, and sdr_load with a well-formed file and each malformed
 * kind.
 */
#include "bmc-exchange.h"
#include "sdr.h"

/* The time of the next request, in milliseconds. */
static uint64_t test_now;

/* A default BMC, its clock at 0. */
static void sdr_default(struct bmc *b)
{
    bmc_default(b);
    test_now = 0;
}

/* No SDR command asks anything of the world. */
static struct exchange ask(struct bmc *b, const uint8_t *req, size_t len)
{
    return bmc_exchange_quiet(b, test_now, req, len);
}

#define ASK(b, ...) \
    ({ static const uint8_t req_[] = { __VA_ARGS__ }; ask((b), req_, sizeof(req_)); })

#define ST 0x28      /* NetFn Storage, LUN 0 */
#define ST_RSP 0x2c

#define LO(v) ((uint8_t)((v) & 0xff))
#define HI(v) ((uint8_t)((v) >> 8))

/* The completion code alone. */
#define REFUSED(x, cmd, cc) EXPECT((x), ST_RSP, (cmd), (cc))

/* Upstream's default record (init_sdrs[]), as record 0000h of a BMC at 20h. */
static const uint8_t watchdog_record[40] = {
    0x00, 0x00, 0x51, 0x02, 35, 0x20, 0x00, 0x00,
    0x23, 0x01, 0x63, 0x00, 0x23, 0x6f, 0x0f, 0x01,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc8,
    'W', 'a', 't', 'c', 'h', 'd', 'o', 'g',
};

static uint16_t reserve(struct bmc *b)
{
    struct exchange x = ASK(b, ST, 0x22);

    g_assert_cmpuint(x.len, ==, 5);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    return (uint16_t)(x.rsp[3] | x.rsp[4] << 8);
}

static struct exchange get_sdr(struct bmc *b, uint16_t res, uint16_t id, uint8_t offset,
                               uint8_t n)
{
    uint8_t req[] = { ST, 0x23, LO(res), HI(res), LO(id), HI(id), offset, n };

    return ask(b, req, sizeof(req));
}

/* Get SDR with a response buffer of rsp_cap bytes. */
static struct bmc_result get_sdr_cap(struct bmc *b, uint16_t id, uint8_t n, uint8_t *rsp,
                                     size_t rsp_cap)
{
    uint8_t req[] = { ST, 0x23, 0, 0, LO(id), HI(id), 0, n };

    return bmc_handle_request(b, test_now, req, sizeof(req), rsp, rsp_cap);
}

static struct exchange delete_sdr(struct bmc *b, uint16_t res, uint16_t id)
{
    uint8_t req[] = { ST, 0x26, LO(res), HI(res), LO(id), HI(id) };

    return ask(b, req, sizeof(req));
}

static struct exchange clear(struct bmc *b, uint16_t res, uint8_t op)
{
    uint8_t req[] = { ST, 0x27, LO(res), HI(res), 'C', 'L', 'R', op };

    return ask(b, req, sizeof(req));
}

/* A record of `len` bytes (5 to 260): id bytes 0-1 `junk`, version 51h, type `type`,
   the right length byte, then body bytes `fill`. */
static void make_record(uint8_t *rec, size_t len, uint8_t type, uint8_t fill)
{
    memset(rec, fill, len);
    rec[0] = 0xee;
    rec[1] = 0xee;
    rec[2] = 0x51;
    rec[3] = type;
    rec[4] = (uint8_t)(len - 5);
}

static struct exchange add_raw(struct bmc *b, const uint8_t *rec, size_t len)
{
    uint8_t req[2 + 300];

    g_assert_cmpuint(len, <=, 300);
    req[0] = ST;
    req[1] = 0x24;
    memcpy(req + 2, rec, len);
    return ask(b, req, 2 + len);
}

static struct exchange add(struct bmc *b, size_t len, uint8_t type, uint8_t fill)
{
    uint8_t rec[260];

    make_record(rec, len, type, fill);
    return add_raw(b, rec, len);
}

static uint16_t add_ok(struct bmc *b, size_t len, uint8_t type, uint8_t fill)
{
    struct exchange x = add(b, len, type, fill);

    g_assert_cmpuint(x.len, ==, 5);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    return (uint16_t)(x.rsp[3] | x.rsp[4] << 8);
}

static struct exchange partial(struct bmc *b, uint16_t res, uint16_t id, uint8_t offset,
                               uint8_t progress, const uint8_t *data, size_t n)
{
    uint8_t req[8 + 300];

    req[0] = ST;
    req[1] = 0x25;
    req[2] = LO(res);
    req[3] = HI(res);
    req[4] = LO(id);
    req[5] = HI(id);
    req[6] = offset;
    req[7] = progress;
    memcpy(req + 8, data, n);
    return ask(b, req, 8 + n);
}

static uint16_t partial_ok(struct bmc *b, uint16_t res, uint16_t id, uint8_t offset,
                           uint8_t progress, const uint8_t *data, size_t n)
{
    struct exchange x = partial(b, res, id, offset, progress, data, n);

    g_assert_cmpuint(x.len, ==, 5);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    return (uint16_t)(x.rsp[3] | x.rsp[4] << 8);
}

/* The whole record `id` (Get SDR, bytes FFh) must be rec[0 .. len - 1], and the next
   record id `next`. */
static void expect_record(struct bmc *b, uint16_t id, const uint8_t *rec, size_t len,
                          uint16_t next)
{
    struct exchange x = get_sdr(b, 0, id, 0, 0xff);

    g_assert_cmphex(x.rsp[2], ==, 0x00);
    g_assert_cmpuint(x.len, ==, 5 + len);
    g_assert_cmphex(x.rsp[3] | x.rsp[4] << 8, ==, next);
    g_assert_cmpmem(x.rsp + 5, len, rec, len);
}

static uint16_t record_count(struct bmc *b)
{
    struct exchange x = ASK(b, ST, 0x20);

    g_assert_cmpuint(x.len, ==, 17);
    return (uint16_t)(x.rsp[4] | x.rsp[5] << 8);
}

static unsigned free_space(struct bmc *b)
{
    struct exchange x = ASK(b, ST, 0x20);

    return x.rsp[6] | x.rsp[7] << 8;
}

static uint8_t support(struct bmc *b)
{
    struct exchange x = ASK(b, ST, 0x20);

    return x.rsp[16];
}

static void test_default_record(void)
{
    struct bmc b;
    struct bmc_config c;
    uint8_t rec[40];

    sdr_default(&b);
    /* Version 51h, one record, 16384 - 40 bytes free, never added or erased; non-modal
       update, delete, partial add, reserve and allocation info supported. */
    EXPECT(ASK(&b, ST, 0x20), ST_RSP, 0x20, 0x00, 0x51, 0x01, 0x00, 0xd8, 0x3f,
           0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x2f);
    /* Upstream's watchdog record, record 0000h, the last. */
    expect_record(&b, 0x0000, watchdog_record, sizeof(watchdog_record), 0xffff);
    expect_record(&b, 0xffff, watchdog_record, sizeof(watchdog_record), 0xffff);
    REFUSED(get_sdr(&b, 0, 0x0001, 0, 0xff), 0x23, 0xcb);
    REFUSED(get_sdr(&b, 0, 0xfffe, 0, 0xff), 0x23, 0xcb);

    /* Its sensor owner is the BMC's slave address. */
    memset(&c, 0, sizeof(c));
    c.slave_addr = 0x24;
    c.ipmi_version = 0x02;
    bmc_init(&b, &c);
    memcpy(rec, watchdog_record, sizeof(rec));
    rec[5] = 0x24;
    expect_record(&b, 0x0000, rec, sizeof(rec), 0xffff);
}

static void test_info_and_lengths(void)
{
    struct bmc b;

    sdr_default(&b);
    /* 8192 units of 2 bytes, (16384 - 40) / 2 free in one block, 260 bytes at most. */
    EXPECT(ASK(&b, ST, 0x21), ST_RSP, 0x21, 0x00, 0x00, 0x20, 0x02, 0x00, 0xec, 0x1f,
           0xec, 0x1f, 0x82);
    /* Storage rejects trailing bytes; fixed layouts need all theirs. */
    REFUSED(ASK(&b, ST, 0x20, 0x00), 0x20, 0xc7);
    REFUSED(ASK(&b, ST, 0x21, 0x00), 0x21, 0xc7);
    REFUSED(ASK(&b, ST, 0x22, 0x00), 0x22, 0xc7);
    REFUSED(ASK(&b, ST, 0x23, 0, 0, 0, 0, 0), 0x23, 0xc7);
    REFUSED(ASK(&b, ST, 0x23, 0, 0, 0, 0, 0, 0xff, 0), 0x23, 0xc7);
    REFUSED(ASK(&b, ST, 0x24, 0, 0, 0x51, 0x02), 0x24, 0xc7);
    REFUSED(ASK(&b, ST, 0x25, 0, 0, 0, 0, 0), 0x25, 0xc7);
    REFUSED(ASK(&b, ST, 0x26, 0, 0, 0), 0x26, 0xc7);
    REFUSED(ASK(&b, ST, 0x27, 0, 0, 'C', 'L', 'R'), 0x27, 0xc7);
    /* Not commands of this BMC: Get/Set SDR Repository Time, update mode. */
    REFUSED(ASK(&b, ST, 0x28), 0x28, 0xc1);
    REFUSED(ASK(&b, ST, 0x2a), 0x2a, 0xc1);
    /* None of that changed anything. */
    g_assert_cmpuint(record_count(&b), ==, 1);
}

static void test_reservation(void)
{
    struct bmc b;
    uint16_t r1;
    uint16_t r2;

    sdr_default(&b);
    r1 = reserve(&b);
    g_assert_cmpuint(r1, !=, 0);
    r2 = reserve(&b);
    g_assert_cmpuint(r2, !=, 0);
    g_assert_cmpuint(r2, !=, r1);
    /* From offset 0 any reservation will do, even a stale one or none. */
    EXPECT(get_sdr(&b, 0, 0, 0, 2), ST_RSP, 0x23, 0x00, 0xff, 0xff, 0x00, 0x00);
    EXPECT(get_sdr(&b, r1, 0, 0, 2), ST_RSP, 0x23, 0x00, 0xff, 0xff, 0x00, 0x00);
    EXPECT(get_sdr(&b, 0x1234, 0, 0, 2), ST_RSP, 0x23, 0x00, 0xff, 0xff, 0x00, 0x00);
    /* From any other offset, only the one that holds. */
    REFUSED(get_sdr(&b, 0, 0, 2, 3), 0x23, 0xc5);
    REFUSED(get_sdr(&b, r1, 0, 2, 3), 0x23, 0xc5);
    EXPECT(get_sdr(&b, r2, 0, 2, 3), ST_RSP, 0x23, 0x00, 0xff, 0xff, 0x51, 0x02, 35);
    /* The reservation is checked before the record id. */
    REFUSED(get_sdr(&b, r1, 0x4444, 2, 3), 0x23, 0xc5);
    REFUSED(get_sdr(&b, r2, 0x4444, 2, 3), 0x23, 0xcb);

    /* An add cancels it. */
    add_ok(&b, 5, 0x12, 0);
    REFUSED(get_sdr(&b, r2, 0, 2, 3), 0x23, 0xc5);
    /* A delete cancels it. */
    r1 = reserve(&b);
    EXPECT(delete_sdr(&b, r1, 0x0001), ST_RSP, 0x26, 0x00, 0x01, 0x00);
    REFUSED(get_sdr(&b, r1, 0, 2, 3), 0x23, 0xc5);
    REFUSED(delete_sdr(&b, r1, 0x0000), 0x26, 0xc5);
    /* A clear cancels it. */
    r1 = reserve(&b);
    EXPECT(clear(&b, r1, 0xaa), ST_RSP, 0x27, 0x00, 0x01);
    REFUSED(clear(&b, r1, 0x00), 0x27, 0xc5);
    /* A completed Partial Add cancels it; its parts before do not. */
    r1 = reserve(&b);
    {
        uint8_t rec[8];

        make_record(rec, sizeof(rec), 0x12, 0x77);
        partial_ok(&b, r1, 0, 0, 0, rec, 5);
        partial_ok(&b, r1, 0, 5, 0, rec + 5, 1);
        partial_ok(&b, r1, 0, 6, 1, rec + 6, 2);
        REFUSED(partial(&b, r1, 0, 0, 0, rec, 5), 0x25, 0xc5);
    }
    /* The reservation id wraps past FFFFh to 0001h, never 0000h. */
    b.state.sdr.reservation = 0xfffe;
    g_assert_cmpuint(reserve(&b), ==, 0xffff);
    g_assert_cmpuint(reserve(&b), ==, 0x0001);
}

static void test_read_in_parts(void)
{
    struct bmc b;
    uint16_t res;
    struct exchange x;

    sdr_default(&b);
    res = reserve(&b);
    /* The header, then the rest in parts, as ipmitool reads a record. */
    EXPECT(get_sdr(&b, 0, 0, 0, 5), ST_RSP, 0x23, 0x00, 0xff, 0xff,
           0x00, 0x00, 0x51, 0x02, 35);
    x = get_sdr(&b, res, 0, 5, 16);
    g_assert_cmpuint(x.len, ==, 5 + 16);
    g_assert_cmpmem(x.rsp + 5, 16, watchdog_record + 5, 16);
    x = get_sdr(&b, res, 0, 21, 19);
    g_assert_cmpuint(x.len, ==, 5 + 19);
    g_assert_cmpmem(x.rsp + 5, 19, watchdog_record + 21, 19);
    /* The last byte; nothing; a read past the end stops there, as does FFh. */
    EXPECT(get_sdr(&b, res, 0, 39, 1), ST_RSP, 0x23, 0x00, 0xff, 0xff, 'g');
    EXPECT(get_sdr(&b, res, 0, 39, 0xff), ST_RSP, 0x23, 0x00, 0xff, 0xff, 'g');
    EXPECT(get_sdr(&b, res, 0, 39, 200), ST_RSP, 0x23, 0x00, 0xff, 0xff, 'g');
    EXPECT(get_sdr(&b, res, 0, 10, 0), ST_RSP, 0x23, 0x00, 0xff, 0xff);
    x = get_sdr(&b, res, 0, 30, 0xfe);
    g_assert_cmpuint(x.len, ==, 5 + 10);
    g_assert_cmpmem(x.rsp + 5, 10, watchdog_record + 30, 10);
    /* From the end of the record or past it: out of range. */
    REFUSED(get_sdr(&b, res, 0, 40, 1), 0x23, 0xc9);
    REFUSED(get_sdr(&b, res, 0, 40, 0), 0x23, 0xc9);
    REFUSED(get_sdr(&b, res, 0, 0xff, 0xff), 0x23, 0xc9);
}

static void test_read_fits_buffer(void)
{
    struct bmc b;
    uint8_t rsp[IPMI_MAX_MESSAGE];
    struct bmc_result r;
    uint8_t rec[260];

    sdr_default(&b);
    /* NetFn, command, completion code, next id: 5 bytes before the record's. */
    r = get_sdr_cap(&b, 0, 0xff, rsp, 5 + 40);
    g_assert_cmpuint(r.len, ==, 5 + 40);
    g_assert_cmphex(rsp[2], ==, 0x00);
    g_assert_cmpmem(rsp + 5, 40, watchdog_record, 40);
    r = get_sdr_cap(&b, 0, 0xff, rsp, 5 + 39);
    g_assert_cmpuint(r.len, ==, 3);
    g_assert_cmphex(rsp[2], ==, 0xca);
    r = get_sdr_cap(&b, 0, 39, rsp, 5 + 39);
    g_assert_cmpuint(r.len, ==, 5 + 39);
    g_assert_cmphex(rsp[2], ==, 0x00);
    /* Room for the next id and nothing more: a read of nothing still works. */
    r = get_sdr_cap(&b, 0, 0, rsp, 5);
    g_assert_cmpuint(r.len, ==, 5);
    g_assert_cmphex(rsp[2], ==, 0x00);
    r = get_sdr_cap(&b, 0, 1, rsp, 5);
    g_assert_cmphex(rsp[2], ==, 0xca);
    /* Not even room for the next id. */
    r = get_sdr_cap(&b, 0, 0, rsp, 4);
    g_assert_cmpuint(r.len, ==, 3);
    g_assert_cmphex(rsp[2], ==, 0xca);
    /* The largest record, read whole, fits a message. */
    make_record(rec, 260, 0xc0, 0x5a);
    add_ok(&b, 260, 0xc0, 0x5a);
    rec[0] = 0x01;
    rec[1] = 0x00;
    expect_record(&b, 0x0001, rec, 260, 0xffff);
}

static void test_add(void)
{
    struct bmc b;
    uint8_t rec[260];
    uint8_t want[260];

    sdr_default(&b);
    /* The length byte must say the record's length. */
    make_record(rec, 20, 0x01, 0x33);
    rec[4] = 14;
    REFUSED(add_raw(&b, rec, 20), 0x24, 0xcc);
    rec[4] = 16;
    REFUSED(add_raw(&b, rec, 20), 0x24, 0xcc);
    rec[4] = 255;
    REFUSED(add_raw(&b, rec, 20), 0x24, 0xcc);
    /* More than 260 bytes cannot be a record. */
    make_record(rec, 260, 0x01, 0x33);
    {
        uint8_t req[2 + 261];

        req[0] = ST;
        req[1] = 0x24;
        memcpy(req + 2, rec, 260);
        req[262] = 0;
        REFUSED(ask(&b, req, sizeof(req)), 0x24, 0xc8);
    }
    g_assert_cmpuint(record_count(&b), ==, 1);

    /* Ids follow the default record's; the BMC writes them into bytes 0-1 and keeps
       the rest (the version byte too). At 3.5 s of SEL time 0 the last add is 3. */
    test_now = 3500;
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0x0001);
    test_now = 4200;
    make_record(rec, 20, 0x01, 0x33);
    rec[2] = 0x42;
    memcpy(want, rec, 20);
    add_raw(&b, rec, 20);
    want[0] = 0x02;
    want[1] = 0x00;
    EXPECT(ASK(&b, ST, 0x20), ST_RSP, 0x20, 0x00, 0x51, 0x03, 0x00,
           LO(16384 - 40 - 5 - 20), HI(16384 - 40 - 5 - 20),
           0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x2f);
    expect_record(&b, 0x0002, want, 20, 0xffff);
    expect_record(&b, 0xffff, want, 20, 0xffff);
    EXPECT(get_sdr(&b, 0, 0x0001, 0, 0xff), ST_RSP, 0x23, 0x00, 0x02, 0x00,
           0x01, 0x00, 0x51, 0x12, 0x00);
    EXPECT(get_sdr(&b, 0, 0x0000, 0, 2), ST_RSP, 0x23, 0x00, 0x01, 0x00, 0x00, 0x00);
    /* SEL time moves the add time: Set SEL Time to 1000 s at 4.2 s. */
    EXPECT(ASK(&b, ST, 0x49, 0xe8, 0x03, 0x00, 0x00), ST_RSP, 0x49, 0x00);
    add_ok(&b, 5, 0x12, 0);
    EXPECT(ASK(&b, ST, 0x20), ST_RSP, 0x20, 0x00, 0x51, 0x04, 0x00,
           LO(16384 - 40 - 5 - 20 - 5), HI(16384 - 40 - 5 - 20 - 5),
           0xe8, 0x03, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x2f);
}

static void test_full(void)
{
    struct bmc b;
    uint16_t res;
    unsigned i;
    uint8_t rec[260];

    sdr_default(&b);
    /* 62 records of 260 bytes after the default's 40 leave 224 bytes. */
    for (i = 0; i < 62; i++) {
        g_assert_cmpuint(add_ok(&b, 260, 0xc0, (uint8_t)i), ==, i + 1);
    }
    g_assert_cmpuint(free_space(&b), ==, 224);
    g_assert_cmphex(support(&b), ==, 0x2f);
    REFUSED(add(&b, 225, 0xc0, 0), 0x24, 0xc4);
    /* A full repository says so from then on; what it has is kept. */
    g_assert_cmphex(support(&b), ==, 0xaf);
    g_assert_cmpuint(record_count(&b), ==, 63);
    /* A Partial Add of a record that would not fit is refused at its first part. */
    res = reserve(&b);
    make_record(rec, 225, 0xc0, 0);
    REFUSED(partial(&b, res, 0, 0, 0, rec, 5), 0x25, 0xc4);
    /* One that fits exactly is taken; then nothing is free. */
    g_assert_cmpuint(add_ok(&b, 224, 0xc0, 0x99), ==, 63);
    EXPECT(ASK(&b, ST, 0x21), ST_RSP, 0x21, 0x00, 0x00, 0x20, 0x02, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x82);
    g_assert_cmpuint(free_space(&b), ==, 0);
    REFUSED(add(&b, 5, 0xc0, 0), 0x24, 0xc4);
    /* A delete makes room again; the overflow flag stays until a clear. */
    res = reserve(&b);
    EXPECT(delete_sdr(&b, res, 0x0005), ST_RSP, 0x26, 0x00, 0x05, 0x00);
    g_assert_cmpuint(free_space(&b), ==, 260);
    g_assert_cmphex(support(&b), ==, 0xaf);
    g_assert_cmpuint(add_ok(&b, 260, 0xc0, 0x11), ==, 64);
    res = reserve(&b);
    EXPECT(clear(&b, res, 0xaa), ST_RSP, 0x27, 0x00, 0x01);
    g_assert_cmphex(support(&b), ==, 0x2f);
    g_assert_cmpuint(free_space(&b), ==, 16384);
}

static void test_full_index(void)
{
    struct bmc b;
    unsigned i;

    sdr_default(&b);
    /* 1024 records at most, however short: 1023 of 5 bytes after the default. */
    for (i = 1; i < 1024; i++) {
        g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, i);
    }
    g_assert_cmpuint(record_count(&b), ==, 1024);
    /* The bytes are there, the index is not: the repository is full. */
    g_assert_cmpuint(free_space(&b), ==, 0);
    REFUSED(add(&b, 5, 0x12, 0), 0x24, 0xc4);
    g_assert_cmphex(support(&b), ==, 0xaf);
}

static void test_delete(void)
{
    struct bmc b;
    uint16_t res;
    uint8_t r1[30];
    uint8_t r2[7];
    uint8_t r3[100];

    sdr_default(&b);
    make_record(r1, sizeof(r1), 0x01, 0x11);
    make_record(r2, sizeof(r2), 0x02, 0x22);
    make_record(r3, sizeof(r3), 0x03, 0x33);
    add_raw(&b, r1, sizeof(r1));
    add_raw(&b, r2, sizeof(r2));
    add_raw(&b, r3, sizeof(r3));
    r1[0] = 1;
    r2[0] = 2;
    r3[0] = 3;
    r1[1] = r2[1] = r3[1] = 0;
    /* A delete needs the reservation; the record must be there. */
    REFUSED(delete_sdr(&b, 0, 0x0002), 0x26, 0xc5);
    res = reserve(&b);
    REFUSED(delete_sdr(&b, res + 1, 0x0002), 0x26, 0xc5);
    REFUSED(delete_sdr(&b, res, 0x0004), 0x26, 0xcb);
    REFUSED(delete_sdr(&b, res, 0xfffe), 0x26, 0xcb);
    g_assert_cmpuint(record_count(&b), ==, 4);
    /* One in the middle: the records after it move up, whole. */
    test_now = 7000;
    EXPECT(delete_sdr(&b, res, 0x0002), ST_RSP, 0x26, 0x00, 0x02, 0x00);
    g_assert_cmpuint(record_count(&b), ==, 3);
    g_assert_cmpuint(free_space(&b), ==, 16384 - 40 - 30 - 100);
    expect_record(&b, 0x0000, watchdog_record, sizeof(watchdog_record), 0x0001);
    expect_record(&b, 0x0001, r1, sizeof(r1), 0x0003);
    expect_record(&b, 0x0003, r3, sizeof(r3), 0xffff);
    REFUSED(get_sdr(&b, 0, 0x0002, 0, 0xff), 0x23, 0xcb);
    /* Its erase time is the last erase time. */
    EXPECT(ASK(&b, ST, 0x20), ST_RSP, 0x20, 0x00, 0x51, 0x03, 0x00,
           LO(16384 - 170), HI(16384 - 170), 0x00, 0x00, 0x00, 0x00,
           0x07, 0x00, 0x00, 0x00, 0x2f);
    /* The last (FFFFh), then the first (0000h). */
    res = reserve(&b);
    EXPECT(delete_sdr(&b, res, 0xffff), ST_RSP, 0x26, 0x00, 0x03, 0x00);
    res = reserve(&b);
    EXPECT(delete_sdr(&b, res, 0x0000), ST_RSP, 0x26, 0x00, 0x00, 0x00);
    /* Record 0001h is now the first, and 0000h names it. */
    expect_record(&b, 0x0000, r1, sizeof(r1), 0xffff);
    res = reserve(&b);
    EXPECT(delete_sdr(&b, res, 0x0000), ST_RSP, 0x26, 0x00, 0x01, 0x00);
    g_assert_cmpuint(record_count(&b), ==, 0);
    g_assert_cmpuint(free_space(&b), ==, 16384);
    res = reserve(&b);
    REFUSED(delete_sdr(&b, res, 0x0000), 0x26, 0xcb);
    REFUSED(delete_sdr(&b, res, 0xffff), 0x26, 0xcb);
    REFUSED(get_sdr(&b, 0, 0x0000, 0, 0xff), 0x23, 0xcb);
    /* Ids go on from where they were. */
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0x0004);
}

static void test_clear(void)
{
    struct bmc b;
    uint16_t res;

    sdr_default(&b);
    add_ok(&b, 10, 0x12, 0);
    REFUSED(clear(&b, 0, 0xaa), 0x27, 0xc5);
    res = reserve(&b);
    REFUSED(clear(&b, res + 1, 0xaa), 0x27, 0xc5);
    /* 'C', 'L', 'R' and a known operation, or nothing happens. */
    {
        uint8_t req[] = { ST, 0x27, LO(res), HI(res), 'C', 'L', 'X', 0xaa };

        REFUSED(ask(&b, req, sizeof(req)), 0x27, 0xcc);
    }
    REFUSED(clear(&b, res, 0x55), 0x27, 0xcc);
    REFUSED(clear(&b, res, 0x01), 0x27, 0xcc);
    /* Get erasure status: complete, and nothing erased. */
    EXPECT(clear(&b, res, 0x00), ST_RSP, 0x27, 0x00, 0x01);
    g_assert_cmpuint(record_count(&b), ==, 2);
    /* Initiate: erased at once, at the SEL time of the request. */
    test_now = 9999;
    EXPECT(clear(&b, res, 0xaa), ST_RSP, 0x27, 0x00, 0x01);
    EXPECT(ASK(&b, ST, 0x20), ST_RSP, 0x20, 0x00, 0x51, 0x00, 0x00, 0x00, 0x40,
           0x00, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x2f);
    REFUSED(get_sdr(&b, 0, 0, 0, 0xff), 0x23, 0xcb);
    /* The status, asked under a new reservation, is still complete. */
    res = reserve(&b);
    EXPECT(clear(&b, res, 0x00), ST_RSP, 0x27, 0x00, 0x01);
    /* Ids start over at 0000h. */
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0x0000);
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0x0001);
}

static void test_partial_add(void)
{
    struct bmc b;
    uint16_t res;
    uint16_t id;
    uint8_t rec[100];
    size_t i;

    sdr_default(&b);
    make_record(rec, sizeof(rec), 0x01, 0);
    for (i = 5; i < sizeof(rec); i++) {
        rec[i] = (uint8_t)i;
    }
    /* As ipmitool adds a record: the header, then 19 bytes at a time. */
    res = reserve(&b);
    id = partial_ok(&b, res, 0, 0, 0, rec, 5);
    g_assert_cmpuint(id, ==, 0x0001);
    for (i = 5; i + 19 < sizeof(rec); i += 19) {
        g_assert_cmpuint(partial_ok(&b, res, id, (uint8_t)i, 0, rec + i, 19), ==, id);
        /* Nothing is added before the last part. */
        g_assert_cmpuint(record_count(&b), ==, 1);
    }
    test_now = 12000;
    g_assert_cmpuint(partial_ok(&b, res, id, (uint8_t)i, 1, rec + i, sizeof(rec) - i), ==,
                     id);
    g_assert_cmpuint(record_count(&b), ==, 2);
    rec[0] = 0x01;
    rec[1] = 0x00;
    expect_record(&b, 0x0001, rec, sizeof(rec), 0xffff);
    EXPECT(ASK(&b, ST, 0x20), ST_RSP, 0x20, 0x00, 0x51, 0x02, 0x00,
           LO(16384 - 140), HI(16384 - 140), 0x0c, 0x00, 0x00, 0x00,
           0xff, 0xff, 0xff, 0xff, 0x2f);

    /* A whole record in one part. */
    res = reserve(&b);
    make_record(rec, 12, 0x08, 0x44);
    g_assert_cmpuint(partial_ok(&b, res, 0, 0, 1, rec, 12), ==, 0x0002);
    rec[0] = 0x02;
    rec[1] = 0x00;
    expect_record(&b, 0x0002, rec, 12, 0xffff);
    /* The header and all the body, then an empty last part. */
    res = reserve(&b);
    make_record(rec, 9, 0x08, 0x45);
    g_assert_cmpuint(partial_ok(&b, res, 0, 0, 0, rec, 9), ==, 0x0003);
    g_assert_cmpuint(partial_ok(&b, res, 0x0003, 9, 1, rec, 0), ==, 0x0003);
    g_assert_cmpuint(record_count(&b), ==, 4);
}

static void test_partial_add_refused(void)
{
    struct bmc b;
    uint16_t res;
    uint16_t id;
    uint8_t rec[64]; /* a record of 40 bytes, and room to read past it */

    sdr_default(&b);
    make_record(rec, 40, 0x01, 0x66);
    /* No reservation, or not the one that holds. */
    REFUSED(partial(&b, 0, 0, 0, 0, rec, 5), 0x25, 0xc5);
    res = reserve(&b);
    REFUSED(partial(&b, res + 1, 0, 0, 0, rec, 5), 0x25, 0xc5);
    /* In progress is 00h or 01h. */
    REFUSED(partial(&b, res, 0, 0, 2, rec, 5), 0x25, 0xcc);
    REFUSED(partial(&b, res, 0, 0, 0x10, rec, 5), 0x25, 0xcc);
    /* A first part: record id 0000h, its whole header, no more than the record (a
       length that does not match the header's is 80h, section 33.13). */
    REFUSED(partial(&b, res, 0x0001, 0, 0, rec, 5), 0x25, 0xcc);
    REFUSED(partial(&b, res, 0, 0, 0, rec, 4), 0x25, 0xcc);
    rec[4] = 10;
    REFUSED(partial(&b, res, 0, 0, 0, rec, 16), 0x25, 0x80);
    /* A last part must end the record. */
    REFUSED(partial(&b, res, 0, 0, 1, rec, 14), 0x25, 0x80);
    rec[4] = 35;
    /* No record in progress yet. */
    REFUSED(partial(&b, res, 0x0001, 5, 0, rec + 5, 5), 0x25, 0xcc);
    id = partial_ok(&b, res, 0, 0, 0, rec, 10);
    /* Later parts: the id given, where the last ended, within the record. */
    REFUSED(partial(&b, res, id + 1, 10, 0, rec + 10, 5), 0x25, 0xcc);
    REFUSED(partial(&b, res, 0, 10, 0, rec + 10, 5), 0x25, 0xcc);
    REFUSED(partial(&b, res, id, 11, 0, rec + 11, 5), 0x25, 0xcc); /* a gap */
    REFUSED(partial(&b, res, id, 9, 0, rec + 9, 5), 0x25, 0xcc);   /* an overlap */
    REFUSED(partial(&b, res, id, 10, 0, rec + 10, 31), 0x25, 0x80); /* past the end */
    REFUSED(partial(&b, res, id, 10, 1, rec + 10, 29), 0x25, 0x80); /* ends short */
    /* None of that lost what came before. */
    partial_ok(&b, res, id, 10, 0, rec + 10, 20);
    partial_ok(&b, res, id, 30, 1, rec + 30, 10);
    rec[0] = LO(id);
    rec[1] = HI(id);
    expect_record(&b, id, rec, 40, 0xffff);

    /* A new reservation drops the record in progress. */
    res = reserve(&b);
    id = partial_ok(&b, res, 0, 0, 0, rec, 10);
    res = reserve(&b);
    REFUSED(partial(&b, res, id, 10, 1, rec + 10, 30), 0x25, 0xcc);
    /* An Add SDR meanwhile cancels the reservation, and drops it too. */
    id = partial_ok(&b, res, 0, 0, 0, rec, 10);
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, id);
    REFUSED(partial(&b, res, id, 10, 1, rec + 10, 30), 0x25, 0xc5);
    res = reserve(&b);
    REFUSED(partial(&b, res, id, 10, 1, rec + 10, 30), 0x25, 0xcc);
    /* A first part again starts over. */
    id = partial_ok(&b, res, 0, 0, 0, rec, 20);
    g_assert_cmpuint(partial_ok(&b, res, 0, 0, 0, rec, 10), ==, id);
    REFUSED(partial(&b, res, id, 20, 1, rec + 20, 20), 0x25, 0xcc);
    partial_ok(&b, res, id, 10, 1, rec + 10, 30);
    g_assert_cmpuint(record_count(&b), ==, 4);
}

/* sdr_load on `len` bytes of file. */
static enum sdr_load_error load(struct bmc *b, const uint8_t *file, size_t len,
                                size_t *where)
{
    *where = 12345;
    return sdr_load(&b->state.sdr, file, len, where);
}

static void test_load(void)
{
    struct bmc b;
    size_t where;
    static uint8_t file[2 * SDR_POOL_SIZE];
    uint8_t want[40];
    size_t i;

    sdr_default(&b);
    /* Records one after the other; the BMC gives them ids 0000h on. */
    memcpy(file, watchdog_record, 40);
    file[0] = 0x34;
    file[1] = 0x12;
    make_record(file + 40, 7, 0x12, 0x5a);
    g_assert_cmpint(load(&b, file, 47, &where), ==, SDR_LOAD_OK);
    g_assert_cmpuint(where, ==, 47);
    g_assert_cmpuint(record_count(&b), ==, 2);
    expect_record(&b, 0x0000, watchdog_record, 40, 0x0001);
    memcpy(want, file + 40, 7);
    want[0] = 0x01;
    want[1] = 0x00;
    expect_record(&b, 0x0001, want, 7, 0xffff);
    /* The records it starts with were not added: never added, never erased. */
    EXPECT(ASK(&b, ST, 0x20), ST_RSP, 0x20, 0x00, 0x51, 0x02, 0x00,
           LO(16384 - 47), HI(16384 - 47), 0xff, 0xff, 0xff, 0xff,
           0xff, 0xff, 0xff, 0xff, 0x2f);
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0x0002);

    /* An empty file: an empty repository, not the default. */
    g_assert_cmpint(load(&b, file, 0, &where), ==, SDR_LOAD_OK);
    g_assert_cmpuint(where, ==, 0);
    g_assert_cmpuint(record_count(&b), ==, 0);

    /* A header cut short: the records before it are there. */
    g_assert_cmpint(load(&b, file, 40 + 4, &where), ==, SDR_LOAD_TRUNCATED_HEADER);
    g_assert_cmpuint(where, ==, 40);
    g_assert_cmpuint(record_count(&b), ==, 1);
    g_assert_cmpint(load(&b, file, 1, &where), ==, SDR_LOAD_TRUNCATED_HEADER);
    g_assert_cmpuint(where, ==, 0);
    /* A record cut short. */
    g_assert_cmpint(load(&b, file, 46, &where), ==, SDR_LOAD_TRUNCATED_RECORD);
    g_assert_cmpuint(where, ==, 40);
    g_assert_cmpint(load(&b, file, 39, &where), ==, SDR_LOAD_TRUNCATED_RECORD);
    g_assert_cmpuint(where, ==, 0);
    g_assert_cmpuint(record_count(&b), ==, 0);
    /* Records of 256 to 260 bytes are records (upstream leaves them out). */
    make_record(file, 260, 0xc0, 0x01);
    g_assert_cmpint(load(&b, file, 260, &where), ==, SDR_LOAD_OK);
    g_assert_cmpuint(record_count(&b), ==, 1);

    /* 63 records of 260 bytes fit (16380 bytes), a 64th does not. */
    for (i = 0; i < 64; i++) {
        make_record(file + 260 * i, 260, 0xc0, (uint8_t)i);
    }
    g_assert_cmpint(load(&b, file, 260 * 63, &where), ==, SDR_LOAD_OK);
    g_assert_cmpuint(record_count(&b), ==, 63);
    g_assert_cmpuint(free_space(&b), ==, 4);
    g_assert_cmpint(load(&b, file, 260 * 64, &where), ==, SDR_LOAD_FULL);
    g_assert_cmpuint(where, ==, 260 * 63);
    g_assert_cmpuint(record_count(&b), ==, 63);
    /* Nor do more than 1024 records, however short. */
    for (i = 0; i < 1025; i++) {
        make_record(file + 5 * i, 5, 0x12, 0);
    }
    g_assert_cmpint(load(&b, file, 5 * 1024, &where), ==, SDR_LOAD_OK);
    g_assert_cmpuint(record_count(&b), ==, 1024);
    g_assert_cmpint(load(&b, file, 5 * 1025, &where), ==, SDR_LOAD_FULL);
    g_assert_cmpuint(where, ==, 5 * 1024);
}

static void test_find_exact(void)
{
    struct bmc b;
    size_t i;

    sdr_default(&b);
    add_ok(&b, 5, 0x12, 0);
    add_ok(&b, 5, 0x12, 0);
    /* What ipmi_bmc_sdr_find asks: ids as they are, 0000h and FFFFh too. */
    g_assert_cmpuint(sdr_find_exact(&b.state.sdr, 0x0000), ==, 0);
    g_assert_cmpuint(sdr_find_exact(&b.state.sdr, 0x0002), ==, 2);
    g_assert_cmpuint(sdr_find_exact(&b.state.sdr, 0x0003), ==, 3);
    g_assert_cmpuint(sdr_find_exact(&b.state.sdr, 0xffff), ==, 3);
    i = sdr_find_exact(&b.state.sdr, 0x0001);
    g_assert_cmpuint(sdr_len_at(&b.state.sdr, i), ==, 5);
    g_assert_cmpuint(sdr_id_at(&b.state.sdr, i), ==, 0x0001);
    /* Once record 0000h is gone, 0000h names the first record in Get SDR only. */
    EXPECT(delete_sdr(&b, reserve(&b), 0x0000), ST_RSP, 0x26, 0x00, 0x00, 0x00);
    g_assert_cmpuint(sdr_find_exact(&b.state.sdr, 0x0000), ==, 2);
    g_assert_cmpuint(sdr_find(&b.state.sdr, 0x0000), ==, 0);
}

static void test_ids_wrap(void)
{
    struct bmc b;

    sdr_default(&b);
    /* After FFFEh the next id is 0000h: FFFFh is never an id. */
    b.state.sdr.next_id = 0xfffe;
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0xfffe);
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0x0000);
    g_assert_cmpuint(add_ok(&b, 5, 0x12, 0), ==, 0x0001);
}

/* A repository from a migration stream: what sdr_consistent takes and refuses. */
static void test_consistent(void)
{
    struct bmc b;
    struct sdr r;

    sdr_default(&b);
    add_ok(&b, 5, 0x12, 0);
    r = b.state.sdr;
    g_assert_true(sdr_consistent(&r));
    /* Records shorter than a header, out of order, or past the pool. */
    r.start[1] = (int16_t)(r.start[0] + SDR_HEADER_LEN - 1);
    g_assert_false(sdr_consistent(&r));
    r = b.state.sdr;
    r.start[2] = r.start[1];
    g_assert_false(sdr_consistent(&r));
    r = b.state.sdr;
    r.start[r.count] = SDR_POOL_SIZE + 1;
    g_assert_false(sdr_consistent(&r));
    r = b.state.sdr;
    r.start[0] = -1;
    g_assert_false(sdr_consistent(&r));
    /* A count outside the index; a Partial Add that cannot fit or ran past itself. */
    r = b.state.sdr;
    r.count = SDR_MAX_RECORDS + 1;
    g_assert_false(sdr_consistent(&r));
    r = b.state.sdr;
    r.count = -1;
    g_assert_false(sdr_consistent(&r));
    r = b.state.sdr;
    r.pending_total = SDR_RECORD_MAX + 1;
    g_assert_false(sdr_consistent(&r));
    r = b.state.sdr;
    r.pending_total = SDR_HEADER_LEN + 3;
    r.pending_len = SDR_HEADER_LEN + 4;
    g_assert_false(sdr_consistent(&r));
    r.pending_len = SDR_HEADER_LEN;
    g_assert_true(sdr_consistent(&r));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc/sdr/default-record", test_default_record);
    g_test_add_func("/bmc/sdr/info-and-lengths", test_info_and_lengths);
    g_test_add_func("/bmc/sdr/reservation", test_reservation);
    g_test_add_func("/bmc/sdr/read-in-parts", test_read_in_parts);
    g_test_add_func("/bmc/sdr/read-fits-buffer", test_read_fits_buffer);
    g_test_add_func("/bmc/sdr/add", test_add);
    g_test_add_func("/bmc/sdr/full", test_full);
    g_test_add_func("/bmc/sdr/full-index", test_full_index);
    g_test_add_func("/bmc/sdr/delete", test_delete);
    g_test_add_func("/bmc/sdr/clear", test_clear);
    g_test_add_func("/bmc/sdr/partial-add", test_partial_add);
    g_test_add_func("/bmc/sdr/partial-add-refused", test_partial_add_refused);
    g_test_add_func("/bmc/sdr/load", test_load);
    g_test_add_func("/bmc/sdr/find-exact", test_find_exact);
    g_test_add_func("/bmc/sdr/consistent", test_consistent);
    g_test_add_func("/bmc/sdr/ids-wrap", test_ids_wrap);
    return g_test_run();
}
