# file: arch/arm64/kvm/vgic/vgic.c
# An edge injection no longer latches the interrupt pending.
s/		irq->pending_latch = true;/		irq->pending_latch = irq->pending_latch;/
