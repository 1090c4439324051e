# A userspace irqchip loop that writes 0 over device_irq_level before every
# KVM_RUN: KVM must force a return each time to report the true level, and
# the guest never runs, as on a kernel that never reports a level change.
# The loop must give up within its storm bound, not sit out the timeouts.
s/^\tuint64_t before = run->s.regs.device_irq_level;$/\tuint64_t before = run->s.regs.device_irq_level = 0;/
# expect: a storm of returns
