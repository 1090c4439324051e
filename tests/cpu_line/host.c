// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_IRQ_LINE with irq_type CPU, on VMs with no in-kernel irqchip
 * (86ce85352f0d: "out-of-kernel GIC: irq_number 0 is IRQ, irq_number 1 is
 * FIQ").  Raising a line must make exactly the addressed vcpu take exactly
 * that exception, for as long as the line is high and no longer; every
 * other value of the field must be refused with the oracle's errno.
 *
 * The vcpus run one at a time from this thread: each run is one window in
 * which the guest unmasks IRQ and FIQ and counts what it takes, so no
 * result depends on timing.  The lines change while the vcpus are out of
 * KVM_RUN; tests/live_injection/host.c changes them while the vcpus run or sleep.
 */
#include "suite.h"

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "cpu_line.h"
#include "irq_check.h"
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

static struct irq_vm_config line_vm_config(unsigned int nr_vcpus, int gic)
{
	return (struct irq_vm_config){ .nr_vcpus = nr_vcpus, .gic = gic,
		.nr_irqs = 64, .guest_code = cpu_line_guest_main };
}

static const char *line_vm_create(struct irq_vm *v, unsigned int nr_vcpus, int gic)
{
	struct irq_vm_config c = line_vm_config(nr_vcpus, gic);
	const char *why = irq_vm_create(v, &c);

	if (!why)
		cpu_line_install_handlers(v->vm);
	return why;
}

SUITE_SETUP(cpu_line)
{
	return line_vm_create(&self->v, variant->nr_vcpus, 0);
}

SUITE_TEARDOWN(cpu_line)
{
	irq_vm_destroy(&self->v);
}

/*
 * Run one window on every vcpu: one check of D01 (the line changed, when)
 * that `want` is taken on vcpu `target`, nothing anywhere else.
 */
static void check_windows(struct irq_vm *v, unsigned int target,
			  struct taken want, const char *when)
{
	struct taken got, exp, bad_got = { 0, 0 }, bad_exp = { 0, 0 };
	unsigned int i, bad = v->nr_vcpus;

	for (i = 0; i < v->nr_vcpus; i++) {
		got = run_window(v->vcpus[i]);
		exp = i == target ? want : (struct taken){ 0, 0 };
		if (bad == v->nr_vcpus && (got.irq != exp.irq || got.fiq != exp.fiq)) {
			bad = i;
			bad_got = got;
			bad_exp = exp;
		}
	}
	check(RULE_CPU_LINE_DELIVERY, bad == v->nr_vcpus,
	      "%s on vcpu %u: vcpu %u took %lu IRQ and %lu FIQ, expected %lu and %lu",
	      when, target, bad, bad_got.irq, bad_got.fiq, bad_exp.irq, bad_exp.fiq);
}

static void raise_checked(struct irq_vm *v, uint32_t irq, uint32_t level)
{
	int err = irq_line(v, irq, level);

	TEST_ASSERT(!err, "KVM_IRQ_LINE irq=0x%08x level=%u: %s", irq, level,
		    abi_errno_name(err));
}

/*
 * Raise one line on one vcpu: exactly that vcpu takes exactly that
 * exception, once per window, as long as the line stays high.
 */
static void check_line(struct irq_vm *v,
		       unsigned int line)
{
	struct taken one = line == ABI_CPU_IRQ ? (struct taken){ 1, 0 } :
						 (struct taken){ 0, 1 };
	unsigned int target;

	check_under(COND_STOPPED);
	for (target = 0; target < v->nr_vcpus; target++) {
		uint32_t irq = abi_irq(ABI_IRQ_TYPE_CPU, target, line);

		raise_checked(v, irq, 1);
		check_windows(v, target, one, "raised");
		raise_checked(v, irq, 0);
		check_windows(v, target, (struct taken){ 0, 0 }, "lowered");
	}
}

SUITE_TEST(cpu_line, irq_taken_by_target_vcpu_only)
{
	check_line(&self->v, ABI_CPU_IRQ);
}

SUITE_TEST(cpu_line, fiq_taken_by_target_vcpu_only)
{
	check_line(&self->v, ABI_CPU_FIQ);
}

/*
 * A level: taken again in every window until lowered, then never.  One
 * check per line change: each raised line is taken in each of 3 windows.
 */
SUITE_TEST(cpu_line, held_line_retaken_until_lowered)
{
	struct irq_vm *v = &self->v;
	unsigned int target = v->nr_vcpus - 1, window, held[2] = { 0, 0 };
	uint32_t irq = abi_irq(ABI_IRQ_TYPE_CPU, target, ABI_CPU_IRQ);
	uint32_t fiq = abi_irq(ABI_IRQ_TYPE_CPU, target, ABI_CPU_FIQ);

	check_under(COND_STOPPED);
	raise_checked(v, irq, 1);
	raise_checked(v, fiq, 1);
	for (window = 0; window < 3; window++) {
		struct taken got = run_window(v->vcpus[target]);

		held[ABI_CPU_IRQ] += got.irq == 1;
		held[ABI_CPU_FIQ] += got.fiq == 1;
	}
	check(RULE_CPU_LINE_DELIVERY, held[ABI_CPU_IRQ] == 3,
	      "held IRQ taken in %u of 3 windows", held[ABI_CPU_IRQ]);
	check(RULE_CPU_LINE_DELIVERY, held[ABI_CPU_FIQ] == 3,
	      "held FIQ taken in %u of 3 windows", held[ABI_CPU_FIQ]);
	raise_checked(v, irq, 0);
	check_windows(v, target, (struct taken){ 0, 1 }, "IRQ lowered");
	raise_checked(v, fiq, 0);
	check_windows(v, target, (struct taken){ 0, 0 }, "both lowered");
}

/* Raised and lowered while the vcpu is out: a level leaves nothing behind. */
SUITE_TEST(cpu_line, pulse_while_stopped_leaves_nothing)
{
	struct irq_vm *v = &self->v;
	unsigned int target, line;
	struct taken got;

	check_under(COND_STOPPED);
	for (target = 0; target < v->nr_vcpus; target++) {
		for (line = ABI_CPU_IRQ; line <= ABI_CPU_FIQ; line++) {
			uint32_t irq = abi_irq(ABI_IRQ_TYPE_CPU, target, line);

			raise_checked(v, irq, 1);
			raise_checked(v, irq, 0);
		}
	}
	/* Both changes of each line are judged by what its vcpu took. */
	for (target = 0; target < v->nr_vcpus; target++) {
		got = run_window(v->vcpus[target]);
		for (line = 0; line < 4; line++)
			check(RULE_CPU_LINE_DELIVERY, !(line < 2 ? got.irq : got.fiq),
			      "pulsed while stopped: vcpu %u took %lu IRQ and %lu FIQ",
			      target, got.irq, got.fiq);
	}
}

static void check_range(struct irq_vm *v, const char *what, unsigned int type,
			unsigned int vcpu, unsigned int first, unsigned int last)
{
	struct irq_check c = { .what = what };
	unsigned int num;

	for (num = first; num <= last; num++) {
		irq_check_one(&c, v, abi_irq(type, vcpu, num), 1);
		irq_check_one(&c, v, abi_irq(type, vcpu, num), 0);
	}
	irq_check_summary(&c);
}

/* irq_number 2..0xffff name no CPU line, on every vcpu. */
SUITE_TEST(cpu_line, rejects_irq_number_above_fiq)
{
	struct irq_vm *v = &self->v;
	unsigned int vcpu;

	for (vcpu = 0; vcpu < v->nr_vcpus; vcpu++)
		check_range(v, "CPU irq_number 2..0xffff", ABI_IRQ_TYPE_CPU,
			    vcpu, 2, ABI_IRQ_NUM_MASK);
}

/*
 * vcpu_index past the last vcpu, up to 255, and with LAYOUT_2 every
 * vcpu2_index (vcpus 256 and up): no such vcpu.
 */
SUITE_TEST(cpu_line, rejects_missing_vcpu)
{
	struct irq_vm *v = &self->v;
	struct irq_check c = { .what = "CPU type, missing vcpu" };
	unsigned int vcpu, line, vcpu2;

	for (vcpu = v->nr_vcpus; vcpu <= ABI_IRQ_VCPU_MASK; vcpu++)
		for (line = ABI_CPU_IRQ; line <= ABI_CPU_FIQ; line++)
			irq_check_one(&c, v, abi_irq(ABI_IRQ_TYPE_CPU, vcpu, line), 1);
	for (vcpu2 = 1; vcpu2 <= ABI_IRQ_VCPU2_MASK; vcpu2++)
		for (vcpu = 0; vcpu < v->nr_vcpus; vcpu++)
			irq_check_one(&c, v, abi_irq(ABI_IRQ_TYPE_CPU,
						     vcpu2 << 8 | vcpu, 0), 1);
	irq_check_summary(&c);
}

/*
 * irq_type values other than 0, 1 and 2 mean nothing; with LAYOUT_2 the
 * top nibble is vcpu2_index, which then names a missing vcpu (CPU type) or
 * a GIC type the VM lacks: each is refused.
 */
SUITE_TEST(cpu_line, rejects_irq_type_3_to_255)
{
	struct irq_vm *v = &self->v;
	struct irq_check c = { .what = "irq_type 3..255" };
	uint32_t type, vcpu;

	for (type = 3; type <= 0xff; type++)
		for (vcpu = 0; vcpu < v->nr_vcpus; vcpu++)
			irq_check_one(&c, v, type << ABI_IRQ_TYPE_SHIFT |
					     vcpu << ABI_IRQ_VCPU_SHIFT, 1);
	irq_check_summary(&c);
}

/* SPI and PPI need an in-kernel GIC: without one, ENXIO for every number. */
SUITE_TEST(cpu_line, rejects_gic_types_without_vgic)
{
	struct irq_vm *v = &self->v;

	check_range(v, "SPI without vgic", ABI_IRQ_TYPE_SPI, 0, 0, 1023);
	check_range(v, "PPI without vgic", ABI_IRQ_TYPE_PPI, 0, 0, 1023);
	check_range(v, "SPI without vgic, top", ABI_IRQ_TYPE_SPI,
		    v->nr_vcpus - 1, 0xfff0, 0xffff);
}

/* With the GIC in the kernel, the CPU lines are not userspace's: ENXIO. */
SUITE_TEST(cpu_line, rejects_cpu_type_with_vgic)
{
	struct irq_vm gic_vm;
	int version = host_any_vgic();

	if (!version)
		SKIP_FOR(VGIC, "the host can create neither vgic-v2 nor vgic-v3");
	SKIP_IF(line_vm_create(&gic_vm, self->v.nr_vcpus, version));
	TH_LOG("VM with %u vcpus and vgic-v%d", gic_vm.nr_vcpus, version);
	check_range(&gic_vm, "CPU type with vgic", ABI_IRQ_TYPE_CPU, 0, 0, 3);
	check_range(&gic_vm, "CPU type with vgic, last vcpu", ABI_IRQ_TYPE_CPU,
		    gic_vm.nr_vcpus - 1, 0, 1);
	irq_vm_destroy(&gic_vm);
}

SUITE_MAIN()
