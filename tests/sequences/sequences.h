/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest side of tests/sequences/: each vcpu's guest stub carries out
 * one command at a time (what a sequence's guest operation asks of it)
 * and reports what it saw.  The host writes a command into the vcpu's
 * slot and runs the vcpu; the stub marks it started, does it, reads its
 * devices' levels and exits with SEQ_DONE.  A spin window also waits for
 * the host's stop, then exits with SEQ_STOPPING so that the host enters
 * the guest once more after every change it made, and drains.
 */
#ifndef GUEST_SEQUENCES_H
#define GUEST_SEQUENCES_H

#include <stdbool.h>
#include <stdint.h>

#include "guest_host.h"

#define SEQ_GUEST_INTIDS	8	/* lib/seq.h's SEQ_MAX_INTIDS */
#define SEQ_GUEST_TAKEN		32	/* acknowledges one window records */
#define SEQ_GUEST_DROPPED	2	/* EOImode 1: EOId, left for DIR */
/*
 * Spins of a window's drain whose interrupt never comes: lost, not
 * slow (each spin reads the distributor, an exit to KVM and back, and
 * KVM delivers at the first entry after it queued it).  What waits the
 * whole bound is what the model lets wait (an SPI still on its old
 * target's list, one the distributor's enable stranded): 2000 spins took
 * a quarter of the sequences' time on 6.12-gicv3-vhe (12 s against 9 s
 * with 500, one host, back to back).
 */
#define SEQ_GUEST_DRAIN_SPINS	500
/*
 * Ticks ahead an armed timer fires (1 ms at 62.5 MHz): during the
 * command, after it or during the next, as it falls.
 */
#define SEQ_GUEST_ARM_TICKS	62500

/* ucall stages */
#define SEQ_READY		0x5e01
#define SEQ_DONE		0x5e02	/* args: the command */
#define SEQ_STOPPING		0x5e03	/* args: the command; enter again */

enum seq_guest_op {
	SEQ_G_MASK,		/* arg: 0 IRQ, 1 FIQ; value: masked in windows */
	SEQ_G_WINDOW,		/* unmask, take what is pending, mask */
	SEQ_G_SPIN,		/* the same, spinning until stop, then draining */
	SEQ_G_SLEEP,		/* the same, waiting in WFI until stop */
	SEQ_G_DEV,		/* arg: enum user_irq_dev; value: lower, raise, arm */
	SEQ_G_ENABLE,		/* intid; value: on */
	SEQ_G_CONFIG,		/* intid; value: edge */
	SEQ_G_ROUTE,		/* intid; value: the slot; result: the slots it reads back routed to */
	SEQ_G_ACK,		/* result: the INTID read */
	SEQ_G_EOI,		/* of the one held */
	SEQ_G_DIR,		/* of the oldest dropped */
	SEQ_G_EOIMODE,		/* value: split */
	SEQ_G_READ,		/* intid; result: enabled | pending << 1 | active << 2 */
	SEQ_G_PRIORITY,		/* intid; value: its priority; result: read back */
	SEQ_G_GROUP,		/* arg: 0 the distributor's, 1 its CPU interface's; value: on; result: read back */
	SEQ_G_TARGETS,		/* intid; value: its slots (v2, several); result: as SEQ_G_ROUTE's */
};

/* seq_guest_spis.target[k] of an SPI routed to several slots: no one vcpu's to wait for. */
#define SEQ_GUEST_SHARED	0xff

struct seq_guest_config {
	uint32_t gic;		/* 0 (no irqchip), 2 or 3 */
	uint32_t nr_vcpus;	/* the VM's (lib/seq.h: its slots are fewer, or all) */
	uint8_t slot_of[IRQ_VM_MAX_VCPUS_LARGE];	/* vcpu index (guest_get_vcpuid) -> its slot */
	uint32_t nr_slots;	/* the vcpus the operations name (lib/seq.h) */
	uint64_t route[IRQ_VM_MAX_VCPUS];	/* what routes an SPI to a slot */
	uint32_t nr_intids;
	uint32_t intid[SEQ_GUEST_INTIDS];
	uint32_t edge;		/* SPI k edge-triggered: bit k */
	uint8_t target[SEQ_GUEST_INTIDS];	/* SPI k routed to that slot */
	uint8_t priority[SEQ_GUEST_INTIDS];	/* k's priority */
};

struct seq_guest_vcpu {
	/* The host's. */
	uint32_t seq;		/* the command: its number ... */
	uint32_t op, arg, value, intid;
	volatile uint32_t stop;	/* the spin of that command ends */
	volatile uint32_t stopped;	/* the guest's: it saw that stop */
	/* The guest's: progress ... */
	volatile uint32_t started, spinning;
	volatile uint32_t changing, applied;	/* a device change begun, made */
	volatile uint64_t ticks;
	/* ... what the last command saw ... */
	uint32_t irq, fiq;	/* CPU lines taken */
	uint32_t nr_taken;
	uint16_t taken[SEQ_GUEST_TAKEN];	/* INTIDs its handler acknowledged */
	uint32_t spurious;
	uint32_t stuck;		/* the INTID its drain saw pending and never got, or 0 */
	uint32_t result;
	uint64_t levels;	/* its devices' levels, device_irq_level's bits ... */
	volatile uint32_t levels_seq;	/* ... read in this command */
	/* ... and its bookkeeping. */
	uint8_t masked[2];
	uint8_t eoi_split;
	uint8_t group_disabled;	/* at its CPU interface */
	uint32_t nr_held;	/* acknowledged, not EOId, the last the running one */
	uint32_t held[SEQ_NR_PRIORITIES];
	uint32_t nr_dropped;
	uint32_t dropped[SEQ_GUEST_DROPPED];
	uint8_t enabled[SEQ_GUEST_INTIDS];	/* its PPIs */
	uint8_t priority[SEQ_GUEST_INTIDS];	/* its PPIs' */
	uint8_t active[SEQ_GUEST_INTIDS];	/* its PPIs acknowledged, not deactivated */
};

/*
 * What every vcpu sees of the SPIs: an SPI one vcpu acknowledged is active
 * for all (IHI 0048B 3.2.4, IHI 0069 4.1: one active state per SPI), so
 * none may wait for it while the other holds it.
 */
struct seq_guest_spis {
	uint8_t dist_disabled;	/* the distributor's group enable clear */
	uint8_t enabled[SEQ_GUEST_INTIDS];
	uint8_t priority[SEQ_GUEST_INTIDS];
	uint8_t target[SEQ_GUEST_INTIDS];
	uint8_t active[SEQ_GUEST_INTIDS];
};

extern struct seq_guest_config seq_config;
extern struct seq_guest_vcpu seq_vcpu[IRQ_VM_MAX_VCPUS];
extern struct seq_guest_spis seq_spis;

struct kvm_vm;

void seq_guest_main(void);
/* The CPU lines' handlers, or (gic) the vgic's. */
void seq_install_handlers(struct kvm_vm *vm, bool gic);

#endif /* GUEST_SEQUENCES_H */
