/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The model of KVM_CAP_ARM_USER_IRQ (3fe17e682616) on a VM with no
 * in-kernel irqchip: per vcpu the output levels of its EL1 virtual timer,
 * EL1 physical timer and PMU overflow interrupt, all three in use at
 * once, and run->s.regs.device_irq_level as userspace holds it.  It
 * judges every return from KVM_RUN (lib/user_irq_oracle.c's rules):
 *   - bits 0..2 hold the devices' true levels (U02), no undefined bit
 *     set by KVM (U01);
 *   - a field that disagrees with a device when KVM_RUN is entered makes
 *     KVM return (EINTR, KVM_EXIT_INTR) before the guest runs (U03, U04);
 *     a forced return with nothing to report is wrong too (U03: once per
 *     change);
 *   - a timer that fires while the guest spins, never exiting on its own,
 *     forces a return (U03, running);
 *   - immediate_exit returns EINTR without running the guest, the field
 *     as the immediate-exit variant says (U07).
 * The guest reads its devices' levels after every command (the timers'
 * ISTATUS, the overflow flag) and reports them.  A timer armed a moment
 * ahead fires when its deadline passes: that moment is timing, and under
 * emulation the guest's ISTATUS and KVM's reading of the same timer may
 * disagree around it, so an armed timer's level stays open (either) until
 * the guest raises, lowers or arms it again; what is required of it is
 * that a guest spinning while it fires gets a forced return that shows it.
 */
#ifndef MODEL_USER_IRQ_H
#define MODEL_USER_IRQ_H

#include "model.h"
#include "transitions.h"
#include "seq.h"

struct ui_vcpu {
	enum tri level[NR_USER_IRQ_DEVS];	/* the devices' output levels */
	bool armed[NR_USER_IRQ_DEVS];		/* a timer that fires soon, once */
	bool changing[NR_USER_IRQ_DEVS];	/* a change begun, not yet made */
	uint64_t field;				/* device_irq_level, as userspace holds it */
	/* Since KVM_RUN was last entered: */
	uint64_t field_at_entry;
	bool must_exit;				/* the field disagreed: return first */
	bool changed;				/* a level may have changed meanwhile */
	bool written;				/* by userspace since the last return */
	bool spinning;
};

struct ui_model {
	unsigned int nr_vcpus;
	int version;			/* KVM_CAP_ARM_USER_IRQ */
	struct variants variants;
	struct ui_vcpu v[IRQ_VM_MAX_VCPUS];
	struct model_stats stats;
};

/* What one return from KVM_RUN showed. */
struct ui_return {
	int err;			/* 0 or KVM_RUN's errno */
	uint32_t exit_reason;
	uint64_t field;			/* device_irq_level after it */
	bool guest_ran;			/* the guest got as far as its command */
	bool kicked;			/* userspace's own signal may have ended it */
};

void ui_model_init(struct ui_model *m, unsigned int nr_vcpus, int version,
		   const struct variants *variants);

/* Userspace writes the field (the next entry judges it). */
void ui_model_field(struct ui_model *m, unsigned int vcpu, uint64_t field);

/* KVM_RUN of vcpu is entered with the field as userspace holds it. */
void ui_model_entry(struct ui_model *m, unsigned int vcpu);

/* vcpu begins to spin in the guest, never exiting on its own. */
void ui_model_spin_begin(struct ui_model *m, unsigned int vcpu);

/*
 * The command vcpu's guest runs changes a device (SEQ_DEV): begun (a
 * return meanwhile may show the old level or the new one, and may be
 * forced), then made (a return after it must show the new level).  The
 * executor says so as the guest reports each.
 */
void ui_model_dev_begin(struct ui_model *m, unsigned int vcpu, enum user_irq_dev dev,
			enum seq_dev_action action);
void ui_model_dev(struct ui_model *m, unsigned int vcpu, enum user_irq_dev dev,
		  enum seq_dev_action action);

/* A return of vcpu's KVM_RUN (immediate_exit: it was set), judged into j. */
bool ui_model_return(struct ui_model *m, unsigned int vcpu,
		     const struct ui_return *r, bool immediate_exit,
		     struct model_judge *j);

/* The guest read its devices' levels (as device_irq_level's bits). */
bool ui_model_levels_read(struct ui_model *m, unsigned int vcpu, uint64_t levels,
			  struct model_judge *j);

/*
 * The timers of vcpu that are armed and not seen high: while the guest
 * spins, each fires and must bring a forced return that shows it (unless
 * userspace's copy of the field already shows it high).
 */
uint64_t ui_model_spin_awaits(const struct ui_model *m, unsigned int vcpu);

/*
 * The spin ended; missed: the awaited timers whose forced return did not
 * come within a run's bound, the guest spinning all along (U03).
 */
bool ui_model_spin_end(struct ui_model *m, unsigned int vcpu, uint64_t missed,
		       struct model_judge *j);

uint64_t ui_model_hash(const struct ui_model *m);

extern const char *const ui_transition_names[NR_UI_TRANSITIONS];

#endif /* MODEL_USER_IRQ_H */
