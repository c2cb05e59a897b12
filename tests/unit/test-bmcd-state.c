/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ipmi-bmcd's SEL state file (qemu-bindings/bmcd/bmcd_state.c): what is saved is what
 * loads, the SEL's clock goes on from where it was and never back, and a truncated or
 * garbled file is refused with a message naming it, leaving an empty SEL.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bmcd_state.h"
#include "bmc_migrate.h"

#define NAME "/var/lib/ipmi-bmcd/sel"
#define WALL 1700000000            /* seconds since 1970 when the file is written */
#define NOW 5000                   /* the daemon's clock then, in ms */

/* A SEL with `n` records, some ids used and deleted, a clear behind it. */
static void some_sel(struct sel *s, size_t n, bool overflow)
{
    uint8_t record[SEL_RECORD_LEN];
    uint16_t id;
    size_t i;

    sel_init(s);
    sel_set_time(s, 0, WALL - 100);
    sel_clear(s, 1000);
    for (i = 0; i < n + 1; i++) {
        memset(record, (int)(0x10 + i), sizeof(record));
        record[2] = SEL_RECORD_SYSTEM_EVENT;
        g_assert_true(sel_add(s, 2000 + 1000 * i, record, &id));
    }
    sel_delete(s, 0);
    s->overflow = overflow;
    sel_reserve(s);
}

static void assert_same_records(const struct sel *a, const struct sel *b)
{
    size_t i;

    g_assert_cmpuint(a->count, ==, b->count);
    for (i = 0; i < a->count; i++) {
        g_assert_cmpmem(a->entries[i], SEL_RECORD_LEN, b->entries[i], SEL_RECORD_LEN);
    }
    g_assert_cmpuint(a->next_id, ==, b->next_id);
    g_assert_cmpuint(a->last_add, ==, b->last_add);
    g_assert_cmpuint(a->last_erase, ==, b->last_erase);
    g_assert_cmpint(a->overflow, ==, b->overflow);
}

/* What a BMC that starts without a state file has: nothing, its clock the wall's. */
static void assert_empty(const struct sel *s, uint64_t now, gint64 wall)
{
    g_assert_cmpuint(s->count, ==, 0);
    g_assert_cmpuint(s->next_id, ==, 1);
    g_assert_cmphex(s->last_add, ==, SEL_TIME_NEVER);
    g_assert_cmphex(s->last_erase, ==, SEL_TIME_NEVER);
    g_assert_false(s->overflow);
    g_assert_false(s->reserved);
    g_assert_cmpuint(sel_time(s, now), ==, (uint32_t)wall);
}

static bool parse(const char *text, size_t len, uint64_t now, gint64 wall, struct sel *s,
                  GError **errp)
{
    return bmcd_state_parse(NAME, text, len, now, wall, s, errp);
}

static void test_round_trip(void)
{
    struct sel saved, loaded;
    g_autoptr(GError) err = NULL;
    g_autofree gchar *text = NULL;
    uint32_t clock;

    some_sel(&saved, 5, true);
    clock = sel_time(&saved, NOW);
    text = bmcd_state_format(&saved, NOW, WALL);
    /* Another process, its clock elsewhere, 60 s later. */
    g_assert_true(parse(text, strlen(text), 123, WALL + 60, &loaded, &err));
    g_assert_no_error(err);
    assert_same_records(&saved, &loaded);
    g_assert_cmpuint(sel_time(&loaded, 123), ==, clock + 60);
    g_assert_false(loaded.reserved);
}

static void test_empty_and_full(void)
{
    struct sel saved, loaded;
    uint8_t record[SEL_RECORD_LEN] = { 0, 0, SEL_RECORD_SYSTEM_EVENT };
    uint16_t id;
    size_t i;

    sel_init(&saved);
    for (i = 0; i < 2; i++) {
        g_autoptr(GError) err = NULL;
        g_autofree gchar *text = bmcd_state_format(&saved, NOW, WALL);

        g_assert_true(parse(text, strlen(text), NOW, WALL, &loaded, &err));
        g_assert_no_error(err);
        assert_same_records(&saved, &loaded);
        while (sel_add(&saved, NOW, record, &id)) {
            record[15]++;
        }
        g_assert_cmpuint(saved.count, ==, BMC_SEL_CAPACITY);
        g_assert_true(saved.overflow);
    }
}

/* A wall clock set back between runs does not set the SEL's back. */
static void test_clock_never_goes_back(void)
{
    struct sel saved, loaded;
    g_autoptr(GError) err = NULL;
    g_autofree gchar *text = NULL;

    some_sel(&saved, 1, false);
    text = bmcd_state_format(&saved, NOW, WALL);
    g_assert_true(parse(text, strlen(text), 0, WALL - 3600, &loaded, &err));
    g_assert_cmpuint(sel_time(&loaded, 0), ==, sel_time(&saved, NOW));
}

static void test_save_and_load_file(void)
{
    g_autoptr(GError) err = NULL;
    g_autofree gchar *dir = g_dir_make_tmp("test-bmcd-state-XXXXXX", &err);
    g_autofree gchar *path = g_build_filename(dir, "sel", NULL);
    struct sel saved, loaded;

    g_assert_no_error(err);
    some_sel(&saved, 3, false);
    g_assert_true(bmcd_state_save(path, &saved, NOW, WALL, &err));
    g_assert_no_error(err);
    g_assert_true(bmcd_state_load(path, NOW, WALL, &loaded, &err));
    g_assert_no_error(err);
    assert_same_records(&saved, &loaded);

    /* Saved again over the old: the new one is what loads. */
    sel_clear(&saved, NOW);
    g_assert_true(bmcd_state_save(path, &saved, NOW, WALL, &err));
    g_assert_true(bmcd_state_load(path, NOW, WALL, &loaded, &err));
    assert_same_records(&saved, &loaded);

    g_remove(path);
    g_rmdir(dir);
}

static void test_missing_file(void)
{
    g_autoptr(GError) err = NULL;
    struct sel loaded;

    g_assert_false(bmcd_state_load("/nonexistent/ipmi-bmcd/sel", NOW, WALL, &loaded, &err));
    g_assert_error(err, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    assert_empty(&loaded, NOW, WALL);
}

/* Refused, with a message naming the file, and an empty SEL left. */
static void assert_refused(const char *text, size_t len, const char *expected)
{
    g_autoptr(GError) err = NULL;
    struct sel loaded;

    memset(&loaded, 0x5a, sizeof(loaded));
    g_assert_false(parse(text, len, NOW, WALL, &loaded, &err));
    g_assert_error(err, BMCD_STATE_ERROR, BMCD_STATE_ERROR_MALFORMED);
    g_assert_true(g_str_has_prefix(err->message, NAME ": "));
    if (expected) {
        g_assert_cmpstr(err->message, ==, expected);
    }
    assert_empty(&loaded, NOW, WALL);
}

/* Every cut of a good file that takes more than its last newline is refused. */
static void test_truncated(void)
{
    struct sel saved;
    g_autofree gchar *text = NULL;
    size_t len, cut;

    some_sel(&saved, 4, false);
    text = bmcd_state_format(&saved, NOW, WALL);
    len = strlen(text);
    for (cut = 0; cut + 1 < len; cut++) {
        assert_refused(text, cut, NULL);
    }
}

/* The good file with one line replaced. */
static gchar *with_line(const char *key, const char *line)
{
    struct sel saved;
    g_autofree gchar *text = NULL;
    g_auto(GStrv) lines = NULL;
    size_t i;

    some_sel(&saved, 2, false);
    text = bmcd_state_format(&saved, NOW, WALL);
    lines = g_strsplit(text, "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (g_str_has_prefix(lines[i], key) && lines[i][strlen(key)] == '=') {
            g_free(lines[i]);
            lines[i] = g_strdup(line);
        }
    }
    return g_strjoinv("\n", lines);
}

static void assert_line_refused(const char *key, const char *line, const char *expected)
{
    g_autofree gchar *text = with_line(key, line);

    assert_refused(text, strlen(text), expected);
}

static void test_garbled(void)
{
    static const char junk[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00";
    static const char nul[] = "[sel]\nformat=1\0\n";

    assert_line_refused("format", "format=2",
                        NAME ": format 2 is not 1 (another version of ipmi-bmcd wrote it?)");
    assert_line_refused("next-id", "next-id=0", NAME ": next-id: '0' is not a number from 1 to 65534");
    assert_line_refused("next-id", "next-id=65535",
                        NAME ": next-id: '65535' is not a number from 1 to 65534");
    assert_line_refused("next-id", "next-id=0x10", NAME ": next-id: '0x10' is not a number from 1 to 65534");
    assert_line_refused("last-add", "last-add=-1",
                        NAME ": last-add: '-1' is neither a SEL time nor 'never'");
    assert_line_refused("last-erase", "last-erase=4294967296",
                        NAME ": last-erase: '4294967296' is neither a SEL time nor 'never'");
    assert_line_refused("overflow", "overflow=yes",
                        NAME ": overflow: 'yes' is neither true nor false");
    assert_line_refused("clock", "clock=soon", NAME ": clock: 'soon' is not a number from 0 to 4294967295");
    assert_line_refused("written", "written=yesterday", NAME ": written: 'yesterday' is not a time");
    assert_line_refused("count", "count=65", NAME ": count: '65' is not a number from 0 to 64");
    assert_line_refused("count", "count=3", NAME ": entries: 2 records, but count=3");
    assert_line_refused("count", "colour=blue", NAME ": unknown key 'colour'");
    assert_line_refused("written", "", NAME ": no written= in [sel]");
    assert_line_refused("entries", "entries=zz", NAME ": entries: 1 records, but count=2");
    assert_line_refused("count", "count=1", NAME ": entries: 2 records, but count=1");
    assert_line_refused("entries",
                        "entries=0100021111111111111111111111111;02000212121212121212121212121212",
                        NAME ": entries: record 1 is not 32 hex digits");
    assert_line_refused("entries",
                        "entries=0100021111111111111111111111111g;02000212121212121212121212121212",
                        NAME ": entries: record 1 is not 32 hex digits");
    assert_line_refused("format", "[other]\nformat=1", NAME ": not one group [sel]");
    assert_refused("", 0, NAME ": not one group [sel]");
    assert_refused(junk, sizeof(junk) - 1, NULL);
    assert_refused(nul, sizeof(nul) - 1, NAME ": a NUL byte: not a text file");
    assert_refused("entries=\n", strlen("entries=\n"), NULL);
}

static void test_restore(void)
{
    struct bmc_config config = { .slave_addr = 0x20, .device_id = 0x20, .ipmi_version = 2 };
    g_autofree struct bmc *b = g_new0(struct bmc, 1);
    struct sel good, bad;

    bmc_init(b, &config);
    some_sel(&good, 3, false);
    g_assert_true(bmcd_state_restore(b, &good));
    assert_same_records(&good, &b->state.sel);
    g_assert_true(bmc_migrated_ok(b));

    /* A SEL no parse gives: the core must never be handed it. */
    bad = good;
    bad.count = BMC_SEL_CAPACITY + 1;
    g_assert_false(bmcd_state_restore(b, &bad));
    assert_same_records(&good, &b->state.sel);
    bad = good;
    bad.next_id = 0;
    g_assert_false(bmcd_state_restore(b, &bad));
    assert_same_records(&good, &b->state.sel);
}

/* What changes the fingerprint: adds, deletes, clears, Set SEL Time; not a reservation. */
static void test_fingerprint(void)
{
    uint8_t record[SEL_RECORD_LEN] = { 0 };
    struct bmcd_sel_fingerprint a, b;
    struct sel s;
    uint16_t id;

    sel_init(&s);
    a = bmcd_state_fingerprint(&s);
    sel_reserve(&s);
    b = bmcd_state_fingerprint(&s);
    g_assert_true(bmcd_state_fingerprint_equal(&a, &b));

    g_assert_true(sel_add(&s, 0, record, &id));
    b = bmcd_state_fingerprint(&s);
    g_assert_false(bmcd_state_fingerprint_equal(&a, &b));

    a = b;
    sel_delete(&s, 0);
    b = bmcd_state_fingerprint(&s);
    g_assert_false(bmcd_state_fingerprint_equal(&a, &b));

    a = b;
    sel_set_time(&s, 0, 12345);
    b = bmcd_state_fingerprint(&s);
    g_assert_false(bmcd_state_fingerprint_equal(&a, &b));

    a = b;
    sel_clear(&s, 0);
    b = bmcd_state_fingerprint(&s);
    g_assert_false(bmcd_state_fingerprint_equal(&a, &b));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bmcd-state/round-trip", test_round_trip);
    g_test_add_func("/bmcd-state/empty-and-full", test_empty_and_full);
    g_test_add_func("/bmcd-state/clock-never-goes-back", test_clock_never_goes_back);
    g_test_add_func("/bmcd-state/save-and-load-file", test_save_and_load_file);
    g_test_add_func("/bmcd-state/missing-file", test_missing_file);
    g_test_add_func("/bmcd-state/truncated", test_truncated);
    g_test_add_func("/bmcd-state/garbled", test_garbled);
    g_test_add_func("/bmcd-state/restore", test_restore);
    g_test_add_func("/bmcd-state/fingerprint", test_fingerprint);
    return g_test_run();
}
