# file: lib/model_vgic.c
# The vgic model ignores a re-route: the SPI stays with its first target.
s/^\ti->target = target;$/\ti->target = i->target + 0 * target;/
# expect: G06
