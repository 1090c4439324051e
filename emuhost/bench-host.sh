#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench-host.sh --host NAME --bindir DIR --out DIR [--kernel IMAGE]
#
# A benchmark, not a test: the whole suite on one emulated host
# configuration, first with the settings this project used before
# (plain -cpu max: TCG emulates QARMA pointer authentication), then with
# today's (the configuration's -cpu), one after the other in one run.
# Prints each run's time (whole run, boot, each binary), their ratio, and
# whether both runs gave the same results.  Exit status 1 when a run did
# not match expected/ or the two runs' results differ.
set -u

prog=bench-host.sh
here=$(cd "$(dirname "$0")" && pwd)
host= bindir= out= kernel=

usage() {
	sed -n '4,13s/^# \{0,1\}//p' "$0"
}

. "$here/opts.sh"
parse_opts "host bindir out kernel" "$@"
[ -n "$host" ] && [ -n "$bindir" ] && [ -n "$out" ] || die "--host, --bindir and --out are required"
conf=$("$here/hosts.sh" show "$host") || exit 2
set -- $conf
now_cpu=$4
# Before: the same model without the cheap pointer authentication.
then_cpu=$(echo "$now_cpu" | sed 's/,pauth-impdef=on//')

# run LABEL CPU: one whole run; prints its summary line for the table.
run() {
	dir=$out/$1
	"$here/run-host.sh" --host "$host" --bindir "$bindir" --out "$dir" \
		--cpu "$2" ${kernel:+--kernel "$kernel"} > "$dir.ktap" 2> "$dir.err"
	echo $? > "$dir.rc"
	. "$dir/$host/timing"
	per=$(awk -F'\t' '$2 == "took" { print $1 " " $3 }' "$dir/$host/results.tsv" |
		paste -sd, - | sed 's/,/, /g')
	printf '  %-6s -cpu %-22s whole run %4ss  boot %5ss  %s\n' "$1:" "$2" "$total" "$boot" "$per"
	printf '  %-6s %s\n' "" "$(tail -n 1 "$dir.ktap")"
	echo "$total" > "$dir.total"
}

mkdir -p "$out" || die "cannot create $out"
echo "bench-host: $host, the whole suite, one run each, one after the other"
[ "$then_cpu" != "$now_cpu" ] ||
	echo "  (-cpu $now_cpu has no pointer authentication to make cheap: both runs use the same settings)"
run before "$then_cpu"
run after "$now_cpu"

b=$(cat "$out/before.total") a=$(cat "$out/after.total")
ratio=$(awk -v b="$b" -v a="$a" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }')
# The results, without the seconds each binary took.
for r in before after; do
	awk -F'\t' '$2 != "took"' "$out/$r/$host/results.tsv" > "$out/$r.results"
done
same=identical
cmp -s "$out/before.results" "$out/after.results" || same=different
echo "bench-host: $host: before ${b}s, after ${a}s, ratio before/after $ratio; results $same"
[ "$same" = identical ] || diff "$out/before.results" "$out/after.results" | head -n 20 | sed 's/^/  /'
[ "$same" = identical ] && [ "$(cat "$out/before.rc")" = 0 ] && [ "$(cat "$out/after.rc")" = 0 ]
