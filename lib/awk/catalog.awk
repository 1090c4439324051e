# SPDX-License-Identifier: GPL-2.0
#
# The catalog's two files, read the one way every tool reads them:
#   lib/assertions.txt  id | rule | kind | source | checked by | statement
#   lib/conditions.txt  id | condition | checked by | statement
# catalog_read(FILE) fills rule_id[1..nrules], and by id rule_name[],
# rule_kind[], rule_tests[]; conditions_read(FILE) fills cond_rule[],
# cond_name[], cond_tests[], cond_text[] (1..nconds) and cond_declared[id,
# condition].  A malformed line is an error naming it (catalog_bad).
# glob2re() turns a test-name pattern (* and ?) into a regex.

function catalog_field(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }

function catalog_bad(file, n, msg) {
	printf "%s:%d: %s\n", file, n, msg | "cat 1>&2"
	catalog_error = 1
}

function catalog_read(file,    line, n, f, id) {
	while ((getline line < file) > 0) {
		n++
		if (line ~ /^[ \t]*(#|$)/)
			continue
		if (split(line, f, "|") < 6) {
			catalog_bad(file, n, "want \"id | rule | kind | source | checked by | statement\"")
			continue
		}
		id = catalog_field(f[1])
		if (id !~ /^[ACDU][0-9][0-9]$/ || id in rule_name) {
			catalog_bad(file, n, "bad or repeated id \"" id "\"")
			continue
		}
		rule_id[++nrules] = id
		rule_name[id] = catalog_field(f[2])
		rule_kind[id] = catalog_field(f[3])
		rule_tests[id] = catalog_field(f[5])
		if (rule_name[id] !~ /^[A-Z0-9-]+$/)
			catalog_bad(file, n, "bad rule name \"" rule_name[id] "\"")
	}
	close(file)
	if (!nrules)
		catalog_bad(file, 0, "no rules")
}

function conditions_read(file,    line, n, f, id, c) {
	while ((getline line < file) > 0) {
		n++
		if (line ~ /^[ \t]*(#|$)/)
			continue
		if (split(line, f, "|") < 4) {
			catalog_bad(file, n, "want \"id | condition | checked by | statement\"")
			continue
		}
		id = catalog_field(f[1]); c = catalog_field(f[2])
		if (!(id in rule_name)) {
			catalog_bad(file, n, id " " c ": no such rule in the catalog")
			continue
		}
		if (c !~ /^[a-z0-9-]+$/ || (id, c) in cond_declared) {
			catalog_bad(file, n, "bad or repeated condition \"" c "\" of " id)
			continue
		}
		cond_declared[id, c] = 1
		nconds++
		cond_rule[nconds] = id; cond_name[nconds] = c
		cond_tests[nconds] = catalog_field(f[3]); cond_text[nconds] = catalog_field(f[4])
	}
	close(file)
}

function glob2re(p,    r, i, c) {
	r = "^"
	for (i = 1; i <= length(p); i++) {
		c = substr(p, i, 1)
		if (c == "*") r = r ".*"
		else if (c == "?") r = r "."
		else if (index(".[]()+^$|\\{}", c)) r = r "\\" c
		else r = r c
	}
	return r "$"
}
