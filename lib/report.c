// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "report.h"

void report_assert(const char *id, const char *rule, unsigned long tried,
		   unsigned long mismatches, unsigned long unspecified)
{
	printf("# assert: %s %s tried=%lu mismatches=%lu unspecified=%lu\n",
	       id, rule, tried, mismatches, unspecified);
}

void report_assert_in(const char *id, const char *rule, const char *condition,
		      unsigned long tried, unsigned long mismatches)
{
	printf("# assert: %s %s tried=%lu mismatches=%lu unspecified=0 condition=%s\n",
	       id, rule, tried, mismatches, condition);
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

/* This test's mismatches: each test runs in a process of its own. */
static char deviation[REPORT_DEVIATION_SHOWN * 32];
static size_t deviation_len;
static unsigned long deviations;
static uint32_t deviation_hash = 2166136261u;	/* FNV-1a */

void report_deviation_add(const char *fmt, ...)
{
	char one[96];
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(one, sizeof(one), fmt, ap);
	va_end(ap);
	for (i = 0; one[i]; i++)
		deviation_hash = (deviation_hash ^ (unsigned char)one[i]) * 16777619u;
	deviation_hash = (deviation_hash ^ ',') * 16777619u;
	if (deviations++ < REPORT_DEVIATION_SHOWN && deviation_len < sizeof(deviation))
		deviation_len += snprintf(deviation + deviation_len,
					  sizeof(deviation) - deviation_len, "%s%s",
					  deviation_len ? "," : "", one);
}

void report_deviation(void)
{
	if (!deviations)
		return;
	if (deviations > REPORT_DEVIATION_SHOWN)
		printf("# deviation: %s,+%lu-more-fnv1a-%08x\n", deviation,
		       deviations - REPORT_DEVIATION_SHOWN, deviation_hash);
	else
		printf("# deviation: %s\n", deviation);
}
