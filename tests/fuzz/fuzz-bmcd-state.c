/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-bmcd-state: ipmi-bmcd's SEL state file parser (qemu-bindings/bmcd/bmcd_state.c)
 * on any bytes, as if they were the file "fuzz.state" (a file a crash or another
 * program may have left anywhere). It must give either a SEL, which written out and
 * read back is the same SEL, or an error naming the file with an empty SEL left;
 * either way a BMC must take the result or refuse it (bmcd_state_restore), never be
 * handed one the core may not be given.
 */
#include <glib.h>
#include <string.h>

#include "bmc.h"
#include "bmc_migrate.h"
#include "bmcd_state.h"
#include "fuzz-common.h"

#define NAME "fuzz.state"
#define NOW 5000         /* ms on the BMC's clock */
#define WALL 1800000000  /* s since 1970 */

static void check_written_back(const struct sel *sel)
{
    g_autofree gchar *text = bmcd_state_format(sel, NOW, WALL);
    GError *err = NULL;
    struct sel again;

    if (!bmcd_state_parse(NAME, text, strlen(text), NOW, WALL, &again, &err)) {
        fuzz_fail("a SEL written out does not read back: %s", err->message);
    }
    if (again.count != sel->count || again.next_id != sel->next_id ||
        again.last_add != sel->last_add || again.last_erase != sel->last_erase ||
        again.overflow != sel->overflow ||
        sel_time(&again, NOW) != sel_time(sel, NOW) ||
        memcmp(again.entries, sel->entries, sizeof(sel->entries[0]) * sel->count) != 0) {
        fuzz_fail("a SEL of %u entries written out reads back otherwise", sel->count);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct bmc_config identity = { .slave_addr = 0x20, .device_id = 0x20,
                                                .ipmi_version = 0x02 };
    GError *err = NULL;
    struct bmc b;
    struct sel sel;
    bool ok = bmcd_state_parse(NAME, (const char *)data, size, NOW, WALL, &sel, &err);

    if (ok == (err != NULL)) {
        fuzz_fail("parse said %d with %s error", ok, err ? "an" : "no");
    }
    if (ok) {
        check_written_back(&sel);
    } else {
        if (strncmp(err->message, NAME ": ", strlen(NAME ": ")) != 0) {
            fuzz_fail("an error that does not name the file: '%s'", err->message);
        }
        if (sel.count != 0) {
            fuzz_fail("a refused file left %u entries", sel.count);
        }
        g_error_free(err);
    }
    bmc_init(&b, &identity);
    if (bmcd_state_restore(&b, &sel) && !bmc_migrated_ok(&b)) {
        fuzz_fail("a BMC took a SEL the core may not be given");
    }
    return 0;
}
