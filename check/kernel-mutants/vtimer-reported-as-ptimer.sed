# file: arch/arm64/kvm/arch_timer.c
# The virtual timer's level reported in the physical timer's bit.
/if (kvm_timer_should_fire(vtimer))/{n;s/KVM_ARM_DEV_EL1_VTIMER/KVM_ARM_DEV_EL1_PTIMER/}
