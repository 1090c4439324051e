# file: lib/model_cpu.c
# The CPU-line model lets a line be taken twice in one window (too loose).
s/^\tok = taken <= 1 && /\tok = taken <= 2 \&\& /
# expect: never twice
