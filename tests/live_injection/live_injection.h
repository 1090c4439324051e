/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest side of tests/live_injection/host.c: vcpus that wait in the guest,
 * spinning or asleep in WFI with interrupts unmasked, until they take one
 * interrupt, and then report it.  Each vcpu finds its slot by
 * guest_get_vcpuid(), which the host sets to the vcpu's creation index.
 */
#ifndef GUEST_LIVE_INJECTION_H
#define GUEST_LIVE_INJECTION_H

#include <stdbool.h>
#include <stdint.h>

#include "guest_host.h"

/* The PPI the vgic tests inject: no device of KVM's owns it. */
#define LIVE_PPI		17
/* The SPI of vcpu i, which vcpu i routes to itself. */
#define LIVE_SPI_BASE		32

/* Both triggers: the SPIs of odd vcpus are edge-triggered, of even level. */
static inline bool live_spi_edge(unsigned int vcpu)
{
	return vcpu & 1;
}

/* ucall stages */
#define LIVE_READY		0x11a1	/* args: MPIDR_EL1 */
#define LIVE_TAKEN		0x11a2	/* args: MPIDR_EL1 */

enum live_wait {
	LIVE_SLEEP,	/* in WFI: only a wake-up ends the wait */
	LIVE_SPIN,	/* busy in the guest, never exiting on its own */
};

struct live_config {
	uint32_t gic;		/* 0 (CPU lines), 2 or 3 */
	uint32_t nr_vcpus;
};

/* What one vcpu is told and what it took since its last report. */
struct live_slot {
	uint64_t wait;		/* host: enum live_wait for the next wait */
	uint64_t waiting;	/* guest: in its wait, interrupts unmasked */
	uint64_t irq, fiq;	/* CPU lines taken */
	uint64_t intid;		/* GIC: the INTID taken, or 0 */
	uint64_t spurious;	/* GIC: acknowledges that read 1023 */
};

extern struct live_config live_config;
extern struct live_slot live_slot[IRQ_VM_MAX_VCPUS_LARGE];

struct kvm_vm;

void live_guest_main(void);
void live_install_handlers(struct kvm_vm *vm);

#endif /* GUEST_LIVE_INJECTION_H */
