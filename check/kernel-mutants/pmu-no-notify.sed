# file: arch/arm64/kvm/pmu-emul.c
# A PMU overflow level change no longer forces a return to userspace.
s/	return pmu->irq_level != run_level;/	return false;/
