// SPDX-License-Identifier: GPL-2.0
/*
 * Host probing with bare ioctls: kvm_util's helpers exit with a skip line
 * of their own when something is missing, which would break the TAP.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/klog.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "host.h"
#include "oracle.h"

struct host_facts host;
struct host_promise promise;

static int check_extension(int fd, long cap)
{
	int ret = ioctl(fd, KVM_CHECK_EXTENSION, cap);

	return ret < 0 ? 0 : ret;
}

static bool device_creatable(int vm_fd, __u32 type)
{
	struct kvm_create_device cd = {
		.type = type,
		.flags = KVM_CREATE_DEVICE_TEST,
	};

	return ioctl(vm_fd, KVM_CREATE_DEVICE, &cd) == 0;
}

/*
 * An ITS as lib/vm.c builds one: created for real beside a vgic-v3 on
 * this throw-away VM (the ITS's device type exists only where KVM
 * registered vgic-v3).
 */
static bool its_creatable(int vm_fd)
{
	struct kvm_create_device v3 = { .type = KVM_DEV_TYPE_ARM_VGIC_V3 };
	struct kvm_create_device its = { .type = KVM_DEV_TYPE_ARM_VGIC_ITS };

	if (ioctl(vm_fd, KVM_CREATE_DEVICE, &v3))
		return false;
	close(v3.fd);
	if (ioctl(vm_fd, KVM_CREATE_DEVICE, &its))
		return false;
	close(its.fd);
	return true;
}

/*
 * arch/arm64/kvm/arm.c announces how it initialised, in one line ending
 * "mode initialized successfully": "VHE", "Hyp mode" (5.10, 6.1) or
 * "Hyp nVHE/hVHE mode" (6.12) for nvhe, "Protected nVHE/hVHE mode".
 * The log may have wrapped on a long-running board: then it is unknown.
 */
/* line: the banner up to "mode initialized successfully" */
static const char *mode_of_banner(const char *line)
{
	if (strstr(line, "Protected"))
		return "protected";
	if (strstr(line, "Hyp"))
		return "nvhe";
	if (strstr(line, "VHE"))
		return "vhe";
	return NULL;
}

static const char *probe_mode(void)
{
	int len = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0);
	const char *mode = NULL;
	char *log, *line, *end;

	if (len <= 0)
		return NULL;
	log = calloc(1, len + 1);
	if (!log)
		return NULL;
	len = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, log, len);
	end = len > 0 ? strstr(log, "mode initialized successfully") : NULL;
	if (end) {
		*end = '\0';
		line = strrchr(log, '\n');
		mode = mode_of_banner(line ? line : log);
	}
	free(log);
	return mode;
}

/* The host's own GIC, as its irqchip driver names itself in /proc/interrupts. */
static int probe_gic(void)
{
	char line[256];
	FILE *f = fopen("/proc/interrupts", "r");
	int gic = 0;

	if (!f)
		return 0;
	while (gic != 3 && fgets(line, sizeof(line), f)) {
		if (strstr(line, "GICv3"))
			gic = 3;
		else if (strstr(line, "GIC-"))
			gic = 2;
	}
	fclose(f);
	return gic;
}

static void read_promise(void)
{
	const char *gic = getenv("KVM_IRQ_HOST_GIC");
	const char *mode = getenv("KVM_IRQ_HOST_MODE");
	const char *cpus = getenv("KVM_IRQ_HOST_CPUS");
	const char *limit = getenv("KVM_IRQ_LIMIT_NR_IRQS");

	promise.gic = gic ? atoi(gic) : 0;
	promise.mode = mode && *mode ? mode : NULL;
	promise.cpus = cpus ? atoi(cpus) : 0;
	/* run_tests.sh checked it against the documents' range. */
	promise.nr_irqs_limit = limit ? strtoul(limit, NULL, 0) : 0;
}

unsigned int host_nr_irqs_max(void)
{
	return promise.nr_irqs_limit ? promise.nr_irqs_limit : ABI_NR_IRQS_MAX;
}

void host_probe(void)
{
	int kvm_fd, vm_fd;

	read_promise();
	host.mode = probe_mode();
	host.gic = probe_gic();

	kvm_fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm_fd < 0)
		return;
	host.user_irq = check_extension(kvm_fd, KVM_CAP_ARM_USER_IRQ);
	host.layout_2 = check_extension(kvm_fd, KVM_CAP_ARM_IRQ_LINE_LAYOUT_2);
	host.irqchip = check_extension(kvm_fd, KVM_CAP_IRQCHIP);
	host.nr_vcpus = check_extension(kvm_fd, KVM_CAP_NR_VCPUS);
	host.max_vcpus = check_extension(kvm_fd, KVM_CAP_MAX_VCPUS);
	host.pmu_v3 = check_extension(kvm_fd, KVM_CAP_ARM_PMU_V3);

	vm_fd = ioctl(kvm_fd, KVM_CREATE_VM, 0);
	if (vm_fd >= 0) {
		host.kvm = true;
		host.user_irq_vm = check_extension(vm_fd, KVM_CAP_ARM_USER_IRQ);
		host.vgic_v2 = device_creatable(vm_fd, KVM_DEV_TYPE_ARM_VGIC_V2);
		host.vgic_v3 = device_creatable(vm_fd, KVM_DEV_TYPE_ARM_VGIC_V3);
		host.its = host.vgic_v3 && its_creatable(vm_fd);
		close(vm_fd);
	}
	close(kvm_fd);
}

int host_print_facts(void)
{
	printf("gic=%s mode=%s kvm=%d cpus=%ld max_vcpus=%d",
	       host.gic == 3 ? "3" : host.gic == 2 ? "2" : "-",
	       host.mode ?: "-", host.kvm, sysconf(_SC_NPROCESSORS_ONLN),
	       host.max_vcpus);
	/* What KVM claims: a test that skips for one of these claimed is no pass. */
	printf(" vgic_v2=%d vgic_v3=%d its=%d pmu_v3=%d user_irq=%d layout_2=%d irqchip=%d\n",
	       host.vgic_v2, host.vgic_v3, host.its, host.pmu_v3, host.user_irq,
	       host.layout_2, host.irqchip);
	return 0;
}

int host_any_vgic(void)
{
	if (host.vgic_v3)
		return 3;
	return host.vgic_v2 ? 2 : 0;
}

const char *host_lacks_vgic(int version)
{
	if (!host.kvm)
		return NO_KVM_REASON;
	if (version == 3 && !host.vgic_v3)
		return FEATURE(VGIC_V3) "the host cannot create vgic-v3";
	if (version == 2 && !host.vgic_v2)
		return FEATURE(VGIC_V2) "the host cannot create vgic-v2 (a GICv3 without GICv2 compatibility)";
	return NULL;
}

const char *host_lacks_vm(int gic, unsigned int nr_vcpus)
{
	static char too_many[96];

	if (!host.kvm)
		return NO_KVM_REASON;
	if (gic && host_lacks_vgic(gic))
		return host_lacks_vgic(gic);
	if (nr_vcpus > (unsigned int)host.max_vcpus) {
		snprintf(too_many, sizeof(too_many), "%sKVM_CAP_MAX_VCPUS is %d, the VM needs %u",
			 FEATURE(LARGE_VMS), host.max_vcpus, nr_vcpus);
		return too_many;
	}
	return NULL;
}

/* why, for a capability KVM does not report (cap < 1); NULL if it does. */
static const char *lacks_cap(int cap, const char *why)
{
	if (!host.kvm)
		return NO_KVM_REASON;
	return cap < 1 ? why : NULL;
}

const char *host_lacks_user_irq(void)
{
	return lacks_cap(host.user_irq, FEATURE(USER_IRQ) "KVM_CAP_ARM_USER_IRQ is not reported (before 4.12)");
}

const char *host_lacks_pmu(void)
{
	return lacks_cap(host.pmu_v3, FEATURE(PMU) "KVM_CAP_ARM_PMU_V3 is not reported: vcpus get no PMU here");
}
