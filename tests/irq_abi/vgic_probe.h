/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vgic around KVM_IRQ_LINE: its NR_IRQS attribute (documented), and
 * what injection does to a vgic that was not initialised or that has an
 * ITS (behaviour, recorded as a one-word value and a comment).
 */
#ifndef VGIC_PROBE_H
#define VGIC_PROBE_H

#include <stdbool.h>
#include <stddef.h>

#include "vm.h"

/* NR_IRQS values against the oracle: the range, or setting it twice. */
void sweep_nr_irqs(int version, bool twice);

/* What the documents leave open, as the test's behaviour (check.h). */
void probe_uninit_injection(struct irq_vm *v);
void probe_uninit_after_injection(struct irq_vm *v);

void probe_lpi_numbers(struct irq_vm *v);

#endif /* VGIC_PROBE_H */
