// SPDX-License-Identifier: GPL-2.0
/*
 * Guest code for periodic timer interrupts through a userspace irqchip.
 */
#include "kvm_util.h"
#include "processor.h"
#include "arch_timer.h"

#include "guest_dev.h"
#include "periodic.h"

struct periodic_cmd periodic_cmd;
struct periodic_log periodic_log;

static volatile uint32_t period[IRQ_VM_MAX_VCPUS];	/* being waited for */

static void guest_irq_handler(struct ex_regs *regs)
{
	unsigned int me = guest_get_vcpuid();
	struct periodic_log *log = &periodic_log;
	enum user_irq_dev dev = periodic_cmd.dev;

	if (!guest_timer_firing(dev)) {
		/* The line is high and the timer is not: not ours to clear. */
		log->spurious[me]++;
		regs->pstate |= PSR_I_BIT;
		return;
	}
	if (log->taken[me] < PERIODIC_MAX)
		log->seq[me][log->taken[me]] = period[me];
	log->taken[me]++;
	guest_dev_lower(dev);
	GUEST_SYNC_ARGS(PERIODIC_EOI, me, log->taken[me], log->spurious[me], 0);
}

static bool storming(unsigned int me)
{
	return periodic_log.spurious[me] >= PERIODIC_SPURIOUS_MAX;
}

/* Sleep until the period's interrupt was taken, IRQs masked around WFI. */
static void wait_for(unsigned int me, uint32_t k)
{
	while (periodic_log.taken[me] <= k && !storming(me)) {
		guest_wfi();
		local_irq_enable();
		isb();
		local_irq_disable();
	}
}

void periodic_guest_main(void)
{
	unsigned int me = guest_get_vcpuid();
	struct periodic_cmd c = periodic_cmd;
	uint32_t ticks = timer_get_cntfrq() / 1000000 * c.period_us;
	uint32_t k;

	guest_devs_quiesce();
	for (k = 0; k < c.count && !storming(me); k++) {
		period[me] = k;
		guest_timer_arm(c.dev, ticks);
		wait_for(me, k);
	}
	GUEST_SYNC_ARGS(PERIODIC_DONE, me, periodic_log.taken[me],
			periodic_log.spurious[me], 0);
	for (;;)
		guest_wfi();
}

void periodic_install_handlers(struct kvm_vm *vm)
{
	vm_install_exception_handler(vm, VECTOR_IRQ_CURRENT, guest_irq_handler);
}
