# file: arch/arm64/kvm/arch_timer.c
# Only the virtual timer's change forces a return; the physical one's does not.
s/	       kvm_timer_should_fire(ptimer) != plevel;/	       (false \&\& kvm_timer_should_fire(ptimer) != plevel);/
