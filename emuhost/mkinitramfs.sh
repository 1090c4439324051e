#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.sh OUT BUSYBOX BINDIR [KCONFIG]: the emulated host's
# initramfs, with busybox, /init, run_tests.sh, expected/ and the test
# binaries; KCONFIG, the kernel package's boot/config-<release>, as
# /boot/config-<release>, where a Debian install has it (run_tests.sh
# --certify bundles it); with KVMIRQ_REPLAY=FILE, FILE as
# /suite/replay.txt (run-host.sh --replay).  The same image serves every
# host configuration.
#
# mkinitramfs.sh --lava OUT BUSYBOX: a LAVA job's ramdisk (make
# lava-check, make lava-jobs): busybox and /init only; the kernel
# parameter kvmirq_run=lava makes /init a shell for the dispatcher, and the
# suite arrives in the job (make dist's tarball, a second overlay).
#
# mkinitramfs.sh --board OUT BUSYBOX MODULES: the board-like host's
# initramfs: busybox, board-init as /init and, from MODULES (a Debian
# kernel package's lib/modules/<version>), the modules that mount its
# ext4 disk, uncompressed, with their load order.
set -eu
board= lava=
[ "${1:-}" = --board ] && board=1 && shift
[ "${1:-}" = --lava ] && lava=1 && shift
case "$#${board:+-board}${lava:+-lava}" in
3|4|3-board|2-lava) ;;
*) echo "usage: mkinitramfs.sh OUT BUSYBOX BINDIR [KCONFIG] | --board OUT BUSYBOX MODULES | --lava OUT BUSYBOX" >&2; exit 2 ;;
esac
out=$1 busybox=$2 from=${3:-} kconfig=${4:-}
from=${from%/}
top=$(cd "$(dirname "$0")/.." && pwd)

root=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq-initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev"
cp "$busybox" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"

suite() {
	cp "$top/emuhost/init" "$root/init"
	sh "$top/mk/suite-tree.sh" "$root/suite" "$from" || exit 1
	if [ -n "$kconfig" ]; then
		mkdir -p "$root/boot"
		cp "$kconfig" "$root/boot/${kconfig##*/}"
	fi
	[ -z "${KVMIRQ_REPLAY:-}" ] || cp "$KVMIRQ_REPLAY" "$root/suite/replay.txt"
}

# The modules virtio_blk and ext4 need, dependencies first (modules.dep
# lists a module's dependencies so that the last loads first).  A kernel
# with them built in (no MODULES directory) needs none.
board_modules() {
	mkdir -p "$root/modules"
	: > "$root/modules/order"
	[ -d "$from/kernel" ] || return 0
	[ -f "$from/modules.dep" ] ||
		depmod -b "$(cd "$from/../../.." && pwd)" "${from##*/}" ||
		{ echo "mkinitramfs.sh: depmod failed for $from" >&2; exit 1; }
	for want in crypto/crc32c_generic drivers/block/virtio_blk fs/ext4/ext4; do
		awk -v m="kernel/$want.ko" '
			{ k = $1; sub(/:$/, "", k); sub(/\.(xz|gz|zst)$/, "", k) }
			k == m { for (i = NF; i >= 2; i--) print $i; print $1 }' "$from/modules.dep" |
			sed 's/:$//'
	done | awk '!seen[$0]++' | while read -r ko; do
		name=${ko##*/}
		case "$ko" in
		*.xz) xz -dc "$from/$ko" > "$root/modules/${name%.xz}" ;;
		*) cp "$from/$ko" "$root/modules/$name" ;;
		esac
		echo "${name%.xz}" >> "$root/modules/order"
	done
	[ -s "$root/modules/order" ] || { echo "mkinitramfs.sh: no virtio_blk/ext4 modules in $from" >&2; exit 1; }
}

if [ -n "$board" ]; then
	cp "$top/emuhost/board-init" "$root/init"
	board_modules
elif [ -n "$lava" ]; then
	cp "$top/emuhost/init" "$root/init"
else
	suite
fi
chmod +x "$root/init"
mkdir -p "$(dirname "$out")"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
