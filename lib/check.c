// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "check.h"

#define RULE_INFO_(e, i, n)	[e] = { i, n },
const struct rule_info rules[NR_RULES] = { RULE_TABLE(RULE_INFO_) };
#define CONDITION_NAME_(e, n)	[e] = n,
const char *const condition_names[NR_CONDITIONS] = { CONDITION_TABLE(CONDITION_NAME_) };

struct tally test_tally;

bool rule_has_condition(enum rule r, enum condition c)
{
#define RULE_CONDITION_(rule, cond)	if (r == rule && c == cond) return true;
	RULE_CONDITION_TABLE(RULE_CONDITION_)
#undef RULE_CONDITION_
	return false;
}

bool tally_check(struct tally *t, enum rule r, unsigned long n, bool ok,
		 const char *fmt, ...)
{
	va_list ap;

	t->tried[r][t->under] += n;
	if (ok)
		return true;
	t->wrong[r][t->under]++;
	if (t->shown >= CHECK_SHOWN) {
		t->unshown++;
		return false;
	}
	t->shown++;
	printf("# %s %s: ", rules[r].id, rules[r].name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return false;
}

void tally_unspecified(struct tally *t, enum rule r, unsigned long n)
{
	t->tried[r][t->under] += n;
	t->unspecified[r][t->under] += n;
}

unsigned long tally_mismatches(const struct tally *t)
{
	unsigned long sum = 0;
	int r, c;

	for (r = 0; r < NR_RULES; r++)
		for (c = 0; c < NR_CONDITIONS; c++)
			sum += t->wrong[r][c];
	return sum;
}

void tally_add(struct tally *sum, const struct tally *t)
{
	int r, c;

	for (r = 0; r < NR_RULES; r++)
		for (c = 0; c < NR_CONDITIONS; c++) {
			sum->tried[r][c] += t->tried[r][c];
			sum->wrong[r][c] += t->wrong[r][c];
			sum->unspecified[r][c] += t->unspecified[r][c];
		}
	sum->unshown += t->unshown;
}

void tally_report(const struct tally *t)
{
	int r, c;

	for (r = 0; r < NR_RULES; r++)
		for (c = 0; c < NR_CONDITIONS; c++) {
			if (!t->tried[r][c])
				continue;
			printf("# assert: %s %s tried=%lu mismatches=%lu unspecified=%lu%s%s\n",
			       rules[r].id, rules[r].name, t->tried[r][c],
			       t->wrong[r][c], t->unspecified[r][c],
			       c == COND_NONE ? "" : " condition=", condition_names[c]);
		}
	if (t->unshown)
		printf("# %lu more mismatches not shown\n", t->unshown);
}

void check_behaviour(const char *fmt, ...)
{
	va_list ap;

	printf("# behaviour: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static char deviation[CHECK_DEVIATIONS_SHOWN * 32];
static size_t deviation_len;
static unsigned long deviations;
static uint32_t deviation_hash = 2166136261u;	/* FNV-1a */

void check_deviation(const char *fmt, ...)
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
	if (deviations++ < CHECK_DEVIATIONS_SHOWN && deviation_len < sizeof(deviation))
		deviation_len += snprintf(deviation + deviation_len,
					  sizeof(deviation) - deviation_len, "%s%s",
					  deviation_len ? "," : "", one);
}

static void deviation_report(void)
{
	if (!deviations)
		return;
	if (deviations > CHECK_DEVIATIONS_SHOWN)
		printf("# deviation: %s,+%lu-more-fnv1a-%08x\n", deviation,
		       deviations - CHECK_DEVIATIONS_SHOWN, deviation_hash);
	else
		printf("# deviation: %s\n", deviation);
}

unsigned long check_end(void)
{
	tally_report(&test_tally);
	deviation_report();
	return tally_mismatches(&test_tally);
}
