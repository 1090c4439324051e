# file: arch/arm64/kvm/vgic/vgic.c
# The ap_list is pruned only after a run that used list registers: an SPI re-routed while queued on a vcpu with nothing else pending stays there.
/^void kvm_vgic_sync_hwstate/,/^}/s/^	vgic_prune_ap_list(vcpu);$/	if (used_lrs) vgic_prune_ap_list(vcpu);/
