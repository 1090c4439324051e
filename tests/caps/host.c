// SPDX-License-Identifier: GPL-2.0
/*
 * What the host says it offers: the capabilities that KVM_IRQ_LINE and
 * KVM_CAP_ARM_USER_IRQ are built on, the vgic models it can create and the
 * KVM mode it runs in, each checked against the documents and against what
 * the host configuration promises, and printed for the log.
 */
#include "suite.h"

SUITE_FIXTURE_EMPTY(caps)

/* 3fe17e682616: "returns a number larger than 0 indicating the version" */
SUITE_TEST(caps, user_irq_version)
{
	TH_LOG("KVM_CAP_ARM_USER_IRQ = %d", host.user_irq);
	check(RULE_CAP_USER_IRQ, host.user_irq >= 1, "KVM_CAP_ARM_USER_IRQ is %d", host.user_irq);
}

/* The VM fd answers KVM_CHECK_EXTENSION with the same version. */
SUITE_TEST(caps, user_irq_version_on_vm_fd)
{
	TH_LOG("KVM_CAP_ARM_USER_IRQ on a VM fd = %d", host.user_irq_vm);
	check(RULE_CAP_USER_IRQ, host.user_irq == host.user_irq_vm,
	      "/dev/kvm says %d, the VM fd %d", host.user_irq, host.user_irq_vm);
}

/* api.rst 4.25: LAYOUT_2 gives vcpu2_index in bits 28..31 (since 5.4). */
SUITE_TEST(caps, irq_line_layout_2)
{
	TH_LOG("KVM_CAP_ARM_IRQ_LINE_LAYOUT_2 = %d", host.layout_2);
	check(RULE_CAP_LAYOUT_2, host.layout_2 >= 1, "LAYOUT_2 is %d", host.layout_2);
}

/* api.rst 4.25: KVM_IRQ_LINE's capability is KVM_CAP_IRQCHIP. */
SUITE_TEST(caps, irqchip)
{
	TH_LOG("KVM_CAP_IRQCHIP = %d", host.irqchip);
	check(RULE_CAP_IRQCHIP, host.irqchip >= 1, "KVM_CAP_IRQCHIP is %d", host.irqchip);
}

/*
 * A GICv3 host can always emulate vgic-v3 (and vgic-v2 only with the
 * GICv2 compatibility interface); a GICv2 host only vgic-v2.
 */
SUITE_TEST(caps, vgic_models)
{
	TH_LOG("vgic-v2 %s, vgic-v3 %s; host configuration promises GICv%d",
	       host.vgic_v2 ? "yes" : "no", host.vgic_v3 ? "yes" : "no",
	       promise.gic);
	switch (promise.gic) {
	case 3:
		check(RULE_HOST_VGIC, host.vgic_v3, "a GICv3 host that cannot create vgic-v3");
		break;
	case 2:
		check(RULE_HOST_VGIC, host.vgic_v2 && !host.vgic_v3,
		      "a GICv2 host: vgic-v2 %s, vgic-v3 %s", host.vgic_v2 ? "yes" : "no",
		      host.vgic_v3 ? "yes" : "no");
		break;
	default:
		check(RULE_HOST_VGIC, host.vgic_v2 || host.vgic_v3, "no vgic model at all");
	}
}

/* api.rst: NR_VCPUS is the recommended maximum, MAX_VCPUS the hard one. */
SUITE_TEST(caps, max_vcpus)
{
	TH_LOG("KVM_CAP_NR_VCPUS = %d, KVM_CAP_MAX_VCPUS = %d, host CPUs promised %d",
	       host.nr_vcpus, host.max_vcpus, promise.cpus);
	check(RULE_CAP_MAX_VCPUS, host.nr_vcpus >= 1 && host.max_vcpus >= host.nr_vcpus,
	      "KVM_CAP_NR_VCPUS %d, KVM_CAP_MAX_VCPUS %d", host.nr_vcpus, host.max_vcpus);
	/* Nothing promised (no --cpus): tried, and left open. */
	if (promise.cpus)
		check(RULE_HOST_CPUS, promise.cpus == host.nr_vcpus,
		      "KVM_CAP_NR_VCPUS %d, host CPUs promised %d", host.nr_vcpus, promise.cpus);
	else
		check_unspecified(RULE_HOST_CPUS, 1);
}

/* The KVM mode the kernel announced is the one the configuration asked for. */
SUITE_TEST(caps, kvm_mode)
{
	TH_LOG("KVM mode: %s; host configuration promises %s",
	       host.mode ?: "unknown", promise.mode ?: "nothing");
	/* With nothing promised there is nothing to hold the kernel to. */
	if (!promise.mode)
		SKIP_FOR(MODE_PROMISED, "no KVM mode promised (run_tests.sh --mode)");
	if (!host.mode)
		SKIP_FOR(KVM_BANNER, "the kernel log no longer holds KVM's init banner");
	check(RULE_HOST_KVM_MODE, !strcmp(promise.mode, host.mode),
	      "KVM mode %s, promised %s", host.mode, promise.mode);
}

SUITE_MAIN()
