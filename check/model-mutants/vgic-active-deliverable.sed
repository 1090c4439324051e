# file: lib/model_vgic.c
# The vgic model signals an active interrupt again (IHI 0048B 3.2.4 says not until deactivated).
s/^\tenum tri d = i->enabled && !i->active ? pending(i) : TRI_NO;$/\tenum tri d = i->enabled ? pending(i) : TRI_NO;/
# expect: G04
