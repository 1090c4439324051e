# file: arch/arm64/kvm/vgic/vgic-mmio.c
# IPRIORITYR reads put each interrupt's priority 4 bits apart instead of 8: only the first interrupt of each register reads back what was written.
/^unsigned long vgic_mmio_read_priority/,/^}/s/		val |= (u64)irq->priority << (i \* 8);/		val |= (u64)irq->priority << (i * 4);/
