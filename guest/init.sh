#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# /init of the IPMI test guest (busybox sh).
#
# 1. mounts proc, sysfs and devtmpfs;
# 2. loads the IPMI kernel modules listed, in dependency order, in
#    /etc/guest/modules (written by build-initramfs.sh);
# 3. waits for /dev/ipmi0;
# 4. runs every command file /guest/cmd.d/NNNN in name order with "sh -c",
#    framing each one on the console as
#        ==== BEGIN <n>: <command>
#        <stdout and stderr of the command>
#        ==== END <n> rc=<exit status>
#    and ends with the line "==== GUEST DONE";
# 5. powers the machine off.
#
# The command files are not part of the initramfs built by
# build-initramfs.sh: run-guest.py appends a second, uncompressed cpio
# archive holding /guest/cmd.d/* to the initrd it passes to QEMU.
#
# Kernel command line options read here:
#   guest.wait=N     seconds to wait for /dev/ipmi0 (default 20)
#   guest.shell=1    start an interactive shell instead of powering off
#   guest.debug=1    keep kernel messages on the console while commands run

export PATH=/bin:/sbin:/usr/bin:/usr/sbin
export HOME=/root

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec </dev/console >/dev/console 2>&1

wait_secs=20
want_shell=0
want_debug=0
# shellcheck disable=SC2013  # the command line is words on one line
for word in $(cat /proc/cmdline); do
	case "$word" in
	guest.wait=*) wait_secs=${word#guest.wait=} ;;
	guest.shell=1) want_shell=1 ;;
	guest.debug=1) want_debug=1 ;;
	esac
done

finish() {
	echo "==== GUEST DONE"
	if [ "$want_shell" = 1 ]; then
		setsid cttyhack sh
	fi
	sync
	poweroff -f
	# not reached; without poweroff support the kernel panics and QEMU
	# (started with -no-reboot and panic=-1) exits
	exit 1
}

echo "guest: init started, uptime $(cut -d' ' -f1 /proc/uptime) s"

# Load modules; each line of /etc/guest/modules is "name path".
if [ -r /etc/guest/modules ]; then
	while read -r name path; do
		[ -n "$name" ] || continue
		if [ -d "/sys/module/$name" ]; then
			continue
		fi
		if ! out=$(insmod "$path" 2>&1); then
			echo "guest: insmod $name failed: $out"
		fi
	done </etc/guest/modules
fi

# Wait for the first IPMI interface.  devtmpfs normally creates the node;
# busybox mdev makes it from sysfs if it does not.
tenths=$((wait_secs * 10))
i=0
while [ ! -e /sys/class/ipmi/ipmi0/dev ] && [ "$i" -lt "$tenths" ]; do
	usleep 100000
	i=$((i + 1))
done
if [ -r /sys/class/ipmi/ipmi0/dev ]; then
	[ -c /dev/ipmi0 ] || mdev -s
	echo "guest: /dev/ipmi0 ready, uptime $(cut -d' ' -f1 /proc/uptime) s"
else
	echo "guest: no IPMI interface after ${wait_secs} s; kernel messages:"
	dmesg | grep -i -e ipmi -e kcs -e ssif -e smbus
fi

# Keep kernel messages from interleaving with command output.
if [ "$want_debug" != 1 ]; then
	echo 1 >/proc/sys/kernel/printk
fi

n=0
if [ -d /guest/cmd.d ]; then
	for file in /guest/cmd.d/*; do
		[ -f "$file" ] || continue
		n=$((n + 1))
		cmd=$(cat "$file")
		echo "==== BEGIN $n: $(printf '%s' "$cmd" | tr '\n' ' ')"
		sh -c "$cmd" </dev/null
		rc=$?
		echo "==== END $n rc=$rc"
	done
fi
[ "$n" -gt 0 ] || echo "guest: no commands found in /guest/cmd.d"

finish
