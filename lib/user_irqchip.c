// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "host.h"
#include "user_irq_oracle.h"
#include "irq_check.h"
#include "user_irqchip.h"

void user_irqchip_init(struct user_irqchip *c, struct irq_vm *v,
		       uint64_t wired)
{
	memset(c, 0, sizeof(*c));
	c->v = v;
	c->version = host.user_irq;
	c->wired = wired;
}

/* The controller: the IRQ line is high while any wired device's is. */
static void drive_line(struct user_irqchip *c, unsigned int i)
{
	struct user_irqchip_vcpu *cpu = &c->cpu[i];
	uint64_t level = c->v->vcpus[i]->run->s.regs.device_irq_level;
	bool line = level & c->wired;
	int err;

	cpu->undefined |= level & ~user_irq_defined_bits(c->version);
	if (line == cpu->line)
		return;
	err = irq_line(c->v, abi_irq(ABI_IRQ_TYPE_CPU, i, ABI_CPU_IRQ), line);
	/* QEMU aborts here too: the line is then no longer what it thinks. */
	TEST_ASSERT(!err, "vcpu %u: KVM_IRQ_LINE IRQ %s: %s", i,
		    line ? "raise" : "lower", strerror(err));
	cpu->line = line;
	if (line)
		cpu->raises++;
	else
		cpu->lowers++;
}

struct run_result user_irqchip_run(struct user_irqchip *c, unsigned int i)
{
	struct kvm_run *run = c->v->vcpus[i]->run;
	uint64_t before = run->s.regs.device_irq_level;
	unsigned int bound = run_bound_seconds();
	struct run_result r = vcpu_run_bounded(c->v->vcpus[i]);

	/*
	 * Without a vgic the guest waits for a return KVM never made (a
	 * forced return); with one, no return is owed, and the guest, whose
	 * every step is bounded, stopped making progress (an interrupt
	 * taken over and over, or a livelock in the host).  Either way the
	 * test has failed; every later step would only wait out its bound.
	 */
	TEST_ASSERT(!r.timed_out,
		    "vcpu %u: no return from KVM_RUN in %u s (device_irq_level 0x%lx): %s",
		    i, bound, (unsigned long)run->s.regs.device_irq_level,
		    c->wired ? "KVM never forced the return the guest waits for" :
			       "the guest, whose steps take milliseconds, never reached its next ucall");

	c->cpu[i].runs++;
	if (run_forced(&r))
		c->cpu[i].forced++;
	if (c->observe)
		c->observe(c, i, before);
	drive_line(c, i);
	if (c->timeline && i == 0 && c->timeline_len < c->timeline_max)
		c->timeline[c->timeline_len++] = (struct user_irqchip_step){
			r.err, r.exit_reason, run->s.regs.device_irq_level,
			c->cpu[i].line,
		};
	return r;
}

/*
 * Between two of the guest's ucalls a device changes a few times at most,
 * and each forced return reports the new levels, so that the next KVM_RUN
 * enters the guest.  A kernel that forces return after return without
 * reporting what changed would keep the loop busy for ever: fail fast.
 */
#define USER_IRQCHIP_STORM	1000

void user_irqchip_run_to_ucall(struct user_irqchip *c, unsigned int i,
			       struct ucall *uc)
{
	unsigned int storm = 0;
	struct run_result r;

	for (;;) {
		r = user_irqchip_run(c, i);
		if (!run_forced(&r))
			break;
		storm++;
		TEST_ASSERT(storm < USER_IRQCHIP_STORM,
			    "vcpu %u: %u forced returns in a row, the guest never reached its next ucall (device_irq_level 0x%lx): a storm of returns",
			    i, storm, (unsigned long)c->v->vcpus[i]->run->s.regs.device_irq_level);
	}
	TEST_ASSERT(!r.err, "vcpu %u: KVM_RUN: %s (exit reason %u)", i,
		    strerror(r.err), r.exit_reason);
	vcpu_expect_sync(c->v->vcpus[i], uc);
}
