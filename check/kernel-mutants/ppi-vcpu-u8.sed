# file: arch/arm64/kvm/arm.c
# The PPI type checks the whole vcpu field, then injects into vcpu (u8)vcpu:
# on a VM of more than 256 vcpus, vcpu 256's PPI goes to vcpu 0.
/case KVM_ARM_IRQ_TYPE_PPI:/,/return kvm_vgic_inject_irq/s/return kvm_vgic_inject_irq(kvm, vcpu, irq_num, level, NULL);/return kvm_vgic_inject_irq(kvm, kvm_get_vcpu_by_id(kvm, (u8)vcpu_id), irq_num, level, NULL);/
