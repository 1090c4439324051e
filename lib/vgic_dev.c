// SPDX-License-Identifier: GPL-2.0
#include <errno.h>

#include "kvm_util.h"
#include "vgic.h"

#include "guest_host.h"
#include "vgic_dev.h"

#define ITS_BASE_GPA	0x08080000ULL

int vgic_create(struct kvm_vm *vm, int version)
{
	return __kvm_create_device(vm, version == 3 ? KVM_DEV_TYPE_ARM_VGIC_V3 :
						      KVM_DEV_TYPE_ARM_VGIC_V2);
}

int vgic_set_nr_irqs(int gic_fd, uint32_t nr_irqs)
{
	return __kvm_device_attr_set(gic_fd, KVM_DEV_ARM_VGIC_GRP_NR_IRQS, 0,
				     &nr_irqs) ? errno : 0;
}

void vgic_init(int gic_fd)
{
	kvm_device_attr_set(gic_fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
			    KVM_DEV_ARM_VGIC_CTRL_INIT, NULL);
}

static void map_region(struct kvm_vm *vm, uint64_t gpa, uint64_t size)
{
	virt_map(vm, gpa, gpa, vm_calc_num_guest_pages(vm->mode, size));
}

/* kvm_util has vgic_v3_setup() only: this is its v2 counterpart. */
static int vgic_v2_setup(struct kvm_vm *vm, uint32_t nr_irqs)
{
	uint64_t dist = GICD_BASE_GPA, cpu = GICC_BASE_GPA;
	int fd = vgic_create(vm, 2);

	if (fd < 0)
		return fd;
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_NR_IRQS, 0, &nr_irqs);
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_ADDR,
			    KVM_VGIC_V2_ADDR_TYPE_DIST, &dist);
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_ADDR,
			    KVM_VGIC_V2_ADDR_TYPE_CPU, &cpu);
	map_region(vm, GICD_BASE_GPA, KVM_VGIC_V2_DIST_SIZE);
	map_region(vm, GICC_BASE_GPA, KVM_VGIC_V2_CPU_SIZE);
	vgic_init(fd);
	return fd;
}

int vgic_setup_for_guest(struct kvm_vm *vm, int version, unsigned int nr_vcpus,
			 uint32_t nr_irqs)
{
	if (version == 3)
		return vgic_v3_setup(vm, nr_vcpus, nr_irqs, GICD_BASE_GPA,
				     GICR_BASE_GPA);
	return vgic_v2_setup(vm, nr_irqs);
}

int vgic_its_create(struct kvm_vm *vm)
{
	uint64_t base = ITS_BASE_GPA;
	int fd = __kvm_create_device(vm, KVM_DEV_TYPE_ARM_VGIC_ITS);

	if (fd < 0)
		return -1;
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_VGIC_ITS_ADDR_TYPE, &base);
	vgic_init(fd);
	return fd;
}
