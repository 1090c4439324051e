/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One KVM_RUN that cannot block for ever: a vcpu waiting for an interrupt
 * that never comes is interrupted by a signal after a generous bound, and
 * says so.  kvm_util's vcpu_run() retries EINTR, which is exactly what the
 * KVM_CAP_ARM_USER_IRQ tests need to see.
 */
#ifndef BOUNDED_RUN_H
#define BOUNDED_RUN_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Far beyond any exit the emulated host makes a guest wait for (its slowest
 * is well under a second); only a lost wake-up gets here.
 */
#define RUN_BOUND_SECONDS	60

struct kvm_vcpu;

struct run_result {
	int err;		/* 0, or the errno KVM_RUN failed with */
	uint32_t exit_reason;	/* run->exit_reason */
	bool timed_out;		/* the bound's signal ended it */
};

struct run_result vcpu_run_bounded(struct kvm_vcpu *vcpu);

/* KVM_RUN failed with EINTR and KVM_EXIT_INTR: a forced return. */
static inline bool run_forced(const struct run_result *r)
{
	return !r->timed_out && r->err == EINTR && r->exit_reason == KVM_EXIT_INTR;
}

#endif /* BOUNDED_RUN_H */
