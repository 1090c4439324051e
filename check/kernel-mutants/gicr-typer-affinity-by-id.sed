# file: arch/arm64/kvm/vgic/vgic-mmio-v3.c
# GICR_TYPER gives the affinity of the vcpu whose creation index is this vcpu's id: with ids out of creation order a redistributor names another vcpu's MPIDR.
/^static unsigned long vgic_mmio_read_v3r_typer/,/^}/s/	unsigned long mpidr = kvm_vcpu_get_mpidr_aff(vcpu);/	unsigned long mpidr = kvm_vcpu_get_mpidr_aff(kvm_get_vcpu(vcpu->kvm, vcpu->vcpu_id));/
