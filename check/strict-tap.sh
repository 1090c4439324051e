#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# For prove -e: replay a saved TAP 13 file in strict mode, where any line
# that is not TAP is a parse error.
sed '1{/^TAP version 13$/a\
pragma +strict
}' "$1"
