#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs one libFuzzer harness from the build tree (see docs/fuzzing.rst).
#
#   tests/fuzz/run.sh fuzz-kcs 600         fuzz for 600 s, growing build/tests/fuzz/corpus/fuzz-kcs
#   tests/fuzz/run.sh --runs 300000 --fresh --seed 1 fuzz-kcs
#                                          what the fuzz-smoke suite runs: a fixed number of
#                                          executions from the seeds alone, reproducibly
#
# Options: --build-dir DIR (default: build/ at the top of this tree), --runs N, --fresh
# (an empty working corpus instead of the kept one), --seed N (default: random).
# Anything after -- goes to libFuzzer. A crash is saved in build/tests/fuzz/crashes/<harness>/
# and the command that replays it is printed.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
runs=
fresh=
seed=0
extra=()
usage() {
    sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}
while [ $# -gt 0 ]; do
    case $1 in
    --build-dir) build=$(cd "$2" && pwd); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --seed) seed=$2; shift 2 ;;
    --help|-h) usage 0 ;;
    --) shift; extra=("$@"); break ;;
    -*) usage ;;
    *) break ;;
    esac
done
[ $# -ge 1 ] || usage
harness=$1
shift
seconds=
if [ $# -gt 0 ] && [ "$1" != -- ]; then
    seconds=$1
    shift
fi
[ "${1:-}" != -- ] || shift
extra+=("$@")
[ -n "$runs" ] || [ -n "$seconds" ] || usage

dir=$build/tests/fuzz
bin=$dir/$harness
seeds=$dir/seeds-${harness#fuzz-}
if [ ! -x "$bin" ] || [ ! -d "$seeds" ]; then
    echo "run.sh: $bin or $seeds is missing: build first (meson compile -C $build)" >&2
    exit 1
fi

# The longest input: a KCS operation stream long enough for a full 300-byte request and
# its answer (with the repeat operations), a BT stream with a full 255-byte request
# frame and its answer, or a BMC stream of several 255-byte requests.
max_len=1024

if [ -n "$fresh" ]; then
    corpus=$dir/smoke/$harness
    rm -rf "$corpus"
else
    corpus=$dir/corpus/$harness
fi
crashes=$dir/crashes/$harness
mkdir -p "$corpus" "$crashes"

args=(-seed="$seed" -max_len=$max_len -timeout=10 -print_final_stats=1
      -artifact_prefix="$crashes/")
if [ -n "$runs" ]; then
    args+=(-runs="$runs")
fi
if [ -n "$seconds" ]; then
    args+=(-max_total_time="$seconds")
fi

log=$dir/$harness.log
cd "$dir"   # where libFuzzer's own files land (fuzz-N.log with -jobs)
start=$(date +%s%N)
set +e
"$bin" "${args[@]}" "${extra[@]}" "$corpus" "$seeds" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
ms=$(( ($(date +%s%N) - start) / 1000000 ))

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
inputs=$(find "$corpus" -type f | wc -l)
printf '%s: %s executions in %d.%d s wall (%s exec/s), %s inputs in the corpus, exit %d\n' \
    "$harness" "${execs:-?}" $((ms / 1000)) $((ms % 1000 / 100)) "${rate:-?}" "$inputs" "$status"
if [ "$status" -ne 0 ]; then
    crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    if [ -n "$crash" ]; then
        echo "$harness: FAILED; the input is $crash"
        echo "reproduce: $bin $crash"
        [ "$harness" = fuzz-bmc ] || echo "trace it:  FUZZ_TRACE=1 $bin $crash"
    else
        echo "$harness: FAILED (libFuzzer exit $status, no input saved; see $log)"
    fi
    exit 1
fi
