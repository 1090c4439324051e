/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lines run_tests.sh reads out of a test's output, besides its result:
 *   # assert: <id> <rule> tried=N mismatches=M unspecified=U
 *       what the test checked of an assertion of lib/assertions.txt;
 *   # assert: <id> <rule> tried=N mismatches=M unspecified=U condition=C
 *       the same, under one condition of lib/conditions.txt (the target
 *       vcpu running, asleep, ...);
 *   # behaviour: <value>
 *       what the kernel did where the documents are silent, compared with
 *       the value expected/ pins for this kernel;
 *   # deviation: <value>
 *       every mismatch of a failing test, as one word, compared with the
 *       value an xfail entry of expected/ pins: a known deviation must
 *       stay exactly what it was.
 */
#ifndef REPORT_H
#define REPORT_H

void report_assert(const char *id, const char *rule, unsigned long tried,
		   unsigned long mismatches, unsigned long unspecified);
void report_assert_in(const char *id, const char *rule, const char *condition,
		      unsigned long tried, unsigned long mismatches);
void report_behaviour(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/*
 * One mismatch of this test, as "<what>=<observed>" without spaces.
 * report_deviation() prints all so far on one "# deviation:" line: the
 * first REPORT_DEVIATION_SHOWN in order, then how many more and a hash of
 * all of them, so that the value pins every one.
 */
#define REPORT_DEVIATION_SHOWN	16

void report_deviation_add(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
void report_deviation(void);

/*
 * Mismatch lines: enough to see a pattern, not enough to drown the log.
 * report_mismatch_shown() counts one (in *shown) and says whether to print
 * it; report_unshown() says, at the end, how many were not.
 */
#define REPORT_MISMATCHES_SHOWN	16

static inline int report_mismatch_shown(unsigned long *shown)
{
	return (*shown)++ < REPORT_MISMATCHES_SHOWN;
}

void report_unshown(const char *what, unsigned long shown);

#endif /* REPORT_H */
