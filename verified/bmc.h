/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BMC core: the state a BMC keeps and the one entry point that answers a request.
 *
 * Caller-owned state, no globals, no allocation, no I/O, no clock: the caller says
 * what time it is. A request goes in as bytes and the response comes out as bytes;
 * what the BMC wants done outside itself (interrupts on or off, the attention flag, a
 * reset, a power action, when to call it again) is returned from the call, as the
 * interface machines return their actions.
 */
#ifndef BMC_H
#define BMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "chassis.h"
#include "fru.h"
#include "ipmi_messages.h"
#include "sdr.h"
#include "watchdog.h"
#include "msgq.h"
#include "sel.h"
#include "sysinfo.h"
#include "sensor.h"

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

/* What the machine around the BMC is asked to do to its power (Chassis Control, section
   28.3, and the watchdog's timeout actions, section 27.1). */
#define BMC_POWER_NONE 0
#define BMC_POWER_OFF 1        /* power down, at once */
#define BMC_POWER_ON 2
#define BMC_POWER_CYCLE 3
#define BMC_POWER_RESET 4      /* hard reset */
#define BMC_POWER_SOFT_OFF 5   /* the ACPI power button: the OS shuts down */
#define BMC_POWER_LAST BMC_POWER_SOFT_OFF

/*
 * What one call asks of the world outside the BMC. Every call returns its own; the
 * BMC keeps none of it.
 */
struct bmc_effects {
    bool irq_enable_changed;   /* set the interface's interrupt enable to irq_enabled */
    bool irq_enabled;
    bool attention_changed;    /* set the interface's SMS_ATN to attention, */
    bool attention;
    bool attention_irq;        /* interrupting the host if this is set */
    bool cold_reset;           /* reset the interface, after the response is sent */
    bool warm_reset;
    uint8_t power;             /* BMC_POWER_*, after the response is sent */
    bool nmi;                  /* pulse the machine's NMI (diagnostic interrupt) */
    bool timer_changed;        /* call bmc_tick at deadline, or never if !timer_armed */
    bool timer_armed;
    uint64_t deadline;         /* milliseconds, on the clock that gives `now` */
};

/*
 * One call into the BMC: the time it happens and what it asks for. The caller of a
 * public entry point never sees it; the entry point returns its effects.
 */
struct bmc_call {
    uint64_t now;              /* milliseconds on the caller's clock; it never goes back */
    struct bmc_effects effects;
};

/*
 * ACPI power states (Set and Get ACPI Power State, section 20.6). A request byte's bit
 * 7 says to set the state in bits 6:0; the value "no change" leaves it as it is.
 */
#define BMC_ACPI_SET 0x80
#define BMC_ACPI_STATE_MASK 0x7f
#define BMC_ACPI_SYSTEM_LAST 0x0a          /* 00h S0/G0 working ... 0Ah S5 by override */
#define BMC_ACPI_SYSTEM_LEGACY_ON 0x20
#define BMC_ACPI_SYSTEM_LEGACY_OFF 0x21
#define BMC_ACPI_DEVICE_LAST 0x03          /* 00h D0 ... 03h D3 */
#define BMC_ACPI_UNKNOWN 0x2a
#define BMC_ACPI_NO_CHANGE 0x7f

/*@
  // The states Set ACPI Power State may set (section 20.6): not "no change".
  predicate bmc_acpi_system_state(integer s) =
    0 <= s <= BMC_ACPI_SYSTEM_LAST || s == BMC_ACPI_SYSTEM_LEGACY_ON
    || s == BMC_ACPI_SYSTEM_LEGACY_OFF || s == BMC_ACPI_UNKNOWN;
  predicate bmc_acpi_device_state(integer s) =
    0 <= s <= BMC_ACPI_DEVICE_LAST || s == BMC_ACPI_UNKNOWN;
*/

/* Whether a request (or a migration stream) names such a state. */
/*@
  assigns \nothing;
  ensures \result != 0 <==> bmc_acpi_system_state(s);
*/
bool bmc_acpi_system_state_known(uint8_t s);

/*@
  assigns \nothing;
  ensures \result != 0 <==> bmc_acpi_device_state(s);
*/
bool bmc_acpi_device_state_known(uint8_t s);

/* What commands change. */
struct bmc_state {
    uint8_t global_enables;
    uint8_t msg_flags;
    struct watchdog watchdog;
    struct sel sel;            /* the System Event Log */
    uint8_t acpi_system_state;   /* as Get ACPI Power State reports it */
    uint8_t acpi_device_state;
    struct bmc_chassis chassis;
    struct bmc_msgq msgq;        /* the receive message queue */
    struct bmc_sysinfo sysinfo;  /* System Info Parameters */
    struct sensors sensors;
    /* The event message buffer (section 22.8): one event, in use while msg_flags has
       BMC_FLAG_EVENT_BUFFER_FULL. */
    uint8_t event_buffer[SEL_RECORD_LEN];
    struct sdr sdr;            /* the SDR repository */
    struct fru fru;            /* the FRU inventory */
};

struct bmc {
    struct bmc_config config;  /* set once by bmc_init; no command changes it */
    struct bmc_state state;
};

/* The answer to one request: its length in the response buffer, and its effects. */
struct bmc_result {
    size_t len;
    struct bmc_effects effects;
};

/*@
  // A call in progress: its effects name a power action there is.
  predicate bmc_call_valid(struct bmc_call *call) =
    \valid(call) && call->effects.power <= BMC_POWER_LAST;
*/

/*@
  predicate bmc_valid(struct bmc *b) =
    \valid(b) && bmc_chassis_valid(&b->state.chassis) && msgq_valid(&b->state.msgq)
    && bmc_acpi_system_state(b->state.acpi_system_state)
    && bmc_acpi_device_state(b->state.acpi_device_state)
    && sdr_valid(&b->state.sdr);

  // A command's request data, readable, and room for its answer, writable: apart from
  // each other and from the BMC.
  predicate bmc_command_buffers(struct bmc *b, struct bmc_call *call, uint8_t *data,
                                integer len, uint8_t *out, integer cap) =
    bmc_call_valid(call) && \valid_read(data + (0 .. len - 1)) && cap >= 1
    && \valid(out + (0 .. cap - 1))
    && \separated(b, call, data + (0 .. len - 1), out + (0 .. cap - 1))
    && \separated(data + (0 .. len - 1), out + (0 .. cap - 1));
*/

/*@
  requires \valid(b);
  requires \valid_read(config);
  requires \separated(b, config);
  assigns *b;
  ensures bmc_valid(b);
  ensures b->state.global_enables == BMC_ENABLE_SYSTEM_EVENT_LOG && b->state.msg_flags == 0;
  ensures !b->state.watchdog.initialized && !b->state.watchdog.running;
  ensures sensor_is_present(&b->state.sensors, SENSOR_WATCHDOG_NUMBER);
  ensures b->state.sel.count == 0 && b->state.sel.time_offset == 0 && !b->state.sel.overflow;
  ensures b->state.acpi_system_state == 0 && b->state.acpi_device_state == 0;
  ensures b->state.chassis.power_on;
  ensures b->state.msgq.count == 0;
  ensures b->state.sdr.count == 1 && b->state.fru.devices == 1;
*/
void bmc_init(struct bmc *b, const struct bmc_config *config);

/* A call's effects before it asks for anything. */
/*@
  requires \valid(fx);
  assigns *fx;
  ensures !fx->irq_enable_changed && !fx->attention_changed;
  ensures !fx->attention_irq && !fx->cold_reset && !fx->warm_reset;
  ensures fx->power == BMC_POWER_NONE && !fx->nmi && !fx->timer_changed;
*/
void bmc_clear_effects(struct bmc_effects *fx);

/*
 * A response's data that is only a completion code (the byte after the response
 * header). Returns its length, 1.
 */
/*@
  requires \valid(out);
  assigns *out;
  ensures *out == cc && \result == 1;
*/
size_t bmc_answer_code(uint8_t *out, uint8_t cc);

/*
 * Answers one request, made at time `now`: NetFn/LUN, command, data. The response
 * (NetFn/LUN, command, completion code, data) goes to rsp; the result gives its length
 * and what the BMC asks of the world. A request too
 * short to name a command, for a LUN other than 0, or for a command this BMC does not
 * have, gets the IPMI-defined error response.
 */
/*@
  requires bmc_valid(b);
  requires \valid_read(req + (0 .. req_len - 1)) && \valid(rsp + (0 .. rsp_cap - 1));
  requires \separated(b, req + (0 .. req_len - 1), rsp + (0 .. rsp_cap - 1));
  requires rsp_cap >= IPMI_RESPONSE_HEADER;
  assigns b->state, rsp[0 .. rsp_cap - 1];
  ensures bmc_valid(b);
  ensures IPMI_RESPONSE_HEADER <= \result.len <= rsp_cap;
  ensures \result.effects.power <= BMC_POWER_LAST;
  ensures req_len >= IPMI_REQUEST_HEADER ==>
          rsp[0] == (req[0] | IPMI_RESPONSE_NETFN_BIT) && rsp[1] == req[1];
*/
struct bmc_result bmc_handle_request(struct bmc *b, uint64_t now,
                                     const uint8_t *req, size_t req_len,
                                     uint8_t *rsp, size_t rsp_cap);

/*
 * What the interface must know of the BMC's state, as if both had just changed: its
 * interrupt enable and its attention flag (without an interrupt). For an interface
 * whose migration stream cannot carry them (upstream's smbus-ipmi).
 */
/*@
  requires \valid_read(b);
  assigns \nothing;
  ensures \result.irq_enable_changed && \result.attention_changed;
  ensures \result.irq_enabled <==> (b->state.global_enables & BMC_ENABLE_IRQS) != 0;
  ensures \result.attention <==> b->state.msg_flags != 0;
  ensures !\result.attention_irq && !\result.cold_reset && !\result.warm_reset;
  ensures \result.power == BMC_POWER_NONE && !\result.nmi && !\result.timer_changed;
*/
struct bmc_effects bmc_announce(const struct bmc *b);

/*
 * Attention interrupts the host when a flag is up whose interrupt the host enabled
 * (sections 22.1 and 22.4).
 */
/*@
  requires \valid_read(b);
  assigns \nothing;
*/
bool bmc_attention_irq(const struct bmc *b);

/*
 * The watchdog's timer for the caller: armed while it runs, due at its next
 * pre-timeout or timeout. Every watchdog command and every tick that changes the
 * timer reports it.
 */
/*@
  requires \valid_read(b) && \valid(fx) && \separated(b, fx);
  assigns fx->timer_changed, fx->timer_armed, fx->deadline;
  ensures fx->timer_changed;
  ensures fx->timer_armed <==> b->state.watchdog.running;
  ensures b->state.watchdog.running ==> fx->deadline == watchdog_deadline_of(&b->state.watchdog);
  ensures !b->state.watchdog.running ==> fx->deadline == 0;
*/
void bmc_report_timer(const struct bmc *b, struct bmc_effects *fx);

/*
 * The effects that arm the caller's timer for the present state and ask nothing
 * else: for a caller whose timer was lost, as after a migration.
 */
/*@
  requires \valid_read(b);
  assigns \nothing;
  ensures \result.timer_changed && (\result.timer_armed <==> b->state.watchdog.running);
  ensures !\result.irq_enable_changed && !\result.attention_changed && !\result.nmi;
  ensures \result.power == BMC_POWER_NONE && !\result.cold_reset && !\result.warm_reset;
*/
struct bmc_effects bmc_timer_effects(const struct bmc *b);

/*
 * Time passes: runs what of the watchdog is due at `now` (section 27.1). The
 * pre-timeout interrupt: an NMI, or the watchdog pre-timeout message flag and
 * attention (SMI has no line here, so it is only logged); the timeout: the timeout
 * action as a power effect, the use's expiration flag, the timer stopped. Each is an
 * event of the Watchdog 2 sensor (its offset in event data 1, table 42-3) unless the
 * use says "don't log". A tick before the deadline the last effects gave changes
 * nothing and asks nothing.
 */
/*@
  requires bmc_valid(b);
  assigns b->state.watchdog, b->state.msg_flags, b->state.sensors, b->state.sel,
          b->state.event_buffer[0 .. SEL_RECORD_LEN - 1];
  ensures bmc_valid(b);
  ensures \result.power <= BMC_POWER_LAST;
  ensures !\old(b->state.watchdog.running) ==>
          !\result.timer_changed && \result.power == BMC_POWER_NONE && !\result.nmi;
  ensures \old(b->state.watchdog.running) && now < \old(watchdog_deadline_of(&b->state.watchdog))
          ==> !\result.timer_changed && \result.power == BMC_POWER_NONE && !\result.nmi
              && !\result.attention_changed;
  ensures !\result.irq_enable_changed && !\result.cold_reset && !\result.warm_reset;
*/
struct bmc_effects bmc_tick(struct bmc *b, uint64_t now);

/*
 * Defines a sensor for each sensor record (full or compact) in the SDR repository, as
 * upstream does at start: after bmc_init and after the caller loaded an sdrfile. A
 * record that describes no sensor the table can hold is left out.
 */
/*@
  requires \valid(b) && sdr_valid(&b->state.sdr);
  assigns b->state.sensors.s[0 .. SENSOR_COUNT - 1];
*/
void bmc_define_sensors(struct bmc *b);

#endif /* BMC_H */
