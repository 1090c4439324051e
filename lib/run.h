/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a test vcpu: to the guest's next ucall, or one KVM_RUN that
 * cannot block for ever: a vcpu waiting for an interrupt
 * that never comes is interrupted by a signal after a generous bound, and
 * says so.  kvm_util's vcpu_run() retries EINTR, which is exactly what the
 * KVM_CAP_ARM_USER_IRQ tests need to see.
 */
#ifndef RUN_H
#define RUN_H

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <linux/kvm.h>

/*
 * Far beyond any exit the emulated host makes a guest wait for (its slowest
 * is well under a second, at most milliseconds on hardware); only a lost
 * wake-up or return gets here.  Not more: every test that waits for the
 * lost event pays it, and a broken kernel must fail a run in about the
 * time a clean one takes.
 */
#define RUN_BOUND_SECONDS	10

/*
 * Once one bound has fired, the kernel is known to lose a wake-up or a
 * return, and the binary's later runs wait less, so that a broken kernel
 * fails a whole binary in about the time of one bound, not each of its
 * tests in a full one.  How much less is measured, never assumed: this
 * many times the longest run that returned in this binary so far, at
 * least RUN_BOUND_AFTER_MISS seconds and at most RUN_BOUND_SECONDS.  A
 * machine twice as slow gets a bound twice as long: no fixed margin to
 * outgrow.  (A fixed second did: on a slow board, after one lost return,
 * three later windows that take under 0.1 s here failed at one second.)
 */
#define RUN_BOUND_MARGIN	20
#define RUN_BOUND_AFTER_MISS	1

/* CLOCK_MONOTONIC in seconds: the bounds' clock, and the benchmarks'. */
double monotonic_seconds(void);

/* In main(), before the harness forks its tests: they share the miss. */
void run_bound_share(void);

/* The bound the next vcpu_run_bounded() waits, in seconds. */
unsigned int run_bound_seconds(void);

struct kvm_vcpu;

struct run_result {
	int err;		/* 0, or the errno KVM_RUN failed with */
	uint32_t exit_reason;	/* run->exit_reason */
	bool timed_out;		/* the bound's signal ended it */
	bool kicked;		/* a vcpu_run_kick() signal came while it ran */
};

struct run_result vcpu_run_bounded(struct kvm_vcpu *vcpu);

/* A thread that bounded KVM_RUNs and is about to end: its timer goes. */
void run_bound_release(void);

/*
 * KVM_RUN failed with EINTR and KVM_EXIT_INTR, and no signal of ours
 * explains it: a forced return, KVM's own.
 */
static inline bool run_forced(const struct run_result *r)
{
	return !r->timed_out && !r->kicked && r->err == EINTR &&
	       r->exit_reason == KVM_EXIT_INTR;
}

/*
 * From another thread: end that thread's KVM_RUN now (EINTR with
 * KVM_EXIT_INTR, not timed_out).  A kick that arrives before the vcpu
 * enters KVM_RUN is lost: kick until the thread says it returned.
 */
void vcpu_run_kick(pthread_t thread);

/* A wait of the caller's own reached its bound: later bounds shrink too. */
void run_bound_missed(void);

struct ucall;

/*
 * The exit KVM_RUN just returned must be the guest's GUEST_SYNC: a guest
 * assertion, an unhandled exception or any other exit fails the test.
 */
void vcpu_expect_sync(struct kvm_vcpu *vcpu, struct ucall *uc);

/*
 * KVM_RUN until the guest's next GUEST_SYNC, which must be at this stage;
 * a guest assertion or any other exit fails the test.
 */
void vcpu_run_to_sync(struct kvm_vcpu *vcpu, uint64_t stage, struct ucall *uc);

#endif /* RUN_H */
