#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kvm-irq.sh: what lava/kvm-irq.yaml runs on the board (POSIX sh, busybox
# ash too; no python).  Fetches make dist's tarball, runs
# kvm-irq/run_tests.sh and reports each result with lava-test-case, named
# as Linaro's test-definitions name a kselftest run's: lava/cases.awk
# turns run_tests.sh's results.tsv into "NAME RESULT" lines, this script
# sends them.  Outside LAVA (no lava-test-case on PATH) each is printed as
# <TEST_CASE_ID=NAME RESULT=R>.
#
#   kvm-irq.sh --tarball URL|FILE [--options "RUN_TESTS.SH OPTIONS"]
#              [--output DIR]
#   kvm-irq.sh --document FILE --results FILE --status N [--output DIR]
#       report a run made elsewhere: its document, its results.tsv and
#       run_tests.sh's exit status (what make check does with the
#       emulated hosts' runs)
#
# Test cases: every test (kvm-irq_<binary>_<test>), every binary
# (kvm-irq_<binary>) and run_tests.sh's verdict (kvm-irq_run_tests: pass
# when it exited 0, every result as expected/ says, and printed its
# summary).  A results.tsv that cannot be read makes
# kvm-irq_per_test_results fail.
#
# Exit status: 0 once the results are reported, failing ones included;
# 1 when there was nothing to run (then lava-test-raise, in LAVA), 2 for
# bad options.
set -u

prog=kvm-irq.sh
here=$(cd "$(dirname "$0")" && pwd)
tarball=
options=
out=$(pwd)/output
doc=
tsv=
status=

usage() {
	cat >&2 <<EOF
usage: $prog --tarball URL|FILE [--options "RUN_TESTS.SH OPTIONS"] [--output DIR]
       $prog --document FILE --results FILE --status N [--output DIR]
EOF
	exit 2
}

bad() {
	echo "$prog: $*" >&2
	exit 2
}

# Nothing could run: an error of the job, not a result of the kernel.
die() {
	echo "$prog: $*" >&2
	command -v lava-test-raise > /dev/null 2>&1 && lava-test-raise "$prog: $*"
	exit 1
}

while [ $# -gt 0 ]; do
	case "$1" in
	--tarball | --options | --output | --document | --results | --status)
		[ $# -ge 2 ] || bad "option $1 needs a value"
		case "$1" in
		--tarball) tarball=$2 ;;
		--options) options=$2 ;;
		--output) out=$2 ;;
		--document) doc=$2 ;;
		--results) tsv=$2 ;;
		--status) status=$2 ;;
		esac
		shift
		;;
	-h | --help) usage ;;
	*) bad "unknown option '$1'" ;;
	esac
	shift
done
if [ -n "$doc" ]; then
	[ -z "$tarball" ] || bad "--document or --tarball, not both"
	[ -r "$doc" ] || bad "no document $doc"
	[ -n "$tsv" ] || bad "--document needs --results FILE, the run's results.tsv"
	case "$status" in '' | *[!0-9]*) bad "--document needs --status N, run_tests.sh's exit status" ;; esac
else
	[ -n "$tarball" ] || bad "--tarball URL|FILE needed (make dist's kvm-irq-conformance-arm64.tar.gz; TARBALL in the job)"
	[ -z "$status$tsv" ] || bad "--status and --results go with --document"
fi

# report NAME RESULT: one test case, to LAVA or to stdout.
report() {
	if command -v lava-test-case > /dev/null 2>&1; then
		lava-test-case "$1" --result "$2"
	else
		echo "<TEST_CASE_ID=$1 RESULT=$2>"
	fi
}

# fetch SRC DEST: a URL (wget, busybox's too, or curl) or a file.
fetch() {
	case "$1" in
	http://* | https://* | ftp://*)
		if command -v wget > /dev/null 2>&1; then
			wget -q -O "$2" "$1"
		elif command -v curl > /dev/null 2>&1; then
			curl -fsSL -o "$2" "$1"
		else
			echo "$prog: neither wget nor curl to fetch $1" >&2
			return 1
		fi
		;;
	*) cp "$1" "$2" ;;
	esac
}

mkdir -p "$out" || die "cannot make $out"

if [ -z "$doc" ]; then
	rm -rf "$out/suite" && mkdir -p "$out/suite" || die "cannot make $out/suite"
	fetch "$tarball" "$out/suite.tar.gz" || die "cannot fetch $tarball"
	tar -C "$out/suite" -xzf "$out/suite.tar.gz" || die "$tarball: not make dist's tarball"
	[ -x "$out/suite/kvm-irq/run_tests.sh" ] || die "$tarball: no kvm-irq/run_tests.sh in it"
	[ -e /dev/kvm ] || echo "$prog: no /dev/kvm here: every test will skip or fail" >&2
	doc=$out/results.tap
	tsv=$out/results.tsv
	# The document on stdout (the LAVA log) and in $doc; stderr only
	# in the log.  Word splitting of $options is wanted.
	# shellcheck disable=SC2086
	{
		"$out/suite/kvm-irq/run_tests.sh" $options --results "$out/results.tsv"
		echo $? > "$out/status"
	} | tee "$doc"
	status=$(cat "$out/status")
fi

# run_tests.sh's verdict, which needs nothing but this shell.
summary='^[0-9][0-9]* passed, [0-9][0-9]* failed, [0-9][0-9]* skipped$'
if [ "$status" = 0 ] && tail -n 1 "$doc" | grep -q "$summary"; then
	report kvm-irq_run_tests pass
else
	report kvm-irq_run_tests fail
fi

# Every result, as run_tests.sh counted it (results.tsv).
if ! awk -f "$here/cases.awk" "$tsv" > "$out/result.txt"; then
	echo "$prog: $tsv: no results.tsv of run_tests.sh's to report from" >&2
	report kvm-irq_per_test_results fail
	exit 0
fi
while read -r name result; do
	report "$name" "$result"
done < "$out/result.txt"
# The run's results.tsv in the log, each line behind "KVMIRQ-ROW " as
# the emulated hosts' console has it: with the document above, what
# lava/logs.py makes a run directory of, for report/html.py (a lab's
# jobs brought back into one report).
sed 's/^/KVMIRQ-ROW /' "$tsv"
exit 0
