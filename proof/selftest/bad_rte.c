/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Self-test for proof/run-wp.py: an off-by-one write.  The loop runs one
 * step too far and writes buf[n], one byte past the buffer the caller
 * guarantees.  The assigns clauses were "fixed" to match the code, so the
 * only goal left unproved is the runtime-error (mem_access) goal of the
 * write: the gate must fail and name it.
 */
#include <stddef.h>
#include <stdint.h>

/*@ requires n <= 64;
    requires \valid(buf + (0 .. n - 1));
    assigns buf[0 .. n];
*/
void fill_bytes(uint8_t *buf, size_t n, uint8_t v)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n + 1;
	    loop assigns i, buf[0 .. n];
	    loop variant n + 1 - i;
	*/
	for (i = 0; i <= n; i++)
		buf[i] = v;
}
