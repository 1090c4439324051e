# file: arch/arm64/kvm/vgic/vgic-mmio-v3.c
# GICR_TYPER's Affinity_Value holds Aff0 only: the redistributor of vcpu 16 and up names another vcpu's affinity, and such a vcpu cannot find its own.
/^static unsigned long vgic_mmio_read_v3r_typer/,/^}/s/value = (u64)(mpidr & GENMASK(23, 0)) << 32;/value = (u64)(mpidr \& GENMASK(7, 0)) << 32;/
