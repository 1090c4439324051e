# file: arch/arm64/kvm/arm.c
# KVM_CAP_ARM_USER_IRQ reported as 0 (absent).
/case KVM_CAP_ARM_USER_IRQ:/,/break;/s/r = 1;/r = 0;/
