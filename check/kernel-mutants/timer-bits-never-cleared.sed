# file: arch/arm64/kvm/arch_timer.c
# kvm_timer_update_run no longer clears the timer bits.
s/	regs->device_irq_level \&= ~(KVM_ARM_DEV_EL1_VTIMER |/	regs->device_irq_level \&= ~(0 |/
s/				    KVM_ARM_DEV_EL1_PTIMER);/				    0);/
