# file: arch/arm64/kvm/arm.c
# Lowering the CPU line is ignored.
s/set = test_and_clear_bit(bit_index, hcr);/set = test_bit(bit_index, hcr);/
