// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_IRQ_LINE with irq_type CPU, on VMs with no in-kernel irqchip
 * (seed 000: "out-of-kernel GIC: irq_number 0 is IRQ, irq_number 1 is
 * FIQ").  Raising a line must make exactly the addressed vcpu take exactly
 * that exception, for as long as the line is high and no longer; every
 * other value of the field must be refused with the oracle's errno.
 *
 * The vcpus run one at a time from this thread: each run is one window in
 * which the guest unmasks IRQ and FIQ and counts what it takes, so no
 * result depends on timing.  The lines change while the vcpus are out of
 * KVM_RUN; tests/live_injection.c changes them while the vcpus run or sleep.
 */
#define TH_LOG_STREAM stdout
#include "kselftest_harness.h"

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "cpu_line.h"
#include "host.h"
#include "report.h"
#include "suite_main.h"
#include "vm.h"

struct taken {
	uint64_t irq, fiq;
};

static struct taken run_window(struct kvm_vcpu *vcpu)
{
	struct ucall uc;

	suite_step("in KVM_RUN of vcpu", vcpu->id);
	vcpu_run_to_sync(vcpu, CPU_LINE_WINDOW, &uc);
	TEST_ASSERT(uc.args[2] == vcpu->id, "vcpu %u: report from vcpu %lu",
		    vcpu->id, uc.args[2]);
	return (struct taken){ .irq = uc.args[3], .fiq = uc.args[4] };
}

FIXTURE(cpu_line) {
	struct irq_vm v;
};

FIXTURE_VARIANT(cpu_line) {
	unsigned int nr_vcpus;
};

FIXTURE_VARIANT_ADD(cpu_line, vcpus_1) {
	.nr_vcpus = 1,
};

FIXTURE_VARIANT_ADD(cpu_line, vcpus_4) {
	.nr_vcpus = 4,
};

FIXTURE_SETUP(cpu_line)
{
	suite_test_start(_metadata);
	if (!host.kvm)
		return;
	irq_vm_create(&self->v, variant->nr_vcpus, cpu_line_guest_main);
	cpu_line_install_handlers(self->v.vm);
}

FIXTURE_TEARDOWN(cpu_line)
{
	if (self->v.vm)
		irq_vm_destroy(&self->v);
}

/*
 * Run one window on every vcpu and compare with what should be taken:
 * `want` on vcpu `target`, nothing anywhere else.  Returns the number of
 * vcpus that took something else.
 */
static int windows_differ(struct __test_metadata *_metadata,
			  struct irq_vm *v, unsigned int target,
			  struct taken want, const char *when)
{
	unsigned int i;
	int wrong = 0;

	for (i = 0; i < v->nr_vcpus; i++) {
		struct taken got = run_window(v->vcpus[i]);
		struct taken exp = i == target ? want : (struct taken){ 0, 0 };

		if (got.irq == exp.irq && got.fiq == exp.fiq)
			continue;
		TH_LOG("%s: vcpu %u took %lu IRQ and %lu FIQ, expected %lu and %lu",
		       when, i, got.irq, got.fiq, exp.irq, exp.fiq);
		wrong++;
	}
	return wrong;
}

static void raise_checked(struct __test_metadata *_metadata,
			  struct irq_vm *v, uint32_t irq, uint32_t level)
{
	int err = irq_line(v, irq, level);

	if (err)
		TH_LOG("KVM_IRQ_LINE irq=0x%08x level=%u: %s", irq, level,
		       abi_errno_name(err));
	ASSERT_EQ(0, err);
}

/*
 * Raise one line on one vcpu: exactly that vcpu takes exactly that
 * exception, once per window, as long as the line stays high.
 */
static void report_delivery(unsigned long injections, unsigned long wrong)
{
	report_assert_in("D01", "CPU-LINE-DELIVERY", "stopped", injections, wrong);
}

static void check_line(struct __test_metadata *_metadata, struct irq_vm *v,
		       unsigned int line)
{
	struct taken one = line == ABI_CPU_IRQ ? (struct taken){ 1, 0 } :
						 (struct taken){ 0, 1 };
	unsigned int target;
	unsigned long wrong = 0;

	for (target = 0; target < v->nr_vcpus; target++) {
		uint32_t irq = abi_irq(ABI_IRQ_TYPE_CPU, target, line);

		raise_checked(_metadata, v, irq, 1);
		wrong += windows_differ(_metadata, v, target, one, "raised");
		raise_checked(_metadata, v, irq, 0);
		wrong += windows_differ(_metadata, v, target,
					(struct taken){ 0, 0 }, "lowered");
	}
	report_delivery(2 * v->nr_vcpus, wrong);
	EXPECT_EQ(0, wrong);
}

TEST_F_TIMEOUT(cpu_line, irq_taken_by_target_vcpu_only, SUITE_TEST_SECONDS)
{
	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	check_line(_metadata, &self->v, ABI_CPU_IRQ);
}

TEST_F_TIMEOUT(cpu_line, fiq_taken_by_target_vcpu_only, SUITE_TEST_SECONDS)
{
	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	check_line(_metadata, &self->v, ABI_CPU_FIQ);
}

/* A level: taken again in every window until lowered, then never. */
TEST_F_TIMEOUT(cpu_line, held_line_retaken_until_lowered, SUITE_TEST_SECONDS)
{
	struct irq_vm *v = &self->v;
	unsigned int target = v->nr_vcpus - 1, window;
	uint32_t irq = abi_irq(ABI_IRQ_TYPE_CPU, target, ABI_CPU_IRQ);
	uint32_t fiq = abi_irq(ABI_IRQ_TYPE_CPU, target, ABI_CPU_FIQ);

	unsigned long wrong = 0;

	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	raise_checked(_metadata, v, irq, 1);
	raise_checked(_metadata, v, fiq, 1);
	for (window = 0; window < 3; window++)
		wrong += windows_differ(_metadata, v, target,
					(struct taken){ 1, 1 }, "held");
	raise_checked(_metadata, v, irq, 0);
	wrong += windows_differ(_metadata, v, target, (struct taken){ 0, 1 },
				"IRQ lowered");
	raise_checked(_metadata, v, fiq, 0);
	wrong += windows_differ(_metadata, v, target, (struct taken){ 0, 0 },
				"both lowered");
	report_delivery(4, wrong);
	EXPECT_EQ(0, wrong);
}

/* Raised and lowered while the vcpu is out: a level leaves nothing behind. */
TEST_F_TIMEOUT(cpu_line, pulse_while_stopped_leaves_nothing, SUITE_TEST_SECONDS)
{
	struct irq_vm *v = &self->v;
	unsigned int target, line;
	unsigned long wrong;

	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	for (target = 0; target < v->nr_vcpus; target++) {
		for (line = ABI_CPU_IRQ; line <= ABI_CPU_FIQ; line++) {
			uint32_t irq = abi_irq(ABI_IRQ_TYPE_CPU, target, line);

			raise_checked(_metadata, v, irq, 1);
			raise_checked(_metadata, v, irq, 0);
		}
	}
	wrong = windows_differ(_metadata, v, 0, (struct taken){ 0, 0 }, "pulsed");
	report_delivery(4 * v->nr_vcpus, wrong);
	EXPECT_EQ(0, wrong);
}

static unsigned long check_range(struct irq_vm *v, const char *what,
				 unsigned int type, unsigned int vcpu,
				 unsigned int first, unsigned int last)
{
	struct irq_check c = { .what = what };
	unsigned int num;

	for (num = first; num <= last; num++) {
		irq_check_one(&c, v, abi_irq(type, vcpu, num), 1);
		irq_check_one(&c, v, abi_irq(type, vcpu, num), 0);
	}
	irq_check_report(&c);
	return irq_check_mismatches(&c);
}

/* irq_number 2..0xffff name no CPU line, on every vcpu. */
TEST_F_TIMEOUT(cpu_line, rejects_irq_number_above_fiq, SUITE_TEST_SECONDS)
{
	struct irq_vm *v = &self->v;
	unsigned long wrong = 0;
	unsigned int vcpu;

	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	for (vcpu = 0; vcpu < v->nr_vcpus; vcpu++)
		wrong += check_range(v, "CPU irq_number 2..0xffff",
				     ABI_IRQ_TYPE_CPU, vcpu, 2, ABI_IRQ_NUM_MASK);
	EXPECT_EQ(0, wrong);
}

/*
 * vcpu_index past the last vcpu, up to 255, and with LAYOUT_2 every
 * vcpu2_index (vcpus 256 and up): no such vcpu.
 */
TEST_F_TIMEOUT(cpu_line, rejects_missing_vcpu, SUITE_TEST_SECONDS)
{
	struct irq_vm *v = &self->v;
	struct irq_check c = { .what = "CPU type, missing vcpu" };
	unsigned int vcpu, line, vcpu2;

	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	for (vcpu = v->nr_vcpus; vcpu <= ABI_IRQ_VCPU_MASK; vcpu++)
		for (line = ABI_CPU_IRQ; line <= ABI_CPU_FIQ; line++)
			irq_check_one(&c, v, abi_irq(ABI_IRQ_TYPE_CPU, vcpu, line), 1);
	for (vcpu2 = 1; vcpu2 <= ABI_IRQ_VCPU2_MASK; vcpu2++)
		for (vcpu = 0; vcpu < v->nr_vcpus; vcpu++)
			irq_check_one(&c, v, abi_irq(ABI_IRQ_TYPE_CPU,
						     vcpu2 << 8 | vcpu, 0), 1);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/*
 * irq_type values other than 0, 1 and 2 mean nothing; with LAYOUT_2 the
 * top nibble is vcpu2_index, which then names a missing vcpu (CPU type) or
 * a GIC type the VM lacks: each is refused.
 */
TEST_F_TIMEOUT(cpu_line, rejects_irq_type_3_to_255, SUITE_TEST_SECONDS)
{
	struct irq_vm *v = &self->v;
	struct irq_check c = { .what = "irq_type 3..255" };
	uint32_t type, vcpu;

	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	for (type = 3; type <= 0xff; type++)
		for (vcpu = 0; vcpu < v->nr_vcpus; vcpu++)
			irq_check_one(&c, v, type << ABI_IRQ_TYPE_SHIFT |
					     vcpu << ABI_IRQ_VCPU_SHIFT, 1);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/* SPI and PPI need an in-kernel GIC: without one, ENXIO for every number. */
TEST_F_TIMEOUT(cpu_line, rejects_gic_types_without_vgic, SUITE_TEST_SECONDS)
{
	struct irq_vm *v = &self->v;
	unsigned long wrong = 0;

	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	wrong += check_range(v, "SPI without vgic", ABI_IRQ_TYPE_SPI, 0, 0, 1023);
	wrong += check_range(v, "PPI without vgic", ABI_IRQ_TYPE_PPI, 0, 0, 1023);
	wrong += check_range(v, "SPI without vgic, top", ABI_IRQ_TYPE_SPI,
			     v->nr_vcpus - 1, 0xfff0, 0xffff);
	EXPECT_EQ(0, wrong);
}

/* With the GIC in the kernel, the CPU lines are not userspace's: ENXIO. */
TEST_F_TIMEOUT(cpu_line, rejects_cpu_type_with_vgic, SUITE_TEST_SECONDS)
{
	struct irq_vm gic_vm;
	unsigned long wrong;
	int version = host_any_vgic();

	SKIP_IF(host.kvm ? NULL : NO_KVM_REASON);
	if (!version)
		SKIP(return, "the host can create neither vgic-v2 nor vgic-v3");
	irq_vm_create(&gic_vm, self->v.nr_vcpus, cpu_line_guest_main);
	irq_vm_add_vgic(&gic_vm, version, 64);
	TH_LOG("VM with %u vcpus and vgic-v%d", gic_vm.nr_vcpus, version);
	wrong = check_range(&gic_vm, "CPU type with vgic", ABI_IRQ_TYPE_CPU,
			    0, 0, 3);
	wrong += check_range(&gic_vm, "CPU type with vgic, last vcpu",
			     ABI_IRQ_TYPE_CPU, gic_vm.nr_vcpus - 1, 0, 1);
	irq_vm_destroy(&gic_vm);
	EXPECT_EQ(0, wrong);
}

SUITE_MAIN()
