/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The models of one sequence's VM together: on a VM with no in-kernel
 * irqchip the CPU lines (lib/model_cpu.c) and KVM_CAP_ARM_USER_IRQ
 * (lib/model_user_irq.c), with a vgic the vgic (lib/model_vgic.c).  What
 * operation may run now, the generator of operations, and the state's
 * hash and transitions for the run's summary.
 */
#ifndef SEQ_MODEL_H
#define SEQ_MODEL_H

#include "model_cpu.h"
#include "model_user_irq.h"
#include "model_vgic.h"
#include "seq.h"

struct seq_models {
	struct seq_vm vm;
	bool pmu;			/* no irqchip: the vcpus have a PMU */
	struct cpu_model cpu;
	struct ui_model ui;
	struct vgic_model vgic;
};

/* user_irq: KVM_CAP_ARM_USER_IRQ's version (a VM with no irqchip). */
void seq_models_init(struct seq_models *s, const struct seq_vm *vm, bool pmu,
		     int user_irq);

/* Whether vcpu is spinning (the running condition). */
bool seq_models_spinning(const struct seq_models *s, unsigned int vcpu);

/*
 * Whether op may run now: the models' preconditions (what the generator
 * keeps to; a replayed or shrunk sequence skips what it may not).
 */
bool seq_models_allows(const struct seq_models *s, const struct seq_op *op);

/*
 * An operation whose effect the models know without observing anything
 * (an accepted line, a mask, a spin begun; a vgic enable, trigger, route,
 * EOI, DIR, EOImode): applied, true.  false, nothing done, for one whose
 * outcome must be observed (a window, a stop, an acknowledge, a read, a
 * device change, a KVM_RUN).
 */
bool seq_models_apply(struct seq_models *s, const struct seq_op *op);

uint64_t seq_models_hash(const struct seq_models *s);

/* The models' transition tables, and how many (at most 2). */
unsigned int seq_models_stats(const struct seq_models *s, const struct model_stats **stats);

/*
 * A sequence's VM from a seed: slots 1..max_vcpus, spread over a VM of
 * more than IRQ_VM_MAX_VCPUS vcpus, up to vm_vcpus_max, if that is larger
 * (not for vgic-v2),
 * and for a vgic nr_irqs
 * (64 or nr_irqs_max), the INTIDs in play (PPIs, a timer PPI KVM owns
 * sometimes, SPIs at the ends and in the middle), their trigger and
 * routing.
 */
void seq_vm_generate(struct seq_rng *r, enum seq_vm_kind kind, unsigned int max_vcpus,
		     unsigned int vm_vcpus_max, unsigned int nr_irqs_max,
		     const struct variants *variants, struct seq_vm *vm);

/*
 * The generator's state: its PRNG, and the INTID its last operation
 * touched (a third of the next vgic operations touch it again: what one
 * operation did, the next meets).
 */
struct seq_gen {
	struct seq_rng rng;
	/*
	 * The draws of the operations added last (1-N routes, the timers'
	 * PPIs): apart, so that a sequence draws what it drew before them
	 * until one of them is made (the kills the seeds made stay made).
	 */
	struct seq_rng late;
	bool late_seeded;
	unsigned int last_intid;	/* 0: none yet */
	bool pairing;			/* the last was a line to go at once ... */
	uint8_t pair_from;		/* ... from this thread */
};

/* The next operation, one the models allow now. */
void seq_op_generate(struct seq_gen *g, const struct seq_models *s, struct seq_op *op);

#endif /* SEQ_MODEL_H */
