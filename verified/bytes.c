/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bytes.h"

void bytes_clear(uint8_t *buf, size_t len)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= len;
      loop invariant \forall integer k; 0 <= k < i ==> buf[k] == 0;
      loop assigns i, buf[0 .. len - 1];
      loop variant len - i;
    */
    for (i = 0; i < len; i++) {
        buf[i] = 0;
    }
}

void bytes_copy(uint8_t *dst, const uint8_t *src, size_t len)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= len;
      loop invariant \forall integer k; 0 <= k < i ==> dst[k] == src[k];
      loop assigns i, dst[0 .. len - 1];
      loop variant len - i;
    */
    for (i = 0; i < len; i++) {
        dst[i] = src[i];
    }
}

bool bytes_equal(const uint8_t *a, const uint8_t *b, size_t len)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= len;
      loop invariant \forall integer k; 0 <= k < i ==> a[k] == b[k];
      loop assigns i;
      loop variant len - i;
    */
    for (i = 0; i < len; i++) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}
