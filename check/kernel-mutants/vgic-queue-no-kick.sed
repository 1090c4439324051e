# file: arch/arm64/kvm/vgic/vgic.c
# A vgic interrupt newly queued for a vcpu no longer kicks (wakes) it.
# A vcpu asleep in WFI sleeps on; a running one sees it at its next exit.
/list_add_tail(&irq->ap_list, &vcpu->arch.vgic_cpu.ap_list_head);/,/return true;/s/	kvm_vcpu_kick(vcpu);/	;/
