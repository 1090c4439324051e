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
top=$(cd "$(dirname "$0")/.." && pwd)
cat "$@" | awk -v catalog="$catalog" -v conditions="$conditions" \
	-f "$top/lib/awk/catalog.awk" -f "$top/check/catalog_check.awk"
