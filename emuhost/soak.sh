#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# soak.sh --host NAME --runs N --bindir DIR --out DIR [--kernel IMAGE]
#         [--tests "A B"]
#
# The suite N times in a row on one emulated host configuration.  Per run
# it records the verdict, the time and every result (run-host.sh's
# results.tsv); at the end it lists every result that differed between
# runs (a flaky result) and ends with the line
#
#	soak: N runs, F flaky results, H host freezes
#
# A host that froze (no heartbeat: the emulator or the host kernel, not a
# test) is booted again once for that run; the retry is reported and the
# freeze still counts.  A test that flakes is never retried.
# Exit status 0 only with 0 flaky results, 0 freezes and every run green.
set -u

prog=soak.sh
here=$(cd "$(dirname "$0")" && pwd)
host= runs= bindir= out= kernel= tests=

usage() {
	sed -n '4,17s/^# \{0,1\}//p' "$0"
}

. "$here/opts.sh"
parse_opts "host runs bindir out kernel tests" "$@"
[ -n "$host" ] && [ -n "$runs" ] && [ -n "$bindir" ] && [ -n "$out" ] ||
	die "--host, --runs, --bindir and --out are required"
case "$runs" in ''|*[!0-9]*|0) die "--runs must be a positive number, not '$runs'" ;; esac
"$here/hosts.sh" show "$host" > /dev/null || exit 2

rm -rf "$out"
mkdir -p "$out" || die "cannot create $out"
log=$out/runs.tsv
printf 'run\texit\tseconds\thost\tsummary\n' > "$log"

# boot K TRY: one run of the suite into $out/run-K[.TRY]; sets $dir.
boot() {
	dir=$out/run-$1${2:+.$2}
	"$here/run-host.sh" --host "$host" --bindir "$bindir" --out "$dir" \
		${kernel:+--kernel "$kernel"} ${tests:+--tests "$tests"} \
		> "$dir.ktap" 2> "$dir.err"
	rc=$?
	status=$(cat "$dir/$host/status" 2>/dev/null || echo died)
}

freezes=0 retried=0 red=0
k=0
while [ $k -lt "$runs" ]; do
	k=$((k + 1))
	boot $k
	if [ "$status" = froze ]; then
		freezes=$((freezes + 1))
		echo "soak: run $k/$runs: the emulated host froze ($(cat "$dir/$host/reason")); booting it again, once (console log: $dir/$host/console.log)"
		retried=$((retried + 1))
		boot $k retry
		[ "$status" = froze ] && freezes=$((freezes + 1))
	fi
	total=-
	[ -f "$dir/$host/timing" ] && . "$dir/$host/timing"
	summary=$(tail -n 1 "$dir.ktap")
	[ $rc = 0 ] || red=$((red + 1))
	printf '%s\t%s\t%s\t%s\t%s\n' "$k" "$rc" "$total" "$status" "$summary" >> "$log"
	echo "soak: run $k/$runs: $summary in ${total}s (host $status)"
	# Every result of this run, tagged with the run.
	awk -v k=$k 'BEGIN { FS = OFS = "\t" } $2 != "took" { print $1, $2 " " $3, k }' \
		"$dir/$host/results.tsv" >> "$out/all.tsv"
done

# A result is flaky when the same test did not end the same way (outcome
# and behaviour value) in every run, or is missing from some.
flaky=$(awk -v runs="$runs" '
	BEGIN { FS = "\t" }
	{
		if (!(($1, $2) in runsof)) { kinds[$1]++; what[$1, kinds[$1]] = $2 }
		runsof[$1, $2] = runsof[$1, $2] (runsof[$1, $2] == "" ? "" : ",") $3
		n[$1]++
	}
	END {
		for (t in kinds) {
			if (kinds[t] == 1 && n[t] == runs)
				continue
			line = "flaky: " t ":"
			for (i = 1; i <= kinds[t]; i++)
				line = line sprintf(" \"%s\" in runs %s;", what[t, i], runsof[t, what[t, i]])
			if (n[t] < runs)
				line = line sprintf(" absent from %d runs", runs - n[t])
			print line
		}
	}' "$out/all.tsv" | sort)
[ -n "$flaky" ] && echo "$flaky" | tee "$out/flaky.txt"
nflaky=$(printf '%s' "$flaky" | grep -c '^flaky: ')

awk -F'\t' 'NR > 1 { s += $3; if (min == "" || $3 < min) min = $3; if ($3 > max) max = $3 }
	END { printf "soak: time per run: min %ss, mean %.0fs, max %ss\n", min, s / (NR - 1), max }' "$log"
[ $red = 0 ] || echo "soak: $red of $runs runs did not match expected/ (see $log)"
[ $retried = 0 ] || echo "soak: $retried frozen runs booted again once (each freeze counted below)"
echo "soak: $runs runs, $nflaky flaky results, $freezes host freezes"
[ "$nflaky" = 0 ] && [ $freezes = 0 ] && [ $red = 0 ]
