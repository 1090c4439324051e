# file: arch/arm64/kvm/arm.c
# Every PPI goes to the first vcpu.
/case KVM_ARM_IRQ_TYPE_PPI:/,/return kvm_vgic_inject_irq/s/return kvm_vgic_inject_irq(kvm, vcpu, irq_num, level, NULL);/return kvm_vgic_inject_irq(kvm, kvm_get_vcpu(kvm, 0), irq_num, level, NULL);/
