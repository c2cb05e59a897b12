#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The test command: sets up a fresh Debian 12 machine (as root), builds everything in
# ./build (QEMU with our devices, the guest image) and runs every test suite:
# unit, drift, docs, fuzz-smoke, proof, qtest, guest. Extra arguments go to `meson test`
# (e.g. --suite unit).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/build.sh
meson test -C build --print-errorlogs "$@"
