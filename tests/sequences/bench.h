/* SPDX-License-Identifier: GPL-2.0 */
#ifndef SEQ_BENCH_H
#define SEQ_BENCH_H

#include "seq.h"

/* KVM_IRQ_LINE calls per second on a VM of kind, or 0 if none can be made. */
double seq_bench_bare_calls(enum seq_vm_kind kind);

#endif /* SEQ_BENCH_H */
