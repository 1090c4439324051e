# file: arch/arm64/kvm/vgic/vgic-mmio-v3.c
# GICD_IROUTER writes OR the new affinity into the old: a re-routed SPI goes to the vcpu both name together, or to none.
/^static void vgic_mmio_write_irouter/,/^}/s/^	irq->mpidr = val & GENMASK(23, 0);$/	irq->mpidr |= val \& GENMASK(23, 0);/
