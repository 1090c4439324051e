# file: arch/arm64/kvm/arm.c
# A changed CPU line neither requests IRQ_PENDING nor kicks the vcpu.
s/kvm_make_request(KVM_REQ_IRQ_PENDING, vcpu);/;/
