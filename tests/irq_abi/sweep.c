// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kvm_util.h"

#include "abi.h"
#include "sweep.h"
#include "oracle.h"
#include "check.h"


static uint32_t xorshift32(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* vcpu 0 and the last one: enough to see a field read right. */
static unsigned int last_vcpu(const struct irq_vm *v)
{
	return v->nr_vcpus - 1;
}

static unsigned int nr_irqs_or_64(const struct irq_vm *v)
{
	return v->abi.nr_irqs ? v->abi.nr_irqs : 64;
}

void sweep_type_byte(struct irq_vm *v, const char *what)
{
	struct irq_bands bands = { 0 };
	struct irq_check check = { .what = what, .bands = &bands }, *c = &check;
	unsigned int nr = nr_irqs_or_64(v);
	unsigned int nums[] = { 0, 1, 2, 16, 31, 32, 33, nr - 1, nr, 1019, 1020 };
	unsigned int vcpus[] = { 0, last_vcpu(v) & ABI_IRQ_VCPU_MASK };
	unsigned int top, n, i;

	for (top = 0; top <= 0xff; top++)
		for (n = 0; n < ARRAY_SIZE(nums); n++)
			for (i = 0; i < ARRAY_SIZE(vcpus); i++)
				irq_check_one(c, v, top << ABI_IRQ_TYPE_SHIFT |
					      vcpus[i] << ABI_IRQ_VCPU_SHIFT |
					      nums[n], 1);
	irq_check_summary(c);
}

static void vcpu_values_check(struct irq_check *c, struct irq_vm *v,
			      unsigned int vcpu)
{
	unsigned int nums[] = { 0, 1, 16, 31, 32, nr_irqs_or_64(v) - 1 };
	unsigned int type, n;

	for (type = ABI_IRQ_TYPE_CPU; type <= ABI_IRQ_TYPE_PPI; type++)
		for (n = 0; n < ARRAY_SIZE(nums); n++)
			irq_check_one(c, v, abi_irq(type, vcpu, nums[n]), 1);
}

/*
 * Every vcpu and the first missing one, 255, and with vcpu2_index 1..15
 * (vcpus 256 and up) the low, next and top vcpu_index; on a VM (config) with
 * ids of its own, the ids too, which the documented index does not name.
 */
void sweep_vcpu_field(struct irq_vm *v, const struct irq_vm_config *config,
		      const char *what)
{
	struct irq_bands bands = { 0 };
	struct irq_check check = { .what = what, .bands = &bands }, *c = &check;
	unsigned int vcpu, hi, i;
	unsigned int low[] = { 0, 1, 255 };

	for (vcpu = 0; vcpu <= v->nr_vcpus; vcpu++)
		vcpu_values_check(c, v, vcpu);
	if (v->nr_vcpus < 255)
		vcpu_values_check(c, v, 255);
	for (hi = 1; hi <= ABI_IRQ_VCPU2_MASK; hi++)
		for (i = 0; i < ARRAY_SIZE(low); i++)
			if (hi * 256 + low[i] > v->nr_vcpus)
				vcpu_values_check(c, v, hi * 256 + low[i]);
	for (i = 0; config->ids && i < config->nr_vcpus; i++)
		if (config->ids[i] > v->nr_vcpus)
			vcpu_values_check(c, v, config->ids[i]);
	irq_check_summary(c);
}

/* 0..1023, the boundaries, then a seeded sample of 1024..0xffff. */
static size_t irq_numbers(const struct irq_vm *v, uint32_t seed,
			  unsigned int *nums, size_t max)
{
	unsigned int nr = nr_irqs_or_64(v);
	unsigned int edges[] = { nr - 1, nr, 1024, 2047, 2048, 8191, 8192, 0xfffe, 0xffff };
	size_t n = 0, i;

	for (i = 0; i < 1024 && n < max; i++)
		nums[n++] = i;
	for (i = 0; i < ARRAY_SIZE(edges) && n < max; i++)
		nums[n++] = edges[i];
	for (i = 0; i < SWEEP_SAMPLE && n < max; i++)
		nums[n++] = 1024 + xorshift32(&seed) % (0x10000 - 1024);
	return n;
}

size_t irq_number_values(const struct irq_vm *v, uint32_t seed,
			 uint32_t *irqs, uint32_t *levels, size_t max)
{
	unsigned int nums[MAX_NUMBERS];
	unsigned int vcpus[] = { 0, last_vcpu(v) };
	size_t nr_nums = irq_numbers(v, seed, nums, MAX_NUMBERS), n = 0, i;
	unsigned int type, k;

	/* Raised, then lowered: both levels of every field. */
	for (type = ABI_IRQ_TYPE_CPU; type <= ABI_IRQ_TYPE_PPI; type++) {
		for (k = 0; k < ARRAY_SIZE(vcpus); k++) {
			for (i = 0; i < nr_nums && n + 2 <= max; i++) {
				irqs[n] = irqs[n + 1] = abi_irq(type, vcpus[k], nums[i]);
				levels[n] = 1;
				levels[n + 1] = 0;
				n += 2;
			}
		}
	}
	return n;
}

void sweep_irq_number(struct irq_vm *v, uint32_t seed, const char *what)
{
	struct irq_bands bands = { 0 };
	struct irq_check c = { .what = what, .bands = &bands };
	uint32_t *irqs = calloc(IRQ_NUMBER_VALUES, sizeof(*irqs));
	uint32_t *levels = calloc(IRQ_NUMBER_VALUES, sizeof(*levels));
	size_t n, i;

	TEST_ASSERT(irqs && levels, "out of memory");
	n = irq_number_values(v, seed, irqs, levels, IRQ_NUMBER_VALUES);
	ksft_print_msg("irq_number: seed 0x%08x, %zu values\n", seed, n);
	for (i = 0; i < n; i++)
		irq_check_one(&c, v, irqs[i], levels[i]);
	free(irqs);
	free(levels);
	irq_check_summary(&c);
}

/* Fields the oracle accepts on this VM, to try odd levels on. */
static size_t accepted_fields(const struct irq_vm *v, uint32_t *irqs)
{
	if (!v->abi.in_kernel_gic) {
		irqs[0] = abi_irq(ABI_IRQ_TYPE_CPU, 0, ABI_CPU_IRQ);
		irqs[1] = abi_irq(ABI_IRQ_TYPE_CPU, last_vcpu(v), ABI_CPU_FIQ);
	} else {
		irqs[0] = abi_irq(ABI_IRQ_TYPE_SPI, 0, ABI_SPI_FIRST);
		irqs[1] = abi_irq(ABI_IRQ_TYPE_PPI, last_vcpu(v), ABI_PPI_FIRST);
	}
	return 2;
}

/* Summarise what a set of calls answered, as one word. */
static void verdict_word(unsigned int tried, unsigned int accepted,
			 int first_err, bool mixed)
{
	if (accepted == tried)
		check_behaviour("accepted");
	else if (!accepted && !mixed)
		check_behaviour("refused-%s", abi_errno_name(first_err));
	else
		check_behaviour("mixed(%u/%u-accepted)", accepted, tried);
}

void sweep_level_values(struct irq_vm *v)
{
	uint32_t odd[] = { 2, 3, 0x80000000u, 0xffffffffu }, irqs[2];
	size_t nr = accepted_fields(v, irqs), i, l;
	unsigned int tried = 0, accepted = 0;
	int err, first_err = 0;
	bool mixed = false;

	for (i = 0; i < nr; i++) {
		for (l = 0; l < ARRAY_SIZE(odd); l++) {
			err = irq_line(v, irqs[i], odd[l]);
			irq_line(v, irqs[i], 0);
			tried++;
			accepted += !err;
			if (err && first_err && err != first_err)
				mixed = true;
			if (err && !first_err)
				first_err = err;
		}
	}
	verdict_word(tried, accepted, first_err, mixed);
	check_unspecified(RULE_IRQ_LEVEL, tried);
}

/*
 * KVM_IRQ_LINE_STATUS against KVM_IRQ_LINE on the same fields, and the
 * struct it copies back against the one passed in.
 */
void sweep_line_status(struct irq_vm *v)
{
	unsigned int nums[] = { 0, 1, 16, 32, 40 }, top, n;
	unsigned int tried = 0, differ = 0, changed = 0;
	int unsupported = 0;

	for (top = 0; top <= 0xff; top++) {
		for (n = 0; n < ARRAY_SIZE(nums); n++) {
			uint32_t irq = top << ABI_IRQ_TYPE_SHIFT | nums[n];
			struct kvm_irq_level in = { .irq = irq, .level = 1 }, out = in;
			int err_line = irq_line(v, irq, 1);
			int err_status;

			if (!err_line)
				irq_line(v, irq, 0);
			err_status = __vm_ioctl(v->vm, KVM_IRQ_LINE_STATUS, &out) ? errno : 0;
			if (!err_status)
				irq_line(v, irq, 0);
			if (err_status == ENOTTY)
				unsupported = 1;
			tried++;
			differ += err_status != err_line;
			changed += !err_status && memcmp(&in, &out, sizeof(in));
		}
	}
	if (unsupported)
		check_behaviour("unsupported (ENOTTY)");
	else if (!differ && !changed)
		check_behaviour("same-as-irq-line over %u fields, struct copied back unchanged",
				tried);
	else
		check_behaviour("differs: %u of %u answers differ, %u structs changed",
				differ, tried, changed);
	check_unspecified(RULE_IRQ_LINE_STATUS, tried);
}

/* Does the vcpu field take creation indices or KVM_CREATE_VCPU ids? */
static bool takes(struct irq_vm *v, unsigned int vcpu)
{
	uint32_t irq = v->abi.in_kernel_gic ?
		       abi_irq(ABI_IRQ_TYPE_PPI, vcpu, ABI_PPI_FIRST) :
		       abi_irq(ABI_IRQ_TYPE_CPU, vcpu, ABI_CPU_IRQ);
	int err = irq_line(v, irq, 1);

	if (!err)
		irq_line(v, irq, 0);
	return !err;
}

enum vcpu_lookup probe_vcpu_lookup(struct irq_vm *v,
				   const struct irq_vm_config *c)
{
	bool by_index = true, by_id = true;
	unsigned int i;

	for (i = 0; i < c->nr_vcpus; i++) {
		uint32_t id = irq_vm_config_id(c, i);
		bool index_taken = takes(v, i), id_taken = takes(v, id);
		bool id_is_index = id < c->nr_vcpus;
		bool index_is_id = false;
		unsigned int j;

		for (j = 0; j < c->nr_vcpus; j++)
			index_is_id |= irq_vm_config_id(c, j) == i;
		by_index &= index_taken && (id_is_index || !id_taken);
		by_id &= id_taken && (index_is_id || !index_taken);
	}
	if (by_index == by_id)
		return LOOKUP_NEITHER;
	return by_index ? LOOKUP_BY_INDEX : LOOKUP_BY_ID;
}

const char *vcpu_lookup_name(enum vcpu_lookup how)
{
	static const char *const names[] = {
		[LOOKUP_BY_INDEX] = "by-creation-index",
		[LOOKUP_BY_ID] = "by-vcpu-id",
		[LOOKUP_NEITHER] = "neither-by-index-nor-by-id",
	};

	return names[how];
}
