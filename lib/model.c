// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

const char *tri_name(enum tri t)
{
	static const char *const names[] = { "0", "1", "0-or-1" };

	return t <= TRI_EITHER ? names[t] : "?";
}

const char *model_unfired(const struct model_stats *s, char *buf, size_t len)
{
	size_t used = 0;
	unsigned int t;

	buf[0] = 0;
	for (t = 0; t < s->nr && used < len; t++)
		if (!s->fired[t])
			used += snprintf(buf + used, len - used, "%s%s",
					 used ? " " : "", s->names[t]);
	return used ? buf : "none";
}

void state_set_add(struct state_set *s, uint64_t hash)
{
	uint64_t mask = (1u << STATE_SET_BITS) - 1;
	uint64_t i = hash & mask, n;

	hash |= 1;		/* 0 marks an empty slot */
	for (n = 0; n <= mask; n++, i = (i + 1) & mask) {
		if (s->slot[i] == hash)
			return;
		if (!s->slot[i]) {
			if (s->count >= mask / 2) {
				s->full = true;
				return;
			}
			s->slot[i] = hash;
			s->count++;
			return;
		}
	}
}

uint64_t model_hash(uint64_t h, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

bool model_check(struct model_judge *j, enum rule r, bool ok, const char *fmt, ...)
{
	va_list ap;

	if (j->nr < MODEL_MAX_JUDGED) {
		j->rule[j->nr] = r;
		j->ok[j->nr++] = ok;
	}
	if (ok || j->failed)
		return ok;
	j->failed = true;
	j->failed_rule = r;
	va_start(ap, fmt);
	vsnprintf(j->why, sizeof(j->why), fmt, ap);
	va_end(ap);
	return false;
}
