# file: arch/arm64/kvm/vgic/vgic-mmio-v2.c
# GICD_CTLR reads Enable set whatever the guest wrote (the test of another field): a guest that cleared it reads it set.
/^static unsigned long vgic_mmio_read_v2_misc/,/^}/s/		value = vgic->enabled ? GICD_ENABLE : 0;/		value = vgic->initialized ? GICD_ENABLE : 0;/
