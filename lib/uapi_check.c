// SPDX-License-Identifier: GPL-2.0
/*
 * lib/abi.h writes the ABI out from the documents; the kernel's uapi headers
 * must agree with it, or the suite would test something else than it says.
 */
#include <linux/kvm.h>

#include "abi.h"

_Static_assert(ABI_IRQ_TYPE_SHIFT == KVM_ARM_IRQ_TYPE_SHIFT, "irq_type shift");
_Static_assert(ABI_IRQ_TYPE_MASK == KVM_ARM_IRQ_TYPE_MASK, "irq_type mask");
_Static_assert(ABI_IRQ_VCPU_SHIFT == KVM_ARM_IRQ_VCPU_SHIFT, "vcpu shift");
_Static_assert(ABI_IRQ_VCPU_MASK == KVM_ARM_IRQ_VCPU_MASK, "vcpu mask");
_Static_assert(ABI_IRQ_VCPU2_SHIFT == KVM_ARM_IRQ_VCPU2_SHIFT, "vcpu2 shift");
_Static_assert(ABI_IRQ_VCPU2_MASK == KVM_ARM_IRQ_VCPU2_MASK, "vcpu2 mask");
_Static_assert(ABI_IRQ_NUM_SHIFT == KVM_ARM_IRQ_NUM_SHIFT, "irq_id shift");
_Static_assert(ABI_IRQ_NUM_MASK == KVM_ARM_IRQ_NUM_MASK, "irq_id mask");
_Static_assert(ABI_IRQ_TYPE_CPU == KVM_ARM_IRQ_TYPE_CPU, "CPU type");
_Static_assert(ABI_IRQ_TYPE_SPI == KVM_ARM_IRQ_TYPE_SPI, "SPI type");
_Static_assert(ABI_IRQ_TYPE_PPI == KVM_ARM_IRQ_TYPE_PPI, "PPI type");
_Static_assert(ABI_CPU_IRQ == KVM_ARM_IRQ_CPU_IRQ, "CPU IRQ line");
_Static_assert(ABI_CPU_FIQ == KVM_ARM_IRQ_CPU_FIQ, "CPU FIQ line");
_Static_assert(ABI_DEV_EL1_VTIMER == KVM_ARM_DEV_EL1_VTIMER, "vtimer bit");
_Static_assert(ABI_DEV_EL1_PTIMER == KVM_ARM_DEV_EL1_PTIMER, "ptimer bit");
_Static_assert(ABI_DEV_PMU == KVM_ARM_DEV_PMU, "PMU bit");
