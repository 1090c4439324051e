/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test VMs, built one way: kvm_util VMs with N vcpus, with or without an
 * in-kernel vgic, described for the oracle (struct abi_vm).
 */
#ifndef VM_H
#define VM_H

#include <stdbool.h>
#include <stdint.h>

#include "guest_host.h"
#include "oracle.h"

#define IRQ_VM_NR_IRQS_UNSET	0	/* leave KVM_DEV_ARM_VGIC_GRP_NR_IRQS alone */
#define IRQ_VM_NR_IRQS_MAX	(~0u)	/* host_nr_irqs_max(): documented or pinned */

struct irq_vm_config {
	unsigned int nr_vcpus;
	/* KVM_CREATE_VCPU id of each vcpu in creation order; NULL: 0..n-1. */
	const uint32_t *ids;
	/*
	 * What the vcpus run; NULL for a VM of which only the ioctls'
	 * answers are looked at: no guest memory, cheap to build.  Guest
	 * code sees guest_get_vcpuid() answer the creation index.
	 */
	void *guest_code;
	bool pmu;		/* the vcpus have KVM_ARM_VCPU_PMU_V3 */
	int gic;		/* 0: none, 2: vgic-v2, 3: vgic-v3 */
	unsigned int nr_irqs;	/* with a gic; or IRQ_VM_NR_IRQS_MAX/_UNSET */
	bool uninit;		/* create the vgic, do not initialise it */
	bool its;		/* and a vgic ITS (vgic-v3) */
};

struct kvm_vm;
struct kvm_vcpu;

struct irq_vm {
	struct kvm_vm *vm;
	struct kvm_vcpu **vcpus;	/* nr_vcpus of them, by creation index */
	unsigned int nr_vcpus;
	int gic_version;	/* 0 without an in-kernel GIC */
	int gic_fd;		/* -1 without */
	int its_fd;		/* -1 without a vgic ITS */
	struct abi_vm abi;	/* the VM as the oracle sees it */
};

/*
 * Build the VM c describes: NULL, or why this host cannot (for SKIP): no
 * KVM, a vgic model or an ITS it lacks, more vcpus than KVM_CAP_MAX_VCPUS,
 * no PMU.  Anything else that fails, fails the test.
 */
const char *irq_vm_create(struct irq_vm *v, const struct irq_vm_config *c);
void irq_vm_destroy(struct irq_vm *v);

/* The KVM_CREATE_VCPU id of the vcpu created index-th. */
uint32_t irq_vm_config_id(const struct irq_vm_config *c, unsigned int index);

/*
 * KVM_ARM_VCPU_PMU_V3_INIT on every vcpu; with a vgic, after giving the
 * overflow interrupt the PPI intid (KVM_ARM_VCPU_PMU_V3_IRQ).
 */
void irq_vm_pmu_init(struct irq_vm *v, unsigned int intid);

#endif /* VM_H */
