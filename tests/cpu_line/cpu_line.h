/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest side of tests/cpu_line/host.c: a vcpu that, each time it runs, opens
 * one window with IRQ and FIQ unmasked and reports what it took.
 */
#ifndef GUEST_CPU_LINE_H
#define GUEST_CPU_LINE_H

#include <stdint.h>

struct kvm_vm;

/* The ucall stage of a window report: args are (vcpu id, irqs, fiqs). */
#define CPU_LINE_WINDOW		0x11e

void cpu_line_guest_main(void);
void cpu_line_install_handlers(struct kvm_vm *vm);

#endif /* GUEST_CPU_LINE_H */
