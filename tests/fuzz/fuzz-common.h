/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the libFuzzer harnesses share: the headers of the code under test (named here
 * and nowhere else in tests/fuzz/), the input cursor, the failure report, the BMC's
 * configuration, one checked exchange with the BMC core, and the BMC behind an
 * interface machine, which may hold its answers and deliver them late.
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
#include "bt.h"  /* the BT machine's public header */
#include "kcs.h" /* the KCS machine's public header */
#include "ssif.h" /* the SSIF machine's public header */

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
 *     more, where the spec rejects trailing bytes) gets C7h, C2h, C1h, C7h (C8h when
 *     a variable tail is too long); a ranged field outside its range, the spec's code;
 *   - otherwise 00h, a code the command's spec lists, or CAh when cap cannot hold
 *     the spec's response;
 *   - CAh only when cap cannot hold the spec's largest response;
 *   - success: the spec's response length (a variable tail within its bounds); failure:
 *     the header alone, and
 *     neither the BMC's state nor its effects changed;
 *   - after it, the SDR repository's records as long as their length bytes say and the
 *     FRU areas inside their array.
 * Copies the response into rsp (at least cap bytes) and returns its length.
 */
size_t fuzz_bmc_ask(struct bmc *b, uint64_t now, const uint8_t *req, size_t req_len,
                    uint8_t *rsp, size_t cap, struct bmc_effects *fx);

/* FUZZ_TRACE=1 in the environment: the harness prints each operation on stderr. */
bool fuzz_tracing(void);

/*
 * A heap copy of exactly len bytes of p, so that AddressSanitizer sees any access past
 * them; NULL when len is 0. The caller frees it.
 */
uint8_t *fuzz_exact_copy(const uint8_t *p, size_t len);

/* The most bytes a forged answer has: its length is two input bytes modulo this. */
#define FUZZ_FORGED_MAX 512

/* A forged answer's length (two bytes, high first) and bytes from the input. */
size_t fuzz_take_forged(struct fuzz_input *in, uint8_t rsp[FUZZ_FORGED_MAX]);

/*
 * The BMC behind an interface machine, as the QEMU devices wire it: the BMC core
 * answers each complete request at once, and this BMC may hold the answers (effects
 * and response) and deliver them late, oldest first when too many wait.
 */
#define FUZZ_HELD_MAX 4

struct fuzz_answer {
    uint8_t id;                   /* the request id the answer quotes */
    unsigned long seq;            /* which request it answers, counting from 1 */
    size_t len;
    struct bmc_effects fx;
    uint8_t rsp[FUZZ_MAX_MESSAGE];
};

struct fuzz_bmc {
    struct bmc bmc;
    bool hold;                    /* hold answers until asked for them */
    unsigned long requests;       /* requests taken so far */
    size_t held;
    struct fuzz_answer answers[FUZZ_HELD_MAX];
};

/* The BMC core configured as fuzz_bmc_config() says, holding nothing. */
void fuzz_bmc_start(struct fuzz_bmc *b, uint8_t device_id);

/*
 * A complete request under `id`: the BMC core answers it (fuzz_bmc_ask, capacity
 * FUZZ_MAX_MESSAGE). A request id may come round again only after the 8-bit id has
 * wrapped; an answer still held for its namesake is then forgotten. Returns true with
 * *now set to the answer the interface gets now: this one, or, when holding and full,
 * the oldest held one (this one is held instead).
 */
bool fuzz_bmc_request(struct fuzz_bmc *b, uint8_t id, const uint8_t *req, size_t len,
                      struct fuzz_answer *now);

/* Takes held answer i (i < b->held) out of the queue into *a. */
void fuzz_bmc_take_held(struct fuzz_bmc *b, size_t i, struct fuzz_answer *a);

/* What a harness does to its interface machine for the BMC, each a call on `rig`. */
struct fuzz_interface {
    void (*set_irq_enable)(void *rig, bool on);
    void (*set_attention)(void *rig, bool on, bool irq);
    void (*respond)(void *rig, uint8_t id, const uint8_t *rsp, size_t len);
};

/*
 * The BMC's answer reaches the interface: its effects first (interrupt enable, then
 * attention), then the response, as ipmi-bmc-sim applies them. A cold or warm reset's
 * effect is not applied (the interface devices have no iic->reset).
 */
void fuzz_give(const struct fuzz_interface *iface, void *rig, const struct fuzz_answer *a);

/* Held answer i (i < b->held) reaches the interface. */
void fuzz_give_held(const struct fuzz_interface *iface, void *rig, struct fuzz_bmc *b, size_t i);

/* A complete request under `id` goes to the BMC (fuzz_bmc_request); what is due now is given. */
void fuzz_deliver(const struct fuzz_interface *iface, void *rig, struct fuzz_bmc *b, uint8_t id,
                  const uint8_t *req, size_t len);

/* A response the BMC core did not write, quoting `id`: fuzz_take_forged()'s bytes. */
void fuzz_give_forged(const struct fuzz_interface *iface, void *rig, struct fuzz_input *in,
                      uint8_t id);

#endif /* FUZZ_COMMON_H */
