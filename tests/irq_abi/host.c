// SPDX-License-Identifier: GPL-2.0
/*
 * The KVM_IRQ_LINE ABI sweep: every class of the irq field, on every kind
 * of VM the ABI describes, each answer compared with the oracle.  One
 * result per (class, VM configuration); each prints, per assertion of
 * lib/assertions.txt, how many irq-field values it tried.
 *
 *   irq_abi                     the harness (default tier)
 *   irq_abi --exhaustive CONFIG [--threads N] [--first X --count N]
 *                               all 2^32 irq values on one configuration
 *   irq_abi --bench [CONFIG]    checked values/s against a bare ioctl loop
 *                               (without CONFIG: nogic_1, v3_64_1, v2_64_1)
 *   irq_abi --configs           the configuration names
 */
#include "suite.h"

#include "kvm_util.h"

#include "abi.h"
#include "irq_check.h"
#include "modes.h"
#include "sweep.h"
#include "vgic_probe.h"
#include "vm.h"

/* A fixture of one VM, built as its variant's configuration says. */
#define VM_FIXTURE(f)							\
	FIXTURE(f) {							\
		struct irq_vm v;					\
	};								\
	FIXTURE_VARIANT(f) {						\
		struct irq_vm_config c;					\
	};								\
	SUITE_SETUP(f)							\
	{								\
		return irq_vm_create(&self->v, &variant->c);		\
	}								\
	SUITE_TEARDOWN(f)						\
	{								\
		irq_vm_destroy(&self->v);				\
	}

VM_FIXTURE(irq_abi);

#define NOGIC(n)							\
	FIXTURE_VARIANT_ADD(irq_abi, nogic_##n) {			\
		.c = { .nr_vcpus = n },					\
	}
#define VGIC(ver, irqs, name, n)					\
	FIXTURE_VARIANT_ADD(irq_abi, v##ver##_##name##_##n) {		\
		.c = { .gic = ver, .nr_irqs = irqs, .nr_vcpus = n },	\
	}

NOGIC(1);
NOGIC(3);
NOGIC(8);
VGIC(3, 64, 64, 1);
VGIC(3, 64, 64, 3);
VGIC(3, 64, 64, 8);
VGIC(3, 256, 256, 1);
VGIC(3, 256, 256, 3);
VGIC(3, 256, 256, 8);
VGIC(3, IRQ_VM_NR_IRQS_MAX, max, 1);
VGIC(3, IRQ_VM_NR_IRQS_MAX, max, 3);
VGIC(3, IRQ_VM_NR_IRQS_MAX, max, 8);
/* LAYOUT_2: PPIs to vcpus 256 and up through vcpu2_index. */
VGIC(3, 64, 64, 260);
VGIC(2, 64, 64, 1);
VGIC(2, 64, 64, 3);
VGIC(2, 64, 64, 8);
VGIC(2, IRQ_VM_NR_IRQS_MAX, max, 1);
VGIC(2, IRQ_VM_NR_IRQS_MAX, max, 3);
VGIC(2, IRQ_VM_NR_IRQS_MAX, max, 8);

/* All 256 values of bits 24..31: irq_type, and vcpu2_index with LAYOUT_2. */
SUITE_TEST(irq_abi, type_byte)
{
	sweep_type_byte(&self->v, "bits 24..31");
}

/* vcpu_index and vcpu2_index: every vcpu, the first missing, 255, above. */
SUITE_TEST(irq_abi, vcpu_field)
{
	sweep_vcpu_field(&self->v, &variant->c, "vcpu fields");
}

/* irq_number 0..1023, the boundaries, a seeded sample of the rest. */
SUITE_TEST(irq_abi, irq_number)
{
	sweep_irq_number(&self->v, SWEEP_SEED, "irq_number");
}

/*
 * level is "0 or 1"; the text does not say what other values do, so the
 * suite records it (behaviour) rather than judging it.
 */
SUITE_TEST(irq_abi, level_values)
{
	sweep_level_values(&self->v);
}

/* KVM_IRQ_LINE_STATUS, documented for x86 only: does it decode alike? */
SUITE_TEST(irq_abi, line_status)
{
	sweep_line_status(&self->v);
}

/* ------------------------------------------------------------------------
 * vcpu_index is documented as an index; 6.7+ looks the vcpu up by id.  Only
 * a VM whose ids differ from the creation order tells them apart.  Ids
 * stay below 8, the vcpu limit of a GICv2 host.
 */
VM_FIXTURE(vcpu_lookup);

#define SPARSE(name, ver)						\
	FIXTURE_VARIANT_ADD(vcpu_lookup, name) {			\
		.c = { .gic = ver, .nr_irqs = 64, .nr_vcpus = 3,	\
		       .ids = (const uint32_t[]){ 5, 2, 7 } },		\
	}

SPARSE(nogic, 0);
SPARSE(v3, 3);
SPARSE(v2, 2);

SUITE_TEST(vcpu_lookup, vcpu_index_is_creation_index)
{
	enum vcpu_lookup how;

	how = probe_vcpu_lookup(&self->v, &variant->c);
	/* Documented: a deviation, not a behaviour; printed either way. */
	ksft_print_msg("vcpu lookup: %s (how KVM_IRQ_LINE's vcpu field names vcpus 5, 2, 7)\n",
		       vcpu_lookup_name(how));
	/* Two probes per vcpu (its index, its id), one verdict. */
	check_under(COND_IDS_OUT_OF_ORDER);
	check_n(RULE_IRQ_VCPU_INDEX, 2 * variant->c.nr_vcpus, how == LOOKUP_BY_INDEX,
		"the vcpu field names vcpus %s", vcpu_lookup_name(how));
	if (how != LOOKUP_BY_INDEX)
		check_deviation("%s", vcpu_lookup_name(how));
}

/* The vcpu field sweep on the same VM: by the documented index. */
SUITE_TEST(vcpu_lookup, vcpu_field)
{
	sweep_vcpu_field(&self->v, &variant->c, "vcpu fields, ids 5 2 7");
}

/* ------------------------------------------------------------------------
 * A vgic that was created but not initialised (KVM_DEV_ARM_VGIC_CTRL_INIT):
 * the documents say nothing of injecting into it.
 */
VM_FIXTURE(uninit);

/* NR_IRQS left unset, so that what an injection does to it shows. */
FIXTURE_VARIANT_ADD(uninit, v3) {
	.c = { .gic = 3, .nr_irqs = IRQ_VM_NR_IRQS_UNSET, .nr_vcpus = 2,
	       .uninit = true },
};

FIXTURE_VARIANT_ADD(uninit, v2) {
	.c = { .gic = 2, .nr_irqs = IRQ_VM_NR_IRQS_UNSET, .nr_vcpus = 2,
	       .uninit = true },
};

/* Documented: the CPU lines are refused once a vgic exists (ENXIO). */
SUITE_TEST(uninit, cpu_type_refused)
{
	struct irq_bands bands = { 0 };
	struct irq_check c = { .what = "CPU type, uninitialised vgic", .bands = &bands };
	unsigned int vcpu, num;

	for (vcpu = 0; vcpu <= self->v.nr_vcpus; vcpu++)
		for (num = 0; num <= 2; num++)
			irq_check_one(&c, &self->v,
				      abi_irq(ABI_IRQ_TYPE_CPU, vcpu, num), 1);
	irq_check_summary(&c);
}

/*
 * Documented: the ranges (type, vcpu, SPI and PPI numbers) hold whether
 * or not the vgic was initialised; only what it does with an interrupt in
 * range is not written down.  The whole irq_number sweep, as on a ready
 * vgic (on vgic-v2 the first injection initialises it: the oracle still
 * leaves everything in range unspecified).
 */
SUITE_TEST(uninit, irq_number)
{
	sweep_irq_number(&self->v, SWEEP_SEED, "irq_number, uninitialised vgic");
}

/* Behaviour: what SPI and PPI injections answer, in this order. */
SUITE_TEST(uninit, injection)
{
	probe_uninit_injection(&self->v);
}

/*
 * Behaviour: after one refused SPI, is the vgic initialised (vgic-v2 is,
 * lazily): what do NR_IRQS, KVM_CREATE_VCPU and CTRL_INIT answer?
 */
SUITE_TEST(uninit, after_refused_injection)
{
	probe_uninit_after_injection(&self->v);
}

/* ------------------------------------------------------------------------
 * KVM_DEV_ARM_VGIC_GRP_NR_IRQS, which bounds the SPIs: the vgic documents
 * say 64 to 1024 in steps of 32, once.
 */
FIXTURE(vgic_attr) {
};

FIXTURE_VARIANT(vgic_attr) {
	int gic;
};

FIXTURE_VARIANT_ADD(vgic_attr, v3) {
	.gic = 3,
};

FIXTURE_VARIANT_ADD(vgic_attr, v2) {
	.gic = 2,
};

SUITE_SETUP(vgic_attr)
{
	return host_lacks_vgic(variant->gic);
}

SUITE_TEARDOWN(vgic_attr)
{
}

SUITE_TEST(vgic_attr, nr_irqs_range)
{
	sweep_nr_irqs(variant->gic, false);
}

SUITE_TEST(vgic_attr, nr_irqs_once)
{
	sweep_nr_irqs(variant->gic, true);
}

/* ------------------------------------------------------------------------
 * The SPI type with irq_number >= 8192 on a vgic-v3 with an ITS: LPIs.
 */
FIXTURE(its) {
	struct irq_vm v;
};

SUITE_SETUP(its)
{
	struct irq_vm_config c = { .gic = 3, .nr_irqs = 64, .nr_vcpus = 1, .its = true };

	return irq_vm_create(&self->v, &c);
}

SUITE_TEARDOWN(its)
{
	irq_vm_destroy(&self->v);
}

SUITE_TEST(its, lpi_numbers)
{
	probe_lpi_numbers(&self->v);
}

/* ------------------------------------------------------------------------
 * The modes outside the harness.  Configurations by name: the irq_abi
 * variants.
 */
static const struct irq_vm_config *config_named(const char *name)
{
	struct __fixture_variant_metadata *v;

	for (v = _irq_abi_fixture_object.variant; v; v = v->next)
		if (!strcmp(v->name, name))
			return &((const FIXTURE_VARIANT(irq_abi) *)v->data)->c;
	return NULL;
}

static int list_configs(void)
{
	struct __fixture_variant_metadata *v;

	for (v = _irq_abi_fixture_object.variant; v; v = v->next)
		printf("%s\n", v->name);
	return 0;
}

/* What --bench measures without a configuration named: one of each kind. */
static const char *const bench_configs[] = { "nogic_1", "v3_64_1", "v2_64_1" };

/* Every bench configuration; one the host lacks (4) is no failure. */
static int bench_all(void)
{
	int ret = 0, r;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bench_configs); i++) {
		r = bench_sweep(bench_configs[i], config_named(bench_configs[i]));
		ret = r == 0 || r == 4 ? ret : r;
	}
	return ret;
}

static int irq_abi_modes(int argc, char **argv)
{
	const struct irq_vm_config *c;
	const char *name = argc > 2 ? argv[2] : "nogic_1";

	if (!strcmp(argv[1], "--configs"))
		return list_configs();
	if (!strcmp(argv[1], "--bench") && argc == 2)
		return host.kvm ? bench_all() : (fprintf(stderr, "%s: no usable /dev/kvm\n", argv[0]), 4);
	if (strcmp(argv[1], "--exhaustive") && strcmp(argv[1], "--bench"))
		return -1;
	c = config_named(name);
	if (!c) {
		fprintf(stderr, "%s: unknown configuration '%s' (--configs lists them)\n",
			argv[0], name);
		return 2;
	}
	if (!host.kvm) {
		fprintf(stderr, "%s: no usable /dev/kvm\n", argv[0]);
		return 4;
	}
	if (!strcmp(argv[1], "--bench"))
		return argc > 3 ? (fprintf(stderr, "%s: --bench [CONFIG]\n", argv[0]), 2) :
				  bench_sweep(name, c);
	return exhaustive_main(name, c, argc - 3, argv + 3);
}

SUITE_MAIN_WITH(irq_abi_modes)
