/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VMs for the KVM_IRQ_LINE sweep: vcpus and a vgic, no guest memory and no
 * guest code, since only what the ioctl answers is looked at.  Cheap to
 * build, so every test gets a fresh one.
 */
#ifndef SWEEP_VM_H
#define SWEEP_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "vm.h"

#define SWEEP_NR_IRQS_UNSET	0	/* leave KVM_DEV_ARM_VGIC_GRP_NR_IRQS alone */
#define SWEEP_NR_IRQS_MAX	(~0u)	/* host_nr_irqs_max(): documented or pinned */
#define SWEEP_MAX_IDS		8

struct sweep_config {
	int gic;			/* 0: none, 2: vgic-v2, 3: vgic-v3 */
	unsigned int nr_irqs;		/* with a gic; or SWEEP_NR_IRQS_MAX/_UNSET */
	unsigned int nr_vcpus;
	unsigned int ids[SWEEP_MAX_IDS]; /* ids in creation order, if any */
	bool sparse;			/* use ids[] rather than 0..n-1 */
	bool uninit;			/* create the vgic, do not initialise it */
};

/*
 * Build the VM; NULL, or the reason this host cannot (for SKIP): a vgic
 * model it lacks, more vcpus than KVM_CAP_MAX_VCPUS.
 */
const char *sweep_vm_create(struct irq_vm *v, const struct sweep_config *c);

/* The largest KVM_DEV_ARM_VGIC_GRP_NR_IRQS the kernel takes (probed). */

/* KVM_DEV_ARM_VGIC_GRP_NR_IRQS: 0 or the errno. */
int vgic_set_nr_irqs(int gic_fd, uint32_t nr_irqs);

/* A fresh vgic device of that version on v's VM: fd, or -1 and errno. */
int vgic_create(struct irq_vm *v, int version);

uint32_t vcpu_id_of(const struct sweep_config *c, unsigned int index);

#endif /* SWEEP_VM_H */
