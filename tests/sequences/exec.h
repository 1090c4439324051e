/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a sequence on a real VM, step by step against the models
 * (lib/seq_model.h): every host operation's return code against the
 * oracle, every KVM_RUN return (exit reason, device_irq_level) and every
 * guest observation (exceptions taken, acknowledges, register reads)
 * against the models, until the first mismatch.
 *
 * Each vcpu has a thread of its own that runs it, as a VMM's vcpu threads
 * do; host operations come from the main thread or from a vcpu's thread.
 * A spin leaves its vcpu in KVM_RUN, the guest spinning, while the main
 * thread goes on (the running condition); its stop ends it.
 */
#ifndef SEQ_EXEC_H
#define SEQ_EXEC_H

#include "check.h"
#include "seq_model.h"
#include "vm.h"

struct seq_worker;
struct seq_guest_config;
struct seq_guest_vcpu;
struct seq_guest_spis;

struct seq_exec {
	struct irq_vm v;
	struct seq_models m;
	struct seq_guest_config *cfg;	/* the guest's, in its memory */
	struct seq_guest_vcpu *gv;
	struct seq_guest_spis *spis;
	struct seq_worker *w;		/* one per vcpu */
	uint32_t cmd[IRQ_VM_MAX_VCPUS];	/* each vcpu's last command */
	uint32_t spin_cmd[IRQ_VM_MAX_VCPUS];	/* its spin's */
	bool asleep[IRQ_VM_MAX_VCPUS];	/* that spin is a sleep in WFI */
	/* A line held to go at once with the next operation (its with_next). */
	bool paired;
	struct seq_op pair;
	unsigned int pair_step;
	struct tally *tally;		/* where checks count; NULL: nowhere */
	/* The states each model visited, if counted. */
	struct state_set *states[2];
	unsigned long ops;		/* operations run */
	unsigned long at_once;		/* pairs of lines made at once */
	unsigned int step;		/* the operation under way: its step ... */
	const struct seq_op *op;	/* ... and itself (NULL in the set-up) */
	/* The first mismatch. */
	bool failed;
	unsigned int fail_step;
	enum rule fail_rule;
	struct seq_op fail_op;	/* at fail_step: one of the ops, or the end's stop */
	char why[640];
};

/*
 * A VM for vm, its vcpus run to their guest's first report: NULL, or why
 * this host cannot (for SKIP).  Checks count in tally (NULL: nowhere).
 */
const char *seq_exec_start(struct seq_exec *x, const struct seq_vm *vm,
			   struct tally *tally);

/*
 * One operation: false at a mismatch (x->why says what the model
 * allowed and what was observed).  What the models do not allow now is
 * skipped (a replayed or shrunk sequence), and returns true.
 */
bool seq_exec_op(struct seq_exec *x, const struct seq_op *op);

/* Ends what still spins (judged), then takes the VM down: !x->failed. */
bool seq_exec_end(struct seq_exec *x);

#endif /* SEQ_EXEC_H */
