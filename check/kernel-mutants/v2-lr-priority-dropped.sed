# file: arch/arm64/kvm/vgic/vgic-v2.c
# vgic_v2_populate_lr leaves the list register's priority 0: every interrupt the guest sees has the highest priority, none preempts another, the acknowledge ignores priority.
/^void vgic_v2_populate_lr/,/^}/s/	val |= (irq->priority >> 3) << GICH_LR_PRIORITY_SHIFT;/	val |= 0;/
