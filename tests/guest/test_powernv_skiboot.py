#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: skiboot on PowerNV finds the BT interface and its BMC answers.

    test_powernv_skiboot.py --qemu QEMU_PPC64 --firmware-dir DIR [--timeout 60]
                            [--skip NAME] [--console-log FILE]

Boots `QEMU -M powernv` with skiboot (DIR/skiboot.lid, from Debian's
qemu-system-data) and no kernel.  The machine creates isa-ipmi-bt (I/O 0xe4,
LPC IRQ 10) and ipmi-bmc-sim itself (only while defaults are enabled, so no
-nodefaults), describes the interface to skiboot in the device tree, and
hw/ppc/pnv_bmc.c registers the HIOMAP handler (OEM NetFn 0x3a, command 0x5a)
with the simulator.

skiboot prints only messages up to PR_NOTICE (5) on the serial console; its
BT driver (hw/bt.c) logs at PR_INFO and PR_DEBUG, which go only to its
in-memory console, a buffer at INMEM_CON_START (0x31000000, include/mem-map.h)
of INMEM_CON_OUT_LEN (1 MiB - 16) bytes.  So the test watches the serial
console until the last line of the HIOMAP handshake (or a sign that the boot
went past it or failed), stops the machine over QMP, saves that buffer with
pmemsave, quits QEMU and checks the memory console:
    bt_init     "BT: Interface initialized, IO 0x00e4"  (bt_init read the
                device tree node the machine made from the device)
    bt_irq      "BT: Using LPC IRQ 10"
    bt_caps     "BT: BMC BT capabilities received:" then "buffer sizes: 256
                input 256 output", "number of requests: 1", "msg timeout: 10
                max retries: 0": Get BT Interface Capabilities (App NetFn,
                0x36) answered over BT with 1 request, 0xff/0xff bytes, 10 s,
                0 retries (skiboot adds 1 to the buffer sizes)
    hiomap      "HIOMAP: Negotiated hiomap protocol v2", "HIOMAP: Block size
                is 4KiB", "HIOMAP: Flash size is 128MiB": OEM requests
                answered through the simulator's registered NetFn
    no_errors   none of the BT driver's error lines (timeout, retry, bad
                length, queue overflow, unmatched sequence number) nor
                core/ipmi.c's "Incorrect cmd/netfn in response" (a response
                must carry the request's command and NetFn + 1) or "Got
                error response" (a completion code other than 0)
Without a kernel skiboot ends with "FATAL: Kernel is zeros", later than the
evidence; the test never waits for that.  Exit status 0 when every check
passes, 1 otherwise (QEMU exited or --timeout passed before the evidence,
memory console unreadable, a check failed).
"""

import argparse
import json
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from checks import Checks  # noqa: E402  (tests/guest/checks.py)

INMEM_CON_START = 0x31000000
INMEM_CON_OUT_LEN = 0x100000 - 16

# Serial lines after which the evidence is in the memory console, or will never be.
DONE_MARKER = "HIOMAP: Erase granule size is"
GIVE_UP_MARKERS = ["INIT: Waiting for kernel", "FATAL:", "assert failed"]

CHECKS = [
    ("bt_init", ["BT: Interface initialized, IO 0x00e4"]),
    ("bt_irq", ["BT: Using LPC IRQ 10"]),
    ("bt_caps", ["BT: BMC BT capabilities received:",
                 "BT: buffer sizes: 256 input 256 output",
                 "BT: number of requests: 1",
                 "BT: msg timeout: 10 max retries: 0"]),
    ("hiomap", ["HIOMAP: Negotiated hiomap protocol v2",
                "HIOMAP: Block size is 4KiB",
                "HIOMAP: Flash size is 128MiB"]),
]
ERROR_RE = re.compile(r"^BT: .*(Timeout sending message|Retry sending message|"
                      r"Invalid resp_len|Maximum queue length|Removed from queue)"
                      r"|Nobody cared about a response"
                      r"|^IPMI: (Incorrect (cmd|netfn)|Got error response)")
ALL_CHECKS = ["evidence", "memcons"] + [name for name, _ in CHECKS] + ["no_errors"]
# "[    0.154163947,6] BT: Interface initialized, IO 0x00e4"
LOG_RE = re.compile(r"^\[\s*(\d+\.\d+),(\d)\] (.*)$")
TAIL_LINES = 40


class Qmp:
    """Just enough of QMP: commands in, their return (events skipped)."""

    def __init__(self, path, timeout):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.file = self.sock.makefile("rw", encoding="utf-8")
        json.loads(self.file.readline())  # greeting
        self.run("qmp_capabilities")

    def run(self, command, **arguments):
        message = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self.file.write(json.dumps(message) + "\n")
        self.file.flush()
        while True:
            line = self.file.readline()
            if not line:
                raise EOFError("QMP closed during %s" % command)
            reply = json.loads(line)
            if "error" in reply:
                raise RuntimeError("%s: %s" % (command, reply["error"].get("desc")))
            if "return" in reply:
                return reply["return"]

    def close(self):
        self.file.close()
        self.sock.close()


def watch_console(proc, start, deadline):
    """Reads serial lines until a marker, EOF or the deadline.

    Returns (lines, how it ended, seconds from start to the done marker)."""
    lines = []
    pending = b""
    fd = proc.stdout.fileno()
    selector = selectors.DefaultSelector()
    selector.register(fd, selectors.EVENT_READ)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return lines, "timeout", None
        if not selector.select(timeout=left):
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            return lines, "exit", None
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for raw in complete:
            line = raw.decode("utf-8", "replace").rstrip("\r")
            lines.append(line)
            if DONE_MARKER in line:
                return lines, "done", time.monotonic() - start
            if any(marker in line for marker in GIVE_UP_MARKERS):
                return lines, "gave up at %r" % line, None


def save_memcons(qmp_path, dump_path):
    """Stops the guest, saves skiboot's memory console, quits QEMU."""
    qmp = Qmp(qmp_path, timeout=10)
    try:
        qmp.run("stop")
        qmp.run("pmemsave", val=INMEM_CON_START, size=INMEM_CON_OUT_LEN,
                filename=dump_path)
        qmp.run("quit")
    finally:
        qmp.close()
    with open(dump_path, "rb") as handle:
        data = handle.read()
    return data.split(b"\0", 1)[0].decode("utf-8", "replace")


def log_messages(text):
    """skiboot log text -> [(seconds, level, message)]."""
    messages = []
    for line in text.splitlines():
        match = LOG_RE.match(line)
        if match:
            messages.append((float(match.group(1)), int(match.group(2)), match.group(3)))
    return messages


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--qemu", required=True, help="qemu-system-ppc64 binary")
    parser.add_argument("--firmware-dir", required=True,
                        help="folder with skiboot.lid (make-firmware-dir.sh)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds until the evidence must be there (default 60)")
    parser.add_argument("--skip", action="append", default=[], choices=ALL_CHECKS,
                        help="leave out one check (repeatable)")
    parser.add_argument("--console-log", metavar="FILE",
                        help="save the serial console and the memory console to FILE")
    args = parser.parse_args(argv)

    skiboot = os.path.join(os.path.abspath(args.firmware_dir), "skiboot.lid")
    for label, path in (("--qemu", args.qemu), ("skiboot", skiboot)):
        if not os.path.isfile(path):
            sys.stderr.write("test_powernv_skiboot: %s %s: no such file\n" % (label, path))
            return 2

    checks = Checks(args.skip, 10)
    check = checks.check

    tmp = tempfile.mkdtemp(prefix="powernv-")
    qmp_path = os.path.join(tmp, "qmp.sock")
    cmd = [args.qemu, "-M", "powernv", "-accel", "tcg", "-display", "none",
           "-no-reboot", "-L", os.path.dirname(skiboot), "-bios", skiboot,
           "-chardev", "stdio,id=con0,signal=off", "-serial", "chardev:con0",
           "-monitor", "none", "-qmp", "unix:%s,server=on,wait=off" % qmp_path]
    print("running:", " ".join(cmd))
    stderr_file = tempfile.TemporaryFile(dir=tmp)
    start = time.monotonic()
    memcons = ""
    memcons_error = None
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=stderr_file)
    try:
        serial, ending, evidence_at = watch_console(proc, start, start + args.timeout)
        if ending == "exit":
            # The console closes as QEMU ends: nothing left to read over QMP.
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            ending = "QEMU exited, status %s" % proc.returncode
            memcons_error = "not read: " + ending
        else:
            try:
                memcons = save_memcons(qmp_path, os.path.join(tmp, "memcons.bin"))
            except (OSError, EOFError, RuntimeError, ValueError) as error:
                memcons_error = "not read: %s" % error
    finally:
        if proc.poll() is None:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        wall = time.monotonic() - start
        stderr_file.seek(0)
        qemu_stderr = stderr_file.read().decode("utf-8", "replace").strip()
        stderr_file.close()
        shutil.rmtree(tmp, ignore_errors=True)

    if args.console_log:
        with open(args.console_log, "w", encoding="utf-8") as handle:
            handle.write("==== serial console\n%s\n==== memory console\n%s\n"
                         % ("\n".join(serial), memcons))

    check("evidence", ending == "done",
          "serial console reached %r after %.2f s" % (DONE_MARKER, evidence_at)
          if ending == "done" else "serial console ended (%s) before %r"
          % (ending if ending != "timeout" else "timeout after %.0f s" % args.timeout,
             DONE_MARKER))
    messages = log_messages(memcons)
    check("memcons", bool(messages) and messages[0][2].startswith("OPAL "),
          "skiboot's memory console at 0x%x: %d log lines%s" % (
              INMEM_CON_START, len(messages),
              " (%s)" % memcons_error if memcons_error else ""))

    texts = [text for _, _, text in messages]
    relevant = [(t, l, text) for t, l, text in messages
                if text.startswith(("BT:", "IPMI:", "HIOMAP:"))]
    if relevant:
        print("---- BT, IPMI and HIOMAP lines of the memory console")
        for stamp, level, text in relevant:
            print("[%12.6f,%d] %s" % (stamp, level, text))
        print("----")
    for name, wanted in CHECKS:
        missing = [line for line in wanted if line not in texts]
        check(name, not missing, "found %r" % wanted[0] if not missing
              else "memory console lacks %r" % missing)
    errors = [text for text in texts if ERROR_RE.search(text)]
    check("no_errors", bool(messages) and not errors,
          "no BT or IPMI error lines" if not errors else "error lines: %r" % errors)

    if checks.failures:
        print("---- last serial console lines")
        print("\n".join(serial[-TAIL_LINES:]) or "(empty)")
        if qemu_stderr:
            print("---- QEMU stderr\n" + qemu_stderr)
    elif qemu_stderr:
        print("QEMU stderr: " + qemu_stderr.replace("\n", " | "))
    print("start-to-evidence: %s" % ("%.2f s" % evidence_at if evidence_at else "n/a"))
    print("test wall time: %.2f s" % wall)
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
