#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Sets up this machine (as root) and builds everything in ./build: the core, QEMU with
# our devices, the guest image. Shared by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-host.sh
if [ ! -f build/build.ninja ]; then
    meson setup build
fi
meson compile -C build
