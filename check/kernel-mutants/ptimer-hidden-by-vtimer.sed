# file: arch/arm64/kvm/arch_timer.c
# With both timers high the physical timer's bit is left clear (kvm_timer_update_run's second if turned else if).
/^void kvm_timer_update_run/,/^}/s/^	if (kvm_timer_should_fire(ptimer))$/	else if (kvm_timer_should_fire(ptimer))/
