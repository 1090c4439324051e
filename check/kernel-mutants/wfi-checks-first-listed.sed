# file: arch/arm64/kvm/vgic/vgic.c
# kvm_vgic_vcpu_pending_irq looks at the first interrupt of the vcpu's list only: a vcpu in WFI whose list starts with an active interrupt is not woken for one raised after it.
/^int kvm_vgic_vcpu_pending_irq/,/^}/s/^		if (pending)$/		if (true)/
