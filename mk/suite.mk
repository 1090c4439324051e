# SPDX-License-Identifier: GPL-2.0
#
# The suite: one static arm64 binary per area, tests/<area>/ (its host
# test, its steps, its guest code), linked with what it uses of lib/ (the
# host side shared by areas), guest_code/ (the guest side shared by areas)
# and libkvm.a.

SUITE_TESTS	:= $(patsubst tests/%/host.c,%,$(wildcard tests/*/host.c))
SUITE_BINS	:= $(addprefix $(O)/tests/,$(SUITE_TESTS))
SUITE_LIB_OBJS	:= $(patsubst %.c,$(O)/obj/%.o,$(wildcard lib/*.c guest_code/*.c))
SUITE_GEN	:= $(O)/gen/rules.h $(O)/gen/variants.h $(O)/gen/feature_tokens.h \
		   $(O)/gen/transitions.h

# Every rule and condition of the catalog as a C enum (mk/rules_h.awk):
# a malformed catalog fails the build.
$(O)/gen/rules.h: lib/assertions.txt lib/conditions.txt runner/awk/catalog.awk mk/rules_h.awk
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@awk -v assertions=lib/assertions.txt -v conditions=lib/conditions.txt \
		-f runner/awk/catalog.awk -f mk/rules_h.awk > $@.tmp && mv $@.tmp $@

# The skip reasons' feature tokens (lib/features.txt) as C string
# prefixes, FEATURE(TOKEN) (mk/feature_tokens_h.awk).
$(O)/gen/feature_tokens.h: lib/features.txt runner/awk/catalog.awk mk/feature_tokens_h.awk
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@awk -v features=lib/features.txt -f runner/awk/catalog.awk -f mk/feature_tokens_h.awk > $@.tmp && mv $@.tmp $@

# The models' transitions: enums and names (mk/transitions_h.awk).
$(O)/gen/transitions.h: lib/transitions.txt mk/transitions_h.awk
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@awk -f mk/transitions_h.awk lib/transitions.txt > $@.tmp && mv $@.tmp $@

# The models' kernel variants as a C enum (mk/variants_h.awk).
$(O)/gen/variants.h: lib/variants.txt runner/awk/catalog.awk runner/awk/variants.awk mk/variants_h.awk
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@awk -v variants=lib/variants.txt -f runner/awk/catalog.awk -f runner/awk/variants.awk \
		-f mk/variants_h.awk > $@.tmp && mv $@.tmp $@

# The suite's version for the binaries that print it (a reproducer line
# names it): rewritten only when it changes (its temporary file is the
# shell's own: two makes at once in one tree, as two soaks, do not meet).
$(O)/gen/version.h: FORCE
	@mkdir -p $(@D)
	@v=$$(sh mk/version.sh | sed -n 's/^version: //p'); \
		printf '#define SUITE_VERSION "%s"\n' "$$v" > $@.$$$$; \
		if cmp -s $@.$$$$ $@; then rm -f $@.$$$$; else mv $@.$$$$ $@; fi
$(O)/obj/tests/sequences/host.o: $(O)/gen/version.h $(O)/gen/model_version.h

# The models' version: a hash of what they are made of (their code, the
# sequences' engine, their transitions and variants), so that a bundle or
# a report says which models judged the explored sequences.
MODEL_VERSION_SRCS := $(sort $(wildcard lib/model*.[ch] lib/seq*.[ch])) lib/transitions.txt lib/variants.txt
$(O)/gen/model_version.h: $(MODEL_VERSION_SRCS)
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@printf '#define MODEL_VERSION "%s"\n' "$$(cat $^ | sha256sum | cut -c1-12)" > $@.tmp && mv $@.tmp $@
.PHONY: FORCE
FORCE:

# kvm_util's and the harness's headers are not ours to keep warning-free.
SUITE_CFLAGS	:= -Wall -Wextra -Werror -O2 -g -std=gnu99 -D_GNU_SOURCE \
		   -U_FORTIFY_SOURCE -fno-stack-protector -fno-PIE \
		   $(addprefix -isystem ,$(KVM_INCLUDES)) -Ilib -Iguest_code -I$(O)/gen

# Static (the guest image is the binary); kvm_util's test_assert wrapped
# (lib/assert_wrap.c: an assertion charges the test's rule a mismatch).
SUITE_LDFLAGS	:= -static -pthread -Wl,--wrap=test_assert

$(O)/obj/%.o: %.c $(SUITE_GEN) | $(HSTAMP)
	$(call compile,$(SUITE_CFLAGS))

# lib/ and guest_code/ as one archive, so that each binary takes only what
# it uses: kvm_util loads the whole binary into the guest's memory.
$(O)/libsuite.a: $(SUITE_LIB_OBJS)
	@echo "  AR      libsuite.a"
	@rm -f $@ && $(AR) rcs $@ $^

# The objects of an area: every .c of tests/<area>/.
suite_objs = $(patsubst %.c,$(O)/obj/%.o,$(wildcard tests/$(1)/*.c))
$(foreach t,$(SUITE_TESTS),$(eval $(O)/tests/$(t): $(call suite_objs,$(t))))

$(SUITE_BINS): $(O)/libsuite.a $(O)/libkvm.a
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(SUITE_LDFLAGS) -o $@ $(filter %.o,$^) $(O)/libsuite.a $(O)/libkvm.a

-include $(shell find $(O)/obj -name '*.d' 2>/dev/null)
