#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# tools_test.sh: the project's tools on bad input and on broken runs, with
# fake test binaries and a fake qemu, natively; TAP on stdout.
#   run_tests.sh  under this machine's sh and under busybox sh with only
#                 busybox's applets, as in the emulated host;
#   run-host.sh, hosts.sh, fetch.sh: bad input, and a host that dies, goes
#                 silent or panics.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq-tools.XXXXXX")
trap 'rm -rf "$work"' EXIT
. "$top/check/tap.sh"

# After a failure: the tail of what the tool printed.
t_failed() {
	[ -f "$work/out" ] && sed 's/^/# out: /' "$work/out" | tail -n 15
	[ -f "$work/err" ] && sed 's/^/# err: /' "$work/err" | tail -n 5
}

# fake NAME: a test binary that lists "NAME.a NAME.b NAME.c" and runs
# the shell snippet given on stdin as its test run.
fake() {
	{
		echo '#!/bin/sh'
		echo "if [ \"\${1:-}\" = --list ]; then printf '$1.a\\n$1.b\\n$1.c\\n'; exit 0; fi"
		echo 'echo "TAP version 13"; echo "1..3"'
		cat
	} > "$work/bin/$1"
	chmod +x "$work/bin/$1"
}

mkdir -p "$work/bin" "$work/exp" "$work/bb"
fake good <<'EOF'
echo "#  RUN           good.a ..."; echo "ok 1 good.a"
echo "#  RUN           good.b ..."; echo "# behaviour: EBUSY (what a busy thing says)"; echo "ok 2 good.b"
echo "#  RUN           good.c ..."; echo "#      SKIP      [vgic-v2] no such device"; echo "ok 3 # SKIP [vgic-v2] no such device"
EOF
fake bad <<'EOF'
echo "ok 1 bad.a"; echo "#  RUN           bad.b ..."; echo "# deviation: 1024=EINVAL"
echo "# assert: A04 IRQ-CPU-NUM tried=2 mismatches=1 unspecified=0"
echo "not ok 2 bad.b"; echo "ok 3 bad.c"; exit 1
EOF
# A test that fails outside its tally: its deviation as pinned, no
# mismatch in any "# assert:" line.
fake untallied <<'EOF'
echo "#  RUN           untallied.a ..."; echo "# deviation: 1024=EINVAL"
echo "# assert: A04 IRQ-CPU-NUM tried=2 mismatches=0 unspecified=0"
echo "not ok 1 untallied.a"; echo "ok 2 untallied.b"; echo "ok 3 untallied.c"; exit 1
EOF
fake dies <<'EOF'
echo "ok 1 dies.a"; kill -SEGV $$
EOF
# Explored sequences: one model as every run explores it, one fewer.
fake explore <<'EOF'
echo "#  RUN           explore.a ..."
echo "# sequences: model=vgic-v3 vms=small seed=1 sequences=1 operations=96 states=50 default=12 models=abc"
echo "# sequences: model=vgic-v3 vms=large seed=1 sequences=3 operations=288 states=90 default=3 models=abc"
echo "ok 1 explore.a"; echo "ok 2 explore.b"; echo "ok 3 explore.c"
EOF
fake hangs <<'EOF'
echo "#  RUN           hangs.a ..."; exec sleep 600
EOF
# A binary that says what the runner handed it: the variants, the sequences.
fake env <<'EOF'
echo "# variants: ${KVM_IRQ_VARIANTS:-none} sequences: ${KVM_IRQ_SEQUENCES:-default}"
echo "ok 1 env.a"; echo "ok 2 env.b"; echo "ok 3 env.c"
EOF
# A binary whose third test skips for lack of a PMU.
fake nopmu <<'EOF'
echo "ok 1 nopmu.a"; echo "ok 2 nopmu.b"
echo "#  RUN           nopmu.c ..."; echo "ok 3 # SKIP [pmu] KVM_CAP_ARM_PMU_V3 is not reported: vcpus get no PMU here"
EOF
# The same skip reworded: the token, not the words, says the feature.
fake nopmu2 <<'EOF'
echo "#  RUN           nopmu2.a ..."; echo "ok 1 # SKIP [pmu] these vcpus were built without a PMU"
echo "ok 2 nopmu2.b"; echo "ok 3 nopmu2.c"
EOF
# A skip that names no feature of lib/features.txt.
fake notoken <<'EOF'
echo "#  RUN           notoken.a ..."; echo "ok 1 # SKIP KVM_CAP_ARM_PMU_V3 is not reported"
echo "ok 2 notoken.b"; echo "ok 3 notoken.c"
EOF
# A binary whose results are fine while the kernel warns (a line in the
# fake kernel log that the fake dmesg prints).
fake warns <<'EOF'
echo "ok 1 warns.a"; echo "ok 2 warns.b"
echo "[   12.500000] WARNING: CPU: 1 PID: 77 at arch/arm64/kvm/vgic/vgic.c:42 vgic_fake+0x10/0x20" >> "$FAKE_KLOG"
echo "[   12.500100] Call trace:" >> "$FAKE_KLOG"
echo "ok 3 warns.c"
EOF
# run_tests.sh reads the kernel log with dmesg: here, always a fake one.
mkdir -p "$work/fakebin"
printf '#!/bin/sh\ncat "$FAKE_KLOG"\n' > "$work/fakebin/dmesg"
chmod +x "$work/fakebin/dmesg"
export FAKE_KLOG="$work/klog"
echo "[    1.000000] Booting Linux on physical CPU 0x0" > "$FAKE_KLOG"

# run SHELL ARGS...: run_tests.sh with fakes; $work/out, $work/err, $rc.
run() {
	sh_=$1
	shift
	if [ "$sh_" = busybox ]; then
		PATH=$work/bb busybox sh "$top/run_tests.sh" --bindir "$work/bin" \
			--expected "$work/exp" --kernel 6.1 "$@" > "$work/out" 2> "$work/err"
	else
		PATH="$work/fakebin:$PATH" "$sh_" "$top/run_tests.sh" --bindir "$work/bin" \
			--expected "$work/exp" --kernel 6.1 "$@" > "$work/out" 2> "$work/err"
	fi
	rc=$?
}

has() {
	grep -q -- "$1" "$work/out"
}

one_error_line() {
	[ "$rc" = 2 ] && [ ! -s "$work/out" ] && [ "$(wc -l < "$work/err")" = 1 ] &&
		grep -q -- "$1" "$work/err"
}

shells=sh
if command -v busybox >/dev/null; then
	for a in busybox $(busybox --list); do ln -sf "$(command -v busybox)" "$work/bb/$a"; done
	rm -f "$work/bb/dmesg" && cp "$work/fakebin/dmesg" "$work/bb/dmesg"
	shells="sh busybox"
else
	echo "# busybox missing: run_tests.sh is checked under sh only (apt-get install busybox)"
fi

for s in $shells; do
	: > "$work/exp/all"
	run "$s" --tests good
	t $((rc != 1)) "$s: an unexpected skip fails the run"
	has "# unexpected: good.c: expected pass, got skip (\\[vgic-v2\\] no such device)"
	t $? "$s: the unexpected skip is named with its reason"

	echo "good.c skip the fake has no device" > "$work/exp/all"
	run "$s" --tests good
	t "$rc" "$s: results as expected exit 0"
	tail -n 1 "$work/out" | grep -qx "1 passed, 0 failed, 1 skipped" &&
		has "^# kvm-irq: 1 unpinned behaviours"
	t $? "$s: the summary line counts passes and skips; an unpinned behaviour is no pass"
	[ "$(head -n 1 "$work/out")" = "TAP version 13" ] && sed -n 2p "$work/out" | grep -qx "1..1"
	t $? "$s: output starts with the TAP 13 header and plan"
	has "^# ok 2 good.b$" && has "^ok 1 selftests: kvm-irq: good$"
	t $? "$s: child TAP nested under '# ', one result line per binary"

	run "$s" --tests "good bad"
	t $((rc != 1)) "$s: an unexpected failure fails the run"
	has "# unexpected: bad.b: expected pass, got fail" && has "^not ok 2 selftests: kvm-irq: bad$"
	t $? "$s: the failing test is named, its binary's result is not ok"

	printf 'good.c skip no device\nbad.b xfail 1024=EINVAL known bug, fixed in 9.9\n' > "$work/exp/all"
	run "$s" --tests "good bad"
	t "$rc" "$s: an expected failure (xfail) passes the run"
	has "# xfail: bad.b = 1024=EINVAL: known bug, fixed in 9.9" && tail -n 1 "$work/out" | grep -qx "4 passed, 0 failed, 1 skipped"
	t $? "$s: the xfail is reported with its deviation and reason, and counted"

	printf 'untallied.a xfail 1024=EINVAL known bug\n' > "$work/exp/all"
	run "$s" --tests untallied
	[ "$rc" = 1 ] && has "^# unexpected: untallied.a: failed with no mismatch in its tally"
	t $? "$s: a failed test whose tally shows no mismatch is unexpected, even with its deviation pinned"

	printf 'good.c skip no device\nbad.b xfail 1024=EINVAL,992=EINVAL known bug\n' > "$work/exp/all"
	run "$s" --tests "good bad"
	t $((rc != 1)) "$s: a test failing with another deviation than the pinned one fails the run"
	has "# unexpected: bad.b: deviation changed: pinned 1024=EINVAL,992=EINVAL, observed 1024=EINVAL"
	t $? "$s: the changed deviation names the pinned and the observed value"

	printf 'limit nr_irqs 1000 not a multiple of 32\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:1: limit nr_irqs must be a multiple of 32"
	t $? "$s: a limit outside the documents' range is an error"

	printf 'limit nr_irqs 992 the kernel stops short\n' > "$work/exp/all"
	run "$s" --tests good
	has "^# kvm-irq: limit nr_irqs=992 as pinned: the kernel stops short (.*exp/all:1)"
	t $? "$s: a pinned limit is announced in the header"

	# The models' variants (lib/variants.txt): checked, passed on, announced.
	printf 'variant level nonzero-asserts any non-zero level asserts\nvariant owned-ppi ignored owned\n' > "$work/exp/all"
	run "$s" --tests env --sequences 5
	has "^# # variants: level=nonzero-asserts,owned-ppi=ignored sequences: 5$" ||
		has "^# # variants: owned-ppi=ignored,level=nonzero-asserts sequences: 5$"
	t $? "$s: expected/'s variants reach the binaries (KVM_IRQ_VARIANTS), and --sequences (KVM_IRQ_SEQUENCES)"
	has "^# kvm-irq: variant level=nonzero-asserts as pinned: any non-zero level asserts (.*exp/all:1)"
	t $? "$s: a pinned variant is announced in the header"
	for bad in "variant nosuch x a reason:unknown variant \"nosuch\"" \
		   "variant level maybe a reason:variant level has no value \"maybe\"" \
		   "variant level nonzero-asserts:want \"variant <name> <value> <reason>\""; do
		printf '%s\n' "${bad%%:*}" > "$work/exp/all"
		run "$s" --tests env
		one_error_line "exp/all:1: ${bad#*:}"
		t $? "$s: '${bad%%:*}' is one error line naming file:line"
	done
	: > "$work/exp/all"
	run "$s" --tests env --sequences 0
	one_error_line "--sequences must be a number of sequences, not '0'"
	t $? "$s: --sequences 0 is an error"

	printf 'bad.b xfail\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:1: xfail needs the deviation"
	t $? "$s: an xfail without its deviation is an error"

	printf 'good.b xfail 1=0 was broken\ngood.c skip no device\n' > "$work/exp/all"
	run "$s" --tests good
	t $((rc != 1)) "$s: an xfail that passes is unexpected"

	# Layering: the kernel's file overrides the general one.
	printf 'good.c skip no device\n' > "$work/exp/all"
	printf 'good.c pass the 6.1 fake has it\n' > "$work/exp/6.1"
	run "$s" --tests good
	t $((rc != 1)) "$s: expected/<kernel> overrides expected/all"
	rm -f "$work/exp/6.1"

	printf 'good.c skip no device\n' > "$work/exp/all"
	run "$s" --tests "dies good"
	t $((rc != 1)) "$s: a binary that dies fails the run"
	has "# unexpected: dies.b: expected pass, got missing" && has "dies: exited with status 139" &&
		has "^ok 2 selftests: kvm-irq: good$"
	t $? "$s: its missing results are failures and the run goes on"

	run "$s" --tests "hangs good" --timeout 2
	t $((rc != 1)) "$s: a binary that hangs fails the run"
	has "hangs: killed after the 2s timeout" && has "^ok 2 selftests: kvm-irq: good$"
	t $? "$s: it is killed after --timeout and the run goes on"

	printf 'good.c skip no device\ngood.a skip maybe absent\n' > "$work/exp/all"
	run "$s" --tests good
	t "$rc" "$s: an expected skip that passes is fine (skip means may skip)"
	has "# note: good.a passed where expected/ allows a skip"
	t $? "$s: and it is noted"

	printf 'good.c skip no device\ngood.b behaviour EBUSY refused while busy\n' > "$work/exp/all"
	run "$s" --tests good
	t "$rc" "$s: a behaviour the kernel still shows passes"
	has "# behaviour: good.b = EBUSY as pinned: refused while busy"
	t $? "$s: the pinned behaviour is reported with its reason"

	printf 'good.c skip no device\ngood.b behaviour ENXIO refused\n' > "$work/exp/all"
	run "$s" --tests good
	t $((rc != 1)) "$s: a changed behaviour fails the run"
	has "# unexpected: good.b: behaviour changed: pinned ENXIO, observed EBUSY"
	t $? "$s: the change names the pinned and the observed value"

	printf 'good.c skip no device\n' > "$work/exp/all"
	run "$s" --tests good
	has "^# unpinned: good.b = EBUSY (no expected/ file pins it for this kernel)" && [ "$rc" = 0 ]
	t $? "$s: an unpinned behaviour is listed apart, not judged"

	printf 'good.c skip no device\nnopmu.c skip the PMU may be absent\n' > "$work/exp/all"
	run "$s" --tests "good nopmu"
	[ "$rc" = 0 ] && has "^# Skips by reason:" &&
		has "^#   *1 \\[pmu\\] KVM_CAP_ARM_PMU_V3 is not reported: vcpus get no PMU here$"
	t $? "$s: the summary counts skips by reason"

	run "$s" --tests "good nopmu" --require its,pmu
	t $((rc != 1)) "$s: with --require, a skip for lack of a required feature fails the run"
	has "^# unexpected: nopmu.c: skipped, but this host must have pmu (--require): \\[pmu\\] KVM_CAP_ARM_PMU_V3 is not reported" &&
		! has "^# unexpected: good.c"
	t $? "$s: it names the feature; other skips stay as expected/ says"

	printf 'nopmu2.a skip the PMU may be absent\nnotoken.a skip anything\n' > "$work/exp/all"
	run "$s" --tests nopmu2 --require pmu
	t $((rc != 1)) "$s: --require reads the skip's feature token, not its words: a reworded reason is still a skip for lack of pmu"
	run "$s" --tests nopmu2
	t "$rc" "$s: ... and without --require the reworded skip is as expected/ says"
	run "$s" --tests notoken
	[ "$rc" = 1 ] && has "^# unexpected: notoken.a: skipped for no feature of lib/features.txt"
	t $? "$s: a skip that names no feature of lib/features.txt is unexpected, whatever expected/ allows"

	run "$s" --require frobs
	one_error_line "--require: unknown feature 'frobs'"
	t $? "$s: an unknown --require feature is an error"

	run "$s" --tests good --require-pinned
	t $((rc != 1)) "$s: with --require-pinned an unpinned behaviour fails the run"
	has "^# unexpected: good.b: behaviour EBUSY is not pinned for this kernel (--require-pinned)"
	t $? "$s: and it is named"

	printf 'good.b behaviour\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:1: behaviour needs the value"
	t $? "$s: behaviour needs a value"

	printf 'good.c skpi no device\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:1: unknown verdict"
	t $? "$s: an unknown verdict is one error line naming file:line, nothing printed"

	printf 'good.c pass\ngood.d skip typo\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:2: unknown test \"good.d\""
	t $? "$s: an unknown test name in expected/ is an error"

	printf 'good.c skip\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:1: skip needs a reason"
	t $? "$s: skip and xfail need a reason"

	printf 'good.c\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:1: want"
	t $? "$s: a line without a verdict is an error"

	: > "$work/exp/all"
	run "$s" --frobnicate
	one_error_line "unknown option '--frobnicate'"
	t $? "$s: an unknown option is one error line"

	run "$s" --tests nosuch
	one_error_line "unknown test 'nosuch'"
	t $? "$s: an unknown binary in --tests is an error"

	run "$s" --gic 4
	one_error_line "--gic must be 2 or 3"
	t $? "$s: a bad --gic is an error"

	run "$s" --large-vms huge
	one_error_line "--large-vms must be sample or full, not 'huge'"
	t $? "$s: a bad --large-vms is an error"
	run "$s" --real-vmm half
	one_error_line "--real-vmm must be default or full, not 'half'"
	t $? "$s: a bad --real-vmm is an error"
	run "$s" --qemu /nonexistent/qemu-system-aarch64
	one_error_line "--qemu: '/nonexistent/qemu-system-aarch64' is not an executable file"
	t $? "$s: a --qemu that is no executable is an error"
	run "$s" --guest-kernel /nonexistent/Image
	one_error_line "--guest-kernel/--guest-initrd: cannot read '/nonexistent/Image'"
	t $? "$s: an unreadable --guest-kernel is an error"
	run "$s" --guest-append "$(printf '%0161d' 0)"
	one_error_line "--guest-append: longer than 160 characters"
	t $? "$s: a --guest-append past the bound is an error"

	run "$s" --require large-vms,wings
	one_error_line "--require: unknown feature 'wings'"
	t $? "$s: an unknown --require feature is an error"

	run "$s" --list
	[ "$rc" = 0 ] && grep -qx "hangs.c" "$work/out"
	t $? "$s: --list prints every test name"

	echo "good.c skip no device" > "$work/exp/all"
	echo "[    1.000000] WARNING: CPU: 0 PID: 1 at boot_fake, before the run" > "$FAKE_KLOG"
	run "$s" --tests "warns good"
	t $((rc != 1)) "$s: a kernel warning during a binary's run fails the run"
	has "^# unexpected: warns: the host kernel logged during its run (WARNING:vgic_fake): \[   12.500000\] WARNING: CPU: 1 PID: 77 at arch/arm64/kvm/vgic/vgic.c:42" &&
		has "^# klog: \[   12.500100\] Call trace:" && has "^not ok 1 selftests: kvm-irq: warns$" &&
		has "^ok 2 selftests: kvm-irq: good$" && ! has "boot_fake"
	t $? "$s: it names the binary and quotes the log; what was logged before, or after, is not its"

	echo "[    1.000000] Booting Linux on physical CPU 0x0" > "$FAKE_KLOG"
	printf 'good.c skip no device\nwarns klog WARNING:vgic_fake a known warning of this kernel\n' > "$work/exp/all"
	run "$s" --tests "warns good"
	t "$rc" "$s: a kernel log line pinned for the binary (klog KEY) passes"
	has "^# klog: warns: WARNING:vgic_fake as pinned: a known warning of this kernel"
	t $? "$s: the pinned line is reported with its reason"

	echo "[    1.000000] Booting Linux on physical CPU 0x0" > "$FAKE_KLOG"
	printf 'good.c skip no device\nwarns klog WARNING:other_fn another warning\n' > "$work/exp/all"
	run "$s" --tests "warns good"
	t $((rc != 1)) "$s: a kernel log line other than the pinned one fails the run"

	printf 'warnz klog WARNING:vgic_fake typo\n' > "$work/exp/all"
	run "$s"
	one_error_line "exp/all:1: unknown binary \"warnz\""
	t $? "$s: klog must name a test binary"
	echo "[    1.000000] Booting Linux on physical CPU 0x0" > "$FAKE_KLOG"
done
rm -f "$work/exp/all"

# --- results.tsv: every result, what it counts as, for other tools --------
for s in $shells; do
	printf 'good.b behaviour EBUSY busy\ngood.c skip no device\nbad.b xfail 1024=EINVAL known\n' > "$work/exp/all"
	run "$s" --tests "good bad" --results "$work/results.tsv"
	[ "$rc" = 0 ] &&
		grep -qx 'good.b	pass	EBUSY	pass' "$work/results.tsv" &&
		grep -qx 'good.c	skip	-	skip' "$work/results.tsv" &&
		grep -qx 'bad.b	fail	-	xfail' "$work/results.tsv" &&
		grep -qx 'bad	took	[0-9]*s	-' "$work/results.tsv" &&
		[ "$(grep -c '	pass$' "$work/results.tsv")" = 4 ]
	t $? "$s: --results writes one line per result with what it counts as"
	printf 'good.c skip no device\n' > "$work/exp/all"
	run "$s" --tests "good bad" --results "$work/results.tsv"
	grep -qx 'bad.b	fail	-	unexpected' "$work/results.tsv"
	t $? "$s: --results: an unexpected failure is a line of its own kind"
done
rm -f "$work/exp/all" "$work/results.tsv"

# --- the per-rule conditions of the summary (lib/conditions.txt) ------------
mkdir -p "$work/cbin" "$work/cat"
printf 'D01 | CPU-LINE-DELIVERY | documented | seed | conds.* | a rule\n' > "$work/cat/assertions.txt"
printf 'D01 | running | conds.a | spinning\nD01 | sleeping | conds.b | in WFI\n' > "$work/cat/conditions.txt"
cp "$top/lib/features.txt" "$work/cat/"
{
	echo '#!/bin/sh'
	echo "if [ \"\${1:-}\" = --list ]; then printf 'conds.a\\nconds.b\\n'; exit 0; fi"
	echo 'echo "TAP version 13"; echo "1..2"'
	echo 'echo "# assert: D01 CPU-LINE-DELIVERY tried=8 mismatches=1 unspecified=0 condition=running"'
	echo 'echo "ok 1 conds.a"'
	echo 'echo "# assert: D01 CPU-LINE-DELIVERY tried=2 mismatches=0 unspecified=0 condition=upside-down"'
	echo 'echo "ok 2 conds.b"'
} > "$work/cbin/conds"
chmod +x "$work/cbin/conds"
for s in $shells; do
	: > "$work/exp/all"
	run "$s" --bindir "$work/cbin" --catalog "$work/cat/assertions.txt"
	has "^#   D01 CPU-LINE-DELIVERY    running              1 results      8 tried    1 mismatches$"
	t $? "$s: the summary sums each rule's results per condition"
	has "^#   not tried: D01 CPU-LINE-DELIVERY sleeping (conds.b)$"
	t $? "$s: a condition of lib/conditions.txt that no result tried is listed"
	run "$s" --bindir "$work/cbin" --catalog "$work/cat/assertions.txt" --results "$work/results.tsv"
	grep -qx 'condition:D01:sleeping	not-tried	-	-' "$work/results.tsv" &&
		grep -qx 'condition:D01:running	tried	-	-' "$work/results.tsv"
	t $? "$s: --results says of each condition whether it was tried"
	has "^#   D01 condition upside-down: not in lib/conditions.txt$"
	t $? "$s: a condition the catalog does not declare is named"
done
rm -f "$work/exp/all"

# --- certification: --certify, --collect-bundle, --verify-bundle ------------
# Fakes that answer --host-facts with $FAKE_FACTS (good skips for lack of
# vgic-v2, which the facts say is absent; nopmu for the PMU; notoken for
# no feature at all).
mkdir -p "$work/certbin"
for b in good nopmu notoken explore; do
	{ echo '#!/bin/sh'; echo '[ "${1:-}" = --host-facts ] && { echo "$FAKE_FACTS"; exit 0; }'; tail -n +2 "$work/bin/$b"; } > "$work/certbin/$b"
	chmod +x "$work/certbin/$b"
done
claims="gic=3 mode=vhe kvm=1 cpus=2 max_vcpus=512 vgic_v2=0 vgic_v3=1 its=1 pmu_v3=1 user_irq=1 layout_2=1 irqchip=1"
for s in $shells; do
	printf 'good.c skip no device\nnopmu.c skip the PMU may be absent\ngood.b behaviour EBUSY busy\nnotoken.a skip anything\n' > "$work/exp/all"
	rm -rf "$work/raw"
	FAKE_FACTS=$claims run "$s" --bindir "$work/certbin" --collect-bundle "$work/raw"
	t $((rc != 1)) "$s: --collect-bundle: a run that is not certified exits 1"
	has "^# unexpected: nopmu.c: skipped, but this host must have pmu (--certify: the host facts claim it): \\[pmu\\] KVM_CAP_ARM_PMU_V3"
	t $? "$s: certified, a skip for a feature the host facts claim is unexpected, whatever expected/ allows"
	has "^# unexpected: notoken.a: skipped for no feature of lib/features.txt" && ! has "unexpected: good.c"
	t $? "$s: certified, a skip that names no feature is unexpected; one whose feature the facts say is absent (vgic-v2) is explained"
	has "^# certify: not certified: the expected files are not the suite's own (--expected " &&
		has "^# certify: not certified: expected/ was chosen for kernel 6.1 (--kernel)" &&
		has "^# certify: not certified: unexpected: nopmu.c: "
	t $? "$s: the verdict gives each reason it is not a certification"
	has "^# certify: not certified: the explored sequences ran fewer than every run does: model=vgic-v3 vms=small 1 of 12$" &&
		! has "not certified: .*vms=large" && grep -q "^sequences: model=vgic-v3 vms=small seed=1 sequences=1 " "$work/raw/verdict.txt"
	t $? "$s: certified, sequences fewer than every run's are a reason (the default is the minimum); the verdict lists each model's"
	ok=0
	for f in results.ktap results.tsv uname.txt dmesg.txt version.txt host-facts.txt verdict.txt expected/all; do
		[ -s "$work/raw/$f" ] || { ok=1; echo "# no $f in the raw bundle"; }
	done
	cmp -s "$work/out" "$work/raw/results.ktap" && [ "$(head -n 1 "$work/out")" = "KTAP version 1" ] &&
		grep -qx 'verdict: not certified' "$work/raw/verdict.txt" && grep -qxF "$claims" "$work/raw/host-facts.txt" || ok=1
	t $ok "$s: --collect-bundle leaves the raw bundle: the KTAP document printed, the evidence, the verdict"

	FAKE_FACTS=$(echo "$claims" | sed 's/pmu_v3=1/pmu_v3=0/') run "$s" --bindir "$work/certbin" --collect-bundle "$work/raw"
	! has "unexpected: nopmu.c" && has "^# unexpected: notoken.a: skipped for no feature"
	t $? "$s: certified, a skip whose feature the host facts say is absent is explained"

	printf 'good.c skip no device\nnopmu.c skip the PMU may be absent\n' > "$work/exp/all"
	FAKE_FACTS=$claims run "$s" --bindir "$work/certbin" --collect-bundle "$work/raw"
	has "^# unexpected: good.b: behaviour EBUSY is not pinned for this kernel (--require-pinned)"
	t $? "$s: certified, an unpinned behaviour is unexpected"
	FAKE_FACTS= run "$s" --bindir "$work/certbin" --collect-bundle "$work/raw"
	has "^# certify: not certified: no usable /dev/kvm (host facts: none): nothing was tested"
	t $? "$s: certified, no host facts (no KVM) is no certification"

	run "$s" --certify "$work/b.tar.gz" --tests good
	one_error_line "--certify runs the whole suite: no --tests"
	t $? "$s: --certify with --tests is an error"
	run "$s" --certify "$work/nosuch/b.tar.gz"
	one_error_line "--certify $work/nosuch/b.tar.gz: no such directory"
	t $? "$s: --certify into a missing directory is an error"
	run "$s" --certify "$work/b.tar.gz" --frob
	one_error_line "unknown option '--frob'"
	t $? "$s: --certify with an unknown option is an error"
	run "$s" --verify-bundle "$work/nosuch.tar.gz"
	one_error_line "--verify-bundle $work/nosuch.tar.gz: no such file"
	t $? "$s: --verify-bundle of a missing file is an error"
	echo "not a tarball" > "$work/junk.tar.gz"
	run "$s" --verify-bundle "$work/junk.tar.gz"
	one_error_line "--verify-bundle $work/junk.tar.gz: not a gzip-compressed tar"
	t $? "$s: --verify-bundle of a file that is not a tarball is an error"
	run "$s" --verify-bundle
	one_error_line "option --verify-bundle needs a value"
	t $? "$s: --verify-bundle without a file is an error"
	run "$s" --sign-bundle "$work/b.tar.gz"
	one_error_line "--sign-bundle needs --key KEY"
	t $? "$s: --sign-bundle without --key is an error"
	run "$s" --key "$work/key"
	one_error_line "--key goes with --sign-bundle"
	t $? "$s: --key without --sign-bundle is an error"
	run "$s" --sign-bundle "$work/nosuch.tar.gz" --key "$work/junk.tar.gz"
	one_error_line "--sign-bundle $work/nosuch.tar.gz: no such file"
	t $? "$s: --sign-bundle of a missing file is an error"
	run "$s" --sign-bundle "$work/junk.tar.gz" --key "$work/nosuch.key"
	one_error_line "--key $work/nosuch.key: no such file"
	t $? "$s: --sign-bundle with a missing key is an error"
	run "$s" --verify-bundle "$work/junk.tar.gz" --require-signature
	one_error_line "--require-signature needs --allowed-signers (who may sign)"
	t $? "$s: --require-signature without --allowed-signers is an error"
	run "$s" --verify-bundle "$work/junk.tar.gz" --allowed-signers "$work/nosuch.signers"
	one_error_line "--allowed-signers $work/nosuch.signers: no such file"
	t $? "$s: --allowed-signers of a missing file is an error"
	run "$s" --allowed-signers "$work/junk.tar.gz"
	one_error_line "--allowed-signers and --require-signature go with --verify-bundle"
	t $? "$s: --allowed-signers without --verify-bundle is an error"
	run "$s" --finish-bundle "$work/nosuch" "$work/b.tar.gz"
	one_error_line "--finish-bundle $work/nosuch: no such directory"
	t $? "$s: --finish-bundle of a missing directory is an error"
	mkdir -p "$work/notraw"
	run "$s" --finish-bundle "$work/notraw" "$work/b.tar.gz"
	one_error_line "$work/notraw: no results.ktap: not a collected bundle"
	t $? "$s: --finish-bundle of a directory that is no raw bundle is an error"
	# A bundle whose member would unpack outside its top directory.
	mkdir -p "$work/evil/kvm-irq-certification"
	echo x > "$work/evil/stray"
	tar -C "$work/evil" -czf "$work/evil.tar.gz" kvm-irq-certification stray
	run "$s" --verify-bundle "$work/evil.tar.gz"
	[ "$rc" = 1 ] && grep -qx "run_tests.sh: $work/evil.tar.gz: refused: stray: outside kvm-irq-certification/" "$work/err"
	t $? "$s: --verify-bundle refuses a member outside the bundle's directory"
done
rm -f "$work/exp/all"

"$top/emuhost/run-host.sh" --host 6.12-gicv3-vhe --bindir "$work/bin" --out "$work/runs" --certify "$work/b.tar.gz" --tests good > "$work/out" 2> "$work/err"
rc=$?
one_error_line "--certify runs the whole suite: no --tests"
t $? "run-host.sh: --certify with --tests is an error"

# --- hosts.sh, fetch.sh, run-host.sh, kernel-mutants.sh --------------------
"$top/emuhost/kernel-mutants.sh" --bindir "$work/bin" --out "$work/km" \
	--hosts "6.12-gicv3-vhe 9.9-gicv7-vhe" > "$work/out" 2> "$work/err"
rc=$?
one_error_line "unknown host configuration '9.9-gicv7-vhe'" && [ ! -e "$work/km" ]
t $? "kernel-mutants.sh: an unknown --hosts configuration is an error, nothing written"

"$top/emuhost/hosts.sh" show 9.9-gicv7-vhe > "$work/out" 2> "$work/err"
rc=$?
one_error_line "unknown host configuration '9.9-gicv7-vhe'"
t $? "hosts.sh: an unknown host configuration is an error"

"$top/emuhost/hosts.sh" show 5.10-gicv3-protected > "$work/out" 2> "$work/err"
rc=$?
one_error_line "5.10-gicv3-protected cannot exist: Linux 5.10 has no kvm-arm.mode= parameter"
t $? "hosts.sh: a configuration that cannot exist says why, and is no configuration"

# Each "!" line of emuhost/hosts names evidence matrix.sh knows and a reason;
# no such name is also a configuration.
"$top/emuhost/hosts.sh" unavailable > "$work/out" 2> "$work/err" &&
	[ -s "$work/out" ] &&
	! awk -F'\t' 'NF != 3 || $2 !~ /^no-(param|package):[0-9.]+:./ || $3 == "" { bad = 1 } END { exit !bad }' "$work/out" &&
	! cut -f1 "$work/out" | grep -qxF -f - "$("$top/emuhost/hosts.sh" names > "$work/names"; echo "$work/names")"
t $? "hosts.sh: every configuration that cannot exist has evidence and a reason, and is not in the table too"

for bad in "--lanes 0:--lanes must be a number above 0" "--hosts 9.9-gicv7-vhe:unknown host configuration '9.9-gicv7-vhe'" \
	   "--frob:unknown option '--frob'" "--force --bindir:option --bindir needs a value"; do
	"$top/emuhost/matrix.sh" --bindir "$work/bin" --out "$work/matrix" ${bad%%:*} > "$work/out" 2> "$work/err"
	rc=$?
	one_error_line "${bad#*:}" && [ ! -e "$work/matrix/summary.txt" ]
	t $? "matrix.sh: ${bad%%:*} is an error, and nothing is written"
done

"$top/emuhost/fetch.sh" kernel 4.19 > "$work/out" 2> "$work/err"
rc=$?
one_error_line "unknown kernel series '4.19'"
t $? "fetch.sh: an unknown kernel series is an error"

# run_host_error ERROR WHAT ARGS...: run-host.sh with ARGS (a fake bindir
# and out dir after them) must fail with one error line naming ERROR.
run_host_error() {
	error=$1 what=$2
	shift 2
	"$top/emuhost/run-host.sh" "$@" --bindir "$work/bin" --out "$work/runs" > "$work/out" 2> "$work/err"
	rc=$?
	one_error_line "$error"
	t $? "run-host.sh: $what is an error"
}
run_host_error "unknown host configuration 'nosuch'" "an unknown host" --host nosuch
run_host_error "unknown option '--frob'" "an unknown option" --host 6.1-gicv2-nvhe --frob
run_host_error "--run must be suite, bench or exhaustive" "an unknown --run" \
	--host 6.1-gicv2-nvhe --run everything
run_host_error "no such file" "a missing --kernel" --host 6.1-gicv2-nvhe --kernel /nonexistent/Image

# A reproducer line of tests/sequences goes in a file: one that is not there,
# or a replay beside --tests, is an error; so is a --sequences that is no count.
run_host_error "--replay /nonexistent/line: no such file, or empty" "a missing --replay file" \
	--host 6.1-gicv2-nvhe --replay /nonexistent/line
echo 'vm=v3 vcpus=1 | window:0' > "$work/line"
run_host_error "--replay runs one sequence: no --tests" "--replay with --tests" \
	--host 6.1-gicv2-nvhe --replay "$work/line" --tests good
run_host_error "--sequences must be a number of sequences, not 'many'" "a --sequences that is no count" \
	--host 6.1-gicv2-nvhe --sequences many

# --- the LAVA tools (lava/, emuhost/lava-check.sh, check/lava_run_check.py)
# tool_error ERROR WHAT CMD...: CMD fails with one error line naming
# ERROR, exit 2, and writes nothing into $work/lava.
tool_error() {
	error=$1 what=$2
	shift 2
	rm -rf "$work/lava"
	"$@" > "$work/out" 2> "$work/err"
	rc=$?
	one_error_line "$error" && [ ! -e "$work/lava" ]
	t $? "$what is an error, and nothing is written"
}
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import yaml, jinja2' 2> /dev/null; then
	jobs="/usr/bin/python3 $top/lava/jobs.py --artifacts https://a.invalid --repository https://r.invalid --revision 0 --version v"
	tool_error "unknown option '--frob'" "jobs.py: an unknown option" $jobs --out "$work/lava" --frob
	tool_error "unknown host configuration 'nosuch'" "jobs.py: an unknown configuration" \
		$jobs --out "$work/lava" 6.12-gicv3-vhe nosuch
	tool_error "--out is required" "jobs.py: no --out" /usr/bin/python3 "$top/lava/jobs.py" --artifacts x
	echo 'actions: [' > "$work/job.yaml"
	tool_error "$work/job.yaml: " "render_device.py: a job that is no YAML" /usr/bin/python3 \
		"$top/lava/render_device.py" "$work" kvm-irq-qemu.jinja2 "$work/job.yaml" "$work/lava"
	echo '{"dt": "x", "lvl": "target", "msg": "no document here"}' > "$work/run.yaml"
	tool_error "no run_tests.sh document" "logs.py: a log without a run" /usr/bin/python3 \
		"$top/lava/logs.py" --out "$work/lava" "$work/run.yaml"
	printf '{"dt": "x", "lvl": \n' > "$work/bad.yaml"
	tool_error "line 1 is not a YAML mapping" "lava_run_check.py: a log that is no YAML" \
		/usr/bin/python3 "$top/check/lava_run_check.py" "$work/bad.yaml"
else
	echo "# /usr/bin/python3 with yaml and jinja2 missing: the LAVA tools' bad input is not checked (apt-get install python3-yaml python3-jinja2)"
fi
tool_error "unknown option '--frob'" "stage.sh: an unknown option" sh "$top/lava/stage.sh" --out "$work/lava" --frob x
: > "$work/dist.tar.gz"
tool_error "unknown host configuration 'nosuch'" "stage.sh: an unknown configuration" sh "$top/lava/stage.sh" \
	--out "$work/lava" --artifacts x --repository y --revision z --tarball "$work/dist.tar.gz" nosuch
tool_error "--break must be rename or fail, not 'all'" "lava-check.sh: an unknown --break" \
	"$top/emuhost/lava-check.sh" --host 6.12-gicv3-vhe --tarball "$work/dist.tar.gz" --out "$work/lava" --break all
tool_error "unknown host configuration 'nosuch'" "lava-check.sh: an unknown host" \
	"$top/emuhost/lava-check.sh" --host nosuch --tarball "$work/dist.tar.gz" --out "$work/lava"
tool_error "--tarball /nonexistent.tar.gz: no such file" "lava-check.sh: a missing tarball" \
	"$top/emuhost/lava-check.sh" --host 6.12-gicv3-vhe --tarball /nonexistent.tar.gz --out "$work/lava"

# The fake hosts boot nothing: any file serves as their busybox, so that
# these tests run where Debian's busybox-static:arm64 cannot be fetched.
export BUSYBOX="$work/busybox"
: > "$BUSYBOX"

# A fake qemu-system-aarch64 first in PATH: it plays an emulated host that
# dies in one of three ways, as FAKE_QEMU says.
mkdir -p "$work/fakeqemu"
cat > "$work/fakeqemu/qemu-system-aarch64" <<'EOF'
#!/bin/sh
echo "[    0.000000] Booting Linux"
echo "KVMIRQ-BEGIN"
printf 'TAP version 13\r\n1..3\r\n# selftests: kvm-irq: good\r\n# ok 1 good.a\r\n'
printf 'KVMIRQ-ROW good.%s\tpass\t-\tpass\n' a b c
printf 'KVMIRQ-ROW good.d\tskip\t-\tskip\n'
echo "ok 1 selftests: kvm-irq: good"
case "$FAKE_QEMU" in
panic) echo "[   42.000000] Kernel panic - not syncing: fake"; exit 0 ;;
silent) exec sleep 600 ;;
exits) exit 1 ;;
esac
EOF
chmod +x "$work/fakeqemu/qemu-system-aarch64"
: > "$work/Image"
rm -f "$work/bin/bad" "$work/bin/dies" "$work/bin/warns" "$work/bin/nopmu" "$work/bin/nopmu2" "$work/bin/notoken" "$work/bin/untallied" "$work/bin/env" "$work/bin/explore"
for how in panic silent exits; do
	start=$(date +%s)
	FAKE_QEMU=$how PATH="$work/fakeqemu:$PATH" "$top/emuhost/run-host.sh" \
		--host 6.12-gicv3-vhe --kernel "$work/Image" --bindir "$work/bin" \
		--out "$work/runs" --idle 10 > "$work/out" 2> "$work/err"
	rc=$?
	spent=$(($(date +%s) - start))
	case $how in
	panic) why="kernel panic: Kernel panic - not syncing: fake" ;;
	silent) why="the emulated host printed nothing for 10s" ;;
	exits) why="the emulated host stopped before the suite finished (qemu exit status 1)" ;;
	esac
	[ "$rc" = 1 ] && has "^ok 1 selftests: kvm-irq: good$" &&
		has "^not ok 2 selftests: kvm-irq: hangs # $why; console log: " &&
		tail -n 1 "$work/out" | grep -qx "3 passed, 1 failed, 1 skipped" &&
		! grep -q "Booting Linux" "$work/out" && [ "$spent" -lt 60 ]
	t $? "run-host.sh: a host that $how gives failing results with the reason (${spent}s)"
done

# --- soak.sh: flaky results and host freezes, with a fake qemu -------------
# Each boot of this fake is one run: FAKE_QEMU=flaky fails good.b every
# other run, freeze-once goes silent on its first boot only, steady never
# changes.  $FAKE_COUNT counts the boots.
cat > "$work/fakeqemu/qemu-system-aarch64" <<'EOF'
#!/bin/sh
k=$(($(cat "$FAKE_COUNT" 2>/dev/null || echo 0) + 1))
echo $k > "$FAKE_COUNT"
[ "$FAKE_QEMU" = freeze-once ] && [ $k = 1 ] && exec sleep 600
b="ok 2 good.b" rc=0 row='good.b\tpass\tEBUSY\tpass'
[ "$FAKE_QEMU" = flaky ] && [ $((k % 2)) = 0 ] && b="not ok 2 good.b" rc=1 \
	row='good.b\tfail\t-\tunexpected'
printf "KVMIRQ-ROW good.a\tpass\t-\tpass\nKVMIRQ-ROW $row\nKVMIRQ-ROW good.c\tskip\t-\tskip\n"
echo "KVMIRQ-BEGIN uptime=1.00"
echo "TAP version 13"; echo "1..1"; echo "# selftests: kvm-irq: good"
echo "# ok 1 good.a"; echo "# # behaviour: EBUSY"; echo "# $b"
echo "# ok 3 # SKIP [vgic-v2] no device"
echo "ok 1 selftests: kvm-irq: good"
echo "1 passed, $rc failed, 1 skipped"
echo "KVMIRQ-END rc=$rc uptime=2.00"
EOF
chmod +x "$work/fakeqemu/qemu-system-aarch64"
rm -f "$work/bin/hangs"
soak() {
	rm -f "$work/count"
	FAKE_QEMU=$1 FAKE_COUNT=$work/count IDLE_SECONDS=5 PATH="$work/fakeqemu:$PATH" \
		"$top/emuhost/soak.sh" --host 6.12-gicv3-vhe --kernel "$work/Image" \
		--bindir "$work/bin" --out "$work/soak" --runs "$2" > "$work/out" 2> "$work/err"
	rc=$?
}
soak steady 3
[ "$rc" = 0 ] && tail -n 1 "$work/out" | grep -qx "soak: 3 runs, 0 flaky results, 0 host freezes" &&
	has "^soak: run 3/3: 1 passed, 0 failed, 1 skipped in [0-9]*s (host completed)$"
t $? "soak.sh: steady runs give 0 flaky results, one line per run"
soak flaky 4
[ "$rc" = 1 ] && tail -n 1 "$work/out" | grep -qx "soak: 4 runs, 1 flaky results, 0 host freezes" &&
	has '^flaky: good.b: "pass EBUSY" in runs 1,3; "fail -" in runs 2,4;$'
t $? "soak.sh: a test that fails every other run is one flaky result, with its runs"
soak freeze-once 2
[ "$rc" = 1 ] && tail -n 1 "$work/out" | grep -qx "soak: 2 runs, 0 flaky results, 1 host freezes" &&
	has "^soak: run 1/2: the emulated host froze (the emulated host printed nothing for 5s); booting it again, once" &&
	has "^soak: 1 frozen runs booted again once"
t $? "soak.sh: a host that freezes is retried once, reported and counted"
"$top/emuhost/soak.sh" --host 6.12-gicv3-vhe --runs 0 --bindir "$work/bin" --out "$work/soak" > "$work/out" 2> "$work/err"
rc=$?
one_error_line "--runs must be a positive number"
t $? "soak.sh: a bad --runs is an error"
"$top/emuhost/board.sh" --host 9.9-gicv7-vhe --out "$work/board" > "$work/out" 2> "$work/err"
rc=$?
one_error_line "unknown host configuration '9.9-gicv7-vhe'"
t $? "board.sh: an unknown host configuration is an error"
"$top/emuhost/kernel-mutants.sh" --bindir "$work/bin" --out "$work/kmut" --only no-such-defect > "$work/out" 2> "$work/err"
rc=$?
one_error_line "unknown defect 'no-such-defect'"
t $? "kernel-mutants.sh: an unknown defect is an error"
"$top/emuhost/bench-host.sh" --host 9.9-gicv7-vhe --bindir "$work/bin" --out "$work/bench" > "$work/out" 2> "$work/err"
rc=$?
one_error_line "unknown host configuration '9.9-gicv7-vhe'"
t $? "bench-host.sh: an unknown host configuration is an error"

# --- the validators make check relies on ----------------------------------
printf 'TAP version 13\n1..1\n# selftests: kvm-irq: x\n# TAP version 13\n# 1..1\n# ok 1 x.a\nok 1 selftests: kvm-irq: x\n1 passed, 0 failed, 0 skipped\n' > "$work/good.ktap"
/usr/bin/python3 "$top/check/tap_check.py" "$work/good.ktap" "$work/tc" > "$work/out" 2>&1
t $? "tap_check.py: reads a well-formed document"
grep -qx "kvm-irq.x.x.a pass" "$work/tc/names.txt"
t $? "tap_check.py: names results as a farm would"
sed 's/^# ok 1 x.a$/# ok 1 x.a\ngarbage/' "$work/good.ktap" > "$work/bad.ktap"
printf 'garbage\n' >> "$work/bad.ktap"
/usr/bin/python3 "$top/check/tap_check.py" "$work/bad.ktap" "$work/tc" > "$work/out" 2>&1
[ $? = 1 ] && grep -q "not TAP: 'garbage'" "$work/out"
t $? "tap_check.py: a line that is not TAP fails"
printf 'TAP version 13\n1..2\nok 1 a\nstray line\nok 2 b\n' > "$work/stray.tap"
prove --ignore-exit -e "$top/check/strict-tap.sh" "$work/stray.tap" > "$work/out" 2>&1
grep -q "Parse errors" "$work/out"
t $? "strict-tap.sh: prove reports a stray line as a parse error"

# --- report/html.py and its checker ----------------------------------------
# The last dead host above left its report: an unexpected verdict.
run=$work/runs/6.12-gicv3-vhe
grep -q 'data-host="6.12-gicv3-vhe" data-verdict="unexpected"' "$run/report.html" 2>/dev/null
t $? "run-host.sh: a dead host's report.html says unexpected"
rm -f "$work/r.html"
"$top/report/html.py" --out "$work/r.html" "$work/nonesuch" > "$work/out" 2>&1
[ $? = 2 ] && [ "$(wc -l < "$work/out")" = 1 ] && [ ! -e "$work/r.html" ]
t $? "html.py: a missing RUNDIR is one line, exit 2, no page ($(cat "$work/out"))"
"$top/report/html.py" --bogus "$run" > "$work/out" 2>&1
[ $? = 2 ] && [ "$(wc -l < "$work/out")" = 1 ]
t $? "html.py: an unknown option is one line, exit 2"
# The fake host's TAP holds 1 result and a binary it never ran: 1 passed, 1 failed.
/usr/bin/python3 "$top/check/report_check.py" "$run/report.html" "$run" 1 1 0 > "$work/out" 2>&1
t $? "report_check.py: the dead host's page is self-contained, counts its TAP ($(tail -n 1 "$work/out"))"
sed 's|<h2>|<img src="https://example.org/x.png"><h2>|' "$run/report.html" > "$work/r.html"
/usr/bin/python3 "$top/check/report_check.py" "$work/r.html" "$run" 1 1 0 > "$work/out" 2>&1
[ $? = 1 ] && grep -q "not a #fragment" "$work/out"
t $? "report_check.py: a remote reference fails"
/usr/bin/python3 "$top/check/report_check.py" "$run/report.html" "$run" 1 0 0 > "$work/out" 2>&1
[ $? = 1 ] && grep -q "counts 1 passed, 1 failed" "$work/out"
t $? "report_check.py: other counts than the summary's fail"

echo "1..$n"
echo "tools: $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
