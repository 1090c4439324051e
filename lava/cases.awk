# SPDX-License-Identifier: GPL-2.0
#
# cases.awk RESULTS.TSV: run_tests.sh's results.tsv as a LAVA board farm
# records a kselftest run, one "NAME RESULT" line per test case, for
# kvm-irq.sh to hand to lava-test-case (POSIX awk: busybox's too; no
# python on the board).  Every test is named after its binary,
# "kvm-irq_<binary>_<test>" (caps.user_irq_version of caps:
# kvm-irq_caps_caps_user_irq_version), then the binary, "kvm-irq_<binary>",
# as Linaro's test-definitions name a kselftest run's results; a name is
# cut down to the characters a LAVA test case id keeps (letters, digits,
# '_', '-') and one seen before gets "_dupN".  What a result counts as
# (results.tsv's fourth column) decides: pass and xfail pass, skip skips,
# unexpected fails, unpinned (a behaviour no expected/ file pins) is
# "unknown".  A binary's own rows (killed, exit=N, klog) are cases of
# their own, kvm-irq_<binary>_<row>; the binary passes when none of its
# rows is unexpected.  Format 1 of results.tsv (its first line); another
# is an error.
BEGIN { FS = "\t" }
NR == 1 && /^# kvm-irq results\.tsv / {
	if ($0 !~ /^# kvm-irq results\.tsv 1: /) {
		print "cases.awk: results.tsv of another format: " $0 > "/dev/stderr"
		bad = 1
		exit 2
	}
	next
}
/^#/ || $1 ~ /^condition:/ || NF != 4 { next }
$2 == "took" { binary($1); next }
{ n++; name[n] = $1; result[n] = $2; as[n] = $4 }

function slug(s) {
	gsub(/[^A-Za-z0-9_-]+/, "_", s)
	sub(/^_+/, "", s)
	sub(/_+$/, "", s)
	return s
}

function verdict(a) {
	return a == "pass" || a == "xfail" ? "pass" : a == "skip" ? "skip" : \
	       a == "unpinned" ? "unknown" : "fail"
}

function emit(id, r) {
	if (id in seen)
		id = id "_dup" (++seen[id])
	else
		seen[id] = 1
	print id, r
}

# The rows since the last binary's are b's: its tests, then b itself.
function binary(b,    i, failed, case_) {
	failed = 0
	for (i = 1; i <= n; i++) {
		if (as[i] == "unexpected")
			failed = 1
		case_ = name[i] == b ? result[i] : name[i]
		emit("kvm-irq_" slug(b) "_" slug(case_), verdict(as[i]))
	}
	emit("kvm-irq_" slug(b), failed ? "fail" : "pass")
	n = 0
}

END {
	if (bad)
		exit 2
	# Rows after the last binary's (a run cut short): cases of their own.
	for (i = 1; i <= n; i++)
		emit("kvm-irq_" slug(name[i]), verdict(as[i]))
}
