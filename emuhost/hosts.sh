#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# hosts.sh list              the emulated host configurations
# hosts.sh names             their names, one per line
# hosts.sh show NAME         "kernel gic mode cpu cmdline" of one
# hosts.sh machine           "SMP MEM": every emulated host's vcpus and
#                            memory in MiB (the environment's SMP and MEM
#                            if set)
# hosts.sh require GIC       the features (run_tests.sh --require) every
#                            emulated host of that GIC version has: a
#                            test that skips for lack of one has lost it
# hosts.sh unavailable       the configurations that cannot exist:
#                            "name<TAB>evidence<TAB>why", one per line
set -eu
table=$(dirname "$0")/hosts

configs() {
	grep -v '^[#!]' "$table" | awk 'NF'
}

case "${1:-}" in
list)
	echo "Emulated host configurations (make run_tests HOST=<name>):"
	configs | awk '{ printf "  %-22s kernel %-8s GICv%s  %-9s -cpu %s\n", $1, $2, $3, $4, $5 }'
	;;
names)
	configs | awk '{ print $1 }'
	;;
show)
	[ $# -eq 2 ] || { echo "usage: hosts.sh show NAME" >&2; exit 2; }
	line=$(configs | awk -v n="$2" '$1 == n { print $2, $3, $4, $5, $6 }')
	if [ -z "$line" ]; then
		why=$("$0" unavailable | awk -F'\t' -v n="$2" '$1 == n { print $3 }')
		[ -z "$why" ] || { echo "hosts.sh: $2 cannot exist: $why" >&2; exit 2; }
		echo "hosts.sh: unknown host configuration '$2' (make hosts lists them)" >&2
		exit 2
	fi
	echo "$line"
	;;
machine)
	echo "${SMP:-2} ${MEM:-2048}"
	;;
require)
	case "${2:-}" in
	3) echo vgic-v3,its,pmu,user-irq,large-vms ;;
	2) echo vgic-v2,pmu,user-irq ;;
	*) echo "hosts.sh: require needs a GIC version, 2 or 3, not '${2:-}'" >&2; exit 2 ;;
	esac
	;;
unavailable)
	sed -n 's/^!//p' "$table" | awk '{
		why = $0
		sub(/^[^ \t]+[ \t]+[^ \t]+[ \t]+/, "", why)
		printf "%s\t%s\t%s\n", $1, $2, why
	}'
	;;
*)
	echo "usage: hosts.sh list | names | show NAME | machine | require GIC | unavailable" >&2
	exit 2
	;;
esac
