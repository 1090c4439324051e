# file: lib/model_cpu.c
# The CPU-line model forgets PSTATE.I/F: a masked, high line must be taken.
s/^\tif (c->masked\[line\]) {$/\tif (!c->masked[line] \&\& c->masked[line]) {/
# expect: PSTATE.I masked
