/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lines run_tests.sh reads out of a test's output, besides its result:
 *   # assert: <id> <rule> tried=N mismatches=M unspecified=U
 *       what the test checked of an assertion of lib/assertions.txt;
 *   # behaviour: <value>
 *       what the kernel did where the documents are silent, compared with
 *       the value expected/ pins for this kernel.
 */
#ifndef REPORT_H
#define REPORT_H

void report_assert(const char *id, const char *rule, unsigned long tried,
		   unsigned long mismatches, unsigned long unspecified);
void report_behaviour(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif /* REPORT_H */
