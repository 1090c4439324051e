// SPDX-License-Identifier: GPL-2.0
/*
 * The KVM_CAP_ARM_USER_IRQ model.  3fe17e682616: "on every return to
 * userspace, the kernel updates the vcpu's run->s.regs.device_irq_level
 * field to represent the actual output level of the device"; "Whenever
 * kvm detects a change in the device output level, kvm guarantees at
 * least one return to userspace before running the VM"; api.rst's
 * immediate_exit.  Which bits a version defines, and the rules' wording,
 * are lib/user_irq_oracle.c's.
 */
#include <errno.h>
#include <string.h>

#include "model_user_irq.h"
#include "user_irq_oracle.h"

/* <linux/kvm.h>'s, which this file does not include: it builds natively. */
#define EXIT_INTR	10	/* KVM_EXIT_INTR */

const char *const ui_transition_names[NR_UI_TRANSITIONS] = UI_TRANSITION_NAMES;

void ui_model_init(struct ui_model *m, unsigned int nr_vcpus, int version,
		   const struct variants *variants)
{
	memset(m, 0, sizeof(*m));
	m->nr_vcpus = nr_vcpus;
	m->version = version;
	m->variants = *variants;
	m->stats.names = ui_transition_names;
	m->stats.nr = NR_UI_TRANSITIONS;
}

/* Whether bit b of the field may be what dev's level is. */
static bool bit_fits(enum tri level, uint64_t field, enum user_irq_dev dev)
{
	return tri_may(level, field & user_irq_dev_bit(dev));
}

/* The field disagrees with a device whose level is known. */
static bool disagrees(const struct ui_vcpu *c, uint64_t field)
{
	unsigned int d;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		if (c->level[d] != TRI_EITHER && !bit_fits(c->level[d], field, d))
			return true;
	return false;
}

/* A level may change during the next KVM_RUN: an armed timer, a change under way. */
static bool may_change(const struct ui_vcpu *c)
{
	unsigned int d;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		if (c->changing[d] || (c->armed[d] && c->level[d] == TRI_EITHER))
			return true;
	return false;
}

void ui_model_field(struct ui_model *m, unsigned int vcpu, uint64_t field)
{
	struct ui_vcpu *c = &m->v[vcpu];

	model_fire(&m->stats, UI_T_FIELD_WRITTEN);
	if (field & ~user_irq_defined_bits(m->version))
		model_fire(&m->stats, UI_T_FIELD_UNDEFINED_BITS);
	c->field = field;
	c->written = true;
}

void ui_model_entry(struct ui_model *m, unsigned int vcpu)
{
	struct ui_vcpu *c = &m->v[vcpu];

	c->field_at_entry = c->field;
	c->must_exit = disagrees(c, c->field);
	c->changed = may_change(c);
}

void ui_model_spin_begin(struct ui_model *m, unsigned int vcpu)
{
	m->v[vcpu].spinning = true;
}

void ui_model_dev_begin(struct ui_model *m, unsigned int vcpu, enum user_irq_dev dev,
			enum seq_dev_action action)
{
	struct ui_vcpu *c = &m->v[vcpu];
	enum tri now = action == SEQ_DEV_ARM ? TRI_EITHER : tri_of(action == SEQ_DEV_RAISE);

	c->level[dev] = tri_join(c->level[dev], now);
	c->changing[dev] = true;
	c->changed = true;
}

void ui_model_dev(struct ui_model *m, unsigned int vcpu, enum user_irq_dev dev,
		  enum seq_dev_action action)
{
	static const unsigned int rise[] = { UI_T_VTIMER_RISE, UI_T_PTIMER_RISE, UI_T_PMU_RISE };
	struct ui_vcpu *c = &m->v[vcpu];
	unsigned int d, high = 0;

	c->armed[dev] = action == SEQ_DEV_ARM;
	c->changing[dev] = false;
	c->level[dev] = action == SEQ_DEV_ARM ? TRI_EITHER : tri_of(action == SEQ_DEV_RAISE);
	c->changed = true;
	if (action == SEQ_DEV_ARM)
		model_fire(&m->stats, UI_T_ARMED);
	else
		model_fire(&m->stats, rise[dev] + (action == SEQ_DEV_LOWER));
	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		high += c->level[d] == TRI_YES;
	if (high >= 2)
		model_fire(&m->stats, high == 3 ? UI_T_THREE_HIGH : UI_T_TWO_HIGH);
}

/* An armed timer seen high: it fired (counted; its level stays open). */
static void seen_armed(struct ui_model *m, const struct ui_vcpu *c, uint64_t levels)
{
	unsigned int d;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		if (c->armed[d] && c->level[d] == TRI_EITHER && (levels & user_irq_dev_bit(d)))
			model_fire(&m->stats, UI_T_ARMED_FIRED);
}

/* U01 and U02: the field after a return, against the levels. */
static bool judge_bits(struct ui_model *m, unsigned int vcpu, uint64_t field,
		       struct model_judge *j)
{
	struct ui_vcpu *c = &m->v[vcpu];
	uint64_t defined = user_irq_defined_bits(m->version);
	uint64_t set = field & ~c->field_at_entry & ~defined;
	unsigned int d;
	bool ok = true;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		ok = model_check(j, RULE_USER_IRQ_LEVEL, bit_fits(c->level[d], field, d),
				 "vcpu %u: device_irq_level 0x%llx after KVM_RUN: %s bit %s, the device's level %s",
				 vcpu, (unsigned long long)field, user_irq_dev_name(d),
				 field & user_irq_dev_bit(d) ? "set" : "clear",
				 tri_name(c->level[d])) && ok;
	return model_check(j, RULE_USER_IRQ_BITS, !set,
			   "vcpu %u: KVM set undefined bits 0x%llx of device_irq_level (version %d)",
			   vcpu, (unsigned long long)set, m->version) && ok;
}

static bool judge_immediate_exit(struct ui_model *m, unsigned int vcpu,
				 const struct ui_return *r, bool forced,
				 struct model_judge *j)
{
	struct ui_vcpu *c = &m->v[vcpu];
	bool ok;

	/* api.rst: "returning -EINTR"; it names no exit reason. */
	(void)forced;
	model_fire(&m->stats, UI_T_IMMEXIT);
	ok = model_check(j, RULE_USER_IRQ_IMMEDIATE, r->err == EINTR && !r->guest_ran,
			 "vcpu %u: KVM_RUN with immediate_exit: err %d, guest %s",
			 vcpu, r->err, r->guest_ran ? "ran" : "did not run");
	if (m->variants.value[VARIANT_IMMEDIATE_EXIT] != VARIANT_IMMEDIATE_EXIT_UNCHANGED)
		return judge_bits(m, vcpu, r->field, j) && ok;
	if (disagrees(c, c->field_at_entry))
		model_fire(&m->stats, UI_T_IMMEXIT_STALE);
	return model_check(j, RULE_USER_IRQ_IMMEDIATE, r->field == c->field_at_entry,
			   "vcpu %u: immediate_exit return: device_irq_level 0x%llx, the variant immediate-exit:unchanged says 0x%llx as userspace left it",
			   vcpu, (unsigned long long)r->field,
			   (unsigned long long)c->field_at_entry) && ok;
}

bool ui_model_return(struct ui_model *m, unsigned int vcpu,
		     const struct ui_return *r, bool immediate_exit,
		     struct model_judge *j)
{
	struct ui_vcpu *c = &m->v[vcpu];
	bool forced = r->err == EINTR && r->exit_reason == EXIT_INTR;
	bool ok;

	if (immediate_exit) {
		ok = judge_immediate_exit(m, vcpu, r, forced, j);
	} else if (c->must_exit) {
		model_fire(&m->stats, UI_T_FORCED_AT_ENTRY);
		ok = model_check(j, c->written ? RULE_USER_IRQ_RESTORE : RULE_USER_IRQ_EXIT,
				 forced && !r->guest_ran,
				 "vcpu %u: device_irq_level 0x%llx disagreed with the devices when KVM_RUN was entered: want a return before the guest runs, got err %d exit %u, guest %s",
				 vcpu, (unsigned long long)c->field_at_entry, r->err,
				 r->exit_reason, r->guest_ran ? "ran" : "did not run");
		ok = judge_bits(m, vcpu, r->field, j) && ok;
	} else {
		if (forced)
			model_fire(&m->stats, c->spinning ? UI_T_FORCED_SPINNING :
					      UI_T_FORCED_MID_COMMAND);
		/* EINTR for userspace's own signal is no forced return. */
		ok = model_check(j, RULE_USER_IRQ_EXIT, !forced || c->changed || r->kicked,
				 "vcpu %u: a forced return (EINTR, KVM_EXIT_INTR) with nothing to report: device_irq_level 0x%llx agreed with the devices and none changed",
				 vcpu, (unsigned long long)c->field_at_entry);
		ok = judge_bits(m, vcpu, r->field, j) && ok;
	}
	/* What the field shows of the levels (not a stale immediate exit's). */
	if (ok && !(immediate_exit && m->variants.value[VARIANT_IMMEDIATE_EXIT] ==
				     VARIANT_IMMEDIATE_EXIT_UNCHANGED))
		seen_armed(m, c, r->field);
	c->field = r->field;
	c->written = false;
	return ok;
}

bool ui_model_levels_read(struct ui_model *m, unsigned int vcpu, uint64_t levels,
			  struct model_judge *j)
{
	struct ui_vcpu *c = &m->v[vcpu];
	unsigned int d;
	bool ok = true;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		ok = model_check(j, RULE_USER_IRQ_LEVEL, bit_fits(c->level[d], levels, d),
				 "vcpu %u: the guest reads its %s's output %s, the model says %s",
				 vcpu, user_irq_dev_name(d),
				 levels & user_irq_dev_bit(d) ? "high" : "low",
				 tri_name(c->level[d])) && ok;
	if (ok)
		seen_armed(m, c, levels);
	return ok;
}

uint64_t ui_model_spin_awaits(const struct ui_model *m, unsigned int vcpu)
{
	const struct ui_vcpu *c = &m->v[vcpu];
	uint64_t bits = 0;
	unsigned int d;

	for (d = 0; d < NR_USER_IRQ_DEVS; d++)
		if (c->armed[d] && c->level[d] == TRI_EITHER)
			bits |= user_irq_dev_bit(d);
	return bits;
}

bool ui_model_spin_end(struct ui_model *m, unsigned int vcpu, uint64_t missed,
		       struct model_judge *j)
{
	m->v[vcpu].spinning = false;
	return model_check(j, RULE_USER_IRQ_EXIT, !missed,
			   "vcpu %u: timer bits 0x%llx armed: no forced return showed them high within a run's bound while the guest spun",
			   vcpu, (unsigned long long)missed);
}

uint64_t ui_model_hash(const struct ui_model *m)
{
	uint64_t h = MODEL_HASH_INIT;
	unsigned int v, d;

	for (v = 0; v < m->nr_vcpus; v++) {
		unsigned char s[2 * NR_USER_IRQ_DEVS + 1];

		for (d = 0; d < NR_USER_IRQ_DEVS; d++) {
			s[2 * d] = m->v[v].level[d];
			s[2 * d + 1] = m->v[v].armed[d];
		}
		s[2 * NR_USER_IRQ_DEVS] = m->v[v].field & 7;
		h = model_hash(h, s, sizeof(s));
	}
	return h;
}
