// SPDX-License-Identifier: GPL-2.0
/*
 * The KVM_CAP_ARM_USER_IRQ oracle.  3fe17e682616:
 *   "on every return to userspace, the kernel updates the vcpu's
 *    run->s.regs.device_irq_level field to represent the actual output
 *    level of the device";
 *   "Whenever kvm detects a change in the device output level, kvm
 *    guarantees at least one return to userspace before running the VM";
 *   the field is "available independent of run->kvm_valid_regs or
 *    run->kvm_dirty_regs";
 *   the version returned says "which bits ... can signal values".
 * It applies to VMs "without an in-kernel interrupt controller" only: with
 * a vgic the field is not KVM's to write, nor to act on.
 */
#include <stddef.h>

#include "abi.h"
#include "user_irq_oracle.h"

static const struct {
	uint64_t bit;
	const char *name;
} devs[NR_USER_IRQ_DEVS] = {
	[DEV_VTIMER] = { ABI_DEV_EL1_VTIMER, "vtimer" },
	[DEV_PTIMER] = { ABI_DEV_EL1_PTIMER, "ptimer" },
	[DEV_PMU] = { ABI_DEV_PMU, "pmu" },
};

uint64_t user_irq_dev_bit(enum user_irq_dev dev)
{
	return dev < NR_USER_IRQ_DEVS ? devs[dev].bit : 0;
}

const char *user_irq_dev_name(enum user_irq_dev dev)
{
	return dev < NR_USER_IRQ_DEVS ? devs[dev].name : "?";
}

uint64_t user_irq_defined_bits(int version)
{
	return version >= 1 ? ABI_DEV_BITS_V1 : 0;
}

static uint64_t first_bit(uint64_t bits)
{
	return bits & -bits;
}

uint64_t user_irq_wrong_bits(const struct user_irq_vcpu *vcpu, uint64_t before,
			     uint64_t after, enum user_irq_bit_rule *rule)
{
	uint64_t defined = user_irq_defined_bits(vcpu->version);
	uint64_t level, set, wrong;

	if (vcpu->in_kernel_gic) {
		*rule = BIT_UNTOUCHED;
		return before ^ after;
	}
	level = (after ^ vcpu->levels) & defined;
	/* Set by KVM although undefined; clearing one is not forbidden. */
	set = after & ~before & ~defined;
	wrong = level | set;
	*rule = first_bit(wrong) & level ? BIT_LEVEL : BIT_NOT_SET;
	return wrong;
}

bool user_irq_must_exit(const struct user_irq_vcpu *vcpu, uint64_t field)
{
	uint64_t defined = user_irq_defined_bits(vcpu->version);

	if (vcpu->in_kernel_gic)
		return false;
	return ((field ^ vcpu->levels) & defined) != 0;
}
