# SPDX-License-Identifier: GPL-2.0-or-later
"""A loopback relay between QEMU's ipmi-bmc-extern and an external BMC that watches
the requests going by, so a test can act when the guest reaches a point it marks
with a request of its own (an IPMI command nothing else sends).

    tap = VmTap(bmc_port)                  # QEMU connects to tap.port instead
    tap.wait_request(0x06, 0x04, timeout)  # the guest sent App Get Self Test Results

While the BMC is down a connection from QEMU is closed at once, so QEMU sees the BMC
gone, as it would without the relay. Frames are cut at README.vm's markers and
unescaped here on their own (not with the project's codec).
"""

import socket
import threading
import time

MESSAGE_END = 0xA0
COMMAND_END = 0xA1
ESCAPE = 0xAA


class VmTap:
    def __init__(self, bmc_port):
        self.bmc_port = bmc_port
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.port = self.listener.getsockname()[1]
        self.requests = []          # (netfn, cmd) of every request seen, in order
        self.cond = threading.Condition()
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self):
        self.closed = True
        self.listener.close()

    def wait_request(self, netfn, cmd, timeout, after=0):
        """Index of the first request (netfn, cmd) at or after index `after`, or None
        if none comes within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for index in range(after, len(self.requests)):
                    if self.requests[index] == (netfn, cmd):
                        return index
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def _accept(self):
        while not self.closed:
            try:
                vm, _ = self.listener.accept()
            except OSError:
                return
            try:
                bmc = socket.create_connection(("127.0.0.1", self.bmc_port), timeout=1)
            except OSError:
                vm.close()          # the BMC is down: QEMU must see it gone
                continue
            bmc.settimeout(None)
            threading.Thread(target=self._pump, args=(vm, bmc, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(bmc, vm, False), daemon=True).start()

    def _pump(self, src, dst, from_vm):
        frame = bytearray()
        escape = False
        try:
            while True:
                data = src.recv(4096)
                if not data:
                    break
                dst.sendall(data)
                if not from_vm:
                    continue
                for byte in data:
                    if byte in (MESSAGE_END, COMMAND_END):
                        if byte == MESSAGE_END and len(frame) >= 4:
                            self._seen(frame[1] >> 2, frame[2])
                        frame.clear()
                    elif byte == ESCAPE:
                        escape = True
                    else:
                        frame.append(byte & ~0x10 if escape else byte)
                        escape = False
        except OSError:
            pass
        for sock in (src, dst):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _seen(self, netfn, cmd):
        with self.cond:
            self.requests.append((netfn, cmd))
            self.cond.notify_all()
