# file: arch/arm64/kvm/vgic/vgic-mmio-v3.c
# GICD_CTLR reads EnableGrp1 set whatever the guest wrote (the test of another field): a guest that cleared it reads it set.
/^static unsigned long vgic_mmio_read_v3_misc/,/^}/s/		if (vgic->enabled)/		if (vgic->nr_spis)/
