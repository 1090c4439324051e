#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kvm-irq.sh: what lava/kvm-irq.yaml runs on the board (POSIX sh, busybox
# ash too).  Fetches make dist's tarball, runs kvm-irq/run_tests.sh and
# reports each result with lava-test-case, as Linaro's test-definitions
# run kselftests: parse-results.py (python3-tap) turns the document into
# "NAME RESULT" lines, this script sends them.  Outside LAVA (no
# lava-test-case on PATH) each is printed as <TEST_CASE_ID=NAME RESULT=R>.
#
#   kvm-irq.sh --tarball URL|FILE [--options "RUN_TESTS.SH OPTIONS"]
#              [--install-deps true|false] [--output DIR]
#   kvm-irq.sh --document FILE --status N [--output DIR]
#       report a run made elsewhere: its document and run_tests.sh's exit
#       status (what make check does with the emulated hosts' runs)
#
# Test cases: every test (kvm-irq_<binary>_<test>), every binary
# (kvm-irq_<binary>) and run_tests.sh's verdict (kvm-irq_run_tests: pass
# when it exited 0, every result as expected/ says, and printed its
# summary).  Without python3-tap only the verdict can be reported; then
# kvm-irq_per_test_results fails, naming the package.  As root on Debian
# (apt-get), --install-deps true (the default) installs python3-tap first.
#
# Exit status: 0 once the results are reported, failing ones included;
# 1 when there was nothing to run (then lava-test-raise, in LAVA), 2 for
# bad options.
set -u

prog=kvm-irq.sh
here=$(cd "$(dirname "$0")" && pwd)
tarball=
options=
install_deps=true
out=$(pwd)/output
doc=
status=
python=${KVM_IRQ_PYTHON:-python3}

usage() {
	cat >&2 <<EOF
usage: $prog --tarball URL|FILE [--options "RUN_TESTS.SH OPTIONS"]
                  [--install-deps true|false] [--output DIR]
       $prog --document FILE --status N [--output DIR]
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
	--tarball | --options | --install-deps | --output | --document | --status)
		[ $# -ge 2 ] || bad "option $1 needs a value"
		case "$1" in
		--tarball) tarball=$2 ;;
		--options) options=$2 ;;
		--install-deps) install_deps=$2 ;;
		--output) out=$2 ;;
		--document) doc=$2 ;;
		--status) status=$2 ;;
		esac
		shift
		;;
	-h | --help) usage ;;
	*) bad "unknown option '$1'" ;;
	esac
	shift
done
case "$install_deps" in true | false) ;; *) bad "--install-deps true or false, not '$install_deps'" ;; esac
if [ -n "$doc" ]; then
	[ -z "$tarball" ] || bad "--document or --tarball, not both"
	[ -r "$doc" ] || bad "no document $doc"
	case "$status" in '' | *[!0-9]*) bad "--document needs --status N, run_tests.sh's exit status" ;; esac
else
	[ -n "$tarball" ] || bad "--tarball URL|FILE needed (make dist's kvm-irq-conformance-arm64.tar.gz; TARBALL in the job)"
	[ -z "$status" ] || bad "--status goes with --document"
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

# The parser's one dependency: python3 with tappy.
have_tap() {
	"$python" -c 'import tap.parser' > /dev/null 2>&1
}

mkdir -p "$out" || die "cannot make $out"

if [ -z "$doc" ]; then
	rm -rf "$out/suite" && mkdir -p "$out/suite" || die "cannot make $out/suite"
	fetch "$tarball" "$out/suite.tar.gz" || die "cannot fetch $tarball"
	tar -C "$out/suite" -xzf "$out/suite.tar.gz" || die "$tarball: not make dist's tarball"
	[ -x "$out/suite/kvm-irq/run_tests.sh" ] || die "$tarball: no kvm-irq/run_tests.sh in it"
	[ -e /dev/kvm ] || echo "$prog: no /dev/kvm here: every test will skip or fail" >&2
	doc=$out/results.tap
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

if ! have_tap && [ "$install_deps" = true ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
	echo "$prog: installing python3-tap for the per-test results"
	apt-get update -qq > /dev/null &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-tap > /dev/null
fi
if ! have_tap; then
	echo "$prog: no python3 with tappy ($python): per-test results need it; on Debian: apt-get install python3-tap" >&2
	report kvm-irq_per_test_results fail
	exit 0
fi

"$python" "$here/parse-results.py" "$doc" "$out/result.txt" || {
	report kvm-irq_per_test_results fail
	exit 0
}
while read -r name result; do
	report "$name" "$result"
done < "$out/result.txt"
exit 0
