#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Boot the IPMI test guest under QEMU (TCG) and run commands in it.

    run-guest.py --qemu PATH --firmware-dir DIR --kernel VMLINUZ
                 --initrd INITRAMFS [--timeout 120] [--cmd 'mc info' ...]
                 [--sh 'dmesg | grep -i ipmi' ...] [--json FILE]
                 [--append 'guest.debug=1'] [--console-log FILE]
                 [--check-rc] [--allow-reboot]
                 -- <extra QEMU arguments, e.g. the IPMI devices>

--cmd ARGS   runs "ipmitool ARGS" in the guest (a leading "ipmitool" in ARGS
             is accepted too); --sh LINE runs LINE with the guest's busybox
             sh.  Both may repeat; they run in the order given.  A command is
             a shell command line, so quoting works as in sh:
             --cmd 'user set name 2 "a b"'.

How commands reach the guest: they are not put on the kernel command line
(no length limit, no encoding).  Each command becomes one file
/guest/cmd.d/NNNN in a small uncompressed cpio archive (GNU cpio, newc) that
this script appends to a temporary copy of the initrd; Linux unpacks
concatenated archives in order, and the guest's /init runs the files in
name order.

QEMU runs as a child whose stdout (the serial console) a thread reads line
by line against a deadline: that and the framing below are all the console
handling there is, so neither expect nor pexpect is needed.

The guest frames each command on the serial console as
    ==== BEGIN <n>: <command>
    ...output (stdout and stderr)...
    ==== END <n> rc=<status>
and prints "==== GUEST DONE" before powering off.

--allow-reboot drops -no-reboot, so a guest reset (the BMC's watchdog, say)
boots the guest again with the same commands; the guest's "guest: init
started" line opens a new boot, each result records its boot (1, 2, ...)
and only the last boot must answer every command.

Exit status: 0 when the guest reached "==== GUEST DONE" (and, with
--check-rc, every command returned 0); 1 when QEMU stopped before that;
2 on usage errors; 3 on timeout (QEMU is killed); 4 when --check-rc found a
failing command.
"""

import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

KERNEL_CMDLINE = "console=ttyS0 quiet panic=-1"
BEGIN_RE = re.compile(r"^==== BEGIN (\d+): ")
END_RE = re.compile(r"==== END (\d+) rc=(\d+)\s*$")
DONE_LINE = "==== GUEST DONE"
BOOT_PREFIX = "guest: init started"
TAIL_LINES = 40
# After the guest said it is done, how long QEMU may take to power off.
POWEROFF_GRACE = 15.0


class CommandAction(argparse.Action):
    """Keeps --cmd and --sh in one list, in command-line order."""

    def __call__(self, parser, namespace, value, option_string=None):
        commands = getattr(namespace, "commands", None) or []
        if option_string == "--cmd":
            value = value.strip()
            if not (value == "ipmitool" or value.startswith("ipmitool ")):
                value = "ipmitool " + value
        commands.append(value)
        namespace.commands = commands


def parse_args(argv):
    if "--" in argv:
        cut = argv.index("--")
        own, extra = argv[:cut], argv[cut + 1:]
    else:
        own, extra = argv, []
    parser = argparse.ArgumentParser(
        description="Boot the IPMI test guest under QEMU/TCG and run commands.",
        epilog="Arguments after -- are passed to QEMU unchanged.")
    parser.add_argument("--qemu", required=True, help="qemu-system-x86_64 binary")
    parser.add_argument("--firmware-dir", required=True,
                        help="folder with qboot.rom etc. (make-firmware-dir.sh)")
    parser.add_argument("--kernel", required=True, help="guest vmlinuz")
    parser.add_argument("--initrd", required=True, help="guest initramfs.cpio.gz")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before QEMU is killed (default 120)")
    parser.add_argument("--cmd", action=CommandAction, dest="commands",
                        metavar="ARGS", help="run 'ipmitool ARGS' in the guest")
    parser.add_argument("--sh", action=CommandAction, dest="commands",
                        metavar="LINE", help="run a shell command line in the guest")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    parser.add_argument("--append", default="",
                        help="extra kernel command line words (e.g. guest.debug=1)")
    parser.add_argument("--memory", default="512", help="guest RAM (default 512)")
    parser.add_argument("--console-log", metavar="FILE",
                        help="save the whole serial console to FILE")
    parser.add_argument("--check-rc", action="store_true",
                        help="exit 4 unless every command returned 0")
    parser.add_argument("--allow-reboot", action="store_true",
                        help="let a guest reset boot the guest again (no -no-reboot)")
    parser.add_argument("--quiet", action="store_true",
                        help="print only the summary, not each command's output")
    args = parser.parse_args(own)
    args.commands = args.commands or []
    args.qemu_extra = extra
    return args


def make_initrd(base_path, commands, directory):
    """Copy of the initrd with /guest/cmd.d/NNNN appended; returns its path."""
    if len(commands) > 9999:
        raise ValueError("at most 9999 commands")
    tree = tempfile.mkdtemp(prefix="cmd-tree-", dir=directory)
    try:
        names = ["guest", "guest/cmd.d"]
        for name in names:
            os.mkdir(os.path.join(tree, name))
            os.chmod(os.path.join(tree, name), 0o755)
        for index, command in enumerate(commands, 1):
            names.append("guest/cmd.d/%04d" % index)
            with open(os.path.join(tree, names[-1]), "wb") as handle:
                handle.write(command.encode())
            os.chmod(os.path.join(tree, names[-1]), 0o644)
        archive = subprocess.run(
            ["cpio", "--quiet", "-o", "-H", "newc", "--reproducible", "-R", "0:0"],
            input="".join(name + "\n" for name in names).encode(),
            cwd=tree, stdout=subprocess.PIPE, check=True).stdout
    finally:
        shutil.rmtree(tree)
    with open(base_path, "rb") as handle:
        base = handle.read()
    handle = tempfile.NamedTemporaryFile(prefix="guest-initrd-", suffix=".img",
                                         dir=directory, delete=False)
    with handle:
        # Linux reads an uncompressed archive that follows another only from a
        # 4-byte aligned offset; it skips the zero bytes before it.
        handle.write(base + b"\0" * (-len(base) % 4) + archive)
    return handle.name


def reader(stream, sink):
    """Feeds (monotonic time, line) pairs from QEMU's stdout; None at EOF."""
    for raw in iter(stream.readline, b""):
        sink.put((time.monotonic(), raw.decode("utf-8", "replace")))
    sink.put(None)


class ConsoleParser:
    """Turns console lines into per-command results."""

    def __init__(self):
        self.lines = []
        self.results = []
        self.current = None
        self.done = False
        self.first_end_time = None
        self.boot = 0

    def feed(self, stamp, line):
        line = line.rstrip("\r\n").replace("\r", "")
        self.lines.append(line)
        if line.startswith(BOOT_PREFIX):
            # A reset cuts the command that was running.
            self.boot += 1
            self.current = None
            return
        if self.current is None:
            match = BEGIN_RE.match(line)
            if match:
                self.current = {"n": int(match.group(1)), "output": []}
            elif line.strip() == DONE_LINE:
                self.done = True
            return
        match = END_RE.search(line)
        if match and int(match.group(1)) == self.current["n"]:
            prefix = line[:match.start()]
            if prefix:
                self.current["output"].append(prefix)
            self.results.append({
                "boot": self.boot,
                "n": self.current["n"],
                "rc": int(match.group(2)),
                "output": "\n".join(self.current["output"]),
            })
            self.current = None
            if self.first_end_time is None:
                self.first_end_time = stamp
            return
        self.current["output"].append(line)

    def tail(self, count=TAIL_LINES):
        if not any(line.strip() for line in self.lines):
            return "(console empty: the kernel prints nothing before /init with 'quiet')"
        return "\n".join(self.lines[-count:])


def main(argv):
    args = parse_args(argv)

    for label, path in (("--qemu", args.qemu), ("--kernel", args.kernel),
                        ("--initrd", args.initrd)):
        if not os.path.isfile(path):
            sys.stderr.write("run-guest: %s %s: no such file\n" % (label, path))
            return 2
    qboot = os.path.join(args.firmware_dir, "qboot.rom")
    if not os.path.isfile(qboot):
        sys.stderr.write("run-guest: %s not found (run make-firmware-dir.sh)\n" % qboot)
        return 2

    tmpdir = tempfile.mkdtemp(prefix="run-guest-")
    initrd = make_initrd(args.initrd, args.commands, tmpdir)
    append = KERNEL_CMDLINE + (" " + args.append if args.append else "")
    qemu_cmd = [
        args.qemu,
        "-M", "q35", "-accel", "tcg", "-m", str(args.memory),
        # no VGA, no NIC, no monitor: only what the test asks for
        "-display", "none", "-nodefaults",
    ] + ([] if args.allow_reboot else ["-no-reboot"]) + [
        "-L", os.path.abspath(args.firmware_dir),
        "-bios", os.path.abspath(qboot),
        "-chardev", "stdio,id=con0,signal=off", "-serial", "chardev:con0",
        "-kernel", args.kernel, "-initrd", initrd, "-append", append,
    ] + args.qemu_extra

    parser = ConsoleParser()
    lines = queue.Queue()
    stderr_file = tempfile.TemporaryFile(dir=tmpdir)
    start = time.monotonic()
    status = 0
    message = None
    try:
        proc = subprocess.Popen(qemu_cmd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=stderr_file)
        thread = threading.Thread(target=reader, args=(proc.stdout, lines),
                                  daemon=True)
        thread.start()
        deadline = start + args.timeout
        eof = False
        grace_set = False
        while not eof:
            now = time.monotonic()
            if parser.done and not grace_set:
                deadline = min(deadline, now + POWEROFF_GRACE)
                grace_set = True
            if now >= deadline:
                break
            try:
                item = lines.get(timeout=deadline - now)
            except queue.Empty:
                continue
            if item is None:
                eof = True
            else:
                parser.feed(*item)
        if not eof:
            proc.kill()
            if not parser.done:
                status = 3
                message = ("run-guest: TIMEOUT after %.0f s: QEMU killed; the guest "
                           "did not reach '%s'" % (args.timeout, DONE_LINE))
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        thread.join(timeout=5)
        while True:
            try:
                item = lines.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                parser.feed(*item)
        wall = time.monotonic() - start
        if status == 0 and not parser.done:
            status = 1
            message = ("run-guest: QEMU exited (status %s) before the guest reached "
                       "'%s'" % (proc.returncode, DONE_LINE))
    finally:
        try:
            os.unlink(initrd)
        except OSError:
            pass
    stderr_file.seek(0)
    qemu_stderr = stderr_file.read().decode("utf-8", "replace").strip()
    stderr_file.close()
    try:
        os.rmdir(tmpdir)
    except OSError:
        pass

    if args.console_log:
        with open(args.console_log, "w", encoding="utf-8") as handle:
            handle.write("\n".join(parser.lines) + "\n")

    results = []
    for result in parser.results:
        index = result["n"] - 1
        cmd = args.commands[index] if 0 <= index < len(args.commands) else "?"
        results.append({"boot": result["boot"], "cmd": cmd, "rc": result["rc"],
                        "output": result["output"]})
    last_boot = [r for r in results if r["boot"] == parser.boot]

    boot_to_answer = None
    if parser.first_end_time is not None:
        boot_to_answer = round(parser.first_end_time - start, 3)

    if not args.quiet:
        for index, result in enumerate(results, 1):
            print("---- [%d] %s  (rc=%d%s)" % (
                index, result["cmd"], result["rc"],
                ", boot %d" % result["boot"] if parser.boot > 1 else ""))
            if result["output"]:
                print(result["output"])
    if message:
        print(message, file=sys.stderr)
        print("run-guest: last console lines:", file=sys.stderr)
        print(parser.tail(), file=sys.stderr)
        if qemu_stderr:
            print("run-guest: QEMU stderr:\n" + qemu_stderr, file=sys.stderr)
    elif qemu_stderr:
        print("run-guest: QEMU stderr: " + qemu_stderr, file=sys.stderr)

    if status == 0 and len(last_boot) != len(args.commands):
        status = 1
        print("run-guest: %d commands given, %d results parsed"
              % (len(args.commands), len(last_boot)), file=sys.stderr)
    if status == 0 and args.check_rc and any(r["rc"] != 0 for r in results):
        status = 4
        print("run-guest: a command returned non-zero (--check-rc)", file=sys.stderr)

    print("run-guest: %d/%d commands answered%s, boot-to-first-answer %s, wall %.2f s"
          % (len(last_boot), len(args.commands),
             " in boot %d" % parser.boot if parser.boot > 1 else "",
             "%.2f s" % boot_to_answer if boot_to_answer is not None else "n/a",
             wall))

    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({
                "boot_to_answer_seconds": boot_to_answer,
                "wall_seconds": round(wall, 3),
                "completed": parser.done,
                "boots": parser.boot,
                "exit_status": status,
                "qemu_command": qemu_cmd,
                "results": results,
            }, handle, indent=2)
            handle.write("\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
