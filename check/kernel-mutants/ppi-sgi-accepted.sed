# file: arch/arm64/kvm/arm.c
# The PPI type accepts SGI numbers 8..15.
s/if (irq_num < VGIC_NR_SGIS || irq_num >= VGIC_NR_PRIVATE_IRQS)/if (irq_num < 8 || irq_num >= VGIC_NR_PRIVATE_IRQS)/
