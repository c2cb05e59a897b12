# SPDX-License-Identifier: GPL-2.0-or-later
"""One boot of the x86 test guest through guest/run-guest.py, for the guest tests.

The tests run run-guest.py as a child (not imported) so that its exit status and
its console summary are the same as by hand.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_RUNNER = os.path.join(HERE, "..", "..", "guest", "run-guest.py")


def add_guest_args(parser, timeout):
    """The options every x86 guest test takes."""
    parser.add_argument("--qemu", required=True)
    parser.add_argument("--firmware-dir", required=True)
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--initrd", required=True)
    parser.add_argument("--timeout", type=float, default=timeout,
                        help="seconds the guest may take (default %g)" % timeout)
    parser.add_argument("--runner", default=DEFAULT_RUNNER,
                        help="path of run-guest.py")


def parse_test_args(argv, description, all_checks, timeout, extra=None):
    """The options of a test with the named checks `all_checks`; `extra` maps
    more option names to their add_argument keywords."""
    parser = argparse.ArgumentParser(description=description)
    add_guest_args(parser, timeout)
    for name, keywords in (extra or {}).items():
        parser.add_argument(name, **keywords)
    parser.add_argument("--skip", action="append", default=[], choices=all_checks,
                        help="leave out one check (repeatable)")
    return parser.parse_args(argv)


def boot_shell(args, check, lines, qemu_args, runner_args=()):
    """Boots with each of `lines` as one guest shell command and makes the check
    "guest" (the guest reached its end marker); returns (JSON or None, console)."""
    commands = []
    for line in lines:
        commands += ["--sh", line]
    status, result, console = boot(args, commands, qemu_args, runner_args)
    check("guest", status == 0 and result is not None,
          "run-guest.py exit status %d (0 = the guest's last boot reached its end "
          "marker)" % status)
    return result, console


def boot(args, commands, qemu_args, runner_args=()):
    """Runs run-guest.py with `commands` (its --cmd/--sh words) and `qemu_args`.

    Returns (exit status, the runner's JSON or None, its console log lines)."""
    with tempfile.TemporaryDirectory(prefix="guest-test-") as tmp:
        json_path = os.path.join(tmp, "result.json")
        log_path = os.path.join(tmp, "console.log")
        cmd = [sys.executable, args.runner,
               "--qemu", args.qemu, "--firmware-dir", args.firmware_dir,
               "--kernel", args.kernel, "--initrd", args.initrd,
               "--timeout", str(args.timeout), "--quiet", "--json", json_path,
               "--console-log", log_path]
        cmd += list(runner_args) + list(commands) + ["--"] + list(qemu_args)
        print("running:", shlex.join(cmd))
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        if proc.stdout.strip():
            print(proc.stdout.strip())
        result = None
        if os.path.exists(json_path):
            with open(json_path, encoding="utf-8") as handle:
                result = json.load(handle)
        console = []
        if os.path.exists(log_path):
            with open(log_path, encoding="utf-8") as handle:
                console = handle.read().splitlines()
    return proc.returncode, result, console


class Outputs:
    """The commands' outputs of one boot, each printed once for the log."""

    def __init__(self, result, boot=None):
        self.by_cmd = {}
        for found in (result or {}).get("results", []):
            if boot is None or found.get("boot", 1) == boot:
                self.by_cmd[found["cmd"]] = found
        self.shown = set()

    def get(self, command, any_rc=False):
        """(rc, output) of `command`; the output is None if it did not run, or
        if it failed and not any_rc."""
        found = self.by_cmd.get(command)
        if found is None:
            return None, None
        if command not in self.shown:
            self.shown.add(command)
            print("---- %s (rc=%d)\n%s\n----" % (command, found["rc"], found["output"]))
        if found["rc"] != 0 and not any_rc:
            return found["rc"], None
        return found["rc"], found["output"]

    def __call__(self, command):
        """The output of `command` if it ran and returned 0, else None."""
        return self.get(command)[1]


def parse_fields(text):
    """'Name    : value' lines of ipmitool or FreeIPMI output -> dict (first wins)."""
    fields = {}
    for line in (text or "").splitlines():
        if ":" not in line:
            continue
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    return fields


def parse_table(text, sep="|"):
    """'a | b | c' lines -> lists of stripped cells (lines without `sep` left out)."""
    return [[cell.strip() for cell in line.split(sep)]
            for line in (text or "").splitlines() if sep in line]
