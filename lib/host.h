/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host offers, probed once in main() before the harness runs (so
 * that no kvm_util skip helper ever prints inside a test), and what the
 * host configuration promises (environment, set by run_tests.sh).
 */
#ifndef HOST_H
#define HOST_H

#include <stdbool.h>

#include "feature_tokens.h"

struct host_facts {
	bool kvm;		/* /dev/kvm opens and KVM_CREATE_VM works */
	int user_irq;		/* KVM_CHECK_EXTENSION(KVM_CAP_ARM_USER_IRQ) */
	int user_irq_vm;	/* the same on a VM fd */
	int layout_2;		/* KVM_CAP_ARM_IRQ_LINE_LAYOUT_2 */
	int irqchip;		/* KVM_CAP_IRQCHIP */
	int nr_vcpus;		/* KVM_CAP_NR_VCPUS */
	int max_vcpus;		/* KVM_CAP_MAX_VCPUS */
	int pmu_v3;		/* KVM_CAP_ARM_PMU_V3: vcpus can have a PMU */
	bool vgic_v2;		/* KVM_DEV_TYPE_ARM_VGIC_V2 can be created */
	bool vgic_v3;		/* KVM_DEV_TYPE_ARM_VGIC_V3 can be created */
	bool its;		/* a vgic ITS can be created beside a vgic-v3 */
	const char *mode;	/* vhe, nvhe, protected, or NULL (log gone) */
	int gic;		/* the host's GIC (/proc/interrupts): 2, 3, 0 */
};

/* What the host configuration says the machine is; NULL/0 if unknown. */
struct host_promise {
	int gic;		/* KVM_IRQ_HOST_GIC: 2 or 3 */
	const char *mode;	/* KVM_IRQ_HOST_MODE */
	int cpus;		/* KVM_IRQ_HOST_CPUS */
	/*
	 * KVM_IRQ_LIMIT_NR_IRQS: the largest nr_irqs this kernel takes where
	 * that is less than the documents' ABI_NR_IRQS_MAX, as expected/
	 * pins it ("limit nr_irqs N"); 0 when nothing is pinned.
	 */
	unsigned int nr_irqs_limit;
};

#define NO_KVM_REASON	FEATURE(KVM) "no usable /dev/kvm on this host"

extern struct host_facts host;
extern struct host_promise promise;

void host_probe(void);

/*
 * The facts run_tests.sh needs of the host, one line of key=value
 * ("gic=3 mode=vhe kvm=1 cpus=2 max_vcpus=512 vgic_v2=0 vgic_v3=1 its=1
 * pmu_v3=1 user_irq=1 layout_2=1 irqchip=1", "-" for unknown): the suite
 * probes the host in one place, here.  --certify holds every skip to
 * them: what they claim must be tested.
 */
int host_print_facts(void);

/* The vgic version to use when any will do: 3 if there is one, else 2. */
int host_any_vgic(void);

/* Why a VM with this vgic version cannot be built here (for SKIP), or NULL. */
const char *host_lacks_vgic(int version);

/*
 * Why a VM of nr_vcpus vcpus with vgic version gic (0: none) cannot be
 * built here (no KVM, no such vgic, more vcpus than KVM_CAP_MAX_VCPUS),
 * for SKIP; NULL if it can.
 */
const char *host_lacks_vm(int gic, unsigned int nr_vcpus);

/* Why the suite cannot use KVM_CAP_ARM_USER_IRQ here (for SKIP), or NULL. */
const char *host_lacks_user_irq(void);

/*
 * The nr_irqs of the "max" VM configurations: the documented maximum,
 * or the limit expected/ pins for this kernel.  Never probed: a kernel
 * that takes less fails to build those VMs, and the tests say so.
 */
unsigned int host_nr_irqs_max(void);

/* Why vcpus cannot have a PMU here (for SKIP), or NULL. */
const char *host_lacks_pmu(void);

#endif /* HOST_H */
