// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "kvm_util.h"

#include "run.h"

/* SIGALRM is the test's own watchdog (suite.h). */
#define BOUND_SIGNAL	SIGUSR1
#define KICK_SIGNAL	SIGUSR2

/* One timer per thread that bounds a KVM_RUN: each vcpu thread has its own. */
static __thread timer_t bound_timer;
static __thread bool bound_ready;
static __thread volatile sig_atomic_t bound_fired;
static __thread volatile sig_atomic_t kick_arrived;
/*
 * Shared by the binary's test processes (the harness forks one per test):
 * whether a bound has fired, and the longest run that returned.
 */
struct bound_shared {
	int missed;
	uint64_t slowest_ms;
};

static struct bound_shared *shared;

void run_bound_share(void)
{
	void *p = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	shared = p == MAP_FAILED ? NULL : p;
}

unsigned int run_bound_seconds(void)
{
	uint64_t s;

	if (!shared || !__atomic_load_n(&shared->missed, __ATOMIC_RELAXED))
		return RUN_BOUND_SECONDS;
	s = (__atomic_load_n(&shared->slowest_ms, __ATOMIC_RELAXED) *
	     RUN_BOUND_MARGIN + 999) / 1000;
	if (s < RUN_BOUND_AFTER_MISS)
		return RUN_BOUND_AFTER_MISS;
	return s < RUN_BOUND_SECONDS ? s : RUN_BOUND_SECONDS;
}

double monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A run that returned on its own took ms: the after-miss bound's measure. */
static void run_took(uint64_t ms)
{
	uint64_t old;

	if (!shared)
		return;
	old = __atomic_load_n(&shared->slowest_ms, __ATOMIC_RELAXED);
	while (ms > old &&
	       !__atomic_compare_exchange_n(&shared->slowest_ms, &old, ms, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

static void bound_expired(int sig)
{
	(void)sig;
	bound_fired = 1;
}

/* Runs in the kicked thread: before its KVM_RUN returns, if it was in one. */
static void kicked(int sig)
{
	(void)sig;
	kick_arrived = 1;
}

/* Handlers are per process: set once, before any bound or kick. */
static void handlers_setup(void)
{
	struct sigaction sa = { .sa_handler = bound_expired };
	struct sigaction kick = { .sa_handler = kicked };

	/* No SA_RESTART: the point is to end the KVM_RUN. */
	TEST_ASSERT(!sigaction(BOUND_SIGNAL, &sa, NULL), "sigaction");
	TEST_ASSERT(!sigaction(KICK_SIGNAL, &kick, NULL), "sigaction");
}

static pthread_once_t handlers_once = PTHREAD_ONCE_INIT;

static void bound_setup(void)
{
	struct sigevent sev = {
		.sigev_notify = SIGEV_THREAD_ID,
		.sigev_signo = BOUND_SIGNAL,
	};

	pthread_once(&handlers_once, handlers_setup);
	sev._sigev_un._tid = gettid();
	TEST_ASSERT(!timer_create(CLOCK_MONOTONIC, &sev, &bound_timer),
		    "timer_create: %s", strerror(errno));
	bound_ready = true;
}

static void bound_arm(time_t seconds)
{
	struct itimerspec its = { .it_value = { .tv_sec = seconds } };

	timer_settime(bound_timer, 0, &its, NULL);
}

struct run_result vcpu_run_bounded(struct kvm_vcpu *vcpu)
{
	struct run_result r;
	double start;
	int ret;

	if (!bound_ready)
		bound_setup();
	bound_fired = 0;
	kick_arrived = 0;
	bound_arm(run_bound_seconds());
	start = monotonic_seconds();
	ret = __vcpu_run(vcpu);
	r.err = ret ? errno : 0;
	bound_arm(0);
	r.exit_reason = vcpu->run->exit_reason;
	r.timed_out = bound_fired;
	r.kicked = kick_arrived;
	if (r.timed_out)
		run_bound_missed();
	else
		run_took((monotonic_seconds() - start) * 1000);
	return r;
}

void run_bound_release(void)
{
	if (!bound_ready)
		return;
	timer_delete(bound_timer);
	bound_ready = false;
}

void vcpu_run_kick(pthread_t thread)
{
	pthread_once(&handlers_once, handlers_setup);
	pthread_kill(thread, KICK_SIGNAL);
}

void run_bound_missed(void)
{
	if (shared)
		__atomic_store_n(&shared->missed, 1, __ATOMIC_RELAXED);
}

void vcpu_expect_sync(struct kvm_vcpu *vcpu, struct ucall *uc)
{
	switch (get_ucall(vcpu, uc)) {
	case UCALL_SYNC:
		break;
	case UCALL_ABORT:
		REPORT_GUEST_ASSERT_1(*uc, "arg %lu");
		break;
	case UCALL_UNHANDLED:
		TEST_FAIL("vcpu %u: guest exception, vector %lu ec 0x%lx",
			  vcpu->id, uc->args[0], uc->args[1]);
		break;
	default:
		TEST_FAIL("vcpu %u: exit reason %u, ucall %lu", vcpu->id,
			  vcpu->run->exit_reason, uc->cmd);
	}
}

void vcpu_run_to_sync(struct kvm_vcpu *vcpu, uint64_t stage, struct ucall *uc)
{
	vcpu_run(vcpu);
	vcpu_expect_sync(vcpu, uc);
	TEST_ASSERT(uc->args[1] == stage, "vcpu %u: stage 0x%lx, expected 0x%lx",
		    vcpu->id, uc->args[1], stage);
}
