# SPDX-License-Identifier: GPL-2.0
#
# The kselftest harness and the kvm selftests library (kvm_util), from the
# Linux 6.1 LTS source, compiled unmodified into $(O)/libkvm.a.
#
# Only 6.1's library is used: 6.12's needs KVM_SET_USER_MEMORY_REGION2 and
# refuses every host older than 6.8, while 6.1's runs on 5.10, 6.1 and 6.12.

KTREE		:= $(if $(KSRC),$(KSRC),$(O)/linux-6.1)
KSELFTESTS	:= $(KTREE)/tools/testing/selftests
KVM_SELFTESTS	:= $(KSELFTESTS)/kvm
UAPI		:= $(O)/usr/include
KSTAMP		:= $(O)/.ktree
HSTAMP		:= $(UAPI)/.installed

# What headers_install and the library need out of the 1.3 GB tarball.
KTREE_PARTS	:= Makefile Kbuild Kconfig scripts include arch/arm64 usr \
		   tools/include tools/arch/arm64 tools/build tools/scripts tools/lib \
		   tools/testing/selftests/kselftest.h \
		   tools/testing/selftests/kselftest_harness.h \
		   tools/testing/selftests/kvm

KVM_LIB_SRCS	:= lib/assert.c lib/elf.c lib/guest_modes.c lib/io.c \
		   lib/kvm_util.c lib/perf_test_util.c lib/rbtree.c \
		   lib/sparsebit.c lib/test_util.c \
		   lib/aarch64/gic.c lib/aarch64/gic_v3.c lib/aarch64/handlers.S \
		   lib/aarch64/processor.c lib/aarch64/spinlock.c \
		   lib/aarch64/ucall.c lib/aarch64/vgic.c
KVM_LIB_STRING	:= lib/string_override.c

KVM_LIB_OBJS	:= $(patsubst %,$(O)/libkvm/%.o,$(basename $(KVM_LIB_SRCS) $(KVM_LIB_STRING)))

KVM_INCLUDES	:= $(KTREE)/tools/include $(KTREE)/tools/arch/arm64/include \
		   $(UAPI) $(KVM_SELFTESTS)/include \
		   $(KVM_SELFTESTS)/include/aarch64 $(KSELFTESTS)

# The flags of tools/testing/selftests/kvm/Makefile in 6.1.
KVM_CFLAGS	:= -Wall -Wstrict-prototypes -Wuninitialized -O2 -g -std=gnu99 \
		   -U_FORTIFY_SOURCE -fno-stack-protector -fno-PIE \
		   $(addprefix -I,$(KVM_INCLUDES))

ifeq ($(KSRC),)
$(KSTAMP):
	@test -r $(KTARBALL) || { echo "error: $(KTARBALL) missing: apt-get install linux-source-6.1, or pass KSRC=<a 6.1.y tree>" >&2; exit 1; }
	@echo "  EXTRACT $(notdir $(KTARBALL))"
	@rm -rf $(KTREE) $(KTREE).tmp && mkdir -p $(KTREE).tmp
	@tar -C $(KTREE).tmp --strip-components=1 -xJf $(KTARBALL) \
		$(addprefix linux-source-6.1/,$(KTREE_PARTS))
	@mv $(KTREE).tmp $(KTREE) && touch $@
KHDR_OBJ	:=
else
$(KSTAMP):
	@test -r $(KVM_SELFTESTS)/lib/kvm_util.c || { echo "error: KSRC=$(KSRC) has no tools/testing/selftests/kvm/lib/kvm_util.c" >&2; exit 1; }
	@mkdir -p $(@D) && touch $@
# Leave the caller's tree untouched: headers_install builds out of tree.
KHDR_OBJ	:= O=$(abspath $(O)/khdr)
endif

# The sources exist once the tree is there.
$(addprefix $(KVM_SELFTESTS)/,$(KVM_LIB_SRCS) $(KVM_LIB_STRING)): | $(KSTAMP)

# Our own make variables (O, CC, ...) must not leak into the kernel's make.
$(HSTAMP): $(KSTAMP)
	@echo "  HEADERS arm64 uapi"
	@rm -rf $(UAPI)
	@unset MAKEFLAGS MAKEOVERRIDES MFLAGS; \
		make -s -C $(KTREE) ARCH=arm64 $(KHDR_OBJ) \
		INSTALL_HDR_PATH=$(abspath $(O)/usr) headers_install
	@touch $@

$(O)/libkvm/%.o: $(KVM_SELFTESTS)/%.c $(HSTAMP)
	$(call compile,$(KVM_CFLAGS) -I$(<D))

$(O)/libkvm/%.o: $(KVM_SELFTESTS)/%.S $(HSTAMP)
	$(call compile,$(KVM_CFLAGS) -I$(<D))

# As upstream: freestanding, so that memcmp() is not compiled into a call
# to itself.
$(O)/libkvm/lib/string_override.o: $(KVM_SELFTESTS)/lib/string_override.c $(HSTAMP)
	$(call compile,$(KVM_CFLAGS) -ffreestanding)

$(O)/libkvm.a: $(KVM_LIB_OBJS)
	@echo "  AR      libkvm.a"
	@rm -f $@ && $(AR) rcs $@ $^

-include $(KVM_LIB_OBJS:.o=.d)
