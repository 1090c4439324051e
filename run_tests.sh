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
awkdir=$here/runner/awk
select=
kver=
gic=${KVM_IRQ_HOST_GIC:-}
mode=${KVM_IRQ_HOST_MODE:-}
cpus=${KVM_IRQ_HOST_CPUS:-}
timeout=
list_only=
list_binaries=
list_features=
print_env=
ktap=
require_pinned=
require=
large_vms=sample
real_vmm=${KVM_IRQ_REALVMM:-default}
qemu=
guest_kernel=
guest_initrd=
guest_append=
sequences=
sequence_seconds=
results=
certify=
certify_out=
collect_dir=
finish_dir=
verify=
allowed_signers=
require_signature=
sign=
sign_key=

die() {
	echo "$prog: $*" >&2
	exit 2
}

usage() {
	cat <<EOF
usage: $prog [options]
  --bindir DIR      test binaries (default: ./tests or ./build/tests beside
                    this script, or its own directory, as installed)
  --expected DIR    expected results (default: expected/ beside this script)
  --catalog FILE    the assertion catalog (default: lib/assertions.txt beside this script)
  --tests "A B"     run only these binaries
  --kernel X.Y      kernel version for expected/ (default: from uname -r)
  --gic 2|3         host GIC; also promised to the tests (default: detected)
  --mode vhe|nvhe|protected
                    KVM mode; also promised to the tests (default: detected)
  --cpus N          host CPUs promised to the tests
  --timeout SECS    per binary (default: 1800; with --sequences N, 30 s
                    more per sequence)
  --require LIST    features this host must have, comma separated tokens
                    of lib/features.txt (--features lists them; e.g.
                    vgic-v2,vgic-v3,its,pmu,user-irq,large-vms): a test
                    that skips for lack of one is unexpected, whatever
                    expected/ allows
  --features        list the feature tokens a skip may name, and exit
  --print-env       print what a run tells the binaries of this kernel
                    (expected/'s limits and the models' variants), one
                    VAR=value a line, for a binary run by hand (env), and exit
  --large-vms sample|full
                    live_large: run a sample of 11 vcpus of a 257-vcpu VM
                    (default), or every vcpu of the largest VM
                    KVM_CAP_MAX_VCPUS allows (512 vcpus: 35 s on
                    the emulated host)
  --real-vmm default|full
                    realvmm: one boot of QEMU's guest per mode (default),
                    or every one: the vgic with 1 to 4 vcpus and vgic-v2
                    beside v3 where the host creates it, kernel_irqchip=off
                    with 1 and 2 vcpus (docs/realvmm.md)
  --qemu PATH       realvmm's qemu-system-aarch64 (default: the emulated
                    host's, else the installed one, qemu-system-arm)
  --guest-kernel FILE, --guest-initrd FILE
                    realvmm's guest: an arm64 kernel Image with virtio_mmio
                    and virtio-rng, and its initramfs (docs/realvmm.md)
  --guest-append PARAMS
                    more of realvmm's guest kernel command line (such as
                    arm64.nopauth; docs/realvmm.md)
  --sequences N     the explored sequences (tests/sequences): N seeded
                    sequences per model instead of the fixed few of every
                    run, for a long exploration
  --sequence-seconds S
                    no new sequence of a model after S seconds (its
                    document says how many ran)
  --require-pinned  a behaviour expected/ does not pin for this kernel is
                    unexpected (default: counted apart as unpinned)
  --results FILE    write every result there, one line each (results.tsv:
                    test, outcome, behaviour value, what it counts as; and
                    per binary the seconds it took), for other tools
  --list            print every known test name and exit
  --ktap            KTAP v1: each binary a subtest, its lines indented (as
                    kunit.py parse reads every result); default: the
                    kselftest runner's TAP 13, nested behind "# "
  --binaries        print the test binaries of --bindir and exit (the one
                    place that says which files they are)
  --certify FILE    certification: the whole suite in its strictest form
                    (KTAP, --require-pinned, every skip held to the host
                    facts: a feature KVM claims must be tested), then the
                    bundle FILE (.tar.gz: results, JUnit, HTML report,
                    expected files, uname, kernel config, dmesg, version,
                    host facts, verdict, SHA256SUMS); exit 0 if certified.
                    Needs python3, python3-tap, python3-junitparser
  --collect-bundle DIR
                    --certify's run, its bundle left raw in DIR (no
                    python: on a host without it; finish it elsewhere)
  --finish-bundle DIR FILE
                    finish a raw bundle: JUnit, HTML, SHA256SUMS, FILE
  --verify-bundle FILE
                    check a bundle someone sent: exit 0 if every file
                    matches its SHA256SUMS and none is missing or added;
                    says who signed it, or "unsigned"
  --allowed-signers FILE
                    with --verify-bundle: the OpenSSH allowed-signers
                    file of those whose signature counts; a signature by
                    another key, or over a changed manifest, is refused
  --require-signature
                    with --verify-bundle: refuse an unsigned bundle
  --sign-bundle FILE --key KEY
                    sign a bundle's manifest with an OpenSSH private key
                    (ssh-keygen -Y sign; keep the key off the machine
                    under test); needs ssh-keygen (openssh-client)
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
	--binaries) list_binaries=1 ;;
	--features) list_features=1 ;;
	--print-env) print_env=1 ;;
	--ktap) ktap=1 ;;
	--results) need_arg "$@"; results=$2; shift ;;
	--require-pinned) require_pinned=1 ;;
	--require) need_arg "$@"; require=$2; shift ;;
	--large-vms) need_arg "$@"; large_vms=$2; shift ;;
	--real-vmm) need_arg "$@"; real_vmm=$2; shift ;;
	--qemu) need_arg "$@"; qemu=$2; shift ;;
	--guest-kernel) need_arg "$@"; guest_kernel=$2; shift ;;
	--guest-initrd) need_arg "$@"; guest_initrd=$2; shift ;;
	--guest-append) need_arg "$@"; guest_append=$2; shift ;;
	--sequences) need_arg "$@"; sequences=$2; shift ;;
	--sequence-seconds) need_arg "$@"; sequence_seconds=$2; shift ;;
	--certify) need_arg "$@"; certify=1; certify_out=$2; shift ;;
	--collect-bundle) need_arg "$@"; certify=1; collect_dir=$2; shift ;;
	--finish-bundle)
		[ $# -ge 3 ] && [ -n "$2" ] && [ -n "$3" ] || die "option $1 needs a directory and a file"
		finish_dir=$2; certify_out=$3; shift 2 ;;
	--verify-bundle) need_arg "$@"; verify=$2; shift ;;
	--allowed-signers) need_arg "$@"; allowed_signers=$2; shift ;;
	--require-signature) require_signature=1 ;;
	--sign-bundle) need_arg "$@"; sign=$2; shift ;;
	--key) need_arg "$@"; sign_key=$2; shift ;;
	-h|--help) usage; exit 0 ;;
	*) die "unknown option '$1' (see --help)" ;;
	esac
	shift
done

# The features a skip may name, "token|host fact|claimed when" per line
# (lib/features.txt beside the catalog; a malformed line is named).
features=$(dirname "$catalog")/features.txt
[ -r "$features" ] || die "$features missing (the feature tokens a skip names)"
feature_table=$(awk -v features="$features" -v sep="|" -f "$awkdir/catalog.awk" -f "$awkdir/catalog_tsv.awk") || exit 2
feature_tokens=$(echo "$feature_table" | cut -d'|' -f1)
feature_known() {
	echo "$feature_tokens" | grep -qx -- "$1"
}
if [ -n "$list_features" ]; then
	echo "$feature_tokens"
	exit 0
fi

case "$gic" in ''|2|3) ;; *) die "--gic must be 2 or 3, not '$gic'" ;; esac
case "$mode" in ''|vhe|nvhe|protected) ;; *) die "--mode must be vhe, nvhe or protected, not '$mode'" ;; esac
case "$timeout" in *[!0-9]*) die "--timeout must be a number of seconds, not '$timeout'" ;; esac
case "$sequences" in *[!0-9]*|0) die "--sequences must be a number of sequences, not '$sequences'" ;; esac
# A long exploration takes its time: about 3 s per sequence on the
# emulated host (three models), a bound ten times that.
case "$sequence_seconds" in *[!0-9]*|0) die "--sequence-seconds must be a number of seconds, not '$sequence_seconds'" ;; esac
# Bounded in time, three models each that long, the last sequence and a
# shrink (at most 120 s) beyond it.
if [ -z "$timeout" ] && [ -n "$sequence_seconds" ]; then
	timeout=$((1800 + 3 * sequence_seconds))
fi
[ -n "$timeout" ] || timeout=$((1800 + 30 * ${sequences:-0}))
[ -z "$sequences" ] || export KVM_IRQ_SEQUENCES=$sequences
[ -z "$sequence_seconds" ] || export KVM_IRQ_SEQUENCE_SECONDS=$sequence_seconds
case "$cpus" in *[!0-9]*) die "--cpus must be a number, not '$cpus'" ;; esac
case "$large_vms" in sample|full) ;; *) die "--large-vms must be sample or full, not '$large_vms'" ;; esac
export KVM_IRQ_LARGE_VMS=$large_vms
case "$real_vmm" in default|full) ;; *) die "--real-vmm must be default or full, not '$real_vmm'" ;; esac
export KVM_IRQ_REALVMM=$real_vmm
if [ -n "$qemu" ]; then
	[ -f "$qemu" ] && [ -x "$qemu" ] || die "--qemu: '$qemu' is not an executable file"
	export KVM_IRQ_QEMU=$qemu
fi
for f in "$guest_kernel" "$guest_initrd"; do
	[ -z "$f" ] || { [ -f "$f" ] && [ -r "$f" ]; } || die "--guest-kernel/--guest-initrd: cannot read '$f'"
done
[ -z "$guest_kernel" ] || export KVM_IRQ_GUEST_KERNEL=$guest_kernel
[ -z "$guest_initrd" ] || export KVM_IRQ_GUEST_INITRD=$guest_initrd
[ ${#guest_append} -le 160 ] || die "--guest-append: longer than 160 characters"
[ -z "$guest_append" ] || export KVM_IRQ_GUEST_APPEND=$guest_append

# --- certification bundles (runner/bundle.sh) ------------------------------------
[ -z "$allowed_signers$require_signature" ] || [ -n "$verify" ] ||
	die "--allowed-signers and --require-signature go with --verify-bundle"
[ -z "$allowed_signers" ] || [ -r "$allowed_signers" ] ||
	die "--allowed-signers $allowed_signers: no such file"
[ -z "$require_signature" ] || [ -n "$allowed_signers" ] ||
	die "--require-signature needs --allowed-signers (who may sign)"
[ -n "$sign" ] || [ -z "$sign_key" ] || die "--key goes with --sign-bundle"
[ -z "$sign" ] || [ -n "$sign_key" ] || die "--sign-bundle needs --key KEY"
if [ -n "$verify$finish_dir$sign" ] || [ -n "$certify" ]; then
	[ -r "$here/runner/bundle.sh" ] || die "runner/bundle.sh missing beside $prog"
	. "$here/runner/bundle.sh"
fi
if [ -n "$verify$finish_dir$sign" ]; then
	[ -z "$verify" ] || [ -z "$finish_dir" ] || die "--verify-bundle and --finish-bundle are two runs"
	[ -z "$sign" ] || [ -z "$verify$finish_dir" ] || die "--sign-bundle is a run of its own"
	work=$(mktemp -d "${TMPDIR:-/tmp}/kvm-irq.XXXXXX") || die "cannot make a temporary directory"
	trap 'rm -rf "$work"' EXIT
	trap 'exit 130' INT TERM
	if [ -n "$sign" ]; then
		bundle_sign "$sign" "$sign_key"
	elif [ -n "$verify" ]; then
		bundle_verify "$verify"
	else
		[ -d "$finish_dir" ] || die "--finish-bundle $finish_dir: no such directory"
		bundle_finish "$finish_dir" "$certify_out"
		echo "$prog: bundle $certify_out" >&2
	fi
	exit
fi
if [ -n "$certify" ]; then
	[ -z "$certify_out" ] || [ -z "$collect_dir" ] || die "--certify and --collect-bundle: one or the other"
	[ -z "$select" ] || die "--certify runs the whole suite: no --tests"
	[ -z "$certify_out" ] || [ -d "$(dirname "$certify_out")" ] ||
		die "--certify $certify_out: no such directory $(dirname "$certify_out")"
	[ -z "$collect_dir" ] || [ -d "$(dirname "$collect_dir")" ] ||
		die "--collect-bundle $collect_dir: no such directory $(dirname "$collect_dir")"
	# The reports' python, before anything runs.
	[ -z "$certify_out" ] || bundle_python_check
	ktap=1 require_pinned=1
fi
# A skip reason starts with its feature's token, "[token] ..."
# (FEATURE() in C): --require and --certify name tokens, "token|who" per
# line (who requires it; --require by default), and judge.awk compares the
# token a reason starts with, never the words after it.
required_features=
for f in $(echo "$require" | tr ',' ' '); do
	feature_known "$f" ||
		die "--require: unknown feature '$f' (lib/features.txt: $(echo $feature_tokens | sed 's/ /, /g'))"
	required_features="$required_features$f
"
done

# The test binaries of a directory: executables without a dot in their name.
binaries_in() {
	for f in "$1"/*; do
		case "${f##*/}" in *.*) continue ;; esac
		[ -f "$f" ] && [ -x "$f" ] && echo "${f##*/}"
	done
}

if [ -z "$bindir" ]; then
	for d in "$here/tests" "$here/build/tests" "$here"; do
		[ -d "$d" ] && [ -n "$(binaries_in "$d")" ] && bindir=$d && break
	done
	[ -n "$bindir" ] || die "no test binaries beside this script: build them (make) or pass --bindir"
fi
[ -d "$bindir" ] || die "--bindir $bindir: no such directory"
[ -d "$expdir" ] || die "--expected $expdir: no such directory"
bindir=$(cd "$bindir" && pwd)

all_bins=$(binaries_in "$bindir" | tr '\n' ' ')
[ -n "$all_bins" ] || die "no test binaries in $bindir"
if [ -n "$list_binaries" ]; then
	echo $all_bins | tr ' ' '\n'
	exit 0
fi

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
# Certified, results.tsv is also the bundle's (a copy at the end, where
# --results names a file other tools read as it grows).
if [ -n "$certify" ]; then
	mkdir "$work/bundle"
	[ -n "$results" ] || results=$work/bundle/results.tsv
fi

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
# What the host is, from the suite's one probe (lib/host.c), where the
# options do not say.
facts=
if [ -n "$certify" ] || [ -z "$gic" ] || [ -z "$mode" ]; then
	set -- $all_bins
	facts=$(timeout -s KILL 60 "$bindir/$1" --host-facts 2>/dev/null)
fi
fact() {
	for kv in $facts; do
		case "$kv" in "$1="*) v=${kv#*=}; [ "$v" = - ] || echo "$v"; return ;; esac
	done
}
detected_gic=${gic:-$(fact gic)}
detected_mode=${mode:-$(fact mode)}
# Certified, a skip is held to the host facts: for a feature they claim,
# unexpected; for one they say is absent, explained; else unexpected.
explained_features=
if [ -n "$certify" ]; then
	certify_claims > "$work/claims"
	while IFS='|' read -r f c; do
		if [ "$c" = 1 ]; then
			required_features="$required_features$f|--certify: the host facts claim it
"
		else
			explained_features="$explained_features$f
"
		fi
	done < "$work/claims"
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
awk -v names="$work/names" -v binaries="$work/binaries" -v prog="$prog" \
	-v variants="$(dirname "$catalog")/variants.txt" \
	-f "$awkdir/catalog.awk" -f "$awkdir/variants.awk" -f "$awkdir/expected.awk" \
 $exp_files < /dev/null > "$work/expected" || exit 2

# --- run ----------------------------------------------------------------------
# Promises to the tests (lib/host.c): only what was configured, not guessed.
export KVM_IRQ_HOST_GIC="$gic" KVM_IRQ_HOST_MODE="$mode" KVM_IRQ_HOST_CPUS="$cpus"
# Limits expected/ pins for this kernel, where it falls short of the
# documents: the tests size their VMs by them (a later file wins).
KVM_IRQ_LIMIT_NR_IRQS=$(awk -F'\t' '$2 == "limit" { split($3, kv, "="); v = kv[2] } END { print v }' "$work/expected")
export KVM_IRQ_LIMIT_NR_IRQS
# The semantics the models follow where this kernel deviates or the
# documents are silent (expected/'s "variant NAME VALUE"): name=value,...
KVM_IRQ_VARIANTS=$(awk -F'\t' '$2 == "variant" { split($3, kv, "="); v[kv[1]] = kv[2] }
	END { for (n in v) s = s (s == "" ? "" : ",") n "=" v[n]; print s }' "$work/expected")
export KVM_IRQ_VARIANTS
if [ -n "$print_env" ]; then
	echo "KVM_IRQ_LIMIT_NR_IRQS=$KVM_IRQ_LIMIT_NR_IRQS"
	echo "KVM_IRQ_VARIANTS=$KVM_IRQ_VARIANTS"
	exit 0
fi

# A binary's lines inside the run's document: behind "# " as kselftest
# nests them, or indented as a KTAP v1 subtest (--ktap).
nest_prefix='# ' stderr_tag='stderr: '
[ -z "$ktap" ] || nest_prefix='    ' stderr_tag='# stderr: '
nested() {
	while IFS= read -r line; do
		printf '%s%s%s\n' "$nest_prefix" "$1" "$line"
	done
}

# nest_results BINARY: its TAP, judged once (nest.awk): nested on stdout,
# each result line saying what it counts as (an expected failure reads
# "ok ... # XFAIL"); its verdict lines and results.tsv rows in
# $work/BINARY.verdict.
nest_results() {
	awk -v prefix="$nest_prefix" -v ktap="${ktap:-0}" -v strict="$require_pinned" \
	    -v listf="$work/$1.names" -v verdictf="$work/$1.verdict" \
	    -v required="$required_features" -v expf="$work/expected" \
	    -v certify="$certify" -v explained="$explained_features" -v features="$feature_tokens" \
	    -f "$awkdir/judge.awk" -f "$awkdir/nest.awk"
}

# binary_verdict BINARY RC: what the binary's exit status adds to its
# verdict (a binary killed at the timeout, or dead of a signal, is one
# more unexpected result), then its counts, from its rows: "counts <pass>
# <xfail> <skip> <unexpected> <unpinned>".
binary_verdict() {
	case "$2" in
	124|143) echo "# unexpected: $1: killed after the ${timeout}s timeout"
	     printf 'row\t%s\tkilled\t-\tunexpected\n' "$1" ;;
	0|1|4) ;;
	*) echo "# unexpected: $1: exited with status $2"
	   printf 'row\t%s\texit=%s\t-\tunexpected\n' "$1" "$2" ;;
	esac >> "$work/$1.verdict"
	awk -F'\t' '$1 == "row" { n[$5]++ }
		END { print "counts", n["pass"] + 0, n["xfail"] + 0, n["skip"] + 0, n["unexpected"] + 0, n["unpinned"] + 0 }' \
		"$work/$1.verdict" >> "$work/$1.verdict"
}

# --- the host kernel's log ---------------------------------------------------
# A WARN, BUG, Oops, lockdep report, RCU stall, KASAN/UBSAN report or hung
# task logged while a binary ran fails that binary, whatever its results:
# the kernel broke.  New lines are told by their timestamps (a full ring
# buffer keeps its length), by their count where the log has none.
klog_bad='WARNING:|BUG:|Oops|Internal error:|Kernel panic|kernel BUG|Unable to handle kernel|rcu: INFO:|INFO: rcu_|rcu_.* detected stall|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|KASAN:|UBSAN:|blocked for more than|kvm.*bugged'
klog_readable=
dmesg > /dev/null 2>&1 && klog_readable=1

# klog_mark: "<last timestamp> <lines>" of the log now; klog_since MARK:
# the lines logged after MARK.
klog_mark() {
	dmesg 2>/dev/null | awk -f "$awkdir/klog_since.awk"
}

klog_since() {
	dmesg 2>/dev/null | awk -v since="$1" -f "$awkdir/klog_since.awk"
}

# klog_check BIN MARK: the verdict lines for what the kernel logged
# during BIN's run: nothing when it logged nothing bad.  Each bad line has
# a key, "WARNING:<function>" for a WARN, else its first words; expected/
# may pin a key for a binary ("klog KEY"): that line is then a known
# deviation of this kernel, and any other is unexpected.
klog_check() {
	klog_since "$2" > "$work/$1.klog"
	grep -E "$klog_bad" "$work/$1.klog" > "$work/$1.klogbad" || return 0
	awk -v bin="$1" -v expf="$work/expected" -f "$awkdir/klog.awk" \
		"$work/$1.klogbad" || return 0
	grep -E -A 7 -m 1 "$klog_bad" "$work/$1.klog" | sed 's/^/# klog: /'
}

nbins=$(echo $bins | wc -w)
# Certified, the document is also the bundle's results.ktap.
if [ -n "$certify" ]; then
	mkfifo "$work/document" || die "cannot make a fifo in $work"
	tee "$work/bundle/results.ktap" < "$work/document" &
	tee_pid=$!
	exec 3>&1 > "$work/document"
fi
if [ -n "$ktap" ]; then
	echo "KTAP version 1"
else
	echo "TAP version 13"
fi
echo "1..$nbins"
echo "# kvm-irq: kernel $(uname -r), GIC ${detected_gic:-unknown}, KVM mode ${detected_mode:-unknown}"
echo "# kvm-irq: expected files:${exp_files:- none (every test expected to pass)}"
awk -F'\t' '$2 == "limit" { printf "# kvm-irq: limit %s as pinned: %s (%s)\n", $3, $4, $5 }
	$2 == "variant" { printf "# kvm-irq: variant %s as pinned: %s (%s)\n", $3, $4, $5 }' "$work/expected"
[ -n "$klog_readable" ] ||
	echo "# kvm-irq: the kernel log cannot be read here (dmesg failed; run as root): kernel warnings go unseen"

# results.tsv: "<test> <outcome> <value> <counts as>", tab-separated, one
# line per result (nest.awk), "<binary> took <N>s -" per binary, and
# at the end "condition:<id>:<condition> tried|not-tried - -" for each
# condition of the catalog (summary.awk).
# Its first line names the format and its version; a reader that meets
# another version stops (report/html.py).
if [ -n "$results" ]; then
	printf '# kvm-irq results.tsv 1: test, result, behaviour, counts as\n' > "$results" ||
		die "--results $results: cannot write"
fi
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
	  echo $? > "$work/$b.rc"; } | tee "$work/$b.tap" | nest_results "$b"
	nested "$stderr_tag" < "$work/$b.err"
	rc=$(cat "$work/$b.rc")
	[ "$rc" = 137 ] && rc=124
	binary_verdict "$b" "$rc"
	[ -z "$klog_readable" ] || klog_check "$b" "$mark" > "$work/$b.klogv"
	grep -v '^counts \|^row	' "$work/$b.verdict"
	cat "$work/$b.klogv" 2>/dev/null
	grep -h '^# unexpected: ' "$work/$b.verdict" "$work/$b.klogv" 2>/dev/null >> "$work/unexpected"
	set -- $(grep '^counts ' "$work/$b.verdict")
	# What the kernel logged unpinned is one more unexpected result.
	grep -q '^# unexpected: ' "$work/$b.klogv" 2>/dev/null &&
		set -- counts "$2" "$3" "$4" $(($5 + 1)) "$6"
	tpass=$((tpass + $2)) txfail=$((txfail + $3)) tskip=$((tskip + $4)) tbad=$((tbad + $5))
	tunpinned=$((tunpinned + $6))
	if [ -n "$results" ]; then
		sed -n 's/^row	//p' "$work/$b.verdict" >> "$results"
		grep -q '^# unexpected: ' "$work/$b.klogv" 2>/dev/null &&
			printf '%s\tklog\t-\tunexpected\n' "$b" >> "$results"
		printf '%s\ttook\t%ss\t-\n' "$b" "$(($(date +%s) - start))" >> "$results"
	fi
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
cat "$work"/*.tap 2>/dev/null |
	awk -v catalog="$catalog" -v conditions="$conditions" \
	    -f "$awkdir/catalog.awk" -f "$awkdir/summary.awk" > "$work/summary"
grep -v '^row	' "$work/summary"
[ -z "$results" ] || sed -n 's/^row	//p' "$work/summary" >> "$results"

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
if [ -n "$certify" ]; then
	certify_collect "$work/bundle"
	certify_verdict "$work/bundle"
fi
echo "$((tpass + txfail)) passed, $tbad failed, $tskip skipped"
if [ -n "$certify" ]; then
	exec 1>&3 3>&-
	wait "$tee_pid"
	[ "$results" = "$work/bundle/results.tsv" ] || cp "$results" "$work/bundle/results.tsv"
	if [ -n "$certify_out" ]; then
		bundle_finish "$work/bundle" "$certify_out"
		echo "$prog: certification bundle $certify_out: $verdict" >&2
	else
		rm -rf "$collect_dir.tmp" && cp -R "$work/bundle" "$collect_dir.tmp" &&
			rm -rf "$collect_dir" && mv "$collect_dir.tmp" "$collect_dir" ||
			die "--collect-bundle $collect_dir: cannot write"
	fi
	[ "$verdict" = certified ]
	exit
fi
[ "$tbad" = 0 ]
