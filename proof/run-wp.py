#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Frama-C/WP proof gate, one unit (one .c file) at a time.  Subcommands:

  prove --unit NAME --out RESULT.json [--depfile F] [-I DIR]... [options] FILE.c
      prove FILE.c alone (a function of another unit is used through its contract)
      and write the verdict to RESULT.json; exits 0 even when the proof fails
  check RESULT.json [--counts goals.txt]     exit 0 iff the unit passed and no
                                             committed goal count dropped
  report --out DIR RESULT.json...            write DIR/report.json and report.md
  check-report REPORT.json [--counts F]      exit 0 iff every contract a unit
                                             assumes is proved where it is defined
  update-counts --counts F RESULT.json...    rewrite goals.txt from the results
"""

import argparse
import fcntl
import json
import os
import re
import shlex
import subprocess
import sys
import time

KINDS = ("code", "call", "loop", "assumes", "local-init")  # -wp-smoke-dead-<kind>
MEANING = ((r"_wp_smoke_default_requires$", "the requires are inconsistent"),
           (r"_wp_smoke_.*_requires$", "a behavior's requires are inconsistent"),
           (r"_wp_smoke_.*_assumes$", "a behavior's assumes can never hold"),
           (r"_wp_smoke_dead_loop", "the loop invariants are inconsistent, or the loop is dead"),
           (r"_wp_smoke_dead_code", "this code is unreachable"),
           (r"_wp_smoke_dead_call", "this call never returns"),
           (r"_wp_smoke_dead_local_init", "this local initialisation is unreachable"),
           (r"", "\\false is provable here"))
ERROR = re.compile(r"^\[[\w:-]+\] (?:\S+:\d+: )?(?:User Error|Failure|Internal error)\b"
                   r"|^\[[\w:-]+\] (?:Frama-C|Plug-in \S+) aborted")
FAILED_SMOKE = re.compile(r"^\[wp\] \[Failed\] Smoke-test (\S+)")
SMOKE_WHERE = re.compile(r"^\[wp\] (.+:\d+): Warning: Failed smoke-test")
# Consolidated statuses (Report plug-in) that need no goal of their own here.
SETTLED = ("Valid", "Considered valid", "Partially proven")
UPDATE_HINT = "meson compile -C build proof-counts"
FRAMA_C = os.environ.get("FRAMA_C", "frama-c")


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def dump(obj, path):
    with open(path + ".tmp", "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=1, sort_keys=True)
        fh.write("\n")
    os.replace(path + ".tmp", path)


def repo_path(path, cwd, aliases):
    """A path as the repository names it: generated/kcs_machine.c, verified/bmc.c."""
    full = os.path.normpath(os.path.join(cwd, path))
    for prefix, name in aliases:
        if (full + os.sep).startswith(prefix + os.sep):
            return os.path.normpath(os.path.join(name, os.path.relpath(full, prefix)))
    return full


# ---------------------------------------------------------------- prove

def frama_c_command(a, src, work):
    """The command, the proof options alone (for the report) and the smoke-test kinds."""
    cpp = ["-I" + os.path.abspath(d) for d in a.include]
    cpp += ["-MD", "-MF", os.path.join(work, "cpp.d"), "-MT", "proof"]
    bad = [w for w in cpp + [src] if re.search(r"[\s,'\"\\$`;&|<>()]", w)]
    if bad:  # -cpp-extra-args is a comma-separated list that ends in a shell line
        sys.exit("run-wp.py: paths need no quoting here: %s" % bad)
    kinds = [] if a.smoke == "none" else a.smoke.split(",")
    if set(kinds) - set(KINDS) - {"requires"}:
        sys.exit("run-wp.py: --smoke takes none or requires,%s" % ",".join(KINDS))
    opts = ["-wp", "-wp-rte", "-wp-prover", a.prover, "-wp-timeout", str(a.timeout),
            "-wp-par", str(a.par)]
    if kinds:  # the requires smoke tests come with any kind; they cannot be left out
        kinds = ["requires"] + [k for k in KINDS if k in kinds]
        opts += ["-wp-smoke-tests", "-wp-smoke-timeout", str(a.smoke_timeout)]
        opts += ["-wp-%ssmoke-dead-%s" % ("" if k in kinds else "no-", k) for k in KINDS]
    else:
        opts.append("-wp-no-smoke-tests")
    opts += ["-wp-cache", a.cache]
    cmd = [a.frama_c, "-c11", "-machdep", "x86_64", "-frama-c-stdlib",
           "-cpp-extra-args=" + " ".join(cpp), src] + opts
    cmd += ["-wp-no-cache-env", "-wp-session", os.path.join(work, "wp-session"),
            "-wp-report-json", os.path.join(work, "wp-report.json"),
            "-then", "-report-csv", os.path.join(work, "properties.csv")]
    return cmd, opts, kinds


def read_functions(path):
    """Per function (and lemma block): goals, proved, smoke tests, from WP's JSON report."""
    data = load(path) or {}
    sections = list((data.get("wp:functions") or {}).items())
    sections += [("(lemmas)" if a == "" else "(axiomatic:%s)" % a, p)
                 for a, p in (data.get("wp:axiomatics") or {}).items()]
    functions = {}
    for name, props in sections:
        f = functions.setdefault(name, {"goals": 0, "proved": 0, "smoke": 0, "unproved": [],
                                        "smoke_failed": [], "smoke_inconclusive": 0})
        for prop, stats in props.items():
            st = stats["wp:main"]
            total, valid = st.get("total", 0), st.get("valid", 0)
            if prop == "wp:section":
                continue
            if "_wp_smoke_" in prop:  # inverted: valid = passed, unknown = \false proved
                f["smoke"] += total
                f["smoke_inconclusive"] += st.get("failed", 0)
                if st.get("unknown", 0):
                    f["smoke_failed"].append(prop)
            else:
                f["goals"] += total
                f["proved"] += valid
                if valid < total:
                    f["unproved"].append("%s (%d of %d goals)" % (prop, total - valid, total))
    return functions


def read_properties(path, cwd, aliases):
    """The Report plug-in's table: every property's consolidated status and place."""
    rows = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().split("\n")[1:]
    for line in lines:
        f = line.split("\t", 6)
        if len(f) == 7 and f[2].isdigit():
            where = "%s:%s" % (repo_path(os.path.join(f[0], f[1]), cwd, aliases), f[2])
            rows.append({"where": where, "function": f[3], "kind": f[4], "status": f[5],
                         "property": f[6]})
        elif rows and line.strip():  # a property printed over several lines
            rows[-1]["property"] += " " + line.strip()
    return rows


def judge(res, work, aliases, log):
    """Fill in RES from WP's JSON report, the Report plug-in's table and the log."""
    res["functions"] = fns = read_functions(os.path.join(work, "wp-report.json"))
    rows = read_properties(os.path.join(work, "properties.csv"), work, aliases)
    res["open"] = [r for r in rows if r["status"] not in SETTLED  # less smoke tests' own
                   and (r["kind"], r["property"]) != ("user assertion", "\\false")]
    for r in rows:  # contracts of functions with no body here; libc's are Frama-C's
        if r["status"] == "Considered valid" and not r["where"].startswith("/"):
            res["assumed"].setdefault(r["function"] or "(global)", r["where"])
    where, current = {}, None
    for line in log:
        m = FAILED_SMOKE.match(line)
        current = m.group(1) if m else current
        m = SMOKE_WHERE.match(line)
        if m and current:
            where[current] = repo_path(m.group(1), work, aliases)
    res["smoke_failed"] = [
        {"function": name, "test": p, "where": where.get("typed_" + p, "?"),
         "meaning": next(text for rx, text in MEANING if re.search(rx, p))}
        for name, f in sorted(fns.items()) for p in f["smoke_failed"]]
    for k in ("goals", "proved", "smoke", "smoke_inconclusive"):
        res[k] = sum(f[k] for f in fns.values())
    if res["goals"] == 0:
        res["reasons"].append("no goals: nothing was proved")
    if res["proved"] < res["goals"]:
        res["reasons"].append("%d of %d goals not proved"
                              % (res["goals"] - res["proved"], res["goals"]))
    if res["smoke_failed"]:
        res["reasons"].append("%d smoke test(s) proved \\false: a vacuous contract, an "
                              "inconsistent loop invariant or dead code"
                              % len(res["smoke_failed"]))
    if res["open"] and not res["reasons"]:
        res["reasons"].append("%d properties have no proof" % len(res["open"]))
    return "fail" if res["reasons"] else "pass"


def write_depfile(a, src, work, verdict):
    """The headers frama-c's preprocessor read; a failure also lists a stamp newer than
    the result, so ninja proves the unit again next time instead of keeping the failure."""
    deps = [src]
    if os.path.exists(os.path.join(work, "cpp.d")):
        with open(os.path.join(work, "cpp.d")) as fh:
            deps = fh.read().replace("\\\n", " ").split(":", 1)[1].split()
    if verdict != "pass" and not a.keep_failed:
        deps.append(os.path.join(work, "rerun.stamp"))
        open(deps[-1], "w").close()
        later = os.stat(a.out).st_mtime + 2
        os.utime(deps[-1], (later, later))
    with open(a.depfile, "w") as fh:
        fh.write("%s: %s\n" % (a.out, " ".join(sorted(set(deps)))))


# A goal WP failed with "(cached)": its result came from the cache, and a timeout there
# may be one of a loaded machine (WP reuses a cached timeout at the same limit).
CACHED_FAILURE = re.compile(r"^\s+\S.*(Timeout|Failed|Unknown).*\(cached\)")


class ProverSlot:
    """One of cpu_count places for a frama-c run. Ninja starts cores + 2 units at once,
    and with -wp-par provers each that many make goals time out that prove alone; one
    unit at a time leaves a core idle through frama-c's own single-threaded work (a
    fresh proof took twice as long). One unit per core keeps both busy."""

    def __init__(self, folder, par):
        del par  # the provers of one unit share its core with another unit's frama-c
        self.paths = [os.path.join(folder, ".prover-slot-%d" % i)
                      for i in range(max(1, os.cpu_count() or 1))]
        self.held = None

    def __enter__(self):
        while True:
            for path in self.paths:
                fh = open(path, "w")
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    fh.close()
                    continue
                self.held = fh
                return self
            time.sleep(0.2)

    def __exit__(self, *exc):
        self.held.close()  # closing drops the lock


def run_frama_c(a, src, work, aliases):
    """One frama-c run over the unit: its result, judged."""
    for name in ("wp-report.json", "properties.csv", "frama-c.log", "cpp.d"):
        if os.path.exists(os.path.join(work, name)):  # WP merges an old JSON report
            os.remove(os.path.join(work, name))
    cmd, opts, kinds = frama_c_command(a, src, work)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRAMAC_WP_CACHE")}
    env.update(TMPDIR=os.path.join(work, "tmp"), PWD=work)  # frama-c prints paths from $PWD
    logname = os.path.join(work, "frama-c.log")
    with ProverSlot(os.path.dirname(work), a.par):
        return judge_run(a, src, work, aliases, cmd, opts, kinds, env, logname)


def judge_run(a, src, work, aliases, cmd, opts, kinds, env, logname):
    """Runs frama-c (the caller holds a prover slot) and judges what it proved."""
    start = time.monotonic()
    with open(logname, "w") as log:
        try:
            rc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=work, env=env,
                                stdin=subprocess.DEVNULL).returncode
        except OSError as exc:
            rc = 127
            log.write("run-wp.py: cannot run %s: %s\n" % (cmd[0], exc))
    seconds = time.monotonic() - start
    with open(logname, encoding="utf-8", errors="replace") as fh:
        log = fh.read().split("\n")
    res = {"unit": a.unit, "source": repo_path(src, work, aliases), "options": opts,
           "include": [repo_path(os.path.abspath(d), work, aliases) for d in a.include],
           "smoke_kinds": kinds, "seconds": round(seconds, 1), "command": cmd,
           "log": logname, "reasons": [], "functions": {}, "open": [],
           "smoke_failed": [], "assumed": {}}
    errors = [line for line in log if ERROR.match(line)]
    if rc != 0 or errors or not os.path.exists(os.path.join(work, "wp-report.json")):
        res["verdict"] = "error"
        res["reasons"] = ["frama-c failed (exit status %d)" % rc] + errors[:20]
        res["reasons"] += ["log: " + line for line in log[-15:] if line.strip()]
    else:
        res["verdict"] = judge(res, work, aliases, log)
    res["cached_failures"] = sum(1 for line in log if CACHED_FAILURE.match(line))
    return res


def prove(a):
    src = os.path.abspath(a.source)
    work = os.path.abspath(re.sub(r"(\.result)?\.json$", "", a.out) + ".wp")  # log, cache
    aliases = [(os.path.abspath(p), n) for p, _, n in (x.partition("=") for x in a.alias)]
    os.makedirs(os.path.join(work, "tmp"), exist_ok=True)
    res = run_frama_c(a, src, work, aliases)
    if res["verdict"] == "fail" and res["cached_failures"] and a.cache != "rebuild":
        print("%s: %d failed goals came from the cache; proving again without it"
              % (a.unit, res["cached_failures"]))
        first = res["seconds"]
        a.cache = "rebuild"
        res = run_frama_c(a, src, work, aliases)
        res["seconds"] = round(first + res["seconds"], 1)
    dump(res, a.out)
    if a.depfile:
        write_depfile(a, src, work, res["verdict"])
    print("%s: %s in %.0f s" % (a.unit, res["verdict"], res["seconds"]))
    return 0


# ---------------------------------------------------------------- check

def read_counts(path):
    counts = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            words = line.split("#", 1)[0].split()
            if words and (len(words) != 3 or not words[2].isdigit()):
                sys.exit("%s:%d: expected 'unit function goals'" % (path, n))
            if words:
                counts[(words[0], words[1])] = int(words[2])
    return counts


def summary(r):
    if r["verdict"] == "error":
        return "%s (%s): ERROR" % (r["unit"], r["source"])
    return ("%s (%s): %s: %d/%d goals proved; %d smoke tests (%s), %d failed; %.0f s"
            % (r["unit"], r["source"], r["verdict"].upper(), r["proved"], r["goals"],
               r["smoke"], ", ".join(r["smoke_kinds"]) or "off", len(r["smoke_failed"]),
               r["seconds"]))


def problems(r):
    """What a reader needs to fix a failed unit, one line each."""
    out = ["  " + x for x in r["reasons"]]
    out += ["  %s: %s: %s [%s]: %s" % (o["where"], o["function"] or "-", o["kind"],
                                       o["status"], o["property"]) for o in r["open"]]
    out += ["  unproved in %s: %s" % (name, p)
            for name, f in sorted(r["functions"].items()) for p in f["unproved"]]
    out += ["  %s: %s: failed smoke test %s: %s" % (s["where"], s["function"], s["test"],
                                                    s["meaning"]) for s in r["smoke_failed"]]
    if r.get("smoke_inconclusive"):
        out.append("  note: %d smoke test(s) ended in prover errors: they tested nothing"
                   % r["smoke_inconclusive"])
    if r["verdict"] != "pass":
        out.append("  log: %s" % r["log"])
    return out


def check(a):
    r = load(a.result)
    print(summary(r))
    print("\n".join(problems(r)))
    if not a.counts:
        return 0 if r["verdict"] == "pass" else 1
    mine = {fn: c for (u, fn), c in read_counts(a.counts).items() if u == r["unit"]}
    now = {fn: f["proved"] for fn, f in r["functions"].items()}
    dropped = ["  %s: %s proved goals, %d committed" % (fn, now.get(fn, "no"), c)
               for fn, c in sorted(mine.items()) if now.get(fn, -1) < c]
    grew = ["%s %s -> %d" % (fn, mine.get(fn, "(new)"), n)
            for fn, n in sorted(now.items()) if n > mine.get(fn, -1)]
    if dropped:
        print("FAIL: fewer proved goals than %s commits for unit %s:" % (a.counts, r["unit"]))
        print("\n".join(dropped))
    elif grew and r["verdict"] == "pass":
        print("note: more proved goals than %s commits (%s); to update it: %s"
              % (a.counts, ", ".join(grew), UPDATE_HINT))
    return 0 if r["verdict"] == "pass" and not dropped else 1


# ---------------------------------------------------------------- report

def tool_versions(frama_c, provers):
    def run(*cmd):  # the first line of what CMD prints, or of its error
        return subprocess.getoutput(" ".join(shlex.quote(c) for c in cmd)).split("\n")[0]
    detect = subprocess.getoutput(shlex.quote(frama_c) + " -wp-detect")
    found = dict(m.groups()[::-1] for m in re.finditer(
        r"^\[wp\] Prover\s+(.+?)\s+\[([^|\]]+)", detect, re.M))
    return {"frama-c": run(frama_c, "-version"), "why3": run("why3", "--version"),
            "provers": {p: found.get(p, "not found") for p in provers}}


def table(head, rows):
    """A Markdown table; HEAD is 'A|B:|C', a trailing ':' aligning that column right."""
    cols = head.split("|")
    return (["| %s |" % " | ".join(c.rstrip(":") for c in cols),
             "|%s|" % "|".join("---:" if c.endswith(":") else "---" for c in cols)] +
            ["| %s |" % " | ".join(str(v) for v in row) for row in rows] + [""])


def report(a):
    results = sorted((load(p) for p in a.results), key=lambda r: r["unit"])
    reasons = dict(x.partition("=")[::2] for x in a.smoke_reason)
    defined = {fn: (r["unit"], f["goals"], f["proved"])
               for r in results for fn, f in r["functions"].items()}
    assumed = {}
    for r in results:
        for fn, where in r["assumed"].items():
            x = assumed.setdefault(fn, {"function": fn, "declared": where, "assumed_by": [],
                                        "defined_in": defined.get(fn, [None])[0]})
            x["assumed_by"].append(r["unit"])
            x["proved"] = fn in defined and 0 < defined[fn][2] == defined[fn][1]
    assumed = [assumed[fn] for fn in sorted(assumed)]
    units = [dict({k: r.get(k) for k in ("unit", "source", "verdict", "goals", "proved",
                                         "smoke", "smoke_kinds", "seconds", "options",
                                         "include")},
                  smoke_failed=len(r["smoke_failed"]), smoke_reason=reasons.get(r["unit"], ""),
                  functions={fn: {k: f[k] for k in ("goals", "proved", "smoke")}
                             for fn, f in sorted(r["functions"].items())}) for r in results]
    total = {k: sum(u[k] or 0 for u in units)
             for k in ("goals", "proved", "smoke", "smoke_failed", "seconds")}
    ok = all(r["verdict"] == "pass" for r in results) and all(x["proved"] for x in assumed)
    provers = sorted({p for u in units
                      for p in u["options"][u["options"].index("-wp-prover") + 1].split(",")})
    rep = {"verdict": "pass" if ok else "fail", "total": total, "units": units,
           "assumed": assumed, "tools": tool_versions(a.frama_c, provers)}
    dump(rep, os.path.join(a.out, "report.json"))

    md = ["# Frama-C/WP proof report", "",
          "**%s**: %d units, %d/%d goals proved, %d smoke tests (%d failed); %.0f s of "
          "frama-c in all (units run in parallel; each unit's time is of its last run)."
          % (rep["verdict"].upper(), len(units), total["proved"], total["goals"],
             total["smoke"], total["smoke_failed"], total["seconds"]), ""]
    md += table("Unit|File|Verdict|Goals:|Proved:|Smoke tests:|Smoke failed:|Seconds:",
                [(u["unit"], "`%s`" % u["source"], u["verdict"], u["goals"], u["proved"],
                  u["smoke"], u["smoke_failed"], "%.0f" % u["seconds"]) for u in units])
    md += ["## Smoke tests chosen per unit", ""]
    md += ["- `%s`: %s. %s" % (u["unit"], ", ".join(u["smoke_kinds"]) or "none",
                               u["smoke_reason"]) for u in units]
    md += ["", "## Problems", ""]
    md += ["%s\n\n```\n%s\n```\n" % (summary(r), "\n".join(problems(r)))
           for r in results if r["verdict"] != "pass"] or ["None.", ""]
    md += ["## Contracts assumed across units", "",
           "Each unit is proved alone: a function declared but not defined in it is used "
           "through its contract (\"Considered valid\"), which must be proved where the "
           "function is defined.", ""]
    md += table("Function|Declared at|Assumed by|Defined and proved in",
                [("`%s`" % x["function"], "`%s`" % x["declared"], ", ".join(x["assumed_by"]),
                  x["defined_in"] if x["proved"] else "**not proved** (%s)" % x["defined_in"])
                 for x in assumed])
    md += ["## Goals per function", ""]
    md += table("Unit|Function|Goals:|Proved:|Smoke tests:",
                [(u["unit"], "`%s`" % fn, f["goals"], f["proved"], f["smoke"])
                 for u in units for fn, f in u["functions"].items()])
    md += ["## Tools and options", "", "- Frama-C %s" % rep["tools"]["frama-c"],
           "- %s" % rep["tools"]["why3"]]
    md += ["- prover `%s`: %s" % kv for kv in sorted(rep["tools"]["provers"].items())]
    md += ["- `%s`: `frama-c -c11 -machdep x86_64 -frama-c-stdlib %s %s %s`"
           % (u["unit"], " ".join("-I" + d for d in u["include"]), u["source"],
              " ".join(u["options"])) for u in units]
    with open(os.path.join(a.out, "report.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(md) + "\n")
    return 0


def check_report(a):
    rep = load(a.report)
    bad = ["%s assumes the contract of %s (%s), which is %s" % (
        ", ".join(x["assumed_by"]), x["function"], x["declared"],
        "defined in no unit" if not x["defined_in"] else
        "not fully proved in unit " + x["defined_in"])
        for x in rep["assumed"] if not x["proved"]]
    if a.counts:
        units = {u["unit"] for u in rep["units"]}
        bad += ["%s names unit %s, which is not in the proof any more" % (a.counts, u)
                for u in sorted({u for u, _ in read_counts(a.counts)} - units)]
    print("%d functions are used through their contract by other units; %s"
          % (len(rep["assumed"]), "each is proved where it is defined" if not bad else
             "FAIL:\n  " + "\n  ".join(bad)))
    return 1 if bad else 0


def update_counts(a):
    results = sorted((load(p) for p in a.results), key=lambda r: r["unit"])
    failed = [r["unit"] for r in results if r["verdict"] != "pass"]
    if failed:
        sys.exit("run-wp.py: not all units are proved (%s): counts not updated"
                 % ", ".join(failed))
    with open(a.counts, "w", encoding="utf-8") as fh:
        fh.write("# Proved WP goals per function, one line each: unit function goals.\n"
                 "# The proof suite fails when a count drops or a function disappears.\n"
                 "# Rewritten from the latest results by: %s\n" % UPDATE_HINT)
        for r in results:
            for fn, f in sorted(r["functions"].items()):
                fh.write("%s %s %d\n" % (r["unit"], fn, f["proved"]))
    print("%s: %d units, %d functions" % (a.counts, len(results),
                                          sum(len(r["functions"]) for r in results)))
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prove")
    p.add_argument("source")
    p.add_argument("--depfile")
    p.add_argument("--unit", required=True)
    p.add_argument("--out", required=True, help="the unit's result (JSON)")
    p.add_argument("-I", dest="include", action="append", default=[])
    p.add_argument("--alias", action="append", default=[], metavar="DIR=NAME",
                   help="name files under DIR as NAME/... in the results")
    for arg, default in (("--par", 2), ("--timeout", 10), ("--smoke-timeout", 2)):
        p.add_argument(arg, type=int, default=default)
    # --smoke: none, or requires and any of KINDS; --cache: the -wp-cache mode
    for arg, default in (("--smoke", "requires,code,call,loop,assumes"), ("--frama-c", FRAMA_C),
                         ("--prover", "z3,cvc4"), ("--cache", "cleanup")):
        p.add_argument(arg, default=default)
    p.add_argument("--keep-failed", action="store_true",
                   help="let ninja keep a failed verdict until an input changes")
    for name, first in (("check", "result"), ("check-report", "report")):
        p = sub.add_parser(name)
        p.add_argument(first)
        p.add_argument("--counts")
    for name, out in (("report", "--out"), ("update-counts", "--counts")):
        p = sub.add_parser(name)
        p.add_argument("results", nargs="+")
        p.add_argument(out, required=True)
    p = sub.choices["report"]
    p.add_argument("--smoke-reason", action="append", default=[], metavar="UNIT=TEXT")
    p.add_argument("--frama-c", default=FRAMA_C)
    a = ap.parse_args(argv)
    return {"prove": prove, "check": check, "report": report, "check-report": check_report,
            "update-counts": update_counts}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
