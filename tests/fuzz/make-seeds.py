#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Seed corpora and the expected answers for the fuzz harnesses, from the specs.

Reads spec/messages.yaml (NetFns, framing, completion codes), spec/kcs.yaml (phases,
the state each shows, control and error codes), spec/bt.yaml (registers and bits,
buffer sizes, phases and the bits each shows, the capability figures), spec/ssif.yaml
(SMBus commands, chunk and markers, sizes, capability figures) and every
spec/commands-*.yaml, and writes into the build tree:

  fuzz-spec.h   what the harnesses check against: each command's request and response
                length, the completion codes that exist, the KCS phases' states, the BT
                registers, phases and capabilities, and the operation codes of fuzz-kcs's
                and fuzz-bt's input languages (defined here, once, because the seeds
                below are written in them);
  seeds-bmc/    for fuzz-bmc: per command a well-formed request and one a byte short;
  seeds-kcs/    for fuzz-kcs: per command a complete KCS transfer of that request, an
                abort mid-write, reads past the end, a late answer after a reset, an
                overrun, forged answers (empty, overlong);
  seeds-bt/     for fuzz-bt: per command a complete BT transfer as Linux's ipmi_bt_sm.c
                makes it, Get BT Interface Capabilities, requests at the buffer limit and
                past it, wrong and too-short length bytes, late answers after BMC_HWRST
                and a reset, forged answers (empty, short, overlong, stale), writes while
                B_BUSY, several control bits at once, interrupts and SMS_ATN;
  seeds-migrate/ for fuzz-migrate: upstream's migration fields at rest, per interface;
  seeds-ssif/   for fuzz-ssif: per command a request and its answer read as Linux's
                ipmi_ssif.c does, Get System Interface Capabilities, requests in parts
                up to the largest and past it, reads before a request and while the
                BMC is busy, late and forged answers (empty, short, in parts, too
                long), alerts, a block with a PEC byte.

The field sizes below are deliberately this script's own, not the generator's: the
fuzzer checks what the generator made of a spec, so it must not learn the layout from
the generator.
"""
import argparse
import glob
import os
import shutil
import sys

import yaml

FIELD_SIZES = {"u8": 1, "u16": 2, "u24": 3, "u32": 4}
FUZZ_MAX_RANGES = 4

# fuzz-kcs's input: a stream of operations, one opcode byte (taken modulo the count)
# and its argument bytes. Missing argument bytes at the end of the input read as 0.
KCS_OPS = [
    ("READ_DATA", "", "read the data register"),
    ("READ_STATUS", "", "read the status register"),
    ("WRITE_DATA", "value", "write the data register"),
    ("WRITE_CMD", "value", "write the command register"),
    ("WRITE_DATA_REPEAT", "value, count", "write value to the data register count + 1 times"),
    ("READ_LOOP", "count", "count + 1 times: read the data register, write READ to it"),
    ("ANSWER", "which", "the BMC delivers one of the answers it holds (which modulo their number)"),
    ("ANSWER_FORGED", "id, len_hi, len_lo, bytes", "a response quoting id, (len_hi:len_lo) % 512 bytes from the input"),
    ("ANSWER_FORGED_CURRENT", "len_hi, len_lo, bytes", "the same, quoting the request id in flight"),
    ("ATTENTION", "flags", "set SMS_ATN to bit 0, interrupting if bit 1"),
    ("IRQ_ENABLE", "flags", "interrupts on if bit 0"),
    ("RESET", "", "a host reset of the interface"),
    ("HOLD_ANSWERS", "flags", "bit 0: the BMC holds its answers until ANSWER; clear: it answers at once"),
]
OP = {name: code for code, (name, _, _) in enumerate(KCS_OPS)}

# fuzz-bt's input, in the same form.
BT_OPS = [
    ("READ_CONTROL", "", "read the control register"),
    ("READ_BUFFER", "", "read the buffer"),
    ("READ_MASK", "", "read the interrupt mask register"),
    ("READ_ANY", "offset", "read any offset"),
    ("WRITE_CONTROL", "value", "write the control register"),
    ("WRITE_BUFFER", "value", "write the buffer"),
    ("WRITE_MASK", "value", "write the interrupt mask register"),
    ("WRITE_ANY", "offset, value", "write any offset"),
    ("WRITE_BYTES", "count, bytes", "write count bytes from the input to the buffer"),
    ("SEND", "count, bytes", "CLR_WR_PTR, count as the length byte, count bytes from the input, H2B_ATN"),
    ("READ_LOOP", "count", "CLR_RD_PTR, then count + 1 buffer reads"),
    ("ANSWER", "which", "the BMC delivers one of the answers it holds (which modulo their number)"),
    ("ANSWER_FORGED", "id, len_hi, len_lo, bytes", "a response quoting id, (len_hi:len_lo) % 512 bytes from the input"),
    ("ANSWER_FORGED_CURRENT", "len_hi, len_lo, bytes", "the same, quoting the request id in flight"),
    ("ATTENTION", "flags", "set SMS_ATN to bit 0, interrupting if bit 1"),
    ("IRQ_ENABLE", "flags", "the BMC's interrupt enable on if bit 0"),
    ("RESET", "", "a host reset of the interface"),
    ("HOLD_ANSWERS", "flags", "bit 0: the BMC holds its answers until ANSWER; clear: it answers at once"),
    ("RECOVERY", "flags", "bit 0: the host's recovery starts with Linux's reset_flags() (BMC_HWRST)"),
]
BT_OP = {name: code for code, (name, _, _) in enumerate(BT_OPS)}

# fuzz-ssif's input, in the same form.
SSIF_OPS = [
    ("WRITE", "command, len, bytes", "an SMBus block write: command, then len % 40 bytes from the input (the first is the SMBus byte count, right or not)"),
    ("WRITE_BLOCK", "command, count, bytes", "a well-formed block write: command, count % 33 bytes from the input"),
    ("SEND", "flags, len, bytes", "a request of len bytes from the input as Linux's ipmi_ssif sends it (bit 0 of flags: end a request in parts with a short middle part, not 08h)"),
    ("READ", "command, block", "an SMBus block read with any command; block is what a retry names"),
    ("READ_ALL", "", "read the response as Linux does: 03h, then 09h until the end marker"),
    ("ANSWER", "which", "the BMC delivers one of the answers it holds (which modulo their number)"),
    ("ANSWER_FORGED", "id, len_hi, len_lo, bytes", "a response quoting id, (len_hi:len_lo) % 512 bytes from the input"),
    ("ANSWER_FORGED_CURRENT", "len_hi, len_lo, bytes", "the same, quoting the request id in flight"),
    ("ATTENTION", "flags", "the BMC's attention on if bit 0"),
    ("IRQ_ENABLE", "flags", "the BMC's alert enable on if bit 0"),
    ("RESET", "", "a host reset of the interface"),
    ("HOLD_ANSWERS", "flags", "bit 0: the BMC holds its answers until ANSWER; clear: it answers at once"),
]
SSIF_OP = {name: code for code, (name, _, _) in enumerate(SSIF_OPS)}
# A BT message: length (of what follows), NetFn/LUN, sequence, command, data. This
# script's own knowledge (IPMI 2.0 section 11.6), like FIELD_SIZES.
BT_HEADER = 4

# fuzz-bmc's input: two bytes of configuration (flags: bit 0 = a GUID is set; the
# device id), then records: length, response capacity (0: the full message size,
# n: 2 + n), the request bytes.
BMC_FLAG_GUID = 0x01
BMC_FLAG_SENSORS = 0x02   # fuzz-bmc: sensors 0 (threshold) and 1 from SDR records
DEVICE_ID = 0x20


def fail(msg):
    print(f"make-seeds.py: {msg}", file=sys.stderr)
    sys.exit(1)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        fail(f"{path}: {e}")


def field_len(f):
    """A field's bytes; a variable tail (bytes with max) counts at its largest."""
    if f["type"] == "bytes":
        return f["length"] if "length" in f else f["max"]
    return FIELD_SIZES[f["type"]]


def layout_len(fields):
    return sum(field_len(f) for f in fields)


def layout_min(fields):
    """The fewest bytes a layout takes: a variable tail at its min."""
    return sum(f.get("min", 0) if f["type"] == "bytes" and "max" in f else field_len(f)
               for f in fields)


def has_tail(fields):
    return bool(fields) and fields[-1]["type"] == "bytes" and "max" in fields[-1]


def ranges(fields, ccs):
    """(offset, size, lowest, highest, completion code) of each ranged request field."""
    out, offset = [], 0
    for f in fields:
        if "range" in f:
            cc = ccs[f.get("out_of_range", "INVALID_DATA_FIELD")]["code"]
            out.append((offset, field_len(f), f["range"][0], f["range"][1], cc))
        offset += field_len(f)
    return out


class Specs:
    def __init__(self, spec_dir):
        self.messages = load(os.path.join(spec_dir, "messages.yaml"))
        self.kcs = load(os.path.join(spec_dir, "kcs.yaml"))
        self.bt = load(os.path.join(spec_dir, "bt.yaml"))
        self.ssif = load(os.path.join(spec_dir, "ssif.yaml"))
        self.layout = self.messages["layout"]
        self.ccs = self.messages["completion_codes"]
        self.commands = []
        paths = sorted(glob.glob(os.path.join(spec_dir, "commands-*.yaml")))
        if not paths:
            fail(f"{spec_dir}: no commands-*.yaml")
        for path in paths:
            spec = load(path)
            netfn = self.messages["netfns"][spec["netfn"]]
            for c in spec["commands"]:
                tail = has_tail(c["request"])
                self.commands.append({
                    "spec": os.path.basename(path),
                    "netfn": netfn,
                    "name": c["name"],
                    "code": c["code"],
                    "fields": c["request"],
                    "request_len": layout_min(c["request"]),
                    "request_max": layout_len(c["request"]),
                    "request_tail": tail,
                    "response_min": layout_min(c["response"]),
                    "response_len": layout_len(c["response"]),
                    "ranges": ranges(c["request"], self.ccs),
                    "trailing_ignored": (spec["trailing_request_bytes"] == "ignored"
                                         and not tail),
                    "errors": [self.ccs[e]["code"] for e in c.get("errors", [])],
                    "state_errors": [self.ccs[e]["code"]
                                     for e in c.get("state_changing_errors", [])],
                })

    def cc(self, name):
        return self.ccs[name]["code"]

    def control(self, name):
        return self.kcs["control_codes"][name]

    def bt_register(self, name):
        for reg in self.bt["registers"]:
            if reg["name"] == name:
                return reg
        fail(f"spec/bt.yaml has no {name} register: fuzz-bt needs it")

    def bt_bit(self, register, name):
        for b in self.bt_register(register).get("bits", []):
            if b["name"] == name:
                return 1 << b["bit"]
        fail(f"spec/bt.yaml's {register} register has no bit {name}: fuzz-bt needs it")

    def ssif_command(self, transfer, name):
        for t in self.ssif["smbus"]["transfers"]:
            if t["name"] == transfer and name in t["commands"]:
                return t["commands"][name]
        fail(f"spec/ssif.yaml has no {transfer}:{name} SMBus command: fuzz-ssif needs it")

    def request(self, cmd):
        """A well-formed request for cmd: the header and the spec's data bytes, zeros
        but for ranged fields (their lowest value), a variable tail at its min."""
        data = bytearray(cmd["request_len"])
        for offset, size, lo, _, _ in cmd["ranges"]:
            data[offset:offset + size] = lo.to_bytes(size, "little")
        return bytes([cmd["netfn"] << self.layout["netfn_shift"], cmd["code"]]) + bytes(data)

    def short_request(self, cmd):
        """One byte too short: a data byte missing, or the command byte if there is none."""
        return self.request(cmd)[:-1]

    def command(self, name):
        for c in self.commands:
            if c["name"] == name:
                return c
        fail(f"no {name} command in spec/commands-*.yaml: the fuzz harnesses need it")

    def response_len(self, cmd):
        return self.layout["response_header"] + cmd["response_len"]


def c_ident(name):
    return name.upper()


def write_header(specs, path):
    lay = specs.layout
    states = specs.kcs["status"]["states"]
    out = [
        "/* SPDX-License-Identifier: GPL-2.0-or-later */",
        "/* Generated by tests/fuzz/make-seeds.py from spec/; do not edit. */",
        "#ifndef FUZZ_SPEC_H",
        "#define FUZZ_SPEC_H",
        "",
        "#include <stdbool.h>",
        "#include <stdint.h>",
        "",
        "/* spec/messages.yaml */",
        f"#define FUZZ_REQUEST_HEADER {lay['request_header']}",
        f"#define FUZZ_RESPONSE_HEADER {lay['response_header']}",
        f"#define FUZZ_NETFN_SHIFT {lay['netfn_shift']}",
        f"#define FUZZ_LUN_MASK 0x{(1 << lay['netfn_shift']) - 1:02x}",
        f"#define FUZZ_RESPONSE_NETFN_BIT 0x{lay['response_netfn_bit']:02x}",
        f"#define FUZZ_MAX_MESSAGE {lay['max_message']}",
    ]
    for name in ("SUCCESS", "INVALID_COMMAND", "INVALID_FOR_LUN", "REQUEST_DATA_LENGTH_INVALID",
                 "CANNOT_RETURN_BYTES", "INVALID_DATA_FIELD", "UNSPECIFIED",
                 "REQUEST_DATA_FIELD_TOO_LONG"):
        out.append(f"#define FUZZ_CC_{name} 0x{specs.cc(name):02x}")
    out += ["", "static const uint8_t fuzz_completion_codes[] = {"]
    out += [f"    0x{v['code']:02x}, /* {k} */" for k, v in specs.ccs.items()]
    out += ["};", "",
            "/* spec/commands-*.yaml: data bytes after the header, completion code excluded. */",
            "/* A request field with a range: a value outside it gets cc. */",
            "struct fuzz_range {",
            "    uint8_t offset;",
            "    uint8_t size;",
            "    uint32_t lo;",
            "    uint32_t hi;",
            "    uint8_t cc;",
            "};", "",
            f"#define FUZZ_MAX_RANGES {FUZZ_MAX_RANGES}", "",
            "struct fuzz_command {",
            "    const char *name;",
            "    uint8_t netfn;",
            "    uint8_t code;",
            "    uint16_t request_len;    /* the fewest data bytes */",
            "    uint16_t request_max;    /* the most (a variable tail at its max) */",
            "    bool request_tail;       /* longer requests get C8h, not C7h */",
            "    uint16_t response_min;",
            "    uint16_t response_len;   /* the most */",
            "    bool trailing_ignored;   /* longer requests are answered, not refused */",
            "    uint8_t n_errors;",
            "    uint8_t errors[12];      /* completion codes the spec lets it return */",
            "    uint8_t n_state_errors;",
            "    uint8_t state_errors[4]; /* of those, the ones that may change the state */",
            "    uint8_t n_ranges;",
            "    struct fuzz_range ranges[FUZZ_MAX_RANGES]; /* checked in this order */",
            "};", "",
            "static const struct fuzz_command fuzz_commands[] = {"]
    for c in specs.commands:
        errs = ", ".join(f"0x{e:02x}" for e in c["errors"]) or "0"
        serrs = ", ".join(f"0x{e:02x}" for e in c["state_errors"]) or "0"
        if (len(c["ranges"]) > FUZZ_MAX_RANGES or len(c["errors"]) > 12
                or len(c["state_errors"]) > 4):
            fail(f"{c['name']}: more ranges or errors than fuzz_command holds")
        rngs = ", ".join(f"{{ {o}, {n}, {lo}, {hi}, 0x{cc:02x} }}"
                         for o, n, lo, hi, cc in c["ranges"]) or "{ 0, 0, 0, 0, 0 }"
        out.append(f"    {{ \"{c['name']}\", 0x{c['netfn']:02x}, 0x{c['code']:02x}, "
                   f"{c['request_len']}, {c['request_max']}, "
                   f"{'true' if c['request_tail'] else 'false'}, "
                   f"{c['response_min']}, {c['response_len']}, "
                   f"{'true' if c['trailing_ignored'] else 'false'}, {len(c['errors'])}, "
                   f"{{ {errs} }}, {len(c['state_errors'])}, {{ {serrs} }}, "
                   f"{len(c['ranges'])}, {{ {rngs} }} }}, /* {c['spec']} */")
    out += ["};", ""]
    gdi = specs.command("get_device_id")
    out += ["/* The command fuzz-kcs's host ends every run with. */",
            f"#define FUZZ_GET_DEVICE_ID_NETFN 0x{gdi['netfn']:02x}",
            f"#define FUZZ_GET_DEVICE_ID_CMD 0x{gdi['code']:02x}",
            f"#define FUZZ_GET_DEVICE_ID_RSP_LEN {gdi['response_len']}", ""]
    out += ["/* spec/kcs.yaml: the state field each phase shows, and whether it holds IBF. */",
            "struct fuzz_kcs_phase {",
            "    const char *name;",
            "    uint8_t state;",
            "    bool ibf_held;",
            "};", "",
            "static const struct fuzz_kcs_phase fuzz_kcs_phases[] = {"]
    for p in specs.kcs["phases"]:
        out.append(f"    {{ \"{p['name']}\", {states[p['state']]}, "
                   f"{'true' if p.get('ibf') == 'held' else 'false'} }},")
    out += ["};", "", "static const uint8_t fuzz_kcs_error_codes[] = {"]
    out += [f"    0x{v:02x}, /* {k} */" for k, v in specs.kcs["error_codes"].items()]
    out += ["};", ""]
    kcs = specs.kcs
    for name, value in kcs["buffers"].items():
        out.append(f"#define FUZZ_KCS_{c_ident(name)}_CAPACITY {value}")
    for reg in kcs["registers"]:
        out.append(f"#define FUZZ_KCS_REG_{c_ident(reg['name'])} {reg['offset']}")
    for name, bit in kcs["status"]["bits"].items():
        out.append(f"#define FUZZ_KCS_STATUS_{name} 0x{1 << bit:02x}")
    out.append(f"#define FUZZ_KCS_STATE_SHIFT {kcs['status']['state_field']['shift']}")
    for name, value in states.items():
        out.append(f"#define FUZZ_KCS_STATE_{name} {value}")
    for name, value in kcs["control_codes"].items():
        out.append(f"#define FUZZ_KCS_{name} 0x{value:02x}")
    for name, value in kcs["error_codes"].items():
        out.append(f"#define FUZZ_KCS_ERROR_{name} 0x{value:02x}")
    out += bt_header(specs)
    out += op_enum("fuzz-kcs", "seeds-kcs", "fuzz_kcs_op", "FUZZ_OP", KCS_OPS)
    out += op_enum("fuzz-bt", "seeds-bt", "fuzz_bt_op", "FUZZ_BT_OP", BT_OPS)
    out += ssif_header(specs)
    out += op_enum("fuzz-ssif", "seeds-ssif", "fuzz_ssif_op", "FUZZ_SSIF_OP", SSIF_OPS)
    out += ["", "#endif /* FUZZ_SPEC_H */", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def op_enum(harness, seeds, tag, prefix, ops):
    out = ["", f"/* {harness}'s input language (the seeds in {seeds}/ are written in it). */",
           f"enum {tag} {{"]
    for code, (name, args, doc) in enumerate(ops):
        out.append(f"    {prefix}_{name} = {code}, /* {args + ': ' if args else ''}{doc} */")
    return out + [f"    {prefix}_COUNT", "};"]


def bt_header(specs):
    bt = specs.bt
    caps = bt["capabilities"]
    out = ["", "/* spec/bt.yaml */"]
    for name, value in bt["buffers"].items():
        out.append(f"#define FUZZ_BT_{c_ident(name)}_CAPACITY {value}")
    out.append(f"#define FUZZ_BT_HEADER {BT_HEADER}")
    for reg in bt["registers"]:
        out.append(f"#define FUZZ_BT_REG_{c_ident(reg['name'])} {reg['offset']}")
        for b in reg.get("bits", []):
            out.append(f"#define FUZZ_BT_{c_ident(reg['name'])}_{b['name']} 0x{1 << b['bit']:02x}")
    # What a read of each bit register may show: the bits the phases or flags show.
    for reg in bt["registers"]:
        if "bits" in reg:
            shown = sum(1 << b["bit"] for b in reg["bits"] if "read" in b)
            out.append(f"#define FUZZ_BT_{c_ident(reg['name'])}_SHOWN 0x{shown:02x}")
    out += [f"#define FUZZ_BT_CAPABILITIES_COMMAND 0x{caps['command']:02x}",
            f"#define FUZZ_BT_OUTSTANDING_REQUESTS {caps['outstanding_requests']}",
            f"#define FUZZ_BT_RESPONSE_SECONDS {caps['response_seconds']}",
            f"#define FUZZ_BT_RETRIES {caps['retries']}",
            f"#define FUZZ_BT_APP_NETFN 0x{specs.messages['netfns']['APP']:02x}"]
    out += [f"#define FUZZ_BT_PHASE_{p['name']} {code}" for code, p in enumerate(bt["phases"])]
    out += ["",
            "/* The BT phases: the control bits each shows, and whether a response is due. */",
            "struct fuzz_bt_phase {",
            "    const char *name;",
            "    uint8_t shows;",
            "    bool awaits;",
            "};", "",
            "static const struct fuzz_bt_phase fuzz_bt_phases[] = {"]
    for p in bt["phases"]:
        shows = " | ".join(f"FUZZ_BT_CONTROL_{b}" for b in p["shows"]) or "0"
        out.append(f"    {{ \"{p['name']}\", {shows}, "
                   f"{'true' if p.get('awaits') == 'response' else 'false'} }},")
    out += ["};"]
    return out


def ssif_header(specs):
    ssif = specs.ssif
    smbus = ssif["smbus"]
    caps = ssif["ssif_capabilities"]
    out = ["", "/* spec/ssif.yaml */"]
    for name, value in ssif["buffers"].items():
        out.append(f"#define FUZZ_SSIF_{c_ident(name)}_CAPACITY {value}")
    out += [f"#define FUZZ_SSIF_CHUNK {smbus['chunk']}",
            f"#define FUZZ_SSIF_FIRST_MARKER_0 0x{smbus['first_marker'][0]:02x}",
            f"#define FUZZ_SSIF_FIRST_MARKER_1 0x{smbus['first_marker'][1]:02x}",
            f"#define FUZZ_SSIF_END_MARKER 0x{smbus['end_marker']:02x}",
            f"#define FUZZ_SSIF_PEC {1 if smbus['pec'] else 0}"]
    for t in smbus["transfers"]:
        for name, code in t["commands"].items():
            out.append(f"#define FUZZ_SSIF_{c_ident(t['name'])}_{name} 0x{code:02x}")
    out += [f"#define FUZZ_SSIF_CAPABILITIES_COMMAND 0x{caps['command']:02x}",
            f"#define FUZZ_SSIF_INTERFACE_TYPE {caps['interface_type']}",
            f"#define FUZZ_SSIF_TRANSACTIONS {caps['transactions']}",
            f"#define FUZZ_SSIF_VERSION {caps['version']}",
            f"#define FUZZ_APP_NETFN 0x{specs.messages['netfns']['APP']:02x}"]
    return out


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def write_seed(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(bytes(data))


def bmc_record(req, cap=0, wait=0):
    """One fuzz-bmc record: wait (in 100 ms steps) before the request, then ask it."""
    return bytes([wait, len(req), cap]) + req


def bmc_seeds(specs, folder):
    fresh_dir(folder)
    config = bytes([BMC_FLAG_GUID, DEVICE_ID])
    stream = bytearray(config)
    for c in specs.commands:
        req = specs.request(c)
        write_seed(folder, f"{c['name']}", config + bmc_record(req))
        write_seed(folder, f"{c['name']}-short", config + bmc_record(specs.short_request(c)))
        # The smallest capacity the answer fits in, and one byte less (a capacity code
        # is one byte: 2 + 255 at most; the full message size is code 0).
        need = specs.response_len(c)
        if 3 < need <= 2 + 255:
            write_seed(folder, f"{c['name']}-cap", config +
                       bmc_record(req, need - 2) + bmc_record(req, need - 3))
        stream += bmc_record(req)
    write_seed(folder, "all-commands", stream)
    write_seed(folder, "all-commands-no-guid", bytes([0]) + stream[1:])
    write_seed(folder, "all-commands-sensors", bytes([BMC_FLAG_GUID | BMC_FLAG_SENSORS]) + stream[1:])
    storage_seeds(specs, folder, config)


def storage_seeds(specs, folder, config):
    """Request streams that go past the SDR and FRU commands' first checks: a fresh
    BMC hands out reservation 1 first (then 2, ...) and holds one SDR, record 0."""
    def req(name, *data):
        c = specs.command(name)
        return bytes([c["netfn"] << specs.layout["netfn_shift"], c["code"]]) + bytes(data)

    rec = [0, 0, 0x51, 0x12, 3, 1, 2, 3]  # a record: header (length 3), 3 bytes
    sdr = (bmc_record(req("reserve_sdr_repository"))
           + bmc_record(req("partial_add_sdr", 1, 0, 0, 0, 0, 0, *rec[:5]))
           + bmc_record(req("partial_add_sdr", 1, 0, 1, 0, 5, 1, *rec[5:]))
           + bmc_record(req("add_sdr", *rec))
           + bmc_record(req("get_sdr", 0, 0, 1, 0, 0, 0xff))
           + bmc_record(req("get_sdr", 0, 0, 0, 0, 0, 0xff), cap=20)
           + bmc_record(req("reserve_sdr_repository"))
           + bmc_record(req("get_sdr", 2, 0, 0, 0, 5, 10))
           + bmc_record(req("get_sdr", 2, 0, 0xff, 0xff, 40, 1))
           + bmc_record(req("delete_sdr", 2, 0, 1, 0))
           + bmc_record(req("get_sdr_repository_info"))
           + bmc_record(req("reserve_sdr_repository"))
           + bmc_record(req("clear_sdr_repository", 3, 0, ord("C"), ord("L"), ord("R"), 0xaa))
           + bmc_record(req("get_sdr_repository_allocation_info")))
    write_seed(folder, "sdr-updates", config + sdr)
    fru = (bmc_record(req("get_fru_inventory_area_info", 0))
           + bmc_record(req("write_fru_data", 0, 0xfc, 0x03, *range(1, 9)))
           + bmc_record(req("read_fru_data", 0, 0xf8, 0x03, 16))
           + bmc_record(req("read_fru_data", 0, 0, 0, 255), cap=30)
           + bmc_record(req("read_fru_data", 1, 0, 0, 1))
           + bmc_record(req("write_fru_data", 0, 0, 0x04, 1)))
    write_seed(folder, "fru-read-write", config + fru)


class OpStream:
    """A harness's input: operations of its language (codes), each with its arguments."""

    def __init__(self, specs, codes):
        self.specs = specs
        self.codes = codes
        self.ops = bytearray()

    def op(self, name, *args):
        self.ops += bytes([self.codes[name], *args])
        return self

    def forged(self, netfn_lun, cmd, length, current=True, req_id=0):
        """A response of length bytes (the answer's header for the request, then zeros)."""
        head = ("ANSWER_FORGED_CURRENT",) if current else ("ANSWER_FORGED", req_id)
        body = bytes([netfn_lun | self.specs.layout["response_netfn_bit"], cmd]) + bytes(length)
        self.op(*head, length >> 8, length & 0xff)
        self.ops += body[:length]
        return self


class KcsStream(OpStream):
    """fuzz-kcs operations, written the way Linux's kcs_sm drives the interface."""

    def __init__(self, specs):
        super().__init__(specs, OP)

    def clear_obf(self):
        return self.op("READ_STATUS").op("READ_DATA")

    def write_request(self, req):
        self.clear_obf().op("WRITE_CMD", self.specs.control("WRITE_START"))
        for b in req[:-1]:
            self.clear_obf().op("WRITE_DATA", b)
        self.clear_obf().op("WRITE_CMD", self.specs.control("WRITE_END"))
        return self.clear_obf().op("WRITE_DATA", req[-1])

    def read_response(self, n):
        for _ in range(n):
            self.op("READ_STATUS").op("READ_DATA").op("WRITE_DATA", self.specs.control("READ"))
        return self.clear_obf()  # the dummy byte that ends the read

    def transfer(self, cmd):
        """A complete transfer of cmd's request and its successful answer."""
        self.write_request(self.specs.request(cmd))
        return self.read_response(self.specs.response_len(cmd))

    def refused(self, req):
        """A complete transfer of a request the BMC refuses: the answer is the header."""
        self.write_request(req)
        return self.read_response(self.specs.layout["response_header"])

    def abort(self):
        self.clear_obf().op("WRITE_CMD", self.specs.control("GET_STATUS_ABORT"))
        self.clear_obf().op("WRITE_DATA", 0)
        self.clear_obf().op("WRITE_DATA", self.specs.control("READ"))
        return self.clear_obf()


def kcs_seeds(specs, folder):
    fresh_dir(folder)
    gdi = specs.command("get_device_id")
    ctl = specs.control

    def seed(name, stream):
        write_seed(folder, name, stream.ops)

    for c in specs.commands:
        seed(c["name"], KcsStream(specs).transfer(c))
        # Without data bytes, one byte short is a one-byte request, which KCS cannot
        # carry (WRITE_END straight after WRITE_START is a protocol error).
        if c["request_len"] > 0:
            seed(c["name"] + "-short", KcsStream(specs).refused(specs.short_request(c)))
    s = KcsStream(specs).op("IRQ_ENABLE", 1)
    for c in specs.commands:
        s.transfer(c)
    seed("all-commands-irq", s)

    s = KcsStream(specs).clear_obf().op("WRITE_CMD", ctl("WRITE_START"))
    s.clear_obf().op("WRITE_DATA", specs.request(gdi)[0])
    seed("abort-mid-write", s.abort().transfer(gdi))

    # Reading data again once idle changes nothing; asking for more (READ) is an error.
    s = KcsStream(specs).transfer(gdi).op("READ_DATA").op("READ_DATA").op("READ_STATUS")
    seed("read-past-end", s.op("READ_LOOP", 3))

    s = KcsStream(specs).write_request(specs.request(gdi)).op("READ_DATA")
    seed("read-then-abort", s.op("WRITE_DATA", ctl("READ")).abort())

    s = KcsStream(specs).op("HOLD_ANSWERS", 1).write_request(specs.request(gdi))
    s.op("RESET").op("ANSWER", 0).write_request(specs.request(gdi)).op("ANSWER", 0)
    seed("late-answer-after-reset", s.read_response(specs.response_len(gdi)))

    s = KcsStream(specs).op("HOLD_ANSWERS", 1).write_request(specs.request(gdi))
    s.abort().op("ANSWER", 0).abort().op("HOLD_ANSWERS", 0).transfer(gdi)
    seed("answer-after-abort", s)

    over = KcsStream(specs).clear_obf().op("WRITE_CMD", ctl("WRITE_START"))
    over.op("WRITE_DATA_REPEAT", 0x5a, 0xff).op("WRITE_DATA_REPEAT", 0x5a, 44)
    over.op("WRITE_CMD", ctl("WRITE_END")).op("WRITE_DATA", 0x5a)
    seed("overrun", over.abort())

    req = specs.request(gdi)
    for name, length in (("forged-empty", 0), ("forged-overlong", specs.layout["max_message"] + 1),
                         ("forged-short", 2)):
        s = KcsStream(specs).op("HOLD_ANSWERS", 1).write_request(req)
        seed(name, s.forged(req[0], req[1], length).op("READ_LOOP", 4).abort())
    s = KcsStream(specs).op("HOLD_ANSWERS", 1).write_request(req)
    s.forged(req[0], req[1], 3, current=False, req_id=0x77).op("ANSWER", 0)
    seed("forged-stale", s.read_response(specs.response_len(gdi)))

    s = KcsStream(specs).op("IRQ_ENABLE", 1).op("ATTENTION", 3).op("READ_STATUS")
    seed("attention", s.transfer(gdi).op("ATTENTION", 0))


class BtStream(OpStream):
    """fuzz-bt operations, written the way Linux's ipmi_bt_sm.c drives the interface."""

    def __init__(self, specs):
        super().__init__(specs, BT_OP)
        self.seq = 0

    def ctl(self, *bits):
        value = 0
        for b in bits:
            value |= self.specs.bt_bit("control", b)
        return self.op("WRITE_CONTROL", value)

    def mask(self, *bits):
        value = 0
        for b in bits:
            value |= self.specs.bt_bit("mask", b)
        return self.op("WRITE_MASK", value)

    def frame(self, netfn_lun, cmd, data=b"", length=None):
        """A request frame as bt_start_transaction() lays it out; its own length byte
        (FFh, the most a byte says, for a body longer than that)."""
        body = bytes([netfn_lun, self.seq & 0xff, cmd]) + bytes(data)
        self.seq += 1
        return bytes([min(len(body), 0xff) if length is None else length]) + body

    def write_frame(self, frame):
        """XACTION_START and WRITE_BYTES: status, CLR_WR_PTR, the frame, H2B_ATN."""
        self.op("READ_CONTROL").ctl("CLR_WR_PTR")
        for at in range(0, len(frame), 0xff):
            chunk = frame[at:at + 0xff]
            self.op("WRITE_BYTES", len(chunk))
            self.ops += chunk
        return self.ctl("H2B_ATN")

    def read_response(self, n):
        """READ_WAIT to READ_BYTES for a response of n bytes (its length byte not counted)."""
        self.op("READ_CONTROL").ctl("H_BUSY").ctl("B2H_ATN").op("READ_CONTROL")
        self.ctl("CLR_RD_PTR")
        for _ in range(n + 1):
            self.op("READ_BUFFER")
        return self.ctl("H_BUSY")

    def transfer(self, cmd):
        """A complete transfer of cmd's request and its successful answer."""
        req = self.specs.request(cmd)
        self.write_frame(self.frame(req[0], req[1], req[2:]))
        # The answer: NetFn, sequence, command, completion code and the data.
        return self.read_response(self.specs.response_len(cmd) + 1)

    def header_answer(self, frame):
        """A request the machine or the BMC answers with the header alone."""
        self.write_frame(frame)
        return self.read_response(BT_HEADER)

    def reset_flags(self):
        """Linux's reset_flags(): H_BUSY cleared if set, CLR_WR_PTR, SMS_ATN, BMC_HWRST."""
        return self.op("READ_CONTROL").ctl("CLR_WR_PTR").ctl("SMS_ATN").mask("BMC_HWRST")


def bt_seeds(specs, folder):
    fresh_dir(folder)
    gdi = specs.command("get_device_id")
    app = specs.messages["netfns"]["APP"] << specs.layout["netfn_shift"]
    caps = specs.bt["capabilities"]["command"]
    cap_req = specs.bt["buffers"]["request"]

    def seed(name, stream):
        write_seed(folder, name, stream.ops)

    for c in specs.commands:
        seed(c["name"], BtStream(specs).transfer(c))
        if c["request_len"] > 0:
            s = BtStream(specs)
            short = specs.short_request(c)
            seed(c["name"] + "-short", s.header_answer(s.frame(short[0], short[1], short[2:])))
    s = BtStream(specs).op("IRQ_ENABLE", 1).mask("B2H_IRQ_EN")
    for c in specs.commands:
        # Linux's interrupt handler: clear B2H_IRQ, keep B2H_IRQ_EN.
        s.transfer(c).op("READ_MASK").mask("B2H_IRQ", "B2H_IRQ_EN")
    seed("all-commands-irq", s)

    s = BtStream(specs).reset_flags()
    seed("capabilities", s.header_answer(s.frame(app, caps)).op("READ_LOOP", 10))

    # The buffer's limit: a request that fills it (its length byte the capability
    # answer's figure, the buffer less one), one a byte longer, far longer. Past the
    # limit the length byte says FFh, which counts what the buffer kept.
    s = BtStream(specs)
    seed("request-at-limit", s.header_answer(s.frame(app, 0x60, bytes(cap_req - BT_HEADER))))
    s = BtStream(specs)
    seed("request-past-limit", s.header_answer(s.frame(app, 0x60, bytes(cap_req - BT_HEADER + 1))))
    s = BtStream(specs)
    seed("request-far-past-limit", s.header_answer(s.frame(app, 0x60, bytes(2 * cap_req))))

    s = BtStream(specs)
    for length in (0, 2, 4, 0xff):
        s.header_answer(s.frame(app, gdi["code"], length=length))
    seed("wrong-length", s)
    s = BtStream(specs).op("READ_CONTROL").ctl("CLR_WR_PTR")
    s.op("WRITE_BYTES", 3, 2, app, 0).ctl("H2B_ATN").op("READ_CONTROL")
    seed("too-short", s.transfer(gdi))

    for name, reset in (("late-answer-after-hwrst", lambda t: t.reset_flags()),
                        ("late-answer-after-reset", lambda t: t.op("RESET"))):
        s = BtStream(specs).op("HOLD_ANSWERS", 1)
        req = specs.request(gdi)
        s.write_frame(s.frame(req[0], req[1]))
        reset(s)
        s.op("ANSWER", 0).write_frame(s.frame(req[0], req[1])).op("ANSWER", 0)
        seed(name, s.read_response(specs.response_len(gdi) + 1))

    for name, length in (("forged-empty", 0), ("forged-short", 2),
                         ("forged-fits", specs.bt["buffers"]["response"] - 2),
                         ("forged-overlong", specs.bt["buffers"]["response"] - 1),
                         ("forged-max", specs.layout["max_message"] + 1)):
        s = BtStream(specs).op("HOLD_ANSWERS", 1)
        s.write_frame(s.frame(app, gdi["code"]))
        seed(name, s.forged(app, gdi["code"], length).read_response(BT_HEADER))
    s = BtStream(specs).op("HOLD_ANSWERS", 1)
    s.write_frame(s.frame(app, gdi["code"]))
    s.forged(app, gdi["code"], 3, current=False, req_id=0x77).op("ANSWER", 0)
    seed("forged-stale", s.read_response(specs.response_len(gdi) + 1))

    # While B_BUSY: buffer bytes, CLR_WR_PTR, H2B_ATN, B2H_ATN change nothing.
    s = BtStream(specs).op("HOLD_ANSWERS", 1)
    s.write_frame(s.frame(app, gdi["code"]))
    s.op("WRITE_BUFFER", 0x55).ctl("CLR_WR_PTR").ctl("H2B_ATN").ctl("B2H_ATN")
    s.op("READ_BUFFER").op("READ_ANY", 7).op("WRITE_ANY", 3, 0xff).op("ANSWER", 0)
    seed("busy-writes", s.read_response(specs.response_len(gdi) + 1).op("READ_LOOP", 30))

    # Several control bits in one write, in each phase.
    # (0xff toggles H_BUSY too: the host clears it again, as Linux's driver does.)
    s = BtStream(specs).op("HOLD_ANSWERS", 1).op("WRITE_CONTROL", 0xff).ctl("H_BUSY")
    s.write_frame(s.frame(app, gdi["code"])).op("WRITE_CONTROL", 0xff).ctl("H_BUSY")
    s.op("ANSWER", 0).op("WRITE_CONTROL", 0xff).ctl("H_BUSY").op("HOLD_ANSWERS", 0)
    s.write_frame(s.frame(app, caps)).op("READ_CONTROL").ctl("CLR_WR_PTR")
    s.op("WRITE_BYTES", 4, 3, app, 9, caps).ctl("B2H_ATN", "H2B_ATN")
    seed("several-bits", s.read_response(9))

    # H2B_ATN again without writing the request again: the same request once more.
    s = BtStream(specs).transfer(gdi).ctl("H2B_ATN")
    seed("send-again", s.read_response(specs.response_len(gdi) + 1))

    s = BtStream(specs).op("IRQ_ENABLE", 1).mask("B2H_IRQ_EN").op("ATTENTION", 3)
    s.op("READ_MASK").mask("B2H_IRQ", "B2H_IRQ_EN").op("READ_CONTROL").ctl("SMS_ATN")
    seed("attention", s.transfer(gdi).op("ATTENTION", 0).mask().op("ATTENTION", 3))

    s = BtStream(specs).op("HOLD_ANSWERS", 1).op("RECOVERY", 1)
    s.write_frame(s.frame(app, gdi["code"])).ctl("H_BUSY")
    seed("recover-with-hwrst", s.op("ATTENTION", 1))


class SsifStream(OpStream):
    """fuzz-ssif operations, written the way Linux's ipmi_ssif.c drives the interface."""

    def __init__(self, specs):
        super().__init__(specs, SSIF_OP)

    def send(self, req, short_end=False):
        self.op("SEND", 1 if short_end else 0, len(req))
        self.ops += req
        return self

    def block(self, transfer, name, data):
        self.op("WRITE_BLOCK", self.specs.ssif_command(transfer, name), len(data))
        self.ops += data
        return self

    def read(self, name, block=0):
        return self.op("READ", self.specs.ssif_command("read", name), block)


def ssif_seeds(specs, folder):
    fresh_dir(folder)
    gdi = specs.command("get_device_id")
    app = specs.messages["netfns"]["APP"] << specs.layout["netfn_shift"]
    caps = specs.ssif["ssif_capabilities"]

    def seed(name, stream):
        write_seed(folder, name, stream.ops)

    for c in specs.commands:
        seed(c["name"], SsifStream(specs).send(specs.request(c)).op("READ_ALL"))
    seed("capabilities", SsifStream(specs).send(bytes([app, caps["command"], caps["interface_type"]]))
         .op("READ_ALL"))
    seed("capabilities-wrong-type", SsifStream(specs).send(bytes([app, caps["command"], 3]))
         .op("READ_ALL"))
    # Requests in parts (Linux: 06h, 07h..., 08h; or a short 07h as the end), of the
    # largest size and one past it, with echo-sized answers read in parts.
    for n in (33, 64, 100, specs.ssif["buffers"]["request"]):
        body = bytes([app, gdi["code"]]) + bytes(range(n - 2))
        seed(f"parts-{n}", SsifStream(specs).send(body).op("READ_ALL"))
        seed(f"parts-{n}-short-end", SsifStream(specs).send(body, short_end=True).op("READ_ALL"))
    over = SsifStream(specs).block("write", "START", bytes([app, gdi["code"]]) + bytes(30))
    for _ in range(8):
        over.block("write", "MIDDLE", bytes(32))
    seed("overflow", over.block("write", "END", bytes(8)).send(specs.request(gdi)).op("READ_ALL"))
    s = SsifStream(specs).read("START").read("MIDDLE").read("RETRY", 0)
    seed("read-before-request", s.send(specs.request(gdi)).op("READ_ALL"))
    s = SsifStream(specs).op("HOLD_ANSWERS", 1).send(specs.request(gdi)).read("START")
    s.send(specs.request(gdi)).op("ANSWER", 0).read("START").op("READ_ALL")
    seed("busy", s)
    s = SsifStream(specs).op("HOLD_ANSWERS", 1).send(specs.request(gdi)).op("RESET")
    seed("late-answer-after-reset", s.op("ANSWER", 0).send(specs.request(gdi)).op("ANSWER", 0)
         .op("READ_ALL"))
    req = specs.request(gdi)
    for name, length in (("forged-empty", 0), ("forged-short", 2), ("forged-long", 200),
                         ("forged-overlong", specs.ssif["buffers"]["response"] + 1)):
        s = SsifStream(specs).op("HOLD_ANSWERS", 1).send(req)
        seed(name, s.forged(req[0], req[1], length).op("READ_ALL").read("RETRY", 2)
             .read("RETRY", 0).read("MIDDLE"))
    s = SsifStream(specs).op("IRQ_ENABLE", 1).op("ATTENTION", 1).send(req).op("READ_ALL")
    seed("alert", s.op("ATTENTION", 0))
    # A PEC byte the BMC never asked for: the count does not match what is sent.
    s = SsifStream(specs).op("WRITE", specs.ssif_command("write", "SINGLE_PART"), 4, 2, app,
                             gdi["code"], 0x5a)
    seed("pec-byte", s.send(req).op("READ_ALL"))


def vm_seeds(folder):
    """Byte streams for fuzz-vm: the first byte picks the sender (even: the VM, odd: the
    BMC), the rest is fed to the decoder. The frames are the ones QEMU's ipmi-bt-test
    exchanges (README.vm: sequence, message, checksum, A0h; a command, A1h)."""
    fresh_dir(folder)
    write_seed(folder, "hello", [1, 0xff, 0x01, 0xa1, 0x08, 0x3f, 0xa1])
    write_seed(folder, "get-device-id", [0, 0x05, 0x18, 0x01, 0xe2, 0xa0])
    write_seed(folder, "escaped", [1, 0xaa, 0xb0, 0x1c, 0x01, 0x00, 0xaa, 0xba, 0xa0])
    write_seed(folder, "broken-then-good", [1, 0xaa, 0x00, 0xa0, 0x05, 0xa1, 0x05, 0x18,
                                            0x01, 0xe2, 0xa0])


# fuzz-migrate.c's BMC stream: the bytes before its fields (the kind and whether the
# stopped-count and sensors subsections came), then each field XORed onto the state at
# realize; all zero is a BMC that just started.
MIGRATE_BMC = 3
BMC_STREAM_ZEROS = 105  # the bytes of its fields when no sensor or large field changes


def migrate_seeds(folder):
    """For fuzz-migrate: the first byte picks KCS, BT, SSIF or the BMC; each seed is
    one of the streams at rest (for an interface every field 0 but the ids, for the
    BMC the state at realize), the rest from the fuzzer. The BMC's seeds go on with
    requests: Set Watchdog Timer (100 ms, pre-timeout interrupt, then a hard reset)
    and Reset, so that ticks come, and Add SEL Entry."""
    fresh_dir(folder)
    for kind, name in enumerate(("kcs", "bt", "ssif")):
        write_seed(folder, f"{name}-idle", [kind] + [0] * 16)
    write_seed(folder, "bmc-at-rest", [MIGRATE_BMC])
    requests = [[0x18, 0x24, 0x04, 0x21, 0x00, 0x00, 0x01, 0x00], [0x18, 0x22],
                [0x28, 0x44] + [0x00, 0x00, 0x02] + [0] * 13, [0x18, 0x25]]
    stream = [MIGRATE_BMC] + [0] * BMC_STREAM_ZEROS
    for req in requests:
        stream += [len(req)] + req
    write_seed(folder, "bmc-watchdog-and-sel", stream)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec-dir", required=True)
    ap.add_argument("--header", required=True)
    ap.add_argument("--kcs-seeds", required=True)
    ap.add_argument("--bmc-seeds", required=True)
    ap.add_argument("--bt-seeds", required=True)
    ap.add_argument("--vm-seeds", required=True)
    ap.add_argument("--ssif-seeds", required=True)
    ap.add_argument("--migrate-seeds", required=True)
    args = ap.parse_args()
    specs = Specs(args.spec_dir)
    write_header(specs, args.header)
    bmc_seeds(specs, args.bmc_seeds)
    kcs_seeds(specs, args.kcs_seeds)
    bt_seeds(specs, args.bt_seeds)
    vm_seeds(args.vm_seeds)
    ssif_seeds(specs, args.ssif_seeds)
    migrate_seeds(args.migrate_seeds)


if __name__ == "__main__":
    main()
