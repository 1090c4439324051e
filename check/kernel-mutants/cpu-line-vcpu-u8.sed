# file: arch/arm64/kvm/arm.c
# The CPU type drives the line of vcpu (u8)vcpu: vcpu 256's is vcpu 0's.
# The whole field (vcpu2_index too) is still checked: return codes are right.
/case KVM_ARM_IRQ_TYPE_CPU:/,/return vcpu_interrupt_line/s/return vcpu_interrupt_line(vcpu, irq_num, level);/return vcpu_interrupt_line(kvm_get_vcpu_by_id(kvm, (u8)vcpu_id), irq_num, level);/
