# A userspace irqchip loop that raises the CPU IRQ line when a device's
# bit is set and never lowers it again.
s/^\tif (line == cpu->line)$/\tif (line == cpu->line || !line)/
# expect: [1-9][0-9]* while the timer was quiet
