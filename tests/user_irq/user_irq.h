/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest side of tests/user_irq/host.c: a vcpu that drives its own EL1
 * virtual timer, EL1 physical timer and PMU overflow line on command, and
 * counts the interrupts it takes, through the CPU's IRQ line (no in-kernel
 * GIC) or through the vgic.
 *
 * The host writes user_irq_cmd[vcpu] and runs the vcpu; the vcpu carries
 * the command out and reports USER_IRQ_DONE (args: vcpu, commands run,
 * interrupts taken in the last window, last INTID taken).
 */
#ifndef GUEST_USER_IRQ_H
#define GUEST_USER_IRQ_H

#include <stdint.h>

#include "guest_host.h"

#define USER_IRQ_DONE		0x0a1

enum user_irq_op {
	USER_IRQ_NOP,
	USER_IRQ_RAISE,		/* make the device's output high */
	USER_IRQ_LOWER,		/* ... low: timer masked, overflow cleared */
	/*
	 * Unmask IRQs for a while and count what is taken.  The handler
	 * lowers the device (as a driver would) when told to, and returns
	 * with IRQs masked: a line left high is counted once per window.
	 */
	USER_IRQ_WINDOW,
	/* Set up the guest's GIC (gic) and enable the device's PPI. */
	USER_IRQ_GIC_SETUP,
};

struct user_irq_cmd {
	uint32_t op;
	uint32_t dev;		/* enum user_irq_dev */
	uint32_t spin;		/* after the op, spin until released */
	uint32_t handler_lowers; /* the IRQ handler lowers dev */
	uint32_t gic;		/* 0, or the vgic version the guest drives */
	uint32_t intid;		/* the device's PPI, with a gic */
};

/* Indexed by vcpu id. */
extern struct user_irq_cmd user_irq_cmd[IRQ_VM_MAX_VCPUS];
/* The host sets it to end a spin. */
extern uint32_t user_irq_release[IRQ_VM_MAX_VCPUS];
/* Commands each vcpu started: unchanged across a run, the guest did not run. */
extern uint64_t user_irq_commands[IRQ_VM_MAX_VCPUS];

struct kvm_vm;

void user_irq_guest_main(void);
void user_irq_install_handlers(struct kvm_vm *vm);

#endif /* GUEST_USER_IRQ_H */
