# SPDX-License-Identifier: GPL-2.0
#
# rules.h for the C side, from the catalog (with catalog.awk): an enum of
# every rule of lib/assertions.txt (RULE_<name>) and of every condition of
# lib/conditions.txt (COND_<name>), and their tables' X-macros, so that a
# rule id is written once, in the catalog.
#   awk -v assertions=FILE -v conditions=FILE -f catalog.awk -f rules_h.awk

BEGIN {
	catalog_read(assertions)
	if (!catalog_error)
		conditions_read(conditions)
	if (catalog_error)
		exit 2
	print "/* Generated from lib/assertions.txt and lib/conditions.txt by mk/rules_h.awk. */"
	print "#ifndef RULES_H"
	print "#define RULES_H"
	print ""
	print "/* X(enum, id, name): every rule of lib/assertions.txt, in its order. */"
	print "#define RULE_TABLE(X) \\"
	for (i = 1; i <= nrules; i++)
		printf "\tX(RULE_%s, \"%s\", \"%s\") \\\n", cname(rule_name[rule_id[i]]), rule_id[i], rule_name[rule_id[i]]
	print ""
	print "/* X(enum, pattern): the tests each rule is checked by (\"-\": none), in order. */"
	print "#define RULE_TESTS_TABLE(X) \\"
	for (i = 1; i <= nrules; i++) {
		delete pat
		n = catalog_patterns(rule_tests[rule_id[i]], pat)
		for (k = 1; k <= n; k++)
			printf "\tX(RULE_%s, \"%s\") \\\n", cname(rule_name[rule_id[i]]), pat[k]
	}
	print ""
	print "/* X(enum, name): every condition of lib/conditions.txt, COND_NONE first. */"
	print "#define CONDITION_TABLE(X) \\"
	print "\tX(COND_NONE, \"\") \\"
	for (i = 1; i <= nconds; i++) {
		c = cond_name[i]
		if (c in seen)
			continue
		seen[c] = 1
		printf "\tX(COND_%s, \"%s\") \\\n", cname(c), c
	}
	print ""
	print "/* X(rule enum, condition enum): each pair lib/conditions.txt declares. */"
	print "#define RULE_CONDITION_TABLE(X) \\"
	for (i = 1; i <= nconds; i++)
		printf "\tX(RULE_%s, COND_%s) \\\n", cname(rule_name[cond_rule[i]]), cname(cond_name[i])
	print ""
	print "#define RULE_ENUM_(e, id, name) e,"
	print "#define CONDITION_ENUM_(e, name) e,"
	print "enum rule { RULE_TABLE(RULE_ENUM_) NR_RULES };"
	print "enum condition { CONDITION_TABLE(CONDITION_ENUM_) NR_CONDITIONS };"
	print "#undef RULE_ENUM_"
	print "#undef CONDITION_ENUM_"
	print ""
	print "#endif /* RULES_H */"
}
