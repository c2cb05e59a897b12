/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness for the BMC core's dispatcher: a stream of requests into
 * bmc_handle_request, one struct bmc carried across them, so what one request sets
 * (global enables, message flags) is there for the next. Every answer is checked by
 * fuzz_bmc_ask against the specs.
 *
 * Input: a flags byte (bit 0: the BMC has a GUID) and the device id, then records of
 * [time that passes first, in 100 ms steps] [request length]
 * [response capacity: 0 for the full message size, n for 2 + n] [the request bytes].
 * When the time that passed reaches the deadline the last timer report gave, the BMC
 * gets its bmc_tick first, as a caller's timer would give it.
 */
#include "fuzz-common.h"

#define CONFIG_GUID 0x01

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_input in = { data, size };
    struct bmc_config config;
    struct bmc b;
    uint64_t now = 0;
    bool armed = false;
    uint64_t deadline = 0;
    uint8_t flags = fuzz_byte(&in);
    uint8_t device_id = fuzz_byte(&in);

    fuzz_bmc_config(&config, device_id, (flags & CONFIG_GUID) != 0);
    bmc_init(&b, &config);
    while (in.left > 0) {
        uint8_t req[UINT8_MAX];
        uint8_t rsp[FUZZ_MAX_MESSAGE];
        struct bmc_effects fx;
        uint64_t wait = fuzz_byte(&in);
        size_t len = fuzz_byte(&in);
        uint8_t cap_code = fuzz_byte(&in);
        size_t cap = cap_code == 0 ? FUZZ_MAX_MESSAGE : (size_t)cap_code + 2;

        now += wait * 100;
        if (armed && now >= deadline) {
            fx = bmc_tick(&b, now);
            if (fx.power > BMC_POWER_LAST || fx.irq_enable_changed || fx.cold_reset ||
                fx.warm_reset || !fx.timer_changed || (fx.timer_armed && fx.deadline <= now)) {
                fuzz_fail("a tick at its deadline asked for the wrong things");
            }
            armed = fx.timer_armed;
            deadline = fx.deadline;
        }
        fuzz_take(&in, req, len);
        fuzz_bmc_ask(&b, now, req, len, rsp, cap, &fx);
        if (fx.timer_changed) {
            armed = fx.timer_armed;
            deadline = fx.deadline;
        }
    }
    return 0;
}
