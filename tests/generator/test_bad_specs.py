#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""A broken spec stops the generator with `file:line: what is wrong`, a non-zero exit
code, and an output folder left exactly as it was.

Each case takes a real spec from spec/, breaks one thing in it, and checks the message
names the right file and the line of the broken thing.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

# (name, spec file, text to find, replacement, expected words in the message,
#  text whose line the error must point at; None to skip the line check)
CASES = [
    ("broken YAML", "kcs.yaml", "  request: 300\n", "  request: [300\n",
     "not valid YAML", None),
    ("not UTF-8", "kcs.yaml", "    doc: Taking request bytes.", b"    doc: Taking request \xff bytes.",
     "not valid UTF-8: byte 0xff", "    doc: Taking request"),
    ("repeated key", "kcs.yaml", "  request: 300\n", "  request: 300\n  request: 200\n",
     "key `request` repeats the one on line", "  request: 200"),
    ("two names for one code", "kcs.yaml", "  READ: 0x68\n", "  READ: 0x68\n  READ_AGAIN: 0x68\n",
     "control code 0x68 is both READ and READ_AGAIN", "  READ_AGAIN: 0x68"),
    ("text that ends a C comment", "kcs.yaml", "    doc: No transfer in progress.",
     "    doc: No transfer */ in progress.", "would end the C comment", "No transfer */"),
    ("a trigraph", "commands-app.yaml", 'doc: "minor revision, BCD"', 'doc: "minor revision??/ BCD"',
     "trigraph", "minor revision??/"),
    ("a line break in text", "kcs.yaml", "    doc: Taking request bytes.",
     '    doc: "Taking\\nrequest bytes."', "line break", "    doc: \"Taking"),
    ("a C keyword as a field", "commands-app.yaml", "{name: enables, type: u8, doc:",
     "{name: int, type: u8, doc:", "`int` is a C keyword", "{name: int, type: u8"),
    ("schema: wrong type", "kcs.yaml", "  request: 300\n", "  request: lots\n",
     "buffers/request", "  request: lots"),
    ("schema: unknown key", "kcs.yaml", "  response: 300\n", "  response: 300\n  spare: 1\n",
     "Additional properties", "  spare: 1"),
    ("unknown state", "kcs.yaml", "  - name: ERROR\n    state: ERROR\n",
     "  - name: ERROR\n    state: BROKEN\n", "unknown state BROKEN", "    state: BROKEN"),
    ("transition to unknown phase", "kcs.yaml",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: NOWHERE}",
     "unknown phase NOWHERE", "next: NOWHERE"),
    ("transition from unknown phase", "kcs.yaml",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}",
     "{phase: LIMBO, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}",
     "unknown phase LIMBO", "phase: LIMBO"),
    ("unknown phase in a list", "kcs.yaml", "phases: [IDLE, READ, ABORT_STATUS]",
     "phases: [IDLE, READ, LIMBO]", "unknown phase LIMBO", "phases: [IDLE, READ, LIMBO]"),
    ("all_but names a phase the host cannot write in", "kcs.yaml",
     "phases: {all_but: [ERROR]}, event: command:other",
     "phases: {all_but: [ERROR, BUSY]}, event: command:other",
     "phase BUSY holds IBF, so the host cannot write in it", "all_but: [ERROR, BUSY]"),
    ("missing transition", "kcs.yaml", "phases: [IDLE, READ, ABORT_STATUS]",
     "phases: [READ, ABORT_STATUS]", "phase IDLE has no transition on data:READ", None),
    ("two outcomes for one phase and event", "kcs.yaml",
     "  - {phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}\n",
     "  - {phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}\n"
     "  - {phase: IDLE, event: command:GET_STATUS_ABORT, do: [emit_zero], next: IDLE}\n",
     "phase IDLE on command:GET_STATUS_ABORT already has an outcome (line",
     "{phase: IDLE, event: command:GET_STATUS_ABORT"),
    ("unreachable phase", "kcs.yaml",
     "  - {phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}\n", "",
     "phase WRITE_END cannot be reached from IDLE", "  - name: WRITE_END"),
    ("unknown effect", "kcs.yaml",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_banana], next: WRITE_END}",
     "unknown effect emit_banana", "emit_banana"),
    ("unknown guard", "kcs.yaml", "guard: response_left,", "guard: response_maybe,",
     "unknown guard response_maybe", "guard: response_maybe"),
    ("guards leave a case", "kcs.yaml",
     "  - {phases: [WRITE_START, WRITE_DATA, WRITE_END], event: data:any, guard: request_full, do: [\"set_error:LENGTH_ERROR\", emit_zero], next: ERROR}\n",
     "", "guards do not cover every case (add request_full)",
     "{phases: [WRITE_START, WRITE_DATA], event: data:any, guard: request_has_room"),
    ("guards of two groups", "kcs.yaml", "guard: response_done,", "guard: request_full,",
     "mixes guards of groups", None),
    ("effect on the wrong event", "kcs.yaml",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [store_byte], next: WRITE_END}",
     "store_byte only applies to data events", "do: [store_byte]"),
    ("unknown error code", "kcs.yaml", '"set_error:LENGTH_ERROR"', '"set_error:TOO_LONG"',
     "set_error needs one of error_codes", "set_error:TOO_LONG"),
    ("vocabulary word declared twice", "kcs.yaml",
     "  - {name: emit_zero, doc: offer a dummy 00h byte in the data register}\n",
     "  - {name: emit_zero, doc: offer a dummy 00h byte in the data register}\n"
     "  - {name: emit_zero, doc: again}\n",
     "emit_zero is declared twice", "{name: emit_zero, doc: again}"),
    ("unknown model", "kcs.yaml", "model: interface", "model: teapot",
     "must name a kind of model", "model: teapot"),
    ("unknown completion code", "commands-app.yaml", "errors: [NOT_PRESENT]", "errors: [NOT_THERE]",
     "unknown completion code NOT_THERE", "errors: [NOT_THERE]"),
    ("duplicate command code", "commands-app.yaml", "code: 0x03", "code: 0x02  # again",
     "command code 0x02 is both", "code: 0x02  # again"),
    ("state-changing error not among the errors", "commands-storage.yaml",
     "state_changing_errors: [OUT_OF_SPACE]", "state_changing_errors: [NOT_PRESENT]",
     "state-changing error NOT_PRESENT is not in the command's errors",
     "state_changing_errors: [NOT_PRESENT]"),
    ("two names for one completion code", "messages.yaml",
     "  NODE_BUSY: {code: 0xc0, doc: Node busy}\n",
     "  NODE_BUSY: {code: 0xc0, doc: Node busy}\n  ALSO_BUSY: {code: 0xc0, doc: Busy}\n",
     "completion code 0xc0 is both NODE_BUSY and ALSO_BUSY", "  ALSO_BUSY"),
    ("unknown NetFn", "commands-app.yaml", "netfn: APP", "netfn: KITCHEN",
     "unknown NetFn KITCHEN", "netfn: KITCHEN"),
    ("a variable tail before another field", "commands-app.yaml",
     "      - {name: guid, type: bytes, length: 16}\n",
     "      - {name: guid, type: bytes, max: 16}\n      - {name: extra, type: u8}\n",
     "has a variable length (max), so it must be the last field", "max: 16}"),
    ("a range that accepts every value", "commands-app.yaml",
     "{name: enables, type: u8, doc:", "{name: enables, type: u8, range: [0, 255], doc:",
     "range [0, 255] accepts every u8: leave it out", "range: [0, 255]"),
    ("a range on a response field", "commands-app.yaml",
     "{name: device_id, type: u8}", "{name: device_id, type: u8, range: [1, 2]}",
     "a range checks a request", "range: [1, 2]"),
    ("room on a request's tail", "commands-storage.yaml",
     '{name: data, type: bytes, max: 255, doc: "what runs past',
     '{name: data, type: bytes, max: 255, room: true, doc: "what runs past',
     "a request has no room to fit", "room: true, doc: \"what runs past"),
    ("a request that does not fit a message", "commands-storage.yaml",
     '{name: data, type: bytes, max: 260, doc: "a new record',
     '{name: data, type: bytes, max: 298, doc: "a new record',
     "the request of partial_add_sdr (304 bytes) does not fit a message", None),
    ("a variable tail whose min is above its max", "commands-app.yaml",
     '{name: flags, type: u8, doc: "1 bits clear the matching flags"}',
     "{name: flags, type: bytes, min: 4, max: 2}",
     "min 4 is above max 2", "min: 4, max: 2"),
    # Registers written bit by bit (spec/bt.yaml).
    ("two bits at one position", "bt.yaml", "{name: OEM0, bit: 5,", "{name: OEM0, bit: 6,",
     "bit 6 of control is both OEM0 and H_BUSY", "{name: H_BUSY, bit: 6"),
    ("a host-written bit that reads as 0", "bt.yaml",
     "{name: SMS_ATN, bit: 4, write: clear, read: flag,", "{name: SMS_ATN, bit: 4, write: clear,",
     "a host write changes it, so a read must show it", "{name: SMS_ATN, bit: 4, write: clear,"),
    ("an event bit without its event", "bt.yaml", "  - control:CLR_RD_PTR\n", "",
     "events has no control:CLR_RD_PTR", None),
    ("an event on a bit that is not one", "bt.yaml", "  - control:CLR_RD_PTR\n",
     "  - control:CLR_RD_PTR\n  - control:SMS_ATN\n",
     "SMS_ATN is not a bit of the control register whose write is an event", "  - control:SMS_ATN"),
    ("an event on no register", "bt.yaml", "  - buffer:any\n", "  - buffer:any\n  - fifo:any\n",
     "no register is written as fifo", "  - fifo:any"),
    ("a phase showing a bit not read from it", "bt.yaml", "shows: [B_BUSY]", "shows: [H_BUSY]",
     "shows H_BUSY, which is not a bit read from the phase", "shows: [H_BUSY]"),
    ("a response where none is awaited", "bt.yaml",
     "{phase: BUSY, event: response, guard: response_fits,",
     "{phase: IDLE, event: response, guard: response_fits,",
     "a response only reaches a phase that awaits one, not IDLE",
     "{phase: IDLE, event: response, guard: response_fits,"),
    ("unknown completion code for an effect", "bt.yaml", '"answer_request_with:UNSPECIFIED"',
     '"answer_request_with:OOPS"', "needs one of completion_codes", "answer_request_with:OOPS"),
    ("a buffer too big to report", "bt.yaml", "  request: 256\n", "  request: 300\n",
     "larger than the capability answer's one byte can report", "  request: 300"),
    # An interface reached by SMBus transfers (spec/ssif.yaml).
    ("two SMBus commands with one code", "ssif.yaml", "MIDDLE: 0x09       # the next",
     "MIDDLE: 0x07       # the next", "SMBus command 0x07 is both write:MIDDLE and read:MIDDLE",
     "MIDDLE: 0x07       # the next"),
    ("an event on an unknown SMBus command", "ssif.yaml", "  - read:RETRY\n",
     "  - read:RETRY\n  - read:REWIND\n", "names unknown SMBus command REWIND", "  - read:REWIND"),
    ("an SSIF message too big to report", "ssif.yaml", "  request: 255\n", "  request: 256\n",
     "larger than the capability answer's one byte can report", "  request: 256"),
    ("an SSIF message that fits one chunk", "ssif.yaml", "  response: 255\n", "  response: 32\n",
     "fits one chunk of 32", "  response: 32"),
    ("an end marker a chunk uses as its number", "ssif.yaml", "  end_marker: 0xff",
     "  end_marker: 0x03", "is a block number a response of 255 bytes uses", "  end_marker: 0x03"),
    ("PEC the BMC does not do", "ssif.yaml", "  pec: false", "  pec: true",
     "smbus/pec", "  pec: true"),
    ("SSIF capabilities without SMBus", "bt.yaml", "capabilities:\n  command: 0x36\n",
     "ssif_capabilities: {command: 0x57, interface_type: 0, transactions: 2, version: 0}\n"
     "capabilities:\n  command: 0x36\n",
     "ssif_capabilities belong to an interface reached by SMBus", "ssif_capabilities: {"),
    ("an SSIF phase with no outcome for a write", "ssif.yaml",
     "  - {phase: BUSY, events: [write:SINGLE_PART, write:START, write:MIDDLE, write:END, write:other], do: [refuse]}\n",
     "  - {phase: BUSY, events: [write:START, write:MIDDLE, write:END], do: [refuse]}\n",
     "phase BUSY has no transition on write:SINGLE_PART", None),
    ("two VM commands with one code", "vm.yaml", "{name: GRACEFUL_SHUTDOWN, code: 0x09,",
     "{name: GRACEFUL_SHUTDOWN, code: 0x01,", "command code 0x01 is both ATTN and GRACEFUL_SHUTDOWN",
     "{name: GRACEFUL_SHUTDOWN, code: 0x01,"),
    ("a marker with the escape bit set", "vm.yaml", "  message_end: 0xa0", "  message_end: 0xb0",
     "message_end 0xb0 has escape_bit 0x10 set", "  message_end: 0xb0"),
    ("a marker that is the escape", "vm.yaml", "  command_end: 0xa1", "  command_end: 0xaa",
     "framing byte 0xaa is both command_end and escape", "  escape: 0xaa"),
    ("unknown VM capability", "vm.yaml", "needs: NMI,", "needs: LASER,",
     "unknown capability LASER", "needs: LASER,"),
    ("a VM layout field twice", "vm.yaml", "    - {field: seq, kind: byte,",
     "    - {field: checksum, kind: byte,",
     "the layout has checksum (byte), message (bytes), checksum (checksum)", "  layout:"),
    ("VM message layout out of order", "vm.yaml",
     "    - {field: seq, kind: byte, doc: \"chosen by the VM (ipmi-bmc-extern sends the interface's "
     "message id); the response repeats it\"}\n"
     "    - {field: message, kind: bytes, doc: \"NetFn/LUN, command, for a response the completion "
     "code, then data\"}\n",
     "    - {field: message, kind: bytes, doc: \"NetFn/LUN, command, for a response the completion "
     "code, then data\"}\n"
     "    - {field: seq, kind: byte, doc: \"chosen by the VM (ipmi-bmc-extern sends the interface's "
     "message id); the response repeats it\"}\n",
     "reads a message frame as seq (byte), message (bytes), checksum (checksum), in that order; "
     "the layout has message (bytes), seq (byte)", "  layout:"),
    ("a VM command frame with a checksum", "vm.yaml",
     "    - {field: args, kind: bytes, doc: its argument bytes}\n",
     "    - {field: args, kind: bytes, doc: its argument bytes}\n"
     "    - {field: checksum, kind: checksum, doc: a checksum}\n",
     "reads a command frame as code (byte), args (bytes), in that order",
     "  layout:\n    - {field: code,"),
    ("a VM decoder rule no byte reaches", "vm.yaml", "  - {state: broken, do: [],",
     "  - {byte: end, do: [end_frame], doc: again}\n  - {state: broken, do: [],",
     "no byte reaches this rule", "doc: again}"),
    ("a byte the VM decoder leaves untaken", "vm.yaml",
     "  - {do: [store], doc: \"a plain byte joins the frame\"}\n", "",
     "no rule takes a byte other in plain", "decoder:\n"),
    ("a VM decoder word run in a state it may not", "vm.yaml",
     "  - {state: escaped, do: [store_escaped],", "  - {do: [store_escaped],",
     "store_escaped may run only in escaped, but this rule runs it in plain",
     "  - {do: [store_escaped],"),
    ("an end marker that does not end the VM frame", "vm.yaml",
     "  - {byte: end, do: [end_frame], doc: \"a marker ends the frame, whatever it holds: judge it, "
     "start the next\"}\n  - {state: broken, do: [], doc: \"the frame is broken already: wait for "
     "its end\"}\n",
     "  - {state: broken, do: [], doc: \"the frame is broken already: wait for its end\"}\n"
     "  - {byte: end, do: [end_frame], doc: \"a marker ends the frame, whatever it holds: judge it, "
     "start the next\"}\n",
     "a message_end byte in state broken does not end the frame", "  - {state: broken,"),
    ("an unknown VM decoder word", "vm.yaml", "do: [begin_escape]", "do: [begin_escap]",
     "unknown word begin_escap", "do: [begin_escap]"),
    ("both VM sides send requests", "vm.yaml", "    bmc: response", "    bmc: request",
     "the VM and the BMC both send requests", "  carries:"),
]


def line_of(text, needle):
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def run_case(generator, spec_dir, case):
    name, spec, find, replace, words, line_text = case
    with tempfile.TemporaryDirectory() as tmp:
        specs = os.path.join(tmp, "spec")
        shutil.copytree(spec_dir, specs)
        path = os.path.join(specs, spec)
        with open(path, "rb") as f:
            raw = f.read()
        find_bytes = find.encode("utf-8")
        if find_bytes not in raw:
            return f"{name}: the spec no longer contains {find!r}; update this case"
        raw = raw.replace(find_bytes, replace if isinstance(replace, bytes) else replace.encode("utf-8"), 1)
        with open(path, "wb") as f:
            f.write(raw)
        text = raw.decode("utf-8", errors="replace")
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        with open(os.path.join(out, "kcs_machine.c"), "w") as f:
            f.write("earlier output\n")
        every = sorted(os.path.join(specs, s) for s in os.listdir(specs) if s.endswith(".yaml"))
        run = subprocess.run([sys.executable, generator, "--out-dir", out, *every],
                             capture_output=True, text=True, timeout=60)
        message = run.stderr.strip()
        if run.returncode == 0:
            return f"{name}: the generator accepted the broken spec"
        if "Traceback" in message:
            return f"{name}: the generator crashed instead of reporting:\n{message}"
        prefix = f"{path}:"
        if not message.startswith(prefix):
            return f"{name}: the message does not start with {prefix}: {message}"
        if words not in message:
            return f"{name}: expected {words!r} in: {message}"
        if line_text is not None:
            want = line_of(text, line_text)
            got = int(message[len(prefix):].split(":", 1)[0])
            if got != want:
                return f"{name}: points at line {got}, the broken line is {want}: {message}"
        if sorted(os.listdir(out)) != ["kcs_machine.c"]:
            return f"{name}: the generator wrote output: {sorted(os.listdir(out))}"
        with open(os.path.join(out, "kcs_machine.c")) as f:
            if f.read() != "earlier output\n":
                return f"{name}: the generator overwrote earlier output"
        print(f"ok: {name}: {message.splitlines()[0]}")
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", required=True)
    parser.add_argument("--spec-dir", required=True)
    args = parser.parse_args()
    failures = [f for f in (run_case(args.generator, args.spec_dir, c) for c in CASES) if f]
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    print(f"{len(CASES) - len(failures)} of {len(CASES)} broken specs reported as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
