// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "kvm_util.h"
#include "processor.h"

#include "host.h"
#include "steps.h"
#include "user_irq.h"

/* KVM's default timer PPIs (vcpu.rst); the PMU's is ours to choose. */
static const unsigned int dev_intid[NR_USER_IRQ_DEVS] = {
	[DEV_VTIMER] = 27,
	[DEV_PTIMER] = 30,
	[DEV_PMU] = 23,
};

static struct kvm_run *run_of(struct user_irq_env *e, unsigned int t)
{
	return e->v.vcpus[t]->run;
}

uint64_t user_irq_field(struct user_irq_env *e, unsigned int t)
{
	return run_of(e, t)->s.regs.device_irq_level;
}

void user_irq_field_or(struct user_irq_env *e, unsigned int t, uint64_t bits)
{
	run_of(e, t)->s.regs.device_irq_level |= bits;
}

void user_irq_field_and(struct user_irq_env *e, unsigned int t, uint64_t bits)
{
	run_of(e, t)->s.regs.device_irq_level &= bits;
}

void user_irq_sync_regs(struct user_irq_env *e, unsigned int t,
			uint64_t valid, uint64_t dirty)
{
	run_of(e, t)->kvm_valid_regs = valid;
	run_of(e, t)->kvm_dirty_regs = dirty;
}

int user_irq_set_attr(struct kvm_vcpu *vcpu, uint32_t group, uint64_t attr,
		      int val)
{
	return __vcpu_device_attr_set(vcpu, group, attr, &val) ? errno : 0;
}

/* Every return from KVM_RUN, compared with the oracle: U01, U02 or U08. */
static void check_field(struct user_irqchip *chip, unsigned int t,
			uint64_t before)
{
	struct user_irq_env *e = container_of(chip, struct user_irq_env, chip);
	struct user_irq_vcpu o = {
		.version = host.user_irq,
		.in_kernel_gic = e->v.gic_version != 0,
		.levels = e->truth[t],
	};
	uint64_t defined = user_irq_defined_bits(o.version);
	uint64_t after = user_irq_field(e, t);
	enum user_irq_bit_rule rule;
	uint64_t wrong = user_irq_wrong_bits(&o, before, after, &rule);

	if (o.in_kernel_gic) {
		env_check(e, RULE_USER_IRQ_VGIC, !wrong, "vcpu %u: device_irq_level 0x%lx became 0x%lx",
			       t, before, after);
		return;
	}
	env_check(e, RULE_USER_IRQ_LEVEL, !(wrong & defined),
		       "vcpu %u: device_irq_level 0x%lx, devices at 0x%lx",
		       t, after, o.levels);
	env_check(e, RULE_USER_IRQ_BITS, !(wrong & ~defined),
		       "vcpu %u: KVM set undefined bits 0x%lx", t, wrong & ~defined);
}

/* Run vcpu t until its report; the forced returns on the way counted. */
static void run_to_done(struct user_irq_env *e, unsigned int t,
			struct ucall *uc, unsigned long *forced)
{
	unsigned long before = e->chip.cpu[t].forced;

	user_irqchip_run_to_ucall(&e->chip, t, uc);
	TEST_ASSERT(uc->args[1] == USER_IRQ_DONE && uc->args[2] == t,
		    "vcpu %u: report 0x%lx from vcpu %lu", t, uc->args[1],
		    uc->args[2]);
	*forced += e->chip.cpu[t].forced - before;
}

static void send(struct user_irq_env *e, unsigned int t, unsigned int op,
		 bool spin, bool handler_lowers)
{
	user_irq_cmd[t] = (struct user_irq_cmd){
		.op = op,
		.dev = e->dev,
		.spin = spin,
		.handler_lowers = handler_lowers,
		.gic = e->v.gic_version,
		.intid = e->intid,
	};
	sync_global_to_guest(e->v.vm, user_irq_cmd);
	user_irq_release[t] = 0;
	sync_global_to_guest(e->v.vm, user_irq_release);
}

static void set_truth(struct user_irq_env *e, unsigned int t, unsigned int op,
		      bool high)
{
	if (op == USER_IRQ_RAISE || op == USER_IRQ_LOWER)
		e->truth[t] = high ? e->bit : 0;
}

/* Returns the report's (commands, taken, INTID) in uc->args[3..5]. */
static unsigned long step(struct user_irq_env *e, unsigned int t,
			  unsigned int op, bool high, bool lowers,
			  struct ucall *uc)
{
	unsigned long forced = 0;

	send(e, t, op, false, lowers);
	set_truth(e, t, op, high);
	if (lowers)
		e->truth[t] = 0;
	run_to_done(e, t, uc, &forced);
	return forced;
}

void user_irq_step(struct user_irq_env *e, unsigned int t, unsigned int op,
		   bool high)
{
	struct ucall uc;

	step(e, t, op, high, false, &uc);
}

void user_irq_step_unforced(struct user_irq_env *e, unsigned int t,
			    unsigned int op, bool high)
{
	struct ucall uc;
	unsigned long forced = step(e, t, op, high, false, &uc);

	env_check(e, e->exit_rule, !forced,
		       "vcpu %u: %lu forced returns with nothing to report (device_irq_level 0x%lx)",
		       t, forced, user_irq_field(e, t));
}

void user_irq_spin_forced(struct user_irq_env *e, unsigned int t,
			  unsigned int op, bool high)
{
	unsigned long forced = 0;
	struct run_result r;
	uint64_t commands;
	struct ucall uc;

	sync_global_from_guest(e->v.vm, user_irq_commands);
	commands = user_irq_commands[t];
	send(e, t, op, true, false);
	set_truth(e, t, op, high);
	r = user_irqchip_run(&e->chip, t);
	sync_global_from_guest(e->v.vm, user_irq_commands);
	/* Forced, and not before the guest got to the command. */
	env_check(e, e->exit_rule,
		       run_forced(&r) && user_irq_commands[t] == commands + 1,
		       "vcpu %u: %s %s: %s%s", t, user_irq_dev_name(e->dev),
		       high ? "raised" : "lowered",
		       r.err ? strerror(r.err) : "the guest's own exit",
		       user_irq_commands[t] == commands + 1 ? "" :
		       ", before the guest carried the command out");
	user_irq_release[t] = 1;
	sync_global_to_guest(e->v.vm, user_irq_release);
	run_to_done(e, t, &uc, &forced);
	/* The level was reported: nothing is left to force a return for. */
	env_check(e, e->exit_rule, !forced,
		       "vcpu %u: %lu more forced returns after the level was reported",
		       t, forced);
}

void user_irq_others_quiet(struct user_irq_env *e, unsigned int t)
{
	unsigned int o;

	for (o = 0; o < e->v.nr_vcpus; o++) {
		struct ucall uc;
		unsigned long forced;

		if (o == t)
			continue;
		forced = step(e, o, USER_IRQ_NOP, false, false, &uc);
		env_check(e, RULE_USER_IRQ_PER_VCPU,
			       !forced && !(user_irq_field(e, o) & e->bit),
			       "vcpu %u after vcpu %u's %s: %lu forced returns, device_irq_level 0x%lx",
			       o, t, user_irq_dev_name(e->dev), forced,
			       user_irq_field(e, o));
	}
}

/* A window; returns the interrupts taken and the last INTID (vgic). */
static unsigned long window(struct user_irq_env *e, unsigned int t,
			    bool lowers, unsigned long *forced, uint64_t *intid)
{
	struct ucall uc;

	*forced += step(e, t, USER_IRQ_WINDOW, false, lowers, &uc);
	*intid = uc.args[5];
	return uc.args[4];
}

void user_irq_round_trip(struct user_irq_env *e, unsigned int t)
{
	struct user_irqchip_vcpu *cpu = &e->chip.cpu[t];
	unsigned long forced = 0, taken;
	uint64_t intid;
	struct ucall uc;

	forced += step(e, t, USER_IRQ_RAISE, true, false, &uc);
	env_check(e, RULE_USER_IRQ_LOOP, cpu->line, "vcpu %u: the loop did not raise the IRQ line", t);
	taken = window(e, t, true, &forced, &intid);
	env_check(e, RULE_USER_IRQ_LOOP, taken == 1,
		       "vcpu %u: %lu interrupts taken while the line was high, expected 1",
		       t, taken);
	env_check(e, RULE_USER_IRQ_LOOP, !cpu->line,
		       "vcpu %u: the line is still high after the device was lowered", t);
	taken = window(e, t, false, &forced, &intid);
	env_check(e, RULE_USER_IRQ_LOOP, taken == 0,
		       "vcpu %u: %lu interrupts taken after the line was lowered", t,
		       taken);
	env_check(e, RULE_USER_IRQ_LOOP, forced <= 2,
		       "vcpu %u: %lu forced returns for one interrupt (at most 2: rise, fall)",
		       t, forced);
}

void user_irq_overwrite(struct user_irq_env *e, unsigned int t)
{
	struct run_result r;
	uint64_t commands;
	struct ucall uc;

	sync_global_from_guest(e->v.vm, user_irq_commands);
	commands = user_irq_commands[t];
	run_of(e, t)->s.regs.device_irq_level ^= e->bit;
	send(e, t, USER_IRQ_NOP, false, false);
	r = user_irqchip_run(&e->chip, t);
	sync_global_from_guest(e->v.vm, user_irq_commands);
	env_check(e, RULE_USER_IRQ_RESTORE, run_forced(&r) && user_irq_commands[t] == commands,
		       "vcpu %u: bit claimed %s: %s%s", t,
		       e->truth[t] ? "low" : "high",
		       run_forced(&r) ? "forced return" : "no forced return",
		       user_irq_commands[t] == commands ? "" : ", and the guest ran first");
	if (!run_forced(&r) && get_ucall(e->v.vcpus[t], &uc) != UCALL_NONE)
		return;		/* the guest already reported */
	user_irq_step(e, t, USER_IRQ_NOP, false);
}

const char *user_irq_immediate_exit_bits(struct user_irq_env *e, unsigned int t)
{
	struct kvm_run *run = run_of(e, t);
	uint64_t commands;
	const char *bits;
	int ret, err;

	sync_global_from_guest(e->v.vm, user_irq_commands);
	commands = user_irq_commands[t];
	run->s.regs.device_irq_level &= ~e->bit;	/* stale: it is high */
	run->immediate_exit = 1;
	ret = __vcpu_run(e->v.vcpus[t]);
	err = ret ? errno : 0;
	run->immediate_exit = 0;
	sync_global_from_guest(e->v.vm, user_irq_commands);
	env_check(e, RULE_USER_IRQ_IMMEDIATE, err == EINTR && user_irq_commands[t] == commands,
		       "vcpu %u: KVM_RUN with immediate_exit: %s, guest %s", t,
		       err ? strerror(err) : "0",
		       user_irq_commands[t] == commands ? "did not run" : "ran");
	bits = user_irq_field(e, t) & e->bit ? "updated" : "stale";
	/* Stale or not, the next run must leave it right. */
	user_irq_step(e, t, USER_IRQ_NOP, true);
	return bits;
}

void user_irq_vgic_round_trip(struct user_irq_env *e, bool delivery)
{
	unsigned long forced = 0, taken;
	uint64_t intid;
	struct ucall uc;

	forced += step(e, 0, USER_IRQ_RAISE, true, false, &uc);
	taken = window(e, 0, true, &forced, &intid);
	if (delivery) {
		env_check(e, RULE_USER_IRQ_VGIC, taken == 1 && intid == e->intid,
			       "%lu interrupts taken through the vgic, last INTID %lu, expected 1 of %u",
			       taken, intid, e->intid);
		taken = window(e, 0, false, &forced, &intid);
		env_check(e, RULE_USER_IRQ_VGIC, taken == 0,
			       "%lu interrupts taken after the device was lowered", taken);
	}
	env_check(e, RULE_USER_IRQ_VGIC, !forced, "%lu forced returns with a vgic", forced);
}

const char *user_irq_env_create(struct user_irq_env *e, enum user_irq_dev dev,
				unsigned int nr_vcpus, int gic)
{
	struct irq_vm_config c = {
		.nr_vcpus = nr_vcpus, .guest_code = user_irq_guest_main,
		.pmu = dev == DEV_PMU, .gic = gic, .nr_irqs = 64,
	};
	const char *why;
	unsigned int i;

	memset(e, 0, sizeof(*e));
	why = irq_vm_create(&e->v, &c);
	if (why)
		return why;
	user_irq_install_handlers(e->v.vm);
	if (dev == DEV_PMU)
		irq_vm_pmu_init(&e->v, gic ? dev_intid[dev] : 0);
	e->dev = dev;
	e->bit = user_irq_dev_bit(dev);
	e->intid = dev_intid[dev];
	e->exit_rule = RULE_USER_IRQ_EXIT;
	/* With a vgic the loop has no line to drive: the CPU type is ENXIO. */
	user_irqchip_init(&e->chip, &e->v, gic ? 0 : e->bit);
	/* Up to its first report each vcpu quiesces its devices: unchecked. */
	for (i = 0; i < nr_vcpus; i++) {
		struct ucall uc;

		user_irqchip_run_to_ucall(&e->chip, i, &uc);
	}
	e->chip.observe = check_field;
	for (i = 0; gic && i < nr_vcpus; i++)
		user_irq_step(e, i, USER_IRQ_GIC_SETUP, false);
	return NULL;
}

void user_irq_env_destroy(struct user_irq_env *e)
{
	irq_vm_destroy(&e->v);
}
