/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ABI oracle: what the documents say KVM_IRQ_LINE must do with an irq
 * field on a given VM.  A pure function, written once from seed 000 and
 * api.rst, never from what a kernel was seen to do.
 */
#ifndef ORACLE_H
#define ORACLE_H

#include <stdbool.h>
#include <stdint.h>

/* The VM as the ABI sees it. */
struct abi_vm {
	bool in_kernel_gic;	/* a vgic device exists, initialised or not */
	bool gic_ready;		/* ... and KVM_DEV_ARM_VGIC_CTRL_INIT was done */
	unsigned int nr_irqs;	/* vgic's NR_IRQS, the 32 private ones included */
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
	const char *rule;	/* the rule that decided (oracle.c) */
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
const char *abi_outcome_name(enum abi_outcome outcome);
const char *abi_errno_name(int err);

#endif /* ORACLE_H */
