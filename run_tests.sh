#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run_tests.sh: run the suite's test binaries on this arm64 KVM host, nest
# each binary's TAP as the kselftest runner does, and compare every test's
# result with expected/ for this host (kernel version, GIC, KVM mode).
# POSIX sh: runs unchanged under busybox ash and on arm64 distros.
#
# Exit status: 0 when every result is what expected/ says, 1 otherwise,
# 2 for bad input (options, expected files).
set -u

prog=run_tests.sh
here=$(cd "$(dirname "$0")" && pwd)
bindir=
expdir=$here/expected
catalog=$here/lib/assertions.txt
select=
kver=
gic=${KVM_IRQ_HOST_GIC:-}
mode=${KVM_IRQ_HOST_MODE:-}
cpus=${KVM_IRQ_HOST_CPUS:-}
timeout=1800
list_only=
require_pinned=
require=
large_vms=sample

die() {
	echo "$prog: $*" >&2
	exit 2
}

usage() {
	cat <<EOF
usage: $prog [options]
  --bindir DIR      test binaries (default: ./tests or ./build/tests beside this script)
  --expected DIR    expected results (default: expected/ beside this script)
  --catalog FILE    the assertion catalog (default: lib/assertions.txt beside this script)
  --tests "A B"     run only these binaries
  --kernel X.Y      kernel version for expected/ (default: from uname -r)
  --gic 2|3         host GIC; also promised to the tests (default: detected)
  --mode vhe|nvhe|protected
                    KVM mode; also promised to the tests (default: detected)
  --cpus N          host CPUs promised to the tests
  --timeout SECS    per binary (default: $timeout)
  --require LIST    features this host must have, comma separated (vgic-v2,
                    vgic-v3,its,pmu,user-irq,large-vms: VMs of 257 vcpus):
                    a test that skips for lack of one is unexpected,
                    whatever expected/ allows
  --large-vms sample|full
                    live_large: run a sample of 11 vcpus of a 257-vcpu VM
                    (default), or every vcpu of the largest VM
                    KVM_CAP_MAX_VCPUS allows (512 vcpus: 35 s on
                    the emulated host)
  --require-pinned  a behaviour expected/ does not pin for this kernel is
                    unexpected (default: counted apart as unpinned)
  --list            print every known test name and exit
EOF
}

need_arg() {
	[ $# -ge 2 ] && [ -n "$2" ] || die "option $1 needs a value"
}

while [ $# -gt 0 ]; do
	case "$1" in
	--bindir) need_arg "$@"; bindir=$2; shift ;;
	--expected) need_arg "$@"; expdir=$2; shift ;;
	--catalog) need_arg "$@"; catalog=$2; shift ;;
	--tests) need_arg "$@"; select=$2; shift ;;
	--kernel) need_arg "$@"; kver=$2; shift ;;
	--gic) need_arg "$@"; gic=$2; shift ;;
	--mode) need_arg "$@"; mode=$2; shift ;;
	--cpus) need_arg "$@"; cpus=$2; shift ;;
	--timeout) need_arg "$@"; timeout=$2; shift ;;
	--list) list_only=1 ;;
	--require-pinned) require_pinned=1 ;;
	--require) need_arg "$@"; require=$2; shift ;;
	--large-vms) need_arg "$@"; large_vms=$2; shift ;;
	-h|--help) usage; exit 0 ;;
	*) die "unknown option '$1' (see --help)" ;;
	esac
	shift
done

case "$gic" in ''|2|3) ;; *) die "--gic must be 2 or 3, not '$gic'" ;; esac
case "$mode" in ''|vhe|nvhe|protected) ;; *) die "--mode must be vhe, nvhe or protected, not '$mode'" ;; esac
case "$timeout" in ''|*[!0-9]*) die "--timeout must be a number of seconds, not '$timeout'" ;; esac
case "$cpus" in *[!0-9]*) die "--cpus must be a number, not '$cpus'" ;; esac
case "$large_vms" in sample|full) ;; *) die "--large-vms must be sample or full, not '$large_vms'" ;; esac
export KVM_IRQ_LARGE_VMS=$large_vms
# The skip reason of each feature (lib/host.c, lib/vgic_probe.c).
required_reasons=
for f in $(echo "$require" | tr ',' ' '); do
	case "$f" in
	vgic-v2) r='cannot create vgic-v2' ;;
	vgic-v3) r='cannot create vgic-v3' ;;
	its) r='cannot create a vgic ITS' ;;
	pmu) r='KVM_CAP_ARM_PMU_V3' ;;
	user-irq) r='KVM_CAP_ARM_USER_IRQ' ;;
	large-vms) r='KVM_CAP_MAX_VCPUS is' ;;
	*) die "--require: unknown feature '$f' (vgic-v2, vgic-v3, its, pmu, user-irq, large-vms)" ;;
	esac
	required_reasons="$required_reasons$r|$f
"
done

if [ -z "$bindir" ]; then
	for d in "$here/tests" "$here/build/tests"; do
		[ -d "$d" ] && ls "$d" | grep -qv '\.' && bindir=$d && break
	done
	[ -n "$bindir" ] || die "no test binaries beside this script: build them (make) or pass --bindir"
fi
[ -d "$bindir" ] || die "--bindir $bindir: no such directory"
[ -d "$expdir" ] || die "--expected $expdir: no such directory"
bindir=$(cd "$bindir" && pwd)

# The test binaries: executables without a dot in their name.
all_bins=
for f in "$bindir"/*; do
	case "${f##*/}" in *.*) continue ;; esac
	[ -f "$f" ] && [ -x "$f" ] && all_bins="$all_bins ${f##*/}"
done
[ -n "$all_bins" ] || die "no test binaries in $bindir"

bins=$all_bins
if [ -n "$select" ]; then
	for b in $select; do
		case " $all_bins " in *" $b "*) ;; *) die "unknown test '$b' (have:$all_bins)" ;; esac
	done
	bins=$select
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq.XXXXXX") || die "cannot make a temporary directory"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Every test name, from each binary's --list: expected/ may name only these.
: > "$work/names"
for b in $all_bins; do
	if ! "$bindir/$b" --list > "$work/$b.names" 2> "$work/$b.listerr"; then
		die "$bindir/$b --list failed: $(head -n 1 "$work/$b.listerr")"
	fi
	cat "$work/$b.names" >> "$work/names"
done

if [ -n "$list_only" ]; then
	cat "$work/names"
	exit 0
fi

# --- which host this is -----------------------------------------------------
[ -n "$kver" ] || kver=$(uname -r | sed -n 's/^\([0-9]*\.[0-9]*\).*/\1/p')
case "$kver" in [0-9]*.[0-9]*) ;; *) die "--kernel must look like 6.12, not '$kver'" ;; esac
detected_gic=$gic
if [ -z "$detected_gic" ] && [ -r /proc/interrupts ]; then
	if grep -q GICv3 /proc/interrupts; then
		detected_gic=3
	elif grep -q 'GIC-' /proc/interrupts; then
		detected_gic=2
	fi
fi
detected_mode=$mode
if [ -z "$detected_mode" ]; then
	# arch/arm64/kvm/arm.c: "VHE mode", "Hyp [nh]VHE mode" (nvhe),
	# "Protected [nh]VHE mode" ... "initialized successfully".
	banner=$(dmesg 2>/dev/null | grep -m 1 'mode initialized successfully')
	case "$banner" in
	*Protected*) detected_mode=protected ;;
	*Hyp*) detected_mode=nvhe ;;
	*"VHE mode"*) detected_mode=vhe ;;
	esac
fi

# --- expected/ ----------------------------------------------------------------
# Applied in this order; a later file's entry overrides an earlier one's.
# What a GIC or a mode lacks (a skip) outranks what a kernel version does.
g=gicv${detected_gic:-?}
m=${detected_mode:-?}
exp_files=
for name in all "$kver" "$g" "$m" "$kver-$g" "$kver-$m" "$kver-$g-$m"; do
	case "$name" in *'?'*) continue ;; esac
	[ -f "$expdir/$name" ] && exp_files="$exp_files $expdir/$name"
done

# One table: regex <TAB> verdict <TAB> reason <TAB> where, later wins.
# Malformed lines and names that match no test are errors, found before
# anything is printed.
echo $all_bins | tr ' ' '\n' > "$work/binaries"
awk -v names="$work/names" -v binaries="$work/binaries" -v prog="$prog" '
function glob2re(p,    r, i, c) {
	r = "^"
	for (i = 1; i <= length(p); i++) {
		c = substr(p, i, 1)
		if (c == "*") r = r ".*"
		else if (c == "?") r = r "."
		else if (index(".[]()+^$|\\{}", c)) r = r "\\" c
		else r = r c
	}
	return r "$"
}
function fail(msg) {
	printf "%s: %s:%d: %s\n", prog, FILENAME, FNR, msg | "cat 1>&2"
	bad = 1
	exit 2
}
BEGIN {
	while ((getline n < names) > 0)
		known[n] = 1
	while ((getline n < binaries) > 0)
		binary[n] = 1
}
/^[ \t]*(#|$)/ { next }
# "limit NAME VALUE reason": a documented limit this kernel does not reach;
# the tests use VALUE instead (KVM_IRQ_LIMIT_<NAME>).
$1 == "limit" {
	if (NF < 4)
		fail("want \"limit <name> <value> <reason>\", got \"" $0 "\"")
	if ($2 != "nr_irqs")
		fail("unknown limit \"" $2 "\" (nr_irqs)")
	if ($3 !~ /^[0-9]+$/ || $3 < 64 || $3 >= 1024 || $3 % 32)
		fail("limit nr_irqs must be a multiple of 32 from 64 below the documented 1024, not \"" $3 "\"")
	reason = $0
	sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]*/, "", reason)
	printf "^$\tlimit\t%s=%s\t%s\t%s:%d\n", $2, $3, reason, FILENAME, FNR
	next
}
{
	name = $1; verdict = $2; value = "-"
	if (NF < 2)
		fail("want \"<test> <pass|skip|xfail|behaviour VALUE> <reason>\", got \"" $0 "\"")
	if (name !~ /^[A-Za-z0-9_.*?-]+$/)
		fail("bad test name \"" name "\"")
	if (verdict != "pass" && verdict != "skip" && verdict != "xfail" && verdict != "behaviour" && verdict != "klog")
		fail("unknown verdict \"" verdict "\" (pass, skip, xfail, behaviour or klog)")
	reason = $0
	sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]*/, "", reason)
	if (verdict == "behaviour" || verdict == "klog" || verdict == "xfail") {
		value = $3
		if (NF < 3)
			fail(verdict == "klog" ? "klog needs the log line'"'"'s key (WARNING:function)" : \
			     verdict == "xfail" ? "xfail needs the deviation the test shows (its \"# deviation:\" value)" : \
			     "behaviour needs the value the kernel shows")
		sub(/^[^ \t]+[ \t]*/, "", reason)
	}
	if (verdict != "pass" && reason == "")
		fail(verdict " needs a reason")
	re = glob2re(name); hit = 0
	# klog pins what the kernel logs during a binary: names a binary.
	if (verdict == "klog") {
		for (n in binary)
			if (n ~ re) { hit = 1; break }
		if (!hit)
			fail("unknown binary \"" name "\" (klog names a test binary)")
	} else {
		for (n in known)
			if (n ~ re) { hit = 1; break }
		if (!hit)
			fail("unknown test \"" name "\"")
	}
	printf "%s\t%s\t%s\t%s\t%s:%d\n", re, verdict, value, reason, FILENAME, FNR
}
END { if (bad) exit 2 }
' $exp_files < /dev/null > "$work/expected" || exit 2

# --- run ----------------------------------------------------------------------
# Promises to the tests (lib/host.c): only what was configured, not guessed.
export KVM_IRQ_HOST_GIC="$gic" KVM_IRQ_HOST_MODE="$mode" KVM_IRQ_HOST_CPUS="$cpus"
# Limits expected/ pins for this kernel, where it falls short of the
# documents: the tests size their VMs by them (a later file wins).
KVM_IRQ_LIMIT_NR_IRQS=$(awk -F'\t' '$2 == "limit" { split($3, kv, "="); v = kv[2] } END { print v }' "$work/expected")
export KVM_IRQ_LIMIT_NR_IRQS

nested() {
	while IFS= read -r line; do
		printf '# %s%s\n' "$1" "$line"
	done
}

# Compare one binary's results with expected/; prints the verdict lines and
# a last line "counts <pass> <xfail> <skip> <unexpected>".
compare() {
	awk -v bin="$1" -v rc="$2" -v tmo="$timeout" -v listf="$work/$1.names" -v strict="$require_pinned" \
	    -v required="$required_reasons" \
	    -v expf="$work/expected" '
	BEGIN {
		FS = "\t"
		while ((getline line < expf) > 0) {
			split(line, e, "\t")
			if (e[2] == "klog" || e[2] == "limit")
				continue
			ne++; ere[ne] = e[1]; ever[ne] = e[2]; eval[ne] = e[3]
			ewhy[ne] = e[4]; ewhere[ne] = e[5]
		}
		while ((getline line < listf) > 0)
			order[++nl] = line
		FS = " "
		nreq = split(required, req, "\n")
	}
	# The feature a skip reason says is missing, if it is a required one.
	function required_missing(why,    i, kv) {
		for (i = 1; i <= nreq; i++) {
			if (req[i] == "")
				continue
			split(req[i], kv, "|")
			if (index(why, kv[1]))
				return kv[2]
		}
		return ""
	}
	/^#  RUN  / { running = $3; next }
	/^# behaviour: / { if (running != "") behaviour[running] = $3; next }
	/^# deviation: / { if (running != "") deviation[running] = $3; next }
	/^(not )?ok [0-9]+/ {
		ok = $1 == "ok"
		num = ok ? $2 : $3
		rest = $0
		sub(/^(not )?ok [0-9]+ ?/, "", rest)
		skip = rest ~ /# [Ss][Kk][Ii][Pp]/
		why = rest
		if (skip) sub(/.*# [Ss][Kk][Ii][Pp] ?/, "", why); else why = ""
		name = rest
		sub(/ *#.*$/, "", name)
		if (name == "") name = running
		if (name == "") name = order[num + 0]
		got[name] = skip ? "skip" : ok ? "pass" : "fail"
		skipwhy[name] = why
		running = ""
		next
	}
	# What a test shows (a behaviour, a deviation) against the value
	# expected/ pins: as pinned it counts as AS, otherwise unexpected.
	function check_pin(n, what, seen, as) {
		if (seen == pinned) {
			count[as]++
			if (as == "pass")
				printf "# behaviour: %s = %s as pinned: %s\n", n, seen, because
			else
				printf "# xfail: %s = %s: %s\n", n, seen, because
			return
		}
		printf "# unexpected: %s: %s changed: pinned %s, observed %s (%s)\n", \
			n, what, pinned, seen == "" ? "nothing" : seen, because
		count["unexpected"]++
	}
	function expect(n,    i, v) {
		v = "pass"; because = ""; pinned = ""
		for (i = 1; i <= ne; i++)
			if (n ~ ere[i]) { v = ever[i]; pinned = eval[i]; because = ewhy[i] " (" ewhere[i] ")" }
		return v
	}
	END {
		for (i = 1; i <= nl; i++) {
			n = order[i]
			want = expect(n)
			have = (n in got) ? got[n] : "missing"
			seen = (n in behaviour) ? behaviour[n] : ""
			# A behaviour passes when the kernel still does what
			# expected/ pinned for it.
			if (want == "behaviour" && have == "pass") {
				check_pin(n, "behaviour", seen, "pass")
				continue
			}
			if (want == "behaviour")
				want = "pass (behaviour " pinned ")"
			# A behaviour no file pins for this kernel checks nothing:
			# it is counted apart, never as a pass.
			if (want == "pass" && have == "pass" && seen != "") {
				if (strict) {
					printf "# unexpected: %s: behaviour %s is not pinned for this kernel (--require-pinned)\n", n, seen
					count["unexpected"]++
				} else {
					printf "# unpinned: %s = %s (no expected/ file pins it for this kernel)\n", n, seen
					count["unpinned"]++
				}
				continue
			}
			# An xfail pins the deviation exactly: another set of
			# mismatches in the same test is a new deviation.
			if (want == "xfail" && have == "fail") {
				check_pin(n, "deviation", (n in deviation) ? deviation[n] : "", "xfail")
				continue
			}
			# "skip" says a feature may be absent: where it is
			# there after all, the test must pass.
			if (want == "skip" && have == "pass") {
				count["pass"]++
				printf "# note: %s passed where expected/ allows a skip\n", n
				continue
			}
			# A skip for lack of a feature the host must have (--require)
			# is a lost feature, whatever expected/ allows.
			if (have == "skip" && required_missing(skipwhy[n]) != "") {
				printf "# unexpected: %s: skipped, but this host must have %s (--require): %s\n", \
					n, required_missing(skipwhy[n]), skipwhy[n]
				count["unexpected"]++
				continue
			}
			if (want == have) {
				count[want]++
				if (want == "skip")
					printf "# skip: %s: %s\n", n, skipwhy[n]
				continue
			}
			printf "# unexpected: %s: expected %s, got %s%s\n", n, want, have, \
				have == "skip" ? " (" skipwhy[n] ")" : ""
			count["unexpected"]++
		}
		if (rc == 124 || rc == 137 || rc == 143) {
			printf "# unexpected: %s: killed after the %ss timeout\n", bin, tmo
			count["unexpected"]++
		} else if (rc != 0 && rc != 1 && rc != 4) {
			printf "# unexpected: %s: exited with status %s\n", bin, rc
			count["unexpected"]++
		}
		printf "counts %d %d %d %d %d\n", count["pass"], count["xfail"], \
			count["skip"], count["unexpected"], count["unpinned"]
	}' "$work/$1.tap"
}

# --- the host kernel's log ---------------------------------------------------
# A WARN, BUG, Oops, lockdep report, RCU stall, KASAN/UBSAN report or hung
# task logged while a binary ran fails that binary, whatever its results:
# the kernel broke.  New lines are told by their timestamps (a full ring
# buffer keeps its length), by their count where the log has none.
klog_bad='WARNING:|BUG:|Oops|Internal error:|Kernel panic|kernel BUG|Unable to handle kernel|rcu: INFO:|INFO: rcu_|rcu_.* detected stall|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|KASAN:|UBSAN:|blocked for more than|kvm.*bugged'
klog_readable=
dmesg > /dev/null 2>&1 && klog_readable=1

# klog_mark: "<last timestamp> <lines>" of the log now.
klog_mark() {
	dmesg 2>/dev/null | awk '
	/^\[ *[0-9]+\.[0-9]+\]/ { ts = $0; sub(/^\[ */, "", ts); sub(/\].*/, "", ts) }
	END { printf "%s %d\n", ts == "" ? "-" : ts, NR }'
}

# klog_since MARK: the lines logged after MARK.
klog_since() {
	dmesg 2>/dev/null | awk -v ts="${1%% *}" -v n="${1##* }" '
	/^\[ *[0-9]+\.[0-9]+\]/ {
		t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t)
		new = ts == "-" ? NR > n : t + 0 > ts + 0
	}
	!/^\[ *[0-9]+\.[0-9]+\]/ && ts == "-" { new = NR > n }
	new'
}

# klog_check BIN MARK: the verdict lines for what the kernel logged
# during BIN's run: nothing when it logged nothing bad.  Each bad line has
# a key, "WARNING:<function>" for a WARN, else its first words; expected/
# may pin a key for a binary ("klog KEY"): that line is then a known
# deviation of this kernel, and any other is unexpected.
klog_check() {
	klog_since "$2" > "$work/$1.klog"
	grep -E "$klog_bad" "$work/$1.klog" > "$work/$1.klogbad" || return 0
	awk -v bin="$1" -v expf="$work/expected" -v bad="$klog_bad" '
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
	END { exit unexpected ? 0 : 1 }' "$work/$1.klogbad" || return 0
	grep -E -A 7 -m 1 "$klog_bad" "$work/$1.klog" | sed 's/^/# klog: /'
}

nbins=$(echo $bins | wc -w)
echo "TAP version 13"
echo "1..$nbins"
echo "# kvm-irq: kernel $(uname -r), GIC ${detected_gic:-unknown}, KVM mode ${detected_mode:-unknown}"
echo "# kvm-irq: expected files:${exp_files:- none (every test expected to pass)}"
awk -F'\t' '$2 == "limit" { printf "# kvm-irq: limit %s as pinned: %s (%s)\n", $3, $4, $5 }' "$work/expected"
[ -n "$klog_readable" ] ||
	echo "# kvm-irq: the kernel log cannot be read here (dmesg failed; run as root): kernel warnings go unseen"

i=0
tpass=0 txfail=0 tskip=0 tbad=0 tunpinned=0
: > "$work/unexpected"
: > "$work/unpinned"
for b in $bins; do
	i=$((i + 1))
	echo "# selftests: kvm-irq: $b"
	start=$(date +%s)
	mark=$(klog_mark)
	# The exit status survives the pipe through a file; timeout(1) kills a
	# binary that hangs so that the run goes on.
	{ timeout -s KILL "$timeout" "$bindir/$b" 2> "$work/$b.err"
	  echo $? > "$work/$b.rc"; } | tee "$work/$b.tap" | nested ""
	nested "stderr: " < "$work/$b.err"
	rc=$(cat "$work/$b.rc")
	[ "$rc" = 137 ] && rc=124
	compare "$b" "$rc" > "$work/$b.verdict"
	[ -z "$klog_readable" ] || klog_check "$b" "$mark" > "$work/$b.klogv"
	grep -v '^counts ' "$work/$b.verdict"
	cat "$work/$b.klogv" 2>/dev/null
	grep -h '^# unexpected: ' "$work/$b.verdict" "$work/$b.klogv" 2>/dev/null >> "$work/unexpected"
	set -- $(grep '^counts ' "$work/$b.verdict")
	# What the kernel logged unpinned is one more unexpected result.
	grep -q '^# unexpected: ' "$work/$b.klogv" 2>/dev/null &&
		set -- counts "$2" "$3" "$4" $(($5 + 1)) "$6"
	tpass=$((tpass + $2)) txfail=$((txfail + $3)) tskip=$((tskip + $4)) tbad=$((tbad + $5))
	tunpinned=$((tunpinned + $6))
	grep '^# unpinned: ' "$work/$b.verdict" >> "$work/unpinned"
	echo "# tally: pass=$tpass xfail=$txfail skip=$tskip unexpected=$tbad unpinned=$tunpinned ($b took $(($(date +%s) - start))s)"
	if [ "$5" = 0 ]; then
		echo "ok $i selftests: kvm-irq: $b"
	else
		echo "not ok $i selftests: kvm-irq: $b"
	fi
done

# Per assertion: the results that checked it and the irq values they
# tried; the catalog's rules that nothing checked are uncovered.  Then per
# rule the conditions tried (lib/conditions.txt), and those not tried.
conditions=$(dirname "$catalog")/conditions.txt
cat "$work"/*.tap 2>/dev/null | awk -v catalog="$catalog" -v conditions="$conditions" '
function field(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
/^# assert: / {
	id = $3; rule[id] = $4
	split("", v)
	for (i = 5; i <= NF; i++) {
		split($i, kv, "=")
		v[kv[1]] = kv[2]
	}
	sum[id, "tried"] += v["tried"]
	sum[id, "mismatches"] += v["mismatches"]
	sum[id, "unspecified"] += v["unspecified"]
	results[id]++
	if ("condition" in v) {
		cond = v["condition"]
		cres[id, cond]++
		ctried[id, cond] += v["tried"]
		cwrong[id, cond] += v["mismatches"]
	}
}
END {
	print "# Assertion totals (results, values tried, mismatches, unspecified):"
	while ((getline line < catalog) > 0) {
		if (line ~ /^[ \t]*(#|$)/)
			continue
		split(line, f, "|")
		id = field(f[1]); name = field(f[2]); kind = field(f[3])
		listed[id] = 1
		names[id] = name
		if (id in results)
			printf "#   %s %-20s %-10s %4d results %10d tried %6d mismatches %8d unspecified\n", \
				id, name, kind, results[id], sum[id, "tried"], \
				sum[id, "mismatches"], sum[id, "unspecified"]
		else
			uncovered = uncovered sprintf("#   uncovered: %s %s (%s)\n", id, name, kind)
	}
	for (id in results) {
		if (!(id in listed))
			printf "#   %s %s: not in the catalog\n", id, rule[id]
		total += sum[id, "tried"]
	}
	printf "%s", uncovered
	printf "# kvm-irq: %d irq-field values checked in all\n", total

	print "# Conditions per rule (results, values tried, mismatches):"
	while ((getline line < conditions) > 0) {
		if (line ~ /^[ \t]*(#|$)/)
			continue
		split(line, f, "|")
		id = field(f[1]); cond = field(f[2])
		declared[id, cond] = 1
		if ((id, cond) in cres)
			printf "#   %s %-20s %-17s %4d results %6d tried %4d mismatches\n", \
				id, names[id], cond, cres[id, cond], ctried[id, cond], cwrong[id, cond]
		else
			untried = untried sprintf("#   not tried: %s %s %s (%s)\n", id, names[id], cond, field(f[3]))
	}
	for (k in cres) {
		split(k, p, SUBSEP)
		if (!((p[1], p[2]) in declared))
			printf "#   %s condition %s: not in lib/conditions.txt\n", p[1], p[2]
	}
	printf "%s", untried
}'

if [ -s "$work/unexpected" ]; then
	echo "# Unexpected results:"
	cat "$work/unexpected"
fi
# Skips by reason: what this host lacks, and how much of the suite that is.
if grep -q '^# skip: ' "$work"/*.verdict 2>/dev/null; then
	echo "# Skips by reason:"
	cat "$work"/*.verdict | sed -n 's/^# skip: [^:]*: //p' | sort | uniq -c |
		sort -rn | sed 's/^ */#   /'
fi
if [ -s "$work/unpinned" ]; then
	echo "# Unpinned behaviours (nothing in expected/ says what this kernel should do):"
	cat "$work/unpinned"
fi
echo "# kvm-irq: $tunpinned unpinned behaviours (not counted as passed; --require-pinned makes them unexpected)"
echo "# kvm-irq: $tpass pass, $txfail xfail, $tskip skip as expected; $tbad unexpected"
echo "$((tpass + txfail)) passed, $tbad failed, $tskip skipped"
[ "$tbad" = 0 ]
