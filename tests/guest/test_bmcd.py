#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: our BMC daemon, ipmi-bmcd, behind Debian's stock QEMU and behind ours.

    test_bmcd.py --daemon IPMI_BMCD --stock STOCK_QEMU --qemu QEMU
                 --firmware-dir DIR --kernel VMLINUZ --initrd INITRD [--skip NAME ...]

Starts ipmi-bmcd with a config written here (identity below, the default SDR
repository: the watchdog sensor's record) on a loopback port and a state file, and
boots the guest twice on
    -chardev socket,...,reconnect-ms=500 -device ipmi-bmc-extern,id=bmc0,chardev=...
    -device isa-ipmi-kcs,bmc=bmc0
first with the stock QEMU (upstream's ipmi-bmc-extern, an independent client of the
daemon's protocol), then, after the daemon was stopped with SIGTERM and started
again, with ours.

Checks (each can be left out with --skip NAME):
    guest        both boots reached their end marker
    stock_info   stock QEMU: "mc info" gives the config's identity (Device ID 81,
                 Manufacturer ID 4660, Product ID 22136, Firmware Revision 2.05)
    stock_sdr    stock QEMU: "sdr list" shows the watchdog sensor's record
    stock_sel    stock QEMU: "sel list" shows the event "ipmitool event 1" sent (a
                 temperature threshold event)
    restart      SIGTERM stops the daemon with exit status 0; it starts again
    ours_info    our QEMU: "mc info" gives the same identity
    sel_kept     our QEMU: "sel list" still shows the first boot's event, read back
                 from the state file by the restarted daemon
Exit status 0 when every check not skipped passes, 1 otherwise.
"""

import copy
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from checks import Checks  # noqa: E402
from guest_boot import Outputs, boot_shell, parse_fields, parse_test_args  # noqa: E402
from ipmi_sim_peer import free_port, listening  # noqa: E402

CHECKS = ["guest", "stock_info", "stock_sdr", "stock_sel", "restart", "ours_info",
          "sel_kept"]
CONFIG = """\
# ipmi-bmcd for test_bmcd.py
[bmc]
device_id=0x51
fwrev1=2
fwrev2=0x05
mfg_id=0x1234
product_id=0x5678

[daemon]
tcp=127.0.0.1:{port}
state={state}
"""
IDENTITY = {"Device ID": "81", "Manufacturer ID": "4660",
            "Product ID": "22136 (0x5678)", "Firmware Revision": "2.05"}

MC_INFO = "ipmitool mc info"
SDR_LIST = "ipmitool sdr list"
EVENT = "ipmitool event 1"
SEL_LIST = "ipmitool sel list"
FIRST = [MC_INFO, SDR_LIST, EVENT, SEL_LIST]
SECOND = [MC_INFO, SEL_LIST]


class Daemon:
    def __init__(self, binary, config, port, log_path):
        self.binary, self.config, self.port = binary, config, port
        self.log_path = log_path
        self.proc = None

    def start(self):
        log = open(self.log_path, "a", encoding="utf-8")
        self.proc = subprocess.Popen([self.binary, "--config", self.config, "--verbose"],
                                     stdin=subprocess.DEVNULL, stdout=log,
                                     stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + 10
        while not listening(self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("ipmi-bmcd did not start: " + self.log())
            time.sleep(0.05)

    def terminate(self):
        """SIGTERM; the exit status (None if it had to be killed)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()


def sel_events(text):
    """The 'sel list' lines naming a temperature event."""
    return [line for line in (text or "").splitlines() if "Temperature" in line]


def main(argv):
    args = parse_test_args(argv, __doc__.splitlines()[0], CHECKS, timeout=180, extra={
        "--daemon": {"required": True}, "--stock": {"required": True}})
    checks = Checks(args.skip, 10)
    with tempfile.TemporaryDirectory(prefix="bmcd-guest-") as tmp:
        port = free_port()
        config = os.path.join(tmp, "ipmi-bmcd.conf")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(CONFIG.format(port=port, state=os.path.join(tmp, "sel.state")))
        daemon = Daemon(args.daemon, config, port, os.path.join(tmp, "ipmi-bmcd.log"))
        qemu_args = ["-chardev", "socket,id=ipmi0,host=127.0.0.1,port=%d,reconnect-ms=500"
                     % port,
                     "-device", "ipmi-bmc-extern,id=bmc0,chardev=ipmi0",
                     "-device", "isa-ipmi-kcs,bmc=bmc0"]
        results = {}

        def both_booted(name, ok, detail):
            results[len(results)] = (ok, detail)

        daemon.start()
        try:
            stock_args = copy.copy(args)
            stock_args.qemu = args.stock
            first, _ = boot_shell(stock_args, both_booted, FIRST, qemu_args)
            status = daemon.terminate()
            restarted = True
            try:
                daemon.start()
            except RuntimeError as why:
                restarted = False
                print(why)
            checks.check("restart", status == 0 and restarted,
                         "SIGTERM: exit status %s; started again: %s" % (status, restarted))
            second = None
            if restarted:
                second, _ = boot_shell(args, both_booted, SECOND, qemu_args)
        finally:
            if daemon.proc and daemon.proc.poll() is None:
                daemon.terminate()
        checks.check("guest", len(results) == 2 and all(ok for ok, _ in results.values()),
                     "; ".join(detail for _, detail in results.values()))

        out1, out2 = Outputs(first), Outputs(second)
        for name, out in (("stock_info", out1), ("ours_info", out2)):
            fields = parse_fields(out(MC_INFO))
            got = {k: fields.get(k) for k in IDENTITY}
            checks.check(name, got == IDENTITY, "%s (want %s)" % (got, IDENTITY))
        sdr = out1(SDR_LIST) or ""
        checks.check("stock_sdr", "Watchdog" in sdr, "sdr list: %r" % sdr.strip())
        first_events = sel_events(out1(SEL_LIST))
        checks.check("stock_sel", len(first_events) == 1,
                     "sel list after ipmitool event 1: %s" % first_events)
        kept = sel_events(out2(SEL_LIST))
        checks.check("sel_kept", bool(first_events) and kept == first_events,
                     "after the restart: %s" % kept)
        if checks.failures or os.environ.get("BMCD_LOG"):
            print("ipmi-bmcd log:\n" + daemon.log())
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
