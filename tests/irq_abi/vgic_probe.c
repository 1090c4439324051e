// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>

#include "kvm_util.h"

#include "abi.h"
#include "check.h"
#include "irq_check.h"
#include "oracle.h"
#include "vgic_dev.h"
#include "vgic_probe.h"

/* Set NR_IRQS on a fresh vgic of its own VM; twice if asked. */
static int nr_irqs_on_fresh_vgic(int version, uint32_t nr_irqs, bool twice)
{
	struct irq_vm_config c = { .gic = version, .uninit = true };
	struct irq_vm v;
	const char *why = irq_vm_create(&v, &c);
	int err;

	TEST_ASSERT(!why, "vgic-v%d: %s", version, why);
	err = vgic_set_nr_irqs(v.gic_fd, nr_irqs);
	if (twice) {
		TEST_ASSERT(!err, "vgic-v%d: NR_IRQS %u: %s", version, nr_irqs,
			    strerror(err));
		err = vgic_set_nr_irqs(v.gic_fd, nr_irqs);
	}
	irq_vm_destroy(&v);
	return err;
}

static bool nr_irqs_matches(int version, uint32_t nr_irqs, bool twice)
{
	struct abi_verdict want = abi_nr_irqs(nr_irqs, twice);
	int err = nr_irqs_on_fresh_vgic(version, nr_irqs, twice);
	bool match = want.outcome == ABI_ACCEPT ? !err : err == want.err;

	if (!match)
		check_deviation("%u%s=%s", nr_irqs, twice ? "-again" : "",
				abi_errno_name(err));
	return check(want.rule, match, "vgic-v%d NR_IRQS %u%s: expected %s, observed %s",
		     version, nr_irqs, twice ? " (again)" : "",
		     want.outcome == ABI_ACCEPT ? "0" : abi_errno_name(want.err),
		     abi_errno_name(err));
}

void sweep_nr_irqs(int version, bool twice)
{
	uint32_t odd[] = { 0, 1, 31, 32, 33, 63, 65, 95, 100, 1000, 1023, 1025,
			   2048, 4096, 0x7fffffff, 0xffffffe0, 0xffffffff };
	/* Values every kernel takes: this is about the second time. */
	uint32_t again[] = { 64, 128, 992 };
	uint32_t nr;
	size_t i;

	if (twice) {
		for (i = 0; i < ARRAY_SIZE(again); i++)
			nr_irqs_matches(version, again[i], true);
		return;
	}
	for (nr = 64; nr <= 1056; nr += 32)
		nr_irqs_matches(version, nr, false);
	for (i = 0; i < ARRAY_SIZE(odd); i++)
		nr_irqs_matches(version, odd[i], false);
}

/* "name=ERRNO,..." for each injection, in order; accepted ones lowered. */
static void inject_all(struct irq_vm *v, const char *const *names,
		       const uint32_t *irqs, size_t n)
{
	char what[160];
	size_t i, used = 0, len = sizeof(what);

	for (i = 0; i < n && used < len; i++) {
		int err = irq_line(v, irqs[i], 1);

		if (!err)
			irq_line(v, irqs[i], 0);
		used += snprintf(what + used, len - used, "%s%s=%s", i ? "," : "",
				 names[i], abi_errno_name(err));
	}
	check_behaviour("%s", what);
}

/*
 * An out-of-range SPI first: on vgic-v2 the first injection initialises
 * the vgic even when the injection is then refused.
 */
void probe_uninit_injection(struct irq_vm *v)
{
	static const char *const names[] = { "spi1020", "spi32", "ppi16", "ppi15", "spi63" };
	uint32_t irqs[] = {
		abi_irq(ABI_IRQ_TYPE_SPI, 0, 1020), abi_irq(ABI_IRQ_TYPE_SPI, 0, 32),
		abi_irq(ABI_IRQ_TYPE_PPI, 0, 16), abi_irq(ABI_IRQ_TYPE_PPI, 0, 15),
		abi_irq(ABI_IRQ_TYPE_SPI, 0, 63),
	};

	inject_all(v, names, irqs, ARRAY_SIZE(irqs));
	check_unspecified(RULE_IRQ_VGIC_UNINIT, ARRAY_SIZE(irqs));
}

void probe_uninit_after_injection(struct irq_vm *v)
{
	int spi = irq_line(v, abi_irq(ABI_IRQ_TYPE_SPI, 0, 1020), 1);
	int nr = vgic_set_nr_irqs(v->gic_fd, 128);
	int vcpu_fd = __vm_ioctl(v->vm, KVM_CREATE_VCPU,
				 (void *)(unsigned long)v->nr_vcpus);
	int vcpu = vcpu_fd < 0 ? errno : 0;
	int init = __kvm_device_attr_set(v->gic_fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
					 KVM_DEV_ARM_VGIC_CTRL_INIT, NULL) ? errno : 0;

	if (vcpu_fd >= 0)
		close(vcpu_fd);
	check_behaviour("spi1020=%s,nr_irqs=%s,create_vcpu=%s,ctrl_init=%s",
			abi_errno_name(spi), abi_errno_name(nr), abi_errno_name(vcpu),
			abi_errno_name(init));
	check_unspecified(RULE_VGIC_V2_LAZY_INIT, 1);
}

/* No device is mapped through the ITS: no LPI exists yet. */
void probe_lpi_numbers(struct irq_vm *v)
{
	static const char *const names[] = {
		"1020", "1023", "1024", "8191", "8192", "8193", "65535",
	};
	uint32_t nums[] = { 1020, 1023, 1024, 8191, 8192, 8193, 0xffff };
	uint32_t irqs[ARRAY_SIZE(nums)];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(nums); i++)
		irqs[i] = abi_irq(ABI_IRQ_TYPE_SPI, 0, nums[i]);
	inject_all(v, names, irqs, ARRAY_SIZE(irqs));
	check_unspecified(RULE_IRQ_LPI, ARRAY_SIZE(irqs));
}
