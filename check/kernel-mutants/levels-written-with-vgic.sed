# file: arch/arm64/kvm/arm.c
# The device levels are written into device_irq_level for VMs with a vgic too.
/Tell userspace about in-kernel device output levels/{n;s/	if (unlikely(!irqchip_in_kernel(vcpu->kvm))) {/	if (1) {/}
