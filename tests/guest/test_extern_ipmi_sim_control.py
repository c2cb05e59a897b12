#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""ipmi-bmc-extern against OpenIPMI's ipmi_sim: what the BMC does to the machine.

    test_extern_ipmi_sim_control.py --qemu QEMU --firmware-dir DIR

Starts ipmi_sim (tests/guest/ipmi_sim_peer.py: its config written here, loopback
ports) and a machine with no guest (qboot finds nothing to boot) on
    -device ipmi-bmc-extern,id=bmc0,chardev=... -device isa-ipmi-kcs,bmc=bmc0
    -no-shutdown
then, as an operator would, sends ipmi_sim chassis power commands over LAN. ipmi_sim
turns each into a README.vm control command to QEMU, which QMP must show:
    lan            ipmitool over LAN reaches ipmi_sim (mc info: its device id)
    reset          "chassis power reset"  -> RESET event (guest-reset)
    soft           "chassis power soft"   -> POWERDOWN event (the ACPI power button)
    off            "chassis power off"    -> SHUTDOWN event (guest-shutdown)
    reset_told     QEMU told ipmi_sim of the machine's reset (README.vm's RESET from
                   the VM; its trace ipmi_bmc_extern_send_command shows it), and
                   ipmi_sim still answers after it
Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from checks import Checks  # noqa: E402
from guest_boot import parse_fields  # noqa: E402
from ipmi_sim_peer import DEVICE_ID, IpmiSim  # noqa: E402
from qmp_client import Qmp  # noqa: E402

EVENT_WAIT = 20.0
# Each power command, the QMP event it must bring, and what that event's data says.
POWER = [
    ("reset", "RESET", {"reason": "guest-reset"}),
    ("soft", "POWERDOWN", None),
    ("off", "SHUTDOWN", {"reason": "guest-shutdown"}),
]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qemu", required=True)
    parser.add_argument("--firmware-dir", required=True)
    args = parser.parse_args(argv)
    checks = Checks([], 12)

    with tempfile.TemporaryDirectory(prefix="ipmi-sim-control-") as tmp:
        sim = IpmiSim(tmp)
        sim.start()
        qmp_path = os.path.join(tmp, "qmp.sock")
        cmd = [args.qemu, "-L", args.firmware_dir, "-bios", "qboot.rom",
               "-display", "none", "-nodefaults", "-no-shutdown", "-accel", "tcg",
               "-qmp", "unix:%s,server=on,wait=off" % qmp_path,
               "-trace", "ipmi_bmc_extern_send_command"] + sim.qemu_args() + [
               "-device", "isa-ipmi-kcs,bmc=bmc0"]
        print("running:", " ".join(cmd))
        qemu = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True)
        lan_rc = None
        try:
            qmp = Qmp(qmp_path, "ours", exited=qemu.poll)
            rc, out = sim.lan("mc", "info")
            fields = parse_fields(out)
            checks.check("lan", rc == 0 and fields.get("Device ID") == str(DEVICE_ID),
                         "ipmitool -I lan mc info: rc %d, Device ID %r (want %d)"
                         % (rc, fields.get("Device ID"), DEVICE_ID))
            for word, event_name, data in POWER:
                rc, out = sim.lan("chassis", "power", word)
                event = qmp.wait_event(event_name, EVENT_WAIT)
                got = event and event.get("data", {})
                ok = rc == 0 and event is not None and all(
                    got.get(k) == v for k, v in (data or {}).items())
                checks.check(word, ok, "chassis power %s: rc %d (%s); QMP %s: %s"
                             % (word, rc, out, event_name, got if event else "none"))
            lan_rc, _ = sim.lan("mc", "info")
            qmp.command("quit")
        finally:
            try:
                qemu.wait(timeout=10)
            except subprocess.TimeoutExpired:
                qemu.kill()
                qemu.wait()
            output = qemu.stdout.read().strip()
            sim.stop()
        sent = [line.split("ipmi_bmc_extern_send_command ", 1)[1]
                for line in output.splitlines() if "ipmi_bmc_extern_send_command " in line]
        checks.check("reset_told", "RESET, 2 bytes" in sent and lan_rc == 0,
                     "commands QEMU sent: %s; ipmi_sim answers mc info after: rc %s"
                     % (sent, lan_rc))
        if checks.failures:
            print("QEMU output:\n" + output)
            print("ipmi_sim log:\n" + sim.log())
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
