// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_CAP_ARM_USER_IRQ (3fe17e682616): with no in-kernel irqchip, KVM reports
 * the output levels of a vcpu's EL1 virtual timer, EL1 physical timer and
 * PMU overflow line in run->s.regs.device_irq_level on every return, and
 * returns to userspace before running the guest whenever they change.
 *
 * Each test drives one device of one vcpu from inside the guest (raise,
 * lower, take its interrupt) and runs the vcpus one at a time from this
 * thread through lib/user_irqchip.c, the QEMU-like loop that turns the
 * levels into the CPU IRQ line.  Every return from KVM_RUN is checked
 * against the oracle (lib/user_irq_oracle.c); with 4 vcpus, each step on
 * one vcpu is followed by a run of the others, whose bits must not move.
 *
 * A "forced" return is KVM_RUN failing with EINTR and KVM_EXIT_INTR; a
 * guest that spins without exiting can only be stopped by one (or by the
 * bounded run's signal, lib/run.h: a failure).
 */
#include "suite.h"

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "steps.h"
#include "user_irq.h"
#include "user_irq_oracle.h"
#include "user_irqchip.h"
#include "vm.h"

FIXTURE(user_irq) {
	struct user_irq_env e;
};

FIXTURE_VARIANT(user_irq) {
	enum user_irq_dev dev;
	unsigned int nr_vcpus;
};

FIXTURE_VARIANT_ADD(user_irq, vtimer_1) { .dev = DEV_VTIMER, .nr_vcpus = 1 };
FIXTURE_VARIANT_ADD(user_irq, ptimer_1) { .dev = DEV_PTIMER, .nr_vcpus = 1 };
FIXTURE_VARIANT_ADD(user_irq, pmu_1) { .dev = DEV_PMU, .nr_vcpus = 1 };
FIXTURE_VARIANT_ADD(user_irq, vtimer_4) { .dev = DEV_VTIMER, .nr_vcpus = 4 };
FIXTURE_VARIANT_ADD(user_irq, ptimer_4) { .dev = DEV_PTIMER, .nr_vcpus = 4 };
FIXTURE_VARIANT_ADD(user_irq, pmu_4) { .dev = DEV_PMU, .nr_vcpus = 4 };

SUITE_SETUP(user_irq)
{
	return host_lacks_user_irq() ?:
	       user_irq_env_create(&self->e, variant->dev, variant->nr_vcpus, 0);
}

SUITE_TEARDOWN(user_irq)
{
	user_irq_env_destroy(&self->e);
}

/* A test's steps on vcpu t, taken on each vcpu in turn. */
static void on_each_vcpu(struct user_irq_env *e,
			 void (*steps)(struct user_irq_env *e, unsigned int t))
{
	unsigned int t;

	for (t = 0; t < e->v.nr_vcpus; t++)
		steps(e, t);
}

/*
 * U03, on each vcpu: the device rises (or falls) while the guest spins
 * without ever exiting: only KVM's forced return can stop it, and it must
 * come with the new level.  The other vcpus stay quiet around it.
 */
static void change_while_spinning(struct user_irq_env *e, bool rise)
{
	unsigned int t;

	check_under(COND_RUNNING);
	for (t = 0; t < e->v.nr_vcpus; t++) {
		if (!rise)
			user_irq_step(e, t, USER_IRQ_RAISE, true);
		user_irq_others_quiet(e, t);
		user_irq_spin_forced(e, t, rise ? USER_IRQ_RAISE : USER_IRQ_LOWER, rise);
		if (!rise)
			continue;
		user_irq_others_quiet(e, t);
		user_irq_step(e, t, USER_IRQ_LOWER, false);
	}
}

SUITE_TEST(user_irq, exit_on_rise)
{
	change_while_spinning(&self->e, true);
}

SUITE_TEST(user_irq, exit_on_fall)
{
	change_while_spinning(&self->e, false);
}

static void round_trip(struct user_irq_env *e, unsigned int t)
{
	user_irq_round_trip(e, t);
	user_irq_others_quiet(e, t);
}

/*
 * U12, one interrupt: the loop raises the CPU IRQ line on the bit; the
 * guest takes the interrupt once and lowers its device; the next return
 * shows the bit clear and the loop lowers the line: the next window takes
 * nothing.  At most one forced return per edge.
 */
SUITE_TEST(user_irq, cpu_irq_line_round_trip)
{
	on_each_vcpu(&self->e, round_trip);
}

static void overwrite_both_ways(struct user_irq_env *e, unsigned int t)
{
	user_irq_overwrite(e, t);		/* claims high */
	user_irq_step(e, t, USER_IRQ_RAISE, true);
	user_irq_overwrite(e, t);		/* claims low */
	user_irq_step(e, t, USER_IRQ_LOWER, false);
	user_irq_others_quiet(e, t);
}

/*
 * U04: userspace writes a level the device does not have into its bit:
 * KVM returns before running the guest, with the true level.  Both ways.
 */
SUITE_TEST(user_irq, overwrite_restored)
{
	on_each_vcpu(&self->e, overwrite_both_ways);
}

/*
 * U06: bits 3..63 set by userspace: no return on their account, one forced
 * return per change as without them, the defined bits right.  What KVM leaves in
 * them is the documents' silence: recorded.
 */
SUITE_TEST(user_irq, undefined_bits_ignored)
{
	struct user_irq_env *e = &self->e;
	uint64_t undefined = ~user_irq_defined_bits(host.user_irq), left = ~0ull;
	unsigned int t;

	e->exit_rule = RULE_USER_IRQ_UNDEFINED;
	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_field_or(e, t, undefined);
		user_irq_step_unforced(e, t, USER_IRQ_NOP, false);
		user_irq_spin_forced(e, t, USER_IRQ_RAISE, true);
		user_irq_spin_forced(e, t, USER_IRQ_LOWER, false);
		user_irq_step_unforced(e, t, USER_IRQ_NOP, false);
		left &= user_irq_field(e, t);
		user_irq_field_and(e, t, ~undefined);
	}
	check_behaviour("%s", (left & undefined) == undefined ? "kept" :
			       (left & undefined) ? "partly-cleared" : "cleared");
}

/* U05: whatever kvm_valid_regs and kvm_dirty_regs hold, the bits follow. */
SUITE_TEST(user_irq, independent_of_sync_regs)
{
	static const uint64_t sync_regs[][2] = {	/* valid, dirty */
		{ ~0ull, 0 }, { 0, ~0ull }, { ~0ull, ~0ull }, { 0, 0 },
	};
	struct user_irq_env *e = &self->e;
	unsigned int t, i;

	e->exit_rule = RULE_USER_IRQ_SYNC_REGS;
	for (t = 0; t < e->v.nr_vcpus; t++) {
		for (i = 0; i < ARRAY_SIZE(sync_regs); i++) {
			user_irq_sync_regs(e, t, sync_regs[i][0], sync_regs[i][1]);
			user_irq_spin_forced(e, t, USER_IRQ_RAISE, true);
			user_irq_spin_forced(e, t, USER_IRQ_LOWER, false);
		}
	}
}

/*
 * U07: immediate_exit makes KVM_RUN fail with EINTR (api.rst) without
 * running the guest, and 3fe17e682616 has device_irq_level updated "on every
 * return to userspace": that return too must bring a stale bit up to
 * date.  A vcpu whose bit stays stale is a deviation.  The next run must
 * then set it right.
 */
SUITE_TEST(user_irq, immediate_exit)
{
	struct user_irq_env *e = &self->e;
	unsigned int t;

	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_step(e, t, USER_IRQ_RAISE, true);
		if (!check(RULE_USER_IRQ_IMMEDIATE,
			   !strcmp(user_irq_immediate_exit_bits(e, t), "updated"),
			   "vcpu %u: the immediate_exit return left a stale device_irq_level", t))
			check_deviation("vcpu%u=stale", t);
		user_irq_step(e, t, USER_IRQ_LOWER, false);
	}
}

/*
 * The same devices with a vgic (U08): KVM neither writes device_irq_level
 * nor acts on it, and the interrupt comes through the vgic, as its PPI.
 */
FIXTURE(user_irq_vgic) {
	struct user_irq_env e;
};

FIXTURE_VARIANT(user_irq_vgic) {
	int gic;
	enum user_irq_dev dev;
};

FIXTURE_VARIANT_ADD(user_irq_vgic, v3_vtimer) { .gic = 3, .dev = DEV_VTIMER };
FIXTURE_VARIANT_ADD(user_irq_vgic, v3_ptimer) { .gic = 3, .dev = DEV_PTIMER };
FIXTURE_VARIANT_ADD(user_irq_vgic, v3_pmu) { .gic = 3, .dev = DEV_PMU };
FIXTURE_VARIANT_ADD(user_irq_vgic, v2_vtimer) { .gic = 2, .dev = DEV_VTIMER };
FIXTURE_VARIANT_ADD(user_irq_vgic, v2_ptimer) { .gic = 2, .dev = DEV_PTIMER };
FIXTURE_VARIANT_ADD(user_irq_vgic, v2_pmu) { .gic = 2, .dev = DEV_PMU };

SUITE_SETUP(user_irq_vgic)
{
	return user_irq_env_create(&self->e, variant->dev, 1, variant->gic);
}

SUITE_TEARDOWN(user_irq_vgic)
{
	user_irq_env_destroy(&self->e);
}

/*
 * A preset that disagrees with every device (and sets undefined bits)
 * survives every return, and no return is forced, while the device is
 * raised, taken through the vgic and lowered.
 */
SUITE_TEST(user_irq_vgic, field_untouched)
{
	static const uint64_t presets[] = { ~0ull, 0x5a5a5a5a5a5a5a5aull, 0 };
	struct user_irq_env *e = &self->e;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(presets); i++) {
		user_irq_field_and(e, 0, 0);
		user_irq_field_or(e, 0, presets[i] ^ user_irq_dev_bit(e->dev));
		user_irq_vgic_round_trip(e, false);
	}
}

/* The device's interrupt arrives through the vgic, once, as its PPI. */
SUITE_TEST(user_irq_vgic, irq_through_vgic)
{
	struct user_irq_env *e = &self->e;

	user_irq_vgic_round_trip(e, true);
}

/*
 * U09: the interrupt numbers of the timers and the PMU only mean something
 * to an in-kernel GIC; without one, setting them is refused.
 * vcpu.rst gives EINVAL for the PMU; for the timers it names no errno.
 */
SUITE_FIXTURE_EMPTY(irq_attrs)

SUITE_TEST(irq_attrs, timers_refused_without_vgic)
{
	struct irq_vm_config c = { .nr_vcpus = 1, .guest_code = user_irq_guest_main };
	struct irq_vm v;
	int vtimer, ptimer;

	SKIP_IF(host_lacks_user_irq() ?: irq_vm_create(&v, &c));
	vtimer = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_TIMER_CTRL,
				   KVM_ARM_VCPU_TIMER_IRQ_VTIMER, 27);
	ptimer = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_TIMER_CTRL,
				   KVM_ARM_VCPU_TIMER_IRQ_PTIMER, 30);
	irq_vm_destroy(&v);
	check(RULE_USER_IRQ_ATTRS, vtimer, "KVM_ARM_VCPU_TIMER_IRQ_VTIMER accepted without a vgic");
	check(RULE_USER_IRQ_ATTRS, ptimer, "KVM_ARM_VCPU_TIMER_IRQ_PTIMER accepted without a vgic");
	check_behaviour("vtimer=%s,ptimer=%s", abi_errno_name(vtimer),
			abi_errno_name(ptimer));
}

SUITE_TEST(irq_attrs, pmu_refused_without_vgic)
{
	struct irq_vm_config c = { .nr_vcpus = 1, .guest_code = user_irq_guest_main,
				   .pmu = true };
	struct irq_vm v;
	int err;

	SKIP_IF(host_lacks_user_irq() ?: irq_vm_create(&v, &c));
	err = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_PMU_V3_CTRL,
				KVM_ARM_VCPU_PMU_V3_IRQ, 23);
	irq_vm_destroy(&v);
	check(RULE_USER_IRQ_ATTRS, err == EINVAL, "KVM_ARM_VCPU_PMU_V3_IRQ without a vgic: %s, not EINVAL",
	      abi_errno_name(err));
}

/*
 * U13 (devices/vcpu.rst, 1.1 KVM_ARM_VCPU_PMU_V3_IRQ): with a vgic the
 * overflow interrupt "could be a PPI or SPI"; any other number is an
 * invalid one (EINVAL).  A PPI is taken, and then it is "already set"
 * (EBUSY).
 */
SUITE_TEST(irq_attrs, pmu_irq_number_with_vgic)
{
	static const int refused[] = { 0, 15, 1020, -1 };
	struct irq_vm_config c = { .nr_vcpus = 1, .guest_code = user_irq_guest_main,
				   .pmu = true, .gic = host_any_vgic(), .nr_irqs = 64 };
	struct irq_vm v;
	unsigned int i;
	int err;

	if (!c.gic)
		SKIP_FOR(VGIC, "the host can create neither vgic-v2 nor vgic-v3");
	SKIP_IF(irq_vm_create(&v, &c));
	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		err = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_PMU_V3_CTRL,
					KVM_ARM_VCPU_PMU_V3_IRQ, refused[i]);
		check(RULE_USER_IRQ_PMU_IRQ, err == EINVAL, "PMU interrupt %d with a vgic: %s, not EINVAL",
		      refused[i], abi_errno_name(err));
	}
	for (i = 0; i < 2; i++) {
		err = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_PMU_V3_CTRL,
					KVM_ARM_VCPU_PMU_V3_IRQ, 23);
		check(RULE_USER_IRQ_PMU_IRQ, err == (i ? EBUSY : 0), "PMU interrupt 23 (a PPI), %s setting: %s, not %s",
		      i ? "second" : "first", abi_errno_name(err), i ? "EBUSY" : "0");
	}
	irq_vm_destroy(&v);
}

/*
 * U11 (d60d8b64280c, 4.16): a VM with a userspace irqchip takes a vtimer
 * interrupt; a VM with a vgic created afterwards must still get its own.
 */
SUITE_FIXTURE_EMPTY(sequence)

SUITE_TEST(sequence, vgic_vm_after_user_irqchip_vm)
{
	struct user_irq_env e;
	int gic = host_any_vgic();
	unsigned long before;

	SKIP_IF(host_lacks_user_irq());
	if (!gic)
		SKIP_FOR(VGIC, "the host can create neither vgic-v2 nor vgic-v3");
	SKIP_IF(user_irq_env_create(&e, DEV_VTIMER, 1, 0));
	user_irq_round_trip(&e, 0);
	user_irq_env_destroy(&e);

	SKIP_IF(user_irq_env_create(&e, DEV_VTIMER, 1, gic));
	TH_LOG("then a VM with vgic-v%d", gic);
	before = tally_mismatches(&test_tally);
	user_irq_vgic_round_trip(&e, true);
	check(RULE_USER_IRQ_THEN_VGIC, tally_mismatches(&test_tally) == before,
	      "the vgic VM did not get its vtimer interrupt");
	user_irq_env_destroy(&e);
}

SUITE_MAIN()
