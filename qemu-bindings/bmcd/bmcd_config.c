/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ipmi-bmcd's configuration file (bmcd_config.h says how it is read).
 *
 * The line scan accepts a strict subset of what GKeyFile accepts (ASCII key names,
 * no locale keys, no control characters, no repeated group or key), so that every
 * file it lets through GKeyFile parses too, and each group and key has one line to
 * name in a message.
 */
#include "bmcd_config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cmd_sensor_event.h"
#include "ipmi_messages.h"

/* No SDR or FRU file the core can hold comes near this; a bigger one is refused
   unread (an sdrfile=/dev/zero must not eat the memory). */
#define CONFIG_FILE_LIMIT (1024 * 1024)

/* Set Sensor Reading's operation byte: write the given reading, the BMC's own
   event data (what ipmi-bmc-sim's sensor<N>-reading property sends). */
#define SET_READING_WRITE_OWN_EVENTS 0x01

G_DEFINE_QUARK(bmcd-config-error-quark, bmcd_config_error)

/* A line that names a group or a key, as the scan found it. */
struct config_line {
    guint number;
    gchar *group;
    gchar *key;                /* NULL: the [group] line itself */
};

/* What the groups are. */
enum group_kind {
    GROUP_BMC,
    GROUP_DAEMON,
    GROUP_SENSOR,
    GROUP_UNKNOWN,
};

/* The [bmc] keys that are numbers, and the largest value each takes. */
enum bmc_number {
    NUMBER_DEVICE_ID,
    NUMBER_DEVICE_REV,
    NUMBER_FWREV1,
    NUMBER_FWREV2,
    NUMBER_IPMI_VERSION,
    NUMBER_MFG_ID,
    NUMBER_PRODUCT_ID,
    NUMBER_SLAVE_ADDR,
    NUMBER_FRU_AREA_SIZE,
};

static const struct {
    const char *key;
    guint64 max;
} bmc_numbers[] = {
    [NUMBER_DEVICE_ID] = { "device_id", G_MAXUINT8 },
    [NUMBER_DEVICE_REV] = { "device_rev", G_MAXUINT8 },
    [NUMBER_FWREV1] = { "fwrev1", G_MAXUINT8 },
    [NUMBER_FWREV2] = { "fwrev2", G_MAXUINT8 },
    [NUMBER_IPMI_VERSION] = { "ipmi_version", G_MAXUINT8 },
    [NUMBER_MFG_ID] = { "mfg_id", 0xffffff },   /* Get Device ID has three bytes for it */
    [NUMBER_PRODUCT_ID] = { "product_id", G_MAXUINT16 },
    [NUMBER_SLAVE_ADDR] = { "slave_addr", G_MAXUINT8 },
    [NUMBER_FRU_AREA_SIZE] = { "fruareasize", G_MAXUINT16 },
};

/* One parse: the file, what the scan found, and what is being built. */
struct config_parse {
    const char *name;
    GArray *lines;             /* struct config_line, in file order */
    GHashTable *line_of;       /* config_line_name() -> its line number */
    GKeyFile *keys;
    struct bmcd_config *config;
    struct bmc_config identity;
    guint sensor_line[SENSOR_COUNT];   /* where [sensor N] is, 0: nowhere */
    guint sdr_file_line;
    guint fru_file_line;
    guint fru_area_size_line;
};

static void config_error(GError **errp, gint code, const char *name, guint line,
                         const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/* The one error of a parse: "NAME:LINE: what". */
static void config_error(GError **errp, gint code, const char *name, guint line,
                         const char *fmt, ...)
{
    va_list ap;
    g_autofree gchar *what = NULL;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(errp, BMCD_CONFIG_ERROR, code, "%s:%u: %s", name, line, what);
}

static void config_line_clear(gpointer data)
{
    struct config_line *l = data;

    g_free(l->group);
    g_free(l->key);
}

/* The index's key for a group's line or a key's: no name holds a line break. */
static gchar *config_line_name(const char *group, const char *key)
{
    return g_strconcat(group, "\n", key, NULL);
}

/* The line an earlier one named the same group or key on, or 0. */
static guint config_line_find(const struct config_parse *p, const char *group,
                              const char *key)
{
    g_autofree gchar *name = config_line_name(group, key);

    return GPOINTER_TO_UINT(g_hash_table_lookup(p->line_of, name));
}

static void config_line_add(struct config_parse *p, guint number, const char *group,
                            const char *key)
{
    struct config_line l = { number, g_strdup(group), g_strdup(key) };

    g_array_append_val(p->lines, l);
    g_hash_table_insert(p->line_of, config_line_name(group, key), GUINT_TO_POINTER(number));
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_key_char(char c)
{
    return g_ascii_isalnum(c) || c == '-' || c == '_';
}

/* A byte GKeyFile would take for a line break or that has no place in a value. */
static bool is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t') || c == 0x7f;
}

/* The characters of a line that make it no text at all, before what it says. */
static bool scan_characters(const struct config_parse *p, guint number, const char *s,
                            size_t n, GError **errp)
{
    size_t i;

    if (memchr(s, '\0', n)) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number, "a NUL byte");
        return false;
    }
    if (!g_utf8_validate_len(s, n, NULL)) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number, "not UTF-8 text");
        return false;
    }
    for (i = 0; i < n; i++) {
        if (is_control((unsigned char)s[i])) {
            config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                         "a control character (0x%02x)", (unsigned char)s[i]);
            return false;
        }
    }
    return true;
}

/* "[name]", trimmed; the group lines after it belong to. */
static bool scan_group(struct config_parse *p, guint number, const char *s, size_t n,
                       gchar **group, GError **errp)
{
    const char *close = memchr(s, ']', n);
    g_autofree gchar *name = NULL;
    guint first;

    if (!close) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "a '[' without its ']'");
        return false;
    }
    if (close != s + n - 1) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "text after the group's ']'");
        return false;
    }
    name = g_strndup(s + 1, close - s - 1);
    /* GKeyFile refuses control characters in a group name, a tab too. */
    if (name[0] == '\0' || strchr(name, '[') || strchr(name, '\t')) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "a group name is one or more printable characters other than '[' "
                     "and ']'");
        return false;
    }
    first = config_line_find(p, name, NULL);
    if (first) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "group [%s] again (first on line %u)", name, first);
        return false;
    }
    config_line_add(p, number, name, NULL);
    g_free(*group);
    *group = g_steal_pointer(&name);
    return true;
}

/* "key = value", trimmed, in the current group. */
static bool scan_key(struct config_parse *p, guint number, const char *s, size_t n,
                     const char *group, GError **errp)
{
    const char *equals = memchr(s, '=', n);
    g_autofree gchar *key = NULL;
    size_t key_len, i;
    guint first;

    if (!equals) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "not a [group], a key=value line or a # comment");
        return false;
    }
    key_len = equals - s;
    while (key_len > 0 && is_blank(s[key_len - 1])) {
        key_len--;
    }
    if (key_len == 0) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number, "a value without a key");
        return false;
    }
    key = g_strndup(s, key_len);
    for (i = 0; i < key_len; i++) {
        if (!is_key_char(key[i])) {
            config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                         "key '%s': a key name is letters, digits, '-' and '_'", key);
            return false;
        }
    }
    if (!group) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "key '%s' before any [group]", key);
        return false;
    }
    if (strcmp(key, "Encoding") == 0) {
        /* GKeyFile takes it for the file's character set, and refuses most values. */
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "key 'Encoding': GKeyFile's own, no key of this file");
        return false;
    }
    first = config_line_find(p, group, key);
    if (first) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, number,
                     "key '%s' again in [%s] (first on line %u)", key, group, first);
        return false;
    }
    config_line_add(p, number, group, key);
    return true;
}

/* One line, without its '\n' (`ended`: it had one). */
static bool scan_line(struct config_parse *p, guint number, const char *s, size_t n,
                      bool ended, gchar **group, GError **errp)
{
    if (ended && n > 0 && s[n - 1] == '\r') {
        n--;                    /* a CR LF line end, as GKeyFile takes it (not at EOF) */
    }
    if (!scan_characters(p, number, s, n, errp)) {
        return false;
    }
    while (n > 0 && is_blank(*s)) {
        s++;
        n--;
    }
    while (n > 0 && is_blank(s[n - 1])) {
        n--;
    }
    if (n == 0 || s[0] == '#') {
        return true;
    }
    if (s[0] == '[') {
        return scan_group(p, number, s, n, group, errp);
    }
    return scan_key(p, number, s, n, *group, errp);
}

/* Every line, for syntax, into p->lines. */
static bool scan_text(struct config_parse *p, const char *text, size_t len, GError **errp)
{
    g_autofree gchar *group = NULL;
    size_t pos = 0;
    guint number = 0;

    while (pos < len) {
        const char *start = text + pos;
        const char *end = memchr(start, '\n', len - pos);
        size_t n = end ? (size_t)(end - start) : len - pos;

        number++;
        if (!scan_line(p, number, start, n, end != NULL, &group, errp)) {
            return false;
        }
        pos += n + (end ? 1 : 0);
    }
    return true;
}

/* What number "sensor N" names; false if it names none. */
static bool sensor_group_number(const char *group, guint *sensor)
{
    const char *digits;
    guint64 v = 0;

    if (!g_str_has_prefix(group, "sensor ")) {
        return false;
    }
    digits = group + strlen("sensor ");
    if (!g_ascii_isdigit(*digits)) {
        return false;
    }
    for (; *digits; digits++) {
        if (!g_ascii_isdigit(*digits)) {
            return false;
        }
        v = v * 10 + (guint64)(*digits - '0');
        if (v >= SENSOR_COUNT) {
            return false;
        }
    }
    *sensor = (guint)v;
    return true;
}

static enum group_kind group_kind_of(const char *group)
{
    guint sensor;

    if (strcmp(group, "bmc") == 0) {
        return GROUP_BMC;
    }
    if (strcmp(group, "daemon") == 0) {
        return GROUP_DAEMON;
    }
    if (sensor_group_number(group, &sensor)) {
        return GROUP_SENSOR;
    }
    return GROUP_UNKNOWN;
}

enum number_status {
    NUMBER_OK,
    NUMBER_NOT_A_NUMBER,
    NUMBER_TOO_BIG,
};

/* Decimal, or hexadecimal after 0x; nothing else in the text. */
static enum number_status parse_number(const char *text, guint64 max, guint64 *out)
{
    const char *digits = text;
    guint base = 10;
    guint64 v = 0;
    bool too_big = false;

    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        digits = text + 2;
    }
    if (*digits == '\0') {
        return NUMBER_NOT_A_NUMBER;
    }
    for (; *digits; digits++) {
        gint d = base == 16 ? g_ascii_xdigit_value(*digits) : g_ascii_digit_value(*digits);

        if (d < 0) {
            return NUMBER_NOT_A_NUMBER;
        }
        if (!too_big) {
            v = v * base + (guint64)d;
            too_big = v > max;
        }
    }
    if (too_big) {
        return NUMBER_TOO_BIG;
    }
    *out = v;
    return NUMBER_OK;
}

/* A key's number, or the error at its line. */
static bool take_number(const struct config_parse *p, const struct config_line *l,
                        const char *value, guint64 max, guint64 *out, GError **errp)
{
    switch (parse_number(value, max, out)) {
    case NUMBER_OK:
        return true;
    case NUMBER_NOT_A_NUMBER:
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                     "%s: '%s' is not a number (decimal, or hexadecimal after 0x)",
                     l->key, value);
        return false;
    case NUMBER_TOO_BIG:
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                     "%s: %s is out of range (0 to %" G_GUINT64_FORMAT ", 0x%" G_GINT64_MODIFIER
                     "x)", l->key, value, max, max);
        return false;
    }
    return false;
}

static void store_bmc_number(struct config_parse *p, enum bmc_number which, guint64 v)
{
    switch (which) {
    case NUMBER_DEVICE_ID:
        p->identity.device_id = (uint8_t)v;
        break;
    case NUMBER_DEVICE_REV:
        p->identity.device_rev = (uint8_t)v;
        break;
    case NUMBER_FWREV1:
        p->identity.fwrev1 = (uint8_t)v;
        break;
    case NUMBER_FWREV2:
        p->identity.fwrev2 = (uint8_t)v;
        break;
    case NUMBER_IPMI_VERSION:
        p->identity.ipmi_version = (uint8_t)v;
        break;
    case NUMBER_MFG_ID:
        p->identity.mfg_id = (uint32_t)v;
        break;
    case NUMBER_PRODUCT_ID:
        p->identity.product_id = (uint16_t)v;
        break;
    case NUMBER_SLAVE_ADDR:
        p->identity.slave_addr = (uint8_t)v;
        break;
    case NUMBER_FRU_AREA_SIZE:
        p->config->fru_area_size = (guint)v;
        break;
    }
}

/* A UUID's 16 bytes in the order the string writes them, as QEMU's guid property
   holds them; the all-zero UUID is no GUID, as there. */
static bool take_guid(struct config_parse *p, const struct config_line *l, const char *value,
                      GError **errp)
{
    const char *c = value;
    bool any = false;
    size_t i;

    if (!g_uuid_string_is_valid(value)) {
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                     "guid: '%s' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                     value);
        return false;
    }
    for (i = 0; i < BMC_GUID_LEN; i++) {
        if (*c == '-') {
            c++;
        }
        p->identity.guid[i] = (uint8_t)(g_ascii_xdigit_value(c[0]) << 4 |
                                        g_ascii_xdigit_value(c[1]));
        any = any || p->identity.guid[i] != 0;
        c += 2;
    }
    p->identity.guid_set = any;
    return true;
}

/* A path in the file: relative ones are taken from the file's directory. */
static gchar *resolve_path(const struct config_parse *p, const char *value)
{
    g_autofree gchar *dir = NULL;

    if (g_path_is_absolute(value)) {
        return g_strdup(value);
    }
    dir = g_path_get_dirname(p->name);
    return g_build_filename(dir, value, NULL);
}

static bool take_path(const struct config_parse *p, const struct config_line *l,
                      const char *value, gchar **out, GError **errp)
{
    if (value[0] == '\0') {
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                     "%s: the path is empty", l->key);
        return false;
    }
    g_free(*out);
    *out = resolve_path(p, value);
    return true;
}

static bool take_bmc_key(struct config_parse *p, const struct config_line *l,
                         const char *value, GError **errp)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bmc_numbers); i++) {
        if (strcmp(l->key, bmc_numbers[i].key) == 0) {
            guint64 v;

            if (!take_number(p, l, value, bmc_numbers[i].max, &v, errp)) {
                return false;
            }
            store_bmc_number(p, (enum bmc_number)i, v);
            if (i == NUMBER_FRU_AREA_SIZE) {
                p->fru_area_size_line = l->number;
            }
            return true;
        }
    }
    if (strcmp(l->key, "guid") == 0) {
        return take_guid(p, l, value, errp);
    }
    if (strcmp(l->key, "sdrfile") == 0) {
        p->sdr_file_line = l->number;
        return take_path(p, l, value, &p->config->sdr_file, errp);
    }
    if (strcmp(l->key, "frudatafile") == 0) {
        p->fru_file_line = l->number;
        return take_path(p, l, value, &p->config->fru_file, errp);
    }
    config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                 "unknown key '%s' in [bmc] (device_id, device_rev, fwrev1, fwrev2, "
                 "ipmi_version, mfg_id, product_id, guid, slave_addr, sdrfile, "
                 "frudatafile, fruareasize)", l->key);
    return false;
}

static bool take_unix_path(const struct config_parse *p, const struct config_line *l,
                           const char *value, GError **errp)
{
    struct sockaddr_un addr;

    if (!take_path(p, l, value, &p->config->unix_path, errp)) {
        return false;
    }
    if (strlen(p->config->unix_path) >= sizeof(addr.sun_path)) {
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                     "unix: '%s' is longer than a UNIX socket path can be (%zu bytes)",
                     p->config->unix_path, sizeof(addr.sun_path) - 1);
        return false;
    }
    return true;
}

static bool take_daemon_key(struct config_parse *p, const struct config_line *l,
                            const char *value, GError **errp)
{
    if (strcmp(l->key, "tcp") == 0) {
        g_autofree gchar *host = NULL;
        const char *why;
        guint16 port;

        if (!bmcd_config_split_tcp(value, &host, &port, &why)) {
            config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                         "tcp: '%s': %s", value, why);
            return false;
        }
        g_free(p->config->tcp);
        p->config->tcp = g_strdup(value);
        return true;
    }
    if (strcmp(l->key, "unix") == 0) {
        return take_unix_path(p, l, value, errp);
    }
    if (strcmp(l->key, "state") == 0) {
        return take_path(p, l, value, &p->config->state_file, errp);
    }
    config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                 "unknown key '%s' in [daemon] (tcp, unix, state)", l->key);
    return false;
}

static bool take_sensor_key(struct config_parse *p, const struct config_line *l,
                            const char *value, GError **errp)
{
    struct bmcd_config *c = p->config;
    guint sensor = 0;
    guint64 v;

    sensor_group_number(l->group, &sensor);
    if (strcmp(l->key, "reading") != 0) {
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                     "unknown key '%s' in [%s] (reading)", l->key, l->group);
        return false;
    }
    if (!take_number(p, l, value, G_MAXUINT8, &v, errp)) {
        return false;
    }
    c->readings[c->readings_count].sensor = (uint8_t)sensor;
    c->readings[c->readings_count].value = (uint8_t)v;
    c->readings_count++;        /* one [sensor N] each, one reading key each */
    return true;
}

/* A [group] line: a group the daemon knows, each sensor once. */
static bool check_group(struct config_parse *p, const struct config_line *l, GError **errp)
{
    guint sensor;

    switch (group_kind_of(l->group)) {
    case GROUP_BMC:
    case GROUP_DAEMON:
        return true;
    case GROUP_SENSOR:
        sensor_group_number(l->group, &sensor);
        if (p->sensor_line[sensor]) {
            config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                         "[%s]: sensor %u again (first on line %u)", l->group, sensor,
                         p->sensor_line[sensor]);
            return false;
        }
        p->sensor_line[sensor] = l->number;
        return true;
    case GROUP_UNKNOWN:
        break;
    }
    config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, l->number,
                 "unknown group [%s] (the groups are [bmc], [daemon] and [sensor N], "
                 "N from 0 to %d)", l->group, SENSOR_COUNT - 1);
    return false;
}

/* A key=value line: its value as GKeyFile reads it (escapes undone), trimmed. */
static bool check_key(struct config_parse *p, const struct config_line *l, GError **errp)
{
    g_autoptr(GError) err = NULL;
    g_autofree gchar *value = g_key_file_get_string(p->keys, l->group, l->key, &err);

    /* GKeyFile returns the value with a bad escape left in, and the error. */
    if (err || !value) {
        config_error(errp, BMCD_CONFIG_ERROR_SYNTAX, p->name, l->number,
                     "%s: %s (the escapes are \\s \\n \\t \\r and \\\\)", l->key,
                     err ? err->message : "no value");
        return false;
    }
    g_strstrip(value);
    switch (group_kind_of(l->group)) {
    case GROUP_BMC:
        return take_bmc_key(p, l, value, errp);
    case GROUP_DAEMON:
        return take_daemon_key(p, l, value, errp);
    case GROUP_SENSOR:
        return take_sensor_key(p, l, value, errp);
    case GROUP_UNKNOWN:
        break;
    }
    return false;               /* check_group refused the group before its keys */
}

/* Every group and key, in file order: the first error is the first bad line. */
static bool check_lines(struct config_parse *p, GError **errp)
{
    guint i;

    for (i = 0; i < p->lines->len; i++) {
        const struct config_line *l = &g_array_index(p->lines, struct config_line, i);
        bool ok = l->key ? check_key(p, l, errp) : check_group(p, l, errp);

        if (!ok) {
            return false;
        }
    }
    return true;
}

/* Up to limit + 1 bytes of fd, which is enough to tell a file is too big. */
static bool read_up_to(int fd, gsize limit, GByteArray *bytes, int *error)
{
    uint8_t chunk[4096];

    while (bytes->len <= limit) {
        gssize n = read(fd, chunk, sizeof(chunk));

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            *error = errno;
            return false;
        }
        if (n == 0) {
            break;
        }
        g_byte_array_append(bytes, chunk, (guint)n);
    }
    return true;
}

/*
 * An SDR or FRU file's bytes: a regular file of at most CONFIG_FILE_LIMIT bytes.
 * Opened without blocking and checked once open, so that neither a FIFO nor a
 * device nor a /proc file that never ends can hold the daemon up.
 */
static bool read_data_file(const struct config_parse *p, guint line, const char *key,
                           const char *path, gchar **data, gsize *len, GError **errp)
{
    GByteArray *bytes;
    GStatBuf st;
    int error = 0;
    int fd = g_open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

    if (fd < 0) {
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, line, "cannot read %s '%s': %s",
                     key, path, g_strerror(errno));
        return false;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, line,
                     "%s '%s' is not a regular file", key, path);
        return false;
    }
    bytes = g_byte_array_new();
    if (!read_up_to(fd, CONFIG_FILE_LIMIT, bytes, &error)) {
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, line, "cannot read %s '%s': %s",
                     key, path, g_strerror(error));
    } else if (bytes->len > CONFIG_FILE_LIMIT) {
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, line,
                     "%s '%s' is larger than %d bytes", key, path, CONFIG_FILE_LIMIT);
        error = EFBIG;
    }
    close(fd);
    if (error) {
        g_byte_array_unref(bytes);
        return false;
    }
    *len = bytes->len;
    *data = (gchar *)g_byte_array_free(bytes, FALSE);
    return true;
}

/* The sdrfile, as ipmi-bmc-sim loads one (sdr_load), with its wording for defects. */
static bool load_sdr_file(struct config_parse *p, GError **errp)
{
    const char *path = p->config->sdr_file;
    struct sdr *sdr = &p->config->start->state.sdr;
    g_autofree gchar *data = NULL;
    gsize len;
    size_t at;

    if (!path) {
        return true;                /* the core's default: upstream's one record */
    }
    if (!read_data_file(p, p->sdr_file_line, "sdrfile", path, &data, &len, errp)) {
        return false;
    }
    switch (sdr_load(sdr, (const uint8_t *)data, len, &at)) {
    case SDR_LOAD_OK:
        return true;
    case SDR_LOAD_TRUNCATED_HEADER:
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, p->sdr_file_line,
                     "sdrfile '%s': the record at byte %zu is cut short: %zu bytes left "
                     "of its %d-byte header", path, at, (size_t)(len - at), SDR_HEADER_LEN);
        break;
    case SDR_LOAD_TRUNCATED_RECORD:
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, p->sdr_file_line,
                     "sdrfile '%s': the record at byte %zu is cut short: its header says "
                     "%d bytes, %zu are left", path, at,
                     (uint8_t)data[at + SDR_LENGTH_BYTE] + SDR_HEADER_LEN,
                     (size_t)(len - at));
        break;
    case SDR_LOAD_FULL:
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, p->sdr_file_line,
                     "sdrfile '%s': the record at byte %zu does not fit: the SDR "
                     "repository holds %d bytes in %d records", path, at, SDR_POOL_SIZE,
                     SDR_MAX_RECORDS);
        break;
    }
    return false;
}

/* fruareasize and frudatafile, as ipmi-bmc-sim loads them (fru_load). */
static bool load_fru_file(struct config_parse *p, GError **errp)
{
    const char *path = p->config->fru_file;
    guint area = p->config->fru_area_size;
    g_autofree gchar *data = NULL;
    gsize len = 0;

    if (path && !read_data_file(p, p->fru_file_line, "frudatafile", path, &data, &len, errp)) {
        return false;
    }
    switch (fru_load(&p->config->start->state.fru, area, (const uint8_t *)data, len)) {
    case FRU_LOAD_OK:
        return true;
    case FRU_LOAD_AREA_ZERO:
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, p->fru_area_size_line,
                     "fruareasize: must be at least 1");
        break;
    case FRU_LOAD_AREA_TOO_BIG:
        config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, p->fru_area_size_line,
                     "fruareasize: %u is more than the %d bytes of FRU data this BMC holds",
                     area, BMC_FRU_MAX);
        break;
    case FRU_LOAD_FILE_TOO_BIG:
        config_error(errp, BMCD_CONFIG_ERROR_FILE, p->name, p->fru_file_line,
                     "frudatafile '%s' (%zu bytes, in areas of %u) is more than the %d "
                     "bytes of FRU data this BMC holds", path, (size_t)len, area,
                     BMC_FRU_MAX);
        break;
    }
    return false;
}

/* The sensor numbers the SDRs define, for a message: "0, 3, 5". */
static gchar *defined_sensors(const struct bmc *b)
{
    GString *list = g_string_new(NULL);
    guint n;

    for (n = 0; n < SENSOR_COUNT; n++) {
        if (b->state.sensors.s[n].present) {
            g_string_append_printf(list, "%s%u", list->len ? ", " : "", n);
        }
    }
    if (list->len == 0) {
        g_string_append(list, "none");
    }
    return g_string_free(list, FALSE);
}

/* Each [sensor N] names a sensor the SDRs define. */
static bool check_sensors(struct config_parse *p, GError **errp)
{
    const struct bmc *b = p->config->start;
    guint n;

    for (n = 0; n < SENSOR_COUNT; n++) {
        if (p->sensor_line[n] && !b->state.sensors.s[n].present) {
            g_autofree gchar *defined = defined_sensors(b);

            config_error(errp, BMCD_CONFIG_ERROR_INVALID, p->name, p->sensor_line[n],
                         "[sensor %u]: the SDRs define no sensor %u (they define: %s)", n, n,
                         defined);
            return false;
        }
    }
    return true;
}

/* The BMC the values describe, as ipmi-bmc-sim's realize builds its own. */
static bool build_bmc(struct config_parse *p, GError **errp)
{
    struct bmcd_config *c = p->config;

    c->start = g_new0(struct bmc, 1);
    bmc_init(c->start, &p->identity);
    if (!load_sdr_file(p, errp) || !load_fru_file(p, errp)) {
        return false;
    }
    bmc_define_sensors(c->start);
    return check_sensors(p, errp);
}

/* QEMU's ipmi-bmc-sim property defaults (and its IPMIBmc slave_addr). */
static void default_identity(struct bmc_config *identity)
{
    memset(identity, 0, sizeof(*identity));
    identity->slave_addr = 0x20;
    identity->device_id = 0x20;
    identity->ipmi_version = 0x02;
}

static bool parse_into(struct config_parse *p, const char *text, size_t len, GError **errp)
{
    g_autoptr(GError) err = NULL;

    if (!scan_text(p, text, len, errp)) {
        return false;
    }
    if (!g_key_file_load_from_data(p->keys, text, len, G_KEY_FILE_NONE, &err)) {
        /* The scan is meant to refuse whatever GKeyFile refuses: a bug if it comes. */
        config_error(errp, BMCD_CONFIG_ERROR_SCAN, p->name, 1,
                     "GKeyFile refused what the line scan took: %s", err->message);
        return false;
    }
    return check_lines(p, errp) && build_bmc(p, errp);
}

struct bmcd_config *bmcd_config_parse(const char *name, const char *text, size_t len,
                                      GError **errp)
{
    struct config_parse p = { .name = name };
    bool ok;

    p.lines = g_array_new(FALSE, TRUE, sizeof(struct config_line));
    g_array_set_clear_func(p.lines, config_line_clear);
    p.line_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    p.keys = g_key_file_new();
    p.config = g_new0(struct bmcd_config, 1);
    p.config->fru_area_size = FRU_DEFAULT_AREA_SIZE;
    default_identity(&p.identity);

    ok = parse_into(&p, text, len, errp);

    g_key_file_free(p.keys);
    g_hash_table_unref(p.line_of);
    g_array_free(p.lines, TRUE);
    if (!ok) {
        bmcd_config_free(p.config);
        return NULL;
    }
    return p.config;
}

struct bmcd_config *bmcd_config_defaults(void)
{
    return bmcd_config_parse("(defaults)", "", 0, NULL);
}

void bmcd_config_free(struct bmcd_config *config)
{
    if (!config) {
        return;
    }
    g_free(config->start);
    g_free(config->sdr_file);
    g_free(config->fru_file);
    g_free(config->tcp);
    g_free(config->unix_path);
    g_free(config->state_file);
    g_free(config);
}

/* PORT: 1 to 5 decimal digits, at most 65535. */
static bool split_port(const char *digits, guint16 *port)
{
    guint v = 0;
    size_t i;

    for (i = 0; digits[i]; i++) {
        if (i == 5 || !g_ascii_isdigit(digits[i])) {
            return false;
        }
        v = v * 10 + (guint)(digits[i] - '0');
    }
    if (i == 0 || v > G_MAXUINT16) {
        return false;
    }
    *port = (guint16)v;
    return true;
}

bool bmcd_config_split_tcp(const char *value, gchar **host, guint16 *port,
                           const char **why)
{
    const char *colon = strrchr(value, ':');
    const char *host_start = value;
    size_t host_len;

    if (!colon) {
        *why = "no ':PORT'";
        return false;
    }
    if (!split_port(colon + 1, port)) {
        *why = "the port is not a number from 0 to 65535";
        return false;
    }
    host_len = colon - value;
    if (host_len > 0 && value[0] == '[') {
        if (value[host_len - 1] != ']' || host_len < 3) {
            *why = "an IPv6 address in brackets needs its ']' before ':PORT'";
            return false;
        }
        host_start++;
        host_len -= 2;
    } else if (memchr(value, ':', host_len)) {
        *why = "an IPv6 address goes in brackets: [ADDRESS]:PORT";
        return false;
    }
    if (memchr(host_start, '[', host_len) || memchr(host_start, ']', host_len) ||
        memchr(host_start, ' ', host_len)) {
        *why = "the host is no name or address";
        return false;
    }
    *host = g_strndup(host_start, host_len);
    return true;
}

void bmcd_config_apply_readings(const struct bmcd_config *config, struct bmc *b,
                                uint64_t now)
{
    guint i;

    for (i = 0; i < config->readings_count; i++) {
        const struct bmcd_reading *r = &config->readings[i];
        uint8_t req[] = { IPMI_NETFN_SENSOR_EVENT << IPMI_NETFN_SHIFT,
                          SENSOR_EVENT_SET_SENSOR_READING, r->sensor,
                          SET_READING_WRITE_OWN_EVENTS, r->value };
        uint8_t rsp[IPMI_MAX_MESSAGE];

        /* No VM is there yet to tell of attention: the effects have nowhere to go. */
        bmc_handle_request(b, now, req, sizeof(req), rsp, sizeof(rsp));
        if (rsp[2] != IPMI_CC_SUCCESS) {
            g_warning("sensor %u: the BMC refused reading %u (completion code %02xh)",
                      r->sensor, r->value, rsp[2]);
        }
    }
}
