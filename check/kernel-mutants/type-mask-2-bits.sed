# file: arch/arm64/kvm/arm.c
# irq_type decoded from 2 bits: types 4..15 alias 0..3.
s/irq_type = (irq >> KVM_ARM_IRQ_TYPE_SHIFT) \& KVM_ARM_IRQ_TYPE_MASK;/irq_type = (irq >> KVM_ARM_IRQ_TYPE_SHIFT) \& 0x3;/
