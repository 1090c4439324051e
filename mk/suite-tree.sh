#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# suite-tree.sh DEST BINDIR [--flat]: the suite as it runs on a target,
# with nothing but a POSIX shell: run_tests.sh, expected/, the catalog and
# runner/awk/ beside it, and the test binaries of BINDIR in DEST/tests (with
# --flat in DEST itself, as a kselftest collection holds them); VERSION
# (mk/version.sh), runner/bundle.sh and report/ for certification.  The one
# list of what a target needs: the emulated host's initramfs, make dist
# and make install all lay the suite out with it.
set -eu
[ $# -ge 2 ] || { echo "usage: suite-tree.sh DEST BINDIR [--flat]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
dest=$1 bindir=$2 bins=$1/tests
[ "${3:-}" != --flat ] || bins=$dest
bin_list=$("$top/run_tests.sh" --bindir "$bindir" --binaries)
mkdir -p "$dest/lib" "$dest/runner/awk" "$bins"
cp "$top/run_tests.sh" "$dest/"
rm -rf "$dest/expected"
cp -r "$top/expected" "$dest/expected"
cp "$top/lib/assertions.txt" "$top/lib/conditions.txt" "$top/lib/variants.txt" "$top/lib/features.txt" "$dest/lib/"
cp "$top"/runner/awk/*.awk "$dest/runner/awk/"
# Certification: the bundle's code, its reports (python3, where there is
# one) and the version it names (boards have no git).
mkdir -p "$dest/report"
cp "$top/runner/bundle.sh" "$dest/runner/"
cp "$top"/report/*.py "$dest/report/"
sh "$top/mk/version.sh" > "$dest/VERSION"
for b in $bin_list; do
	cp "$bindir/$b" "$bins/"
done
