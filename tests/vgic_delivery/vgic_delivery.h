/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest side of tests/vgic_delivery/host.c.  The host writes a command into
 * delivery_cmd and runs a vcpu; the vcpu carries it out and reports
 * DELIVERY_DONE.  What each vcpu took is counted in delivery_log, which the
 * host reads out of guest memory.
 */
#ifndef GUEST_VGIC_DELIVERY_H
#define GUEST_VGIC_DELIVERY_H

#include <stdint.h>

#include "guest_host.h"

#define DELIVERY_INTIDS		1024

/* ucall stages */
#define DELIVERY_READY		0xde1
#define DELIVERY_DONE		0xde2
#define DELIVERY_ACTIVE		0xde3	/* args: INTID held active */

enum delivery_op {
	/* Configure [first, last] (trigger, routing: SPI i to vcpu i % n),
	 * all disabled.  vcpu 0 does the SPIs, each vcpu its own PPIs. */
	DELIVERY_SETUP,
	/* Enable this vcpu's interrupts in [first, last], unmask, take what
	 * is pending until nothing enabled is, mask.  The handler takes an
	 * interrupt, counts it, disables it (a held level would come
	 * straight back) and EOIs it: one per interrupt per window. */
	DELIVERY_WINDOW,
	/* EOI mode: split priority drop and deactivation if edge != 0. */
	DELIVERY_EOI_SPLIT,
	/* A window for edge interrupts in which the handler reports the
	 * first INTID it takes while still active (DELIVERY_ACTIVE), then
	 * EOIs it once resumed, and leaves it enabled. */
	DELIVERY_WINDOW_HOLD,
	/* vgic-v2's 1-N model: configure [first, last] (vcpu 0) as edge
	 * SPIs, disabled, each routed to the CPU interfaces
	 * delivery_targets() names, and read each GICD_ITARGETSR back into
	 * delivery_log.targets.  Windows then take what is signalled to this
	 * vcpu of the SPIs it is among the targets of, without waiting for
	 * what another target may take (DELIVERY_WINDOW, multi set). */
	DELIVERY_SETUP_TARGETS,
	/* The EL1 virtual timer: armed to fire at once (CNTV_CVAL_EL0 0,
	 * CNTV_CTL_EL0 ENABLE) if edge != 0, else disabled.  KVM then
	 * drives its PPI (27) through the vgic. */
	DELIVERY_VTIMER,
};

struct delivery_cmd {
	uint32_t op;
	uint32_t first, last;
	uint32_t edge;
	uint32_t gic;		/* 2 or 3 */
	uint32_t nr_vcpus;
	uint32_t multi;		/* SPIs routed to several vcpus (DELIVERY_SETUP_TARGETS) */
};

struct delivery_log {
	uint16_t taken[IRQ_VM_MAX_VCPUS][DELIVERY_INTIDS];
	uint32_t spurious[IRQ_VM_MAX_VCPUS];	/* acknowledges that read 1023 */
	uint32_t stuck[IRQ_VM_MAX_VCPUS];		/* windows that never emptied */
	uint8_t targets[DELIVERY_INTIDS];		/* GICD_ITARGETSR read back */
};

/*
 * The CPU interfaces SPI intid is routed to in the 1-N tests, of n (2 to
 * 8): always at least two, the set varying with intid, so that each vcpu
 * is first among the targets of some SPI and not of others.
 */
static inline uint8_t delivery_targets(unsigned int intid, unsigned int n)
{
	unsigned int mask = (1u << n) - 1;

	return (((intid * 0x9du) >> 2) | 1u << (intid % n) | 1u << ((intid + 1) % n)) & mask;
}

extern struct delivery_cmd delivery_cmd;
extern struct delivery_log delivery_log;

struct kvm_vm;

void delivery_guest_main(void);
void delivery_install_handlers(struct kvm_vm *vm);

#endif /* GUEST_VGIC_DELIVERY_H */
