# SPDX-License-Identifier: GPL-2.0-or-later
"""OpenIPMI's ipmi_sim as the external BMC of a test: its config written by the test,
its VM-protocol socket and its LAN port on loopback, stopped and started at will.

    sim = IpmiSim(tmpdir)       # writes lan.conf and bmc.emu, picks two free ports
    sim.start(); ...; sim.kill(); sim.start(); ...; sim.stop()
    sim.qemu_args()             # -chardev ... -device ipmi-bmc-extern,id=bmc0,...
    sim.lan("chassis", "power", "reset")   # ipmitool over LAN, as an operator would
"""

import os
import shutil
import socket
import subprocess
import time

# The BMC's identity as ipmi_sim's mc_add gives it (all hexadecimal there): device id
# 0x21, revision 3, firmware 9.08, manufacturer 4753 (0x1291), product 3842 (0xf02).
DEVICE_ID = 0x21
MFG_ID = 0x1291
PRODUCT_ID = 0xF02
FIRMWARE = "9.08"
USER = "ipmiusr"
PASSWORD = "test"

LAN_CONF = """\
name "qtest"
set_working_mc 0x20
  startlan 1
    addr 127.0.0.1 {lan_port}
    priv_limit admin
    allowed_auths_callback none md2 md5 straight
    allowed_auths_user none md2 md5 straight
    allowed_auths_operator none md2 md5 straight
    allowed_auths_admin none md2 md5 straight
    guid a123456789abcdefa123456789abcdef
  endlan
  serial 15 127.0.0.1 {vm_port} codec VM
  user 1 true  ""        "{password}" user  10 none md2 md5 straight
  user 2 true  "{user}" "{password}" admin 10 none md2 md5 straight
"""

BMC_EMU = """\
mc_setbmc 0x20
mc_add 0x20 0x{device_id:x} no-device-sdrs 0x23 9 8 0x9f 0x{mfg_id:x} 0x{product_id:x}
sel_enable 0x20 1000 0x0a
mc_enable 0x20
"""


def free_port():
    """A loopback TCP port nobody listens on (a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port):
    """Whether a socket listens on the TCP port, read from /proc/net/tcp: a probe
    connection would not do, as ipmi_sim takes it for the VM, and after it hangs up
    ipmi_sim no longer opens LAN sessions."""
    want = ":%04X" % port
    with open("/proc/net/tcp", encoding="ascii") as handle:
        for line in handle.readlines()[1:]:
            fields = line.split()
            if fields[1].endswith(want) and fields[3] == "0A":  # TCP_LISTEN
                return True
    return False


class IpmiSim:
    """One ipmi_sim process at a time, on the same ports and state directory."""

    def __init__(self, tmpdir, binary="ipmi_sim"):
        self.binary = shutil.which(binary) or binary
        self.vm_port = free_port()
        self.lan_port = free_port()
        self.state_dir = os.path.join(tmpdir, "ipmi_sim-state")
        os.makedirs(self.state_dir, exist_ok=True)
        self.conf = os.path.join(tmpdir, "lan.conf")
        self.emu = os.path.join(tmpdir, "bmc.emu")
        self.log_path = os.path.join(tmpdir, "ipmi_sim.log")
        with open(self.conf, "w", encoding="utf-8") as handle:
            handle.write(LAN_CONF.format(lan_port=self.lan_port, vm_port=self.vm_port,
                                         user=USER, password=PASSWORD))
        with open(self.emu, "w", encoding="utf-8") as handle:
            handle.write(BMC_EMU.format(device_id=DEVICE_ID, mfg_id=MFG_ID,
                                        product_id=PRODUCT_ID))
        self.proc = None
        self.starts = 0

    def start(self, wait=10.0):
        """Starts ipmi_sim and waits until its VM socket listens."""
        log = open(self.log_path, "a", encoding="utf-8")
        self.proc = subprocess.Popen(
            [self.binary, "-c", self.conf, "-f", self.emu, "-s", self.state_dir, "-n"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self.starts += 1
        deadline = time.monotonic() + wait
        while not listening(self.vm_port):
            if self.proc.poll() is not None:
                raise RuntimeError("ipmi_sim exited (status %d); see %s"
                                   % (self.proc.returncode, self.log_path))
            if time.monotonic() > deadline:
                raise RuntimeError("ipmi_sim does not listen on port %d" % self.vm_port)
            time.sleep(0.05)

    def kill(self):
        """SIGKILL: the BMC vanishes with whatever it was doing."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def log(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return handle.read()
        except OSError:
            return ""

    def qemu_args(self, reconnect_ms=500):
        """A BMC with id bmc0 on this ipmi_sim, for any interface's bmc=bmc0."""
        return ["-chardev", "socket,id=ipmi0,host=127.0.0.1,port=%d,reconnect-ms=%d"
                % (self.vm_port, reconnect_ms),
                "-device", "ipmi-bmc-extern,id=bmc0,chardev=ipmi0"]

    def lan(self, *words, timeout=30):
        """ipmitool over IPMI 1.5 LAN to ipmi_sim: (exit status, output)."""
        cmd = ["ipmitool", "-I", "lan", "-H", "127.0.0.1", "-p", str(self.lan_port),
               "-U", USER, "-P", PASSWORD] + list(words)
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, timeout=timeout)
        return proc.returncode, proc.stdout.strip()
