/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ipmi-bmcd's state file: the SEL (bmcd_state.h says what is kept and why).
 */
#include "bmcd_state.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "bmc_migrate.h"

#define STATE_GROUP "sel"
#define STATE_FORMAT 1
/* A full SEL takes about 2.2 kB; anything much bigger is no state file of ours. */
#define STATE_FILE_LIMIT (64 * 1024)
#define STATE_RECORD_HEX (2 * SEL_RECORD_LEN)
#define STATE_NEVER "never"

G_DEFINE_QUARK(bmcd-state-error-quark, bmcd_state_error)

/* Every key of [sel], NULL-terminated for g_strv_contains. */
static const char *const state_keys[] = {
    "format", "next-id", "last-add", "last-erase", "overflow", "clock", "written",
    "count", "entries", NULL,
};

struct bmcd_sel_fingerprint bmcd_state_fingerprint(const struct sel *sel)
{
    struct bmcd_sel_fingerprint f = {
        .count = sel->count,
        .next_id = sel->next_id,
        .last_add = sel->last_add,
        .last_erase = sel->last_erase,
        .time_offset = sel->time_offset,
        .overflow = sel->overflow,
    };

    return f;
}

bool bmcd_state_fingerprint_equal(const struct bmcd_sel_fingerprint *a,
                                  const struct bmcd_sel_fingerprint *b)
{
    return a->count == b->count && a->next_id == b->next_id &&
           a->last_add == b->last_add && a->last_erase == b->last_erase &&
           a->time_offset == b->time_offset && a->overflow == b->overflow;
}

/* A SEL time as the file writes it. */
static gchar *format_time(uint32_t t)
{
    return t == SEL_TIME_NEVER ? g_strdup(STATE_NEVER) : g_strdup_printf("%" G_GUINT32_FORMAT, t);
}

static void append_record_hex(GString *out, const uint8_t record[SEL_RECORD_LEN])
{
    size_t i;

    for (i = 0; i < SEL_RECORD_LEN; i++) {
        g_string_append_printf(out, "%02x", record[i]);
    }
}

gchar *bmcd_state_format(const struct sel *sel, uint64_t now, gint64 wall)
{
    GString *out = g_string_new(NULL);
    g_autofree gchar *last_add = format_time(sel->last_add);
    g_autofree gchar *last_erase = format_time(sel->last_erase);
    size_t used = sel_used(sel);
    size_t i;

    g_string_append(out, "# The System Event Log of ipmi-bmcd, which rewrites this file "
                    "after each change (ipmi-bmcd(8)).\n");
    g_string_append_printf(out, "[%s]\n", STATE_GROUP);
    g_string_append_printf(out, "format=%d\n", STATE_FORMAT);
    g_string_append_printf(out, "next-id=%u\n", sel->next_id);
    g_string_append_printf(out, "last-add=%s\n", last_add);
    g_string_append_printf(out, "last-erase=%s\n", last_erase);
    g_string_append_printf(out, "overflow=%s\n", sel->overflow ? "true" : "false");
    g_string_append_printf(out, "clock=%" G_GUINT32_FORMAT "\n", sel_time(sel, now));
    g_string_append_printf(out, "written=%" G_GINT64_FORMAT "\n", wall);
    g_string_append_printf(out, "count=%zu\n", used);
    g_string_append(out, "entries=");
    for (i = 0; i < used; i++) {
        if (i > 0) {
            g_string_append_c(out, ';');
        }
        append_record_hex(out, sel->entries[i]);
    }
    g_string_append_c(out, '\n');
    return g_string_free(out, FALSE);
}

static void state_error(GError **errp, const char *name, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

/* "NAME: what". */
static void state_error(GError **errp, const char *name, const char *fmt, ...)
{
    va_list ap;
    g_autofree gchar *what = NULL;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(errp, BMCD_STATE_ERROR, BMCD_STATE_ERROR_MALFORMED, "%s: %s", name, what);
}

/* One parse of a state file. */
struct state_parse {
    const char *name;
    GKeyFile *keys;
};

/* A key's raw text; every key must be there. */
static gchar *state_value(const struct state_parse *p, const char *key, GError **errp)
{
    gchar *value = g_key_file_get_value(p->keys, STATE_GROUP, key, NULL);

    if (!value) {
        state_error(errp, p->name, "no %s= in [%s]", key, STATE_GROUP);
    }
    return value;
}

static bool state_unsigned(const struct state_parse *p, const char *key, guint64 min,
                           guint64 max, guint64 *out, GError **errp)
{
    g_autofree gchar *value = state_value(p, key, errp);

    if (!value) {
        return false;
    }
    if (!g_ascii_string_to_unsigned(value, 10, min, max, out, NULL)) {
        state_error(errp, p->name, "%s: '%s' is not a number from %" G_GUINT64_FORMAT
                    " to %" G_GUINT64_FORMAT, key, value, min, max);
        return false;
    }
    return true;
}

static bool state_time(const struct state_parse *p, const char *key, uint32_t *out,
                       GError **errp)
{
    g_autofree gchar *value = state_value(p, key, errp);
    guint64 v;

    if (!value) {
        return false;
    }
    if (strcmp(value, STATE_NEVER) == 0) {
        *out = SEL_TIME_NEVER;
        return true;
    }
    if (!g_ascii_string_to_unsigned(value, 10, 0, G_MAXUINT32, &v, NULL)) {
        state_error(errp, p->name, "%s: '%s' is neither a SEL time nor '%s'", key, value,
                    STATE_NEVER);
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

static bool state_bool(const struct state_parse *p, const char *key, bool *out,
                       GError **errp)
{
    g_autofree gchar *value = state_value(p, key, errp);

    if (!value) {
        return false;
    }
    if (strcmp(value, "true") != 0 && strcmp(value, "false") != 0) {
        state_error(errp, p->name, "%s: '%s' is neither true nor false", key, value);
        return false;
    }
    *out = strcmp(value, "true") == 0;
    return true;
}

static bool state_wall(const struct state_parse *p, gint64 *out, GError **errp)
{
    g_autofree gchar *value = state_value(p, "written", errp);

    if (!value) {
        return false;
    }
    if (!g_ascii_string_to_signed(value, 10, G_MININT64, G_MAXINT64, out, NULL)) {
        state_error(errp, p->name, "written: '%s' is not a time", value);
        return false;
    }
    return true;
}

/* One record: exactly 32 hex digits. */
static bool parse_record(const char *hex, uint8_t record[SEL_RECORD_LEN])
{
    size_t i;

    if (strlen(hex) != STATE_RECORD_HEX) {
        return false;
    }
    for (i = 0; i < SEL_RECORD_LEN; i++) {
        gint hi = g_ascii_xdigit_value(hex[2 * i]);
        gint lo = g_ascii_xdigit_value(hex[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            return false;
        }
        record[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

/* entries=: `count` records separated by ';'. */
static bool state_entries(const struct state_parse *p, size_t count, struct sel *sel,
                          GError **errp)
{
    g_autofree gchar *value = state_value(p, "entries", errp);
    g_auto(GStrv) records = NULL;
    size_t n, i;

    if (!value) {
        return false;
    }
    records = value[0] ? g_strsplit(value, ";", -1) : g_new0(gchar *, 1);
    n = g_strv_length(records);
    if (n != count) {
        state_error(errp, p->name, "entries: %zu records, but count=%zu", n, count);
        return false;
    }
    for (i = 0; i < n; i++) {
        if (!parse_record(records[i], sel->entries[i])) {
            state_error(errp, p->name, "entries: record %zu is not %d hex digits", i + 1,
                        STATE_RECORD_HEX);
            return false;
        }
    }
    sel->count = (uint16_t)n;
    return true;
}

/* One group, the keys above and no others. */
static bool state_layout(const struct state_parse *p, GError **errp)
{
    g_auto(GStrv) groups = g_key_file_get_groups(p->keys, NULL);
    g_auto(GStrv) keys = NULL;
    size_t i;

    if (g_strv_length(groups) != 1 || strcmp(groups[0], STATE_GROUP) != 0) {
        state_error(errp, p->name, "not one group [%s]", STATE_GROUP);
        return false;
    }
    keys = g_key_file_get_keys(p->keys, STATE_GROUP, NULL, NULL);
    for (i = 0; keys && keys[i]; i++) {
        if (!g_strv_contains((const gchar *const *)state_keys, keys[i])) {
            state_error(errp, p->name, "unknown key '%s'", keys[i]);
            return false;
        }
    }
    return true;
}

/* The SEL's time now: where the file's clock was, plus the wall-clock time since it
   was written (none if the wall clock went back). */
static uint32_t resumed_clock(uint32_t clock, gint64 written, gint64 wall)
{
    gint64 elapsed = wall > written ? wall - written : 0;

    return (uint32_t)(clock + (guint64)elapsed);
}

static bool state_fields(const struct state_parse *p, uint64_t now, gint64 wall,
                         struct sel *sel, GError **errp)
{
    guint64 format, next_id, clock, count;
    gint64 written;

    if (!state_layout(p, errp) ||
        !state_unsigned(p, "format", 0, G_MAXUINT32, &format, errp)) {
        return false;
    }
    if (format != STATE_FORMAT) {
        state_error(errp, p->name, "format %" G_GUINT64_FORMAT " is not %d (another "
                    "version of ipmi-bmcd wrote it?)", format, STATE_FORMAT);
        return false;
    }
    if (!state_unsigned(p, "next-id", 1, 0xfffe, &next_id, errp) ||
        !state_time(p, "last-add", &sel->last_add, errp) ||
        !state_time(p, "last-erase", &sel->last_erase, errp) ||
        !state_bool(p, "overflow", &sel->overflow, errp) ||
        !state_unsigned(p, "clock", 0, G_MAXUINT32, &clock, errp) ||
        !state_wall(p, &written, errp) ||
        !state_unsigned(p, "count", 0, BMC_SEL_CAPACITY, &count, errp) ||
        !state_entries(p, (size_t)count, sel, errp)) {
        return false;
    }
    sel->next_id = (uint16_t)next_id;
    sel_set_time(sel, now, resumed_clock((uint32_t)clock, written, wall));
    return true;
}

/* A SEL as a BMC without a state file starts with. */
static void empty_sel(struct sel *sel, uint64_t now, gint64 wall)
{
    sel_init(sel);
    sel_set_time(sel, now, (uint32_t)wall);
}

bool bmcd_state_parse(const char *name, const char *text, size_t len, uint64_t now,
                      gint64 wall, struct sel *sel, GError **errp)
{
    struct state_parse p = { .name = name, .keys = g_key_file_new() };
    g_autoptr(GError) err = NULL;
    bool ok;

    empty_sel(sel, now, wall);
    if (memchr(text, '\0', len)) {
        state_error(errp, name, "a NUL byte: not a text file");
        ok = false;
    } else if (!g_key_file_load_from_data(p.keys, text, len, G_KEY_FILE_NONE, &err)) {
        state_error(errp, name, "%s", err->message);
        ok = false;
    } else {
        ok = state_fields(&p, now, wall, sel, errp);
    }
    g_key_file_free(p.keys);
    if (!ok) {
        empty_sel(sel, now, wall);
    }
    return ok;
}

bool bmcd_state_save(const char *path, const struct sel *sel, uint64_t now, gint64 wall,
                     GError **errp)
{
    g_autofree gchar *text = bmcd_state_format(sel, now, wall);

    return g_file_set_contents(path, text, -1, errp);
}

/* The file's text, if it is a regular file no bigger than a state file gets. */
static bool read_state_file(const char *path, gchar **text, gsize *len, GError **errp)
{
    GStatBuf st;

    if (g_stat(path, &st) != 0) {
        int e = errno;

        g_set_error(errp, G_FILE_ERROR, g_file_error_from_errno(e), "%s: %s", path,
                    g_strerror(e));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(errp, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: not a regular file", path);
        return false;
    }
    if (st.st_size > STATE_FILE_LIMIT) {
        state_error(errp, path, "larger than %d bytes: no state file of ipmi-bmcd",
                    STATE_FILE_LIMIT);
        return false;
    }
    return g_file_get_contents(path, text, len, errp);
}

bool bmcd_state_load(const char *path, uint64_t now, gint64 wall, struct sel *sel,
                     GError **errp)
{
    g_autofree gchar *text = NULL;
    gsize len;

    if (!read_state_file(path, &text, &len, errp)) {
        empty_sel(sel, now, wall);
        return false;
    }
    return bmcd_state_parse(path, text, len, now, wall, sel, errp);
}

bool bmcd_state_restore(struct bmc *b, const struct sel *sel)
{
    struct sel before = b->state.sel;

    b->state.sel = *sel;
    if (!bmc_migrated_ok(b)) {
        b->state.sel = before;
        return false;
    }
    return true;
}
