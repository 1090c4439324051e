// SPDX-License-Identifier: GPL-2.0
/*
 * Sequences as text: one token per operation, one line per reproducer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "seq.h"

static const char *const code_names[NR_SEQ_CODES] = {
	[SEQ_LINE] = "line", [SEQ_FIELD] = "field", [SEQ_IMMEXIT] = "immexit",
	[SEQ_WINDOW] = "window", [SEQ_SPIN] = "spin", [SEQ_SLEEP] = "sleep", [SEQ_STOP] = "stop",
	[SEQ_MASK] = "mask", [SEQ_DEV] = "dev", [SEQ_ENABLE] = "enable",
	[SEQ_CONFIG] = "config", [SEQ_ROUTE] = "route", [SEQ_ACK] = "ack",
	[SEQ_EOI] = "eoi", [SEQ_DIR] = "dir", [SEQ_EOIMODE] = "eoimode",
	[SEQ_READ] = "read", [SEQ_PRIORITY] = "priority", [SEQ_GROUP] = "group",
	[SEQ_TARGETS] = "targets",
};

static const char *const type_names[] = {
	[ABI_IRQ_TYPE_CPU] = "cpu", [ABI_IRQ_TYPE_SPI] = "spi",
	[ABI_IRQ_TYPE_PPI] = "ppi",
};
static const char *const cpu_line_names[] = { "irq", "fiq" };
static const char *const group_names[] = { [SEQ_GROUP_DIST] = "dist", [SEQ_GROUP_CPU] = "cpu" };
static const char *const dev_names[NR_USER_IRQ_DEVS] = {
	[DEV_VTIMER] = "vtimer", [DEV_PTIMER] = "ptimer", [DEV_PMU] = "pmu",
};
static const char *const action_names[NR_SEQ_DEV_ACTIONS] = {
	[SEQ_DEV_LOWER] = "lower", [SEQ_DEV_RAISE] = "raise", [SEQ_DEV_ARM] = "arm",
};
static const char *const vm_kind_names[NR_SEQ_VM_KINDS] = {
	[SEQ_VM_NOGIC] = "nogic", [SEQ_VM_V2] = "v2", [SEQ_VM_V3] = "v3",
};

#define VARIANT_NAME_(e, name, values)	[e] = name,
#define VARIANT_VALUES_(e, name, values) [e] = values,
static const char *const variant_names[NR_VARIANTS] = { VARIANT_TABLE(VARIANT_NAME_) };
static const char *const variant_values[NR_VARIANTS] = { VARIANT_TABLE(VARIANT_VALUES_) };

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

const char *seq_vm_kind_name(enum seq_vm_kind kind)
{
	return kind < NR_SEQ_VM_KINDS ? vm_kind_names[kind] : "?";
}

/* Index of name in a table, or -1. */
static int lookup(const char *const *table, unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (table[i] && !strcmp(table[i], name))
			return i;
	return -1;
}

static const char *name_of(const char *const *table, unsigned int n,
			   unsigned int i)
{
	return i < n && table[i] ? table[i] : "?";
}

char *seq_op_format(const struct seq_op *op, char *buf, size_t len)
{
	const char *code = name_of(code_names, NR_SEQ_CODES, op->code);
	char from[8];

	switch (op->code) {
	case SEQ_LINE:
		if (op->from == SEQ_FROM_MAIN)
			snprintf(from, sizeof(from), "m");
		else
			snprintf(from, sizeof(from), "t%u", op->from);
		snprintf(buf, len, "%s:%s:%s:%u:%u:%u%s", code, from,
			 name_of(type_names, ARRAY_LEN(type_names), op->a),
			 op->vcpu, op->num, op->level, op->with_next ? "&" : "");
		break;
	case SEQ_FIELD:
		snprintf(buf, len, "%s:%u:0x%x", code, op->vcpu, op->level);
		break;
	case SEQ_MASK:
		snprintf(buf, len, "%s:%u:%s:%u", code, op->vcpu,
			 name_of(cpu_line_names, 2, op->a), op->level);
		break;
	case SEQ_DEV:
		snprintf(buf, len, "%s:%u:%s:%s", code, op->vcpu,
			 name_of(dev_names, NR_USER_IRQ_DEVS, op->a),
			 name_of(action_names, NR_SEQ_DEV_ACTIONS, op->level));
		break;
	case SEQ_ENABLE:
		snprintf(buf, len, "%s:%u:%u:%u", code, op->vcpu, op->num, op->level);
		break;
	case SEQ_PRIORITY:
	case SEQ_TARGETS:
		snprintf(buf, len, "%s:%u:%u:0x%x", code, op->vcpu, op->num, op->level);
		break;
	case SEQ_GROUP:
		snprintf(buf, len, "%s:%u:%s:%u", code, op->vcpu,
			 name_of(group_names, ARRAY_LEN(group_names), op->a), op->level);
		break;
	case SEQ_CONFIG:
		snprintf(buf, len, "%s:%u:%u:%s", code, op->vcpu, op->num,
			 op->level ? "edge" : "level");
		break;
	case SEQ_ROUTE:
		snprintf(buf, len, "%s:%u:%u:%u", code, op->vcpu, op->num, op->a);
		break;
	case SEQ_EOIMODE:
		snprintf(buf, len, "%s:%u:%u", code, op->vcpu, op->level);
		break;
	case SEQ_READ:
		snprintf(buf, len, "%s:%u:%u", code, op->vcpu, op->num);
		break;
	default:	/* immexit, window, spin, stop, ack, eoi, dir */
		snprintf(buf, len, "%s:%u", code, op->vcpu);
	}
	return buf;
}

/* A decimal or 0x number of at most max: 0, or -1. */
static int number(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (!*s)
		return -1;
	*out = strtoul(s, &end, 0);
	return *end || *out > max ? -1 : 0;
}

#define MAX_FIELDS	7

/* "code:V:NAME:0|1", NAME one of names (mask, group): 0, or -1. */
static int name_and_flag(char *const *f, unsigned int nf, const char *const *names,
			 unsigned int nr_names, struct seq_op *op)
{
	int i = nf == 4 ? lookup(names, nr_names, f[2]) : -1;
	unsigned long on;

	if (i < 0 || number(f[3], 1, &on))
		return -1;
	op->a = i;
	op->level = on;
	return 0;
}

/* "code:V:INTID:VALUE", VALUE at most max (enable, priority): 0, or -1. */
static int intid_and_value(char *const *f, unsigned int nf, unsigned long max,
			   struct seq_op *op)
{
	unsigned long intid, value;

	if (nf != 4 || number(f[2], 1023, &intid) || number(f[3], max, &value))
		return -1;
	op->num = intid;
	op->level = value;
	return 0;
}

int seq_op_parse(const char *token, struct seq_op *op)
{
	char copy[64], *f[MAX_FIELDS], *save = NULL, *p;
	unsigned long n[MAX_FIELDS] = { 0 };
	unsigned int nf = 0;
	int code, i, with_next = 0;

	if (strlen(token) >= sizeof(copy))
		return -1;
	strcpy(copy, token);
	/* "&": at once with the next (a line's only). */
	if (*copy && copy[strlen(copy) - 1] == '&') {
		copy[strlen(copy) - 1] = 0;
		with_next = 1;
	}
	for (p = strtok_r(copy, ":", &save); p && nf < MAX_FIELDS; p = strtok_r(NULL, ":", &save))
		f[nf++] = p;
	if (!nf || p || (code = lookup(code_names, NR_SEQ_CODES, f[0])) < 0)
		return -1;
	memset(op, 0, sizeof(*op));
	op->code = code;
	op->from = SEQ_FROM_MAIN;
	if (code == SEQ_LINE) {
		if (nf != 6)
			return -1;
		if (strcmp(f[1], "m")) {
			if (f[1][0] != 't' || number(f[1] + 1, IRQ_VM_MAX_VCPUS - 1, &n[1]))
				return -1;
			op->from = n[1];
		}
		i = lookup(type_names, ARRAY_LEN(type_names), f[2]);
		if (i < 0 || number(f[3], IRQ_VM_MAX_VCPUS - 1, &n[3]) ||
		    number(f[4], ABI_IRQ_NUM_MASK, &n[4]) || number(f[5], UINT32_MAX, &n[5]))
			return -1;
		op->a = i;
		op->vcpu = n[3];
		op->num = n[4];
		op->level = n[5];
		op->with_next = with_next;
		return 0;
	}
	if (with_next)
		return -1;
	if (nf < 2 || number(f[1], IRQ_VM_MAX_VCPUS - 1, &n[1]))
		return -1;
	op->vcpu = n[1];
	switch (code) {
	case SEQ_FIELD:
		if (nf != 3 || number(f[2], UINT32_MAX, &n[2]))
			return -1;
		op->level = n[2];
		return 0;
	case SEQ_MASK:
		return name_and_flag(f, nf, cpu_line_names, ARRAY_LEN(cpu_line_names), op);
	case SEQ_DEV:
		i = nf == 4 ? lookup(dev_names, NR_USER_IRQ_DEVS, f[2]) : -1;
		op->a = i;
		op->level = nf == 4 ? lookup(action_names, NR_SEQ_DEV_ACTIONS, f[3]) : -1;
		return i < 0 || (int)op->level < 0 ? -1 : 0;
	case SEQ_ENABLE:
		return intid_and_value(f, nf, 1, op);
	case SEQ_GROUP:
		return name_and_flag(f, nf, group_names, ARRAY_LEN(group_names), op);
	case SEQ_PRIORITY:
		return intid_and_value(f, nf, 0xff, op);
	case SEQ_TARGETS:
		return intid_and_value(f, nf, (1u << IRQ_VM_MAX_VCPUS) - 1, op);
	case SEQ_CONFIG:
		if (nf != 4 || number(f[2], 1023, &n[2]) ||
		    (strcmp(f[3], "edge") && strcmp(f[3], "level")))
			return -1;
		op->num = n[2];
		op->level = !strcmp(f[3], "edge");
		return 0;
	case SEQ_ROUTE:
		if (nf != 4 || number(f[2], 1023, &n[2]) ||
		    number(f[3], IRQ_VM_MAX_VCPUS - 1, &n[3]))
			return -1;
		op->num = n[2];
		op->a = n[3];
		return 0;
	case SEQ_EOIMODE:
		if (nf != 3 || number(f[2], 1, &n[2]))
			return -1;
		op->level = n[2];
		return 0;
	case SEQ_READ:
		if (nf != 3 || number(f[2], 1023, &n[2]))
			return -1;
		op->num = n[2];
		return 0;
	default:
		return nf == 2 ? 0 : -1;
	}
}

char *variants_format(const struct variants *v, char *buf, size_t len)
{
	size_t used = 0;
	unsigned int i, k;
	const char *p;

	buf[0] = 0;
	for (i = 0; i < NR_VARIANTS; i++) {
		if (!v->value[i])
			continue;
		for (p = variant_values[i], k = 0; k < v->value[i] && p; k++)
			if ((p = strchr(p, ' ')))
				p++;
		used += snprintf(buf + used, used < len ? len - used : 0, "%s%s:%.*s",
				 used ? "," : "", variant_names[i],
				 p ? (int)strcspn(p, " ") : 1, p ? p : "?");
	}
	if (!used)
		snprintf(buf, len, "-");
	return buf;
}

/* The index of value in the space-separated list values, or -1. */
static int value_index(const char *values, const char *value, size_t value_len)
{
	const char *p = values;
	int i = 0;
	size_t n;

	while (*p) {
		n = strcspn(p, " ");
		if (n == value_len && !strncmp(p, value, n))
			return i;
		p += n;
		p += *p == ' ';
		i++;
	}
	return -1;
}

int variants_parse(struct variants *v, const char *s, char *err, size_t err_len)
{
	const char *item = s, *sep, *end;
	size_t name_len;
	int i, value;

	memset(v, 0, sizeof(*v));
	if (!s || !*s || !strcmp(s, "-"))
		return 0;
	while (*item) {
		end = item + strcspn(item, ",");
		sep = item + strcspn(item, ":=");
		if (sep >= end) {
			snprintf(err, err_len, "variant '%.*s': want name=value", (int)(end - item), item);
			return -1;
		}
		name_len = sep - item;
		for (i = 0; i < NR_VARIANTS; i++)
			if (strlen(variant_names[i]) == name_len &&
			    !strncmp(variant_names[i], item, name_len))
				break;
		if (i == NR_VARIANTS) {
			snprintf(err, err_len, "unknown variant '%.*s' (lib/variants.txt)",
				 (int)name_len, item);
			return -1;
		}
		value = value_index(variant_values[i], sep + 1, end - sep - 1);
		if (value < 0) {
			snprintf(err, err_len, "variant %s: unknown value '%.*s' (%s)",
				 variant_names[i], (int)(end - sep - 1), sep + 1,
				 variant_values[i]);
			return -1;
		}
		v->value[i] = value;
		item = *end ? end + 1 : end;
	}
	return 0;
}

enum tri seq_level_asserts(const struct variants *v, uint32_t level)
{
	if (level <= 1)
		return tri_of(level);
	return v->value[VARIANT_LEVEL] == VARIANT_LEVEL_NONZERO_ASSERTS ? TRI_YES : TRI_EITHER;
}

void seq_line_format(const struct seq_vm *vm, const char *suite,
		     const struct seq_op *ops, unsigned int nr_ops,
		     char *buf, size_t len)
{
	char variants[160], token[64];
	size_t used;
	unsigned int i;

	used = snprintf(buf, len, "vm=%s vcpus=%u", seq_vm_kind_name(vm->kind),
			vm->nr_vcpus);
	if (vm->permuted) {
		used += snprintf(buf + used, used < len ? len - used : 0, " ids=");
		for (i = 0; i < vm->nr_vcpus; i++)
			used += snprintf(buf + used, used < len ? len - used : 0,
					 "%s%u", i ? "," : "", vm->id[i]);
	}
	if (vm->vm_vcpus) {
		used += snprintf(buf + used, used < len ? len - used : 0,
				 " vm_vcpus=%u indices=", vm->vm_vcpus);
		for (i = 0; i < vm->nr_vcpus; i++)
			used += snprintf(buf + used, used < len ? len - used : 0,
					 "%s%u", i ? "," : "", vm->index[i]);
	}
	if (vm->kind != SEQ_VM_NOGIC) {
		used += snprintf(buf + used, used < len ? len - used : 0,
				 " nr_irqs=%u intids=", vm->nr_irqs);
		for (i = 0; i < vm->nr_intids; i++)
			used += snprintf(buf + used, used < len ? len - used : 0,
					 "%s%u", i ? "," : "", vm->intid[i]);
		used += snprintf(buf + used, used < len ? len - used : 0,
				 " edge=0x%x targets=", vm->edge);
		for (i = 0; i < vm->nr_intids; i++)
			used += snprintf(buf + used, used < len ? len - used : 0,
					 "%s%u", i ? "," : "", vm->target[i]);
		used += snprintf(buf + used, used < len ? len - used : 0, " priorities=");
		for (i = 0; i < vm->nr_intids; i++)
			used += snprintf(buf + used, used < len ? len - used : 0,
					 "%s0x%x", i ? "," : "", vm->priority[i]);
	}
	used += snprintf(buf + used, used < len ? len - used : 0,
			 " variants=%s suite=%s |",
			 variants_format(&vm->variants, variants, sizeof(variants)), suite);
	for (i = 0; i < nr_ops; i++)
		used += snprintf(buf + used, used < len ? len - used : 0, " %s",
				 seq_op_format(&ops[i], token, sizeof(token)));
}

/* A number of [min, max]: 0, or -1. */
static int number_in(const char *s, unsigned long min, unsigned long max,
		     unsigned long *out)
{
	return number(s, max, out) || *out < min ? -1 : 0;
}

/* indices= shares the list reader with intids= and targets=. */
_Static_assert(SEQ_MAX_INTIDS >= IRQ_VM_MAX_VCPUS, "a list holds a slot each");

/* "a,b,c": up to SEQ_MAX_INTIDS numbers of [min, max]; how many, or -1. */
static int number_list(const char *s, unsigned long min, unsigned long max,
		       unsigned long *vals)
{
	char copy[128], *p, *save = NULL;
	int n = 0;

	if (strlen(s) >= sizeof(copy))
		return -1;
	strcpy(copy, s);
	for (p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save))
		if (n == SEQ_MAX_INTIDS || number_in(p, min, max, &vals[n++]))
			return -1;
	return n;
}

/* item is "key=...": its value, or NULL. */
static const char *value_of(const char *item, const char *key)
{
	size_t len = strlen(key);

	return !strncmp(item, key, len) && item[len] == '=' ? item + len + 1 : NULL;
}

/* How many of each list the head gave (-1: none). */
struct head_counts {
	int indices, ids, priorities;
};

/* One "key=value" of the line's head into vm: 0, or -1 with err. */
static int head_item(const char *item, struct seq_vm *vm, struct head_counts *n_of,
		     char *err, size_t err_len)
{
	unsigned long n = 0, vals[SEQ_MAX_INTIDS];
	const char *val;
	int i, k = 0;

	if ((val = value_of(item, "vm"))) {
		k = lookup(vm_kind_names, NR_SEQ_VM_KINDS, val);
		vm->kind = k;
	} else if ((val = value_of(item, "vcpus"))) {
		k = number_in(val, 1, IRQ_VM_MAX_VCPUS, &n);
		vm->nr_vcpus = n;
	} else if ((val = value_of(item, "vm_vcpus"))) {
		k = number_in(val, 1, IRQ_VM_MAX_VCPUS_LARGE, &n);
		vm->vm_vcpus = n;
	} else if ((val = value_of(item, "ids"))) {
		k = number_list(val, 0, IRQ_VM_MAX_VCPUS - 1, vals);
		for (i = 0; i < k; i++)
			vm->id[i] = vals[i];
		vm->permuted = k > 0;
		n_of->ids = k;
	} else if ((val = value_of(item, "indices"))) {
		k = number_list(val, 0, IRQ_VM_MAX_VCPUS_LARGE - 1, vals);
		for (i = 0; i < k; i++)
			vm->index[i] = vals[i];
		n_of->indices = k;
	} else if ((val = value_of(item, "nr_irqs"))) {
		k = number_in(val, 64, 1024, &n);
		vm->nr_irqs = n;
	} else if ((val = value_of(item, "intids"))) {
		k = vm->nr_intids = number_list(val, 16, 1019, vals);
		for (i = 0; i < k; i++)
			vm->intid[i] = vals[i];
	} else if ((val = value_of(item, "edge"))) {
		k = number_in(val, 0, (1u << SEQ_MAX_INTIDS) - 1, &n);
		vm->edge = n;
	} else if ((val = value_of(item, "targets"))) {
		k = number_list(val, 0, IRQ_VM_MAX_VCPUS - 1, vals);
		for (i = 0; i < k; i++)
			vm->target[i] = vals[i];
	} else if ((val = value_of(item, "priorities"))) {
		k = number_list(val, 0, 0xff, vals);
		for (i = 0; i < k; i++)
			vm->priority[i] = vals[i];
		n_of->priorities = k;
	} else if ((val = value_of(item, "variants"))) {
		return variants_parse(&vm->variants, val, err, err_len);
	} else if (!value_of(item, "suite")) {
		k = -1;
	}
	if (k >= 0)
		return 0;
	snprintf(err, err_len, "bad '%s' in the reproducer's head", item);
	return -1;
}

/* A large VM's slots: as many indices as slots, distinct, in the VM. */
static bool slots_fit(const struct seq_vm *vm, int nr_indices)
{
	unsigned int i, j;

	if (!vm->vm_vcpus)
		return nr_indices < 0;
	if (nr_indices != (int)vm->nr_vcpus || vm->vm_vcpus < vm->nr_vcpus)
		return false;
	for (i = 0; i < vm->nr_vcpus; i++) {
		if (vm->index[i] >= vm->vm_vcpus)
			return false;
		for (j = 0; j < i; j++)
			if (vm->index[j] == vm->index[i])
				return false;
	}
	return true;
}

/* ids out of order: a permutation of the slots, not on vgic-v2 or a large VM. */
static bool ids_fit(const struct seq_vm *vm, int nr_ids)
{
	unsigned int seen = 0, i;

	if (nr_ids < 0)
		return true;
	if (nr_ids != (int)vm->nr_vcpus || vm->vm_vcpus || vm->kind == SEQ_VM_V2)
		return false;
	for (i = 0; i < vm->nr_vcpus; i++)
		seen |= 1u << vm->id[i];
	return seen == (1u << vm->nr_vcpus) - 1;
}

unsigned int seq_line_slot(const struct seq_vm *vm, const struct seq_op *op)
{
	unsigned int t, f = op->vcpu;

	if (!vm->permuted || op->a == ABI_IRQ_TYPE_SPI)
		return f;
	switch (vm->variants.value[VARIANT_VCPU_LOOKUP]) {
	case VARIANT_VCPU_LOOKUP_BY_ID:
		for (t = 0; t < vm->nr_vcpus; t++)
			if (vm->id[t] == f)
				return t;
		return f;
	case VARIANT_VCPU_LOOKUP_PPI_ID_AS_INDEX:
		return op->a == ABI_IRQ_TYPE_PPI ? vm->id[f] : f;
	default:
		return f;
	}
}

int seq_line_parse(const char *line, struct seq_vm *vm, struct seq_op *ops,
		   unsigned int *nr_ops, char *err, size_t err_len)
{
	struct head_counts n_of = { -1, -1, -1 };
	char *copy = strdup(line), *p, *save = NULL;
	unsigned int k;
	bool head = true;
	int ret = -1;

	memset(vm, 0, sizeof(*vm));
	*nr_ops = 0;
	if (!copy) {
		snprintf(err, err_len, "out of memory");
		return -1;
	}
	for (p = strtok_r(copy, " \t\n", &save); p; p = strtok_r(NULL, " \t\n", &save)) {
		if (head && !strcmp(p, "|")) {
			head = false;
		} else if (head) {
			if (head_item(p, vm, &n_of, err, err_len))
				goto out;
		} else if (*nr_ops == SEQ_MAX_OPS) {
			snprintf(err, err_len, "more than %u operations", SEQ_MAX_OPS);
			goto out;
		} else if (seq_op_parse(p, &ops[*nr_ops])) {
			snprintf(err, err_len, "bad operation '%s'", p);
			goto out;
		} else {
			++*nr_ops;
		}
	}
	if (head || !vm->nr_vcpus)
		snprintf(err, err_len, "want 'vm=... vcpus=N ... | op op ...'");
	else if (!slots_fit(vm, n_of.indices))
		snprintf(err, err_len, "vm_vcpus= needs indices=, one per slot, each below it, none twice");
	else if (!ids_fit(vm, n_of.ids))
		snprintf(err, err_len, "ids= permutes 0 .. vcpus-1, on a VM of no vgic or vgic-v3 without vm_vcpus=");
	else if (vm->kind != SEQ_VM_NOGIC && (!vm->nr_irqs || !vm->nr_intids))
		snprintf(err, err_len, "a vgic VM needs nr_irqs= and intids=");
	else if (n_of.priorities >= 0 && n_of.priorities != (int)vm->nr_intids)
		snprintf(err, err_len, "priorities= gives one priority per INTID");
	else
		ret = 0;
	/* A line from before priorities: every one the default. */
	for (k = 0; !ret && n_of.priorities < 0 && k < vm->nr_intids; k++)
		vm->priority[k] = GIC_DEFAULT_PRIORITY;
out:
	free(copy);
	return ret;
}
