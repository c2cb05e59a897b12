/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness for the BMC core's dispatcher: a stream of requests into
 * bmc_handle_request, one struct bmc carried across them, so what one request sets
 * (global enables, message flags) is there for the next. Every answer is checked by
 * fuzz_bmc_ask against the specs.
 *
 * Input: a flags byte (bit 0: the BMC has a GUID; bit 1: sensor 0 is a threshold
 * sensor from a full SDR and sensor 1 a discrete one from a compact SDR, as the SDR
 * repository would define them) and the device id, then records of
 * [time that passes first, in 100 ms steps] [request length]
 * [response capacity: 0 for the full message size, n for 2 + n] [the request bytes].
 * When the time that passed reaches the deadline the last timer report gave, the BMC
 * gets its bmc_tick first, as a caller's timer would give it.
 */
#include "fuzz-common.h"

#define CONFIG_GUID 0x01
#define CONFIG_SENSORS 0x02

/* A temperature sensor: thresholds LNC 20, LC 10, UNC 80, UC 90 (LNC, UNC settable),
   hysteresis +2/-3, settable; events of all four; nominal reading 50; manual re-arm. */
static const uint8_t full_sdr[48] = {
    0x01, 0x00, 0x51, 0x01, 43, 0x20, 0x00, 0x00, 0x03, 0x01, 0x63, 0x28, 0x01, 0x01,
    0x85, 0x72, 0x85, 0x72, 0x1b, 0x09, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x05, 0x00,
    0x03, 0x40, 0x01, 50, 0, 0, 0xff, 0, 0, 90, 80, 0, 10, 20, 2, 3, 0, 0, 0, 0,
};

/* A fan redundancy sensor, discrete, auto re-arm, states 0-2, hysteresis readable. */
static const uint8_t compact_sdr[32] = {
    0x02, 0x00, 0x51, 0x02, 27, 0x20, 0x00, 0x01, 0x1d, 0x01, 0x03, 0x50, 0x04, 0x0b,
    0x07, 0x00, 0x03, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 4, 6, 0, 0, 0, 0, 0,
};

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
    if ((flags & CONFIG_SENSORS) != 0 &&
        (!sensor_define_from_sdr(&b.state.sensors, full_sdr, sizeof(full_sdr)) ||
         !sensor_define_from_sdr(&b.state.sensors, compact_sdr, sizeof(compact_sdr)))) {
        fuzz_fail("the harness's SDR records were refused");
    }
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
