# SPDX-License-Identifier: GPL-2.0
#
# transitions.h for the models, from lib/transitions.txt: per model an enum
# of its transitions (<MODEL>_T_<id>, NR_<MODEL>_TRANSITIONS) and the list
# of their names (<MODEL>_TRANSITION_NAMES), so that a transition is
# written once.  A malformed line, an unknown model or a repeated id or
# name stops the build.
#   awk -f transitions_h.awk lib/transitions.txt

function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
function fail(why) {
	printf "%s:%d: %s\n", FILENAME, FNR, why > "/dev/stderr"
	bad = 1
	exit 2
}

BEGIN {
	FS = "|"
	nmodels = split("cpu ui vgic", model, " ")
	for (i = 1; i <= nmodels; i++)
		known[model[i]] = 1
}
/^#/ || /^[ \t]*$/ { next }
{
	if (NF != 4)
		fail("want 'model | id | name | what fired', got " NF " fields")
	m = trim($1); id = trim($2); name = trim($3)
	if (!(m in known))
		fail("unknown model '" m "' (cpu, ui, vgic)")
	if (id !~ /^[A-Z][A-Z0-9_]*$/ || name !~ /^[a-z0-9][a-z0-9-]*$/ || trim($4) == "")
		fail("bad id '" id "' or name '" name "', or nothing under 'what fired'")
	if ((m, id) in seen_id || (m, name) in seen_name)
		fail("'" id "' or '" name "' twice for " m)
	seen_id[m, id] = seen_name[m, name] = 1
	n[m]++
	ids[m, n[m]] = id
	names[m, n[m]] = name
}
END {
	if (bad)
		exit 2
	print "/* Generated from lib/transitions.txt by mk/transitions_h.awk. */"
	print "#ifndef TRANSITIONS_H"
	print "#define TRANSITIONS_H"
	for (i = 1; i <= nmodels; i++) {
		m = model[i]; M = toupper(m)
		if (!n[m]) {
			printf "lib/transitions.txt: no transitions for %s\n", m > "/dev/stderr"
			exit 2
		}
		printf "\nenum %s_transition {\n", m
		for (j = 1; j <= n[m]; j++)
			printf "\t%s_T_%s,\n", M, ids[m, j]
		printf "\tNR_%s_TRANSITIONS\n};\n\n#define %s_TRANSITION_NAMES { \\\n", M, M
		for (j = 1; j <= n[m]; j++)
			printf "\t\"%s\", \\\n", names[m, j]
		print "}"
	}
	print "\n#endif /* TRANSITIONS_H */"
}
