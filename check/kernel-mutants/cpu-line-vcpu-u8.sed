# file: arch/arm64/kvm/arm.c
# The CPU type checks the whole vcpu field (vcpu2_index too), then drives the
# line of vcpu (u8)vcpu: on a VM of more than 256 vcpus, vcpu 256 is vcpu 0.
/case KVM_ARM_IRQ_TYPE_CPU:/,/return vcpu_interrupt_line/s/return vcpu_interrupt_line(vcpu, irq_num, level);/return vcpu_interrupt_line(kvm_get_vcpu_by_id(kvm, (u8)vcpu_id), irq_num, level);/
