/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KVM_IRQ_LINE on a test VM, and the oracle's checker: each call compared
 * with what lib/oracle.c says the documents require, counted by rule.
 */
#ifndef IRQ_CHECK_H
#define IRQ_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "vm.h"

/* KVM_IRQ_LINE: 0, or the errno it failed with. */
int irq_line(struct irq_vm *v, uint32_t irq, uint32_t level);

/*
 * A run of KVM_IRQ_LINE calls, each compared with the oracle and counted
 * in tally (the test's, if NULL).  Accepted assertions are lowered again,
 * so that no line is left high.  A mismatch names the irq field in hex,
 * and is one of the test's deviations.
 */
struct irq_check {
	const char *what;
	struct tally *tally;
	unsigned long tried, mismatches, unspecified;
	int err;			/* what the last call returned */
	struct irq_bands *bands;	/* if set, the answers per band too */
};

/*
 * The answers per band of irq_number (lib/oracle.c's abi_irq_band), for a
 * report's map of the sweep: accepted and rejected as the oracle says, a
 * mismatch, or what the oracle leaves unspecified.
 */
struct irq_band_count {
	unsigned long accepted, rejected, mismatched, unspecified;
};

struct irq_bands {
	const struct abi_vm *vm;	/* the VM of the last value counted */
	struct irq_band_count band[ABI_NR_BANDS];
};

bool irq_check_one(struct irq_check *c, struct irq_vm *v, uint32_t irq,
		   uint32_t level);
/*
 * What c checked, in one line; with bands, then one line per band tried:
 * "# band: type=SPI number=32-63 class=in-range accepted=N rejected=N
 * mismatched=N unspecified=N".
 */
void irq_check_summary(const struct irq_check *c);

#endif /* IRQ_CHECK_H */
