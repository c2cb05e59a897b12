/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness for the KCS machine, wired to the BMC core as the QEMU devices
 * wire them (qemu-bindings/isa_ipmi_kcs.c and ipmi_bmc_sim.c): a complete request
 * goes to bmc_handle_request, the BMC's effects are applied (interrupt enable, then
 * attention), and its answer goes back through kcs_machine_respond quoting the
 * request id. Unlike ipmi-bmc-sim, this BMC may also hold its answers and deliver
 * them late: after a reset, an abort or a newer request, when they are stale.
 *
 * The input is a stream of operations (enum fuzz_kcs_op in fuzz-spec.h: register
 * reads and writes with any value, answers held, forged or late, attention,
 * interrupt enable, reset). After every operation the machine's invariants must hold;
 * after the stream, the host driver's own recovery must work: a KCS abort exactly as
 * Linux's drivers/char/ipmi/ipmi_kcs_sm.c does it (its states ERROR0 to ERROR3), then
 * a complete Get Device ID transfer (its START_OP to WAIT_READ) answered with
 * completion code 00h and the configured device id. Anything else aborts.
 */
#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_ELEMENTS(a) (sizeof(a) / sizeof((a)[0]))
#define STATE(status) ((uint8_t)((status) >> FUZZ_KCS_STATE_SHIFT))
#define DEVICE_ID 0x20

/*
 * How often the host reads status waiting for IBF to clear. Each wait delivers one
 * held answer, oldest first, and the one the machine waits for is among them.
 */
#define IBF_POLLS (FUZZ_HELD_MAX + 2)

struct rig {
    struct kcs_machine m;
    struct fuzz_bmc bmc;          /* the BMC core, and the answers it holds */
    bool irq;                     /* the IRQ line, as the device drives it */
};

static void check_invariants(const struct rig *r)
{
    const struct kcs_machine *m = &r->m;
    const struct fuzz_kcs_phase *p;
    uint8_t s;
    uint8_t want;

    if (m->phase >= N_ELEMENTS(fuzz_kcs_phases)) {
        fuzz_fail("phase %u: spec/kcs.yaml has %zu", m->phase, N_ELEMENTS(fuzz_kcs_phases));
    }
    p = &fuzz_kcs_phases[m->phase];
    if (m->request_len > FUZZ_KCS_REQUEST_CAPACITY ||
        m->response_len > FUZZ_KCS_RESPONSE_CAPACITY || m->response_pos > m->response_len) {
        fuzz_fail("%s: request %u, response %u at %u, capacities %d and %d", p->name,
                  m->request_len, m->response_len, m->response_pos,
                  FUZZ_KCS_REQUEST_CAPACITY, FUZZ_KCS_RESPONSE_CAPACITY);
    }
    if (p->ibf_held && m->request_len == 0) {
        fuzz_fail("%s with no request", p->name);
    }
    s = kcs_machine_status(m);
    want = (uint8_t)(p->state << FUZZ_KCS_STATE_SHIFT);
    want |= m->obf ? FUZZ_KCS_STATUS_OBF : 0;
    want |= p->ibf_held ? FUZZ_KCS_STATUS_IBF : 0;
    want |= m->atn ? FUZZ_KCS_STATUS_SMS_ATN : 0;
    want |= m->cd ? FUZZ_KCS_STATUS_CD : 0;
    if (s != want) {
        fuzz_fail("%s: status %02x, spec/kcs.yaml says %02x", p->name, s, want);
    }
    if (!fuzz_in_list(fuzz_kcs_error_codes, sizeof(fuzz_kcs_error_codes), m->error)) {
        fuzz_fail("%s: pending status code %02x is not in spec/kcs.yaml", p->name, m->error);
    }
    if (r->irq != (m->irq_enabled && (m->obf_irq || m->atn_irq))) {
        fuzz_fail("%s: IRQ line %d, the machine's sources say otherwise", p->name, r->irq);
    }
}

/* What the device does with a call's result: drive the line, hand a request over. */
static void deliver(struct rig *r);

static void apply(struct rig *r, struct kcs_result res)
{
    const struct kcs_machine *m = &r->m;

    if (res.irq_level != (m->irq_enabled && (m->obf_irq || m->atn_irq))) {
        fuzz_fail("kcs_result.irq_level %d disagrees with the machine's sources", res.irq_level);
    }
    if (res.irq_changed == (res.irq_level == r->irq)) {
        fuzz_fail("kcs_result.irq_changed %d, but the line goes %d -> %d",
                  res.irq_changed, r->irq, res.irq_level);
    }
    r->irq = res.irq_level;
    if (res.request) {
        deliver(r);
    }
}

/* kcs_machine_respond from a buffer of exactly len bytes, for AddressSanitizer. */
static void respond(struct rig *r, uint8_t id, const uint8_t *rsp, size_t len)
{
    uint8_t *exact = fuzz_exact_copy(rsp, len);

    apply(r, kcs_machine_respond(&r->m, id, exact, len));
    free(exact);
}

/* What the BMC does to the interface (fuzz_give and its kin in fuzz-common.c). */
static void bmc_irq_enable(void *rig, bool on)
{
    struct rig *r = rig;

    apply(r, kcs_machine_set_irq_enable(&r->m, on));
}

static void bmc_attention(void *rig, bool on, bool irq)
{
    struct rig *r = rig;

    apply(r, kcs_machine_set_attention(&r->m, on, irq));
}

static void bmc_respond(void *rig, uint8_t id, const uint8_t *rsp, size_t len)
{
    respond(rig, id, rsp, len);
}

static const struct fuzz_interface kcs_interface = {
    bmc_irq_enable, bmc_attention, bmc_respond,
};

static void give_held(struct rig *r, size_t i)
{
    fuzz_give_held(&kcs_interface, r, &r->bmc, i);
}

/* A complete request: the BMC core answers it now, and delivers the answer now or later. */
static void deliver(struct rig *r)
{
    fuzz_deliver(&kcs_interface, r, &r->bmc, r->m.request_id, r->m.request, r->m.request_len);
}

/* The host's register accesses, each checked against what the machine holds. */
static uint8_t read_status(struct rig *r)
{
    uint8_t before = kcs_machine_status(&r->m);
    struct kcs_result res = kcs_machine_read(&r->m, FUZZ_KCS_REG_STATUS);

    if (res.value != before || res.request) {
        fuzz_fail("status read gave %02x (request %d), the status was %02x",
                  res.value, res.request, before);
    }
    apply(r, res);
    return res.value;
}

static uint8_t read_data(struct rig *r)
{
    uint8_t before = r->m.data_out;
    struct kcs_result res = kcs_machine_read(&r->m, FUZZ_KCS_REG_DATA);

    if (res.value != before || r->m.obf || res.request) {
        fuzz_fail("data read gave %02x (request %d), OBF %d after it; data_out was %02x",
                  res.value, res.request, r->m.obf, before);
    }
    apply(r, res);
    return res.value;
}

static void write_reg(struct rig *r, uint8_t offset, uint8_t value)
{
    apply(r, kcs_machine_write(&r->m, offset, value));
}

static void run_op(struct rig *r, struct fuzz_input *in)
{
    size_t at = in->left;
    uint8_t op = fuzz_byte(in) % FUZZ_OP_COUNT;
    uint8_t v;
    int n;

    switch (op) {
    case FUZZ_OP_READ_DATA:
        read_data(r);
        break;
    case FUZZ_OP_READ_STATUS:
        read_status(r);
        break;
    case FUZZ_OP_WRITE_DATA:
        write_reg(r, FUZZ_KCS_REG_DATA, fuzz_byte(in));
        break;
    case FUZZ_OP_WRITE_CMD:
        write_reg(r, FUZZ_KCS_REG_STATUS, fuzz_byte(in));
        break;
    case FUZZ_OP_WRITE_DATA_REPEAT:
        v = fuzz_byte(in);
        for (n = fuzz_byte(in); n >= 0; n--) {
            write_reg(r, FUZZ_KCS_REG_DATA, v);
            check_invariants(r);
        }
        break;
    case FUZZ_OP_READ_LOOP:
        for (n = fuzz_byte(in); n >= 0; n--) {
            read_data(r);
            write_reg(r, FUZZ_KCS_REG_DATA, FUZZ_KCS_READ);
            check_invariants(r);
        }
        break;
    case FUZZ_OP_ANSWER:
        v = fuzz_byte(in);
        if (r->bmc.held > 0) {
            give_held(r, v % r->bmc.held);
        }
        break;
    case FUZZ_OP_ANSWER_FORGED:        /* any length, any bytes, any id */
        v = fuzz_byte(in);
        fuzz_give_forged(&kcs_interface, r, in, v);
        break;
    case FUZZ_OP_ANSWER_FORGED_CURRENT:
        fuzz_give_forged(&kcs_interface, r, in, r->m.request_id);
        break;
    case FUZZ_OP_ATTENTION:
        v = fuzz_byte(in);
        apply(r, kcs_machine_set_attention(&r->m, (v & 1) != 0, (v & 2) != 0));
        break;
    case FUZZ_OP_IRQ_ENABLE:
        apply(r, kcs_machine_set_irq_enable(&r->m, (fuzz_byte(in) & 1) != 0));
        break;
    case FUZZ_OP_RESET:
        apply(r, kcs_machine_reset(&r->m));
        break;
    default: /* FUZZ_OP_HOLD_ANSWERS */
        r->bmc.hold = (fuzz_byte(in) & 1) != 0;
        break;
    }
    check_invariants(r);
    if (fuzz_tracing()) {
        fprintf(stderr, "op %2u (%zu bytes left) -> %s, status %02x, %zu held\n", op, at,
                fuzz_kcs_phases[r->m.phase].name, kcs_machine_status(&r->m), r->bmc.held);
    }
}

/*
 * The host side after the stream: Linux's kcs_sm. Every kcs_event() starts by reading
 * status and waiting while IBF is set; here the BMC gets to deliver one held answer
 * per poll, and IBF still set after IBF_POLLS polls is a host that cannot get out.
 */
static uint8_t host_status(struct rig *r, const char *where)
{
    int i;

    for (i = 0; i < IBF_POLLS; i++) {
        uint8_t s = read_status(r);

        check_invariants(r);
        if (!(s & FUZZ_KCS_STATUS_IBF)) {
            return s;
        }
        if (r->bmc.held > 0) {
            give_held(r, 0);
            check_invariants(r);
        }
    }
    fuzz_fail("%s: IBF still set after %d status reads (phase %s)", where, IBF_POLLS,
              fuzz_kcs_phases[r->m.phase].name);
}

#define ANY_STATE (-1)

/* Checks that status s has the state (and OBF, if obf) the host needs. */
static void host_check(const struct rig *r, uint8_t s, const char *where, int state, bool obf)
{
    if ((state != ANY_STATE && STATE(s) != state) || (obf && !(s & FUZZ_KCS_STATUS_OBF))) {
        fuzz_fail("%s: status %02x, the host needs state %d%s (phase %s)", where, s, state,
                  obf ? " with OBF" : "", fuzz_kcs_phases[r->m.phase].name);
    }
}

/* Waits for IBF to clear, then checks the status as host_check does. */
static uint8_t host_wait(struct rig *r, const char *where, int state, bool obf)
{
    uint8_t s = host_status(r, where);

    host_check(r, s, where, state, obf);
    return s;
}

static void host_write(struct rig *r, uint8_t offset, uint8_t value)
{
    write_reg(r, offset, value);
    check_invariants(r);
}

/* The step most kcs_sm states take: wait, check the state, clear OBF, write. */
static void host_step(struct rig *r, const char *where, int state, uint8_t offset, uint8_t value)
{
    if (host_wait(r, where, state, false) & FUZZ_KCS_STATUS_OBF) {
        read_data(r);
    }
    host_write(r, offset, value);
}

/* start_error_recovery(): KCS_ERROR0 to KCS_ERROR3, first time round. */
static void host_abort(struct rig *r)
{
    uint8_t code;

    if (host_wait(r, "ERROR0", ANY_STATE, false) & FUZZ_KCS_STATUS_OBF) {
        read_data(r);
    }
    if (read_status(r) & FUZZ_KCS_STATUS_OBF) {
        fuzz_fail("ERROR0: OBF set again after the host read data");
    }
    host_write(r, FUZZ_KCS_REG_STATUS, FUZZ_KCS_GET_STATUS_ABORT);
    host_step(r, "ERROR1", ANY_STATE, FUZZ_KCS_REG_DATA, 0);
    host_wait(r, "ERROR2", FUZZ_KCS_STATE_READ, true);
    code = read_data(r);
    if (code == FUZZ_KCS_ERROR_NO_ERROR ||
        !fuzz_in_list(fuzz_kcs_error_codes, sizeof(fuzz_kcs_error_codes), code)) {
        fuzz_fail("ERROR2: the abort reported status code %02x", code);
    }
    host_write(r, FUZZ_KCS_REG_DATA, FUZZ_KCS_READ);
    host_wait(r, "ERROR3", FUZZ_KCS_STATE_IDLE, true);
    read_data(r);
}

/* start_kcs_transaction() with Get Device ID: KCS_START_OP to KCS_WAIT_READ. */
static void host_get_device_id(struct rig *r)
{
    const uint8_t req[] = { FUZZ_GET_DEVICE_ID_NETFN << FUZZ_NETFN_SHIFT,
                            FUZZ_GET_DEVICE_ID_CMD };
    const size_t want = FUZZ_RESPONSE_HEADER + FUZZ_GET_DEVICE_ID_RSP_LEN;
    uint8_t rsp[FUZZ_KCS_RESPONSE_CAPACITY] = { 0 };
    size_t sent = 0, n = 0;
    uint8_t s;

    host_step(r, "START_OP", FUZZ_KCS_STATE_IDLE, FUZZ_KCS_REG_STATUS, FUZZ_KCS_WRITE_START);
    host_wait(r, "WAIT_WRITE_START", FUZZ_KCS_STATE_WRITE, false);
    read_data(r);   /* kcs_sm reads here whether OBF is set or not */
    host_write(r, FUZZ_KCS_REG_DATA, req[sent++]);
    while (sent + 1 < sizeof(req)) {
        host_step(r, "WAIT_WRITE", FUZZ_KCS_STATE_WRITE, FUZZ_KCS_REG_DATA, req[sent++]);
    }
    host_step(r, "WAIT_WRITE", FUZZ_KCS_STATE_WRITE, FUZZ_KCS_REG_STATUS, FUZZ_KCS_WRITE_END);
    host_step(r, "WAIT_WRITE_END", FUZZ_KCS_STATE_WRITE, FUZZ_KCS_REG_DATA, req[sent]);
    for (;;) {
        s = host_status(r, "WAIT_READ");
        if (STATE(s) == FUZZ_KCS_STATE_IDLE) {
            if (s & FUZZ_KCS_STATUS_OBF) {
                read_data(r);
            }
            break;
        }
        host_check(r, s, "WAIT_READ", FUZZ_KCS_STATE_READ, true);
        if (n == sizeof(rsp)) {
            fuzz_fail("WAIT_READ: more than %zu response bytes", sizeof(rsp));
        }
        rsp[n++] = read_data(r);
        host_write(r, FUZZ_KCS_REG_DATA, FUZZ_KCS_READ);
    }
    if (n != want || rsp[0] != (req[0] | FUZZ_RESPONSE_NETFN_BIT) || rsp[1] != req[1] ||
        rsp[2] != FUZZ_CC_SUCCESS || rsp[3] != DEVICE_ID) {
        fuzz_fail("Get Device ID: %zu bytes %02x %02x %02x %02x..., want %zu bytes "
                  "%02x %02x %02x %02x...", n, rsp[0], rsp[1], rsp[2], rsp[3], want,
                  req[0] | FUZZ_RESPONSE_NETFN_BIT, req[1], FUZZ_CC_SUCCESS, DEVICE_ID);
    }
    s = read_status(r);
    if (STATE(s) != FUZZ_KCS_STATE_IDLE || (s & (FUZZ_KCS_STATUS_OBF | FUZZ_KCS_STATUS_IBF))) {
        fuzz_fail("after Get Device ID: status %02x", s);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct rig rig;
    struct fuzz_input in = { data, size };

    memset(&rig, 0, sizeof(rig));
    kcs_machine_init(&rig.m);
    fuzz_bmc_start(&rig.bmc, DEVICE_ID);
    check_invariants(&rig);
    while (in.left > 0) {
        run_op(&rig, &in);
    }
    host_abort(&rig);
    host_get_device_id(&rig);
    return 0;
}
