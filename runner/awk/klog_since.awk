# SPDX-License-Identifier: GPL-2.0
#
# The kernel log (dmesg on stdin), marked: without since, print the mark
# of the log now, "<last timestamp> <lines>"; with since=MARK, the lines
# logged after it.  New lines are told by their timestamps (a full ring
# buffer keeps its length), by their count where the log has none.
#   dmesg | awk [-v since=MARK] -f klog_since.awk
function stamp(line) { sub(/^\[ */, "", line); sub(/\].*/, "", line); return line }
BEGIN {
	split(since, m, " ")
	ts = m[1]; n = m[2]
}
/^\[ *[0-9]+\.[0-9]+\]/ {
	last = stamp($0)
	new = ts == "-" ? NR > n : last + 0 > ts + 0
}
!/^\[ *[0-9]+\.[0-9]+\]/ && ts == "-" { new = NR > n }
since != "" && new
END {
	if (since == "")
		printf "%s %d\n", last == "" ? "-" : last, NR
}
