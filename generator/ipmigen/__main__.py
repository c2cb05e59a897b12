# SPDX-License-Identifier: GPL-2.0-or-later
"""ipmigen: turn spec/*.yaml into C.

    python3 -m ipmigen --out-dir DIR [--schema-dir DIR] SPEC [SPEC ...]

Each spec yields one generated unit (a .c and a .h). Nothing is written unless every
spec loads, checks and renders: a broken spec leaves the output folder as it was.
Errors go to stderr as `file:line: what is wrong` and the exit code is 1.
"""

import argparse
import os
import sys

from . import render
from .specfile import SpecError


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_schemas = os.path.normpath(os.path.join(here, "..", "..", "spec", "schema"))
    parser = argparse.ArgumentParser(prog="ipmigen", description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", required=True, help="where the generated files go")
    parser.add_argument("--schema-dir", default=default_schemas,
                        help="folder of <model>.schema.json files (default: %(default)s)")
    parser.add_argument("--depfile", help="write a make-style depfile for the first output")
    parser.add_argument("specs", nargs="+", help="spec files (YAML)")
    args = parser.parse_args(argv)

    try:
        outputs = {}
        for path in args.specs:
            for name, text in render.render_spec(path, args.schema_dir).items():
                if name in outputs:
                    raise SpecError(path, 1, f"another spec also generates {name}")
                outputs[name] = text
    except SpecError as e:
        print(e, file=sys.stderr)
        return 1

    render.write_all(args.out_dir, outputs)
    if args.depfile:
        render.write_depfile(args.depfile, os.path.join(args.out_dir, sorted(outputs)[0]),
                             args.schema_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
