/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shrinking a failing sequence to a minimal one that fails the same way
 * (delta debugging, Zeller's ddmin, then single operations), bounded:
 * every candidate costs a fresh VM, so the caller bounds the runs and
 * the time, and gets the smallest failing sequence found so far.
 */
#ifndef SEQ_SHRINK_H
#define SEQ_SHRINK_H

#include <stdbool.h>

#include "seq.h"

struct seq_shrink {
	/* Whether these operations fail the way the original did. */
	bool (*fails)(void *ctx, const struct seq_op *ops, unsigned int nr_ops);
	/* Whether to stop trying (time is up); may be NULL. */
	bool (*enough)(void *ctx);
	void *ctx;
	unsigned int max_runs;		/* candidates tried, at most */
	unsigned int runs;		/* ... tried */
	bool bounded;			/* stopped by max_runs or enough() */
};

/* ops[0..nr_ops) fails; returns how many of the shrunk ops, left in ops. */
unsigned int seq_shrink(struct seq_shrink *s, struct seq_op *ops, unsigned int nr_ops);

#endif /* SEQ_SHRINK_H */
