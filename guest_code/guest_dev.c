// SPDX-License-Identifier: GPL-2.0
#include "kvm_util.h"
#include "processor.h"
#include "arch_timer.h"

#include "guest_dev.h"

#define PMCR_E		(1u << 0)
#define PMU_COUNTER0	(1u << 0)
#define EVT_SW_INCR	0x00

static enum arch_timer which_timer(enum user_irq_dev dev)
{
	return dev == DEV_PTIMER ? PHYSICAL : VIRTUAL;
}

static void pmu_overflow(void)
{
	write_sysreg(0, pmcntenclr_el0);
	write_sysreg(EVT_SW_INCR, pmevtyper0_el0);
	write_sysreg(0xffffffffull, pmevcntr0_el0);
	write_sysreg(PMU_COUNTER0, pmintenset_el1);
	write_sysreg(PMU_COUNTER0, pmcntenset_el0);
	write_sysreg(read_sysreg(pmcr_el0) | PMCR_E, pmcr_el0);
	isb();
	write_sysreg(PMU_COUNTER0, pmswinc_el0);	/* 0xffffffff + 1 */
	isb();
}

static bool have_pmu(void)
{
	uint64_t pmuver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;

	return pmuver && pmuver != 0xf;		/* none, IMPLEMENTATION DEFINED */
}

/*
 * Counter enables, interrupt enables and overflow flags reset to UNKNOWN
 * values (and KVM does make them up): the overflow line may be high
 * before the guest has done anything.  A driver starts by clearing them.
 */
void guest_devs_quiesce(void)
{
	timer_set_ctl(VIRTUAL, 0);
	timer_set_ctl(PHYSICAL, 0);
	if (have_pmu()) {
		write_sysreg(read_sysreg(pmcr_el0) & ~PMCR_E, pmcr_el0);
		write_sysreg(~0u, pmcntenclr_el0);
		write_sysreg(~0u, pmintenclr_el1);
		write_sysreg(~0u, pmovsclr_el0);
	}
	isb();
}

void guest_dev_raise(enum user_irq_dev dev)
{
	if (dev == DEV_PMU) {
		pmu_overflow();
		return;
	}
	timer_set_cval(which_timer(dev), 0);	/* long past */
	timer_set_ctl(which_timer(dev), CTL_ENABLE);
	isb();
}

void guest_dev_lower(enum user_irq_dev dev)
{
	if (dev == DEV_PMU)
		write_sysreg(PMU_COUNTER0, pmovsclr_el0);
	else
		timer_set_ctl(which_timer(dev), CTL_ENABLE | CTL_IMASK);
	isb();
}

void guest_timer_arm(enum user_irq_dev dev, uint32_t ticks)
{
	timer_set_tval(which_timer(dev), ticks);
	timer_set_ctl(which_timer(dev), CTL_ENABLE);
	isb();
}

bool guest_timer_firing(enum user_irq_dev dev)
{
	uint32_t ctl = timer_get_ctl(which_timer(dev));

	return (ctl & (CTL_ENABLE | CTL_IMASK | CTL_ISTATUS)) ==
	       (CTL_ENABLE | CTL_ISTATUS);
}

bool guest_dev_level(enum user_irq_dev dev)
{
	if (dev != DEV_PMU)
		return guest_timer_firing(dev);
	if (!have_pmu())
		return false;
	return (read_sysreg(pmcr_el0) & PMCR_E) &&
	       (read_sysreg(pmovsset_el0) & read_sysreg(pmintenset_el1));
}
