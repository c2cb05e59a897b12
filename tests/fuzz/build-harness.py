#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Compiles and links one libFuzzer harness with clang, writing a depfile for ninja.

The project's compiler is gcc, so meson cannot build the harnesses as executables;
this does it in one clang run. clang -MD keeps only one source's dependencies when
given several, so they are collected per source with -MM first.

usage: build-harness.py CLANG OUTPUT DEPFILE -- FLAGS... SOURCES...
(arguments after -- ending in .c are the sources, the others the flags; -l, -L and
-Wl, flags, a library's, go to the link alone: clang -MM refuses them as unused)
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 5 or sys.argv[4] != "--":
        sys.exit(__doc__)
    clang, output, depfile = sys.argv[1:4]
    rest = sys.argv[5:]
    sources = [a for a in rest if a.endswith(".c")]
    flags = [a for a in rest if not a.endswith(".c")]
    compile_flags = [a for a in flags if not a.startswith(("-l", "-L", "-Wl,"))]
    deps = []
    for src in sources:
        r = subprocess.run([clang, *compile_flags, "-MM", "-MT", "harness", src],
                           stdout=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit(r.returncode)
        for path in r.stdout.replace("\\\n", " ").split(":", 1)[1].split():
            if path not in deps:
                deps.append(path)
    link_flags = [a for a in flags if a not in compile_flags]
    r = subprocess.run([clang, *compile_flags, *sources, "-o", output, *link_flags])
    if r.returncode != 0:
        sys.exit(r.returncode)
    with open(depfile, "w", encoding="utf-8") as f:
        f.write(f"{output}: " + " \\\n  ".join(deps) + "\n")


if __name__ == "__main__":
    main()
