# file: arch/arm64/kvm/vgic/vgic-mmio.c
# ISPENDR reads show a level interrupt's line only while it is enabled: raised while disabled, it reads as not pending.
/^static unsigned long __read_pending/,/^}/s/^				val = irq_is_pending(irq);$/				val = irq->pending_latch || (irq->line_level \&\& irq->enabled);/
