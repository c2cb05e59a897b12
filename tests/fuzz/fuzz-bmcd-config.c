/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-bmcd-config: ipmi-bmcd's configuration parser (qemu-bindings/bmcd/bmcd_config.c)
 * on any bytes, as if they were the file "fuzz.conf". It must give either a
 * configuration, whose BMC is one the core may be given (bmc_migrated_ok), or an error
 * whose message is "fuzz.conf:LINE: ..." with LINE a line of the input; and never the
 * error that says GKeyFile refused what the parser's own line scan let through (the
 * scan is meant to be the stricter of the two, so that every error has its line).
 */
#include <glib.h>
#include <string.h>

#include "bmc_migrate.h"
#include "bmcd_config.h"
#include "fuzz-common.h"

#define NAME "fuzz.conf"

/* Lines as the parser counts them: one more than the newlines, at least one. */
static size_t input_lines(const uint8_t *data, size_t size)
{
    size_t lines = 1;
    size_t i;

    for (i = 0; i < size; i++) {
        lines += data[i] == '\n';
    }
    return lines;
}

static void check_error(const GError *err, size_t lines)
{
    const char *message = err->message;
    const char *p = message + strlen(NAME ":");
    size_t line = 0;

    if (strncmp(message, NAME ":", strlen(NAME ":")) != 0) {
        fuzz_fail("message without the file name: '%s'", message);
    }
    if (!g_ascii_isdigit(*p)) {
        fuzz_fail("message without a line number: '%s'", message);
    }
    while (g_ascii_isdigit(*p)) {
        if (line > lines) {
            fuzz_fail("line number past the input's %zu lines: '%s'", lines, message);
        }
        line = line * 10 + (size_t)(*p++ - '0');
    }
    if (*p != ':') {
        fuzz_fail("no ':' after the line number: '%s'", message);
    }
    if (line < 1 || line > lines) {
        fuzz_fail("line %zu of an input of %zu lines: '%s'", line, lines, message);
    }
    if (err->domain != BMCD_CONFIG_ERROR || err->code == BMCD_CONFIG_ERROR_SCAN) {
        fuzz_fail("not a configuration error, or the line scan let through what GKeyFile "
                  "refused: '%s'", message);
    }
}

static void check_config(const struct bmcd_config *c)
{
    if (!c->start || !bmc_migrated_ok(c->start)) {
        fuzz_fail("the configured BMC is not one the core may be given");
    }
    if (c->readings_count > SENSOR_COUNT) {
        fuzz_fail("%u readings for %d sensors", c->readings_count, SENSOR_COUNT);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    GError *err = NULL;
    struct bmcd_config *c = bmcd_config_parse(NAME, (const char *)data, size, &err);

    if (c && err) {
        fuzz_fail("both a configuration and an error: '%s'", err->message);
    }
    if (!c && !err) {
        fuzz_fail("neither a configuration nor an error");
    }
    if (c) {
        check_config(c);
        bmcd_config_free(c);
    } else {
        check_error(err, input_lines(data, size));
        g_error_free(err);
    }
    return 0;
}
