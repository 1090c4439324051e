# file: arch/arm64/kvm/vgic/vgic-mmio.c
# ISACTIVER and ICACTIVER reads see only the first 16 interrupts of each 32: an active PPI, or SPI 48..63, reads as inactive.
/^static unsigned long __vgic_mmio_read_active/,/^}/s/^	for (i = 0; i < len \* 8; i++) {$/	for (i = 0; i < len * 4; i++) {/
