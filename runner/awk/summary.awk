# SPDX-License-Identifier: GPL-2.0
#
# The end of a run, with catalog.awk: per rule of the catalog the results
# that checked it and the values they tried (the binaries' "# assert:"
# lines on stdin), the rules nothing checked, then per rule and condition
# of conditions.txt the same, and the conditions nothing tried.  Each
# condition is also one line "row<TAB>condition:<id>:<condition><TAB>
# tried|not-tried<TAB>-<TAB>-" for results.tsv (see run_tests.sh).
#   awk -v catalog=F -v conditions=F -f catalog.awk -f summary.awk
/^# assert: / {
	id = $3; rule[id] = $4
	split("", v)
	for (i = 5; i <= NF; i++) {
		split($i, kv, "=")
		v[kv[1]] = kv[2]
	}
	sum[id, "tried"] += v["tried"]
	sum[id, "mismatches"] += v["mismatches"]
	sum[id, "unspecified"] += v["unspecified"]
	results[id]++
	if ("condition" in v) {
		cond = v["condition"]
		cres[id, cond]++
		ctried[id, cond] += v["tried"]
		cwrong[id, cond] += v["mismatches"]
	}
}
END {
	catalog_read(catalog)
	conditions_read(conditions)
	print "# Assertion totals (results, values tried, mismatches, unspecified):"
	for (i = 1; i <= nrules; i++) {
		id = rule_id[i]
		if (id in results)
			printf "#   %s %-20s %-10s %4d results %10d tried %6d mismatches %8d unspecified\n", \
				id, rule_name[id], rule_kind[id], results[id], sum[id, "tried"], \
				sum[id, "mismatches"], sum[id, "unspecified"]
		else
			uncovered = uncovered sprintf("#   uncovered: %s %s (%s)\n", id, rule_name[id], rule_kind[id])
	}
	for (id in results) {
		if (!(id in rule_name))
			printf "#   %s %s: not in the catalog\n", id, rule[id]
		total += sum[id, "tried"]
	}
	printf "%s", uncovered
	printf "# kvm-irq: %d irq-field values checked in all\n", total

	print "# Conditions per rule (results, values tried, mismatches):"
	for (i = 1; i <= nconds; i++) {
		id = cond_rule[i]; cond = cond_name[i]
		if ((id, cond) in cres)
			printf "#   %s %-20s %-17s %4d results %6d tried %4d mismatches\n", \
				id, rule_name[id], cond, cres[id, cond], ctried[id, cond], cwrong[id, cond]
		else
			untried = untried sprintf("#   not tried: %s %s %s (%s)\n", \
						  id, rule_name[id], cond, cond_tests[i])
		printf "row\tcondition:%s:%s\t%s\t-\t-\n", id, cond, \
			(id, cond) in cres ? "tried" : "not-tried"
	}
	for (k in cres) {
		split(k, p, SUBSEP)
		if (!((p[1], p[2]) in cond_declared))
			printf "#   %s condition %s: not in lib/conditions.txt\n", p[1], p[2]
	}
	printf "%s", untried
}
