// SPDX-License-Identifier: GPL-2.0
/*
 * kvm_util's assertions reach the tally.  TEST_ASSERT, TEST_FAIL and a
 * guest's GUEST_ASSERT (which the host reports with TEST_FAIL) all end in
 * kvm_util's test_assert(), which prints and exits: the test binaries are
 * linked with --wrap=test_assert, so that the failing assertion first
 * charges the test's rule one mismatch (check_abort), then kvm_util's own
 * test_assert prints it as ever and exits.  kvm_util stays unmodified.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "check.h"

void __real_test_assert(bool exp, const char *exp_str, const char *file,
			unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void __wrap_test_assert(bool exp, const char *exp_str, const char *file,
			unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

void __wrap_test_assert(bool exp, const char *exp_str, const char *file,
			unsigned int line, const char *fmt, ...)
{
	char what[512], text[384] = "";
	va_list ap;

	if (exp)
		return;
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(text, sizeof(text), fmt, ap);
		va_end(ap);
	}
	/* One line: the assertion's text may span several. */
	snprintf(what, sizeof(what), "%s:%u: %s: %s", file, line, exp_str, text);
	for (char *c = what; *c; c++)
		if (*c == '\n')
			*c = ' ';
	fflush(stdout);
	check_abort(what);
	__real_test_assert(exp, exp_str, file, line, "%s", text);
}
