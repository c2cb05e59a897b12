#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Self-test of the proof gate (proof/run-wp.py).  Runs it on three small C
# files and checks that it
#   - passes good.c    (everything provable),
#   - fails bad_rte.c  (off-by-one write) and names the mem_access goal,
#   - fails vacuous.c  (contradictory requires) through the smoke tests only.
# Exit status 0 iff all three behave as expected.
#
# Usage: run-selftest.sh [WORKDIR]
#   WORKDIR keeps each run's output (report.json, report.md, frama-c.log);
#   without it a temporary directory is used and removed afterwards.
# Environment: PYTHON (default python3), RUN_WP_ARGS (extra run-wp.py
# arguments, e.g. "--jobs 2").

set -u

here=$(cd "$(dirname "$0")" && pwd)
gate="$here/../run-wp.py"
python=${PYTHON:-python3}

if [ $# -ge 1 ]; then
	work=$1
	mkdir -p "$work" || exit 2
	cleanup=
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/wp-selftest.XXXXXX") || exit 2
	cleanup=$work
fi
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT

failures=0

# check NAME WANT_STATUS CONDITION_PYTHON: run the gate on NAME.c, expect the
# exit status, then evaluate CONDITION against report.json (as "r") and the
# gate's stderr (as "err").
check() {
	name=$1 want=$2 cond=$3
	out="$work/$name"
	start=$(date +%s.%N)
	# Short timeouts keep each run to a few seconds: nothing here needs more.
	# shellcheck disable=SC2086
	"$python" "$gate" --out "$out" --timeout 5 --smoke-timeout 1 \
		${RUN_WP_ARGS:-} "$here/$name.c" >"$work/$name.stdout" 2>"$work/$name.stderr"
	status=$?
	end=$(date +%s.%N)
	secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
	verdict=ok
	why=
	if [ "$status" -ne "$want" ]; then
		verdict=FAIL
		why="exit status $status, expected $want"
	elif ! "$python" - "$out/report.json" "$work/$name.stderr" "$cond" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
err = open(sys.argv[2]).read()
sys.exit(0 if eval(sys.argv[3]) else 1)
PY
	then
		verdict=FAIL
		why="report does not satisfy: $cond"
	fi
	printf '%-8s %-4s %5ss  %s\n' "$name" "$verdict" "$secs" \
		"$(head -n 1 "$work/$name.stdout")"
	if [ "$verdict" != ok ]; then
		failures=$((failures + 1))
		echo "  $why"
		sed 's/^/  | /' "$work/$name.stderr"
	fi
}

check good 0 \
	'r["goals"] > 0 and r["goals"] == r["proved"] and r["unknown"] == r["timeout"] == r["failed"] == 0 and r["smoke"]["goals"] > 0 and r["smoke"]["inconsistent"] == 0'
check bad_rte 1 \
	'r["goals"] > r["proved"] and r["smoke"]["inconsistent"] == 0 and "assert_rte_mem_access" in err and "fill_bytes" in err and "bad_rte.c:25" in err'
check vacuous 1 \
	'r["goals"] > 0 and r["goals"] == r["proved"] and r["smoke"]["inconsistent"] >= 1 and "requires are inconsistent" in err'

if [ "$failures" -ne 0 ]; then
	echo "selftest: $failures of 3 checks failed (outputs in $work)"
	[ -n "$cleanup" ] && cleanup=  # keep the outputs for inspection
	exit 1
fi
echo "selftest: all 3 checks passed"
exit 0
