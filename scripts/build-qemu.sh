#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds QEMU with this project's IPMI devices in place of its own hw/ipmi.
#
#   build-qemu.sh --work DIR --core DIR [--core DIR ...] --bindings DIR
#                 [--qtests DIR] [--jobs N] [--stamp FILE]
#
# Everything happens inside --work DIR:
#   DIR/download  Debian's qemu source package (apt-get source --download-only)
#   DIR/src       that package unpacked with dpkg-source -x (Debian's patches applied),
#                 then overlaid: hw/ipmi = the bindings + the core (in hw/ipmi/core),
#                 include/hw/ipmi = the bindings' public headers, tests/qtest = our
#                 own qtests (--qtests) next to QEMU's, and a ppc64 device set that
#                 keeps only the PowerNV machine
#   DIR/build     the configured build tree: qemu-system-x86_64, qemu-system-ppc64
#                 and the IPMI qtests (QEMU's and ours)
#
# A file is copied only when its content differs, configure runs again only when its
# arguments change and ninja decides what to rebuild, so a second run with nothing
# changed does (almost) nothing.

set -euo pipefail

PROG=${0##*/}
QEMU_SOURCE_PACKAGE=${QEMU_SOURCE_PACKAGE:-qemu/trixie}
# ppc64 is there for PowerNV, which creates isa-ipmi-bt and ipmi-bmc-sim itself and
# answers its HIOMAP requests through ipmi_sim_register_netfn; the device set below
# leaves out every other ppc board.
PPC64_DEVICES=ipmi-proven
CONFIGURE_ARGS=(
    --python=/usr/bin/python3
    --target-list=x86_64-softmmu,ppc64-softmmu
    --with-devices-ppc64=$PPC64_DEVICES
    --without-default-features
    --enable-kvm
    --enable-tcg
    --disable-docs
    --disable-install-blobs
)

die() {
    echo "$PROG: error: $*" >&2
    exit 1
}

note() {
    echo "$PROG: $*"
}

# seconds_since START: wall seconds since START (a `date +%s.%N` value), one decimal.
seconds_since() {
    awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'
}

usage() {
    cat <<EOF
usage: $PROG --work DIR --core DIR [--core DIR ...] --bindings DIR
                [--qtests DIR] [--jobs N] [--stamp FILE]

  --work DIR      working folder (download, src, build go inside it)
  --core DIR      a folder of core sources (*.c, *.h); repeat for several
  --bindings DIR  the QEMU bindings (meson.build, Kconfig, *.c, include/hw/ipmi/*.h)
  --qtests DIR    qtests to build in QEMU's tests/qtest: each NAME-test.c is a test
                  program, every other *.c and *.h a helper linked into each of them
  --jobs N        ninja parallelism (default: 2)
  --stamp FILE    touch FILE after a successful build (for a build system's target)

Environment: QEMU_SOURCE_PACKAGE (default: qemu/trixie) names the source package.
EOF
}

work=""
bindings=""
qtests=""
jobs=2
stamp=""
cores=()

while [ $# -gt 0 ]; do
    case "$1" in
    --work)
        [ $# -ge 2 ] || die "--work needs a folder"
        work=$2
        shift 2
        ;;
    --core)
        [ $# -ge 2 ] || die "--core needs a folder"
        cores+=("$2")
        shift 2
        ;;
    --bindings)
        [ $# -ge 2 ] || die "--bindings needs a folder"
        bindings=$2
        shift 2
        ;;
    --qtests)
        [ $# -ge 2 ] || die "--qtests needs a folder"
        qtests=$2
        shift 2
        ;;
    --jobs)
        [ $# -ge 2 ] || die "--jobs needs a number"
        jobs=$2
        shift 2
        ;;
    --stamp)
        [ $# -ge 2 ] || die "--stamp needs a file name"
        stamp=$2
        shift 2
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        die "unknown argument '$1'"
        ;;
    esac
done

[ -n "$work" ] || { usage >&2; die "--work is required"; }
[ -n "$bindings" ] || { usage >&2; die "--bindings is required"; }
[ ${#cores[@]} -gt 0 ] || { usage >&2; die "at least one --core is required"; }
case "$jobs" in
'' | *[!0-9]*) die "--jobs wants a positive number, not '$jobs'" ;;
esac

[ -d "$bindings" ] || die "bindings folder '$bindings' does not exist"
bindings=$(cd "$bindings" && pwd)
for f in meson.build Kconfig include/hw/ipmi/ipmi.h; do
    [ -f "$bindings/$f" ] || die "bindings folder '$bindings' has no $f"
done
if [ -n "$qtests" ]; then
    [ -d "$qtests" ] || die "qtests folder '$qtests' does not exist"
    qtests=$(cd "$qtests" && pwd)
fi
for i in "${!cores[@]}"; do
    [ -d "${cores[$i]}" ] || die "core folder '${cores[$i]}' does not exist"
    cores[$i]=$(cd "${cores[$i]}" && pwd)
done

for tool in apt-get dpkg-source ninja meson cmp awk; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed"
done

mkdir -p "$work"
work=$(cd "$work" && pwd)
download=$work/download
src=$work/src
build=$work/build
stage=$work/stage

# ---------------------------------------------------------------------------
# 1. The source: Debian's package, unpacked with its patches applied.
# ---------------------------------------------------------------------------
find_dsc() {
    local f
    for f in "$download"/qemu_*.dsc; do
        if [ -f "$f" ]; then
            echo "$f"
            return 0
        fi
    done
    return 1
}

if [ ! -d "$src" ]; then
    mkdir -p "$download"
    if ! dsc=$(find_dsc); then
        note "downloading the source package $QEMU_SOURCE_PACKAGE into $download"
        (cd "$download" && apt-get source --download-only "$QEMU_SOURCE_PACKAGE") ||
            die "apt-get source could not download $QEMU_SOURCE_PACKAGE (is a deb-src entry for it configured?)"
        dsc=$(find_dsc) || die "apt-get source left no qemu_*.dsc in $download"
    else
        note "using the downloaded $dsc"
    fi
    note "unpacking $dsc into $src"
    rm -rf "$work/src.partial"
    # --no-copy: leave the original tarball in download/ only.
    dpkg-source --no-copy -x "$dsc" "$work/src.partial" >"$work/dpkg-source.log" 2>&1 ||
        die "dpkg-source -x $dsc failed; see $work/dpkg-source.log"
    # Only a complete tree gets the final name, so an interrupted run unpacks again.
    mv "$work/src.partial" "$src"
fi
[ -f "$src/configure" ] && [ -d "$src/hw/ipmi" ] ||
    die "$src does not look like a QEMU source tree; remove it to unpack again"

# ---------------------------------------------------------------------------
# 2. The overlay: stage the wanted trees, then sync them in by content.
# ---------------------------------------------------------------------------
rm -rf "$stage"
mkdir -p "$stage/hw/ipmi/core" "$stage/include/hw/ipmi"

# bmcd/ is the standalone daemon, built by our own meson, not part of QEMU.
(cd "$bindings" && find . \( -path ./include -o -path ./bmcd \) -prune -o -type f -print) |
while read -r rel; do
    mkdir -p "$stage/hw/ipmi/$(dirname "$rel")"
    cp "$bindings/$rel" "$stage/hw/ipmi/$rel"
done
cp "$bindings"/include/hw/ipmi/*.h "$stage/include/hw/ipmi/"

for core in "${cores[@]}"; do
    found=0
    for f in "$core"/*.c "$core"/*.h; do
        [ -f "$f" ] || continue
        found=1
        name=${f##*/}
        if [ -e "$stage/hw/ipmi/core/$name" ] && ! cmp -s "$f" "$stage/hw/ipmi/core/$name"; then
            die "two --core folders hold different versions of $name"
        fi
        cp "$f" "$stage/hw/ipmi/core/$name"
    done
    [ "$found" = 1 ] || die "core folder '$core' holds no .c or .h file"
done
# QEMU's public header (include/hw/ipmi/ipmi.h) takes its completion codes and NetFns
# from the core's message definitions, so that header goes next to it too.
[ -f "$stage/hw/ipmi/core/ipmi_messages.h" ] ||
    die "no --core folder holds ipmi_messages.h, which include/hw/ipmi/ipmi.h needs"
cp "$stage/hw/ipmi/core/ipmi_messages.h" "$stage/include/hw/ipmi/ipmi_messages.h"

changed=0
# sync_tree STAGED DEST: make DEST hold exactly STAGED's files, writing only what differs.
sync_tree() {
    local from=$1 to=$2 rel
    mkdir -p "$to"
    while read -r rel; do
        if ! cmp -s "$from/$rel" "$to/$rel"; then
            mkdir -p "$to/$(dirname "$rel")"
            cp "$from/$rel" "$to/$rel"
            note "updated ${to#"$src"/}/${rel#./}"
            changed=$((changed + 1))
        fi
    done < <(cd "$from" && find . -type f)
    while read -r rel; do
        if [ ! -f "$from/$rel" ]; then
            rm -f "$to/$rel"
            note "removed ${to#"$src"/}/${rel#./}"
            changed=$((changed + 1))
        fi
    done < <(cd "$to" && find . -type f)
    find "$to" -mindepth 1 -type d -empty -delete
}

sync_tree "$stage/hw/ipmi" "$src/hw/ipmi"
sync_tree "$stage/include/hw/ipmi" "$src/include/hw/ipmi"
rm -rf "$stage"

# The bindings have trace events; QEMU lists the folders that do in its top meson.build.
if ! grep -q "^    'hw/ipmi',\$" "$src/meson.build"; then
    grep -q "^    'hw/i2c',\$" "$src/meson.build" ||
        die "cannot find where to add 'hw/ipmi' to trace_events_subdirs in $src/meson.build"
    sed -i "s|^    'hw/i2c',\$|&\n    'hw/ipmi',|" "$src/meson.build"
    grep -q "^    'hw/ipmi',\$" "$src/meson.build" ||
        die "adding 'hw/ipmi' to trace_events_subdirs in $src/meson.build failed"
    note "added hw/ipmi to trace_events_subdirs in meson.build"
    changed=$((changed + 1))
fi

# write_if_changed FILE: FILE gets what stdin holds, unless it holds that already.
write_if_changed() {
    local file=$1
    cat >"$file.new"
    if cmp -s "$file.new" "$file"; then
        rm -f "$file.new"
    else
        mv "$file.new" "$file"
        note "updated ${file#"$src"/}"
        changed=$((changed + 1))
    fi
}

# The ppc64 device set: every ppc board but PowerNV left out (they are all
# "default y"), so the second target costs only what PowerNV needs.
write_if_changed "$src/configs/devices/ppc64-softmmu/$PPC64_DEVICES.mak" <<'EOF'
# Written by ipmi-proven's scripts/build-qemu.sh: ppc64-softmmu with the PowerNV
# machine (which brings isa-ipmi-bt and ipmi-bmc-sim) and no other board.
CONFIG_PSERIES=n
CONFIG_PPC440=n
CONFIG_SAM460EX=n
CONFIG_AMIGAONE=n
CONFIG_PEGASOS2=n
CONFIG_PREP=n
CONFIG_MAC_OLDWORLD=n
CONFIG_MAC_NEWWORLD=n
CONFIG_E500PLAT=n
CONFIG_MPC8544DS=n
CONFIG_VIRTEX=n
EOF

# Our qtests go next to QEMU's in tests/qtest, and a marked block in its meson.build
# builds them for x86_64 by QEMU's own qtest rules (libqtest, libqos). The list of
# what was copied lets a later run remove a file that is gone.
qtest_dir=$src/tests/qtest
qtest_list=$work/qtests.list
qtest_names=()
qtest_helpers=()
touch "$qtest_list"
if [ -n "$qtests" ]; then
    for f in "$qtests"/*.c "$qtests"/*.h; do
        [ -f "$f" ] || continue
        name=${f##*/}
        case "$name" in
        *-test.c) qtest_names+=("${name%.c}") ;;
        *.c) qtest_helpers+=("$name") ;;
        esac
        if ! cmp -s "$f" "$qtest_dir/$name"; then
            cp "$f" "$qtest_dir/$name"
            note "updated tests/qtest/$name"
            changed=$((changed + 1))
        fi
    done
fi
while read -r name; do
    if [ -n "$name" ] && { [ -z "$qtests" ] || [ ! -f "$qtests/$name" ]; }; then
        rm -f "$qtest_dir/$name"
        note "removed tests/qtest/$name"
        changed=$((changed + 1))
    fi
done <"$qtest_list"
: >"$qtest_list"
if [ -n "$qtests" ]; then
    for f in "$qtests"/*.c "$qtests"/*.h; do
        [ -f "$f" ] && echo "${f##*/}" >>"$qtest_list"
    done
fi

# quoted_list A B ...: 'A', 'B', ... as a meson list's items.
quoted_list() {
    local first=1 item
    for item in "$@"; do
        [ $first = 1 ] || printf ', '
        printf "'%s'" "$item"
        first=0
    done
}

grep -q '^qtest_executables = {}$' "$qtest_dir/meson.build" ||
    die "cannot find where to add our qtests in $qtest_dir/meson.build"
sed '/^# BEGIN ipmi-proven qtests$/,/^# END ipmi-proven qtests$/d' \
    "$qtest_dir/meson.build" >"$work/qtest-meson.orig"
{
    while IFS= read -r line; do
        if [ "$line" = 'qtest_executables = {}' ] && [ ${#qtest_names[@]} -gt 0 ]; then
            echo '# BEGIN ipmi-proven qtests'
            echo "# Added by ipmi-proven's scripts/build-qemu.sh: its own IPMI qtests."
            echo "qtests_x86_64 += [$(quoted_list "${qtest_names[@]}")]"
            echo 'qtests += {'
            for t in "${qtest_names[@]}"; do
                echo "  '$t': files($(quoted_list "${qtest_helpers[@]}")),"
            done
            echo '}'
            echo '# END ipmi-proven qtests'
        fi
        printf '%s\n' "$line"
    done <"$work/qtest-meson.orig"
} >"$work/qtest-meson.new"
write_if_changed "$qtest_dir/meson.build" <"$work/qtest-meson.new"
rm -f "$work/qtest-meson.orig" "$work/qtest-meson.new"

note "overlay: $changed file(s) changed"

# ---------------------------------------------------------------------------
# 3. Configure, again only when the arguments change (a new target, say): the
#    arguments of the configured tree are kept next to it.
# ---------------------------------------------------------------------------
configured_args=$work/configure.args
printf '%s\n' "${CONFIGURE_ARGS[@]}" >"$configured_args.new"
if [ -f "$build/build.ninja" ] && ! cmp -s "$configured_args.new" "$configured_args"; then
    note "configure arguments changed: configuring $build from scratch"
    rm -rf "$build"
fi
if [ ! -f "$build/build.ninja" ]; then
    rm -rf "$build"
    mkdir -p "$build"
    note "configuring in $build"
    start=$(date +%s.%N)
    if ! (cd "$build" && "$src/configure" "${CONFIGURE_ARGS[@]}") >"$work/configure.log" 2>&1; then
        tail -n 30 "$work/configure.log" >&2
        rm -rf "$build"
        die "configure failed; see $work/configure.log"
    fi
    note "configure took $(seconds_since "$start") s"
    mv "$configured_args.new" "$configured_args"
else
    rm -f "$configured_args.new"
    note "already configured in $build"
fi

# ---------------------------------------------------------------------------
# 4. Build what the tests need: x86_64 with its qtests, then ppc64 (timed apart,
#    so the log shows what the second target costs).
# ---------------------------------------------------------------------------
x86_targets=(qemu-system-x86_64 tests/qtest/ipmi-kcs-test tests/qtest/ipmi-bt-test)
for t in "${qtest_names[@]}"; do
    x86_targets+=("tests/qtest/$t")
done
ppc64_targets=(qemu-system-ppc64)
for group in x86_targets ppc64_targets; do
    declare -n targets=$group
    note "building ${targets[*]}"
    start=$(date +%s.%N)
    ninja -C "$build" -j "$jobs" "${targets[@]}" ||
        die "the build failed (ninja -C $build ${targets[*]})"
    note "${group%_targets} build took $(seconds_since "$start") s"
    unset -n targets
done
note "done: $build/qemu-system-x86_64, $build/qemu-system-ppc64 and the qtests in $build/tests/qtest"
if [ -n "$stamp" ]; then
    touch "$stamp"
fi
