# SPDX-License-Identifier: GPL-2.0
#
# The suite: one static arm64 binary per tests/<area>.c, linked with what
# it uses of lib/, guest_code/ (what runs inside the guests) and libkvm.a.

SUITE_TESTS	:= $(basename $(notdir $(wildcard tests/*.c)))
SUITE_BINS	:= $(addprefix $(O)/tests/,$(SUITE_TESTS))
SUITE_LIB_OBJS	:= $(patsubst %.c,$(O)/%.o,$(wildcard lib/*.c guest_code/*.c))

# kvm_util's and the harness's headers are not ours to keep warning-free.
SUITE_CFLAGS	:= -Wall -Wextra -Werror -O2 -g -std=gnu99 -D_GNU_SOURCE \
		   -U_FORTIFY_SOURCE -fno-stack-protector -fno-PIE \
		   $(addprefix -isystem ,$(KVM_INCLUDES)) -Ilib -Iguest_code

$(O)/lib/%.o: lib/%.c | $(HSTAMP)
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(SUITE_CFLAGS) -MMD -c $< -o $@

$(O)/tests/%.o: tests/%.c | $(HSTAMP)
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(SUITE_CFLAGS) -MMD -c $< -o $@

$(O)/guest_code/%.o: guest_code/%.c | $(HSTAMP)
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(SUITE_CFLAGS) -MMD -c $< -o $@

# lib/ and guest_code/ as one archive, so that each binary takes only what
# it uses: kvm_util loads the whole binary into the guest's memory.
$(O)/libsuite.a: $(SUITE_LIB_OBJS)
	@echo "  AR      libsuite.a"
	@rm -f $@ && $(AR) rcs $@ $^

$(SUITE_BINS): $(O)/tests/%: $(O)/tests/%.o $(O)/libsuite.a $(O)/libkvm.a
	@echo "  LD      $@"
	@$(CC) -static -pthread -o $@ $< $(O)/libsuite.a $(O)/libkvm.a

-include $(wildcard $(O)/lib/*.d $(O)/tests/*.d $(O)/guest_code/*.d)
