/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a test checked, by rule of lib/assertions.txt (enum rule, generated
 * from it into rules.h), and the lines run_tests.sh reads out of its output
 * besides its result:
 *   # assert: <id> <rule> tried=N mismatches=M unspecified=U [condition=C]
 *       what the test checked of a rule, under a condition of
 *       lib/conditions.txt (the target vcpu running, asleep, ...) if any;
 *   # behaviour: <value>
 *       what the kernel did where the documents are silent, compared with
 *       the value expected/ pins for this kernel;
 *   # deviation: <value>
 *       every mismatch of a failing test, as one word, compared with the
 *       value an xfail entry of expected/ pins: a known deviation must
 *       stay exactly what it was.
 * check() is the one way to check: it counts, prints the first mismatches
 * (CHECK_SHOWN of them in a test), and a mismatch fails the test.  The
 * suite's test wrapper (suite.h) prints the lines and judges at the end.
 * A test that cannot go on (kvm_util's TEST_ASSERT and TEST_FAIL, a guest's
 * GUEST_ASSERT as the host reports it, a hang) ends in check_abort(): one
 * mismatch of the rule it was checking, or else of the first rule whose
 * "checked by" names it, and its lines, so that a failed test always
 * shows the rule that failed:
 *   # abort: <id> <rule>: <what>
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdbool.h>

#include "rules.h"

struct rule_info {
	const char *id;		/* "A04" */
	const char *name;	/* "IRQ-CPU-NUM" */
};

extern const struct rule_info rules[NR_RULES];
extern const char *const condition_names[NR_CONDITIONS];

/* Mismatch lines: enough to see a pattern, not enough to drown the log. */
#define CHECK_SHOWN		16

struct tally {
	unsigned long tried[NR_RULES][NR_CONDITIONS];
	unsigned long wrong[NR_RULES][NR_CONDITIONS];
	unsigned long unspecified[NR_RULES][NR_CONDITIONS];
	enum condition under;	/* what the checks from now on hold under */
	int last;		/* the rule last checked, or -1 */
	unsigned long shown;	/* mismatches printed */
	unsigned long unshown;	/* ... and not */
};

/* This test's: each test runs in a process of its own. */
extern struct tally test_tally;

/*
 * One check of rule r in t, over n values tried (1 but for a probe whose
 * many calls make one verdict): counted; if !ok, one mismatch, printed
 * (fmt) if it is among the first CHECK_SHOWN.
 */
bool tally_check(struct tally *t, enum rule r, unsigned long n, bool ok,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* n values the documents leave open: tried, unspecified, never wrong. */
void tally_unspecified(struct tally *t, enum rule r, unsigned long n);
unsigned long tally_mismatches(const struct tally *t);
void tally_add(struct tally *sum, const struct tally *t);
/* The "# assert:" lines, and how many mismatches were not shown. */
void tally_report(const struct tally *t);

#define check(r, ok, ...)	tally_check(&test_tally, r, 1, ok, __VA_ARGS__)
#define check_n(r, n, ok, ...)	tally_check(&test_tally, r, n, ok, __VA_ARGS__)
#define check_unspecified(r, n)	tally_unspecified(&test_tally, r, n)

/* Whether lib/conditions.txt declares rule r under condition c. */
bool rule_has_condition(enum rule r, enum condition c);

/* The checks of this test from here on hold under condition c. */
static inline void check_under(enum condition c)
{
	test_tally.under = c;
}

void check_behaviour(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * One mismatch of this test, as "<what>=<observed>" without spaces, for
 * its "# deviation:" line: the first CHECK_DEVIATIONS_SHOWN in order, then
 * how many more and a hash of all of them, so that the value pins every one.
 */
#define CHECK_DEVIATIONS_SHOWN	16
void check_deviation(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The start of a test, fixture.variant.test, whose rule an abort charges. */
void check_begin(const char *name);

/* The end of a test: its assert lines and its deviation; 0 or mismatches. */
unsigned long check_end(void);

/*
 * This test cannot go on (what): one mismatch of its rule, its lines,
 * written at once (a hang's signal handler calls it); whether they were.
 * Outside a test, nothing.
 */
bool check_abort(const char *what);

#endif /* CHECK_H */
