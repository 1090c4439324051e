# file: lib/model_vgic.c
# The vgic model forgets the timer's output: a firing timer's PPI is never pending.
s/^\ti->line = tri_of(firing);$/\ti->line = tri_of(firing \&\& 0);/
# expect: a timer firing makes its vcpu's PPI 27 pending
