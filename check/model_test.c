// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the reference models (lib/model_*.c), of sequences as
 * text (lib/seq.c), of the shrinker and of the generator, run natively by
 * make check; TAP on stdout.  Each model case is a rule of the documents
 * or of the GIC architecture turned into operations and the observations
 * the rule allows and refuses.  Last, seeded sequences are run against an
 * ideal kernel made of the models themselves (every observation one the
 * model accepts): a model that contradicts itself, or a generator that
 * draws what the models do not allow, fails.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "native_tap.h"
#include "seq_model.h"
#include "seq_shrink.h"

#define EXIT_INTR	10	/* KVM_EXIT_INTR */
#define EXIT_MMIO	6	/* KVM_EXIT_MMIO: a ucall */

static const struct variants documented;

static struct variants with(enum variant which, unsigned char value)
{
	struct variants v = documented;

	v.value[which] = value;
	return v;
}

/* --- the CPU-line model --------------------------------------------------- */

/* Whether a window of vcpu taking (irq, fiq) is accepted, on a copy of m. */
static bool cpu_accepts(const struct cpu_model *m, unsigned int vcpu,
			unsigned int irq, unsigned int fiq)
{
	struct cpu_model copy = *m;
	struct model_judge j = { 0 };
	unsigned int taken[2] = { irq, fiq };

	return cpu_model_window(&copy, vcpu, taken, &j);
}

/* The IRQ counts 0, 1, 2 a window of vcpu may show, as bits. */
static unsigned int cpu_irq_allowed(const struct cpu_model *m, unsigned int vcpu)
{
	return cpu_accepts(m, vcpu, 0, 0) | cpu_accepts(m, vcpu, 1, 0) << 1 |
	       cpu_accepts(m, vcpu, 2, 0) << 2;
}

/* What cpu_irq_allowed says of a vcpu that spun while its IRQ line went 1, 0, 1 ... (n levels). */
static unsigned int irq_after_spin(unsigned int n)
{
	struct cpu_model m;
	unsigned int i;

	cpu_model_init(&m, 1, &documented);
	cpu_model_spin(&m, 0);
	for (i = 0; i < n; i++)
		cpu_model_line(&m, 0, ABI_CPU_IRQ, !(i % 2));
	return cpu_irq_allowed(&m, 0);
}

static void test_cpu(void)
{
	struct variants lost = with(VARIANT_CPU_LINE_RUNNING, VARIANT_CPU_LINE_RUNNING_MAY_BE_LOST);
	struct variants nonzero = with(VARIANT_LEVEL, VARIANT_LEVEL_NONZERO_ASSERTS);
	struct cpu_model m;
	unsigned int taken[2] = { 1, 0 };
	struct model_judge j = { 0 };

	cpu_model_init(&m, 2, &documented);
	cpu_model_line(&m, 1, ABI_CPU_IRQ, 1);
	tap(cpu_irq_allowed(&m, 1) == 2 && cpu_irq_allowed(&m, 0) == 1,
	    "cpu: a raised IRQ is taken once by its vcpu in a stopped window, by no other (86ce85352f0d)");
	cpu_model_mask(&m, 1, ABI_CPU_IRQ, true);
	tap(cpu_irq_allowed(&m, 1) == 1, "cpu: PSTATE.I masked: the high IRQ is not taken");
	cpu_model_mask(&m, 1, ABI_CPU_IRQ, false);
	cpu_model_line(&m, 1, ABI_CPU_FIQ, 1);
	tap(cpu_accepts(&m, 1, 1, 1) && !cpu_accepts(&m, 1, 1, 0),
	    "cpu: IRQ and FIQ high at once: both taken in one window");
	cpu_model_line(&m, 1, ABI_CPU_IRQ, 0);
	cpu_model_line(&m, 1, ABI_CPU_FIQ, 0);
	tap(cpu_irq_allowed(&m, 1) == 1, "cpu: a lowered IRQ is not taken");

	tap(irq_after_spin(1) == 2,
	    "cpu: raised while the vcpu spins: taken by the end of the spin, once");
	tap(irq_after_spin(2) == 3,
	    "cpu: raised and lowered while the vcpu spins: taken or not, never twice");
	cpu_model_init(&m, 1, &documented);
	cpu_model_spin(&m, 0);
	cpu_model_line(&m, 0, ABI_CPU_FIQ, 1);
	tap(cpu_model_must_have_taken(&m, 0) == 2,
	    "cpu: asleep or spinning, a vcpu must have taken a line raised and left high");
	cpu_model_mask(&m, 0, ABI_CPU_FIQ, true);
	tap(!cpu_model_must_have_taken(&m, 0), "cpu: ... unless it is masked");

	cpu_model_init(&m, 1, &lost);
	cpu_model_spin(&m, 0);
	cpu_model_line(&m, 0, ABI_CPU_IRQ, 1);
	cpu_model_window(&m, 0, (unsigned int[2]){ 0, 0 }, &j);
	tap(!j.failed && cpu_irq_allowed(&m, 0) == 1,
	    "cpu: cpu-line-running:may-be-lost: a raise while spinning may be lost, and the line is then low");

	cpu_model_init(&m, 1, &nonzero);
	cpu_model_line(&m, 0, ABI_CPU_IRQ, 2);
	tap(cpu_irq_allowed(&m, 0) == 2, "cpu: level:nonzero-asserts: level 2 raises the line");
	cpu_model_init(&m, 1, &documented);
	cpu_model_line(&m, 0, ABI_CPU_IRQ, 0xffffffff);
	tap(cpu_irq_allowed(&m, 0) == 3 && cpu_model_window(&m, 0, taken, &j) &&
	    cpu_irq_allowed(&m, 0) == 2,
	    "cpu: level 0xffffffff unpinned: either; once taken, the line is known high");
}

/* --- the KVM_CAP_ARM_USER_IRQ model --------------------------------------- */

/* A return judged on a copy of m, KVM_RUN entered (enter) or already. */
static bool ui_judges(const struct ui_model *m, unsigned int vcpu, bool enter, int err,
		      uint32_t exit_reason, uint64_t field, bool guest_ran, bool immexit)
{
	struct ui_model copy = *m;
	struct model_judge j = { 0 };
	struct ui_return r = { err, exit_reason, field, guest_ran, false };

	if (enter)
		ui_model_entry(&copy, vcpu);
	return ui_model_return(&copy, vcpu, &r, immexit, &j);
}

#define ui_accepts(m, vcpu, ...)	ui_judges(m, vcpu, true, __VA_ARGS__)
#define ui_accepts_now(m, vcpu, ...)	ui_judges(m, vcpu, false, __VA_ARGS__)

static void ui_return(struct ui_model *m, unsigned int vcpu, int err, uint64_t field)
{
	struct model_judge j = { 0 };
	struct ui_return r = { err, err ? EXIT_INTR : EXIT_MMIO, field, !err, false };

	ui_model_entry(m, vcpu);
	ui_model_return(m, vcpu, &r, false, &j);
}

/* A KVM_RUN ended by userspace's own kick returns EINTR too: no forced return. */
static void test_user_irq_kicked(void)
{
	struct model_judge j = { 0 };
	struct ui_model m;

	ui_model_init(&m, 1, 1, &documented);
	ui_model_entry(&m, 0);
	ui_model_return(&m, 0, &(struct ui_return){ EINTR, EXIT_INTR, 0, true, true }, false, &j);
	tap(!j.failed, "user-irq: EINTR after a kick of userspace's own is no forced return to judge");
	ui_model_entry(&m, 0);
	ui_model_return(&m, 0, &(struct ui_return){ EINTR, EXIT_INTR, 0, true, false }, false, &j);
	tap(j.failed, "user-irq: the same EINTR without a kick is a forced return with nothing to report (U03)");
}

static void test_user_irq(void)
{
	struct variants unchanged = with(VARIANT_IMMEDIATE_EXIT, VARIANT_IMMEDIATE_EXIT_UNCHANGED);
	struct model_judge j = { 0 };
	struct ui_model m;

	ui_model_init(&m, 2, 1, &documented);
	ui_model_entry(&m, 0);
	ui_model_dev(&m, 0, DEV_VTIMER, SEQ_DEV_RAISE);
	ui_model_dev(&m, 0, DEV_PMU, SEQ_DEV_RAISE);
	tap(ui_accepts_now(&m, 0, 0, EXIT_MMIO, 5, true, false) &&
	    ui_accepts_now(&m, 0, EINTR, EXIT_INTR, 5, true, false) &&
	    !ui_accepts_now(&m, 0, 0, EXIT_MMIO, 1, true, false) &&
	    !ui_accepts_now(&m, 0, 0, EXIT_MMIO, 7, true, false),
	    "user_irq: the vtimer and the PMU high: bits 0 and 2, not 1 (3fe17e682616)");
	tap(ui_accepts(&m, 1, 0, EXIT_MMIO, 0, true, false) &&
	    !ui_accepts(&m, 1, 0, EXIT_MMIO, 1, true, false),
	    "user_irq: another vcpu's devices do not show (U10)");
	ui_return(&m, 0, 0, 5);
	tap(!ui_accepts(&m, 0, EINTR, EXIT_INTR, 5, false, false),
	    "user_irq: a forced return with nothing to report is refused (U03)");
	ui_model_field(&m, 0, 1);
	tap(ui_accepts(&m, 0, EINTR, EXIT_INTR, 5, false, false) &&
	    !ui_accepts(&m, 0, 0, EXIT_MMIO, 5, true, false) &&
	    !ui_accepts(&m, 0, EINTR, EXIT_INTR, 5, true, false),
	    "user_irq: a field userspace overwrote forces a return before the guest runs (U04)");
	tap(!ui_accepts(&m, 0, EINTR, EXIT_INTR, 0x15, false, false),
	    "user_irq: KVM may not set an undefined bit (U01)");
	ui_model_field(&m, 0, 5 | 0x100);
	tap(ui_accepts(&m, 0, 0, EXIT_MMIO, 5 | 0x100, true, false) &&
	    ui_accepts(&m, 0, 0, EXIT_MMIO, 5, true, false),
	    "user_irq: undefined bits userspace wrote may stay or go, and force nothing (U06)");

	ui_model_init(&m, 1, 1, &documented);
	ui_model_dev(&m, 0, DEV_PTIMER, SEQ_DEV_RAISE);
	ui_return(&m, 0, 0, 2);
	ui_model_field(&m, 0, 0);
	tap(!ui_accepts(&m, 0, EINTR, EXIT_INTR, 0, false, true) &&
	    ui_accepts(&m, 0, EINTR, EXIT_INTR, 2, false, true),
	    "user_irq: immediate_exit updates a stale field (api.rst, 3fe17e682616)");
	ui_model_init(&m, 1, 1, &unchanged);
	ui_model_dev(&m, 0, DEV_PTIMER, SEQ_DEV_RAISE);
	ui_return(&m, 0, 0, 2);
	ui_model_field(&m, 0, 0);
	tap(ui_accepts(&m, 0, EINTR, EXIT_INTR, 0, false, true) &&
	    !ui_accepts(&m, 0, EINTR, EXIT_INTR, 2, false, true),
	    "user_irq: immediate-exit:unchanged: the stale field stays, exactly");

	ui_model_init(&m, 1, 1, &documented);
	ui_model_dev(&m, 0, DEV_VTIMER, SEQ_DEV_ARM);
	ui_return(&m, 0, 0, 0);
	ui_model_spin_begin(&m, 0);
	tap(ui_model_spin_awaits(&m, 0) == 1 && !ui_model_spin_end(&m, 0, 1, &j),
	    "user_irq: an armed timer while the guest spins is awaited; a spin without its forced return is refused (U03)");
	ui_model_init(&m, 1, 1, &documented);
	ui_model_dev(&m, 0, DEV_VTIMER, SEQ_DEV_ARM);
	ui_return(&m, 0, 0, 0);
	ui_model_spin_begin(&m, 0);
	ui_return(&m, 0, EINTR, 1);
	memset(&j, 0, sizeof(j));
	tap(ui_model_spin_end(&m, 0, 0, &j) && ui_accepts(&m, 0, 0, EXIT_MMIO, 0, true, false) &&
	    ui_accepts(&m, 0, 0, EXIT_MMIO, 1, true, false),
	    "user_irq: ... its forced return came; an armed timer's level stays open (its deadline is timing)");
}

/* --- the vgic model ------------------------------------------------------- */

static struct seq_vm vgic_vm(unsigned int nr_vcpus, const struct variants *v)
{
	struct seq_vm vm = {
		.kind = SEQ_VM_V3, .nr_vcpus = nr_vcpus, .nr_irqs = 64,
		.nr_intids = 4, .intid = { 17, 27, 40, 41 }, .edge = 1u << 3,
		.target = { 0, 0, 1, 1 }, .variants = *v,
		.priority = { GIC_DEFAULT_PRIORITY, GIC_DEFAULT_PRIORITY,
			      GIC_DEFAULT_PRIORITY, GIC_DEFAULT_PRIORITY },
	};
	return vm;
}

/* Whether a window of vcpu taking intids (0-terminated) is accepted, on a copy. */
static bool vgic_accepts(const struct vgic_model *m, unsigned int vcpu, ...)
{
	struct vgic_model copy = *m;
	struct model_judge j = { 0 };
	struct vgic_window w = { 0 };
	unsigned int intid;
	va_list ap;

	va_start(ap, vcpu);
	while ((intid = va_arg(ap, unsigned int)))
		w.taken[w.nr_taken++] = intid;
	va_end(ap);
	return vgic_model_window(&copy, vcpu, &w, &j);
}

static void vgic_took(struct vgic_model *m, unsigned int vcpu, unsigned int intid)
{
	struct model_judge j = { 0 };
	struct vgic_window w = { .nr_taken = !!intid, .taken = { intid } };

	vgic_model_window(m, vcpu, &w, &j);
}

static bool vgic_ack_accepts(const struct vgic_model *m, unsigned int vcpu,
			     unsigned int intid)
{
	struct vgic_model copy = *m;
	struct model_judge j = { 0 };

	return vgic_model_ack(&copy, vcpu, intid, &j);
}

/* vgic-v2's 1-N model: SPI 40 (level) and 41 (edge) routed to vcpus 0 and 1 of 3. */
static void one_of_n(struct vgic_model *m)
{
	struct seq_vm vm = vgic_vm(3, &documented);

	vm.kind = SEQ_VM_V2;
	vgic_model_init(m, &vm);
	vgic_model_route(m, 0, 40, 0x3, 0x3, &(struct model_judge){ 0 });
	vgic_model_route(m, 0, 41, 0x3, 0x3, &(struct model_judge){ 0 });
	vgic_model_enable(m, 0, 41, true);
	vgic_model_line(m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
}

static void test_vgic_one_of_n(void)
{
	struct seq_op targets = { .code = SEQ_TARGETS, .num = 41, .level = 0x6 };
	unsigned int intids[SEQ_MAX_INTIDS];
	struct vgic_model m;

	one_of_n(&m);
	tap(vgic_accepts(&m, 0, 41, 0) && vgic_accepts(&m, 1, 41, 0) && !vgic_accepts(&m, 2, 41, 0) &&
	    !vgic_accepts(&m, 0, 41, 41, 0),
	    "vgic: an SPI routed to several vcpus is taken once, by any of them, by no other (G06)");
	tap(vgic_accepts(&m, 0, 0) && vgic_accepts(&m, 1, 0) && !vgic_model_must_have_taken(&m, 0, intids),
	    "vgic: ... a window of one target may leave it to another (IHI 0048B 1.4.3)");
	vgic_took(&m, 0, 0);
	tap(!vgic_accepts(&m, 1, 0) && vgic_accepts(&m, 1, 41, 0) && vgic_accepts(&m, 0, 0),
	    "vgic: ... but when every target's window left it pending, one of them must have taken it (G06)");
	vgic_model_enable(&m, 0, 41, false);
	vgic_model_enable(&m, 0, 41, true);
	tap(vgic_accepts(&m, 1, 0),
	    "vgic: ... counted since it last changed: disabled and enabled again, the GIC may choose afresh");
	vgic_took(&m, 1, 41);
	tap(!vgic_accepts(&m, 0, 41, 0) && !vgic_ack_accepts(&m, 0, 41),
	    "vgic: ... taken by one, it is no longer pending for the other (G02, G06)");

	one_of_n(&m);
	vgic_took(&m, 0, 0);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	vgic_model_enable(&m, 1, 40, true);
	vgic_model_group(&m, 1, SEQ_GROUP_CPU, false, 0, &(struct model_judge){ 0 });
	tap(vgic_accepts(&m, 1, 0),
	    "vgic: ... a target whose group enable is clear may leave it (G03)");
	tap(vgic_model_allows(&m, &targets) && !vgic_model_route(&m, 0, 41, 0x6, 0x4, &(struct model_judge){ 0 }),
	    "vgic: ITARGETSR reads back the set of CPU interfaces written (G06)");
	targets.level = 0x4;
	tap(!vgic_model_allows(&m, &targets),
	    "vgic: a route to several names two or more vcpus (one is a route)");
	m.version = 3;
	targets.level = 0x3;
	tap(!vgic_model_allows(&m, &targets),
	    "vgic: ... and only on vgic-v2 (IROUTER names one vcpu)");
}

static void test_vgic_level_edge(void)
{
	struct vgic_model m;
	struct seq_vm vm = vgic_vm(2, &documented);

	vgic_model_init(&m, &vm);
	vgic_model_enable(&m, 0, 40, true);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	tap(!vgic_accepts(&m, 1, 0) && vgic_accepts(&m, 1, 40, 0) &&
	    !vgic_accepts(&m, 1, 40, 40, 0) && !vgic_accepts(&m, 0, 40, 0),
	    "vgic: a raised level SPI is taken once by the vcpu it is routed to, by no other (G01, G06)");
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 0);
	tap(vgic_accepts(&m, 1, 0) && !vgic_accepts(&m, 1, 40, 0),
	    "vgic: lowered before the acknowledge, a level SPI is not taken (G01)");
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	vgic_took(&m, 1, 40);
	vgic_model_enable(&m, 0, 40, true);
	tap(vgic_accepts(&m, 1, 40, 0) && !vgic_accepts(&m, 1, 0),
	    "vgic: still asserted after its EOI, a level SPI enabled again is taken again (G01)");

	vgic_model_enable(&m, 0, 41, true);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 0);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 0);
	tap(vgic_accepts(&m, 1, 40, 41, 0) && vgic_accepts(&m, 1, 41, 40, 0) &&
	    !vgic_accepts(&m, 1, 40, 0) && !vgic_accepts(&m, 1, 40, 41, 41, 0),
	    "vgic: two edges before the acknowledge: one interrupt, in any order beside another (G02, G08)");
}

static void test_vgic_active(void)
{
	struct vgic_model m;
	struct seq_vm vm = vgic_vm(2, &documented);

	vgic_model_init(&m, &vm);
	vgic_model_eoimode(&m, 1, true);
	vgic_model_enable(&m, 1, 41, true);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 1, 41, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 1, 41, 0);
	vgic_took(&m, 1, 41);		/* EOImode 1: left active */
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 1, 41, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 1, 41, 0);
	vgic_model_enable(&m, 1, 41, true);
	tap(vgic_accepts(&m, 1, 0) && !vgic_accepts(&m, 1, 41, 0),
	    "vgic: EOImode 1: EOId, not deactivated, an edge SPI edged again is not taken (G04)");
	vgic_model_dir(&m, 1);
	tap(vgic_accepts(&m, 1, 41, 0) && !vgic_accepts(&m, 1, 0),
	    "vgic: ... deactivated (DIR), it is taken again: the edge while active made it active and pending (G02)");

	vgic_model_init(&m, &vm);
	vgic_model_enable(&m, 1, 41, true);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 0);
	vgic_model_ack(&m, 1, 41, &(struct model_judge){ 0 });
	vgic_model_route(&m, 0, 41, 1u << 0, 1u << 0, &(struct model_judge){ 0 });
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
	tap(vgic_accepts(&m, 0, 0) && !vgic_accepts(&m, 0, 41, 0),
	    "vgic: an SPI re-routed while active stays active for the vcpu that acknowledged it (G06)");
	vgic_model_eoi(&m, 1);
	tap(vgic_accepts(&m, 0, 41, 0) && !vgic_accepts(&m, 1, 41, 0),
	    "vgic: ... that vcpu's EOI deactivates it; pending again, it goes to the new target (G02, G06)");

	vgic_model_init(&m, &vm);
	vgic_model_line(&m, ABI_IRQ_TYPE_PPI, 1, 17, 1);
	tap(vgic_accepts(&m, 1, 0) && !vgic_accepts(&m, 1, 17, 0),
	    "vgic: a disabled PPI, pending, is not taken (G03)");
	vgic_model_enable(&m, 1, 17, true);
	tap(vgic_accepts(&m, 1, 17, 0) && vgic_accepts(&m, 0, 0) && !vgic_accepts(&m, 0, 17, 0),
	    "vgic: enabled while pending, it is taken, on its own vcpu only (G03, G06)");
}

static void test_vgic_ack(void)
{
	struct model_judge j = { 0 };
	struct vgic_model m;
	struct seq_vm vm = vgic_vm(2, &documented);
	bool read_ok, read_bad;

	vgic_model_init(&m, &vm);
	vgic_model_enable(&m, 1, 17, true);
	vgic_model_enable(&m, 1, 40, true);
	vgic_model_line(&m, ABI_IRQ_TYPE_PPI, 1, 17, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	tap(vgic_ack_accepts(&m, 1, 17) && vgic_ack_accepts(&m, 1, 40) &&
	    vgic_ack_accepts(&m, 1, VGIC_SPURIOUS) && !vgic_ack_accepts(&m, 1, 41) &&
	    !vgic_ack_accepts(&m, 0, 17) && !vgic_ack_accepts(&m, 0, 40),
	    "vgic: an acknowledge reads one of the pending interrupts, or 1023, nothing else (G08)");
	vgic_model_ack(&m, 1, 40, &j);
	tap(!vgic_ack_accepts(&m, 1, 17) && vgic_ack_accepts(&m, 1, VGIC_SPURIOUS) &&
	    !vgic_accepts(&m, 1, 17, 0) && vgic_accepts(&m, 1, 0),
	    "vgic: with one acknowledged and not EOId, the same priority is not signalled (G05)");
	read_ok = vgic_model_read(&m, 1, 40, true, true, true, &j);
	read_bad = vgic_model_read(&m, 1, 40, true, false, true, &j);
	tap(read_ok && !read_bad,
	    "vgic: a level SPI acknowledged while asserted reads active and pending (G01, G07)");
	vgic_model_eoi(&m, 1);
	tap(vgic_ack_accepts(&m, 1, 17) && vgic_ack_accepts(&m, 1, 40),
	    "vgic: EOImode 0: the EOI deactivates; still asserted, it may come again, the other too (G04, G05)");
}

static void test_vgic_priority(void)
{
	struct model_judge j = { 0 };
	struct vgic_model m;
	struct seq_vm vm = vgic_vm(2, &documented);
	bool read_ok, read_bad;

	/* PPI 17 of vcpu 1 at 0x80, SPIs 40 (level) and 41 (edge) at the default. */
	vgic_model_init(&m, &vm);
	read_ok = vgic_model_priority(&m, 1, 17, 0x80, 0x80, &j);
	read_bad = vgic_model_priority(&m, 1, 41, 0x20, 0x00, &j);
	tap(read_ok && !read_bad, "vgic: IPRIORITYR reads back the priority written (G07)");
	vgic_model_priority(&m, 1, 41, GIC_DEFAULT_PRIORITY, GIC_DEFAULT_PRIORITY, &j);
	vgic_model_enable(&m, 1, 17, true);
	vgic_model_enable(&m, 0, 40, true);
	vgic_model_enable(&m, 0, 41, true);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	vgic_model_ack(&m, 1, 40, &j);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 0);
	vgic_model_line(&m, ABI_IRQ_TYPE_PPI, 1, 17, 1);
	tap(vgic_accepts(&m, 1, 17, 0) && !vgic_accepts(&m, 1, 0) &&
	    !vgic_accepts(&m, 1, 17, 41, 0) && vgic_ack_accepts(&m, 1, 17) &&
	    !vgic_ack_accepts(&m, 1, 41),
	    "vgic: one acknowledged and not EOId, a higher priority preempts it: taken in a window, read by an acknowledge; the same priority is not (G05, G08)");
	vgic_model_ack(&m, 1, 17, &j);
	tap(vgic_accepts(&m, 1, 0) && vgic_ack_accepts(&m, 1, VGIC_SPURIOUS) &&
	    !vgic_ack_accepts(&m, 1, 41),
	    "vgic: ... acknowledged too, its priority runs: nothing lower is signalled (G05)");
	vgic_model_eoi(&m, 1);
	tap(vgic_accepts(&m, 1, 17, 0) && !vgic_accepts(&m, 1, 41, 0),
	    "vgic: its EOI returns to the first one's priority: the higher level PPI, still asserted, is taken again, the edge SPI still not (G01, G05)");
	vgic_took(&m, 1, 17);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 0);
	vgic_model_eoi(&m, 1);
	tap(vgic_accepts(&m, 1, 41, 0) && !vgic_accepts(&m, 1, 0),
	    "vgic: the first one's EOI, and nothing is held: the edge SPI must be taken (G02, G05)");

	vgic_model_init(&m, &vm);
	vgic_model_eoimode(&m, 1, true);
	vgic_model_enable(&m, 0, 40, true);
	vgic_model_enable(&m, 0, 41, true);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	vgic_model_ack(&m, 1, 40, &j);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
	vgic_model_eoi(&m, 1);
	tap(vgic_accepts(&m, 1, 41, 0) && !vgic_accepts(&m, 1, 0) && !vgic_accepts(&m, 1, 40, 41, 0),
	    "vgic: EOImode 1: the EOI drops the running priority, the other of the same priority is taken while the first stays active (G04, G05)");
}

static void test_vgic_group(void)
{
	struct model_judge j = { 0 };
	struct vgic_model m;
	bool ok;
	struct seq_vm vm = vgic_vm(2, &documented);

	vgic_model_init(&m, &vm);
	vgic_model_enable(&m, 0, 40, true);
	vgic_model_enable(&m, 0, 17, true);
	vgic_model_group(&m, 1, SEQ_GROUP_DIST, false, 0, &j);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_PPI, 0, 17, 1);
	tap(vgic_accepts(&m, 1, 0) && !vgic_accepts(&m, 1, 40, 0) && vgic_accepts(&m, 0, 0) &&
	    !vgic_accepts(&m, 0, 17, 0) && !vgic_ack_accepts(&m, 1, 40),
	    "vgic: the distributor's group enable clear, nothing is signalled to any vcpu (G03)");
	vgic_model_group(&m, 0, SEQ_GROUP_DIST, true, 1, &j);
	vgic_model_group(&m, 1, SEQ_GROUP_CPU, false, 0, &j);
	tap(vgic_accepts(&m, 1, 0) && !vgic_accepts(&m, 1, 40, 0) && vgic_accepts(&m, 0, 17, 0) &&
	    !vgic_accepts(&m, 0, 0),
	    "vgic: set again, what stayed pending is signalled, but not to a vcpu whose CPU interface's group enable is clear (G03)");
	vgic_model_group(&m, 1, SEQ_GROUP_CPU, true, 1, &j);
	tap(vgic_accepts(&m, 1, 40, 0) && !vgic_accepts(&m, 1, 0),
	    "vgic: ... set again there, it is taken (G03)");

	vm.variants = with(VARIANT_DIST_ENABLE, VARIANT_DIST_ENABLE_STRANDS_PENDING);
	vgic_model_init(&m, &vm);
	vgic_model_enable(&m, 0, 40, true);
	vgic_model_group(&m, 1, SEQ_GROUP_DIST, false, 0, &j);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	vgic_model_group(&m, 1, SEQ_GROUP_DIST, true, 1, &j);
	ok = vgic_accepts(&m, 1, 40, 0) && vgic_accepts(&m, 1, 0);
	vgic_model_enable(&m, 0, 40, true);
	tap(ok && vgic_accepts(&m, 1, 40, 0) && !vgic_accepts(&m, 1, 0),
	    "vgic: dist-enable:strands-pending: pending as the distributor is enabled again, it may or may not be taken; its enable written again, it must be (G03)");
	tap(vgic_model_group(&m, 0, SEQ_GROUP_DIST, false, 0, &j) &&
	    !vgic_model_group(&m, 0, SEQ_GROUP_DIST, false, 1, &j) &&
	    !vgic_model_group(&m, 0, SEQ_GROUP_CPU, true, 2, &j),
	    "vgic: a group enable reads back as written (G07)");
}

/* vcpu 0 raises PPI 27, a timer's, which KVM owns. */
static void owned_ppi(const struct variants *v, struct vgic_model *m)
{
	struct seq_vm vm = vgic_vm(2, v);

	vgic_model_init(m, &vm);
	vgic_model_enable(m, 0, 27, true);
	vgic_model_line(m, ABI_IRQ_TYPE_PPI, 0, 27, 1);
}

/* vcpu 0's virtual timer fires: KVM raises its PPI 27 (enabled). */
static void timer_fires(const struct variants *v, struct vgic_model *m)
{
	struct seq_vm vm = vgic_vm(2, v);

	vgic_model_init(m, &vm);
	vgic_model_enable(m, 0, 27, true);
	vgic_model_enable(m, 1, 27, true);
	vgic_model_timer(m, 0, 27, true);
}

static void test_vgic_timer(void)
{
	struct variants ignored = with(VARIANT_OWNED_PPI, VARIANT_OWNED_PPI_IGNORED);
	struct variants id_as_index = with(VARIANT_VCPU_LOOKUP, VARIANT_VCPU_LOOKUP_PPI_ID_AS_INDEX);
	struct seq_op fire = { .code = SEQ_DEV, .a = DEV_VTIMER, .level = SEQ_DEV_RAISE };
	struct vgic_model m;
	struct seq_vm vm;

	timer_fires(&documented, &m);
	tap(!vgic_accepts(&m, 0, 0) && vgic_accepts(&m, 0, 27, 0) && vgic_accepts(&m, 1, 0) &&
	    !vgic_accepts(&m, 1, 27, 0),
	    "vgic: a timer firing makes its vcpu's PPI 27 pending, no other vcpu's (G01)");
	vgic_took(&m, 0, 27);
	vgic_model_enable(&m, 0, 27, true);
	tap(vgic_accepts(&m, 0, 27, 0) && !vgic_accepts(&m, 0, 0),
	    "vgic: ... level-sensitive: still firing when enabled again, it is taken again (G01)");
	vgic_model_timer(&m, 0, 27, false);
	tap(vgic_accepts(&m, 0, 0) && !vgic_accepts(&m, 0, 27, 0),
	    "vgic: ... masked, the timer no longer fires: not taken (G01)");

	timer_fires(&ignored, &m);
	vgic_model_line(&m, ABI_IRQ_TYPE_PPI, 0, 27, 0);
	tap(!vgic_accepts(&m, 0, 0) && vgic_accepts(&m, 0, 27, 0),
	    "vgic: owned-ppi:ignored: userspace lowering PPI 27 while the timer fires changes nothing (U08)");
	timer_fires(&documented, &m);
	vgic_model_line(&m, ABI_IRQ_TYPE_PPI, 0, 27, 0);
	tap(vgic_accepts(&m, 0, 0) && vgic_accepts(&m, 0, 27, 0),
	    "vgic: ... unpinned, it may overwrite the timer's level: taken or not");
	tap(vgic_model_allows(&m, &fire) && (fire.a = DEV_PMU, !vgic_model_allows(&m, &fire)) &&
	    (fire.a = DEV_PTIMER, !vgic_model_allows(&m, &fire)),
	    "vgic: the guest drives a timer whose PPI is in play, not the PMU (no PMU in a vgic sequence)");

	vm = vgic_vm(2, &id_as_index);
	vm.permuted = true;
	vm.id[0] = 1;
	vm.id[1] = 0;
	vgic_model_init(&m, &vm);
	fire.a = DEV_VTIMER;
	tap(!vgic_model_allows(&m, &fire) &&
	    (vm.variants = documented, vgic_model_init(&m, &vm), vgic_model_allows(&m, &fire)),
	    "vgic: vcpu-lookup:ppi-id-as-index, ids out of order: no timer driven (KVM's own injection lands it elsewhere)");
}

/* Edge SPI 41 raised, taken, then level 1 again without a 0 between. */
static void reasserted_edge(const struct variants *v, struct vgic_model *m)
{
	struct seq_vm vm = vgic_vm(2, v);

	vgic_model_init(m, &vm);
	vgic_model_enable(m, 1, 41, true);
	vgic_model_line(m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
	vgic_took(m, 1, 41);
	vgic_model_enable(m, 1, 41, true);
	vgic_model_line(m, ABI_IRQ_TYPE_SPI, 0, 41, 1);
}

static void test_vgic_spin_variants(void)
{
	struct variants ignored = with(VARIANT_OWNED_PPI, VARIANT_OWNED_PPI_IGNORED);
	struct variants latches = with(VARIANT_EDGE_REASSERT, VARIANT_EDGE_REASSERT_LATCHES);
	struct seq_vm vm = vgic_vm(2, &documented);
	struct vgic_model m;

	vgic_model_init(&m, &vm);
	vgic_model_enable(&m, 1, 40, true);
	vgic_model_spin(&m, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 0);
	tap(vgic_accepts(&m, 1, 0) && vgic_accepts(&m, 1, 40, 0),
	    "vgic: a level pulse while the target spins: taken or not (the GIC's timing)");
	vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 1);
	tap(!vgic_accepts(&m, 1, 0) && vgic_accepts(&m, 1, 40, 0),
	    "vgic: ... raised again and left asserted: taken by the end of the spin (A20)");
	{
		unsigned int intids[SEQ_MAX_INTIDS];

		tap(vgic_model_must_have_taken(&m, 1, intids) == 1 && intids[0] == 40 &&
		    !vgic_model_must_have_taken(&m, 0, intids),
		    "vgic: asleep or spinning, the target must have taken what is deliverable to it, no other vcpu");
		vgic_model_line(&m, ABI_IRQ_TYPE_SPI, 0, 40, 0);
		tap(!vgic_model_must_have_taken(&m, 1, intids),
		    "vgic: ... lowered again: nothing it must have taken (a pulse may be missed)");
	}

	owned_ppi(&ignored, &m);
	tap(vgic_accepts(&m, 0, 0) && !vgic_accepts(&m, 0, 27, 0),
	    "vgic: owned-ppi:ignored: a timer PPI KVM owns is not taken for an injection");
	owned_ppi(&documented, &m);
	tap(vgic_accepts(&m, 0, 0) && vgic_accepts(&m, 0, 27, 0),
	    "vgic: owned-ppi unpinned: taken or not");

	reasserted_edge(&latches, &m);
	tap(vgic_accepts(&m, 1, 41, 0) && !vgic_accepts(&m, 1, 0),
	    "vgic: edge-reassert:latches: a second level 1 without a 0 between latches it");
	reasserted_edge(&documented, &m);
	tap(vgic_accepts(&m, 1, 41, 0) && vgic_accepts(&m, 1, 0),
	    "vgic: edge-reassert unpinned: a new edge or none");
}

/* --- sequences as text, the shrinker -------------------------------------- */

/* ids 1 2 0: the field names a creation index; each vcpu-lookup variant's vcpu. */
static void test_line_slot(void)
{
	struct seq_vm vm = { .kind = SEQ_VM_V3, .nr_vcpus = 3, .permuted = true, .id = { 1, 2, 0 } };
	struct seq_op cpu0 = { .code = SEQ_LINE, .a = ABI_IRQ_TYPE_CPU, .vcpu = 0 };
	struct seq_op ppi0 = { .code = SEQ_LINE, .a = ABI_IRQ_TYPE_PPI, .vcpu = 0, .num = 20 };
	bool ok;

	ok = seq_line_slot(&vm, &cpu0) == 0 && seq_line_slot(&vm, &ppi0) == 0;
	vm.variants.value[VARIANT_VCPU_LOOKUP] = VARIANT_VCPU_LOOKUP_BY_ID;
	ok &= seq_line_slot(&vm, &cpu0) == 2 && seq_line_slot(&vm, &ppi0) == 2;
	vm.variants.value[VARIANT_VCPU_LOOKUP] = VARIANT_VCPU_LOOKUP_PPI_ID_AS_INDEX;
	ok &= seq_line_slot(&vm, &cpu0) == 0 && seq_line_slot(&vm, &ppi0) == 1;
	tap(ok, "seq: ids 1 2 0, field 0: by-index vcpu 0, by-id vcpu 2, ppi-id-as-index a PPI to vcpu 1 and the CPU line to 0");
}

/* Each head is wrong in one item only. */
static const char *const bad_heads[] = {
	"vm=nogic vcpus=0 | window:0",
	"vm=nogic vcpus=9999 | window:0",
	"vm=v3 vcpus=2 nr_irqs=63 intids=40 edge=0 targets=0 | window:0",
	"vm=v3 vcpus=2 nr_irqs=64 intids=15 edge=0 targets=0 | window:0",
	"vm=v3 vcpus=2 nr_irqs=64 intids=40,41,42,43,44,45,46,47,48 edge=0 targets=0 | window:0",
	"vm=v3 vcpus=2 nr_irqs=64 intids=40 edge=0 targets=0,0,0,0,0,0,0,0,0 | window:0",
	"vm=v3 vcpus=2 nr_irqs=64 intids=40 edge=0x1ff targets=0 | window:0",
	"vm=v3 vcpus=2 nr_irqs=64 intids=40 edge=0 targets=0 priorities=0xa0,0x80 | window:0",
	"vm=v3 vcpus=2 nr_irqs=64 intids=40 edge=0 targets=0 priorities=0x100 | window:0",
	"vm=nogic vcpus=2 colour=blue | window:0",
	"vm=nogic vcpus | window:0",
	"vm=nogic vcpus=2 vm_vcpus=300 | window:0",
	"vm=nogic vcpus=2 vm_vcpus=300 indices=299 | window:0",
	"vm=nogic vcpus=2 vm_vcpus=300 indices=299,299 | window:0",
	"vm=nogic vcpus=2 vm_vcpus=300 indices=300,1 | window:0",
	"vm=nogic vcpus=2 indices=1,0 | window:0",
	"vm=nogic vcpus=2 vm_vcpus=513 indices=1,0 | window:0",
	"vm=nogic vcpus=3 ids=0,0,1 | window:0",
	"vm=nogic vcpus=3 ids=1,0 | window:0",
	"vm=v2 vcpus=2 nr_irqs=64 intids=40 edge=0 targets=0 ids=1,0 | window:0",
	"vm=nogic vcpus=2 ids=1,0 vm_vcpus=10 indices=9,3 | window:0",
};

static void test_text(void)
{
	static const char *const good[] = {
		"line:m:spi:3:40:1", "line:t2:cpu:1:1:0", "line:m:ppi:0:17:4294967295",
		"field:1:0x105", "immexit:0", "window:7", "spin:1", "stop:1",
		"mask:0:fiq:1", "dev:2:ptimer:arm", "enable:0:40:1", "config:1:40:edge",
		"route:0:40:3", "ack:1", "eoi:1", "dir:1", "eoimode:1:1", "read:0:17",
		"line:t3:spi:0:41:1&", "sleep:2", "priority:1:40:0x20",
		"group:0:dist:0", "group:3:cpu:1",
	};
	static const char *const bad[] = {
		"", "line:m:spi:0:40", "line:x:spi:0:40:1", "line:m:lpi:0:40:1",
		"window", "window:8", "dev:0:hpet:raise", "config:0:40:both",
		"mask:0:nmi:1", "eoi:0:1", "frobnicate:0", "enable:0:1024:1",
		"window:0&", "&", "priority:0:40", "priority:0:40:0x100",
		"group:0:gicr:1", "group:0:cpu:2",
	};
	struct seq_op op, ops[4], back[SEQ_MAX_OPS];
	struct seq_vm vm = vgic_vm(3, &documented), vm2;
	char buf[SEQ_LINE_MAX], tok[64], err[160];
	unsigned int i, n;
	bool ok = true;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ok &= !seq_op_parse(good[i], &op) &&
		      !strcmp(seq_op_format(&op, tok, sizeof(tok)), good[i]);
	tap(ok, "seq: every operation's token parses and formats back the same");
	ok = true;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok &= seq_op_parse(bad[i], &op) != 0;
	tap(ok, "seq: malformed tokens are refused");

	vm.variants = with(VARIANT_LEVEL, VARIANT_LEVEL_NONZERO_ASSERTS);
	vm.variants.value[VARIANT_OWNED_PPI] = VARIANT_OWNED_PPI_IGNORED;
	for (i = 0; i < 4; i++)
		seq_op_parse(good[i * 4], &ops[i]);
	seq_line_format(&vm, "v1-2-gabc", ops, 4, buf, sizeof(buf));
	ok = !seq_line_parse(buf, &vm2, back, &n, err, sizeof(err)) && n == 4 &&
	     !memcmp(ops, back, sizeof(ops)) && !memcmp(&vm, &vm2, sizeof(vm));
	tap(ok, "seq: a reproducer line parses back to its VM, variants and operations (%s)", buf);
	tap(seq_line_parse("vm=v3 vcpus=2 | window:0", &vm2, back, &n, err, sizeof(err)) &&
	    seq_line_parse("vm=v4 vcpus=2 | window:0", &vm2, back, &n, err, sizeof(err)) &&
	    seq_line_parse("vm=nogic vcpus=2 variants=level:maybe | window:0", &vm2, back,
			   &n, err, sizeof(err)) &&
	    !seq_line_parse("vm=nogic vcpus=2 | window:0", &vm2, back, &n, err, sizeof(err)),
	    "seq: a reproducer line missing its vgic's INTIDs, of an unknown VM or variant value is refused (%s)",
	    err);
	ok = true;
	for (i = 0; i < sizeof(bad_heads) / sizeof(bad_heads[0]); i++)
		ok &= seq_line_parse(bad_heads[i], &vm2, back, &n, err, sizeof(err)) != 0;
	tap(ok, "seq: a head item out of its range, a list too long, an unknown key or slots that do not fit the VM are refused");
	memset(&vm, 0, sizeof(vm));
	vm.nr_vcpus = 3;
	vm.vm_vcpus = 300;
	vm.index[0] = 299;
	vm.index[1] = 17;
	vm.index[2] = 256;
	seq_line_format(&vm, "v1", ops, 1, buf, sizeof(buf));
	tap(!seq_line_parse(buf, &vm2, back, &n, err, sizeof(err)) && !memcmp(&vm, &vm2, sizeof(vm)) &&
	    seq_vm_size(&vm2) == 300 && seq_vm_index(&vm2, 2) == 256,
	    "seq: a large VM's slots parse back (%s)", buf);
	test_line_slot();
}

/* Fails when it holds a raise of SPI 40 followed, later, by a window of vcpu 1. */
static bool needs_two(void *ctx, const struct seq_op *ops, unsigned int n)
{
	unsigned int i;
	bool raised = false;

	(void)ctx;
	for (i = 0; i < n; i++) {
		raised |= ops[i].code == SEQ_LINE && ops[i].num == 40 && ops[i].level;
		if (raised && ops[i].code == SEQ_WINDOW && ops[i].vcpu == 1)
			return true;
	}
	return false;
}

static void test_shrink(void)
{
	static struct seq_op ops[SEQ_MAX_OPS];
	struct seq_shrink s = { .fails = needs_two, .max_runs = 10000 };
	struct seq_rng r = { 7 };
	unsigned int i, n = 300;

	for (i = 0; i < n; i++) {
		ops[i].code = seq_below(&r, NR_SEQ_CODES);
		ops[i].vcpu = seq_below(&r, 4);
		ops[i].num = 41;
	}
	ops[100] = (struct seq_op){ .code = SEQ_LINE, .a = ABI_IRQ_TYPE_SPI, .num = 40, .level = 1 };
	ops[250] = (struct seq_op){ .code = SEQ_WINDOW, .vcpu = 1 };
	n = seq_shrink(&s, ops, n);
	tap(n == 2 && ops[0].code == SEQ_LINE && ops[1].code == SEQ_WINDOW,
	    "shrink: 300 operations, of which two in order make it fail, shrink to those two (%u runs)",
	    s.runs);
	s.max_runs = 5;
	s.runs = 0;
	n = 300;
	ops[1] = ops[0];
	tap(seq_shrink(&s, ops, 2) <= 2 && s.runs <= 5, "shrink: bounded by its runs");
}

/* --- the models against themselves ---------------------------------------- */

/*
 * An ideal kernel: for each operation, an observation the models accept
 * (drawn among the candidates), as a kernel that follows them would
 * show.  A sequence none of whose candidates fits is a model that
 * contradicts itself.  Broken, it takes no FIQ: the models must see it.
 */
struct ideal {
	struct seq_models *s;
	struct seq_rng *r;
	bool no_fiq;
	char why[800];
};

static bool ideal_window(struct ideal *k, unsigned int vcpu)
{
	unsigned int start = seq_below(k->r, 4), c, taken[2];
	struct model_judge j = { 0 };
	struct cpu_model copy;

	for (c = 0; c < 4; c++) {
		taken[0] = (start + c) & 1;
		taken[1] = k->no_fiq ? 0 : ((start + c) >> 1) & 1;
		copy = k->s->cpu;
		memset(&j, 0, sizeof(j));
		if (cpu_model_window(&copy, vcpu, taken, &j)) {
			k->s->cpu = copy;
			return true;
		}
	}
	snprintf(k->why, sizeof(k->why), "no window fits: %s", j.why);
	return false;
}

/* The INTIDs vcpu may take, as candidates: every subset of those it may. */
static bool ideal_vgic_window(struct ideal *k, unsigned int vcpu)
{
	struct vgic_model *m = &k->s->vgic;
	unsigned int mine[SEQ_MAX_INTIDS], n = 0, i, set, start, tries;
	struct model_judge j = { 0 };
	struct vgic_window w;
	struct vgic_model copy;

	for (i = 0; i < m->nr_intids; i++)
		if (vgic_routed_to(&m->irq[i][m->intid[i] < 32 ? vcpu : 0], vcpu))
			mine[n++] = m->intid[i];
	start = seq_below(k->r, 1u << n);
	for (tries = 0; tries < (1u << n); tries++) {
		set = (start + tries) & ((1u << n) - 1);
		memset(&w, 0, sizeof(w));
		for (i = 0; i < n; i++)
			if (set & (1u << i))
				w.taken[w.nr_taken++] = mine[i];
		copy = *m;
		memset(&j, 0, sizeof(j));
		if (vgic_model_window(&copy, vcpu, &w, &j)) {
			*m = copy;
			return true;
		}
	}
	snprintf(k->why, sizeof(k->why), "no window of vcpu %u fits: %s", vcpu, j.why);
	return false;
}

static bool ideal_vgic_ack(struct ideal *k, unsigned int vcpu)
{
	struct vgic_model *m = &k->s->vgic;
	struct model_judge j = { 0 };
	struct vgic_model copy;
	unsigned int c;

	for (c = 0; c <= m->nr_intids; c++) {
		copy = *m;
		if (vgic_model_ack(&copy, vcpu, c < m->nr_intids ? m->intid[c] : VGIC_SPURIOUS, &j)) {
			*m = copy;
			return true;
		}
	}
	snprintf(k->why, sizeof(k->why), "no acknowledge fits: %s", j.why);
	return false;
}

static bool ideal_vgic_read(struct ideal *k, const struct seq_op *op)
{
	struct vgic_model copy;
	struct model_judge j = { 0 };
	unsigned int c;

	for (c = 0; c < 8; c++) {
		copy = k->s->vgic;
		if (vgic_model_read(&copy, op->vcpu, op->num, c & 1, c & 2, c & 4, &j)) {
			k->s->vgic = copy;
			return true;
		}
	}
	snprintf(k->why, sizeof(k->why), "no read fits: %s", j.why);
	return false;
}

/* A return of vcpu whose field is the levels, unknown ones drawn (fired: high). */
static bool ideal_return_fired(struct ideal *k, unsigned int vcpu, bool forced,
			       bool immexit, uint64_t fired)
{
	struct ui_model *m = &k->s->ui;
	struct model_judge j = { 0 };
	struct ui_return r = { forced ? EINTR : 0, forced ? EXIT_INTR : EXIT_MMIO, 0, !forced, false };
	unsigned int d;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		if (m->v[vcpu].level[d] == TRI_YES ||
		    (m->v[vcpu].level[d] == TRI_EITHER && seq_below(k->r, 2)))
			r.field |= 1u << d;
	r.field |= fired;
	if (immexit && m->variants.value[VARIANT_IMMEDIATE_EXIT])
		r.field = m->v[vcpu].field;
	if (ui_model_return(m, vcpu, &r, immexit, &j))
		return true;
	snprintf(k->why, sizeof(k->why), "no return fits: %s", j.why);
	return false;
}

static bool ideal_return(struct ideal *k, unsigned int vcpu, bool forced, bool immexit)
{
	return ideal_return_fired(k, vcpu, forced, immexit, 0);
}

/* A guest command's KVM_RUNs: a forced return first if one is due. */
static bool ideal_command(struct ideal *k, unsigned int vcpu)
{
	struct ui_model *m = &k->s->ui;

	ui_model_entry(m, vcpu);
	if (m->v[vcpu].must_exit) {
		if (!ideal_return(k, vcpu, true, false))
			return false;
		ui_model_entry(m, vcpu);
	}
	return true;
}

static bool ideal_nogic(struct ideal *k, const struct seq_op *op)
{
	struct seq_models *s = k->s;
	struct model_judge j = { 0 };
	unsigned int v = op->vcpu;

	switch (op->code) {
	case SEQ_LINE:
	case SEQ_FIELD:
		return seq_models_apply(s, op);
	case SEQ_IMMEXIT:
		ui_model_entry(&s->ui, v);
		return ideal_return(k, v, true, true);
	case SEQ_STOP:
		ui_model_entry(&s->ui, v);
		if (ui_model_spin_awaits(&s->ui, v) &&
		    !ideal_return_fired(k, v, true, false, ui_model_spin_awaits(&s->ui, v)))
			return false;
		if (!ui_model_spin_end(&s->ui, v, 0, &j)) {
			snprintf(k->why, sizeof(k->why), "%s", j.why);
			return false;
		}
		ui_model_entry(&s->ui, v);
		return ideal_window(k, v) && ideal_return(k, v, false, false);
	default:
		break;
	}
	if (!ideal_command(k, v))
		return false;
	if (seq_is_spin(op->code))
		return seq_models_apply(s, op);
	if (op->code == SEQ_DEV)
		ui_model_dev(&s->ui, v, op->a, op->level);
	else if (op->code == SEQ_WINDOW && !ideal_window(k, v))
		return false;
	else
		seq_models_apply(s, op);
	return ideal_return(k, v, false, false);
}

static bool ideal_vgic_op(struct ideal *k, const struct seq_op *op)
{
	switch (op->code) {
	case SEQ_WINDOW:
	case SEQ_STOP:
		return ideal_vgic_window(k, op->vcpu);
	case SEQ_ACK:
		return ideal_vgic_ack(k, op->vcpu);
	case SEQ_READ:
		return ideal_vgic_read(k, op);
	default:
		return seq_models_apply(k->s, op);
	}
}

/* As the executor: a guest operation, or a spin's end, is a run of its vcpu. */
static bool ideal_vgic(struct ideal *k, const struct seq_op *op)
{
	if (!ideal_vgic_op(k, op))
		return false;
	if (op->code != SEQ_LINE && !seq_is_spin(op->code))
		vgic_model_ran(&k->s->vgic, op->vcpu);
	return true;
}

/* Sequences of one kind against the ideal kernel: 0, or the failing seed. */
static unsigned long run_ideal(enum seq_vm_kind kind, unsigned int sequences,
			       unsigned int nr_ops, bool no_fiq, char *why, size_t len,
			       unsigned long *ops_run)
{
	static struct seq_models s;
	struct variants v = with(VARIANT_LEVEL, VARIANT_LEVEL_NONZERO_ASSERTS);
	unsigned long seed;
	struct seq_vm vm;
	struct seq_op op;
	unsigned int i;

	for (seed = 1; seed <= sequences; seed++) {
		struct seq_gen g = { .rng = { seed } };
		struct ideal k = { &s, &g.rng, no_fiq, "" };

		v.value[VARIANT_CPU_LINE_RUNNING] = seed % 2;
		v.value[VARIANT_IMMEDIATE_EXIT] = seed / 2 % 2;
		seq_vm_generate(&g.rng, kind, IRQ_VM_MAX_VCPUS, seed % 4 ? IRQ_VM_MAX_VCPUS : 272,
				992, &v, &vm);
		seq_models_init(&s, &vm, true, 1);
		for (i = 0; i < nr_ops; i++) {
			seq_op_generate(&g, &s, &op);
			(*ops_run)++;
			if (!seq_models_allows(&s, &op) ||
			    !(kind == SEQ_VM_NOGIC ? ideal_nogic(&k, &op) : ideal_vgic(&k, &op))) {
				snprintf(why, len, "seed %lu, op %u (%s): %s", seed, i,
					 seq_op_format(&op, (char[64]){ 0 }, 64),
					 k.why[0] ? k.why : "drawn but not allowed");
				return seed;
			}
		}
	}
	return 0;
}

static void test_ideal(void)
{
	enum seq_vm_kind kind;
	unsigned long ops, failing;
	char why[1024];

	for (kind = 0; kind < NR_SEQ_VM_KINDS; kind++) {
		ops = 0;
		failing = run_ideal(kind, 300, 120, false, why, sizeof(why), &ops);
		tap(!failing, "ideal kernel: 300 seeded %s sequences, %lu operations: every one drawn is allowed and some observation fits %s",
		    seq_vm_kind_name(kind), ops, failing ? why : "");
	}
	ops = 0;
	failing = run_ideal(SEQ_VM_NOGIC, 300, 120, true, why, sizeof(why), &ops);
	tap(failing, "ideal kernel that never takes a FIQ: the CPU-line model refuses it (%s)",
	    failing ? why : "never");
}

int main(void)
{
	test_cpu();
	test_user_irq();
	test_user_irq_kicked();
	test_vgic_level_edge();
	test_vgic_active();
	test_vgic_ack();
	test_vgic_priority();
	test_vgic_group();
	test_vgic_one_of_n();
	test_vgic_spin_variants();
	test_vgic_timer();
	test_text();
	test_shrink();
	test_ideal();
	printf("1..%d\n", test_nr);
	return failed ? 1 : 0;
}
