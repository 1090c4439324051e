# file: arch/arm64/kvm/arm.c
# The CPU type no longer refused when the VM has an in-kernel irqchip.
/case KVM_ARM_IRQ_TYPE_CPU:/{n;s/if (irqchip_in_kernel(kvm))/if (0)/}
