#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest test: Linux finds one IPMI interface by itself; ipmitool answers through it.

    test_mc_info.py --interface {isa-kcs,isa-bt,pci-kcs,pci-bt,smbus} --qemu QEMU
                    --firmware-dir DIR --kernel VMLINUZ --initrd INITRD

Boots the test guest (guest/build-initramfs.sh) with guest/run-guest.py on
    -device ipmi-bmc-sim,id=bmc0,device_id=0x42,fwrev1=3,fwrev2=0x15,
            mfg_id=0x1234,product_id=0x5678
    -device <isa-ipmi-kcs | isa-ipmi-bt | pci-ipmi-kcs | pci-ipmi-bt |
             smbus-ipmi>,bmc=bmc0
No module parameter names a port: ipmi_si must find an ISA interface through
the SMBIOS type 38 record and the ACPI IPI0001 device QEMU builds from the
device's firmware info, and a PCI one through its class code (0x0c0701 KCS,
0x0c0702 BT, as Linux's ipmi_si_pci matches them).  smbus-ipmi has no
options at all: ipmi_ssif must find it at SMBus address 0x10 through the
ACPI IPI0001 device under q35's ICH9 SMBus (its I2cSerialBus resource) or
the SMBIOS record.

Checks (each can be left out with --skip NAME):
    guest         the guest reached its end marker
    device_id     "mc info" Device ID          : 66          (0x42)
    fwrev                   Firmware Revision  : 3.15        (%u.%02x of 3, 0x15)
    ipmi_version            IPMI Version       : 2.0
    mfg_id                  Manufacturer ID    : 4660        (0x1234)
    product_id              Product ID         : 22136 (0x5678)
    selftest      "mc selftest" prints "Selftest: passed"
    linux_bmc     dmesg: "Found new BMC (man_id: 0x001234, prod_id: 0x5678,
                  dev_id: 0x42)", Linux's own Get Device ID at probe time
    discovery     dmesg shows how ipmi_si found the interface and its type:
                  ISA: the SMBIOS and ACPI lines with the device's I/O port,
                  register count and IRQ, ACPI preferred over SMBIOS, slave
                  address 0x20; PCI: "probing via PCI", BAR 0 (as sysfs
                  has it) and the PCI IRQ; then "Using irq N" and
                  "IPMI <kcs|bt> interface initialized"; SMBus: ipmi_ssif
                  "Trying ACPI-specified SSIF interface at i2c address
                  0x10" on the I801 adapter, slave address 0x20, and sysfs
                  has that client (IPI0001) bound to ipmi_ssif
    bt_caps       BT only: "req2rsp=10 secs retries=0", the BMC's answer to
                  Get BT Interface Capabilities as Linux's BT driver read it
    pci_ids       PCI only: sysfs has the function with vendor 0x1234,
                  device 0x1112 and the interface's class code
    si_params     ISA and PCI: /sys/class/ipmi/ipmi0/device/params is what discovery
                  promised, e.g. "bt,i/o,0xe4,rsp=1,rsi=1,rsh=0,irq=5,ipmb=32"
                  (PCI: BAR 0, the function's IRQ, ipmb=0), and
                  interrupts_enabled is 1
    interrupts    ISA and PCI: /proc/interrupts: ipmi_si holds the expected
                  IRQ (5 for ISA, the PCI function's for PCI) and took
                  interrupts on it (SSIF has no interrupt line: the SMBus
                  alert is not wired on q35, and ipmi_ssif polls)
--skip exists to get a baseline from a QEMU that lacks a feature (Debian's
stock 10.0.2 ignores device_id and has no Get Self Test Results:
--skip device_id --skip selftest --skip linux_bmc).  --bmc-args replaces
the ipmi-bmc-sim option (one shell-quoted string of QEMU options that
defines a BMC with id bmc0 and the same identity, e.g. ipmi-bmc-extern with
OpenIPMI's ipmi_sim).  Exit status 0 when every check passes, 1 otherwise
(also when the guest does not finish within --timeout).
"""

import argparse
import shlex
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from checks import Checks  # noqa: E402  (tests/guest/checks.py)
from guest_boot import Outputs, add_guest_args, boot, parse_fields  # noqa: E402

BMC_ARGS = [
    "-device", "ipmi-bmc-sim,id=bmc0,device_id=0x42,fwrev1=3,fwrev2=0x15,"
               "mfg_id=0x1234,product_id=0x5678",
]

# What each --interface puts on the command line and what Linux must find.
# ISA: QEMU's defaults for the device (ioport, IRQ 5) and the number of
# registers its firmware info gives ACPI (KCS data+status, BT ctrl/fifo/intmask).
# PCI: QEMU's vendor and device id for both interfaces, and the class code
# whose last byte (programming interface) tells Linux the interface type.
INTERFACES = {
    "isa-kcs": {"device": "isa-ipmi-kcs", "kind": "kcs", "io": 0xca2, "regs": 2, "irq": 5},
    "isa-bt": {"device": "isa-ipmi-bt", "kind": "bt", "io": 0xe4, "regs": 3, "irq": 5},
    "pci-kcs": {"device": "pci-ipmi-kcs", "kind": "kcs", "pci_class": 0x0c0701},
    "pci-bt": {"device": "pci-ipmi-bt", "kind": "bt", "pci_class": 0x0c0702},
    # No options: the address is the device's default.
    "smbus": {"device": "smbus-ipmi", "kind": "ssif", "i2c": 0x10},
}
PCI_VENDOR_DEVICE = (0x1234, 0x1112)

# name, field printed by "mc info", expected value
MC_INFO_CHECKS = [
    ("device_id", "Device ID", "66"),
    ("fwrev", "Firmware Revision", "3.15"),
    ("ipmi_version", "IPMI Version", "2.0"),
    ("mfg_id", "Manufacturer ID", "4660"),
    ("product_id", "Product ID", "22136 (0x5678)"),
]
LINUX_BMC_LINE = "Found new BMC (man_id: 0x001234, prod_id: 0x5678, dev_id: 0x42)"
BT_CAPS_LINE = "req2rsp=10 secs retries=0"
ALL_CHECKS = (["guest"] + [name for name, _, _ in MC_INFO_CHECKS] +
              ["selftest", "linux_bmc", "discovery", "bt_caps", "pci_ids", "si_params",
               "interrupts"])

MC_INFO = "ipmitool mc info"
SELFTEST = "ipmitool mc selftest"
DMESG = "dmesg | grep -i ipmi"
INTERRUPTS = "grep ipmi_si /proc/interrupts"
# What ipmi_si drives: type, address space and address, register spacing, size and
# shift, IRQ, BMC slave address (0x20 from SMBIOS for ISA, none for PCI); and whether
# it runs on interrupts.
SI_PARAMS = ("cat /sys/class/ipmi/ipmi0/device/params "
             "/sys/class/ipmi/ipmi0/device/interrupts_enabled")
# One line per I2C client: "<name> <its name file> <driver>".
I2C_SYSFS = ("for d in /sys/bus/i2c/devices/*; do [ -e $d/driver ] && "
             "echo ${d##*/} $(cat $d/name) $(basename $(readlink $d/driver)); done")
# One line per PCI function of class 0x0c07xx (IPMI):
# "<bdf> <vendor> <device> <class> <irq> <BAR 0 start> <BAR 0 end> <flags>".
PCI_SYSFS = ("for d in /sys/bus/pci/devices/*; do case $(cat $d/class) in 0x0c07*) "
             "echo ${d##*/} $(cat $d/vendor $d/device $d/class $d/irq) "
             "$(head -n 1 $d/resource);; esac; done")


def parse_pci(text):
    """PCI_SYSFS output -> list of dicts (numbers as int)."""
    functions = []
    for line in text.splitlines():
        words = line.split()
        if len(words) != 8:
            continue
        try:
            vendor, device, klass, irq, start, end = (int(w, 0) for w in words[1:7])
        except ValueError:
            continue
        functions.append({"bdf": words[0], "vendor": vendor, "device": device,
                          "class": klass, "irq": irq, "start": start, "end": end})
    return functions


def expected_discovery(iface, pci):
    """(IRQ, ipmi_si's params line, dmesg substrings) for an interface that
    ipmi_si found by itself; (None, None, [reason]) if there is nothing to find.
    SSIF has neither IRQ nor ipmi_si: (None, None, ipmi_ssif's lines)."""
    kind = iface["kind"]
    if kind == "ssif":
        return None, None, [
            "ipmi_ssif: Trying ACPI-specified SSIF interface at i2c address 0x%x, "
            "adapter SMBus I801 adapter" % iface["i2c"],
            "slave address 0x20",
        ]
    params = "%s,i/o,0x%x,rsp=1,rsi=1,rsh=0,irq=%d,ipmb=%d"
    if "pci_class" not in iface:
        io, last, irq = iface["io"], iface["io"] + iface["regs"] - 1, iface["irq"]
        return irq, params % (kind, io, irq, 0x20), [
            "SMBIOS: io 0x%x regsize 1 spacing 1 irq %d" % (io, irq),
            "Adding SMBIOS-specified %s state machine" % kind,
            "IPI0001:00: ipmi_platform: [io  0x%04x-0x%04x] regsize 1 spacing 1 irq %d"
            % (io, last, irq),
            "Removing SMBIOS-specified %s state machine in favor of ACPI" % kind,
            "Trying ACPI-specified %s state machine at i/o address 0x%x, "
            "slave address 0x20, irq %d" % (kind, io, irq),
            "Using irq %d" % irq,
            "IPMI %s interface initialized" % kind,
        ]
    if pci is None:
        return None, None, ["(no PCI function of class 0x%06x in sysfs)" % iface["pci_class"]]
    bdf, io, irq = pci["bdf"], pci["start"], pci["irq"]
    return irq, params % (kind, io, irq, 0), [
        "ipmi_si %s: probing via PCI" % bdf,
        "%s: [io  0x%04x-0x%04x] regsize 1 spacing 1 irq %d" % (bdf, io, pci["end"], irq),
        "Adding PCI-specified %s state machine" % kind,
        "Trying PCI-specified %s state machine at i/o address 0x%x, "
        "slave address 0x0, irq %d" % (kind, io, irq),
        "%s: Using irq %d" % (bdf, irq),
        "%s: IPMI %s interface initialized" % (bdf, kind),
    ]


def parse_interrupts(text):
    """'  5:  N [N...]  IO-APIC  5-fasteoi  ipmi_si' -> (irq, total count)."""
    for line in text.splitlines():
        head, _, rest = line.partition(":")
        if not head.strip().isdigit() or "ipmi_si" not in rest:
            continue
        counts = []
        for word in rest.split():
            if not word.isdigit():
                break
            counts.append(int(word))
        return int(head), sum(counts)
    return None, 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--interface", required=True, choices=sorted(INTERFACES))
    add_guest_args(parser, 60.0)
    parser.add_argument("--bmc-args", metavar="ARGS",
                        help="QEMU options replacing the ipmi-bmc-sim option (id bmc0)")
    parser.add_argument("--skip", action="append", default=[], choices=ALL_CHECKS,
                        help="leave out one check (repeatable)")
    args = parser.parse_args(argv)
    iface = INTERFACES[args.interface]
    is_pci = "pci_class" in iface
    is_ssif = iface["kind"] == "ssif"

    start = time.monotonic()
    checks = Checks(args.skip, 13)
    check = checks.check

    commands = ["--cmd", MC_INFO, "--cmd", SELFTEST, "--sh", DMESG, "--sh", SI_PARAMS,
                "--sh", INTERRUPTS]
    if is_pci:
        commands += ["--sh", PCI_SYSFS]
    if is_ssif:
        commands += ["--sh", I2C_SYSFS]
    qemu_args = shlex.split(args.bmc_args) if args.bmc_args else list(BMC_ARGS)
    qemu_args += ["-device", "%s,bmc=bmc0" % iface["device"]]
    status, result, _ = boot(args, commands, qemu_args)

    check("guest", status == 0 and result is not None,
          "run-guest.py exit status %d (0 = guest reached its end marker)" % status)
    output_of = Outputs(result)

    info = output_of(MC_INFO)
    fields = parse_fields(info) if info is not None else {}
    for name, field, expected in MC_INFO_CHECKS:
        got = fields.get(field)
        check(name, got == expected, "%s: expected %r, got %r%s" % (
            field, expected, got, "" if info is not None else " (mc info failed)"))

    selftest = output_of(SELFTEST)
    lines = [l.strip() for l in (selftest or "").splitlines()]
    check("selftest", "Selftest: passed" in lines,
          "expected 'Selftest: passed' and rc 0")

    pci_text = output_of(PCI_SYSFS) if is_pci else None
    pci = None
    if is_pci:
        functions = parse_pci(pci_text or "")
        pci = functions[0] if len(functions) == 1 else None
        ok = (pci is not None and pci["class"] == iface["pci_class"] and
              (pci["vendor"], pci["device"]) == PCI_VENDOR_DEVICE)
        check("pci_ids", ok, "expected one IPMI function %04x:%04x class 0x%06x, got %s"
              % (PCI_VENDOR_DEVICE + (iface["pci_class"],
                 ["%s %04x:%04x class 0x%06x" % (f["bdf"], f["vendor"], f["device"],
                                                 f["class"]) for f in functions])))

    dmesg = output_of(DMESG) or ""
    check("linux_bmc", LINUX_BMC_LINE in dmesg, "dmesg: %r" % LINUX_BMC_LINE)
    irq, params, wanted = expected_discovery(iface, pci)
    missing = [m for m in wanted if m not in dmesg]
    if is_ssif:
        clients = (output_of(I2C_SYSFS) or "").splitlines()
        if "i2c-IPI0001:00 IPI0001:00 ipmi_ssif" not in clients:
            missing.append("sysfs: IPI0001 client bound to ipmi_ssif (have %r)" % clients)
    how = ("ipmi_ssif found the SSIF interface via ACPI at SMBus address 0x%x"
           % iface.get("i2c", 0) if is_ssif else
           "ipmi_si found the %s interface %s" % (
               iface["kind"], "via its PCI class" if is_pci else "via SMBIOS and ACPI"))
    check("discovery", not missing, how if not missing else "dmesg lacks %r" % missing)
    if iface["kind"] == "bt":
        check("bt_caps", BT_CAPS_LINE in dmesg, "dmesg: %r" % BT_CAPS_LINE)

    if not is_ssif:
        got_params = (output_of(SI_PARAMS) or "").split()
        check("si_params", params is not None and got_params == [params, "1"],
              "ipmi_si params and interrupts_enabled: expected %r, got %r"
              % ([params, "1"], got_params))

        got_irq, taken = parse_interrupts(output_of(INTERRUPTS) or "")
        check("interrupts", irq is not None and got_irq == irq and taken > 0,
              "ipmi_si took %d interrupts on IRQ %s (expected IRQ %s)"
              % (taken, got_irq, irq))

    answer = (result or {}).get("boot_to_answer_seconds")
    wall = time.monotonic() - start
    print("interface: %s (-device %s)" % (args.interface, iface["device"]))
    print("boot-to-first-answer: %s" % ("%.2f s" % answer if answer is not None else "n/a"))
    print("test wall time: %.2f s" % wall)
    return checks.result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
