# file: arch/arm64/kvm/pmu-emul.c
# The PMU overflow bit never reported.
/^void kvm_pmu_update_run/,/^}/s/		regs->device_irq_level |= KVM_ARM_DEV_PMU;/		regs->device_irq_level |= 0;/
