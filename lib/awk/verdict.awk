# SPDX-License-Identifier: GPL-2.0
#
# One binary's results (its TAP) against the expected/ table (expf, from
# expected.awk): the verdict lines; one line "row<TAB>..." per result,
# results.tsv's (see run_tests.sh); then "counts <pass> <xfail> <skip>
# <unexpected> <unpinned>".
#   awk -v bin=B -v rc=RC -v tmo=S -v listf=F -v strict=0|1 -v required=R
#       -v expf=F -f verdict.awk TAP
BEGIN {
	FS = "\t"
	while ((getline line < expf) > 0) {
		split(line, e, "\t")
		if (e[2] == "klog" || e[2] == "limit")
			continue
		ne++; ere[ne] = e[1]; ever[ne] = e[2]; eval[ne] = e[3]
		ewhy[ne] = e[4]; ewhere[ne] = e[5]
	}
	while ((getline line < listf) > 0)
		order[++nl] = line
	FS = " "
	nreq = split(required, req, "\n")
}
# The feature a skip reason says is missing, if it is a required one.
function required_missing(why,    i, kv) {
	for (i = 1; i <= nreq; i++) {
		if (req[i] == "")
			continue
		split(req[i], kv, "|")
		if (index(why, kv[1]))
			return kv[2]
	}
	return ""
}
/^#  RUN  / { running = $3; next }
/^# behaviour: / { if (running != "") behaviour[running] = $3; next }
/^# deviation: / { if (running != "") deviation[running] = $3; next }
/^(not )?ok [0-9]+/ {
	ok = $1 == "ok"
	num = ok ? $2 : $3
	rest = $0
	sub(/^(not )?ok [0-9]+ ?/, "", rest)
	skip = rest ~ /# [Ss][Kk][Ii][Pp]/
	why = rest
	if (skip) sub(/.*# [Ss][Kk][Ii][Pp] ?/, "", why); else why = ""
	name = rest
	sub(/ *#.*$/, "", name)
	if (name == "") name = running
	if (name == "") name = order[num + 0]
	got[name] = skip ? "skip" : ok ? "pass" : "fail"
	skipwhy[name] = why
	running = ""
	next
}
# What a test shows (a behaviour, a deviation) against the value
# expected/ pins: as pinned it counts as AS, otherwise unexpected.
function check_pin(n, what, seen, as) {
	if (seen == pinned) {
		judged(n, as)
		if (as == "pass")
			printf "# behaviour: %s = %s as pinned: %s\n", n, seen, because
		else
			printf "# xfail: %s = %s: %s\n", n, seen, because
		return
	}
	printf "# unexpected: %s: %s changed: pinned %s, observed %s (%s)\n", \
		n, what, pinned, seen == "" ? "nothing" : seen, because
	judged(n, "unexpected")
}
# What n counts as (pass, xfail, skip, unexpected, unpinned), and its row.
function judged(n, as) {
	count[as]++
	printf "row\t%s\t%s\t%s\t%s\n", n, have, have == "pass" && seen != "" ? seen : "-", as
}
function expect(n,    i, v) {
	v = "pass"; because = ""; pinned = ""
	for (i = 1; i <= ne; i++)
		if (n ~ ere[i]) { v = ever[i]; pinned = eval[i]; because = ewhy[i] " (" ewhere[i] ")" }
	return v
}
END {
	for (i = 1; i <= nl; i++) {
		n = order[i]
		want = expect(n)
		have = (n in got) ? got[n] : "missing"
		seen = (n in behaviour) ? behaviour[n] : ""
		# A behaviour passes when the kernel still does what
		# expected/ pinned for it.
		if (want == "behaviour" && have == "pass") {
			check_pin(n, "behaviour", seen, "pass")
			continue
		}
		if (want == "behaviour")
			want = "pass (behaviour " pinned ")"
		# A behaviour no file pins for this kernel checks nothing:
		# it is counted apart, never as a pass.
		if (want == "pass" && have == "pass" && seen != "") {
			if (strict) {
				printf "# unexpected: %s: behaviour %s is not pinned for this kernel (--require-pinned)\n", n, seen
				judged(n, "unexpected")
			} else {
				printf "# unpinned: %s = %s (no expected/ file pins it for this kernel)\n", n, seen
				judged(n, "unpinned")
			}
			continue
		}
		# An xfail pins the deviation exactly: another set of
		# mismatches in the same test is a new deviation.
		if (want == "xfail" && have == "fail") {
			check_pin(n, "deviation", (n in deviation) ? deviation[n] : "", "xfail")
			continue
		}
		# "skip" says a feature may be absent: where it is
		# there after all, the test must pass.
		if (want == "skip" && have == "pass") {
			judged(n, "pass")
			printf "# note: %s passed where expected/ allows a skip\n", n
			continue
		}
		# A skip for lack of a feature the host must have (--require)
		# is a lost feature, whatever expected/ allows.
		if (have == "skip" && required_missing(skipwhy[n]) != "") {
			printf "# unexpected: %s: skipped, but this host must have %s (--require): %s\n", \
				n, required_missing(skipwhy[n]), skipwhy[n]
			judged(n, "unexpected")
			continue
		}
		if (want == have) {
			judged(n, want)
			if (want == "skip")
				printf "# skip: %s: %s\n", n, skipwhy[n]
			continue
		}
		printf "# unexpected: %s: expected %s, got %s%s\n", n, want, have, \
			have == "skip" ? " (" skipwhy[n] ")" : ""
		judged(n, "unexpected")
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
