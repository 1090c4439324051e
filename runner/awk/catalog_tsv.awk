# SPDX-License-Identifier: GPL-2.0
#
# A table of the catalog as catalog.awk reads it, for the tools that are
# not awk, one line per entry, fields joined by sep (default a tab); a
# malformed table is an error naming its line, and exit 2.
#   awk -v catalog=FILE [-v sep=S] -f catalog.awk -f catalog_tsv.awk
#       the rules: id, rule, kind, source, checked by, statement
#       (report/html.py);
#   awk -v features=FILE [-v sep=S] -f catalog.awk -f catalog_tsv.awk
#       the features: token, host fact, claimed when (run_tests.sh).

BEGIN {
	if (sep == "")
		sep = "\t"
	if (features != "") {
		features_read(features)
		for (i = 1; i <= nfeatures; i++) {
			t = feature_token[i]
			row[i] = join3(t, feature_fact[t], feature_claimed[t])
		}
		n = nfeatures
	} else {
		catalog_read(catalog)
		for (i = 1; i <= nrules; i++) {
			id = rule_id[i]
			row[i] = join3(id, rule_name[id], rule_kind[id]) sep rule_source[id] sep \
				 rule_tests[id] sep rule_text[id]
		}
		n = nrules
	}
	if (catalog_error)
		exit 2
	for (i = 1; i <= n; i++)
		print row[i]
}

function join3(a, b, c) { return a sep b sep c }
