#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Proof gate: run Frama-C/WP over C files and fail unless everything is proved.

Usage:
  run-wp.py --out DIR [-I DIR ...] [--jobs N] [--timeout S] [--smoke-timeout S]
            [--prover z3,cvc4] [--frama-c PATH] [--extra-arg ARG ...]
            file1.c file2.c ...

One frama-c run covers all files together (they are linked as one program):

  frama-c -c11 -machdep x86_64 -frama-c-stdlib [-cpp-extra-args=-I...] FILES
          -kernel-msg-key pp
          -wp -wp-rte -wp-smoke-tests -wp-prover P -wp-timeout S -wp-par N
          -wp-cache none -wp-session DIR/wp-session
          -wp-report-json DIR/wp-report.json
          -wp-report DIR/wp-properties.report -wp-report-basename DIR/wp-properties
          -then -report-csv DIR/properties.tsv

Frama-C 25 writes these machine-readable results, which are all read:
  wp-report.json      WP's JSON report: per function, per property, the number
                      of goals and how many are valid/unknown/failed.  For a
                      smoke test, "valid" means the test passed (\\false was NOT
                      proved) and "unknown" means it failed (\\false was proved,
                      so the contract or loop invariant is inconsistent, or the
                      code is dead).
  wp-properties.tsv   the same counts from a WP report template written here,
                      plus each property's kind ("Post-condition",
                      "Assertion 'rte,mem_access'", "Wp_smoke_default_requires").
  properties.tsv      the Report plug-in's table of every property's
                      consolidated status, with file, line and function.
  frama-c.log         the console.  Frama-C 25 has no per-goal structured
                      output, so the per-goal verdict lines ("[wp] [Failed]
                      Goal ...", "[wp] [Passed] Smoke-test ...") are parsed
                      with a strict parser: it rejects any "[wp] [...]" line it
                      does not know, and its counts must agree with the two
                      reports above, otherwise the run is an error.

Writes DIR/report.json and DIR/report.md.  Exit status: 0 when every goal is
proved and no smoke test found an inconsistency; 1 when the proof fails (the
unproved goals and failed smoke tests go to stderr); 2 when the tool itself
fails (bad arguments, frama-c error, unreadable or inconsistent outputs).
"""

import argparse
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

EXIT_PASS = 0
EXIT_PROOF_FAILED = 1
EXIT_TOOL_ERROR = 2

# Files this script owns inside --out; removed before each run so that no
# stale result can be read back (WP even merges an existing JSON report).
OWNED_FILES = (
    "report.json", "report.md", "frama-c.log", "wp-report.json",
    "wp-properties.report", "wp-properties.tsv", "properties.tsv",
)
OWNED_DIRS = ("wp-session", "tmp")

SMOKE_NAME = re.compile(r"(?:^|_)wp_smoke_")
SMOKE_KIND = re.compile(r"^Wp_smoke_")
SMOKE_MEANING = (
    (re.compile(r"_wp_smoke_default_requires$"), "the requires are inconsistent"),
    (re.compile(r"_wp_smoke_.*_requires$"), "a behavior's requires are inconsistent"),
    (re.compile(r"_wp_smoke_.*_assumes$"), "a behavior's assumes can never hold"),
    (re.compile(r"_wp_smoke_dead_loop(_s\d+)?$"),
     "the loop invariants are inconsistent (or the loop is unreachable)"),
    (re.compile(r"_wp_smoke_dead_code(_s\d+)?$"), "this code is unreachable"),
    (re.compile(r"_wp_smoke_dead_call(_s\d+)?$"), "this call never returns"),
    (re.compile(r"_wp_smoke_dead_local_init(_s\d+)?$"),
     "this local initialisation is unreachable"),
)


def smoke_meaning(prop):
    for pattern, meaning in SMOKE_MEANING:
        if pattern.search(prop or ""):
            return meaning
    return "\\false is provable here"


# Consolidated statuses printed by the Report plug-in (Description.status_feedback).
STATUS_OK = {"Valid"}
STATUS_ASSUMED = {"Considered valid"}
# Most severe first; "Partially proven" = proved from hypotheses not proved.
STATUS_BAD = ["Invalid", "Inconsistent", "Invalid or unreachable", "Unknown",
              "Dead", "Ignored", "Partially proven"]


class ToolError(Exception):
    """The gate could not produce a trustworthy verdict."""


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not an integer: %r" % text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be >= 1: %r" % text)
    return value


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Prove C files with Frama-C/WP (RTE + contracts + smoke "
                    "tests) and fail unless every goal is proved.")
    ap.add_argument("--out", required=True, metavar="DIR",
                    help="output directory (report.json, report.md, logs)")
    ap.add_argument("-I", dest="includes", action="append", default=[],
                    metavar="DIR", help="include directory for the preprocessor")
    # WP waits on prover start-up and on why3server round trips as much as on
    # the CPU: on 2 cores 4 jobs are twice as fast as 2 (and 8 no faster).
    ap.add_argument("--jobs", type=positive_int,
                    default=max(4, os.cpu_count() or 1),
                    help="parallel prover processes (-wp-par); "
                         "default: the number of CPUs, at least 4")
    ap.add_argument("--timeout", type=positive_int, default=10, metavar="SECONDS",
                    help="prover timeout per goal (-wp-timeout); default 10")
    ap.add_argument("--smoke-timeout", type=positive_int, default=2,
                    metavar="SECONDS",
                    help="prover timeout per smoke test (-wp-smoke-timeout); "
                         "default 2")
    ap.add_argument("--prover", default="z3,cvc4",
                    help="comma-separated Why3 provers (see frama-c "
                         "-wp-detect); default z3,cvc4")
    ap.add_argument("--frama-c", dest="frama_c",
                    default=os.environ.get("FRAMA_C", "frama-c"),
                    help="frama-c executable (default: $FRAMA_C or frama-c)")
    ap.add_argument("--extra-arg", dest="extra", action="append", default=[],
                    metavar="ARG",
                    help="extra frama-c argument, placed before -then "
                         "(repeatable; write --extra-arg=-foo)")
    ap.add_argument("files", nargs="+", metavar="file.c")
    return ap.parse_args(argv)


def check_inputs(args, out):
    if "," in out:
        # -wp-report takes a comma-separated list of files.
        raise ToolError("the output directory must not contain a comma: %r" % out)
    for f in args.files:
        if not os.path.isfile(f):
            raise ToolError("input file not found: %s" % f)
    for d in args.includes:
        if not os.path.isdir(d):
            raise ToolError("include directory not found: %s" % d)
        # -cpp-extra-args is a comma-separated list that Frama-C joins into a
        # shell command line: keep to paths that need no quoting at all.
        if re.search(r"[\s,'\"\\$`;&|<>()*?!#~]", d):
            raise ToolError("include directory needs quoting, which "
                            "-cpp-extra-args cannot carry: %r" % d)
    provers = [p.strip() for p in args.prover.split(",")]
    if not provers or any(not p for p in provers):
        raise ToolError("bad --prover list: %r" % args.prover)
    for p in provers:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:+-]*", p):
            raise ToolError("bad prover name: %r" % p)
    if shutil.which(args.frama_c) is None:
        raise ToolError("frama-c not found: %s" % args.frama_c)
    return provers


# --------------------------------------------------------------------------
# Tool versions
# --------------------------------------------------------------------------

def tool_output(cmd, env):
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=env,
                              universal_newlines=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, str(exc)
    return proc.returncode, proc.stdout


def tool_versions(frama_c, provers, env):
    rc, out = tool_output([frama_c, "-version"], env)
    if rc != 0 or not out.strip():
        raise ToolError("'%s -version' failed: %s" % (frama_c, (out or "").strip()))
    versions = {"frama-c": out.strip().splitlines()[0]}
    if not re.match(r"25\.", versions["frama-c"]):
        print("run-wp.py: warning: written for Frama-C 25 (Manganese); found %s. "
              "The cross-checks below will stop the run if the output formats "
              "changed." % versions["frama-c"], file=sys.stderr)
    why3 = shutil.which("why3")
    if why3:
        rc, out = tool_output([why3, "--version"], env)
        versions["why3"] = out.strip() if rc == 0 and out else "unknown"
    else:
        versions["why3"] = "why3 not on PATH"
    # "[wp] Prover       CVC4 1.8    [cvc4|CVC4:1.8]"
    rc, out = tool_output([frama_c, "-wp-detect"], env)
    detected = {}
    for line in (out or "").splitlines():
        m = re.match(r"^\[wp\] Prover\s+(.+?)\s+\[([^\]]+)\]\s*$", line)
        if m:
            for code in m.group(2).split("|"):
                detected[code] = m.group(1)
    lower = {code.lower(): name for code, name in detected.items()}
    if detected:
        missing = [p for p in provers if p.lower() not in lower]
        if missing:
            raise ToolError("prover(s) %s not available; frama-c -wp-detect lists: %s"
                            % (", ".join(missing), ", ".join(sorted(detected))))
    versions["provers"] = {p: lower.get(p.lower(), "not listed by frama-c -wp-detect")
                           for p in provers}
    return versions


# --------------------------------------------------------------------------
# Running frama-c
# --------------------------------------------------------------------------

REPORT_TEMPLATE = (
    '@SUFFIX ".tsv"\n'
    '@ZERO "0"\n'
    '@PROPERTY\n'
    'P\t%{chapter}\t%{section}\t%{name}\t%{total}\t%{valid}\t%{inconclusive}'
    '\t%{unsuccess}\t%{property}\n'
)


def prepare_out(out):
    os.makedirs(out, exist_ok=True)
    for name in OWNED_FILES:
        path = os.path.join(out, name)
        if os.path.lexists(path):
            os.remove(path)
    for name in OWNED_DIRS:
        path = os.path.join(out, name)
        if os.path.lexists(path):
            shutil.rmtree(path)
    os.makedirs(os.path.join(out, "tmp"))
    with open(os.path.join(out, "wp-properties.report"), "w") as fh:
        fh.write(REPORT_TEMPLATE)


def child_env(out):
    env = dict(os.environ)
    # Reproducible runs: no WP cache from the environment, temporary files
    # (preprocessed sources, prover inputs) inside the output directory.
    for var in ("FRAMAC_WP_CACHE", "FRAMAC_WP_CACHEDIR", "FRAMAC_WP_QUALIF"):
        env.pop(var, None)
    env["TMPDIR"] = os.path.join(out, "tmp")
    # frama-c runs in DIR/tmp and relativizes the paths it prints to $PWD.
    env["PWD"] = os.path.join(out, "tmp")
    return env


def build_command(args, provers, out):
    cmd = [args.frama_c, "-c11", "-machdep", "x86_64", "-frama-c-stdlib"]
    if args.includes:
        cmd.append("-cpp-extra-args=" + " ".join("-I" + os.path.abspath(d)
                                                 for d in args.includes))
    cmd += [os.path.abspath(f) for f in args.files]
    # Print the preprocessor command lines, checked by check_preprocessing().
    cmd += ["-kernel-msg-key", "pp"]
    cmd += [
        "-wp", "-wp-rte", "-wp-smoke-tests",
        "-wp-prover", ",".join(provers),
        "-wp-timeout", str(args.timeout),
        "-wp-smoke-timeout", str(args.smoke_timeout),
        "-wp-par", str(args.jobs),
        "-wp-cache", "none", "-wp-no-cache-env",
        "-wp-session", os.path.join(out, "wp-session"),
        "-wp-report-json", os.path.join(out, "wp-report.json"),
        "-wp-report", os.path.join(out, "wp-properties.report"),
        "-wp-report-basename", os.path.join(out, "wp-properties"),
    ]
    cmd += list(args.extra)
    cmd += ["-then", "-report-csv", os.path.join(out, "properties.tsv")]
    return cmd


def run_frama_c(cmd, env, log_path, cwd):
    # The working directory is the (empty) DIR/tmp: Frama-C puts "-I." first
    # on the preprocessor's command line, so no header of the caller's
    # working directory can shadow Frama-C's own libc headers.
    start = time.monotonic()
    with open(log_path, "w") as log:
        try:
            proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        except OSError as exc:
            raise ToolError("cannot run frama-c: %s" % exc)
    seconds = time.monotonic() - start
    with open(log_path, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    return proc.returncode, text, seconds


# Messages that mean Frama-C itself failed, whatever its exit status says.
ERROR_LINE = re.compile(
    r"^\[[\w:-]+\] (?:\S+:\d+: )?(?:User Error|Failure|Internal error|Error)\b"
    r"|^\[[\w:-]+\] (?:Frama-C|Plug-in \S+) aborted\b")


def check_tool_errors(rc, log_text):
    lines = log_text.splitlines()
    errors = []
    for i, line in enumerate(lines):
        if ERROR_LINE.match(line):
            errors.append(line)
            # and the message's indented continuation lines
            for nxt in lines[i + 1:i + 8]:
                if not nxt.startswith(" "):
                    break
                errors.append(nxt)
    if rc != 0 or errors:
        if rc < 0:
            msg = "frama-c was killed by signal %d" % -rc
        else:
            msg = "frama-c failed (exit status %d)" % rc
        if errors:
            msg += ":\n  " + "\n  ".join(errors[:30])
        tail = log_text.rstrip("\n").split("\n")[-20:]
        msg += "\nlast lines of its output:\n  " + "\n  ".join(tail)
        raise ToolError(msg)


R_PP = re.compile(r'^\s*preprocessing with "(?P<cmd>.*)"$')


def check_preprocessing(log_text, nfiles):
    """Every source file must be preprocessed against Frama-C's libc headers
    only (-nostdinc plus FRAMAC_SHARE/libc), never the host's."""
    cmds = [m.group("cmd") for m in map(R_PP.match, log_text.split("\n")) if m]
    if len(cmds) != nfiles:
        raise ToolError("expected %d preprocessor command lines in the log, "
                        "found %d" % (nfiles, len(cmds)))
    for c in cmds:
        words = c.split()
        if "-nostdinc" not in words or not any(
                w.startswith("-I") and w.rstrip("/").endswith("/libc") for w in words):
            raise ToolError("a file was not preprocessed with Frama-C's own libc "
                            "headers only: %s" % c)


def display_path(path, base):
    """A path from Frama-C (relative to its working directory BASE) as the
    caller would write it: relative to the caller's directory when inside."""
    full = os.path.normpath(os.path.join(base, path))
    rel = os.path.relpath(full, os.getcwd())
    return full if rel == ".." or rel.startswith("../") else rel


# --------------------------------------------------------------------------
# Reading WP's JSON report
# --------------------------------------------------------------------------

STAT_KEYS = {"total", "valid", "failed", "unknown", "rank"}


def read_stats(obj, where):
    if not isinstance(obj, dict):
        raise ToolError("wp-report.json: %s: expected an object" % where)
    extra = set(obj) - STAT_KEYS
    if extra:
        raise ToolError("wp-report.json: %s: unknown fields %s" % (where, sorted(extra)))
    st = {}
    for key in ("total", "valid", "failed", "unknown"):
        value = obj.get(key, 0)
        if not isinstance(value, int) or value < 0:
            raise ToolError("wp-report.json: %s.%s: bad count %r" % (where, key, value))
        st[key] = value
    if st["total"] != st["valid"] + st["failed"] + st["unknown"]:
        raise ToolError("wp-report.json: %s: total != valid + failed + unknown" % where)
    return st


def read_pstats(obj, where):
    """The per-prover statistics of one node; only "wp:main" is used."""
    if not isinstance(obj, dict) or "wp:main" not in obj:
        raise ToolError("wp-report.json: %s: no wp:main statistics" % where)
    for key, value in obj.items():
        read_stats(value, "%s.%s" % (where, key))
    return read_stats(obj["wp:main"], where + ".wp:main")


def read_wp_json(path):
    """Returns {(chapter, section): {property: stats}} plus global stats."""
    if not os.path.exists(path):
        raise ToolError("WP wrote no JSON report (%s)" % path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ToolError("cannot read %s: %s" % (path, exc))
    if data is None:
        return {}, {"total": 0, "valid": 0, "failed": 0, "unknown": 0}
    if not isinstance(data, dict):
        raise ToolError("wp-report.json: top level is not an object")
    extra = set(data) - {"wp:global", "wp:functions", "wp:axiomatics"}
    if extra:
        raise ToolError("wp-report.json: unknown top-level fields %s" % sorted(extra))
    glob = read_pstats(data.get("wp:global"), "wp:global")
    sections = {}
    for chapter, key in (("Functions", "wp:functions"), ("Axiomatics", "wp:axiomatics")):
        for section, props in (data.get(key) or {}).items():
            where = "%s.%s" % (key, section)
            if not isinstance(props, dict) or "wp:section" not in props:
                raise ToolError("wp-report.json: %s: no wp:section" % where)
            total = read_pstats(props["wp:section"], where + ".wp:section")
            table = {}
            for prop, pst in props.items():
                if prop != "wp:section":
                    table[prop] = read_pstats(pst, "%s.%s" % (where, prop))
            for k in ("total", "valid", "failed", "unknown"):
                if sum(s[k] for s in table.values()) != total[k]:
                    raise ToolError("wp-report.json: %s: properties do not add "
                                    "up to the section's %s" % (where, k))
            label = section if chapter == "Functions" else (
                "Lemma" if section == "" else "Axiomatic " + section)
            sections[(chapter, label)] = table
    for k in ("total", "valid", "failed", "unknown"):
        if sum(s[k] for t in sections.values() for s in t.values()) != glob[k]:
            raise ToolError("wp-report.json: sections do not add up to wp:global %s" % k)
    return sections, glob


# --------------------------------------------------------------------------
# Reading the WP report template output (per property counts and kinds)
# --------------------------------------------------------------------------

def read_wp_properties(path):
    """Returns {(chapter, section): {property: (stats, kind)}}."""
    if not os.path.exists(path):
        return {}
    result = {}
    last = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.startswith("P\t"):
                fields = line.split("\t", 8)
                if len(fields) != 9:
                    raise ToolError("wp-properties.tsv:%d: expected 9 fields" % lineno)
                _, chapter, section, name, *counts, kind = fields
                if chapter not in ("Functions", "Axiomatics"):
                    raise ToolError("wp-properties.tsv:%d: unknown chapter %r"
                                    % (lineno, chapter))
                if not all(re.fullmatch(r"\d+", c) for c in counts):
                    raise ToolError("wp-properties.tsv:%d: bad counts" % lineno)
                total, valid, inconclusive, unsuccess = (int(c) for c in counts)
                section = section.strip()
                if chapter == "Axiomatics" and section == "Lemma":
                    label = "Lemma"
                else:
                    label = section
                st = {"total": total, "valid": valid, "failed": inconclusive,
                      "unknown": unsuccess}
                table = result.setdefault((chapter, label), {})
                if name in table:
                    raise ToolError("wp-properties.tsv:%d: duplicate property %s"
                                    % (lineno, name))
                table[name] = [st, kind.strip()]
                last = table[name]
            elif last is not None and line and not line.startswith("P\t"):
                # The kind text was wrapped by the pretty-printer.
                last[1] += " " + line.strip()
            elif line == "":
                continue
            else:
                raise ToolError("wp-properties.tsv:%d: unrecognised line: %r"
                                % (lineno, line))
    return result


# --------------------------------------------------------------------------
# Reading the Report plug-in's property table
# --------------------------------------------------------------------------

CSV_HEADER = ["directory", "file", "line", "function", "property kind",
              "status", "property"]


def read_properties_csv(path, base):
    if not os.path.exists(path):
        raise ToolError("the Report plug-in wrote no %s" % path)
    rows = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().split("\n")
    if not lines or lines[0].split("\t") != CSV_HEADER:
        raise ToolError("properties.tsv: unexpected header %r" % (lines[:1],))
    for lineno, line in enumerate(lines[1:], 2):
        if "\t" not in line:
            # A property printed over several lines: continuation text.
            if line.strip() == "":
                continue
            if not rows:
                raise ToolError("properties.tsv:%d: text before the first row" % lineno)
            rows[-1]["property"] += "\n" + line
            continue
        fields = line.split("\t", 6)
        if len(fields) != 7 or not re.fullmatch(r"\d+", fields[2]):
            raise ToolError("properties.tsv:%d: unrecognised row %r" % (lineno, line))
        directory, fname, lnum, function, kind, status, prop = fields
        if status not in STATUS_OK | STATUS_ASSUMED | set(STATUS_BAD):
            raise ToolError("properties.tsv:%d: unknown status %r" % (lineno, status))
        path_ = display_path(os.path.join(directory, fname), base)
        rows.append({"file": path_, "line": int(lnum), "function": function,
                     "kind": kind, "status": status, "property": prop})
    return rows


# --------------------------------------------------------------------------
# Reading WP's per-goal verdicts from the console (strict)
# --------------------------------------------------------------------------

VERDICT = r"(?:Valid|Invalid|Unknown|Timeout|Step limit|Failed|No Result|Computing)"
R_ONE = re.compile(r"^\[wp\] \[(?P<tag>[^\]]+)\] (?P<what>Goal|Smoke-test) "
                   r"(?P<gid>\S+) : (?P<verdict>" + VERDICT + r")(?P<rest>.*)$")
R_BLOCK = re.compile(r"^\[wp\] \[(?P<tag>Failed|Passed)\] (?P<what>Goal|Smoke-test) "
                     r"(?P<gid>\S+)$")
R_PROVER = re.compile(r"^\s+(?P<prover>[A-Za-z][^:]*?): (?P<verdict>" + VERDICT +
                      r")(?P<rest>.*)$")
R_SUMMARY = re.compile(r"^\[wp\] Proved goals:\s+(\d+) / (\d+)$")
R_SMOKE_WARNING = re.compile(r"^\[wp\] (?P<loc>.+:\d+): Warning: Failed smoke-test$")
R_WARNING = re.compile(r"^\[(?P<plugin>[\w:-]+)\] (?:(?P<loc>\S+:\d+): )?Warning:\s?(?P<msg>.*)$")


def classify(verdicts):
    """Category of an unproved goal from its prover verdicts."""
    names = [v for _, v, _ in verdicts]
    if any(v in ("Timeout", "Step limit") for v in names):
        return "timeout"
    if any(v in ("Unknown", "Invalid") for v in names):
        return "unknown"
    return "failed"


def parse_console(text, base, provers=None):
    """Per-goal results, the "Proved goals" summary and warnings.  PROVERS,
    when known, is the set of prover names a result line may show (Qed and
    the requested provers as "Z3 4.8.12")."""
    goals = {}
    summary = None
    warnings = []
    block = None          # goal record whose prover lines are being read
    last_goal = None      # last smoke-test record, for its warning location

    def record(gid, smoke, tag, verdicts):
        if smoke:
            if tag == "Passed":
                state = "passed"
            elif tag == "Failed":
                state = "inconsistent"
            else:   # a single prover line for a smoke test
                state = "inconsistent" if verdicts[0][1] == "Valid" else "passed"
        else:
            if tag == "Failed":
                state = classify(verdicts)
            elif verdicts and verdicts[0][1] == "Valid":
                state = "proved"
            else:
                state = classify(verdicts)
        rec = {"gid": gid, "smoke": smoke, "state": state,
               "verdicts": verdicts, "where": None}
        old = goals.get(gid)
        if old is not None:
            # Frama-C 25 prints a failed smoke test twice; both must agree.
            if (old["smoke"], old["state"]) != (smoke, state):
                raise ToolError("goal %s reported twice with different results" % gid)
            return old
        goals[gid] = rec
        return rec

    lines = text.split("\n")
    for lineno, line in enumerate(lines, 1):
        if block is not None:
            if line[:1] in (" ", "\t") and line.strip():
                m = R_PROVER.match(line)
                if m and provers is not None and m.group("prover").strip() not in provers:
                    raise ToolError("frama-c.log:%d: unknown prover in %r"
                                    % (lineno, line))
                if m:
                    block["verdicts"].append((m.group("prover").strip(),
                                              m.group("verdict"),
                                              m.group("rest").strip()))
                    continue
                if block["verdicts"] and block["verdicts"][-1][1] == "Failed":
                    # Continuation of a prover's error message.
                    p, v, rest = block["verdicts"][-1]
                    block["verdicts"][-1] = (p, v, (rest + " " + line.strip()).strip())
                    continue
                raise ToolError("frama-c.log:%d: unrecognised line in the result "
                                "of %s: %r" % (lineno, block["gid"], line))
            rec = record(block["gid"], block["smoke"], block["tag"], block["verdicts"])
            if rec["smoke"]:
                last_goal = rec
            block = None
        if not line.startswith("[wp]"):
            m = R_WARNING.match(line)
            if m:
                warnings.append(line)
            continue
        m = R_ONE.match(line)
        if m and provers is not None and m.group("tag") not in provers:
            raise ToolError("frama-c.log:%d: unknown prover in %r" % (lineno, line))
        if m:
            verdicts = [(m.group("tag"), m.group("verdict"), m.group("rest").strip())]
            rec = record(m.group("gid"), m.group("what") == "Smoke-test",
                         None, verdicts)
            last_goal = rec if rec["smoke"] else None
            continue
        m = R_BLOCK.match(line)
        if m:
            block = {"gid": m.group("gid"), "smoke": m.group("what") == "Smoke-test",
                     "tag": m.group("tag"), "verdicts": []}
            continue
        if line.startswith("[wp] ["):
            raise ToolError("frama-c.log:%d: unrecognised WP result line: %r"
                            % (lineno, line))
        m = R_SUMMARY.match(line)
        if m:
            if summary is not None:
                raise ToolError("frama-c.log:%d: a second 'Proved goals' line" % lineno)
            summary = (int(m.group(1)), int(m.group(2)))
            continue
        if "Proved goals" in line:
            raise ToolError("frama-c.log:%d: unrecognised summary line: %r"
                            % (lineno, line))
        m = R_SMOKE_WARNING.match(line)
        if m:
            if last_goal is not None and last_goal["state"] == "inconsistent":
                path, _, lnum = m.group("loc").rpartition(":")
                last_goal["where"] = "%s:%s" % (display_path(path, base), lnum)
            continue
        if R_WARNING.match(line):
            warnings.append(line)
    if block is not None:
        record(block["gid"], block["smoke"], block["tag"], block["verdicts"])
    # Keep the indented continuation lines of warnings for the report.
    full = []
    for i, line in enumerate(lines):
        if line in warnings:
            text = [line]
            for nxt in lines[i + 1:]:
                if nxt[:1] in (" ", "\t") and nxt.strip():
                    text.append(nxt.strip())
                else:
                    break
            entry = " ".join(text)
            if entry not in full:
                full.append(entry)
    return goals, summary, full


# --------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------

def goal_property(gid, proved, prop_index, sections):
    """The property a goal belongs to, for display.  A goal id is the model
    prefix "typed_", then the property name, then maybe a suffix
    ("_established", "_part2"...): typed_f_loop_invariant_2_preserved is a
    goal of f_loop_invariant_2.  Call-site preconditions break the rule
    (typed_g_call_f_requires for property f_requires_2 of g): then the goal
    is matched to the only unproved (or only proved) ordinary property of the
    function whose name starts its id, when there is exactly one."""
    if not gid.startswith("typed_"):
        return None
    rest = gid[len("typed_"):]
    best = None
    for name in prop_index:
        if rest == name or rest.startswith(name + "_"):
            if best is None or len(name) > len(best):
                best = name
    if best is not None:
        return best
    funcs = [label for (chapter, label) in sections
             if chapter == "Functions" and rest.startswith(label + "_")]
    if not funcs:
        return None
    table = sections[("Functions", max(funcs, key=len))]
    matches = [name for name, st in table.items()
               if not SMOKE_NAME.search(name)
               and (st["valid"] if proved else st["unknown"] + st["failed"]) > 0]
    return matches[0] if len(matches) == 1 else None


def csv_kind(wp_kind):
    """The Report plug-in's name for a WP property kind, or None."""
    m = re.match(r"^Assertion 'rte,([\w-]+)'", wp_kind)
    if m:
        return m.group(1)
    for prefix, kind in (("Assertion", "user assertion"), ("Check", "user check"),
                         ("Post-condition", "postcondition"),
                         ("Pre-condition", "precondition"),
                         ("Invariant", "loop invariant"),
                         ("Loop invariant", "loop invariant"),
                         ("Assigns", "assigns clause"),
                         ("Loop assigns", "assigns clause"),
                         ("Complete behaviors", "complete behaviors"),
                         ("Disjoint behaviors", "disjoint behaviors"),
                         ("Instance of", "precondition of ")):
        if wp_kind.startswith(prefix):
            return kind
    return None


def locate(goal, bad_rows):
    """Source locations of the unproved property a goal belongs to, taken
    from the Report plug-in's rows of the same function and kind whose own
    status is not proved (rows only "partially proven" are left out)."""
    kind = csv_kind(goal["kind"])
    rows = [r for r in bad_rows
            if r["function"] == goal["function"] and r["status"] != "Partially proven"
            and (kind is None or r["kind"].startswith(kind))]
    if kind is None and len(rows) != 1:
        return []
    return rows


def analyse(out, log_text, versions):
    base = os.path.join(out, "tmp")
    names = list(versions["provers"].values())
    provers = None
    if all(not n.startswith("not listed") for n in names):
        provers = set(names) | {"Qed"}
    sections, _ = read_wp_json(os.path.join(out, "wp-report.json"))
    kinds = read_wp_properties(os.path.join(out, "wp-properties.tsv"))
    rows = read_properties_csv(os.path.join(out, "properties.tsv"), base)
    goals, summary, warnings = parse_console(log_text, base, provers)

    # Cross-check the template report against the JSON report.
    if set(kinds) != set(sections):
        raise ToolError("wp-properties.tsv and wp-report.json list different "
                        "sections: %s vs %s" % (sorted(kinds), sorted(sections)))
    for key, table in sections.items():
        if set(table) != set(kinds[key]):
            raise ToolError("wp-properties.tsv and wp-report.json list different "
                            "properties for %s" % (key,))
        for prop, st in table.items():
            if kinds[key][prop][0] != st:
                raise ToolError("wp-properties.tsv and wp-report.json disagree on "
                                "%s %s: %s vs %s" % (key, prop, kinds[key][prop][0], st))

    # Totals, smoke tests kept apart.
    functions = []
    tot = {"goals": 0, "proved": 0, "unproved": 0}
    smoke = {"goals": 0, "inconsistent": 0, "inconclusive": 0}
    prop_index = {}
    for (chapter, label), table in sorted(sections.items()):
        entry = {"chapter": chapter, "section": label, "goals": 0, "proved": 0,
                 "smoke": 0, "smoke_failed": 0, "properties": []}
        for prop, st in sorted(table.items()):
            kind = kinds[(chapter, label)][prop][1]
            is_smoke = bool(SMOKE_NAME.search(prop))
            if is_smoke != bool(SMOKE_KIND.match(kind)):
                raise ToolError("property %s of kind %r: cannot tell whether it "
                                "is a smoke test" % (prop, kind))
            if prop in prop_index:
                raise ToolError("property name %s appears in two sections" % prop)
            prop_index[prop] = (chapter, label, kind, is_smoke)
            if is_smoke:
                # valid = passed (\false not proved); unknown = \false proved.
                smoke["goals"] += st["total"]
                smoke["inconsistent"] += st["unknown"]
                smoke["inconclusive"] += st["failed"]
                entry["smoke"] += st["total"]
                entry["smoke_failed"] += st["unknown"]
            else:
                tot["goals"] += st["total"]
                tot["proved"] += st["valid"]
                tot["unproved"] += st["failed"] + st["unknown"]
                entry["goals"] += st["total"]
                entry["proved"] += st["valid"]
            entry["properties"].append({"name": prop, "kind": kind,
                                        "smoke": is_smoke, **st})
        functions.append(entry)

    # Cross-check the console's per-goal verdicts against the reports.
    ordinary = [g for g in goals.values() if not g["smoke"]]
    smokes = [g for g in goals.values() if g["smoke"]]
    checks = [
        ("goals", len(ordinary), tot["goals"]),
        ("proved goals", sum(g["state"] == "proved" for g in ordinary), tot["proved"]),
        ("smoke tests", len(smokes), smoke["goals"]),
        ("failed smoke tests", sum(g["state"] == "inconsistent" for g in smokes),
         smoke["inconsistent"]),
    ]
    if summary is not None:
        checks.append(("'Proved goals' total", summary[1], tot["goals"] + smoke["goals"]))
        if smoke["inconclusive"] == 0:
            checks.append(("'Proved goals' proved", summary[0],
                           tot["proved"] + smoke["goals"] - smoke["inconsistent"]))
    elif tot["goals"] + smoke["goals"] > 0:
        raise ToolError("frama-c.log: no 'Proved goals' summary line")
    for what, console, report in checks:
        if console != report:
            raise ToolError("the console and the WP reports disagree on the number "
                            "of %s: %d vs %d" % (what, console, report))

    # Attach every goal to its function and property.
    for g in goals.values():
        prop = goal_property(g["gid"], g["state"] in ("proved", "passed"),
                             prop_index, sections)
        if prop is None:
            g.update(function="?", property="?", kind="?")
        else:
            chapter, label, kind, _ = prop_index[prop]
            g.update(function=label if chapter == "Functions" else "(%s)" % label,
                     property=prop, kind=kind)

    counts = {"unknown": 0, "timeout": 0, "failed": 0}
    for g in ordinary:
        if g["state"] in counts:
            counts[g["state"]] += 1
    if sum(counts.values()) != tot["unproved"]:
        raise ToolError("unproved goals: console %d, reports %d"
                        % (sum(counts.values()), tot["unproved"]))

    # Source files of functions, from the Report plug-in.
    files = {}
    for r in rows:
        files.setdefault(r["function"], [])
        if r["file"] not in files[r["function"]]:
            files[r["function"]].append(r["file"])
    for entry in functions:
        found = files.get(entry["section"], []) if entry["chapter"] == "Functions" else []
        # A contract written on a prototype in a header puts some rows there:
        # name the file(s) holding the body when there is one.
        bodies = [f for f in found if not f.endswith(".h")]
        entry["file"] = ", ".join(bodies or found)
    bad_rows = sorted((r for r in rows if r["status"] in STATUS_BAD),
                      key=lambda r: (STATUS_BAD.index(r["status"]), r["file"], r["line"]))
    for g in goals.values():
        g["locations"] = [] if g["smoke"] else locate(g, bad_rows)
    assumed = [r for r in rows if r["status"] in STATUS_ASSUMED]

    return {
        "totals": tot, "smoke": smoke, "counts": counts, "functions": functions,
        "goals": goals, "bad_rows": bad_rows, "assumed": assumed,
        "warnings": warnings, "summary": summary,
    }


# --------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------

def md_cell(text):
    """Text for a table cell (a backslash would escape what follows)."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_code(text):
    """Text for a code span inside a table cell (backslashes are literal)."""
    return "`%s`" % str(text).replace("`", "'").replace("|", "\\|").replace("\n", " ")


def where_text(g):
    if g["smoke"]:
        return g["where"] or "?"
    locs = ["%s:%d" % (r["file"], r["line"]) for r in g["locations"]]
    if not locs:
        return "?"
    if len(locs) == 1:
        return locs[0]
    return "one of " + ", ".join(locs)


def verdict_text(g):
    return "; ".join("%s: %s%s" % (p, v, (" " + r) if r else "")
                     for p, v, r in g["verdicts"])


def write_reports(out, res, versions, cmd, seconds, passed, reasons):
    tot, smoke, counts = res["totals"], res["smoke"], res["counts"]
    report = {
        "goals": tot["goals"],
        "proved": tot["proved"],
        "unknown": counts["unknown"],
        "timeout": counts["timeout"],
        "failed": counts["failed"],
        "smoke": {"goals": smoke["goals"], "inconsistent": smoke["inconsistent"]},
        "seconds": round(seconds, 2),
        "functions": [
            {"name": f["section"] if f["chapter"] == "Functions" else "(%s)" % f["section"],
             "file": f["file"], "goals": f["goals"], "proved": f["proved"]}
            for f in res["functions"]],
    }
    with open(os.path.join(out, "report.json"), "w") as fh:
        json.dump(report, fh, indent=2)
        fh.write("\n")

    unproved = sorted((g for g in res["goals"].values()
                       if not g["smoke"] and g["state"] != "proved"),
                      key=lambda g: g["gid"])
    failed_smoke = sorted((g for g in res["goals"].values()
                           if g["smoke"] and g["state"] == "inconsistent"),
                          key=lambda g: g["gid"])
    md = io.StringIO()
    w = md.write
    w("# Frama-C/WP proof report\n\n")
    w("**%s**: %d/%d goals proved (unknown %d, timeout %d, failed %d); "
      "%d smoke tests, %d inconsistent; %.1f s wall time.\n\n"
      % ("PASS" if passed else "FAIL", tot["proved"], tot["goals"],
         counts["unknown"], counts["timeout"], counts["failed"],
         smoke["goals"], smoke["inconsistent"], seconds))
    for r in reasons:
        w("- %s\n" % md_cell(r))
    if res["assumed"]:
        w("- %d properties are assumed, not proved: contracts of functions "
          "declared without a body in these files (see below)\n" % len(res["assumed"]))
    if reasons or res["assumed"]:
        w("\n")
    w("## Tools\n\n")
    w("- Frama-C: %s\n- Why3: %s\n" % (versions["frama-c"], versions["why3"]))
    for code, name in versions["provers"].items():
        w("- Prover `%s`: %s\n" % (code, name))
    w("\n## Command\n\n```\n%s\n```\n\n" % " ".join(shlex.quote(c) for c in cmd))
    w("Goals are WP proof obligations: runtime-error assertions (`-wp-rte`), "
      "pre/post-conditions, assigns, loop invariants and variants, lemmas. "
      "Smoke tests are counted apart: each tries to prove `\\false` from a "
      "contract's requires/assumes, a loop's invariants, or at a statement; "
      "it passes when no prover can, and fails (the contract is vacuous or the "
      "code dead) when one can.\n\n")
    w("## Functions\n\n| Function | File | Goals | Proved | Smoke tests | Smoke failed |\n"
      "|---|---|---:|---:|---:|---:|\n")
    for f in res["functions"]:
        name = f["section"] if f["chapter"] == "Functions" else "(%s)" % f["section"]
        w("| %s | %s | %d | %d | %d | %d |\n" % (md_cell(name), md_cell(f["file"]),
                                              f["goals"], f["proved"], f["smoke"],
                                              f["smoke_failed"]))
    w("\n")
    for f in res["functions"]:
        name = f["section"] if f["chapter"] == "Functions" else "(%s)" % f["section"]
        w("### %s\n\n" % md_cell(name))
        w("| Property | Kind | Goals | Proved |\n|---|---|---:|---:|\n")
        for p in f["properties"]:
            if p["smoke"]:
                continue
            w("| `%s` | %s | %d | %d |\n" % (p["name"], md_cell(p["kind"]),
                                          p["total"], p["valid"]))
        mine = [g for g in unproved if g["function"] == name]
        mine_smoke = [g for g in failed_smoke if g["function"] == name]
        if mine or mine_smoke:
            w("\n")
        for g in mine:
            w("- unproved goal `%s` (%s) at %s: %s — %s\n"
              % (g["gid"], md_cell(g["kind"]), md_cell(where_text(g)), g["state"],
                 md_cell(verdict_text(g))))
        for g in mine_smoke:
            w("- failed smoke test `%s` at %s: %s (%s)\n"
              % (g["gid"], md_cell(g["where"] or "?"),
                 smoke_meaning(g["property"]), md_cell(verdict_text(g))))
        w("\n")
    if smoke["inconclusive"]:
        w("Note: %d smoke test(s) ended in prover errors only; they count as "
          "passed but tested nothing.\n\n" % smoke["inconclusive"])
    if res["bad_rows"]:
        w("## Properties not proved (Frama-C consolidated status)\n\n"
          "| Location | Function | Kind | Status | Property |\n|---|---|---|---|---|\n")
        for r in res["bad_rows"]:
            w("| %s:%d | %s | %s | %s | %s |\n" % (
                md_cell(r["file"]), r["line"], md_cell(r["function"]),
                md_cell(r["kind"]), md_cell(r["status"]), md_code(r["property"])))
        w("\n")
    if res["assumed"]:
        w("## Assumed properties (\"Considered valid\": contracts of functions "
          "without a body here)\n\n| Location | Function | Kind | Property |\n"
          "|---|---|---|---|\n")
        for r in res["assumed"]:
            w("| %s:%d | %s | %s | %s |\n" % (
                md_cell(r["file"]), r["line"], md_cell(r["function"]),
                md_cell(r["kind"]), md_code(r["property"])))
        w("\n")
    if res["warnings"]:
        w("## Frama-C warnings\n\n")
        for line in res["warnings"]:
            w("- %s\n" % md_cell(line))
        w("\n")
    w("Outputs in this directory: `frama-c.log` (console), `wp-report.json` "
      "(WP JSON report), `wp-properties.tsv` (WP template report), "
      "`properties.tsv` (Report plug-in table).\n")
    with open(os.path.join(out, "report.md"), "w") as fh:
        fh.write(md.getvalue())
    return unproved, failed_smoke


def write_error_report(out, message, cmd, log_text):
    with open(os.path.join(out, "report.md"), "w") as fh:
        fh.write("# Frama-C/WP proof report\n\n**ERROR**: the proof gate could not "
                 "produce a verdict.\n\n```\n%s\n```\n\n" % message)
        if cmd:
            fh.write("## Command\n\n```\n%s\n```\n\n"
                     % " ".join(shlex.quote(c) for c in cmd))
        if log_text:
            tail = "\n".join(log_text.rstrip("\n").split("\n")[-40:])
            fh.write("## Last lines of frama-c.log\n\n```\n%s\n```\n" % tail)


def main(argv):
    args = parse_args(argv)
    out = os.path.abspath(args.out)
    cmd = None
    log_text = ""
    try:
        try:
            os.makedirs(out, exist_ok=True)
        except OSError as exc:
            raise ToolError("cannot create %s: %s" % (out, exc))
        prepare_out(out)
        provers = check_inputs(args, out)
        env = child_env(out)
        versions = tool_versions(args.frama_c, provers, env)
        cmd = build_command(args, provers, out)
        rc, log_text, seconds = run_frama_c(cmd, env, os.path.join(out, "frama-c.log"),
                                            os.path.join(out, "tmp"))
        check_tool_errors(rc, log_text)
        check_preprocessing(log_text, len(args.files))
        res = analyse(out, log_text, versions)
    except ToolError as exc:
        print("run-wp.py: error: %s" % exc, file=sys.stderr)
        if os.path.isdir(out):
            write_error_report(out, str(exc), cmd, log_text)
            print("run-wp.py: see %s" % os.path.join(out, "report.md"), file=sys.stderr)
        return EXIT_TOOL_ERROR

    tot, smoke, counts = res["totals"], res["smoke"], res["counts"]
    reasons = []
    if tot["goals"] == 0:
        reasons.append("no goals were generated: nothing was proved")
    if tot["proved"] != tot["goals"] or any(counts.values()):
        reasons.append("%d of %d goals not proved" % (tot["goals"] - tot["proved"],
                                                       tot["goals"]))
    if smoke["inconsistent"]:
        reasons.append("%d smoke test(s) proved \\false (vacuous contract, "
                       "inconsistent loop invariant, or dead code)"
                       % smoke["inconsistent"])
    if res["bad_rows"] and not reasons:
        reasons.append("%d properties have a status other than Valid although "
                       "all goals were proved" % len(res["bad_rows"]))
    passed = not reasons
    unproved, failed_smoke = write_reports(out, res, versions, cmd, seconds,
                                           passed, reasons)

    line = ("proof %s: %d/%d goals proved, %d unknown, %d timeout, %d failed; "
            "%d smoke tests, %d inconsistent; %.1f s"
            % ("PASSED" if passed else "FAILED", tot["proved"], tot["goals"],
               counts["unknown"], counts["timeout"], counts["failed"],
               smoke["goals"], smoke["inconsistent"], seconds))
    print(line)
    print("report: %s" % os.path.join(out, "report.md"))
    if passed:
        return EXIT_PASS

    err = sys.stderr
    print(line, file=err)
    for r in reasons:
        print("  " + r, file=err)
    if unproved:
        print("Unproved goals:", file=err)
        for g in unproved:
            print("  %s: %s: function %s: %s, goal %s [%s]"
                  % (where_text(g), g["state"].upper(), g["function"], g["kind"],
                     g["gid"], verdict_text(g)), file=err)
    if failed_smoke:
        print("Failed smoke tests (\\false was proved):", file=err)
        for g in failed_smoke:
            print("  %s: function %s: %s (smoke test %s)"
                  % (g["where"] or "?", g["function"], smoke_meaning(g["property"]),
                     g["gid"]), file=err)
    if res["bad_rows"]:
        print("Properties not proved (file:line: function: kind [status] property):",
              file=err)
        for r in res["bad_rows"]:
            print("  %s:%d: %s: %s [%s] %s"
                  % (r["file"], r["line"], r["function"], r["kind"], r["status"],
                     r["property"].replace("\n", " ")), file=err)
    return EXIT_PROOF_FAILED


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
