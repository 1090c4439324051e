# file: arch/arm64/kvm/arm.c
# irq_number 2 accepted for the CPU type (an off-by-one in the FIQ bound).
s/if (irq_num > KVM_ARM_IRQ_CPU_FIQ)/if (irq_num > KVM_ARM_IRQ_CPU_FIQ + 1)/
