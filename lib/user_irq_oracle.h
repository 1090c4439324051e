/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The KVM_CAP_ARM_USER_IRQ oracle: what run->s.regs.device_irq_level must
 * hold after KVM_RUN returns, and when KVM must return to userspace before
 * running the guest.  Pure functions, written once from 3fe17e682616 and the
 * KVM_CAP_ARM_USER_IRQ section of api.rst; rule ids are those of
 * lib/assertions.txt (U01..).
 */
#ifndef USER_IRQ_ORACLE_H
#define USER_IRQ_ORACLE_H

#include <stdbool.h>
#include <stdint.h>

#include "guest_host.h"

/* A vcpu as the oracle sees it. */
struct user_irq_vcpu {
	int version;		/* KVM_CHECK_EXTENSION(KVM_CAP_ARM_USER_IRQ) */
	bool in_kernel_gic;	/* the VM has a vgic */
	uint64_t levels;	/* the devices' true output levels, as bits */
};

uint64_t user_irq_dev_bit(enum user_irq_dev dev);
const char *user_irq_dev_name(enum user_irq_dev dev);

/*
 * The bits a version defines ("only the bits defined for that version may
 * ever be set by KVM"): 0..2 for version 1.  A later version defines more,
 * which this oracle cannot know: it answers for the bits it knows.
 */
uint64_t user_irq_defined_bits(int version);

/* Where the documents say what a bit of the field holds after KVM_RUN. */
enum user_irq_bit_rule {
	BIT_LEVEL,		/* U02: the device's true output level */
	BIT_NOT_SET,		/* U01: not defined: KVM may not set it */
	BIT_UNTOUCHED,		/* U08: in-kernel GIC: neither read nor written */
};

/*
 * Compare the field after a return from KVM_RUN (after) with what it was
 * before (before, as userspace left it).  Returns the bits that break the
 * documents, and says in *rule which rule the first of them breaks.
 */
uint64_t user_irq_wrong_bits(const struct user_irq_vcpu *vcpu, uint64_t before,
			     uint64_t after, enum user_irq_bit_rule *rule);

/*
 * U03/U04: KVM must return to userspace before running the guest when the
 * field, as userspace holds it, disagrees with a device: a change it has
 * not reported yet, or a value userspace overwrote.
 */
bool user_irq_must_exit(const struct user_irq_vcpu *vcpu, uint64_t field);

#endif /* USER_IRQ_ORACLE_H */
