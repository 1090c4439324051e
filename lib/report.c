// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>

#include "report.h"

void report_assert(const char *id, const char *rule, unsigned long tried,
		   unsigned long mismatches, unsigned long unspecified)
{
	printf("# assert: %s %s tried=%lu mismatches=%lu unspecified=%lu\n",
	       id, rule, tried, mismatches, unspecified);
}

void report_unshown(const char *what, unsigned long shown)
{
	if (shown > REPORT_MISMATCHES_SHOWN)
		printf("# %s: %lu more mismatches not shown\n", what,
		       shown - REPORT_MISMATCHES_SHOWN);
}

void report_behaviour(const char *fmt, ...)
{
	va_list ap;

	printf("# behaviour: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}
