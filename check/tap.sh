# SPDX-License-Identifier: GPL-2.0
#
# tap.sh, sourced by the project's own test scripts (check.sh,
# tools_test.sh, emuhost/board.sh): "t STATUS TEXT" prints one TAP result
# and counts it in $n, a failure also in $failed; a t_failed function, if
# the script has one, runs after each failure (to show what went wrong).
n=0
failed=0

t() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
		return
	fi
	echo "not ok $n - $2"
	failed=$((failed + 1))
	if command -v t_failed > /dev/null 2>&1; then
		t_failed
	fi
}
