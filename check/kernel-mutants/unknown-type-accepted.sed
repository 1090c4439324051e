# file: arch/arm64/kvm/arm.c
# An unknown irq_type returns 0 instead of EINVAL.
/^int kvm_vm_ioctl_irq_line/,/^}/{/^	return -EINVAL;$/s/-EINVAL/0/}
