/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC core: the state a BMC keeps and the one entry point that answers a request.
 *
 * Caller-owned state, no globals, no allocation, no I/O. A request goes in as bytes and
 * the response comes out as bytes; what the BMC wants done outside itself (interrupts
 * on or off, the attention flag, a reset) is left in `effects` for the caller to apply.
 */
#ifndef BMC_H
#define BMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ipmi_messages.h"

#define BMC_GUID_LEN 16

/* What the BMC reports about itself (Get Device ID, Get Device GUID). */
struct bmc_config {
    uint8_t slave_addr;
    uint8_t device_id;
    uint8_t device_rev;
    uint8_t fwrev1;
    uint8_t fwrev2;
    uint8_t ipmi_version;
    uint32_t mfg_id;
    uint16_t product_id;
    bool guid_set;
    uint8_t guid[BMC_GUID_LEN];
};

/* BMC Global Enables bits (IPMI 2.0 section 22.1). */
#define BMC_ENABLE_RCV_MSG_QUEUE_IRQ 0x01
#define BMC_ENABLE_EVENT_BUFFER_FULL_IRQ 0x02
#define BMC_ENABLE_EVENT_BUFFER 0x04
#define BMC_ENABLE_SYSTEM_EVENT_LOG 0x08
/* The enables that let the BMC interrupt the host. */
#define BMC_ENABLE_IRQS (BMC_ENABLE_RCV_MSG_QUEUE_IRQ | BMC_ENABLE_EVENT_BUFFER_FULL_IRQ)

/* Message flags bits (section 22.4). */
#define BMC_FLAG_RCV_MSG_AVAILABLE 0x01
#define BMC_FLAG_EVENT_BUFFER_FULL 0x02
#define BMC_FLAG_WATCHDOG_PRETIMEOUT 0x08

/* What the last request asks of the world outside the BMC. */
struct bmc_effects {
    bool irq_enable_changed;   /* set the interface's interrupt enable to irq_enabled */
    bool irq_enabled;
    bool attention_changed;    /* set the interface's SMS_ATN to attention, */
    bool attention;
    bool attention_irq;        /* interrupting the host if this is set */
    bool cold_reset;           /* reset the interface, after the response is sent */
    bool warm_reset;
};

/* What commands change. */
struct bmc_state {
    uint8_t global_enables;
    uint8_t msg_flags;
};

struct bmc {
    struct bmc_config config;  /* set once by bmc_init; no command changes it */
    struct bmc_state state;
    struct bmc_effects effects;
};

/*@
  predicate bmc_valid(struct bmc *b) = \valid(b);

  // A command's request data, readable, and room for its answer, writable: apart from
  // each other and from the BMC.
  predicate bmc_command_buffers(struct bmc *b, uint8_t *data, integer len,
                                uint8_t *out, integer cap) =
    \valid_read(data + (0 .. len - 1)) && cap >= 1 && \valid(out + (0 .. cap - 1))
    && \separated(b, data + (0 .. len - 1), out + (0 .. cap - 1))
    && \separated(data + (0 .. len - 1), out + (0 .. cap - 1));
*/

/*@
  requires \valid(b);
  requires \valid_read(config);
  requires \separated(b, config);
  assigns *b;
  ensures bmc_valid(b);
  ensures b->state.global_enables == BMC_ENABLE_SYSTEM_EVENT_LOG && b->state.msg_flags == 0;
*/
void bmc_init(struct bmc *b, const struct bmc_config *config);

/*
 * Answers one request: NetFn/LUN, command, data. The response (NetFn/LUN, command,
 * completion code, data) goes to rsp; the return value is its length. A request too
 * short to name a command, for a LUN other than 0, or for a command this BMC does not
 * have, gets the IPMI-defined error response.
 */
/*@
  requires bmc_valid(b);
  requires bmc_command_buffers(b, req, req_len, rsp, rsp_cap);
  requires rsp_cap >= IPMI_RESPONSE_HEADER;
  assigns b->state, b->effects, rsp[0 .. rsp_cap - 1];
  ensures bmc_valid(b);
  ensures IPMI_RESPONSE_HEADER <= \result <= rsp_cap;
  ensures req_len >= IPMI_REQUEST_HEADER ==>
          rsp[0] == (req[0] | IPMI_RESPONSE_NETFN_BIT) && rsp[1] == req[1];
*/
size_t bmc_handle_request(struct bmc *b, const uint8_t *req, size_t req_len,
                          uint8_t *rsp, size_t rsp_cap);

/*
 * Leaves in `effects` what the interface must know of the BMC's state, as if both had
 * just changed: its interrupt enable and its attention flag (without an interrupt).
 * For an interface whose migration stream cannot carry them (upstream's smbus-ipmi).
 */
/*@
  requires bmc_valid(b);
  assigns b->effects;
  ensures b->effects.irq_enable_changed && b->effects.attention_changed;
  ensures b->effects.irq_enabled <==> (b->state.global_enables & BMC_ENABLE_IRQS) != 0;
  ensures b->effects.attention <==> b->state.msg_flags != 0;
  ensures !b->effects.attention_irq && !b->effects.cold_reset && !b->effects.warm_reset;
*/
void bmc_announce(struct bmc *b);

#endif /* BMC_H */
