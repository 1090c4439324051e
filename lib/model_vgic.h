/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The model of what a guest sees through the in-kernel vgic (v2 and v3)
 * when userspace injects SPIs and PPIs with KVM_IRQ_LINE: per interrupt
 * (an SPI, or a PPI of one vcpu) its trigger, enable, input line, edge
 * latch, active state, priority, the vcpu an SPI is routed to; per vcpu
 * its EOImode, the interrupts it acknowledged and has not EOId, each of a
 * higher priority than the one before (their last is its running
 * priority), and those EOId but not yet deactivated (EOImode 1).
 *
 * Rules from the GIC architecture (IHI 0048B for GICv2, IHI 0069 for
 * GICv3), catalog kind "architecture" (G01..G08):
 *   - level-sensitive: pending while the line is asserted; acknowledged
 *     while asserted, active and pending (IHI 0048B 3.2.4; IHI 0069,
 *     "Interrupt handling state machine");
 *   - edge-triggered: a rising edge latches it pending until it is
 *     acknowledged; an edge while active makes it active and pending
 *     (same sections);
 *   - a disabled interrupt is not signalled, and keeps its pending state
 *     (IHI 0048B 4.3.5, 4.3.6; IHI 0069 GICD_ISENABLER<n>/GICR_ISENABLER0);
 *     nor is any while its group is disabled in the distributor or at the
 *     vcpu's CPU interface: pending, it is signalled once enabled again
 *     (IHI 0048B 4.3.1 GICD_CTLR, 4.4.1 GICC_CTLR; IHI 0069 GICD_CTLR,
 *     ICC_IGRPEN1_EL1);
 *   - EOImode 0: EOI drops the priority and deactivates; EOImode 1: EOI
 *     drops it, DIR deactivates (IHI 0048B 3.2.1, GICC_CTLR.EOImodeNS;
 *     IHI 0069 ICC_CTLR_EL1.EOImode);
 *   - only an interrupt of a higher priority than the running one is
 *     signalled: it preempts, taken in a window and returned by an
 *     acknowledge; one of the same or a lower priority is not, an
 *     acknowledge reads 1023 (IHI 0048B 3.3, preemption; IHI 0069,
 *     "Interrupt prioritization", "Preemption").  The priorities a guest
 *     writes differ in their top three bits, so group priority is the
 *     whole priority whatever the binary point, and are below the mask;
 *   - a PPI KVM's timer owns (27, 30) is level-sensitive: its line is the
 *     timer's output (CNTV_CTL_EL0/CNTP_CTL_EL0 ISTATUS and not IMASK;
 *     DDI 0487, "The Generic Timer in AArch64 state"), set by KVM when the
 *     guest's timer starts or stops firing;
 *     userspace's KVM_IRQ_LINE into it is ignored or not as the owned-ppi
 *     variant says, and written, it overwrites the same level;
 *   - IPRIORITYR reads back the priority written (its top bits are
 *     implemented: at least 16 levels, IHI 0048B 3.3; IHI 0069,
 *     "Interrupt prioritization");
 *   - an SPI goes only to the vcpu its ITARGETSR (one CPU) or IROUTER
 *     (IRM 0, one vcpu's affinity) names, a PPI only to its own vcpu
 *     (IHI 0048B 4.3.12; IHI 0069 GICD_IROUTER<n>);
 *   - vgic-v2's 1-N model: an SPI whose ITARGETSR names several CPU
 *     interfaces goes to one of them, which one the GIC chooses (IHI 0048B
 *     1.4.3, 4.3.12): a window of one target may leave it to another, but
 *     once every target had a window that ended with it pending for that
 *     target and nothing about it changed meanwhile, one of them must have
 *     taken it; ITARGETSR reads back the set written;
 *   - ISENABLER, ISPENDR and ISACTIVER read back the state (IHI 0048B
 *     4.3.5-4.3.10; IHI 0069, their GICD_ and GICR_ forms);
 *   - an acknowledge returns a pending, enabled, inactive interrupt of
 *     this vcpu's (among equal priorities, any: the GIC's choice) or
 *     1023 (IHI 0048B 4.4.4 GICC_IAR; IHI 0069 ICC_IAR1_EL1).
 * What the architecture leaves open the model keeps open: a polled
 * acknowledge may read 1023 even with an interrupt pending (how soon a
 * pending interrupt reaches the CPU interface); for the same reason which
 * of several above the running priority is acknowledged first, of
 * whatever priorities; in a spinning window, whether a line raised and
 * lowered again meanwhile was taken.  A window with interrupts unmasked
 * is where delivery is required: the guest stays in it until nothing
 * enabled, pending and inactive of its own is left (bounded), so every
 * such interrupt must have been taken, once.
 *
 * What the generator does not create, because the architecture leaves it
 * UNPREDICTABLE or CONSTRAINED UNPREDICTABLE, the model does not judge:
 * the trigger changed while enabled, active or pending; an IROUTER naming
 * no vcpu or several, an ITARGETSR naming none; EOImode changed with an interrupt
 * active; DIR of an interrupt not yet EOId.  Nor a priority changed while
 * enabled or active: when it reaches what a CPU interface already holds
 * the architecture does not say (KVM does not re-sort its list registers).  An SPI re-routed while
 * active stays active for the vcpu that acknowledged it, which
 * deactivates it (IHI 0048B 4.3.12: a change "has no effect on any active
 * interrupt"); pending again, it goes to the new target.
 */
#ifndef MODEL_VGIC_H
#define MODEL_VGIC_H

#include "model.h"
#include "transitions.h"
#include "seq.h"

/* Line changes a spinning window records per interrupt, at most. */
#define VGIC_WINDOW_STEPS	16
/* Interrupts a vcpu holds EOId but not deactivated (EOImode 1). */
#define VGIC_MAX_DROPPED	2
/* An acknowledge that found nothing. */
#define VGIC_SPURIOUS		1023
/* Acknowledged, not EOId: one per priority, each preempting the one before. */
#define VGIC_MAX_HELD		SEQ_NR_PRIORITIES

struct vgic_irq {
	bool enabled, edge, active, owned;
	bool dropped;			/* EOImode 1: EOId, awaiting DIR */
	/*
	 * reroute-pending:waits-for-old-target: the vcpus other than its
	 * target whose list may hold it (bit v), each until it runs.
	 */
	uint16_t holders;
	_Static_assert(IRQ_VM_MAX_VCPUS <= 16, "a bit per vcpu");
	/* dist-enable:strands-pending: pending when it was set again, not queued since. */
	bool stranded;
	bool pending_at_enable;		/* enabled while pending */
	unsigned char acked_by;		/* the vcpu that acknowledged it */
	/* The vcpus it is routed to (bit v): a PPI's own, an SPI's one or (v2) several. */
	uint16_t targets;
	/* 1-N: the targets whose window left it pending for them, untaken, since it changed. */
	uint16_t passed;
	unsigned char priority;
	unsigned int taken;		/* times taken, for the transitions */
	/*
	 * As KVM_IRQ_LINE last set it; for a PPI KVM's timer owns, the one
	 * line_level both write: the timer's output when it changes.
	 */
	enum tri line;
	bool timer;			/* owned: the guest's timer fires (KVM's last level) */
	enum tri latch;			/* edge: latched pending */
};

struct vgic_vcpu {
	bool eoi_split;
	bool group_disabled;		/* at its CPU interface (ICC_IGRPEN1_EL1, GICC_CTLR) */
	/* Acknowledged, not EOId: their indices, the running priority's last. */
	unsigned int nr_held;
	int held[VGIC_MAX_HELD];
	unsigned int nr_dropped;	/* EOImode 1: EOId, oldest first */
	int dropped[VGIC_MAX_DROPPED];
	bool spinning;
	/* Per interrupt, its state when the spin began and the lines since. */
	struct vgic_irq start[SEQ_MAX_INTIDS];
	unsigned int steps[SEQ_MAX_INTIDS];
	enum tri hist[SEQ_MAX_INTIDS][VGIC_WINDOW_STEPS + 1];
};

struct vgic_model {
	int version;			/* 2 or 3 */
	unsigned int nr_vcpus;
	unsigned int nr_intids;
	unsigned int intid[SEQ_MAX_INTIDS];
	bool dist_disabled;		/* GICD_CTLR's group enable clear: nothing forwarded */
	/*
	 * vcpu-lookup:ppi-id-as-index and vcpu v's id is not its index: KVM's
	 * own timer injection takes the id for an index too (5.10, 6.1
	 * arch_timer.c, kvm_vgic_inject_irq(kvm, vcpu->vcpu_id, ...)), so its
	 * timer's PPI lands on another vcpu, while ISPENDR of a mapped timer
	 * reads v's own line: beyond the model, its timers are not driven.
	 */
	bool timer_elsewhere[IRQ_VM_MAX_VCPUS];
	struct variants variants;
	/* [k][v]: PPI k of vcpu v; an SPI is [k][0]. */
	struct vgic_irq irq[SEQ_MAX_INTIDS][IRQ_VM_MAX_VCPUS];
	struct vgic_vcpu v[IRQ_VM_MAX_VCPUS];
	struct model_stats stats;
};

/* What a window showed: each INTID the vcpu's handler acknowledged, in order. */
#define VGIC_MAX_TAKEN		32

struct vgic_window {
	unsigned int nr_taken;
	uint16_t taken[VGIC_MAX_TAKEN];
	unsigned int spurious;		/* acknowledges that read 1023 */
	unsigned int stuck;		/* its drain never emptied: the INTID left, or 0 */
};

/* Whether i goes to vcpu v; whether it goes to several (the 1-N model). */
static inline bool vgic_routed_to(const struct vgic_irq *i, unsigned int v)
{
	return i->targets >> v & 1;
}

/* A set of vcpus (bit v) of two or more. */
static inline bool vgic_several(unsigned int mask)
{
	return mask & (mask - 1);
}

static inline bool vgic_shared(const struct vgic_irq *i)
{
	return vgic_several(i->targets);
}

/* The PPIs KVM's arch timer owns: EL1 virtual 27, EL1 physical 30. */
bool vgic_owned_by_kvm(unsigned int intid);

/* The PPI of a timer a guest drives (enum user_irq_dev), or 0: the PMU's is not in play. */
static inline unsigned int vgic_timer_ppi(unsigned int dev)
{
	return dev == DEV_VTIMER ? 27 : dev == DEV_PTIMER ? 30 : 0;
}

/*
 * The VM as the guest left it after its set-up: every interrupt of vm's
 * disabled, inactive, its line low; SPI k edge if vm->edge & (1 << k),
 * routed to vm->target[k]; PPIs level; k of priority vm->priority[k];
 * EOImode 0.
 */
void vgic_model_init(struct vgic_model *m, const struct seq_vm *vm);

/* vcpu's running priority: what it acknowledged last and has not EOId's, or idle. */
unsigned int vgic_model_running_priority(const struct vgic_model *m, unsigned int vcpu);

/* Interrupt k as vcpu v sees it: its own PPI, or the SPI. */
const struct vgic_irq *vgic_model_irq(const struct vgic_model *m, unsigned int k,
				      unsigned int v);

/* Index of intid among the VM's, or -1. */
int vgic_model_index(const struct vgic_model *m, unsigned int intid);

/* Whether op may run now (what the generator and a replay keep to). */
bool vgic_model_allows(const struct vgic_model *m, const struct seq_op *op);

/*
 * vcpu's guest made its EL1 virtual (intid 27) or physical (30) timer
 * fire now or stop: KVM sets that PPI's line to the timer's output when it
 * changes (kvm_timer_update_irq, by the vcpu's next run at the latest).
 */
void vgic_model_timer(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		      bool firing);

/* An accepted KVM_IRQ_LINE (SPI: vcpu ignored). */
void vgic_model_line(struct vgic_model *m, unsigned int type, unsigned int vcpu,
		     unsigned int intid, uint32_t level);

void vgic_model_enable(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		       bool on);
void vgic_model_config(struct vgic_model *m, unsigned int intid, bool edge);
/*
 * vcpu's guest routes intid to the vcpus of targets (bit v; several: a
 * vgic-v2 ITARGETSR's 1-N) and read back read_back (its bits as vcpus).
 */
bool vgic_model_route(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		      unsigned int targets, unsigned int read_back, struct model_judge *j);
/* Of the vcpus of mask, one spinning, or -1. */
int vgic_model_spinning_of(const struct vgic_model *m, unsigned int mask);
void vgic_model_eoimode(struct vgic_model *m, unsigned int vcpu, bool split);
/*
 * vcpu's guest set a group enable (SEQ_GROUP_DIST: the distributor's, for
 * all) and read it back: read_back 1 set, 0 clear, 2 partly.
 */
bool vgic_model_group(struct vgic_model *m, unsigned int vcpu, unsigned int which, bool on,
		      unsigned int read_back, struct model_judge *j);
/* vcpu's guest wrote intid's priority and read back read_back. */
bool vgic_model_priority(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
			 unsigned int priority, unsigned int read_back, struct model_judge *j);
/*
 * EOI of what vcpu acknowledged last (nothing held: nothing happens); DIR
 * of its oldest dropped.
 */
void vgic_model_eoi(struct vgic_model *m, unsigned int vcpu);
void vgic_model_dir(struct vgic_model *m, unsigned int vcpu);

/* A polled acknowledge on vcpu read intid (VGIC_SPURIOUS: none). */
bool vgic_model_ack(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		    struct model_judge *j);

/* vcpu read intid's enabled, pending and active bits. */
bool vgic_model_read(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		     bool enabled, bool pending, bool active, struct model_judge *j);

void vgic_model_spin(struct vgic_model *m, unsigned int vcpu);

/*
 * What a spinning or sleeping vcpu must have taken by now, whatever
 * happens before its stop (asleep in WFI, it is woken for them): the
 * INTIDs deliverable to it, into intids; how many.
 */
unsigned int vgic_model_must_have_taken(const struct vgic_model *m, unsigned int vcpu,
					unsigned int *intids);

/* vcpu's guest ran (and KVM saw it exit): what waited for it moves on. */
void vgic_model_ran(struct vgic_model *m, unsigned int vcpu);

/*
 * vcpu's window ended (a stopped one, or its spin): its handler took
 * w->taken, each acknowledged, disabled and EOId (and, in EOImode 1,
 * left active unless it already held VGIC_MAX_DROPPED, then deactivated).
 */
bool vgic_model_window(struct vgic_model *m, unsigned int vcpu,
		       const struct vgic_window *w, struct model_judge *j);

uint64_t vgic_model_hash(const struct vgic_model *m);

extern const char *const vgic_transition_names[NR_VGIC_TRANSITIONS];

#endif /* MODEL_VGIC_H */
