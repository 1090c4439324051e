#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check.sh --build DIR --hosts "A B" [--kunit KUNIT.PY] [--dist TARBALL]
#          [--install DIR]: the project's own tests (make check).
#   1. the oracle's and the models' unit tests (native), each model
#      broken on purpose (make model-mutants) red, and the tree's layout;
#   2. the tools' tests (native, fake binaries and a fake qemu);
#   3. for each emulated host (or, with --hosts native, on this arm64
#      machine's /dev/kvm): the whole suite, which must match expected/;
#      its document read by tappy, every binary's TAP by prove in strict mode;
#   4. each broken copy of the userspace irqchip loop (make mutants) turns
#      the loop's end-to-end test red on the first host;
#   5. LAVA: every job make lava-jobs writes passes LAVA's schema; the
#      first emulated host's job run by LAVA's dispatcher, its record
#      equal to run_tests.sh's summary (emuhost/lava-check.sh);
#   6. make certify's run on the first emulated host: certified, and its
#      bundle verifies; copies changed, added to or re-manifested do not.
# TAP on stdout, one result per check, then "N passed, N failed".
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
build=
hosts=
kunit=
dist=
inst=
while [ $# -gt 0 ]; do
	case "$1" in
	--build) build=$2; shift ;;
	--hosts) hosts=$2; shift ;;
	--kunit) kunit=$2; shift ;;
	--dist) dist=$2; shift ;;
	--install) inst=$2; shift ;;
	*) echo "check.sh: unknown option '$1'" >&2; exit 2 ;;
	esac
	shift
done
[ -n "$build" ] && [ -d "$build/tests" ] || { echo "check.sh: --build DIR with DIR/tests needed (run make)" >&2; exit 2; }
out=$build/check
rm -rf "$out"
mkdir -p "$out"

. "$top/check/tap.sh"

# suite HOST BINDIR OUT [TESTS [FORMAT]]: the suite's document on stdout,
# from an emulated host or, for HOST "native", from this machine's
# /dev/kvm; FORMAT ktap for KTAP v1.
suite() {
	if [ "$1" = native ]; then
		mkdir -p "$3/native"
		"$top/run_tests.sh" --bindir "$2" --results "$3/native/results.tsv" \
			${4:+--tests "$4"} $([ "${5:-}" = ktap ] && echo --ktap) 2>&1
	else
		"$top/emuhost/run-host.sh" --host "$1" --bindir "$2" --out "$3" \
			${4:+--tests "$4"} ${5:+--format "$5"}
	fi
}

# The last line of a run's document, "P passed, F failed, S skipped".
summary_of() {
	tail -n 1 "$1" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p'
}

# junit_counts DOC XML: the JUnit of DOC (report/junit.py), read back with
# junitparser: $junit, "P passed, F failed, S skipped"; true if that is
# DOC's summary and nothing is an error.
junit_counts() {
	junit=
	/usr/bin/python3 "$top/report/junit.py" "$1" "$2" || return 1
	junit=$(/usr/bin/python3 "$top/report/junit.py" --counts "$2")
	set -- $(summary_of "$1")
	[ "$junit" = "$1 passed, $2 failed, $3 skipped" ]
}

# A KTAP run's subset: a binary with an expected failure on every check
# host (live_ids), one without.
KTAP_TESTS="caps live_injection"
# Under load: the binaries whose guests wait in bounded windows, with a busy
# loop beside them on the emulated host (its other CPU never idle), as on
# a board whose make check runs its tools tests beside the suite.
LOADED_TESTS="user_irq live_injection"

# prove reads a saved TAP file in strict mode; only its parse errors
# count here: the results themselves are judged against expected/.
strict_tap() {
	prove --ignore-exit -e "$top/check/strict-tap.sh" "$1" > "$1.prove" 2>&1
	! grep -q "Parse errors" "$1.prove"
}

echo "TAP version 13"

"$build/native/oracle_test" > "$out/oracle.tap"
t $? "oracle unit tests ($(grep -c '^ok' "$out/oracle.tap") passed, see $out/oracle.tap)"
grep '^not ok' "$out/oracle.tap" | sed 's/^/# /'
strict_tap "$out/oracle.tap"
t $? "oracle unit tests: strict TAP 13"

"$build/native/model_test" > "$out/model.tap"
t $? "model unit tests: the CPU-line, KVM_CAP_ARM_USER_IRQ and vgic models, sequences as text, the shrinker, the generator against an ideal kernel ($(grep -c '^ok' "$out/model.tap") passed, see $out/model.tap)"
grep '^not ok' "$out/model.tap" | sed 's/^/# /'
strict_tap "$out/model.tap"
t $? "model unit tests: strict TAP 13"

"$build/native/realvmm_test" > "$out/realvmm.tap"
t $? "realvmm unit tests: its guest's console judged, as printed and changed the way broken kernels change it ($(grep -c '^ok' "$out/realvmm.tap") passed, see $out/realvmm.tap)"
grep '^not ok' "$out/realvmm.tap" | sed 's/^/# /'
strict_tap "$out/realvmm.tap"
t $? "realvmm unit tests: strict TAP 13"

# The models broken on purpose (check/model-mutants/, built by make
# model-mutants): each must turn the model tests red where its "# expect:"
# line says, or the tests cannot see that change of the model.
for sed in "$top"/check/model-mutants/*.sed; do
	m=$(basename "$sed" .sed)
	want=$(sed -n 's/^# expect: //p' "$sed")
	"$build/model-mutants/$m/model_test" > "$out/model-mutant-$m.tap" 2>&1
	rc=$?
	[ "$rc" -ne 0 ] && [ -n "$want" ] && grep '^not ok' "$out/model-mutant-$m.tap" | grep -qF -- "$want"
	t $? "model broken on purpose: $m ($(sed -n '2s/^# //p' "$sed")) turns the model tests red at '$want' ($(grep -c '^not ok' "$out/model-mutant-$m.tap") failed, exit $rc)"
done

# make dist's tarball and make install's collection: complete, and what a
# POSIX shell (busybox's) makes of them.
if [ -n "$dist" ]; then
	rm -rf "$out/dist" && mkdir -p "$out/dist" &&
		tar -C "$out/dist" -xzf "$dist" &&
		[ "$(busybox sh "$out/dist/kvm-irq/run_tests.sh" --binaries | tr '\n' ' ')" = \
		  "$("$top/run_tests.sh" --bindir "$build/tests" --binaries | tr '\n' ' ')" ] &&
		[ -r "$out/dist/kvm-irq/runner/awk/judge.awk" ] && [ -r "$out/dist/kvm-irq/lib/assertions.txt" ]
	t $? "make dist: the tarball holds every binary, run_tests.sh, expected/ and the catalog; busybox sh runs it"
fi
if [ -n "$inst" ]; then
	[ "$(cd "$inst" && sh ./run_kselftest.sh --list | tr '\n' ' ')" = \
	  "$("$top/run_tests.sh" --bindir "$build/tests" --binaries | sed 's/^/kvm-irq:/' | tr '\n' ' ')" ] &&
		grep -qx 'timeout=1800' "$inst/kvm-irq/settings" &&
		[ "$(busybox sh "$inst/kvm-irq/run_tests.sh" --binaries | wc -l)" = \
		  "$("$top/run_tests.sh" --bindir "$build/tests" --binaries | wc -l)" ]
	t $? "make install: run_kselftest.sh lists every binary of the kvm-irq collection; its run_tests.sh finds them beside it"
fi

"$top/check/layout_check.sh" "$build" > "$out/layout.txt" 2>&1
t $? "layout: guest and host code meet only in lib/guest_host.h; every file of lib/ and guest_code/ serves two binaries or more"
sed 's/^/# /' "$out/layout.txt"

# The emulated hosts and the mutants' runs, CHECK_LANES at a time (each
# qemu is one TCG thread: two lanes keep a 2-core machine busy), while the
# tools tests, which mostly wait for timeouts, run beside them.  Judged
# afterwards, in order.
first_host=${hosts%% *}
mutants=
for m in "$build"/mutants/*/tests; do
	[ -n "$first_host" ] && [ -d "$m" ] || break
	m=${m%/tests}
	mutants="$mutants ${m##*/}"
done
jobs=
for h in $hosts; do jobs="$jobs h:$h"; done
[ -n "$first_host" ] && jobs="$jobs k:$first_host"
# The certification run (emulated hosts: a board's /boot may hold no
# config), here so that the lanes take about as long.
[ -n "$first_host" ] && [ "$first_host" != native ] && jobs="$jobs c:$first_host l:$first_host"
for m in $mutants; do jobs="$jobs m:$m"; done
lanes=${CHECK_LANES:-2}
[ "$first_host" = native ] && lanes=1

# run_job JOB: one run into $out/<name>.ktap, its exit status in .rc.
run_job() {
	case "$1" in
	h:*)
		name=${1#h:}
		suite "$name" "$build/tests" "$out/runs" > "$out/$name.ktap" 2> "$out/$name.err" &
		;;
	k:*)
		name=ktap-${1#k:}
		suite "${1#k:}" "$build/tests" "$out/ktap-runs" "$KTAP_TESTS" ktap \
			> "$out/$name.ktap" 2> "$out/$name.err" &
		;;
	c:*)
		name=certify-${1#c:}
		"$top/emuhost/run-host.sh" --host "${1#c:}" --bindir "$build/tests" \
			--out "$out/certify-runs" --certify "$out/$name.tar.gz" \
			> "$out/$name.ktap" 2> "$out/$name.err" &
		;;
	l:*)
		name=loaded-${1#l:}
		"$top/emuhost/run-host.sh" --host "${1#l:}" --bindir "$build/tests" \
			--out "$out/loaded-runs" --tests "$LOADED_TESTS" --busy-cpu \
			> "$out/$name.ktap" 2> "$out/$name.err" &
		;;
	m:*)
		name=mutant-${1#m:}
		suite "$first_host" "$build/mutants/${1#m:}/tests" "$out/mutants/${1#m:}" \
			user_irqchip > "$out/$name.ktap" 2> "$out/$name.err" &
		;;
	esac
	pid=$!
	# Progress: the per-binary results as they come.
	tail -f --pid=$pid "$out/$name.ktap" 2>/dev/null |
		grep --line-buffered -E '^(not )?ok ' | sed -u "s/^/#   $name: /"
	wait $pid
	echo $? > "$out/$name.rc"
}

# Fetch the kernels and busybox first: the lanes would race for the cache.
for h in $hosts; do
	[ "$h" = native ] && continue
	set -- $("$top/emuhost/hosts.sh" show "$h") || exit 2
	"$top/emuhost/fetch.sh" kernel "$1" > /dev/null || exit 2
done
[ "$first_host" = native ] || "$top/emuhost/fetch.sh" busybox > /dev/null || exit 2

echo "# $(echo $jobs | wc -w) runs ($(echo $jobs | sed 's/[hm]://g')), $lanes at a time"
lane=0
while [ $lane -lt "$lanes" ]; do
	(
		i=0
		for j in $jobs; do
			[ $((i % lanes)) = $lane ] && run_job "$j"
			i=$((i + 1))
		done
	) &
	lane=$((lane + 1))
done
"$top/check/tools_test.sh" > "$out/tools.tap" 2>&1
tools_rc=$?
wait

t $tools_rc "tools tests ($(grep -c '^ok' "$out/tools.tap") passed, see $out/tools.tap)"
grep '^not ok' "$out/tools.tap" | sed 's/^/# /'

for h in $hosts; do
	rc=$(cat "$out/$h.rc" 2>/dev/null || echo 1)
	t $rc "$h: suite results match expected/ ($(tail -n 1 "$out/$h.ktap"))"
	[ $rc = 0 ] || sed 's/^/# /' "$out/$h.err" | tail -n 5

	/usr/bin/python3 "$top/check/tap_check.py" "$out/$h.ktap" "$out/$h" > "$out/$h.tapcheck" 2>&1
	t $? "$h: run_tests.sh output read by tappy; $(tail -n 1 "$out/$h.tapcheck" | sed 's/^# //')"
	grep -v '^#' "$out/$h.tapcheck" | sed 's/^/# /'

	# Every parser counts as run_tests.sh does: an expected failure,
	# "ok ... # XFAIL", is no failure to tappy or prove.
	set -- $(summary_of "$out/$h.ktap")
	want="$1 passed, $2 failed, $3 skipped"
	tappy=$(sed -n 's/^# counts: //p' "$out/$h.tapcheck")
	[ "$tappy" = "$want" ]
	t $? "$h: tappy counts what run_tests.sh does ($tappy; run_tests.sh: $want)"
	prove -e "$top/check/strict-tap.sh" "$out/$h"/*.tap > "$out/$h.prove" 2>&1
	prove_rc=$?
	ptests=$(sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p' "$out/$h.prove")
	[ "$2" != 0 ] || [ $prove_rc = 0 ] && [ "$ptests" = $(($1 + $2 + $3)) ]
	t $? "$h: prove passes every binary's TAP, $ptests results (run_tests.sh: $(($1 + $2 + $3)), $2 failed)"
	junit_counts "$out/$h.ktap" "$out/$h.junit.xml"
	t $? "$h: JUnit XML read back counts what run_tests.sh does ($junit; run_tests.sh: $want)"

	# expected/all lets PMU cases skip on hosts without a PMU for KVM;
	# every emulated host here has one: a skip would hide a lost PMU.
	if [ "$h" != native ] || ls /sys/bus/event_source/devices 2>/dev/null | grep -q armv8; then
		grep -q '^ok [0-9]* user_irq\.pmu_1\.exit_on_rise$' "$out/$h/user_irq.tap" 2>/dev/null
		t $? "$h: the PMU cases ran (KVM_CAP_ARM_PMU_V3 reported)"
	fi

	# -cpu max,pauth-impdef=on must leave the host kernel its pointer
	# authentication (only the algorithm QEMU computes it with changes).
	if [ "$h" != native ] && "$top/emuhost/hosts.sh" show "$h" | grep -q pauth-impdef=on; then
		grep -q 'CPU features: detected: Address authentication' "$out/runs/$h/console.log"
		t $? "$h: the host kernel uses pointer authentication ($(grep -a -m 1 -o 'Address authentication (.*)' "$out/runs/$h/console.log"))"
	fi

	bad=
	for f in "$out/$h"/*.tap; do
		[ -f "$f" ] || { bad=" (no binary TAP found)"; break; }
		strict_tap "$f" || bad="$bad ${f##*/}"
	done
	[ -z "$bad" ]
	t $? "$h: every binary's TAP passes prove in strict mode${bad:+: parse errors in$bad}"
done

# report.html (report/html.py), which run-host.sh leaves beside results.tap:
# self-contained, parsed by html.parser, counting what run_tests.sh does,
# a band map cell for every irq_abi VM configuration that ran.  Natively
# there is no run-host.sh: the page is made here, from the same files.
for h in $hosts; do
	rd=$out/runs/$h
	if [ "$h" = native ]; then
		cp "$out/$h.ktap" "$rd/results.tap"
		/usr/bin/python3 "$top/report/html.py" --out "$rd/report.html" "$rd"
	fi
	/usr/bin/python3 "$top/check/report_check.py" "$rd/report.html" "$rd" $(summary_of "$out/$h.ktap") > "$out/$h.report" 2>&1
	t $? "$h: report.html self-contained, counts what run_tests.sh does, maps each irq_abi VM configuration that ran ($(tail -n 1 "$out/$h.report" | sed 's/^# //'))"
	grep -v '^#' "$out/$h.report" | head -n 5 | sed 's/^/# /'
done

# Broken copies of the userspace irqchip loop (check/mutants/): the loop's
# end-to-end test must fail with each, on the first host.
for name in $mutants; do
	rc=$(cat "$out/mutant-$name.rc" 2>/dev/null || echo 0)
	red=$(grep -c '^# not ok [0-9]* irqchip_loop\.' "$out/mutant-$name.ktap")
	# Each mutant says how it must be caught ("# expect: REGEX").
	expect=$(sed -n 's/^# expect: //p' "$top/check/mutants/$name.sed")
	[ $rc != 0 ] && [ "$red" -gt 0 ] && grep -q -e "$expect" "$out/mutant-$name.ktap"
	t $? "mutant $name on $first_host: the loop's end-to-end test goes red, saying '$expect' ($red failing, see $out/mutant-$name.ktap)"
done

# The KTAP v1 run, as the kernel's own parser reads it: every result,
# counted as run_tests.sh counts them.
if [ -n "$first_host" ] && [ -n "$kunit" ]; then
	k=ktap-$first_host
	/usr/bin/python3 "$kunit" parse "$(cd "$out" && pwd)/$k.ktap" > "$out/$k.kunit" 2>&1
	kunit_rc=$?
	set -- $(summary_of "$out/$k.ktap")
	ran=$(sed -n 's/.*Testing complete\. Ran \([0-9]*\) tests: \(.*\)$/\1 \2/p' "$out/$k.kunit")
	kpassed=$(echo "$ran" | sed -n 's/.*passed: \([0-9]*\).*/\1/p')
	kskipped=$(echo "$ran" | sed -n 's/.*skipped: \([0-9]*\).*/\1/p')
	kfailed=$(echo "$ran" | sed -n 's/.*failed: \([0-9]*\).*/\1/p')
	[ "$(cat "$out/$k.rc")" = 0 ] && [ $kunit_rc = 0 ] && [ -n "$ran" ] &&
		[ "${kpassed:-0} ${kfailed:-0} ${kskipped:-0}" = "$1 $2 $3" ] &&
		! grep -q 'ERROR\|CRASHED' "$out/$k.kunit"
	t $? "$first_host --ktap ($KTAP_TESTS): kunit.py parse reads every result (ran ${ran:-nothing}; run_tests.sh: $1 passed, $2 failed, $3 skipped)"
	grep 'ERROR\|CRASHED' "$out/$k.kunit" | head -n 5 | sed 's/^/# /'
	junit_counts "$out/$k.ktap" "$out/$k.junit.xml"
	t $? "$first_host --ktap: JUnit XML read back counts what run_tests.sh does ($junit)"

	# tappy and prove read the KTAP v1 document too: its top level as
	# TAP (one result per binary), each binary's subtest as its own TAP.
	/usr/bin/python3 "$top/check/tap_check.py" "$out/$k.ktap" "$out/$k" > "$out/$k.tapcheck" 2>&1
	tc_rc=$?
	tappy=$(sed -n 's/^# counts: //p' "$out/$k.tapcheck")
	[ $tc_rc = 0 ] && [ "$tappy" = "$1 passed, $2 failed, $3 skipped" ]
	t $? "$first_host --ktap: tappy reads every result and counts what run_tests.sh does (${tappy:-nothing})"
	grep -v '^#' "$out/$k.tapcheck" | head -n 5 | sed 's/^/# /'
	nbin=$(echo $KTAP_TESTS | wc -w)
	prove -e cat "$out/$k.ktap" > "$out/$k.prove-top" 2>&1 &&
		grep -q "^Files=1, Tests=$nbin," "$out/$k.prove-top" &&
		prove -e "$top/check/strict-tap.sh" "$out/$k"/*.tap > "$out/$k.prove" 2>&1 &&
		grep -q "^Files=$nbin, Tests=$(($1 + $2 + $3))," "$out/$k.prove"
	t $? "$first_host --ktap: prove passes the document ($(sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p' "$out/$k.prove-top") binaries) and, in strict mode, each binary's subtest ($(sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p' "$out/$k.prove" 2>/dev/null) results)"
fi

# Board farms and CI (lava/, .github/workflows/): what a LAVA job reports
# of each run above, the LAVA definition and the workflow, each check
# also on a copy broken on purpose (check/farm_check.sh; make check says
# where actionlint is installed, KVM_IRQ_ACTIONLINT).
if [ -n "$first_host" ]; then
	set --
	for h in $hosts; do
		set -- "$@" "$out/$h.ktap" "$out/runs/$h/results.tsv" "$(cat "$out/$h.rc" 2>/dev/null)"
	done
	[ -f "$out/ktap-$first_host.ktap" ] &&
		set -- "$@" "$out/ktap-$first_host.ktap" "$out/ktap-runs/$first_host/results.tsv" \
			"$(cat "$out/ktap-$first_host.rc" 2>/dev/null)"
	"$top/check/farm_check.sh" --actionlint "${KVM_IRQ_ACTIONLINT:-}" --work "$out" "$@" \
		> "$out/farm.tap" 2> "$out/farm.err"
	grep -E '^(not )?ok [0-9]+ - ' "$out/farm.tap" > "$out/farm.results"
	while IFS= read -r line; do
		case "$line" in not*) r=1 ;; *) r=0 ;; esac
		t $r "farm: ${line#* - }"
	done < "$out/farm.results"
	[ -s "$out/farm.results" ] || t 1 "farm: check/farm_check.sh ran ($(tail -n 1 "$out/farm.err"))"
	grep '^# ' "$out/farm.tap"
fi

# --- a real LAVA run (make lava-check) and the lab's jobs (make lava-jobs)
# Every job lava/jobs.py writes (each host configuration's, the boards')
# passes LAVA's own schema, and one job broken on purpose does not; the
# first emulated host's job run by LAVA's dispatcher, what it recorded
# equal to run_tests.sh's summary of that run; the comparison, on copies
# of that log broken on purpose (a case renamed, a verdict changed), red.
lj=$out/lava-jobs
rm -rf "$lj"
if /usr/bin/python3 "$top/lava/jobs.py" --out "$lj" --artifacts https://lab.invalid/kvm-irq \
	--repository https://git.invalid/kvm-irq.git --revision "$(git -C "$top" rev-parse HEAD 2>/dev/null || echo unknown)" \
	--version check > "$out/lava-jobs.list" 2> "$out/lava-jobs.err"; then
	/usr/bin/python3 "$top/check/lava_job_check.py" $(cat "$out/lava-jobs.list") > "$out/lava-jobs.check" 2>&1
	t $? "LAVA jobs: all $(wc -l < "$out/lava-jobs.list") of make lava-jobs ($(ls "$lj"/boards | wc -l) of them for real boards) pass LAVA's schema, strict, with the configuration and suite version in their metadata"
	grep -v '^ok: ' "$out/lava-jobs.check" | head -n 3 | sed 's/^/# /'
	sed 's/^  arch: arm64$/  arch: arm64\n  no_such_variable: 1/' "$lj/$(sed -n 1p "$out/lava-jobs.list" | xargs basename)" > "$out/lava-job-broken.yaml"
	/usr/bin/python3 "$top/check/lava_job_check.py" "$out/lava-job-broken.yaml" > "$out/lava-job-broken.check" 2>&1
	[ $? = 1 ]
	t $? "LAVA jobs, broken on purpose (a context variable LAVA does not know): refused ($(head -n 1 "$out/lava-job-broken.check" | sed 's/^[^:]*: //'))"
else
	t 1 "LAVA jobs: lava/jobs.py wrote them ($(tail -n 1 "$out/lava-jobs.err"))"
fi
if [ -n "$first_host" ] && [ "$first_host" != native ]; then
	lr=$out/lava/$first_host
	LIMIT_SECONDS=900 "$top/emuhost/lava-check.sh" --host "$first_host" --tarball "$dist" --out "$out/lava" \
		> "$out/lava-check.out" 2> "$out/lava-check.err"
	t $? "LAVA: $first_host's job run by LAVA's dispatcher (lava-run), what it recorded equal to run_tests.sh's summary, and made a report ($(grep 'as run_tests.sh' "$out/lava-check.out" | sed 's/^lava-check: //;s/, as run_tests.sh.s summary says:/;/' || tail -n 1 "$out/lava-check.err"))"
	grep -v 'as run_tests.sh\|made a report' "$out/lava-check.out" | head -n 5 | sed 's/^/# /'
	if [ -s "$lr/lava.log" ]; then
		sed '0,/"case": "kvm-irq_caps_caps_irqchip"/s//"case": "kvm-irq_caps_caps_irqchip_renamed"/' "$lr/lava.log" > "$out/lava-renamed.log"
		/usr/bin/python3 "$top/check/lava_run_check.py" "$out/lava-renamed.log" > "$out/lava-renamed.out"
		[ $? = 1 ]
		t $? "LAVA's record, broken on purpose (a case renamed): differs from the summary ($(head -n 1 "$out/lava-renamed.out" | sed 's/^lava-check: //'))"
		sed '0,/"case": "kvm-irq_caps_caps_irqchip", \(.*\)"result": "pass"/s//"case": "kvm-irq_caps_caps_irqchip", \1"result": "fail"/' "$lr/lava.log" > "$out/lava-flipped.log"
		/usr/bin/python3 "$top/check/lava_run_check.py" "$out/lava-flipped.log" > "$out/lava-flipped.out"
		[ $? = 1 ]
		t $? "LAVA's record, broken on purpose (a pass recorded as fail): differs from the summary ($(head -n 1 "$out/lava-flipped.out" | sed 's/^lava-check: //'))"
	fi
fi

# --- certification: make certify's run on the first emulated host --------
# tamper DIR NAME CMDS: a copy of the certification bundle ($src, or the
# run's), unpacked in DIR, changed by the shell commands CMDS in its top
# directory, packed as $out/NAME.tar.gz; then run_tests.sh
# --verify-bundle of it (and $vargs): $vrc, and its one line of stderr in
# $verr.
src= vargs=
tamper() {
	vrc= verr=
	rm -rf "$1" && mkdir -p "$1" && tar -C "$1" -xzf "${src:-$bundle}" &&
		(cd "$1/kvm-irq-certification" && sh -ec "$3") &&
		tar -C "$1" -czf "$out/$2.tar.gz" kvm-irq-certification || return 1
	"$top/run_tests.sh" --verify-bundle "$out/$2.tar.gz" $vargs > "$out/$2.verify" 2> "$out/$2.verr"
	vrc=$?
	verr=$(cat "$out/$2.verr")
}
# remanifest: SHA256SUMS made again over every file, as verify reads it.
remanifest='find . -type f ! -name "SHA256SUMS*" | sed "s|^\./||" | LC_ALL=C sort | xargs sha256sum > SHA256SUMS'
if [ -n "$first_host" ] && [ "$first_host" != native ]; then
	l=loaded-$first_host
	t "$(cat "$out/$l.rc" 2>/dev/null || echo 1)" "$first_host under load ($LOADED_TESTS beside a busy loop): results match expected/ ($(tail -n 1 "$out/$l.ktap"))"
	grep '^# unexpected:\|abort:' "$out/$l.ktap" | head -n 5 | sed 's/^/# /'
fi
if [ -n "$first_host" ] && [ "$first_host" != native ]; then
	c=certify-$first_host
	bundle=$out/$c.tar.gz
	rc=$(cat "$out/$c.rc" 2>/dev/null || echo 1)
	[ "$rc" = 0 ] && grep -q '^# certify: certified: ' "$out/$c.ktap"
	t $? "$first_host: certified (run-host.sh --certify: $(grep -m 1 '^# certify: ' "$out/$c.ktap" || tail -n 1 "$out/$c.err"))"
	grep '^# certify: not certified' "$out/$c.ktap" | head -n 5 | sed 's/^/# /'
	"$top/run_tests.sh" --verify-bundle "$bundle" > "$out/$c.verify" 2>&1 &&
		grep -qx 'verdict: certified' "$out/$c.verify" &&
		tar -xzOf "$bundle" kvm-irq-certification/results.ktap | cmp -s - "$out/certify-runs/$first_host/results.tap"
	t $? "$first_host: its bundle verifies and holds the document the host printed ($(head -n 1 "$out/$c.verify"))"
	# One byte of one file changed, SHA256SUMS as it was: refused, named.
	tamper "$out/tamper-byte" tamper-byte \
		"printf X | dd of=results.tsv bs=1 seek=3 conv=notrunc 2> /dev/null"
	[ "$vrc" = 1 ] && [ "$verr" = "run_tests.sh: $out/tamper-byte.tar.gz: refused: results.tsv: does not match SHA256SUMS" ]
	t $? "certification bundle with one byte of results.tsv changed: refused, naming it ($verr)"
	tamper "$out/tamper-extra" tamper-extra "echo pass > expected/6.13"
	[ "$vrc" = 1 ] && [ "$verr" = "run_tests.sh: $out/tamper-extra.tar.gz: refused: expected/6.13: not in SHA256SUMS" ]
	t $? "certification bundle with a file added: refused, naming it ($verr)"
	# SHA256SUMS made again after an edit: what the results say is held
	# together (verdict.txt, results.tsv, results.ktap), so a lone edit of
	# a result is refused; an edit of what nothing cross-checks is not
	# (a manifest proves integrity, not origin: README, Certification).
	tamper "$out/tamper-result" tamper-result \
		"sed -i '2s/\tpass\$/\tunexpected/' results.tsv; $remanifest"
	case "$verr" in *"refused: verdict.txt: results "*", but results.tsv counts "*) [ "$vrc" = 1 ] ;; *) false ;; esac
	t $? "certification bundle with a result changed and SHA256SUMS made again: refused, the verdict disagrees ($verr)"
	tamper "$out/tamper-dmesg" tamper-dmesg \
		"echo '[    0.000000] an edited kernel log' > dmesg.txt; $remanifest"
	[ "$vrc" = 0 ]
	t $? "certification bundle with dmesg.txt edited and SHA256SUMS made again: verifies (unsigned: the manifest proves integrity, not origin)"
	# Signed with a key made here (run_tests.sh --sign-bundle): the
	# allowed signer is named; another key, the manifest made again after
	# signing, a byte changed, and with --require-signature an unsigned
	# bundle are refused.
	sig=$out/sign
	rm -rf "$sig" && mkdir -p "$sig" &&
		ssh-keygen -q -t ed25519 -N '' -C vendor -f "$sig/vendor" &&
		ssh-keygen -q -t ed25519 -N '' -C other -f "$sig/other" &&
		echo "vendor@example.com namespaces=\"kvm-irq-certification\" $(cut -d' ' -f1,2 "$sig/vendor.pub")" > "$sig/allowed" &&
		cp "$bundle" "$sig/signed.tar.gz" && cp "$bundle" "$sig/other.tar.gz" &&
		"$top/run_tests.sh" --sign-bundle "$sig/signed.tar.gz" --key "$sig/vendor" > "$sig/sign.out" 2>&1 &&
		"$top/run_tests.sh" --sign-bundle "$sig/other.tar.gz" --key "$sig/other" >> "$sig/sign.out" 2>&1 &&
		"$top/run_tests.sh" --verify-bundle "$sig/signed.tar.gz" --allowed-signers "$sig/allowed" \
			--require-signature > "$sig/verify.out" 2>&1 &&
		head -n 1 "$sig/verify.out" | grep -q '; signed by vendor@example.com$'
	t $? "certification bundle signed (--sign-bundle --key): verifies with --allowed-signers, naming the signer ($(head -n 1 "$sig/verify.out"))"
	src=$sig/other.tar.gz vargs="--allowed-signers $sig/allowed"
	tamper "$out/sign-other" sign-other ":"
	[ "$vrc" = 1 ] && [ "$verr" = "run_tests.sh: $out/sign-other.tar.gz: refused: SHA256SUMS.sig: not a signature by a key $sig/allowed lists" ]
	t $? "certification bundle signed by a key the allowed signers do not list: refused ($verr)"
	src=$sig/signed.tar.gz
	tamper "$out/sign-remanifest" sign-remanifest \
		"echo '[    0.000000] an edited kernel log' > dmesg.txt; $remanifest"
	[ "$vrc" = 1 ] && [ "$verr" = "run_tests.sh: $out/sign-remanifest.tar.gz: refused: SHA256SUMS.sig: does not match SHA256SUMS (the manifest changed after it was signed)" ]
	t $? "signed bundle with dmesg.txt edited and SHA256SUMS made again: refused, the signature no longer matches ($verr)"
	tamper "$out/sign-byte" sign-byte \
		"printf X | dd of=results.tsv bs=1 seek=3 conv=notrunc 2> /dev/null"
	[ "$vrc" = 1 ] && [ "$verr" = "run_tests.sh: $out/sign-byte.tar.gz: refused: results.tsv: does not match SHA256SUMS" ]
	t $? "signed bundle with one byte of results.tsv changed: refused ($verr)"
	src= vargs="--allowed-signers $sig/allowed --require-signature"
	tamper "$out/sign-none" sign-none ":"
	[ "$vrc" = 1 ] && [ "$verr" = "run_tests.sh: $out/sign-none.tar.gz: refused: unsigned (--require-signature)" ]
	unsigned_refused=$?
	vargs="--allowed-signers $sig/allowed"
	tamper "$out/sign-none" sign-none ":"
	[ "$unsigned_refused" = 0 ] && [ "$vrc" = 0 ] && head -n 1 "$out/sign-none.verify" | grep -q '; unsigned$'
	t $? "unsigned bundle: refused with --require-signature, verified and called unsigned without"
	src= vargs=
fi

names=$(ls "$out"/*/names.txt 2>/dev/null)
if [ -n "$names" ]; then
	"$top/check/catalog_check.sh" "$top/lib/assertions.txt" $names > "$out/catalog.txt" 2>&1
	t $? "assertion catalog and tests agree both ways: each 'checked by' (of a rule, of a condition) names tests that ran and reported it; each rule and condition a test reported names that test"
	sed 's/^/# /' "$out/catalog.txt"
fi

# Every condition of lib/conditions.txt was tried on one host or another:
# a test that stopped naming its condition, or went, shows here.
if [ -n "$hosts" ]; then
	untried=$(for h in $hosts; do
		awk -F'\t' '$2 == "not-tried" { print $1 }' "$out/runs/$h/results.tsv"
	done | sort | uniq -c | awk -v n="$(echo $hosts | wc -w)" '$1 == n { print $2 }')
	tried=$(grep -c '^condition:' "$out/runs/$(echo $hosts | cut -d' ' -f1)/results.tsv")
	[ -z "$untried" ]
	t $? "conditions: each of the $tried in lib/conditions.txt was tried on $(echo $hosts | sed 's/ / or /g')${untried:+; never: $(echo $untried | tr '\n' ' ')}"
fi

echo "1..$n"
echo "check: $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
