#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# layout_check.sh BUILD: the tree keeps its layout (docs/developing.md, Layout).
# kvm_util's headers are read from $KTREE (make's KSRC=), else BUILD/linux-6.1.
#   - guest code includes only guest_code/, its area's header, the shared
#     lib/guest_host.h and kvm_util's headers; host code no guest_code/
#     header;
#   - every object of lib/ and guest_code/ is linked into two test
#     binaries or more (else it belongs in its area, tests/<area>/), but
#     for the models and the sequence engine's pure parts ($MODEL_SRCS,
#     make's list), which make check unit-tests natively: oracles live in
#     lib/ whoever links them;
#   - the harness's SKIP() is called by lib/suite.h alone: tests skip
#     through SKIP_FOR and SKIP_IF, whose reasons start with a feature
#     token of lib/features.txt (FEATURE());
#   - one way to fail: check() for a rule, kvm_util's TEST_ASSERT or
#     TEST_FAIL when a test cannot go on (lib/assert_wrap.c charges its
#     rule); the harness's ASSERT_*() and EXPECT_*(), which fail a test
#     outside its tally, only in lib/suite.h.
# Prints what breaks the layout; exit status 1 if anything does.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$1
nm=${NM:-aarch64-linux-gnu-nm}
command -v "$nm" > /dev/null 2>&1 || nm=nm
bad=0
cd "$top" || exit 2

# The quoted includes of a file.
includes() {
	sed -n 's/^#include "\([^"]*\)".*/\1/p' "$1"
}

# kvm_util's own headers (its include directories), which both sides use.
ktree=${KTREE:-$build/linux-6.1}
kvm_headers=$(ls "$ktree"/tools/testing/selftests/kvm/include \
	"$ktree"/tools/testing/selftests/kvm/include/aarch64 \
	"$ktree"/tools/testing/selftests 2>/dev/null | grep '\.h$')
[ -n "$kvm_headers" ] || { echo "layout_check.sh: no kvm_util headers under $ktree"; exit 1; }

for f in guest_code/*.[ch] tests/*/guest.c; do
	area=$(dirname "$f")
	for h in $(includes "$f"); do
		[ -f "guest_code/$h" ] || [ -f "$area/$h" ] || [ "$h" = guest_host.h ] && continue
		echo "$kvm_headers" | grep -qx "$h" && continue
		echo "$f: includes $h, a host header (guest code may include lib/guest_host.h only)"
		bad=1
	done
done
for f in lib/*.[ch] tests/*/*.[ch]; do
	case "$f" in */guest.c) continue ;; esac
	for h in $(includes "$f"); do
		[ -f "guest_code/$h" ] || continue
		echo "$f: includes $h, a guest header (host code may include lib/guest_host.h only)"
		bad=1
	done
done

# A skip names its feature: no SKIP( but lib/suite.h's.
for f in $(grep -l 'SKIP(' lib/*.[ch] tests/*/*.c guest_code/*.[ch] 2>/dev/null); do
	[ "$f" = lib/suite.h ] && continue
	grep -n 'SKIP(' "$f" | grep -v 'SKIP_FOR(\|SKIP_IF(' | sed "s|^\([0-9]*:\)[[:space:]]*|$f:\1 |; s|\$|: the harness's SKIP() directly (use SKIP_FOR or SKIP_IF, whose reason names a feature of lib/features.txt)|"
	grep 'SKIP(' "$f" | grep -qv 'SKIP_FOR(\|SKIP_IF(' && bad=1
done

# One way to fail: no harness ASSERT_*() or EXPECT_*() but lib/suite.h's.
for f in lib/*.[ch] tests/*/*.c guest_code/*.[ch]; do
	[ "$f" = lib/suite.h ] && continue
	grep -nE '(^|[^A-Za-z0-9_])(ASSERT|EXPECT)_[A-Z]+\(' "$f" |
		sed "s|^\([0-9]*:\)[[:space:]]*|$f:\1 |; s|\$|: the harness's ASSERT_/EXPECT_ fail a test outside its tally (use check(), or TEST_ASSERT when the test cannot go on)|" | grep . && bad=1
done

# The first function each shared object defines, looked for in each binary.
for o in "$build"/obj/lib/*.o "$build"/obj/guest_code/*.o; do
	src=${o#"$build"/obj/}
	case " ${MODEL_SRCS:-} " in *" ${src%.o}.c "*) continue ;; esac
	sym=$("$nm" --defined-only "$o" | awk '$2 == "T" { print $3; exit }')
	[ -n "$sym" ] || continue
	users=0
	for b in "$build"/tests/*; do
		[ -f "$b" ] && [ -x "$b" ] || continue
		"$nm" "$b" 2>/dev/null | grep -q " $sym\$" && users=$((users + 1))
	done
	if [ "$users" -lt 2 ]; then
		echo "${o#"$build"/obj/}: linked into $users test binaries (a file of lib/ or guest_code/ serves two or more; move it into its area)"
		bad=1
	fi
done
exit $bad
