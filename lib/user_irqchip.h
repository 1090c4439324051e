/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A userspace interrupt controller, as QEMU runs one with
 * kernel_irqchip=off (target/arm/kvm.c): after every KVM_RUN, whatever it
 * returned, read run->s.regs.device_irq_level and drive each vcpu's CPU
 * IRQ line with KVM_IRQ_LINE (irq_type CPU) from the device lines wired
 * to it.  The smallest controller that does the job: the wired lines are
 * ORed, there is no priority, acknowledge or masking of its own.
 */
#ifndef USER_IRQCHIP_H
#define USER_IRQCHIP_H

#include <stdbool.h>
#include <stdint.h>

#include "run.h"
#include "vm.h"

struct ucall;

/* What the loop saw and did, per vcpu. */
struct user_irqchip_vcpu {
	bool line;		/* the IRQ line as the loop last drove it */
	unsigned long runs;	/* KVM_RUN calls */
	unsigned long forced;	/* ... that returned EINTR with KVM_EXIT_INTR */
	unsigned long raises, lowers;
	uint64_t undefined;	/* bits outside the version's set KVM reported */
};

/* One return from KVM_RUN of vcpu 0: what the loop read and drove. */
struct user_irqchip_step {
	int err;		/* KVM_RUN's errno, 0 */
	uint32_t exit_reason;
	uint64_t level;		/* device_irq_level after the return */
	bool line;		/* the IRQ line the loop drove from it */
};

struct user_irqchip {
	struct irq_vm *v;
	int version;		/* KVM_CAP_ARM_USER_IRQ */
	uint64_t wired;		/* the device bits that drive the IRQ line */
	struct user_irqchip_vcpu cpu[IRQ_VM_MAX_VCPUS];
	/*
	 * If set, called after every KVM_RUN with what device_irq_level held
	 * before it: for a test to check each return.
	 */
	void (*observe)(struct user_irqchip *c, unsigned int i, uint64_t before);
	/*
	 * If set, vcpu 0's first timeline_max returns are recorded here
	 * (timeline_len of them), for a report to draw; nothing is judged.
	 */
	struct user_irqchip_step *timeline;
	unsigned int timeline_max, timeline_len;
};

void user_irqchip_init(struct user_irqchip *c, struct irq_vm *v,
		       uint64_t wired);

/*
 * One bounded KVM_RUN of vcpu i, then the IRQ line from the device lines;
 * a run that hits the bound fails the test.
 */
struct run_result user_irqchip_run(struct user_irqchip *c, unsigned int i);

/*
 * KVM_RUN vcpu i until the guest's next GUEST_SYNC, taking every forced
 * return on the way; a run that hits the bound, fails otherwise or ends in
 * anything but GUEST_SYNC fails the test.
 */
void user_irqchip_run_to_ucall(struct user_irqchip *c, unsigned int i,
			       struct ucall *uc);

#endif /* USER_IRQCHIP_H */
