// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kvm_util.h"
#include "processor.h"
#include "vgic.h"

#include "abi.h"
#include "host.h"
#include "report.h"
#include "vm.h"

/* What every test VM gets: ucalls, exception vectors, the oracle's view. */
static void irq_vm_setup(struct irq_vm *v, unsigned int nr_vcpus)
{
	unsigned int i;

	v->nr_vcpus = nr_vcpus;
	v->gic_fd = -1;
	v->its_fd = -1;
	ucall_init(v->vm, NULL);
	vm_init_descriptor_tables(v->vm);
	for (i = 0; i < nr_vcpus; i++)
		vcpu_init_descriptor_tables(v->vcpus[i]);

	v->abi.nr_vcpus = nr_vcpus;
	v->abi.layout_2 = host.layout_2 > 0;
}

/* Page tables for a redistributor region of up to 512 vcpus (64M). */
#define LARGE_VM_EXTRA_PAGES	128

static void create_vcpus(struct irq_vm *v, unsigned int nr_vcpus,
			 const uint32_t *ids, unsigned int max,
			 void *guest_code, uint32_t features)
{
	struct kvm_vcpu_init init = { .target = -1 };
	unsigned int i;

	TEST_ASSERT(nr_vcpus && nr_vcpus <= max,
		    "%u vcpus: this guest code handles 1..%u", nr_vcpus, max);
	memset(v, 0, sizeof(*v));
	init.features[0] = features;
	v->vcpus = calloc(nr_vcpus, sizeof(*v->vcpus));
	TEST_ASSERT(v->vcpus, "no memory for %u vcpus", nr_vcpus);
	v->vm = __vm_create(VM_MODE_DEFAULT, nr_vcpus,
			    nr_vcpus > IRQ_VM_MAX_VCPUS ? LARGE_VM_EXTRA_PAGES : 0);
	for (i = 0; i < nr_vcpus; i++) {
		v->vcpus[i] = aarch64_vcpu_add(v->vm, ids ? ids[i] : i, &init,
					       guest_code);
		/* kvm_util set it to the id; the guest code wants the index. */
		if (ids)
			vcpu_set_reg(v->vcpus[i], KVM_ARM64_SYS_REG(SYS_TPIDR_EL1), i);
	}
}

void irq_vm_create_pmu(struct irq_vm *v, unsigned int nr_vcpus,
		       void *guest_code)
{
	create_vcpus(v, nr_vcpus, NULL, IRQ_VM_MAX_VCPUS, guest_code,
		     1u << KVM_ARM_VCPU_PMU_V3);
	irq_vm_setup(v, nr_vcpus);
}

void irq_vm_pmu_init(struct irq_vm *v, unsigned int intid)
{
	unsigned int i;

	for (i = 0; i < v->nr_vcpus; i++) {
		if (intid)
			vcpu_device_attr_set(v->vcpus[i], KVM_ARM_VCPU_PMU_V3_CTRL,
					     KVM_ARM_VCPU_PMU_V3_IRQ, &intid);
		vcpu_device_attr_set(v->vcpus[i], KVM_ARM_VCPU_PMU_V3_CTRL,
				     KVM_ARM_VCPU_PMU_V3_INIT, NULL);
	}
}

void irq_vm_create(struct irq_vm *v, unsigned int nr_vcpus, void *guest_code)
{
	create_vcpus(v, nr_vcpus, NULL, IRQ_VM_MAX_VCPUS, guest_code, 0);
	irq_vm_setup(v, nr_vcpus);
}

void irq_vm_create_ids(struct irq_vm *v, unsigned int nr_vcpus,
		       const uint32_t *ids, void *guest_code)
{
	create_vcpus(v, nr_vcpus, ids, IRQ_VM_MAX_VCPUS_LARGE, guest_code, 0);
	irq_vm_setup(v, nr_vcpus);
}

static int vgic_v2_setup(struct kvm_vm *vm, uint32_t nr_irqs)
{
	uint64_t dist = GICD_BASE_GPA, cpu = GICC_BASE_GPA;
	int fd = __kvm_create_device(vm, KVM_DEV_TYPE_ARM_VGIC_V2);

	if (fd < 0)
		return fd;
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_NR_IRQS, 0, &nr_irqs);
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_ADDR,
			    KVM_VGIC_V2_ADDR_TYPE_DIST, &dist);
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_ADDR,
			    KVM_VGIC_V2_ADDR_TYPE_CPU, &cpu);
	virt_map(vm, dist, dist, vm_calc_num_guest_pages(vm->mode,
						KVM_VGIC_V2_DIST_SIZE));
	virt_map(vm, cpu, cpu, vm_calc_num_guest_pages(vm->mode,
						KVM_VGIC_V2_CPU_SIZE));
	kvm_device_attr_set(fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
			    KVM_DEV_ARM_VGIC_CTRL_INIT, NULL);
	return fd;
}

void irq_vm_add_vgic(struct irq_vm *v, int version, unsigned int nr_irqs)
{
	if (version == 3)
		v->gic_fd = vgic_v3_setup(v->vm, v->nr_vcpus, nr_irqs,
					  GICD_BASE_GPA, GICR_BASE_GPA);
	else
		v->gic_fd = vgic_v2_setup(v->vm, nr_irqs);
	TEST_ASSERT(v->gic_fd >= 0, "vgic-v%d with %u irqs: %s", version,
		    nr_irqs, strerror(errno));
	v->gic_version = version;
	v->abi.in_kernel_gic = true;
	v->abi.gic_ready = true;
	v->abi.nr_irqs = nr_irqs;
}

void irq_vm_destroy(struct irq_vm *v)
{
	if (v->its_fd >= 0)
		close(v->its_fd);
	if (v->gic_fd >= 0)
		close(v->gic_fd);
	kvm_vm_free(v->vm);
	free(v->vcpus);
	memset(v, 0, sizeof(*v));
}

void vcpu_expect_sync(struct kvm_vcpu *vcpu, struct ucall *uc)
{
	switch (get_ucall(vcpu, uc)) {
	case UCALL_SYNC:
		break;
	case UCALL_ABORT:
		REPORT_GUEST_ASSERT_1(*uc, "arg %lu");
		break;
	case UCALL_UNHANDLED:
		TEST_FAIL("vcpu %u: guest exception, vector %lu ec 0x%lx",
			  vcpu->id, uc->args[0], uc->args[1]);
		break;
	default:
		TEST_FAIL("vcpu %u: exit reason %u, ucall %lu", vcpu->id,
			  vcpu->run->exit_reason, uc->cmd);
	}
}

void vcpu_run_to_sync(struct kvm_vcpu *vcpu, uint64_t stage, struct ucall *uc)
{
	vcpu_run(vcpu);
	vcpu_expect_sync(vcpu, uc);
	TEST_ASSERT(uc->args[1] == stage, "vcpu %u: stage 0x%lx, expected 0x%lx",
		    vcpu->id, uc->args[1], stage);
}

int irq_line(struct irq_vm *v, uint32_t irq, uint32_t level)
{
	struct kvm_irq_level irq_level = { .irq = irq, .level = level };

	return __vm_ioctl(v->vm, KVM_IRQ_LINE, &irq_level) ? errno : 0;
}

static const char *describe(enum abi_outcome outcome, int err)
{
	return outcome == ABI_ACCEPT ? "0" : abi_errno_name(err);
}

bool irq_check_one(struct irq_check *c, struct irq_vm *v, uint32_t irq,
		   uint32_t level)
{
	struct abi_verdict want = abi_irq_line(&v->abi, irq, level);
	int err = irq_line(v, irq, level);
	bool match;

	c->err = err;
	c->tried[want.rule]++;
	if (!err && level)
		irq_line(v, irq, 0);	/* leave no line high */

	if (want.outcome == ABI_UNSPECIFIED) {
		c->unspecified[want.rule]++;
		return true;
	}
	match = want.outcome == ABI_ACCEPT ? !err : err == want.err;
	if (match)
		return true;

	c->mismatches[want.rule]++;
	report_deviation_add("0x%08x/%u=%s", irq, level,
			     describe(err ? ABI_REJECT : ABI_ACCEPT, err));
	if (report_mismatch_shown(&c->shown))
		ksft_print_msg("%s: irq=0x%08x level=%u: expected %s, observed %s [%s %s]\n",
			       c->what, irq, level,
			       describe(want.outcome, want.err),
			       describe(err ? ABI_REJECT : ABI_ACCEPT, err),
			       abi_rules[want.rule].id, abi_rules[want.rule].name);
	return false;
}

unsigned long irq_check_mismatches(const struct irq_check *c)
{
	unsigned long sum = 0;
	int r;

	for (r = 0; r < NR_ABI_RULES; r++)
		sum += c->mismatches[r];
	return sum;
}

void irq_check_report(const struct irq_check *c)
{
	unsigned long tried = 0, unspecified = 0;
	int r;

	for (r = 0; r < NR_ABI_RULES; r++) {
		if (!c->tried[r])
			continue;
		report_assert(abi_rules[r].id, abi_rules[r].name, c->tried[r],
			      c->mismatches[r], c->unspecified[r]);
		tried += c->tried[r];
		unspecified += c->unspecified[r];
	}
	report_unshown(c->what, c->shown);
	ksft_print_msg("%s: %lu irq values tried, %lu mismatches, %lu unspecified\n",
		       c->what, tried, irq_check_mismatches(c), unspecified);
	report_deviation();
}
