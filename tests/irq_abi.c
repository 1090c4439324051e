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
 *   irq_abi --configs           the configuration names
 */
#define TH_LOG_STREAM stdout
#include "kselftest_harness.h"

#include "kvm_util.h"

#include "abi.h"
#include "host.h"
#include "irq_sweep.h"
#include "report.h"
#include "suite_main.h"
#include "sweep_modes.h"
#include "sweep_vm.h"
#include "vgic_probe.h"

FIXTURE(irq_abi) {
	struct irq_vm v;
	const char *skip;
};

FIXTURE_VARIANT(irq_abi) {
	struct sweep_config c;
};

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
VGIC(3, SWEEP_NR_IRQS_MAX, max, 1);
VGIC(3, SWEEP_NR_IRQS_MAX, max, 3);
VGIC(3, SWEEP_NR_IRQS_MAX, max, 8);
/* LAYOUT_2: PPIs to vcpus 256 and up through vcpu2_index. */
VGIC(3, 64, 64, 260);
VGIC(2, 64, 64, 1);
VGIC(2, 64, 64, 3);
VGIC(2, 64, 64, 8);
VGIC(2, SWEEP_NR_IRQS_MAX, max, 1);
VGIC(2, SWEEP_NR_IRQS_MAX, max, 3);
VGIC(2, SWEEP_NR_IRQS_MAX, max, 8);

FIXTURE_SETUP(irq_abi)
{
	suite_test_start(_metadata);
	self->skip = host.kvm ? sweep_vm_create(&self->v, &variant->c) :
				NO_KVM_REASON;
}

FIXTURE_TEARDOWN(irq_abi)
{
	if (self->v.vm)
		irq_vm_destroy(&self->v);
}

/* All 256 values of bits 24..31: irq_type, and vcpu2_index with LAYOUT_2. */
TEST_F_TIMEOUT(irq_abi, type_byte, SUITE_TEST_SECONDS)
{
	struct irq_check c = { .what = "bits 24..31" };

	SKIP_IF(self->skip);
	sweep_type_byte(&c, &self->v);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/* vcpu_index and vcpu2_index: every vcpu, the first missing, 255, above. */
TEST_F_TIMEOUT(irq_abi, vcpu_field, SUITE_TEST_SECONDS)
{
	struct irq_check c = { .what = "vcpu fields" };

	SKIP_IF(self->skip);
	sweep_vcpu_field(&c, &self->v, NULL);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/* irq_number 0..1023, the boundaries, a seeded sample of the rest. */
TEST_F_TIMEOUT(irq_abi, irq_number, SUITE_TEST_SECONDS)
{
	struct irq_check c = { .what = "irq_number" };

	SKIP_IF(self->skip);
	sweep_irq_number(&c, &self->v, SWEEP_SEED);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/*
 * level is "0 or 1"; the text does not say what other values do, so the
 * suite records it (behaviour) rather than judging it.
 */
TEST_F_TIMEOUT(irq_abi, level_values, SUITE_TEST_SECONDS)
{
	char what[128];

	SKIP_IF(self->skip);
	sweep_level_values(&self->v, what, sizeof(what));
	report_behaviour("%s", what);
}

/* KVM_IRQ_LINE_STATUS, documented for x86 only: does it decode alike? */
TEST_F_TIMEOUT(irq_abi, line_status, SUITE_TEST_SECONDS)
{
	char what[128];

	SKIP_IF(self->skip);
	sweep_line_status(&self->v, what, sizeof(what));
	report_behaviour("%s", what);
}

/* ------------------------------------------------------------------------
 * vcpu_index is documented as an index; 6.7+ looks the vcpu up by id.  Only
 * a VM whose ids differ from the creation order tells them apart.  Ids
 * stay below 8, the vcpu limit of a GICv2 host.
 */
FIXTURE(vcpu_lookup) {
	struct irq_vm v;
	const char *skip;
};

FIXTURE_VARIANT(vcpu_lookup) {
	struct sweep_config c;
};

#define SPARSE(name, ver)						\
	FIXTURE_VARIANT_ADD(vcpu_lookup, name) {			\
		.c = { .gic = ver, .nr_irqs = 64, .nr_vcpus = 3,	\
		       .ids = { 5, 2, 7 }, .sparse = true },		\
	}

SPARSE(nogic, 0);
SPARSE(v3, 3);
SPARSE(v2, 2);

FIXTURE_SETUP(vcpu_lookup)
{
	suite_test_start(_metadata);
	self->skip = host.kvm ? sweep_vm_create(&self->v, &variant->c) :
				NO_KVM_REASON;
}

FIXTURE_TEARDOWN(vcpu_lookup)
{
	if (self->v.vm)
		irq_vm_destroy(&self->v);
}

TEST_F_TIMEOUT(vcpu_lookup, vcpu_index_is_creation_index, SUITE_TEST_SECONDS)
{
	enum vcpu_lookup how;

	SKIP_IF(self->skip);
	how = probe_vcpu_lookup(&self->v, &variant->c);
	/* Documented: a deviation, not a behaviour; printed either way. */
	ksft_print_msg("vcpu lookup: %s (how KVM_IRQ_LINE's vcpu field names vcpus 5, 2, 7)\n",
		       vcpu_lookup_name(how));
	report_assert_in("A14", "IRQ-VCPU-INDEX", "ids-out-of-order",
			 2 * variant->c.nr_vcpus, how != LOOKUP_BY_INDEX);
	if (how != LOOKUP_BY_INDEX)
		report_deviation_add("%s", vcpu_lookup_name(how));
	report_deviation();
	EXPECT_EQ(LOOKUP_BY_INDEX, how);
}

/* The vcpu field sweep on the same VM: by the documented index. */
TEST_F_TIMEOUT(vcpu_lookup, vcpu_field, SUITE_TEST_SECONDS)
{
	struct irq_check c = { .what = "vcpu fields, ids 5 2 7" };

	SKIP_IF(self->skip);
	sweep_vcpu_field(&c, &self->v, &variant->c);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/* ------------------------------------------------------------------------
 * A vgic that was created but not initialised (KVM_DEV_ARM_VGIC_CTRL_INIT):
 * the documents say nothing of injecting into it.
 */
FIXTURE(uninit) {
	struct irq_vm v;
	const char *skip;
};

FIXTURE_VARIANT(uninit) {
	struct sweep_config c;
};

/* NR_IRQS left unset, so that what an injection does to it shows. */
FIXTURE_VARIANT_ADD(uninit, v3) {
	.c = { .gic = 3, .nr_irqs = SWEEP_NR_IRQS_UNSET, .nr_vcpus = 2,
	       .uninit = true },
};

FIXTURE_VARIANT_ADD(uninit, v2) {
	.c = { .gic = 2, .nr_irqs = SWEEP_NR_IRQS_UNSET, .nr_vcpus = 2,
	       .uninit = true },
};

FIXTURE_SETUP(uninit)
{
	suite_test_start(_metadata);
	self->skip = host.kvm ? sweep_vm_create(&self->v, &variant->c) :
				NO_KVM_REASON;
}

FIXTURE_TEARDOWN(uninit)
{
	if (self->v.vm)
		irq_vm_destroy(&self->v);
}

/* Documented: the CPU lines are refused once a vgic exists (ENXIO). */
TEST_F_TIMEOUT(uninit, cpu_type_refused, SUITE_TEST_SECONDS)
{
	struct irq_check c = { .what = "CPU type, uninitialised vgic" };
	unsigned int vcpu, num;

	SKIP_IF(self->skip);
	for (vcpu = 0; vcpu <= self->v.nr_vcpus; vcpu++)
		for (num = 0; num <= 2; num++)
			irq_check_one(&c, &self->v,
				      abi_irq(ABI_IRQ_TYPE_CPU, vcpu, num), 1);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/*
 * Documented: the ranges (type, vcpu, SPI and PPI numbers) hold whether
 * or not the vgic was initialised; only what it does with an interrupt in
 * range is not written down.  The whole irq_number sweep, as on a ready
 * vgic (on vgic-v2 the first injection initialises it: the oracle still
 * leaves everything in range unspecified).
 */
TEST_F_TIMEOUT(uninit, irq_number, SUITE_TEST_SECONDS)
{
	struct irq_check c = { .what = "irq_number, uninitialised vgic" };

	SKIP_IF(self->skip);
	sweep_irq_number(&c, &self->v, SWEEP_SEED);
	irq_check_report(&c);
	EXPECT_EQ(0, irq_check_mismatches(&c));
}

/* Behaviour: what SPI and PPI injections answer, in this order. */
TEST_F_TIMEOUT(uninit, injection, SUITE_TEST_SECONDS)
{
	char what[160];

	SKIP_IF(self->skip);
	probe_uninit_injection(&self->v, what, sizeof(what));
	report_behaviour("%s", what);
}

/*
 * Behaviour: after one refused SPI, is the vgic initialised (vgic-v2 is,
 * lazily): what do NR_IRQS, KVM_CREATE_VCPU and CTRL_INIT answer?
 */
TEST_F_TIMEOUT(uninit, after_refused_injection, SUITE_TEST_SECONDS)
{
	char what[160];

	SKIP_IF(self->skip);
	probe_uninit_after_injection(&self->v, what, sizeof(what));
	report_behaviour("%s", what);
}

/* ------------------------------------------------------------------------
 * KVM_DEV_ARM_VGIC_GRP_NR_IRQS, which bounds the SPIs: the vgic documents
 * say 64 to 1024 in steps of 32, once.
 */
FIXTURE(vgic_attr) {
	const char *skip;
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

FIXTURE_SETUP(vgic_attr)
{
	suite_test_start(_metadata);
	self->skip = host_lacks_vgic(variant->gic);
}

FIXTURE_TEARDOWN(vgic_attr)
{
}

TEST_F_TIMEOUT(vgic_attr, nr_irqs_range, SUITE_TEST_SECONDS)
{
	SKIP_IF(self->skip);
	EXPECT_EQ(0, sweep_nr_irqs(variant->gic, false));
}

TEST_F_TIMEOUT(vgic_attr, nr_irqs_once, SUITE_TEST_SECONDS)
{
	SKIP_IF(self->skip);
	EXPECT_EQ(0, sweep_nr_irqs(variant->gic, true));
}

/* ------------------------------------------------------------------------
 * The SPI type with irq_number >= 8192 on a vgic-v3 with an ITS: LPIs.
 */
FIXTURE(its) {
	struct irq_vm v;
	const char *skip;
};

FIXTURE_SETUP(its)
{
	struct sweep_config c = { .gic = 3, .nr_irqs = 64, .nr_vcpus = 1 };

	suite_test_start(_metadata);
	self->skip = host.kvm ? sweep_vm_create(&self->v, &c) :
				NO_KVM_REASON;
	if (!self->skip)
		self->skip = vgic_its_create(&self->v);
}

FIXTURE_TEARDOWN(its)
{
	if (self->v.vm)
		irq_vm_destroy(&self->v);
}

TEST_F_TIMEOUT(its, lpi_numbers, SUITE_TEST_SECONDS)
{
	char what[160];

	SKIP_IF(self->skip);
	probe_lpi_numbers(&self->v, what, sizeof(what));
	report_behaviour("%s", what);
}

/* ------------------------------------------------------------------------
 * The modes outside the harness.  Configurations by name: the irq_abi
 * variants.
 */
static const struct sweep_config *config_named(const char *name)
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

static int irq_abi_modes(int argc, char **argv)
{
	const struct sweep_config *c;
	const char *name = argc > 2 ? argv[2] : "nogic_1";

	if (!strcmp(argv[1], "--configs"))
		return list_configs();
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
