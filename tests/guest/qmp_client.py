# SPDX-License-Identifier: GPL-2.0-or-later
"""A QMP connection to a QEMU the test started with -qmp unix:PATH,server=on,wait=off."""

import json
import socket
import time


class Qmp:
    """Connects (QEMU creates the socket a moment after it starts) and negotiates."""

    def __init__(self, path, name, exited=lambda: None, attempts=400):
        self.name = name
        self.events = []                           # read while waiting for a reply
        self.sock = self._connect(path, exited, attempts)
        self.file = self.sock.makefile("rw")
        self.file.readline()                       # the greeting
        self.command("qmp_capabilities")

    def _connect(self, path, exited, attempts):
        for _ in range(attempts):
            why = exited()
            if why is not None:
                raise RuntimeError("%s QEMU exited: %s" % (self.name, why))
            try:
                sock = socket.socket(socket.AF_UNIX)
                sock.connect(path)
                return sock
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("%s QEMU: no QMP socket at %s" % (self.name, path))

    def command(self, command, **arguments):
        """The command's return value; an error reply raises RuntimeError."""
        self.file.write(json.dumps({"execute": command, "arguments": arguments}) + "\n")
        self.file.flush()
        while True:
            line = self.file.readline()
            if not line:
                raise RuntimeError("%s QEMU closed QMP during %s" % (self.name, command))
            reply = json.loads(line)
            if "event" in reply:
                self.events.append(reply)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise RuntimeError("%s: %s: %s" % (self.name, command,
                                                   reply["error"]["desc"]))

    def wait_event(self, name, timeout):
        """The first event called `name` not waited for yet (events before it are
        dropped), or None if none comes within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            while self.events:
                event = self.events.pop(0)
                if event["event"] == name:
                    return event
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                line = self.file.readline()
            except (socket.timeout, OSError):
                return None
            finally:
                self.sock.settimeout(None)
            if not line:
                return None
            reply = json.loads(line)
            if "event" in reply:
                self.events.append(reply)
