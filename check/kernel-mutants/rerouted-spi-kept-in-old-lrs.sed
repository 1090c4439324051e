# file: arch/arm64/kvm/vgic/vgic.c
# vgic_flush_lr_state fills a vcpu's list registers with every deliverable interrupt of its ap_list, one re-routed to another vcpu included.
/^static void vgic_flush_lr_state/,/^}/s/^		if (likely(vgic_target_oracle(irq) == vcpu)) {$/		if (likely(vgic_target_oracle(irq))) {/
