# file: arch/arm64/kvm/arm.c
# A WARN on every SPI 33 injected (a debugging leftover).
s/return kvm_vgic_inject_irq(kvm, NULL, irq_num, level, NULL);/WARN_ON(irq_num == 33); return kvm_vgic_inject_irq(kvm, NULL, irq_num, level, NULL);/
