/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The console of realvmm's guest (guest_code/realvmm/init), read: what the
 * guest prints between its markers, and what one boot shows of each rule.
 * No QEMU and no KVM here: make check runs it natively on recorded
 * consoles (check/realvmm_test.c).
 */
#ifndef REALVMM_CONSOLE_H
#define REALVMM_CONSOLE_H

#include <stdbool.h>

/* The interrupt sources the guest's /proc/interrupts names. */
#define MAX_SOURCES		32
#define MAX_CPUS		8

struct counts {
	unsigned int nr;
	char name[MAX_SOURCES][32];
	unsigned long count[MAX_SOURCES][MAX_CPUS];
};

/* What the guest said, as its console went by. */
struct guest_console {
	bool ended, errors;
	unsigned int lines;
	unsigned int cpus;		/* online, as the guest counted them */
	char kernel[64];		/* the guest's uname -r */
	char qemu[96];			/* what QEMU's -version printed */
	struct counts before, after;
	struct counts *table;		/* the table being read, or NULL */
};

/* What a console line asks of the host. */
enum console_event {
	CONSOLE_NOTHING,
	CONSOLE_SEND,			/* write a line to the guest's UART */
};

enum console_event console_read(struct guest_console *c, const char *line);

/*
 * One boot, judged: each rule's verdict, and for a guest that never
 * reached its end how it failed (expected/ pins that where a kernel breaks
 * QEMU).  The timer, device and IPI rules mean something only once the
 * guest reached its end; the IPIs only with two vcpus or more.
 */
struct boot_verdict {
	bool boot, timer, uart, virtio, ipi;
	bool ipi_applies;
	const char *failure;		/* NULL once the guest reached its end */
};

void console_verdict(const struct guest_console *c, unsigned int vcpus, bool timed_out,
		     bool exited_0, struct boot_verdict *v);

#endif
