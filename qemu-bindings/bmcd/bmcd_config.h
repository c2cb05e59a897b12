/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ipmi-bmcd's configuration file: a GKeyFile naming the BMC's identity, its SDRs, FRU
 * data and initial sensor readings, where to listen and where the SEL is kept.
 *
 * bmcd_config_parse() takes the file's name and text and gives either the whole
 * configuration, with the BMC it describes already built, or one error whose message
 * is "NAME:LINE: what is wrong". GKeyFile does not say where a line is, so the text is
 * scanned line by line first: that scan reports bad syntax and remembers the line of
 * every group and key, and the checks of the values after GKeyFile parsed them report
 * the line the scan found. docs/ipmi-bmcd.8 lists the groups and keys.
 */
#ifndef BMCD_CONFIG_H
#define BMCD_CONFIG_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bmc.h"

#define BMCD_CONFIG_ERROR (bmcd_config_error_quark())

enum bmcd_config_error {
    BMCD_CONFIG_ERROR_SYNTAX,  /* a line that is no group, key=value, comment or blank */
    BMCD_CONFIG_ERROR_INVALID, /* a group, key or value the daemon does not take */
    BMCD_CONFIG_ERROR_FILE,    /* an SDR or FRU file that cannot be read or is malformed */
    BMCD_CONFIG_ERROR_SCAN,    /* a bug: GKeyFile refused a file the line scan took */
};

GQuark bmcd_config_error_quark(void);

/* A sensor's raw reading to set when the daemon starts ([sensor N] reading=). */
struct bmcd_reading {
    uint8_t sensor;
    uint8_t value;
};

struct bmcd_config {
    /*
     * The BMC every connection starts from: the identity, the SDR repository (the
     * sdrfile's, or the core's default) with a sensor for each sensor record, the FRU
     * devices. The SEL's clock and the initial readings are the daemon's to set.
     */
    struct bmc *start;
    gchar *sdr_file;           /* as resolved; NULL: the core's default repository */
    gchar *fru_file;           /* NULL: one FRU device of zeros */
    guint fru_area_size;
    guint readings_count;
    struct bmcd_reading readings[SENSOR_COUNT];
    gchar *tcp;                /* "HOST:PORT" to listen on, or NULL */
    gchar *unix_path;          /* a UNIX socket to listen on, or NULL */
    gchar *state_file;         /* where the SEL is kept, or NULL: nowhere */
};

/*
 * The configuration in text[0 .. len - 1], read from the file `name` (which every
 * error message starts with, and relative paths in it are taken from). Any bytes at
 * all: returns NULL and sets *errp if they are not a configuration.
 */
struct bmcd_config *bmcd_config_parse(const char *name, const char *text, size_t len,
                                      GError **errp);

/* The configuration of an empty file: QEMU's ipmi-bmc-sim defaults, no listener. */
struct bmcd_config *bmcd_config_defaults(void);

void bmcd_config_free(struct bmcd_config *config);

/*
 * "HOST:PORT" split as tcp= takes it: HOST a name, an IPv4 address, an IPv6 address in
 * brackets, or empty for every interface; PORT 0 to 65535. On failure returns false
 * and *why says what is wrong (a static string).
 */
bool bmcd_config_split_tcp(const char *value, gchar **host, guint16 *port,
                           const char **why);

/*
 * Sets each configured reading on b at time `now`, through the core as a host-side
 * Set Sensor Reading (so a threshold the reading crosses logs its event).
 */
void bmcd_config_apply_readings(const struct bmcd_config *config, struct bmc *b,
                                uint64_t now);

#endif /* BMCD_CONFIG_H */
