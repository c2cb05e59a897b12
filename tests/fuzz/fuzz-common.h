/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the libFuzzer harnesses share: the headers of the code under test (named here
 * and nowhere else in tests/fuzz/), the input cursor, the failure report, the BMC's
 * configuration, and one checked exchange with the BMC core.
 *
 * The harnesses check the code against fuzz-spec.h, which tests/fuzz/make-seeds.py
 * writes from spec/ into the build tree, so what the answers must look like comes
 * from the specs and not from the code being checked.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bmc.h"
#include "kcs.h" /* the KCS machine's public header */

#include "fuzz-spec.h"

/* The input, consumed from the front. A byte past the end reads as 0. */
struct fuzz_input {
    const uint8_t *data;
    size_t left;
};

uint8_t fuzz_byte(struct fuzz_input *in);

/* Copies n bytes into buf; those past the end of the input read as 0. */
void fuzz_take(struct fuzz_input *in, uint8_t *buf, size_t n);

/* Prints "fuzz: <what>" and aborts, which libFuzzer reports as a crash. */
void fuzz_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* Whether v is one of list[0 .. n - 1]. */
bool fuzz_in_list(const uint8_t *list, size_t n, uint8_t v);

/* The BMC the harnesses run: ipmi-bmc-sim's defaults, device id and GUID chosen. */
void fuzz_bmc_config(struct bmc_config *c, uint8_t device_id, bool guid_set);

/*
 * Hands req to bmc_handle_request with a response buffer of exactly cap bytes (both
 * on the heap, so AddressSanitizer sees any access outside them) and checks that the
 * answer is well formed for the request, as the specs define it:
 *   - 3 <= length <= cap; NetFn = request NetFn | 04h, command echoed;
 *   - a completion code spec/messages.yaml knows;
 *   - a request too short to name a command, for a LUN other than 0, for a command no
 *     spec/commands-*.yaml has, or with fewer data bytes than the spec's layout (or
 *     more, where the spec rejects trailing bytes) gets C7h, C2h, C1h, C7h;
 *   - otherwise 00h, a code the command's spec lists, or CAh when cap cannot hold
 *     the spec's response;
 *   - success: exactly the spec's response length; failure: the header alone, and
 *     neither the BMC's state nor its effects changed.
 * Copies the response into rsp (at least cap bytes) and returns its length.
 */
size_t fuzz_bmc_ask(struct bmc *b, const uint8_t *req, size_t req_len, uint8_t *rsp, size_t cap);

#endif /* FUZZ_COMMON_H */
