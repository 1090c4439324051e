# SPDX-License-Identifier: GPL-2.0
#
# lib/variants.txt, read the one way every tool reads it (with
# catalog.awk): variants_read(FILE) fills variant_name[1..nvariants] and,
# by name, variant_values[] (space separated, the documents' first).
# variant_value_ok(name, value): whether the table knows that value.

function variants_read(file,    f, i, n, v) {
	while (catalog_next(file, f, 3, "name | values | what it decides")) {
		if (f[1] !~ /^[a-z0-9-]+$/ || f[1] in variant_values) {
			catalog_bad(file, catalog_line, "bad or repeated variant \"" f[1] "\"")
			continue
		}
		n = split(f[2], v, /[ \t]*,[ \t]*/)
		for (i = 1; i <= n; i++)
			if (v[i] !~ /^[a-z0-9-]+$/)
				catalog_bad(file, catalog_line, "bad value \"" v[i] "\" of " f[1])
		variant_name[++nvariants] = f[1]
		variant_values[f[1]] = ""
		for (i = 1; i <= n; i++)
			variant_values[f[1]] = variant_values[f[1]] (i > 1 ? " " : "") v[i]
	}
}

function variant_value_ok(name, value) {
	return (name in variant_values) && index(" " variant_values[name] " ", " " value " ")
}
