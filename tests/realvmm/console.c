// SPDX-License-Identifier: GPL-2.0
/*
 * The console of realvmm's guest, read and judged (console.h).  The guest
 * prints /proc/interrupts before and after its workload; a source's count
 * must move on every vcpu (the timer, the IPIs) or on one (a device's
 * SPI, taken where Linux routed it).
 */
#include "console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of /proc/interrupts into c: "NAME: n0 n1 ... description". */
static void count_line(struct counts *c, const char *line, unsigned int cpus)
{
	const char *p, *colon = strchr(line, ':');
	unsigned int i, k;
	char *end;

	if (!colon || c->nr == MAX_SOURCES || cpus > MAX_CPUS)
		return;
	k = c->nr;
	p = colon + 1;
	for (i = 0; i < cpus; i++) {
		c->count[k][i] = strtoul(p, &end, 10);
		if (end == p)
			return;		/* "Err:" and the like: one column */
		p = end;
	}
	/* Numbered sources by their last word (arch_timer, virtio0), IPIs by label. */
	if (!strncmp(line, "IPI", 3)) {
		snprintf(c->name[k], sizeof(c->name[k]), "%.*s", (int)(colon - line), line);
	} else {
		const char *last = strrchr(line, ' ');

		snprintf(c->name[k], sizeof(c->name[k]), "%.31s", last ? last + 1 : p);
	}
	c->nr++;
}

enum console_event console_read(struct guest_console *c, const char *line)
{
	c->lines++;
	if (!strncmp(line, "QEMU emulator version ", 22)) {
		snprintf(c->qemu, sizeof(c->qemu), "%.*s", (int)sizeof(c->qemu) - 1, line + 22);
	} else if (!strncmp(line, "REALVMM-GUEST ", 14)) {
		sscanf(line, "REALVMM-GUEST kernel=%63s cpus=%u", c->kernel, &c->cpus);
	} else if (!strcmp(line, "REALVMM-INTERRUPTS before")) {
		c->table = &c->before;
	} else if (!strcmp(line, "REALVMM-INTERRUPTS after")) {
		c->table = &c->after;
	} else if (!strcmp(line, "REALVMM-INTERRUPTS-END")) {
		c->table = NULL;
	} else if (!strcmp(line, "REALVMM-SEND")) {
		return CONSOLE_SEND;
	} else if (!strncmp(line, "REALVMM-ERROR", 13)) {
		c->errors = true;
	} else if (!strcmp(line, "REALVMM-GUEST-END")) {
		c->ended = true;
	} else if (c->table) {
		count_line(c->table, line, c->cpus);
	}
	return CONSOLE_NOTHING;
}

static int source(const struct counts *c, const char *name)
{
	unsigned int k;

	for (k = 0; k < c->nr; k++)
		if (!strcmp(c->name[k], name))
			return k;
	return -1;
}

/* Whether name's count moved on every vcpu (each), or on any. */
static bool moved(const struct guest_console *c, const char *name, bool each)
{
	int b = source(&c->before, name), a = source(&c->after, name);
	unsigned int i, up = 0;

	if (a < 0)
		return false;
	for (i = 0; i < c->cpus && i < MAX_CPUS; i++) {
		unsigned long was = b < 0 ? 0 : c->before.count[b][i];

		up += c->after.count[a][i] > was;
	}
	return each ? up == c->cpus : up > 0;
}

/* The IPIs, rescheduling and function calls together, on every vcpu. */
static bool ipis_moved(const struct guest_console *c)
{
	int b0 = source(&c->before, "IPI0"), a0 = source(&c->after, "IPI0");
	int b1 = source(&c->before, "IPI1"), a1 = source(&c->after, "IPI1");
	unsigned int i;

	if (b0 < 0 || a0 < 0 || b1 < 0 || a1 < 0)
		return false;
	for (i = 0; i < c->cpus && i < MAX_CPUS; i++)
		if (c->after.count[a0][i] + c->after.count[a1][i] <=
		    c->before.count[b0][i] + c->before.count[b1][i])
			return false;
	return true;
}

void console_verdict(const struct guest_console *c, unsigned int vcpus, bool timed_out,
		     bool exited_0, struct boot_verdict *v)
{
	memset(v, 0, sizeof(*v));
	v->boot = c->ended && !timed_out && exited_0 && !c->errors && c->cpus == vcpus;
	if (!c->ended) {
		v->failure = timed_out ? "hung" : !c->lines ? "no-output" :
			     !exited_0 ? "qemu-failed" : "no-end";
		return;
	}
	v->timer = moved(c, "arch_timer", true);
	v->uart = moved(c, "uart-pl011", false);
	v->virtio = moved(c, "virtio0", false);
	v->ipi_applies = c->cpus > 1;
	v->ipi = v->ipi_applies && ipis_moved(c);
}
