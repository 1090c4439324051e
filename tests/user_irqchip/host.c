// SPDX-License-Identifier: GPL-2.0
/*
 * The userspace interrupt controller loop end to end (U12): what QEMU's
 * kernel_irqchip=off relies on.  A guest takes N periodic timer interrupts
 * (N = 100, or KVM_IRQ_LOOP_INTERRUPTS) through lib/user_irqchip.c, which
 * sees nothing but run->s.regs.device_irq_level after each KVM_RUN and
 * drives the CPU IRQ line from it.  Each interrupt must arrive once, in
 * order, none lost, none taken while the timer is quiet (a line the loop
 * failed to lower), with a bounded number of returns to userspace.
 */
#include "suite.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kvm_util.h"
#include "processor.h"

#include "periodic.h"
#include "user_irq_oracle.h"
#include "user_irqchip.h"
#include "vm.h"

#define DEFAULT_INTERRUPTS	100
#define PERIOD_US		1000

/*
 * Per interrupt: one forced return when the timer fires, one EOI exit
 * when the guest has masked it (a trapped mask may force the second
 * instead).  Twice that is still no storm; more is.  A couple more for
 * the devices quiesced at start.
 */
#define RETURNS_PER_INTERRUPT	4
#define FORCED_PER_INTERRUPT	2

static unsigned int interrupts_wanted(void)
{
	const char *s = getenv("KVM_IRQ_LOOP_INTERRUPTS");
	long n = s ? strtol(s, NULL, 10) : DEFAULT_INTERRUPTS;

	return n > 0 && n <= PERIODIC_MAX ? n : DEFAULT_INTERRUPTS;
}

/* Returns of one run printed for a report's timeline (vtimer_1's). */
#define TIMELINE_RETURNS	40

FIXTURE(irqchip_loop) {
	struct irq_vm v;
	struct user_irqchip chip;
	struct user_irqchip_step timeline[TIMELINE_RETURNS];
};

FIXTURE_VARIANT(irqchip_loop) {
	enum user_irq_dev dev;
	unsigned int nr_vcpus;
	bool timeline;
};

FIXTURE_VARIANT_ADD(irqchip_loop, vtimer_1) {
	.dev = DEV_VTIMER, .nr_vcpus = 1, .timeline = true,
};
FIXTURE_VARIANT_ADD(irqchip_loop, ptimer_1) { .dev = DEV_PTIMER, .nr_vcpus = 1 };
FIXTURE_VARIANT_ADD(irqchip_loop, vtimer_4) { .dev = DEV_VTIMER, .nr_vcpus = 4 };

SUITE_SETUP(irqchip_loop)
{
	struct irq_vm_config c = { .nr_vcpus = variant->nr_vcpus,
				   .guest_code = periodic_guest_main };
	const char *why = host_lacks_user_irq() ?: irq_vm_create(&self->v, &c);

	if (why)
		return why;
	periodic_install_handlers(self->v.vm);
	user_irqchip_init(&self->chip, &self->v, user_irq_dev_bit(variant->dev));
	if (variant->timeline) {
		self->chip.timeline = self->timeline;
		self->chip.timeline_max = TIMELINE_RETURNS;
	}
	check_under(COND_SLEEPING);
	return NULL;
}

SUITE_TEARDOWN(irqchip_loop)
{
	irq_vm_destroy(&self->v);
}

/* Run every vcpu through the loop, round robin, until each is done. */
static void run_all(struct user_irqchip *chip)
{
	unsigned int i, left = chip->v->nr_vcpus;
	bool done[IRQ_VM_MAX_VCPUS] = { false };
	struct ucall uc;

	while (left) {
		for (i = 0; i < chip->v->nr_vcpus; i++) {
			if (done[i])
				continue;
			suite_step("in the loop's KVM_RUN of vcpu", i);
			user_irqchip_run_to_ucall(chip, i, &uc);
			TEST_ASSERT(uc.args[2] == i, "vcpu %u: report from vcpu %lu",
				    i, uc.args[2]);
			if (uc.args[1] == PERIODIC_DONE) {
				done[i] = true;
				left--;
			} else {
				TEST_ASSERT(uc.args[1] == PERIODIC_EOI,
					    "vcpu %u: stage 0x%lx", i, uc.args[1]);
			}
		}
	}
}

static const char *exit_name(const struct user_irqchip_step *s)
{
	static char other[24];

	if (s->err == EINTR && s->exit_reason == KVM_EXIT_INTR)
		return "forced";
	if (!s->err && s->exit_reason == KVM_EXIT_MMIO)
		return "ucall";
	snprintf(other, sizeof(other), "%u/%s", s->exit_reason,
		 s->err ? strerror(s->err) : "0");
	return other;
}

/*
 * vcpu 0's first returns, one line each, after the run (printing during
 * it would slow the loop the test times): the KVM_RUN return's index, how
 * it returned (a forced return, the guest's ucall: its EOI), the
 * device_irq_level bits it left and the IRQ line the loop then drove.
 */
static void print_timeline(const struct user_irqchip *chip)
{
	unsigned int k;

	for (k = 0; k < chip->timeline_len; k++) {
		const struct user_irqchip_step *s = &chip->timeline[k];

		ksft_print_msg("timeline: return=%u exit=%s device_irq_level=0x%lx irq_line=%u\n",
			       k, exit_name(s), (unsigned long)s->level, s->line);
	}
}

/* A mismatch of U12 beyond the interrupts themselves, if cond holds. */
#define LOOP_WRONG_IF(cond, ...) do {					\
	if (cond)							\
		check(RULE_USER_IRQ_LOOP, false, __VA_ARGS__);		\
} while (0)

/*
 * One check per interrupt of vcpu i: taken, once, in order.  Anything
 * more taken, one taken while the timer was quiet, a storm of returns or
 * an undefined bit is one mismatch more.
 */
static void check_vcpu(struct __test_metadata *_metadata,
		       const struct user_irqchip *chip, unsigned int i,
		       unsigned int n)
{
	const struct periodic_log *log = &periodic_log;
	const struct user_irqchip_vcpu *cpu = &chip->cpu[i];
	unsigned int k;

	for (k = 0; k < n; k++)
		check(RULE_USER_IRQ_LOOP, k < log->taken[i] && log->seq[i][k] == k,
		      "vcpu %u: interrupt %u %s period %u", i, k,
		      k < log->taken[i] ? "served" : "lost, of", k < log->taken[i] ? log->seq[i][k] : k);
	LOOP_WRONG_IF(log->taken[i] > n, "vcpu %u: %u interrupts taken, %u wanted",
		      i, log->taken[i], n);
	LOOP_WRONG_IF(log->spurious[i], "vcpu %u: %u taken while the timer was quiet",
		      i, log->spurious[i]);
	LOOP_WRONG_IF(cpu->forced > FORCED_PER_INTERRUPT * n + 2,
		      "vcpu %u: %lu forced returns for %u interrupts", i, cpu->forced, n);
	LOOP_WRONG_IF(cpu->runs > RETURNS_PER_INTERRUPT * n + 4,
		      "vcpu %u: %lu KVM_RUNs for %u interrupts", i, cpu->runs, n);
	LOOP_WRONG_IF(cpu->undefined, "vcpu %u: undefined bits 0x%lx reported",
		      i, cpu->undefined);
	TH_LOG("vcpu %u: %u of %u interrupts, %u while the timer was quiet; %lu KVM_RUNs, %lu forced; line raised %lu, lowered %lu times",
	       i, log->taken[i], n, log->spurious[i], cpu->runs, cpu->forced,
	       cpu->raises, cpu->lowers);
}

SUITE_TEST(irqchip_loop, periodic_interrupts_once_in_order)
{
	unsigned int n = interrupts_wanted(), i;
	unsigned long forced = 0, interrupts;

	periodic_cmd = (struct periodic_cmd){
		.dev = variant->dev,
		.count = n,
		.period_us = PERIOD_US,
	};
	sync_global_to_guest(self->v.vm, periodic_cmd);
	run_all(&self->chip);
	print_timeline(&self->chip);
	sync_global_from_guest(self->v.vm, periodic_log);
	for (i = 0; i < self->v.nr_vcpus; i++) {
		check_vcpu(_metadata, &self->chip, i, n);
		forced += self->chip.cpu[i].forced;
	}
	/*
	 * How the level's fall reaches userspace: 1, with the EOI exit; 2,
	 * when the guest's mask of the timer traps (an emulated timer) and
	 * KVM returns on it before the EOI.
	 */
	interrupts = n * self->v.nr_vcpus;
	check_behaviour("forced-per-interrupt=%lu", (forced + interrupts / 2) / interrupts);
}

SUITE_MAIN()
