# file: arch/arm64/kvm/arm.c
# A CPU line change made while the vcpu is in the guest is dropped.
# Only a vcpu out of the guest (in userspace, or asleep in WFI) sees it.
/^static int vcpu_interrupt_line/,/^}/s/	hcr = vcpu_hcr(vcpu);/	if (READ_ONCE(vcpu->mode) == IN_GUEST_MODE)\
		return 0;\
	hcr = vcpu_hcr(vcpu);/
