# file: lib/model_vgic.c
# The vgic model forgets the distributor's group enable (too loose: interrupts signalled while GICD_CTLR's is clear).
s/^\tif (m->dist_disabled)$/\tif (!m->dist_disabled \&\& m->dist_disabled)/
# expect: nothing is signalled to any vcpu (G03)
