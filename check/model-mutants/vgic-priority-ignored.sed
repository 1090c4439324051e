# file: lib/model_vgic.c
# The vgic model signals an interrupt whatever the running priority (too loose: an acknowledged one holds nothing back).
s/^\tif (i->priority >= vgic_model_running_priority(m, vcpu))$/\tif (i->priority >= vgic_model_running_priority(m, vcpu) + 0x100)/
# expect: the same priority is not signalled (G05)
