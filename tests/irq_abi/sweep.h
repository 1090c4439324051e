/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The classes of the irq field the ABI sweep walks, each compared with the
 * oracle value by value (irq_check), and the behaviours it records where
 * the documents are silent (a one-word value, then a comment).
 */
#ifndef IRQ_SWEEP_H
#define IRQ_SWEEP_H

#include <stddef.h>
#include <stdint.h>

#include "irq_check.h"
#include "vm.h"

#define SWEEP_SEED	0x6b766d31u	/* the random sample is the same each run */
#define SWEEP_SAMPLE	8192		/* irq_numbers drawn from 1024..0xffff */

/* Each value checked against the oracle; what: the sweep's name, for its lines. */
void sweep_type_byte(struct irq_vm *v, const char *what);
void sweep_vcpu_field(struct irq_vm *v, const struct irq_vm_config *config,
		      const char *what);
void sweep_irq_number(struct irq_vm *v, uint32_t seed, const char *what);

/* irq_numbers per field: 0..1023, 9 boundaries, the sample. */
#define MAX_NUMBERS		(1024 + 9 + SWEEP_SAMPLE)
/* 3 types x 2 vcpus x 2 levels of each. */
#define IRQ_NUMBER_VALUES	(3 * 2 * 2 * MAX_NUMBERS)

/* The irq values sweep_irq_number() checks, in order, for the benchmark. */
size_t irq_number_values(const struct irq_vm *v, uint32_t seed,
			 uint32_t *irqs, uint32_t *levels, size_t max);

/* What the documents leave open, as the test's behaviour (check.h). */
void sweep_level_values(struct irq_vm *v);
void sweep_line_status(struct irq_vm *v);

enum vcpu_lookup {
	LOOKUP_BY_INDEX,
	LOOKUP_BY_ID,
	LOOKUP_NEITHER,
};

enum vcpu_lookup probe_vcpu_lookup(struct irq_vm *v,
				   const struct irq_vm_config *c);
const char *vcpu_lookup_name(enum vcpu_lookup how);

#endif /* IRQ_SWEEP_H */
