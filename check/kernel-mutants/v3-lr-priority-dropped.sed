# file: arch/arm64/kvm/vgic/vgic-v3.c
# vgic_v3_populate_lr leaves the list register's priority 0: every interrupt the guest sees has the highest priority, none preempts another, the acknowledge ignores priority.
/^void vgic_v3_populate_lr/,/^}/s/	val |= (u64)irq->priority << ICH_LR_PRIORITY_SHIFT;/	val |= 0;/
