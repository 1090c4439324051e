// SPDX-License-Identifier: GPL-2.0
/*
 * Guest code for interrupts injected while the vcpu is in KVM_RUN.
 */
#include "kvm_util.h"
#include "processor.h"

#include "guest_gic.h"
#include "live_injection.h"

struct live_config live_config;
struct live_slot live_slot[IRQ_VM_MAX_VCPUS_LARGE];

static volatile struct live_slot *my_slot(void)
{
	return &live_slot[guest_get_vcpuid()];
}

static bool taken(volatile struct live_slot *s)
{
	return s->irq || s->fiq || s->intid;
}

/*
 * A CPU line is a level the guest cannot clear: return with its exception
 * masked, so that the wait counts it once.
 */
static void guest_irq_handler(struct ex_regs *regs)
{
	volatile struct live_slot *s = my_slot();
	uint32_t intid;

	if (!live_config.gic) {
		s->irq++;
		regs->pstate |= PSR_I_BIT;
		return;
	}
	intid = guest_gic_ack();
	if (intid >= GUEST_GIC_SPURIOUS) {
		s->spurious++;
		return;
	}
	/* Disabled until the next wait: the host lowers the level after. */
	guest_gic_enable(intid, false);
	guest_gic_eoi(intid);
	s->intid = intid;
}

static void guest_fiq_handler(struct ex_regs *regs)
{
	my_slot()->fiq++;
	regs->pstate |= PSR_F_BIT;
}

static uint64_t mpidr(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_HWID_BITMASK;
}

static void gic_setup(unsigned int me)
{
	guest_gic_init(live_config.gic, live_config.nr_vcpus);
	guest_gic_config(LIVE_PPI, false);
	guest_gic_route_self(LIVE_SPI_BASE + me);
	guest_gic_config(LIVE_SPI_BASE + me, live_spi_edge(me));
}

static void wait_for_one(volatile struct live_slot *s, unsigned int me)
{
	s->irq = s->fiq = s->intid = 0;
	if (live_config.gic) {
		guest_gic_enable(LIVE_PPI, true);
		guest_gic_enable(LIVE_SPI_BASE + me, true);
	}
	local_irq_enable();
	while (!taken(s)) {
		/* Again after each return: the host clears it per round. */
		s->waiting = 1;
		if (s->wait == LIVE_SLEEP)
			asm volatile("wfi" : : : "memory");
		else
			cpu_relax();
	}
	local_irq_disable();
	s->waiting = 0;
	if (live_config.gic) {
		guest_gic_enable(LIVE_PPI, false);
		guest_gic_enable(LIVE_SPI_BASE + me, false);
	}
}

void live_guest_main(void)
{
	unsigned int me = guest_get_vcpuid();
	volatile struct live_slot *s = my_slot();

	if (live_config.gic)
		gic_setup(me);
	GUEST_SYNC_ARGS(LIVE_READY, mpidr(), 0, 0, 0);
	for (;;) {
		wait_for_one(s, me);
		GUEST_SYNC_ARGS(LIVE_TAKEN, mpidr(), 0, 0, 0);
	}
}

void live_install_handlers(struct kvm_vm *vm)
{
	vm_install_exception_handler(vm, VECTOR_IRQ_CURRENT, guest_irq_handler);
	vm_install_exception_handler(vm, VECTOR_FIQ_CURRENT, guest_fiq_handler);
}
