# SPDX-License-Identifier: GPL-2.0
#
# What a test's result counts as, against the expected/ table (from
# expected.awk): the one judgement, which nest.awk marks each result line
# with and writes the verdict from.
#   judge_load(expf, required)  read the table; required: the features a
#                               skip may not be for, "token[|who]" per line
#                               (who requires it; default --require)
#   judge(n, have, seen, dev, why)
#       n's result (pass, fail, skip, missing), the behaviour it showed,
#       its deviation and its skip reason: pass, xfail, skip, unexpected
#       or unpinned; judge_msg is the verdict line to print, or "".
#       judge_wrong is the caller's: the mismatches n's "# assert:" lines
#       count (assert_mismatches of each).
# strict (--require-pinned) is the caller's -v; so are certify (1 for
# --certify) and explained, the feature tokens whose absence the host facts
# explain, one per line: certified, a skip for any other is unexpected.
# features: the tokens of lib/features.txt, one per line; a skip reason
# starts with one, "[token] ..." (FEATURE() in C).

function judge_load(expf, required,    line, e, fs) {
	fs = FS
	FS = "\t"
	while ((getline line < expf) > 0) {
		split(line, e, "\t")
		if (e[2] == "klog" || e[2] == "limit" || e[2] == "variant")
			continue
		ne++; ere[ne] = e[1]; ever[ne] = e[2]; eval[ne] = e[3]
		ewhy[ne] = e[4]; ewhere[ne] = e[5]
	}
	close(expf)
	FS = fs
	nreq = split(required, req, "\n")
	nexplained = split(explained, explains, "\n")
	nfeature = split(features, feature_tok, "\n")
}

# The feature token a skip reason starts with, if lib/features.txt has it.
function skip_feature(why,    t, i) {
	if (why !~ /^\[[a-z0-9-]+\]/)
		return ""
	t = substr(why, 2, index(why, "]") - 2)
	for (i = 1; i <= nfeature; i++)
		if (feature_tok[i] == t)
			return t
	return ""
}

# Whether a skip is for a feature the host facts explain (--certify).
function explained_skip(why,    i, t) {
	t = skip_feature(why)
	for (i = 1; t != "" && i <= nexplained; i++)
		if (explains[i] == t)
			return 1
	return 0
}

# The feature a skip is for, if it is a required one (required_by: who).
function required_missing(why,    i, t, kv) {
	t = skip_feature(why)
	for (i = 1; t != "" && i <= nreq; i++) {
		split(req[i], kv, "|")
		if (kv[1] == t) {
			required_by = kv[2] == "" ? "--require" : kv[2]
			return t
		}
	}
	return ""
}

# What expected/ says of n (the last entry that names it wins).
function expect(n,    i, v) {
	v = "pass"; because = ""; pinned = ""
	for (i = 1; i <= ne; i++)
		if (n ~ ere[i]) { v = ever[i]; pinned = eval[i]; because = ewhy[i] " (" ewhere[i] ")" }
	return v
}

# What a test shows (a behaviour, a deviation) against the value
# expected/ pins: as pinned it counts as AS, otherwise unexpected.
function judge_pin(n, what, seen, as) {
	if (seen == pinned) {
		if (as == "pass")
			judge_msg = sprintf("# behaviour: %s = %s as pinned: %s", n, seen, because)
		else
			judge_msg = sprintf("# xfail: %s = %s: %s", n, seen, because)
		return as
	}
	judge_msg = sprintf("# unexpected: %s: %s changed: pinned %s, observed %s (%s)", \
			    n, what, pinned, seen == "" ? "nothing" : seen, because)
	return "unexpected"
}

function judge(n, have, seen, dev, why,    want) {
	judge_msg = ""
	want = expect(n)
	# A behaviour passes when the kernel still does what expected/
	# pinned for it.
	if (want == "behaviour" && have == "pass")
		return judge_pin(n, "behaviour", seen, "pass")
	if (want == "behaviour")
		want = "pass (behaviour " pinned ")"
	# A behaviour no file pins for this kernel checks nothing: it is
	# counted apart, never as a pass.
	if (want == "pass" && have == "pass" && seen != "") {
		if (strict) {
			judge_msg = sprintf("# unexpected: %s: behaviour %s is not pinned for this kernel (--require-pinned)", n, seen)
			return "unexpected"
		}
		judge_msg = sprintf("# unpinned: %s = %s (no expected/ file pins it for this kernel)", n, seen)
		return "unpinned"
	}
	# A failed test shows the rule that failed (check(), or check_abort()
	# for an assertion or a hang): a failure its tally does not show
	# happened outside the checks, and no pin can stand for it.
	if (have == "fail" && !judge_wrong) {
		judge_msg = sprintf("# unexpected: %s: failed with no mismatch in its tally (a failure outside the checks: see its log)", n)
		return "unexpected"
	}
	# An xfail pins the deviation exactly: another set of mismatches in
	# the same test is a new deviation.
	if (want == "xfail" && have == "fail")
		return judge_pin(n, "deviation", dev, "xfail")
	# "skip" says a feature may be absent: where it is there after all,
	# the test must pass.
	if (want == "skip" && have == "pass") {
		judge_msg = sprintf("# note: %s passed where expected/ allows a skip", n)
		return "pass"
	}
	# A skip says which feature of lib/features.txt the host lacks;
	# one that names none explains nothing.
	if (have == "skip" && skip_feature(why) == "") {
		judge_msg = sprintf("# unexpected: %s: skipped for no feature of lib/features.txt (a reason starts with \"[token]\"): %s", \
				    n, why)
		return "unexpected"
	}
	# A skip for lack of a feature the host must have (--require) is a
	# lost feature, whatever expected/ allows.
	if (have == "skip" && required_missing(why) != "") {
		judge_msg = sprintf("# unexpected: %s: skipped, but this host must have %s (%s): %s", \
				    n, required_missing(why), required_by, why)
		return "unexpected"
	}
	# Certified, a skip must be one the host facts explain: a reason
	# they cannot tell absent is a feature nobody checked.
	if (have == "skip" && certify && !explained_skip(why)) {
		judge_msg = sprintf("# unexpected: %s: skipped for a reason the host facts do not explain (--certify): %s", \
				    n, why)
		return "unexpected"
	}
	if (want == have) {
		if (want == "skip")
			judge_msg = sprintf("# skip: %s: %s", n, why)
		return want
	}
	judge_msg = sprintf("# unexpected: %s: expected %s, got %s%s", n, want, have, \
			    have == "skip" ? " (" why ")" : "")
	return "unexpected"
}

# The mismatches=N of a "# assert:" line.
function assert_mismatches(line,    m) {
	if (!match(line, / mismatches=[0-9]+/))
		return 0
	return substr(line, RSTART + 12, RLENGTH - 12) + 0
}

# A kselftest result line: sets result_ok, result_num, result_name (or
# ""), result_skip and result_why (its SKIP reason).
function result_parse(line,    rest) {
	result_ok = line ~ /^ok /
	rest = line
	sub(/^(not )?ok /, "", rest)
	result_num = rest + 0
	sub(/^[0-9]+ ?/, "", rest)
	result_skip = rest ~ /# [Ss][Kk][Ii][Pp]/
	result_why = rest
	if (result_skip)
		sub(/.*# [Ss][Kk][Ii][Pp] ?/, "", result_why)
	else
		result_why = ""
	result_name = rest
	sub(/ *#.*$/, "", result_name)
}
