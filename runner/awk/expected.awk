# SPDX-License-Identifier: GPL-2.0
#
# The expected/ files of this host as one table, with catalog.awk:
#	regex <TAB> verdict <TAB> value <TAB> reason <TAB> file:line
# later lines winning.  A malformed line, or a name that matches no test
# (names: one per line) or binary (binaries), is an error naming it.
#   awk -v names=F -v binaries=F -v variants=F -v prog=NAME \
#       -f catalog.awk -f variants.awk -f expected.awk FILES...
function fail(msg) {
	printf "%s: %s:%d: %s\n", prog, FILENAME, FNR, msg | "cat 1>&2"
	bad = 1
	exit 2
}
BEGIN {
	if (variants != "")
		variants_read(variants)
	while ((getline n < names) > 0)
		known[n] = 1
	while ((getline n < binaries) > 0)
		binary[n] = 1
}
/^[ \t]*(#|$)/ { next }
# "variant NAME VALUE reason": the semantics this kernel shows where the
# explored sequences' models leave a choice (lib/variants.txt, read with
# variants.awk); the models follow VALUE (KVM_IRQ_VARIANTS).
$1 == "variant" {
	if (NF < 4)
		fail("want \"variant <name> <value> <reason>\", got \"" $0 "\"")
	if (!($2 in variant_values))
		fail("unknown variant \"" $2 "\" (lib/variants.txt)")
	if (!variant_value_ok($2, $3))
		fail("variant " $2 " has no value \"" $3 "\" (" variant_values[$2] ")")
	reason = $0
	sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]*/, "", reason)
	printf "^$\tvariant\t%s=%s\t%s\t%s:%d\n", $2, $3, reason, FILENAME, FNR
	next
}
# "limit NAME VALUE reason": a documented limit this kernel does not reach;
# the tests use VALUE instead (KVM_IRQ_LIMIT_<NAME>).
$1 == "limit" {
	if (NF < 4)
		fail("want \"limit <name> <value> <reason>\", got \"" $0 "\"")
	if ($2 != "nr_irqs")
		fail("unknown limit \"" $2 "\" (nr_irqs)")
	if ($3 !~ /^[0-9]+$/ || $3 < 64 || $3 >= 1024 || $3 % 32)
		fail("limit nr_irqs must be a multiple of 32 from 64 below the documented 1024, not \"" $3 "\"")
	reason = $0
	sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]*/, "", reason)
	printf "^$\tlimit\t%s=%s\t%s\t%s:%d\n", $2, $3, reason, FILENAME, FNR
	next
}
{
	name = $1; verdict = $2; value = "-"
	if (NF < 2)
		fail("want \"<test> <pass|skip|xfail|behaviour VALUE> <reason>\", got \"" $0 "\"")
	if (name !~ /^[A-Za-z0-9_.*?-]+$/)
		fail("bad test name \"" name "\"")
	if (verdict != "pass" && verdict != "skip" && verdict != "xfail" && verdict != "behaviour" && verdict != "klog")
		fail("unknown verdict \"" verdict "\" (pass, skip, xfail, behaviour or klog)")
	reason = $0
	sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]*/, "", reason)
	if (verdict == "behaviour" || verdict == "klog" || verdict == "xfail") {
		value = $3
		if (NF < 3)
			fail(verdict == "klog" ? "klog needs the log line's key (WARNING:function)" : \
			     verdict == "xfail" ? "xfail needs the deviation the test shows (its \"# deviation:\" value)" : \
			     "behaviour needs the value the kernel shows")
		sub(/^[^ \t]+[ \t]*/, "", reason)
	}
	if (verdict != "pass" && reason == "")
		fail(verdict " needs a reason")
	re = glob2re(name); hit = 0
	# klog pins what the kernel logs during a binary: names a binary.
	if (verdict == "klog") {
		for (n in binary)
			if (n ~ re) { hit = 1; break }
		if (!hit)
			fail("unknown binary \"" name "\" (klog names a test binary)")
	} else {
		for (n in known)
			if (n ~ re) { hit = 1; break }
		if (!hit)
			fail("unknown test \"" name "\"")
	}
	printf "%s\t%s\t%s\t%s\t%s:%d\n", re, verdict, value, reason, FILENAME, FNR
}
END { if (bad) exit 2 }
