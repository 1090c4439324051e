# file: arch/arm64/kvm/vgic/vgic.c
# vgic_target_oracle forgets the distributor's enable: a pending interrupt is queued and signalled while the guest has GICD_CTLR's group enable clear.
/^static struct kvm_vcpu \*vgic_target_oracle/,/^}/s/			     !irq->target_vcpu->kvm->arch.vgic.enabled))/			     !irq->target_vcpu->kvm))/
