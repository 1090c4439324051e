#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# lava-check.sh --host NAME --tarball FILE --out DIR [--break rename|fail]
#
# A real LAVA run of the suite (make lava-check): the job make lava-jobs
# writes for that emulated host configuration (lava/stage.sh, artifacts as
# file:// URLs under DIR), run by Debian's LAVA dispatcher (lava-run, as
# root, no server) on a device rendered as a LAVA server renders it (the
# qemu device type's template from lava-server, lava/devices, the job's
# context), the test definition lava/kvm-irq.yaml cloned by the dispatcher
# from this repository at HEAD (committed work only).  Then what LAVA
# recorded is held against run_tests.sh's own summary of that run
# (check/lava_run_check.py): every test, every binary, the verdict.
#
#   --break rename  the test definition from a clone whose lava/cases.awk
#                   names one case wrongly: the comparison must fail
#   --break fail    make dist's tarball with a pin no kernel matches
#                   (caps.irqchip expected to fail): LAVA records that case
#                   and the run failing, and the comparison still holds
#
# Exit 0 when the comparison holds (for --break rename: when it fails as
# it must), 1 otherwise, 2 for bad input.
set -u
prog=lava-check.sh
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
host= tarball= out= break=
# A whole run of the emulated host takes 1 to 3 minutes here; lava-run is
# stopped after LIMIT_SECONDS (make check: 900) whatever the job says.
limit=${LIMIT_SECONDS:-3600}

usage() {
	sed -n '4,24s/^# \{0,1\}//p' "$0"
}

. "$here/opts.sh"
parse_opts "host tarball out break" "$@"
[ -n "$host" ] && [ -n "$tarball" ] && [ -n "$out" ] || die "--host, --tarball and --out are required"
case "$break" in ''|rename|fail) ;; *) die "--break must be rename or fail, not '$break'" ;; esac
[ -r "$tarball" ] || die "--tarball $tarball: no such file (make dist makes it)"
"$here/hosts.sh" show "$host" > /dev/null || exit 2
command -v lava-run > /dev/null || die "lava-run missing: apt-get install lava-dispatcher (sh mk/deps.sh lava)"
[ "$(id -u)" = 0 ] || die "lava-run runs as root"
git -C "$top" rev-parse HEAD > /dev/null 2>&1 || die "$top is not a git checkout: the job clones its test definition"

run=$out/$host${break:+-break-$break}
rm -rf "$run" && mkdir -p "$run" || die "cannot make $run"
run=$(cd "$run" && pwd)
repo=$top
if ! git -C "$top" diff --quiet HEAD -- lava; then
	echo "# $prog: lava/ has changes not committed: the job runs HEAD's test definition" >&2
fi

case "$break" in
rename)
	# A clone whose cases.awk misnames one test case, committed.
	repo=$run/repo
	git clone -q "$top" "$repo" &&
		sed -i 's|^\t\temit("kvm-irq_" slug(b) "_" slug(case_), verdict(as\[i\]))$|\t\temit("kvm-irq_" slug(b) "_" slug(case_) (case_ == "caps.irqchip" ? "_renamed" : ""), verdict(as[i]))|' "$repo/lava/cases.awk" &&
		grep -q _renamed "$repo/lava/cases.awk" &&
		git -C "$repo" -c user.name=lava-check -c user.email=lava-check@localhost \
			commit -qam "lava-check --break rename" || die "cannot make the broken clone"
	;;
fail)
	# The tarball with one more pin in expected/all, which nothing matches.
	mkdir -p "$run/tarball" && tar -C "$run/tarball" -xzf "$tarball" &&
		printf 'caps.irqchip xfail broken-on-purpose  make lava-check BREAK=fail: a pin no kernel matches\n' \
			>> "$run/tarball/kvm-irq/expected/all" &&
		tar -C "$run/tarball" -czf "$run/broken.tar.gz" kvm-irq || die "cannot make the broken tarball"
	tarball=$run/broken.tar.gz
	;;
esac

templates=$("$here/fetch.sh" lava-templates) || exit 2
sh "$top/lava/stage.sh" --out "$run/stage" --artifacts "file://$run/stage/artifacts" \
	--repository "file://$repo" --revision "$(git -C "$repo" rev-parse HEAD)" \
	--tarball "$tarball" "$host" > /dev/null || exit 2
job=$run/stage/jobs/$host.yaml
/usr/bin/python3 "$top/lava/render_device.py" "$templates:$top/lava/devices" \
	kvm-irq-qemu.jinja2 "$job" "$run/device.yaml" || exit 2

echo "# $prog: $host: lava-run of $job (log: $run/lava.log)" >&2
timeout "$limit" lava-run --job-id "$$" --output-dir "$run/output" \
	--device "$run/device.yaml" "$job" > "$run/lava.out" 2> "$run/lava.log"
rc=$?
[ "$rc" = 124 ] && echo "# $prog: lava-run stopped after ${limit}s" >&2

/usr/bin/python3 "$top/check/lava_run_check.py" "$run/lava.log" > "$run/compare.txt"
crc=$?
cat "$run/compare.txt"
# The log brought back into a report, as a lab does with its jobs' logs
# (docs/farms-and-ci.md): the run directory, then report/html.py.
if [ "$crc" = 0 ] && [ -z "$break" ]; then
	cp "$run/lava.log" "$run/$host.yaml"
	if /usr/bin/python3 "$top/lava/logs.py" --out "$run/runs" "$run/$host.yaml" > /dev/null &&
		/usr/bin/python3 "$top/report/html.py" --out "$run/report.html" "$run/runs/$host"; then
		echo "lava-check: the LAVA log made a report: $run/report.html"
	else
		echo "lava-check: the LAVA log made no report (lava/logs.py, report/html.py)"
		crc=1
	fi
fi
# What LAVA recorded of the case a break touches, and of the run.
[ -z "$break" ] || grep -E '"case": "kvm-irq_(caps_caps_irqchip[a-z_]*|caps|run_tests)"' "$run/lava.log" |
	sed -E 's/.*"case": "([^"]*)".*"result": "([^"]*)".*/# LAVA recorded: \1 \2/'
case "$break:$crc" in
:0|fail:0) exit 0 ;;
rename:1) echo "# $prog: --break rename: the comparison failed, as it must"; exit 0 ;;
rename:0) echo "# $prog: --break rename: the comparison held on a misnamed case"; exit 1 ;;
*:2) echo "# $prog: no readable LAVA log (lava-run exit $rc): $run/lava.log"; exit 1 ;;
*) exit 1 ;;
esac
