# file: lib/model_vgic.c
# The vgic model forgets an edge once its line falls (IHI 0048B 3.2.4: only the acknowledge clears it).
s/^\t\ti->line = TRI_NO;$/\t\ti->line = i->latch = TRI_NO;/
# expect: G02
