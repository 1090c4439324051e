# file: arch/arm64/kvm/vgic/vgic-mmio-v2.c
# GICD_ITARGETSR keeps only the lowest CPU interface of those written: delivery is unchanged (KVM signals the lowest), the register reads back one target.
/^static void vgic_mmio_write_target/,/^}/s/^		irq->targets = (val >> (i \* 8)) & cpu_mask;$/		irq->targets = ((val >> (i * 8)) \& cpu_mask) \& -((val >> (i * 8)) \& cpu_mask);/
