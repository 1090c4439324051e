# file: arch/arm64/kvm/arm.c
# The SPI type no longer refuses numbers below 32 itself.
/case KVM_ARM_IRQ_TYPE_SPI:/,/return kvm_vgic_inject_irq/s/if (irq_num < VGIC_NR_PRIVATE_IRQS)/if (irq_num < VGIC_NR_SGIS)/
