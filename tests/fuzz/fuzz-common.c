/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The harnesses' shared pieces; see fuzz-common.h.
 */
#include "fuzz-common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmc_migrate.h"

#define N_ELEMENTS(a) (sizeof(a) / sizeof((a)[0]))

uint8_t fuzz_byte(struct fuzz_input *in)
{
    if (in->left == 0) {
        return 0;
    }
    in->left--;
    return *in->data++;
}

void fuzz_take(struct fuzz_input *in, uint8_t *buf, size_t n)
{
    size_t have = n < in->left ? n : in->left;

    memcpy(buf, in->data, have);
    memset(buf + have, 0, n - have);
    in->data += have;
    in->left -= have;
}

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;

    fputs("fuzz: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

void fuzz_bmc_config(struct bmc_config *c, uint8_t device_id, bool guid_set)
{
    size_t i;

    memset(c, 0, sizeof(*c));
    c->slave_addr = 0x20;
    c->device_id = device_id;
    c->ipmi_version = 0x02;
    c->guid_set = guid_set;
    for (i = 0; i < sizeof(c->guid); i++) {
        c->guid[i] = (uint8_t)(0xa0 + i);
    }
}

bool fuzz_in_list(const uint8_t *list, size_t n, uint8_t v)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (list[i] == v) {
            return true;
        }
    }
    return false;
}

static const struct fuzz_command *find_command(uint8_t netfn, uint8_t code)
{
    size_t i;

    for (i = 0; i < N_ELEMENTS(fuzz_commands); i++) {
        if (fuzz_commands[i].netfn == netfn && fuzz_commands[i].code == code) {
            return &fuzz_commands[i];
        }
    }
    return NULL;
}

static bool no_effects(const struct bmc_effects *fx)
{
    return !fx->irq_enable_changed && !fx->attention_changed && !fx->cold_reset &&
           !fx->warm_reset && fx->power == BMC_POWER_NONE && !fx->nmi && !fx->timer_changed;
}

/*
 * The completion code the specs demand for a request, or -1 where the command runs
 * and its own outcome decides (then *cmd is the command).
 */
static int demanded_cc(const uint8_t *req, size_t req_len, const struct fuzz_command **cmd)
{
    size_t data_len;
    size_t i;

    *cmd = NULL;
    if (req_len < FUZZ_REQUEST_HEADER) {
        return FUZZ_CC_REQUEST_DATA_LENGTH_INVALID;
    }
    if ((req[0] & FUZZ_LUN_MASK) != 0) {
        return FUZZ_CC_INVALID_FOR_LUN;
    }
    *cmd = find_command((uint8_t)(req[0] >> FUZZ_NETFN_SHIFT), req[1]);
    if (*cmd == NULL) {
        return FUZZ_CC_INVALID_COMMAND;
    }
    data_len = req_len - FUZZ_REQUEST_HEADER;
    if (data_len < (*cmd)->request_len) {
        return FUZZ_CC_REQUEST_DATA_LENGTH_INVALID;
    }
    if (!(*cmd)->trailing_ignored && data_len > (*cmd)->request_max) {
        return (*cmd)->request_tail ? FUZZ_CC_REQUEST_DATA_FIELD_TOO_LONG
                                    : FUZZ_CC_REQUEST_DATA_LENGTH_INVALID;
    }
    for (i = 0; i < (*cmd)->n_ranges; i++) {
        const struct fuzz_range *r = &(*cmd)->ranges[i];
        uint32_t v = 0;
        size_t k;

        for (k = 0; k < r->size; k++) {
            v |= (uint32_t)req[FUZZ_REQUEST_HEADER + r->offset + k] << (8 * k);
        }
        if (v < r->lo || v > r->hi) {
            return r->cc;
        }
    }
    return -1;
}

static void check_answer(const struct bmc *b, const struct bmc_state *before,
                         const struct bmc_effects *fx,
                         const uint8_t *req, size_t req_len,
                         const uint8_t *rsp, size_t len, size_t cap)
{
    const struct fuzz_command *cmd;
    int demanded;
    uint8_t cc;
    size_t full;

    if (len < FUZZ_RESPONSE_HEADER || len > cap) {
        fuzz_fail("response of %zu bytes for a %zu-byte request (capacity %zu)",
                  len, req_len, cap);
    }
    cc = rsp[FUZZ_RESPONSE_HEADER - 1];
    if (req_len >= FUZZ_REQUEST_HEADER &&
        (rsp[0] != (req[0] | FUZZ_RESPONSE_NETFN_BIT) || rsp[1] != req[1])) {
        fuzz_fail("request %02x %02x answered as %02x %02x", req[0], req[1], rsp[0], rsp[1]);
    }
    if (!fuzz_in_list(fuzz_completion_codes, sizeof(fuzz_completion_codes), cc)) {
        fuzz_fail("completion code %02x is not in spec/messages.yaml", cc);
    }
    demanded = demanded_cc(req, req_len, &cmd);
    if (demanded >= 0 && cc != demanded) {
        fuzz_fail("request %02x %02x (%zu bytes): completion code %02x, the specs say %02x",
                  req_len > 0 ? req[0] : 0, req_len > 1 ? req[1] : 0, req_len, cc, demanded);
    }
    if (demanded < 0) {
        full = FUZZ_RESPONSE_HEADER + cmd->response_len;
        /* A buffer that holds the spec's largest answer can always be answered in. */
        if (cc == FUZZ_CC_CANNOT_RETURN_BYTES && cap >= full) {
            fuzz_fail("%s: completion code %02x with room for %zu bytes, its spec's "
                      "largest answer", cmd->name, cc, full);
        }
        if (cc != FUZZ_CC_SUCCESS && !fuzz_in_list(cmd->errors, cmd->n_errors, cc) &&
            !(cc == FUZZ_CC_CANNOT_RETURN_BYTES && cap < full)) {
            fuzz_fail("%s: completion code %02x is not one its spec lists", cmd->name, cc);
        }
        if (cc == FUZZ_CC_SUCCESS &&
            (len < FUZZ_RESPONSE_HEADER + cmd->response_min || len > full)) {
            fuzz_fail("%s: a %zu-byte response, its spec's layout has %u to %zu", cmd->name,
                      len, FUZZ_RESPONSE_HEADER + cmd->response_min, full);
        }
    }
    if (cc != FUZZ_CC_SUCCESS) {
        if (len != FUZZ_RESPONSE_HEADER) {
            fuzz_fail("completion code %02x with %zu data bytes", cc, len - FUZZ_RESPONSE_HEADER);
        }
        /* A refusal its spec says the BMC remembers may change its state, never
           its effects. */
        bool may_change = cmd != NULL && demanded < 0 &&
                          fuzz_in_list(cmd->state_errors, cmd->n_state_errors, cc);

        if ((!may_change && memcmp(before, &b->state, sizeof(*before)) != 0) ||
            !no_effects(fx)) {
            fuzz_fail("a request refused with %02x changed the BMC's state or effects", cc);
        }
    }
}

/*
 * What the proofs do not say about the SDR repository and the FRU inventory, checked
 * after every request: each record's length byte says its length in the index (the
 * proofs keep the index in bounds, not the bytes in step with it), a Partial Add in
 * progress fits, and the FRU areas lie inside the array.
 */
static void check_storage(const struct bmc *b)
{
    const struct sdr *r = &b->state.sdr;
    const struct fru *f = &b->state.fru;
    int i;

    if (r->count < 0 || r->count > SDR_MAX_RECORDS || r->start[0] != 0 ||
        r->start[r->count] > SDR_POOL_SIZE || r->next_id == SDR_LAST_ID) {
        fuzz_fail("SDR repository: %d records, next id %04x", r->count, r->next_id);
    }
    for (i = 0; i < r->count; i++) {
        int len = r->start[i + 1] - r->start[i];

        if (r->start[i + 1] > SDR_POOL_SIZE || len < SDR_HEADER_LEN || len > SDR_RECORD_MAX ||
            r->pool[r->start[i] + SDR_LENGTH_BYTE] + SDR_HEADER_LEN != len) {
            fuzz_fail("SDR record %d: %d bytes at %d, its length byte says %d", i, len,
                      r->start[i], len >= SDR_HEADER_LEN && r->start[i + 1] <= SDR_POOL_SIZE
                      ? r->pool[r->start[i] + SDR_LENGTH_BYTE] + SDR_HEADER_LEN : -1);
        }
    }
    if (r->pending_total != 0 &&
        (r->pending_len < 0 || r->pending_len > r->pending_total ||
         r->pending_total < SDR_HEADER_LEN || r->pending_total > SDR_RECORD_MAX ||
         r->count >= SDR_MAX_RECORDS || r->start[r->count] + r->pending_total > SDR_POOL_SIZE)) {
        fuzz_fail("SDR Partial Add in progress: %d of %d bytes at %d", r->pending_len,
                  r->pending_total, r->start[r->count]);
    }
    if (f->devices < 1 || f->area_size < 1 || (size_t)f->devices * f->area_size > BMC_FRU_MAX) {
        fuzz_fail("FRU: %u devices of %u bytes", f->devices, f->area_size);
    }
}

/*
 * The state would migrate: ipmi-bmc-sim's post_load takes it (bmc_migrated_ok), and
 * its watchdog saved in upstream's fields loads again. This QEMU must never write a
 * stream it refuses.
 */
static void check_migratable(const struct bmc *b)
{
    struct bmc_upstream_watchdog u;
    struct watchdog w;

    if (!bmc_migrated_ok(b)) {
        fuzz_fail("the state after this request would not migrate: bmc_migrated_ok refuses it");
    }
    bmc_watchdog_to_upstream(&b->state.watchdog, &u);
    if (!bmc_watchdog_from_upstream(&w, &u, b->state.watchdog.stopped_count)) {
        fuzz_fail("the watchdog saved in upstream's fields (use %02x, actions %02x, "
                  "pre-timeout %u, countdown %u) does not load again",
                  u.use, u.action, u.pretimeout, u.timeout);
    }
}

size_t fuzz_bmc_ask(struct bmc *b, uint64_t now, const uint8_t *req, size_t req_len,
                    uint8_t *rsp, size_t cap, struct bmc_effects *fx)
{
    struct bmc_result r;
    uint8_t *req_copy = malloc(req_len);
    uint8_t *rsp_exact = malloc(cap);
    struct bmc_state before = b->state;
    size_t len;

    if ((req_copy == NULL && req_len > 0) || rsp_exact == NULL) {
        fuzz_fail("out of memory");
    }
    if (req_len > 0) {
        memcpy(req_copy, req, req_len);
    }
    memset(rsp_exact, 0xa5, cap);
    r = bmc_handle_request(b, now, req_copy, req_len, rsp_exact, cap);
    len = r.len;
    *fx = r.effects;
    check_answer(b, &before, fx, req, req_len, rsp_exact, len, cap);
    check_storage(b);
    check_migratable(b);
    memcpy(rsp, rsp_exact, len);
    free(req_copy);
    free(rsp_exact);
    return len;
}

bool fuzz_tracing(void)
{
    static int on = -1;

    if (on < 0) {
        const char *e = getenv("FUZZ_TRACE");
        on = e != NULL && *e != '\0' && *e != '0';
    }
    return on != 0;
}

uint8_t *fuzz_exact_copy(const uint8_t *p, size_t len)
{
    uint8_t *copy;

    if (len == 0) {
        return NULL;
    }
    copy = malloc(len);
    if (copy == NULL) {
        fuzz_fail("out of memory");
    }
    memcpy(copy, p, len);
    return copy;
}

size_t fuzz_take_forged(struct fuzz_input *in, uint8_t rsp[FUZZ_FORGED_MAX])
{
    size_t hi = fuzz_byte(in);
    size_t len = ((hi << 8) | fuzz_byte(in)) % FUZZ_FORGED_MAX;

    fuzz_take(in, rsp, len);
    return len;
}

void fuzz_bmc_start(struct fuzz_bmc *b, uint8_t device_id)
{
    struct bmc_config config;

    memset(b, 0, sizeof(*b));
    fuzz_bmc_config(&config, device_id, true);
    bmc_init(&b->bmc, &config);
}

static void drop_held(struct fuzz_bmc *b, size_t i)
{
    memmove(&b->answers[i], &b->answers[i + 1], (b->held - i - 1) * sizeof(b->answers[0]));
    b->held--;
}

void fuzz_bmc_take_held(struct fuzz_bmc *b, size_t i, struct fuzz_answer *a)
{
    *a = b->answers[i];
    drop_held(b, i);
}

bool fuzz_bmc_request(struct fuzz_bmc *b, uint8_t id, const uint8_t *req, size_t len,
                      struct fuzz_answer *now)
{
    struct fuzz_answer a;
    size_t i;

    if (len == 0) {
        fuzz_fail("a request of no bytes delivered");
    }
    b->requests++;
    for (i = 0; i < b->held; i++) {
        if (b->answers[i].id == id) {
            if (b->requests - b->answers[i].seq < 256) {
                fuzz_fail("request id %02x given again %lu requests later, while an answer "
                          "to it is still on its way", id, b->requests - b->answers[i].seq);
            }
            drop_held(b, i);
            break;
        }
    }
    a.id = id;
    a.seq = b->requests;
    a.len = fuzz_bmc_ask(&b->bmc, 0, req, len, a.rsp, sizeof(a.rsp), &a.fx);
    if (!b->hold) {
        *now = a;
        return true;
    }
    if (b->held == FUZZ_HELD_MAX) {
        fuzz_bmc_take_held(b, 0, now);
        b->answers[b->held++] = a;
        return true;
    }
    b->answers[b->held++] = a;
    return false;
}

void fuzz_give(const struct fuzz_interface *iface, void *rig, const struct fuzz_answer *a)
{
    if (a->fx.irq_enable_changed) {
        iface->set_irq_enable(rig, a->fx.irq_enabled);
    }
    if (a->fx.attention_changed) {
        iface->set_attention(rig, a->fx.attention, a->fx.attention_irq);
    }
    iface->respond(rig, a->id, a->rsp, a->len);
}

void fuzz_give_held(const struct fuzz_interface *iface, void *rig, struct fuzz_bmc *b, size_t i)
{
    struct fuzz_answer a;

    fuzz_bmc_take_held(b, i, &a);
    fuzz_give(iface, rig, &a);
}

void fuzz_deliver(const struct fuzz_interface *iface, void *rig, struct fuzz_bmc *b, uint8_t id,
                  const uint8_t *req, size_t len)
{
    struct fuzz_answer now;

    if (fuzz_bmc_request(b, id, req, len, &now)) {
        fuzz_give(iface, rig, &now);
    }
}

void fuzz_give_forged(const struct fuzz_interface *iface, void *rig, struct fuzz_input *in,
                      uint8_t id)
{
    uint8_t rsp[FUZZ_FORGED_MAX];
    size_t len = fuzz_take_forged(in, rsp);

    iface->respond(rig, id, rsp, len);
}
