/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TAP for the native unit tests (check/model_test.c, check/realvmm_test.c):
 * one numbered line per test, the failures counted for the exit status.
 * Each test program is one file, which includes this once.
 */
#ifndef NATIVE_TAP_H
#define NATIVE_TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static int test_nr, failed;

static void __attribute__((format(printf, 2, 3))) tap(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", ok ? "" : "not ", ++test_nr);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	failed += !ok;
}

#endif
