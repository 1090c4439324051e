# file: arch/arm64/kvm/vgic/vgic.c
# A level interrupt's line_level is set on any injection, lowering included.
s/		irq->line_level = level;/		irq->line_level = true;/
