#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# version.sh: the suite's version, from its git checkout: "version:
# <git describe --always --dirty>" and "commit: <hash>", or "unknown"
# outside a checkout.  mk/suite-tree.sh writes it as VERSION beside
# run_tests.sh (boards have no git); a certification bundle carries it.
top=$(cd "$(dirname "$0")/.." && pwd)
if version=$(git -C "$top" describe --always --dirty 2> /dev/null) &&
	commit=$(git -C "$top" rev-parse HEAD 2> /dev/null); then
	printf 'version: %s\ncommit: %s\n' "$version" "$commit"
else
	printf 'version: unknown\ncommit: unknown\n'
fi
