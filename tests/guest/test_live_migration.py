#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: a running Linux guest migrates from stock QEMU to ours and back.

    test_live_migration.py --interface {isa-kcs,isa-bt,pci-kcs,pci-bt,smbus}
                           --stock STOCK_QEMU --ours OUR_QEMU
                           --firmware-dir DIR --kernel VMLINUZ --initrd INITRD
                           [--round-trips N]

The test guest (guest/build-initramfs.sh) boots on STOCK_QEMU (Debian's
qemu-system-x86, upstream hw/ipmi) with ipmi-bmc-sim and the interface, both
with their defaults, on pc-q35-10.0, and moves stock -> ours -> stock, N times
(default 2: four migrations). Its commands:

    1  ipmitool mc info                       on stock QEMU
    2  Get Device ID in batches of 100 (ipmitool exec), until the host says
       the migration is done
    3  ipmitool mc info                       on ours
    4  the loop again
    5  ipmitool mc info                       on stock QEMU again
    ...and so on for each further move

While each loop runs, the host live-migrates the guest over a unix socket to
a new QEMU started with -incoming (ours, then stock, ...); then it
writes a line to the new QEMU's serial console, which ends the loop there.
Each loop prints how many Get Device ID it made and how many failed; a failed
one (a lost or corrupted answer) fails the test. The moves are random in where
they land, so a state that only some transfers reach shows in some runs only:
more round trips, more chances. Our QEMU's trace (ipmi_kcs_saved/_loaded and
their BT and SSIF kin) says in which phase it saved or loaded the interface, and
the test prints how many moves caught a transfer under way. Measured: KCS and BT
moves land between transfers (the guest's driver finishes a transfer in a few
microseconds once it starts; tests/qtest/stock/migrate-stock.py is where moves
in the middle of one are made on purpose), SSIF's with the last answer still
held (RESPONSE), which is the state SSIF rests in.

Checks: each mc info shows the BMC's defaults (Device ID 32, IPMI Version
2.0); each migration completed, with the QEMU versions on both ends; the loops
saw no failure and at least one answer after the move; the guest reached its
end. Exit status 0 when every check passes.
"""

import argparse
import importlib.util
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import yaml

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from checks import Checks  # noqa: E402  (tests/guest/checks.py)
from qmp_client import Qmp  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "..", "..", "guest", "run-guest.py")
SPEC_DIR = os.path.join(HERE, "..", "..", "spec")

# The machine both QEMUs know by the same name and layout.
MACHINE = "pc-q35-10.0"
INTERFACES = {
    "isa-kcs": ["-device", "isa-ipmi-kcs,bmc=bmc0"],
    "isa-bt": ["-device", "isa-ipmi-bt,bmc=bmc0"],
    "pci-kcs": ["-device", "pci-ipmi-kcs,bmc=bmc0"],
    "pci-bt": ["-device", "pci-ipmi-bt,bmc=bmc0"],
    # Upstream finds no SSIF device without an address; ours defaults to it.
    "smbus": ["-device", "smbus-ipmi,bmc=bmc0,address=0x10"],
}
# Each interface's spec (whose phases the machine's phase numbers name) and the
# prefix of our QEMU's trace events for a migration saved and loaded.
TRACED = {
    "isa-kcs": ("kcs", "ipmi_kcs"), "pci-kcs": ("kcs", "ipmi_kcs"),
    "isa-bt": ("bt", "ipmi_bt"), "pci-bt": ("bt", "ipmi_bt"),
    "smbus": ("ssif", "smbus_ipmi"),
}
# The phases an interface rests in between transfers: SSIF keeps the last answer
# (RESPONSE) until the next request.
RESTING = {"kcs": ["IDLE"], "bt": ["IDLE"], "ssif": ["IDLE", "RESPONSE"]}
TRACE_RE = re.compile(r"_(saved|loaded) .*phase (\d+), machine (?:in|from) (?:a|the) "
                      r"subsection (\d)")
MC_INFO = "ipmitool mc info"
# Get Device ID as fast as the guest can, until the host has moved it and says so
# on the console; then the counts. One ipmitool process sends BATCH of them back to
# back (ipmitool exec), so the interface is busy most of the time and a move lands in
# the middle of a transfer; an answer is a line starting with the device id (20h).
BATCH = 100
LOOP = ("i=0; while [ $i -lt %d ]; do echo raw 6 1; i=$((i+1)); done >/tmp/batch; "
        "n=0; bad=0; "
        "(read line </dev/console; touch /tmp/moved) & "
        "echo MIGRATE-NOW; "
        "while [ ! -e /tmp/moved ]; do "
        "ok=$(ipmitool exec /tmp/batch 2>&1 | grep -c '^ 20 '); "
        "n=$((n+ok)); bad=$((bad+%d-ok)); "
        "done; "
        "after=$(ipmitool exec /tmp/batch 2>&1 | grep -c '^ 20 '); "
        "rm /tmp/moved; "
        "echo LOOP answers=$n failed=$bad after=$after") % (BATCH, BATCH)


def commands(round_trips):
    """mc info on the first QEMU, then a loop and mc info on each QEMU moved to."""
    return [MC_INFO] + [LOOP, MC_INFO] * (2 * round_trips)


def load_runner():
    spec = importlib.util.spec_from_file_location("run_guest", RUNNER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def qemu_version(binary):
    out = subprocess.run([binary, "--version"], stdout=subprocess.PIPE, check=True,
                         text=True).stdout
    return out.splitlines()[0].replace("QEMU emulator version ", "")


class Qemu:
    """One QEMU with the guest: its console lines on a queue, QMP on a socket."""

    def __init__(self, runner, binary, args, tmp, name, interface, incoming=None,
                 trace=None):
        self.name = name
        self.binary = binary
        self.trace_log = os.path.join(tmp, name + ".trace") if trace else None
        self.qmp_path = os.path.join(tmp, name + ".qmp")
        self.stderr = open(os.path.join(tmp, name + ".stderr"), "w+")
        cmd = [binary, "-M", MACHINE, "-accel", "tcg", "-m", "512",
               "-display", "none", "-nodefaults", "-no-reboot",
               "-L", os.path.abspath(args.firmware_dir),
               "-bios", os.path.join(os.path.abspath(args.firmware_dir), "qboot.rom"),
               "-chardev", "stdio,id=con0,signal=off", "-serial", "chardev:con0",
               "-kernel", args.kernel, "-initrd", args.guest_initrd,
               "-append", runner.KERNEL_CMDLINE,
               "-qmp", "unix:%s,server=on,wait=off" % self.qmp_path,
               "-device", "ipmi-bmc-sim,id=bmc0"] + INTERFACES[interface]
        if incoming:
            cmd += ["-incoming", incoming]
        if trace:
            cmd += ["-trace", trace + "_saved", "-trace", trace + "_loaded",
                    "-D", self.trace_log]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr)
        self.lines = queue.Queue()
        threading.Thread(target=runner.reader, args=(self.proc.stdout, self.lines),
                         daemon=True).start()
        self.connection = Qmp(self.qmp_path, name,
                              lambda: self.errors() if self.proc.poll() is not None else None)

    def qmp(self, command, **arguments):
        return self.connection.command(command, **arguments)

    def migration_trace(self, what):
        """(phase, subsection) of the last "saved"/"loaded" trace line, or None."""
        if not self.trace_log or not os.path.exists(self.trace_log):
            return None
        found = None
        with open(self.trace_log, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                match = TRACE_RE.search(line)
                if match and match.group(1) == what:
                    found = (int(match.group(2)), match.group(3) == "1")
        return found

    def say(self, text):
        self.proc.stdin.write(text.encode() + b"\n")
        self.proc.stdin.flush()

    def errors(self):
        self.stderr.seek(0)
        return self.stderr.read().strip()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


class Console:
    """The guest's console across QEMUs: command results and the MIGRATE-NOW cue."""

    def __init__(self, runner, deadline):
        self.parser = runner.ConsoleParser()
        self.deadline = deadline

    def until(self, qemu, what):
        """Feeds qemu's lines until what(line) is true; False on timeout or EOF."""
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                item = qemu.lines.get(timeout=left)
            except queue.Empty:
                return False
            if item is None:
                return False
            self.parser.feed(*item)
            if what(item[1].strip()):
                return True


def migrate(source, dest_path):
    """Live migration of source to the QEMU listening on dest_path; its final status."""
    start = time.monotonic()
    source.qmp("migrate", uri="unix:" + dest_path)
    while True:
        status = source.qmp("query-migrate").get("status")
        if status in ("completed", "failed", "cancelled"):
            return status, time.monotonic() - start
        time.sleep(0.05)


def running(dest):
    """"completed" once the destination runs the guest; else what happened to it."""
    for _ in range(200):
        if dest.proc.poll() is not None:
            return "destination exited (status %s)" % dest.proc.returncode
        try:
            if dest.qmp("query-status").get("status") == "running":
                return "completed"
        except (OSError, RuntimeError, ValueError) as e:
            return "destination QMP failed: %s" % e
        time.sleep(0.05)
    return "destination not running after 10 s"


def phase_names(interface):
    with open(os.path.join(SPEC_DIR, TRACED[interface][0] + ".yaml"), encoding="utf-8") as f:
        return [p["name"] for p in yaml.safe_load(f)["phases"]]


def caught(ours, what, names):
    """Where our QEMU had the interface when it saved or loaded the guest."""
    found = ours.migration_trace(what)
    if found is None:
        return None, "no %s trace from ours" % what
    phase, subsection = found
    name = names[phase] if phase < len(names) else "phase %d" % phase
    return name, "ours %s it in phase %s%s" % (
        what, name, " with the machine subsection" if subsection else "")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--interface", required=True, choices=sorted(INTERFACES))
    ap.add_argument("--stock", required=True, help="Debian's qemu-system-x86_64")
    ap.add_argument("--ours", required=True, help="this project's qemu-system-x86_64")
    ap.add_argument("--firmware-dir", required=True)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--round-trips", type=int, default=2,
                    help="stock -> ours -> stock moves (default 2: four migrations)")
    ap.add_argument("--timeout", type=float, default=240.0)
    args = ap.parse_args(argv)
    runner = load_runner()
    tmp = tempfile.mkdtemp(prefix="live-migration-")
    args.guest_initrd = runner.make_initrd(args.initrd, commands(args.round_trips), tmp)
    checks = Checks([], 12)
    versions = {"stock": qemu_version(args.stock), "ours": qemu_version(args.ours)}
    console = Console(runner, time.monotonic() + args.timeout)
    hops = [("stock", args.stock)] + [("ours", args.ours), ("stock", args.stock)] * args.round_trips
    machines = []
    moved = True
    try:
        trace = TRACED[args.interface][1]
        names = phase_names(args.interface)
        phases = []
        current = Qemu(runner, hops[0][1], args, tmp, "0-" + hops[0][0], args.interface,
                       trace=trace if hops[0][0] == "ours" else None)
        machines.append(current)
        for n, (name, binary) in enumerate(hops[1:], 1):
            cue = console.until(current, lambda line: line == "MIGRATE-NOW")
            if not cue:
                checks.check("migration%d" % n, False, "the guest never asked to be moved "
                             "(on %s %s)" % (current.name, current.errors()[-300:]))
                moved = False
                break
            time.sleep(1.0)  # let the loop run: the move lands mid-transfer
            path = os.path.join(tmp, "migrate-%d.sock" % n)
            dest = Qemu(runner, binary, args, tmp, "%d-%s" % (n, name), args.interface,
                        incoming="unix:" + path, trace=trace if name == "ours" else None)
            machines.append(dest)
            status, seconds = migrate(current, path)
            if status == "completed":
                status = running(dest)
            ok = status == "completed"
            phase, where = caught(dest if name == "ours" else current,
                                  "loaded" if name == "ours" else "saved", names)
            phases.append(phase)
            checks.check("migration%d" % n, ok, "%s (%s) -> %s (%s): %s in %.1f s, %s%s" % (
                hops[n - 1][0], versions[hops[n - 1][0]], name, versions[name], status,
                seconds, where, "" if ok else ": " + dest.errors()[-400:]))
            if not ok:
                moved = False
                break
            current.stop()
            current = dest
            current.say("moved")
        if moved:
            console.until(current, lambda line: line == runner.DONE_LINE)
    finally:
        for m in machines:
            m.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    results = {r["n"]: r for r in console.parser.results}
    for n in range(1, 2 * len(hops), 2):
        where = hops[n // 2][0]
        fields = {}
        for line in results.get(n, {}).get("output", "").splitlines():
            key, _, value = line.partition(":")
            fields.setdefault(key.strip(), value.strip())
        ok = results.get(n, {}).get("rc") == 0 and fields.get("Device ID") == "32" and \
            fields.get("IPMI Version") == "2.0"
        checks.check("mc_info%d" % n, ok, "%s: Device ID %s, IPMI Version %s" % (
            where, fields.get("Device ID"), fields.get("IPMI Version")))
    for n in range(2, 2 * len(hops) - 1, 2):
        hop = "%s -> %s" % (hops[n // 2 - 1][0], hops[n // 2][0])
        out = results.get(n, {}).get("output", "")
        line = [text for text in out.splitlines() if text.startswith("LOOP")]
        counts = {}
        if line:
            counts = dict(w.split("=") for w in line[-1].split()[1:])
        ok = bool(counts) and counts.get("failed") == "0" and \
            int(counts.get("after", 0)) == BATCH \
            and int(counts.get("answers", 0)) > 0
        checks.check("loop%d" % n, ok, "%s: Get Device ID answered %s times across the move, "
                     "%s failed, %s of %d after" % (hop, counts.get("answers"),
                                                    counts.get("failed"), counts.get("after"),
                                                    BATCH))
    checks.check("guest", console.parser.done, "the guest reached '%s'" % runner.DONE_LINE)
    resting = RESTING[TRACED[args.interface][0]]
    busy = [p for p in phases if p is not None and p not in resting]
    print("NOTE %d of %d moves caught a transfer under way (the interface out of %s)"
          % (len(busy), len(phases), " and ".join(resting)))
    if not console.parser.done:
        print("\n".join(console.parser.lines[-30:]))
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
