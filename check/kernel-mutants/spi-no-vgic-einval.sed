# file: arch/arm64/kvm/arm.c
# An SPI without an in-kernel irqchip refused with EINVAL instead of ENXIO.
/case KVM_ARM_IRQ_TYPE_SPI:/{n;n;s/return -ENXIO;/return -EINVAL;/}
