#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: "ipmitool mc info" and "ipmitool mc selftest" over KCS.

Boots the test guest (guest/build-initramfs.sh) with guest/run-guest.py on
    -device ipmi-bmc-sim,id=bmc0,device_id=0x42,fwrev1=3,fwrev2=0x15,
            mfg_id=0x1234,product_id=0x5678
    -device isa-ipmi-kcs,bmc=bmc0
and checks what ipmitool 1.8.19 prints:
    device_id     Device ID          : 66          (printf %i of 0x42)
    fwrev         Firmware Revision  : 3.15        (%u.%02x of 3, 0x15)
    ipmi_version  IPMI Version       : 2.0
    mfg_id        Manufacturer ID    : 4660        (0x1234)
    product_id    Product ID         : 22136 (0x5678)
    selftest      Selftest: passed                 ("mc selftest")
Exit status 0 when every check passes, 1 otherwise (also when the guest
does not finish within --timeout).  --skip NAME leaves a check out, e.g.
to get a baseline from a QEMU that lacks a feature.  --bmc-args replaces
the two -device options above (one shell-quoted string), to run the same
checks against another BMC set up with the same identity, e.g.
ipmi-bmc-extern and OpenIPMI's ipmi_sim.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_RUNNER = os.path.join(HERE, "..", "..", "guest", "run-guest.py")

BMC_ARGS = [
    "-device", "ipmi-bmc-sim,id=bmc0,device_id=0x42,fwrev1=3,fwrev2=0x15,"
               "mfg_id=0x1234,product_id=0x5678",
    "-device", "isa-ipmi-kcs,bmc=bmc0",
]

# name, field printed by "mc info", expected value
MC_INFO_CHECKS = [
    ("device_id", "Device ID", "66"),
    ("fwrev", "Firmware Revision", "3.15"),
    ("ipmi_version", "IPMI Version", "2.0"),
    ("mfg_id", "Manufacturer ID", "4660"),
    ("product_id", "Product ID", "22136 (0x5678)"),
]
ALL_CHECKS = [name for name, _, _ in MC_INFO_CHECKS] + ["selftest", "firmware", "interrupts"]

# Linux must find the interface through the firmware tables QEMU builds from the
# device's get_fwinfo (SMBIOS type 38 and ACPI IPI0001) and drive it by interrupt.
DMESG = "dmesg | grep -i ipmi"
INTERRUPTS = "grep ipmi_si /proc/interrupts"
DMESG_EXPECTED = [
    "SMBIOS: io 0xca2 regsize 1 spacing 1 irq 5",
    "IPI0001",
    "Using irq 5",
    "IPMI kcs interface initialized",
]


def parse_fields(text):
    """'Name    : value' lines of ipmitool output -> dict."""
    fields = {}
    for line in text.splitlines():
        if ":" not in line:
            continue
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    return fields


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qemu", required=True)
    parser.add_argument("--firmware-dir", required=True)
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--initrd", required=True)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds the guest may take (default 60)")
    parser.add_argument("--runner", default=DEFAULT_RUNNER,
                        help="path of run-guest.py")
    parser.add_argument("--bmc-args", metavar="ARGS",
                        help="QEMU options replacing the default BMC devices")
    parser.add_argument("--skip", action="append", default=[], choices=ALL_CHECKS,
                        help="leave out one check (repeatable)")
    args = parser.parse_args(argv)

    start = time.monotonic()
    failures = []
    passes = 0

    def check(name, ok, detail):
        nonlocal passes
        if name in args.skip:
            print("SKIP %-13s %s" % (name, detail))
            return
        print("%s %-13s %s" % ("PASS" if ok else "FAIL", name, detail))
        if ok:
            passes += 1
        else:
            failures.append(name)

    with tempfile.TemporaryDirectory(prefix="test-mc-info-") as tmp:
        json_path = os.path.join(tmp, "result.json")
        cmd = [sys.executable, args.runner,
               "--qemu", args.qemu, "--firmware-dir", args.firmware_dir,
               "--kernel", args.kernel, "--initrd", args.initrd,
               "--timeout", str(args.timeout), "--quiet", "--json", json_path,
               "--cmd", "mc info", "--cmd", "mc selftest",
               "--sh", DMESG, "--sh", INTERRUPTS, "--"]
        cmd += shlex.split(args.bmc_args) if args.bmc_args else BMC_ARGS
        print("running:", shlex.join(cmd))
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        runner_output = proc.stdout.strip()
        if runner_output:
            print(runner_output)
        result = None
        if os.path.exists(json_path):
            with open(json_path, encoding="utf-8") as handle:
                result = json.load(handle)

    check("guest", proc.returncode == 0 and result is not None,
          "run-guest.py exit status %d (0 = guest reached its end marker)"
          % proc.returncode)
    results = (result or {}).get("results", [])
    by_cmd = {r["cmd"]: r for r in results}

    info = by_cmd.get("ipmitool mc info")
    if info is None:
        for name, field, expected in MC_INFO_CHECKS:
            check(name, False, "no output from 'ipmitool mc info'")
    else:
        print("---- ipmitool mc info (rc=%d)\n%s\n----" % (info["rc"], info["output"]))
        fields = parse_fields(info["output"])
        for name, field, expected in MC_INFO_CHECKS:
            got = fields.get(field)
            check(name, info["rc"] == 0 and got == expected,
                  "%s: expected %r, got %r" % (field, expected, got))

    selftest = by_cmd.get("ipmitool mc selftest")
    if selftest is None:
        check("selftest", False, "no output from 'ipmitool mc selftest'")
    else:
        print("---- ipmitool mc selftest (rc=%d)\n%s\n----"
              % (selftest["rc"], selftest["output"]))
        lines = [l.strip() for l in selftest["output"].splitlines()]
        check("selftest", selftest["rc"] == 0 and "Selftest: passed" in lines,
              "expected 'Selftest: passed' and rc 0, got rc %d" % selftest["rc"])

    dmesg = by_cmd.get(DMESG, {}).get("output", "")
    missing = [m for m in DMESG_EXPECTED if m not in dmesg]
    check("firmware", not missing,
          "ipmi_si found the KCS interface via SMBIOS and ACPI" if not missing
          else "dmesg lacks %r:\n%s" % (missing, dmesg))

    # "  5:   N   IO-APIC   5-fasteoi   ipmi_si": N interrupts were taken.
    counts = by_cmd.get(INTERRUPTS, {}).get("output", "").split()
    taken = int(counts[1]) if len(counts) > 1 and counts[1].isdigit() else 0
    check("interrupts", taken > 0, "ipmi_si took %d interrupts on IRQ 5" % taken)

    answer = (result or {}).get("boot_to_answer_seconds")
    wall = time.monotonic() - start
    print("boot-to-first-answer: %s" % ("%.2f s" % answer if answer is not None else "n/a"))
    print("test wall time: %.2f s" % wall)
    if failures:
        print("RESULT: FAIL (%s)" % ", ".join(failures))
        return 1
    print("RESULT: PASS (%d checks%s)" % (
        passes, ", skipped: " + ", ".join(args.skip) if args.skip else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
