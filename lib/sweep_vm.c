// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kvm_util.h"

#include "host.h"
#include "oracle.h"
#include "sweep_vm.h"

int vgic_create(struct irq_vm *v, int version)
{
	return __kvm_create_device(v->vm, version == 3 ? KVM_DEV_TYPE_ARM_VGIC_V3 :
							 KVM_DEV_TYPE_ARM_VGIC_V2);
}

int vgic_set_nr_irqs(int gic_fd, uint32_t nr_irqs)
{
	return __kvm_device_attr_set(gic_fd, KVM_DEV_ARM_VGIC_GRP_NR_IRQS, 0,
				     &nr_irqs) ? errno : 0;
}

uint32_t vcpu_id_of(const struct sweep_config *c, unsigned int index)
{
	return c->sparse ? c->ids[index] : index;
}

const char *sweep_vm_create(struct irq_vm *v, const struct sweep_config *c)
{
	const char *why = host_lacks_vm(c->gic, c->nr_vcpus);
	unsigned int i, nr_irqs;

	memset(v, 0, sizeof(*v));
	v->gic_fd = -1;
	v->its_fd = -1;
	if (why)
		return why;
	nr_irqs = c->gic && c->nr_irqs == SWEEP_NR_IRQS_MAX ?
		  host_nr_irqs_max() : c->nr_irqs;

	v->vm = vm_create_barebones();
	v->vcpus = calloc(c->nr_vcpus, sizeof(*v->vcpus));
	TEST_ASSERT(v->vcpus, "no memory for %u vcpus", c->nr_vcpus);
	for (i = 0; i < c->nr_vcpus; i++)
		v->vcpus[i] = __vm_vcpu_add(v->vm, vcpu_id_of(c, i));
	v->nr_vcpus = c->nr_vcpus;
	v->abi.nr_vcpus = c->nr_vcpus;
	v->abi.layout_2 = host.layout_2 > 0;
	if (!c->gic)
		return NULL;

	v->gic_fd = vgic_create(v, c->gic);
	TEST_ASSERT(v->gic_fd >= 0, "vgic-v%d: %s", c->gic, strerror(errno));
	if (nr_irqs != SWEEP_NR_IRQS_UNSET) {
		int err = vgic_set_nr_irqs(v->gic_fd, nr_irqs);

		TEST_ASSERT(!err, "vgic-v%d refuses NR_IRQS %u (%s); the documents allow up to %u: a lower limit of this kernel is pinned in expected/ as \"limit nr_irqs N\"",
			    c->gic, nr_irqs, strerror(err), ABI_NR_IRQS_MAX);
	}
	if (!c->uninit)
		kvm_device_attr_set(v->gic_fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
				    KVM_DEV_ARM_VGIC_CTRL_INIT, NULL);
	v->gic_version = c->gic;
	v->abi.in_kernel_gic = true;
	v->abi.gic_ready = !c->uninit;
	v->abi.nr_irqs = nr_irqs;
	return NULL;
}
