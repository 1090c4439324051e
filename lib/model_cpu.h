/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The model of the CPU lines (KVM_IRQ_LINE's CPU type on a VM with no
 * in-kernel irqchip, 86ce85352f0d): per vcpu an IRQ and a FIQ line, any
 * number of them high at once, and the guest's PSTATE.I and F masks in
 * its windows.  It says which exceptions a vcpu may, and must, take in a
 * window: a line is a level (the guest cannot clear it), so the guest
 * stub takes each at most once per window (its handler returns with that
 * exception masked); taken when high and unmasked, never while masked.
 *
 * Windows are the observation points.  A stopped window (the vcpu's
 * guest unmasks, synchronises, masks) must take exactly the lines that
 * are high and unmasked.  A spinning window runs while other threads
 * change lines: a line high when it starts (before the vcpu says it
 * spins) or when it ends (the vcpu has re-entered the guest since the
 * last change) must be taken; one high only in between may be.
 */
#ifndef MODEL_CPU_H
#define MODEL_CPU_H

#include "model.h"
#include "transitions.h"
#include "seq.h"

/* Line changes one spinning window records, at most. */
#define CPU_WINDOW_STEPS	32

struct cpu_vcpu {
	enum tri line[2];		/* ABI_CPU_IRQ, ABI_CPU_FIQ */
	bool masked[2];			/* PSTATE.I, PSTATE.F in its windows */
	bool spinning;
	unsigned int steps;		/* line values since the window began */
	enum tri hist[2][CPU_WINDOW_STEPS + 1];
};

struct cpu_model {
	unsigned int nr_vcpus;
	struct variants variants;
	struct cpu_vcpu v[IRQ_VM_MAX_VCPUS];
	struct model_stats stats;
};

void cpu_model_init(struct cpu_model *m, unsigned int nr_vcpus,
		    const struct variants *variants);

/* An accepted KVM_IRQ_LINE of line (0 IRQ, 1 FIQ) of vcpu, at level. */
void cpu_model_line(struct cpu_model *m, unsigned int vcpu, unsigned int line,
		    uint32_t level);

/* The guest's mask of line in its windows. */
void cpu_model_mask(struct cpu_model *m, unsigned int vcpu, unsigned int line,
		    bool masked);

/* vcpu begins to spin with its lines unmasked as set (the running condition). */
void cpu_model_spin(struct cpu_model *m, unsigned int vcpu);

/*
 * What a spinning or sleeping vcpu must have taken by now, whatever
 * happens before its stop: the lines high and unmasked (bit 0 IRQ, bit 1
 * FIQ).  Asleep in WFI, it is woken for them.
 */
unsigned int cpu_model_must_have_taken(const struct cpu_model *m, unsigned int vcpu);

/*
 * vcpu's window ended (a stopped one, or the spin): it took IRQ taken[0]
 * times and FIQ taken[1] times.  Judged (D01) into j; the model then
 * holds what the observation settled.
 */
bool cpu_model_window(struct cpu_model *m, unsigned int vcpu,
		      const unsigned int taken[2], struct model_judge *j);

/* A hash of the whole state, for the states a run visited. */
uint64_t cpu_model_hash(const struct cpu_model *m);

extern const char *const cpu_transition_names[NR_CPU_TRANSITIONS];

#endif /* MODEL_CPU_H */
