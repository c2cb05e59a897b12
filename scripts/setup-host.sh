#!/usr/bin/env bash
# Installs what this project needs on a fresh Debian 12 machine: the proof toolchain, the
# generator's Python modules, Sphinx and Graphviz for the docs, QEMU's build dependencies,
# the firmware the guest boots with and the real IPMI peers. Idempotent: a second run
# installs nothing new.
#
# Two suites beyond bookworm are needed: trixie's deb-src (QEMU 10.0's source package) and
# bookworm-backports (meson >= 1.5 for QEMU 10, qboot in qemu-system-data). Their mirror is the
# one this machine already uses, read from its own apt sources.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    echo "setup-host.sh: must run as root (it calls apt-get)" >&2
    exit 1
fi

mirror_uri() {
    local uri
    uri=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list \
                /etc/apt/sources.list.d/*.list 2>/dev/null |
          grep -E '/debian/?( |$)' | grep -v security | head -n 1 |
          sed -E 's/^URIs:[[:space:]]*//; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//; s/[[:space:]].*$//')
    if [ -z "$uri" ]; then
        echo "setup-host.sh: cannot find a Debian mirror in this machine's apt sources" >&2
        exit 1
    fi
    echo "${uri%/}"
}

extra=/etc/apt/sources.list.d/ipmi-proven-extra.sources
if [ ! -f "$extra" ]; then
    uri=$(mirror_uri)
    cat > "$extra" <<SRC
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $uri
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    stamp_update=1
fi

# apt-get update when the suites were just added or their package lists are missing.
if [ -n "${stamp_update:-}" ] ||
   ! ls /var/lib/apt/lists/*bookworm-backports*Packages* >/dev/null 2>&1 ||
   ! ls /var/lib/apt/lists/*trixie*Sources* >/dev/null 2>&1; then
    apt-get update -qq
fi

packages=(
    # generator and host tests
    python3 python3-jinja2 python3-yaml python3-jsonschema libglib2.0-dev pkg-config gcc
    ninja-build
    # proofs
    frama-c-base why3 z3 cvc4
    # fuzz-smoke: clang with libFuzzer, ASan and UBSan (the runtimes are only a Recommends)
    clang libclang-rt-14-dev
    # QEMU's build
    python3-tomli python3-venv libpixman-1-dev libslirp-dev libfdt-dev flex bison dpkg-dev
    # firmware and guest
    seabios ipxe-qemu busybox-static cpio kmod
    # real IPMI peers (freeipmi-tools: the guest's second in-band client)
    ipmitool openipmi freeipmi-tools
    # docs (sphinx-build -W; sphinx.ext.graphviz runs dot; fonts come with graphviz's
    # cairo/fontconfig dependencies, alabaster and the JavaScript with python3-sphinx)
    python3-sphinx graphviz
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# meson >= 1.5 and qemu-system-data >= 10 (qboot, and the skiboot the PowerNV test boots)
# come from bookworm-backports.
meson_ok() {
    command -v meson >/dev/null 2>&1 &&
        dpkg --compare-versions "$(meson --version)" ge 1.5
}
if ! meson_ok; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -t bookworm-backports meson
fi
qemu_data_ok() {
    local version
    version=$(dpkg-query -W -f='${Version}' qemu-system-data 2>/dev/null) &&
        dpkg --compare-versions "$version" ge 1:10.0 &&
        [ -f /usr/share/qemu/qboot.rom ] && [ -f /usr/share/qemu/skiboot.lid ]
}
if ! qemu_data_ok; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -t bookworm-backports qemu-system-data
fi

# Debian's own build of stock QEMU 10.0 (upstream's hw/ipmi untouched), the peer the
# migrate-stock qtest migrates to and from. bookworm's 7.2 would conflict with the
# backports qemu-system-data above, so it comes from bookworm-backports too; it installs
# /usr/bin/qemu-system-x86_64 beside our build, which stays in build/.
stock_qemu_ok() {
    local version
    version=$(dpkg-query -W -f='${Version}' qemu-system-x86 2>/dev/null) &&
        dpkg --compare-versions "$version" ge 1:10.0 &&
        [ -x /usr/bin/qemu-system-x86_64 ]
}
if ! stock_qemu_ok; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -t bookworm-backports qemu-system-x86
fi

# Why3 must know the provers WP is told to use.
if ! why3 config list-provers 2>/dev/null | grep -qi z3; then
    why3 config detect >/dev/null
fi
