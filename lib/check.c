// SPDX-License-Identifier: GPL-2.0
#include <fnmatch.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

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
	t->last = r;
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

/* Appends to buf at *at, never past len (a full buffer drops the rest). */
static void append(char *buf, size_t len, size_t *at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*at >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *at, len - *at, fmt, ap);
	va_end(ap);
	*at = n < 0 ? len : *at + n;
}

static void tally_format(const struct tally *t, char *buf, size_t len, size_t *at)
{
	int r, c;

	for (r = 0; r < NR_RULES; r++)
		for (c = 0; c < NR_CONDITIONS; c++) {
			if (!t->tried[r][c])
				continue;
			append(buf, len, at, "# assert: %s %s tried=%lu mismatches=%lu unspecified=%lu%s%s\n",
			       rules[r].id, rules[r].name, t->tried[r][c],
			       t->wrong[r][c], t->unspecified[r][c],
			       c == COND_NONE ? "" : " condition=", condition_names[c]);
		}
	if (t->unshown)
		append(buf, len, at, "# %lu more mismatches not shown\n", t->unshown);
}

/* Room for every line of a test: a few dozen rules and conditions. */
static char lines[32768];

void tally_report(const struct tally *t)
{
	size_t at = 0;

	tally_format(t, lines, sizeof(lines), &at);
	fputs(lines, stdout);
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

static void deviation_format(char *buf, size_t len, size_t *at)
{
	if (!deviations)
		return;
	if (deviations > CHECK_DEVIATIONS_SHOWN)
		append(buf, len, at, "# deviation: %s,+%lu-more-fnv1a-%08x\n", deviation,
		       deviations - CHECK_DEVIATIONS_SHOWN, deviation_hash);
	else
		append(buf, len, at, "# deviation: %s\n", deviation);
}

static const char *test_name;

void check_begin(const char *name)
{
	test_name = name;
	test_tally.last = -1;
}

/* A test's lines, its asserts and its deviation, into lines after at. */
static size_t test_lines(size_t at)
{
	tally_format(&test_tally, lines, sizeof(lines), &at);
	deviation_format(lines, sizeof(lines), &at);
	return at < sizeof(lines) ? at : sizeof(lines) - 1;
}

unsigned long check_end(void)
{
	test_name = NULL;
	test_lines(0);
	fputs(lines, stdout);
	return tally_mismatches(&test_tally);
}

/* The first rule whose "checked by" names the test, or -1. */
static int rule_of_test(const char *name)
{
#define RULE_OF_(rule, pattern)	if (!fnmatch(pattern, name, 0)) return rule;
	RULE_TESTS_TABLE(RULE_OF_)
#undef RULE_OF_
	return -1;
}

bool check_abort(const char *what)
{
	const char *name = test_name;
	struct tally *t = &test_tally;
	size_t at = 0;
	int r;

	if (!name)
		return false;
	test_name = NULL;
	r = t->last >= 0 ? t->last : rule_of_test(name);
	if (r >= 0) {
		t->tried[r][t->under]++;
		t->wrong[r][t->under]++;
		append(lines, sizeof(lines), &at, "# abort: %s %s: %s\n",
		       rules[r].id, rules[r].name, what);
	} else {
		append(lines, sizeof(lines), &at,
		       "# abort: no rule of the catalog names %s: %s\n", name, what);
	}
	at = test_lines(at);
	return write(STDOUT_FILENO, lines, at) >= 0;	/* failing anyway */
}
