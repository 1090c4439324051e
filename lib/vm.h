/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test VMs: kvm_util VMs with N vcpus, with or without an in-kernel vgic,
 * described for the oracle, and KVM_IRQ_LINE checked against it.
 */
#ifndef VM_H
#define VM_H

#include <stdbool.h>
#include <stdint.h>

#include "oracle.h"

/* The vcpus of the guests whose per-vcpu state is sized for small VMs. */
#define IRQ_VM_MAX_VCPUS	8
/* KVM's own limit on arm64 (KVM_MAX_VCPUS), for the large VMs. */
#define IRQ_VM_MAX_VCPUS_LARGE	512

/* Guest physical addresses of the vgic, as in upstream vgic_irq.c. */
#define GICD_BASE_GPA		0x08000000ULL
#define GICR_BASE_GPA		0x080A0000ULL	/* v3 redistributors */
#define GICC_BASE_GPA		0x08010000ULL	/* v2 CPU interface */

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

/* A VM with nr_vcpus vcpus running guest_code, no in-kernel irqchip. */
void irq_vm_create(struct irq_vm *v, unsigned int nr_vcpus, void *guest_code);

/*
 * Up to IRQ_VM_MAX_VCPUS_LARGE vcpus, vcpu i with KVM_CREATE_VCPU id ids[i]
 * (i if ids is NULL), guest_get_vcpuid() answering i: for guest code
 * whose per-vcpu state has room for them.
 */
void irq_vm_create_ids(struct irq_vm *v, unsigned int nr_vcpus,
		       const uint32_t *ids, void *guest_code);

/* The same, the vcpus created with a PMU (KVM_ARM_VCPU_PMU_V3). */
void irq_vm_create_pmu(struct irq_vm *v, unsigned int nr_vcpus,
		       void *guest_code);

/*
 * KVM_ARM_VCPU_PMU_V3_INIT on every vcpu; with a vgic, after giving the
 * overflow interrupt the PPI intid (KVM_ARM_VCPU_PMU_V3_IRQ).
 */
void irq_vm_pmu_init(struct irq_vm *v, unsigned int intid);

/* Add an initialised vgic (version 2 or 3) with nr_irqs interrupts. */
void irq_vm_add_vgic(struct irq_vm *v, int version, unsigned int nr_irqs);

void irq_vm_destroy(struct irq_vm *v);

struct ucall;

/*
 * The exit KVM_RUN just returned must be the guest's GUEST_SYNC: a guest
 * assertion, an unhandled exception or any other exit fails the test.
 */
void vcpu_expect_sync(struct kvm_vcpu *vcpu, struct ucall *uc);

/*
 * KVM_RUN until the guest's next GUEST_SYNC, which must be at this stage;
 * a guest assertion or any other exit fails the test.
 */
void vcpu_run_to_sync(struct kvm_vcpu *vcpu, uint64_t stage, struct ucall *uc);

/* KVM_IRQ_LINE: 0, or the errno it failed with. */
int irq_line(struct irq_vm *v, uint32_t irq, uint32_t level);

/*
 * A run of KVM_IRQ_LINE calls, each compared with the oracle.  Accepted
 * assertions are lowered again, so that no line is left high.  The first
 * mismatches are printed with the irq field in hex.
 */
struct irq_check {
	const char *what;
	unsigned long tried[NR_ABI_RULES];
	unsigned long mismatches[NR_ABI_RULES];
	unsigned long unspecified[NR_ABI_RULES];  /* the documents are silent */
	unsigned long shown;		/* mismatches printed so far */
	int err;			/* what the last call returned */
};

bool irq_check_one(struct irq_check *c, struct irq_vm *v, uint32_t irq,
		   uint32_t level);
unsigned long irq_check_mismatches(const struct irq_check *c);
/* One "# assert:" line per rule checked, and a summary. */
void irq_check_report(const struct irq_check *c);

#endif /* VM_H */
