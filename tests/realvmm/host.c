// SPDX-License-Identifier: GPL-2.0
/*
 * A real VMM on the kernel under test: Debian's QEMU (qemu-system-aarch64
 * -accel kvm, machine virt) boots a small Linux guest
 * (guest_code/realvmm/init) and the guest must see its interrupts.  Two
 * modes, one boot each:
 *   vgic: the in-kernel vgic of the host's own GIC version; QEMU injects
 *         its devices' SPIs with KVM_IRQ_LINE;
 *   irqchip_off: kernel_irqchip=off, QEMU's userspace GICv2 (what
 *         KVM_CAP_ARM_USER_IRQ exists for): the timer's level comes to QEMU
 *         in device_irq_level, QEMU drives the CPU IRQ line with
 *         KVM_IRQ_LINE.
 * Devices: the EL1 virtual timer on every vcpu (a Linux guest uses no
 * other timer), the pl011 UART's receive interrupt, a virtio-mmio
 * device's (virtio-rng), IPIs.  The guest prints /proc/interrupts before
 * and after a bounded workload; each count must move, the guest reach its
 * end marker and QEMU exit cleanly, within a bound.  The guest's console
 * goes to the log.
 *
 * Where QEMU and the guest are: /realvmm on the emulated host (a second
 * initramfs, emuhost/mkinitramfs.sh --realvmm), or KVM_IRQ_QEMU (a
 * qemu-system-aarch64; else the installed one, Debian's qemu-system-arm),
 * KVM_IRQ_GUEST_KERNEL and KVM_IRQ_GUEST_INITRD (run_tests.sh --qemu,
 * --guest-kernel, --guest-initrd).  KVM_IRQ_GUEST_APPEND (--guest-append)
 * adds to the guest kernel's command line.
 *
 * KVM_IRQ_REALVMM=full (run_tests.sh --real-vmm full) boots more: the
 * vgic with 1 to 4 vcpus, and a vgic-v2 beside the vgic-v3 where the host
 * can create one; kernel_irqchip=off with 1 and 2 vcpus.
 */
#include "suite.h"

#include "console.h"
#include "test_util.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>

#define REALVMM_DIR		"/realvmm"
#define REALVMM_LD		REALVMM_DIR "/lib/ld-linux-aarch64.so.1"
#define REALVMM_LIBS		REALVMM_DIR "/usr/lib/aarch64-linux-gnu"
#define REALVMM_QEMU		REALVMM_DIR "/usr/bin/qemu-system-aarch64"
#define REALVMM_KERNEL		REALVMM_DIR "/guest/Image"
#define REALVMM_INITRD		REALVMM_DIR "/guest/initrd.cpio.gz"
/* Natively: Debian's qemu-system-arm installs it here. */
#define INSTALLED_QEMU		"/usr/bin/qemu-system-aarch64"
/*
 * A guest boots in 10 to 60 s on the emulated hosts; past this (or
 * KVM_IRQ_REALVMM_SECONDS) it is hung: QEMU is killed, the check fails.
 */
#define REALVMM_SECONDS		600
/* The guest kernel's command line: its console is the pl011 QEMU reads. */
#define GUEST_CMDLINE		"console=ttyAMA0 panic=-1 loglevel=1"

/* One run of QEMU: what its guest said, and how it ended. */
struct guest_run {
	struct guest_console console;
	bool timed_out;
	int status;			/* QEMU's, from waitpid */
};

FIXTURE(realvmm) {
	const char *qemu, *kernel, *initrd;
	char cmdline[256];		/* the guest kernel's */
	bool bundled;			/* QEMU from /realvmm, through its loader */
	unsigned int gic;		/* the in-kernel vgic's version, 0: kernel_irqchip=off */
};

FIXTURE_VARIANT(realvmm) {
	bool irqchip_off;
};

FIXTURE_VARIANT_ADD(realvmm, vgic) {};
FIXTURE_VARIANT_ADD(realvmm, irqchip_off) { .irqchip_off = true };

/* One boot: QEMU's GIC (0: kernel_irqchip=off, its userspace GICv2) and vcpus. */
struct boot {
	unsigned int gic, vcpus;
};

#define MAX_BOOTS	6

/*
 * The boots of this mode: one with 2 vcpus (the default run's budget), or
 * with KVM_IRQ_REALVMM=full every vcpu count QEMU's GICs are exercised
 * with and, on a host that can create both, the other vgic.
 */
static unsigned int boots_of(FIXTURE_DATA(realvmm) *self, struct boot *b)
{
	const char *how = getenv("KVM_IRQ_REALVMM");
	bool full = how && !strcmp(how, "full");
	unsigned int n = 0, v;

	if (!full) {
		b[n++] = (struct boot){ self->gic, 2 };
		return n;
	}
	for (v = 1; v <= (self->gic ? 4 : 2); v++)
		b[n++] = (struct boot){ self->gic, v };
	if (self->gic == 3 && host.vgic_v2)
		b[n++] = (struct boot){ 2, 2 };
	return n;
}

static const char *env_or(const char *name, const char *dflt)
{
	const char *s = getenv(name);

	return s && *s ? s : dflt;
}

SUITE_SETUP(realvmm)
{
	const char *extra;
	size_t len;

	self->qemu = env_or("KVM_IRQ_QEMU", access(REALVMM_QEMU, X_OK) ? INSTALLED_QEMU : REALVMM_QEMU);
	self->kernel = env_or("KVM_IRQ_GUEST_KERNEL", REALVMM_KERNEL);
	self->initrd = env_or("KVM_IRQ_GUEST_INITRD", REALVMM_INITRD);
	self->bundled = !strcmp(self->qemu, REALVMM_QEMU);
	extra = env_or("KVM_IRQ_GUEST_APPEND", NULL);
	len = snprintf(self->cmdline, sizeof(self->cmdline), "%s%s%s", GUEST_CMDLINE,
		       extra ? " " : "", extra ?: "");
	TEST_ASSERT(len < sizeof(self->cmdline), "KVM_IRQ_GUEST_APPEND is too long: %s", extra);
	if (access(self->qemu, X_OK))
		return FEATURE(REAL_VMM) "no qemu-system-aarch64 (apt-get install qemu-system-arm, or run_tests.sh --qemu PATH)";
	if (access(self->kernel, R_OK) || access(self->initrd, R_OK))
		return FEATURE(REAL_VMM) "no guest kernel and initramfs (run_tests.sh --guest-kernel, --guest-initrd; docs/realvmm.md)";
	if (variant->irqchip_off && host.user_irq < 1)
		return FEATURE(USER_IRQ) "no KVM_CAP_ARM_USER_IRQ: QEMU cannot run with kernel_irqchip=off";
	self->gic = variant->irqchip_off ? 0 : host.vgic_v3 ? 3 : 2;
	return NULL;
}

SUITE_TEARDOWN(realvmm) {}

/* QEMU's accelerator: KVM, with or without the in-kernel irqchip. */
static const char *accel(unsigned int gic)
{
	return gic ? "kvm" : "kvm,kernel-irqchip=off";
}

/* The start of QEMU's argv: the bundled one runs through its own loader. */
static unsigned int qemu_command(FIXTURE_DATA(realvmm) *self, const char **argv)
{
	unsigned int n = 0;

	if (self->bundled) {
		argv[n++] = REALVMM_LD;
		argv[n++] = "--library-path";
		argv[n++] = REALVMM_LIBS;
	}
	argv[n++] = self->qemu;
	return n;
}

/* QEMU's argv for a GIC version and accelerator, ending in NULL. */
static void qemu_argv(FIXTURE_DATA(realvmm) *self, unsigned int vcpus, unsigned int gic,
		      const char *accelerator, const char **argv,
		      char *machine, size_t len, char *smp, size_t smp_len)
{
	unsigned int n = qemu_command(self, argv);

	snprintf(machine, len, "virt,gic-version=%u", gic);
	snprintf(smp, smp_len, "%u", vcpus);
	argv[n++] = "-accel";
	argv[n++] = accelerator;
	argv[n++] = "-M";
	argv[n++] = machine;
	argv[n++] = "-cpu";
	argv[n++] = "host";
	argv[n++] = "-smp";
	argv[n++] = smp;
	argv[n++] = "-m";
	argv[n++] = "256";
	argv[n++] = "-nographic";
	argv[n++] = "-nodefaults";
	argv[n++] = "-no-reboot";
	argv[n++] = "-serial";
	argv[n++] = "stdio";
	argv[n++] = "-device";
	argv[n++] = "virtio-rng-device";
	argv[n++] = "-kernel";
	argv[n++] = self->kernel;
	argv[n++] = "-initrd";
	argv[n++] = self->initrd;
	argv[n++] = "-append";
	argv[n++] = self->cmdline;
	argv[n] = NULL;
}

/* QEMU started with its stdin and stdout (and stderr) on pipes. */
static pid_t qemu_start(const char **argv, int *to, int *from)
{
	int in[2], out[2];
	pid_t pid;

	TEST_ASSERT(!pipe(in) && !pipe(out), "pipe: %s", strerror(errno));
	pid = fork();
	TEST_ASSERT(pid >= 0, "fork: %s", strerror(errno));
	if (!pid) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		close(in[1]);
		close(out[0]);
		execv(argv[0], (char *const *)argv);
		fprintf(stderr, "REALVMM-HOST cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	*to = in[1];
	*from = out[0];
	return pid;
}

/* A console line: printed for the log, and read for what the guest says. */
static void console_line(struct guest_run *r, char *line, int to)
{
	char *cr = strchr(line, '\r');

	if (cr)
		*cr = '\0';
	printf("# console: %s\n", line);
	/* The UART's receive interrupt: a line for the guest to read. */
	if (console_read(&r->console, line) == CONSOLE_SEND &&
	    write(to, "kvm-irq\n", 8) != 8)
		r->console.errors = true;
}

/* Run QEMU until it exits or the bound passes; the guest's console read. */
static void guest_run(const char **argv, struct guest_run *r)
{
	const char *bound = getenv("KVM_IRQ_REALVMM_SECONDS");
	time_t until = time(NULL) + (bound && atoi(bound) > 0 && atoi(bound) < REALVMM_SECONDS ?
				     atoi(bound) : REALVMM_SECONDS);
	char buf[4096], line[1024];
	size_t len = 0;
	int to, from;
	pid_t pid;

	/* A QEMU that dies before the guest asks for its line closes the pipe. */
	signal(SIGPIPE, SIG_IGN);
	pid = qemu_start(argv, &to, &from);
	memset(r, 0, sizeof(*r));
	for (;;) {
		struct pollfd p = { .fd = from, .events = POLLIN };
		ssize_t n, i;

		if (time(NULL) >= until) {
			r->timed_out = true;
			kill(pid, SIGKILL);
			break;
		}
		suite_step("waiting for QEMU's guest, pid", pid);
		if (poll(&p, 1, 1000) <= 0)
			continue;
		n = read(from, buf, sizeof(buf));
		if (n <= 0)
			break;
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n' && len < sizeof(line) - 1) {
				line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			len = 0;
			console_line(r, line, to);
		}
	}
	/* What QEMU printed last, without a newline (its error, say). */
	if (len) {
		line[len] = '\0';
		console_line(r, line, to);
	}
	close(to);
	close(from);
	waitpid(pid, &r->status, 0);
}

/* QEMU's version, for the log (bounded like a boot). */
static void log_qemu_version(FIXTURE_DATA(realvmm) *self)
{
	const char *argv[8];
	struct guest_run r;
	unsigned int n = qemu_command(self, argv);

	argv[n++] = "-version";
	argv[n] = NULL;
	guest_run(argv, &r);
	printf("# QEMU %s (%s)\n", r.console.qemu[0] ? r.console.qemu : "of unknown version",
	       self->qemu);
}

/*
 * QEMU's answer to gic-version=3 with kernel_irqchip=off, for the log: it
 * models only a GICv2 in userspace, which is why this mode runs one (its
 * message on the console lines, then its exit status).  Bounded like a
 * boot.
 */
static void log_gicv3_refusal(FIXTURE_DATA(realvmm) *self)
{
	const char *argv[40];
	char machine[48], smp[8];
	struct guest_run r;

	qemu_argv(self, 1, 3, "kvm,kernel-irqchip=off", argv, machine, sizeof(machine),
		  smp, sizeof(smp));
	guest_run(argv, &r);
	printf("# QEMU with gic-version=3 and kernel-irqchip=off: %s, status 0x%x\n",
	       r.timed_out ? "stopped at the bound" : "exited", r.status);
}

/*
 * One boot of the guest: it reaches its end, QEMU exits 0, within the
 * bound; the timer's count moved on every vcpu, the UART's and the virtio
 * device's moved, and with several vcpus the IPIs on each.  False if it
 * never reached its end (the deviation then says how it failed).
 */
static bool boot_checked(struct __test_metadata *_metadata, FIXTURE_DATA(realvmm) *self,
			 const struct boot *b)
{
	const char *argv[40];
	char machine[48], smp[8];
	const struct guest_console *c;
	struct boot_verdict v;
	struct guest_run r;
	bool clean;

	qemu_argv(self, b->vcpus, b->gic ?: 2, accel(b->gic), argv, machine, sizeof(machine),
		  smp, sizeof(smp));
	TH_LOG("QEMU: %s -accel %s -M %s -smp %s -append '%s'", self->qemu, accel(b->gic),
	       machine, smp, self->cmdline);
	guest_run(argv, &r);
	c = &r.console;
	TH_LOG("guest kernel %s, %u vcpus; QEMU %s, status 0x%x", c->kernel[0] ? c->kernel : "unknown",
	       c->cpus, r.timed_out ? "stopped at the bound" : "exited", r.status);
	clean = !r.timed_out && WIFEXITED(r.status) && !WEXITSTATUS(r.status);
	console_verdict(c, b->vcpus, r.timed_out, clean, &v);
	check(RULE_VMM_BOOT, v.boot,
	      "the guest %s its end marker, %u of %u vcpus, %serrors; QEMU %s (status 0x%x)",
	      c->ended ? "reached" : "never reached", c->cpus, b->vcpus,
	      c->errors ? "" : "no ", r.timed_out ? "hung" : clean ? "exited 0" : "failed", r.status);
	if (v.failure) {
		/* How it failed, for expected/ to pin where a kernel breaks QEMU. */
		check_deviation("%s", v.failure);
		return false;
	}
	check(RULE_VMM_TIMER, v.timer, "the virtual timer's count did not move on every vcpu");
	check(RULE_VMM_DEVICES, v.uart, "the pl011 UART's receive interrupt never arrived");
	check(RULE_VMM_DEVICES, v.virtio, "the virtio-mmio device's interrupt never arrived");
	if (v.ipi_applies)
		check(RULE_VMM_IPI, v.ipi, "the IPIs' counts did not move on every vcpu");
	return true;
}

/*
 * The guest booted in this mode, once or (full) once per GIC and vcpu
 * count; a boot that never ends stops the rest (its deviation is the
 * test's).
 */
SUITE_TEST_TIMEOUT(realvmm, guest_sees_its_interrupts, MAX_BOOTS * (REALVMM_SECONDS + 60))
{
	struct boot boots[MAX_BOOTS];
	unsigned int n = boots_of(self, boots), i;

	log_qemu_version(self);
	if (!self->gic)
		log_gicv3_refusal(self);
	for (i = 0; i < n; i++)
		if (!boot_checked(_metadata, self, &boots[i]))
			break;
}

SUITE_MAIN()
