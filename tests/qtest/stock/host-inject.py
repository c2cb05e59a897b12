#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""What the host sets on ipmi-bmc-sim through QMP, seen as a guest sees it.

    host-inject.py OUR_QEMU FIRMWARE_DIR

One machine (q35, TCG, stopped with -S) with isa-ipmi-kcs and an ipmi-bmc-sim whose
sdrfile holds one full sensor record: temperature sensor 5, threshold based, upper
non-critical 80 and upper critical 90 with assertion events going high, nominal
reading 50. Over QMP the test sets the sensor's reading (qom-set sensor5-reading)
across the upper non-critical threshold and injects a platform event (qom-set
sel-event); over the KCS registers, as system software would, it reads the sensor
and the SEL and finds the threshold state, the event the crossing logged and the one
injected. Malformed values get QMP errors. Prints TAP.
"""
import importlib.util
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("migrate_stock",
                                              os.path.join(HERE, "migrate-stock.py"))
stock = importlib.util.module_from_spec(spec)
spec.loader.exec_module(stock)

TEMP = 5


def full_record():
    """Section 43.1's layout; record id 1."""
    rec = [0] * 48
    rec[0:5] = [0x01, 0x00, 0x51, 0x01, 48 - 5]
    rec[5], rec[7] = 0x20, TEMP
    rec[8], rec[9], rec[10], rec[11] = 0x03, 0x01, 0x63, 0x28
    rec[12], rec[13] = 0x01, 0x01                   # temperature, threshold
    rec[14], rec[15] = 0x80, 0x72                   # assertions: UNC, UC going high;
    #                                                 UNC, UC comparisons returned
    rec[18], rec[19] = 0x18, 0x00                   # readable: UNC, UC
    rec[21], rec[24], rec[30], rec[31] = 0x01, 0x01, 0x01, 50
    rec[34], rec[37], rec[38] = 0xff, 90, 80
    return bytes(rec)


def main():
    ours, firmware = sys.argv[1:3]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        sdrfile = os.path.join(tmp, 'sdr.bin')
        with open(sdrfile, 'wb') as fh:
            fh.write(full_record())
        m = stock.Machine(ours, firmware, tmp, 'host', 'isa-ipmi-kcs',
                          bmc_options=',sdrfile=' + sdrfile)
        try:
            path = '/machine/peripheral/bmc0'
            start = m.qmp('qom-get', path=path, property='sensor%d-reading' % TEMP)
            results.append((start.get('return') == 50,
                            'sensor5-reading starts at the nominal 50: %r' % start))
            r = m.qmp('qom-set', path=path, property='sensor%d-reading' % TEMP, value=85)
            reading = stock.kcs_ask(m, [0x10, 0x2d, TEMP])
            # Get Sensor Reading: reading, flags, threshold states (bit 3: at or above UNC).
            results.append(('error' not in r and reading[2] == 0 and reading[3] == 85 and
                            reading[5] & 0x08 and not reading[5] & 0x10,
                            'the guest reads 85, upper non-critical: %s' % bytes(reading).hex()))
            first = stock.kcs_ask(m, [0x28, 0x43, 0, 0, 0, 0, 0, 0xff])
            # SEL record: id, type 02h, time, generator 20h, EvM 04h, type, number,
            # direction/type 01h (assertion, threshold), data 1: offset 07h (UNC high).
            rec = first[5:]
            results.append((first[2] == 0 and rec[2] == 0x02 and rec[7] == 0x20 and
                            rec[10] == 0x01 and rec[11] == TEMP and rec[12] == 0x01 and
                            rec[13] & 0x0f == 0x07,
                            'the crossing is in the SEL: %s' % bytes(first).hex()))
            r = m.qmp('qom-set', path=path, property='sel-event',
                      value='41 04 23 00 6f 01 ff ff')
            info = stock.kcs_ask(m, [0x28, 0x40])
            last = stock.kcs_ask(m, [0x28, 0x43, 0, 0, 0xff, 0xff, 0, 0xff])
            rec = last[5:]
            results.append(('error' not in r and info[4] == 2 and rec[7] == 0x41 and
                            rec[10] == 0x23 and rec[12] == 0x6f and rec[13] == 0x01,
                            'the injected event is the last of 2: %s' % bytes(last).hex()))
            bad = m.qmp('qom-set', path=path, property='sel-event', value='41 04 zz')
            missing = m.qmp('qom-set', path=path, property='sensor9-reading', value=1)
            results.append(('error' in bad and 'error' in missing,
                            'malformed input is refused: %s; %s' % (
                                bad.get('error', {}).get('desc'),
                                missing.get('error', {}).get('desc'))))
        except Exception as e:
            results.append((False, '%s\n%s' % (e, m.output())))
        finally:
            m.quit()
    print('1..%d' % len(results))
    for n, (ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, detail.splitlines()[0]))
        for line in detail.splitlines()[1:]:
            print('# ' + line)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
