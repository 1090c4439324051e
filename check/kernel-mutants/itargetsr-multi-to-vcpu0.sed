# file: arch/arm64/kvm/vgic/vgic-mmio-v2.c
# An SPI whose GICD_ITARGETSR names several CPU interfaces is given to vcpu 0, whether it is among them or not (kvm_get_vcpu clamps the -1 to 0): only the one-target case routes right.
/^static void vgic_mmio_write_target/,/^}/s/^		target = irq->targets ? __ffs(irq->targets) : 0;$/		target = hweight8(irq->targets) == 1 ? __ffs(irq->targets) : -1;/
