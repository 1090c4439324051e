#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# stage.sh --out DIR --artifacts URL --repository URL --revision REV
#          --tarball FILE [CONFIG...]
# What a lab needs to run the suite on its QEMU workers (make lava-jobs;
# make lava-check stages the same for its one job): DIR/jobs/<config>.yaml,
# one LAVA job per emulated host configuration (lava/jobs.py; without
# CONFIGs also DIR/jobs/boards/, jobs for real boards), and
# DIR/artifacts, to be served at URL: kernels/<series>/Image (each
# configuration's Debian arm64 kernel, emuhost/fetch.sh), ramdisk.cpio.gz
# (busybox and emuhost/init, which LAVA mode makes a shell) and FILE, make
# dist's tarball.  The jobs take lava/kvm-irq.yaml from URL of the
# repository at REV.  One line and exit 2 for bad input; then nothing is
# written.
set -eu
prog=stage.sh
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
out= artifacts= repository= revision= tarball=

usage() {
	sed -n '4,15s/^# \{0,1\}//p' "$0"
}

. "$top/emuhost/opts.sh"
# The configurations follow the options.
opts=
while [ $# -gt 0 ]; do
	case "$1" in
	-h|--help) usage; exit 0 ;;
	--*) [ $# -ge 2 ] || die "option $1 needs a value"
	     opts="$opts $1 $2"; shift 2 ;;
	*) break ;;
	esac
done
# shellcheck disable=SC2086
parse_opts "out artifacts repository revision tarball" $opts
for o in out artifacts repository revision tarball; do
	eval "[ -n \"\$$o\" ]" || die "--$o is required"
done
[ -r "$tarball" ] || die "--tarball $tarball: no such file (make dist makes it)"
# Named, only those; else every one, and the real boards' jobs too.
configs=$*
[ -n "$configs" ] || configs=$("$top/emuhost/hosts.sh" names)
for c in $configs; do
	"$top/emuhost/hosts.sh" show "$c" > /dev/null || exit 2
done

version=$(sh "$top/mk/version.sh" | sed -n 's/^version: //p')
stage=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
/usr/bin/python3 "$here/jobs.py" --out "$stage/jobs" --artifacts "$artifacts" \
	--repository "$repository" --revision "$revision" --version "$version" "$@" > /dev/null
mkdir -p "$stage/artifacts/kernels"
for series in $(for c in $configs; do "$top/emuhost/hosts.sh" show "$c"; done | awk '{ print $1 }' | sort -u); do
	kernel=$("$top/emuhost/fetch.sh" kernel "$series")
	mkdir -p "$stage/artifacts/kernels/$series"
	cp "$kernel" "$stage/artifacts/kernels/$series/Image"
done
sh "$top/emuhost/mkinitramfs.sh" --lava "$stage/artifacts/ramdisk.cpio.gz" \
	"${BUSYBOX:-$("$top/emuhost/fetch.sh" busybox)}"
cp "$tarball" "$stage/artifacts/kvm-irq-conformance-arm64.tar.gz"
mkdir -p "$out"
rm -rf "$out/jobs" "$out/artifacts"
mv "$stage/jobs" "$stage/artifacts" "$out/"
find "$out/jobs" -name '*.yaml' | sort
