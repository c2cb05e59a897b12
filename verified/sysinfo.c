/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The System Info Parameters' store (see sysinfo.h). */
#include "sysinfo.h"

#include "bytes.h"

void bmc_sysinfo_init(struct bmc_sysinfo *s)
{
    size_t i;
    size_t j;

    s->set_in_progress = BMC_SYSINFO_SET_COMPLETE;
    /*@
      loop invariant 0 <= i <= BMC_SYSINFO_STRINGS;
      loop assigns i, j, s->strings[0 .. BMC_SYSINFO_STRINGS - 1][0 .. BMC_SYSINFO_BLOCKS - 1]
                              [0 .. BMC_SYSINFO_BLOCK_LEN - 1];
      loop variant BMC_SYSINFO_STRINGS - i;
    */
    for (i = 0; i < BMC_SYSINFO_STRINGS; i++) {
        /*@
          loop invariant 0 <= j <= BMC_SYSINFO_BLOCKS;
          loop assigns j, s->strings[i][0 .. BMC_SYSINFO_BLOCKS - 1][0 .. BMC_SYSINFO_BLOCK_LEN - 1];
          loop variant BMC_SYSINFO_BLOCKS - j;
        */
        for (j = 0; j < BMC_SYSINFO_BLOCKS; j++) {
            bytes_clear(s->strings[i][j], BMC_SYSINFO_BLOCK_LEN);
        }
    }
}
