#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: ipmitool in the Linux guest through ipmi-bmc-extern to OpenIPMI's
ipmi_sim, which resets the guest, then is killed and restarted while the guest sends
requests.

    test_extern_ipmi_sim.py --qemu QEMU --firmware-dir DIR --kernel VMLINUZ
                            --initrd INITRD [--skip NAME ...]

The test starts ipmi_sim (tests/guest/ipmi_sim_peer.py: config written here, loopback
ports) behind a relay that watches requests (tests/guest/vm_tap.py), and boots the
guest on
    -chardev socket,...,reconnect-ms=500 -device ipmi-bmc-extern,id=bmc0,chardev=...
    -device isa-ipmi-kcs,bmc=bmc0
and run-guest.py --allow-reboot. The guest runs "ipmitool mc info", then, in its first
boot (ipmi_sim's SEL is empty), adds a temperature event to the SEL (Add SEL Entry,
raw 0Ah 44h; ipmi_sim has no Platform Event Message) and marks the
point with Get ACPI Power State (raw 06h 07h): the test then sends ipmi_sim "chassis
power reset" over LAN, which ipmi_sim passes to QEMU as README.vm's RESET, and the
guest boots again. In the second boot ipmi_sim's SEL holds the event, so the guest
goes on: it marks the start of its loop with Get Self Test Results (raw 06h 04h)
and sends "ipmitool mc info" LOOPS times, each under `timeout`. On that mark the
test kills ipmi_sim (SIGKILL), starts it again after DOWN seconds, and does so KILLS
times.

Checks (each can be left out with --skip NAME):
    guest      the guest reached its end marker (no request hung the guest)
    mc_info    "mc info" answers with ipmi_sim's identity: Device ID 33,
               Manufacturer ID 4753, Firmware Revision 9.08
    reset      ipmi_sim's "chassis power reset" (sent over LAN when the guest
               marked it) reset the guest: it booted a second time, and that boot
               found the first boot's event in ipmi_sim's SEL
    restarts   ipmi_sim was killed and started again KILLS times during the loop
    no_hang    every one of the LOOPS requests came back: an answer or an IPMI error,
               none stopped by `timeout`
    outage     requests made while ipmi_sim was down failed (at least one), as
               ipmi-bmc-extern answers them with an error
    recovered  after the last restart requests are answered again (the last one
               succeeded)
Exit status 0 when every check not skipped passes, 1 otherwise.
"""

import os
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from checks import Checks  # noqa: E402
from guest_boot import Outputs, boot_shell, parse_fields, parse_test_args  # noqa: E402
from ipmi_sim_peer import DEVICE_ID, FIRMWARE, MFG_ID, IpmiSim  # noqa: E402
from vm_tap import VmTap  # noqa: E402

CHECKS = ["guest", "mc_info", "reset", "restarts", "no_hang", "outage", "recovered"]
LOOPS = 40
KILLS = 2
DOWN = 3.0          # seconds ipmi_sim stays down
UP = 4.0            # seconds it runs between two kills
HANG = 30           # seconds after which the guest's `timeout` stops a request
MARK = (0x06, 0x04)  # Get Self Test Results: the guest's loop begins
RESET_MARK = (0x06, 0x07)  # Get ACPI Power State: the guest waits to be reset

MC_INFO = "ipmitool mc info"
# One "rc" per request; 124 or 143 is `timeout` stopping a hung ipmitool.
LOOP = ("ipmitool raw 0x06 0x04 >/dev/null; i=0; rcs=; while [ $i -lt %d ]; do "
        "timeout %d ipmitool mc info >/dev/null 2>&1; rcs=\"$rcs $?\"; i=$((i+1)); "
        "sleep 0.5; done; echo rcs:$rcs" % (LOOPS, HANG))
# A system event record (section 32.1): id (the BMC's), type 02h, timestamp, generator
# 20h, EvM revision 04h, sensor type 01h (temperature) number 30h, threshold event
# type 01h assertion, offset 09h (upper critical going high), then its data bytes.
SEL_EVENT = [0x00, 0x00, 0x02, 0, 0, 0, 0, 0x20, 0x00, 0x04, 0x01, 0x30, 0x01, 0x59,
             0x00, 0x00]
# First boot: an event, the mark, then wait for the reset; second boot: go on.
RESET_STEP = ("if ipmitool sel list 2>/dev/null | grep -q Temperature; then "
              "echo second-boot; else ipmitool raw 0x0a 0x44 %s >/dev/null; "
              "ipmitool raw 0x06 0x07 >/dev/null; sleep 120; echo no-reset; fi"
              % " ".join("0x%02x" % b for b in SEL_EVENT))
COMMANDS = [MC_INFO, RESET_STEP, LOOP]


def reset_kill_and_restart(sim, tap, log):
    """On the guest's first mark, a chassis power reset over LAN; on its second, KILLS
    times down for DOWN seconds, then up for UP."""
    if tap.wait_request(*RESET_MARK, timeout=600) is None:
        log.append("the guest's reset mark never came")
        return
    rc, out = sim.lan("chassis", "power", "reset")
    log.append("chassis power reset over LAN: rc %d (%s)" % (rc, out))
    if tap.wait_request(*MARK, timeout=600) is None:
        log.append("the guest's mark never came")
        return
    for _ in range(KILLS):
        time.sleep(1.0)
        sim.kill()
        log.append("killed at %.1f" % time.monotonic())
        time.sleep(DOWN)
        sim.start()
        log.append("started at %.1f" % time.monotonic())
        time.sleep(UP)


def main(argv):
    args = parse_test_args(argv, __doc__.splitlines()[0], CHECKS, timeout=240)
    checks = Checks(args.skip, 10)
    with tempfile.TemporaryDirectory(prefix="extern-ipmi-sim-") as tmp:
        sim = IpmiSim(tmp)
        sim.start()
        tap = VmTap(sim.vm_port)
        qemu_args = ["-chardev", "socket,id=ipmi0,host=127.0.0.1,port=%d,reconnect-ms=500"
                     % tap.port,
                     "-device", "ipmi-bmc-extern,id=bmc0,chardev=ipmi0",
                     "-device", "isa-ipmi-kcs,bmc=bmc0"]
        log = []
        killer = threading.Thread(target=reset_kill_and_restart, args=(sim, tap, log),
                                  daemon=True)
        killer.start()
        try:
            result, _ = boot_shell(args, checks.check, COMMANDS, qemu_args,
                                   ["--allow-reboot"])
        finally:
            tap.close()
            sim.stop()
        killer.join(timeout=1)
        first, out = Outputs(result, boot=1), Outputs(result, boot=2)

        first_reset = first.get(RESET_STEP, any_rc=True)[1]
        second_reset = out(RESET_STEP) or ""
        checks.check("reset", first_reset is None and "second-boot" in second_reset,
                     "first boot's wait: %s; second boot: %r; %s"
                     % ("ran out (no reset)" if first_reset is not None else "cut by the reset",
                        second_reset.strip(), "; ".join(log[:1])))
        fields = parse_fields(out(MC_INFO))
        want = {"Device ID": str(DEVICE_ID), "Manufacturer ID": str(MFG_ID),
                "Firmware Revision": FIRMWARE}
        checks.check("mc_info", all(fields.get(k) == v for k, v in want.items()),
                     "%s (want %s)" % ({k: fields.get(k) for k in want}, want))
        checks.check("restarts", sim.starts == 1 + KILLS,
                     "ipmi_sim started %d times (want %d): %s"
                     % (sim.starts, 1 + KILLS, "; ".join(log[1:])))
        text = out(LOOP) or ""
        rcs = [int(word) for line in text.splitlines() if line.startswith("rcs:")
               for word in line[4:].split()]
        hung = [rc for rc in rcs if rc in (124, 143)]
        checks.check("no_hang", len(rcs) == LOOPS and not hung,
                     "%d of %d requests came back; return codes %s" % (len(rcs), LOOPS, rcs))
        checks.check("outage", any(rc != 0 for rc in rcs),
                     "%d requests failed while ipmi_sim was down"
                     % sum(1 for rc in rcs if rc != 0))
        checks.check("recovered", bool(rcs) and rcs[-1] == 0,
                     "the last request's return code: %s" % (rcs[-1] if rcs else None))
        if checks.failures:
            print("ipmi_sim log:\n" + sim.log())
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
