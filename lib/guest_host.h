/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host side and the guest side of the suite must agree on, and
 * nothing else: the only header both include.  It includes neither side.
 */
#ifndef GUEST_HOST_H
#define GUEST_HOST_H

/* The vcpus of the guests whose per-vcpu state is sized for small VMs. */
#define IRQ_VM_MAX_VCPUS	8
/* KVM's own limit on arm64 (KVM_MAX_VCPUS), for the large VMs. */
#define IRQ_VM_MAX_VCPUS_LARGE	512

/* Guest physical addresses of the vgic, as in upstream vgic_irq.c. */
#define GICD_BASE_GPA		0x08000000ULL
#define GICR_BASE_GPA		0x080A0000ULL	/* v3 redistributors */
#define GICC_BASE_GPA		0x08010000ULL	/* v2 CPU interface */

/*
 * The priority every vgic interrupt of the suite's guests starts with, and
 * the priority mask (GICC_PMR, ICC_PMR_EL1) they run with: only priorities
 * below it are signalled (IHI 0048B 3.3, IHI 0069 "Interrupt prioritization").
 */
#define GIC_DEFAULT_PRIORITY	0xa0
#define GIC_PRIORITY_MASK	0xf0
/* A running priority while nothing acknowledged is held: lower than any. */
#define GIC_IDLE_PRIORITY	0x100
/*
 * The priorities the sequences' guests give their interrupts: the default
 * and two higher, each differing from the others in its top three bits.
 */
#define SEQ_NR_PRIORITIES	3
#define SEQ_PRIORITIES		{ GIC_DEFAULT_PRIORITY, 0x80, 0x20 }

/* The in-kernel devices whose output levels KVM_CAP_ARM_USER_IRQ v1 reports. */
enum user_irq_dev {
	DEV_VTIMER,		/* KVM_ARM_DEV_EL1_VTIMER, bit 0 */
	DEV_PTIMER,		/* KVM_ARM_DEV_EL1_PTIMER, bit 1 */
	DEV_PMU,		/* KVM_ARM_DEV_PMU, bit 2 */
	NR_USER_IRQ_DEVS
};

#endif /* GUEST_HOST_H */
