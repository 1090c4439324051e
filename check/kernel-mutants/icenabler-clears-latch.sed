# file: arch/arm64/kvm/vgic/vgic-mmio.c
# A guest ICENABLER write also clears the latched pending state: an edge interrupt pending when disabled is lost.
/^void vgic_mmio_write_cenable/,/^}/s/^		irq->enabled = false;$/		irq->enabled = irq->pending_latch = false;/
