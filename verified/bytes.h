/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Byte spans: the one loop every machine's init needs. */
#ifndef BYTES_H
#define BYTES_H

#include <stddef.h>
#include <stdint.h>

/*@
  requires \valid(buf + (0 .. len - 1));
  assigns buf[0 .. len - 1];
  ensures \forall integer k; 0 <= k < len ==> buf[k] == 0;
*/
void bytes_clear(uint8_t *buf, size_t len);

#endif /* BYTES_H */
