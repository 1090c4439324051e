# file: arch/arm64/kvm/vgic/vgic-mmio.c
# ISENABLER and ICENABLER reads give every bit the enabled state of the first interrupt of the word.
/^unsigned long vgic_mmio_read_enable/,/^}/s/vgic_get_irq(vcpu->kvm, vcpu, intid + i);$/vgic_get_irq(vcpu->kvm, vcpu, intid);/
