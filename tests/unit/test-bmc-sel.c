/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The System Event Log through raw IPMI requests (NetFn Storage, 0Ah): every SEL
 * command with valid, boundary and invalid requests, reservations and what cancels
 * them, a full SEL, partial reads, the SEL's clock, record ids after delete and clear.
 */
#include "bmc-exchange.h"
#include "sel.h"

/* The time of the next request, in milliseconds. */
static uint64_t test_now;

/* A default BMC, its clock at 0. */
static void sel_default(struct bmc *b)
{
    bmc_default(b);
    test_now = 0;
}

/* No SEL command asks anything of the world. */
static struct exchange ask(struct bmc *b, const uint8_t *req, size_t len)
{
    return bmc_exchange_quiet(b, test_now, req, len);
}

#define ASK(b, ...) \
    ({ static const uint8_t req_[] = { __VA_ARGS__ }; ask((b), req_, sizeof(req_)); })

/* The same, with bytes known only when it runs. */
#define ASKV(b, ...) \
    ({ const uint8_t req_[] = { __VA_ARGS__ }; ask((b), req_, sizeof(req_)); })

#define ST 0x28      /* NetFn Storage, LUN 0 */
#define ST_RSP 0x2c

#define LO(v) ((uint8_t)((v) & 0xff))
#define HI(v) ((uint8_t)((v) >> 8))

static uint16_t reserve(struct bmc *b)
{
    struct exchange x = ASK(b, ST, 0x42);

    g_assert_cmpuint(x.len, ==, 5);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    return (uint16_t)(x.rsp[3] | x.rsp[4] << 8);
}

static struct exchange get_entry(struct bmc *b, uint16_t res, uint16_t id, uint8_t offset,
                                 uint8_t n)
{
    uint8_t req[] = { ST, 0x43, LO(res), HI(res), LO(id), HI(id), offset, n };

    return ask(b, req, sizeof(req));
}

static struct exchange delete_entry(struct bmc *b, uint16_t res, uint16_t id)
{
    uint8_t req[] = { ST, 0x46, LO(res), HI(res), LO(id), HI(id) };

    return ask(b, req, sizeof(req));
}

static struct exchange clear(struct bmc *b, uint16_t res, uint8_t op)
{
    uint8_t req[] = { ST, 0x47, LO(res), HI(res), 'C', 'L', 'R', op };

    return ask(b, req, sizeof(req));
}

/* Adds a record of type `type` whose other bytes are `fill`; returns the exchange. */
static struct exchange add(struct bmc *b, uint8_t type, uint8_t fill)
{
    uint8_t req[2 + SEL_RECORD_LEN];

    req[0] = ST;
    req[1] = 0x44;
    memset(req + 2, fill, SEL_RECORD_LEN);
    req[2 + 2] = type;
    return ask(b, req, sizeof(req));
}

static uint16_t add_ok(struct bmc *b, uint8_t type, uint8_t fill)
{
    struct exchange x = add(b, type, fill);

    g_assert_cmpuint(x.len, ==, 5);
    g_assert_cmphex(x.rsp[2], ==, 0x00);
    return (uint16_t)(x.rsp[3] | x.rsp[4] << 8);
}

static void test_info_empty(void)
{
    struct bmc b;

    sel_default(&b);
    /* Version 51h, no entries, 1024 bytes free, never added or erased; delete,
       reserve and allocation info supported. */
    EXPECT(ASK(&b, ST, 0x40), ST_RSP, 0x40, 0x00, 0x51, 0x00, 0x00, 0x00, 0x04,
           0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0b);
    /* 64 units of 16 bytes, all free, a record is one unit. */
    EXPECT(ASK(&b, ST, 0x41), ST_RSP, 0x41, 0x00, 0x40, 0x00, 0x10, 0x00, 0x40, 0x00,
           0x40, 0x00, 0x01);
    /* Storage rejects trailing bytes. */
    EXPECT(ASK(&b, ST, 0x40, 0x00), ST_RSP, 0x40, 0xc7);
    EXPECT(ASK(&b, ST, 0x41, 0x00), ST_RSP, 0x41, 0xc7);
    EXPECT(ASK(&b, ST, 0x42, 0x00), ST_RSP, 0x42, 0xc7);
    EXPECT(ASK(&b, ST, 0x48, 0x00), ST_RSP, 0x48, 0xc7);
    /* Not a SEL command (45h is Partial Add, not supported). */
    EXPECT(ASK(&b, ST, 0x45), ST_RSP, 0x45, 0xc1);
    /* The empty SEL has no first or last record. */
    EXPECT(get_entry(&b, 0, 0x0000, 0, 0xff), ST_RSP, 0x43, 0xcb);
    EXPECT(get_entry(&b, 0, 0xffff, 0, 0xff), ST_RSP, 0x43, 0xcb);
}

static void test_add_and_get(void)
{
    struct bmc b;

    sel_default(&b);
    test_now = 5000;
    /* A system event record: bytes 0-1 become the id, 3-6 the SEL time (5 s). */
    g_assert_cmpuint(add_ok(&b, 0x02, 0x77), ==, 1);
    EXPECT(get_entry(&b, 0, 0x0000, 0, 0xff), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x01, 0x00, 0x02, 0x05, 0x00, 0x00, 0x00, 0x77, 0x77, 0x77, 0x77, 0x77,
           0x77, 0x77, 0x77, 0x77);
    /* An OEM record keeps its bytes 3-6. */
    test_now = 6000;
    g_assert_cmpuint(add_ok(&b, 0xe0, 0x33), ==, 2);
    EXPECT(get_entry(&b, 0, 0x0001, 0, 0xff), ST_RSP, 0x43, 0x00, 0x02, 0x00,
           0x01, 0x00, 0x02, 0x05, 0x00, 0x00, 0x00, 0x77, 0x77, 0x77, 0x77, 0x77,
           0x77, 0x77, 0x77, 0x77);
    EXPECT(get_entry(&b, 0, 0xffff, 0, 0xff), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x02, 0x00, 0xe0, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33,
           0x33, 0x33, 0x33, 0x33);
    EXPECT(get_entry(&b, 0, 0x0002, 0, 0xff), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x02, 0x00, 0xe0, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33,
           0x33, 0x33, 0x33, 0x33);
    /* No record 3. */
    EXPECT(get_entry(&b, 0, 0x0003, 0, 0xff), ST_RSP, 0x43, 0xcb);
    /* Two entries, 992 bytes free, last added at 6 s. */
    EXPECT(ASK(&b, ST, 0x40), ST_RSP, 0x40, 0x00, 0x51, 0x02, 0x00, 0xe0, 0x03,
           0x06, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x0b);
    EXPECT(ASK(&b, ST, 0x41), ST_RSP, 0x41, 0x00, 0x40, 0x00, 0x10, 0x00, 0x3e, 0x00,
           0x3e, 0x00, 0x01);
    /* Add needs exactly 16 bytes. */
    EXPECT(ASK(&b, ST, 0x44, 1, 2, 3), ST_RSP, 0x44, 0xc7);
    EXPECT(ASK(&b, ST, 0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
           ST_RSP, 0x44, 0xc7);
    /* Get needs exactly 6. */
    EXPECT(ASK(&b, ST, 0x43, 0, 0, 0, 0, 0), ST_RSP, 0x43, 0xc7);
    EXPECT(ASK(&b, ST, 0x43, 0, 0, 0, 0, 0, 0xff, 0), ST_RSP, 0x43, 0xc7);
}

static void test_partial_reads(void)
{
    struct bmc b;
    uint16_t r;

    sel_default(&b);
    add_ok(&b, 0xc0, 0x11);
    /* A read past offset 0 needs a reservation. */
    EXPECT(get_entry(&b, 0, 0, 4, 4), ST_RSP, 0x43, 0xc5);
    r = reserve(&b);
    EXPECT(get_entry(&b, (uint16_t)(r + 1), 0, 4, 4), ST_RSP, 0x43, 0xc5);
    EXPECT(get_entry(&b, r, 0, 4, 4), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x11, 0x11, 0x11, 0x11);
    EXPECT(get_entry(&b, r, 0, 1, 3), ST_RSP, 0x43, 0x00, 0xff, 0xff, 0x00, 0xc0, 0x11);
    /* The last byte, by count and by FFh. */
    EXPECT(get_entry(&b, r, 0, 15, 1), ST_RSP, 0x43, 0x00, 0xff, 0xff, 0x11);
    EXPECT(get_entry(&b, r, 0, 15, 0xff), ST_RSP, 0x43, 0x00, 0xff, 0xff, 0x11);
    EXPECT(get_entry(&b, r, 0, 12, 0xff), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x11, 0x11, 0x11, 0x11);
    /* Nothing at all. */
    EXPECT(get_entry(&b, 0, 0, 0, 0), ST_RSP, 0x43, 0x00, 0xff, 0xff);
    /* From offset 0, the reservation that holds does as well as 0000h; a wrong
       one does not. */
    EXPECT(get_entry(&b, r, 0, 0, 2), ST_RSP, 0x43, 0x00, 0xff, 0xff, 0x01, 0x00);
    EXPECT(get_entry(&b, (uint16_t)(r + 7), 0, 0, 2), ST_RSP, 0x43, 0xc5);
    /* Past the record: an offset of 16 or more, or more bytes than there are. */
    EXPECT(get_entry(&b, r, 0, 16, 0xff), ST_RSP, 0x43, 0xcc);
    EXPECT(get_entry(&b, r, 0, 0xff, 1), ST_RSP, 0x43, 0xcc);
    EXPECT(get_entry(&b, r, 0, 10, 7), ST_RSP, 0x43, 0xcc);
    EXPECT(get_entry(&b, r, 0, 0, 17), ST_RSP, 0x43, 0xcc);
    EXPECT(get_entry(&b, 0, 0, 0, 16), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x01, 0x00, 0xc0, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
           0x11, 0x11, 0x11, 0x11);
    /* Reading cancels nothing. */
    EXPECT(get_entry(&b, r, 0, 4, 1), ST_RSP, 0x43, 0x00, 0xff, 0xff, 0x11);
}

static void test_reservation_cancelled(void)
{
    struct bmc b;
    uint16_t r1, r2, r3, r4;

    sel_default(&b);
    /* Nothing reserved yet: 0000h and 0001h are refused. */
    EXPECT(delete_entry(&b, 0, 0), ST_RSP, 0x46, 0xc5);
    EXPECT(clear(&b, 1, 0xaa), ST_RSP, 0x47, 0xc5);
    r1 = reserve(&b);
    g_assert_cmpuint(r1, !=, 0);
    add_ok(&b, 0x02, 0);
    add_ok(&b, 0x02, 0);
    /* An add cancelled r1. */
    EXPECT(get_entry(&b, r1, 0, 1, 1), ST_RSP, 0x43, 0xc5);
    EXPECT(delete_entry(&b, r1, 0), ST_RSP, 0x46, 0xc5);
    r2 = reserve(&b);
    g_assert_cmpuint(r2, !=, r1);
    g_assert_cmpuint(r2, !=, 0);
    /* A new reservation cancels the one before. */
    r3 = reserve(&b);
    g_assert_cmpuint(r3, !=, r2);
    EXPECT(delete_entry(&b, r2, 0), ST_RSP, 0x46, 0xc5);
    EXPECT(delete_entry(&b, r3, 0), ST_RSP, 0x46, 0x00, 0x01, 0x00);
    /* The delete cancelled r3. */
    EXPECT(delete_entry(&b, r3, 0), ST_RSP, 0x46, 0xc5);
    EXPECT(get_entry(&b, r3, 0, 2, 1), ST_RSP, 0x43, 0xc5);
    r4 = reserve(&b);
    EXPECT(clear(&b, r4, 0x00), ST_RSP, 0x47, 0x00, 0x01);
    /* Asking for the status changes nothing, so r4 still holds. */
    EXPECT(clear(&b, r4, 0xaa), ST_RSP, 0x47, 0x00, 0x01);
    /* The clear cancelled r4. */
    EXPECT(clear(&b, r4, 0x00), ST_RSP, 0x47, 0xc5);
    EXPECT(clear(&b, r4, 0xaa), ST_RSP, 0x47, 0xc5);
    /* A refused request does not cancel it. */
    r4 = reserve(&b);
    EXPECT(delete_entry(&b, r4, 0x0009), ST_RSP, 0x46, 0xcb);
    add(&b, 0x02, 0);
    g_assert_cmpuint(reserve(&b), !=, r4);
}

static void test_full(void)
{
    struct bmc b;
    uint16_t r;
    int i;

    sel_default(&b);
    for (i = 1; i <= BMC_SEL_CAPACITY; i++) {
        g_assert_cmpuint(add_ok(&b, 0x02, (uint8_t)i), ==, i);
    }
    /* Full: 64 entries, nothing free, no overflow yet. */
    EXPECT(ASK(&b, ST, 0x40), ST_RSP, 0x40, 0x00, 0x51, 0x40, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x0b);
    EXPECT(ASK(&b, ST, 0x41), ST_RSP, 0x41, 0x00, 0x40, 0x00, 0x10, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x01);
    r = reserve(&b);
    test_now = 9000;
    EXPECT(add(&b, 0x02, 0x99), ST_RSP, 0x44, 0xc4);
    /* The overflow bit is up, the refused add cancelled nothing and added nothing. */
    EXPECT(ASK(&b, ST, 0x40), ST_RSP, 0x40, 0x00, 0x51, 0x40, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x8b);
    EXPECT(get_entry(&b, r, 0xffff, 6, 2), ST_RSP, 0x43, 0x00, 0xff, 0xff, 0x00, 0x40);
    /* sel_log, as the event code will call it, is refused too. */
    {
        uint8_t rec[SEL_RECORD_LEN] = { 0 };

        g_assert_false(sel_log(&b.state.sel, 9000, rec));
    }
    /* A delete makes room (the overflow bit stays until a clear). */
    EXPECT(delete_entry(&b, r, 0x0001), ST_RSP, 0x46, 0x00, 0x01, 0x00);
    g_assert_cmpuint(add_ok(&b, 0x02, 0x99), ==, 65);
    EXPECT(add(&b, 0x02, 0x99), ST_RSP, 0x44, 0xc4);
    r = reserve(&b);
    test_now = 12000;
    EXPECT(clear(&b, r, 0xaa), ST_RSP, 0x47, 0x00, 0x01);
    EXPECT(ASK(&b, ST, 0x40), ST_RSP, 0x40, 0x00, 0x51, 0x00, 0x00, 0x00, 0x04,
           0x09, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x0b);
}

static void test_sel_log(void)
{
    struct bmc b;
    uint8_t rec[SEL_RECORD_LEN];

    sel_default(&b);
    memset(rec, 0xab, sizeof(rec));
    rec[2] = 0x02;
    g_assert_true(sel_log(&b.state.sel, 42000, rec));
    EXPECT(get_entry(&b, 0, 0xffff, 0, 0xff), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x01, 0x00, 0x02, 0x2a, 0x00, 0x00, 0x00, 0xab, 0xab, 0xab, 0xab, 0xab,
           0xab, 0xab, 0xab, 0xab);
}

static void test_delete_and_ids(void)
{
    struct bmc b;
    uint16_t r;

    sel_default(&b);
    add_ok(&b, 0xc0, 0x01);
    add_ok(&b, 0xc0, 0x02);
    add_ok(&b, 0xc0, 0x03);
    r = reserve(&b);
    EXPECT(delete_entry(&b, r, 0x0002), ST_RSP, 0x46, 0x00, 0x02, 0x00);
    /* Record 1 is now followed by record 3. */
    EXPECT(get_entry(&b, 0, 0x0001, 0, 4), ST_RSP, 0x43, 0x00, 0x03, 0x00,
           0x01, 0x00, 0xc0, 0x01);
    EXPECT(get_entry(&b, 0, 0x0002, 0, 0xff), ST_RSP, 0x43, 0xcb);
    /* FFFFh deletes the last. */
    r = reserve(&b);
    EXPECT(delete_entry(&b, r, 0xffff), ST_RSP, 0x46, 0x00, 0x03, 0x00);
    r = reserve(&b);
    EXPECT(delete_entry(&b, r, 0x0007), ST_RSP, 0x46, 0xcb);
    EXPECT(delete_entry(&b, 0, 0x0001), ST_RSP, 0x46, 0xc5);
    EXPECT(ASKV(&b, ST, 0x46, LO(r), HI(r), 0x01), ST_RSP, 0x46, 0xc7);
    EXPECT(ASKV(&b, ST, 0x46, LO(r), HI(r), 0x01, 0x00, 0x00), ST_RSP, 0x46, 0xc7);
    /* Ids are not reused after a delete. */
    g_assert_cmpuint(add_ok(&b, 0xc0, 0x04), ==, 4);
    /* 0000h deletes the first. */
    r = reserve(&b);
    EXPECT(delete_entry(&b, r, 0x0000), ST_RSP, 0x46, 0x00, 0x01, 0x00);
    r = reserve(&b);
    EXPECT(delete_entry(&b, r, 0x0000), ST_RSP, 0x46, 0x00, 0x04, 0x00);
    r = reserve(&b);
    EXPECT(delete_entry(&b, r, 0x0000), ST_RSP, 0x46, 0xcb);
    EXPECT(delete_entry(&b, r, 0xffff), ST_RSP, 0x46, 0xcb);
    g_assert_cmpuint(add_ok(&b, 0xc0, 0x05), ==, 5);
    /* After a clear, ids start over at 1. */
    r = reserve(&b);
    EXPECT(clear(&b, r, 0xaa), ST_RSP, 0x47, 0x00, 0x01);
    g_assert_cmpuint(add_ok(&b, 0xc0, 0x06), ==, 1);
    g_assert_cmpuint(add_ok(&b, 0xc0, 0x07), ==, 2);
}

static void test_clear(void)
{
    struct bmc b;
    uint16_t r;

    sel_default(&b);
    add_ok(&b, 0x02, 0);
    r = reserve(&b);
    EXPECT(ASKV(&b, ST, 0x47, LO(r), HI(r), 'C', 'L', 'X', 0xaa), ST_RSP, 0x47, 0xcc);
    EXPECT(ASKV(&b, ST, 0x47, LO(r), HI(r), 'c', 'l', 'r', 0xaa), ST_RSP, 0x47, 0xcc);
    EXPECT(clear(&b, r, 0x55), ST_RSP, 0x47, 0xcc);
    EXPECT(clear(&b, r, 0x01), ST_RSP, 0x47, 0xcc);
    EXPECT(clear(&b, (uint16_t)(r + 1), 0xaa), ST_RSP, 0x47, 0xc5);
    EXPECT(ASKV(&b, ST, 0x47, LO(r), HI(r), 'C', 'L', 'R'), ST_RSP, 0x47, 0xc7);
    EXPECT(ASKV(&b, ST, 0x47, LO(r), HI(r), 'C', 'L', 'R', 0xaa, 0x00), ST_RSP, 0x47, 0xc7);
    /* None of that cleared anything. */
    EXPECT(get_entry(&b, 0, 0x0001, 0, 2), ST_RSP, 0x43, 0x00, 0xff, 0xff, 0x01, 0x00);
    test_now = 10500;
    EXPECT(clear(&b, r, 0xaa), ST_RSP, 0x47, 0x00, 0x01);
    /* Empty; the SEL's last erase time is 10 s, its last add time is kept. */
    EXPECT(ASK(&b, ST, 0x40), ST_RSP, 0x40, 0x00, 0x51, 0x00, 0x00, 0x00, 0x04,
           0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x0b);
    EXPECT(get_entry(&b, 0, 0x0000, 0, 0xff), ST_RSP, 0x43, 0xcb);
}

static void test_time(void)
{
    struct bmc b;

    sel_default(&b);
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0x00, 0x00, 0x00, 0x00);
    test_now = 2999;
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0x02, 0x00, 0x00, 0x00);
    test_now = 3000;
    /* 1000 s now. */
    EXPECT(ASK(&b, ST, 0x49, 0xe8, 0x03, 0x00, 0x00), ST_RSP, 0x49, 0x00);
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0xe8, 0x03, 0x00, 0x00);
    test_now = 10999;
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0xef, 0x03, 0x00, 0x00);
    /* A system event record gets the SEL's time, 1007 s. */
    add_ok(&b, 0x02, 0);
    EXPECT(get_entry(&b, 0, 0xffff, 0, 7), ST_RSP, 0x43, 0x00, 0xff, 0xff,
           0x01, 0x00, 0x02, 0xef, 0x03, 0x00, 0x00);
    /* A time before now's seconds: the offset wraps, the SEL's time does not. */
    test_now = 10000000;
    EXPECT(ASK(&b, ST, 0x49, 0x05, 0x00, 0x00, 0x00), ST_RSP, 0x49, 0x00);
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0x05, 0x00, 0x00, 0x00);
    test_now = 10060000;
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0x41, 0x00, 0x00, 0x00);
    /* The largest time, and past it the SEL's time wraps. */
    EXPECT(ASK(&b, ST, 0x49, 0xff, 0xff, 0xff, 0xff), ST_RSP, 0x49, 0x00);
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0xff, 0xff, 0xff, 0xff);
    test_now = 10061000;
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0x00, 0x00, 0x00, 0x00);
    /* Set needs exactly four bytes. */
    EXPECT(ASK(&b, ST, 0x49, 0x01, 0x02, 0x03), ST_RSP, 0x49, 0xc7);
    EXPECT(ASK(&b, ST, 0x49, 0x01, 0x02, 0x03, 0x04, 0x05), ST_RSP, 0x49, 0xc7);
    EXPECT(ASK(&b, ST, 0x48), ST_RSP, 0x48, 0x00, 0x00, 0x00, 0x00, 0x00);
}

static void test_reserve_ids(void)
{
    struct bmc b;
    uint16_t r;
    int i;

    sel_default(&b);
    r = reserve(&b);
    g_assert_cmpuint(r, ==, 1);
    /* Reservation ids go round without 0000h. */
    for (i = 0; i < 0xfffe; i++) {
        r = reserve(&b);
    }
    g_assert_cmpuint(r, ==, 0xffff);
    g_assert_cmpuint(reserve(&b), ==, 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmc/sel/info-empty", test_info_empty);
    g_test_add_func("/bmc/sel/add-and-get", test_add_and_get);
    g_test_add_func("/bmc/sel/partial-reads", test_partial_reads);
    g_test_add_func("/bmc/sel/reservation-cancelled", test_reservation_cancelled);
    g_test_add_func("/bmc/sel/full", test_full);
    g_test_add_func("/bmc/sel/sel-log", test_sel_log);
    g_test_add_func("/bmc/sel/delete-and-ids", test_delete_and_ids);
    g_test_add_func("/bmc/sel/clear", test_clear);
    g_test_add_func("/bmc/sel/time", test_time);
    g_test_add_func("/bmc/sel/reserve-ids", test_reserve_ids);
    return g_test_run();
}
