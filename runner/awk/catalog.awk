# SPDX-License-Identifier: GPL-2.0
#
# The catalog's two files, read the one way every tool reads them:
#   lib/assertions.txt  id | rule | kind | source | checked by | statement
#   lib/conditions.txt  id | condition | checked by | statement
#   lib/features.txt    token | host fact | claimed when | what the host lacks
# catalog_read(FILE) fills rule_id[1..nrules], and by id rule_name[],
# rule_kind[], rule_source[], rule_tests[], rule_text[]; conditions_read(FILE) fills cond_rule[],
# cond_name[], cond_tests[], cond_text[] (1..nconds) and cond_declared[id,
# condition]; features_read(FILE) fills feature_token[1..nfeatures], and by
# token feature_fact[], feature_claimed[], feature_text[].  A malformed line is an error naming it (catalog_bad).
# catalog_patterns() splits a "checked by" list into its patterns;
# glob2re() turns a test-name pattern (* and ?) into a regex; cname() a
# name into the C identifier the generated headers give it.

function catalog_field(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }

function catalog_bad(file, n, msg) {
	printf "%s:%d: %s\n", file, n, msg | "cat 1>&2"
	catalog_error = 1
}

# The next table line of file (comments and blank lines skipped) split on
# "|" into f[1..nf], fields trimmed; 0 at the end.  catalog_line is its
# line number; a line of fewer than want fields is an error (wanted).
function catalog_next(file, f, want, wanted,    line, n, i) {
	while ((getline line < file) > 0) {
		catalog_line++
		if (line ~ /^[ \t]*(#|$)/)
			continue
		n = split(line, f, "|")
		for (i = 1; i <= n; i++)
			f[i] = catalog_field(f[i])
		if (n >= want)
			return 1
		catalog_bad(file, catalog_line, "want \"" wanted "\"")
	}
	close(file)
	catalog_line = 0
	return 0
}

function catalog_read(file,    f, id) {
	while (catalog_next(file, f, 6, "id | rule | kind | source | checked by | statement")) {
		id = f[1]
		if (id !~ /^[ACDGUV][0-9][0-9]$/ || id in rule_name) {
			catalog_bad(file, catalog_line, "bad or repeated id \"" id "\"")
			continue
		}
		rule_id[++nrules] = id
		rule_name[id] = f[2]; rule_kind[id] = f[3]; rule_tests[id] = f[5]
		rule_source[id] = f[4]; rule_text[id] = f[6]
		if (f[2] !~ /^[A-Z0-9-]+$/)
			catalog_bad(file, catalog_line, "bad rule name \"" f[2] "\"")
	}
	if (!nrules && !catalog_error)
		catalog_bad(file, 0, "no rules")
}

function conditions_read(file,    f, id, c) {
	while (catalog_next(file, f, 4, "id | condition | checked by | statement")) {
		id = f[1]; c = f[2]
		if (!(id in rule_name))
			catalog_bad(file, catalog_line, id " " c ": no such rule in the catalog")
		else if (c !~ /^[a-z0-9-]+$/ || (id, c) in cond_declared)
			catalog_bad(file, catalog_line, "bad or repeated condition \"" c "\" of " id)
		else {
			cond_declared[id, c] = 1
			nconds++
			cond_rule[nconds] = id; cond_name[nconds] = c
			cond_tests[nconds] = f[3]; cond_text[nconds] = f[4]
		}
	}
}

function features_read(file,    f, t) {
	while (catalog_next(file, f, 4, "token | host fact | claimed when | what the host lacks")) {
		t = f[1]
		if (t !~ /^[a-z][a-z0-9-]*$/ || t in feature_fact)
			catalog_bad(file, catalog_line, "bad or repeated feature token \"" t "\"")
		else if (f[2] !~ /^(-|[a-z0-9_]+(\+[a-z0-9_]+)*)$/)
			catalog_bad(file, catalog_line, t ": bad host fact \"" f[2] "\"")
		else if (f[3] !~ /^([0-9]+|set|always|never)$/)
			catalog_bad(file, catalog_line, t ": \"claimed when\" is a number, set, always or never, not \"" f[3] "\"")
		else if ((f[2] == "-") != (f[3] == "never" || f[3] == "always"))
			catalog_bad(file, catalog_line, t ": a feature without a host fact is claimed always or never, one with a fact by it")
		else {
			feature_token[++nfeatures] = t
			feature_fact[t] = f[2]; feature_claimed[t] = f[3]; feature_text[t] = f[4]
		}
	}
	if (!nfeatures && !catalog_error)
		catalog_bad(file, 0, "no features")
}

# The test-name patterns of a "checked by" list (comma-separated globs;
# "-" for none) into pats[1..n], trimmed; returns n.
function catalog_patterns(list, pats,    all, i, k, p) {
	k = 0
	split(list, all, ",")
	for (i = 1; i in all; i++) {
		p = all[i]; gsub(/[ \t]/, "", p)
		if (p != "" && p != "-")
			pats[++k] = p
	}
	return k
}

# A catalog name as C spells it: "vgic-v2" -> "VGIC_V2".
function cname(s) { s = toupper(s); gsub(/-/, "_", s); return s }

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
