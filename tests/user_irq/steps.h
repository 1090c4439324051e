/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The steps of tests/user_irq/host.c: one device of a test VM driven from the
 * guest, every return from KVM_RUN compared with the user_irq oracle, and
 * what was checked counted per rule of lib/assertions.txt (U01..U12).
 */
#ifndef USER_IRQ_STEPS_H
#define USER_IRQ_STEPS_H

#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "user_irq_oracle.h"
#include "user_irqchip.h"
#include "vm.h"

struct user_irq_env {
	struct irq_vm v;
	struct user_irqchip chip;
	enum user_irq_dev dev;
	uint64_t bit;			/* the device's bit */
	unsigned int intid;		/* its PPI, with a vgic */
	uint64_t truth[IRQ_VM_MAX_VCPUS];	/* the devices' true levels */
	/* Which rule a forced return the step expects answers to. */
	enum rule exit_rule;
};

/*
 * nr_vcpus vcpus with dev; gic 0 for none, else the vgic version.  NULL,
 * or why the host cannot (for SKIP).
 */
const char *user_irq_env_create(struct user_irq_env *e, enum user_irq_dev dev,
				unsigned int nr_vcpus, int gic);
void user_irq_env_destroy(struct user_irq_env *e);

/* Carry out op on vcpu t up to its report; high: the device's level after. */
void user_irq_step(struct user_irq_env *e, unsigned int t, unsigned int op,
		   bool high);
/* The same, and no return on the way may be forced. */
void user_irq_step_unforced(struct user_irq_env *e, unsigned int t,
			    unsigned int op, bool high);
/* op, then a spin only a forced return ends (e->exit_rule), then release. */
void user_irq_spin_forced(struct user_irq_env *e, unsigned int t,
			  unsigned int op, bool high);
/* With more than one vcpu: every other vcpu runs, its bits unmoved. */
void user_irq_others_quiet(struct user_irq_env *e, unsigned int t);
/* Raise, take through the loop's CPU IRQ line, lowered, nothing more. */
void user_irq_round_trip(struct user_irq_env *e, unsigned int t);
/* Flip the device's bit in the field: KVM returns at once, set right. */
void user_irq_overwrite(struct user_irq_env *e, unsigned int t);
/* immediate_exit over a stale bit: "stale" or "updated" afterwards. */
const char *user_irq_immediate_exit_bits(struct user_irq_env *e, unsigned int t);
/* vgic: raise, take the PPI, lower; delivery: count what arrived. */
void user_irq_vgic_round_trip(struct user_irq_env *e, bool delivery);

uint64_t user_irq_field(struct user_irq_env *e, unsigned int t);
void user_irq_field_or(struct user_irq_env *e, unsigned int t, uint64_t bits);
void user_irq_field_and(struct user_irq_env *e, unsigned int t, uint64_t bits);
void user_irq_sync_regs(struct user_irq_env *e, unsigned int t,
			uint64_t valid, uint64_t dirty);

/* KVM_SET_DEVICE_ATTR on a vcpu with an int: 0 or the errno. */
int user_irq_set_attr(struct kvm_vcpu *vcpu, uint32_t group, uint64_t attr,
		      int val);

/* One check of rule (check.h), naming the device of the test. */
#define env_check(e, rule, ok, fmt, ...)					\
	check(rule, ok, "[%s] " fmt, user_irq_dev_name((e)->dev), ##__VA_ARGS__)

#endif /* USER_IRQ_STEPS_H */
