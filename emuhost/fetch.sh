#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# fetch.sh kernel SERIES          print the path of that series' newest
#                                 Debian arm64 kernel Image, fetched into
#                                 the cache on first use
#                                 (SERIES: 5.10, 6.1, 6.12, 6.12-16k)
# fetch.sh packages SERIES REGEX  the arm64 packages of that series'
#                                 Debian suite whose name matches REGEX
# fetch.sh busybox                the same for busybox-static:arm64
# fetch.sh qemu                   the root of a tree holding Debian's arm64
#                                 qemu-system-aarch64 and every library it
#                                 links (usr/bin, usr/lib/aarch64-linux-gnu,
#                                 lib/ld-linux-aarch64.so.1), for a real VMM
#                                 on the emulated host
# fetch.sh lava-templates         the directory of LAVA's device-type
#                                 templates (base.jinja2, qemu.jinja2...),
#                                 from Debian's lava-server, unpacked, not
#                                 installed (GPL-3.0+: not in this tree)
# fetch.sh mirror                 the Debian archive URI of the machine's
#                                 own apt sources (for debootstrap)
#
# Packages are downloaded with apt-get download and unpacked with dpkg-deb
# into $CACHE (default: cache/ at the top of the tree, ignored by git);
# nothing is installed.  5.10 comes from bullseye through a private apt
# configuration inside the cache: the machine's apt sources stay as they are.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${CACHE:-$top/cache}
prog=fetch.sh

die() {
	echo "$prog: $*" >&2
	exit 2
}

# arm64 packages need the foreign architecture; that much apt setup we may do.
ensure_arm64() {
	[ "$(dpkg --print-architecture)" = arm64 ] && return
	dpkg --print-foreign-architectures | grep -qx arm64 && return
	[ "$(id -u)" = 0 ] || die "as root run: dpkg --add-architecture arm64 && apt-get update"
	dpkg --add-architecture arm64
	apt-get update -qq >/dev/null
}

# The machine's Debian archive URIs, for the private bullseye configuration.
debian_uris() {
	{
		cat /etc/apt/sources.list 2>/dev/null | awk '$1 == "deb" { print $2, $3 }'
		for f in /etc/apt/sources.list.d/*.sources; do
			[ -f "$f" ] || continue
			awk '/^URIs:/ { u = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) print u, $i }' "$f"
		done
		for f in /etc/apt/sources.list.d/*.list; do
			[ -f "$f" ] || continue
			awk '$1 == "deb" { print $2, $3 }' "$f"
		done
	} | awk '$2 ~ /^bookworm/' | sort -u
}

# apt-get/apt-cache with the private bullseye configuration.
bullseye_apt() {
	cmd=$1
	shift
	"$cmd" -o Dir::Etc::SourceList="$cache/apt-bullseye/sources.list" \
		-o Dir::Etc::SourceParts=/nonexistent \
		-o Dir::State::Lists="$cache/apt-bullseye/lists" \
		-o Dir::Cache="$cache/apt-bullseye/cache" \
		-o APT::Architecture=arm64 -o APT::Architectures=arm64 \
		-o APT::Sandbox::User=root "$@"
}

setup_bullseye() {
	d=$cache/apt-bullseye
	[ -f "$d/.updated" ] && return
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
	debian_uris | while read -r uri suite; do
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $(echo "$suite" | sed 's/bookworm/bullseye/') main"
	done > "$d/sources.list"
	[ -s "$d/sources.list" ] || die "no Debian bookworm entry in the machine's apt sources to derive bullseye from"
	bullseye_apt apt-get update -qq >/dev/null 2>&1 || die "apt-get update of the private bullseye configuration failed"
	touch "$d/.updated"
}

# Packages whose name matches the regex, newest first; $1 = apt flavour.
candidates() {
	if [ "$1" = bullseye ]; then
		bullseye_apt apt-cache search --names-only "$2"
	else
		apt-cache search --names-only "$2"
	fi | awk '{ print $1 }' | sort -rV
}

# Download and unpack one package into $cache/pkg/<name>; print that path.
# The arm64 one, or (a third argument "all") one of architecture all.
unpack() {
	flavour=$1 pkg=$2 arch=:arm64
	[ "${3:-}" != all ] || arch=
	dest=$cache/pkg/$pkg
	# Two runs may fetch at once (make matrix, make kernel-mutants): each
	# downloads and unpacks into a directory of its own, and the first to
	# finish puts its copy in place.
	if [ ! -f "$dest/.unpacked" ]; then
		tmp=$dest.tmp.$$ dl=$cache/debs/$$
		rm -rf "$tmp" "$dl" && mkdir -p "$tmp" "$dl" || return 1
		(
			cd "$dl" || exit 1
			if [ "$flavour" = bullseye ]; then
				bullseye_apt apt-get download -qq "$pkg:arm64"
			else
				apt-get -o APT::Sandbox::User=root download -qq "$pkg$arch"
			fi
		) >&2 && dpkg-deb -x "$dl/${pkg}"_*.deb "$tmp" && touch "$tmp/.unpacked" ||
			{ rm -rf "$tmp" "$dl"; return 1; }
		rm -rf "$dl"
		[ -f "$dest/.unpacked" ] || rm -rf "$dest"
		mv -T "$tmp" "$dest" 2> /dev/null || rm -rf "$tmp"
	fi
	echo "$dest"
}

# The libraries the ELF files under $1 need that are not there.
missing_libs() {
	find "$1" -type f \( -name '*.so*' -o -path '*/usr/bin/*' \) -exec readelf -d {} + 2>/dev/null |
		sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p' | sort -u | while read -r lib; do
			[ -e "$1/usr/lib/aarch64-linux-gnu/$lib" ] || [ -e "$1/lib/$lib" ] || echo "$lib"
		done
}

# The arm64 package of a library: the one that holds it on this machine
# in its native library directory (qemu-system-arm, installed here for
# the emulated hosts, links the same libraries; a cross compiler's arm64
# copies do not count), of the same name for arm64.
lib_package() {
	dpkg -S "*/$1" 2>/dev/null | grep "/$(uname -m)-linux-gnu/$1\$" |
		sed -n 's/^\([^:,]*\)[:,].*/\1/p' | head -n 1
}

# $cache/realvmm/qemu: qemu-system-aarch64 and its DT_NEEDED closure,
# each library from its arm64 package, unpacked, not installed.
qemu_tree() {
	final=$cache/realvmm/qemu
	root=$final.tmp.$$
	if [ ! -f "$final/.complete" ]; then
		rm -rf "$root" && mkdir -p "$root/usr/bin" "$root/lib" "$root/usr/lib/aarch64-linux-gnu"
		dir=$(unpack bookworm qemu-system-arm) || die "apt-get download qemu-system-arm:arm64 failed"
		cp "$dir/usr/bin/qemu-system-aarch64" "$root/usr/bin/"
		dir=$(unpack bookworm libc6) || die "apt-get download libc6:arm64 failed"
		cp -L "$dir/lib/ld-linux-aarch64.so.1" "$root/lib/"
		rounds=0
		while lib=$(missing_libs "$root" | head -n 1) && [ -n "$lib" ]; do
			rounds=$((rounds + 1))
			[ $rounds -le 200 ] || die "qemu's libraries: no closure after 200 steps"
			found=$(find "$cache/pkg" -path "*/lib/aarch64-linux-gnu/$lib" 2>/dev/null | head -n 1)
			if [ -z "$found" ]; then
				pkg=$(lib_package "$lib")
				[ -n "$pkg" ] || die "no package on this machine holds $lib (apt-get install qemu-system-arm)"
				dir=$(unpack bookworm "$pkg") || die "apt-get download $pkg:arm64 failed"
				found=$(find "$dir" -path "*/lib/aarch64-linux-gnu/$lib" | head -n 1)
				[ -n "$found" ] || die "$pkg:arm64 holds no $lib"
			fi
			cp -L "$found" "$root/usr/lib/aarch64-linux-gnu/$lib"
		done
		touch "$root/.complete"
		# As unpack: the first run to finish puts its tree in place.
		[ -f "$final/.complete" ] || rm -rf "$final"
		mv -T "$root" "$final" 2> /dev/null || rm -rf "$root"
	fi
	echo "$final"
}

case "${1:-}" in
kernel)
	[ $# -eq 2 ] || die "usage: fetch.sh kernel 5.10|6.1|6.12|6.12-16k"
	ensure_arm64
	case "$2" in
	6.12) flavour=bookworm re='^linux-image-6\.12\.[0-9]+\+deb12-arm64-unsigned$' ;;
	6.12-16k) flavour=bookworm re='^linux-image-6\.12\.[0-9]+\+deb12-arm64-16k-unsigned$' ;;
	6.1) flavour=bookworm re='^linux-image-6\.1\.0-[0-9]+-arm64-unsigned$' ;;
	5.10) flavour=bullseye re='^linux-image-5\.10\.0-[0-9]+-arm64-unsigned$'; setup_bullseye ;;
	*) die "unknown kernel series '$2' (5.10, 6.1, 6.12 or 6.12-16k)" ;;
	esac
	# The index can list a version the mirror no longer holds: then the
	# next newest will do.
	# A package that could not be downloaded is not tried again for a
	# day: every run would wait for the same refusal.
	dir=
	for pkg in $(candidates "$flavour" "$re" | head -n 8); do
		mark=$cache/pkg/$pkg.unavailable
		[ -n "$(find "$mark" -mtime -1 2>/dev/null)" ] && continue
		dir=$(unpack "$flavour" "$pkg") && break
		echo "$prog: $pkg:arm64 could not be downloaded, trying an older one" >&2
		mkdir -p "$cache/pkg" && touch "$mark"
		dir=
	done
	[ -n "$dir" ] || die "no package matching $re could be downloaded"
	img=$(ls "$dir"/boot/vmlinuz-* 2>/dev/null | head -n 1)
	[ -n "$img" ] || die "$pkg holds no /boot/vmlinuz-*"
	echo "$img"
	;;
packages)
	# The packages of that series' Debian suite whose name matches REGEX
	# (none is no error): make matrix's evidence that one cannot exist.
	[ $# -eq 3 ] || die "usage: fetch.sh packages SERIES REGEX"
	ensure_arm64
	case "$2" in
	5.10) setup_bullseye; candidates bullseye "$3" ;;
	6.1|6.12) candidates bookworm "$3" ;;
	*) die "unknown kernel series '$2' (5.10, 6.1 or 6.12)" ;;
	esac
	;;
busybox)
	ensure_arm64
	dir=$(unpack bookworm busybox-static) || die "apt-get download busybox-static:arm64 failed"
	[ -x "$dir/bin/busybox" ] || die "busybox-static:arm64 holds no /bin/busybox"
	echo "$dir/bin/busybox"
	;;
qemu)
	ensure_arm64
	qemu_tree
	;;
lava-templates)
	dir=$(unpack bookworm lava-server all) || die "apt-get download lava-server failed"
	[ -f "$dir/usr/share/lava-server/device-types/qemu.jinja2" ] ||
		die "lava-server holds no device-types/qemu.jinja2"
	echo "$dir/usr/share/lava-server/device-types"
	;;
mirror)
	uri=$(debian_uris | awk '$2 == "bookworm" { print $1; exit }')
	[ -n "$uri" ] || die "no Debian bookworm entry in the machine's apt sources"
	echo "$uri"
	;;
*)
	die "usage: fetch.sh kernel SERIES | packages SERIES REGEX | busybox | qemu | lava-templates | mirror"
	;;
esac
