// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_CAP_ARM_USER_IRQ (seed 002): with no in-kernel irqchip, KVM reports
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
 * bounded run's signal, after RUN_BOUND_SECONDS, or RUN_BOUND_AFTER_MISS
 * once one bound fired: a failure).
 */
#define TH_LOG_STREAM stdout
#include "kselftest_harness.h"

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "host.h"
#include "report.h"
#include "suite_main.h"
#include "user_irq.h"
#include "user_irq_check.h"
#include "user_irq_oracle.h"
#include "user_irqchip.h"
#include "vm.h"

FIXTURE(user_irq) {
	struct user_irq_env e;
	const char *why_not;	/* the host lacks something: skip */
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

FIXTURE_SETUP(user_irq)
{
	suite_test_start(_metadata);
	self->why_not = host_lacks_user_irq();
	if (!self->why_not && variant->dev == DEV_PMU)
		self->why_not = host_lacks_pmu();
	if (self->why_not)
		return;
	user_irq_env_create(&self->e, variant->dev, variant->nr_vcpus, 0);
}

FIXTURE_TEARDOWN(user_irq)
{
	if (!self->why_not)
		user_irq_env_destroy(&self->e);
}

/*
 * U03: the guest raises its device, then spins without ever exiting: only
 * KVM's forced return can stop it, and it must come with the bit set.
 */
TEST_F_TIMEOUT(user_irq, exit_on_rise, SUITE_TEST_SECONDS)
{
	struct user_irq_env *e = &self->e;
	unsigned int t;

	SKIP_IF(self->why_not);
	e->condition = "running";
	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_others_quiet(e, t);
		user_irq_spin_forced(e, t, USER_IRQ_RAISE, true);
		user_irq_others_quiet(e, t);
		user_irq_step(e, t, USER_IRQ_LOWER, false);
	}
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/* U03: the same when the device goes low again. */
TEST_F_TIMEOUT(user_irq, exit_on_fall, SUITE_TEST_SECONDS)
{
	struct user_irq_env *e = &self->e;
	unsigned int t;

	SKIP_IF(self->why_not);
	e->condition = "running";
	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_step(e, t, USER_IRQ_RAISE, true);
		user_irq_others_quiet(e, t);
		user_irq_spin_forced(e, t, USER_IRQ_LOWER, false);
	}
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/*
 * U12, one interrupt: the loop raises the CPU IRQ line on the bit; the
 * guest takes the interrupt once and lowers its device; the next return
 * shows the bit clear and the loop lowers the line: the next window takes
 * nothing.  At most one forced return per edge.
 */
TEST_F_TIMEOUT(user_irq, cpu_irq_line_round_trip, SUITE_TEST_SECONDS)
{
	struct user_irq_env *e = &self->e;
	unsigned int t;

	SKIP_IF(self->why_not);
	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_round_trip(e, t);
		user_irq_others_quiet(e, t);
	}
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/*
 * U04: userspace writes a level the device does not have into its bit:
 * KVM returns before running the guest, with the true level.  Both ways.
 */
TEST_F_TIMEOUT(user_irq, overwrite_restored, SUITE_TEST_SECONDS)
{
	struct user_irq_env *e = &self->e;
	unsigned int t;

	SKIP_IF(self->why_not);
	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_overwrite(e, t);		/* claims high */
		user_irq_step(e, t, USER_IRQ_RAISE, true);
		user_irq_overwrite(e, t);		/* claims low */
		user_irq_step(e, t, USER_IRQ_LOWER, false);
		user_irq_others_quiet(e, t);
	}
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/*
 * U06: bits 3..63 set by userspace: no return on their account, one forced
 * return per change as without them, the defined bits right.  What KVM leaves in
 * them is the documents' silence: recorded.
 */
TEST_F_TIMEOUT(user_irq, undefined_bits_ignored, SUITE_TEST_SECONDS)
{
	struct user_irq_env *e = &self->e;
	uint64_t undefined = ~user_irq_defined_bits(host.user_irq), left = ~0ull;
	unsigned int t;

	SKIP_IF(self->why_not);
	e->exit_rule = UR_UNDEFINED;
	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_field_or(e, t, undefined);
		user_irq_step_unforced(e, t, USER_IRQ_NOP, false);
		user_irq_spin_forced(e, t, USER_IRQ_RAISE, true);
		user_irq_spin_forced(e, t, USER_IRQ_LOWER, false);
		user_irq_step_unforced(e, t, USER_IRQ_NOP, false);
		left &= user_irq_field(e, t);
		user_irq_field_and(e, t, ~undefined);
	}
	report_behaviour("%s", (left & undefined) == undefined ? "kept" :
			       (left & undefined) ? "partly-cleared" : "cleared");
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/* U05: whatever kvm_valid_regs and kvm_dirty_regs hold, the bits follow. */
TEST_F_TIMEOUT(user_irq, independent_of_sync_regs, SUITE_TEST_SECONDS)
{
	static const uint64_t sync_regs[][2] = {	/* valid, dirty */
		{ ~0ull, 0 }, { 0, ~0ull }, { ~0ull, ~0ull }, { 0, 0 },
	};
	struct user_irq_env *e = &self->e;
	unsigned int t, i;

	SKIP_IF(self->why_not);
	e->exit_rule = UR_SYNC_REGS;
	for (t = 0; t < e->v.nr_vcpus; t++) {
		for (i = 0; i < ARRAY_SIZE(sync_regs); i++) {
			user_irq_sync_regs(e, t, sync_regs[i][0], sync_regs[i][1]);
			user_irq_spin_forced(e, t, USER_IRQ_RAISE, true);
			user_irq_spin_forced(e, t, USER_IRQ_LOWER, false);
		}
	}
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/*
 * U07: immediate_exit makes KVM_RUN fail with EINTR (api.rst) without
 * running the guest, and seed 002 has device_irq_level updated "on every
 * return to userspace": that return too must bring a stale bit up to
 * date.  A vcpu whose bit stays stale is a deviation.  The next run must
 * then set it right.
 */
TEST_F_TIMEOUT(user_irq, immediate_exit, SUITE_TEST_SECONDS)
{
	struct user_irq_env *e = &self->e;
	unsigned int t, stale = 0;

	SKIP_IF(self->why_not);
	for (t = 0; t < e->v.nr_vcpus; t++) {
		user_irq_step(e, t, USER_IRQ_RAISE, true);
		if (strcmp(user_irq_immediate_exit_bits(e, t), "updated")) {
			ksft_print_msg("vcpu %u: the immediate_exit return left a stale device_irq_level\n", t);
			report_deviation_add("vcpu%u=stale", t);
			stale++;
		}
		user_irq_step(e, t, USER_IRQ_LOWER, false);
	}
	report_deviation();
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
	EXPECT_EQ(0, stale);
}

/*
 * The same devices with a vgic (U08): KVM neither writes device_irq_level
 * nor acts on it, and the interrupt comes through the vgic, as its PPI.
 */
FIXTURE(user_irq_vgic) {
	struct user_irq_env e;
	const char *why_not;
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

FIXTURE_SETUP(user_irq_vgic)
{
	suite_test_start(_metadata);
	self->why_not = host_lacks_vgic(variant->gic);
	if (!self->why_not && variant->dev == DEV_PMU)
		self->why_not = host_lacks_pmu();
	if (self->why_not)
		return;
	user_irq_env_create(&self->e, variant->dev, 1, variant->gic);
}

FIXTURE_TEARDOWN(user_irq_vgic)
{
	if (!self->why_not)
		user_irq_env_destroy(&self->e);
}

/*
 * A preset that disagrees with every device (and sets undefined bits)
 * survives every return, and no return is forced, while the device is
 * raised, taken through the vgic and lowered.
 */
TEST_F_TIMEOUT(user_irq_vgic, field_untouched, SUITE_TEST_SECONDS)
{
	static const uint64_t presets[] = { ~0ull, 0x5a5a5a5a5a5a5a5aull, 0 };
	struct user_irq_env *e = &self->e;
	unsigned int i;

	SKIP_IF(self->why_not);
	for (i = 0; i < ARRAY_SIZE(presets); i++) {
		user_irq_field_and(e, 0, 0);
		user_irq_field_or(e, 0, presets[i] ^ user_irq_dev_bit(e->dev));
		user_irq_vgic_round_trip(e, false);
	}
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/* The device's interrupt arrives through the vgic, once, as its PPI. */
TEST_F_TIMEOUT(user_irq_vgic, irq_through_vgic, SUITE_TEST_SECONDS)
{
	struct user_irq_env *e = &self->e;

	SKIP_IF(self->why_not);
	user_irq_vgic_round_trip(e, true);
	user_irq_report(e);
	EXPECT_EQ(0, user_irq_mismatches(e));
}

/*
 * U09: the interrupt numbers of the timers and the PMU only mean something
 * to an in-kernel GIC; without one, setting them is refused.
 * vcpu.rst gives EINVAL for the PMU; for the timers it names no errno.
 */
FIXTURE(irq_attrs) {
};

FIXTURE_SETUP(irq_attrs)
{
	suite_test_start(_metadata);
}

FIXTURE_TEARDOWN(irq_attrs)
{
}

TEST_F(irq_attrs, timers_refused_without_vgic)
{
	struct irq_vm v;
	int vtimer, ptimer;

	SKIP_IF(host_lacks_user_irq());
	irq_vm_create(&v, 1, user_irq_guest_main);
	vtimer = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_TIMER_CTRL,
				   KVM_ARM_VCPU_TIMER_IRQ_VTIMER, 27);
	ptimer = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_TIMER_CTRL,
				   KVM_ARM_VCPU_TIMER_IRQ_PTIMER, 30);
	irq_vm_destroy(&v);
	report_assert("U09", "USER-IRQ-ATTRS", 2, !vtimer + !ptimer, 0);
	report_behaviour("vtimer=%s,ptimer=%s", abi_errno_name(vtimer),
			 abi_errno_name(ptimer));
	EXPECT_NE(0, vtimer);
	EXPECT_NE(0, ptimer);
}

TEST_F(irq_attrs, pmu_refused_without_vgic)
{
	struct irq_vm v;
	int err;

	SKIP_IF(host_lacks_user_irq() ?: host_lacks_pmu());
	irq_vm_create_pmu(&v, 1, user_irq_guest_main);
	err = user_irq_set_attr(v.vcpus[0], KVM_ARM_VCPU_PMU_V3_CTRL,
				KVM_ARM_VCPU_PMU_V3_IRQ, 23);
	irq_vm_destroy(&v);
	TH_LOG("KVM_ARM_VCPU_PMU_V3_IRQ without a vgic: %s", abi_errno_name(err));
	report_assert("U09", "USER-IRQ-ATTRS", 1, err != EINVAL, 0);
	EXPECT_EQ(EINVAL, err);
}

/*
 * U11 (d60d8b64280c, 4.16): a VM with a userspace irqchip takes a vtimer
 * interrupt; a VM with a vgic created afterwards must still get its own.
 */
FIXTURE(sequence) {
};

FIXTURE_SETUP(sequence)
{
	suite_test_start(_metadata);
}

FIXTURE_TEARDOWN(sequence)
{
}

TEST_F_TIMEOUT(sequence, vgic_vm_after_user_irqchip_vm, SUITE_TEST_SECONDS)
{
	struct user_irq_env e;
	int gic = host_any_vgic();
	unsigned long first;

	SKIP_IF(host_lacks_user_irq());
	if (!gic)
		SKIP(return, "the host can create neither vgic-v2 nor vgic-v3");
	user_irq_env_create(&e, DEV_VTIMER, 1, 0);
	user_irq_round_trip(&e, 0);
	user_irq_report(&e);
	first = user_irq_mismatches(&e);
	user_irq_env_destroy(&e);

	user_irq_env_create(&e, DEV_VTIMER, 1, gic);
	TH_LOG("then a VM with vgic-v%d", gic);
	user_irq_vgic_round_trip(&e, true);
	user_irq_tally(&e, UR_THEN_VGIC, !user_irq_mismatches(&e),
		       "the vgic VM did not get its vtimer interrupt");
	user_irq_report(&e);
	EXPECT_EQ(0, first);
	EXPECT_EQ(0, user_irq_mismatches(&e));
	user_irq_env_destroy(&e);
}

SUITE_MAIN()
