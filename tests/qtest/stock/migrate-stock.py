#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Live migration between stock QEMU and ours, in the middle of a transfer.

    migrate-stock.py STOCK_QEMU OUR_QEMU FIRMWARE_DIR

Each case starts two machines (q35, TCG, stopped with -S, one system interface with
ipmi-bmc-sim), drives part of a Get Device ID through the interface's registers on the
source over the qtest protocol, migrates it over a unix socket to the destination,
finishes the transfer there, checks the answer, and makes a second Get Device ID from
the start. For each of isa-ipmi-kcs, isa-ipmi-bt, pci-ipmi-kcs and pci-ipmi-bt: stock
-> ours and ours -> stock, each stopped with the request half written and with the
response half read, and ours -> ours; and isa-ipmi-kcs in the middle of an abort
(GET_STATUS_ABORT written, the host's 00h due) in all three directions. No firmware runs under -S, so for the PCI
devices the test programs I/O BAR 0 and the command register's I/O enable itself
through configuration cycles (ports CF8h/CFCh) before the transfer.

Then the BMC's own state: a watchdog started on the source (1 s, hard reset) crosses
stock -> ours, ours -> stock and ours -> ours and still runs on the destination, which
once let run for 3 s reports it expired (so its deadline came across and was armed); and
ours -> ours, a SEL record, an answer waiting in the receive message queue, an added
SDR, written FRU bytes and the ACPI
power state, which upstream does not migrate, come across in subsections; and a
watchdog that already timed out crosses stock -> ours and, with x-migrate-bmc-state=off
on our source, ours -> stock. Prints TAP.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

KCS_BASE, BT_BASE = 0xca2, 0xe4
GET_STATUS_ABORT, WRITE_START, WRITE_END, READ = 0x60, 0x61, 0x62, 0x68
# The status code an abort from idle reports (ABORTED_BY_COMMAND).
ABORTED = 0x01
# BT control register bits, and the buffer and mask registers' offsets.
CLR_WR, CLR_RD, H2B_ATN, B2H_ATN, H_BUSY, B_BUSY = 0x01, 0x02, 0x04, 0x08, 0x40, 0x80
BT_BUFFER = 1
# Where the test puts a PCI device's I/O BAR 0.
PCI_IO_BASE = 0xc000
# ipmi-bmc-sim's default device_id: Debian's 10.0.2 answers 20h whatever the property
# says, so both ends keep the default and every answer must carry it.
DEVICE_ID = 0x20


class Machine:
    def __init__(self, binary, firmware, tmp, name, device, incoming=None, bmc_options=''):
        self.qtest_path = os.path.join(tmp, name + '.qtest')
        self.qmp_path = os.path.join(tmp, name + '.qmp')
        self.log = open(os.path.join(tmp, name + '.log'), 'w+')
        args = [binary, '-L', firmware, '-nodefaults', '-display', 'none',
                '-M', 'pc-q35-10.0', '-accel', 'tcg', '-S', '-m', '128',
                '-qtest', 'unix:%s,server=on,wait=off' % self.qtest_path,
                '-qmp', 'unix:%s,server=on,wait=off' % self.qmp_path,
                '-device', 'ipmi-bmc-sim,id=bmc0' + bmc_options,
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

    def pci_read(self, devfn, offset):
        self._qtest('outl 0xcf8 0x%x' % (0x80000000 | devfn << 8 | offset))
        return int(self._qtest('inl 0xcfc')[1], 16)

    def pci_write(self, devfn, offset, value):
        self._qtest('outl 0xcf8 0x%x' % (0x80000000 | devfn << 8 | offset))
        self._qtest('outl 0xcfc 0x%x' % value)

    def quit(self):
        try:
            self.qmp('quit')
        except Exception:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def pci_enable(m, prog_if):
    """Finds the IPMI device (class 0C07h, programming interface prog_if) on bus 0 and
    maps its I/O BAR 0 at PCI_IO_BASE, as firmware would. Returns the base."""
    for devfn in range(0, 256, 8):
        if m.pci_read(devfn, 0x08) >> 8 == 0x0c0700 | prog_if:
            m.pci_write(devfn, 0x10, PCI_IO_BASE)
            m.pci_write(devfn, 0x04, m.pci_read(devfn, 0x04) & 0xffff | 0x1)
            bar = m.pci_read(devfn, 0x10)
            if bar & ~0x3 != PCI_IO_BASE:
                raise RuntimeError('BAR 0 of devfn %02x reads %08x' % (devfn, bar))
            return PCI_IO_BASE
    raise RuntimeError('no PCI device of class 0c07%02x on bus 0' % prog_if)


class KCS:
    """The host side of KCS as Linux's kcs_sm drives it."""
    prog_if = 1
    # Get Device ID: WRITE_START, NetFn, WRITE_END, command.
    request = [WRITE_START, 0x06 << 2, WRITE_END, 0x01]

    def __init__(self, base):
        self.data, self.status = base, base + 1

    def state(self, m):
        return m.inb(self.status) >> 6

    def write(self, m, data):
        """KCS write phase for the bytes in data."""
        for b in data:
            if b is WRITE_START or b is WRITE_END:
                m.outb(self.status, b)
            else:
                m.outb(self.data, b)
            m.inb(self.data)     # clear OBF

    def write_first_half(self, m):
        self.write(m, self.request[:2])

    def write_second_half(self, m):
        self.write(m, self.request[2:])

    def read(self, m, count=None):
        out = []
        while count is None or len(out) < count:
            s = self.state(m)
            if s == 1:          # READ
                out.append(m.inb(self.data))
                m.outb(self.data, READ)
            elif s == 0:        # IDLE: the dummy byte ends it
                m.inb(self.data)
                return out, True
            else:
                raise RuntimeError('KCS state %d while reading' % s)
        return out, False

    def read_first_half(self, m):
        return self.read(m, 3)[0]

    def read_rest(self, m):
        return self.read(m)

    def answer(self, got):
        """NetFn/LUN, command, completion code, device id."""
        return got[:4]

    def abort_first_half(self, m):
        """kcs_sm's error recovery: GET_STATUS_ABORT, OBF cleared; the 00h is due."""
        m.outb(self.status, GET_STATUS_ABORT)
        m.inb(self.data)

    def abort_second_half(self, m):
        """00h brings the status code in the read state; READ ends the abort."""
        m.outb(self.data, 0)
        if self.state(m) != 1:
            raise RuntimeError('KCS state %d after the abort\'s 00h' % self.state(m))
        code = m.inb(self.data)
        m.outb(self.data, READ)
        if self.state(m) != 0:
            raise RuntimeError('KCS state %d after the abort' % self.state(m))
        m.inb(self.data)
        return code


class BT:
    """The host side of BT as Linux's ipmi_bt_sm drives it."""
    prog_if = 2
    seq = 0x42
    # Get Device ID: length, NetFn/LUN, sequence, command.
    request = [3, 0x06 << 2, seq, 0x01]

    def __init__(self, base):
        self.control, self.buffer = base, base + BT_BUFFER

    def write_first_half(self, m):
        m.outb(self.control, CLR_WR)
        for b in self.request[:2]:
            m.outb(self.buffer, b)

    def write_second_half(self, m):
        for b in self.request[2:]:
            m.outb(self.buffer, b)
        m.outb(self.control, H2B_ATN)

    def read_first_half(self, m):
        """B2H_ATN up: H_BUSY, clear B2H_ATN, CLR_RD_PTR, the length and two bytes."""
        c = m.inb(self.control)
        if c & (B2H_ATN | B_BUSY) != B2H_ATN:
            raise RuntimeError('BT control %02x where a response is due' % c)
        m.outb(self.control, H_BUSY)
        m.outb(self.control, B2H_ATN)
        m.outb(self.control, CLR_RD)
        return [m.inb(self.buffer) for _ in range(3)]

    def read_rest(self, m):
        """The bytes the length byte counts, then 0xff past them; H_BUSY off."""
        c = m.inb(self.control)
        if not c & H_BUSY:
            raise RuntimeError('BT control %02x: H_BUSY lost' % c)
        rest = [m.inb(self.buffer) for _ in range(self.length - 2)]
        past = m.inb(self.buffer)
        m.outb(self.control, H_BUSY)
        done = past == 0xff and not m.inb(self.control) & (H_BUSY | B2H_ATN | B_BUSY)
        return rest, done

    def read(self, m):
        first = self.read_first_half(m)
        self.length = first[0]
        rest, done = self.read_rest(m)
        return first + rest, done

    def answer(self, got):
        """Length, NetFn/LUN, sequence, command, completion code, device id."""
        return [got[1]] + got[3:6] if got[2] == self.seq else ['seq %02x' % got[2]]


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


DEVICES = {'isa-ipmi-kcs': (KCS, KCS_BASE), 'isa-ipmi-bt': (BT, BT_BASE),
           'pci-ipmi-kcs': (KCS, None), 'pci-ipmi-bt': (BT, None)}


def run_case(src_bin, dst_bin, firmware, device, stop):
    kind, base = DEVICES[device]
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, 'mig.sock')
        dst = Machine(dst_bin, firmware, tmp, 'dst', device, incoming='unix:' + sock)
        src = Machine(src_bin, firmware, tmp, 'src', device)
        try:
            host = kind(base if base else pci_enable(src, kind.prog_if))
            code = None
            if stop == 'abort':
                host.abort_first_half(src)
                migrate(src, sock)
                code = host.abort_second_half(dst)
                host.write_first_half(dst)
                host.write_second_half(dst)
                got, done = host.read(dst)
            elif stop == 'write':
                host.write_first_half(src)
                migrate(src, sock)
                host.write_second_half(dst)
                got, done = host.read(dst)
            else:
                host.write_first_half(src)
                host.write_second_half(src)
                got = host.read_first_half(src)
                host.length = got[0]
                migrate(src, sock)
                rest, done = host.read_rest(dst)
                got += rest
            # Get Device ID again on the destination, from the start.
            host.write_first_half(dst)
            host.write_second_half(dst)
            again, done2 = host.read(dst)
        except Exception as e:
            raise RuntimeError('%s\nsource: %s\ndestination: %s' %
                               (e, src.output(), dst.output()))
        finally:
            src.quit()
            dst.quit()
        want = [0x1c, 0x01, 0x00, DEVICE_ID]
        ok = (done and done2 and host.answer(got) == want and
              host.answer(again) == want and code in (None, ABORTED))
        return ok, '%sanswer %s, then %s' % (
            '' if code is None else 'abort status %02x, ' % code,
            bytes(got).hex(), bytes(again).hex())


def kcs_ask(m, request):
    """One whole request over isa-ipmi-kcs; returns the response bytes."""
    host = KCS(KCS_BASE)
    m.outb(host.status, WRITE_START)
    m.inb(host.data)
    for b in request[:-1]:
        m.outb(host.data, b)
        m.inb(host.data)
    m.outb(host.status, WRITE_END)
    m.inb(host.data)
    m.outb(host.data, request[-1])
    got, done = host.read(m)
    if not done:
        raise RuntimeError('KCS transfer did not end')
    return got


# Set Watchdog Timer: use SMS/OS (4), hard reset on expiry, no pre-timeout, clear the
# SMS/OS expiration flag, countdown 1 s; then Reset Watchdog Timer starts it.
SET_WATCHDOG = [0x18, 0x24, 0x04, 0x01, 0x00, 0x10, 10, 0]
RESET_WATCHDOG = [0x18, 0x22]
GET_WATCHDOG = [0x18, 0x25]
SMS_OS_EXPIRED = 0x10
RUNNING = 0x40


def watchdog_case(src_bin, dst_bin, firmware, stock_binary):
    """A running watchdog crosses over: the destination reports it running, then (the
    machine let run for 3 s) expired, so its deadline came across and was armed."""
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, 'mig.sock')
        dst = Machine(dst_bin, firmware, tmp, 'dst', 'isa-ipmi-kcs', incoming='unix:' + sock)
        src = Machine(src_bin, firmware, tmp, 'src', 'isa-ipmi-kcs')
        try:
            set_rsp = kcs_ask(src, SET_WATCHDOG)
            reset_rsp = kcs_ask(src, RESET_WATCHDOG)
            migrate(src, sock)
            before = kcs_ask(dst, GET_WATCHDOG)
            dst.qmp('cont')
            time.sleep(3)
            after = kcs_ask(dst, GET_WATCHDOG)
        except Exception as e:
            raise RuntimeError('%s\nsource: %s\ndestination: %s' %
                               (e, src.output(), dst.output()))
        finally:
            src.quit()
            dst.quit()
        # Ours says "running" in the use byte's bit 6 (section 27.7); upstream does not,
        # and reports a present countdown only while the timer runs.
        running = before[3] & RUNNING if dst_bin != stock_binary else before[9] > 0
        ok = (set_rsp[2] == 0 and reset_rsp[2] == 0 and len(before) == 11 and
              before[2] == 0 and running and before[7] == 10 and
              0 < before[9] <= 10 and len(after) == 11 and not after[3] & RUNNING and
              after[6] & SMS_OS_EXPIRED)
        return ok, 'before: %s, after 3 s: %s' % (bytes(before).hex(), bytes(after).hex())


def expired_case(src_bin, dst_bin, firmware, src_options=''):
    """A watchdog that timed out on the source (it reset the machine and logged a SEL
    event) crosses with its expiration flag. For a stock destination the source runs
    with x-migrate-bmc-state=off: the SEL record stays behind, as a stock QEMU would
    leave it, and the stream is one stock takes."""
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, 'mig.sock')
        dst = Machine(dst_bin, firmware, tmp, 'dst', 'isa-ipmi-kcs', incoming='unix:' + sock)
        src = Machine(src_bin, firmware, tmp, 'src', 'isa-ipmi-kcs', bmc_options=src_options)
        try:
            kcs_ask(src, SET_WATCHDOG)
            kcs_ask(src, RESET_WATCHDOG)
            src.qmp('cont')
            time.sleep(3)
            src.qmp('stop')
            before = kcs_ask(src, GET_WATCHDOG)
            migrate(src, sock)
            after = kcs_ask(dst, GET_WATCHDOG)
        except Exception as e:
            raise RuntimeError('%s\nsource: %s\ndestination: %s' %
                               (e, src.output(), dst.output()))
        finally:
            src.quit()
            dst.quit()
        ok = (len(before) == 11 and before[6] & SMS_OS_EXPIRED and
              len(after) == 11 and after[2] == 0 and after[6] & SMS_OS_EXPIRED and
              not after[3] & RUNNING)
        return ok, 'source: %s, destination: %s' % (bytes(before).hex(), bytes(after).hex())


def add_sel(record):
    return [0x28, 0x44] + record


def state_case(ours, firmware):
    """ours -> ours: what upstream does not migrate (SEL, the receive message queue,
    the ACPI power state, the SDR repository, the FRU inventory) comes across in
    subsections."""
    record = [0, 0, 0x02, 0, 0, 0, 0, 0x20, 0, 0x04, 0x23, 0x00, 0x6f, 0x01, 0xff, 0xff]
    # An OEM SDR (type C0h): manufacturer 00-01-02 and two bytes of its own.
    sdr = [0, 0, 0x51, 0xc0, 5, 0x00, 0x01, 0x02, 0xaa, 0x55]
    fru = [0x5a, 0xa5, 0x3c]
    # Send Message to the controller at 40h: Get Device ID, sequence 3, back to LUN 2.
    ipmb = [0x40, 0x18, (0x100 - 0x58) & 0xff, 0x20, 3 << 2 | 2, 0x01]
    ipmb.append((0x100 - sum(ipmb[3:])) & 0xff)
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, 'mig.sock')
        dst = Machine(ours, firmware, tmp, 'dst', 'isa-ipmi-kcs', incoming='unix:' + sock)
        src = Machine(ours, firmware, tmp, 'src', 'isa-ipmi-kcs')
        try:
            added = kcs_ask(src, add_sel(record))
            sent = kcs_ask(src, [0x18, 0x34, 0x00] + ipmb)
            acpi = kcs_ask(src, [0x18, 0x06, 0x80 | 0x05, 0x80 | 0x03])
            sdr_added = kcs_ask(src, [0x28, 0x24] + sdr)
            fru_written = kcs_ask(src, [0x28, 0x12, 0x00, 0x10, 0x00] + fru)
            migrate(src, sock)
            entry = kcs_ask(dst, [0x28, 0x43, 0, 0, 0, 0, 0, 0xff])
            message = kcs_ask(dst, [0x18, 0x33])
            power = kcs_ask(dst, [0x18, 0x07])
            empty = kcs_ask(dst, [0x18, 0x33])
            sdr_read = kcs_ask(dst, [0x28, 0x23, 0, 0] + sdr_added[3:5] + [0, 0xff])
            fru_read = kcs_ask(dst, [0x28, 0x11, 0x00, 0x10, 0x00, len(fru)])
        except Exception as e:
            raise RuntimeError('%s\nsource: %s\ndestination: %s' %
                               (e, src.output(), dst.output()))
        finally:
            src.quit()
            dst.quit()
        ok = (added[2] == 0 and sent[2] == 0 and acpi[2] == 0 and
              entry[2] == 0 and entry[5:7] == added[3:5] and entry[7] == 0x02 and
              entry[12:] == record[7:] and
              message[2] == 0 and message[8] == 0x01 and message[9] == 0 and
              power == [0x1c, 0x07, 0x00, 0x05, 0x03] and empty[2] == 0x80 and
              sdr_added[2] == 0 and fru_written[2:] == [0, len(fru)] and
              sdr_read[2] == 0 and sdr_read[5:7] == sdr_added[3:5] and
              sdr_read[7:] == sdr[2:] and fru_read[2:] == [0, len(fru)] + fru)
        return ok, 'SEL entry %s; message %s; ACPI %s; SDR %s; FRU %s' % (
            bytes(entry).hex(), bytes(message).hex(), bytes(power).hex(),
            bytes(sdr_read).hex(), bytes(fru_read).hex())


def version(binary):
    out = subprocess.run([binary, '--version'], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else '?'


def main():
    stock, ours, firmware = sys.argv[1:4]
    print('# stock: %s (%s)' % (stock, version(stock)))
    print('# ours: %s (%s)' % (ours, version(ours)))
    cases = []
    for device in DEVICES:
        cases += [(device, 'stock -> ours', stock, ours, 'write'),
                  (device, 'stock -> ours', stock, ours, 'read'),
                  (device, 'ours -> stock', ours, stock, 'write'),
                  (device, 'ours -> stock', ours, stock, 'read'),
                  (device, 'ours -> ours', ours, ours, 'read')]
    # KCS in the middle of an abort: upstream's error state is our ABORT_ACK.
    cases += [('isa-ipmi-kcs', 'stock -> ours', stock, ours, 'abort'),
              ('isa-ipmi-kcs', 'ours -> stock', ours, stock, 'abort'),
              ('isa-ipmi-kcs', 'ours -> ours', ours, ours, 'abort')]
    # The BMC's own state: a running watchdog both ways and back, the rest ours -> ours.
    bmc_cases = [('stock -> ours', lambda: watchdog_case(stock, ours, firmware, stock)),
                 ('ours -> stock', lambda: watchdog_case(ours, stock, firmware, stock)),
                 ('ours -> ours', lambda: watchdog_case(ours, ours, firmware, stock))]
    bmc_cases += [('ours -> stock', lambda: expired_case(ours, stock, firmware,
                                                         ',x-migrate-bmc-state=off')),
                  ('stock -> ours', lambda: expired_case(stock, ours, firmware))]
    print('1..%d' % (len(cases) + len(bmc_cases) + 1))
    failed = 0
    n = 0

    def report(ok, desc, detail):
        nonlocal failed, n
        n += 1
        failed += not ok
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, desc))
        for line in detail.splitlines():
            print('# ' + line)

    for device, name, a, b, stop in cases:
        desc = '%s %s, %s' % (device, name, {
            'write': 'request half written', 'read': 'response half read',
            'abort': 'abort half done (00h due)'}[stop])
        try:
            ok, detail = run_case(a, b, firmware, device, stop)
        except Exception as e:
            ok, detail = False, str(e)
        report(ok, desc, detail)
    for name, case in bmc_cases:
        try:
            ok, detail = case()
        except Exception as e:
            ok, detail = False, str(e)
        report(ok, 'ipmi-bmc-sim %s, watchdog %s' % (
            name, 'expired' if 'source:' in detail else 'running'), detail)
    try:
        ok, detail = state_case(ours, firmware)
    except Exception as e:
        ok, detail = False, str(e)
    report(ok, 'ipmi-bmc-sim ours -> ours, SEL, receive queue, ACPI state, SDR and FRU',
           detail)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
