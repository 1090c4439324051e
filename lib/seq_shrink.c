// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "seq_shrink.h"

static bool out_of_budget(struct seq_shrink *s)
{
	if (s->runs >= s->max_runs || (s->enough && s->enough(s->ctx)))
		s->bounded = true;
	return s->bounded;
}

static bool try_ops(struct seq_shrink *s, const struct seq_op *ops, unsigned int n)
{
	s->runs++;
	return s->fails(s->ctx, ops, n);
}

/* ops without its chunk [from, to), into out; its length. */
static unsigned int without(const struct seq_op *ops, unsigned int n, unsigned int from,
			    unsigned int to, struct seq_op *out)
{
	memcpy(out, ops, from * sizeof(*ops));
	memcpy(out + from, ops + to, (n - to) * sizeof(*ops));
	return n - (to - from);
}

unsigned int seq_shrink(struct seq_shrink *s, struct seq_op *ops, unsigned int n)
{
	static struct seq_op cand[SEQ_MAX_OPS];
	unsigned int chunks = 2, c, from, to, m, i;
	bool reduced;

	/* ddmin on the complements: drop one chunk of n / chunks at a time. */
	while (n >= 2 && !out_of_budget(s)) {
		reduced = false;
		for (c = 0; c < chunks && !out_of_budget(s); c++) {
			from = c * n / chunks;
			to = (c + 1) * n / chunks;
			if (from == to)
				continue;
			m = without(ops, n, from, to, cand);
			if (try_ops(s, cand, m)) {
				memcpy(ops, cand, m * sizeof(*ops));
				n = m;
				chunks = chunks > 2 ? chunks - 1 : 2;
				reduced = true;
				break;
			}
		}
		if (reduced)
			continue;
		if (chunks >= n)
			break;
		chunks = chunks * 2 < n ? chunks * 2 : n;
	}
	/* Then each operation alone, last first: what ddmin's chunks kept. */
	for (i = n; i-- > 0 && n > 1 && !out_of_budget(s);) {
		m = without(ops, n, i, i + 1, cand);
		if (try_ops(s, cand, m)) {
			memcpy(ops, cand, m * sizeof(*ops));
			n = m;
		}
	}
	return n;
}
