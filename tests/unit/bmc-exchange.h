/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the BMC unit tests share: a default BMC, one request and its answer, and the
 * macros that write a request and the answer expected as bytes.
 */
#ifndef BMC_EXCHANGE_H
#define BMC_EXCHANGE_H

#include <glib.h>
#include <string.h>

#include "bmc.h"
#include "ipmi_messages.h"

/* One answer: the response bytes and what the request asked of the world. */
struct exchange {
    uint8_t rsp[IPMI_MAX_MESSAGE];
    size_t len;
    struct bmc_effects fx;
};

/* ipmi-bmc-sim's defaults: slave address 20h, device id 20h, IPMI 2.0, no GUID. */
static inline void bmc_default(struct bmc *b)
{
    struct bmc_config c;

    memset(&c, 0, sizeof(c));
    c.slave_addr = 0x20;
    c.device_id = 0x20;
    c.ipmi_version = 0x02;
    bmc_init(b, &c);
}

/* Asks req at time now; every answer is at least a header and fits the buffer. */
static inline struct exchange bmc_exchange(struct bmc *b, uint64_t now,
                                           const uint8_t *req, size_t len)
{
    struct exchange x;
    struct bmc_result r;

    memset(&x, 0xee, sizeof(x));
    r = bmc_handle_request(b, now, req, len, x.rsp, sizeof(x.rsp));
    x.len = r.len;
    x.fx = r.effects;
    g_assert_cmpuint(x.len, >=, IPMI_RESPONSE_HEADER);
    g_assert_cmpuint(x.len, <=, sizeof(x.rsp));
    return x;
}

/* The same, for a command that asks nothing of the world: every effect is clear. */
static inline struct exchange bmc_exchange_quiet(struct bmc *b, uint64_t now,
                                                 const uint8_t *req, size_t len)
{
    struct exchange x = bmc_exchange(b, now, req, len);

    g_assert_false(x.fx.irq_enable_changed);
    g_assert_false(x.fx.attention_changed);
    g_assert_false(x.fx.timer_changed);
    g_assert_cmpuint(x.fx.power, ==, BMC_POWER_NONE);
    return x;
}

#define ASK_AT(b, now, ...) \
    ({ static const uint8_t req_[] = { __VA_ARGS__ }; \
       bmc_exchange((b), (now), req_, sizeof(req_)); })

#define EXPECT(x, ...) \
    do { \
        static const uint8_t want_[] = { __VA_ARGS__ }; \
        struct exchange got_ = (x); /* asked once */ \
        g_assert_cmpmem(got_.rsp, got_.len, want_, sizeof(want_)); \
    } while (0)

#endif /* BMC_EXCHANGE_H */
