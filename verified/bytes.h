/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Byte spans: the loops every machine and migration conversion needs, proved once:
   clearing, copying, comparing. */
#ifndef BYTES_H
#define BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*@
  requires \valid(buf + (0 .. len - 1));
  assigns buf[0 .. len - 1];
  ensures \forall integer k; 0 <= k < len ==> buf[k] == 0;
*/
void bytes_clear(uint8_t *buf, size_t len);

/*@
  requires \valid(dst + (0 .. len - 1));
  requires \valid_read(src + (0 .. len - 1));
  requires \separated(dst + (0 .. len - 1), src + (0 .. len - 1));
  assigns dst[0 .. len - 1];
  ensures \forall integer k; 0 <= k < len ==> dst[k] == src[k];
*/
void bytes_copy(uint8_t *dst, const uint8_t *src, size_t len);

/*@
  requires \valid_read(a + (0 .. len - 1));
  requires \valid_read(b + (0 .. len - 1));
  assigns \nothing;
  ensures \result != 0 <==> (\forall integer k; 0 <= k < len ==> a[k] == b[k]);
*/
bool bytes_equal(const uint8_t *a, const uint8_t *b, size_t len);

#endif /* BYTES_H */
