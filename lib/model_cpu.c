// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU-line model.  Sources: 86ce85352f0d (the CPU type: "irq_number
 * 0 is IRQ, irq_number 1 is FIQ", a line raised or lowered) and the Arm
 * architecture's PSTATE.{I,F} masking of IRQ and FIQ exceptions: a
 * pending, unmasked interrupt is taken once a context synchronisation
 * event (the guest's ISB after unmasking, an exception return into the
 * guest) has made the change visible.
 */
#include <string.h>

#include "abi.h"
#include "model_cpu.h"

const char *const cpu_transition_names[NR_CPU_TRANSITIONS] = CPU_TRANSITION_NAMES;

static const char *const line_name[2] = { "IRQ", "FIQ" };

void cpu_model_init(struct cpu_model *m, unsigned int nr_vcpus,
		    const struct variants *variants)
{
	memset(m, 0, sizeof(*m));
	m->nr_vcpus = nr_vcpus;
	m->variants = *variants;
	m->stats.names = cpu_transition_names;
	m->stats.nr = NR_CPU_TRANSITIONS;
}

void cpu_model_line(struct cpu_model *m, unsigned int vcpu, unsigned int line,
		    uint32_t level)
{
	struct cpu_vcpu *c = &m->v[vcpu];
	enum tri now = seq_level_asserts(&m->variants, level);
	enum tri was = c->line[line];

	if (level > 1)
		model_fire(&m->stats, CPU_T_OTHER_LEVEL);
	if (now == was && now != TRI_EITHER)
		model_fire(&m->stats, CPU_T_SAME_LEVEL);
	else if (now == TRI_YES)
		model_fire(&m->stats, line ? CPU_T_FIQ_RAISE : CPU_T_IRQ_RAISE);
	else if (now == TRI_NO)
		model_fire(&m->stats, line ? CPU_T_FIQ_LOWER : CPU_T_IRQ_LOWER);
	if (c->spinning) {
		model_fire(&m->stats, CPU_T_CHANGE_RUNNING);
		/* A race, in which the change may be undone (lib/variants.txt). */
		if (m->variants.value[VARIANT_CPU_LINE_RUNNING] ==
		    VARIANT_CPU_LINE_RUNNING_MAY_BE_LOST && now != was) {
			now = tri_join(was, now);
			model_fire(&m->stats, CPU_T_MAY_BE_LOST);
		}
		if (c->steps < CPU_WINDOW_STEPS)
			c->steps++;
		c->hist[0][c->steps] = line ? c->line[0] : now;
		c->hist[1][c->steps] = line ? now : c->line[1];
	}
	c->line[line] = now;
}

void cpu_model_mask(struct cpu_model *m, unsigned int vcpu, unsigned int line,
		    bool masked)
{
	m->v[vcpu].masked[line] = masked;
	model_fire(&m->stats, masked ? CPU_T_MASK : CPU_T_UNMASK);
}

void cpu_model_spin(struct cpu_model *m, unsigned int vcpu)
{
	struct cpu_vcpu *c = &m->v[vcpu];

	c->spinning = true;
	c->steps = 0;
	c->hist[0][0] = c->line[0];
	c->hist[1][0] = c->line[1];
}

unsigned int cpu_model_must_have_taken(const struct cpu_model *m, unsigned int vcpu)
{
	const struct cpu_vcpu *c = &m->v[vcpu];
	unsigned int line, lines = 0;

	for (line = 0; line < 2; line++)
		if (c->line[line] == TRI_YES && !c->masked[line])
			lines |= 1u << line;
	return lines;
}

/*
 * One line of one window: taken (0, 1, more) against its levels since the
 * window began, hist[0..steps]; the line's value afterwards into *after.
 */
static bool judge_line(struct cpu_model *m, unsigned int vcpu, unsigned int line,
		       unsigned int taken, struct model_judge *j)
{
	struct cpu_vcpu *c = &m->v[vcpu];
	const enum tri *h = c->hist[line];
	unsigned int s, last = c->spinning ? c->steps : 0;
	bool may = false, must, ok;

	if (!c->spinning)
		h = &c->line[line];
	for (s = 0; s <= last; s++)
		may |= tri_may(h[s], true);
	must = h[0] == TRI_YES || h[last] == TRI_YES;
	if (c->masked[line]) {
		if (may)
			model_fire(&m->stats, CPU_T_MASKED_HIGH);
		return model_check(j, RULE_CPU_LINE_DELIVERY, taken == 0,
				   "vcpu %u took %s %u times in a window with %s masked (PSTATE.%c)",
				   vcpu, line_name[line], taken, line_name[line], line ? 'F' : 'I');
	}
	ok = taken <= 1 && (taken || !must) && (!taken || may);
	model_check(j, RULE_CPU_LINE_DELIVERY, ok,
		    "vcpu %u took %s %u times in a window; the model allows %s (the line %s%s)",
		    vcpu, line_name[line], taken, must ? "1" : may ? "0 or 1" : "0",
		    last ? "went " : "was ", must ? "high" : may ? "high or low" : "low");
	if (!ok)
		return false;
	if (taken)
		model_fire(&m->stats, line ? CPU_T_FIQ_TAKEN : CPU_T_IRQ_TAKEN);
	if (!must && may && last)
		model_fire(&m->stats, CPU_T_PULSE_IN_WINDOW);
	/* Not taken, unmasked: the line was low at the end, whatever it may have been. */
	if (!taken && c->line[line] == TRI_EITHER) {
		c->line[line] = TRI_NO;
		model_fire(&m->stats, CPU_T_SETTLED);
	}
	/* Taken in a stopped window: it was high. */
	if (taken && !last && c->line[line] == TRI_EITHER) {
		c->line[line] = TRI_YES;
		model_fire(&m->stats, CPU_T_SETTLED);
	}
	return true;
}

static bool other_vcpu_high(const struct cpu_model *m, unsigned int vcpu)
{
	unsigned int v;

	for (v = 0; v < m->nr_vcpus; v++)
		if (v != vcpu && (m->v[v].line[0] != TRI_NO || m->v[v].line[1] != TRI_NO))
			return true;
	return false;
}

bool cpu_model_window(struct cpu_model *m, unsigned int vcpu,
		      const unsigned int taken[2], struct model_judge *j)
{
	bool ok;

	if (other_vcpu_high(m, vcpu))
		model_fire(&m->stats, CPU_T_OTHER_VCPU_HIGH);
	ok = judge_line(m, vcpu, ABI_CPU_IRQ, taken[0], j);
	ok = judge_line(m, vcpu, ABI_CPU_FIQ, taken[1], j) && ok;
	if (ok && taken[0] && taken[1])
		model_fire(&m->stats, CPU_T_BOTH_TAKEN);
	m->v[vcpu].spinning = false;
	return ok;
}

uint64_t cpu_model_hash(const struct cpu_model *m)
{
	uint64_t h = MODEL_HASH_INIT;
	unsigned int v;

	for (v = 0; v < m->nr_vcpus; v++) {
		unsigned char s[5] = {
			m->v[v].line[0], m->v[v].line[1], m->v[v].masked[0],
			m->v[v].masked[1], m->v[v].spinning,
		};

		h = model_hash(h, s, sizeof(s));
	}
	return h;
}
