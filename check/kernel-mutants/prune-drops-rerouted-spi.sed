# file: arch/arm64/kvm/vgic/vgic.c
# vgic_prune_ap_list drops an interrupt that is now meant for another vcpu instead of moving it: a pending SPI re-routed while queued is lost.
/^static void vgic_prune_ap_list/,/^}/s/^		if (!target_vcpu) {$/		if (target_vcpu != vcpu) {/
