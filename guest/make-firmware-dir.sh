#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make-firmware-dir.sh OUTDIR
#
# Gathers the firmware blobs a QEMU built with --disable-install-blobs needs
# (x86 guests, and skiboot for the PowerNV test) into one folder, to be
# passed with "-L OUTDIR":
#   qemu-system-data  (/usr/share/qemu)     qboot.rom linuxboot*.bin
#                                           multiboot*.bin kvmvapic.bin pvh.bin
#                                           skiboot.lid (POWER's OPAL firmware)
#   seabios           (/usr/share/seabios)  bios*.bin vgabios*.bin
#   ipxe-qemu         (/usr/lib/ipxe/qemu)  efi-*.rom pxe-*.rom
# Files are copied (a folder of copies survives being moved or mounted
# elsewhere) with "install -C", which leaves a file already identical alone,
# so running it again changes nothing.  Keymaps are not needed: the guests
# run without display.

set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
out=$1
mkdir -p "$out"

missing=""
copied=0
kept=0

# put FILE: copy FILE into OUTDIR unless an identical copy is there
# (install -v names the file only when it copies).  install -C compares only
# regular files, so a link (vgabios.bin) is resolved first.
put() {
	if [ ! -f "$1" ]; then
		missing="$missing $1"
		return
	fi
	said=$(install -C -v -m 644 "$(readlink -f "$1")" "$out/$(basename "$1")") || exit 1
	if [ -n "$said" ]; then
		copied=$((copied + 1))
	else
		kept=$((kept + 1))
	fi
}

# Required: without these the guest tests cannot boot.
for f in qboot.rom linuxboot.bin linuxboot_dma.bin kvmvapic.bin \
         multiboot.bin multiboot_dma.bin pvh.bin skiboot.lid; do
	put "/usr/share/qemu/$f"
done
put /usr/share/seabios/bios-256k.bin
put /usr/share/seabios/bios.bin
put /usr/lib/ipxe/qemu/efi-e1000.rom

# Optional: every VGA BIOS and NIC option ROM the packages ship, so that a
# default machine (with VGA and NIC) also starts.
for src in /usr/share/seabios/vgabios*.bin /usr/lib/ipxe/qemu/*.rom; do
	[ -f "$src" ] || continue
	case "$(basename "$src")" in
	efi-e1000.rom) continue ;;
	esac
	put "$src"
done

if [ -n "$missing" ]; then
	echo "make-firmware-dir: missing:$missing" >&2
	echo "make-firmware-dir: install qemu-system-data (bookworm-backports), seabios, ipxe-qemu" >&2
	exit 1
fi
echo "make-firmware-dir: $out ready ($copied copied, $kept unchanged)"
