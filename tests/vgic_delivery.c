// SPDX-License-Identifier: GPL-2.0
/*
 * What KVM_IRQ_LINE accepts must arrive: every PPI and SPI injected through
 * the in-kernel vgic (v3, and v2 on GICv2 hosts) reaches the vcpu it is
 * meant for, once, and no other vcpu, with the GIC's level and edge
 * semantics.  Batched: the host raises many lines per round trip, each vcpu
 * then runs one window in which it takes everything pending for it, and the
 * host reads back what every vcpu took (guest_code/vgic_delivery.c).
 */
#define TH_LOG_STREAM stdout
#include "kselftest_harness.h"

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "host.h"
#include "report.h"
#include "suite_main.h"
#include "sweep_vm.h"
#include "vgic_delivery.h"
#include "vm.h"

/* The timers' PPIs (EL1 virtual 27, physical 30): KVM drives them. */
#define PPI_VTIMER	27
#define PPI_PTIMER	30
#define SHOWN		16

FIXTURE(delivery) {
	struct irq_vm v;
	struct delivery_cmd *cmd;
	struct delivery_log *log;
	unsigned int nr_irqs;
	unsigned long wrong;	/* counts that differed, for the report */
	unsigned long raised;	/* lines raised, for the report */
	const char *skip;
};

FIXTURE_VARIANT(delivery) {
	int gic;
	unsigned int nr_vcpus;
	unsigned int nr_irqs;	/* or SWEEP_NR_IRQS_MAX */
};

#define DELIVERY(ver, irqs, name, n)					\
	FIXTURE_VARIANT_ADD(delivery, v##ver##_##name##_##n) {		\
		.gic = ver, .nr_vcpus = n, .nr_irqs = irqs,		\
	}

DELIVERY(3, 64, 64, 1);
DELIVERY(3, SWEEP_NR_IRQS_MAX, max, 1);
DELIVERY(3, SWEEP_NR_IRQS_MAX, max, 4);
DELIVERY(3, SWEEP_NR_IRQS_MAX, max, 8);
DELIVERY(2, 64, 64, 1);
DELIVERY(2, SWEEP_NR_IRQS_MAX, max, 1);
DELIVERY(2, SWEEP_NR_IRQS_MAX, max, 4);
DELIVERY(2, SWEEP_NR_IRQS_MAX, max, 8);

static void run_vcpu(struct kvm_vcpu *vcpu, uint64_t stage)
{
	struct ucall uc;

	suite_step("in KVM_RUN of vcpu", vcpu->id);
	vcpu_run_to_sync(vcpu, stage, &uc);
}

/* One command on every vcpu, in order. */
static void on_all(FIXTURE_DATA(delivery) *self, uint32_t op, uint32_t first,
		   uint32_t last, uint32_t edge)
{
	unsigned int i;

	self->cmd->op = op;
	self->cmd->first = first;
	self->cmd->last = last;
	self->cmd->edge = edge;
	for (i = 0; i < self->v.nr_vcpus; i++)
		run_vcpu(self->v.vcpus[i], DELIVERY_DONE);
}

FIXTURE_SETUP(delivery)
{
	unsigned int i;

	suite_test_start(_metadata);
	self->skip = host_lacks_vgic(variant->gic);
	if (self->skip)
		return;
	self->nr_irqs = variant->nr_irqs == SWEEP_NR_IRQS_MAX ?
			host_nr_irqs_max() : variant->nr_irqs;
	irq_vm_create(&self->v, variant->nr_vcpus, delivery_guest_main);
	delivery_install_handlers(self->v.vm);
	irq_vm_add_vgic(&self->v, variant->gic, self->nr_irqs);
	self->cmd = addr_gva2hva(self->v.vm, (vm_vaddr_t)&delivery_cmd);
	self->log = addr_gva2hva(self->v.vm, (vm_vaddr_t)&delivery_log);
	self->cmd->gic = variant->gic;
	self->cmd->nr_vcpus = variant->nr_vcpus;
	for (i = 0; i < variant->nr_vcpus; i++)
		run_vcpu(self->v.vcpus[i], DELIVERY_READY);
}

FIXTURE_TEARDOWN(delivery)
{
	if (self->v.vm)
		irq_vm_destroy(&self->v);
}

/* Documented as ignored for SPIs: fill vcpu_index (and vcpu2_index). */
static uint32_t spi_field(unsigned int intid)
{
	return abi_irq(ABI_IRQ_TYPE_SPI, host.layout_2 ? 0x7a5 : 0xa5, intid);
}

static uint32_t ppi_field(unsigned int vcpu, unsigned int intid)
{
	return abi_irq(ABI_IRQ_TYPE_PPI, vcpu, intid);
}

static bool owned_by_kvm(unsigned int intid)
{
	return intid == PPI_VTIMER || intid == PPI_PTIMER;
}

static void line(struct __test_metadata *_metadata,
		 FIXTURE_DATA(delivery) *self, uint32_t irq, uint32_t level)
{
	int err = irq_line(&self->v, irq, level);

	if (err)
		TH_LOG("KVM_IRQ_LINE irq=0x%08x level=%u: %s", irq, level,
		       abi_errno_name(err));
	ASSERT_EQ(0, err);
	self->raised += level != 0;
}

static void spis(struct __test_metadata *_metadata,
		 FIXTURE_DATA(delivery) *self, unsigned int first,
		 unsigned int last, uint32_t level)
{
	unsigned int i;

	for (i = first; i <= last; i++)
		line(_metadata, self, spi_field(i), level);
}

/*
 * SPIs go 32 at a time: the guest then checks what is left pending with one
 * ISPENDR read, and a trapped MMIO read is dear under nested emulation.
 */
#define for_each_chunk(self, first, last)				\
	for (first = 32, last = min_t(unsigned int, 63, (self)->nr_irqs - 1); \
	     first < (self)->nr_irqs;					\
	     first += 32, last = min_t(unsigned int, first + 31, (self)->nr_irqs - 1))

/* What vcpu v should have taken of intid, given who was raised. */
typedef unsigned int (*want_fn)(FIXTURE_DATA(delivery) *self, unsigned int v,
				unsigned int intid, unsigned int arg);

/*
 * A window on every vcpu, then every count in [first, last] on every vcpu
 * compared: nothing missing, nothing extra, nothing on the wrong vcpu, no
 * spurious acknowledge, no window that would not empty.
 */
static unsigned long windows(struct __test_metadata *_metadata,
			     FIXTURE_DATA(delivery) *self, unsigned int first,
			     unsigned int last, want_fn want, unsigned int arg,
			     const char *when)
{
	unsigned long wrong = 0;
	unsigned int v, i;

	memset(self->log, 0, sizeof(*self->log));
	on_all(self, DELIVERY_WINDOW, first, last, 0);
	for (v = 0; v < self->v.nr_vcpus; v++) {
		for (i = first; i <= last; i++) {
			unsigned int exp = want(self, v, i, arg);

			if (self->log->taken[v][i] == exp)
				continue;
			if (wrong++ < SHOWN)
				TH_LOG("%s: INTID %u on vcpu %u taken %u times, expected %u",
				       when, i, v, self->log->taken[v][i], exp);
		}
		if (self->log->spurious[v] || self->log->stuck[v]) {
			TH_LOG("%s: vcpu %u: %u spurious acknowledges, %u windows that never emptied",
			       when, v, self->log->spurious[v], self->log->stuck[v]);
			wrong++;
		}
	}
	self->wrong += wrong;
	return wrong;
}

static unsigned int want_none(FIXTURE_DATA(delivery) *self, unsigned int v,
			      unsigned int intid, unsigned int arg)
{
	(void)self, (void)v, (void)intid, (void)arg;
	return 0;
}

/* Each SPI once, on the vcpu the guest routed it to. */
static unsigned int want_routed(FIXTURE_DATA(delivery) *self, unsigned int v,
				unsigned int intid, unsigned int arg)
{
	(void)arg;
	return intid >= 32 && intid % self->v.nr_vcpus == v;
}

/* PPIs raised on vcpu `arg` only, KVM's own excepted. */
static unsigned int want_ppis_on(FIXTURE_DATA(delivery) *self, unsigned int v,
				 unsigned int intid, unsigned int arg)
{
	(void)self;
	return v == arg && !owned_by_kvm(intid);
}

static void report(FIXTURE_DATA(delivery) *self)
{
	report_assert_in("A20", "VGIC-DELIVERY", "stopped", self->raised, self->wrong);
}

/* Every PPI raised for vcpu t arrives on t only, with that INTID. */
TEST_F_TIMEOUT(delivery, ppi_reaches_target_only, SUITE_TEST_SECONDS)
{
	unsigned int t, i;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 16, 31, 0);
	for (t = 0; t < self->v.nr_vcpus; t++) {
		for (i = 16; i <= 31; i++)
			if (!owned_by_kvm(i))
				line(_metadata, self, ppi_field(t, i), 1);
		windows(_metadata, self, 16, 31, want_ppis_on, t, "PPIs raised");
		for (i = 16; i <= 31; i++)
			if (!owned_by_kvm(i))
				line(_metadata, self, ppi_field(t, i), 0);
		windows(_metadata, self, 16, 31, want_none, 0, "PPIs lowered");
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/*
 * The timers' PPIs belong to KVM's timer once the vcpu has run: injection
 * is accepted and changes nothing (the timers are not armed here).
 */
TEST_F_TIMEOUT(delivery, ppi_owned_by_kvm_unchanged, SUITE_TEST_SECONDS)
{
	unsigned int t;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 16, 31, 0);
	for (t = 0; t < self->v.nr_vcpus; t++) {
		line(_metadata, self, ppi_field(t, PPI_VTIMER), 1);
		line(_metadata, self, ppi_field(t, PPI_PTIMER), 1);
	}
	windows(_metadata, self, 16, 31, want_none, 0, "timer PPIs raised");
	for (t = 0; t < self->v.nr_vcpus; t++) {
		line(_metadata, self, ppi_field(t, PPI_VTIMER), 0);
		line(_metadata, self, ppi_field(t, PPI_PTIMER), 0);
	}
	report_behaviour("accepted-not-delivered (PPIs %d and %d, KVM's timers)",
			 PPI_VTIMER, PPI_PTIMER);
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/*
 * Every SPI of the vgic, with garbage in the vcpu fields, arrives once on
 * the vcpu the guest routed it to; level: lowered, none comes back.
 */
TEST_F_TIMEOUT(delivery, spi_reaches_routed_vcpu, SUITE_TEST_SECONDS)
{
	unsigned int first, last;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 32, self->nr_irqs - 1, 0);
	for_each_chunk(self, first, last) {
		spis(_metadata, self, first, last, 1);
		windows(_metadata, self, first, last, want_routed, 0, "SPIs raised");
		spis(_metadata, self, first, last, 0);
		windows(_metadata, self, first, last, want_none, 0, "SPIs lowered");
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/* The same with EOI split from deactivation (EOImode 1, then DIR). */
TEST_F_TIMEOUT(delivery, spi_reaches_routed_vcpu_split_eoi, SUITE_TEST_SECONDS)
{
	unsigned int first, last;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_EOI_SPLIT, 0, 0, 1);
	on_all(self, DELIVERY_SETUP, 32, self->nr_irqs - 1, 0);
	for_each_chunk(self, first, last) {
		spis(_metadata, self, first, last, 1);
		windows(_metadata, self, first, last, want_routed, 0,
			"SPIs raised, split EOI");
		spis(_metadata, self, first, last, 0);
		windows(_metadata, self, first, last, want_none, 0,
			"SPIs lowered, split EOI");
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/* Level: a line held high is taken again after EOI until it is lowered. */
TEST_F_TIMEOUT(delivery, level_held_retaken_until_lowered, SUITE_TEST_SECONDS)
{
	unsigned int first, last, round;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 32, self->nr_irqs - 1, 0);
	for_each_chunk(self, first, last) {
		spis(_metadata, self, first, last, 1);
		for (round = 0; round < 3; round++)
			windows(_metadata, self, first, last, want_routed, 0, "SPIs held");
		spis(_metadata, self, first, last, 0);
		windows(_metadata, self, first, last, want_none, 0, "SPIs lowered");
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/* Level: raised and lowered before the guest acknowledges: nothing. */
TEST_F_TIMEOUT(delivery, level_lowered_before_ack_leaves_nothing, SUITE_TEST_SECONDS)
{
	unsigned int first, last;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 32, self->nr_irqs - 1, 0);
	for_each_chunk(self, first, last) {
		/* An empty window leaves its SPIs enabled. */
		windows(_metadata, self, first, last, want_none, 0, "nothing raised");
		spis(_metadata, self, first, last, 1);
		spis(_metadata, self, first, last, 0);
		windows(_metadata, self, first, last, want_none, 0,
			"SPIs pulsed while enabled");
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/* A disabled interrupt raised and lowered while disabled is never taken. */
TEST_F_TIMEOUT(delivery, level_masked_pulse_never_taken, SUITE_TEST_SECONDS)
{
	unsigned int first, last;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 32, self->nr_irqs - 1, 0);	/* all disabled */
	for_each_chunk(self, first, last) {
		spis(_metadata, self, first, last, 1);
		spis(_metadata, self, first, last, 0);
		windows(_metadata, self, first, last, want_none, 0,
			"SPIs pulsed while disabled");
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/*
 * Edge (the guest configures it): one interrupt per 0 -> 1 transition;
 * raising again without lowering gives none; lowering gives none.
 */
TEST_F_TIMEOUT(delivery, edge_one_per_rising_transition, SUITE_TEST_SECONDS)
{
	unsigned int first, last, round;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 32, self->nr_irqs - 1, 1);
	for_each_chunk(self, first, last) {
		for (round = 0; round < 2; round++) {
			spis(_metadata, self, first, last, 1);
			spis(_metadata, self, first, last, 0);
			windows(_metadata, self, first, last, want_routed, 0,
				"SPIs pulsed, edge");
		}
		spis(_metadata, self, first, last, 1);
		spis(_metadata, self, first, last, 1);
		windows(_metadata, self, first, last, want_routed, 0,
			"SPIs raised twice, edge");
		spis(_metadata, self, first, last, 0);
		windows(_metadata, self, first, last, want_none, 0, "SPIs lowered, edge");
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

/*
 * Edge: a pulse while the guest has the interrupt active (acknowledged, not
 * yet EOId) makes it pending again: taken once more after the EOI.  SPI
 * 32 + v is routed to vcpu v (32 is a multiple of every vcpu count here).
 */
TEST_F_TIMEOUT(delivery, edge_pulse_while_active_taken_again, SUITE_TEST_SECONDS)
{
	struct ucall uc;
	unsigned int v, spi;

	SKIP_IF(self->skip);
	on_all(self, DELIVERY_SETUP, 32, 32 + self->v.nr_vcpus - 1, 1);
	for (v = 0; v < self->v.nr_vcpus; v++) {
		spi = 32 + v;
		memset(self->log, 0, sizeof(*self->log));
		line(_metadata, self, spi_field(spi), 1);
		line(_metadata, self, spi_field(spi), 0);
		self->cmd->op = DELIVERY_WINDOW_HOLD;
		self->cmd->first = self->cmd->last = spi;
		suite_step("in KVM_RUN of vcpu", v);
		vcpu_run_to_sync(self->v.vcpus[v], DELIVERY_ACTIVE, &uc);
		ASSERT_EQ(spi, uc.args[2]);
		/* Active now: pulse it again. */
		line(_metadata, self, spi_field(spi), 1);
		line(_metadata, self, spi_field(spi), 0);
		run_vcpu(self->v.vcpus[v], DELIVERY_DONE);
		if (self->log->taken[v][spi] != 2 || self->log->spurious[v] ||
		    self->log->stuck[v]) {
			TH_LOG("SPI %u on vcpu %u: taken %u times, expected 2 (%u spurious, %u stuck)",
			       spi, v, self->log->taken[v][spi],
			       self->log->spurious[v], self->log->stuck[v]);
			self->wrong++;
		}
	}
	report(self);
	EXPECT_EQ(0, self->wrong);
}

SUITE_MAIN()
