// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kvm_util.h"

#include "sweep.h"
#include "check.h"
#include "modes.h"
#include "run.h"

#define BENCH_ROUNDS	3

static double bare_rate(struct irq_vm *v, const uint32_t *irqs,
			const uint32_t *levels, size_t n)
{
	double start = monotonic_seconds();
	size_t i;

	for (i = 0; i < n; i++)
		irq_line(v, irqs[i], levels[i]);
	return n / (monotonic_seconds() - start);
}

static double sweep_rate(struct irq_vm *v, const uint32_t *irqs,
			 const uint32_t *levels, size_t n,
			 unsigned long *mismatches)
{
	struct irq_check c = { .what = "bench" };
	double start = monotonic_seconds(), rate;
	size_t i;

	for (i = 0; i < n; i++)
		irq_check_one(&c, v, irqs[i], levels[i]);
	rate = n / (monotonic_seconds() - start);
	*mismatches = c.mismatches;
	return rate;
}

/*
 * The same values, the same VM, the same thread: the best of a few
 * alternating rounds of each, so that a slow moment of the host does not
 * decide the ratio.
 */
int bench_sweep(const char *name, const struct irq_vm_config *c)
{
	uint32_t *irqs = calloc(IRQ_NUMBER_VALUES, sizeof(*irqs));
	uint32_t *levels = calloc(IRQ_NUMBER_VALUES, sizeof(*levels));
	double bare = 0, sweep = 0, r;
	unsigned long mismatches = 0;
	const char *why;
	struct irq_vm v;
	size_t n;
	int round;

	TEST_ASSERT(irqs && levels, "out of memory");
	why = irq_vm_create(&v, c);
	if (why) {
		fprintf(stderr, "bench %s: %s\n", name, why);
		return 4;
	}
	n = irq_number_values(&v, SWEEP_SEED, irqs, levels, IRQ_NUMBER_VALUES);
	for (round = 0; round < BENCH_ROUNDS; round++) {
		r = bare_rate(&v, irqs, levels, n);
		bare = r > bare ? r : bare;
		r = sweep_rate(&v, irqs, levels, n, &mismatches);
		sweep = r > sweep ? r : sweep;
	}
	irq_vm_destroy(&v);
	free(irqs);
	free(levels);
	printf("bench %s: %zu values x %d rounds, one thread\n", name, n, BENCH_ROUNDS);
	printf("bench %s: bare KVM_IRQ_LINE loop %.0f calls/s\n", name, bare);
	printf("bench %s: sweep (oracle + ioctl + compare) %.0f checked values/s\n",
	       name, sweep);
	printf("bench %s: ratio sweep/bare %.3f per thread (goal >= 0.9)%s\n", name,
	       sweep / bare, mismatches ? "; the sweep saw mismatches" : "");
	return 0;
}

struct walker {
	struct irq_vm *v;
	uint64_t first, count;
	volatile uint64_t done;
	struct irq_check c;
	struct tally tally;	/* the thread's own: c.tally */
};

static void *walk(void *arg)
{
	struct walker *w = arg;
	uint64_t i;

	/* Each value raised, then lowered: both levels checked. */
	for (i = 0; i < w->count; i++) {
		irq_check_one(&w->c, w->v, (uint32_t)(w->first + i), 1);
		irq_check_one(&w->c, w->v, (uint32_t)(w->first + i), 0);
		w->done = i + 1;
	}
	return NULL;
}

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || !*s || *end ? -1 : 0;
}

static void totals(struct walker *w, int threads, struct tally *sum,
		   struct irq_check *c)
{
	int t;

	memset(sum, 0, sizeof(*sum));
	*c = (struct irq_check){ .what = "exhaustive", .tally = sum };
	for (t = 0; t < threads; t++) {
		tally_add(sum, &w[t].tally);
		c->tried += w[t].c.tried;
		c->mismatches += w[t].c.mismatches;
		c->unspecified += w[t].c.unspecified;
	}
}

/* --threads N --first X --count N: a slice of the 2^32 irq values. */
int exhaustive_main(const char *name, const struct irq_vm_config *c,
		    int argc, char **argv)
{
	uint64_t first = 0, count = 1ULL << 32, done, step, next;
	long threads = sysconf(_SC_NPROCESSORS_ONLN);
	struct irq_check sum;
	struct tally all;
	struct walker *w;
	pthread_t *tid;
	struct irq_vm v;
	const char *why;
	int i;

	for (i = 0; i < argc; i += 2) {
		uint64_t val;

		if (i + 1 >= argc || parse_u64(argv[i + 1], &val)) {
			fprintf(stderr, "exhaustive: '%s' needs a number\n", argv[i]);
			return 2;
		}
		if (!strcmp(argv[i], "--threads") && val > 0 && val <= 256)
			threads = val;
		else if (!strcmp(argv[i], "--first") && val < (1ULL << 32))
			first = val;
		else if (!strcmp(argv[i], "--count") && val > 0)
			count = val;
		else {
			fprintf(stderr, "exhaustive: bad option '%s %s'\n", argv[i], argv[i + 1]);
			return 2;
		}
	}
	if (first + count > (1ULL << 32))
		count = (1ULL << 32) - first;
	why = irq_vm_create(&v, c);
	if (why) {
		fprintf(stderr, "exhaustive %s: %s\n", name, why);
		return 4;
	}
	w = calloc(threads, sizeof(*w));
	tid = calloc(threads, sizeof(*tid));
	TEST_ASSERT(w && tid, "out of memory");
	printf("# exhaustive %s: irq 0x%08llx + %llu values, levels 1 and 0, %ld threads\n",
	       name, (unsigned long long)first, (unsigned long long)count, threads);
	for (i = 0; i < threads; i++) {
		w[i].v = &v;
		w[i].first = first + count * i / threads;
		w[i].count = first + count * (i + 1) / threads - w[i].first;
		w[i].c = (struct irq_check){ .what = "exhaustive", .tally = &w[i].tally };
		pthread_create(&tid[i], NULL, walk, &w[i]);
	}
	/* Progress at every 1% (the clock only paces the polling). */
	step = count / 100 ? count / 100 : 1;
	for (next = step, done = 0; done < count; ) {
		usleep(200 * 1000);
		for (done = 0, i = 0; i < threads; i++)
			done += w[i].done;
		if (done >= next || done == count) {
			totals(w, threads, &all, &sum);
			printf("# exhaustive %s: %3llu%% (%llu values), %lu mismatches\n",
			       name, (unsigned long long)(done * 100 / count),
			       (unsigned long long)done, sum.mismatches);
			next = (done / step + 1) * step;
		}
	}
	for (i = 0; i < threads; i++)
		pthread_join(tid[i], NULL);
	totals(w, threads, &all, &sum);
	tally_report(&all);
	irq_check_summary(&sum);
	irq_vm_destroy(&v);
	free(w);
	free(tid);
	return sum.mismatches ? 1 : 0;
}
