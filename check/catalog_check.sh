#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# catalog_check.sh CATALOG NAMES...: every "checked by" pattern of the
# assertion catalog names a test that exists (NAMES: tap_check.py's
# names.txt files from real runs).  Prints the patterns that match nothing.
set -u
[ $# -ge 2 ] || { echo "usage: catalog_check.sh CATALOG NAMES..." >&2; exit 2; }
catalog=$1
shift
cat "$@" | awk -v catalog="$catalog" '
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
END {
	while ((getline line < catalog) > 0) {
		if (line ~ /^[ \t]*(#|$)/)
			continue
		split(line, f, "|")
		id = f[1]; gsub(/[ \t]/, "", id)
		n = split(f[5], pats, ",")
		for (i = 1; i <= n; i++) {
			p = pats[i]; gsub(/[ \t]/, "", p)
			if (p == "" || p == "-")
				continue
			re = glob2re(p); hit = 0
			for (k in known)
				if (k ~ re) { hit = 1; break }
			if (!hit) { printf "%s: \"%s\" names no test\n", id, p; bad = 1 }
		}
	}
	exit bad
}'
