# file: arch/arm64/kvm/arm.c
# A PPI from userspace for a vcpu that is in the guest is dropped (returns 0).
/case KVM_ARM_IRQ_TYPE_PPI:/,/return kvm_vgic_inject_irq/s/return kvm_vgic_inject_irq(kvm, vcpu, irq_num, level, NULL);/return READ_ONCE(vcpu->mode) == IN_GUEST_MODE ? 0 : kvm_vgic_inject_irq(kvm, vcpu, irq_num, level, NULL);/
