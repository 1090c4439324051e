# file: arch/arm64/kvm/arm.c
# kvm_mpidr_to_vcpu matches Aff0 only: an SPI routed (GICD_IROUTER) to vcpu
# 16 or above, whose MPIDR has Aff1 set, goes to the vcpu of the same Aff0.
/^struct kvm_vcpu \*kvm_mpidr_to_vcpu/,/^}/s/	mpidr &= MPIDR_HWID_BITMASK;/	mpidr \&= 0xff;/
