# SPDX-License-Identifier: GPL-2.0
#
# results.awk: one line per test result of a run_tests.sh document (as
# run-host.sh saves it), tab-separated:
#
#	<binary>.<test>	pass|fail|skip|missing	<behaviour value or ->
#
# A binary whose results the document does not hold (a host that died,
# a binary killed) is one line "<binary>	missing	-".  Runs are compared
# by these lines: the same test with another outcome or value is a
# difference between runs.
BEGIN { OFS = "\t" }
{ sub(/\r$/, "") }
/^# selftests: kvm-irq: / { bin = $4; running = ""; seen[bin] = 0; next }
/^# #  RUN  / { running = $4; value = "-"; next }
/^# # behaviour: / {
	value = $0
	sub(/^# # behaviour: /, "", value)
	gsub(/\t/, " ", value)
	next
}
/^# (not )?ok [0-9]+/ {
	ok = $2 == "ok"
	rest = $0
	sub(/^# (not )?ok [0-9]+ ?/, "", rest)
	outcome = ok ? "pass" : "fail"
	if (rest ~ /# [Ss][Kk][Ii][Pp]/)
		outcome = "skip"
	name = rest
	sub(/ *#.*$/, "", name)
	if (name == "")
		name = running
	print name, outcome, (outcome == "pass" ? value : "-")
	seen[bin]++
	running = ""; value = "-"
	next
}
# The binary's own line: a binary with no result lines is missing.
/^(not )?ok [0-9]+ selftests: kvm-irq: / {
	b = ($1 == "ok") ? $5 : $6
	sub(/ .*/, "", b)
	if (!seen[b])
		print b, "missing", "-"
}
