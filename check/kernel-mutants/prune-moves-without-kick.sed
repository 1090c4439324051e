# file: arch/arm64/kvm/vgic/vgic.c
# vgic_prune_ap_list moves an interrupt re-routed to another vcpu onto that vcpu's list without kicking it: a target asleep in WFI is not woken for it.
/^static void vgic_prune_ap_list/,/^}/s/^			target_vcpu_needs_kick = true;$/			target_vcpu_needs_kick = false;/
