# file: arch/arm64/kvm/vgic/vgic-mmio.c
# IPRIORITYR keeps two bits of priority, not VGIC_PRI_BITS: 0x80 and 0xa0 become one priority, the one does not preempt the other.
/^void vgic_mmio_write_priority/,/^}/s/GENMASK(7, 8 - VGIC_PRI_BITS);/GENMASK(7, 6);/
