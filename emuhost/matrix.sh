#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# matrix.sh --bindir DIR --out DIR [--hosts "A B"] [--lanes N] [--force]:
# the suite on every emulated host configuration (make matrix), LANES at a
# time, with progress; one line per configuration at the end, and the
# matrix report.  A configuration whose inputs (its hosts line, kernel
# Image, busybox, the binaries, run_tests.sh and what it reads, expected/,
# the emulated host's scripts) are those of its last run, which matched
# expected/, is not run again.  A configuration that cannot exist
# (emuhost/hosts, "!" lines) is reported as such once its evidence holds.
#
# Exit status: 0 when every configuration that can exist matches
# expected/ and its JUnit reads back as its summary; 1 otherwise; 2 for
# bad input.
set -u

prog=matrix.sh
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
bindir=
out=
hosts=
lanes=2
force=

usage() {
	cat <<EOF
usage: $prog --bindir DIR --out DIR [options]
  --bindir DIR      the test binaries
  --out DIR         DIR/runs/<host>/ per configuration, DIR/summary.txt,
                    DIR/report.html
  --hosts "A B"     these configurations only (default: all of them)
  --lanes N         emulated hosts at a time (default $lanes)
  --force           run every configuration, changed or not
EOF
}

. "$here/opts.sh"
parse_opts "bindir out hosts lanes force!" "$@"
[ -n "$bindir" ] && [ -d "$bindir" ] || die "--bindir: no such directory '$bindir'"
[ -n "$out" ] || die "--out is required"
case "$lanes" in ''|*[!0-9]*|0) die "--lanes must be a number above 0, not '$lanes'" ;; esac
all=$("$here/hosts.sh" names) || exit 2
impossible=$("$here/hosts.sh" unavailable | cut -f1)
if [ -z "$hosts" ]; then
	hosts="$all $impossible"
else
	for h in $hosts; do
		echo "$all $impossible" | tr ' ' '\n' | grep -qx -- "$h" ||
			die "unknown host configuration '$h' (make hosts lists them)"
	done
fi
mkdir -p "$out/runs" || die "cannot create $out/runs"
out=$(cd "$out" && pwd)
bindir=$(cd "$bindir" && pwd)

# evidence NAME: true when the "!" line's evidence holds; its reason in $why.
evidence() {
	line=$("$here/hosts.sh" unavailable | awk -F'\t' -v n="$1" '$1 == n')
	ev=$(echo "$line" | cut -f2)
	why=$(echo "$line" | cut -f3)
	kind=${ev%%:*} rest=${ev#*:}
	series=${rest%%:*} arg=${rest#*:}
	case "$kind" in
	no-param)
		img=$("$here/fetch.sh" kernel "$series") || return 1
		# An Image is gzip-compressed on 5.10, plain on later series.
		if { gzip -dc "$img" 2>/dev/null || cat "$img"; } | grep -a -q -- "$arg"; then
			why="the $series Image does hold '$arg' after all"
			return 1
		fi
		;;
	no-package)
		found=$("$here/fetch.sh" packages "$series" "$arg") || return 1
		[ -z "$found" ] || { why="Debian now has $(echo "$found" | head -n 1)"; return 1; }
		;;
	*)
		why="unknown evidence '$ev' in emuhost/hosts"
		return 1
		;;
	esac
	return 0
}

# What every configuration's run depends on alike: busybox, every test
# binary, run_tests.sh and what it reads, the emulated host's scripts and
# report/.  Hashed once.
busybox=$("$here/fetch.sh" busybox) || exit 2
common=$({
	sha256sum "$busybox"
	(cd "$bindir" && sha256sum *)
	(cd "$top" && find run_tests.sh runner/awk lib/assertions.txt lib/conditions.txt lib/variants.txt lib/features.txt \
		expected emuhost/init emuhost/mkinitramfs.sh emuhost/run-host.sh \
		emuhost/opts.sh mk/suite-tree.sh report -type f | sort | xargs sha256sum)
} | sha256sum | cut -d' ' -f1)

# inputs HOST IMAGE: one hash of all a run of HOST depends on: its hosts
# line, its kernel Image, and the common part.
inputs() {
	{
		grep -v '^[#!]' "$here/hosts" | awk -v n="$1" '$1 == n'
		sha256sum "$2"
		echo "$common"
	} | sha256sum | cut -d' ' -f1
}

# Fetch every kernel first: the lanes would race for the cache.
run=
for h in $hosts; do
	if echo "$impossible" | grep -qx -- "$h"; then
		continue
	fi
	set -- $("$here/hosts.sh" show "$h")
	img=$("$here/fetch.sh" kernel "$1") || exit 2
	key=$(inputs "$h" "$img")
	d=$out/runs/$h
	if [ -z "$force" ] && [ "$(cat "$d/inputs" 2>/dev/null)" = "$key" ] &&
	   [ "$(cat "$d/rc" 2>/dev/null)" = 0 ]; then
		echo "# $h: inputs unchanged since its run of $(date -r "$d/inputs" '+%F %T'), which matched: not run again"
		touch "$d/unchanged"
		continue
	fi
	rm -rf "$d" && mkdir -p "$d" && echo "$key" > "$d/inputs.new"
	run="$run $h"
done
nrun=$(echo $run | wc -w)
nbins=$("$top/run_tests.sh" --bindir "$bindir" --binaries | wc -l)
echo "# matrix: $(echo $hosts | wc -w) configurations, $nrun to run, $lanes at a time"

# one HOST: run it; progress as each binary ends; rc and inputs kept.
one() {
	h=$1 i=$2
	d=$out/runs/$h
	"$here/run-host.sh" --host "$h" --bindir "$bindir" --out "$out/runs" \
		> "$d/document" 2> "$d/run-host.err" &
	pid=$!
	tail -n +1 -f --pid=$pid "$d/document" 2>/dev/null |
		awk -v h="$h" -v i="$i" -v n="$nrun" -v b="$nbins" '
		/^(not )?ok [0-9]+ selftests: / {
			done++
			r = ($1 == "ok") ? "ok" : "NOT OK"
			printf "# [%d/%d] %s: %s %s (%d/%d binaries)\n", i, n, h, $NF, r, done, b
			fflush()
		}'
	wait $pid
	rc=$?
	echo $rc > "$d/rc"
	[ $rc = 0 ] && mv "$d/inputs.new" "$d/inputs"
	echo "# [$i/$nrun] $h: done, $(tail -n 1 "$d/document")"
}

# Each lane takes the next configuration no lane has claimed (mkdir is
# atomic): a lane that drew short runs is not left idle.
rm -rf "$out/claims" && mkdir -p "$out/claims"
lane=0
while [ $lane -lt "$lanes" ]; do
	(
		i=0
		for h in $run; do
			i=$((i + 1))
			mkdir "$out/claims/$h" 2>/dev/null && one "$h" $i
		done
	) &
	lane=$((lane + 1))
done
wait
rm -rf "$out/claims"

# junit_back XML: "P passed, F failed, S skipped" as junitparser reads it.
junit_back() {
	/usr/bin/python3 "$top/report/junit.py" --counts "$1" 2>/dev/null
}

# One line per configuration.
bad=0
{
	printf '%-22s %-14s %-40s %6s  %s\n' configuration verdict "results (run_tests.sh)" time "JUnit read back"
	for h in $hosts; do
		d=$out/runs/$h
		if echo "$impossible" | grep -qx -- "$h"; then
			mkdir -p "$d"
			if evidence "$h"; then
				echo "$why" > "$d/unavailable"
				printf '%-22s %-14s %s\n' "$h" "cannot-exist" "$why"
			else
				rm -f "$d/unavailable"
				printf '%-22s %-14s %s\n' "$h" "ERROR" "listed as impossible, but $why"
				bad=1
			fi
			continue
		fi
		sum=$(tail -n 1 "$d/results.tap" 2>/dev/null)
		secs=$(sed -n 's/^total=//p' "$d/timing" 2>/dev/null)
		back=$(junit_back "$d/junit.xml")
		if [ "$(cat "$d/rc" 2>/dev/null)" = 0 ]; then
			verdict=matches
			[ -f "$d/unchanged" ] && verdict=matches,cached
		else
			verdict=UNEXPECTED
			bad=1
		fi
		[ -n "$back" ] && [ "$back" = "$sum" ] || { back="MISMATCH: ${back:-unreadable}"; bad=1; }
		printf '%-22s %-14s %-40s %5ss  %s\n' "$h" "$verdict" "${sum:-no results}" "${secs:-?}" "$back"
	done
} > "$out/summary.tmp"
mv "$out/summary.tmp" "$out/summary.txt"
cat "$out/summary.txt"

if [ -x "$top/report/html.py" ] || [ -f "$top/report/html.py" ]; then
	dirs=
	for h in $hosts; do dirs="$dirs $out/runs/$h"; done
	if /usr/bin/python3 "$top/report/html.py" --title "kvm-irq matrix" --out "$out/report.html" $dirs; then
		echo "# matrix report: $out/report.html"
	else
		echo "# matrix: the report could not be made" >&2
		bad=1
	fi
fi
exit $bad
