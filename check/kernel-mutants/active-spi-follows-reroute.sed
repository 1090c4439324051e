# file: arch/arm64/kvm/vgic/vgic.c
# An active interrupt follows its new route: an SPI re-routed while active leaves the list registers of the vcpu that must deactivate it.
s/^		return irq->vcpu ? : irq->target_vcpu;$/		return irq->target_vcpu;/
