# file: arch/arm64/kvm/arch_timer.c
# kvm_timer_update_run sets bit 3, which version 1 does not define.
s/	regs->device_irq_level \&= ~(KVM_ARM_DEV_EL1_VTIMER |/	regs->device_irq_level |= 0x8; regs->device_irq_level \&= ~(KVM_ARM_DEV_EL1_VTIMER |/
