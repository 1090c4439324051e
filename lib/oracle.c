// SPDX-License-Identifier: GPL-2.0
/*
 * The KVM_IRQ_LINE oracle for arm64.
 *
 * Sources: 86ce85352f0d (the field layout, the three irq types and their
 * ranges), api.rst 4.25 KVM_IRQ_LINE (LAYOUT_2, "vcpu2_index must be zero"
 * without it, "level ... 0 or 1").  SPIs end at the vgic's configured
 * nr_irqs as well as at 1019.
 *
 * api.rst only says "-1 on error".  The errno the suite requires follows
 * the ioctl(2) convention the KVM API uses throughout:
 *   ENXIO  - the irq_type addresses an interrupt controller the VM does not
 *            have (SPI/PPI without an in-kernel GIC, the CPU lines when the
 *            GIC is in the kernel): "no such device or address";
 *   EINVAL - a field holds a value outside its documented range, or names a
 *            vcpu that does not exist.
 * When a field is bad in several ways the controller mismatch is reported
 * first: which controller is addressed decides what the other fields mean.
 *
 * Rule ids are those of lib/assertions.txt, the assertion catalog.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>

#include "abi.h"
#include "oracle.h"

static struct abi_verdict accept(enum rule rule)
{
	return (struct abi_verdict){ ABI_ACCEPT, 0, rule };
}

static struct abi_verdict reject(int err, enum rule rule)
{
	return (struct abi_verdict){ ABI_REJECT, err, rule };
}

static struct abi_verdict unspecified(enum rule rule)
{
	return (struct abi_verdict){ ABI_UNSPECIFIED, 0, rule };
}

struct abi_irq_field abi_decode(const struct abi_vm *vm, uint32_t irq)
{
	struct abi_irq_field f = {
		.vcpu = (irq >> ABI_IRQ_VCPU_SHIFT) & ABI_IRQ_VCPU_MASK,
		.num = (irq >> ABI_IRQ_NUM_SHIFT) & ABI_IRQ_NUM_MASK,
	};

	if (vm->layout_2) {
		f.type = (irq >> ABI_IRQ_TYPE_SHIFT) & ABI_IRQ_TYPE_MASK;
		f.vcpu += 256 * ((irq >> ABI_IRQ_VCPU2_SHIFT) & ABI_IRQ_VCPU2_MASK);
	} else {
		/* 86ce85352f0d: an 8-bit irq_type; vcpu2_index must be zero */
		f.type = (irq >> ABI_IRQ_TYPE_SHIFT) & ABI_IRQ_TYPE_MASK_V1;
	}
	return f;
}

int abi_irq_target(const struct abi_vm *vm, uint32_t irq)
{
	struct abi_irq_field f = abi_decode(vm, irq);

	return f.type == ABI_IRQ_TYPE_SPI ? ABI_TARGET_ROUTED : (int)f.vcpu;
}

static struct abi_verdict cpu_line(const struct abi_vm *vm,
				   const struct abi_irq_field *f)
{
	if (vm->in_kernel_gic)
		return reject(ENXIO, RULE_IRQ_CPU_USER_GIC);
	if (f->vcpu >= vm->nr_vcpus)
		return reject(EINVAL, RULE_IRQ_VCPU_EXISTS);
	if (f->num != ABI_CPU_IRQ && f->num != ABI_CPU_FIQ)
		return reject(EINVAL, RULE_IRQ_CPU_NUM);
	return accept(RULE_IRQ_CPU_ACCEPT);
}

static struct abi_verdict ppi(const struct abi_vm *vm,
			      const struct abi_irq_field *f)
{
	if (!vm->in_kernel_gic)
		return reject(ENXIO, RULE_IRQ_GIC_NEEDS_VGIC);
	if (f->vcpu >= vm->nr_vcpus)
		return reject(EINVAL, RULE_IRQ_VCPU_EXISTS);
	if (f->num < ABI_PPI_FIRST || f->num > ABI_PPI_LAST)
		return reject(EINVAL, RULE_IRQ_PPI_NUM);
	/*
	 * The ranges do not depend on initialisation; what an uninitialised
	 * vgic does with an injection in range is not written down.
	 */
	if (!vm->gic_ready)
		return unspecified(RULE_IRQ_VGIC_UNINIT);
	return accept(RULE_IRQ_PPI_ACCEPT);
}

/* SPIs ignore vcpu_index (and so vcpu2_index, part of the same number). */
static struct abi_verdict spi(const struct abi_vm *vm,
			      const struct abi_irq_field *f)
{
	if (!vm->in_kernel_gic)
		return reject(ENXIO, RULE_IRQ_GIC_NEEDS_VGIC);
	if (f->num < ABI_SPI_FIRST || f->num > ABI_SPI_LAST ||
	    (vm->nr_irqs && f->num >= vm->nr_irqs))
		return reject(EINVAL, RULE_IRQ_SPI_NUM);
	/* As for PPIs: the range holds, the rest is not written down. */
	if (!vm->gic_ready)
		return unspecified(RULE_IRQ_VGIC_UNINIT);
	return accept(RULE_IRQ_SPI_ACCEPT);
}

struct abi_verdict abi_irq_line(const struct abi_vm *vm, uint32_t irq,
				uint32_t level)
{
	struct abi_irq_field f = abi_decode(vm, irq);
	struct abi_verdict v;

	switch (f.type) {
	case ABI_IRQ_TYPE_CPU:
		v = cpu_line(vm, &f);
		break;
	case ABI_IRQ_TYPE_SPI:
		v = spi(vm, &f);
		break;
	case ABI_IRQ_TYPE_PPI:
		v = ppi(vm, &f);
		break;
	default:
		if (!vm->layout_2 && (irq >> ABI_IRQ_VCPU2_SHIFT))
			return reject(EINVAL, RULE_IRQ_VCPU2_ZERO);
		return reject(EINVAL, RULE_IRQ_TYPE);
	}

	/* "level ... 0 or 1": what other values do is not written down. */
	if (v.outcome == ABI_ACCEPT && level > 1)
		return unspecified(RULE_IRQ_LEVEL);
	return v;
}

/*
 * The bands follow the checks above: each bound the oracle tests splits a
 * type's numbers.  1020..1023 are past ABI_SPI_LAST like the rest, but
 * are the GIC's special INTIDs, the first a kernel might take by mistake.
 */
#define SPI_SPECIAL_LAST	1023

/* The last SPI in range on vm: 1019, or below nr_irqs once it is set. */
static unsigned int spi_last(const struct abi_vm *vm)
{
	if (vm->nr_irqs && vm->nr_irqs - 1 < ABI_SPI_LAST)
		return vm->nr_irqs - 1;
	return ABI_SPI_LAST;
}

enum abi_band abi_irq_band(const struct abi_vm *vm, uint32_t irq)
{
	struct abi_irq_field f = abi_decode(vm, irq);

	switch (f.type) {
	case ABI_IRQ_TYPE_CPU:
		return f.num <= ABI_CPU_FIQ ? ABI_BAND_CPU_LINE : ABI_BAND_CPU_BEYOND;
	case ABI_IRQ_TYPE_PPI:
		if (f.num < ABI_PPI_FIRST)
			return ABI_BAND_PPI_SGI;
		return f.num <= ABI_PPI_LAST ? ABI_BAND_PPI_IN_RANGE : ABI_BAND_PPI_BEYOND;
	case ABI_IRQ_TYPE_SPI:
		if (f.num < ABI_SPI_FIRST)
			return ABI_BAND_SPI_PRIVATE;
		if (f.num <= spi_last(vm))
			return ABI_BAND_SPI_IN_RANGE;
		if (f.num <= ABI_SPI_LAST)
			return ABI_BAND_SPI_PAST_NR_IRQS;
		return f.num <= SPI_SPECIAL_LAST ? ABI_BAND_SPI_SPECIAL : ABI_BAND_SPI_BEYOND;
	}
	return ABI_BAND_TYPE_UNKNOWN;
}

struct abi_band_info abi_band_info(const struct abi_vm *vm, enum abi_band band)
{
	const char *other = vm->layout_2 ? "3-15" : "3-255";

	switch (band) {
	case ABI_BAND_CPU_LINE:
		return (struct abi_band_info){ "CPU", "line", "CPU 0-1 (IRQ, FIQ)", 0, ABI_CPU_FIQ };
	case ABI_BAND_CPU_BEYOND:
		return (struct abi_band_info){ "CPU", "beyond", "CPU 2-65535", ABI_CPU_FIQ + 1, ABI_IRQ_NUM_MASK };
	case ABI_BAND_PPI_SGI:
		return (struct abi_band_info){ "PPI", "sgi", "PPI 0-15 (SGI numbers)", 0, ABI_PPI_FIRST - 1 };
	case ABI_BAND_PPI_IN_RANGE:
		return (struct abi_band_info){ "PPI", "in-range", "PPI 16-31", ABI_PPI_FIRST, ABI_PPI_LAST };
	case ABI_BAND_PPI_BEYOND:
		return (struct abi_band_info){ "PPI", "beyond", "PPI 32-65535", ABI_PPI_LAST + 1, ABI_IRQ_NUM_MASK };
	case ABI_BAND_SPI_PRIVATE:
		return (struct abi_band_info){ "SPI", "private", "SPI 0-31 (SGI, PPI numbers)", 0, ABI_SPI_FIRST - 1 };
	case ABI_BAND_SPI_IN_RANGE:
		return (struct abi_band_info){ "SPI", "in-range", "SPI 32 .. nr_irqs-1", ABI_SPI_FIRST, spi_last(vm) };
	case ABI_BAND_SPI_PAST_NR_IRQS:
		return (struct abi_band_info){ "SPI", "past-nr_irqs", "SPI nr_irqs .. 1019", spi_last(vm) + 1, ABI_SPI_LAST };
	case ABI_BAND_SPI_SPECIAL:
		return (struct abi_band_info){ "SPI", "special", "SPI 1020-1023 (special)", ABI_SPI_LAST + 1, SPI_SPECIAL_LAST };
	case ABI_BAND_SPI_BEYOND:
		return (struct abi_band_info){ "SPI", "beyond", "SPI 1024-65535", SPI_SPECIAL_LAST + 1, ABI_IRQ_NUM_MASK };
	case ABI_BAND_TYPE_UNKNOWN:
	case ABI_NR_BANDS:
		break;
	}
	return (struct abi_band_info){ other, "unknown-type", "irq_type 3 and up", 0, ABI_IRQ_NUM_MASK };
}

/*
 * arm-vgic.rst and arm-vgic-v3.rst: "the number of interrupts (SGI, PPI and
 * SPI) for this GIC instance, ranging from 64 to 1024, in increments of
 * 32"; "-EINVAL Value set is out of the expected range; -EBUSY Value has
 * already be set".
 */
struct abi_verdict abi_nr_irqs(uint32_t nr_irqs, bool already_set)
{
	if (already_set)
		return reject(EBUSY, RULE_NR_IRQS_ONCE);
	if (nr_irqs < 64 || nr_irqs > ABI_NR_IRQS_MAX || nr_irqs % 32)
		return reject(EINVAL, RULE_NR_IRQS_RANGE);
	return accept(RULE_NR_IRQS_RANGE);
}

const char *abi_errno_name(int err)
{
	static char other[16];

	switch (err) {
	case 0:
		return "0";
	case EINVAL:
		return "EINVAL";
	case ENXIO:
		return "ENXIO";
	case EBUSY:
		return "EBUSY";
	case ENODEV:
		return "ENODEV";
	case EFAULT:
		return "EFAULT";
	case ENOENT:
		return "ENOENT";
	}
	snprintf(other, sizeof(other), "errno %d", err);
	return other;
}

const char *abi_outcome_name(enum abi_outcome outcome)
{
	switch (outcome) {
	case ABI_ACCEPT:
		return "accept";
	case ABI_REJECT:
		return "reject";
	case ABI_UNSPECIFIED:
		return "unspecified";
	}
	return "?";
}
