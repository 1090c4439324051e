# file: arch/arm64/kvm/arm.c
# LAYOUT_2's vcpu2_index (bits 28..31) dropped from the vcpu number.
s/vcpu_id += ((irq >> KVM_ARM_IRQ_VCPU2_SHIFT) \& KVM_ARM_IRQ_VCPU2_MASK) \* (KVM_ARM_IRQ_VCPU_MASK + 1);/vcpu_id += 0;/
