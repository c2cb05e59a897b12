#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: a sensor reading the host sets over QMP, as the guest's tools read it.

    test_host_sensor.py --qemu QEMU --firmware-dir DIR --kernel VMLINUZ
                        --initrd INITRD [--skip NAME ...]

The machine starts stopped (-S) with
    -device ipmi-bmc-sim,id=bmc0,sdrfile=F -device isa-ipmi-kcs,bmc=bmc0
where F holds one full sensor record, "Host Temp": temperature sensor 5, threshold
based, nominal 50 degrees C, upper non-critical 80 and upper critical 90, with
assertion events going high (host-inject's record, named). Over QMP the test sets
qom-set bmc0 sensor5-reading 85, then lets the guest run (cont); Linux finds the
KCS interface by itself and the guest runs ipmitool.

Checks (each can be left out with --skip NAME):
    guest            the guest reached its end marker
    qmp              the reading was set before the guest ran
    sensor_reading   "sensor list": Host Temp reads 85.000 degrees C, status nc
                     (upper non-critical), thresholds unc 80.000 and ucr 90.000
    sel_crossing     "sel list": one entry, "Temperature #0x05 | Upper
                     Non-critical going high | Asserted", the event the BMC
                     logged when the host's reading crossed the threshold
    freeipmi_sensor  ipmi-sensors (its own SDR parser): Host Temp, Temperature,
                     85.00 C, event "'At or Above (>=) Upper Non-Critical
                     Threshold'" (read from the threshold states of Get Sensor
                     Reading)
Exit status 0 when every check not skipped passes, 1 otherwise.
"""
import importlib.util
import os
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from checks import Checks  # noqa: E402  (tests/guest/checks.py)
from guest_boot import Outputs, boot_shell, parse_table, parse_test_args  # noqa: E402
from qmp_client import Qmp  # noqa: E402

spec = importlib.util.spec_from_file_location(
    "host_inject", os.path.join(HERE, "..", "qtest", "stock", "host-inject.py"))
host_inject = importlib.util.module_from_spec(spec)
spec.loader.exec_module(host_inject)

CHECKS = ["guest", "qmp", "sensor_reading", "sel_crossing", "freeipmi_sensor"]
NAME = b"Host Temp"
READING = 85
SENSOR_LIST = "ipmitool sensor list"
SEL_LIST = "ipmitool sel list"
FREEIPMI_SENSORS = "ipmi-sensors --driver-type=OPENIPMI --output-sensor-state"


def named_record():
    """host-inject's full record with an 8-bit ASCII id string (section 43.1)."""
    rec = bytearray(host_inject.full_record())
    rec[47] = 0xc0 | len(NAME)
    rec += NAME
    rec[4] = len(rec) - 5
    return bytes(rec)


def set_reading(qmp_path, done):
    """Sets the reading while the machine is stopped, then lets it run."""
    try:
        qmp = Qmp(qmp_path, "ours")
        qmp.command("qom-set", path="/machine/peripheral/bmc0",
                    property="sensor%d-reading" % host_inject.TEMP, value=READING)
        done["reading"] = qmp.command("qom-get", path="/machine/peripheral/bmc0",
                                      property="sensor%d-reading" % host_inject.TEMP)
        qmp.command("cont")
    except (OSError, RuntimeError) as err:
        done["error"] = str(err)


def main(argv):
    args = parse_test_args(argv, __doc__.splitlines()[0], CHECKS, 180.0)
    checks = Checks(args.skip, 16)
    check = checks.check
    with tempfile.TemporaryDirectory(prefix="host-sensor-") as tmp:
        sdrfile = os.path.join(tmp, "sdr.bin")
        with open(sdrfile, "wb") as handle:
            handle.write(named_record())
        qmp_path = os.path.join(tmp, "qmp.sock")
        done = {}
        setter = threading.Thread(target=set_reading, args=(qmp_path, done), daemon=True)
        setter.start()
        result, _ = boot_shell(args, check, [SENSOR_LIST, SEL_LIST, FREEIPMI_SENSORS], [
            "-S", "-qmp", "unix:%s,server=on,wait=off" % qmp_path,
            "-device", "ipmi-bmc-sim,id=bmc0,sdrfile=" + sdrfile,
            "-device", "isa-ipmi-kcs,bmc=bmc0"])
        setter.join(timeout=5)
    check("qmp", done.get("reading") == READING,
          "qom-set then qom-get sensor5-reading: %r" % done)
    out = Outputs(result)

    rows = [r for r in parse_table(out(SENSOR_LIST)) if r and r[0] == NAME.decode()]
    ok = (len(rows) == 1 and rows[0][1:4] == ["85.000", "degrees C", "nc"]
          and rows[0][7:9] == ["80.000", "90.000"])
    check("sensor_reading", ok, "expected 'Host Temp | 85.000 | degrees C | nc | ... | "
          "80.000 | 90.000 | ...', got %r" % rows)

    entries = [r for r in parse_table(out(SEL_LIST)) if len(r) == 6]
    ok = (len(entries) == 1 and entries[0][3:] ==
          ["Temperature #0x05", "Upper Non-critical going high", "Asserted"])
    check("sel_crossing", ok, "expected one entry '... | Temperature #0x05 | Upper "
          "Non-critical going high | Asserted', got %r" % entries)

    rows = [r for r in parse_table(out(FREEIPMI_SENSORS))
            if len(r) == 7 and r[1] == NAME.decode()]
    ok = (len(rows) == 1 and rows[0][2] == "Temperature" and rows[0][4:6] == ["85.00", "C"]
          and rows[0][6] == "'At or Above (>=) Upper Non-Critical Threshold'")
    check("freeipmi_sensor", ok, "expected 'Host Temp | Temperature | ... | 85.00 | C | "
          "'At or Above (>=) Upper Non-Critical Threshold'', got %r" % rows)
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
