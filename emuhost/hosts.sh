#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# hosts.sh list              the emulated host configurations
# hosts.sh show NAME         "kernel gic mode cpu cmdline" of one
set -eu
table=$(dirname "$0")/hosts

case "${1:-}" in
list)
	echo "Emulated host configurations (make run_tests HOST=<name>):"
	grep -v '^#' "$table" | awk 'NF { printf "  %-22s kernel %-5s GICv%s  %-9s -cpu %s\n", $1, $2, $3, $4, $5 }'
	;;
show)
	[ $# -eq 2 ] || { echo "usage: hosts.sh show NAME" >&2; exit 2; }
	line=$(grep -v '^#' "$table" | awk -v n="$2" '$1 == n { print $2, $3, $4, $5, $6 }')
	[ -n "$line" ] || { echo "hosts.sh: unknown host configuration '$2' (make hosts lists them)" >&2; exit 2; }
	echo "$line"
	;;
*)
	echo "usage: hosts.sh list | show NAME" >&2
	exit 2
	;;
esac
