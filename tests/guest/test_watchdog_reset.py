#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: the BMC's watchdog, armed by the guest and never petted, resets the machine.

    test_watchdog_reset.py [--via {ipmitool,linux}] --qemu QEMU --firmware-dir DIR
                           --kernel VMLINUZ --initrd INITRD [--skip NAME ...]

The guest (isa-ipmi-kcs + ipmi-bmc-sim) boots with run-guest.py --allow-reboot
(no -no-reboot), so a reset boots it again with the same commands:
    1. ipmitool mc watchdog get
    2. unless 1. shows the SMS/OS expiration flag: arm the watchdog for a
       hard reset in 3 s, show "mc watchdog get", print "watchdog: armed" and
       sleep 60 s without petting it; otherwise print "watchdog: expired
       before, not arming".  --via ipmitool (default): Set Watchdog Timer (SMS/OS,
       logging on) and Reset Watchdog Timer to start it.  --via linux: insmod
       Linux's ipmi_watchdog (timeout=3 action=reset), open /dev/watchdog and
       write to it once (the driver starts the timer on the first write), then
       hold it open without writing again
    3. ipmitool sel list
The first boot must end inside the sleep with no word from the guest's own
kernel about a reboot or panic; the second boot finds the flag the BMC kept
across the machine reset and powers off as usual.

Checks (each can be left out with --skip NAME):
    guest          the last boot reached its end marker
    armed          boot 1: the timer armed ("watchdog: armed") and running
                   ("Started/Running", action Hard Reset)
    reset          the machine was reset inside the 60 s sleep: exactly two
                   boots, boot 1 never printed "still running", and no
                   "reboot:" or "Kernel panic" line (the guest did not reset
                   itself)
    second_boot    boot 2 saw the expired timer and did not arm it again
    expired_flag   boot 2 "mc watchdog get": Timer Use SMS/OS (0x04), Stopped,
                   action Hard Reset (0x01), expiration flags 0x10 "* SMS/OS"
    watchdog_sel   boot 2 "sel list": the expiry's event, sensor type Watchdog2
                   (23h), "Hard reset", asserted
Exit status 0 when every check not skipped passes, 1 otherwise.
"""

import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from checks import Checks  # noqa: E402  (tests/guest/checks.py)
from guest_boot import (Outputs, boot_shell, parse_fields,  # noqa: E402
                        parse_table, parse_test_args)

QEMU_ARGS = ["-device", "ipmi-bmc-sim,id=bmc0", "-device", "isa-ipmi-kcs,bmc=bmc0"]
BOOT_LINE = "guest: init started"
ARMED = "watchdog: armed"
NOT_ARMED = "watchdog: expired before, not arming"
STILL_RUNNING = "watchdog: still running after 60 s"

WD_GET = "ipmitool mc watchdog get"
ARMING = {
    # Set Watchdog Timer: timer use SMS/OS (logging on, not started), action hard
    # reset, no pre-timeout, clear the SMS/OS expiration flag, 30 x 100 ms; Reset
    # Watchdog Timer starts it.
    "ipmitool": "ipmitool raw 0x06 0x24 0x04 0x01 0x00 0x10 0x1e 0x00 && "
                "ipmitool mc watchdog reset",
    # Opening /dev/watchdog arms nothing: the driver starts the timer on the first
    # write (heartbeat).  The shell keeps the descriptor through the sleep and
    # writes no second time.
    "linux": "insmod /lib/modules/$(uname -r)/ipmi_watchdog.ko timeout=3 action=reset "
             "&& exec 3>/dev/watchdog && echo 1 >&3",
}
ARM = ("if ipmitool mc watchdog get | grep -q '^ *\\* SMS/OS$'; then echo '%s'; else "
       "%%s && ipmitool mc watchdog get && echo '%s' && sleep 60 && echo '%s'; fi"
       % (NOT_ARMED, ARMED, STILL_RUNNING))
SEL_LIST = "ipmitool sel list"

ALL_CHECKS = ["guest", "armed", "reset", "second_boot", "expired_flag", "watchdog_sel"]


def split_boots(console):
    """Console lines -> one list per boot (what the guest's /init printed on)."""
    boots = []
    for line in console:
        if line.startswith(BOOT_LINE):
            boots.append([])
        elif boots:
            boots[-1].append(line)
    return boots


def main(argv):
    args = parse_test_args(argv, __doc__.splitlines()[1], ALL_CHECKS, 180.0,
                           {"--via": {"choices": sorted(ARMING), "default": "ipmitool",
                                      "help": "what arms the watchdog"}})
    start = time.monotonic()
    checks = Checks(args.skip, 12)
    check = checks.check
    arm = ARM % ARMING[args.via]
    result, console = boot_shell(args, check, [WD_GET, arm, SEL_LIST], QEMU_ARGS,
                                 ["--allow-reboot"])

    boots = split_boots(console)
    first = boots[0] if boots else []
    print("---- boot 1 console\n%s\n----" % "\n".join(first))
    # Command 2 of boot 1 never ended: its lines run to the reset.
    begin = next((i for i, line in enumerate(first) if line.startswith("==== BEGIN 2:")),
                 len(first))
    fields = parse_fields("\n".join(first[begin + 1:]))
    check("armed", ARMED in first and fields.get("Watchdog Timer Is") == "Started/Running"
          and fields.get("Watchdog Timer Action") == "Hard Reset (0x01)",
          "boot 1 printed %r after 'mc watchdog get' showed the timer running (%r) "
          "for a hard reset (%r)" % (ARMED, fields.get("Watchdog Timer Is"),
                                     fields.get("Watchdog Timer Action")))
    own = [line for line in first if "reboot:" in line or "Kernel panic" in line]
    check("reset", len(boots) == 2 and STILL_RUNNING not in first and not own,
          "%d boots (expected 2); boot 1 still running after 60 s: %s; the guest's "
          "own reboot or panic lines: %r" % (len(boots), STILL_RUNNING in first, own))

    out = Outputs(result, boot=2)
    check("second_boot", (out(arm) or "").strip() == NOT_ARMED,
          "boot 2 printed %r" % NOT_ARMED)
    text = out(WD_GET)
    fields = parse_fields(text)
    wanted = {"Watchdog Timer Use": "SMS/OS (0x04)", "Watchdog Timer Is": "Stopped",
              "Watchdog Timer Action": "Hard Reset (0x01)",
              "Timer Expiration Flags": "(0x10)"}
    wrong = {k: fields.get(k) for k, v in wanted.items() if fields.get(k) != v}
    flagged = "* SMS/OS" in [line.strip() for line in (text or "").splitlines()]
    check("expired_flag", text is not None and not wrong and flagged,
          "expected %s and '* SMS/OS'%s" % (wanted, ", got %s" % wrong if wrong else ""))

    entries = [row for row in parse_table(out(SEL_LIST)) if len(row) == 6]
    ok = any(row[3:] == ["Watchdog2", "Hard reset", "Asserted"] for row in entries)
    check("watchdog_sel", ok, "expected an entry '... | Watchdog2 | Hard reset | "
          "Asserted', got %r" % entries)

    print("test wall time: %.2f s" % (time.monotonic() - start))
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
