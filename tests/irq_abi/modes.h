/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irq_abi's modes outside the harness: the benchmark of the sweep against
 * a bare KVM_IRQ_LINE loop, and the exhaustive walk of all 2^32 values.
 */
#ifndef IRQ_ABI_MODES_H
#define IRQ_ABI_MODES_H

#include "vm.h"

int bench_sweep(const char *name, const struct irq_vm_config *c);
int exhaustive_main(const char *name, const struct irq_vm_config *c,
		    int argc, char **argv);

#endif /* IRQ_ABI_MODES_H */
