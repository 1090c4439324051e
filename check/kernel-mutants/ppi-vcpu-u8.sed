# file: arch/arm64/kvm/arm.c
# The PPI type injects into vcpu (u8)vcpu: vcpu 256's PPI goes to vcpu 0.
# The whole field is still checked: return codes are right.
/case KVM_ARM_IRQ_TYPE_PPI:/,/return kvm_vgic_inject_irq/s/return kvm_vgic_inject_irq(kvm, vcpu, irq_num, level, NULL);/return kvm_vgic_inject_irq(kvm, kvm_get_vcpu_by_id(kvm, (u8)vcpu_id), irq_num, level, NULL);/
