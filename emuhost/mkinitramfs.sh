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
# mkinitramfs.sh --realvmm OUT BUSYBOX QEMU KERNEL MODULES: what the real
# VMM test (tests/realvmm) needs on the emulated host, a second initramfs
# the kernel unpacks over the first: /realvmm/ holds QEMU (QEMU: the tree
# emuhost/fetch.sh qemu makes), and in /realvmm/guest the guest's kernel
# KERNEL and its initramfs (busybox, guest_code/realvmm/init, and from
# MODULES, the kernel package's lib/modules/<version>, virtio_mmio and
# virtio-rng, uncompressed).
#
# mkinitramfs.sh --board OUT BUSYBOX MODULES: the board-like host's
# initramfs: busybox, board-init as /init and, from MODULES (a Debian
# kernel package's lib/modules/<version>), the modules that mount its
# ext4 disk, uncompressed, with their load order.
set -eu
board= lava= realvmm=
[ "${1:-}" = --board ] && board=1 && shift
[ "${1:-}" = --lava ] && lava=1 && shift
[ "${1:-}" = --realvmm ] && realvmm=1 && shift
case "$#${board:+-board}${lava:+-lava}${realvmm:+-realvmm}" in
3|4|3-board|2-lava|5-realvmm) ;;
*) echo "usage: mkinitramfs.sh OUT BUSYBOX BINDIR [KCONFIG] | --board OUT BUSYBOX MODULES | --lava OUT BUSYBOX | --realvmm OUT BUSYBOX QEMU KERNEL MODULES" >&2; exit 2 ;;
esac
out=$1 busybox=$2 from=${3:-} kconfig=${4:-}
from=${from%/}
top=$(cd "$(dirname "$0")/.." && pwd)

root=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq-initramfs.XXXXXX")
trap 'rm -rf "$root" "$root.guest"' EXIT

# base DIR: a system to boot: busybox (and sh), the mount points.
base() {
	mkdir -p "$1/bin" "$1/proc" "$1/sys" "$1/dev"
	cp "$busybox" "$1/bin/busybox"
	ln -s busybox "$1/bin/sh"
}

# pack DIR OUT: DIR as a gzip'd newc cpio archive.
pack() {
	(cd "$1" && find . | cpio -o -H newc --quiet | gzip -1) > "$2"
}

# The real VMM's archive goes after the host's, which has the system.
[ -n "$realvmm" ] || base "$root"

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

# The real VMM's guest, its initramfs inside this one; QEMU beside it.
realvmm_tree() {
	qemu=$from kernel=$4 modules=${5%/} guest=$root.guest
	base "$guest"
	mkdir -p "$guest/modules"
	cp "$top/guest_code/realvmm/init" "$guest/init"
	chmod +x "$guest/init"
	n=1
	for ko in kernel/drivers/virtio/virtio_mmio.ko kernel/drivers/char/hw_random/virtio-rng.ko; do
		name=$n-${ko##*/}
		if [ -f "$modules/$ko.xz" ]; then
			xz -dc "$modules/$ko.xz" > "$guest/modules/$name"
		elif [ -f "$modules/$ko" ]; then
			cp "$modules/$ko" "$guest/modules/$name"
		fi
		n=$((n + 1))
	done
	mkdir -p "$root/realvmm/guest"
	pack "$guest" "$root/realvmm/guest/initrd.cpio.gz"
	cp "$kernel" "$root/realvmm/guest/Image"
	cp -a "$qemu/usr" "$qemu/lib" "$root/realvmm/"
}

if [ -n "$realvmm" ]; then
	realvmm_tree "$@"
elif [ -n "$board" ]; then
	cp "$top/emuhost/board-init" "$root/init"
	board_modules
elif [ -n "$lava" ]; then
	cp "$top/emuhost/init" "$root/init"
else
	suite
fi
[ -n "$realvmm" ] || chmod +x "$root/init"
mkdir -p "$(dirname "$out")"
pack "$root" "$out.tmp"
mv "$out.tmp" "$out"
