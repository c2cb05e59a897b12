#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Self-test of the proof gate (proof/run-wp.py).  Given the results of
# `run-wp.py prove` on the three files here (meson's targets proof-selftest-*
# write them), checks that `run-wp.py check`
#   - passes good.c    (everything provable, smoke tests run),
#   - fails bad_rte.c  (off-by-one write) and names the mem_access goal at bad_rte.c:25,
#   - fails vacuous.c  (contradictory requires) through the smoke test alone.
# Exit status 0 iff all three behave as expected.
#
# Usage: run-selftest.sh GOOD.result.json BAD_RTE.result.json VACUOUS.result.json

set -u
[ $# -eq 3 ] || { echo "usage: $0 GOOD.json BAD_RTE.json VACUOUS.json" >&2; exit 2; }
gate="$(dirname "$0")/../run-wp.py"
python=${PYTHON:-python3}
failures=0

# check RESULT WANT_STATUS CONDITION: run the check on RESULT, expect the exit
# status, then evaluate CONDITION (Python) on the result ("r") and the output ("out").
check() {
	result=$1 want=$2 cond=$3
	out=$("$python" "$gate" check "$result" 2>&1)
	status=$?
	if [ "$status" -ne "$want" ]; then
		why="exit status $status, expected $want"
	elif ! "$python" -c 'import json, sys
r = json.load(open(sys.argv[1])); out = sys.argv[2]
sys.exit(0 if eval(sys.argv[3]) else 1)' "$result" "$out" "$cond"; then
		why="not true: $cond"
	else
		printf "ok    %s\n" "$(printf "%s\n" "$out" | head -n 1)"
		return
	fi
	failures=$((failures + 1))
	echo "FAIL  $result: $why"
	printf "%s\n" "$out" | sed 's/^/    | /'
}

check "$1" 0 'r["goals"] > 0 and r["proved"] == r["goals"] and r["smoke"] > 0'
check "$2" 1 'r["proved"] < r["goals"] and not r["smoke_failed"] and "proof/selftest/bad_rte.c:25: fill_bytes: mem_access" in out'
check "$3" 1 'r["proved"] == r["goals"] > 0 and len(r["smoke_failed"]) == 1 and "requires are inconsistent" in out'

if [ "$failures" -ne 0 ]; then
	echo "selftest: $failures of 3 checks failed"
	exit 1
fi
echo "selftest: all 3 checks passed"
