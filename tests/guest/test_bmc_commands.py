#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: the BMC simulator's commands as ipmitool and FreeIPMI use them.

    test_bmc_commands.py --qemu QEMU --firmware-dir DIR --kernel VMLINUZ
                         --initrd INITRD [--skip NAME ...]

One boot of the test guest (guest/build-initramfs.sh) on
    -device ipmi-bmc-sim,id=bmc0,guid=GUID -device isa-ipmi-kcs,bmc=bmc0
runs every command below in order, then checks each answer.  The expected
texts are ipmitool 1.8.19's and FreeIPMI 1.6's formats (their sources:
lib/ipmi_mc.c, ipmi_sel.c, ipmi_sdr.c, ipmi_sensor.c, ipmi_fru.c;
bmc-info/bmc-info.c, ipmi-sensors, ipmi-sel, ipmi-fru) for the BMC
upstream QEMU's ipmi-bmc-sim is: its one SDR, a compact sensor record for
the watchdog (sensor 0, "Watchdog", sensor type 23h, entity 35.1), and FRU
device 0 of 1024 zero bytes (no frudatafile).

Checks (each can be left out with --skip NAME):
    guest            the guest reached its end marker
    mc_info          "mc info": Device ID 32, IPMI Version 2.0, Device Available yes
    mc_guid          "mc guid rfc": System GUID is the guid property.  Upstream
                     sends QEMU's UUID bytes as stored (RFC 4122 order, not the
                     spec's least significant byte first), so ipmitool's RFC
                     decoding gives the property back
    mc_selftest      "mc selftest": "Selftest: passed"
    watchdog_get     after Set Watchdog Timer (SMS/OS, no action, 100 s):
                     "mc watchdog get" shows SMS/OS (0x04), Stopped, No action,
                     Initial Countdown 100.0 sec
    watchdog_reset   "mc watchdog reset": "countdown restarted", then the timer
                     is SMS/OS (0x44, the running bit), Started/Running, counting
                     down from at most 100.0 sec
    chassis_status   "chassis status": System Power on, no fault, no overload
    sel_info         "sel info" on the fresh SEL: Version 1.5 (v1.5, v2
                     compliant), Entries 0
    sel_add          "sel add FILE" with one Watchdog 2 "Hard reset" event, then
                     "sel info": Entries 1
    sel_list         "sel list": one entry "Watchdog2 | Hard reset | Asserted"
                     (ipmitool's name of sensor type 23h), stamped with the host's
                     date (the SEL clock reads the host's, as upstream's does; a
                     clock from 0 shows "Pre-Init")
    sel_clear        "sel clear" answers "Clearing SEL.", then "sel info": Entries 0
    sdr_list         "sdr list": "Watchdog | 0x00 | ok" and nothing else
    sdr_elist        "sdr elist": "Watchdog | 00h | ok | 35.1"
    sensor_list      "sensor list": "Watchdog | 0x0 | discrete | 0x0000"
    sensor_thresh    "sensor thresh Watchdog unc 1": the record is found by name
                     and refused as a compact (type 02h) record: only full
                     records hold thresholds
    fru_print        "fru print 0" reads the common header (Get FRU Inventory Area
                     Info, Read FRU Data): its checksum holds (all zero) and it
                     stops at "Unknown FRU header version 0x00"
    fru_area         raw Get FRU Inventory Area Info: 1024 bytes, byte access;
                     raw Read FRU Data of the common header: 8 zero bytes
    freeipmi_bmc_info  bmc-info: Device ID 32, IPMI Version 2.0, SEL Device
                     supported, Device GUID the property's bytes as FreeIPMI
                     prints them (it reverses the wire bytes, per the spec)
    freeipmi_sensors ipmi-sensors: "0 | Watchdog | Watchdog 2 | N/A | N/A | 'OK'"
    freeipmi_sel     ipmi-sel (no SDR cache) after "sel add": one row of type
                     Watchdog 2
    freeipmi_fru     ipmi-fru (no SDR cache): "FRU Inventory Device: Default FRU
                     Device (ID 00h)", no error
Exit status 0 when every check not skipped passes, 1 otherwise.
"""

import sys
import time
import uuid

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from checks import Checks  # noqa: E402  (tests/guest/checks.py)
from guest_boot import (Outputs, boot_shell, parse_fields,  # noqa: E402
                        parse_table, parse_test_args)

GUID = "4b3e1a52-9d2c-4f6e-8a71-0c5d3e9f2b14"
QEMU_ARGS = ["-device", "ipmi-bmc-sim,id=bmc0,guid=" + GUID,
             "-device", "isa-ipmi-kcs,bmc=bmc0"]

FREEIPMI = "--driver-type=OPENIPMI"
MC_INFO = "ipmitool mc info"
MC_GUID = "ipmitool mc guid rfc"
SELFTEST = "ipmitool mc selftest"
# Set Watchdog Timer: timer use SMS/OS (logging on, not started), no action, no
# pre-timeout, clear the SMS/OS expiration flag, 1000 x 100 ms.
WD_SET = ("ipmitool raw 0x06 0x24 0x04 0x00 0x00 0x10 0xe8 0x03 && "
          "ipmitool mc watchdog get")
WD_RESET = "ipmitool mc watchdog reset && ipmitool mc watchdog get"
CHASSIS = "ipmitool chassis status"
SEL_INFO = "ipmitool sel info"
# One event as "sel add" reads it: EvM revision 04h, sensor type 23h (Watchdog 2),
# sensor 0, sensor-specific (6Fh) assertion, offset 1 (hard reset).
SEL_ADD = ("echo '0x04 0x23 0x00 0x6f 0x01 0xff 0xff' >/tmp/event && "
           "ipmitool sel add /tmp/event && ipmitool sel info")
SEL_LIST = "ipmitool sel list"
FREEIPMI_SEL = "ipmi-sel %s --ignore-sdr-cache" % FREEIPMI
SEL_CLEAR = "ipmitool sel clear && ipmitool sel info"
SDR_LIST = "ipmitool sdr list"
SDR_ELIST = "ipmitool sdr elist"
SENSOR_LIST = "ipmitool sensor list"
SENSOR_THRESH = "ipmitool sensor thresh Watchdog unc 1"
FRU_PRINT = "ipmitool fru print 0"
# Get FRU Inventory Area Info of device 0; Read FRU Data, device 0, offset 0, 8 bytes.
FRU_AREA = "ipmitool raw 0x0a 0x10 0x00 && ipmitool raw 0x0a 0x11 0x00 0x00 0x00 0x08"
BMC_INFO = "bmc-info " + FREEIPMI
IPMI_SENSORS = "ipmi-sensors " + FREEIPMI
IPMI_FRU = "ipmi-fru %s --ignore-sdr-cache" % FREEIPMI

COMMANDS = [MC_INFO, MC_GUID, SELFTEST, WD_SET, WD_RESET, CHASSIS, SEL_INFO, SEL_ADD,
            SEL_LIST, FREEIPMI_SEL, SEL_CLEAR, SDR_LIST, SDR_ELIST, SENSOR_LIST,
            SENSOR_THRESH, FRU_PRINT, FRU_AREA, BMC_INFO, IPMI_SENSORS, IPMI_FRU]

ALL_CHECKS = ["guest", "mc_info", "mc_guid", "mc_selftest", "watchdog_get",
              "watchdog_reset", "chassis_status", "sel_info", "sel_add", "sel_list",
              "sel_clear", "sdr_list", "sdr_elist", "sensor_list", "sensor_thresh",
              "fru_print", "fru_area", "freeipmi_bmc_info", "freeipmi_sensors",
              "freeipmi_sel", "freeipmi_fru"]


def fields_match(text, wanted):
    """(ok, detail): every field of `wanted` has its value in `text`."""
    got = parse_fields(text)
    wrong = {k: got.get(k) for k, v in wanted.items() if got.get(k) != v}
    if text is None:
        return False, "command failed"
    return not wrong, ("as expected: %s" % wanted if not wrong
                       else "expected %s, got %s" % (wanted, wrong))


def rows_with(text, first):
    """Table rows of `text` whose cells start with `first`."""
    return [row for row in parse_table(text) if row[:len(first)] == first]


def freeipmi_guid(text):
    """The GUID string FreeIPMI prints for a BMC that sends the bytes of `text`."""
    wire = uuid.UUID(text).bytes
    return str(uuid.UUID(bytes=wire[::-1]))


def watchdog_checks(check, out):
    text = out(WD_SET)
    ok, detail = fields_match(text, {
        "Watchdog Timer Use": "SMS/OS (0x04)", "Watchdog Timer Is": "Stopped",
        "Watchdog Timer Action": "No action (0x00)", "Initial Countdown": "100.0 sec"})
    check("watchdog_get", ok, detail)

    text = out(WD_RESET)
    fields = parse_fields(text)
    present = fields.get("Present Countdown", "").split()
    counting = bool(present) and 0.0 < float(present[0]) <= 100.0
    ok, detail = fields_match(text, {"Watchdog Timer Use": "SMS/OS (0x44)",
                                     "Watchdog Timer Is": "Started/Running"})
    restarted = "IPMI Watchdog Timer Reset -  countdown restarted!" in (text or "")
    check("watchdog_reset", ok and restarted and counting,
          "%s; countdown restarted: %s; present countdown %r"
          % (detail, restarted, fields.get("Present Countdown")))


def sel_checks(check, out):
    ok, detail = fields_match(out(SEL_INFO), {
        "Version": "1.5 (v1.5, v2 compliant)", "Entries": "0"})
    check("sel_info", ok, detail)

    ok, detail = fields_match(out(SEL_ADD), {"Entries": "1"})
    check("sel_add", ok, detail)

    # "ID | date | time | sensor type [#num] | event | direction"
    entries = [row for row in parse_table(out(SEL_LIST)) if len(row) == 6]
    today = {time.strftime("%m/%d/%y", time.gmtime(time.time() + d)) for d in (-86400, 0)}
    ok = (len(entries) == 1 and entries[0][1] in today
          and entries[0][3:] == ["Watchdog2", "Hard reset", "Asserted"])
    check("sel_list", ok, "expected one entry '... | %s | ... | Watchdog2 | Hard reset"
          " | Asserted', got %r" % (" or ".join(sorted(today)), entries))

    text = out(SEL_CLEAR)
    ok, detail = fields_match(text, {"Entries": "0"})
    cleared = "Clearing SEL.  Please allow a few seconds to erase." in (text or "")
    check("sel_clear", ok and cleared, "clear answered: %s; %s" % (cleared, detail))

    # "ID | Date | Time | Name | Type | Event"; without the SDR the name is the
    # sensor number's.
    rows = parse_table(out(FREEIPMI_SEL))
    body = [row for row in rows[1:] if len(row) == 6]
    ok = (bool(rows) and rows[0][:1] == ["ID"] and len(body) == 1 and
          body[0][4] == "Watchdog 2")
    check("freeipmi_sel", ok, "expected one row of type 'Watchdog 2', got %r" % rows)


def sdr_checks(check, out):
    rows = parse_table(out(SDR_LIST))
    check("sdr_list", rows == [["Watchdog", "0x00", "ok"]],
          "expected only 'Watchdog | 0x00 | ok', got %r" % rows)

    rows = parse_table(out(SDR_ELIST))
    check("sdr_elist", len(rows) == 1 and rows[0][:4] == ["Watchdog", "00h", "ok", "35.1"],
          "expected only 'Watchdog | 00h | ok | 35.1 |', got %r" % rows)

    rows = parse_table(out(SENSOR_LIST))
    check("sensor_list", len(rows) == 1 and
          rows[0][:4] == ["Watchdog", "0x0", "discrete", "0x0000"],
          "expected only 'Watchdog | 0x0 | discrete | 0x0000 | na ...', got %r" % rows)

    rc, text = out.get(SENSOR_THRESH, any_rc=True)
    lines = [line.strip() for line in (text or "").splitlines()]
    ok = (rc not in (0, None) and "Locating sensor record 'Watchdog'..." in lines and
          "Invalid sensor type 02" in lines)
    check("sensor_thresh", ok, "expected the record found and refused as compact "
          "('Invalid sensor type 02'), rc %s" % rc)

    rows = parse_table(out(IPMI_SENSORS))
    ok = (len(rows) == 2 and rows[0][:2] == ["ID", "Name"] and
          rows[1] == ["0", "Watchdog", "Watchdog 2", "N/A", "N/A", "'OK'"])
    check("freeipmi_sensors", ok, "expected the header and "
          "'0 | Watchdog | Watchdog 2 | N/A | N/A | 'OK'', got %r" % rows)


def fru_checks(check, out):
    # An all-zero common header is no FRU format ipmitool knows, so it fails
    # after reading it.
    rc, text = out.get(FRU_PRINT, any_rc=True)
    lines = [line.strip() for line in (text or "").splitlines()]
    check("fru_print", rc not in (0, None) and lines == ["Unknown FRU header version 0x00"],
          "expected only 'Unknown FRU header version 0x00' and rc != 0, got %r (rc %s)"
          % (lines, rc))

    lines = [line.strip() for line in (out(FRU_AREA) or "").splitlines()]
    wanted = ["00 04 00", "08 00 00 00 00 00 00 00 00"]
    check("fru_area", lines == wanted,
          "expected %r (1024 bytes, byte access; 8 bytes read, all zero), got %r"
          % (wanted, lines))

    text = out(IPMI_FRU)
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    ok = lines == ["FRU Inventory Device: Default FRU Device (ID 00h)"]
    check("freeipmi_fru", ok, "expected only the default FRU device line, got %r" % lines)


def main(argv):
    args = parse_test_args(argv, __doc__.splitlines()[1], ALL_CHECKS, 180.0)
    start = time.monotonic()
    checks = Checks(args.skip, 17)
    check = checks.check
    result, _ = boot_shell(args, check, COMMANDS, QEMU_ARGS)
    out = Outputs(result)

    ok, detail = fields_match(out(MC_INFO), {
        "Device ID": "32", "IPMI Version": "2.0", "Device Available": "yes"})
    check("mc_info", ok, detail)
    ok, detail = fields_match(out(MC_GUID), {"System GUID": GUID})
    check("mc_guid", ok, detail)
    lines = [line.strip() for line in (out(SELFTEST) or "").splitlines()]
    check("mc_selftest", "Selftest: passed" in lines, "expected 'Selftest: passed'")
    watchdog_checks(check, out)
    ok, detail = fields_match(out(CHASSIS), {
        "System Power": "on", "Power Overload": "false", "Main Power Fault": "false",
        "Power Control Fault": "false"})
    check("chassis_status", ok, detail)
    sel_checks(check, out)
    sdr_checks(check, out)
    fru_checks(check, out)
    ok, detail = fields_match(out(BMC_INFO), {
        "Device ID": "32", "IPMI Version": "2.0", "SEL Device": "supported",
        "Device GUID": freeipmi_guid(GUID)})
    check("freeipmi_bmc_info", ok, detail)

    answer = (result or {}).get("boot_to_answer_seconds")
    print("boot-to-first-answer: %s" % ("%.2f s" % answer if answer is not None else "n/a"))
    print("test wall time: %.2f s" % (time.monotonic() - start))
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
