# SPDX-License-Identifier: GPL-2.0
#
# make check: the project's own tests.
#   1. native unit tests of the oracle and of the tools' input handling;
#   2. the whole suite on two emulated hosts (CHECK_HOSTS), compared with
#      expected/, with every binary's TAP validated by prove and the nested
#      run_tests.sh output by a TAP parser.

CHECK_HOSTS	?= 6.12-gicv3-vhe 6.1-gicv2-nvhe
NATIVE_CFLAGS	:= -Wall -Wextra -Werror -O2 -g -std=gnu99 -Ilib

ORACLE_SRCS	:= lib/oracle.c lib/user_irq_oracle.c

$(O)/native/oracle_test: check/oracle_test.c $(ORACLE_SRCS) lib/oracle.h \
			 lib/user_irq_oracle.h lib/abi.h
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(NATIVE_CFLAGS) -o $@ check/oracle_test.c $(ORACLE_SRCS)

.PHONY: check check-unit check-hosts
check: all $(O)/native/oracle_test
	@sh emuhost/deps.sh check
	@sh emuhost/deps.sh host
	@check/check.sh --build $(O) --hosts "$(CHECK_HOSTS)"
