# SPDX-License-Identifier: GPL-2.0
#
# One binary's results (its TAP) against the expected/ table (expf, from
# expected.awk), with judge.awk: the verdict lines; one line "row<TAB>..."
# per result, results.tsv's (see run_tests.sh); then "counts <pass>
# <xfail> <skip> <unexpected> <unpinned>".
#   awk -v bin=B -v rc=RC -v tmo=S -v listf=F -v strict=0|1 -v required=R
#       -v expf=F -f judge.awk -f verdict.awk TAP
BEGIN {
	judge_load(expf, required)
	while ((getline line < listf) > 0)
		order[++nl] = line
}
/^#  RUN  / { running = $3; next }
/^# behaviour: / { if (running != "") behaviour[running] = $3; next }
/^# assert: / { if (running != "") wrong[running] += assert_mismatches($0); next }
/^# deviation: / { if (running != "") deviation[running] = $3; next }
/^(not )?ok [0-9]+/ {
	result_parse($0)
	name = result_name
	if (name == "") name = running
	if (name == "") name = order[result_num]
	got[name] = result_skip ? "skip" : result_ok ? "pass" : "fail"
	skipwhy[name] = result_why
	running = ""
	next
}
# What n counts as (pass, xfail, skip, unexpected, unpinned), and its row.
function judged(n, as) {
	count[as]++
	printf "row\t%s\t%s\t%s\t%s\n", n, have, have == "pass" && seen != "" ? seen : "-", as
}
END {
	for (i = 1; i <= nl; i++) {
		n = order[i]
		have = (n in got) ? got[n] : "missing"
		seen = (n in behaviour) ? behaviour[n] : ""
		judge_wrong = (n in wrong) ? wrong[n] : 0
		as = judge(n, have, seen, (n in deviation) ? deviation[n] : "", skipwhy[n])
		if (judge_msg != "")
			print judge_msg
		judged(n, as)
	}
	if (rc == 124 || rc == 137 || rc == 143) {
		printf "# unexpected: %s: killed after the %ss timeout\n", bin, tmo
		have = "killed"; seen = ""
		judged(bin, "unexpected")
	} else if (rc != 0 && rc != 1 && rc != 4) {
		printf "# unexpected: %s: exited with status %s\n", bin, rc
		have = "exit=" rc; seen = ""
		judged(bin, "unexpected")
	}
	printf "counts %d %d %d %d %d\n", count["pass"], count["xfail"], \
		count["skip"], count["unexpected"], count["unpinned"]
}
