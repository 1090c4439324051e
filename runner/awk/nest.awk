# SPDX-License-Identifier: GPL-2.0
#
# One binary's TAP as it comes (stdin), judged once, result by result
# (judge.awk), and written twice:
#   - nested in the run's document, on stdout: every line behind prefix
#     ("# " as kselftest nests it, or four spaces for a KTAP v1 subtest,
#     where "TAP version 13" becomes "KTAP version 1").  Each result line
#     says what it counts as, for any parser that reads it: an expected
#     failure, exactly as pinned, is "ok N name # XFAIL <deviation>"
#     (kselftest's own xfail); a result that is unexpected is "not ok",
#     its SKIP directive, if any, dropped; and a skip the 6.1 harness
#     printed without its name ("ok 3 # SKIP why") gets it, from its RUN
#     line;
#   - into verdictf, at the end, for every test of listf (the binary's
#     --list) in its order: the verdict line judge.awk gave it, if any, and
#     its row of results.tsv, "row<TAB><test><TAB><result><TAB><behaviour>
#     <TAB><counts as>"; a test the binary never reported is "missing".
#   awk -v prefix=P -v ktap=0|1 -v listf=F -v verdictf=F -v strict=0|1
#       -v required=R -v expf=F -f judge.awk -f nest.awk
BEGIN {
	judge_load(expf, required)
	while ((getline line < listf) > 0)
		order[++nl] = line
	close(listf)
}
{ line = $0 }
ktap && /^TAP version 13$/ { line = "KTAP version 1" }
/^#  RUN  / { running = $3; seen = dev = ""; judge_wrong = 0 }
/^# assert: / { judge_wrong += assert_mismatches($0) }
/^# behaviour: / { seen = $3 }
/^# deviation: / { dev = $3 }
/^(not )?ok [0-9]+/ {
	result_parse($0)
	n = result_name != "" ? result_name : running
	if (n == "")
		n = order[result_num]
	have = result_skip ? "skip" : result_ok ? "pass" : "fail"
	as = judge(n, have, seen, dev, result_why)
	judged(n, have, seen, as)
	if (as == "xfail")
		line = "ok " result_num " " n " # XFAIL " dev
	else if (as == "unexpected")
		line = "not ok " result_num " " n (result_skip ? " (skipped: " result_why ")" : "")
	else if (result_name == "" && n != "")
		line = (result_ok ? "ok " : "not ok ") result_num " " n \
		       (result_skip ? " # SKIP " result_why : "")
	running = seen = dev = ""
	judge_wrong = 0
}
{ print prefix line; fflush() }

function judged(n, have, seen, as) {
	j_as[n] = as
	j_msg[n] = judge_msg
	j_row[n] = n "\t" have "\t" (have == "pass" && seen != "" ? seen : "-") "\t" as
}

END {
	printf "" > verdictf
	for (i = 1; i <= nl; i++) {
		n = order[i]
		if (!(n in j_as)) {
			judge_wrong = 0
			judged(n, "missing", "", judge(n, "missing", "", "", ""))
		}
		if (j_msg[n] != "")
			print j_msg[n] > verdictf
		print "row\t" j_row[n] > verdictf
	}
	close(verdictf)
}
