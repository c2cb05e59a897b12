#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The main job: sets up a fresh Debian 12 machine (as root), builds QEMU 10.0 with our
# IPMI devices and a Debian guest with ipmitool, boots it under TCG with isa-ipmi-kcs
# and ipmi-bmc-sim, and shows what `ipmitool mc info` prints inside it.
# Arguments replace the BMC's properties, e.g. device_id=0x42,mfg_id=0x1234.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/build.sh

bmc_props=${1:-device_id=0x20}
python3 guest/run-guest.py \
    --qemu build/qemu/build/qemu-system-x86_64 \
    --firmware-dir build/guest/firmware \
    --kernel build/guest/vmlinuz \
    --initrd build/guest/initramfs.cpio.gz \
    --cmd "mc info" --cmd "mc selftest" \
    -- -device "ipmi-bmc-sim,id=bmc0,$bmc_props" -device isa-ipmi-kcs,bmc=bmc0
