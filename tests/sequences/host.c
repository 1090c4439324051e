// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt state explored: seeded sequences of host operations
 * (KVM_IRQ_LINE from the main thread or a vcpu's, device_irq_level
 * written, immediate_exit) and guest operations (masks and windows,
 * devices raised, lowered and armed; vgic enables, triggers, routes,
 * acknowledges, EOIs, deactivations, EOImodes, register reads), the
 * target vcpus stopped or spinning, run on real VMs of 1 to 8 vcpus and
 * compared step by step with the reference models (lib/model_*.c): the
 * CPU lines and KVM_CAP_ARM_USER_IRQ on a VM with no irqchip, the vgic
 * on vgic-v3 and vgic-v2.  A mismatch prints its seed and step, what the
 * model allowed and what was seen, and is shrunk to a minimal sequence
 * printed as a line that --replay runs again.
 *
 *   sequences                            the fixed seeds (the harness)
 *   sequences --replay 'LINE'            one sequence again (LINE as printed)
 *   sequences --replay-file FILE         ... from a file
 *   sequences --seed S [--model nogic|v3|v2] [--ops N] [--vm-vcpus N]
 *   sequences --bench                    operations/s against bare KVM_IRQ_LINE calls/s
 *
 * KVM_IRQ_SEQUENCES=N (run_tests.sh --sequences N) runs N sequences per
 * model instead of the default; KVM_IRQ_VARIANTS (from expected/'s
 * "variant" entries) chooses the models' kernel variants.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suite.h"

#include "kvm_util.h"

#include "bench.h"
#include "exec.h"
#include "seq_shrink.h"
#include "model_version.h"	/* generated: MODEL_VERSION */
#include "version.h"	/* generated: SUITE_VERSION */

/* Sequences per model in every run, and operations per sequence. */
#define SEQ_DEFAULT_SEQUENCES	12
#define SEQ_OPS			96
/* What a shrink may cost: every candidate is a fresh VM. */
#define SEQ_SHRINK_RUNS		200
#define SEQ_SHRINK_SECONDS	120
/* The first seed: sequence i of a model runs seed SEQ_SEED_BASE + i. */
#define SEQ_SEED_BASE		1

static const char *const model_names[NR_SEQ_VM_KINDS][2] = {
	[SEQ_VM_NOGIC] = { "cpu-lines", "user-irq" },
	[SEQ_VM_V2] = { "vgic-v2" },
	[SEQ_VM_V3] = { "vgic-v3" },
};

/* The variants expected/ chose for this kernel (run_tests.sh passes them). */
static int env_variants(struct variants *v, char *err, size_t len)
{
	return variants_parse(v, getenv("KVM_IRQ_VARIANTS"), err, len);
}

static unsigned int env_count(const char *name, unsigned int dflt)
{
	const char *s = getenv(name);

	return s && *s ? (unsigned int)strtoul(s, NULL, 0) : dflt;
}

static unsigned int max_vcpus(void)
{
	return host.max_vcpus > 0 && host.max_vcpus < IRQ_VM_MAX_VCPUS ?
	       host.max_vcpus : IRQ_VM_MAX_VCPUS;
}

/*
 * The largest VM a sequence's slots may be spread over: what KVM allows,
 * past vcpu_index's 256 only with LAYOUT_2's vcpu2_index.
 */
static unsigned int vm_vcpus_max(void)
{
	unsigned int max = host.max_vcpus > 0 ? host.max_vcpus : IRQ_VM_MAX_VCPUS;

	if (!host.layout_2 && max > 256)
		max = 256;
	return max < IRQ_VM_MAX_VCPUS_LARGE ? max : IRQ_VM_MAX_VCPUS_LARGE;
}

/* --- running and shrinking ----------------------------------------------- */

/* ops on a fresh VM of vm: NULL, or why it could not run (x holds the verdict). */
static const char *run_ops(struct seq_exec *x, const struct seq_vm *vm,
			   const struct seq_op *ops, unsigned int nr_ops, struct tally *t)
{
	const char *why = seq_exec_start(x, vm, t);
	unsigned int i;

	if (why)
		return why;
	for (i = 0; i < nr_ops && seq_exec_op(x, &ops[i]); i++)
		;
	seq_exec_end(x);
	return NULL;
}

struct shrink_ctx {
	const struct seq_vm *vm;
	enum rule rule;
	uint8_t code;		/* the failing operation's */
	time_t until;
};

/* The same failure: a mismatch of the same rule, at the same kind of operation. */
static bool fails_alike(void *ctx, const struct seq_op *ops, unsigned int n)
{
	struct shrink_ctx *c = ctx;
	static struct seq_exec x;

	return !run_ops(&x, c->vm, ops, n, NULL) && x.failed && x.fail_rule == c->rule &&
	       x.fail_op.code == c->code;
}

static bool shrink_enough(void *ctx)
{
	return time(NULL) >= ((struct shrink_ctx *)ctx)->until;
}

static void print_replay(const struct seq_vm *vm, const struct seq_op *ops,
			 unsigned int n)
{
	static char line[SEQ_LINE_MAX];

	seq_line_format(vm, SUITE_VERSION, ops, n, line, sizeof(line));
	printf("# replay: %s --replay '%s'\n", program_invocation_name, line);
}

/*
 * ops[0..failed step] failed (rule): shrunk, bounded, to a minimal
 * sequence that fails alike, printed as the line --replay takes.
 */
static void shrink_and_print(const struct seq_vm *vm, struct seq_op *ops,
			     unsigned int n, enum rule rule, uint8_t code)
{
	struct shrink_ctx ctx = {
		.vm = vm, .rule = rule, .code = code,
		.until = time(NULL) + env_count("KVM_IRQ_SHRINK_SECONDS", SEQ_SHRINK_SECONDS),
	};
	struct seq_shrink s = {
		.fails = fails_alike, .enough = shrink_enough, .ctx = &ctx,
		.max_runs = SEQ_SHRINK_RUNS,
	};
	unsigned int m;

	if (!n)
		return;
	printf("# sequences: shrinking its %u operations (at most %u runs, %u s)\n",
	       n, SEQ_SHRINK_RUNS, env_count("KVM_IRQ_SHRINK_SECONDS", SEQ_SHRINK_SECONDS));
	m = seq_shrink(&s, ops, n);
	printf("# sequences: minimal: %u operations, %u runs%s\n", m, s.runs,
	       s.bounded ? " (stopped at its bound: maybe not the smallest)" : "");
	print_replay(vm, ops, m);
}

static void print_failure(const struct seq_exec *x, const struct seq_vm *vm,
			  unsigned int large, unsigned long seed, const struct seq_op *ops,
			  unsigned int n)
{
	char token[64];

	printf("# sequences: model=%s seed=%lu vcpus=%u: mismatch at %s%u (%s): %s\n",
	       model_names[vm->kind][0], seed, vm->nr_vcpus, n ? "step " : "set-up, before step ",
	       x->fail_step, n ? seq_op_format(&x->fail_op, token, sizeof(token)) : "-",
	       x->why);
	printf("#   rule %s %s; run it alone: %s --seed %lu --model %s --vm-vcpus %u; the sequence up to it:\n",
	       rules[x->fail_rule].id, rules[x->fail_rule].name, program_invocation_name,
	       seed, seq_vm_kind_name(vm->kind), large);
	print_replay(vm, ops, n);
}

/* --- one seeded sequence ------------------------------------------------- */

/* Transitions fired over all sequences: the models of every VM, summed. */
static struct model_stats fired[2];

static void add_fired(const struct seq_exec *x)
{
	const struct model_stats *stats[2];
	unsigned int i, t, n = seq_models_stats(&x->m, stats);

	for (i = 0; i < n; i++) {
		fired[i].names = stats[i]->names;
		fired[i].nr = stats[i]->nr;
		for (t = 0; t < stats[i]->nr; t++)
			fired[i].fired[t] += stats[i]->fired[t];
	}
}

struct explored {
	unsigned long sequences, operations, at_once;
	struct state_set *states[2];
};

/* Nothing explored yet, and room for the states each model visits. */
static void explored_init(struct explored *e)
{
	memset(e, 0, sizeof(*e));
	e->states[0] = calloc(1, sizeof(struct state_set));
	e->states[1] = calloc(1, sizeof(struct state_set));
	TEST_ASSERT(e->states[0] && e->states[1], "no memory for the states visited");
}

/* Why this host cannot make a VM of kind, or NULL. */
static const char *kind_lacks(enum seq_vm_kind kind)
{
	if (kind == SEQ_VM_NOGIC)
		return host_lacks_user_irq();
	return host_lacks_vgic(kind == SEQ_VM_V2 ? 2 : 3);
}

/*
 * Sequence seed of kind, its slots spread over a VM of up to large vcpus
 * if more than IRQ_VM_MAX_VCPUS: its VM and ops generated as it runs,
 * each op drawn from the state the observations left.  0 ok, 1 a
 * mismatch (its ops, up to the failing one, in ops), or -1 with why (SKIP).
 */
static int one_sequence(enum seq_vm_kind kind, unsigned int large, unsigned long seed,
			unsigned int nr_ops,
			const struct variants *variants, struct explored *e, struct seq_vm *vm,
			struct seq_op *ops, unsigned int *n, enum rule *rule, uint8_t *code,
			const char **why)
{
	static struct seq_exec x;
	struct seq_gen g = { .rng = { seed } };
	unsigned int i;

	seq_vm_generate(&g.rng, kind, max_vcpus(), large, host_nr_irqs_max(), variants, vm);
	x.states[0] = e->states[0];
	x.states[1] = e->states[1];
	*why = seq_exec_start(&x, vm, &test_tally);
	if (*why)
		return -1;
	for (i = 0; i < nr_ops && !x.failed; i++) {
		seq_op_generate(&g, &x.m, &ops[i]);
		seq_exec_op(&x, &ops[i]);
	}
	seq_exec_end(&x);
	add_fired(&x);
	e->sequences++;
	e->operations += x.ops;
	e->at_once += x.at_once;
	/* A failure in the set-up is before any operation. */
	/* The end's stops come after the last op: a replay makes them too. */
	*n = x.failed ? (x.ops ? (x.fail_step < i ? x.fail_step + 1 : i) : 0) : i;
	if (!x.failed)
		return 0;
	*rule = x.fail_rule;
	*code = x.fail_op.code;
	print_failure(&x, vm, large, seed, ops, *n);
	check_deviation("%s@seed%lu", rules[x.fail_rule].id, seed);
	return 1;
}

static void print_explored(enum seq_vm_kind kind, bool large, unsigned int dflt,
			   const struct explored *e)
{
	unsigned int i, n = kind == SEQ_VM_NOGIC ? 2 : 1;
	const char *vms = large ? "large" : "small";
	char unfired[1024];

	for (i = 0; i < n && fired[i].names; i++) {
		printf("# sequences: model=%s vms=%s seed=%d sequences=%lu operations=%lu states=%lu%s default=%u models=%s\n",
		       model_names[kind][i], vms, SEQ_SEED_BASE, e->sequences, e->operations,
		       e->states[i]->count, e->states[i]->full ? "+" : "", dflt, MODEL_VERSION);
		printf("# sequences: model=%s vms=%s never fired: %s\n", model_names[kind][i], vms,
		       model_unfired(&fired[i], unfired, sizeof(unfired)));
	}
	printf("# sequences: %s vms=%s: %lu pairs of lines made from two threads at once\n",
	       seq_vm_kind_name(kind), vms, e->at_once);
}

/* --- the harness's tests ------------------------------------------------- */

FIXTURE(sequences) {};

/*
 * Each kind of VM of at most 8 vcpus, and (large) with the sequence's
 * vcpus spread over a VM of up to 272 (lib/seq.h): not on vgic-v2, which
 * addresses 8 CPU interfaces at most.  share: its sequences for every
 * SEQ_SHARE_BASE a model gets (KVM_IRQ_SEQUENCES); large VMs a quarter, as
 * they cost more; the vgic more, its alphabet being the widest, vgic-v2
 * the most (the cheapest VMs, 1-N routes): the kills and the budget of
 * docs/sequences.md.
 */
#define SEQ_SHARE_BASE		12

FIXTURE_VARIANT(sequences) {
	enum seq_vm_kind kind;
	bool large;
	unsigned int share;
};

FIXTURE_VARIANT_ADD(sequences, nogic) { .kind = SEQ_VM_NOGIC, .share = 12 };
FIXTURE_VARIANT_ADD(sequences, v3) { .kind = SEQ_VM_V3, .share = 16 };
FIXTURE_VARIANT_ADD(sequences, v2) { .kind = SEQ_VM_V2, .share = 24 };
FIXTURE_VARIANT_ADD(sequences, nogic_large) { .kind = SEQ_VM_NOGIC, .large = true, .share = 3 };
FIXTURE_VARIANT_ADD(sequences, v3_large) { .kind = SEQ_VM_V3, .large = true, .share = 3 };

static unsigned int share(const FIXTURE_VARIANT(sequences) *variant, unsigned int count)
{
	return (count * variant->share + SEQ_SHARE_BASE - 1) / SEQ_SHARE_BASE;
}

SUITE_SETUP(sequences)
{
	const char *why = kind_lacks(variant->kind);

	if (!why && variant->large && vm_vcpus_max() <= IRQ_VM_MAX_VCPUS)
		why = FEATURE(LARGE_VMS) "KVM_CAP_MAX_VCPUS allows no VM of more than 8 vcpus";
	return why;
}

SUITE_TEARDOWN(sequences) {}

/* A long exploration says how far it got this often. */
#define SEQ_PROGRESS_SECONDS	30

static void print_progress(enum seq_vm_kind kind, const struct explored *e,
			   unsigned int count, time_t start)
{
	printf("# sequences: model=%s %lu of %u sequences, %lu operations, %lu states, %ld s\n",
	       seq_vm_kind_name(kind), e->sequences, count, e->operations,
	       e->states[0]->count, (long)(time(NULL) - start));
	fflush(stdout);
}

/*
 * The fixed seeds, every one run whatever the others did; the first
 * mismatch shrunk and printed for --replay.  A long exploration
 * (KVM_IRQ_SEQUENCES) says how far it got every SEQ_PROGRESS_SECONDS, and
 * stops starting sequences after KVM_IRQ_SEQUENCE_SECONDS, if set.
 */
SUITE_TEST_TIMEOUT(sequences, seeded, 86400)
{
	static struct seq_op ops[SEQ_MAX_OPS], failed_ops[SEQ_MAX_OPS];
	unsigned int dflt = share(variant, SEQ_DEFAULT_SEQUENCES);
	unsigned int count = share(variant, env_count("KVM_IRQ_SEQUENCES", SEQ_DEFAULT_SEQUENCES));
	unsigned int large = variant->large ? vm_vcpus_max() : IRQ_VM_MAX_VCPUS;
	unsigned int bound = env_count("KVM_IRQ_SEQUENCE_SECONDS", 0);
	time_t start = time(NULL), said = start;
	struct explored e;
	struct seq_vm vm, failed_vm;
	struct variants variants;
	unsigned int n, failed_n = 0;
	enum rule rule, failed_rule = 0;
	uint8_t code, failed_code = 0;
	unsigned long i;
	const char *why;
	char err[160];
	int ret;

	if (env_variants(&variants, err, sizeof(err)))
		TEST_FAIL("KVM_IRQ_VARIANTS: %s", err);
	explored_init(&e);
	for (i = 0; i < count; i++) {
		if (bound && time(NULL) - start >= bound) {
			printf("# sequences: model=%s stopped at its time bound (%u s) after %lu of %u sequences\n",
			       seq_vm_kind_name(variant->kind), bound, i, count);
			break;
		}
		if (time(NULL) - said >= SEQ_PROGRESS_SECONDS) {
			said = time(NULL);
			print_progress(variant->kind, &e, count, start);
		}
		ret = one_sequence(variant->kind, large, SEQ_SEED_BASE + i, SEQ_OPS, &variants, &e,
				   &vm, ops, &n, &rule, &code, &why);
		if (ret < 0)
			SKIP_IF(why);
		if (ret > 0 && !failed_n) {
			failed_vm = vm;
			failed_n = n;
			failed_rule = rule;
			failed_code = code;
			memcpy(failed_ops, ops, n * sizeof(*ops));
		}
	}
	print_explored(variant->kind, variant->large, dflt, &e);
	if (failed_n)
		shrink_and_print(&failed_vm, failed_ops, failed_n, failed_rule, failed_code);
}

/* --- --replay, --seed ---------------------------------------------------- */

static int replay_line(const char *line)
{
	static struct seq_op ops[SEQ_MAX_OPS];
	static struct seq_exec x;
	struct tally t = { 0 };
	struct seq_vm vm;
	unsigned int n;
	const char *why;
	char err[160];

	if (seq_line_parse(line, &vm, ops, &n, err, sizeof(err))) {
		fprintf(stderr, "%s: --replay: %s\n", program_invocation_name, err);
		return 2;
	}
	printf("# replay: vm=%s vcpus=%u, %u operations, suite %s\n",
	       seq_vm_kind_name(vm.kind), vm.nr_vcpus, n, SUITE_VERSION);
	why = run_ops(&x, &vm, ops, n, &t);
	if (why) {
		printf("ok 1 - replay # SKIP %s\n", why);
		return 0;
	}
	if (!x.failed) {
		printf("ok 1 - replay: %lu operations, every observation as the models allow\n", x.ops);
		return 0;
	}
	printf("not ok 1 - replay: mismatch at step %u (%s): rule %s %s: %s\n", x.fail_step,
	       seq_op_format(&x.fail_op, err, sizeof(err)),
	       rules[x.fail_rule].id, rules[x.fail_rule].name, x.why);
	return 1;
}

static int replay_file(const char *path)
{
	static char line[SEQ_LINE_MAX];
	FILE *f = fopen(path, "r");
	bool got;

	if (!f) {
		fprintf(stderr, "%s: --replay-file %s: %s\n", program_invocation_name, path,
			strerror(errno));
		return 2;
	}
	got = fgets(line, sizeof(line), f);
	fclose(f);
	if (!got) {
		fprintf(stderr, "%s: --replay-file %s: empty\n", program_invocation_name, path);
		return 2;
	}
	return replay_line(line);
}

static int parse_kind(const char *name, enum seq_vm_kind *kind)
{
	enum seq_vm_kind k;

	for (k = 0; k < NR_SEQ_VM_KINDS; k++)
		if (!strcmp(seq_vm_kind_name(k), name)) {
			*kind = k;
			return 0;
		}
	return -1;
}

static int seed_mode(int argc, char **argv)
{
	static struct seq_op ops[SEQ_MAX_OPS];
	enum seq_vm_kind kind = SEQ_VM_V3;
	unsigned long seed = 0, nr_ops = SEQ_OPS, large = IRQ_VM_MAX_VCPUS;
	struct explored e;
	struct variants variants;
	struct seq_vm vm;
	unsigned int n;
	enum rule rule = 0;
	uint8_t code = 0;
	const char *why;
	char err[160], *end = "";
	int i, ret;

	for (i = 1; i < argc; i += 2) {
		if (i + 1 >= argc)
			goto usage;
		if (!strcmp(argv[i], "--seed"))
			seed = strtoul(argv[i + 1], &end, 0);
		else if (!strcmp(argv[i], "--model") && !parse_kind(argv[i + 1], &kind))
			continue;
		else if (!strcmp(argv[i], "--ops"))
			nr_ops = strtoul(argv[i + 1], &end, 0);
		else if (!strcmp(argv[i], "--vm-vcpus"))
			large = strtoul(argv[i + 1], &end, 0);
		else
			goto usage;
		if (*end || (!strcmp(argv[i], "--ops") && (!nr_ops || nr_ops > SEQ_MAX_OPS)) ||
		    large > IRQ_VM_MAX_VCPUS_LARGE)
			goto usage;
	}
	if (env_variants(&variants, err, sizeof(err))) {
		fprintf(stderr, "%s: KVM_IRQ_VARIANTS: %s\n", program_invocation_name, err);
		return 2;
	}
	explored_init(&e);
	ret = one_sequence(kind, large, seed, nr_ops, &variants, &e, &vm, ops, &n, &rule, &code,
			   &why);
	if (ret < 0) {
		printf("ok 1 - seed %lu # SKIP %s\n", seed, why);
		return 0;
	}
	printf("%sok 1 - seed %lu, model %s: %lu operations\n", ret ? "not " : "", seed,
	       seq_vm_kind_name(kind), e.operations);
	if (ret)
		shrink_and_print(&vm, ops, n, rule, code);
	else
		print_replay(&vm, ops, n);
	return ret;
usage:
	fprintf(stderr, "%s: want --seed S [--model nogic|v3|v2] [--ops 1..%d] [--vm-vcpus 1..%d]\n",
		program_invocation_name, SEQ_MAX_OPS, IRQ_VM_MAX_VCPUS_LARGE);
	return 2;
}

/* Sequences per model --bench runs: as many as make check's hosts' seeds do. */
#define SEQ_BENCH_SEQUENCES	8

/*
 * Sequence operations per second (each drawn, run and judged, the VMs'
 * creation included) against bare KVM_IRQ_LINE calls per second on the
 * same host, in one run: their ratio is what exploration costs.
 */
static int bench_mode(void)
{
	static struct seq_op ops[SEQ_MAX_OPS];
	enum seq_vm_kind kind;
	struct variants variants;
	char err[160];

	if (env_variants(&variants, err, sizeof(err))) {
		fprintf(stderr, "%s: KVM_IRQ_VARIANTS: %s\n", program_invocation_name, err);
		return 2;
	}
	for (kind = 0; kind < NR_SEQ_VM_KINDS; kind++) {
		struct explored e;
		double start, rate, bare;
		unsigned int i, n;
		const char *why;
		enum rule rule;
		uint8_t code;
		struct seq_vm vm;

		why = kind_lacks(kind);
		if (why) {
			printf("bench sequences-%s: skipped: %s\n", seq_vm_kind_name(kind), why);
			continue;
		}
		explored_init(&e);
		start = monotonic_seconds();
		for (i = 0; i < SEQ_BENCH_SEQUENCES; i++)
			if (one_sequence(kind, IRQ_VM_MAX_VCPUS, SEQ_SEED_BASE + i, SEQ_OPS, &variants, &e, &vm,
					 ops, &n, &rule, &code, &why) < 0)
				break;
		rate = e.operations / (monotonic_seconds() - start);
		bare = seq_bench_bare_calls(kind);
		free(e.states[0]);
		free(e.states[1]);
		if (i < SEQ_BENCH_SEQUENCES || !bare) {
			printf("bench sequences-%s: skipped: %s\n", seq_vm_kind_name(kind),
			       i < SEQ_BENCH_SEQUENCES ? why : "no VM for the bare calls");
			continue;
		}
		printf("bench sequences-%s: %lu sequences, %lu operations: %.0f operations/s (variants: %s)\n",
		       seq_vm_kind_name(kind), e.sequences, e.operations, rate,
		       getenv("KVM_IRQ_VARIANTS") ?: "none pinned");
		printf("bench sequences-%s: bare KVM_IRQ_LINE loop %.0f calls/s\n",
		       seq_vm_kind_name(kind), bare);
		printf("bench sequences-%s: ratio operations/calls %.4f (an operation takes the time of %.0f bare calls)\n",
		       seq_vm_kind_name(kind), rate / bare, bare / rate);
	}
	return 0;
}

static int sequences_mode(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--bench"))
		return host.kvm ? bench_mode() : (fprintf(stderr, "%s: no usable /dev/kvm\n", argv[0]), 4);
	if (argc == 3 && !strcmp(argv[1], "--replay"))
		return replay_line(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "--replay-file"))
		return replay_file(argv[2]);
	if (!strcmp(argv[1], "--seed"))
		return seed_mode(argc, argv);
	return -1;
}

SUITE_MAIN_WITH(sequences_mode)
