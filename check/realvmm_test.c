// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of realvmm's judgement of its guest's console
 * (tests/realvmm/console.c), run natively by make check; TAP on stdout.
 * The consoles are two the guest printed (QEMU 7.2.22 on 6.12-gicv3-vhe,
 * the in-kernel vgic and kernel_irqchip=off, 2 vcpus), then the same with
 * one line changed the way a broken kernel would change it: each rule must
 * hold on the first and fail on the change that breaks it, and on no other.
 */
#include <stdio.h>
#include <string.h>

#include "console.h"
#include "native_tap.h"

static const char *const vgic[] = {
	"QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)",
	"REALVMM-GUEST kernel=6.12.118+deb12-arm64 cpus=2",
	"REALVMM-INTERRUPTS before",
	"           CPU0       CPU1       ",
	" 11:       1165       1127     GICv3  27 Level     arch_timer",
	" 13:          0          0     GICv3  33 Level     uart-pl011",
	" 15:          0          0     GICv3  34 Level     rtc-pl031",
	" 16:          0          0     GICv3  23 Level     arm-pmu",
	"IPI0:        82         55       Rescheduling interrupts",
	"IPI1:       272        234       Function call interrupts",
	"IPI2:         0          0       CPU stop interrupts",
	"Err:          0",
	"REALVMM-INTERRUPTS-END",
	"REALVMM-SEND",
	"kvm-irq",
	"REALVMM-RECEIVED kvm-irq",
	"REALVMM-INTERRUPTS after",
	"           CPU0       CPU1       ",
	" 11:       1354       1309     GICv3  27 Level     arch_timer",
	" 13:          2          0     GICv3  33 Level     uart-pl011",
	" 15:          0          0     GICv3  34 Level     rtc-pl031",
	" 16:          0          0     GICv3  23 Level     arm-pmu",
	" 17:         10          0     GICv3  79 Edge      virtio0",
	"IPI0:        96         62       Rescheduling interrupts",
	"IPI1:       305        267       Function call interrupts",
	"IPI2:         0          0       CPU stop interrupts",
	"Err:          0",
	"REALVMM-INTERRUPTS-END",
	"REALVMM-GUEST-END",
	NULL
};

static const char *const irqchip_off[] = {
	"REALVMM-GUEST kernel=6.12.118+deb12-arm64 cpus=2",
	"REALVMM-INTERRUPTS before",
	"           CPU0       CPU1       ",
	" 11:       1649       1366 GIC-0  27 Level     arch_timer",
	" 13:          0          0 GIC-0  33 Level     uart-pl011",
	"IPI0:        76         71       Rescheduling interrupts",
	"IPI1:       197        275       Function call interrupts",
	"Err:          0",
	"REALVMM-INTERRUPTS-END",
	"REALVMM-SEND",
	"REALVMM-RECEIVED kvm-irq",
	"REALVMM-INTERRUPTS after",
	"           CPU0       CPU1       ",
	" 11:       2047       1920 GIC-0  27 Level     arch_timer",
	" 13:          1          0 GIC-0  33 Level     uart-pl011",
	" 17:         10          0 GIC-0  79 Edge      virtio0",
	"IPI0:        86         89       Rescheduling interrupts",
	"IPI1:       287        314       Function call interrupts",
	"Err:          0",
	"REALVMM-INTERRUPTS-END",
	"REALVMM-GUEST-END",
	NULL
};

/* One console line changed: the line equal to from becomes to (NULL: gone). */
struct edit {
	const char *from, *to;
};

#define MAX_EDITS	2

/* The console read with its edits applied; true if each met its line. */
static bool read_console(const char *const *lines, const struct edit *e, struct guest_console *c)
{
	unsigned int i, met = 0, edits = 0;

	while (e && edits < MAX_EDITS && e[edits].from)
		edits++;
	memset(c, 0, sizeof(*c));
	for (; *lines; lines++) {
		const char *line = *lines;

		for (i = 0; i < edits; i++) {
			if (strcmp(line, e[i].from))
				continue;
			met++;
			line = e[i].to;
			break;
		}
		if (line)
			console_read(c, line);
	}
	return met == edits;
}

/* The verdict of a console, as a string: "BTUVI" for the rules that hold. */
static void verdict_of(const char *const *lines, const struct edit *e, unsigned int vcpus,
		       bool timed_out, bool exited_0, char *out, const char **failure)
{
	struct guest_console c;
	struct boot_verdict v;
	bool met = read_console(lines, e, &c);

	console_verdict(&c, vcpus, timed_out, exited_0, &v);
	snprintf(out, 8, "%s%s%s%s%s%s", met ? "" : "?", v.boot ? "B" : "", v.timer ? "T" : "",
		 v.uart ? "U" : "", v.virtio ? "V" : "", v.ipi ? "I" : v.ipi_applies ? "" : "-");
	*failure = v.failure;
}

struct verdict_case {
	const char *what;
	const char *const *console;
	struct edit edit[MAX_EDITS];	/* none: the console as printed */
	unsigned int vcpus;
	bool timed_out, exited_0;
	const char *want;		/* the rules that hold: Boot Timer Uart Virtio Ipi */
	const char *failure;
};

static const struct verdict_case cases[] = {
	{ "the vgic's console: every rule holds", vgic, { }, 2, false, true, "BTUVI", NULL },
	{ "kernel_irqchip=off's console: every rule holds", irqchip_off, { }, 2, false, true,
	  "BTUVI", NULL },
	{ "the timer's count still on vcpu 1: V02 fails, no other", vgic,
	  { { " 11:       1354       1309     GICv3  27 Level     arch_timer",
	      " 11:       1354       1127     GICv3  27 Level     arch_timer" } },
	  2, false, true, "BUVI", NULL },
	{ "no timer line after: V02 fails", irqchip_off,
	  { { " 11:       2047       1920 GIC-0  27 Level     arch_timer", NULL } },
	  2, false, true, "BUVI", NULL },
	{ "the UART's count still: V03 fails", vgic,
	  { { " 13:          2          0     GICv3  33 Level     uart-pl011",
	      " 13:          0          0     GICv3  33 Level     uart-pl011" } },
	  2, false, true, "BTVI", NULL },
	{ "no virtio0 line after (its interrupt never came): V03 fails", vgic,
	  { { " 17:         10          0     GICv3  79 Edge      virtio0", NULL } },
	  2, false, true, "BTUI", NULL },
	{ "no IPI on vcpu 1: V04 fails", irqchip_off,
	  { { "IPI0:        86         89       Rescheduling interrupts",
	      "IPI0:        86         71       Rescheduling interrupts" },
	    { "IPI1:       287        314       Function call interrupts",
	      "IPI1:       287        275       Function call interrupts" } },
	  2, false, true, "BTUV", NULL },
	{ "function calls still but rescheduling moved on every vcpu: V04 holds", vgic,
	  { { "IPI1:       305        267       Function call interrupts",
	      "IPI1:       272        234       Function call interrupts" } },
	  2, false, true, "BTUVI", NULL },
	{ "no IPI lines: V04 fails", vgic,
	  { { "IPI0:        96         62       Rescheduling interrupts", NULL } },
	  2, false, true, "BTUV", NULL },
	{ "one vcpu: no IPI rule", vgic,
	  { { "REALVMM-GUEST kernel=6.12.118+deb12-arm64 cpus=2",
	      "REALVMM-GUEST kernel=6.12.118+deb12-arm64 cpus=1" } },
	  1, false, true, "BTUV-", NULL },
	{ "one vcpu online of two: V01 fails", vgic,
	  { { "REALVMM-GUEST kernel=6.12.118+deb12-arm64 cpus=2",
	      "REALVMM-GUEST kernel=6.12.118+deb12-arm64 cpus=1" } },
	  2, false, true, "TUV-", NULL },
	{ "an error from the guest: V01 fails", vgic,
	  { { "REALVMM-RECEIVED kvm-irq", "REALVMM-ERROR nothing received on the console" } },
	  2, false, true, "TUVI", NULL },
	{ "QEMU failed after the guest's end: V01 fails, the rest judged", vgic, { },
	  2, false, false, "TUVI", NULL },
	{ "no end marker: V01 fails, no-end", vgic, { { "REALVMM-GUEST-END", NULL } },
	  2, false, true, "-", "no-end" },
	{ "no end marker, QEMU failed: qemu-failed", vgic, { { "REALVMM-GUEST-END", NULL } },
	  2, false, false, "-", "qemu-failed" },
	{ "no end marker, stopped at the bound: hung", vgic, { { "REALVMM-GUEST-END", NULL } },
	  2, true, false, "-", "hung" },
};

static void check_verdicts(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct verdict_case *k = &cases[i];
		const char *failure;
		char got[8];

		verdict_of(k->console, k->edit, k->vcpus, k->timed_out,
			   k->exited_0, got, &failure);
		tap(!strcmp(got, k->want) &&
		    (failure && k->failure ? !strcmp(failure, k->failure) : failure == k->failure),
		    "%s (rules held: %s, want %s; failure %s)", k->what, got, k->want,
		    failure ?: "none");
	}
}

/* Nothing printed at all: no-output, whatever QEMU's status. */
static void check_no_output(void)
{
	struct guest_console c = { 0 };
	struct boot_verdict v;

	console_verdict(&c, 2, false, false, &v);
	tap(!v.boot && v.failure && !strcmp(v.failure, "no-output"),
	    "an empty console: V01 fails, no-output");
}

/* What the guest says besides its tables: its kernel, QEMU's version, its ask. */
static void check_reading(void)
{
	struct guest_console c = { 0 };
	bool send = console_read(&c, "REALVMM-SEND") == CONSOLE_SEND;

	read_console(vgic, NULL, &c);
	tap(send && console_read(&c, "REALVMM-RECEIVED kvm-irq") == CONSOLE_NOTHING,
	    "REALVMM-SEND asks the host for a line, nothing else does");
	tap(!strcmp(c.kernel, "6.12.118+deb12-arm64") && c.cpus == 2 &&
	    !strcmp(c.qemu, "7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)"),
	    "the guest's kernel, its vcpus and QEMU's version read (%s, %u, %s)", c.kernel, c.cpus,
	    c.qemu);
	tap(c.before.nr == 7 && c.after.nr == 8,
	    "each table's sources read, the one-column Err: line not (%u before, %u after)",
	    c.before.nr, c.after.nr);
}

int main(void)
{
	printf("TAP version 13\n1..%zu\n", sizeof(cases) / sizeof(cases[0]) + 4);
	check_verdicts();
	check_no_output();
	check_reading();
	return failed ? 1 : 0;
}
