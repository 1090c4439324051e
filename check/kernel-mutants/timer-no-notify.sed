# file: arch/arm64/kvm/arch_timer.c
# A timer level change no longer forces a return to userspace.
s/	return kvm_timer_should_fire(vtimer) != vlevel ||/	return false \&\& kvm_timer_should_fire(vtimer) != vlevel ||/
