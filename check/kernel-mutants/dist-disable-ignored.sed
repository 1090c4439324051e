# file: arch/arm64/kvm/vgic/vgic-mmio-v3.c
# A guest's GICD_CTLR write can set the distributor's group enable but not clear it: interrupts are still forwarded after the guest disabled them there.
/^static void vgic_mmio_write_v3_misc/,/^}/s/		dist->enabled = val & GICD_CTLR_ENABLE_SS_G1;/		dist->enabled |= val \& GICD_CTLR_ENABLE_SS_G1;/
