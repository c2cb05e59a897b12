#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Live migration between stock QEMU and ours, in the middle of a KCS transfer.

    migrate-stock.py STOCK_QEMU OUR_QEMU FIRMWARE_DIR

Each case starts two machines (q35, qtest accelerator, isa-ipmi-kcs with ipmi-bmc-sim),
drives part of a Get Device ID through the KCS registers on the source, migrates it
over a unix socket to the destination, finishes the transfer there and checks the
answer. Cases: stock -> ours and ours -> stock, each stopped after two request bytes
(WRITE phase) and after three response bytes (READ phase), and ours -> ours; and
pci-ipmi-kcs idle both ways (its BAR is unmapped without firmware). Prints TAP.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

DATA, STATUS = 0xca2, 0xca3
WRITE_START, WRITE_END, READ = 0x61, 0x62, 0x68
# ipmi-bmc-sim's default device_id: Debian's 10.0.2 answers 20h whatever the property
# says, so both ends keep the default and every answer must carry it.
DEVICE_ID = 0x20


class Machine:
    def __init__(self, binary, firmware, tmp, name, device, incoming=None):
        self.qtest_path = os.path.join(tmp, name + '.qtest')
        self.qmp_path = os.path.join(tmp, name + '.qmp')
        self.log = open(os.path.join(tmp, name + '.log'), 'w+')
        args = [binary, '-L', firmware, '-nodefaults', '-display', 'none',
                '-M', 'pc-q35-10.0', '-accel', 'tcg', '-S', '-m', '128',
                '-qtest', 'unix:%s,server=on,wait=off' % self.qtest_path,
                '-qmp', 'unix:%s,server=on,wait=off' % self.qmp_path,
                '-device', 'ipmi-bmc-sim,id=bmc0',
                '-device', device + ',bmc=bmc0']
        if incoming:
            args += ['-incoming', incoming]
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        self.qtest = self._connect(self.qtest_path).makefile('rw')
        self.qmp_sock = self._connect(self.qmp_path)
        self.qmp_file = self.qmp_sock.makefile('rw')
        self.qmp_file.readline()
        self.qmp('qmp_capabilities')

    def _connect(self, path):
        for _ in range(200):
            if self.proc.poll() is not None:
                raise RuntimeError('QEMU exited: ' + self.output())
            try:
                s = socket.socket(socket.AF_UNIX)
                s.connect(path)
                return s
            except OSError:
                time.sleep(0.05)
        raise RuntimeError('no socket ' + path)

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read().strip()

    def qmp(self, cmd, **args):
        self.qmp_file.write(json.dumps({'execute': cmd, 'arguments': args}) + '\n')
        self.qmp_file.flush()
        while True:
            r = json.loads(self.qmp_file.readline())
            if 'return' in r or 'error' in r:
                return r

    def _qtest(self, line):
        self.qtest.write(line + '\n')
        self.qtest.flush()
        while True:
            r = self.qtest.readline().split()
            if r and r[0] == 'OK':
                return r
            if not r or r[0] != 'IRQ':
                raise RuntimeError('qtest: %r' % r)

    def outb(self, port, value):
        self._qtest('outb 0x%x 0x%x' % (port, value))

    def inb(self, port):
        return int(self._qtest('inb 0x%x' % port)[1], 16)

    def quit(self):
        try:
            self.qmp('quit')
        except Exception:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def state(m):
    return m.inb(STATUS) >> 6


def write_bytes(m, data):
    """KCS write phase as Linux's kcs_sm does it, for the bytes in data."""
    for b in data:
        if b is WRITE_START or b is WRITE_END:
            m.outb(STATUS, b if b is WRITE_START else WRITE_END)
        else:
            m.outb(DATA, b)
        m.inb(DATA)     # clear OBF


def read_bytes(m, count=None):
    out = []
    while count is None or len(out) < count:
        s = state(m)
        if s == 1:          # READ
            out.append(m.inb(DATA))
            m.outb(DATA, READ)
        elif s == 0:        # IDLE: the dummy byte ends it
            m.inb(DATA)
            return out, True
        else:
            raise RuntimeError('KCS state %d while reading' % s)
    return out, False


def migrate(src, dst_path):
    r = src.qmp('migrate', uri='unix:' + dst_path)
    if 'error' in r:
        raise RuntimeError('migrate: %r' % r)
    for _ in range(600):
        r = src.qmp('query-migrate')['return']
        if r.get('status') == 'completed':
            return
        if r.get('status') == 'failed':
            raise RuntimeError('migration failed: %s' % r.get('error-desc'))
        time.sleep(0.05)
    raise RuntimeError('migration did not complete')


def run_case(src_bin, dst_bin, firmware, device, stop):
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, 'mig.sock')
        dst = Machine(dst_bin, firmware, tmp, 'dst', device, incoming='unix:' + sock)
        src = Machine(src_bin, firmware, tmp, 'src', device)
        try:
            if stop == 'idle':
                # No firmware ran, so no BAR is mapped: the section's layout only.
                migrate(src, sock)
                r = dst.qmp('query-status')['return']
                return (r['status'] in ('paused', 'prelaunch'),
                        'destination %s' % r['status'])
            request = [WRITE_START, 0x06 << 2, WRITE_END, 0x01]
            if stop == 'write':
                write_bytes(src, request[:2])
                migrate(src, sock)
                write_bytes(dst, request[2:])
                got, done = read_bytes(dst)
            else:
                write_bytes(src, request)
                got, _ = read_bytes(src, 3)
                migrate(src, sock)
                rest, done = read_bytes(dst)
                got += rest
            # Get Device ID again on the destination, from the start.
            write_bytes(dst, request)
            again, done2 = read_bytes(dst)
        except Exception as e:
            raise RuntimeError('%s\nsource: %s\ndestination: %s' %
                               (e, src.output(), dst.output()))
        finally:
            src.quit()
            dst.quit()
        ok = (done and done2 and got[:4] == [0x1c, 0x01, 0x00, DEVICE_ID]
              and again[:4] == got[:4])
        return ok, 'answer %s, then %s' % (bytes(got).hex(), bytes(again).hex())


def main():
    stock, ours, firmware = sys.argv[1:4]
    kcs = 'isa-ipmi-kcs'
    cases = [(kcs, 'stock -> ours', stock, ours, 'write'),
             (kcs, 'stock -> ours', stock, ours, 'read'),
             (kcs, 'ours -> stock', ours, stock, 'write'),
             (kcs, 'ours -> stock', ours, stock, 'read'),
             (kcs, 'ours -> ours', ours, ours, 'read'),
             ('pci-ipmi-kcs', 'stock -> ours', stock, ours, 'idle'),
             ('pci-ipmi-kcs', 'ours -> stock', ours, stock, 'idle')]
    print('1..%d' % len(cases))
    failed = 0
    for n, (device, name, a, b, stop) in enumerate(cases, 1):
        desc = '%s %s, %s' % (device, name, 'idle' if stop == 'idle'
                              else 'stopped in the %s phase' % stop)
        try:
            ok, detail = run_case(a, b, firmware, device, stop)
        except Exception as e:
            ok, detail = False, str(e)
        failed += not ok
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, desc))
        for line in detail.splitlines():
            print('# ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
