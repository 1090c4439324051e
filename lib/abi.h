/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The KVM_IRQ_LINE and KVM_CAP_ARM_USER_IRQ ABI as the documents state it:
 * 86ce85352f0d ("KVM: ARM: Inject IRQs and FIQs from userspace"), 3fe17e682616
 * (KVM_CAP_ARM_USER_IRQ) and Documentation/virt/kvm/api.rst, section
 * KVM_IRQ_LINE.  Written out here rather than taken from <asm/kvm.h> so that
 * the oracle also builds natively on the build machine; the test binaries
 * check these against the kernel's uapi at compile time (lib/uapi_check.c).
 */
#ifndef ABI_H
#define ABI_H

#include <stdint.h>

/*
 *   bits:  |  31 ... 28  | 27 ... 24 | 23  ... 16 | 15 ... 0 |
 *   field: | vcpu2_index | irq_type  | vcpu_index |  irq_id  |
 *
 * Without KVM_CAP_ARM_IRQ_LINE_LAYOUT_2, irq_type is bits 24..31 (86ce85352f0d)
 * and api.rst says vcpu2_index "must be zero".
 */
#define ABI_IRQ_VCPU2_SHIFT	28
#define ABI_IRQ_VCPU2_MASK	0xfu
#define ABI_IRQ_TYPE_SHIFT	24
#define ABI_IRQ_TYPE_MASK	0xfu	/* with LAYOUT_2 */
#define ABI_IRQ_TYPE_MASK_V1	0xffu	/* 86ce85352f0d */
#define ABI_IRQ_VCPU_SHIFT	16
#define ABI_IRQ_VCPU_MASK	0xffu
#define ABI_IRQ_NUM_SHIFT	0
#define ABI_IRQ_NUM_MASK	0xffffu

#define ABI_IRQ_TYPE_CPU	0	/* out-of-kernel GIC: IRQ/FIQ line */
#define ABI_IRQ_TYPE_SPI	1	/* in-kernel GIC, vcpu_index ignored */
#define ABI_IRQ_TYPE_PPI	2	/* in-kernel GIC, per vcpu */

#define ABI_CPU_IRQ		0
#define ABI_CPU_FIQ		1

#define ABI_PPI_FIRST		16
#define ABI_PPI_LAST		31
#define ABI_SPI_FIRST		32
#define ABI_SPI_LAST		1019	/* api.rst: "between 32 and 1019 (incl.)" */

/* 3fe17e682616: run->s.regs.device_irq_level, KVM_CAP_ARM_USER_IRQ >= 1 */
#define ABI_DEV_EL1_VTIMER	(1u << 0)
#define ABI_DEV_EL1_PTIMER	(1u << 1)
#define ABI_DEV_PMU		(1u << 2)
#define ABI_DEV_BITS_V1		(ABI_DEV_EL1_VTIMER | ABI_DEV_EL1_PTIMER | ABI_DEV_PMU)

/* Build an irq field; vcpu may exceed 255 (LAYOUT_2's vcpu2_index). */
#define ABI_IRQ(type, vcpu, num)					\
	((uint32_t)((((vcpu) >> 8) & ABI_IRQ_VCPU2_MASK) << ABI_IRQ_VCPU2_SHIFT | \
		    ((type) & ABI_IRQ_TYPE_MASK) << ABI_IRQ_TYPE_SHIFT |	\
		    ((vcpu) & ABI_IRQ_VCPU_MASK) << ABI_IRQ_VCPU_SHIFT |	\
		    ((num) & ABI_IRQ_NUM_MASK) << ABI_IRQ_NUM_SHIFT))

static inline uint32_t abi_irq(unsigned int type, unsigned int vcpu,
			       unsigned int num)
{
	return ABI_IRQ(type, vcpu, num);
}

#endif /* ABI_H */
