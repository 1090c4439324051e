# file: arch/arm64/kvm/vgic/vgic-kvm-device.c
# Setting NR_IRQS a second time no longer refused with EBUSY.
s/		if (dev->kvm->arch.vgic.nr_spis)/		if (0)/
