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
    ("missing transition", "kcs.yaml",
     '  - {phase: IDLE, event: data:any, do: ["set_error:ILLEGAL_CONTROL_CODE", emit_zero], next: ERROR}\n',
     "", "phase IDLE has no transition on data:READ", None),
    ("unreachable phase", "kcs.yaml",
     "  - {phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}\n", "",
     "phase WRITE_END cannot be reached from IDLE", "  - name: WRITE_END"),
    ("unknown effect", "kcs.yaml",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_banana], next: WRITE_END}",
     "unknown effect emit_banana", "emit_banana"),
    ("guards leave a case", "kcs.yaml",
     "  - {phase: WRITE_DATA, event: data:any, guard: request_full, do: [\"set_error:LENGTH_ERROR\", emit_zero], next: ERROR}\n",
     "", "guards do not cover every case (add request_full)", "{phase: WRITE_DATA, event: data:any, guard: request_has_room"),
    ("effect on the wrong event", "kcs.yaml",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [emit_zero], next: WRITE_END}",
     "{phase: WRITE_DATA, event: command:WRITE_END, do: [store_byte], next: WRITE_END}",
     "store_byte only applies to data events", "do: [store_byte]"),
    ("unknown error code", "kcs.yaml", '"set_error:LENGTH_ERROR"', '"set_error:TOO_LONG"',
     "set_error needs one of error_codes", "set_error:TOO_LONG"),
    ("unknown model", "kcs.yaml", "model: interface", "model: teapot",
     "must name a kind of model", "model: teapot"),
    ("unknown completion code", "commands-app.yaml", "errors: [NOT_PRESENT]", "errors: [NOT_THERE]",
     "unknown completion code NOT_THERE", "errors: [NOT_THERE]"),
    ("duplicate command code", "commands-app.yaml", "code: 0x03", "code: 0x02  # again",
     "command code 0x02 is both", "code: 0x02  # again"),
    ("unknown NetFn", "commands-app.yaml", "netfn: APP", "netfn: KITCHEN",
     "unknown NetFn KITCHEN", "netfn: KITCHEN"),
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
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if find not in text:
            return f"{name}: the spec no longer contains {find!r}; update this case"
        text = text.replace(find, replace, 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
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
