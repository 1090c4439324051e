# file: arch/arm64/kvm/vgic/vgic.c
# vgic_get_irq takes SPI nr_irqs - 32 + 32 = nr_irqs itself: one past the last.
s/	if (intid < (kvm->arch.vgic.nr_spis + VGIC_NR_PRIVATE_IRQS)) {/	if (intid <= (kvm->arch.vgic.nr_spis + VGIC_NR_PRIVATE_IRQS) \&\& intid < 1020) {/
