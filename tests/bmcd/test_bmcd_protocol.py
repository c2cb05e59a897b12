#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""ipmi-bmcd from the outside: the built daemon, a configuration written here, and a
VM side written here too (a README.vm framer of its own, so that the daemon's codec is
not checked against itself).

Each test starts the daemon on a loopback port the kernel picks (tcp=127.0.0.1:0; the
port is read from the daemon's "listening on TCP" line) and on a UNIX socket in a
temporary directory, then speaks to it as QEMU's ipmi-bmc-extern does: VERSION and
CAPABILITIES, then requests.

usage: test_bmcd_protocol.py --daemon PATH/TO/ipmi-bmcd [unittest options]
"""
import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

DAEMON = None

# README.vm framing (spec/vm.yaml).
MESSAGE_END = 0xA0
COMMAND_END = 0xA1
ESCAPE = 0xAA
ESCAPE_BIT = 0x10
SPECIAL = (MESSAGE_END, COMMAND_END, ESCAPE)

CMD_NOATTN = 0x00
CMD_ATTN = 0x01
CMD_POWEROFF = 0x03
CMD_RESET = 0x04
CMD_DISABLE_IRQ = 0x06
CMD_SEND_NMI = 0x07
CMD_CAPABILITIES = 0x08
CMD_VERSION = 0xFF
CAPABILITIES_ALL = 0x3F
PROTOCOL_VERSION = 1

NETFN_CHASSIS = 0x00
NETFN_APP = 0x06
NETFN_STORAGE = 0x0A
CHASSIS_CONTROL = 0x02
GET_DEVICE_ID = 0x01
RESET_WATCHDOG_TIMER = 0x22
SET_WATCHDOG_TIMER = 0x24
GET_SEL_INFO = 0x40
GET_SEL_ENTRY = 0x43
ADD_SEL_ENTRY = 0x44

TIMEOUT = 10.0


def escaped(data):
    out = bytearray()
    for b in data:
        if b in SPECIAL:
            out += bytes([ESCAPE, b | ESCAPE_BIT])
        else:
            out.append(b)
    return bytes(out)


def message_frame(seq, message, checksum=None):
    """seq, the message, the checksum that makes the frame sum to 0, the end marker."""
    body = bytes([seq]) + bytes(message)
    if checksum is None:
        checksum = -sum(body) & 0xFF
    return escaped(body + bytes([checksum])) + bytes([MESSAGE_END])


def command_frame(code, args=b""):
    return escaped(bytes([code]) + bytes(args)) + bytes([COMMAND_END])


def request(netfn, cmd, data=b""):
    return bytes([netfn << 2, cmd]) + bytes(data)


class Frames:
    """Cuts what the BMC sends into frames: ("message", seq, message) with the checksum
    checked and dropped, or ("command", code, args)."""

    def __init__(self):
        self.body = bytearray()
        self.escape = False

    def feed(self, data):
        frames = []
        for b in data:
            if self.escape:
                self.body.append(b & ~ESCAPE_BIT)
                self.escape = False
            elif b == ESCAPE:
                self.escape = True
            elif b in (MESSAGE_END, COMMAND_END):
                frames.append(self.finish(b))
            else:
                self.body.append(b)
        return frames

    def finish(self, marker):
        body, self.body = bytes(self.body), bytearray()
        if marker == COMMAND_END:
            return ("command", body[0], body[1:])
        if sum(body) & 0xFF != 0:
            raise AssertionError(f"response frame with a bad checksum: {body.hex()}")
        return ("message", body[0], body[1:-1])


class VM:
    """The VM side of one connection."""

    def __init__(self, sock):
        self.sock = sock
        self.sock.settimeout(TIMEOUT)
        self.frames = Frames()
        self.pending = []
        self.commands = []

    @classmethod
    def tcp(cls, port):
        sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(sock)

    @classmethod
    def unix(cls, path):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(path)
        return cls(sock)

    def close(self):
        self.sock.close()

    def send(self, data):
        self.sock.sendall(data)

    def send_in_pieces(self, data, cuts):
        """data written in several writes, cut at each offset in cuts."""
        start = 0
        for cut in list(cuts) + [len(data)]:
            self.sock.sendall(data[start:cut])
            time.sleep(0.05)    # each piece its own segment: the daemon reads them apart
            start = cut

    def next_frame(self):
        deadline = time.monotonic() + TIMEOUT
        while not self.pending:
            if time.monotonic() > deadline:
                raise AssertionError("the BMC sent nothing")
            data = self.sock.recv(4096)
            if not data:
                raise AssertionError("the BMC closed the connection")
            self.pending += self.frames.feed(data)
        return self.pending.pop(0)

    def next_message(self):
        """The next response; the control commands before it are kept in self.commands."""
        while True:
            frame = self.next_frame()
            if frame[0] == "message":
                return frame[1], frame[2]
            self.commands.append((frame[1], frame[2]))

    def hello(self, capabilities=CAPABILITIES_ALL):
        """What ipmi-bmc-extern sends when the stream opens."""
        self.send(command_frame(CMD_VERSION, [PROTOCOL_VERSION]))
        self.send(command_frame(CMD_CAPABILITIES, [capabilities]))

    def next_command(self):
        """The next control command; a response before it is an error."""
        if self.commands:
            return self.commands.pop(0)
        frame = self.next_frame()
        if frame[0] != "command":
            raise AssertionError(f"a response where a command was due: {frame}")
        return frame[1], frame[2]

    def ask(self, seq, message):
        self.send(message_frame(seq, message))
        got_seq, response = self.next_message()
        if got_seq != seq:
            raise AssertionError(f"response to {got_seq:#x}, expected {seq:#x}")
        return response


class Daemon:
    """ipmi-bmcd on a configuration file, its log in a file beside it."""

    def __init__(self, workdir, config_text):
        self.workdir = workdir
        self.config = os.path.join(workdir, "bmcd.conf")
        self.socket_path = os.path.join(workdir, "bmcd.sock")
        self.state = os.path.join(workdir, "sel.state")
        self.log_path = os.path.join(workdir, "bmcd.log")
        with open(self.config, "w", encoding="utf-8") as f:
            f.write(config_text.format(socket=self.socket_path, state=self.state))
        self.proc = None
        self.port = None
        self.runs = 0

    def start(self):
        self.runs += 1
        self.log_path = os.path.join(self.workdir, f"bmcd-{self.runs}.log")
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen([DAEMON, "--config", self.config, "--verbose"],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + TIMEOUT
        while "ipmi-bmcd: ready" not in self.text():
            if self.proc.poll() is not None:
                raise AssertionError(f"the daemon exited {self.proc.returncode}:\n{self.text()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the daemon did not get ready:\n{self.text()}")
            time.sleep(0.05)
        found = re.search(r"listening on TCP 127\.0\.0\.1:(\d+)", self.text())
        if not found:
            raise AssertionError(f"no TCP port in the log:\n{self.text()}")
        self.port = int(found.group(1))

    def text(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        try:
            status = self.proc.wait(timeout=TIMEOUT)
        finally:
            self.log.close()
        return status

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
            self.log.close()


CONFIG = """\
# written by test_bmcd_protocol.py
[bmc]
device_id = 0x42
device_rev = 3
fwrev1 = 1
fwrev2 = 0x23
ipmi_version = 0x02
mfg_id = 0x012345
product_id = 0xbeef
guid = 4b3e1a52-9d2c-4f6e-8a71-0c5d3e9f2b14

[daemon]
tcp = 127.0.0.1:0
unix = {socket}
state = {state}
"""

# A system event record for Add SEL Entry: the BMC writes its id (bytes 0-1) and, for
# type 02h, its timestamp (bytes 3-6); the rest stays as sent.
SEL_RECORD = bytes([0x00, 0x00, 0x02, 0, 0, 0, 0, 0x41, 0x00, 0x04, 0x01, 0x05, 0x01,
                    0x57, 0x12, 0x34])


class DaemonTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="bmcd-test-")
        self.daemon = Daemon(self.tmp.name, CONFIG)
        self.vms = []

    def tearDown(self):
        for vm in self.vms:
            vm.close()
        self.daemon.kill()
        self.tmp.cleanup()

    def connect_tcp(self):
        vm = VM.tcp(self.daemon.port)
        self.vms.append(vm)
        return vm

    def connect_unix(self):
        vm = VM.unix(self.daemon.socket_path)
        self.vms.append(vm)
        return vm

    def check_device_id(self, rsp):
        self.assertEqual(rsp[0:3], bytes([(NETFN_APP | 1) << 2, GET_DEVICE_ID, 0x00]),
                         "Get Device ID: header and completion code 00h")
        self.assertGreaterEqual(len(rsp), 3 + 11)
        self.assertEqual(rsp[3], 0x42, "device id from the configuration")
        self.assertEqual(rsp[4] & 0x0F, 3, "device revision")
        self.assertEqual(rsp[5] & 0x7F, 1, "firmware revision 1")
        self.assertEqual(rsp[6], 0x23, "firmware revision 2")
        self.assertEqual(rsp[7], 0x02, "IPMI version")
        self.assertEqual(rsp[9:12], bytes([0x45, 0x23, 0x01]), "manufacturer id")
        self.assertEqual(rsp[12:14], bytes([0xEF, 0xBE]), "product id")

    def test_version_first_then_device_id_in_pieces(self):
        self.daemon.start()
        vm = self.connect_tcp()
        kind, code, args = vm.next_frame()
        self.assertEqual((kind, code, bytes(args)), ("command", CMD_VERSION,
                                                     bytes([PROTOCOL_VERSION])),
                         "the BMC announces its version first")
        vm.hello()
        # Sequence byte A0h travels escaped (AAh B0h): the first cut falls between the
        # escape and the byte it stands for, the others inside the message.
        frame = message_frame(0xA0, request(NETFN_APP, GET_DEVICE_ID))
        self.assertEqual(frame[:2], bytes([ESCAPE, 0xB0]))
        vm.send_in_pieces(frame, [1, 2, 3, len(frame) - 1])
        seq, rsp = vm.next_message()
        self.assertEqual(seq, 0xA0)
        self.check_device_id(rsp)
        # The BMC told the VM its interrupt enable and attention (both off) on CAPABILITIES.
        codes = [c for c, _ in vm.commands]
        self.assertIn(CMD_DISABLE_IRQ, codes)
        self.assertIn(CMD_NOATTN, codes)

    def test_bad_checksum_is_dropped(self):
        self.daemon.start()
        vm = self.connect_tcp()
        vm.hello()
        good = request(NETFN_APP, GET_DEVICE_ID)
        bad_checksum = (-sum(bytes([5]) + good) + 1) & 0xFF
        vm.send(message_frame(5, good, checksum=bad_checksum) + message_frame(6, good))
        seq, rsp = vm.next_message()
        self.assertEqual(seq, 6, "only the frame with the good checksum is answered")
        self.check_device_id(rsp)
        # Nothing was answered for 5 later either: the next answer is the next request's.
        self.assertEqual(vm.ask(7, good)[3], 0x42)
        self.assertIn("bad frame (a bad checksum", self.daemon.text())

    def test_unix_socket(self):
        self.daemon.start()
        vm = self.connect_unix()
        vm.hello()
        self.check_device_id(vm.ask(1, request(NETFN_APP, GET_DEVICE_ID)))
        self.assertIn("from UNIX socket", self.daemon.text())

    def test_sel_survives_restart(self):
        self.daemon.start()
        vm = self.connect_tcp()
        vm.hello()
        rsp = vm.ask(1, request(NETFN_STORAGE, ADD_SEL_ENTRY, SEL_RECORD))
        self.assertEqual(rsp[:3], bytes([(NETFN_STORAGE | 1) << 2, ADD_SEL_ENTRY, 0x00]))
        record_id = rsp[3:5]

        self.assertEqual(self.daemon.stop(signal.SIGTERM), 0, "SIGTERM: exit status 0")
        self.assertFalse(os.path.exists(self.daemon.socket_path),
                         "the daemon removed its UNIX socket")
        self.assertTrue(os.path.exists(self.daemon.state), "the state file is there")
        vm.close()
        self.vms.remove(vm)

        self.daemon.start()
        self.assertIn("SEL restored from", self.daemon.text())
        vm = self.connect_unix()
        vm.hello()
        info = vm.ask(2, request(NETFN_STORAGE, GET_SEL_INFO))
        self.assertEqual(info[2], 0x00)
        self.assertEqual(info[4:6], bytes([1, 0]), "one SEL entry after the restart")
        rsp = vm.ask(3, request(NETFN_STORAGE, GET_SEL_ENTRY,
                                bytes([0, 0]) + record_id + bytes([0, 0xFF])))
        self.assertEqual(rsp[:3], bytes([(NETFN_STORAGE | 1) << 2, GET_SEL_ENTRY, 0x00]))
        entry = rsp[5:]
        self.assertEqual(len(entry), 16)
        self.assertEqual(entry[0:2], record_id, "the record keeps its id")
        self.assertEqual(entry[2], 0x02)
        self.assertEqual(entry[7:], SEL_RECORD[7:], "the record's event bytes")

    def test_watchdog_acts_through_the_timer(self):
        self.daemon.start()
        vm = self.connect_tcp()
        vm.hello()
        # SMS/OS use, pre-timeout NMI 1 s before a hard reset, countdown 1.5 s.
        rsp = vm.ask(1, request(NETFN_APP, SET_WATCHDOG_TIMER,
                                [0x04, 0x21, 1, 0, 15, 0]))
        self.assertEqual(rsp[2], 0x00)
        self.assertEqual(vm.ask(2, request(NETFN_APP, RESET_WATCHDOG_TIMER))[2], 0x00)
        vm.commands.clear()     # the interface state told on CAPABILITIES
        started = time.monotonic()
        self.assertEqual(vm.next_command()[0], CMD_SEND_NMI, "the pre-timeout NMI")
        nmi_at = time.monotonic() - started
        self.assertEqual(vm.next_command()[0], CMD_RESET, "the timeout's hard reset")
        reset_at = time.monotonic() - started
        self.assertGreater(nmi_at, 0.3)
        self.assertGreater(reset_at, 1.3)
        self.assertLess(reset_at, 5.0)
        # The timeout is logged in the SEL, which the daemon saved.
        with open(self.daemon.state, encoding="utf-8") as f:
            self.assertRegex(f.read(), r"count=[1-9]")

    def test_commands_need_their_capability(self):
        self.daemon.start()
        vm = self.connect_tcp()
        vm.hello(capabilities=0)
        # Chassis Control: power down. The VM did not say it can: no POWEROFF.
        rsp = vm.ask(1, request(NETFN_CHASSIS, CHASSIS_CONTROL, [0x00]))
        self.assertEqual(rsp[2], 0x00)
        self.check_device_id(vm.ask(2, request(NETFN_APP, GET_DEVICE_ID)))
        self.assertEqual([c for c, _ in vm.commands], [CMD_VERSION],
                         "no command the VM cannot act on, only the BMC's VERSION")

        vm = self.connect_tcp()
        vm.hello(capabilities=0x01)     # POWER
        rsp = vm.ask(1, request(NETFN_CHASSIS, CHASSIS_CONTROL, [0x00]))
        self.assertEqual([c for c, _ in vm.commands], [CMD_VERSION])
        vm.commands.clear()
        self.assertEqual(vm.next_command()[0], CMD_POWEROFF, "after the response")
        self.assertIn("sent POWEROFF", self.daemon.text())

    def test_bad_state_file(self):
        with open(self.daemon.state, "w", encoding="utf-8") as f:
            f.write("[sel]\nformat=1\nnext-id=3\ncount=2\nentries=0100")    # cut short
        self.daemon.start()
        log = self.daemon.text()
        self.assertRegex(log, "warning: state file " + re.escape(self.daemon.state) + ": ")
        self.assertTrue(os.path.exists(self.daemon.state + ".bad"), "kept aside")
        vm = self.connect_tcp()
        vm.hello()
        info = vm.ask(1, request(NETFN_STORAGE, GET_SEL_INFO))
        self.assertEqual(info[2:6], bytes([0x00, 0x51, 0, 0]), "an empty SEL")

    def test_vm_that_does_not_read(self):
        """Responses wait for a VM that sends and does not read, the daemon stops reading
        from it, every other VM is served meanwhile, and none of its responses is lost."""
        self.daemon.start()
        greedy = self.connect_unix()
        greedy.hello()
        count = 40000
        frames = b"".join(message_frame(i & 0xFF, request(NETFN_APP, GET_DEVICE_ID))
                          for i in range(count))
        writer = threading.Thread(target=greedy.send, args=(frames,), daemon=True)
        writer.start()
        deadline = time.monotonic() + TIMEOUT
        while "reading paused" not in self.daemon.text():
            self.assertLess(time.monotonic(), deadline, "the daemon never paused reading")
            time.sleep(0.05)
        polite = self.connect_tcp()
        polite.hello()
        self.check_device_id(polite.ask(9, request(NETFN_APP, GET_DEVICE_ID)))
        for i in range(count):
            seq, rsp = greedy.next_message()
            self.assertEqual(seq, i & 0xFF)
            self.assertEqual(rsp[2], 0x00)
        writer.join(TIMEOUT)
        self.assertFalse(writer.is_alive())

    def test_half_closed_vm_gets_its_responses(self):
        self.daemon.start()
        vm = self.connect_tcp()
        vm.hello()
        vm.send(b"".join(message_frame(seq, request(NETFN_APP, GET_DEVICE_ID))
                         for seq in (1, 2, 3)))
        vm.sock.shutdown(socket.SHUT_WR)
        self.assertEqual([vm.next_message()[0] for _ in range(3)], [1, 2, 3])
        self.assertEqual(vm.sock.recv(1), b"", "then the daemon closes the connection")

    def test_bad_config_names_file_and_line(self):
        path = os.path.join(self.tmp.name, "bad.conf")
        with open(path, "w", encoding="utf-8") as f:
            f.write("[bmc]\ndevice_id = 0x20\nthis line is wrong\n")
        r = subprocess.run([DAEMON, "--config", path, "--tcp", "127.0.0.1:0"],
                           capture_output=True, text=True, timeout=TIMEOUT)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(f"{path}:3: ", r.stderr)

        with open(path, "w", encoding="utf-8") as f:
            f.write("[bmc]\n\n# the range is 0 to 255\ndevice_id = 256\n")
        r = subprocess.run([DAEMON, "--config", path, "--check"],
                           capture_output=True, text=True, timeout=TIMEOUT)
        self.assertNotEqual(r.returncode, 0)
        self.assertRegex(r.stderr, "^" + re.escape(path) + r":4: device_id: ")

    def test_help(self):
        r = subprocess.run([DAEMON, "--help"], capture_output=True, text=True,
                           timeout=TIMEOUT)
        self.assertEqual(r.returncode, 0)
        self.assertIn("--config", r.stdout)


def main():
    global DAEMON
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--daemon", required=True, help="the ipmi-bmcd executable")
    args, rest = parser.parse_known_args()
    DAEMON = os.path.abspath(args.daemon)
    unittest.main(argv=[sys.argv[0], "-v"] + rest)


if __name__ == "__main__":
    main()
