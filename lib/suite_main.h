/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The main() of every test binary, in place of TEST_HARNESS_MAIN:
 *   --list   print the names of the tests, one per line, and exit
 *            (run_tests.sh checks expected/ against them);
 *   else     probe the host, then run the 6.1 kselftest harness.
 * Include it after the tests, in the file that defines them: the harness
 * keeps its test list in static variables.
 */
#ifndef SUITE_MAIN_H
#define SUITE_MAIN_H

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "bounded_run.h"
#include "host.h"

/*
 * Per test, for TEST_F_TIMEOUT: a test takes seconds even on the emulated
 * host, which runs 10-100x slower than a board; past this it is hung.
 */
#define SUITE_TEST_SECONDS	300

/* In a test: skip, saying why, when setup found the host lacking (reason). */
#define SKIP_IF(reason) do {						\
	const char *why_ = (reason);					\
									\
	if (why_)							\
		SKIP(return, "%s", why_);				\
} while (0)

static int suite_list_tests(void)
{
	struct __fixture_variant_metadata no_variant = { .name = "", };
	struct __fixture_variant_metadata *v;
	struct __fixture_metadata *f;
	struct __test_metadata *t;

	for (f = __fixture_list; f; f = f->next)
		for (v = f->variant ?: &no_variant; v; v = v->next)
			for (t = f->tests; t; t = t->next)
				printf("%s%s%s.%s\n", f->name, v->name[0] ? "." : "",
				       v->name, t->name);
	return 0;
}

/*
 * What the test is doing now, for the watchdog below: set it before a
 * step that could hang (a KVM_RUN, say).
 */
static const char *suite_step_what = "setting up";
static unsigned long suite_step_arg;
static int suite_alarm_seconds;

static inline void suite_step(const char *what, unsigned long arg)
{
	suite_step_what = what;
	suite_step_arg = arg;
}

static void suite_hung(int sig)
{
	char line[160];
	ssize_t ret;
	int len;

	(void)sig;
	len = snprintf(line, sizeof(line), "# hung for %ds while %s %lu: giving up\n",
		       suite_alarm_seconds, suite_step_what, suite_step_arg);
	ret = write(STDOUT_FILENO, line, len);	/* failing anyway */
	(void)ret;
	_exit(KSFT_FAIL);
}

/*
 * Call first in every FIXTURE_SETUP (with its _metadata): it runs in the
 * harness's child.
 * - If the harness is killed (run_tests.sh's timeout), the child, in a
 *   process group of its own, must not live on with a hung vcpu and the
 *   output pipe: it dies with its parent.
 * - Before the harness's own timeout for this test (TEST_F's 30 s, or
 *   TEST_F_TIMEOUT's) kills it silently, say where it hung: a tenth of
 *   that timeout earlier, at least 3 s.
 */
static inline void suite_test_start(const struct __test_metadata *t)
{
	int margin = t->timeout / 10 > 3 ? t->timeout / 10 : 3;
	pid_t harness = getppid();

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != harness)
		_exit(KSFT_FAIL);
	suite_alarm_seconds = t->timeout > margin ? t->timeout - margin : 1;
	signal(SIGALRM, suite_hung);
	alarm(suite_alarm_seconds);
}

/*
 * extra(argc, argv): a binary's own modes (a benchmark, say); it returns
 * -1 for options it does not know, else the exit status.
 */
#define SUITE_MAIN_WITH(extra)						\
int main(int argc, char **argv)						\
{									\
	int (*extra_mode)(int, char **) = extra;			\
	int ret;							\
									\
	if (argc == 2 && !strcmp(argv[1], "--list"))			\
		return suite_list_tests();				\
	/* Tests end in _exit(): a buffered line would be lost. */	\
	setvbuf(stdout, NULL, _IOLBF, 0);				\
	host_probe();							\
	run_bound_share();						\
	if (argc == 1)							\
		return test_harness_run(argc, argv);			\
	ret = extra_mode ? extra_mode(argc, argv) : -1;			\
	if (ret < 0)							\
		fprintf(stderr, "%s: unknown option '%s'\n", argv[0], argv[1]); \
	return ret < 0 ? 2 : ret;					\
}

#define SUITE_MAIN() SUITE_MAIN_WITH(((int (*)(int, char **))NULL))

#endif /* SUITE_MAIN_H */
