# file: arch/arm64/kvm/vgic/vgic.c
# An interrupt newly queued on a vcpu's ap_list no longer kicks (wakes) that
# vcpu: a vcpu asleep in WFI sleeps on; a running one sees it at its next exit.
/list_add_tail(&irq->ap_list, &vcpu->arch.vgic_cpu.ap_list_head);/,/return true;/s/	kvm_vcpu_kick(vcpu);/	;/
