/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ABI oracle: what the documents say KVM_IRQ_LINE must do with an irq
 * field on a given VM.  A pure function, written once from 86ce85352f0d and
 * api.rst, never from what a kernel was seen to do.
 */
#ifndef ORACLE_H
#define ORACLE_H

#include <stdbool.h>
#include <stdint.h>

#include "rules.h"	/* enum rule: the ids of lib/assertions.txt */

/* The VM as the ABI sees it. */
struct abi_vm {
	bool in_kernel_gic;	/* a vgic device exists, initialised or not */
	bool gic_ready;		/* ... and KVM_DEV_ARM_VGIC_CTRL_INIT was done */
	unsigned int nr_irqs;	/* vgic's NR_IRQS, the 32 private ones included;
				 * 0: never set (only the documents' bounds hold) */
	unsigned int nr_vcpus;	/* vcpu_index addresses vcpus 0 .. nr_vcpus-1 */
	bool layout_2;		/* KVM_CAP_ARM_IRQ_LINE_LAYOUT_2 is reported */
};

enum abi_outcome {
	ABI_ACCEPT,
	ABI_REJECT,
	ABI_UNSPECIFIED,	/* the documents do not say: a behaviour */
};

struct abi_verdict {
	enum abi_outcome outcome;
	int err;		/* errno, for ABI_REJECT */
	enum rule rule;	/* the rule that decided */
};

/* The decoded irq field; vcpu is 256 * vcpu2_index + vcpu_index. */
struct abi_irq_field {
	unsigned int type;
	unsigned int vcpu;
	unsigned int num;
};

struct abi_irq_field abi_decode(const struct abi_vm *vm, uint32_t irq);
struct abi_verdict abi_irq_line(const struct abi_vm *vm, uint32_t irq,
				uint32_t level);
/*
 * The vcpu an accepted injection is meant for, as a creation index: for
 * the CPU and PPI types the vcpu its field names (86ce85352f0d: "vcpu_index",
 * with LAYOUT_2 256 * vcpu2_index + vcpu_index; not the KVM_CREATE_VCPU
 * id).  An SPI ignores the field: it is meant for the vcpu the guest
 * routed it to, ABI_TARGET_ROUTED.
 */
#define ABI_TARGET_ROUTED	(-1)
int abi_irq_target(const struct abi_vm *vm, uint32_t irq);

/*
 * The bands of irq_number the oracle tells apart, per irq_type: a report
 * of the sweep counts its answers per band.  A band's numbers depend on
 * the VM (SPIs end at nr_irqs), and some bands are empty on some VMs.
 */
enum abi_band {
	ABI_BAND_CPU_LINE,		/* CPU 0..1: IRQ, FIQ */
	ABI_BAND_CPU_BEYOND,		/* CPU 2..0xffff */
	ABI_BAND_PPI_SGI,		/* PPI 0..15: SGI numbers */
	ABI_BAND_PPI_IN_RANGE,		/* PPI 16..31 */
	ABI_BAND_PPI_BEYOND,		/* PPI 32..0xffff */
	ABI_BAND_SPI_PRIVATE,		/* SPI 0..31: SGI and PPI numbers */
	ABI_BAND_SPI_IN_RANGE,		/* SPI 32..nr_irqs-1 (..1019) */
	ABI_BAND_SPI_PAST_NR_IRQS,	/* SPI nr_irqs..1019 */
	ABI_BAND_SPI_SPECIAL,		/* SPI 1020..1023: special INTIDs */
	ABI_BAND_SPI_BEYOND,		/* SPI 1024..0xffff */
	ABI_BAND_TYPE_UNKNOWN,		/* irq_type 3.. any number */
	ABI_NR_BANDS
};

struct abi_band_info {
	const char *type;	/* "CPU", "SPI", "PPI", or "3-15" / "3-255" */
	const char *name;	/* the band within its type */
	const char *label;	/* for a reader: "SPI 32 .. nr_irqs-1" */
	unsigned int first, last;	/* its irq_numbers; first > last: empty */
};

enum abi_band abi_irq_band(const struct abi_vm *vm, uint32_t irq);
struct abi_band_info abi_band_info(const struct abi_vm *vm, enum abi_band band);

/* KVM_DEV_ARM_VGIC_GRP_NR_IRQS set to nr_irqs, already set or not. */
struct abi_verdict abi_nr_irqs(uint32_t nr_irqs, bool already_set);

/* The largest nr_irqs arm-vgic.rst and arm-vgic-v3.rst allow. */
#define ABI_NR_IRQS_MAX		1024
const char *abi_outcome_name(enum abi_outcome outcome);
const char *abi_errno_name(int err);

#endif /* ORACLE_H */
