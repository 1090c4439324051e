# A userspace irqchip loop that raises the CPU IRQ line when a device's
# bit is set and never lowers it again.
s/^\tif (line == cpu->line)$/\tif (line == cpu->line || !line)/
