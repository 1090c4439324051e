/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The suite's frame around the 6.1 kselftest harness, for every host test:
 *   SUITE_SETUP(f) { ... }      a fixture's set-up: returns NULL, or why
 *                               this host cannot run the fixture's tests
 *                               (their skip reason); not run without KVM;
 *   SUITE_TEARDOWN(f) { ... }   its tear-down;
 *   SUITE_FIXTURE_EMPTY(f)      a fixture with nothing to set up;
 *   SUITE_TEST(f, t) { ... }    a test: skipped with its set-up's reason,
 *                               its checks (check.h) reported at its end,
 *                               a mismatch failing it;
 *   SUITE_MAIN()                main(), in place of TEST_HARNESS_MAIN:
 *                               --list prints the names of the tests
 *                               (run_tests.sh checks expected/ against
 *                               them), --host-facts what the host is
 *                               (lib/host.c); else the host is probed
 *                               and the harness runs.
 * Every test gets the hang reporter, and dies with the harness.  Include
 * this header before the tests, and SUITE_MAIN() after them, in the file
 * that defines them: the harness keeps its test list in static variables.
 */
#ifndef SUITE_H
#define SUITE_H

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

/* The harness's log lines go with the TAP, in order. */
#define TH_LOG_STREAM stdout
#include "kselftest_harness.h"

#include "check.h"
#include "host.h"
#include "run.h"

/*
 * Per test, for TEST_F_TIMEOUT: a test takes seconds even on the emulated
 * host, which runs 10-100x slower than a board; past this it is hung.
 */
#define SUITE_TEST_SECONDS	300

/*
 * In a test: skip for lack of a feature of lib/features.txt: SKIP_FOR(
 * VGIC_V3, "why") (a token the table does not hold does not build)...
 */
#define SKIP_FOR(token, why) SKIP(return, "%s", FEATURE(token) why)

/* ... or when the host lacks something: reason, from FEATURE() too. */
#define SKIP_IF(reason) do {						\
	const char *why_ = (reason);					\
									\
	if (why_)							\
		SKIP(return, "%s", why_);				\
} while (0)

/* Why this test's fixture cannot be set up here (SUITE_SETUP), or NULL. */
static const char *suite_skip;

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
	len = snprintf(line, sizeof(line), "hung for %ds while %s %lu: giving up",
		       suite_alarm_seconds, suite_step_what, suite_step_arg);
	if (len < 0 || len > (int)sizeof(line) - 2)
		len = sizeof(line) - 2;
	/* In a test, its abort line says it; before one, a line of its own. */
	if (!check_abort(line)) {
		line[len++] = '\n';
		ret = write(STDOUT_FILENO, "# ", 2);	/* failing anyway */
		ret = write(STDOUT_FILENO, line, len);
		(void)ret;
	}
	_exit(KSFT_FAIL);
}

/*
 * First in every set-up (SUITE_SETUP), which runs in the harness's child.
 * - If the harness is killed (run_tests.sh's timeout), the child, in a
 *   process group of its own, must not live on with a hung vcpu and the
 *   output pipe: it dies with its parent.
 * - Before the harness's own timeout for this test (TEST_F's 30 s, or
 *   TEST_F_TIMEOUT's) kills it silently, say where it hung: a tenth of
 *   that timeout earlier, at least 3 s.
 */
static inline void suite_test_start(const struct __test_metadata *t,
				    const void *variant)
{
	int margin = t->timeout / 10 > 3 ? t->timeout / 10 : 3;
	const struct __fixture_variant_metadata *v;
	pid_t harness = getppid();
	static char name[256];
	const char *vname = "";

	/* fixture.variant.test, as the harness and run_tests.sh name it. */
	for (v = t->fixture->variant; v; v = v->next)
		if (v->data == variant) {
			vname = v->name;
			break;
		}
	snprintf(name, sizeof(name), "%s%s%s.%s", t->fixture->name, *vname ? "." : "",
		 vname, t->name);
	check_begin(name);

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
	if (argc == 2 && !strcmp(argv[1], "--host-facts"))		\
		return host_probe(), host_print_facts();		\
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

/* A test's checks: its assert lines, and any mismatch fails it. */
#define suite_test_end(_metadata) do {					\
	unsigned long mismatches_ = check_end();			\
									\
	if (!_metadata->skip)						\
		EXPECT_EQ(0, mismatches_);				\
} while (0)

#define SUITE_ARGS_(f)							\
	struct __test_metadata __attribute__((unused)) *_metadata,	\
	FIXTURE_DATA(f) __attribute__((unused)) *self,			\
	const FIXTURE_VARIANT(f) __attribute__((unused)) *variant

#define SUITE_SETUP(f)							\
	static const char *suite_setup_##f(SUITE_ARGS_(f));		\
	FIXTURE_SETUP(f)						\
	{								\
		suite_test_start(_metadata, variant);				\
		suite_skip = host.kvm ? suite_setup_##f(_metadata, self, variant) : \
					NO_KVM_REASON;			\
	}								\
	static const char *suite_setup_##f(SUITE_ARGS_(f))

/* Runs whether set-up built all, part or nothing of what it tears down. */
#define SUITE_TEARDOWN(f)						\
	static void suite_teardown_##f(SUITE_ARGS_(f));		\
	FIXTURE_TEARDOWN(f)						\
	{								\
		if (host.kvm)						\
			suite_teardown_##f(_metadata, self, variant);	\
	}								\
	static void suite_teardown_##f(SUITE_ARGS_(f))

#define SUITE_FIXTURE_EMPTY(f)						\
	FIXTURE(f) {};							\
	SUITE_SETUP(f) { return NULL; }					\
	SUITE_TEARDOWN(f) {}

/*
 * timeout: the harness's for this test; a test takes seconds even on the
 * emulated host, so SUITE_TEST_SECONDS means hung.
 */
#define SUITE_TEST_TIMEOUT(f, t, timeout)				\
	static void suite_test_##f##_##t(SUITE_ARGS_(f));		\
	TEST_F_TIMEOUT(f, t, timeout)					\
	{								\
		if (suite_skip)						\
			SKIP(return, "%s", suite_skip);			\
		suite_test_##f##_##t(_metadata, self, variant);		\
		suite_test_end(_metadata);				\
	}								\
	static void suite_test_##f##_##t(SUITE_ARGS_(f))

#define SUITE_TEST(f, t)	SUITE_TEST_TIMEOUT(f, t, SUITE_TEST_SECONDS)

#endif /* SUITE_H */
