#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""generated/ must be exactly what the generator makes of spec/ today.

Runs the generator afresh into a temporary folder and compares every file (C, headers,
diagrams), byte for byte, with the checked-in generated/ (and with the build tree's copy, which is what the
compiler and the proofs see). Any difference fails with a unified diff and the command
that regenerates the checked-in copy.
"""
import argparse
import difflib
import filecmp
import glob
import os
import subprocess
import sys
import tempfile


def generated_names(folder):
    """What the generator writes: C, headers and the machines' diagrams."""
    return sorted(os.path.basename(p) for pattern in ("*.[ch]", "*.dot")
                  for p in glob.glob(os.path.join(folder, pattern)))


def compare(fresh, other, label):
    problems = []
    want, have = generated_names(fresh), generated_names(other)
    for name in sorted(set(want) - set(have)):
        problems.append(f"{label}: {name} is missing")
    for name in sorted(set(have) - set(want)):
        problems.append(f"{label}: {name} is not generated from any spec")
    for name in sorted(set(want) & set(have)):
        a, b = os.path.join(fresh, name), os.path.join(other, name)
        if not filecmp.cmp(a, b, shallow=False):
            with open(a, encoding="utf-8") as f:
                new = f.readlines()
            with open(b, encoding="utf-8") as f:
                old = f.readlines()
            diff = "".join(difflib.unified_diff(old, new, f"{label}/{name}", f"fresh/{name}"))
            problems.append(f"{label}: {name} differs from a fresh run:\n{diff}")
    return problems, len(want)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", required=True)
    parser.add_argument("--spec-dir", required=True)
    parser.add_argument("--checked-in", required=True)
    parser.add_argument("--built")
    args = parser.parse_args()

    specs = sorted(glob.glob(os.path.join(args.spec_dir, "*.yaml")))
    with tempfile.TemporaryDirectory() as fresh:
        run = subprocess.run([sys.executable, args.generator, "--out-dir", fresh, *specs],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"the generator failed:\n{run.stderr}", file=sys.stderr)
            return 1
        problems, count = compare(fresh, args.checked_in, "generated")
        if args.built:
            more, _ = compare(fresh, args.built, "build tree")
            problems += more
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("\nregenerate with: python3 generator/gen.py --out-dir generated spec/*.yaml",
              file=sys.stderr)
        return 1
    print(f"{count} generated files from {len(specs)} specs match byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
