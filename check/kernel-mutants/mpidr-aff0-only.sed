# file: arch/arm64/kvm/arm.c
# kvm_mpidr_to_vcpu matches Aff0 only: an SPI routed to vcpu 16 goes to vcpu 0.
# (GICD_IROUTER names vcpu 16 and up with Aff1 set; Aff0 alone aliases.)
/^struct kvm_vcpu \*kvm_mpidr_to_vcpu/,/^}/s/	mpidr &= MPIDR_HWID_BITMASK;/	mpidr \&= 0xff;/
