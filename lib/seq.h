/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sequences of operations over the models' alphabet: what one sequence
 * runs on (its VM), its operations, and both as the one-line text a
 * reproducer is (tests/sequences/ runs it again with --replay):
 *
 *   vm=v3 vcpus=4 nr_irqs=64 intids=17,27,33,40 edge=0x8 targets=0,0,1,2
 *       priorities=0xa0,0x20,0xa0,0x80 variants=level:nonzero-asserts
 *       suite=<git describe> |
 *       line:m:spi:0:40:1 enable:2:40:1 window:2 ...
 *
 * Host operations are KVM_IRQ_LINE, device_irq_level written by userspace
 * and KVM_RUN with immediate_exit; guest operations are what a vcpu's
 * guest stub does when told (tests/sequences/guest.c).  Pure C, no KVM.
 */
#ifndef SEQ_H
#define SEQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest_host.h"
#include "model.h"
#include "variants.h"	/* generated from lib/variants.txt */

/* The interrupts a sequence on a vgic VM plays with: a few, so that they meet. */
#define SEQ_MAX_INTIDS		8
/* Operations of one sequence, at most (generated ones are far fewer). */
#define SEQ_MAX_OPS		512
/* The longest reproducer line. */
#define SEQ_LINE_MAX		(SEQ_MAX_OPS * 24 + 256)

enum seq_vm_kind {
	SEQ_VM_NOGIC,	/* no in-kernel irqchip: CPU lines and KVM_CAP_ARM_USER_IRQ */
	SEQ_VM_V2,	/* vgic-v2 */
	SEQ_VM_V3,	/* vgic-v3 */
	NR_SEQ_VM_KINDS
};

struct variants {
	unsigned char value[NR_VARIANTS];	/* 0: what the documents say */
};

/*
 * A sequence plays with at most IRQ_VM_MAX_VCPUS vcpus, its slots: the
 * operations' vcpu numbers.  In a VM of that many vcpus slot s is the
 * vcpu created s-th; a larger VM (vm_vcpus, up to IRQ_VM_MAX_VCPUS_LARGE)
 * has its slots anywhere (index[]), past Aff0's 16 and, with LAYOUT_2,
 * past vcpu_index's 256; the other vcpus exist and never run.
 */
struct seq_vm {
	enum seq_vm_kind kind;
	unsigned int nr_vcpus;		/* the slots, 1 .. IRQ_VM_MAX_VCPUS */
	unsigned int vm_vcpus;		/* the VM's vcpus, or 0: nr_vcpus */
	uint16_t index[IRQ_VM_MAX_VCPUS];	/* with vm_vcpus: slot s's creation index */
	bool permuted;			/* ids out of creation order (no vm_vcpus) ... */
	uint8_t id[IRQ_VM_MAX_VCPUS];	/* ... the id of the vcpu created s-th */
	unsigned int nr_irqs;		/* vgic: NR_IRQS, the private 32 included */
	unsigned int nr_intids;		/* vgic: the INTIDs in play ... */
	unsigned int intid[SEQ_MAX_INTIDS];	/* ... PPIs (16..31) and SPIs */
	unsigned int edge;		/* vgic: SPI k set up edge-triggered (bit k) */
	unsigned char target[SEQ_MAX_INTIDS];	/* vgic: SPI k set up routed there */
	unsigned char priority[SEQ_MAX_INTIDS];	/* vgic: k's priority at set-up */
	struct variants variants;
};

enum seq_code {
	/* Host: KVM_IRQ_LINE from the main thread or a vcpu's own thread. */
	SEQ_LINE,	/* a: irq_type, vcpu: the vcpu field, num, level, from */
	SEQ_FIELD,	/* userspace writes vcpu's device_irq_level: level */
	SEQ_IMMEXIT,	/* KVM_RUN of vcpu with immediate_exit set */
	/* Guest: vcpu's stub, every vcpu kind of VM. */
	SEQ_WINDOW,	/* unmask, take what is pending, mask */
	SEQ_SPIN,	/* unmask and spin until SEQ_STOP (the running condition) */
	SEQ_SLEEP,	/* unmask and wait in WFI until SEQ_STOP (sleeping) */
	SEQ_STOP,	/* end vcpu's spin: it takes what is pending, masks */
	/* Guest, no in-kernel irqchip. */
	SEQ_MASK,	/* a: ABI_CPU_IRQ or ABI_CPU_FIQ, level: masked in windows */
	SEQ_DEV,	/* a: enum user_irq_dev, level: enum seq_dev_action */
	/* Guest, vgic. */
	SEQ_ENABLE,	/* num: INTID, level: 1 enable, 0 disable */
	SEQ_CONFIG,	/* num: SPI, level: 1 edge, 0 level */
	SEQ_ROUTE,	/* num: SPI, a: the vcpu it is routed to */
	SEQ_ACK,	/* read the acknowledge register, interrupts masked */
	SEQ_EOI,	/* EOI the interrupt vcpu acknowledged last */
	SEQ_DIR,	/* deactivate the oldest vcpu dropped (EOImode 1) */
	SEQ_EOIMODE,	/* level: 1 split priority drop and deactivation */
	SEQ_READ,	/* read num's enabled, pending and active bits */
	SEQ_PRIORITY,	/* num: INTID, level: its priority (read back) */
	SEQ_GROUP,	/* a: SEQ_GROUP_DIST or _CPU, level: group enabled */
	SEQ_TARGETS,	/* vgic-v2: num: SPI, level: the vcpus it is routed to (bit v, several) */
	NR_SEQ_CODES
};

enum seq_dev_action {
	SEQ_DEV_LOWER,	/* timer masked, overflow flag cleared */
	SEQ_DEV_RAISE,	/* timer condition met now, counter overflowed */
	SEQ_DEV_ARM,	/* timer: condition met a few ticks from now */
	NR_SEQ_DEV_ACTIONS
};

/* SEQ_GROUP's a: the distributor's group enable, or the vcpu's CPU interface's. */
enum { SEQ_GROUP_DIST, SEQ_GROUP_CPU };

/* SEQ_LINE's from: the main thread, or vcpu n's own thread (n). */
#define SEQ_FROM_MAIN		0xff

struct seq_op {
	uint8_t code;		/* enum seq_code */
	uint8_t vcpu;		/* the vcpu it is for (guest ops: runs on) */
	uint8_t from;		/* SEQ_LINE: SEQ_FROM_MAIN or a vcpu */
	uint8_t a;
	uint16_t num;
	/*
	 * SEQ_LINE: made at once with the next operation if that is a line
	 * from another thread, on another line ("&" after its token).
	 */
	uint8_t with_next;
	uint32_t level;
};

/* The vcpus (bit v) a route or a targets operation routes its SPI to. */
static inline unsigned int seq_route_mask(const struct seq_op *op)
{
	return op->code == SEQ_ROUTE ? 1u << op->a : op->level;
}

static inline bool seq_is_guest_op(const struct seq_op *op)
{
	return op->code >= SEQ_WINDOW;
}

/*
 * A spin or a sleep: the vcpu stays in the guest, interrupts unmasked,
 * until SEQ_STOP.  The models make no difference: what may and must be
 * taken is the same; only how the vcpu waits is not.
 */
static inline bool seq_is_spin(unsigned int code)
{
	return code == SEQ_SPIN || code == SEQ_SLEEP;
}

const char *seq_vm_kind_name(enum seq_vm_kind kind);

/* How many vcpus the VM has; slot's creation index. */
static inline unsigned int seq_vm_size(const struct seq_vm *vm)
{
	return vm->vm_vcpus ?: vm->nr_vcpus;
}

static inline unsigned int seq_vm_index(const struct seq_vm *vm, unsigned int slot)
{
	return vm->vm_vcpus ? vm->index[slot] : slot;
}

struct seq_op;

/*
 * The slot a KVM_IRQ_LINE of op reaches: the field names op->vcpu's
 * creation index (api.rst); with ids out of that order, the vcpu-lookup
 * variant says which vcpu the kernel takes it for.
 */
unsigned int seq_line_slot(const struct seq_vm *vm, const struct seq_op *op);

/* One operation as its token ("line:m:spi:0:40:1"); returns buf. */
char *seq_op_format(const struct seq_op *op, char *buf, size_t len);
/* A token into op: 0, or -1 (bad token). */
int seq_op_parse(const char *token, struct seq_op *op);

/*
 * The whole reproducer line (vm, variants, suite version, ops) into buf;
 * and back.  seq_line_parse() says in err what is wrong with a bad line.
 */
void seq_line_format(const struct seq_vm *vm, const char *suite,
		     const struct seq_op *ops, unsigned int nr_ops,
		     char *buf, size_t len);
int seq_line_parse(const char *line, struct seq_vm *vm, struct seq_op *ops,
		   unsigned int *nr_ops, char *err, size_t err_len);

/* Variants as "name:value,..." (only those not the documents'), or "-". */
char *variants_format(const struct variants *v, char *buf, size_t len);
/*
 * "name=value,name=value" (run_tests.sh's KVM_IRQ_VARIANTS) or with ':':
 * 0, or -1 with err naming the bad part.
 */
int variants_parse(struct variants *v, const char *s, char *err, size_t err_len);

/*
 * Whether KVM_IRQ_LINE's level asserts the line: 0 and 1 as documented;
 * any other value as the level variant says, and either without one.
 */
enum tri seq_level_asserts(const struct variants *v, uint32_t level);

/* The sequences' PRNG (splitmix64): the same seed, the same sequence. */
struct seq_rng {
	uint64_t state;
};

static inline uint64_t seq_rand(struct seq_rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in 0 .. n-1 (n > 0). */
static inline unsigned int seq_below(struct seq_rng *r, unsigned int n)
{
	return (unsigned int)(seq_rand(r) % n);
}

/* True one time in n. */
static inline bool seq_one_in(struct seq_rng *r, unsigned int n)
{
	return seq_below(r, n) == 0;
}

#endif /* SEQ_H */
