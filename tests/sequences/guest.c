// SPDX-License-Identifier: GPL-2.0
/*
 * The guest stub of the explored sequences: one command at a time.
 * Interrupts are masked but in windows; the handlers take each CPU line
 * once per window (a level the guest cannot clear: it returns with that
 * exception masked), and acknowledge, disable and EOI each vgic
 * interrupt (EOImode 1: leave it active for a later DIR, up to
 * SEQ_GUEST_DROPPED).
 */
#include "kvm_util.h"
#include "processor.h"

#include "guest_dev.h"
#include "guest_gic.h"
#include "sequences.h"

struct seq_guest_config seq_config;
struct seq_guest_vcpu seq_vcpu[IRQ_VM_MAX_VCPUS];
struct seq_guest_spis seq_spis;

#define SPINS_AFTER_UNMASK	8

/* The slot this vcpu is (lib/seq.h): what the host's commands name. */
static unsigned int my_slot(void)
{
	return seq_config.slot_of[guest_get_vcpuid()];
}

static struct seq_guest_vcpu *me_slot(void)
{
	return &seq_vcpu[my_slot()];
}

static int index_of(uint32_t intid)
{
	unsigned int k;

	for (k = 0; k < seq_config.nr_intids; k++)
		if (seq_config.intid[k] == intid)
			return k;
	return -1;
}

static void set_enabled(struct seq_guest_vcpu *s, int k, bool on)
{
	guest_gic_enable(seq_config.intid[k], on);
	if (seq_config.intid[k] < 32)
		s->enabled[k] = on;
	else
		seq_spis.enabled[k] = on;
}

/* A PPI's active state and priority are this vcpu's; an SPI's, every vcpu's. */
static uint8_t *active_of(struct seq_guest_vcpu *s, int k)
{
	return seq_config.intid[k] < 32 ? &s->active[k] : &seq_spis.active[k];
}

static uint8_t *priority_of(struct seq_guest_vcpu *s, int k)
{
	return seq_config.intid[k] < 32 ? &s->priority[k] : &seq_spis.priority[k];
}

/* The priority of what it acknowledged last and has not EOId: none preempts but higher. */
static unsigned int running_priority(struct seq_guest_vcpu *s)
{
	int k;

	if (!s->nr_held)
		return GIC_IDLE_PRIORITY;
	k = index_of(s->held[s->nr_held - 1]);
	return k >= 0 ? *priority_of(s, k) : 0;
}

static void cpu_irq_handler(struct ex_regs *regs)
{
	me_slot()->irq++;
	regs->pstate |= PSR_I_BIT;
}

static void cpu_fiq_handler(struct ex_regs *regs)
{
	me_slot()->fiq++;
	regs->pstate |= PSR_F_BIT;
}

/* After an EOI: deactivated already (EOImode 0), left for DIR, or DIR now. */
static void after_eoi(struct seq_guest_vcpu *s, uint32_t intid, int k)
{
	if (!s->eoi_split) {
		if (k >= 0)
			*active_of(s, k) = 0;
		return;
	}
	if (k >= 0 && s->nr_dropped < SEQ_GUEST_DROPPED) {
		s->dropped[s->nr_dropped++] = intid;
		return;
	}
	guest_gic_dir(intid);
	if (k >= 0)
		*active_of(s, k) = 0;
}

static void gic_irq_handler(struct ex_regs *regs)
{
	struct seq_guest_vcpu *s = me_slot();
	uint32_t intid = guest_gic_ack();
	int k;

	(void)regs;
	if (intid >= GUEST_GIC_SPURIOUS) {
		s->spurious++;
		return;
	}
	if (s->nr_taken < SEQ_GUEST_TAKEN)
		s->taken[s->nr_taken++] = intid;
	k = index_of(intid);
	if (k >= 0) {
		*active_of(s, k) = 1;
		set_enabled(s, k, false);
	}
	guest_gic_eoi(intid);
	after_eoi(s, intid, k);
}

static uint64_t dev_levels(void)
{
	uint64_t levels = 0;
	unsigned int d;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		if (guest_dev_level(d))
			levels |= 1u << d;
	return levels;
}

/*
 * Something enabled, pending and inactive of this vcpu's, as the GIC
 * says, above its running priority, its group enabled: its INTID, or 0.
 */
static uint32_t deliverable_here(struct seq_guest_vcpu *s, unsigned int me)
{
	unsigned int k, intid, running = running_priority(s);
	bool enabled;

	if (seq_spis.dist_disabled || s->group_disabled)
		return 0;
	for (k = 0; k < seq_config.nr_intids; k++) {
		intid = seq_config.intid[k];
		enabled = intid < 32 ? s->enabled[k] :
			  seq_spis.enabled[k] && seq_spis.target[k] == me;
		if (enabled && !*active_of(s, k) && *priority_of(s, k) < running &&
		    (guest_gic_pending_word(intid) & (1u << (intid % 32))))
			return intid;
	}
	return 0;
}

/* Stay until nothing is left to take (what it holds holds back the rest). */
static void drain(struct seq_guest_vcpu *s, unsigned int me)
{
	unsigned int spins;
	uint32_t intid;

	for (spins = 0; (intid = deliverable_here(s, me)); spins++) {
		s->ticks++;
		if (spins == SEQ_GUEST_DRAIN_SPINS) {
			s->stuck = intid;
			return;
		}
	}
}

static void unmask(struct seq_guest_vcpu *s)
{
	if (seq_config.gic) {
		local_irq_enable();
	} else {
		if (!s->masked[0])
			asm volatile("msr daifclr, #2" : : : "memory");
		if (!s->masked[1])
			asm volatile("msr daifclr, #1" : : : "memory");
	}
	isb();
}

static void mask(void)
{
	asm volatile("msr daifset, #3" : : : "memory");
	isb();
}

static void settle(struct seq_guest_vcpu *s)
{
	unsigned int i;

	for (i = 0; i < SPINS_AFTER_UNMASK; i++) {
		s->ticks++;
		guest_pause();
	}
}

static void window(struct seq_guest_vcpu *s, unsigned int me, bool spin, bool sleep)
{
	s->irq = s->fiq = s->nr_taken = s->spurious = s->stuck = 0;
	unmask(s);
	settle(s);
	if (seq_config.gic)
		drain(s, me);
	if (spin) {
		s->spinning = s->seq;
		while (READ_ONCE(s->stop) != s->seq) {
			s->ticks++;
			if (sleep)
				guest_wfi();
			else
				cpu_relax();
		}
		s->stopped = s->seq;
		/* Entered again after everything the host did: now it shows. */
		GUEST_SYNC_ARGS(SEQ_STOPPING, s->seq, 0, 0, 0);
		isb();
		/*
		 * What the first drain found stuck may have come since (an
		 * interrupt waiting for its old target when the spin began):
		 * only this drain's says what was never delivered.
		 */
		s->stuck = 0;
		settle(s);
		if (seq_config.gic)
			drain(s, me);
	}
	mask();
}

/* Of what it acknowledged last: the running priority drops to the one before. */
static void eoi(struct seq_guest_vcpu *s)
{
	uint32_t intid;

	if (!s->nr_held)
		return;
	intid = s->held[--s->nr_held];
	guest_gic_eoi(intid);
	after_eoi(s, intid, index_of(intid));
}

static void dir(struct seq_guest_vcpu *s)
{
	uint32_t intid;
	int k;

	if (!s->nr_dropped)
		return;
	intid = s->dropped[0];
	s->dropped[0] = s->dropped[1];
	s->nr_dropped--;
	guest_gic_dir(intid);
	k = index_of(intid);
	if (k >= 0)
		*active_of(s, k) = 0;
}

static void ack(struct seq_guest_vcpu *s)
{
	uint32_t intid = guest_gic_ack();
	int k = index_of(intid);

	s->result = intid;
	if (intid >= GUEST_GIC_SPURIOUS)
		return;
	/* Never more than one of each priority: a wrong one is the host's to judge. */
	if (s->nr_held < SEQ_NR_PRIORITIES)
		s->held[s->nr_held++] = intid;
	if (k >= 0)
		*active_of(s, k) = 1;
}

static uint32_t read_state(uint32_t intid)
{
	uint32_t bit = 1u << (intid % 32);

	uint32_t enabled = !!(guest_gic_enabled_word(intid) & bit);
	uint32_t pending = !!(guest_gic_pending_word(intid) & bit);
	uint32_t active = !!(guest_gic_active_word(intid) & bit);

	return enabled | pending << 1 | active << 2;
}

static void dev(struct seq_guest_vcpu *s)
{
	s->changing = s->seq;
	if (s->value == 2)
		guest_timer_arm(s->arg, SEQ_GUEST_ARM_TICKS);
	else if (s->value == 1)
		guest_dev_raise(s->arg);
	else
		guest_dev_lower(s->arg);
	s->applied = s->seq;
}

/*
 * Route intid to the slots of mask (several: vgic-v2's ITARGETSR, CPU
 * interface n being slot n); the slots its routing register then names.
 */
static uint32_t route(uint32_t intid, uint32_t mask)
{
	uint64_t value = 0, back;
	uint32_t slots = 0;
	unsigned int v;

	for (v = 0; v < IRQ_VM_MAX_VCPUS; v++)
		if (mask >> v & 1)
			value |= seq_config.route[v];
	guest_gic_route_to(intid, value);
	back = guest_gic_route_read(intid);
	for (v = 0; v < seq_config.nr_slots; v++)
		if (seq_config.gic == 3 ? back == seq_config.route[v] : back & seq_config.route[v])
			slots |= 1u << v;
	return slots;
}

static void command(struct seq_guest_vcpu *s, unsigned int me)
{
	int k = index_of(s->intid);

	switch (s->op) {
	case SEQ_G_MASK:
		s->masked[s->arg & 1] = s->value;
		break;
	case SEQ_G_WINDOW:
	case SEQ_G_SPIN:
	case SEQ_G_SLEEP:
		window(s, me, s->op != SEQ_G_WINDOW, s->op == SEQ_G_SLEEP);
		break;
	case SEQ_G_DEV:
		dev(s);
		break;
	case SEQ_G_ENABLE:
		GUEST_ASSERT_1(k >= 0, s->intid);
		set_enabled(s, k, s->value);
		break;
	case SEQ_G_CONFIG:
		guest_gic_config(s->intid, s->value);
		break;
	case SEQ_G_ROUTE:
		GUEST_ASSERT_1(k >= 0, s->intid);
		s->result = route(s->intid, 1u << s->value);
		seq_spis.target[k] = s->value;
		break;
	case SEQ_G_TARGETS:
		GUEST_ASSERT_1(k >= 0, s->intid);
		s->result = route(s->intid, s->value);
		seq_spis.target[k] = SEQ_GUEST_SHARED;
		break;
	case SEQ_G_ACK:
		ack(s);
		break;
	case SEQ_G_EOI:
		eoi(s);
		break;
	case SEQ_G_DIR:
		dir(s);
		break;
	case SEQ_G_EOIMODE:
		guest_gic_eoi_split(s->value);
		s->eoi_split = s->value;
		break;
	case SEQ_G_READ:
		s->result = read_state(s->intid);
		break;
	case SEQ_G_GROUP:
		if (s->arg) {
			guest_gic_cpu_enable(s->value);
			s->group_disabled = !s->value;
			s->result = guest_gic_cpu_enabled();
		} else {
			guest_gic_dist_enable(s->value);
			seq_spis.dist_disabled = !s->value;
			s->result = guest_gic_dist_enabled();
		}
		break;
	case SEQ_G_PRIORITY:
		GUEST_ASSERT_1(k >= 0, s->intid);
		guest_gic_set_priority(s->intid, s->value);
		s->result = guest_gic_priority(s->intid);
		*priority_of(s, k) = s->value;
		break;
	default:
		GUEST_ASSERT_1(0, s->op);
	}
}

/* The distributor (slot 0) and each vcpu's own PPIs: all disabled, each its priority. */
static void gic_setup(unsigned int me)
{
	struct seq_guest_vcpu *s = &seq_vcpu[me];
	unsigned int k, intid;

	guest_gic_init(seq_config.gic, seq_config.nr_vcpus);
	for (k = 0; k < seq_config.nr_intids; k++) {
		intid = seq_config.intid[k];
		if (intid < 32) {
			guest_gic_enable(intid, false);
			guest_gic_set_priority(intid, seq_config.priority[k]);
			s->priority[k] = seq_config.priority[k];
			continue;
		}
		if (me)
			continue;
		guest_gic_enable(intid, false);
		guest_gic_config(intid, seq_config.edge & (1u << k));
		guest_gic_route_to(intid, seq_config.route[seq_config.target[k]]);
		guest_gic_set_priority(intid, seq_config.priority[k]);
		seq_spis.priority[k] = seq_config.priority[k];
		seq_spis.target[k] = seq_config.target[k];
	}
}

void seq_guest_main(void)
{
	unsigned int me = my_slot();
	struct seq_guest_vcpu *s = &seq_vcpu[me];

	guest_devs_quiesce();
	if (seq_config.gic)
		gic_setup(me);
	s->levels = dev_levels();
	GUEST_SYNC(SEQ_READY);
	for (;;) {
		s->started = s->seq;
		s->ticks++;
		command(s, me);
		s->levels = dev_levels();
		s->levels_seq = s->seq;
		GUEST_SYNC_ARGS(SEQ_DONE, s->seq, 0, 0, 0);
	}
}

void seq_install_handlers(struct kvm_vm *vm, bool gic)
{
	vm_install_exception_handler(vm, VECTOR_IRQ_CURRENT, gic ? gic_irq_handler : cpu_irq_handler);
	vm_install_exception_handler(vm, VECTOR_FIQ_CURRENT, cpu_fiq_handler);
}
