#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-host.sh: boot an emulated arm64 KVM host (qemu-system-aarch64 with
# virtualization=on) that runs the suite, stream its KTAP to stdout, and
# turn whatever stops it early (kernel panic, a host that goes silent, qemu
# killed or failing) into failing results.  The console log is kept.
#
# Exit status: 0 when the suite's results match expected/, 1 otherwise,
# 2 for bad input.
set -u

prog=run-host.sh
here=$(cd "$(dirname "$0")" && pwd)
host=
kernel=
bindir=
out=
tests=
task=suite
rootfs=
job=
params=
large_vms=
real_vmm=
format=
cpu=
certify=
replay=
sequences=
sequence_seconds=
busy_cpu=
# The real VMM's guest kernel (tests/realvmm): one Debian series for every
# host, not the kernel under test.
REALVMM_GUEST=6.12
machine=$("$here/hosts.sh" machine) || exit 2
smp=${machine% *} mem=${machine#* }
# The host's /init prints a heartbeat every 10 s, however quiet the tests
# are: a minute without it is a frozen host.
idle=${IDLE_SECONDS:-60}
limit=${LIMIT_SECONDS:-5400}

usage() {
	cat <<EOF
usage: $prog --host NAME --bindir DIR --out DIR [options]
  --host NAME       host configuration (emuhost/hosts.sh list)
  --kernel IMAGE    boot this arm64 kernel Image instead of Debian's
  --bindir DIR      the test binaries
  --out DIR         where the console log and the results go
  --tests "A B"     run only these binaries
  --run WHAT        suite (default), bench, or exhaustive:CONFIG:COUNT
  --replay FILE     run the reproducer line in FILE (tests/sequences'
                    --replay) instead of the suite
  --sequences N     run_tests.sh --sequences N (a long exploration; the
                    run's time limit grows by 30 s per sequence)
  --sequence-seconds S
                    run_tests.sh --sequence-seconds S: no new sequence
                    of a model after S seconds (the limit then grows by
                    3 S instead)
  --rootfs IMAGE    the board-like host: boot into this Debian arm64 root
                    file system (an ext4 disk image) instead of the suite's
                    initramfs, and there run --job
  --job WHAT        second-stage (finish debootstrap, writing IMAGE) or a
                    tar holding board-job.sh (IMAGE left unchanged)
  --append PARAMS   more kernel parameters
  --large-vms MODE  run_tests.sh --large-vms: sample (default) or full
  --real-vmm MODE   run_tests.sh --real-vmm: default or full
  --format F        kselftest (default: TAP 13, nested behind "# ") or ktap
                    (run_tests.sh --ktap: KTAP v1 subtests)
  --certify FILE    certification: run_tests.sh --collect-bundle on the host
                    (the whole suite, strictest), its raw bundle sent over
                    the console, finished here (JUnit, HTML, SHA256SUMS)
                    into FILE (.tar.gz); exit 0 if certified
  --busy-cpu        a busy loop beside the suite on the emulated host, so
                    that its other CPU is never idle: a loaded machine
  --cpu MODEL       qemu -cpu model instead of the configuration's
  --smp N           vcpus of the emulated host (default $smp)
  --idle SECS       give up after this long without console output ($idle)
  --limit SECS      give up after this long in all ($limit)
EOF
}

. "$here/opts.sh"
parse_opts "host kernel bindir out tests run=task rootfs job append=params large-vms=large_vms real-vmm=real_vmm format cpu smp idle limit certify replay sequences sequence-seconds busy-cpu!" "$@"
[ -n "$host" ] || die "--host is required (emuhost/hosts.sh list)"
if [ -n "$rootfs" ]; then
	[ -r "$rootfs" ] || die "--rootfs $rootfs: no such file"
	case "$job" in
	second-stage) ;;
	'') die "--rootfs needs --job" ;;
	*) [ -r "$job" ] || die "--job $job: no such file" ;;
	esac
else
	[ -z "$job" ] || die "--job needs --rootfs"
	[ -n "$bindir" ] && [ -d "$bindir" ] || die "--bindir: no such directory '$bindir'"
fi
[ -n "$out" ] || die "--out is required"
case "$large_vms" in ''|sample|full) ;; *) die "--large-vms must be sample or full, not '$large_vms'" ;; esac
case "$real_vmm" in ''|default|full) ;; *) die "--real-vmm must be default or full, not '$real_vmm'" ;; esac
case "$format" in ''|kselftest|ktap) ;; *) die "--format must be kselftest or ktap, not '$format'" ;; esac
case "$sequences" in *[!0-9]*|0) die "--sequences must be a number of sequences, not '$sequences'" ;; esac
case "$sequence_seconds" in *[!0-9]*|0) die "--sequence-seconds must be a number of seconds, not '$sequence_seconds'" ;; esac
if [ -n "$sequence_seconds" ]; then
	limit=$((limit + 3 * sequence_seconds))
elif [ -n "$sequences" ]; then
	limit=$((limit + 30 * sequences))
fi
for n in "$smp" "$idle" "$limit"; do
	case "$n" in ''|*[!0-9]*) die "'$n' is not a number" ;; esac
done
[ -z "$kernel" ] || [ -r "$kernel" ] || die "--kernel $kernel: no such file"
if [ -n "$certify" ]; then
	[ -z "$tests$rootfs" ] && [ "$task" = suite ] || die "--certify runs the whole suite: no --tests, --rootfs or --run"
	[ -d "$(dirname "$certify")" ] || die "--certify $certify: no such directory $(dirname "$certify")"
	certify=$(cd "$(dirname "$certify")" && pwd)/${certify##*/}
	format=ktap
fi
case "$task" in
suite|bench|exhaustive:[a-z]*:[0-9]*) ;;
*) die "--run must be suite, bench or exhaustive:CONFIG:COUNT, not '$task'" ;;
esac
# A reproducer line goes in a file of the initramfs: the kernel command
# line is too short for one.
if [ -n "$replay" ]; then
	[ -r "$replay" ] && [ -s "$replay" ] || die "--replay $replay: no such file, or empty"
	[ -z "$tests$rootfs$certify" ] && [ "$task" = suite ] || die "--replay runs one sequence: no --tests, --rootfs, --certify or --run"
	task=replay
	bins=sequences
	tests=sequences
fi
conf=$("$here/hosts.sh" show "$host") || exit 2
command -v qemu-system-aarch64 >/dev/null || die "qemu-system-aarch64 missing: apt-get install qemu-system-arm"
set -- $conf
kver=$1 gic=$2 mode=$3 extra=$5
[ -n "$cpu" ] || cpu=$4
[ "$extra" = - ] && extra=

# The binaries in run_tests.sh's order, to name the results a dead host
# never printed; the board-like host's job is one result.
if [ -n "$rootfs" ]; then
	bins=board-job
elif [ -n "$tests" ]; then
	bins=$tests
else
	bins=$("$here/../run_tests.sh" --bindir "$bindir" --binaries) || exit 2
fi
[ -n "$bins" ] || die "no test binaries in $bindir"

modules=
kconfig=
if [ -z "$kernel" ]; then
	kernel=$("$here/fetch.sh" kernel "$kver") || exit 2
	modules=$(ls -d "${kernel%/boot/*}"/lib/modules/*/ 2>/dev/null | head -n 1)
	# The package's configuration of the kernel it boots.
	kconfig=$(ls "${kernel%/*}"/config-* 2>/dev/null | head -n 1)
fi
# BUSYBOX: a static arm64 busybox of your own instead of Debian's.
busybox=${BUSYBOX:-}
[ -n "$busybox" ] || busybox=$("$here/fetch.sh" busybox) || exit 2

run=$out/$host
mkdir -p "$run" || die "cannot create $run"
run=$(cd "$run" && pwd)
console=$run/console.log
results=$run/results.tap
# status: how the host ended: completed, froze, overran, panicked, died.
rm -f "$console" "$results" "$run/reason" "$run/state" "$run/timing" "$run/status" "$run/bundle.b64"
started=$(date +%s)
disks=
if [ -n "$rootfs" ]; then
	"$here/mkinitramfs.sh" --board "$run/initramfs.cpio.gz" "$busybox" "$modules" || exit 2
	# The job runs on a throw-away overlay: the cached image stays clean.
	if [ "$job" = second-stage ]; then
		disks="-drive file=$rootfs,if=virtio,format=raw"
		board=second-stage
	else
		disks="-drive file=$rootfs,if=virtio,format=raw,snapshot=on"
		disks="$disks -drive file=$job,if=virtio,format=raw,readonly=on"
		board=job
	fi
	params="$params kvmirq_board=$board"
else
	KVMIRQ_REPLAY=$replay "$here/mkinitramfs.sh" "$run/initramfs.cpio.gz" "$busybox" "$bindir" $kconfig || exit 2
	# The real VMM test's QEMU and guest: a second initramfs the kernel
	# unpacks after the first, only when realvmm runs.
	case " $(echo $bins) " in
	*" realvmm "*)
		qemu_tree=$("$here/fetch.sh" qemu) || exit 2
		guest=$("$here/fetch.sh" kernel "$REALVMM_GUEST") || exit 2
		gmods=$(ls -d "${guest%/boot/*}"/lib/modules/*/ 2>/dev/null | head -n 1)
		"$here/mkinitramfs.sh" --realvmm "$run/realvmm.cpio.gz" "$busybox" "$qemu_tree" \
			"$guest" "$gmods" || exit 2
		cat "$run/realvmm.cpio.gz" >> "$run/initramfs.cpio.gz"
		;;
	esac
fi

echo "# kvm-irq: emulated host $host: $(basename "$kernel"), GICv$gic, $mode, -cpu $cpu, -smp $smp" >&2
echo "# kvm-irq: console log: $console" >&2

append="console=ttyAMA0 panic=-1 loglevel=1 kvmirq_gic=$gic kvmirq_mode=$mode"
require=$("$here/hosts.sh" require "$gic") || exit 2
# This script brings QEMU and the real VMM's guest (tests/realvmm): a skip
# of realvmm would be a bundle lost.
require=$require,real-vmm
append="$append ${busy_cpu:+kvmirq_busy=1 }${sequences:+kvmirq_sequences=$sequences }${sequence_seconds:+kvmirq_sequence_seconds=$sequence_seconds }${large_vms:+kvmirq_large_vms=$large_vms }${real_vmm:+kvmirq_real_vmm=$real_vmm }${format:+kvmirq_format=$format }${certify:+kvmirq_certify=1 }kvmirq_require=$require kvmirq_cpus=$smp kvmirq_tests=$(echo $tests | tr ' ' ,) kvmirq_run=$task $extra $params"
# The console log exists before qemu starts: tail must not race qemu's
# shell for it (a tail that finds no file follows nothing).
: > "$console"
# One TCG thread: the suite runs its vcpus one at a time anyway, and the
# emulated host froze twice in multi-threaded TCG (QEMU 7.2, nested KVM).
qemu-system-aarch64 -M "virt,virtualization=on,gic-version=$gic" \
	-accel "${QEMU_ACCEL:-tcg,thread=single}" \
	-cpu "$cpu" -smp "$smp" -m "$mem" -nographic -no-reboot \
	-kernel "$kernel" -initrd "$run/initramfs.cpio.gz" -append "$append" $disks \
	< /dev/null > "$console" 2>&1 &
qpid=$!
trap 'kill $qpid 2>/dev/null; exit 130' INT TERM

# The watchdog: a host that prints nothing for $idle s, or runs past
# $limit s, is stopped, and says why.
(
	last=-1 quiet=0 spent=0
	while kill -0 $qpid 2>/dev/null; do
		sleep 5
		spent=$((spent + 5))
		size=$(wc -c < "$console")
		if [ "$size" = "$last" ]; then
			quiet=$((quiet + 5))
		else
			quiet=0 last=$size
		fi
		if [ $quiet -ge "$idle" ]; then
			echo "the emulated host printed nothing for ${idle}s" > "$run/reason"
			echo froze > "$run/status"
		elif [ $spent -ge "$limit" ]; then
			echo "the emulated host was still running after ${limit}s" > "$run/reason"
			echo overran > "$run/status"
		else
			continue
		fi
		kill $qpid 2>/dev/null
		break
	done
) &
wpid=$!

# Stream the suite's output: what lies between the markers, without the
# kernel's own console lines.
# mawk, Debian's awk, reads a pipe in blocks unless told otherwise.
awk_lines=awk
awk -W version 2>&1 | grep -q mawk && awk_lines="awk -W interactive"
tail -n +1 -f --pid=$qpid "$console" 2>/dev/null |
	$awk_lines -v state="$run/state" -v results="$results" -v rows="$run/results.tsv" -v b64="$run/bundle.b64" '
	{ sub(/\r$/, "") }
	/^KVMIRQ-ALIVE/ { next }
	/^KVMIRQ-BUNDLE sha256=/ { bundle = 1; bundle_sum = substr($2, 8); printf "" > b64; next }
	/^KVMIRQ-BUNDLE-END/ { bundle = 0; bundle_end = 1; close(b64); next }
	bundle { if ($0 ~ /^[A-Za-z0-9+\/=]+$/) print > b64; next }
	/^KVMIRQ-ROW / { sub(/^KVMIRQ-ROW /, ""); print > rows; fflush(rows); next }
	/^KVMIRQ-BEGIN/ { inside = 1; boot = up($2); next }
	/^KVMIRQ-END rc=/ { end_rc = substr($2, 4); ended = up($3); inside = 0; next }
	!inside { next }
	/^\[ *[0-9]+\.[0-9]+\]/ { next }
	{ print; print > results; fflush() }
	/^K?TAP version/ { tap = 1 }
	/^(not )?ok [0-9]+ / { last = ($1 == "ok") ? $2 : $3 }
	function up(kv) { sub(/^uptime=/, "", kv); return kv }
	END {
		printf "tap=%d\nlast=%d\nend_rc=%s\n", tap, last, end_rc > state
		printf "boot=%s\nended=%s\n", boot, ended > state
		printf "bundle_sum=%s\nbundle_end=%d\n", bundle_sum, bundle_end > state
	}'
wait $qpid
qrc=$?
kill $wpid 2>/dev/null
wait $wpid 2>/dev/null

tap=0 last=0 end_rc= boot= ended= bundle_sum= bundle_end=0
[ -f "$run/state" ] && . "$run/state"
# Where the time went: the host's boot (uptime when /init started the
# suite), the suite, and the whole run as seen from here.
total=$(($(date +%s) - started))
printf 'boot=%s\nsuite=%s\ntotal=%s\n' "${boot:--}" \
	"$(awk -v b="$boot" -v e="$ended" 'BEGIN { if (b == "" || e == "") print "-"; else printf "%.1f", e - b }')" \
	"$total" > "$run/timing"
echo "# kvm-irq: $host: boot ${boot:-?}s, whole run ${total}s" >&2
# results.tsv: every result, one line each, as run_tests.sh wrote them
# (--results) on the host; a binary the host never finished is one line
# "<binary> missing - unexpected".
: >> "$run/results.tsv"
# junit.xml: the same results as JUnit XML (report/junit.py), for CI.
finish() {
	/usr/bin/python3 "$here/../report/junit.py" "$results" "$run/junit.xml" 2> "$run/junit.err" ||
		echo "# kvm-irq: no junit.xml: $(tail -n 1 "$run/junit.err")" >&2
	# report.html: the run at a glance, for people (report/html.py).
	rm -f "$run/report.html"
	if [ -x /usr/bin/python3 ]; then
		/usr/bin/python3 "$here/../report/html.py" --out "$run/report.html" "$run" 2> "$run/report.err" ||
			echo "# kvm-irq: no report.html: $(tail -n 1 "$run/report.err")" >&2
	else
		echo "# kvm-irq: no report.html: /usr/bin/python3 missing (apt-get install python3)" >&2
	fi
	exit "$1"
}

# certify_finish: the raw bundle off the console, checked against its
# sha256, finished into $certify by run_tests.sh --finish-bundle.
certify_finish() {
	[ "$bundle_end" = 1 ] || { echo "# kvm-irq: no certification bundle came over the console" >&2; return 1; }
	base64 -d < "$run/bundle.b64" > "$run/bundle.tgz" 2> /dev/null &&
		[ "$(sha256sum < "$run/bundle.tgz" | cut -d' ' -f1)" = "$bundle_sum" ] ||
		{ echo "# kvm-irq: the certification bundle came garbled over the console (sha256 differs)" >&2; return 1; }
	rm -rf "$run/bundle" && mkdir -p "$run/bundle" && tar -C "$run/bundle" -xzf "$run/bundle.tgz" &&
		"$here/../run_tests.sh" --finish-bundle "$run/bundle/bundle" "$certify"
}

if [ -n "$end_rc" ]; then
	echo completed > "$run/status"
	rc=0
	[ "$end_rc" = 0 ] || rc=1
	[ -z "$certify" ] || certify_finish || rc=1
	finish $rc
fi

# The host stopped before the suite finished: say why, as results.
if [ -f "$run/reason" ]; then
	reason=$(cat "$run/reason")
elif grep -q 'Kernel panic' "$console"; then
	reason="kernel panic: $(grep -m1 'Kernel panic' "$console" | tr -d '\r' | sed 's/^\[[^]]*\] *//')"
	echo panicked > "$run/status"
else
	echo died > "$run/status"
	reason="the emulated host stopped before the suite finished (qemu exit status $qrc)"
fi
{
	n=$(echo $bins | wc -w)
	if [ "$tap" = 0 ]; then
		echo "TAP version 13"
		echo "1..$n"
	fi
	i=0 missing=0
	for b in $bins; do
		i=$((i + 1))
		[ $i -le "$last" ] && continue
		echo "not ok $i selftests: kvm-irq: $b # $reason; console log: $console"
		printf '%s\tmissing\t-\tunexpected\n' "$b" >> "$run/results.tsv"
		missing=$((missing + 1))
	done
	# What the finished binaries' results counted as (results.tsv).
	set -- $(awk -F'\t' '{ n[$4]++ } END { print n["pass"] + 0, n["xfail"] + 0, n["skip"] + 0, n["unexpected"] + 0 }' "$run/results.tsv")
	p=$1 x=$2 s=$3 u=$(($4 - missing))
	echo "# kvm-irq: $reason"
	echo "# kvm-irq: $p pass, $x xfail, $s skip as expected; $((u + missing)) unexpected (binaries without results count once)"
	echo "$((p + x)) passed, $((u + missing)) failed, $s skipped"
} | tee -a "$results"
finish 1
