// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "abi.h"
#include "seq_model.h"

void seq_models_init(struct seq_models *s, const struct seq_vm *vm, bool pmu,
		     int user_irq)
{
	memset(s, 0, sizeof(*s));
	s->vm = *vm;
	s->pmu = pmu;
	if (vm->kind == SEQ_VM_NOGIC) {
		cpu_model_init(&s->cpu, vm->nr_vcpus, &vm->variants);
		ui_model_init(&s->ui, vm->nr_vcpus, user_irq, &vm->variants);
	} else {
		vgic_model_init(&s->vgic, vm);
	}
}

bool seq_models_spinning(const struct seq_models *s, unsigned int vcpu)
{
	if (vcpu >= s->vm.nr_vcpus)
		return false;
	return s->vm.kind == SEQ_VM_NOGIC ? s->cpu.v[vcpu].spinning :
					    s->vgic.v[vcpu].spinning;
}

/* A host op's thread: the main one, or an idle vcpu's. */
static bool thread_free(const struct seq_models *s, const struct seq_op *op)
{
	return op->from == SEQ_FROM_MAIN ||
	       (op->from < s->vm.nr_vcpus && !seq_models_spinning(s, op->from));
}

static bool nogic_allows(const struct seq_models *s, const struct seq_op *op)
{
	bool spinning = seq_models_spinning(s, op->vcpu);

	switch (op->code) {
	case SEQ_LINE:
		return op->a == ABI_IRQ_TYPE_CPU && op->num <= ABI_CPU_FIQ && thread_free(s, op);
	case SEQ_STOP:
		return spinning;
	case SEQ_DEV:
		if (op->a == DEV_PMU && (!s->pmu || op->level == SEQ_DEV_ARM))
			return false;
		return !spinning && op->a < NR_USER_IRQ_DEVS && op->level < NR_SEQ_DEV_ACTIONS;
	case SEQ_FIELD:
	case SEQ_IMMEXIT:
	case SEQ_MASK:
	case SEQ_WINDOW:
	case SEQ_SPIN:
	case SEQ_SLEEP:
		return !spinning;
	default:
		return false;
	}
}

bool seq_models_allows(const struct seq_models *s, const struct seq_op *op)
{
	if (op->vcpu >= s->vm.nr_vcpus)
		return false;
	if (s->vm.kind == SEQ_VM_NOGIC)
		return nogic_allows(s, op);
	if (op->code == SEQ_LINE && !thread_free(s, op))
		return false;
	return vgic_model_allows(&s->vgic, op);
}

static bool nogic_apply(struct seq_models *s, const struct seq_op *op)
{
	switch (op->code) {
	case SEQ_LINE:
		cpu_model_line(&s->cpu, seq_line_slot(&s->vm, op), op->num, op->level);
		return true;
	case SEQ_FIELD:
		ui_model_field(&s->ui, op->vcpu, op->level);
		return true;
	case SEQ_MASK:
		cpu_model_mask(&s->cpu, op->vcpu, op->a, op->level);
		return true;
	case SEQ_SPIN:
	case SEQ_SLEEP:
		cpu_model_spin(&s->cpu, op->vcpu);
		ui_model_spin_begin(&s->ui, op->vcpu);
		return true;
	default:
		return false;
	}
}

static bool vgic_apply(struct vgic_model *m, const struct seq_vm *vm, const struct seq_op *op)
{
	switch (op->code) {
	case SEQ_LINE:
		vgic_model_line(m, op->a, seq_line_slot(vm, op), op->num, op->level);
		return true;
	case SEQ_SPIN:
	case SEQ_SLEEP:
		vgic_model_spin(m, op->vcpu);
		return true;
	case SEQ_ENABLE:
		vgic_model_enable(m, op->vcpu, op->num, op->level);
		return true;
	case SEQ_CONFIG:
		vgic_model_config(m, op->num, op->level);
		return true;
	case SEQ_ROUTE:
	case SEQ_TARGETS:
		/* Unobserved (the generator's, a model test's): it reads back as written. */
		return vgic_model_route(m, op->vcpu, op->num, seq_route_mask(op), seq_route_mask(op),
					&(struct model_judge){ 0 });
	case SEQ_DEV:
		vgic_model_timer(m, op->vcpu, vgic_timer_ppi(op->a), op->level == SEQ_DEV_RAISE);
		return true;
	case SEQ_EOI:
		vgic_model_eoi(m, op->vcpu);
		return true;
	case SEQ_DIR:
		vgic_model_dir(m, op->vcpu);
		return true;
	case SEQ_EOIMODE:
		vgic_model_eoimode(m, op->vcpu, op->level);
		return true;
	case SEQ_GROUP:
		/* Unobserved: it reads back as written. */
		return vgic_model_group(m, op->vcpu, op->a, op->level, op->level,
					&(struct model_judge){ 0 });
	case SEQ_PRIORITY:
		/* Unobserved (the generator's, a model test's): it reads back as written. */
		return vgic_model_priority(m, op->vcpu, op->num, op->level, op->level,
					   &(struct model_judge){ 0 });
	default:
		return false;
	}
}

bool seq_models_apply(struct seq_models *s, const struct seq_op *op)
{
	return s->vm.kind == SEQ_VM_NOGIC ? nogic_apply(s, op) : vgic_apply(&s->vgic, &s->vm, op);
}

uint64_t seq_models_hash(const struct seq_models *s)
{
	if (s->vm.kind == SEQ_VM_NOGIC)
		return cpu_model_hash(&s->cpu) ^ (ui_model_hash(&s->ui) * 31);
	return vgic_model_hash(&s->vgic);
}

unsigned int seq_models_stats(const struct seq_models *s, const struct model_stats **stats)
{
	if (s->vm.kind != SEQ_VM_NOGIC) {
		stats[0] = &s->vgic.stats;
		return 1;
	}
	stats[0] = &s->cpu.stats;
	stats[1] = &s->ui.stats;
	return 2;
}
