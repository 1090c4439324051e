// SPDX-License-Identifier: GPL-2.0
/*
 * Seeded generation: a sequence's VM, then its operations one at a time,
 * each one the models allow in the state the observations so far left
 * (so a generated sequence needs no repair; a replayed or shrunk one is
 * checked by the same seq_models_allows()).
 */
#include <string.h>

#include "abi.h"
#include "seq_model.h"

/* PPIs free for userspace: no device of KVM's drives them in these VMs. */
static const unsigned int free_ppis[] = { 16, 17, 18, 19, 20, 21, 22, 31 };
#define NR_FREE_PPIS	(sizeof(free_ppis) / sizeof(free_ppis[0]))

static bool has_intid(const struct seq_vm *vm, unsigned int intid)
{
	unsigned int k;

	for (k = 0; k < vm->nr_intids; k++)
		if (vm->intid[k] == intid)
			return true;
	return false;
}

static void add_intid(struct seq_vm *vm, unsigned int intid)
{
	if (vm->nr_intids < SEQ_MAX_INTIDS && !has_intid(vm, intid))
		vm->intid[vm->nr_intids++] = intid;
}

/* An SPI: the first, the last, one beside another, or any. */
static unsigned int pick_spi(struct seq_rng *r, const struct seq_vm *vm)
{
	unsigned int last = (vm->nr_irqs < ABI_SPI_LAST + 1 ? vm->nr_irqs : ABI_SPI_LAST + 1) - 1;
	unsigned int near;

	switch (seq_below(r, 5)) {
	case 0:
		return ABI_SPI_FIRST;
	case 1:
		return last;
	case 2:
		near = vm->intid[seq_below(r, vm->nr_intids)] + 1;
		return near >= ABI_SPI_FIRST && near <= last ? near : ABI_SPI_FIRST + 1;
	default:
		return ABI_SPI_FIRST + seq_below(r, last - ABI_SPI_FIRST + 1);
	}
}

/* A large VM's size: past Aff0's 16 vcpus, or past vcpu_index's 256. */
static unsigned int large_size(struct seq_rng *r, unsigned int vm_vcpus_max)
{
	unsigned int top;

	if (vm_vcpus_max > 256 && seq_one_in(r, 2)) {
		top = vm_vcpus_max < 272 ? vm_vcpus_max : 272;
		return 257 + seq_below(r, top - 256);
	}
	top = vm_vcpus_max < 40 ? vm_vcpus_max : 40;
	return IRQ_VM_MAX_VCPUS + 1 + seq_below(r, top - IRQ_VM_MAX_VCPUS);
}

static bool index_taken(const struct seq_vm *vm, unsigned int n, unsigned int index)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (vm->index[i] == index)
			return true;
	return false;
}

/*
 * A large VM whose slots are spread over it: the last vcpu always (past
 * 16, or past 256), the others anywhere.  vgic-v2 addresses at most 8 CPU
 * interfaces (IHI 0048B 1.4): never there.
 */
static void spread_slots(struct seq_rng *r, struct seq_vm *vm, unsigned int vm_vcpus_max)
{
	unsigned int s, index;

	if (vm->kind == SEQ_VM_V2 || vm_vcpus_max <= IRQ_VM_MAX_VCPUS)
		return;
	vm->vm_vcpus = large_size(r, vm_vcpus_max);
	vm->index[0] = vm->vm_vcpus - 1;
	for (s = 1; s < vm->nr_vcpus; s++) {
		do
			index = seq_below(r, vm->vm_vcpus);
		while (index_taken(vm, s, index));
		vm->index[s] = index;
	}
}

/*
 * A third of the VMs of 2 to 8 vcpus (no vgic, or vgic-v3) get ids that
 * permute the creation order: which vcpu the field names then shows.
 * Not vgic-v2, whose CPU interface numbers follow the creation order.
 */
static void permute_ids(struct seq_rng *r, struct seq_vm *vm)
{
	unsigned int s, t, tmp;

	if (vm->kind == SEQ_VM_V2 || vm->vm_vcpus || vm->nr_vcpus < 2 || !seq_one_in(r, 3))
		return;
	for (s = 0; s < vm->nr_vcpus; s++)
		vm->id[s] = s;
	while (!vm->permuted) {
		for (s = vm->nr_vcpus - 1; s > 0; s--) {
			t = seq_below(r, s + 1);
			tmp = vm->id[s];
			vm->id[s] = vm->id[t];
			vm->id[t] = tmp;
		}
		for (s = 0; s < vm->nr_vcpus; s++)
			vm->permuted |= vm->id[s] != s;
	}
}

/* The priorities a guest gives, the default first. */
static const uint8_t priorities[SEQ_NR_PRIORITIES] = SEQ_PRIORITIES;

void seq_vm_generate(struct seq_rng *r, enum seq_vm_kind kind, unsigned int max_vcpus,
		     unsigned int vm_vcpus_max, unsigned int nr_irqs_max,
		     const struct variants *variants, struct seq_vm *vm)
{
	unsigned int k, spis, tries;

	memset(vm, 0, sizeof(*vm));
	vm->kind = kind;
	vm->variants = *variants;
	vm->nr_vcpus = 1 + seq_below(r, max_vcpus);
	spread_slots(r, vm, vm_vcpus_max);
	permute_ids(r, vm);
	if (kind == SEQ_VM_NOGIC)
		return;
	vm->nr_irqs = seq_one_in(r, 2) ? 64 : nr_irqs_max;
	add_intid(vm, free_ppis[seq_below(r, NR_FREE_PPIS)]);
	add_intid(vm, free_ppis[seq_below(r, NR_FREE_PPIS)]);
	if (seq_one_in(r, 2))
		add_intid(vm, seq_one_in(r, 2) ? 27 : 30);
	spis = 3 + seq_below(r, SEQ_MAX_INTIDS - vm->nr_intids - 2);
	for (tries = 0; spis && tries < 64; tries++) {
		k = pick_spi(r, vm);
		if (!has_intid(vm, k)) {
			add_intid(vm, k);
			spis--;
		}
	}
	for (k = 0; k < vm->nr_intids; k++) {
		if (vm->intid[k] < ABI_SPI_FIRST)
			continue;
		vm->edge |= seq_below(r, 2) << k;
		vm->target[k] = seq_below(r, vm->nr_vcpus);
	}
	/* Half of them higher than the default: some preempt others. */
	for (k = 0; k < vm->nr_intids; k++)
		vm->priority[k] = seq_one_in(r, 2) ? GIC_DEFAULT_PRIORITY :
				  priorities[1 + seq_below(r, SEQ_NR_PRIORITIES - 1)];
}

/*
 * The generator is guided: drawn uniformly, operations would rarely meet
 * (an acknowledge on one vcpu while the pending interrupt is another's).
 * It leans toward the state at hand: a few vcpus most of the time, the
 * level a line does not have, an interrupt that is disabled to enable,
 * a vcpu that has something to take or to EOI.  Every operation stays
 * possible in every state the models allow it in.
 */

/* Mostly vcpu 0 or 1, so that operations meet; any now and then. */
static unsigned int pick_vcpu(struct seq_rng *r, const struct seq_models *s)
{
	unsigned int n = s->vm.nr_vcpus;

	return seq_below(r, 5) < 3 ? seq_below(r, n < 2 ? n : 2) : seq_below(r, n);
}

/* A level: mostly the one the line does not have, now and then another value. */
static uint32_t pick_level(struct seq_rng *r, enum tri now)
{
	if (seq_one_in(r, 24))
		return seq_one_in(r, 2) ? 2 : 0xffffffffu;
	if (now != TRI_EITHER && !seq_one_in(r, 4))
		return now == TRI_NO;
	return seq_below(r, 2);
}

static uint8_t pick_from(struct seq_rng *r, const struct seq_models *s, unsigned int vcpu)
{
	if (seq_one_in(r, 2))
		return SEQ_FROM_MAIN;
	return seq_one_in(r, 2) ? vcpu : seq_below(r, s->vm.nr_vcpus);
}

/* A spinning vcpu, or vcpu if none is. */
static unsigned int pick_spinning(struct seq_rng *r, const struct seq_models *s,
				  unsigned int vcpu)
{
	unsigned int v, n = 0, which;

	for (v = 0; v < s->vm.nr_vcpus; v++)
		n += seq_models_spinning(s, v);
	if (!n)
		return vcpu;
	which = seq_below(r, n);
	for (v = 0; v < s->vm.nr_vcpus; v++)
		if (seq_models_spinning(s, v) && !which--)
			return v;
	return vcpu;
}

/* Half the time while some vcpu spins, a line change for it (the running condition). */
static unsigned int line_vcpu(struct seq_rng *r, const struct seq_models *s, unsigned int vcpu)
{
	unsigned int spinning = pick_spinning(r, s, vcpu);

	return spinning != vcpu && seq_one_in(r, 2) ? spinning : vcpu;
}

/* How often each operation is drawn, in percent, per kind of VM. */
struct weight {
	enum seq_code code;
	unsigned int percent;
};

static const struct weight nogic_weights[] = {
	{ SEQ_LINE, 30 }, { SEQ_WINDOW, 14 }, { SEQ_SPIN, 4 }, { SEQ_SLEEP, 3 },
	{ SEQ_STOP, 7 }, { SEQ_MASK, 8 }, { SEQ_DEV, 18 }, { SEQ_FIELD, 9 },
	{ SEQ_IMMEXIT, 7 },
};

static const struct weight vgic_weights[] = {
	{ SEQ_LINE, 24 }, { SEQ_DEV, 3 }, { SEQ_WINDOW, 10 }, { SEQ_SPIN, 3 }, { SEQ_SLEEP, 3 }, { SEQ_STOP, 7 },
	{ SEQ_ENABLE, 8 }, { SEQ_CONFIG, 3 }, { SEQ_ROUTE, 7 }, { SEQ_ACK, 9 },
	{ SEQ_EOI, 5 }, { SEQ_DIR, 4 }, { SEQ_EOIMODE, 3 }, { SEQ_READ, 5 }, { SEQ_PRIORITY, 4 },
	{ SEQ_GROUP, 2 },
};

#define NR_WEIGHTS(w)	(sizeof(w) / sizeof((w)[0]))

static enum seq_code pick_code(struct seq_rng *r, const struct weight *w,
			       unsigned int n)
{
	unsigned int x = seq_below(r, 100), i;

	for (i = 0; i < n - 1 && x >= w[i].percent; i++)
		x -= w[i].percent;
	return w[i].code;
}

static void nogic_candidate(struct seq_rng *r, const struct seq_models *s,
			    struct seq_op *op)
{
	op->code = pick_code(r, nogic_weights, NR_WEIGHTS(nogic_weights));
	switch (op->code) {
	case SEQ_LINE:
		op->vcpu = line_vcpu(r, s, op->vcpu);
		op->a = ABI_IRQ_TYPE_CPU;
		op->num = seq_below(r, 2);
		op->level = pick_level(r, s->cpu.v[op->vcpu].line[op->num]);
		op->from = pick_from(r, s, op->vcpu);
		break;
	case SEQ_STOP:
		op->vcpu = pick_spinning(r, s, op->vcpu);
		break;
	case SEQ_MASK:
		op->a = seq_below(r, 2);
		op->level = seq_one_in(r, 3);
		break;
	case SEQ_DEV:
		op->a = seq_below(r, NR_USER_IRQ_DEVS);
		op->level = seq_below(r, NR_SEQ_DEV_ACTIONS);
		break;
	case SEQ_FIELD:
		op->level = seq_below(r, 8);
		if (seq_one_in(r, 5))
			op->level |= 1u << (3 + seq_below(r, 29));
		break;
	default:	/* window, spin, sleep, immediate_exit: nothing to choose */
		break;
	}
}

/* An interrupt k of the VM's; now and then only one that vcpu may enable. */
static unsigned int pick_intid(struct seq_rng *r, const struct seq_models *s,
			       unsigned int vcpu, bool disabled)
{
	const struct vgic_model *m = &s->vgic;
	unsigned int k, tries;

	for (tries = 0; tries < 8; tries++) {
		k = seq_below(r, m->nr_intids);
		if (!disabled || !vgic_model_irq(m, k, vcpu)->enabled)
			return m->intid[k];
	}
	return m->intid[seq_below(r, m->nr_intids)];
}

/* Active, or pending (enabled: deliverable) for vcpu. */
static bool busy(const struct vgic_irq *i, bool deliverable)
{
	bool pending = (i->edge ? i->latch : i->line) != TRI_NO;

	if (deliverable)
		return pending && i->enabled && !i->active;
	return i->active || pending;
}

/*
 * Half the time an interrupt of the VM's that is active or pending for
 * vcpu, or (deliverable) enabled, pending and inactive: what register
 * reads and re-routes meet least by chance.  Else any.
 */
static unsigned int busy_intid(struct seq_rng *r, const struct seq_models *s,
			       unsigned int vcpu, bool deliverable)
{
	const struct vgic_model *m = &s->vgic;
	unsigned int k, start = seq_below(r, m->nr_intids);
	bool look = seq_one_in(r, 2);

	for (k = 0; look && k < m->nr_intids; k++) {
		unsigned int n = (start + k) % m->nr_intids;

		if (busy(vgic_model_irq(m, n, vcpu), deliverable))
			return m->intid[n];
	}
	return m->intid[seq_below(r, m->nr_intids)];
}

/* Whether a vcpu of the model has something of one kind. */
typedef bool vcpu_has_fn(const struct vgic_model *m, unsigned int vcpu);

/* A vcpu with something to take, to EOI or to deactivate, or vcpu. */
static unsigned int busy_vcpu(struct seq_rng *r, const struct seq_models *s,
			      unsigned int vcpu, vcpu_has_fn *has)
{
	unsigned int v, start = seq_below(r, s->vm.nr_vcpus);

	for (v = 0; v < s->vm.nr_vcpus; v++)
		if (has(&s->vgic, (start + v) % s->vm.nr_vcpus))
			return (start + v) % s->vm.nr_vcpus;
	return vcpu;
}

static bool has_pending(const struct vgic_model *m, unsigned int v)
{
	unsigned int k;

	for (k = 0; k < m->nr_intids; k++) {
		const struct vgic_irq *i = vgic_model_irq(m, k, v);

		if (vgic_routed_to(i, v) && i->enabled && !i->active &&
		    (i->edge ? i->latch : i->line) != TRI_NO &&
		    i->priority < vgic_model_running_priority(m, v))
			return true;
	}
	return false;
}

static bool has_held(const struct vgic_model *m, unsigned int v)
{
	return m->v[v].nr_held > 0;
}

static bool has_dropped(const struct vgic_model *m, unsigned int v)
{
	return m->v[v].nr_dropped > 0;
}

/* An SPI re-routed away from v waits for v to run (a variant's open choice). */
static bool has_stranded(const struct vgic_model *m, unsigned int v)
{
	unsigned int k;

	for (k = 0; k < m->nr_intids; k++)
		if (m->intid[k] >= ABI_SPI_FIRST && (m->irq[k][0].holders & (1u << v)))
			return true;
	return false;
}

/*
 * Mostly a vcpu other than the SPI's target: a route that changes nothing
 * meets none of the re-route's paths (the interrupt queued, listed or
 * active on the old target).
 */
static unsigned int new_target(struct seq_rng *r, const struct seq_models *s,
			       unsigned int intid)
{
	int k = vgic_model_index(&s->vgic, intid);
	unsigned int n = s->vm.nr_vcpus;

	if (k < 0 || intid < ABI_SPI_FIRST || n < 2 || seq_one_in(r, 4))
		return seq_below(r, n);
	return (__builtin_ctz(s->vgic.irq[k][0].targets) + 1 + seq_below(r, n - 1)) % n;
}

/* vgic-v2's 1-N: two or more of the VM's vcpus, mostly two (they meet most). */
static unsigned int new_targets(struct seq_rng *r, const struct seq_models *s)
{
	unsigned int n = s->vm.nr_vcpus, a = seq_below(r, n), mask;

	mask = 1u << a | 1u << (a + 1 + seq_below(r, n - 1)) % n;
	if (seq_one_in(r, 3))
		mask |= seq_below(r, 1u << n);
	return mask;
}

/* A vcpu whose CPU interface's group enable is clear, the distributor's (its vcpu), or -1. */
static int group_cleared(const struct vgic_model *m)
{
	unsigned int v;

	for (v = 0; v < m->nr_vcpus; v++)
		if (m->v[v].group_disabled)
			return v;
	return m->dist_disabled ? 0 : -1;
}

/* Set again what is clear; or clear one, mostly the distributor's. */
static void group_op(struct seq_rng *r, const struct seq_models *s, struct seq_op *op)
{
	int v = group_cleared(&s->vgic);

	if (v >= 0) {
		op->a = s->vgic.dist_disabled ? SEQ_GROUP_DIST : SEQ_GROUP_CPU;
		op->vcpu = op->a == SEQ_GROUP_DIST ? op->vcpu : (unsigned int)v;
		op->level = 1;
		return;
	}
	op->a = seq_one_in(r, 3) ? SEQ_GROUP_CPU : SEQ_GROUP_DIST;
	op->level = 0;
}

/*
 * The guest's timer whose PPI is in play (a VM has 27 or 30, or neither):
 * mostly what it does not do now, fire or stop.
 */
static void timer_op(struct seq_rng *r, const struct seq_models *s, struct seq_op *op)
{
	const struct vgic_model *m = &s->vgic;
	int k;

	op->a = vgic_model_index(m, vgic_timer_ppi(DEV_VTIMER)) >= 0 ? DEV_VTIMER : DEV_PTIMER;
	k = vgic_model_index(m, vgic_timer_ppi(op->a));
	op->level = vgic_model_irq(m, k, op->vcpu)->timer != seq_one_in(r, 4) ?
		    SEQ_DEV_LOWER : SEQ_DEV_RAISE;
}

/*
 * A line for a spinning vcpu: half the time an SPI routed to it, rather
 * than one whose target is elsewhere (its own PPIs it gets anyway).
 */
static void spinning_spi(struct seq_rng *r, const struct seq_models *s, struct seq_op *op)
{
	const struct vgic_model *m = &s->vgic;
	unsigned int k0 = seq_below(r, m->nr_intids), b, k;

	if (!m->v[op->vcpu].spinning || op->num < ABI_SPI_FIRST || !seq_one_in(r, 2))
		return;
	for (b = 0; b < m->nr_intids; b++) {
		k = (k0 + b) % m->nr_intids;
		if (m->intid[k] >= ABI_SPI_FIRST && vgic_routed_to(&m->irq[k][0], op->vcpu)) {
			op->num = m->intid[k];
			return;
		}
	}
}

/*
 * What would preempt an interrupt a vcpu acknowledged and has not EOId (a
 * higher priority, its own), if a vcpu holds one: its line, or, disabled,
 * its enable (the code to draw instead).
 */
static enum seq_code preempting(struct seq_rng *r, const struct seq_models *s, struct seq_op *op)
{
	const struct vgic_model *m = &s->vgic;
	unsigned int n = s->vm.nr_vcpus, v0 = seq_below(r, n), k0 = seq_below(r, m->nr_intids);
	unsigned int v, k, a, b, pass;
	const struct vgic_irq *i;

	/* An enabled one first: raised, it preempts at once. */
	for (pass = 0; pass < 2; pass++)
		for (a = 0; a < n; a++) {
			v = (v0 + a) % n;
			for (b = 0; m->v[v].nr_held && b < m->nr_intids; b++) {
				k = (k0 + b) % m->nr_intids;
				i = vgic_model_irq(m, k, v);
				if (vgic_routed_to(i, v) && (i->enabled || pass) &&
				    i->priority < vgic_model_running_priority(m, v)) {
					op->vcpu = v;
					op->num = m->intid[k];
					return i->enabled ? SEQ_LINE : SEQ_ENABLE;
				}
			}
		}
	return SEQ_LINE;
}

/* Of list[0..n), an edge interrupt active and not pending again, or -1. */
static int active_edge(const struct vgic_model *m, unsigned int v, const int *list,
		       unsigned int n)
{
	const struct vgic_irq *i;
	unsigned int h;

	for (h = 0; h < n; h++) {
		i = vgic_model_irq(m, list[h], v);
		if (i->edge && i->active && i->latch == TRI_NO)
			return list[h];
	}
	return -1;
}

/*
 * An edge interrupt a vcpu holds active (acknowledged, or EOId awaiting
 * its deactivation) and not pending again: its line.  Raised, it is
 * pending and active at once, what a list register holds across an exit
 * and the fold must keep.
 */
static void reraising(struct seq_rng *r, const struct seq_models *s, struct seq_op *op)
{
	const struct vgic_model *m = &s->vgic;
	unsigned int n = s->vm.nr_vcpus, v0 = seq_below(r, n), a, v;
	int k;

	for (a = 0; a < n; a++) {
		v = (v0 + a) % n;
		k = active_edge(m, v, m->v[v].held, m->v[v].nr_held);
		if (k < 0)
			k = active_edge(m, v, m->v[v].dropped, m->v[v].nr_dropped);
		if (k >= 0) {
			op->vcpu = v;
			op->num = m->intid[k];
			return;
		}
	}
}

/*
 * A PPI whose timer fires on some vcpu, looking from vcpu v0 on: true,
 * and (op) that vcpu and PPI into op; false if no timer fires.
 */
static bool firing_timer(const struct vgic_model *m, unsigned int v0, struct seq_op *op)
{
	unsigned int n = m->nr_vcpus, a, k, v;

	for (k = 0; k < m->nr_intids; k++)
		for (a = 0; vgic_owned_by_kvm(m->intid[k]) && a < n; a++) {
			v = (v0 + a) % n;
			if (!m->irq[k][v].timer)
				continue;
			if (op) {
				op->vcpu = v;
				op->num = m->intid[k];
			}
			return true;
		}
	return false;
}

/*
 * A PPI whose timer fires on some vcpu: its line, from userspace (KVM
 * owns it; userspace's change and the timer's meet on one level).
 */
static void beside_timer(struct seq_rng *r, const struct seq_models *s, struct seq_op *op)
{
	firing_timer(&s->vgic, seq_below(r, s->vm.nr_vcpus), op);
}

/*
 * What a guest operation looks for on its vcpu: mostly something to do
 * (a window where something waits, now and then where the model is open).
 */
static vcpu_has_fn *wanted_state(struct seq_rng *r, enum seq_code code)
{
	switch (code) {
	case SEQ_WINDOW:
		return seq_one_in(r, 3) ? has_stranded : has_pending;
	case SEQ_ACK:
		return seq_one_in(r, 4) ? has_held : has_pending;
	case SEQ_EOI:
		return has_held;
	default:	/* SEQ_DIR */
		return has_dropped;
	}
}

/*
 * An interrupt a vcpu holds active (acknowledged and not EOId, or EOId
 * awaiting DIR): its vcpu and INTID into op; false if none.  Reads and
 * re-routes of an active interrupt are where the list registers' fold and
 * ISACTIVER must keep its state.
 */
static bool held_active(struct seq_rng *r, const struct vgic_model *m, bool spi,
			struct seq_op *op)
{
	unsigned int n = m->nr_vcpus, v0 = seq_below(r, n), a, v, h;
	const struct vgic_vcpu *c;
	int k;

	for (a = 0; a < n; a++) {
		v = (v0 + a) % n;
		c = &m->v[v];
		for (h = 0; h < c->nr_held + c->nr_dropped; h++) {
			k = h < c->nr_held ? c->held[h] : c->dropped[h - c->nr_held];
			if (spi && m->intid[k] < ABI_SPI_FIRST)
				continue;
			op->vcpu = v;
			op->num = m->intid[k];
			return true;
		}
	}
	return false;
}

static bool timer_in_play(const struct vgic_model *m)
{
	return vgic_model_index(m, vgic_timer_ppi(DEV_VTIMER)) >= 0 ||
	       vgic_model_index(m, vgic_timer_ppi(DEV_PTIMER)) >= 0;
}

static struct seq_rng *late_rng(struct seq_gen *g)
{
	if (!g->late_seeded)
		g->late.state = g->rng.state ^ 0x6c617465u;
	g->late_seeded = true;
	return &g->late;
}

static void vgic_candidate(struct seq_gen *g, const struct seq_models *s,
			   struct seq_op *op)
{
	struct seq_rng *r = &g->rng;
	enum seq_code code = pick_code(r, vgic_weights, NR_WEIGHTS(vgic_weights));
	bool again = g->last_intid && seq_one_in(r, 3), leaned = false;
	int k;

	/* Without a timer's PPI in play, a line as before there was a timer to drive. */
	if (code == SEQ_DEV && !timer_in_play(&s->vgic))
		code = SEQ_LINE;
	/* A group enable cleared is set again soon: delivery is what is explored. */
	if (group_cleared(&s->vgic) >= 0 && seq_one_in(r, 4))
		code = SEQ_GROUP;
	op->num = again ? g->last_intid : pick_intid(r, s, op->vcpu, false);
	if (code == SEQ_LINE) {
		op->vcpu = line_vcpu(r, s, op->vcpu);
		if (!again)
			spinning_spi(r, s, op);
		if (!again && seq_one_in(r, 2))
			code = preempting(r, s, op);
		else if (!again && seq_one_in(r, 4))
			reraising(r, s, op);
		else if (!again && firing_timer(&s->vgic, 0, NULL) && seq_one_in(late_rng(g), 3))
			beside_timer(late_rng(g), s, op);
		leaned = code == SEQ_ENABLE;
	}
	op->code = code;
	switch (code) {
	case SEQ_LINE:
		op->a = op->num < ABI_SPI_FIRST ? ABI_IRQ_TYPE_PPI : ABI_IRQ_TYPE_SPI;
		k = vgic_model_index(&s->vgic, op->num);
		op->level = pick_level(r, s->vgic.irq[k][op->a == ABI_IRQ_TYPE_PPI ? op->vcpu : 0].line);
		op->from = pick_from(r, s, op->vcpu);
		break;
	case SEQ_WINDOW:
	case SEQ_ACK:
	case SEQ_EOI:
	case SEQ_DIR:
		op->vcpu = busy_vcpu(r, s, op->vcpu, wanted_state(r, code));
		break;
	case SEQ_SLEEP:
		/* Half the time one that left interrupts active: its list starts with them. */
		if (seq_one_in(r, 2))
			op->vcpu = busy_vcpu(r, s, op->vcpu, has_dropped);
		break;
	case SEQ_STOP:
		op->vcpu = pick_spinning(r, s, op->vcpu);
		break;
	case SEQ_ENABLE:
		op->level = leaned || !seq_one_in(r, 4);
		if (!again && !leaned)
			op->num = pick_intid(r, s, op->vcpu, op->level);
		break;
	case SEQ_CONFIG:
		op->level = seq_below(r, 2);
		break;
	case SEQ_ROUTE:
		if (!again)
			op->num = busy_intid(r, s, op->vcpu, seq_one_in(r, 2));
		/* On vgic-v2 a third of the routes name several CPU interfaces. */
		if (s->vm.kind == SEQ_VM_V2 && s->vm.nr_vcpus > 1 && seq_one_in(late_rng(g), 3)) {
			op->code = SEQ_TARGETS;
			op->level = new_targets(late_rng(g), s);
			break;
		}
		op->a = new_target(r, s, op->num);
		/* A quarter of the time, an SPI held active, away from its vcpu. */
		if (seq_one_in(late_rng(g), 4) && held_active(late_rng(g), &s->vgic, true, op))
			op->a = (op->vcpu + 1 + seq_below(late_rng(g), s->vm.nr_vcpus - 1 ?: 1)) %
				s->vm.nr_vcpus;
		break;
	case SEQ_EOIMODE:
		op->level = !seq_one_in(r, 3);
		break;
	case SEQ_READ:
		if (!again)
			op->num = busy_intid(r, s, op->vcpu, false);
		/* A third of the time, what a vcpu holds active, on that vcpu. */
		if (seq_one_in(late_rng(g), 3))
			held_active(late_rng(g), &s->vgic, false, op);
		break;
	case SEQ_GROUP:
		group_op(r, s, op);
		break;
	case SEQ_DEV:
		timer_op(late_rng(g), s, op);
		break;
	case SEQ_PRIORITY:
		if (!again)
			op->num = pick_intid(r, s, op->vcpu, true);
		op->level = priorities[seq_below(r, SEQ_NR_PRIORITIES)];
		break;
	default:	/* spin: nothing to choose */
		break;
	}
}

/* The INTID op touches, or 0. */
static unsigned int touched(const struct seq_op *op)
{
	switch (op->code) {
	case SEQ_LINE:
		return op->a == ABI_IRQ_TYPE_CPU ? 0 : op->num;
	case SEQ_ENABLE:
	case SEQ_CONFIG:
	case SEQ_ROUTE:
	case SEQ_TARGETS:
	case SEQ_READ:
	case SEQ_PRIORITY:
		return op->num;
	default:
		return 0;
	}
}

/*
 * Several threads at once: a third of the lines go at once with the next
 * operation, and a line right after one comes from another thread.
 */
static void at_once(struct seq_gen *g, const struct seq_models *s, struct seq_op *op)
{
	struct seq_rng *r = &g->rng;

	if (op->code != SEQ_LINE)
		return;
	if (g->pairing && op->from == g->pair_from)
		op->from = op->from == SEQ_FROM_MAIN ? seq_below(r, s->vm.nr_vcpus) : SEQ_FROM_MAIN;
	op->with_next = !g->pairing && seq_one_in(r, 3);
}

void seq_op_generate(struct seq_gen *g, const struct seq_models *s, struct seq_op *op)
{
	struct seq_rng *r = &g->rng;
	unsigned int tries;

	for (tries = 0; tries < 1000; tries++) {
		memset(op, 0, sizeof(*op));
		op->vcpu = pick_vcpu(r, s);
		op->from = SEQ_FROM_MAIN;
		if (s->vm.kind == SEQ_VM_NOGIC)
			nogic_candidate(r, s, op);
		else
			vgic_candidate(g, s, op);
		at_once(g, s, op);
		if (seq_models_allows(s, op)) {
			g->last_intid = touched(op) ?: g->last_intid;
			g->pairing = op->with_next;
			g->pair_from = op->from;
			return;
		}
	}
	/* Every vcpu spinning and nothing else drawn: stop one. */
	memset(op, 0, sizeof(*op));
	op->code = SEQ_STOP;
	op->from = SEQ_FROM_MAIN;
	op->vcpu = pick_spinning(r, s, 0);
}
