# file: arch/arm64/kvm/arm.c
# A changed CPU line no longer requests KVM_REQ_IRQ_PENDING (the vcpu is still kicked).
s/kvm_make_request(KVM_REQ_IRQ_PENDING, vcpu);/;/
