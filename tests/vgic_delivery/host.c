// SPDX-License-Identifier: GPL-2.0
/*
 * What KVM_IRQ_LINE accepts must arrive: every PPI and SPI injected through
 * the in-kernel vgic (v3, and v2 on GICv2 hosts) reaches the vcpu it is
 * meant for, once, and no other vcpu, with the GIC's level and edge
 * semantics.  Batched: the host raises many lines per round trip, each vcpu
 * then runs one window in which it takes everything pending for it, and the
 * host reads back what every vcpu took (guest.c).
 */
#include "suite.h"

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "irq_check.h"
#include "seq.h"
#include "vgic_delivery.h"
#include "vm.h"

/* The timers' PPIs (EL1 virtual 27, physical 30): KVM drives them. */
#define PPI_VTIMER	27
#define PPI_PTIMER	30
/* Lines raised between two windows: a chunk of SPIs twice, at most. */
#define MAX_RAISED	128

FIXTURE(delivery) {
	struct irq_vm v;
	struct delivery_cmd *cmd;
	struct delivery_log *log;
	unsigned int nr_irqs;
	/* The INTIDs raised since the last window: each is one check. */
	unsigned int raised[MAX_RAISED];
	unsigned int nr_raised;
	/* The virtual timer test: PPI 27 is the timer's, judged as U08. */
	bool timer_test;
};

FIXTURE_VARIANT(delivery) {
	struct irq_vm_config c;
};

#define DELIVERY(ver, irqs, name, n)					\
	FIXTURE_VARIANT_ADD(delivery, v##ver##_##name##_##n) {		\
		.c = { .gic = ver, .nr_vcpus = n, .nr_irqs = irqs,	\
		       .guest_code = delivery_guest_main },		\
	}

DELIVERY(3, 64, 64, 1);
DELIVERY(3, IRQ_VM_NR_IRQS_MAX, max, 1);
DELIVERY(3, IRQ_VM_NR_IRQS_MAX, max, 4);
DELIVERY(3, IRQ_VM_NR_IRQS_MAX, max, 8);
DELIVERY(2, 64, 64, 1);
DELIVERY(2, IRQ_VM_NR_IRQS_MAX, max, 1);
DELIVERY(2, IRQ_VM_NR_IRQS_MAX, max, 4);
DELIVERY(2, IRQ_VM_NR_IRQS_MAX, max, 8);

static void run_vcpu(struct kvm_vcpu *vcpu, uint64_t stage)
{
	struct ucall uc;

	suite_step("in KVM_RUN of vcpu", vcpu->id);
	vcpu_run_to_sync(vcpu, stage, &uc);
}

/* One command on every vcpu of v, in order. */
static void command(struct irq_vm *v, struct delivery_cmd *cmd, uint32_t op,
		    uint32_t first, uint32_t last, uint32_t edge)
{
	unsigned int i;

	cmd->op = op;
	cmd->first = first;
	cmd->last = last;
	cmd->edge = edge;
	for (i = 0; i < v->nr_vcpus; i++)
		run_vcpu(v->vcpus[i], DELIVERY_DONE);
}

static void on_all(FIXTURE_DATA(delivery) *self, uint32_t op, uint32_t first,
		   uint32_t last, uint32_t edge)
{
	command(&self->v, self->cmd, op, first, last, edge);
}

/* The VM of c with the guest's handlers, each vcpu through its set-up. */
static const char *delivery_vm(struct irq_vm *v, const struct irq_vm_config *c,
			       struct delivery_cmd **cmd, struct delivery_log **log)
{
	const char *why = irq_vm_create(v, c);
	unsigned int i;

	if (why)
		return why;
	delivery_install_handlers(v->vm);
	*cmd = addr_gva2hva(v->vm, (vm_vaddr_t)&delivery_cmd);
	*log = addr_gva2hva(v->vm, (vm_vaddr_t)&delivery_log);
	(*cmd)->gic = c->gic;
	(*cmd)->nr_vcpus = c->nr_vcpus;
	for (i = 0; i < c->nr_vcpus; i++)
		run_vcpu(v->vcpus[i], DELIVERY_READY);
	check_under(COND_STOPPED);
	return NULL;
}

SUITE_SETUP(delivery)
{
	const char *why = delivery_vm(&self->v, &variant->c, &self->cmd, &self->log);

	if (!why)
		self->nr_irqs = self->v.abi.nr_irqs;
	return why;
}

SUITE_TEARDOWN(delivery)
{
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

static void line(FIXTURE_DATA(delivery) *self, uint32_t irq, uint32_t level)
{
	int err = irq_line(&self->v, irq, level);

	TEST_ASSERT(!err, "KVM_IRQ_LINE irq=0x%08x level=%u: %s", irq, level,
		    abi_errno_name(err));
	if (!level)
		return;
	TEST_ASSERT(self->nr_raised < MAX_RAISED, "more than %d lines raised", MAX_RAISED);
	self->raised[self->nr_raised++] = irq & ABI_IRQ_NUM_MASK;
}

static void spis(FIXTURE_DATA(delivery) *self, unsigned int first,
		 unsigned int last, uint32_t level)
{
	unsigned int i;

	for (i = first; i <= last; i++)
		line(self, spi_field(i), level);
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

/* A want of "taken once or not at all": what a variant leaves open. */
#define AT_MOST_ONCE	0x10000u

static bool as_wanted(unsigned int taken, unsigned int want)
{
	return want == AT_MOST_ONCE ? taken <= 1 : taken == want;
}

/* The first vcpu whose count of intid is not what want says, or nr_vcpus. */
static unsigned int differs(FIXTURE_DATA(delivery) *self, unsigned int intid,
			    want_fn want, unsigned int arg)
{
	unsigned int v;

	for (v = 0; v < self->v.nr_vcpus; v++)
		if (!as_wanted(self->log->taken[v][intid], want(self, v, intid, arg)))
			break;
	return v;
}

static bool was_raised(FIXTURE_DATA(delivery) *self, unsigned int intid)
{
	unsigned int r;

	for (r = 0; r < self->nr_raised; r++)
		if (self->raised[r] == intid)
			return true;
	return false;
}

/*
 * One check for intid: taken as want says on every vcpu.  A20's, or, for
 * the virtual timer's PPI in the timer test, where KVM drives it, U08's.
 */
static void check_intid(FIXTURE_DATA(delivery) *self, unsigned int intid,
			want_fn want, unsigned int arg, const char *when)
{
	unsigned int v = differs(self, intid, want, arg);
	unsigned int at = v < self->v.nr_vcpus ? v : 0;
	unsigned int w = want(self, at, intid, arg);

	check(intid == PPI_VTIMER && self->timer_test ? RULE_USER_IRQ_VGIC : RULE_VGIC_DELIVERY,
	      v == self->v.nr_vcpus, "%s: INTID %u on vcpu %u taken %u times, expected %s%u",
	      when, intid, v, self->log->taken[at][intid],
	      w == AT_MOST_ONCE ? "at most " : "", w == AT_MOST_ONCE ? 1 : w);
}

/*
 * A window on every vcpu, then one check per line raised since the last
 * window: taken as want says on every vcpu, once where it is meant to be,
 * nowhere else.  Anything else in [first, last] taken, a spurious
 * acknowledge or a window that would not empty is one mismatch more.
 */
static void windows(FIXTURE_DATA(delivery) *self, unsigned int first,
		    unsigned int last, want_fn want, unsigned int arg,
		    const char *when)
{
	unsigned int v, i, r;

	memset(self->log, 0, sizeof(*self->log));
	on_all(self, DELIVERY_WINDOW, first, last, 0);
	for (r = 0; r < self->nr_raised; r++)
		check_intid(self, self->raised[r], want, arg, when);
	for (i = first; i <= last; i++)
		if (!was_raised(self, i) && differs(self, i, want, arg) < self->v.nr_vcpus)
			check_intid(self, i, want, arg, when);
	for (v = 0; v < self->v.nr_vcpus; v++)
		if (self->log->spurious[v] || self->log->stuck[v])
			check(RULE_VGIC_DELIVERY, false,
			      "%s: vcpu %u: %u spurious acknowledges, %u windows that never emptied",
			      when, v, self->log->spurious[v], self->log->stuck[v]);
	self->nr_raised = 0;
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

/* Every PPI raised for vcpu t arrives on t only, with that INTID. */
SUITE_TEST(delivery, ppi_reaches_target_only)
{
	unsigned int t, i;

	on_all(self, DELIVERY_SETUP, 16, 31, 0);
	for (t = 0; t < self->v.nr_vcpus; t++) {
		for (i = 16; i <= 31; i++)
			if (!owned_by_kvm(i))
				line(self, ppi_field(t, i), 1);
		windows(self, 16, 31, want_ppis_on, t, "PPIs raised");
		for (i = 16; i <= 31; i++)
			if (!owned_by_kvm(i))
				line(self, ppi_field(t, i), 0);
		windows(self, 16, 31, want_none, 0, "PPIs lowered");
	}
}

/*
 * The timers' PPIs belong to KVM's timer once the vcpu has run: injection
 * is accepted and changes nothing (the timers are not armed here).
 */
SUITE_TEST(delivery, ppi_owned_by_kvm_unchanged)
{
	unsigned int t;

	on_all(self, DELIVERY_SETUP, 16, 31, 0);
	for (t = 0; t < self->v.nr_vcpus; t++) {
		line(self, ppi_field(t, PPI_VTIMER), 1);
		line(self, ppi_field(t, PPI_PTIMER), 1);
	}
	windows(self, 16, 31, want_none, 0, "timer PPIs raised");
	for (t = 0; t < self->v.nr_vcpus; t++) {
		line(self, ppi_field(t, PPI_VTIMER), 0);
		line(self, ppi_field(t, PPI_PTIMER), 0);
	}
	check_behaviour("accepted-not-delivered (PPIs %d and %d, KVM's timers)",
			 PPI_VTIMER, PPI_PTIMER);
}

/*
 * What the virtual timer's PPI does after userspace's KVM_IRQ_LINE into
 * it: the owned-ppi variant expected/ pins (run_tests.sh's
 * KVM_IRQ_VARIANTS, read as the sequences read it).
 */
static bool owned_ppi_ignored(void)
{
	struct variants v;
	char err[160];

	if (variants_parse(&v, getenv("KVM_IRQ_VARIANTS"), err, sizeof(err)))
		TEST_FAIL("KVM_IRQ_VARIANTS: %s", err);
	return v.value[VARIANT_OWNED_PPI] == VARIANT_OWNED_PPI_IGNORED;
}

/*
 * The timer test's windows: PPI 20 as raised (arg bit 0), the virtual
 * timer's PPI 27 as arg >> 1 says (0, 1, or AT_MOST_ONCE), nothing else.
 */
static unsigned int want_timer(FIXTURE_DATA(delivery) *self, unsigned int v,
			       unsigned int intid, unsigned int arg)
{
	(void)self, (void)v;
	if (intid == PPI_VTIMER)
		return arg >> 1;
	return intid == 20 ? arg & 1 : 0;
}

#define TIMER(taken_27, taken_20)	((taken_27) << 1 | (taken_20))

/* The timer's windows: PPI 27 is judged in each, whoever raised it. */
static void timer_windows(FIXTURE_DATA(delivery) *self, unsigned int arg, const char *when)
{
	TEST_ASSERT(self->nr_raised < MAX_RAISED, "more than %d lines raised", MAX_RAISED);
	self->raised[self->nr_raised++] = PPI_VTIMER;
	windows(self, 16, 31, want_timer, arg, when);
}

static void all_ppis(FIXTURE_DATA(delivery) *self, unsigned int intid, uint32_t level)
{
	unsigned int t;
	int err;

	for (t = 0; t < self->v.nr_vcpus; t++) {
		if (!owned_by_kvm(intid)) {
			line(self, ppi_field(t, intid), level);
			continue;
		}
		err = irq_line(&self->v, ppi_field(t, intid), level);
		TEST_ASSERT(!err, "KVM_IRQ_LINE PPI %u: %s", intid, abi_errno_name(err));
	}
}

/*
 * The virtual timer's PPI, which KVM drives, while userspace also
 * injects: the timer armed to fire at once is taken once per window it is
 * enabled in, on every vcpu, beside PPI 20 userspace raised, and
 * userspace's own raise of PPI 27 makes it no more; after userspace
 * lowers 27 with the timer still firing, the timer's interrupt is taken
 * again if KVM ignores userspace on a PPI its timer owns (the owned-ppi
 * variant expected/ pins; if unspecified, once or not); disabled, nothing;
 * armed again, once more.
 */
SUITE_TEST(delivery, timer_ppi_beside_injection)
{
	unsigned int again = owned_ppi_ignored() ? 1 : AT_MOST_ONCE;

	self->timer_test = true;
	on_all(self, DELIVERY_SETUP, 16, 31, 0);
	on_all(self, DELIVERY_VTIMER, 0, 0, 1);
	all_ppis(self, PPI_VTIMER, 1);
	all_ppis(self, 20, 1);
	timer_windows(self, TIMER(1, 1), "vtimer firing, PPIs 27 and 20 raised by userspace");
	all_ppis(self, 20, 0);
	all_ppis(self, PPI_VTIMER, 0);
	timer_windows(self, TIMER(again, 0),
		"vtimer firing, PPIs 27 and 20 lowered by userspace");
	on_all(self, DELIVERY_VTIMER, 0, 0, 0);
	timer_windows(self, TIMER(owned_ppi_ignored() ? 0 : AT_MOST_ONCE, 0),
		"vtimer disabled");
	on_all(self, DELIVERY_VTIMER, 0, 0, 1);
	timer_windows(self, TIMER(1, 0), "vtimer armed again");
	on_all(self, DELIVERY_VTIMER, 0, 0, 0);
}

/*
 * The SPI tests, chunk by chunk, as scripts: every SPI of the chunk
 * raised or lowered, or a window on every vcpu after which each SPI was
 * taken once on the vcpu the guest routed it to, or nothing was.
 */
enum spi_step { RAISE, LOWER, TAKEN, NOTHING, END };

static void spi_script(FIXTURE_DATA(delivery) *self, uint32_t edge,
		       const char *what, const enum spi_step *script)
{
	static const char *const step_name[] = {
		[TAKEN] = "taken once", [NOTHING] = "nothing taken",
	};
	unsigned int first, last, i;
	char when[96];

	on_all(self, DELIVERY_SETUP, 32, self->nr_irqs - 1, edge);
	for_each_chunk(self, first, last) {
		for (i = 0; script[i] != END; i++) {
			snprintf(when, sizeof(when), "%s, step %u (%s)", what, i,
				 step_name[script[i]] ?: "-");
			if (script[i] == RAISE || script[i] == LOWER)
				spis(self, first, last, script[i] == RAISE);
			else
				windows(self, first, last, script[i] == TAKEN ?
					want_routed : want_none, 0, when);
		}
	}
}

/*
 * Every SPI of the vgic, with garbage in the vcpu fields, arrives once on
 * the vcpu the guest routed it to; level: lowered, none comes back.
 */
SUITE_TEST(delivery, spi_reaches_routed_vcpu)
{
	spi_script(self, 0, "SPIs",
		   (const enum spi_step[]){ RAISE, TAKEN, LOWER, NOTHING, END });
}

/* The same with EOI split from deactivation (EOImode 1, then DIR). */
SUITE_TEST(delivery, spi_reaches_routed_vcpu_split_eoi)
{
	on_all(self, DELIVERY_EOI_SPLIT, 0, 0, 1);
	spi_script(self, 0, "SPIs, split EOI",
		   (const enum spi_step[]){ RAISE, TAKEN, LOWER, NOTHING, END });
}

/* Level: a line held high is taken again after EOI until it is lowered. */
SUITE_TEST(delivery, level_held_retaken_until_lowered)
{
	spi_script(self, 0, "SPIs held",
		   (const enum spi_step[]){ RAISE, TAKEN, TAKEN, TAKEN, LOWER,
					    NOTHING, END });
}

/*
 * Level: raised and lowered before the guest acknowledges: nothing.  An
 * empty window first leaves the SPIs enabled.
 */
SUITE_TEST(delivery, level_lowered_before_ack_leaves_nothing)
{
	spi_script(self, 0, "SPIs pulsed while enabled",
		   (const enum spi_step[]){ NOTHING, RAISE, LOWER, NOTHING, END });
}

/* A disabled interrupt (as set up) raised and lowered is never taken. */
SUITE_TEST(delivery, level_masked_pulse_never_taken)
{
	spi_script(self, 0, "SPIs pulsed while disabled",
		   (const enum spi_step[]){ RAISE, LOWER, NOTHING, END });
}

/*
 * Edge (the guest configures it): one interrupt per 0 -> 1 transition;
 * raising again without lowering gives none; lowering gives none.
 */
SUITE_TEST(delivery, edge_one_per_rising_transition)
{
	spi_script(self, 1, "SPIs, edge",
		   (const enum spi_step[]){ RAISE, LOWER, TAKEN, RAISE, LOWER, TAKEN,
					    RAISE, RAISE, TAKEN, LOWER, NOTHING, END });
}

/*
 * Edge: a pulse while the guest has the interrupt active (acknowledged, not
 * yet EOId) makes it pending again: taken once more after the EOI.  SPI
 * 32 + v is routed to vcpu v (32 is a multiple of every vcpu count here).
 */
SUITE_TEST(delivery, edge_pulse_while_active_taken_again)
{
	struct ucall uc;
	unsigned int v, spi;

	on_all(self, DELIVERY_SETUP, 32, 32 + self->v.nr_vcpus - 1, 1);
	for (v = 0; v < self->v.nr_vcpus; v++) {
		spi = 32 + v;
		memset(self->log, 0, sizeof(*self->log));
		line(self, spi_field(spi), 1);
		line(self, spi_field(spi), 0);
		self->cmd->op = DELIVERY_WINDOW_HOLD;
		self->cmd->first = self->cmd->last = spi;
		suite_step("in KVM_RUN of vcpu", v);
		vcpu_run_to_sync(self->v.vcpus[v], DELIVERY_ACTIVE, &uc);
		TEST_ASSERT(uc.args[2] == spi, "vcpu %u: the window held INTID %lu, not SPI %u",
			    v, uc.args[2], spi);
		/* Active now: pulse it again. */
		line(self, spi_field(spi), 1);
		line(self, spi_field(spi), 0);
		run_vcpu(self->v.vcpus[v], DELIVERY_DONE);
		/* Both rising edges are judged by the one count. */
		for (; self->nr_raised; self->nr_raised--)
			check(RULE_VGIC_DELIVERY, self->log->taken[v][spi] == 2 &&
			      !self->log->spurious[v] && !self->log->stuck[v],
			      "SPI %u on vcpu %u: taken %u times, expected 2 (%u spurious, %u stuck)",
			      spi, v, self->log->taken[v][spi],
			      self->log->spurious[v], self->log->stuck[v]);
	}
}

/*
 * vgic-v2's 1-N model (IHI 0048B 1.4.3, "Models for handling interrupts";
 * 4.3.12, GICD_ITARGETSRn): an SPI whose GICD_ITARGETSR names several
 * CPU interfaces is handled by one of them.  Which one the architecture
 * leaves open (KVM signals the lowest-numbered), so each vcpu's window
 * takes whatever is signalled to it and waits for nothing; after every
 * target has had a window while the SPI was pending, exactly one of its
 * targets has taken it, and no vcpu it does not name.  GICD_ITARGETSR
 * reads back the set written.  Edge SPIs, raised once: taken, nothing is
 * left for another window.  vgic-v2 only (vgic-v3 routes by affinity, to
 * one vcpu), with several vcpus.
 */
FIXTURE(one_of_n) {
	struct irq_vm v;
	struct delivery_cmd *cmd;
	struct delivery_log *log;
};

FIXTURE_VARIANT(one_of_n) {
	struct irq_vm_config c;
};

FIXTURE_VARIANT_ADD(one_of_n, v2_max_4) {
	.c = { .gic = 2, .nr_vcpus = 4, .nr_irqs = IRQ_VM_NR_IRQS_MAX,
	       .guest_code = delivery_guest_main },
};

FIXTURE_VARIANT_ADD(one_of_n, v2_max_8) {
	.c = { .gic = 2, .nr_vcpus = 8, .nr_irqs = IRQ_VM_NR_IRQS_MAX,
	       .guest_code = delivery_guest_main },
};

SUITE_SETUP(one_of_n)
{
	const char *why = delivery_vm(&self->v, &variant->c, &self->cmd, &self->log);

	if (!why)
		self->cmd->multi = 1;
	return why;
}

SUITE_TEARDOWN(one_of_n)
{
	irq_vm_destroy(&self->v);
}

/* Of intid, how many times it was taken, and by how many vcpus outside mask. */
static unsigned int taken_by(const struct delivery_log *log, unsigned int nr_vcpus,
			     unsigned int intid, uint8_t mask, unsigned int *outside)
{
	unsigned int v, n = 0;

	*outside = 0;
	for (v = 0; v < nr_vcpus; v++) {
		n += log->taken[v][intid];
		if (log->taken[v][intid] && !(mask >> v & 1))
			(*outside)++;
	}
	return n;
}

/* A window on every vcpu; each SPI of [first, last] taken want times in all. */
static void one_of_n_round(FIXTURE_DATA(one_of_n) *self, unsigned int first,
			   unsigned int last, unsigned int want, const char *when)
{
	unsigned int i, n, outside;
	uint8_t mask;

	memset(self->log->taken, 0, sizeof(self->log->taken));
	command(&self->v, self->cmd, DELIVERY_WINDOW, first, last, 0);
	for (i = first; i <= last; i++) {
		mask = delivery_targets(i, self->v.nr_vcpus);
		n = taken_by(self->log, self->v.nr_vcpus, i, mask, &outside);
		check(RULE_GIC_ROUTING, n == want && !outside,
		      "%s: SPI %u routed to CPU interfaces 0x%02x: taken %u times (expected %u), %u times by vcpus it does not name",
		      when, i, mask, n, want, outside);
	}
}

SUITE_TEST(one_of_n, edge_spi_taken_once_by_one_target)
{
	unsigned int first, last, i, nr_irqs = self->v.abi.nr_irqs;
	int err;

	for (first = 32; first < nr_irqs; first += 32) {
		last = min_t(unsigned int, first + 31, nr_irqs - 1);
		command(&self->v, self->cmd, DELIVERY_SETUP_TARGETS, first, last, 1);
		for (i = first; i <= last; i++)
			check(RULE_GIC_ROUTING, self->log->targets[i] ==
			      delivery_targets(i, self->v.nr_vcpus),
			      "SPI %u: GICD_ITARGETSR reads 0x%02x after 0x%02x was written",
			      i, self->log->targets[i], delivery_targets(i, self->v.nr_vcpus));
		for (i = first; i <= last; i++) {
			err = irq_line(&self->v, spi_field(i), 1) ?: irq_line(&self->v, spi_field(i), 0);
			TEST_ASSERT(!err, "KVM_IRQ_LINE SPI %u: %s", i, abi_errno_name(err));
		}
		one_of_n_round(self, first, last, 1, "raised once");
		one_of_n_round(self, first, last, 0, "after it was taken");
	}
}

SUITE_MAIN()
