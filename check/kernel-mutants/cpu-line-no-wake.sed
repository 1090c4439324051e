# file: arch/arm64/kvm/arm.c
# A changed CPU line no longer kicks (wakes) the vcpu.
/^static int vcpu_interrupt_line/,/^}/s/	kvm_vcpu_kick(vcpu);/	;/
