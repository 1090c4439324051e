#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kernel-mutants.sh --bindir DIR --out DIR [--only "A B"] [--hosts "H ..."]
#                   [--tests "T ..."] [--append PARAMS]     (make kernel-mutants)
#
# Kernels broken on purpose: a minimal arm64 6.12 kernel with KVM, built
# from Debian's linux-source-6.12 (tinyconfig plus emuhost/kmut.config),
# then once per defect in check/kernel-mutants/ (a sed script that changes
# one line of one file of arch/arm64/kvm, named on its "# file:" line).
# The suite runs on each kernel, on a GICv3 and a GICv2 emulated host; a
# defect is killed when a run does not match expected/.  The clean kernel
# must match on both.  Prints a table (defect, killed or survived, by
# which test) and a summary line.  Kernels are kept in $CACHE/kmut.
# --hosts, --tests and --append narrow the runs as run-host.sh's options
# do (make kernel-mutants KMUT_HOSTS= T= APPEND=): which defects one test
# binary sees, on one host.
set -u

prog=kernel-mutants.sh
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cache=${CACHE:-$top/cache}
bindir= out= only= tests= append=
hosts="6.12-gicv3-vhe 6.12-gicv2-vhe"
tarball=${KMUT_TARBALL:-/usr/src/linux-source-6.12.tar.xz}

usage() {
	sed -n '4,17s/^# \{0,1\}//p' "$0"
}

. "$here/opts.sh"
parse_opts "bindir out only hosts tests append" "$@"
[ -n "$bindir" ] && [ -d "$bindir" ] || die "--bindir: no such directory '$bindir'"
[ -n "$out" ] || die "--out is required"
[ -n "$hosts" ] || die "--hosts: no host named"
for h in $hosts; do
	"$here/hosts.sh" show "$h" > /dev/null || exit 2
done
mutants=
for f in "$top"/check/kernel-mutants/*.sed; do
	n=${f##*/}
	mutants="$mutants ${n%.sed}"
done
for m in $only; do
	case " $mutants " in *" $m "*) ;; *) die "unknown defect '$m'" ;; esac
done
[ -z "$only" ] || mutants=$only
[ -r "$tarball" ] || die "$tarball missing: apt-get install linux-source-6.12"

kmut=$cache/kmut
tree=$kmut/linux-source-6.12
bld=$kmut/build
images=$kmut/images
mkdir -p "$kmut" "$images" "$out" || die "cannot create $kmut or $out"
kmake() {
	make -C "$tree" O="$bld" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		-j"$(nproc)" "$@" > "$out/build.log" 2>&1
}

if [ ! -f "$tree/.extracted" ]; then
	echo "# kernel-mutants: extracting $tarball"
	rm -rf "$tree" && (cd "$kmut" && tar -xJf "$tarball") && touch "$tree/.extracted" ||
		die "cannot extract $tarball"
fi
# The configuration is part of every kernel's identity.
confkey=$(cat "$here/kmut.config" | sha256sum | cut -c1-16)
if [ "$(cat "$bld/.confkey" 2>/dev/null)" != "$confkey" ]; then
	echo "# kernel-mutants: configuring (tinyconfig + emuhost/kmut.config)"
	rm -rf "$bld" && mkdir -p "$bld"
	kmake tinyconfig || die "tinyconfig failed: see $out/build.log"
	opts=$(grep -v '^#' "$here/kmut.config" | sed 's/^/-e /')
	"$tree/scripts/config" --file "$bld/.config" $opts
	kmake olddefconfig || die "olddefconfig failed: see $out/build.log"
	echo "$confkey" > "$bld/.confkey"
fi

# build NAME SED: the kernel with that defect (none for "clean") into
# $images/NAME.Image, unless an image of the same defect and config is
# there.  The source file is restored afterwards.
build() {
	name=$1 script=$2
	key=$confkey-$( [ -n "$script" ] && sha256sum < "$script" | cut -c1-16)
	[ -f "$images/$name.Image" ] && [ "$(cat "$images/$name.key" 2>/dev/null)" = "$key" ] &&
		return 0
	file=
	if [ -n "$script" ]; then
		file=$(sed -n 's/^# file: //p' "$script")
		[ -f "$tree/$file" ] || { echo "$prog: $name: no such file $file" >&2; return 1; }
		cp "$tree/$file" "$kmut/orig"
		sed -f "$script" "$kmut/orig" > "$tree/$file"
		if cmp -s "$kmut/orig" "$tree/$file"; then
			cp "$kmut/orig" "$tree/$file"
			echo "$prog: $name: $script changes nothing in $file" >&2
			return 1
		fi
	fi
	start=$(date +%s)
	kmake Image
	rc=$?
	[ -n "$file" ] && cp "$kmut/orig" "$tree/$file" && touch "$tree/$file"
	[ $rc = 0 ] || { echo "$prog: $name: the kernel does not build: see $out/build.log" >&2; return 1; }
	cp "$bld/arch/arm64/boot/Image" "$images/$name.Image"
	echo "$key" > "$images/$name.key"
	echo "# kernel-mutants: built $name in $(($(date +%s) - start))s"
}

build clean "" || die "the clean kernel does not build"
for m in $mutants; do
	build "$m" "$top/check/kernel-mutants/$m.sed" || echo "$m" >> "$out/unbuilt"
done

# run NAME HOST: the suite on that kernel; prints "killed BY" or "survived".
run() {
	dir=$out/$1
	"$here/run-host.sh" --host "$2" --kernel "$images/$1.Image" --bindir "$bindir" \
		--append "kvmirq_shrink_seconds=20${append:+ $append}" ${tests:+--tests "$tests"} \
		--out "$dir" > "$dir.$2.ktap" 2> "$dir.$2.err"
	rc=$?
	if [ $rc = 0 ]; then
		echo survived
		return
	fi
	status=$(cat "$dir/$2/status" 2>/dev/null)
	by=$(awk -F'\t' '$4 == "unexpected" { print $1 }' "$dir/$2/results.tsv" 2>/dev/null |
		sort -u | head -n 3 | paste -sd, -)
	[ "$status" = completed ] || by="${by:+$by, }host $status"
	echo "killed ${by:-by its exit status}"
}

# Two runs at a time: each qemu is one TCG thread.
verdicts=$out/verdicts
: > "$verdicts"
for h in $hosts; do
	(
		for m in clean $mutants; do
			[ -f "$images/$m.Image" ] || continue
			printf '%s\t%s\t%s\n' "$m" "$h" "$(run "$m" "$h")" >> "$verdicts"
		done
	) &
done
wait

clean_ok=1
echo "| defect | what it breaks | $(echo $hosts | sed 's/ / | /') |"
echo "|---|---|$(for h in $hosts; do printf -- '---|'; done)"
killed=0 total=0
for m in clean $mutants; do
	what=$( [ "$m" = clean ] && echo "nothing (the clean kernel)" ||
		sed -n '2s/^# //p' "$top/check/kernel-mutants/$m.sed")
	row="| $m | $what |"
	dead=
	for h in $hosts; do
		v=$(awk -F'\t' -v m="$m" -v h="$h" '$1 == m && $2 == h { print $3 }' "$verdicts")
		[ -n "$v" ] || v="not built"
		[ "$m" = clean ] && [ "$v" = survived ] && v="matches expected/"
		row="$row $v |"
		case "$v" in killed*) dead=1 ;; esac
	done
	echo "$row"
	if [ "$m" = clean ]; then
		[ -z "$dead" ] || clean_ok=
		continue
	fi
	total=$((total + 1))
	[ -n "$dead" ] && killed=$((killed + 1))
done
echo "kernel-mutants: $total defects, $killed killed ($((total ? 100 * killed / total : 0))%), $((total - killed)) survived; clean kernel: $([ -n "$clean_ok" ] && echo matches expected/ || echo FAILS)"
[ -n "$clean_ok" ]
