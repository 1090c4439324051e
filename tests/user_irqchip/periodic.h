/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest side of tests/user_irqchip/host.c: a vcpu that takes count periodic
 * interrupts of one timer through the CPU IRQ line a userspace irqchip
 * drives.  For each period it arms the timer, waits in WFI and lets the
 * handler log which period it served; the handler masks the timer and
 * ends with an EOI, a ucall (PERIODIC_EOI) standing for the MMIO write a
 * guest's EOI is to a userspace GIC: the exit at which that controller
 * learns the line went low.
 */
#ifndef GUEST_PERIODIC_H
#define GUEST_PERIODIC_H

#include <stdint.h>

#include "guest_host.h"

#define PERIODIC_MAX		1000	/* interrupts per vcpu */
/* Past this, a line left high is storming: stop counting and report. */
#define PERIODIC_SPURIOUS_MAX	10000

/* ucall stages: args are (vcpu, taken, spurious) */
#define PERIODIC_EOI		0x9e1
#define PERIODIC_DONE		0x9e2

struct periodic_cmd {
	uint32_t dev;		/* DEV_VTIMER or DEV_PTIMER */
	uint32_t count;		/* interrupts to take, <= PERIODIC_MAX */
	uint32_t period_us;
};

struct periodic_log {
	/* seq[v][k]: the period the k-th interrupt on vcpu v served */
	uint32_t seq[IRQ_VM_MAX_VCPUS][PERIODIC_MAX];
	uint32_t taken[IRQ_VM_MAX_VCPUS];
	uint32_t spurious[IRQ_VM_MAX_VCPUS];	/* taken with the timer quiet */
};

extern struct periodic_cmd periodic_cmd;
extern struct periodic_log periodic_log;

struct kvm_vm;

void periodic_guest_main(void);
void periodic_install_handlers(struct kvm_vm *vm);

#endif /* GUEST_PERIODIC_H */
