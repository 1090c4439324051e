# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the emulated host's scripts (which set prog and define
# usage()): die(), and their options, all of the form --NAME VALUE.
#   parse_opts "host runs=nr_runs ..." "$@"
# sets the variable of each --NAME given (NAME, or the one after "="; a
# "-" in NAME is "_" in the variable); a NAME ending in "!" is a flag,
# --NAME without a value, which sets the variable to 1; -h/--help runs usage.  An unknown
# option, or one without a value, is one line naming it and exit 2.

die() {
	echo "$prog: $*" >&2
	exit 2
}

parse_opts() {
	_opts=$1
	shift
	while [ $# -gt 0 ]; do
		case "$1" in
		-h|--help) usage; exit 0 ;;
		--*) ;;
		*) die "unknown option '$1' (see --help)" ;;
		esac
		_var=
		for _o in $_opts; do
			case "$_o" in
			"${1#--}!")
				eval "$(echo "${_o%!}" | tr - _)=1"
				_var=-
				;;
			"${1#--}") _var=$(echo "$_o" | tr - _) ;;
			"${1#--}"=*) _var=${_o#*=} ;;
			esac
		done
		[ -n "$_var" ] || die "unknown option '$1' (see --help)"
		[ "$_var" = - ] && { shift; continue; }
		[ $# -ge 2 ] && [ -n "$2" ] || die "option $1 needs a value"
		eval "$_var=\$2"
		shift 2
	done
}
