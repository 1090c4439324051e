// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kvm_util.h"
#include "processor.h"

#include "host.h"
#include "vgic_dev.h"
#include "vm.h"

/* Page tables for a redistributor region of up to 512 vcpus (64M). */
#define LARGE_VM_EXTRA_PAGES	128

uint32_t irq_vm_config_id(const struct irq_vm_config *c, unsigned int index)
{
	return c->ids ? c->ids[index] : index;
}

/* vcpus running guest code, with ucalls and exception vectors. */
static void create_guest(struct irq_vm *v, const struct irq_vm_config *c)
{
	struct kvm_vcpu_init init = { .target = -1 };
	unsigned int i;

	init.features[0] = c->pmu ? 1u << KVM_ARM_VCPU_PMU_V3 : 0;
	v->vm = __vm_create(VM_MODE_DEFAULT, c->nr_vcpus,
			    c->nr_vcpus > IRQ_VM_MAX_VCPUS ? LARGE_VM_EXTRA_PAGES : 0);
	for (i = 0; i < c->nr_vcpus; i++) {
		v->vcpus[i] = aarch64_vcpu_add(v->vm, irq_vm_config_id(c, i),
					       &init, c->guest_code);
		/* kvm_util set it to the id; the guest code wants the index. */
		if (irq_vm_config_id(c, i) != i)
			vcpu_set_reg(v->vcpus[i], KVM_ARM64_SYS_REG(SYS_TPIDR_EL1), i);
	}
	ucall_init(v->vm, NULL);
	vm_init_descriptor_tables(v->vm);
	for (i = 0; i < c->nr_vcpus; i++)
		vcpu_init_descriptor_tables(v->vcpus[i]);
}

/* vcpus and no guest memory: only what the ioctls answer is looked at. */
static void create_bare(struct irq_vm *v, const struct irq_vm_config *c)
{
	unsigned int i;

	v->vm = vm_create_barebones();
	for (i = 0; i < c->nr_vcpus; i++)
		v->vcpus[i] = __vm_vcpu_add(v->vm, irq_vm_config_id(c, i));
}

static void add_vgic(struct irq_vm *v, const struct irq_vm_config *c,
		     unsigned int nr_irqs)
{
	int err;

	if (c->guest_code) {
		v->gic_fd = vgic_setup_for_guest(v->vm, c->gic, c->nr_vcpus, nr_irqs);
		TEST_ASSERT(v->gic_fd >= 0, "vgic-v%d with %u irqs: %s", c->gic,
			    nr_irqs, strerror(errno));
		return;
	}
	v->gic_fd = vgic_create(v->vm, c->gic);
	TEST_ASSERT(v->gic_fd >= 0, "vgic-v%d: %s", c->gic, strerror(errno));
	if (nr_irqs != IRQ_VM_NR_IRQS_UNSET) {
		err = vgic_set_nr_irqs(v->gic_fd, nr_irqs);
		TEST_ASSERT(!err, "vgic-v%d refuses NR_IRQS %u (%s); the documents allow up to %u: a lower limit of this kernel is pinned in expected/ as \"limit nr_irqs N\"",
			    c->gic, nr_irqs, strerror(err), ABI_NR_IRQS_MAX);
	}
	if (!c->uninit)
		vgic_init(v->gic_fd);
}

const char *irq_vm_create(struct irq_vm *v, const struct irq_vm_config *c)
{
	const char *why = host_lacks_vm(c->gic, c->nr_vcpus);
	unsigned int nr_irqs = c->nr_irqs;

	memset(v, 0, sizeof(*v));
	v->gic_fd = -1;
	v->its_fd = -1;
	if (!why && c->pmu)
		why = host_lacks_pmu();
	if (why)
		return why;
	if (c->gic && nr_irqs == IRQ_VM_NR_IRQS_MAX)
		nr_irqs = host_nr_irqs_max();

	v->vcpus = calloc(c->nr_vcpus ?: 1, sizeof(*v->vcpus));
	TEST_ASSERT(v->vcpus, "no memory for %u vcpus", c->nr_vcpus);
	v->nr_vcpus = c->nr_vcpus;
	if (c->guest_code)
		create_guest(v, c);
	else
		create_bare(v, c);
	v->abi.nr_vcpus = c->nr_vcpus;
	v->abi.layout_2 = host.layout_2 > 0;
	if (!c->gic)
		return NULL;

	add_vgic(v, c, nr_irqs);
	v->gic_version = c->gic;
	v->abi.in_kernel_gic = true;
	v->abi.gic_ready = !c->uninit;
	v->abi.nr_irqs = nr_irqs;
	if (c->its) {
		v->its_fd = vgic_its_create(v->vm);
		if (v->its_fd < 0)
			return FEATURE(ITS) "the host cannot create a vgic ITS";
	}
	return NULL;
}

void irq_vm_pmu_init(struct irq_vm *v, unsigned int intid)
{
	unsigned int i;

	for (i = 0; i < v->nr_vcpus; i++) {
		if (intid)
			vcpu_device_attr_set(v->vcpus[i], KVM_ARM_VCPU_PMU_V3_CTRL,
					     KVM_ARM_VCPU_PMU_V3_IRQ, &intid);
		vcpu_device_attr_set(v->vcpus[i], KVM_ARM_VCPU_PMU_V3_CTRL,
				     KVM_ARM_VCPU_PMU_V3_INIT, NULL);
	}
}

void irq_vm_destroy(struct irq_vm *v)
{
	if (v->its_fd >= 0)
		close(v->its_fd);
	if (v->gic_fd >= 0)
		close(v->gic_fd);
	if (v->vm)
		kvm_vm_free(v->vm);
	free(v->vcpus);
	memset(v, 0, sizeof(*v));
	v->gic_fd = -1;
	v->its_fd = -1;
}
