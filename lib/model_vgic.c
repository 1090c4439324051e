// SPDX-License-Identifier: GPL-2.0
/*
 * The vgic model (lib/model_vgic.h says what it holds and from where).
 */
#include <stdio.h>
#include <string.h>

#include "abi.h"
#include "model_vgic.h"

const char *const vgic_transition_names[NR_VGIC_TRANSITIONS] = VGIC_TRANSITION_NAMES;
_Static_assert(NR_VGIC_TRANSITIONS <= MODEL_MAX_TRANSITIONS, "a counter per transition");

bool vgic_owned_by_kvm(unsigned int intid)
{
	return intid == 27 || intid == 30;
}

static bool is_ppi(const struct vgic_model *m, unsigned int k)
{
	return m->intid[k] < ABI_SPI_FIRST;
}

/* Interrupt k as vcpu v sees it: its own PPI, or the SPI. */
static struct vgic_irq *irq_of(struct vgic_model *m, unsigned int k, unsigned int v)
{
	return &m->irq[k][is_ppi(m, k) ? v : 0];
}

const struct vgic_irq *vgic_model_irq(const struct vgic_model *m, unsigned int k,
				      unsigned int v)
{
	return &m->irq[k][is_ppi(m, k) ? v : 0];
}

int vgic_model_index(const struct vgic_model *m, unsigned int intid)
{
	unsigned int k;

	for (k = 0; k < m->nr_intids; k++)
		if (m->intid[k] == intid)
			return k;
	return -1;
}

void vgic_model_init(struct vgic_model *m, const struct seq_vm *vm)
{
	unsigned int k, v;

	memset(m, 0, sizeof(*m));
	m->version = vm->kind == SEQ_VM_V2 ? 2 : 3;
	m->nr_vcpus = vm->nr_vcpus;
	m->nr_intids = vm->nr_intids;
	memcpy(m->intid, vm->intid, sizeof(m->intid));
	m->variants = vm->variants;
	for (v = 0; v < m->nr_vcpus; v++)
		m->timer_elsewhere[v] = vm->permuted && vm->id[v] != v &&
			m->variants.value[VARIANT_VCPU_LOOKUP] == VARIANT_VCPU_LOOKUP_PPI_ID_AS_INDEX;
	m->stats.names = vgic_transition_names;
	m->stats.nr = NR_VGIC_TRANSITIONS;
	for (k = 0; k < m->nr_intids; k++) {
		for (v = 0; v < IRQ_VM_MAX_VCPUS; v++) {
			struct vgic_irq *i = &m->irq[k][v];

			i->owned = is_ppi(m, k) && vgic_owned_by_kvm(m->intid[k]);
			i->edge = !is_ppi(m, k) && (vm->edge & (1u << k));
			i->targets = 1u << (is_ppi(m, k) ? v : vm->target[k]);
			i->priority = vm->priority[k];
		}
	}
}

static enum tri pending(const struct vgic_irq *i)
{
	return i->edge ? i->latch : i->line;
}

/*
 * Whether i may be signalled to a vcpu whose running priority is idle;
 * re-routed and waiting for its old target (a variant), maybe not yet.
 */
static enum tri deliverable(const struct vgic_irq *i)
{
	enum tri d = i->enabled && !i->active ? pending(i) : TRI_NO;

	return (i->holders || i->stranded) && d == TRI_YES ? TRI_EITHER : d;
}

/* What vcpu acknowledged last and has not EOId, or -1. */
static int last_held(const struct vgic_vcpu *c)
{
	return c->nr_held ? c->held[c->nr_held - 1] : -1;
}

static unsigned int last_held_intid(const struct vgic_model *m, const struct vgic_vcpu *c)
{
	int k = last_held(c);

	return k < 0 ? 0 : m->intid[k];
}

unsigned int vgic_model_running_priority(const struct vgic_model *m, unsigned int vcpu)
{
	int k = last_held(&m->v[vcpu]);

	return k < 0 ? GIC_IDLE_PRIORITY : vgic_model_irq(m, k, vcpu)->priority;
}

/*
 * Why i is not signalled to vcpu now whatever its own state (its group
 * disabled, G03; not above the running priority, G05), into *rule; or
 * NULL: it may be.
 */
static const char *held_back(const struct vgic_model *m, unsigned int vcpu,
			     const struct vgic_irq *i, enum rule *rule)
{
	*rule = RULE_GIC_ENABLE;
	if (m->dist_disabled)
		return "the distributor's group enable was clear";
	if (m->v[vcpu].group_disabled)
		return "its CPU interface's group enable was clear";
	*rule = RULE_GIC_PRIORITY;
	if (i->priority >= vgic_model_running_priority(m, vcpu))
		return "an interrupt of the same or a higher priority was acknowledged and not EOId";
	return NULL;
}

static void settle_pending(struct vgic_model *m, struct vgic_irq *i, bool b)
{
	enum tri *p = i->edge ? &i->latch : &i->line;

	if (*p == TRI_EITHER) {
		*p = tri_of(b);
		model_fire(&m->stats, VGIC_T_SETTLED);
	}
}

/* The line of i set to asserted (a KVM_IRQ_LINE the oracle accepted). */
static void apply_line(struct vgic_model *m, struct vgic_irq *i, enum tri asserted)
{
	const unsigned char *var = m->variants.value;

	if (i->owned) {
		model_fire(&m->stats, VGIC_T_OWNED_INJECTION);
		if (i->timer)
			model_fire(&m->stats, VGIC_T_OWNED_WHILE_FIRING);
		if (var[VARIANT_OWNED_PPI] != VARIANT_OWNED_PPI_IGNORED)
			i->line = tri_join(i->line, asserted);
		return;
	}
	if (!i->edge) {
		model_fire(&m->stats, asserted == TRI_NO ? VGIC_T_LEVEL_LOWER : VGIC_T_LEVEL_RAISE);
		i->line = asserted;
		return;
	}
	if (asserted == TRI_NO) {
		model_fire(&m->stats, VGIC_T_EDGE_FALL);
		i->line = TRI_NO;
		return;
	}
	if (i->active)
		model_fire(&m->stats, VGIC_T_EDGE_WHILE_ACTIVE);
	if (i->line == TRI_NO && asserted == TRI_YES) {
		model_fire(&m->stats, VGIC_T_EDGE_RISE);
		i->latch = TRI_YES;
	} else if (i->line == TRI_YES && var[VARIANT_EDGE_REASSERT] == VARIANT_EDGE_REASSERT_LATCHES) {
		model_fire(&m->stats, VGIC_T_EDGE_REASSERT);
		i->latch = TRI_YES;
	} else {
		/* Maybe an edge: the line may have been high, the level unknown. */
		model_fire(&m->stats, i->line == TRI_YES ? VGIC_T_EDGE_REASSERT : VGIC_T_EDGE_RISE);
		i->latch = tri_join(i->latch, TRI_YES);
	}
	i->line = tri_join(i->line, asserted);
	if (asserted == TRI_YES)
		i->line = TRI_YES;
}

int vgic_model_spinning_of(const struct vgic_model *m, unsigned int mask)
{
	unsigned int v;

	for (v = 0; v < m->nr_vcpus; v++)
		if (mask >> v & 1 && m->v[v].spinning)
			return v;
	return -1;
}

/* Interrupt k as vcpu v sees it has a target spinning. */
static bool spinning_target(const struct vgic_model *m, unsigned int k, unsigned int v)
{
	return vgic_model_spinning_of(m, vgic_model_irq(m, k, v)->targets) >= 0;
}

/*
 * A 1-N SPI routed to vcpu has another target spinning: what vcpu takes
 * would change what that window explores, so vcpu takes nothing now.
 */
static bool shares_with_spinning(const struct vgic_model *m, unsigned int vcpu)
{
	unsigned int k;

	for (k = 0; k < m->nr_intids; k++) {
		const struct vgic_irq *i = vgic_model_irq(m, k, vcpu);

		if (vgic_shared(i) && vgic_routed_to(i, vcpu) &&
		    vgic_model_spinning_of(m, i->targets & ~(1u << vcpu)) >= 0)
			return true;
	}
	return false;
}

/* Whether a route of SPI i to the vcpus of targets may run now. */
static bool may_route(const struct vgic_model *m, const struct vgic_irq *i, unsigned int targets)
{
	/* Active, it stays with the vcpu that acknowledged it (IHI 0048B 4.3.12). */
	return vgic_model_spinning_of(m, i->targets | targets) < 0 &&
	       !(i->active && m->v[i->acked_by].spinning);
}

void vgic_model_line(struct vgic_model *m, unsigned int type, unsigned int vcpu,
		     unsigned int intid, uint32_t level)
{
	int k = vgic_model_index(m, intid);
	struct vgic_irq *i;
	struct vgic_vcpu *t;
	int spinning;

	if (k < 0)
		return;
	i = irq_of(m, k, type == ABI_IRQ_TYPE_PPI ? vcpu : 0);
	/* A new edge, a level rising: KVM queues it again. */
	if (seq_level_asserts(&m->variants, level) == TRI_YES && !m->dist_disabled &&
	    (i->edge || i->line == TRI_NO))
		i->stranded = false;
	apply_line(m, i, seq_level_asserts(&m->variants, level));
	if (!i->enabled && pending(i) == TRI_YES)
		model_fire(&m->stats, VGIC_T_PENDING_WHILE_DISABLED);
	if (pending(i) != TRI_YES)
		i->passed = 0;
	/* At most one target of a 1-N SPI spins (vgic_model_allows). */
	spinning = vgic_model_spinning_of(m, i->targets);
	if (spinning < 0)
		return;
	t = &m->v[spinning];
	if (t->steps[k] < VGIC_WINDOW_STEPS) {
		t->steps[k]++;
		t->hist[k][t->steps[k]] = seq_level_asserts(&m->variants, level);
	}
}

void vgic_model_timer(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		      bool firing)
{
	int k = vgic_model_index(m, intid);
	struct vgic_irq *i;

	if (k < 0 || !is_ppi(m, k))
		return;
	i = irq_of(m, k, vcpu);
	/* kvm_timer_update_irq injects only a change of the timer's own level. */
	if (i->timer == firing)
		return;
	i->timer = firing;
	i->line = tri_of(firing);
	i->passed = 0;
	if (firing)
		i->stranded = false;
	model_fire(&m->stats, firing ? VGIC_T_TIMER_FIRES : VGIC_T_TIMER_STOPS);
	if (firing && !i->enabled)
		model_fire(&m->stats, VGIC_T_PENDING_WHILE_DISABLED);
}

bool vgic_model_allows(const struct vgic_model *m, const struct seq_op *op)
{
	const struct vgic_vcpu *c = &m->v[op->vcpu];
	int k = vgic_model_index(m, op->num);
	const struct vgic_irq *i;

	if (op->vcpu >= m->nr_vcpus)
		return false;
	if (op->code == SEQ_LINE)
		return op->a != ABI_IRQ_TYPE_CPU;
	if (op->code == SEQ_STOP)
		return c->spinning;
	if (!seq_is_guest_op(op) || c->spinning)
		return false;
	switch (op->code) {
	case SEQ_WINDOW:
	case SEQ_SPIN:
	case SEQ_SLEEP:
	case SEQ_ACK:
		return !shares_with_spinning(m, op->vcpu);
	case SEQ_DEV:
		/* A timer fires now or stops (not armed ahead: when it fires is timing). */
		return vgic_timer_ppi(op->a) && vgic_model_index(m, vgic_timer_ppi(op->a)) >= 0 &&
		       !m->timer_elsewhere[op->vcpu] &&
		       (op->level == SEQ_DEV_RAISE || op->level == SEQ_DEV_LOWER);
	case SEQ_DIR:
		/*
		 * Not what a spinning target's window explores: only its
		 * line's steps are (an SPI deactivated by the vcpu that left it
		 * active becomes deliverable to the one it was re-routed to).
		 */
		return !c->nr_dropped || !spinning_target(m, c->dropped[0], op->vcpu);
	case SEQ_EOI:
		if (last_held(c) >= 0 && spinning_target(m, last_held(c), op->vcpu) &&
		    (!c->eoi_split || c->nr_dropped >= VGIC_MAX_DROPPED))
			return false;	/* it deactivates: as DIR */
		return !c->nr_held || !c->eoi_split || c->nr_dropped < VGIC_MAX_DROPPED;
	case SEQ_EOIMODE:
		return !c->nr_held && !c->nr_dropped;
	case SEQ_GROUP:
		/* The distributor's: what no spinning vcpu's window explores. */
		if (op->a == SEQ_GROUP_CPU)
			return true;
		for (k = 0; k < (int)m->nr_vcpus; k++)
			if (m->v[k].spinning)
				return false;
		return true;
	case SEQ_PRIORITY:
		/* Disabled and inactive: where a change of priority is defined. */
		if (k < 0)
			return false;
		i = vgic_model_irq(m, k, op->vcpu);
		return !i->enabled && !i->active && !i->holders &&
		       !spinning_target(m, k, op->vcpu);
	case SEQ_READ:
		/* Reading settles what a spinning target's window still explores. */
		return k >= 0 && !spinning_target(m, k, op->vcpu);
	case SEQ_ENABLE:
		/* Not under a spinning target's handler, which disables what it takes. */
		return k >= 0 && !spinning_target(m, k, op->vcpu);
	case SEQ_CONFIG:
		if (k < 0 || is_ppi(m, k))
			return false;
		i = vgic_model_irq(m, k, 0);
		return !i->enabled && !i->active && i->latch == TRI_NO &&
		       i->line == TRI_NO && !spinning_target(m, k, 0);
	case SEQ_ROUTE:
		if (k < 0 || is_ppi(m, k) || op->a >= m->nr_vcpus)
			return false;
		return may_route(m, vgic_model_irq(m, k, 0), 1u << op->a);
	case SEQ_TARGETS:
		/* vgic-v2's 1-N: several CPU interfaces of the VM's. */
		if (k < 0 || is_ppi(m, k) || m->version != 2 || op->level >> m->nr_vcpus ||
		    !vgic_several(op->level))
			return false;
		return may_route(m, vgic_model_irq(m, k, 0), op->level);
	default:
		return false;
	}
}

void vgic_model_enable(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		       bool on)
{
	int k = vgic_model_index(m, intid);
	struct vgic_irq *i;

	if (k < 0)
		return;
	i = irq_of(m, k, vcpu);
	model_fire(&m->stats, on ? VGIC_T_ENABLE : VGIC_T_DISABLE);
	if (on && !i->enabled)
		i->pending_at_enable = pending(i) != TRI_NO;
	i->passed = 0;
	/* Its ISENABLER bit written: KVM queues it again. */
	if (on && !m->dist_disabled)
		i->stranded = false;
	i->enabled = on;
}

void vgic_model_config(struct vgic_model *m, unsigned int intid, bool edge)
{
	int k = vgic_model_index(m, intid);

	if (k < 0)
		return;
	irq_of(m, k, 0)->edge = edge;
	irq_of(m, k, 0)->passed = 0;
	model_fire(&m->stats, edge ? VGIC_T_CONFIG_EDGE : VGIC_T_CONFIG_LEVEL);
}

/* "vcpu 2" or "vcpus 0x3", of a set of vcpus. */
static const char *vcpus_words(unsigned int mask, char *buf, size_t len)
{
	if (mask && !vgic_several(mask))
		snprintf(buf, len, "vcpu %d", __builtin_ctz(mask));
	else
		snprintf(buf, len, "vcpus 0x%x", mask);
	return buf;
}

bool vgic_model_route(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		      unsigned int targets, unsigned int read_back, struct model_judge *j)
{
	int k = vgic_model_index(m, intid);
	bool waits = m->variants.value[VARIANT_REROUTE_PENDING] ==
		     VARIANT_REROUTE_PENDING_WAITS_FOR_OLD_TARGET;
	char wrote[24], read[24];
	struct vgic_irq *i;

	if (k < 0)
		return true;
	i = irq_of(m, k, 0);
	model_fire(&m->stats, pending(i) != TRI_NO ? VGIC_T_ROUTE_PENDING : VGIC_T_ROUTE);
	if (vgic_several(targets))
		model_fire(&m->stats, VGIC_T_ROUTE_SHARED);
	/*
	 * A vcpu that may hold it writes the routing register itself: that
	 * write's own exit hands it on, before the write takes effect, to a
	 * target it had until then (vgic_prune_ap_list runs before the exit
	 * is handled).  Pending (enabled then or later), an old target's list
	 * may hold it: the new targets may not get it until that one ran.
	 */
	if (waits) {
		if (i->holders & (1u << vcpu))
			i->holders = (i->holders & ~(1u << vcpu)) | i->targets;
		if (targets != i->targets && pending(i) != TRI_NO) {
			if (!i->holders)
				model_fire(&m->stats, VGIC_T_STRANDED);
			i->holders |= i->targets;
		}
		i->holders &= ~targets;
	}
	i->targets = targets;
	i->passed = 0;
	return model_check(j, RULE_GIC_ROUTING, read_back == targets,
			   "vcpu %u routed SPI %u to %s and read back %s", vcpu, intid,
			   vcpus_words(targets, wrote, sizeof(wrote)),
			   vcpus_words(read_back, read, sizeof(read)));
}

void vgic_model_ran(struct vgic_model *m, unsigned int vcpu)
{
	unsigned int k;

	for (k = 0; k < m->nr_intids; k++) {
		struct vgic_irq *i = irq_of(m, k, 0);

		if (is_ppi(m, k) || !(i->holders & (1u << vcpu)))
			continue;
		i->holders &= ~(1u << vcpu);
		if (!i->holders)
			model_fire(&m->stats, VGIC_T_UNSTRANDED);
	}
}

/* dist-enable:strands-pending: what is pending as the distributor is enabled again. */
static void strand_pending(struct vgic_model *m)
{
	unsigned int k, v;

	for (k = 0; k < m->nr_intids; k++)
		for (v = 0; v < (is_ppi(m, k) ? m->nr_vcpus : 1); v++)
			if (pending(&m->irq[k][v]) != TRI_NO && !m->irq[k][v].active) {
				m->irq[k][v].stranded = true;
				model_fire(&m->stats, VGIC_T_DIST_STRANDED);
			}
}

/*
 * A group enable changed: the GIC may choose a 1-N SPI's target afresh,
 * so no window before counts against it.
 */
static void forget_passes(struct vgic_model *m)
{
	unsigned int k;

	for (k = 0; k < m->nr_intids; k++)
		m->irq[k][0].passed = 0;
}

bool vgic_model_group(struct vgic_model *m, unsigned int vcpu, unsigned int which, bool on,
		      unsigned int read_back, struct model_judge *j)
{
	if (which == SEQ_GROUP_DIST && on && m->dist_disabled &&
	    m->variants.value[VARIANT_DIST_ENABLE] == VARIANT_DIST_ENABLE_STRANDS_PENDING)
		strand_pending(m);
	if (which == SEQ_GROUP_DIST)
		m->dist_disabled = !on;
	else
		m->v[vcpu].group_disabled = !on;
	model_fire(&m->stats, on ? VGIC_T_GROUP_ENABLE : VGIC_T_GROUP_DISABLE);
	forget_passes(m);
	return model_check(j, RULE_GIC_STATE, read_back == on,
			   "vcpu %u %s %s's group enable and read back %s", vcpu,
			   on ? "set" : "cleared",
			   which == SEQ_GROUP_DIST ? "the distributor (GICD_CTLR)" : "its CPU interface",
			   read_back == 2 ? "some of its bits" : read_back ? "set" : "clear");
}

void vgic_model_eoimode(struct vgic_model *m, unsigned int vcpu, bool split)
{
	m->v[vcpu].eoi_split = split;
	model_fire(&m->stats, VGIC_T_EOIMODE);
}

/* Priority drop of k on vcpu: deactivated, or (EOImode 1) left for DIR. */
static void drop(struct vgic_model *m, unsigned int vcpu, unsigned int k, bool leave)
{
	struct vgic_vcpu *c = &m->v[vcpu];
	struct vgic_irq *i = irq_of(m, k, vcpu);

	if (leave && c->nr_dropped < VGIC_MAX_DROPPED) {
		i->dropped = true;
		c->dropped[c->nr_dropped++] = k;
		model_fire(&m->stats, VGIC_T_EOI_DROP);
		return;
	}
	i->active = false;
	model_fire(&m->stats, VGIC_T_EOI_DEACTIVATE);
}

bool vgic_model_priority(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
			 unsigned int priority, unsigned int read_back, struct model_judge *j)
{
	int k = vgic_model_index(m, intid);

	if (k < 0)
		return true;
	irq_of(m, k, vcpu)->priority = priority;
	irq_of(m, k, vcpu)->passed = 0;
	model_fire(&m->stats, VGIC_T_PRIORITY);
	return model_check(j, RULE_GIC_STATE, read_back == priority,
			   "vcpu %u wrote INTID %u's priority 0x%02x and read back 0x%02x",
			   vcpu, intid, priority, read_back);
}

void vgic_model_eoi(struct vgic_model *m, unsigned int vcpu)
{
	struct vgic_vcpu *c = &m->v[vcpu];

	if (!c->nr_held)
		return;
	c->nr_held--;
	drop(m, vcpu, c->held[c->nr_held], c->eoi_split);
}

void vgic_model_dir(struct vgic_model *m, unsigned int vcpu)
{
	struct vgic_vcpu *c = &m->v[vcpu];
	struct vgic_irq *i;

	if (!c->nr_dropped)
		return;
	i = irq_of(m, c->dropped[0], vcpu);
	i->active = false;
	i->dropped = false;
	memmove(c->dropped, c->dropped + 1, --c->nr_dropped * sizeof(c->dropped[0]));
	model_fire(&m->stats, VGIC_T_DIR);
}

/* i acknowledged by vcpu: active; an edge's latch consumed. */
static void activate(struct vgic_model *m, struct vgic_irq *i, unsigned int vcpu)
{
	i->active = true;
	i->acked_by = vcpu;
	i->stranded = false;
	i->passed = 0;
	if (vgic_shared(i))
		model_fire(&m->stats, VGIC_T_SHARED_TAKEN);
	if (i->edge)
		i->latch = TRI_NO;
	else if (i->line == TRI_YES)
		model_fire(&m->stats, VGIC_T_ACTIVE_AND_PENDING);
	model_fire(&m->stats, i->taken++ ? VGIC_T_RETAKEN : VGIC_T_TAKEN);
	if (i->pending_at_enable)
		model_fire(&m->stats, VGIC_T_TAKEN_AFTER_ENABLE);
	i->pending_at_enable = false;
}

/* The rule an acknowledge of i breaks, i not deliverable. */
static enum rule not_deliverable_rule(const struct vgic_irq *i)
{
	if (!i->enabled)
		return RULE_GIC_ENABLE;
	if (i->active && i->dropped)
		return RULE_GIC_EOIMODE;
	return i->edge ? RULE_GIC_EDGE : RULE_GIC_LEVEL;
}

static const char *state_words(const struct vgic_irq *i, char *buf, size_t len)
{
	snprintf(buf, len, "%s, %s%s, line %s%s%s", i->edge ? "edge" : "level",
		 i->enabled ? "enabled" : "disabled",
		 i->active ? (i->dropped ? ", active (EOId, not deactivated)" : ", active") : "",
		 tri_name(i->line), i->edge ? ", latch " : "", i->edge ? tri_name(i->latch) : "");
	return buf;
}

/*
 * An INTID vcpu acknowledged, into its interrupt: -1 with a mismatch if
 * it is none of the VM's, or an SPI routed elsewhere.
 */
static int taken_index(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		       struct model_judge *j)
{
	int k = vgic_model_index(m, intid);
	char words[24];

	if (!model_check(j, RULE_GIC_ACK, k >= 0,
			 "vcpu %u acknowledged INTID %u, which nothing made pending", vcpu, intid))
		return -1;
	if (!model_check(j, RULE_GIC_ROUTING, vgic_routed_to(irq_of(m, k, vcpu), vcpu),
			 "vcpu %u acknowledged SPI %u, which the guest routed to %s",
			 vcpu, intid, vcpus_words(irq_of(m, k, vcpu)->targets, words, sizeof(words))))
		return -1;
	return k;
}

bool vgic_model_ack(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		    struct model_judge *j)
{
	struct vgic_vcpu *c = &m->v[vcpu];
	struct vgic_irq *i;
	const char *why;
	char words[96];
	enum rule rule;
	int k;

	if (intid == VGIC_SPURIOUS) {
		model_fire(&m->stats, c->nr_held ? VGIC_T_ACK_WHILE_HELD : VGIC_T_ACK_SPURIOUS);
		return model_check(j, RULE_GIC_ACK, true, "-");
	}
	k = taken_index(m, vcpu, intid, j);
	if (k < 0)
		return false;
	i = irq_of(m, k, vcpu);
	why = held_back(m, vcpu, i, &rule);
	if (!model_check(j, rule, !why,
			 "vcpu %u acknowledged INTID %u (priority 0x%02x) while %s (held: INTID %u, running priority 0x%02x)",
			 vcpu, intid, i->priority, why, last_held_intid(m, c),
			 vgic_model_running_priority(m, vcpu)))
		return false;
	if (!model_check(j, not_deliverable_rule(i), deliverable(i) != TRI_NO,
			 "vcpu %u acknowledged INTID %u, which was not pending for it (%s)",
			 vcpu, intid, state_words(i, words, sizeof(words))))
		return false;
	settle_pending(m, i, true);
	activate(m, i, vcpu);
	if (c->nr_held)
		model_fire(&m->stats, VGIC_T_PREEMPT);
	c->held[c->nr_held++] = k;
	model_fire(&m->stats, VGIC_T_ACK);
	return true;
}

bool vgic_model_read(struct vgic_model *m, unsigned int vcpu, unsigned int intid,
		     bool enabled, bool pend, bool active, struct model_judge *j)
{
	int k = vgic_model_index(m, intid);
	struct vgic_irq *i;
	char words[96];

	if (k < 0)
		return true;
	i = irq_of(m, k, vcpu);
	model_fire(&m->stats, VGIC_T_READ);
	if (!model_check(j, RULE_GIC_STATE,
			 enabled == i->enabled && active == i->active && tri_may(pending(i), pend),
			 "vcpu %u reads INTID %u enabled %d pending %d active %d; the model: %s",
			 vcpu, intid, enabled, pend, active, state_words(i, words, sizeof(words))))
		return false;
	settle_pending(m, i, pend);
	return true;
}

void vgic_model_spin(struct vgic_model *m, unsigned int vcpu)
{
	struct vgic_vcpu *c = &m->v[vcpu];
	unsigned int k;

	c->spinning = true;
	for (k = 0; k < m->nr_intids; k++) {
		c->start[k] = *irq_of(m, k, vcpu);
		c->steps[k] = 0;
		c->hist[k][0] = c->start[k].line;
	}
}

unsigned int vgic_model_must_have_taken(const struct vgic_model *m, unsigned int vcpu,
					unsigned int *intids)
{
	const struct vgic_irq *i;
	unsigned int k, n = 0;
	enum rule rule;

	for (k = 0; k < m->nr_intids; k++) {
		i = vgic_model_irq(m, k, vcpu);
		/*
		 * Its group disabled or not above its running priority: not
		 * signalled; 1-N: maybe signalled to another target.
		 */
		if (vgic_routed_to(i, vcpu) && !vgic_shared(i) && deliverable(i) == TRI_YES &&
		    !held_back(m, vcpu, i, &rule))
			intids[n++] = m->intid[k];
	}
	return n;
}

/*
 * One interrupt of a window: every way its takes (leave[n]: the n-th
 * left active, EOImode 1) fit between its line's steps.  A take needs it
 * deliverable; not taking it when the window starts or ends, while it is
 * deliverable, is not allowed (the vcpu drains what is pending then).
 * The states it may end in are joined into *out; false if there is none.
 */
struct explore {
	struct vgic_model *m;
	unsigned int vcpu;
	const enum tri *hist;
	unsigned int steps;
	const bool *leave;
	unsigned int nr_takes;
	bool held_back;			/* its group disabled, or not above the running priority */
	bool shared;			/* 1-N: another target may take it instead */
	bool found;
	struct vgic_irq out;
};

static void join_state(struct explore *e, const struct vgic_irq *s)
{
	if (!e->found) {
		e->out = *s;
		e->found = true;
		return;
	}
	e->out.line = tri_join(e->out.line, s->line);
	e->out.latch = tri_join(e->out.latch, s->latch);
}

static void explore(struct explore *e, struct vgic_irq s, unsigned int step,
		    unsigned int took)
{
	bool edge_of_window = step == 0 || step == e->steps;
	enum tri d = e->held_back ? TRI_NO : deliverable(&s);
	struct vgic_irq t;

	if (took < e->nr_takes && d != TRI_NO) {
		/* Acknowledged (an edge's latch consumed), disabled, EOId. */
		t = s;
		if (t.edge)
			t.latch = TRI_NO;
		else
			t.line = TRI_YES;
		t.enabled = false;
		t.stranded = false;
		t.active = e->leave[took];
		t.dropped = e->leave[took];
		explore(e, t, step, took + 1);
	}
	if (edge_of_window && d == TRI_YES && !e->shared)
		return;
	/* Not taken: it was not pending (unless it may be waiting elsewhere). */
	if (edge_of_window && d == TRI_EITHER && !s.holders && !s.stranded && !e->shared) {
		if (s.edge)
			s.latch = TRI_NO;
		else
			s.line = TRI_NO;
	}
	if (step == e->steps) {
		if (took == e->nr_takes)
			join_state(e, &s);
		return;
	}
	apply_line(e->m, &s, e->hist[step + 1]);
	explore(e, s, step + 1, took);
}

/* What of w the handler left active, in the order of its takes (EOImode 1). */
static void leave_flags(const struct vgic_model *m, unsigned int vcpu,
			const struct vgic_window *w, bool *leave)
{
	unsigned int n, dropped = m->v[vcpu].nr_dropped;

	for (n = 0; n < w->nr_taken; n++) {
		leave[n] = m->v[vcpu].eoi_split && dropped < VGIC_MAX_DROPPED;
		dropped += leave[n];
	}
}

/* The rule a window's count of k breaks, and how. */
static bool judge_takes(struct vgic_model *m, unsigned int vcpu, unsigned int k,
			const bool *leave, unsigned int takes, struct model_judge *j)
{
	struct vgic_vcpu *c = &m->v[vcpu];
	struct vgic_irq *i = irq_of(m, k, vcpu);
	const struct vgic_irq *from = c->spinning ? &c->start[k] : i;
	enum rule rule;
	const char *why = held_back(m, vcpu, i, &rule);
	struct explore e = {
		.m = m, .vcpu = vcpu, .hist = c->hist[k],
		.steps = c->spinning ? c->steps[k] : 0, .leave = leave, .nr_takes = takes,
		.held_back = why != NULL, .shared = vgic_shared(i),
	};
	struct model_stats saved = m->stats;
	unsigned int fewer;
	char words[96];

	/* Exploring fires nothing: only what the window settles on counts. */
	m->stats.nr = 0;
	explore(&e, *from, 0, 0);
	for (fewer = 0; !e.found && fewer < takes; fewer++) {
		struct explore f = e;

		f.nr_takes = fewer;
		explore(&f, *from, 0, 0);
		if (f.found)
			break;
	}
	m->stats = saved;
	if (e.found) {
		/* What this interrupt's window checked, each rule once. */
		model_check(j, from->edge ? RULE_GIC_EDGE : RULE_GIC_LEVEL, true, "-");
		if (!from->enabled)
			model_check(j, RULE_GIC_ENABLE, true, "-");
		if (c->eoi_split || from->dropped)
			model_check(j, RULE_GIC_EOIMODE, true, "-");
		if (c->nr_held)
			model_check(j, RULE_GIC_PRIORITY, true, "-");
		if (m->dist_disabled || c->group_disabled)
			model_check(j, RULE_GIC_ENABLE, true, "-");
		if (takes && c->nr_held)
			model_fire(&m->stats, VGIC_T_PREEMPT);
		if (e.steps && i->line != e.out.line)
			model_fire(&m->stats, VGIC_T_PULSE_IN_SPIN);
		if ((i->edge ? i->latch : i->line) == TRI_EITHER &&
		    (e.out.edge ? e.out.latch : e.out.line) != TRI_EITHER)
			model_fire(&m->stats, VGIC_T_SETTLED);
		e.out.taken = i->taken;
		e.out.pending_at_enable = i->pending_at_enable;
		if (takes) {
			struct vgic_irq tmp = *i;

			activate(m, &tmp, vcpu);
			e.out.taken = tmp.taken + takes - 1;
			e.out.acked_by = vcpu;
			e.out.pending_at_enable = false;
		}
		*i = e.out;
		return true;
	}
	state_words(from, words, sizeof(words));
	if (why && takes)
		return model_check(j, rule, false,
				   "vcpu %u took INTID %u (priority 0x%02x) in a window while %s (held: INTID %u, running priority 0x%02x)",
				   vcpu, m->intid[k], i->priority, why, last_held_intid(m, c),
				   vgic_model_running_priority(m, vcpu));
	if (fewer < takes)	/* taken more often than it can have been */
		return model_check(j, takes > 1 && !i->edge ? RULE_GIC_LEVEL :
				   not_deliverable_rule(from), false,
				   "vcpu %u took INTID %u %u times in a window, the model allows %u (it was %s)",
				   vcpu, m->intid[k], takes, fewer, words);
	return model_check(j, RULE_VGIC_DELIVERY, false,
			   "vcpu %u took INTID %u %u times in a window: pending, enabled and inactive for it, it must be taken (it was %s)",
			   vcpu, m->intid[k], takes, words);
}

/* Whether another vcpu has something deliverable, for the transitions. */
static bool other_vcpu_pending(const struct vgic_model *m, unsigned int vcpu)
{
	unsigned int k, v;

	for (v = 0; v < m->nr_vcpus; v++)
		for (k = 0; v != vcpu && k < m->nr_intids; k++)
			if (vgic_routed_to(vgic_model_irq(m, k, v), v) &&
			    deliverable(vgic_model_irq(m, k, v)) == TRI_YES)
				return true;
	return false;
}

/* An interrupt routed to vcpu waits for its old target: the drain may not empty. */
static bool stranded_for(const struct vgic_model *m, unsigned int vcpu)
{
	unsigned int k;

	for (k = 0; k < m->nr_intids; k++)
		if ((vgic_model_irq(m, k, vcpu)->holders || vgic_model_irq(m, k, vcpu)->stranded) &&
		    vgic_routed_to(vgic_model_irq(m, k, vcpu), vcpu))
			return true;
	return false;
}

/*
 * A window of vcpu left 1-N SPI k untaken: pending for it, it may have
 * gone to another target, but not when every target has left it so since
 * it last changed (the GIC chose one of them, which took it in its window).
 */
static bool judge_passed(struct vgic_model *m, unsigned int vcpu, unsigned int k,
			 struct model_judge *j)
{
	struct vgic_irq *i = irq_of(m, k, vcpu);
	char words[24];
	enum rule rule;

	if (deliverable(i) != TRI_YES || held_back(m, vcpu, i, &rule))
		return true;
	i->passed |= 1u << vcpu;
	model_fire(&m->stats, VGIC_T_SHARED_PASSED);
	return model_check(j, RULE_GIC_ROUTING, (i->passed & i->targets) != i->targets,
			   "SPI %u, routed to %s, was pending, enabled and inactive for each in a window of each and none took it",
			   m->intid[k], vcpus_words(i->targets, words, sizeof(words)));
}

bool vgic_model_window(struct vgic_model *m, unsigned int vcpu,
		       const struct vgic_window *w, struct model_judge *j)
{
	struct vgic_vcpu *c = &m->v[vcpu];
	unsigned int count[SEQ_MAX_INTIDS] = { 0 };
	bool leave[VGIC_MAX_TAKEN], all_leave[VGIC_MAX_TAKEN];
	unsigned int n, k;
	bool ok;
	int idx;

	if (other_vcpu_pending(m, vcpu))
		model_fire(&m->stats, VGIC_T_OTHER_VCPU_PENDING);
	ok = model_check(j, RULE_GIC_ACK, c->spinning || !w->spurious,
			 "vcpu %u: %u acknowledges read 1023 in its handler, nothing having been withdrawn",
			 vcpu, w->spurious);
	ok = model_check(j, RULE_VGIC_DELIVERY, !w->stuck || stranded_for(m, vcpu),
			 "vcpu %u: its window never emptied: INTID %u, enabled, pending and inactive for it, was not delivered",
			 vcpu, w->stuck) && ok;
	leave_flags(m, vcpu, w, all_leave);
	for (n = 0; ok && n < w->nr_taken; n++) {
		idx = taken_index(m, vcpu, w->taken[n], j);
		if (idx < 0)
			ok = false;
		else
			count[idx]++;
	}
	for (k = 0; ok && k < m->nr_intids; k++) {
		unsigned int t = 0;

		if (!vgic_routed_to(irq_of(m, k, vcpu), vcpu))
			continue;
		for (n = 0; n < w->nr_taken; n++)
			if (w->taken[n] == m->intid[k])
				leave[t++] = all_leave[n];
		ok = judge_takes(m, vcpu, k, leave, count[k], j);
		if (ok && !count[k] && vgic_shared(irq_of(m, k, vcpu)))
			ok = judge_passed(m, vcpu, k, j);
	}
	if (ok && w->nr_taken > 1)
		model_fire(&m->stats, VGIC_T_TWO_TAKEN);
	/* What the handler left active, in the order it took them. */
	for (n = 0; ok && n < w->nr_taken; n++) {
		if (all_leave[n]) {
			c->dropped[c->nr_dropped++] = vgic_model_index(m, w->taken[n]);
			model_fire(&m->stats, VGIC_T_EOI_DROP);
		} else {
			model_fire(&m->stats, VGIC_T_EOI_DEACTIVATE);
		}
	}
	c->spinning = false;
	return ok;
}

uint64_t vgic_model_hash(const struct vgic_model *m)
{
	uint64_t h = MODEL_HASH_INIT;
	unsigned int k, v;

	for (k = 0; k < m->nr_intids; k++)
		for (v = 0; v < (is_ppi(m, k) ? m->nr_vcpus : 1); v++) {
			const struct vgic_irq *i = &m->irq[k][v];
			unsigned char s[9] = {
				i->enabled, i->edge, i->active, i->dropped,
				i->line, i->latch, i->acked_by, i->priority, i->timer,
			};
			uint16_t sets[3] = { i->holders | i->stranded << 15, i->targets, i->passed };

			h = model_hash(h, sets, sizeof(sets));

			h = model_hash(h, s, sizeof(s));
		}
	for (v = 0; v < m->nr_vcpus; v++) {
		const struct vgic_vcpu *c = &m->v[v];
		signed char s[3 + VGIC_MAX_HELD] = { c->eoi_split, c->group_disabled, m->dist_disabled };
		unsigned int n;

		for (n = 0; n < VGIC_MAX_HELD; n++)
			s[3 + n] = n < c->nr_held ? c->held[n] : -1;
		h = model_hash(h, s, sizeof(s));
	}
	return h;
}
