# file: arch/arm64/kvm/arm.c
# The PPI type accepts irq_number 32 (an off-by-one in the upper bound).
s/if (irq_num < VGIC_NR_SGIS || irq_num >= VGIC_NR_PRIVATE_IRQS)/if (irq_num < VGIC_NR_SGIS || irq_num > VGIC_NR_PRIVATE_IRQS)/
