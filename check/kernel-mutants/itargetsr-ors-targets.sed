# file: arch/arm64/kvm/vgic/vgic-mmio-v2.c
# GICD_ITARGETSR writes add the new targets to the old: an SPI re-routed to a higher-numbered vcpu stays with the old one.
/^static void vgic_mmio_write_target/,/^}/s/^		irq->targets = (val >> (i \* 8)) & cpu_mask;$/		irq->targets |= (val >> (i * 8)) \& cpu_mask;/
