# SPDX-License-Identifier: GPL-2.0
#
# catalog_check.sh's program, with lib/awk/catalog.awk: test names on
# stdin, every pattern of the catalog and of its conditions must name one.
{ name = $1; sub(/^kvm-irq\.[^.]+\./, "", name); known[name] = 1 }
# Each pattern of the comma-separated list names at least one test.
function check(what, list,    n, i, p, re, hit, k, pats) {
	n = split(list, pats, ",")
	for (i = 1; i <= n; i++) {
		p = pats[i]; gsub(/[ \t]/, "", p)
		if (p == "" || p == "-")
			continue
		re = glob2re(p); hit = 0
		for (k in known)
			if (k ~ re) { hit = 1; break }
		if (!hit) { printf "%s: \"%s\" names no test\n", what, p; bad = 1 }
	}
}
END {
	catalog_read(catalog)
	conditions_read(conditions)
	for (i = 1; i <= nrules; i++)
		check(rule_id[i], rule_tests[rule_id[i]])
	for (i = 1; i <= nconds; i++)
		check(cond_rule[i] " " cond_name[i], cond_tests[i])
	exit bad || catalog_error
}
