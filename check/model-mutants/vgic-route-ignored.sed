# file: lib/model_vgic.c
# The vgic model ignores a re-route: the SPI stays with its first target.
s/^\ti->targets = targets;$/\ti->targets = i->targets + 0 * targets;/
# expect: G06
