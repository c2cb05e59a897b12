/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Self-test for proof/run-wp.py: a vacuous contract.  The two requires
 * contradict each other, so every other goal of the function is proved
 * "for free", even the plainly false post-condition below.  WP's smoke test
 * for the requires proves \false from them, and the gate must fail on that
 * alone.
 */
#include <stdint.h>

/*@ requires x > 0;
    requires x < 0;
    assigns \nothing;
    ensures \result == 42;
*/
int32_t answer(int32_t x)
{
	return x * 1000;
}
