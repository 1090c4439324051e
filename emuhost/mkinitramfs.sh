#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.sh OUT BUSYBOX BINDIR: the emulated host's initramfs, with
# busybox, /init, run_tests.sh, expected/ and the test binaries.  The same
# image serves every host configuration.
set -eu
[ $# -eq 3 ] || { echo "usage: mkinitramfs.sh OUT BUSYBOX BINDIR" >&2; exit 2; }
out=$1 busybox=$2 bindir=$3
top=$(cd "$(dirname "$0")/.." && pwd)

root=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq-initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/suite/tests"
cp "$busybox" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
cp "$top/emuhost/init" "$root/init"
cp "$top/run_tests.sh" "$root/suite/"
cp -r "$top/expected" "$root/suite/expected"
mkdir -p "$root/suite/lib" && cp "$top/lib/assertions.txt" "$root/suite/lib/"
for f in "$bindir"/*; do
	case "${f##*/}" in *.*) continue ;; esac
	[ -f "$f" ] && [ -x "$f" ] && cp "$f" "$root/suite/tests/"
done
chmod +x "$root/init" "$root/suite/run_tests.sh"
mkdir -p "$(dirname "$out")"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
