// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <linux/kvm.h>

#include "kvm_util.h"

#include "abi.h"
#include "irq_check.h"

/*
 * lib/abi.h writes the ABI out from the documents; the kernel's uapi
 * headers must agree with it, or the suite would test something else than
 * it says.
 */
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

int irq_line(struct irq_vm *v, uint32_t irq, uint32_t level)
{
	struct kvm_irq_level irq_level = { .irq = irq, .level = level };

	return __vm_ioctl(v->vm, KVM_IRQ_LINE, &irq_level) ? errno : 0;
}

static const char *describe(enum abi_outcome outcome, int err)
{
	return outcome == ABI_ACCEPT ? "0" : abi_errno_name(err);
}

static void band_count(struct irq_check *c, const struct irq_vm *v,
		       uint32_t irq, enum abi_outcome want, bool match)
{
	struct irq_band_count *b;

	if (!c->bands)
		return;
	c->bands->vm = &v->abi;
	b = &c->bands->band[abi_irq_band(&v->abi, irq)];
	if (want == ABI_UNSPECIFIED)
		b->unspecified++;
	else if (!match)
		b->mismatched++;
	else if (want == ABI_ACCEPT)
		b->accepted++;
	else
		b->rejected++;
}

bool irq_check_one(struct irq_check *c, struct irq_vm *v, uint32_t irq,
		   uint32_t level)
{
	struct tally *t = c->tally ?: &test_tally;
	struct abi_verdict want = abi_irq_line(&v->abi, irq, level);
	int err = irq_line(v, irq, level);
	const char *seen = describe(err ? ABI_REJECT : ABI_ACCEPT, err);
	bool match;

	c->err = err;
	c->tried++;
	if (!err && level)
		irq_line(v, irq, 0);	/* leave no line high */

	if (want.outcome == ABI_UNSPECIFIED) {
		c->unspecified++;
		tally_unspecified(t, want.rule, 1);
		band_count(c, v, irq, want.outcome, true);
		return true;
	}
	match = want.outcome == ABI_ACCEPT ? !err : err == want.err;
	band_count(c, v, irq, want.outcome, match);
	if (!tally_check(t, want.rule, 1, match, "%s: irq=0x%08x level=%u: expected %s, observed %s",
			 c->what, irq, level, describe(want.outcome, want.err), seen)) {
		c->mismatches++;
		check_deviation("0x%08x/%u=%s", irq, level, seen);
		return false;
	}
	return true;
}

void irq_check_summary(const struct irq_check *c)
{
	unsigned int i;

	ksft_print_msg("%s: %lu irq values tried, %lu mismatches, %lu unspecified\n",
		       c->what, c->tried, c->mismatches, c->unspecified);
	for (i = 0; c->bands && c->bands->vm && i < ABI_NR_BANDS; i++) {
		const struct irq_band_count *b = &c->bands->band[i];
		struct abi_band_info info = abi_band_info(c->bands->vm, i);

		if (!(b->accepted + b->rejected + b->mismatched + b->unspecified))
			continue;
		ksft_print_msg("band: index=%u type=%s number=%u-%u class=%s accepted=%lu rejected=%lu mismatched=%lu unspecified=%lu label=%s\n",
			       i, info.type, info.first, info.last, info.name,
			       b->accepted, b->rejected, b->mismatched, b->unspecified, info.label);
	}
}
