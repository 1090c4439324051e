/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel vgic device of a test VM, set up one way: the device, its
 * NR_IRQS, for a VM that runs guest code the regions the guest drives
 * (lib/guest_host.h's addresses, mapped), its initialisation; an ITS.
 * (kvm_util's own vgic.h has the guest-side helpers.)
 */
#ifndef VGIC_DEV_H
#define VGIC_DEV_H

#include <stdint.h>

struct kvm_vm;

/* A fresh vgic device of that version (2 or 3): fd, or -1 and errno. */
int vgic_create(struct kvm_vm *vm, int version);

/* KVM_DEV_ARM_VGIC_GRP_NR_IRQS: 0 or the errno. */
int vgic_set_nr_irqs(int gic_fd, uint32_t nr_irqs);

/* KVM_DEV_ARM_VGIC_CTRL_INIT. */
void vgic_init(int gic_fd);

/*
 * A vgic a guest drives, on a VM whose nr_vcpus vcpus all exist: NR_IRQS,
 * the guest's addresses mapped, initialised.  fd, or -1 and errno.
 */
int vgic_setup_for_guest(struct kvm_vm *vm, int version, unsigned int nr_vcpus,
			 uint32_t nr_irqs);

/* A vgic ITS on a VM with a vgic-v3: fd, or -1 if the host has none. */
int vgic_its_create(struct kvm_vm *vm);

#endif /* VGIC_DEV_H */
