// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the oracle, run natively by make check.  Each case is a
 * sentence of seed 000 or api.rst turned into (VM, irq field, level) and
 * the verdict the text implies; TAP on stdout.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "abi.h"
#include "oracle.h"

#define ACCEPT		ABI_ACCEPT, 0
#define REJECT(e)	ABI_REJECT, e
#define UNSPEC		ABI_UNSPECIFIED, 0

static const struct abi_vm no_gic_1 = { .nr_vcpus = 1, .layout_2 = true };
static const struct abi_vm no_gic_4_v1 = { .nr_vcpus = 4 };
static const struct abi_vm gic64_4 = {
	.in_kernel_gic = true, .gic_ready = true, .nr_irqs = 64, .nr_vcpus = 4,
	.layout_2 = true,
};
static const struct abi_vm gic1024_1 = {
	.in_kernel_gic = true, .gic_ready = true, .nr_irqs = 1024,
	.nr_vcpus = 1, .layout_2 = true,
};
static const struct abi_vm gic64_v1 = {
	.in_kernel_gic = true, .gic_ready = true, .nr_irqs = 64, .nr_vcpus = 2,
};
static const struct abi_vm gic_uninit = {
	.in_kernel_gic = true, .nr_irqs = 64, .nr_vcpus = 2, .layout_2 = true,
};
static const struct abi_vm gic_300_vcpus = {
	.in_kernel_gic = true, .gic_ready = true, .nr_irqs = 64,
	.nr_vcpus = 300, .layout_2 = true,
};

struct irq_case {
	const char *what;
	const struct abi_vm *vm;
	uint32_t irq, level;
	enum abi_outcome outcome;
	int err;
	const char *rule;
};

#define CPU(v, n)	ABI_IRQ(ABI_IRQ_TYPE_CPU, v, n)
#define SPI(v, n)	ABI_IRQ(ABI_IRQ_TYPE_SPI, v, n)
#define PPI(v, n)	ABI_IRQ(ABI_IRQ_TYPE_PPI, v, n)

static const struct irq_case cases[] = {
	/* seed 000: "irq_number 0 is IRQ, irq_number 1 is FIQ" */
	{ "CPU IRQ raised", &no_gic_1, CPU(0, 0), 1, ACCEPT, "IRQ-CPU-ACCEPT" },
	{ "CPU IRQ lowered", &no_gic_1, CPU(0, 0), 0, ACCEPT, "IRQ-CPU-ACCEPT" },
	{ "CPU FIQ raised", &no_gic_1, CPU(0, 1), 1, ACCEPT, "IRQ-CPU-ACCEPT" },
	{ "CPU line 2", &no_gic_1, CPU(0, 2), 1, REJECT(EINVAL), "IRQ-CPU-NUM" },
	{ "CPU line 0xffff", &no_gic_1, CPU(0, 0xffff), 1, REJECT(EINVAL), "IRQ-CPU-NUM" },
	{ "CPU line on last vcpu", &no_gic_4_v1, CPU(3, 1), 1, ACCEPT, "IRQ-CPU-ACCEPT" },
	{ "CPU line, first missing vcpu", &no_gic_4_v1, CPU(4, 0), 1, REJECT(EINVAL), "IRQ-VCPU-EXISTS" },
	{ "CPU line, vcpu 255", &no_gic_1, CPU(255, 0), 1, REJECT(EINVAL), "IRQ-VCPU-EXISTS" },
	{ "CPU line, vcpu2_index 1 (vcpu 256)", &no_gic_1, CPU(256, 0), 1, REJECT(EINVAL), "IRQ-VCPU-EXISTS" },
	/* "out-of-kernel GIC": the CPU lines are not userspace's with a vgic */
	{ "CPU line with vgic", &gic64_4, CPU(0, 0), 1, REJECT(ENXIO), "IRQ-CPU-USER-GIC" },
	{ "CPU line with uninitialised vgic", &gic_uninit, CPU(0, 1), 1, REJECT(ENXIO), "IRQ-CPU-USER-GIC" },
	{ "CPU line with vgic beats bad number", &gic64_4, CPU(9, 7), 1, REJECT(ENXIO), "IRQ-CPU-USER-GIC" },
	/* "in-kernel GIC: SPI" / "in-kernel GIC: PPI" */
	{ "SPI without vgic", &no_gic_1, SPI(0, 32), 1, REJECT(ENXIO), "IRQ-GIC-NEEDS-VGIC" },
	{ "PPI without vgic", &no_gic_1, PPI(0, 16), 1, REJECT(ENXIO), "IRQ-GIC-NEEDS-VGIC" },
	{ "SPI 31 is not an SPI", &gic64_4, SPI(0, 31), 1, REJECT(EINVAL), "IRQ-SPI-NUM" },
	{ "SPI 32", &gic64_4, SPI(0, 32), 1, ACCEPT, "IRQ-SPI-ACCEPT" },
	{ "SPI nr_irqs-1", &gic64_4, SPI(0, 63), 1, ACCEPT, "IRQ-SPI-ACCEPT" },
	{ "SPI nr_irqs", &gic64_4, SPI(0, 64), 1, REJECT(EINVAL), "IRQ-SPI-NUM" },
	{ "SPI 1019", &gic1024_1, SPI(0, 1019), 1, ACCEPT, "IRQ-SPI-ACCEPT" },
	{ "SPI 1020", &gic1024_1, SPI(0, 1020), 1, REJECT(EINVAL), "IRQ-SPI-NUM" },
	{ "SPI 0xffff", &gic1024_1, SPI(0, 0xffff), 1, REJECT(EINVAL), "IRQ-SPI-NUM" },
	/* "(the vcpu_index field is ignored)" */
	{ "SPI ignores vcpu_index", &gic64_4, SPI(200, 40), 1, ACCEPT, "IRQ-SPI-ACCEPT" },
	{ "SPI ignores vcpu2_index", &gic64_4, SPI(0xfff, 40), 1, ACCEPT, "IRQ-SPI-ACCEPT" },
	{ "PPI 15", &gic64_4, PPI(0, 15), 1, REJECT(EINVAL), "IRQ-PPI-NUM" },
	{ "PPI 16", &gic64_4, PPI(0, 16), 1, ACCEPT, "IRQ-PPI-ACCEPT" },
	{ "PPI 31 on last vcpu", &gic64_4, PPI(3, 31), 1, ACCEPT, "IRQ-PPI-ACCEPT" },
	{ "PPI 32", &gic64_4, PPI(0, 32), 1, REJECT(EINVAL), "IRQ-PPI-NUM" },
	{ "PPI to missing vcpu", &gic64_4, PPI(4, 16), 1, REJECT(EINVAL), "IRQ-VCPU-EXISTS" },
	/* LAYOUT_2: "the target vcpu is identified as (256 * vcpu2_index + vcpu_index)" */
	{ "PPI to vcpu 299 via vcpu2_index", &gic_300_vcpus, PPI(299, 20), 1, ACCEPT, "IRQ-PPI-ACCEPT" },
	{ "PPI to vcpu 300", &gic_300_vcpus, PPI(300, 20), 1, REJECT(EINVAL), "IRQ-VCPU-EXISTS" },
	/* without LAYOUT_2 "vcpu2_index must be zero" */
	{ "no LAYOUT_2: bits 28..31 set", &gic64_v1, 0x11000028, 1, REJECT(EINVAL), "IRQ-VCPU2-ZERO" },
	{ "no LAYOUT_2: CPU type, bit 28", &no_gic_4_v1, 0x10000000, 1, REJECT(EINVAL), "IRQ-VCPU2-ZERO" },
	/* "The irq_type field has the following values": 0, 1, 2 */
	{ "irq_type 3", &gic64_4, 0x03000020, 1, REJECT(EINVAL), "IRQ-TYPE" },
	{ "irq_type 15", &no_gic_1, 0x0f000000, 1, REJECT(EINVAL), "IRQ-TYPE" },
	{ "irq_type 0x80 without LAYOUT_2", &no_gic_4_v1, 0x80000000, 1, REJECT(EINVAL), "IRQ-VCPU2-ZERO" },
	/* "level ... 0 or 1": other values are not described */
	{ "level 2 on an accepted line", &no_gic_1, CPU(0, 0), 2, UNSPEC, "IRQ-LEVEL" },
	{ "level 2 on a rejected line", &no_gic_1, CPU(0, 5), 2, REJECT(EINVAL), "IRQ-CPU-NUM" },
	/* nothing says what an uninitialised vgic does with injections */
	{ "SPI into uninitialised vgic", &gic_uninit, SPI(0, 40), 1, UNSPEC, "IRQ-VGIC-UNINIT" },
	{ "PPI into uninitialised vgic", &gic_uninit, PPI(0, 16), 1, UNSPEC, "IRQ-VGIC-UNINIT" },
};

static int test_nr;

static void tap(int ok, const char *fmt, const char *what)
{
	printf("%sok %d - ", ok ? "" : "not ", ++test_nr);
	printf(fmt, what);
	printf("\n");
}

static int check_case(const struct irq_case *c)
{
	struct abi_verdict v = abi_irq_line(c->vm, c->irq, c->level);
	int ok = v.outcome == c->outcome && v.err == c->err &&
		 !strcmp(v.rule, c->rule);

	tap(ok, "oracle: %s", c->what);
	if (!ok)
		printf("# irq=0x%08x level=%u: want %s %s [%s], got %s %s [%s]\n",
		       c->irq, c->level, abi_outcome_name(c->outcome),
		       abi_errno_name(c->err), c->rule,
		       abi_outcome_name(v.outcome), abi_errno_name(v.err), v.rule);
	return ok;
}

/* The decoding the oracle builds on, field by field. */
static int check_decode(void)
{
	struct abi_irq_field f2 = abi_decode(&no_gic_1, 0x3245abcd);
	struct abi_irq_field f1 = abi_decode(&no_gic_4_v1, 0x3245abcd);
	int ok = f2.type == 2 && f2.vcpu == 3 * 256 + 0x45 && f2.num == 0xabcd &&
		 f1.type == 0x32 && f1.vcpu == 0x45 && f1.num == 0xabcd &&
		 abi_irq(ABI_IRQ_TYPE_PPI, 0x345, 0xabcd) == 0x3245abcd;

	tap(ok, "%s", "decode: LAYOUT_2 and seed 000 layouts, abi_irq() round trip");
	return ok;
}

/*
 * Over every irq_type byte and a spread of numbers: nothing the documents
 * do not name is ever accepted.
 */
static int check_only_named_accepted(void)
{
	const struct abi_vm *vms[] = { &no_gic_1, &no_gic_4_v1, &gic64_4, &gic64_v1 };
	unsigned int i, top, num;
	int bad = 0;

	for (i = 0; i < sizeof(vms) / sizeof(vms[0]); i++) {
		for (top = 0; top <= 0xff; top++) {
			for (num = 0; num <= 0xffff; num += 7) {
				uint32_t irq = top << 24 | 1 << 16 | num;
				struct abi_verdict v = abi_irq_line(vms[i], irq, 1);
				struct abi_irq_field f = abi_decode(vms[i], irq);

				if (v.outcome != ABI_ACCEPT)
					continue;
				bad += f.type > 2 ||
				       (f.type == 0 && f.num > 1) ||
				       (f.type == 1 && (f.num < 32 || f.num > 1019)) ||
				       (f.type == 2 && (f.num < 16 || f.num > 31)) ||
				       (f.type != 1 && f.vcpu >= vms[i]->nr_vcpus) ||
				       (f.type == 0) == vms[i]->in_kernel_gic;
			}
		}
	}
	tap(!bad, "%s", "oracle: accepts only what the documents name");
	return !bad;
}

int main(void)
{
	unsigned int i, n = sizeof(cases) / sizeof(cases[0]);
	int failed = 0;

	printf("TAP version 13\n1..%u\n", n + 2);
	for (i = 0; i < n; i++)
		failed += !check_case(&cases[i]);
	failed += !check_decode();
	failed += !check_only_named_accepted();
	return failed ? 1 : 0;
}
