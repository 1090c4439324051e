# file: arch/arm64/kvm/vgic/vgic-v2.c
# vgic_v2_fold_lr_state keeps an edge interrupt's pending bit only from a list register that is not also active: an edge raised again while active is lost at the next exit.
/^void vgic_v2_fold_lr_state/,/^}/s/^		    (val & GICH_LR_PENDING_BIT)) {$/		    (val \& GICH_LR_STATE) == GICH_LR_PENDING_BIT) {/
