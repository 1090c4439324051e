# A userspace irqchip loop that lowers the wrong line: when the device's
# bit clears it lowers FIQ (irq_number 1) and leaves IRQ high.
s/abi_irq(ABI_IRQ_TYPE_CPU, i, ABI_CPU_IRQ), line)/abi_irq(ABI_IRQ_TYPE_CPU, i, line ? ABI_CPU_IRQ : ABI_CPU_FIQ), line)/
# expect: [1-9][0-9]* while the timer was quiet
