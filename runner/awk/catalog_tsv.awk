# SPDX-License-Identifier: GPL-2.0
#
# The catalog as catalog.awk reads it, for the tools in other languages
# (report/html.py): one line per rule, tab-separated, id, rule, kind,
# source, checked by, statement; a malformed catalog is an error naming
# its line and exit 2.
#   awk -v catalog=FILE -f catalog.awk -f catalog_tsv.awk

BEGIN {
	catalog_read(catalog)
	if (catalog_error)
		exit 2
	for (i = 1; i <= nrules; i++) {
		id = rule_id[i]
		printf "%s\t%s\t%s\t%s\t%s\t%s\n", id, rule_name[id], rule_kind[id], \
		       rule_source[id], rule_tests[id], rule_text[id]
	}
}
