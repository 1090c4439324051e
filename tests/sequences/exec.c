// SPDX-License-Identifier: GPL-2.0
/*
 * A sequence on a real VM (exec.h).  Nothing here waits for a margin of
 * time: every KVM_RUN is bounded (lib/run.h), every wait for a vcpu's
 * thread or its guest polls for the event up to a bound, and a bound
 * reached is a mismatch.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kvm_util.h"
#include "processor.h"

#include "abi.h"
#include "exec.h"
#include "host.h"
#include "irq_check.h"
#include "run.h"
#include "sequences.h"

/* Returns one guest command's KVM_RUNs may log (forced ones included). */
#define SEQ_LOG_MAX		96
/* Forced returns in a row: a kernel that forces return after return. */
#define SEQ_FORCED_MAX		64

struct seq_log {
	uint64_t field_in, field_out;	/* device_irq_level before, after */
	struct run_result r;
	uint64_t ticks_before, ticks_after;
	uint32_t changing, applied;	/* the guest's device change markers */
	uint32_t levels_seq;		/* ... and its levels read */
	uint64_t ucall, stage;
};

enum seq_job { JOB_IDLE, JOB_RUN, JOB_LINE, JOB_IMMEXIT, JOB_QUIT };

struct seq_worker {
	struct seq_exec *x;
	unsigned int index;
	struct kvm_vcpu *vcpu;
	pthread_t tid;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	enum seq_job job;		/* under lock */
	bool busy;			/* under lock: posted, not finished */
	uint32_t irq, level;		/* JOB_LINE */
	int err;
	unsigned int nr_log;		/* atomic: the main thread peeks */
	struct seq_log log[SEQ_LOG_MAX];
	char failed[200];
};

/* A VM with no irqchip gets a PMU where KVM has one for its vcpus. */
static bool seq_exec_pmu(void)
{
	return host.pmu_v3 > 0;
}

/* --- the vcpu threads --------------------------------------------------- */

static void log_run(struct seq_worker *w, struct seq_log *e)
{
	struct seq_guest_vcpu *g = &w->x->gv[w->index];
	struct kvm_run *run = w->vcpu->run;

	e->field_in = run->s.regs.device_irq_level;
	e->ticks_before = g->ticks;
	e->r = vcpu_run_bounded(w->vcpu);
	e->field_out = run->s.regs.device_irq_level;
	e->ticks_after = g->ticks;
	e->changing = g->changing;
	e->applied = g->applied;
	e->levels_seq = g->levels_seq;
}

/* KVM_RUN until the guest's SEQ_DONE (or SEQ_READY), every return logged. */
static void do_run(struct seq_worker *w)
{
	unsigned int forced = 0;
	struct seq_log *e;
	struct ucall uc;

	for (;;) {
		if (w->nr_log == SEQ_LOG_MAX) {
			snprintf(w->failed, sizeof(w->failed), "more than %d returns from KVM_RUN for one command",
				 SEQ_LOG_MAX);
			return;
		}
		e = &w->log[w->nr_log];
		memset(e, 0, sizeof(*e));
		log_run(w, e);
		if (!e->r.timed_out && !e->r.err) {
			e->ucall = get_ucall(w->vcpu, &uc);
			e->stage = uc.args[1];
		}
		__atomic_store_n(&w->nr_log, w->nr_log + 1, __ATOMIC_RELEASE);
		if (e->r.timed_out) {
			snprintf(w->failed, sizeof(w->failed),
				 "KVM_RUN did not return within its bound (%u s)", run_bound_seconds());
			return;
		}
		/* Forced, or our own kick (a sleeper's stop): enter again. */
		if (run_forced(&e->r) || (e->r.kicked && e->r.err == EINTR)) {
			if (++forced > SEQ_FORCED_MAX) {
				snprintf(w->failed, sizeof(w->failed),
					 "%d forced returns in a row", SEQ_FORCED_MAX);
				return;
			}
			continue;
		}
		forced = 0;
		if (e->r.err) {
			snprintf(w->failed, sizeof(w->failed), "KVM_RUN: %s", strerror(e->r.err));
			return;
		}
		if (e->ucall == UCALL_SYNC && e->stage == SEQ_STOPPING)
			continue;
		if (e->ucall == UCALL_SYNC && (e->stage == SEQ_DONE || e->stage == SEQ_READY))
			return;
		if (e->ucall == UCALL_ABORT)
			snprintf(w->failed, sizeof(w->failed), "guest assertion: %s, %lu",
				 (const char *)uc.args[0], uc.args[2]);
		else if (e->ucall == UCALL_UNHANDLED)
			snprintf(w->failed, sizeof(w->failed), "guest exception, vector %lu ec 0x%lx",
				 uc.args[0], uc.args[1]);
		else
			snprintf(w->failed, sizeof(w->failed), "exit reason %u, ucall %lu",
				 w->vcpu->run->exit_reason, e->ucall);
		return;
	}
}

static void do_immexit(struct seq_worker *w)
{
	w->vcpu->run->immediate_exit = 1;
	log_run(w, &w->log[0]);
	w->vcpu->run->immediate_exit = 0;
	__atomic_store_n(&w->nr_log, 1, __ATOMIC_RELEASE);
	if (w->log[0].r.timed_out)
		snprintf(w->failed, sizeof(w->failed), "KVM_RUN with immediate_exit did not return");
}

static void *worker_main(void *arg)
{
	struct seq_worker *w = arg;
	enum seq_job job;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (w->job == JOB_IDLE)
			pthread_cond_wait(&w->cond, &w->lock);
		job = w->job;
		if (job == JOB_QUIT)
			break;
		pthread_mutex_unlock(&w->lock);
		if (job == JOB_LINE)
			w->err = irq_line(&w->x->v, w->irq, w->level);
		else if (job == JOB_RUN)
			do_run(w);
		else
			do_immexit(w);
		pthread_mutex_lock(&w->lock);
		w->job = JOB_IDLE;
		w->busy = false;
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	run_bound_release();
	return NULL;
}

static void post(struct seq_worker *w, enum seq_job job)
{
	pthread_mutex_lock(&w->lock);
	if (job == JOB_RUN || job == JOB_IMMEXIT) {
		__atomic_store_n(&w->nr_log, 0, __ATOMIC_RELEASE);
		w->failed[0] = 0;
	}
	w->job = job;
	w->busy = true;
	pthread_cond_broadcast(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

/*
 * A job's end, waited for no longer than its KVM_RUNs can take: false if
 * the thread is stuck (in the kernel: nothing more can be done with it).
 */
static bool finish(struct seq_worker *w)
{
	struct timespec until;
	bool done;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 4 * RUN_BOUND_SECONDS + 5;
	pthread_mutex_lock(&w->lock);
	while (w->busy && pthread_cond_timedwait(&w->cond, &w->lock, &until) != ETIMEDOUT)
		;
	done = !w->busy;
	pthread_mutex_unlock(&w->lock);
	return done;
}

static bool idle(struct seq_worker *w)
{
	bool busy;

	pthread_mutex_lock(&w->lock);
	busy = w->busy;
	pthread_mutex_unlock(&w->lock);
	return !busy;
}

/* --- judging ------------------------------------------------------------- */

/* The checks of j count (under cond); its mismatch is the sequence's. */
static bool judged(struct seq_exec *x, const struct model_judge *j, enum condition cond)
{
	unsigned int i;

	for (i = 0; x->tally && i < j->nr; i++) {
		/* A large VM's checks count under large-vm only (or none), a permuted one's alike. */
		enum condition c = x->m.vm.vm_vcpus ? COND_LARGE_VM :
				   x->m.vm.permuted ? COND_IDS_OUT_OF_ORDER : cond;

		/* Under the condition, where the catalog names it for the rule. */
		x->tally->under = rule_has_condition(j->rule[i], c) ? c : COND_NONE;
		tally_check(x->tally, j->rule[i], 1, j->ok[i], "%s", j->why);
	}
	if (j->failed && !x->failed) {
		x->failed = true;
		x->fail_step = x->step;
		x->fail_op = x->op ? *x->op : (struct seq_op){ 0 };
		x->fail_rule = j->failed_rule;
		snprintf(x->why, sizeof(x->why), "%s", j->why);
	}
	return !j->failed;
}

/* A failure outside the models (a vcpu thread's, a guest's): rule r's. */
static bool failure(struct seq_exec *x, enum rule r, enum condition cond,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static bool failure(struct seq_exec *x, enum rule r, enum condition cond,
		    const char *fmt, ...)
{
	struct model_judge j = { 0 };
	char why[sizeof(j.why)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	model_check(&j, r, false, "%s", why);
	return judged(x, &j, cond);
}

static enum rule primary_rule(const struct seq_exec *x)
{
	return x->m.vm.kind == SEQ_VM_NOGIC ? RULE_CPU_LINE_DELIVERY : RULE_VGIC_DELIVERY;
}

static void count_states(struct seq_exec *x)
{
	if (x->states[0] && x->m.vm.kind == SEQ_VM_NOGIC) {
		state_set_add(x->states[0], cpu_model_hash(&x->m.cpu));
		state_set_add(x->states[1], ui_model_hash(&x->m.ui));
	} else if (x->states[0]) {
		state_set_add(x->states[0], vgic_model_hash(&x->m.vgic));
	}
}

/*
 * What vcpu's last job's KVM_RUNs showed, for a mismatch's words: each
 * return (forced or a ucall), its device_irq_level, and what the guest
 * had done by then (r: ran, c: began its change, a: made it, l: read its
 * levels, which were levels).
 */
static void describe_returns(struct seq_exec *x, unsigned int vcpu, char *buf, size_t len)
{
	struct seq_worker *w = &x->w[vcpu];
	unsigned int i, n = __atomic_load_n(&w->nr_log, __ATOMIC_ACQUIRE);
	uint32_t cmd = x->cmd[vcpu];
	size_t used = 0;

	used += snprintf(buf, len, "; its returns:");
	for (i = 0; i < n && used < len; i++) {
		const struct seq_log *e = &w->log[i];

		used += snprintf(buf + used, len - used, " %s/0x%llx/%s%s%s%s",
				 run_forced(&e->r) ? "forced" : e->r.err ? "error" : "ucall",
				 (unsigned long long)e->field_out,
				 e->ticks_after != e->ticks_before ? "r" : "-",
				 e->changing == cmd ? "c" : "", e->applied == cmd ? "a" : "",
				 e->levels_seq == cmd ? "l" : "");
	}
	if (used < len)
		snprintf(buf + used, len - used, "; the guest read levels 0x%llx",
			 (unsigned long long)x->gv[vcpu].levels);
}

/*
 * Every KVM_RUN return of vcpu's last job against the KVM_CAP_ARM_USER_IRQ
 * model, in order; dev: the command's device change, if any.
 */
static bool judge_returns(struct seq_exec *x, unsigned int vcpu, const struct seq_op *dev,
			  bool immexit, enum condition cond)
{
	struct seq_worker *w = &x->w[vcpu];
	struct seq_guest_vcpu *g = &x->gv[vcpu];
	bool begun = false, made = false, read = false;
	struct model_judge j = { 0 };
	unsigned int i, n = __atomic_load_n(&w->nr_log, __ATOMIC_ACQUIRE);
	struct seq_log *e;

	for (i = 0; i < n && !j.failed; i++) {
		e = &w->log[i];
		if (e->r.timed_out)
			break;
		ui_model_entry(&x->m.ui, vcpu);
		if (dev && !begun && (e->changing == x->cmd[vcpu] || e->applied == x->cmd[vcpu])) {
			ui_model_dev_begin(&x->m.ui, vcpu, dev->a, dev->level);
			begun = true;
		}
		if (dev && !made && e->applied == x->cmd[vcpu]) {
			ui_model_dev(&x->m.ui, vcpu, dev->a, dev->level);
			made = true;
		}
		/* In the KVM_RUN the guest read its levels in: before this return. */
		if (!read && e->levels_seq == x->cmd[vcpu] && !immexit) {
			ui_model_levels_read(&x->m.ui, vcpu, g->levels, &j);
			read = true;
		}
		ui_model_return(&x->m.ui, vcpu,
				&(struct ui_return){ e->r.err, e->r.exit_reason, e->field_out,
						     e->ticks_after != e->ticks_before, e->r.kicked },
				immexit, &j);
	}
	if (j.failed) {
		size_t used = strlen(j.why);

		describe_returns(x, vcpu, j.why + used, sizeof(j.why) - used);
	}
	return judged(x, &j, cond);
}

/* vcpu's job ended well, or a failure naming it. */
static bool worker_ok(struct seq_exec *x, unsigned int vcpu, enum rule r, enum condition cond)
{
	struct seq_worker *w = &x->w[vcpu];
	unsigned int i, n = __atomic_load_n(&w->nr_log, __ATOMIC_ACQUIRE);

	if (!finish(w)) {
		/* Its thread is lost in the kernel: nothing more can run. */
		TEST_FAIL("vcpu %u's thread never came back from KVM_RUN", vcpu);
	}
	if (w->failed[0])
		return failure(x, r, cond, "vcpu %u: %s", vcpu, w->failed);
	for (i = 0; x->m.vm.kind != SEQ_VM_NOGIC && i < n; i++)
		if (run_forced(&w->log[i].r))
			return failure(x, RULE_USER_IRQ_VGIC, cond,
				       "vcpu %u: KVM_RUN returned EINTR (KVM_EXIT_INTR) on a VM with a vgic",
				       vcpu);
	return true;
}

/* --- operations ---------------------------------------------------------- */

static const uint32_t guest_op_of[NR_SEQ_CODES] = {
	[SEQ_MASK] = SEQ_G_MASK, [SEQ_WINDOW] = SEQ_G_WINDOW, [SEQ_SPIN] = SEQ_G_SPIN,
	[SEQ_SLEEP] = SEQ_G_SLEEP,
	[SEQ_DEV] = SEQ_G_DEV, [SEQ_ENABLE] = SEQ_G_ENABLE, [SEQ_CONFIG] = SEQ_G_CONFIG,
	[SEQ_ROUTE] = SEQ_G_ROUTE, [SEQ_ACK] = SEQ_G_ACK, [SEQ_EOI] = SEQ_G_EOI,
	[SEQ_DIR] = SEQ_G_DIR, [SEQ_EOIMODE] = SEQ_G_EOIMODE, [SEQ_READ] = SEQ_G_READ,
	[SEQ_PRIORITY] = SEQ_G_PRIORITY, [SEQ_GROUP] = SEQ_G_GROUP, [SEQ_TARGETS] = SEQ_G_TARGETS,
};

/* vcpu's guest is told op; its thread runs it (and, but for a spin, waits). */
static void command(struct seq_exec *x, const struct seq_op *op)
{
	struct seq_guest_vcpu *g = &x->gv[op->vcpu];

	g->op = guest_op_of[op->code];
	g->arg = op->a;
	g->value = op->code == SEQ_ROUTE ? op->a : op->level;
	g->intid = op->num;
	g->seq = ++x->cmd[op->vcpu];
	post(&x->w[op->vcpu], JOB_RUN);
}

/* Where vcpu is: in KVM_RUN asleep in WFI, spinning, or out of KVM_RUN. */
static enum condition cond_of(const struct seq_exec *x, unsigned int vcpu)
{
	if (!seq_models_spinning(&x->m, vcpu))
		return COND_STOPPED;
	return x->asleep[vcpu] ? COND_SLEEPING : COND_RUNNING;
}

/*
 * The irq field of a KVM_IRQ_LINE: a CPU line's or PPI's vcpu by its
 * creation index (vcpu2_index past 255), an SPI with its ignored vcpu
 * fields filled.
 */
static uint32_t line_field(const struct seq_exec *x, const struct seq_op *op)
{
	unsigned int vcpu = op->a == ABI_IRQ_TYPE_SPI ? 0xa0u + op->vcpu :
			    seq_vm_index(&x->m.vm, op->vcpu);

	return abi_irq(op->a, vcpu, op->num);
}

/*
 * The vcpu a line's change is for: a CPU line's or PPI's, an SPI's target
 * (1-N: the one spinning, if any, else the first).
 */
static unsigned int line_target(const struct seq_exec *x, const struct seq_op *op)
{
	unsigned int targets;
	int k, spinning;

	if (op->a != ABI_IRQ_TYPE_SPI)
		return seq_line_slot(&x->m.vm, op);
	k = vgic_model_index(&x->m.vgic, op->num);
	if (k < 0)
		return 0;
	targets = x->m.vgic.irq[k][0].targets;
	spinning = vgic_model_spinning_of(&x->m.vgic, targets);
	return spinning >= 0 ? (unsigned int)spinning : (unsigned int)__builtin_ctz(targets);
}

/* A vcpu's thread is told to make op's KVM_IRQ_LINE (line_done() waits). */
static void line_post(struct seq_exec *x, const struct seq_op *op)
{
	struct seq_worker *w = &x->w[op->from];

	w->irq = line_field(x, op);
	w->level = op->level;
	post(w, JOB_LINE);
}

/* op's KVM_IRQ_LINE made: by the main thread now, or as posted. */
static int line_done(struct seq_exec *x, const struct seq_op *op)
{
	struct seq_worker *w = &x->w[op->from];

	if (op->from == SEQ_FROM_MAIN)
		return irq_line(&x->v, line_field(x, op), op->level);
	if (!finish(w))
		TEST_FAIL("vcpu %u's thread never came back from KVM_IRQ_LINE", op->from);
	return w->err;
}

/* What op's KVM_IRQ_LINE answered (err), judged; the models follow. */
static bool line_judged(struct seq_exec *x, const struct seq_op *op, int err)
{
	uint32_t irq = line_field(x, op);
	struct abi_verdict want = abi_irq_line(&x->v.abi, irq, op->level);
	enum condition cond = cond_of(x, line_target(x, op));
	struct model_judge j = { 0 };

	if (want.outcome != ABI_UNSPECIFIED)
		model_check(&j, want.rule, want.outcome == ABI_ACCEPT ? !err : err == want.err,
			    "KVM_IRQ_LINE irq=0x%08x level=%u: %s, the documents say %s",
			    irq, op->level, err ? abi_errno_name(err) : "accepted",
			    want.outcome == ABI_ACCEPT ? "accepted" : abi_errno_name(want.err));
	if (!judged(x, &j, cond))
		return false;
	if (!err)
		seq_models_apply(&x->m, op);
	return true;
}

static bool op_line(struct seq_exec *x, const struct seq_op *op)
{
	if (op->from != SEQ_FROM_MAIN)
		line_post(x, op);
	return line_judged(x, op, line_done(x, op));
}

/* Two operations on one line, in whatever order: not at once. */
static bool same_line(const struct seq_exec *x, const struct seq_op *a, const struct seq_op *b)
{
	if (a->a != b->a || a->num != b->num)
		return false;
	return a->a == ABI_IRQ_TYPE_SPI || seq_line_slot(&x->m.vm, a) == seq_line_slot(&x->m.vm, b);
}

/*
 * a and b's KVM_IRQ_LINEs from two threads at once (a vcpu's thread and
 * the main one, or two vcpus'): each posted before either is waited for.
 * On two lines, the order they land in changes nothing the models hold.
 */
static bool op_lines_at_once(struct seq_exec *x, const struct seq_op *a,
			     const struct seq_op *b, unsigned int a_step)
{
	unsigned int b_step = x->step;
	int err_a, err_b;
	bool ok;

	if (a->from != SEQ_FROM_MAIN)
		line_post(x, a);
	if (b->from != SEQ_FROM_MAIN)
		line_post(x, b);
	err_a = line_done(x, a);
	err_b = line_done(x, b);
	x->step = a_step;
	x->op = a;
	ok = line_judged(x, a, err_a);
	x->step = b_step;
	x->op = b;
	return ok && line_judged(x, b, err_b);
}

static bool op_immexit(struct seq_exec *x, const struct seq_op *op)
{
	struct seq_worker *w = &x->w[op->vcpu];

	post(w, JOB_IMMEXIT);
	if (!worker_ok(x, op->vcpu, RULE_USER_IRQ_IMMEDIATE, COND_STOPPED))
		return false;
	return judge_returns(x, op->vcpu, NULL, true, COND_STOPPED);
}

/* Waits for vcpu's guest to say it spins (or sleeps), its thread still in KVM_RUN. */
static bool op_spin(struct seq_exec *x, const struct seq_op *op)
{
	struct seq_guest_vcpu *g = &x->gv[op->vcpu];
	unsigned int ms, bound = 1000 * run_bound_seconds();

	seq_models_apply(&x->m, op);
	command(x, op);
	x->spin_cmd[op->vcpu] = x->cmd[op->vcpu];
	x->asleep[op->vcpu] = op->code == SEQ_SLEEP;
	for (ms = 0; ms < bound; ms++) {
		if (READ_ONCE(g->spinning) == x->spin_cmd[op->vcpu])
			return true;
		if (idle(&x->w[op->vcpu]))
			break;
		usleep(1000);
	}
	if (!worker_ok(x, op->vcpu, primary_rule(x), COND_RUNNING))
		return false;
	return failure(x, primary_rule(x), COND_RUNNING, "vcpu %u never began to spin", op->vcpu);
}

/*
 * The forced returns an armed timer's firing must bring while the guest
 * spins: waited for, up to a run's bound (shorter once one was missed),
 * until the field as the vcpu's returns leave it shows every armed
 * timer high.  The armed timers it never showed high.
 */
static uint64_t await_forced(struct seq_exec *x, unsigned int vcpu)
{
	uint64_t want = ui_model_spin_awaits(&x->m.ui, vcpu), field = x->m.ui.v[vcpu].field;
	struct seq_worker *w = &x->w[vcpu];
	unsigned int ms, n, bound = 1000 * run_bound_seconds();

	for (ms = 0; want && ms < bound && !idle(w); ms++) {
		n = __atomic_load_n(&w->nr_log, __ATOMIC_ACQUIRE);
		if (n)
			field = w->log[n - 1].field_out;
		if ((field & want) == want)
			return 0;
		usleep(1000);
	}
	if (!want || idle(w))
		return 0;
	run_bound_missed();
	return want & ~field;
}

static bool judge_window(struct seq_exec *x, unsigned int vcpu, enum condition cond)
{
	struct seq_guest_vcpu *g = &x->gv[vcpu];
	struct model_judge j = { 0 };
	struct vgic_window w = { 0 };
	unsigned int n;

	if (x->m.vm.kind == SEQ_VM_NOGIC) {
		cpu_model_window(&x->m.cpu, vcpu, (unsigned int[2]){ g->irq, g->fiq }, &j);
		return judged(x, &j, cond);
	}
	w.nr_taken = g->nr_taken < VGIC_MAX_TAKEN ? g->nr_taken : VGIC_MAX_TAKEN;
	for (n = 0; n < w.nr_taken; n++)
		w.taken[n] = g->taken[n];
	w.spurious = g->spurious;
	w.stuck = g->stuck;
	vgic_model_window(&x->m.vgic, vcpu, &w, &j);
	return judged(x, &j, cond);
}

/* Whether vcpu's guest took each of intids (n) in its window so far. */
static bool took_all(const struct seq_guest_vcpu *g, const unsigned int *intids,
		     unsigned int n)
{
	unsigned int i, t, nr = READ_ONCE(g->nr_taken);

	for (i = 0; i < n; i++) {
		for (t = 0; t < nr && t < SEQ_GUEST_TAKEN; t++)
			if (READ_ONCE(g->taken[t]) == intids[i])
				break;
		if (t == nr || t == SEQ_GUEST_TAKEN)
			return false;
	}
	return true;
}

/* Whether vcpu's guest took each CPU line of lines (bit 0 IRQ, 1 FIQ). */
static bool took_lines(const struct seq_guest_vcpu *g, unsigned int lines)
{
	return (!(lines & 1) || READ_ONCE(g->irq)) && (!(lines & 2) || READ_ONCE(g->fiq));
}

/*
 * A vcpu asleep in WFI is woken for what is deliverable to it: all the
 * model says it must have taken by now, it takes before its stop (whose
 * kick would wake it too), waited for up to a run's bound.
 */
static bool await_wakeups(struct seq_exec *x, unsigned int vcpu)
{
	const struct seq_guest_vcpu *g = &x->gv[vcpu];
	unsigned int intids[SEQ_MAX_INTIDS], n = 0, lines = 0, ms, bound = 1000 * run_bound_seconds();
	bool nogic = x->m.vm.kind == SEQ_VM_NOGIC;
	char what[96];
	size_t used;

	if (nogic)
		lines = cpu_model_must_have_taken(&x->m.cpu, vcpu);
	else
		n = vgic_model_must_have_taken(&x->m.vgic, vcpu, intids);
	for (ms = 0; ms < bound; ms++) {
		if (nogic ? took_lines(g, lines) : took_all(g, intids, n))
			return true;
		usleep(1000);
	}
	run_bound_missed();
	if (nogic) {
		snprintf(what, sizeof(what), "%s%s%s", lines & 1 ? "its IRQ line" : "",
			 lines == 3 ? " and " : "", lines & 2 ? "its FIQ line" : "");
	} else {
		used = snprintf(what, sizeof(what), "INTIDs");
		while (n--)
			used += snprintf(what + used, used < sizeof(what) ? sizeof(what) - used : 0,
					 " %u", intids[n]);
	}
	return failure(x, primary_rule(x), COND_SLEEPING,
		       "vcpu %u slept in WFI through %s, deliverable to it, not taken within %u s: KVM did not wake it",
		       vcpu, what, run_bound_seconds());
}

/* The sleeper's stop: kicked out of WFI until its guest has seen it. */
static void wake(struct seq_exec *x, unsigned int vcpu)
{
	struct seq_worker *w = &x->w[vcpu];
	unsigned int ms, bound = 1000 * run_bound_seconds();

	for (ms = 0; ms < bound && READ_ONCE(x->gv[vcpu].stopped) != x->spin_cmd[vcpu] &&
		     !idle(w); ms += 20) {
		vcpu_run_kick(w->tid);
		usleep(20000);
	}
}

/* vcpu's spin (or sleep) told to end; a sleeper kicked out of WFI to see it. */
static void end_spin(struct seq_exec *x, unsigned int vcpu)
{
	WRITE_ONCE(x->gv[vcpu].stop, x->spin_cmd[vcpu]);
	if (x->asleep[vcpu])
		wake(x, vcpu);
	x->asleep[vcpu] = false;
}

static bool op_stop(struct seq_exec *x, const struct seq_op *op)
{
	struct model_judge j = { 0 };
	unsigned int v = op->vcpu;
	bool nogic = x->m.vm.kind == SEQ_VM_NOGIC;
	enum condition cond = cond_of(x, v);
	uint64_t missed = nogic ? await_forced(x, v) : 0;
	bool woken = !x->asleep[v] || await_wakeups(x, v);

	/* Not woken (judged): the guest is told to stop all the same. */
	end_spin(x, v);
	if (!woken)
		return false;
	if (!worker_ok(x, v, primary_rule(x), cond))
		return false;
	if (nogic) {
		if (!judge_returns(x, v, NULL, false, cond))
			return false;
		ui_model_spin_end(&x->m.ui, v, missed, &j);
		if (!judged(x, &j, cond))
			return false;
		return judge_window(x, v, cond);
	}
	if (!judge_window(x, v, cond))
		return false;
	vgic_model_ran(&x->m.vgic, v);
	return true;
}

/* What a guest operation's result says, to the model it is about. */
static bool guest_result(struct seq_exec *x, const struct seq_op *op)
{
	struct seq_guest_vcpu *g = &x->gv[op->vcpu];
	struct vgic_model *m = &x->m.vgic;
	struct model_judge j = { 0 };

	switch (op->code) {
	case SEQ_WINDOW:
		return judge_window(x, op->vcpu, COND_STOPPED);
	case SEQ_ACK:
		vgic_model_ack(m, op->vcpu, g->result, &j);
		return judged(x, &j, COND_STOPPED);
	case SEQ_READ:
		vgic_model_read(m, op->vcpu, op->num, g->result & 1, g->result & 2,
				g->result & 4, &j);
		return judged(x, &j, COND_STOPPED);
	case SEQ_PRIORITY:
		vgic_model_priority(m, op->vcpu, op->num, op->level, g->result, &j);
		return judged(x, &j, COND_STOPPED);
	case SEQ_GROUP:
		vgic_model_group(m, op->vcpu, op->a, op->level, g->result, &j);
		return judged(x, &j, COND_STOPPED);
	case SEQ_ROUTE:
	case SEQ_TARGETS:
		vgic_model_route(m, op->vcpu, op->num, seq_route_mask(op), g->result, &j);
		return judged(x, &j, COND_STOPPED);
	default:
		/* Nothing to observe (SEQ_DEV: its returns said it all). */
		seq_models_apply(&x->m, op);
		return true;
	}
}

static bool op_guest(struct seq_exec *x, const struct seq_op *op)
{
	bool ok;

	command(x, op);
	if (!worker_ok(x, op->vcpu, primary_rule(x), COND_STOPPED))
		return false;
	if (x->m.vm.kind == SEQ_VM_NOGIC)
		return judge_returns(x, op->vcpu, op->code == SEQ_DEV ? op : NULL, false,
				     COND_STOPPED) && guest_result(x, op);
	ok = guest_result(x, op);
	vgic_model_ran(&x->m.vgic, op->vcpu);
	return ok;
}

/* The line held for the next operation, made alone after all. */
static bool flush_pair(struct seq_exec *x)
{
	unsigned int step = x->step;
	const struct seq_op *op = x->op;
	bool ok;

	x->paired = false;
	x->step = x->pair_step;
	x->op = &x->pair;
	ok = op_line(x, &x->pair);
	x->step = step;
	x->op = op;
	return ok;
}

bool seq_exec_op(struct seq_exec *x, const struct seq_op *op)
{
	bool ok;

	if (x->failed)
		return false;
	if (!seq_models_allows(&x->m, op)) {
		x->step++;
		return true;
	}
	x->ops++;
	x->op = op;
	/* A line marked to go at once with the next: held until then. */
	if (x->paired && op->code == SEQ_LINE && op->from != x->pair.from &&
	    !same_line(x, &x->pair, op)) {
		x->paired = false;
		x->at_once++;
		ok = op_lines_at_once(x, &x->pair, op, x->pair_step);
		goto done;
	}
	if (x->paired) {
		if (!flush_pair(x))
			return false;
		/* The line made first may have changed what op may do. */
		if (!seq_models_allows(&x->m, op)) {
			x->ops--;
			x->step++;
			return true;
		}
	}
	if (op->code == SEQ_LINE && op->with_next) {
		x->pair = *op;
		x->pair_step = x->step++;
		x->paired = true;
		return true;
	}
	switch (op->code) {
	case SEQ_LINE:
		ok = op_line(x, op);
		break;
	case SEQ_FIELD:
		x->w[op->vcpu].vcpu->run->s.regs.device_irq_level = op->level;
		ok = seq_models_apply(&x->m, op);
		break;
	case SEQ_IMMEXIT:
		ok = op_immexit(x, op);
		break;
	case SEQ_SPIN:
	case SEQ_SLEEP:
		ok = op_spin(x, op);
		break;
	case SEQ_STOP:
		ok = op_stop(x, op);
		break;
	default:
		ok = op_guest(x, op);
	}
done:
	count_states(x);
	x->step++;
	x->op = NULL;
	return ok;
}

/* --- the VM -------------------------------------------------------------- */

/*
 * What routes an SPI to slot: on v3 its vcpu's affinity, MPIDR_EL1 as the
 * guest reads it (GICD_IROUTER<n> takes Aff3..Aff0 where MPIDR_EL1 has
 * them, IHI 0069 9.9); on v2 the CPU interface mask of vcpu n, 1 << n (a
 * VM of at most 8 vcpus, each its creation index).
 */
static uint64_t route_of(struct seq_exec *x, const struct seq_vm *vm, unsigned int slot)
{
	struct kvm_vcpu *vcpu = x->v.vcpus[seq_vm_index(vm, slot)];
	uint64_t mpidr;

	if (vm->kind != SEQ_VM_V3)
		return 1u << slot;
	vcpu_get_reg(vcpu, KVM_ARM64_SYS_REG(SYS_MPIDR_EL1), &mpidr);
	return mpidr & 0xff00ffffffull;
}

static void guest_config(struct seq_exec *x, const struct seq_vm *vm)
{
	unsigned int k, v;

	x->cfg = addr_gva2hva(x->v.vm, (vm_vaddr_t)&seq_config);
	x->gv = addr_gva2hva(x->v.vm, (vm_vaddr_t)&seq_vcpu);
	x->spis = addr_gva2hva(x->v.vm, (vm_vaddr_t)&seq_spis);
	x->cfg->gic = x->v.gic_version;
	x->cfg->nr_vcpus = seq_vm_size(vm);
	x->cfg->nr_slots = vm->nr_vcpus;
	memset(x->cfg->slot_of, 0xff, sizeof(x->cfg->slot_of));
	x->cfg->nr_intids = vm->nr_intids;
	x->cfg->edge = vm->edge;
	for (k = 0; k < vm->nr_intids; k++) {
		x->cfg->intid[k] = vm->intid[k];
		x->cfg->target[k] = vm->target[k];
		x->cfg->priority[k] = vm->priority[k];
	}
	for (v = 0; v < vm->nr_vcpus; v++) {
		x->cfg->slot_of[seq_vm_index(vm, v)] = v;	/* TPIDR: the index (lib/vm.c) */
		x->cfg->route[v] = route_of(x, vm, v);
		x->gv[v].nr_held = 0;
	}
}

static void start_workers(struct seq_exec *x)
{
	unsigned int i;

	x->w = calloc(x->m.vm.nr_vcpus, sizeof(*x->w));
	TEST_ASSERT(x->w, "no memory for %u vcpu threads", x->m.vm.nr_vcpus);
	for (i = 0; i < x->m.vm.nr_vcpus; i++) {
		struct seq_worker *w = &x->w[i];

		w->x = x;
		w->index = i;
		w->vcpu = x->v.vcpus[seq_vm_index(&x->m.vm, i)];
		pthread_mutex_init(&w->lock, NULL);
		pthread_cond_init(&w->cond, NULL);
		TEST_ASSERT(!pthread_create(&w->tid, NULL, worker_main, w),
			    "pthread_create: %s", strerror(errno));
		w->started = true;
	}
}

/* Each vcpu to its guest's first report, vcpu 0 (which sets up the SPIs) first. */
static bool run_to_ready(struct seq_exec *x)
{
	unsigned int i;

	for (i = 0; i < x->m.vm.nr_vcpus; i++) {
		post(&x->w[i], JOB_RUN);
		if (!worker_ok(x, i, primary_rule(x), COND_STOPPED))
			return false;
		x->w[i].vcpu->run->s.regs.device_irq_level = 0;
	}
	return true;
}

const char *seq_exec_start(struct seq_exec *x, const struct seq_vm *vm,
			   struct tally *tally)
{
	bool nogic = vm->kind == SEQ_VM_NOGIC;
	struct irq_vm_config c = {
		.nr_vcpus = seq_vm_size(vm), .guest_code = seq_guest_main,
		.gic = nogic ? 0 : vm->kind == SEQ_VM_V2 ? 2 : 3,
		.nr_irqs = vm->nr_irqs, .pmu = nogic && seq_exec_pmu(),
	};
	struct state_set *states[2] = { x->states[0], x->states[1] };
	uint32_t ids[IRQ_VM_MAX_VCPUS];
	const char *why;
	unsigned int i;

	for (i = 0; i < vm->nr_vcpus && vm->permuted; i++)
		ids[i] = vm->id[i];
	c.ids = vm->permuted ? ids : NULL;
	memset(x, 0, sizeof(*x));
	x->states[0] = states[0];
	x->states[1] = states[1];
	x->tally = tally;
	why = (nogic ? host_lacks_user_irq() : NULL) ?: irq_vm_create(&x->v, &c);
	if (why)
		return why;
	seq_install_handlers(x->v.vm, !nogic);
	if (c.pmu)
		irq_vm_pmu_init(&x->v, 0);
	guest_config(x, vm);
	seq_models_init(&x->m, vm, c.pmu, host.user_irq);
	start_workers(x);
	if (!run_to_ready(x))
		return NULL;
	/* The devices quiesced, as the guest reads them; the field cleared. */
	for (i = 0; nogic && i < vm->nr_vcpus; i++) {
		struct model_judge j = { 0 };

		ui_model_levels_read(&x->m.ui, i, x->gv[i].levels, &j);
		if (!judged(x, &j, COND_STOPPED))
			break;
		ui_model_field(&x->m.ui, i, 0);
	}
	return NULL;
}

bool seq_exec_end(struct seq_exec *x)
{
	struct seq_op stop = { .code = SEQ_STOP, .from = SEQ_FROM_MAIN };
	unsigned int i;

	if (x->paired && !x->failed)
		flush_pair(x);

	for (i = 0; i < x->m.vm.nr_vcpus && x->w; i++) {
		stop.vcpu = i;
		if (seq_models_spinning(&x->m, i) && !x->failed)
			seq_exec_op(x, &stop);
		else if (seq_models_spinning(&x->m, i))
			end_spin(x, i);
	}
	for (i = 0; i < x->m.vm.nr_vcpus && x->w; i++) {
		if (!x->w[i].started)
			continue;
		if (!finish(&x->w[i]))
			TEST_FAIL("vcpu %u's thread never came back from KVM_RUN", i);
		post(&x->w[i], JOB_QUIT);
		pthread_join(x->w[i].tid, NULL);
	}
	free(x->w);
	x->w = NULL;
	irq_vm_destroy(&x->v);
	return !x->failed;
}
