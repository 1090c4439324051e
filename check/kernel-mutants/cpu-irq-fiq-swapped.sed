# file: arch/arm64/kvm/arm.c
# KVM_ARM_IRQ_CPU_IRQ drives the FIQ line and FIQ the IRQ line.
s/bit_index = __ffs(HCR_VI);/bit_index = __ffs(HCR_VF_SWAP);/
s/bit_index = __ffs(HCR_VF);/bit_index = __ffs(HCR_VI);/
s/HCR_VF_SWAP/HCR_VF/
