# file: arch/arm64/kvm/vgic/vgic-kvm-device.c
# NR_IRQS capped at 512: the largest vgic shrinks.
s/		    val > VGIC_MAX_RESERVED ||/		    val > 512 ||/
