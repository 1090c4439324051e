# SPDX-License-Identifier: GPL-2.0
#
# catalog_check.sh's program, with runner/awk/catalog.awk.  Input lines:
#   name kvm-irq.<binary>.<test> <result>    a test that ran, and its result
#   assert <test> <rule id> <condition|->    a rule a test reported
$1 == "name" {
	n = $2; sub(/^kvm-irq\.[^.]+\./, "", n)
	known[n] = 1
	if ($3 != "skip")
		ran[n] = 1
	next
}
$1 == "assert" { said[$2, $3] = 1; said_under[$2, $3, $4] = 1; next }

# Whether pattern list (comma-separated globs) names test t.
function names(list, t,    n, i, pats) {
	n = catalog_patterns(list, pats)
	for (i = 1; i <= n; i++)
		if (t ~ glob2re(pats[i]))
			return 1
	return 0
}

# Each pattern of list names a test, and every test it names that ran
# (somewhere) reported rule id (under condition c, or any).
function check_patterns(what, list, id, c,    n, i, p, re, hit, k, pats) {
	n = catalog_patterns(list, pats)
	for (i = 1; i <= n; i++) {
		p = pats[i]
		re = glob2re(p); hit = 0
		for (k in known) {
			if (k !~ re)
				continue
			hit = 1
			if ((k in ran) && !(c == "" ? (k, id) in said : (k, id, c) in said_under)) {
				printf "%s: \"%s\" names %s, which ran and never reported %s%s\n", \
				       what, p, k, id, c == "" ? "" : " under " c
				bad = 1
			}
		}
		if (!hit) {
			printf "%s: \"%s\" names no test\n", what, p; bad = 1
		}
	}
}

END {
	catalog_read(catalog)
	conditions_read(conditions)
	for (i = 1; i <= nrules; i++)
		check_patterns(rule_id[i], rule_tests[rule_id[i]], rule_id[i], "")
	for (i = 1; i <= nconds; i++)
		check_patterns(cond_rule[i] " " cond_name[i], cond_tests[i], cond_rule[i], cond_name[i])
	# The other way: what each test reported, the catalog says it checks.
	for (k in said) {
		split(k, kv, SUBSEP)
		if (!(kv[2] in rule_name))
			{ printf "%s reported %s, which the catalog does not hold\n", kv[1], kv[2]; bad = 1; continue }
		if (!names(rule_tests[kv[2]], kv[1]))
			{ printf "%s reported %s, whose \"checked by\" does not name it\n", kv[1], kv[2]; bad = 1 }
	}
	for (k in said_under) {
		split(k, kv, SUBSEP)
		if (kv[3] == "-" || !(kv[2] in rule_name))
			continue
		ok = 0
		for (i = 1; i <= nconds; i++)
			if (cond_rule[i] == kv[2] && cond_name[i] == kv[3] && names(cond_tests[i], kv[1]))
				ok = 1
		if (!ok) {
			printf "%s reported %s under %s, which lib/conditions.txt does not declare for it\n", \
			       kv[1], kv[2], kv[3]
			bad = 1
		}
	}
	exit bad || catalog_error
}
