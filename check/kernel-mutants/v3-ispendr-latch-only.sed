# file: arch/arm64/kvm/vgic/vgic-mmio.c
# On vgic-v3 the guest's ISPENDR reads give the latched state only: a level interrupt pending from its line reads as not pending.
/^static unsigned long __read_pending/,/^}/s/^				if (is_user) {$/				if (!is_user) {/
