/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Self-test for proof/run-wp.py: a bounded byte-buffer writer and an
 * IPMI-style 8-bit checksum.  Every goal here (runtime errors, assigns,
 * loop invariants and variants, post-conditions) must be proved, and no
 * smoke test may find the contracts vacuous.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bytebuf {
	uint8_t *data;
	size_t cap;
	size_t len;
};

/*@ predicate bytebuf_ok(struct bytebuf *b) =
      \valid(b) && b->len <= b->cap &&
      \valid(b->data + (0 .. b->cap - 1)) &&
      \separated(b, b->data + (0 .. b->cap - 1));
*/

/* Sum of p[0 .. n-1] modulo 256. */
/*@ logic integer csum8{L}(uint8_t *p, integer n) =
      n <= 0 ? 0 : (csum8(p, n - 1) + p[n - 1]) % 256;
*/
/*@ requires bytebuf_ok(b);
    requires \valid_read(src + (0 .. n - 1));
    requires \separated(src + (0 .. n - 1), b, b->data + (0 .. b->cap - 1));
    assigns b->len, b->data[b->len .. b->cap - 1];
    ensures bytebuf_ok(b);
    ensures \result == (n <= \old(b->cap - b->len));
    ensures \result ==> b->len == \old(b->len) + n;
    ensures \result ==> \forall integer k; 0 <= k < n ==>
      b->data[\old(b->len) + k] == src[k];
    ensures !\result ==> b->len == \old(b->len);
*/
bool bytebuf_append(struct bytebuf *b, const uint8_t *src, size_t n)
{
	size_t i;

	if (n > b->cap - b->len)
		return false;
	/*@ loop invariant 0 <= i <= n;
	    loop invariant \forall integer k; 0 <= k < i ==>
	      b->data[b->len + k] == src[k];
	    loop assigns i, b->data[b->len .. b->len + n - 1];
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++)
		b->data[b->len + i] = src[i];
	b->len += n;
	return true;
}

/* IPMI checksum: the byte that makes the sum of all bytes zero modulo 256. */
/*@ requires \valid_read(p + (0 .. n - 1));
    assigns \nothing;
    ensures \result == (256 - csum8(p, n)) % 256;
    ensures (csum8(p, n) + \result) % 256 == 0;
*/
uint8_t checksum8(const uint8_t *p, size_t n)
{
	uint8_t s = 0;
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant s == csum8(p, i);
	    loop assigns i, s;
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++)
		s = (uint8_t)((s + p[i]) % 256);
	return (uint8_t)((256 - s) % 256);
}
