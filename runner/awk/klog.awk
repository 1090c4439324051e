# SPDX-License-Identifier: GPL-2.0
#
# The bad lines a binary's run logged (stdin), each keyed ("WARNING:<fn>",
# else its first words), against the klog pins of the expected/ table:
# "# klog:" for a pinned key, "# unexpected:" for any other.  Exits 0 if
# any was unexpected.
#   awk -v bin=B -v expf=F -f klog.awk LINES
BEGIN {
	FS = "\t"
	while ((getline line < expf) > 0) {
		split(line, e, "\t")
		if (e[2] == "klog" && bin ~ e[1]) { pin[e[3]] = e[4] " (" e[5] ")" }
	}
	FS = " "
}
{
	key = $0
	if (match(key, /WARNING: .* at [^ ]+ [A-Za-z0-9_.]+\+0x/)) {
		key = substr(key, RSTART, RLENGTH - 3)
		sub(/.* /, "", key)
		key = "WARNING:" key
	} else {
		sub(/^\[ *[0-9.]+\] */, "", key)
		n = split(key, w, " ")
		key = w[1] (n > 1 ? "_" w[2] : "") (n > 2 ? "_" w[3] : "")
	}
	if (seen[key]++)
		next
	if (key in pin)
		printf "# klog: %s: %s as pinned: %s\n", bin, key, pin[key]
	else {
		printf "# unexpected: %s: the host kernel logged during its run (%s): %s\n", bin, key, $0
		unexpected = 1
	}
}
END { exit unexpected ? 0 : 1 }
