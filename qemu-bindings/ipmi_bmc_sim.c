/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ipmi-bmc-sim": the BMC that runs inside QEMU.
 *
 * Every request goes to the project's BMC core (core/bmc.h), which answers it
 * and returns what it wants done outside itself (its effects); this device
 * hands the answer to the system interface and applies those effects. Machine
 * code may still take a whole NetFn for itself with ipmi_sim_register_netfn
 * (PowerNV's HIOMAP).
 */
#include "qemu/osdep.h"
#include "hw/ipmi/ipmi.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "migration/vmstate.h"
#include "qemu/error-report.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qemu/module.h"
#include "qemu/timer.h"
#include "qemu/uuid.h"
#include "qemu/cutils.h"
#include "trace.h"

#include "core/bmc.h"
#include "core/bmc_migrate.h"
#include "core/cmd_sensor_event.h"
#include "core/event.h"

/* NetFns are even numbers below 64: one slot per request NetFn. */
#define IPMI_SIM_NETFN_LIMIT 64

struct IPMIBmcSim {
    IPMIBmcHost parent;

    /* Properties */
    uint16_t fru_areasize;          /* "fruareasize" */
    char *fru_filename;             /* "frudatafile" */
    char *sdr_filename;             /* "sdrfile" */
    uint8_t device_id;
    uint8_t ipmi_version;
    uint8_t device_rev;
    uint8_t fwrev1;
    uint8_t fwrev2;
    uint32_t mfg_id;
    uint16_t product_id;
    QemuUUID uuid;                  /* "guid"; all zero: none */
    bool migrate_state;             /* "x-migrate-bmc-state": send the subsections */

    /* NetFns that machine code answers itself, indexed by NetFn / 2. */
    const IPMINetfn *netfns[IPMI_SIM_NETFN_LIMIT / 2];

    struct bmc core;
    QEMUTimer *tick;                /* when the core asked to be called again */
    ipmi_sdr_compact_buffer sdr_found; /* what ipmi_bmc_sdr_find last found */

    /* Upstream's watchdog fields as its migration stream carries them. */
    struct bmc_upstream_watchdog upstream_watchdog;
    bool watchdog_count_loaded;     /* its "watchdog-count" subsection came */

    /* Upstream's watchdog sensor as its stream carries it (the event message buffer
       is the core's own: upstream's evtbuf). */
    struct bmc_upstream_sensor upstream_sensor;
    bool sensors_loaded;            /* the "sensors" subsection came */

    /* The core as it was when the device was realized: what a subsection that does
       not come in a migration stream leaves. */
    struct bmc *core_at_start;
};

int ipmi_sim_register_netfn(IPMIBmcSim *s, unsigned int netfn,
                            const IPMINetfn *netfnd)
{
    if ((netfn & 1) || netfn >= IPMI_SIM_NETFN_LIMIT || s->netfns[netfn / 2]) {
        return -1;
    }
    s->netfns[netfn / 2] = netfnd;
    return 0;
}

/*
 * The SDR whose record id is recid, as upstream finds it (the id itself: 0000h is
 * the first record's only while it has that id), and the id of the next one, FFFFh
 * after the last. PowerNV's device tree lists a sensor for each record of ids 0, 1,
 * 2, ... The record is copied into a buffer of a compact record's size, zero-padded
 * when it is shorter, so its fields can be read whatever its length.
 */
int ipmi_bmc_sdr_find(IPMIBmc *b, uint16_t recid,
                      const struct ipmi_sdr_compact **sdr, uint16_t *nextrec)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(b);
    const struct sdr *r = &ibs->core.state.sdr;
    size_t i = sdr_find_exact(r, recid);

    if (i >= sdr_count(r)) {
        return -1;
    }
    memset(ibs->sdr_found, 0, sizeof(ibs->sdr_found));
    memcpy(ibs->sdr_found, sdr_record_at(r, i),
           MIN(sdr_len_at(r, i), sizeof(ibs->sdr_found)));
    *sdr = (const struct ipmi_sdr_compact *)ibs->sdr_found;
    if (nextrec) {
        *nextrec = i + 1 < sdr_count(r) ? sdr_id_at(r, i + 1) : SDR_LAST_ID;
    }
    return 0;
}

/*
 * A request for a NetFn that machine code registered: its handler builds the
 * response in an RspBuffer, as QEMU's simulator always did. Returns false if
 * the request is not for such a NetFn; the core then answers it (including
 * requests too short to name a command and those for other LUNs).
 */
static bool ipmi_sim_registered_netfn(IPMIBmcSim *ibs, uint8_t *cmd,
                                      unsigned int cmd_len, uint8_t msg_id)
{
    IPMIInterface *s = ibs->parent.parent.intf;
    IPMIInterfaceClass *k = IPMI_INTERFACE_GET_CLASS(s);
    const IPMINetfn *netfnd;
    const IPMICmdHandler *hdl = NULL;
    RspBuffer rsp = { .len = 0 };
    unsigned int netfn;

    if (cmd_len < 2 || (cmd[0] & IPMI_LUN_MASK) != 0) {
        return false;
    }
    netfn = cmd[0] >> IPMI_NETFN_SHIFT;
    if ((netfn & 1) || !ibs->netfns[netfn / 2]) {
        return false;
    }
    netfnd = ibs->netfns[netfn / 2];
    trace_ipmi_bmc_sim_oem(netfn, cmd[1]);

    rsp_buffer_push(&rsp, cmd[0] | IPMI_RESPONSE_NETFN_BIT);
    rsp_buffer_push(&rsp, cmd[1]);
    rsp_buffer_push(&rsp, IPMI_CC_SUCCESS);
    if (cmd[1] < netfnd->cmd_nums && netfnd->cmd_handlers[cmd[1]].cmd_handler) {
        hdl = &netfnd->cmd_handlers[cmd[1]];
    }
    if (!hdl) {
        rsp_buffer_set_error(&rsp, IPMI_CC_INVALID_CMD);
    } else if (cmd_len < hdl->cmd_len_min) {
        rsp_buffer_set_error(&rsp, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    } else {
        hdl->cmd_handler(ibs, cmd, cmd_len, &rsp);
    }
    trace_ipmi_bmc_sim_response(msg_id, rsp.buffer[2], rsp.len);
    k->handle_rsp(s, msg_id, rsp.buffer, rsp.len);
    return true;
}

/* When the core wants to be called again (bmc_tick), if it said. */
static void ipmi_sim_apply_timer(IPMIBmcSim *ibs, const struct bmc_effects *fx)
{
    if (fx->timer_changed) {
        if (fx->timer_armed) {
            timer_mod(ibs->tick, fx->deadline);
        } else {
            timer_del(ibs->tick);
        }
    }
}

/*
 * What the core asks of the interface, interrupt enable and attention first, as
 * QEMU's simulator did them while handling the command: then a response's OBF
 * interrupt follows the new enable, and turning interrupts off (cold reset) does
 * not first raise the line for the response.
 */
static void ipmi_sim_apply_effects(IPMIBmcSim *ibs, IPMIInterface *s,
                                   const struct bmc_effects *fx)
{
    IPMIInterfaceClass *k = IPMI_INTERFACE_GET_CLASS(s);

    trace_ipmi_bmc_sim_effects(fx->irq_enable_changed, fx->irq_enabled,
                               fx->attention_changed, fx->attention,
                               fx->cold_reset, fx->warm_reset);
    if (fx->irq_enable_changed) {
        k->set_irq_enable(s, fx->irq_enabled);
    }
    if (fx->attention_changed) {
        k->set_atn(s, fx->attention, fx->attention_irq);
    }
    ipmi_sim_apply_timer(ibs, fx);
}

/* The core's clock: milliseconds of the guest's virtual time. */
static uint64_t ipmi_sim_now(void)
{
    return qemu_clock_get_ms(QEMU_CLOCK_VIRTUAL);
}

/*
 * What the core asks of the machine (Chassis Control, a watchdog's timeout), once
 * the response is on its way, through the interface's machine operations as QEMU's
 * simulator did them.
 */
static void ipmi_sim_apply_machine(IPMIInterface *s, const struct bmc_effects *fx)
{
    static const struct {
        enum ipmi_op op;
        const char *name;
    } power[] = {
        [BMC_POWER_OFF] = { IPMI_POWEROFF_CHASSIS, "power off" },
        [BMC_POWER_ON] = { IPMI_POWERON_CHASSIS, "power on" },
        [BMC_POWER_CYCLE] = { IPMI_POWERCYCLE_CHASSIS, "power cycle" },
        [BMC_POWER_RESET] = { IPMI_RESET_CHASSIS, "reset" },
        [BMC_POWER_SOFT_OFF] = { IPMI_SHUTDOWN_VIA_ACPI_OVERTEMP, "soft off" },
    };
    IPMIInterfaceClass *k = IPMI_INTERFACE_GET_CLASS(s);

    QEMU_BUILD_BUG_ON(ARRAY_SIZE(power) != BMC_POWER_LAST + 1);
    if (fx->nmi) {
        trace_ipmi_bmc_sim_machine("nmi");
        k->do_hw_op(s, IPMI_SEND_NMI, 0);
    }
    if (fx->power != BMC_POWER_NONE && fx->power <= BMC_POWER_LAST) {
        trace_ipmi_bmc_sim_machine(power[fx->power].name);
        k->do_hw_op(s, power[fx->power].op, 0);
    }
}

/*
 * An event from elsewhere in the machine: the core logs it (if log) and buffers it as
 * its global enables say, and may raise attention.
 */
void ipmi_bmc_gen_event(IPMIBmc *b, uint8_t *evt, bool log)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(b);
    struct bmc_effects fx;

    trace_ipmi_bmc_sim_event(log);
    fx = bmc_generate_event(&ibs->core, ipmi_sim_now(), evt, log);
    if (b->intf) {
        ipmi_sim_apply_effects(ibs, b->intf, &fx);
    }
}

/*
 * The host's hand on the BMC (QMP qom-set, for testing monitoring software): a
 * request the core answers as any other, from no one on the system interface. What
 * it asks of the interface (attention for an event) is applied; a completion code
 * other than success is the property's error.
 */
static bool ipmi_sim_host_request(IPMIBmcSim *ibs, const uint8_t *req, size_t len,
                                  Error **errp)
{
    IPMIInterface *s = ibs->parent.parent.intf;
    uint8_t rsp[MAX_IPMI_MSG_SIZE];
    struct bmc_result r;

    r = bmc_handle_request(&ibs->core, ipmi_sim_now(), req, len, rsp, sizeof(rsp));
    if (s) {
        ipmi_sim_apply_effects(ibs, s, &r.effects);
    }
    if (rsp[2] != IPMI_CC_SUCCESS) {
        error_setg(errp, "ipmi-bmc-sim: the BMC refused: %s (%02xh)",
                   ipmi_completion_code_name(rsp[2]), rsp[2]);
        return false;
    }
    return true;
}

/* "sensor<N>-reading": the raw reading of sensor N. */
static void ipmi_sim_get_sensor_reading(Object *obj, Visitor *v, const char *name,
                                        void *opaque, Error **errp)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(obj);
    uint8_t value = ibs->core.state.sensors.s[GPOINTER_TO_UINT(opaque)].reading;

    visit_type_uint8(v, name, &value, errp);
}

/* Setting it is Set Sensor Reading with "write the reading" and the BMC's own event
   data: a threshold sensor compares the new reading and logs what it crosses. */
static void ipmi_sim_set_sensor_reading(Object *obj, Visitor *v, const char *name,
                                        void *opaque, Error **errp)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(obj);
    uint8_t value;
    uint8_t req[] = { IPMI_NETFN_SENSOR_EVENT << IPMI_NETFN_SHIFT, SENSOR_EVENT_SET_SENSOR_READING,
                      GPOINTER_TO_UINT(opaque), 0x01, 0 };

    if (!visit_type_uint8(v, name, &value, errp)) {
        return;
    }
    req[4] = value;
    ipmi_sim_host_request(ibs, req, sizeof(req), errp);
}

/* One reading property for each sensor the BMC has once realized. */
static void ipmi_sim_add_sensor_properties(IPMIBmcSim *ibs)
{
    unsigned int n;

    for (n = 0; n < SENSOR_COUNT; n++) {
        if (ibs->core.state.sensors.s[n].present) {
            g_autofree char *name = g_strdup_printf("sensor%u-reading", n);

            object_property_add(OBJECT(ibs), name, "uint8",
                                ipmi_sim_get_sensor_reading,
                                ipmi_sim_set_sensor_reading, NULL, GUINT_TO_POINTER(n));
        }
    }
}

/*
 * "sel-event": a Platform Event Message from the host, as 8 bytes in hex (spaces
 * allowed): generator id, event message revision, sensor type, sensor number, event
 * direction and type, event data 1 to 3. Logged in the SEL and the event message
 * buffer as the BMC's global enables say.
 */
static void ipmi_sim_set_sel_event(Object *obj, const char *value, Error **errp)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(obj);
    uint8_t req[2 + 8] = { IPMI_NETFN_SENSOR_EVENT << IPMI_NETFN_SHIFT,
                              SENSOR_EVENT_PLATFORM_EVENT_MESSAGE };
    size_t n = 0;
    const char *p = value;

    while (*p) {
        unsigned int byte;
        int used;

        if (*p == ' ' || *p == ':') {
            p++;
            continue;
        }
        if (n == 8 || sscanf(p, "%2x%n", &byte, &used) != 1 || used != 2) {
            break;
        }
        req[2 + n++] = byte;
        p += used;
    }
    if (*p || n != 8) {
        error_setg(errp, "ipmi-bmc-sim: sel-event takes 8 bytes in hex (generator id, "
                   "EvM revision, sensor type, sensor number, event direction/type, "
                   "event data 1-3), not '%s'", value);
        return;
    }
    ipmi_sim_host_request(ibs, req, sizeof(req), errp);
}

/* The interface's migration stream could not carry what this BMC set for it. */
static void ipmi_sim_announce(IPMIBmc *b)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(b);

    if (b->intf) {
        struct bmc_effects fx = bmc_announce(&ibs->core);

        ipmi_sim_apply_effects(ibs, b->intf, &fx);
    }
}

static void ipmi_sim_handle_command(IPMIBmc *b, uint8_t *cmd,
                                    unsigned int cmd_len,
                                    unsigned int max_cmd_len, uint8_t msg_id)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(b);
    IPMIInterface *s = b->intf;
    IPMIInterfaceClass *k = IPMI_INTERFACE_GET_CLASS(s);
    uint8_t rsp[MAX_IPMI_MSG_SIZE];
    struct bmc_result r;

    trace_ipmi_bmc_sim_request(msg_id, cmd_len > 0 ? cmd[0] : 0,
                               cmd_len > 1 ? cmd[1] : 0, cmd_len);

    if (cmd_len > max_cmd_len) {
        /*
         * The interface counted more bytes than its buffer holds: only the
         * header is there to answer with (C6h, as QEMU always did). The core is
         * never given bytes that are not in the buffer.
         */
        rsp[0] = (max_cmd_len > 0 ? cmd[0] : 0) | IPMI_RESPONSE_NETFN_BIT;
        rsp[1] = max_cmd_len > 1 ? cmd[1] : 0;
        rsp[2] = IPMI_CC_REQUEST_DATA_TRUNCATED;
        k->handle_rsp(s, msg_id, rsp, 3);
        return;
    }

    if (ipmi_sim_registered_netfn(ibs, cmd, cmd_len, msg_id)) {
        return;
    }

    r = bmc_handle_request(&ibs->core, ipmi_sim_now(), cmd, cmd_len, rsp, sizeof(rsp));
    trace_ipmi_bmc_sim_response(msg_id, rsp[2], r.len);
    ipmi_sim_apply_effects(ibs, s, &r.effects);
    k->handle_rsp(s, msg_id, rsp, r.len);

    /* A reset takes effect once its response is on its way. */
    if ((r.effects.cold_reset || r.effects.warm_reset) && k->reset) {
        k->reset(s, r.effects.cold_reset);
    }
    ipmi_sim_apply_machine(s, &r.effects);
}

/* The deadline the core gave has come (the watchdog's pre-timeout or expiry). */
static void ipmi_sim_tick(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    IPMIInterface *s = ibs->parent.parent.intf;
    struct bmc_effects fx = bmc_tick(&ibs->core, ipmi_sim_now());

    if (s) {
        ipmi_sim_apply_effects(ibs, s, &fx);
        ipmi_sim_apply_machine(s, &fx);
    }
}

/*
 * "sdrfile": the SDR repository from the file, as the core reads it (sdr_load).
 * Upstream starts with the records before a defect and an error message; a file
 * that cannot be read or holds a defect stops the BMC from starting here.
 */
static bool ipmi_sim_load_sdrs(IPMIBmcSim *ibs, Error **errp)
{
    g_autofree gchar *data = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize len;
    size_t at;

    if (!ibs->sdr_filename) {
        return true;                /* the core's default: upstream's one record */
    }
    if (!g_file_get_contents(ibs->sdr_filename, &data, &len, &gerr)) {
        error_setg(errp, "ipmi-bmc-sim: cannot read sdrfile '%s': %s",
                   ibs->sdr_filename, gerr->message);
        return false;
    }
    switch (sdr_load(&ibs->core.state.sdr, (const uint8_t *)data, len, &at)) {
    case SDR_LOAD_OK:
        return true;
    case SDR_LOAD_TRUNCATED_HEADER:
        error_setg(errp, "ipmi-bmc-sim: sdrfile '%s': the record at byte %zu is "
                   "cut short: %zu bytes left of its %d-byte header",
                   ibs->sdr_filename, at, (size_t)(len - at), SDR_HEADER_LEN);
        break;
    case SDR_LOAD_TRUNCATED_RECORD:
        error_setg(errp, "ipmi-bmc-sim: sdrfile '%s': the record at byte %zu is "
                   "cut short: its header says %d bytes, %zu are left",
                   ibs->sdr_filename, at,
                   (uint8_t)data[at + SDR_LENGTH_BYTE] + SDR_HEADER_LEN,
                   (size_t)(len - at));
        break;
    case SDR_LOAD_FULL:
        error_setg(errp, "ipmi-bmc-sim: sdrfile '%s': the record at byte %zu does "
                   "not fit: the SDR repository holds %d bytes in %d records",
                   ibs->sdr_filename, at, SDR_POOL_SIZE, SDR_MAX_RECORDS);
        break;
    }
    return false;
}

/*
 * "fruareasize" and "frudatafile": FRU devices 0, 1, ... of that size, filled from
 * the file as upstream fills them (fru_load). Upstream starts with an empty FRU
 * device when the file cannot be read, and divides by a size of 0; both stop the
 * BMC from starting here, as does more FRU data than the core holds.
 */
static bool ipmi_sim_load_fru(IPMIBmcSim *ibs, Error **errp)
{
    g_autofree gchar *data = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize len = 0;

    if (ibs->fru_filename &&
        !g_file_get_contents(ibs->fru_filename, &data, &len, &gerr)) {
        error_setg(errp, "ipmi-bmc-sim: cannot read frudatafile '%s': %s",
                   ibs->fru_filename, gerr->message);
        return false;
    }
    switch (fru_load(&ibs->core.state.fru, ibs->fru_areasize,
                     (const uint8_t *)data, len)) {
    case FRU_LOAD_OK:
        return true;
    case FRU_LOAD_AREA_ZERO:
        error_setg(errp, "ipmi-bmc-sim: fruareasize must be at least 1");
        break;
    case FRU_LOAD_AREA_TOO_BIG:
        error_setg(errp, "ipmi-bmc-sim: fruareasize %u is more than the %d bytes "
                   "of FRU data this BMC holds", ibs->fru_areasize, BMC_FRU_MAX);
        break;
    case FRU_LOAD_FILE_TOO_BIG:
        error_setg(errp, "ipmi-bmc-sim: frudatafile '%s' (%zu bytes, in areas of "
                   "%u) is more than the %d bytes of FRU data this BMC holds",
                   ibs->fru_filename, (size_t)len, ibs->fru_areasize, BMC_FRU_MAX);
        break;
    }
    return false;
}

static void ipmi_sim_realize(DeviceState *dev, Error **errp)
{
    IPMIBmcSim *ibs = IPMI_BMC_SIMULATOR(dev);
    struct bmc_config config = { 0 };

    config.slave_addr = ibs->parent.parent.slave_addr;
    config.device_id = ibs->device_id;
    config.device_rev = ibs->device_rev;
    config.fwrev1 = ibs->fwrev1;
    config.fwrev2 = ibs->fwrev2;
    config.ipmi_version = ibs->ipmi_version;
    config.mfg_id = ibs->mfg_id;
    config.product_id = ibs->product_id;
    config.guid_set = !qemu_uuid_is_null(&ibs->uuid);
    QEMU_BUILD_BUG_ON(sizeof(config.guid) != sizeof(ibs->uuid.data));
    memcpy(config.guid, ibs->uuid.data, sizeof(config.guid));

    bmc_init(&ibs->core, &config);
    /* The SEL's clock reads the host's, in seconds since 1970 as upstream's does, until
       the guest sets it (ipmitool then shows dates, not "Pre-Init"). */
    sel_set_time(&ibs->core.state.sel, ipmi_sim_now(),
                 (uint32_t)(qemu_clock_get_ns(QEMU_CLOCK_HOST) / NANOSECONDS_PER_SECOND));
    if (!ipmi_sim_load_sdrs(ibs, errp) || !ipmi_sim_load_fru(ibs, errp)) {
        return;
    }
    bmc_define_sensors(&ibs->core);
    ipmi_sim_add_sensor_properties(ibs);
    ibs->core_at_start = g_memdup2(&ibs->core, sizeof(ibs->core));
    ibs->tick = timer_new_ms(QEMU_CLOCK_VIRTUAL, ipmi_sim_tick, ibs);
}

/*
 * Migration in upstream QEMU 10.0's layout ("ipmi-bmc-sim", version 1, registered
 * with no device path), so that a guest moves between stock QEMU and this one:
 * upstream's fields first (the global enables and the message flags are the core's
 * own; the watchdog is converted by core/bmc_migrate.h), then a subsection for each
 * part of the state upstream does not carry, sent only when that part is not as a
 * BMC starts. A stock QEMU refuses a stream with one of them (it cannot hold what
 * it carries), and takes every other stream.
 */
static int ipmi_sim_pre_save(void *opaque)
{
    IPMIBmcSim *ibs = opaque;

    bmc_watchdog_to_upstream(&ibs->core.state.watchdog, &ibs->upstream_watchdog);
    bmc_sensor_to_upstream(&ibs->core.state.sensors.s[SENSOR_WATCHDOG_NUMBER],
                           &ibs->upstream_sensor);
    return 0;
}

/* What a subsection that does not come leaves: the state of a BMC that starts. */
static int ipmi_sim_pre_load(void *opaque)
{
    IPMIBmcSim *ibs = opaque;

    ibs->core = *ibs->core_at_start;
    ibs->watchdog_count_loaded = false;
    ibs->sensors_loaded = false;
    return 0;
}

static int ipmi_sim_post_load(void *opaque, int version_id)
{
    IPMIBmcSim *ibs = opaque;
    struct watchdog *w = &ibs->core.state.watchdog;
    struct bmc_effects fx;
    uint16_t stopped = ibs->watchdog_count_loaded
                       ? w->stopped_count
                       : bmc_upstream_stopped_count(&ibs->upstream_watchdog);

    if (!bmc_watchdog_from_upstream(w, &ibs->upstream_watchdog, stopped)) {
        error_report("ipmi-bmc-sim: migrated watchdog settings are invalid "
                     "(use %#x, actions %#x, pre-timeout %u s, countdown %u)",
                     ibs->upstream_watchdog.use, ibs->upstream_watchdog.action,
                     ibs->upstream_watchdog.pretimeout, ibs->upstream_watchdog.timeout);
        return -EINVAL;
    }
    if (!ibs->sensors_loaded) {
        bmc_sensor_from_upstream(&ibs->core.state.sensors.s[SENSOR_WATCHDOG_NUMBER],
                                 &ibs->upstream_sensor);
    }
    if (!bmc_migrated_ok(&ibs->core)) {
        error_report("ipmi-bmc-sim: migrated BMC state is inconsistent "
                     "(SEL, SDR repository, receive queue, system info, chassis or ACPI "
                     "state out of range)");
        return -EINVAL;
    }
    fx = bmc_timer_effects(&ibs->core);
    ipmi_sim_apply_timer(ibs, &fx);
    return 0;
}

static bool ipmi_sim_chassis_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    const struct bmc_state *st = &ibs->core.state;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    return !st->chassis.power_on || st->chassis.last_power_event != 0 ||
           st->chassis.restart_cause != 0 || st->acpi_system_state != 0 ||
           st->acpi_device_state != 0;
}

static const VMStateDescription vmstate_ipmi_sim_chassis = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/chassis",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_chassis_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(core.state.chassis.power_on, IPMIBmcSim),
        VMSTATE_UINT8(core.state.chassis.last_power_event, IPMIBmcSim),
        VMSTATE_UINT8(core.state.chassis.restart_cause, IPMIBmcSim),
        VMSTATE_UINT8(core.state.acpi_system_state, IPMIBmcSim),
        VMSTATE_UINT8(core.state.acpi_device_state, IPMIBmcSim),
        VMSTATE_END_OF_LIST()
    }
};

static bool ipmi_sim_sel_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    const struct sel *sel = &ibs->core.state.sel;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    /* The clock as realize set it is the destination's own (the host's) as well. */
    return sel->count != 0 || sel->next_id != 1 || sel->reservation != 0 ||
           sel->overflow || sel->last_add != SEL_TIME_NEVER ||
           sel->last_erase != SEL_TIME_NEVER ||
           sel->time_offset != ibs->core_at_start->state.sel.time_offset;
}

static const VMStateDescription vmstate_ipmi_sim_sel = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/sel",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_sel_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8_2DARRAY(core.state.sel.entries, IPMIBmcSim, BMC_SEL_CAPACITY,
                              SEL_RECORD_LEN),
        VMSTATE_UINT16(core.state.sel.count, IPMIBmcSim),
        VMSTATE_UINT16(core.state.sel.next_id, IPMIBmcSim),
        VMSTATE_UINT16(core.state.sel.reservation, IPMIBmcSim),
        VMSTATE_BOOL(core.state.sel.reserved, IPMIBmcSim),
        VMSTATE_UINT32(core.state.sel.last_add, IPMIBmcSim),
        VMSTATE_UINT32(core.state.sel.last_erase, IPMIBmcSim),
        VMSTATE_UINT32(core.state.sel.time_offset, IPMIBmcSim),
        VMSTATE_BOOL(core.state.sel.overflow, IPMIBmcSim),
        VMSTATE_END_OF_LIST()
    }
};

static bool ipmi_sim_msgq_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    return ibs->core.state.msgq.count != 0;
}

static const VMStateDescription vmstate_ipmi_sim_msgq = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/receive-queue",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_msgq_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8_2DARRAY(core.state.msgq.messages, IPMIBmcSim, BMC_MSGQ_DEPTH,
                              BMC_MSGQ_MESSAGE_MAX),
        VMSTATE_UINT8_ARRAY(core.state.msgq.lengths, IPMIBmcSim, BMC_MSGQ_DEPTH),
        VMSTATE_UINT8(core.state.msgq.head, IPMIBmcSim),
        VMSTATE_UINT8(core.state.msgq.count, IPMIBmcSim),
        VMSTATE_END_OF_LIST()
    }
};

/*
 * The SDR repository and the FRU inventory: sent when they differ from what realize
 * loaded (an Add, Delete or Clear SDR, a Write FRU Data). A reservation alone is not
 * worth refusing a stock destination for: losing it only cancels it, and the guest's
 * next request gets C5h and reserves again.
 */
static bool ipmi_sim_sdr_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    const struct sdr *now = &ibs->core.state.sdr;
    const struct sdr *start = &ibs->core_at_start->state.sdr;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    return now->count != start->count || now->next_id != start->next_id ||
           now->pending_total != start->pending_total ||
           now->pending_len != start->pending_len || now->overflow != start->overflow ||
           now->last_add != start->last_add || now->last_erase != start->last_erase ||
           memcmp(now->start, start->start, sizeof(now->start)) != 0 ||
           memcmp(now->pool, start->pool, sizeof(now->pool)) != 0;
}

static const VMStateDescription vmstate_ipmi_sim_sdr = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/sdr",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_sdr_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8_ARRAY(core.state.sdr.pool, IPMIBmcSim, SDR_POOL_SIZE),
        VMSTATE_INT16_ARRAY(core.state.sdr.start, IPMIBmcSim, SDR_MAX_RECORDS + 1),
        VMSTATE_INT16(core.state.sdr.count, IPMIBmcSim),
        VMSTATE_INT16(core.state.sdr.pending_len, IPMIBmcSim),
        VMSTATE_INT16(core.state.sdr.pending_total, IPMIBmcSim),
        VMSTATE_UINT16(core.state.sdr.next_id, IPMIBmcSim),
        VMSTATE_UINT16(core.state.sdr.reservation, IPMIBmcSim),
        VMSTATE_BOOL(core.state.sdr.reserved, IPMIBmcSim),
        VMSTATE_BOOL(core.state.sdr.overflow, IPMIBmcSim),
        VMSTATE_UINT32(core.state.sdr.last_add, IPMIBmcSim),
        VMSTATE_UINT32(core.state.sdr.last_erase, IPMIBmcSim),
        VMSTATE_END_OF_LIST()
    }
};

static bool ipmi_sim_fru_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    const struct fru *now = &ibs->core.state.fru;
    const struct fru *start = &ibs->core_at_start->state.fru;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    return now->devices != start->devices || now->area_size != start->area_size ||
           memcmp(now->data, start->data, sizeof(now->data)) != 0;
}

static const VMStateDescription vmstate_ipmi_sim_fru = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/fru",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_fru_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8_ARRAY(core.state.fru.data, IPMIBmcSim, BMC_FRU_MAX),
        VMSTATE_UINT16(core.state.fru.area_size, IPMIBmcSim),
        VMSTATE_UINT16(core.state.fru.devices, IPMIBmcSim),
        VMSTATE_END_OF_LIST()
    }
};

static bool ipmi_sim_sysinfo_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    const struct bmc_sysinfo *info = &ibs->core.state.sysinfo;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    return info->set_in_progress != BMC_SYSINFO_SET_COMPLETE ||
           !buffer_is_zero(info->strings, sizeof(info->strings));
}

static const VMStateDescription vmstate_ipmi_sim_sysinfo = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/system-info",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_sysinfo_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(core.state.sysinfo.set_in_progress, IPMIBmcSim),
        /* Three dimensions of bytes, which VMSTATE_BUFFER's type check refuses. */
        VMSTATE_BUFFER_UNSAFE(core.state.sysinfo.strings, IPMIBmcSim, 0,
                              BMC_SYSINFO_STRINGS * BMC_SYSINFO_BLOCKS *
                              BMC_SYSINFO_BLOCK_LEN),
        VMSTATE_END_OF_LIST()
    }
};

/* A stopped timer's present countdown, when it is not what upstream's fields give. */
static bool ipmi_sim_watchdog_count_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    const struct watchdog *w = &ibs->core.state.watchdog;
    struct bmc_upstream_watchdog u;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    bmc_watchdog_to_upstream(w, &u);
    return !w->running && w->stopped_count != bmc_upstream_stopped_count(&u);
}

static int ipmi_sim_watchdog_count_post_load(void *opaque, int version_id)
{
    IPMIBmcSim *ibs = opaque;

    ibs->watchdog_count_loaded = true;
    return 0;
}

static const VMStateDescription vmstate_ipmi_sim_watchdog_count = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/watchdog-count",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_watchdog_count_needed,
    .post_load = ipmi_sim_watchdog_count_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16(core.state.watchdog.stopped_count, IPMIBmcSim),
        VMSTATE_END_OF_LIST()
    }
};

/*
 * The sensor table, unless it is as the device started but for what upstream's fields
 * carry of the watchdog sensor.
 */
static bool ipmi_sim_sensors_needed(void *opaque)
{
    IPMIBmcSim *ibs = opaque;
    struct sensors start = ibs->core_at_start->state.sensors;
    struct bmc_upstream_sensor u;

    if (!ibs->migrate_state) {
        return false;           /* a stream for a stock QEMU: upstream's state alone */
    }

    bmc_sensor_to_upstream(&ibs->core.state.sensors.s[SENSOR_WATCHDOG_NUMBER], &u);
    bmc_sensor_from_upstream(&start.s[SENSOR_WATCHDOG_NUMBER], &u);
    return memcmp(&start, &ibs->core.state.sensors, sizeof(start)) != 0;
}

static int ipmi_sim_sensors_post_load(void *opaque, int version_id)
{
    IPMIBmcSim *ibs = opaque;

    ibs->sensors_loaded = true;
    return 0;
}

static const VMStateDescription vmstate_core_sensor = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/sensor",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(present, struct sensor),
        VMSTATE_BOOL(events_on, struct sensor),
        VMSTATE_BOOL(scanning_on, struct sensor),
        VMSTATE_BOOL(auto_rearm, struct sensor),
        VMSTATE_BOOL(signed_reading, struct sensor),
        VMSTATE_BOOL(has_factors, struct sensor),
        VMSTATE_UINT8(sensor_type, struct sensor),
        VMSTATE_UINT8(reading_type, struct sensor),
        VMSTATE_UINT8(reading, struct sensor),
        VMSTATE_UINT16(states, struct sensor),
        VMSTATE_UINT16(assert_events, struct sensor),
        VMSTATE_UINT16(deassert_events, struct sensor),
        VMSTATE_UINT16(assert_supported, struct sensor),
        VMSTATE_UINT16(deassert_supported, struct sensor),
        VMSTATE_UINT16(assert_enable, struct sensor),
        VMSTATE_UINT16(deassert_enable, struct sensor),
        VMSTATE_UINT8_ARRAY(thresholds, struct sensor, SENSOR_THRESHOLDS),
        VMSTATE_UINT8(thresholds_present, struct sensor),
        VMSTATE_UINT8(thresholds_readable, struct sensor),
        VMSTATE_UINT8(thresholds_settable, struct sensor),
        VMSTATE_UINT8(hysteresis_access, struct sensor),
        VMSTATE_UINT8(positive_hysteresis, struct sensor),
        VMSTATE_UINT8(negative_hysteresis, struct sensor),
        VMSTATE_UINT8_ARRAY(factors, struct sensor, SENSOR_FACTORS_LEN),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription vmstate_ipmi_sim_sensors = {
    .name = TYPE_IPMI_BMC_SIMULATOR "/sensors",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = ipmi_sim_sensors_needed,
    .post_load = ipmi_sim_sensors_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT_ARRAY(core.state.sensors.s, IPMIBmcSim, SENSOR_COUNT, 1,
                             vmstate_core_sensor, struct sensor),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription vmstate_ipmi_sim = {
    .name = TYPE_IPMI_BMC_SIMULATOR,
    .version_id = 1,
    .minimum_version_id = 1,
    .pre_save = ipmi_sim_pre_save,
    .pre_load = ipmi_sim_pre_load,
    .post_load = ipmi_sim_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(core.state.global_enables, IPMIBmcSim),
        VMSTATE_UINT8(core.state.msg_flags, IPMIBmcSim),
        VMSTATE_BOOL(upstream_watchdog.initialized, IPMIBmcSim),
        VMSTATE_UINT8(upstream_watchdog.use, IPMIBmcSim),
        VMSTATE_UINT8(upstream_watchdog.action, IPMIBmcSim),
        VMSTATE_UINT8(upstream_watchdog.pretimeout, IPMIBmcSim),
        VMSTATE_UINT8(upstream_watchdog.expired, IPMIBmcSim),
        VMSTATE_UINT16(upstream_watchdog.timeout, IPMIBmcSim),
        VMSTATE_BOOL(upstream_watchdog.running, IPMIBmcSim),
        VMSTATE_BOOL(upstream_watchdog.preaction_ran, IPMIBmcSim),
        VMSTATE_INT64(upstream_watchdog.expiry, IPMIBmcSim),
        VMSTATE_UINT8_ARRAY(core.state.event_buffer, IPMIBmcSim, 16),
        VMSTATE_UINT8(upstream_sensor.status, IPMIBmcSim),
        VMSTATE_UINT8(upstream_sensor.reading, IPMIBmcSim),
        VMSTATE_UINT16(upstream_sensor.states, IPMIBmcSim),
        VMSTATE_UINT16(upstream_sensor.assert_states, IPMIBmcSim),
        VMSTATE_UINT16(upstream_sensor.deassert_states, IPMIBmcSim),
        VMSTATE_UINT16(upstream_sensor.assert_enable, IPMIBmcSim),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_ipmi_sim_chassis,
        &vmstate_ipmi_sim_sel,
        &vmstate_ipmi_sim_msgq,
        &vmstate_ipmi_sim_sysinfo,
        &vmstate_ipmi_sim_sensors,
        &vmstate_ipmi_sim_watchdog_count,
        &vmstate_ipmi_sim_sdr,
        &vmstate_ipmi_sim_fru,
        NULL
    }
};

static const Property ipmi_sim_props[] = {
    DEFINE_PROP_UINT16("fruareasize", IPMIBmcSim, fru_areasize, 1024),
    DEFINE_PROP_STRING("frudatafile", IPMIBmcSim, fru_filename),
    DEFINE_PROP_STRING("sdrfile", IPMIBmcSim, sdr_filename),
    DEFINE_PROP_UINT8("device_id", IPMIBmcSim, device_id, 0x20),
    DEFINE_PROP_UINT8("ipmi_version", IPMIBmcSim, ipmi_version, 0x02),
    DEFINE_PROP_UINT8("device_rev", IPMIBmcSim, device_rev, 0),
    DEFINE_PROP_UINT8("fwrev1", IPMIBmcSim, fwrev1, 0),
    DEFINE_PROP_UINT8("fwrev2", IPMIBmcSim, fwrev2, 0),
    DEFINE_PROP_UINT32("mfg_id", IPMIBmcSim, mfg_id, 0),
    DEFINE_PROP_UINT16("product_id", IPMIBmcSim, product_id, 0),
    DEFINE_PROP_UUID_NODEFAULT("guid", IPMIBmcSim, uuid),
    /*
     * Off: the BMC's state that upstream does not carry (SEL, sensors, queue, ...)
     * stays behind, so that a stock QEMU, which refuses a stream with a subsection it
     * does not know, takes the stream whatever the BMC holds.
     */
    DEFINE_PROP_BOOL("x-migrate-bmc-state", IPMIBmcSim, migrate_state, true),
};

static void ipmi_sim_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    IPMIBmcClass *bk = IPMI_BMC_CLASS(oc);

    dc->desc = "IPMI BMC simulated inside QEMU";
    dc->hotpluggable = false;
    dc->realize = ipmi_sim_realize;
    dc->vmsd = &vmstate_ipmi_sim;
    device_class_set_props(dc, ipmi_sim_props);
    set_bit(DEVICE_CATEGORY_MISC, dc->categories);
    bk->handle_command = ipmi_sim_handle_command;
    object_class_property_add_str(oc, "sel-event", NULL, ipmi_sim_set_sel_event);
    object_class_property_set_description(oc, "sel-event",
        "Log a platform event: 8 hex bytes (generator id, EvM revision, sensor type, "
        "sensor number, event direction/type, event data 1-3)");
    bk->announce = ipmi_sim_announce;
}

static const TypeInfo ipmi_sim_info = {
    .name = TYPE_IPMI_BMC_SIMULATOR,
    .parent = TYPE_IPMI_BMC_HOST,
    .instance_size = sizeof(IPMIBmcSim),
    .class_init = ipmi_sim_class_init,
};

static void ipmi_sim_register_types(void)
{
    type_register_static(&ipmi_sim_info);
}

type_init(ipmi_sim_register_types)
