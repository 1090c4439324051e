/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irq_abi's modes outside the harness: the benchmark of the sweep against
 * a bare KVM_IRQ_LINE loop, and the exhaustive walk of all 2^32 values.
 */
#ifndef SWEEP_MODES_H
#define SWEEP_MODES_H

#include "sweep_vm.h"

int bench_sweep(const char *name, const struct sweep_config *c);
int exhaustive_main(const char *name, const struct sweep_config *c,
		    int argc, char **argv);

#endif /* SWEEP_MODES_H */
