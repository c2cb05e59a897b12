/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What ipmi-bmcd keeps across restarts: the System Event Log, in a state file.
 *
 * The file is a GKeyFile, group [sel]: the records in hex, the next record id, the
 * last add and erase times, the overflow flag, and the SEL's clock with the wall-clock
 * time it was written at, so that the SEL's time goes on from where it was (and never
 * back, should the wall clock have gone back). A reservation is not kept: no host
 * holds one across a restart. It is written whole with g_file_set_contents (a new
 * file renamed over the old), so a reader finds the old state or the new, never half.
 *
 * Times: `now` is milliseconds on the clock the BMC core is called with, `wall`
 * seconds since 1970 (g_get_real_time() / G_USEC_PER_SEC).
 */
#ifndef BMCD_STATE_H
#define BMCD_STATE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bmc.h"
#include "sel.h"

#define BMCD_STATE_ERROR (bmcd_state_error_quark())

enum bmcd_state_error {
    BMCD_STATE_ERROR_MALFORMED, /* not a state file, or one with values out of range */
};

GQuark bmcd_state_error_quark(void);

/* What of the SEL a command can change, compared before and after each call. */
struct bmcd_sel_fingerprint {
    uint16_t count;
    uint16_t next_id;
    uint32_t last_add;
    uint32_t last_erase;
    uint32_t time_offset;      /* Set SEL Time */
    bool overflow;
};

struct bmcd_sel_fingerprint bmcd_state_fingerprint(const struct sel *sel);

bool bmcd_state_fingerprint_equal(const struct bmcd_sel_fingerprint *a,
                                  const struct bmcd_sel_fingerprint *b);

/* The state file's text for `sel` (the caller frees it). */
gchar *bmcd_state_format(const struct sel *sel, uint64_t now, gint64 wall);

/*
 * The SEL a state file's text describes, read from the file `name` (which every
 * message names). On failure returns false, sets *errp and leaves *sel an empty SEL
 * whose clock reads `wall`, as a BMC that starts without a state file has.
 */
bool bmcd_state_parse(const char *name, const char *text, size_t len, uint64_t now,
                      gint64 wall, struct sel *sel, GError **errp);

/* Writes the state file atomically. */
bool bmcd_state_save(const char *path, const struct sel *sel, uint64_t now, gint64 wall,
                     GError **errp);

/*
 * Reads the state file into *sel, as bmcd_state_parse. A file that is not there is a
 * G_FILE_ERROR_NOENT error (no SEL saved yet), one that cannot be read another
 * G_FILE_ERROR; a file read whole but not a state file is BMCD_STATE_ERROR_MALFORMED.
 */
bool bmcd_state_load(const char *path, uint64_t now, gint64 wall, struct sel *sel,
                     GError **errp);

/*
 * Gives b the SEL `sel` if the BMC that makes is one the core may be given
 * (bmc_migrated_ok); otherwise leaves b as it was and returns false.
 */
bool bmcd_state_restore(struct bmc *b, const struct sel *sel);

#endif /* BMCD_STATE_H */
