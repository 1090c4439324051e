// SPDX-License-Identifier: GPL-2.0
/*
 * The bare side of sequences --bench: KVM_IRQ_LINE calls per second on a
 * one-vcpu VM of a sequence's kind, one thread, the line raised and
 * lowered in turn (a CPU line's IRQ, or SPI 32), nothing checked.
 */
#include "kvm_util.h"

#include "abi.h"
#include "bench.h"
#include "irq_check.h"
#include "run.h"
#include "sequences.h"
#include "vm.h"

#define BENCH_CALLS	20000

double seq_bench_bare_calls(enum seq_vm_kind kind)
{
	struct irq_vm_config c = {
		.nr_vcpus = 1, .guest_code = seq_guest_main, .nr_irqs = 64,
		.gic = kind == SEQ_VM_NOGIC ? 0 : kind == SEQ_VM_V2 ? 2 : 3,
	};
	uint32_t irq = kind == SEQ_VM_NOGIC ? abi_irq(ABI_IRQ_TYPE_CPU, 0, ABI_CPU_IRQ) :
					      abi_irq(ABI_IRQ_TYPE_SPI, 0, ABI_SPI_FIRST);
	struct irq_vm v;
	double start, rate;
	unsigned int i;

	if (irq_vm_create(&v, &c))
		return 0;
	start = monotonic_seconds();
	for (i = 0; i < BENCH_CALLS; i++)
		irq_line(&v, irq, i & 1);
	rate = BENCH_CALLS / (monotonic_seconds() - start);
	irq_vm_destroy(&v);
	return rate;
}
