# file: arch/arm64/kvm/vgic/vgic-v3.c
# vgic_v3_fold_lr_state keeps an edge interrupt's pending bit only from a list register that is not also active: an edge raised again while active is lost at the next exit.
/^void vgic_v3_fold_lr_state/,/^}/s/^		    (val & ICH_LR_PENDING_BIT)) {$/		    (val \& ICH_LR_STATE) == ICH_LR_PENDING_BIT) {/
