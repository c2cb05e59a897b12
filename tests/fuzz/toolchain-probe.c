/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Built at configure time: does clang have libFuzzer, ASan and UBSan here? */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)data;
    (void)size;
    return 0;
}
