/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * System Info Parameters (IPMI 2.0 errata 4, sections 22.14a and 22.14b): strings that
 * system software leaves with the BMC (firmware version, system and OS names, OS
 * version) for management software to read, and the "set in progress" state that
 * brackets a change.
 *
 * Each string is kept as the blocks system software wrote, 16 bytes each, as the
 * section lays them out (block 0 begins with the encoding and the string's length);
 * the BMC does not read them. BMC_SYSINFO_BLOCKS blocks per string hold 62 characters.
 */
#ifndef SYSINFO_H
#define SYSINFO_H

#include <stdint.h>

#define BMC_SYSINFO_SET_IN_PROGRESS 0
#define BMC_SYSINFO_FIRST_STRING 1   /* system firmware version */
#define BMC_SYSINFO_LAST_STRING 5    /* present OS version */
#define BMC_SYSINFO_STRINGS (BMC_SYSINFO_LAST_STRING - BMC_SYSINFO_FIRST_STRING + 1)
#define BMC_SYSINFO_BLOCKS 4
#define BMC_SYSINFO_BLOCK_LEN 16

/* Set in progress, bits 1:0 (22.14a, parameter 0). */
#define BMC_SYSINFO_SET_COMPLETE 0
#define BMC_SYSINFO_SETTING 1
#define BMC_SYSINFO_COMMIT 2
#define BMC_SYSINFO_STATE_LAST BMC_SYSINFO_COMMIT

struct bmc_sysinfo {
    uint8_t set_in_progress;   /* BMC_SYSINFO_SET_COMPLETE .. BMC_SYSINFO_COMMIT */
    uint8_t strings[BMC_SYSINFO_STRINGS][BMC_SYSINFO_BLOCKS][BMC_SYSINFO_BLOCK_LEN];
};

/* Nothing set: every string empty (all zero: encoding 0, length 0), no set in
   progress. */
/*@
  requires \valid(s);
  assigns *s;
  ensures s->set_in_progress == BMC_SYSINFO_SET_COMPLETE;
*/
void bmc_sysinfo_init(struct bmc_sysinfo *s);

#endif /* SYSINFO_H */
