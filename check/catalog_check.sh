#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# catalog_check.sh CATALOG NAMES...: every "checked by" pattern of the
# assertion catalog, and of the conditions beside it (conditions.txt),
# names a test that exists (NAMES: tap_check.py's names.txt files from real
# runs), and every condition's rule is in the catalog.  Prints the patterns
# that match nothing.
set -u
[ $# -ge 2 ] || { echo "usage: catalog_check.sh CATALOG NAMES..." >&2; exit 2; }
catalog=$1
shift
conditions=$(dirname "$catalog")/conditions.txt
[ -r "$conditions" ] || { echo "catalog_check.sh: no $conditions" >&2; exit 2; }
cat "$@" | awk -v catalog="$catalog" -v conditions="$conditions" '
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
	while ((getline line < catalog) > 0) {
		if (line ~ /^[ \t]*(#|$)/)
			continue
		split(line, f, "|")
		id = f[1]; gsub(/[ \t]/, "", id)
		rules[id] = 1
		check(id, f[5])
	}
	while ((getline line < conditions) > 0) {
		if (line ~ /^[ \t]*(#|$)/)
			continue
		split(line, f, "|")
		id = f[1]; gsub(/[ \t]/, "", id)
		cond = f[2]; gsub(/[ \t]/, "", cond)
		if (!(id in rules)) { printf "%s %s: no such rule in the catalog\n", id, cond; bad = 1 }
		check(id " " cond, f[3])
	}
	exit bad
}'
