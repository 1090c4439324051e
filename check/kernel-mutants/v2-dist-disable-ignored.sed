# file: arch/arm64/kvm/vgic/vgic-mmio-v2.c
# A guest's GICD_CTLR write can set the distributor's enable but not clear it: interrupts are still forwarded after the guest disabled them there.
/^static void vgic_mmio_write_v2_misc/,/^}/s/		dist->enabled = val & GICD_ENABLE;/		dist->enabled |= val \& GICD_ENABLE;/
