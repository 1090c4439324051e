// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the oracle, run natively by make check.  Each case is a
 * sentence of 86ce85352f0d or api.rst turned into (VM, irq field, level) and
 * the verdict the text implies; TAP on stdout.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "abi.h"
#include "check.h"
#include "oracle.h"
#include "user_irq_oracle.h"

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
static const struct abi_vm gic_uninit_unset = {
	.in_kernel_gic = true, .nr_vcpus = 2, .layout_2 = true,
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
	enum rule rule;
};

#define CPU(v, n)	ABI_IRQ(ABI_IRQ_TYPE_CPU, v, n)
#define SPI(v, n)	ABI_IRQ(ABI_IRQ_TYPE_SPI, v, n)
#define PPI(v, n)	ABI_IRQ(ABI_IRQ_TYPE_PPI, v, n)

static const struct irq_case cases[] = {
	/* 86ce85352f0d: "irq_number 0 is IRQ, irq_number 1 is FIQ" */
	{ "CPU IRQ raised", &no_gic_1, CPU(0, 0), 1, ACCEPT, RULE_IRQ_CPU_ACCEPT },
	{ "CPU IRQ lowered", &no_gic_1, CPU(0, 0), 0, ACCEPT, RULE_IRQ_CPU_ACCEPT },
	{ "CPU FIQ raised", &no_gic_1, CPU(0, 1), 1, ACCEPT, RULE_IRQ_CPU_ACCEPT },
	{ "CPU line 2", &no_gic_1, CPU(0, 2), 1, REJECT(EINVAL), RULE_IRQ_CPU_NUM },
	{ "CPU line 0xffff", &no_gic_1, CPU(0, 0xffff), 1, REJECT(EINVAL), RULE_IRQ_CPU_NUM },
	{ "CPU line on last vcpu", &no_gic_4_v1, CPU(3, 1), 1, ACCEPT, RULE_IRQ_CPU_ACCEPT },
	{ "CPU line, first missing vcpu", &no_gic_4_v1, CPU(4, 0), 1, REJECT(EINVAL), RULE_IRQ_VCPU_EXISTS },
	{ "CPU line, vcpu 255", &no_gic_1, CPU(255, 0), 1, REJECT(EINVAL), RULE_IRQ_VCPU_EXISTS },
	{ "CPU line, vcpu2_index 1 (vcpu 256)", &no_gic_1, CPU(256, 0), 1, REJECT(EINVAL), RULE_IRQ_VCPU_EXISTS },
	/* "out-of-kernel GIC": the CPU lines are not userspace's with a vgic */
	{ "CPU line with vgic", &gic64_4, CPU(0, 0), 1, REJECT(ENXIO), RULE_IRQ_CPU_USER_GIC },
	{ "CPU line with uninitialised vgic", &gic_uninit, CPU(0, 1), 1, REJECT(ENXIO), RULE_IRQ_CPU_USER_GIC },
	{ "CPU line with vgic beats bad number", &gic64_4, CPU(9, 7), 1, REJECT(ENXIO), RULE_IRQ_CPU_USER_GIC },
	/* "in-kernel GIC: SPI" / "in-kernel GIC: PPI" */
	{ "SPI without vgic", &no_gic_1, SPI(0, 32), 1, REJECT(ENXIO), RULE_IRQ_GIC_NEEDS_VGIC },
	{ "PPI without vgic", &no_gic_1, PPI(0, 16), 1, REJECT(ENXIO), RULE_IRQ_GIC_NEEDS_VGIC },
	{ "SPI 31 is not an SPI", &gic64_4, SPI(0, 31), 1, REJECT(EINVAL), RULE_IRQ_SPI_NUM },
	{ "SPI 32", &gic64_4, SPI(0, 32), 1, ACCEPT, RULE_IRQ_SPI_ACCEPT },
	{ "SPI nr_irqs-1", &gic64_4, SPI(0, 63), 1, ACCEPT, RULE_IRQ_SPI_ACCEPT },
	{ "SPI nr_irqs", &gic64_4, SPI(0, 64), 1, REJECT(EINVAL), RULE_IRQ_SPI_NUM },
	{ "SPI 1019", &gic1024_1, SPI(0, 1019), 1, ACCEPT, RULE_IRQ_SPI_ACCEPT },
	{ "SPI 1020", &gic1024_1, SPI(0, 1020), 1, REJECT(EINVAL), RULE_IRQ_SPI_NUM },
	{ "SPI 0xffff", &gic1024_1, SPI(0, 0xffff), 1, REJECT(EINVAL), RULE_IRQ_SPI_NUM },
	/* "(the vcpu_index field is ignored)" */
	{ "SPI ignores vcpu_index", &gic64_4, SPI(200, 40), 1, ACCEPT, RULE_IRQ_SPI_ACCEPT },
	{ "SPI ignores vcpu2_index", &gic64_4, SPI(0xfff, 40), 1, ACCEPT, RULE_IRQ_SPI_ACCEPT },
	{ "PPI 15", &gic64_4, PPI(0, 15), 1, REJECT(EINVAL), RULE_IRQ_PPI_NUM },
	{ "PPI 16", &gic64_4, PPI(0, 16), 1, ACCEPT, RULE_IRQ_PPI_ACCEPT },
	{ "PPI 31 on last vcpu", &gic64_4, PPI(3, 31), 1, ACCEPT, RULE_IRQ_PPI_ACCEPT },
	{ "PPI 32", &gic64_4, PPI(0, 32), 1, REJECT(EINVAL), RULE_IRQ_PPI_NUM },
	{ "PPI to missing vcpu", &gic64_4, PPI(4, 16), 1, REJECT(EINVAL), RULE_IRQ_VCPU_EXISTS },
	/* LAYOUT_2: "the target vcpu is identified as (256 * vcpu2_index + vcpu_index)" */
	{ "PPI to vcpu 299 via vcpu2_index", &gic_300_vcpus, PPI(299, 20), 1, ACCEPT, RULE_IRQ_PPI_ACCEPT },
	{ "PPI to vcpu 300", &gic_300_vcpus, PPI(300, 20), 1, REJECT(EINVAL), RULE_IRQ_VCPU_EXISTS },
	/* without LAYOUT_2 "vcpu2_index must be zero" */
	{ "no LAYOUT_2: bits 28..31 set", &gic64_v1, 0x11000028, 1, REJECT(EINVAL), RULE_IRQ_VCPU2_ZERO },
	{ "no LAYOUT_2: CPU type, bit 28", &no_gic_4_v1, 0x10000000, 1, REJECT(EINVAL), RULE_IRQ_VCPU2_ZERO },
	/* "The irq_type field has the following values": 0, 1, 2 */
	{ "irq_type 3", &gic64_4, 0x03000020, 1, REJECT(EINVAL), RULE_IRQ_TYPE },
	{ "irq_type 15", &no_gic_1, 0x0f000000, 1, REJECT(EINVAL), RULE_IRQ_TYPE },
	{ "irq_type 0x80 without LAYOUT_2", &no_gic_4_v1, 0x80000000, 1, REJECT(EINVAL), RULE_IRQ_VCPU2_ZERO },
	/* "level ... 0 or 1": other values are not described */
	{ "level 2 on an accepted line", &no_gic_1, CPU(0, 0), 2, UNSPEC, RULE_IRQ_LEVEL },
	{ "level 2 on a rejected line", &no_gic_1, CPU(0, 5), 2, REJECT(EINVAL), RULE_IRQ_CPU_NUM },
	/* nothing says what an uninitialised vgic does with injections */
	{ "SPI into uninitialised vgic", &gic_uninit, SPI(0, 40), 1, UNSPEC, RULE_IRQ_VGIC_UNINIT },
	{ "PPI into uninitialised vgic", &gic_uninit, PPI(0, 16), 1, UNSPEC, RULE_IRQ_VGIC_UNINIT },
	/* ... but the documented ranges hold before initialisation too */
	{ "SPI 64 of 64 into uninitialised vgic", &gic_uninit, SPI(0, 64), 1, REJECT(EINVAL), RULE_IRQ_SPI_NUM },
	{ "SPI 31 into uninitialised vgic", &gic_uninit, SPI(0, 31), 1, REJECT(EINVAL), RULE_IRQ_SPI_NUM },
	{ "PPI 15 into uninitialised vgic", &gic_uninit, PPI(0, 15), 1, REJECT(EINVAL), RULE_IRQ_PPI_NUM },
	{ "PPI for vcpu 2 of 2, uninitialised", &gic_uninit, PPI(2, 16), 1, REJECT(EINVAL), RULE_IRQ_VCPU_EXISTS },
	{ "SPI 1019, NR_IRQS never set", &gic_uninit_unset, SPI(0, 1019), 1, UNSPEC, RULE_IRQ_VGIC_UNINIT },
	{ "SPI 1020, NR_IRQS never set", &gic_uninit_unset, SPI(0, 1020), 1, REJECT(EINVAL), RULE_IRQ_SPI_NUM },
};

static int test_nr;

struct nr_irqs_case {
	uint32_t nr_irqs;
	bool already_set;
	enum abi_outcome outcome;
	int err;
	enum rule rule;
};

/* "ranging from 64 to 1024, in increments of 32"; "already be set": EBUSY */
static const struct nr_irqs_case nr_irqs_cases[] = {
	{ 0, false, REJECT(EINVAL), RULE_NR_IRQS_RANGE },
	{ 32, false, REJECT(EINVAL), RULE_NR_IRQS_RANGE },
	{ 63, false, REJECT(EINVAL), RULE_NR_IRQS_RANGE },
	{ 64, false, ACCEPT, RULE_NR_IRQS_RANGE },
	{ 100, false, REJECT(EINVAL), RULE_NR_IRQS_RANGE },
	{ 992, false, ACCEPT, RULE_NR_IRQS_RANGE },
	{ 1023, false, REJECT(EINVAL), RULE_NR_IRQS_RANGE },
	{ 1024, false, ACCEPT, RULE_NR_IRQS_RANGE },
	{ 1056, false, REJECT(EINVAL), RULE_NR_IRQS_RANGE },
	{ 0xffffffe0, false, REJECT(EINVAL), RULE_NR_IRQS_RANGE },
	{ 64, true, REJECT(EBUSY), RULE_NR_IRQS_ONCE },
};

static void tap(int ok, const char *fmt, const char *what)
{
	printf("%sok %d - ", ok ? "" : "not ", ++test_nr);
	printf(fmt, what);
	printf("\n");
}

static int check_case(const struct irq_case *c)
{
	struct abi_verdict v = abi_irq_line(c->vm, c->irq, c->level);
	int ok = v.outcome == c->outcome && v.err == c->err && v.rule == c->rule;

	tap(ok, "oracle: %s", c->what);
	if (!ok)
		printf("# irq=0x%08x level=%u: want %s %s [%s], got %s %s [%s]\n",
		       c->irq, c->level, abi_outcome_name(c->outcome),
		       abi_errno_name(c->err), rules[c->rule].name,
		       abi_outcome_name(v.outcome), abi_errno_name(v.err),
		       rules[v.rule].name);
	return ok;
}

static int check_nr_irqs(void)
{
	unsigned int i, n = sizeof(nr_irqs_cases) / sizeof(nr_irqs_cases[0]);
	int bad = 0;

	for (i = 0; i < n; i++) {
		const struct nr_irqs_case *c = &nr_irqs_cases[i];
		struct abi_verdict v = abi_nr_irqs(c->nr_irqs, c->already_set);

		if (v.outcome != c->outcome || v.err != c->err || v.rule != c->rule) {
			printf("# nr_irqs %u%s: got %s %s\n", c->nr_irqs,
			       c->already_set ? " (set before)" : "",
			       abi_outcome_name(v.outcome), abi_errno_name(v.err));
			bad++;
		}
	}
	tap(!bad, "%s", "oracle: KVM_DEV_ARM_VGIC_GRP_NR_IRQS range and once");
	return !bad;
}

/* The decoding the oracle builds on, field by field. */
static int check_decode(void)
{
	struct abi_irq_field f2 = abi_decode(&no_gic_1, 0x3245abcd);
	struct abi_irq_field f1 = abi_decode(&no_gic_4_v1, 0x3245abcd);
	int ok = f2.type == 2 && f2.vcpu == 3 * 256 + 0x45 && f2.num == 0xabcd &&
		 f1.type == 0x32 && f1.vcpu == 0x45 && f1.num == 0xabcd &&
		 abi_irq(ABI_IRQ_TYPE_PPI, 0x345, 0xabcd) == 0x3245abcd;

	tap(ok, "%s", "decode: LAYOUT_2 and 86ce85352f0d layouts, abi_irq() round trip");
	return ok;
}

/*
 * Who an injection is meant for: the CPU and PPI fields' creation index,
 * vcpu2_index included with LAYOUT_2; an SPI, whoever the guest routed it to.
 */
static int check_target(void)
{
	int ok = abi_irq_target(&gic_300_vcpus, abi_irq(ABI_IRQ_TYPE_PPI, 0x103, 17)) == 0x103 &&
		 abi_irq_target(&no_gic_1, abi_irq(ABI_IRQ_TYPE_CPU, 256, ABI_CPU_FIQ)) == 256 &&
		 abi_irq_target(&no_gic_4_v1, abi_irq(ABI_IRQ_TYPE_CPU, 2, ABI_CPU_IRQ)) == 2 &&
		 abi_irq_target(&gic64_4, abi_irq(ABI_IRQ_TYPE_SPI, 3, 40)) == ABI_TARGET_ROUTED;

	tap(ok, "%s", "target: the field's creation index for CPU and PPI, routed for SPI");
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

/*
 * The bands of irq_number: each bound the oracle checks starts a band,
 * on both sides of nr_irqs; a vgic of 1024 has no SPI past nr_irqs.
 */
static int check_bands(void)
{
	struct abi_band_info in = abi_band_info(&gic64_4, ABI_BAND_SPI_IN_RANGE);
	struct abi_band_info past = abi_band_info(&gic64_4, ABI_BAND_SPI_PAST_NR_IRQS);
	struct abi_band_info empty = abi_band_info(&gic1024_1, ABI_BAND_SPI_PAST_NR_IRQS);
	struct abi_band_info unset = abi_band_info(&gic_uninit_unset, ABI_BAND_SPI_IN_RANGE);
	int ok = abi_irq_band(&no_gic_1, CPU(0, 1)) == ABI_BAND_CPU_LINE &&
		 abi_irq_band(&no_gic_1, CPU(0, 2)) == ABI_BAND_CPU_BEYOND &&
		 abi_irq_band(&gic64_4, PPI(1, 15)) == ABI_BAND_PPI_SGI &&
		 abi_irq_band(&gic64_4, PPI(1, 16)) == ABI_BAND_PPI_IN_RANGE &&
		 abi_irq_band(&gic64_4, PPI(1, 31)) == ABI_BAND_PPI_IN_RANGE &&
		 abi_irq_band(&gic64_4, PPI(1, 32)) == ABI_BAND_PPI_BEYOND &&
		 abi_irq_band(&gic64_4, SPI(0, 31)) == ABI_BAND_SPI_PRIVATE &&
		 abi_irq_band(&gic64_4, SPI(0, 63)) == ABI_BAND_SPI_IN_RANGE &&
		 abi_irq_band(&gic64_4, SPI(0, 64)) == ABI_BAND_SPI_PAST_NR_IRQS &&
		 abi_irq_band(&gic64_4, SPI(0, 1019)) == ABI_BAND_SPI_PAST_NR_IRQS &&
		 abi_irq_band(&gic64_4, SPI(0, 1020)) == ABI_BAND_SPI_SPECIAL &&
		 abi_irq_band(&gic64_4, SPI(0, 1024)) == ABI_BAND_SPI_BEYOND &&
		 abi_irq_band(&gic1024_1, SPI(0, 1019)) == ABI_BAND_SPI_IN_RANGE &&
		 abi_irq_band(&gic64_4, 0x03000000) == ABI_BAND_TYPE_UNKNOWN &&
		 abi_irq_band(&no_gic_4_v1, 0x12000000) == ABI_BAND_TYPE_UNKNOWN &&
		 in.first == 32 && in.last == 63 && past.first == 64 && past.last == 1019 &&
		 empty.first > empty.last && unset.last == 1019 &&
		 !strcmp(abi_band_info(&no_gic_4_v1, ABI_BAND_TYPE_UNKNOWN).type, "3-255");

	tap(ok, "%s", "bands: irq_number split where the oracle's bounds are");
	return ok;
}

/*
 * The device_irq_level oracle: after a return, bits 0..2 are the devices'
 * levels; KVM never sets an undefined bit; with a vgic nothing changes.
 */
static int check_user_irq(void)
{
	struct user_irq_vcpu user = { .version = 1, .levels = ABI_DEV_PMU };
	struct user_irq_vcpu vgic = { .version = 1, .in_kernel_gic = true,
				      .levels = ABI_DEV_PMU };
	struct user_irq_vcpu v2 = { .version = 2, .levels = 0 };
	enum user_irq_bit_rule rule;
	int ok = 1;

	ok &= user_irq_defined_bits(0) == 0 && user_irq_defined_bits(1) == 7 &&
	      user_irq_defined_bits(5) == 7;
	ok &= user_irq_dev_bit(DEV_VTIMER) == 1 && user_irq_dev_bit(DEV_PTIMER) == 2 &&
	      user_irq_dev_bit(DEV_PMU) == 4 && user_irq_dev_bit(NR_USER_IRQ_DEVS) == 0;
	ok &= user_irq_wrong_bits(&user, 0, ABI_DEV_PMU, &rule) == 0;
	ok &= user_irq_wrong_bits(&user, ABI_DEV_PMU, 0, &rule) == ABI_DEV_PMU &&
	      rule == BIT_LEVEL;
	ok &= user_irq_wrong_bits(&user, 0, ABI_DEV_PMU | 8, &rule) == 8 &&
	      rule == BIT_NOT_SET;
	/* userspace's own undefined bits may stay or go */
	ok &= user_irq_wrong_bits(&user, 8, ABI_DEV_PMU | 8, &rule) == 0 &&
	      user_irq_wrong_bits(&user, 8, ABI_DEV_PMU, &rule) == 0;
	ok &= user_irq_wrong_bits(&v2, 0, 1ull << 40, &rule) == 1ull << 40;
	ok &= user_irq_wrong_bits(&vgic, 0x5, 0x5, &rule) == 0 &&
	      user_irq_wrong_bits(&vgic, 0x5, 0x4, &rule) == 1 &&
	      rule == BIT_UNTOUCHED;
	ok &= !user_irq_must_exit(&user, ABI_DEV_PMU) &&
	      !user_irq_must_exit(&user, ABI_DEV_PMU | 1ull << 63) &&
	      user_irq_must_exit(&user, 0) &&
	      user_irq_must_exit(&user, ABI_DEV_PMU | ABI_DEV_EL1_VTIMER) &&
	      !user_irq_must_exit(&vgic, 0);
	tap(ok, "%s", "user_irq oracle: defined bits, levels, untouched with a vgic, when to exit");
	return ok;
}

int main(void)
{
	unsigned int i, n = sizeof(cases) / sizeof(cases[0]);
	int failed = 0;

	printf("TAP version 13\n1..%u\n", n + 6);
	for (i = 0; i < n; i++)
		failed += !check_case(&cases[i]);
	failed += !check_decode();
	failed += !check_target();
	failed += !check_only_named_accepted();
	failed += !check_nr_irqs();
	failed += !check_user_irq();
	failed += !check_bands();
	return failed ? 1 : 0;
}
