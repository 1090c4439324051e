#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh build|host|check: install the Debian packages that part needs
# (as root), or print the exact apt-get line and fail.
#   build  cross compiler and the Linux 6.1 source
#   host   what boots the emulated arm64 KVM host
#   check  what the project's own tests use
set -eu

need=""
want() {
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			need="$need $p"
	done
}

case "${1:-}" in
build)
	want make gcc libc6-dev xz-utils bc
	[ "$(uname -m)" = aarch64 ] || want gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	[ -n "${KSRC:-}" ] || want linux-source-6.1
	;;
host)
	want qemu-system-arm cpio gzip ca-certificates
	;;
check)
	want perl python3 python3-tap busybox
	;;
*)
	echo "usage: deps.sh build|host|check" >&2
	exit 2
	;;
esac

[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "error: missing packages; as root run: apt-get install -y$need" >&2
	exit 1
fi
echo "  APT     $need"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
