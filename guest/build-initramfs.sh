#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# build-initramfs.sh OUTDIR
#
# Builds the IPMI test guest:
#   OUTDIR/vmlinuz              Debian 12 kernel (linux-image-6.1.0-*-amd64)
#   OUTDIR/initramfs.cpio.gz    busybox (static) + ipmitool and FreeIPMI's
#                               bmc-info, ipmi-sensors, ipmi-sel, ipmi-fru and
#                               their shared libraries + the IPMI kernel
#                               modules + /init
#
# The kernel package is the newest linux-image-6.1.0-<abi>-amd64 apt knows
# (set GUEST_KERNEL_PKG to pin another one).  It is fetched with
# "apt-get download" into OUTDIR/debs and unpacked in a scratch folder; it
# is never installed on the host.
#
# A second run with unchanged inputs downloads and rebuilds nothing: each
# stage records its inputs in a stamp file and compares.
#
# Why not Debian's mkinitramfs or dracut: they build an initramfs that finds
# and mounts a root file system, for a kernel installed on the host.  This
# image is the whole test system (its /init runs the test commands) for a
# kernel that is only unpacked, never installed, so the script stages the
# few files itself and leaves the archive to cpio, the module order to
# modprobe --show-depends and the libraries to ldd.
#
# The archive is GNU cpio's newc format, gzipped; the same inputs give the
# same bytes (see the end of stage 2).  Creating /dev/console in the staging
# folder takes mknod, so this runs as root, as the build does.  (Not under
# fakeroot: its preloaded library would show in ldd's list and be packed.)
#
# Host needs: apt, dpkg-deb, kmod (depmod/modprobe), busybox-static,
# ipmitool, freeipmi-tools, cpio, gzip, xz-utils/zstd only if a kernel ships
# compressed modules.

set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
start_ns=$(date +%s%N)

# Modules loaded by /init, in this order (dependencies are added ahead of
# each one).  i2c-i801 is the SMBus controller of q35 (ICH9), which the
# SSIF interface sits on.
load_modules="ipmi_msghandler ipmi_devintf ipmi_si i2c_i801 ipmi_ssif"
# Modules packed but not loaded: tests may insmod them.
extra_modules="ipmi_watchdog ipmi_poweroff acpi_ipmi"

die() {
	echo "build-initramfs: $*" >&2
	exit 1
}

elapsed() {
	local now_ns
	now_ns=$(date +%s%N)
	awk -v a="$start_ns" -v b="$now_ns" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'
}

# ---------------------------------------------------------------------------
# Stage 1: kernel package -> OUTDIR/vmlinuz + OUTDIR/kernel/ (module subset)
# ---------------------------------------------------------------------------

candidate_version() {
	apt-cache policy "$1" 2>/dev/null | awk '$1 == "Candidate:" { print $2 }'
}

resolve_kernel_pkg() {
	local pkg
	if [ -n "${GUEST_KERNEL_PKG:-}" ]; then
		echo "$GUEST_KERNEL_PKG"
		return
	fi
	# Newest ABI first; take the first that apt can actually install
	# (one "apt-cache policy" call for all of them).
	# shellcheck disable=SC2046  # one argument per package name
	pkg=$(apt-cache policy $(apt-cache pkgnames linux-image-6.1.0- 2>/dev/null |
	                         grep -E '^linux-image-6\.1\.0-[0-9]+-amd64$') 2>/dev/null |
	      awk '/^[^ ]/ { sub(":$", "", $1); name = $1 }
	           $1 == "Candidate:" && $2 != "(none)" { print name }' | sort -V | tail -n 1)
	if [ -n "$pkg" ]; then
		echo "$pkg"
		return
	fi
	# Fall back to what the linux-image-amd64 metapackage points at.
	apt-cache depends linux-image-amd64 2>/dev/null |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-6\.1\.0-[0-9]+-amd64$/ { print $2; exit }'
}

stamp_field() {
	sed -n "s/^$1=//p" "$out/kernel.stamp"
}

if [ -z "${GUEST_KERNEL_PKG:-}" ] && [ -z "${GUEST_KERNEL_REFRESH:-}" ] &&
   [ -f "$out/kernel.stamp" ] && [ -f "$out/vmlinuz" ]; then
	# Keep the kernel of the previous build: tests stay reproducible and
	# a rebuild asks apt nothing.  GUEST_KERNEL_REFRESH=1 looks again.
	kpkg=$(stamp_field package)
	kver=$(stamp_field version)
else
	kpkg=$(resolve_kernel_pkg)
	kver=""
	[ -n "$kpkg" ] && kver=$(candidate_version "$kpkg")
	if [ -z "$kpkg" ] || [ -z "$kver" ] || [ "$kver" = "(none)" ]; then
		die "apt finds no installable linux-image-6.1.0-*-amd64 package"
	fi
fi

kernel_stamp_text=$(printf 'package=%s\nversion=%s\nmodules=%s %s\n' \
	"$kpkg" "$kver" "$load_modules" "$extra_modules")

kernel_up_to_date() {
	[ -f "$out/kernel.stamp" ] && [ -f "$out/vmlinuz" ] &&
		[ -f "$out/kernel/modules.order" ] &&
		[ "$(cat "$out/kernel.stamp")" = "$kernel_stamp_text" ]
}

# Finds the downloaded .deb of $kpkg $kver in OUTDIR/debs, if any.
find_deb() {
	local deb
	for deb in "$out/debs/${kpkg}"_*_amd64.deb; do
		[ -f "$deb" ] || continue
		if [ "$(dpkg-deb -f "$deb" Version)" = "$kver" ]; then
			echo "$deb"
			return
		fi
	done
}

# Copies one module into OUTDIR/kernel/, decompressing it if the kernel
# package ships compressed modules (busybox insmod loads plain .ko only).
copy_module() {
	local src=$1 dst=$2
	case "$src" in
	*.ko) cp "$src" "$dst" ;;
	*.ko.xz) xz -dc "$src" >"$dst" ;;
	*.ko.zst) zstd -qdc "$src" >"$dst" ;;
	*.ko.gz) gzip -dc "$src" >"$dst" ;;
	*) die "unknown module file type: $src" ;;
	esac
}

build_kernel_stage() {
	local deb scratch kroot krel mod line path name seen=" "
	mkdir -p "$out/debs"
	deb=$(find_deb)
	if [ -z "$deb" ]; then
		(cd "$out/debs" && apt-get download "$kpkg=$kver" >/dev/null 2>"$out/debs/download.log") ||
			die "apt-get download $kpkg=$kver failed: $(tail -n 3 "$out/debs/download.log")"
		deb=$(find_deb)
		[ -n "$deb" ] || die "downloaded $kpkg but found no .deb of version $kver"
	fi

	scratch=$(mktemp -d "$out/.kernel-unpack.XXXXXX")
	trap 'rm -rf "$scratch"' EXIT
	dpkg-deb -x "$deb" "$scratch"
	kroot=$scratch
	krel=$(find "$kroot/lib/modules" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | head -n 1)
	[ -n "$krel" ] || die "$deb holds no /lib/modules/<release>"
	[ -f "$kroot/boot/vmlinuz-$krel" ] || die "$deb holds no /boot/vmlinuz-$krel"

	# The package ships no modules.dep (postinst runs depmod): make one
	# in the scratch tree, then let modprobe list each module's chain.
	depmod -b "$kroot" "$krel"

	rm -rf "$out/kernel.new"
	mkdir -p "$out/kernel.new"
	: >"$out/kernel.new/modules.order"
	: >"$out/kernel.new/modules.extra"
	for mod in $load_modules $extra_modules; do
		while read -r line; do
			case "$line" in
			insmod\ *) path=${line#insmod } ;;
			builtin\ *) continue ;;
			*) die "unexpected modprobe output for $mod: $line" ;;
			esac
			path=${path%% *}
			name=$(basename "$path")
			name=${name%%.ko*}
			name=${name//-/_}
			case "$seen" in *" $name "*) continue ;; esac
			seen="$seen$name "
			copy_module "$path" "$out/kernel.new/$name.ko"
			case " $load_modules " in
			*" $mod "*) echo "$name" >>"$out/kernel.new/modules.order" ;;
			*) echo "$name" >>"$out/kernel.new/modules.extra" ;;
			esac
		done < <(modprobe -d "$kroot" -S "$krel" --show-depends "$mod" 2>&1 ||
		         echo "missing $mod")
	done

	cp "$kroot/boot/vmlinuz-$krel" "$out/kernel.new/vmlinuz"
	echo "$krel" >"$out/kernel.new/release"
	rm -rf "$scratch"
	trap - EXIT

	rm -rf "$out/kernel"
	mv "$out/kernel.new" "$out/kernel"
	cp "$out/kernel/vmlinuz" "$out/vmlinuz.tmp"
	mv "$out/vmlinuz.tmp" "$out/vmlinuz"
	# Keep only the .deb in use.
	find "$out/debs" -name '*.deb' ! -path "$deb" -delete
	rm -f "$out/debs/download.log"
	printf '%s\n' "$kernel_stamp_text" >"$out/kernel.stamp"
}

kernel_built=0
if ! kernel_up_to_date; then
	build_kernel_stage
	kernel_built=1
fi

# ---------------------------------------------------------------------------
# Stage 2: initramfs
# ---------------------------------------------------------------------------

busybox_bin=/bin/busybox
ipmitool_bin=$(command -v ipmitool || true)
[ -n "$ipmitool_bin" ] || die "ipmitool is not installed"
[ -x "$busybox_bin" ] || die "$busybox_bin is missing (install busybox-static)"
file_is_static() { ! LC_ALL=C ldd "$1" >/dev/null 2>&1; }
file_is_static "$busybox_bin" || die "$busybox_bin is not static (install busybox-static)"

# FreeIPMI's in-band tools, packed at the paths Debian installs them.
freeipmi_tools="bmc-info ipmi-sensors ipmi-sel ipmi-fru"
freeipmi_bins=""
for tool in $freeipmi_tools; do
	bin=$(PATH=/usr/sbin:/sbin:$PATH command -v "$tool" || true)
	[ -n "$bin" ] || die "$tool is not installed (install freeipmi-tools)"
	freeipmi_bins="$freeipmi_bins $bin"
done

# Shared libraries of every packed binary: "name => /path (addr)" lines,
# plus the loader on a line of its own.
# shellcheck disable=SC2086  # $freeipmi_bins is one path per word
libs=$(for bin in "$ipmitool_bin" $freeipmi_bins; do LC_ALL=C ldd "$bin"; done |
       awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | LC_ALL=C sort -u)
loader=$(LC_ALL=C ldd "$ipmitool_bin" | awk '$1 ~ /^\// { print $1 }')
[ -n "$loader" ] || die "cannot find the dynamic loader of $ipmitool_bin"

# The inputs of the archive, as content hashes.
# shellcheck disable=SC2086  # $libs is one path per word
inputs_text=$(
	cat "$out/kernel.stamp"
	sha256sum "$0" "$here/init.sh" \
		"$busybox_bin" "$ipmitool_bin" $freeipmi_bins $libs "$loader" \
		"$out"/kernel/*.ko "$out/kernel/modules.order" | awk '{ print $1 }'
	echo "$loader"
	echo "full_iana=${GUEST_FULL_IANA:-0}"
	cpio --version | head -n 1
	gzip --version | head -n 1
)
inputs_hash=$(printf '%s\n' "$inputs_text" | sha256sum | awk '{ print $1 }')

if [ "$kernel_built" = 0 ] && [ -f "$out/initramfs.cpio.gz" ] &&
   [ -f "$out/initramfs.stamp" ] && [ "$(cat "$out/initramfs.stamp")" = "$inputs_hash" ]; then
	echo "build-initramfs: up to date ($kpkg $kver, $(du -k "$out/initramfs.cpio.gz" | cut -f1) KiB, $(elapsed) s)"
	exit 0
fi

stage="$out/.stage"
rm -rf "$stage"
umask 022
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp,root,etc/guest,lib/modules}
chmod 1777 "$stage/tmp"
chmod 700 "$stage/root"

# busybox and its applets
cp "$busybox_bin" "$stage/bin/busybox"
for applet in $("$busybox_bin" --list-full); do
	case "$applet" in
	bin/busybox) continue ;;
	esac
	if [ ! -e "$stage/$applet" ]; then
		ln -s /bin/busybox "$stage/$applet"
	fi
done

# ipmitool, its libraries and the loader (at the paths ldd printed, which
# are where the loader looks)
cp "$ipmitool_bin" "$stage/usr/bin/ipmitool"
for lib in $libs "$loader"; do
	mkdir -p "$stage$(dirname "$lib")"
	cp -L "$lib" "$stage$lib"
done

# FreeIPMI in a guest with no users and no /var:
# - its tools look the caller up in /etc/passwd (getpwuid_r) for the home
#   folder of the SDR cache, and find no cache folder without an entry for
#   uid 0;
# - the SDR cache goes to <home>/.freeipmi/sdr-cache (/root is in the
#   initramfs, which the kernel unpacks into a writable rootfs);
# - libfreeipmi's driver locking does ftok() on /var/lib/freeipmi/ipckey,
#   which must exist (the Debian package creates it empty).
# /etc/freeipmi/freeipmi.conf is not packed: Debian's is all comments, and
# a missing file means the defaults.
# shellcheck disable=SC2086  # one path per word
for bin in $freeipmi_bins; do
	mkdir -p "$stage$(dirname "$bin")"
	cp "$bin" "$stage$bin"
done
echo "root:x:0:0:root:/root:/bin/sh" >"$stage/etc/passwd"
echo "root:x:0:" >"$stage/etc/group"
mkdir -p "$stage/var/lib/freeipmi"
: >"$stage/var/lib/freeipmi/ipckey"

# ipmitool loads the IANA enterprise registry on every start and fails
# ("Failed to initialize the OEM info dictionary") without a single entry.
# The full list (4.7 MB, 2 MB gzipped) costs about 0.4 s per ipmitool call
# under TCG, so ship one entry unless GUEST_FULL_IANA=1; Manufacturer Name
# then prints as "Unknown (0x...)".
iana_path=$(strings "$ipmitool_bin" | grep -m1 '^/usr/share/.*enterprise-numbers' || true)
[ -n "$iana_path" ] || iana_path=/usr/share/misc/enterprise-numbers.txt
mkdir -p "$stage$(dirname "$iana_path")"
if [ "${GUEST_FULL_IANA:-0}" = 1 ] && [ -r "$iana_path" ]; then
	cp "$iana_path" "$stage$iana_path"
else
	printf '%s\n' "PRIVATE ENTERPRISE NUMBERS (one entry, for the IPMI test guest)" \
		"" "0" "  Reserved" >"$stage$iana_path"
fi

# kernel modules
krel=$(cat "$out/kernel/release")
mkdir -p "$stage/lib/modules/$krel"
: >"$stage/etc/guest/modules"
while read -r name; do
	echo "$name /lib/modules/$krel/$name.ko" >>"$stage/etc/guest/modules"
done <"$out/kernel/modules.order"
cp "$out"/kernel/*.ko "$stage/lib/modules/$krel/"

cp "$here/init.sh" "$stage/init"
chmod 755 "$stage/init"

# The kernel opens /dev/console for /init before anything is mounted.
mknod -m 600 "$stage/dev/console" c 5 1 ||
	die "cannot create dev/console: mknod needs root (the build runs as root)"

# The same tree gives the same bytes: every time stamp 0, names sorted, every
# entry owned by root, inode numbers given in order and no host device
# numbers (--reproducible), gzip without a name or time stamp.
find "$stage" -exec touch -h -d @0 {} +
(cd "$stage" && find . -mindepth 1 -printf '%P\0' | LC_ALL=C sort -z |
	cpio --quiet --null -o -H newc --reproducible -R 0:0) |
	gzip -n >"$out/initramfs.cpio.gz.new"
mv "$out/initramfs.cpio.gz.new" "$out/initramfs.cpio.gz"
rm -rf "$stage"
echo "$inputs_hash" >"$out/initramfs.stamp"

echo "build-initramfs: built $out/initramfs.cpio.gz ($(du -k "$out/initramfs.cpio.gz" | cut -f1) KiB) and vmlinuz from $kpkg $kver in $(elapsed) s"
