/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the reference models (lib/model_*.c) share: three-valued facts,
 * named transitions that count how often they fired, and the set of
 * states a run visited.  Pure C, no KVM: make check builds the models
 * natively and unit-tests them (check/model_test.c).
 *
 * A model allows exactly what the documents and the architecture allow.
 * Where they leave an outcome open (an interrupt injected by another
 * thread while the guest runs is taken now or a moment later; which of
 * two interrupts of equal priority is acknowledged first), the model keeps
 * every allowed state as a three-valued fact until an observation settles
 * it: never a guess, so that it is neither too strict (a flake) nor too
 * loose (a broken kernel passing).
 */
#ifndef MODEL_H
#define MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"	/* enum rule: the ids of lib/assertions.txt */

enum tri { TRI_NO, TRI_YES, TRI_EITHER };

static inline enum tri tri_of(bool b)
{
	return b ? TRI_YES : TRI_NO;
}

/* Whether the fact may be b. */
static inline bool tri_may(enum tri t, bool b)
{
	return t == TRI_EITHER || t == tri_of(b);
}

/* Either of two possible values. */
static inline enum tri tri_join(enum tri a, enum tri b)
{
	return a == b ? a : TRI_EITHER;
}

const char *tri_name(enum tri t);

/*
 * What one observation was judged against: each rule checked and whether
 * it held, and the first mismatch in words (what was observed, what the
 * model allowed).  A sequence stops at its first mismatch.
 */
#define MODEL_MAX_JUDGED	32

struct model_judge {
	unsigned int nr;
	enum rule rule[MODEL_MAX_JUDGED];
	bool ok[MODEL_MAX_JUDGED];
	bool failed;
	enum rule failed_rule;
	char why[640];
};

/* One check of rule r; the first that fails says why (fmt). */
bool model_check(struct model_judge *j, enum rule r, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * A model's transitions, by name, and how often each fired: a run lists
 * those that never did (what its sequences left unexplored).
 */
#define MODEL_MAX_TRANSITIONS	48

struct model_stats {
	const char *const *names;	/* the model's table */
	unsigned int nr;
	unsigned long fired[MODEL_MAX_TRANSITIONS];
};

static inline void model_fire(struct model_stats *s, unsigned int t)
{
	if (s && t < s->nr)
		s->fired[t]++;
}

/* "a b c" of the transitions that never fired, or "none" (into buf). */
const char *model_unfired(const struct model_stats *s, char *buf, size_t len);

/*
 * The states a run visited: a set of 64-bit hashes of a model's whole
 * state, open addressing; full, it stops counting (and says so).
 */
#define STATE_SET_BITS	16

struct state_set {
	uint64_t slot[1u << STATE_SET_BITS];
	unsigned long count;
	bool full;
};

void state_set_add(struct state_set *s, uint64_t hash);

/* FNV-1a over a state's bytes, folded into h (start with MODEL_HASH_INIT). */
#define MODEL_HASH_INIT	0xcbf29ce484222325ull
uint64_t model_hash(uint64_t h, const void *p, size_t len);

#endif /* MODEL_H */
