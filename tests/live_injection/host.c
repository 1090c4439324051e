// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts injected while the vcpus are in KVM_RUN, from another thread,
 * as a VMM's device threads inject them: the target spins in the guest or
 * sleeps in WFI, its vcpu ids may differ from its creation order, and the
 * VM may have hundreds of vcpus.  Under each condition exactly the vcpu
 * the oracle names (the creation index of the CPU and PPI types' vcpu
 * field; the vcpu the guest routed an SPI to) must take the interrupt,
 * within a bound, and no other vcpu.
 *
 * The PPI is level-triggered, as PPIs are; vcpu i's SPI is edge-triggered
 * for odd i and level-triggered for even i (live_injection.h).
 *
 * Each live vcpu has a thread that runs it, and stays in KVM_RUN, asleep
 * in WFI with interrupts unmasked, from round to round.  A round: the
 * target is made to wait as the condition says (a spinning target is
 * kicked out and sent back to spin); once every live vcpu says it is
 * waiting, the main thread raises one line; the vcpu that takes it
 * reports and parks; the main thread lowers the line and sends it back to
 * sleep.  At the end every vcpu is kicked out of KVM_RUN: one that took an
 * interrupt meant for another after its round was judged shows then.  No
 * result depends on timing: a lost interrupt is a wait that reaches the
 * bound (lib/run.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "suite.h"

#include "kvm_util.h"
#include "processor.h"
#include "vgic.h"

#include "abi.h"
#include "irq_check.h"
#include "live_injection.h"
#include "vm.h"

/* Sampled large VM: vcpus on each side of 8 (GICv2's limit), 16 (MPIDR
 * Aff0) and 256 (vcpu_index's 8 bits); KVM_IRQ_LARGE_VMS=full runs all. */
#define LARGE_SAMPLE_VCPUS	257
/* Every vcpu of 512, on the slowest board: no more than this. */
#define LARGE_FULL_SECONDS	1200
static const unsigned int large_sample[] = {
	0, 1, 7, 8, 9, 15, 16, 17, 254, 255, 256,
};

/* Ids that permute the creation indices: every field names a vcpu. */
static const uint32_t permuted_ids[] = { 2, 0, 3, 1 };

enum kind { KIND_IRQ, KIND_FIQ, KIND_PPI, KIND_SPI, NR_KINDS };
static const char *const kind_name[NR_KINDS] = { "irq", "fiq", "ppi", "spi" };

/*
 * A vcpu thread is either in (looping on KVM_RUN) or parked.  It parks
 * itself when its guest reports, and when the main thread asks (a kick,
 * which ends the KVM_RUN); the main thread releases it again.
 */
struct vcpu_thread {
	struct live *l;
	struct kvm_vcpu *vcpu;
	unsigned int index;
	pthread_t tid;
	volatile pid_t ktid;		/* its kernel thread id, 0 until it runs */
	pthread_cond_t wake;		/* the main thread released it */
	bool in, parked;		/* under l->lock */
	/* Since its last release; read by the main thread once parked. */
	volatile bool reported;
	uint64_t mpidr;			/* the reporting guest's MPIDR_EL1 */
	char failed[120];
};

struct live {
	struct irq_vm v;
	struct live_config *cfg;
	volatile struct live_slot *slots;
	struct vcpu_thread *t;
	unsigned int nr_live;
	pthread_mutex_t lock;
	pthread_cond_t parked;		/* a thread parked */
	bool quit;
	unsigned int round;
	enum rule rule;			/* D01, or A20 with a vgic */
	enum condition condition;	/* what every round of the test holds under */
	bool ids_permuted;		/* A14 too, for what the vcpu field names */
	unsigned long lost;		/* rounds taken by no vcpu */
};

/* What one KVM_RUN ends in. */
enum run_end { RUN_AGAIN, RUN_FAILED, RUN_REPORTED };

/* One KVM_RUN: whether the thread goes on, or parks (a failure, a report). */
static enum run_end run_once(struct vcpu_thread *t)
{
	struct ucall uc;

	if (__vcpu_run(t->vcpu)) {
		if (errno == EINTR)
			return RUN_AGAIN;	/* kicked */
		snprintf(t->failed, sizeof(t->failed), "KVM_RUN: %s", strerror(errno));
		return RUN_FAILED;
	}
	switch (get_ucall(t->vcpu, &uc)) {
	case UCALL_SYNC:
		if (uc.args[1] == LIVE_TAKEN) {
			t->mpidr = uc.args[2];
			return RUN_REPORTED;
		}
		snprintf(t->failed, sizeof(t->failed), "stage 0x%lx", uc.args[1]);
		break;
	case UCALL_ABORT:
		snprintf(t->failed, sizeof(t->failed), "guest assertion: %s",
			 (const char *)uc.args[0]);
		break;
	case UCALL_UNHANDLED:
		snprintf(t->failed, sizeof(t->failed),
			 "guest exception, vector %lu ec 0x%lx", uc.args[0], uc.args[1]);
		break;
	default:
		snprintf(t->failed, sizeof(t->failed), "exit reason %u",
			 t->vcpu->run->exit_reason);
	}
	return RUN_FAILED;
}

/*
 * No bound of its own: the main thread bounds every wait for a guest, and
 * a kick ends any KVM_RUN.
 */
static void *vcpu_thread_main(void *arg)
{
	struct vcpu_thread *t = arg;
	struct live *l = t->l;
	enum run_end end;

	t->ktid = gettid();
	pthread_mutex_lock(&l->lock);
	while (!l->quit) {
		if (!t->in) {
			t->parked = true;
			pthread_cond_signal(&l->parked);
			pthread_cond_wait(&t->wake, &l->lock);
			continue;
		}
		t->parked = false;
		pthread_mutex_unlock(&l->lock);
		end = run_once(t);
		pthread_mutex_lock(&l->lock);
		/*
		 * The report and leaving KVM_RUN are one step under the lock:
		 * a release that follows the report, seen as soon as it is
		 * made, must not be undone by this thread's in = false.
		 */
		if (end != RUN_AGAIN) {
			t->reported = end == RUN_REPORTED;
			t->in = false;
		}
	}
	t->parked = true;
	pthread_cond_signal(&l->parked);
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* Back into KVM_RUN; its guest says so by setting its waiting flag again. */
static void release(struct live *l, struct vcpu_thread *t)
{
	l->slots[t->index].waiting = 0;
	pthread_mutex_lock(&l->lock);
	t->reported = false;
	t->in = true;
	pthread_cond_signal(&t->wake);
	pthread_mutex_unlock(&l->lock);
}

/* Kick until it parks; false if it does not within the run bound. */
static bool park(struct live *l, struct vcpu_thread *t)
{
	unsigned long ms, bound = 1000ul * RUN_BOUND_SECONDS;
	bool parked;

	pthread_mutex_lock(&l->lock);
	t->in = false;
	for (ms = 0; !(parked = t->parked) && ms < bound; ms++) {
		pthread_mutex_unlock(&l->lock);
		vcpu_run_kick(t->tid);
		usleep(1000);
		pthread_mutex_lock(&l->lock);
	}
	pthread_mutex_unlock(&l->lock);
	return parked;
}

/* Polls cond(l) every millisecond for as long as one run's bound. */
static bool wait_for(bool (*cond)(struct live *), struct live *l)
{
	unsigned long ms, bound = 1000ul * run_bound_seconds();

	for (ms = 0; !cond(l); ms++) {
		if (ms == bound) {
			run_bound_missed();
			return false;
		}
		usleep(1000);
	}
	return true;
}

/*
 * Blocked in KVM_RUN: asleep (state S, as kvm_vcpu_block leaves it), in
 * the ioctl (/proc's syscall file: __NR_ioctl, the vcpu fd, KVM_RUN).  A
 * vcpu in the guest reads "running"; one preempted on its way in, R.
 */
static bool is_blocked(struct vcpu_thread *t)
{
	char path[64], buf[128], state = 0;
	unsigned long nr, fd, cmd;
	FILE *f;
	int n;

	if (!t->ktid)
		return false;
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", t->ktid);
	f = fopen(path, "r");
	if (!f)
		return false;
	n = fscanf(f, "%*d (%*[^)]) %c", &state);
	fclose(f);
	if (n != 1 || state != 'S')
		return false;
	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", t->ktid);
	f = fopen(path, "r");
	if (!f)
		return false;
	n = fgets(buf, sizeof(buf), f) ? sscanf(buf, "%lu %lx %lx", &nr, &fd, &cmd) : 0;
	fclose(f);
	return n == 3 && nr == __NR_ioctl && fd == (unsigned long)t->vcpu->fd && cmd == KVM_RUN;
}

/* Every vcpu told to sleep is blocked in KVM_RUN, not only in its WFI. */
static bool all_asleep(struct live *l)
{
	unsigned int i;

	for (i = 0; i < l->nr_live; i++)
		if (l->slots[l->t[i].index].wait == LIVE_SLEEP && !is_blocked(&l->t[i]))
			return false;
	return true;
}

static bool is_waiting(struct live *l, struct vcpu_thread *t)
{
	return l->slots[t->index].waiting;
}

static bool all_waiting(struct live *l)
{
	unsigned int i;

	for (i = 0; i < l->nr_live; i++)
		if (!is_waiting(l, &l->t[i]))
			return false;
	return true;
}

static bool any_reported(struct live *l)
{
	unsigned int i;

	for (i = 0; i < l->nr_live; i++)
		if (l->t[i].reported || l->t[i].failed[0])
			return true;
	return false;
}

/* Until a thread parks with a report or a failure, within the run bound. */
static bool wait_for_report(struct live *l)
{
	struct timespec until;
	bool any;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += run_bound_seconds();
	pthread_mutex_lock(&l->lock);
	while (!(any = any_reported(l)))
		if (pthread_cond_timedwait(&l->parked, &l->lock, &until) == ETIMEDOUT)
			break;
	any = any || any_reported(l);
	pthread_mutex_unlock(&l->lock);
	if (!any)
		run_bound_missed();
	return any;
}

static void log_stragglers(struct live *l)
{
	unsigned int i;

	for (i = 0; i < l->nr_live; i++) {
		struct vcpu_thread *t = &l->t[i];

		if (!is_waiting(l, t))
			printf("# vcpu %u not in its wait (in=%d parked=%d reported=%d irq=%lu fiq=%lu intid=%lu)%s%s\n",
			       t->index, t->in, t->parked, t->reported, l->slots[t->index].irq,
			       l->slots[t->index].fiq, l->slots[t->index].intid,
			       t->failed[0] ? ": " : "", t->failed);
		else if (l->slots[t->index].wait == LIVE_SLEEP && !is_blocked(t))
			printf("# vcpu %u in its WFI, but its thread %d not blocked in KVM_RUN\n",
			       t->index, t->ktid);
	}
}

static uint32_t irq_field(struct live *l, enum kind kind, unsigned int target)
{
	switch (kind) {
	case KIND_IRQ:
		return abi_irq(ABI_IRQ_TYPE_CPU, target, ABI_CPU_IRQ);
	case KIND_FIQ:
		return abi_irq(ABI_IRQ_TYPE_CPU, target, ABI_CPU_FIQ);
	case KIND_PPI:
		return abi_irq(ABI_IRQ_TYPE_PPI, target, LIVE_PPI);
	default:
		/* Documented as ignored for SPIs: fill vcpu_index and vcpu2_index. */
		return abi_irq(ABI_IRQ_TYPE_SPI, l->v.abi.layout_2 ? 0x7a5 : 0xa5,
			       LIVE_SPI_BASE + target);
	}
}

/* Did the slot take exactly this interrupt, and nothing else? */
static bool took(volatile struct live_slot *s, enum kind kind, unsigned int target)
{
	switch (kind) {
	case KIND_IRQ:
		return s->irq == 1 && !s->fiq && !s->intid;
	case KIND_FIQ:
		return s->fiq == 1 && !s->irq && !s->intid;
	case KIND_PPI:
		return s->intid == LIVE_PPI && !s->irq && !s->fiq;
	default:
		return s->intid == LIVE_SPI_BASE + target && !s->irq && !s->fiq;
	}
}

/*
 * The vcpus that reported, as "index3" or "index1+index3" ("none"),
 * each logged with what its guest took and its MPIDR_EL1.
 */
static void takers(struct live *l, char *who, size_t len)
{
	unsigned int i;
	size_t n = 0;

	for (i = 0; i < l->nr_live; i++) {
		struct vcpu_thread *t = &l->t[i];
		volatile struct live_slot *s = &l->slots[t->index];

		if (!t->reported)
			continue;
		if (n < len)
			n += snprintf(who + n, len - n, "%sindex%u", n ? "+" : "", t->index);
		printf("#   vcpu %u (MPIDR_EL1 0x%lx) took irq=%lu fiq=%lu intid=%lu\n",
		       t->index, t->mpidr, s->irq, s->fiq, s->intid);
	}
	if (!n)
		snprintf(who, len, "none");
}

/*
 * One round, one check of the test's rule under its condition; of A14 too
 * where the ids are permuted and the field names the vcpu; again under
 * vcpu-256 for vcpus 256 and up.
 */
static void check_round(struct live *l, enum kind kind, unsigned int target,
			bool right, const char *what)
{
	check_under(l->condition);
	check(l->rule, right, "%s", what);
	if (l->ids_permuted && kind != KIND_SPI)
		check(RULE_IRQ_VCPU_INDEX, right, "%s", what);
	if (target >= 256) {
		check_under(COND_VCPU_256);
		check(l->rule, right, "%s", what);
	}
}

/*
 * Park every vcpu (the end of the test): a vcpu that took an interrupt
 * meant for another after that round was judged is a mismatch too.
 */
static void late_takers(struct live *l)
{
	unsigned int i;

	check_under(l->condition);
	for (i = 0; i < l->nr_live; i++) {
		struct vcpu_thread *t = &l->t[i];

		TEST_ASSERT(park(l, t), "vcpu %u never came back to its slot", t->index);
		if (!t->reported)
			continue;
		check(l->rule, false, "vcpu %u took an interrupt meant for another (irq=%lu fiq=%lu intid=%lu)",
		      t->index, l->slots[t->index].irq, l->slots[t->index].fiq,
		      l->slots[t->index].intid);
		check_deviation("late@%u", t->index);
	}
}

/*
 * One round: `kind` for vcpu `target` (for an SPI, the vcpu it is routed
 * to), the target waiting as `wait`, every other live vcpu asleep in
 * KVM_RUN since the start.  Logs and pins a mismatch.
 */
static void inject_round(struct live *l,
			 enum kind kind, struct vcpu_thread *target, enum live_wait wait)
{
	uint32_t irq = irq_field(l, kind, target->index);
	int meant = abi_irq_target(&l->v.abi, irq);
	unsigned int i, reporters = 0;
	bool right = false;
	char who[64], what[160];
	int err;

	if (meant == ABI_TARGET_ROUTED)
		meant = target->index;
	suite_step("starting a round for vcpu", target->index);
	l->round++;
	/* Asleep it stays in KVM_RUN; to spin, it must read its orders anew. */
	if (l->slots[target->index].wait != wait) {
		TEST_ASSERT(park(l, target), "vcpu %u never came back to its slot", target->index);
		l->slots[target->index].wait = wait;
		release(l, target);
	}
	if (!wait_for(all_waiting, l))
		log_stragglers(l);
	TEST_ASSERT(all_waiting(l), "round %u: not every vcpu is waiting", l->round);
	/*
	 * In WFI is not yet asleep: until KVM blocks the vcpu thread, a line
	 * raised now meets a vcpu in the guest, which is the running case.
	 */
	if (!wait_for(all_asleep, l))
		log_stragglers(l);
	TEST_ASSERT(all_asleep(l), "round %u: not every vcpu is asleep", l->round);

	suite_step("waiting for the interrupt of vcpu", target->index);
	err = irq_line(&l->v, irq, 1);
	TEST_ASSERT(!err, "KVM_IRQ_LINE irq=0x%08x: %s", irq, abi_errno_name(err));
	wait_for_report(l);
	err = irq_line(&l->v, irq, 0);
	TEST_ASSERT(!err, "KVM_IRQ_LINE irq=0x%08x level 0: %s", irq, abi_errno_name(err));

	for (i = 0; i < l->nr_live; i++) {
		struct vcpu_thread *t = &l->t[i];

		TEST_ASSERT(!t->failed[0], "vcpu %u: %s", t->index, t->failed);
		if (!t->reported)
			continue;
		reporters++;
		right = t->index == (unsigned int)meant &&
			took(&l->slots[t->index], kind, target->index);
	}
	right = right && reporters == 1;
	takers(l, who, sizeof(who));
	snprintf(what, sizeof(what), "%s %s for vcpu %d (irq=0x%08x): taken by %s",
		 kind_name[kind], wait == LIVE_SLEEP ? "while asleep" : "while spinning",
		 meant, irq, who);
	check_round(l, kind, target->index, right, what);
	/*
	 * Taken by no vcpu at all: whether a racing change is lost can vary
	 * from run to run, so the pin says only that it was.
	 */
	if (!right && reporters)
		check_deviation("%s@%d=%s", kind_name[kind], meant, who);
	else if (!right)
		l->lost++;
	/* Whoever took it goes back to sleep for the next round. */
	l->slots[target->index].wait = LIVE_SLEEP;
	for (i = 0; i < l->nr_live; i++)
		if (l->t[i].reported)
			release(l, &l->t[i]);
}

/*
 * "Running" means in the guest while another thread injects: with two
 * CPUs or more, the main thread keeps CPU 0 and the vcpu threads share the
 * others, so that an injection does not wait for the target to be
 * descheduled.  With one, no vcpu runs while another thread injects.
 */
static int online_cpus(void)
{
	return sysconf(_SC_NPROCESSORS_ONLN);
}

static void pin_to(pthread_t thread, int first, int last, int n)
{
	cpu_set_t set;
	int cpu;

	CPU_ZERO(&set);
	for (cpu = first; cpu <= last && cpu < n; cpu++)
		CPU_SET(cpu, &set);
	pthread_setaffinity_np(thread, sizeof(set), &set);
}

/* The live vcpus: run to their first report here, then their threads. */
static void live_start(struct live *l, const unsigned int *live, unsigned int nr_live)
{
	unsigned int i;

	l->t = calloc(nr_live, sizeof(*l->t));
	TEST_ASSERT(l->t, "no memory for %u vcpu threads", nr_live);
	l->nr_live = nr_live;
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->parked, NULL);
	/* Set up serially: vcpu 0 first, it sets up the distributor. */
	for (i = 0; i < nr_live; i++) {
		struct vcpu_thread *t = &l->t[i];
		struct ucall uc;

		t->l = l;
		t->index = live ? live[i] : i;
		t->vcpu = l->v.vcpus[t->index];
		pthread_cond_init(&t->wake, NULL);
		suite_step("setting up vcpu", t->index);
		vcpu_run_to_sync(t->vcpu, LIVE_READY, &uc);
	}
	for (i = 0; i < nr_live; i++) {
		l->slots[l->t[i].index].wait = LIVE_SLEEP;
		l->t[i].in = true;
		TEST_ASSERT(!pthread_create(&l->t[i].tid, NULL, vcpu_thread_main, &l->t[i]),
			    "pthread_create");
		if (online_cpus() > 1)
			pin_to(l->t[i].tid, 1, online_cpus() - 1, online_cpus());
	}
	if (online_cpus() > 1)
		pin_to(pthread_self(), 0, 0, online_cpus());
}

static void live_stop(struct live *l)
{
	unsigned int i;

	pthread_mutex_lock(&l->lock);
	l->quit = true;
	for (i = 0; i < l->nr_live; i++)
		pthread_cond_signal(&l->t[i].wake);
	pthread_mutex_unlock(&l->lock);
	/* A kick that lands before the thread's KVM_RUN is lost: repeat. */
	for (i = 0; i < l->nr_live; i++) {
		unsigned long ms;

		for (ms = 0; ms < 1000ul * RUN_BOUND_SECONDS; ms++) {
			if (pthread_tryjoin_np(l->t[i].tid, NULL) != EBUSY)
				break;
			vcpu_run_kick(l->t[i].tid);
			usleep(1000);
		}
	}
	free(l->t);
	l->t = NULL;
}

/*
 * nr_vcpus vcpus (ids, if not NULL) of which the first nr_live run, or
 * those in live[]; checks of the test hold under condition.
 */
static const char *live_create(struct live *l, int gic, unsigned int nr_vcpus,
			       const uint32_t *ids, const unsigned int *live,
			       unsigned int nr_live, enum condition condition)
{
	/* Room for the SPI of every vcpu, in steps of 32. */
	struct irq_vm_config c = {
		.nr_vcpus = nr_vcpus, .ids = ids, .guest_code = live_guest_main,
		.gic = gic, .nr_irqs = (LIVE_SPI_BASE + nr_vcpus + 31) / 32 * 32,
	};
	const char *why = irq_vm_create(&l->v, &c);

	if (why)
		return why;
	live_install_handlers(l->v.vm);
	l->cfg = addr_gva2hva(l->v.vm, (vm_vaddr_t)&live_config);
	l->slots = addr_gva2hva(l->v.vm, (vm_vaddr_t)live_slot);
	l->cfg->gic = gic;
	l->cfg->nr_vcpus = nr_vcpus;
	l->rule = gic ? RULE_VGIC_DELIVERY : RULE_CPU_LINE_DELIVERY;
	l->condition = condition;
	l->ids_permuted = ids != NULL;
	live_start(l, live, nr_live);
	return NULL;
}

static void live_destroy(struct live *l)
{
	if (l->t)
		live_stop(l);
	if (l->v.vm)
		irq_vm_destroy(&l->v);
}

/* Every kind of interrupt the VM has, for every vcpu in `targets`. */
static void all_rounds(struct live *l, int gic,
		       enum live_wait wait)
{
	enum kind first = gic ? KIND_PPI : KIND_IRQ, last = gic ? KIND_SPI : KIND_FIQ;
	unsigned int i;
	enum kind k;

	for (i = 0; i < l->nr_live; i++)
		for (k = first; k <= last; k++)
			inject_round(l, k, &l->t[i], wait);
	late_takers(l);
	if (l->lost)
		check_deviation("lost");
}

/* ------------------------------------------------------------------------
 * The target running or asleep; 4 vcpus, ids in order.
 */
/* The three live fixtures: a struct live, the vgic version per variant. */
#define LIVE_FIXTURE(f)							\
	FIXTURE(f) {							\
		struct live l;						\
	};								\
	FIXTURE_VARIANT(f) {						\
		int gic;						\
	};								\
	SUITE_TEARDOWN(f)						\
	{								\
		live_destroy(&self->l);					\
	}

LIVE_FIXTURE(live);
FIXTURE_VARIANT_ADD(live, cpu) { .gic = 0 };
FIXTURE_VARIANT_ADD(live, v2) { .gic = 2 };
FIXTURE_VARIANT_ADD(live, v3) { .gic = 3 };

/* Each test says how the target waits: the condition of its rounds. */
SUITE_SETUP(live)
{
	return live_create(&self->l, variant->gic, 4, NULL, NULL, 4, COND_NONE);
}

/* The target spins in the guest, never exiting on its own: KVM must kick it. */
SUITE_TEST(live, running)
{
	if (online_cpus() < 2)
		SKIP_FOR(SMP, "one CPU: no vcpu runs in the guest while another thread injects");
	self->l.condition = COND_RUNNING;
	all_rounds(&self->l, variant->gic, LIVE_SPIN);
}

/* The target sleeps in WFI with nothing else to wake it: KVM must. */
SUITE_TEST(live, sleeping)
{
	self->l.condition = COND_SLEEPING;
	all_rounds(&self->l, variant->gic, LIVE_SLEEP);
}

/* ------------------------------------------------------------------------
 * vcpu ids that permute the creation order: the field's vcpu_index names
 * a creation index, and that vcpu must take it, seen in the guest.
 */
LIVE_FIXTURE(live_ids);
FIXTURE_VARIANT_ADD(live_ids, cpu) { .gic = 0 };
FIXTURE_VARIANT_ADD(live_ids, v2) { .gic = 2 };
FIXTURE_VARIANT_ADD(live_ids, v3) { .gic = 3 };

SUITE_SETUP(live_ids)
{
	unsigned int n = ARRAY_SIZE(permuted_ids);

	return live_create(&self->l, variant->gic, n, permuted_ids, NULL, n,
			   COND_IDS_OUT_OF_ORDER);
}

SUITE_TEST(live_ids, taken_by_creation_index)
{
	TH_LOG("vcpu ids by creation index: 2 0 3 1");
	all_rounds(&self->l, variant->gic, LIVE_SLEEP);
}

/* ------------------------------------------------------------------------
 * More than 8 vcpus in KVM_RUN at once, and, with LAYOUT_2, vcpus 256 and
 * up.  Here a sample of a 257-vcpu VM runs; on a board,
 * KVM_IRQ_LARGE_VMS=full (run_tests.sh --large-vms full) builds the
 * largest VM KVM_CAP_MAX_VCPUS allows and runs every vcpu.
 */
LIVE_FIXTURE(live_large);
FIXTURE_VARIANT_ADD(live_large, cpu) { .gic = 0 };
FIXTURE_VARIANT_ADD(live_large, v3) { .gic = 3 };

static bool large_full(void)
{
	const char *mode = getenv("KVM_IRQ_LARGE_VMS");

	return mode && !strcmp(mode, "full");
}

SUITE_SETUP(live_large)
{
	unsigned int n = LARGE_SAMPLE_VCPUS;
	const char *why;

	if (large_full() && host.max_vcpus > 0)
		n = host.max_vcpus < IRQ_VM_MAX_VCPUS_LARGE ? host.max_vcpus :
							      IRQ_VM_MAX_VCPUS_LARGE;
	why = host_lacks_vm(variant->gic, n < LARGE_SAMPLE_VCPUS ? LARGE_SAMPLE_VCPUS : n);
	if (!why && host.layout_2 <= 0)
		why = FEATURE(LAYOUT_2) "no KVM_CAP_ARM_IRQ_LINE_LAYOUT_2: vcpus 256 and up have no vcpu field";
	if (!why && large_full())
		why = live_create(&self->l, variant->gic, n, NULL, NULL, n, COND_MANY_VCPUS);
	else if (!why)
		why = live_create(&self->l, variant->gic, n, NULL, large_sample,
				  ARRAY_SIZE(large_sample), COND_MANY_VCPUS);
	if (!why)
		TH_LOG("%u vcpus, %u of them running", n, self->l.nr_live);
	return why;
}

SUITE_TEST_TIMEOUT(live_large, each_takes_its_own, LARGE_FULL_SECONDS)
{
	all_rounds(&self->l, variant->gic, LIVE_SLEEP);
}

SUITE_MAIN()
