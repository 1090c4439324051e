#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# catalog_check.sh CATALOG NAMES...: the catalog and the tests agree, both
# ways, from what real runs reported (NAMES: tap_check.py's names.txt
# files; each binary's TAP, <binary>.tap, beside them):
#   - every "checked by" pattern of a rule, and of a condition
#     (conditions.txt beside the catalog), names a test that ran, and one
#     of those tests reported that rule (under that condition) in its
#     "# assert:" lines, unless every test it names skipped;
#   - every rule a test reported is one whose "checked by" names that
#     test, and every condition it reported one the catalog declares for
#     that rule with a pattern that names the test.
# Prints what disagrees; exit status 1 if anything does.
set -u
[ $# -ge 2 ] || { echo "usage: catalog_check.sh CATALOG NAMES..." >&2; exit 2; }
catalog=$1
shift
conditions=$(dirname "$catalog")/conditions.txt
[ -r "$conditions" ] || { echo "catalog_check.sh: no $conditions" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
{
	for n in "$@"; do
		sed 's/^/name /' "$n"
		for tap in "$(dirname "$n")"/*.tap; do
			[ -r "$tap" ] || continue
			awk '/^#  RUN  / { t = $3 }
			     /^# assert: / && t != "" {
				c = "-"
				for (i = 4; i <= NF; i++) if ($i ~ /^condition=/) c = substr($i, 11)
				print "assert", t, $3, c
			     }' "$tap"
		done
	done
} | awk -v catalog="$catalog" -v conditions="$conditions" \
	-f "$top/runner/awk/catalog.awk" -f "$top/check/catalog_check.awk"
