// SPDX-License-Identifier: GPL-2.0
/*
 * Guest GIC back ends.  Register offsets from the GIC architecture
 * specification (IHI 0048B for v2, IHI 0069 for v3).
 */
#include "kvm_util.h"
#include "processor.h"
#include "gic.h"		/* kvm_util's GICv3 guest code */
#include "gic_v3.h"		/* ... and its register names */

#include "guest_gic.h"
#include "guest_host.h"

/* Distributor, both versions */
#define GICD_CTLR_OFF		0x0000
#define GICD_ISENABLER_OFF	0x0100
#define GICD_ICENABLER_OFF	0x0180
#define GICD_ISPENDR_OFF	0x0200
#define GICD_ISACTIVER_OFF	0x0300
#define GICD_IPRIORITYR_OFF	0x0400
#define GICD_ITARGETSR_OFF	0x0800	/* v2 */
#define GICD_ICFGR_OFF		0x0c00
#define GICD_IROUTER_OFF	0x6000	/* v3 */

/* v2 CPU interface */
#define GICC_CTLR_OFF		0x0000
#define GICC_PMR_OFF		0x0004
#define GICC_IAR_OFF		0x000c
#define GICC_EOIR_OFF		0x0010
#define GICC_DIR_OFF		0x1000
#define GICC_CTLR_EOIMODE	(1u << 9)
#define GICC_CTLR_ENABLE_GRPS	3u	/* EnableGrp0, EnableGrp1 */

/* v3 redistributor: two 64K frames per vcpu, SGI/PPI registers in the 2nd */
#define GICR_STRIDE		0x20000
#define GICR_SGI_OFF		0x10000

/* Below kvm_util's mask and ours. */
#define PRIORITY		GIC_DEFAULT_PRIORITY
#define PRIORITY_MASK		GIC_PRIORITY_MASK

static int gic_version;

/* ITARGETSR and IPRIORITYR take byte accesses. */
static void writeb_gic(uint8_t val, volatile void *addr)
{
	dsb(st);
	*(volatile uint8_t *)addr = val;
}

#define GICD(off)	((volatile void *)(GICD_BASE_GPA + (off)))
#define GICC(off)	((volatile void *)(GICC_BASE_GPA + (off)))

/*
 * Each vcpu's redistributor as the architecture finds it: the frame whose
 * GICR_TYPER affinity is the vcpu's MPIDR_EL1 (IHI 0069 9.11.35), not the
 * frame its id numbers: KVM lays the frames out in creation order, and a
 * VM's ids may differ from it.  Found by the vcpu itself, at init.
 */
#define GICR_TYPER_OFF		0x0008
static uint64_t redist_of[IRQ_VM_MAX_VCPUS_LARGE];

static uint64_t frame_typer_aff(unsigned int i)
{
	return *(volatile uint64_t *)(GICR_BASE_GPA + i * GICR_STRIDE + GICR_TYPER_OFF) >> 32;
}

static void find_redist(unsigned int nr_vcpus)
{
	uint64_t mpidr = read_sysreg(mpidr_el1);
	uint64_t aff = (mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24;
	unsigned int me = guest_get_vcpuid(), i;

	/* Its id's frame first: where ids follow the creation order. */
	if (me < nr_vcpus && frame_typer_aff(me) == aff) {
		redist_of[me] = GICR_BASE_GPA + me * GICR_STRIDE;
		return;
	}
	for (i = 0; i < nr_vcpus; i++)
		if (frame_typer_aff(i) == aff) {
			redist_of[me] = GICR_BASE_GPA + i * GICR_STRIDE;
			return;
		}
	GUEST_ASSERT_1(0, mpidr);
}

static volatile void *gicr_sgi(unsigned int off)
{
	return (volatile void *)(redist_of[guest_get_vcpuid()] + GICR_SGI_OFF + off);
}

/* Banked (SGI/PPI) registers live in the redistributor on v3. */
static volatile void *bank_reg(unsigned int off, unsigned int intid)
{
	if (gic_version == 3 && intid < 32)
		return gicr_sgi(off);
	return GICD(off + 4 * (intid / 32));
}

static void gicv2_dist_init(void)
{
	unsigned int i;

	writel(0, GICD(GICD_CTLR_OFF));
	for (i = 32; i < 1020; i += 32)
		writel(~0u, GICD(GICD_ICENABLER_OFF + i / 8));
	writel(3, GICD(GICD_CTLR_OFF));	/* group 0 and 1 */
}

static void gicv2_cpu_init(void)
{
	unsigned int i;

	/* This vcpu's SGIs and PPIs: disabled, default priority. */
	writel(~0u, GICD(GICD_ICENABLER_OFF));
	for (i = 0; i < 32; i += 4)
		writel(PRIORITY * 0x01010101u, GICD(GICD_IPRIORITYR_OFF + i));
	writel(PRIORITY_MASK, GICC(GICC_PMR_OFF));
	writel(3, GICC(GICC_CTLR_OFF));
}

void guest_gic_init(int version, unsigned int nr_vcpus)
{
	unsigned int i;

	gic_version = version;
	if (version == 3) {
		gic_init(GIC_V3, nr_vcpus, (void *)GICD_BASE_GPA, (void *)GICR_BASE_GPA);
		find_redist(nr_vcpus);
		for (i = 0; i < 32; i++)
			gic_set_priority(i, PRIORITY);
		return;
	}
	if (guest_get_vcpuid() == 0)
		gicv2_dist_init();
	gicv2_cpu_init();
}

void guest_gic_route_to(unsigned int intid, uint64_t route)
{
	if (intid < 32)
		return;
	if (gic_version == 3)
		*(volatile uint64_t *)GICD(GICD_IROUTER_OFF + 8 * intid) = route;
	else
		writeb_gic(route, GICD(GICD_ITARGETSR_OFF + intid));
}

/* vgic-v2: the CPU interfaces GICD_ITARGETSR<n> routes SPI intid to. */
uint8_t guest_gic_targets(unsigned int intid)
{
	return *(volatile uint8_t *)GICD(GICD_ITARGETSR_OFF + intid);
}

uint64_t guest_gic_route_read(unsigned int intid)
{
	if (gic_version == 3)
		return *(volatile uint64_t *)GICD(GICD_IROUTER_OFF + 8 * intid);
	return guest_gic_targets(intid);
}

void guest_gic_route(unsigned int intid, unsigned int vcpu)
{
	/* KVM: Aff0 = vcpu_id for ids < 16; CPU interface n for vcpu n on v2. */
	guest_gic_route_to(intid, gic_version == 3 ? vcpu : 1u << vcpu);
	guest_gic_set_priority(intid, PRIORITY);
}

/*
 * Route an SPI to the vcpu that runs this: on v3 by its affinity
 * (MPIDR_EL1), on v2 by its CPU interface mask, which the GIC architecture
 * says ITARGETSR0..7 read back, each CPU its own (IHI 0048B 4.3.12).
 */
void guest_gic_route_self(unsigned int intid)
{
	uint64_t aff = read_sysreg(mpidr_el1) & MPIDR_HWID_BITMASK;
	uint8_t mask;

	if (gic_version == 3) {
		*(volatile uint64_t *)GICD(GICD_IROUTER_OFF + 8 * intid) = aff;
	} else {
		mask = *(volatile uint8_t *)GICD(GICD_ITARGETSR_OFF);
		writeb_gic(mask, GICD(GICD_ITARGETSR_OFF + intid));
	}
	writeb_gic(PRIORITY, GICD(GICD_IPRIORITYR_OFF + intid));
}

/* IPRIORITYR: a byte per interrupt, this vcpu's bank for SGIs and PPIs. */
static volatile uint8_t *priority_byte(unsigned int intid)
{
	if (gic_version == 3 && intid < 32)
		return gicr_sgi(GICD_IPRIORITYR_OFF + intid);
	return GICD(GICD_IPRIORITYR_OFF + intid);
}

void guest_gic_set_priority(unsigned int intid, uint8_t priority)
{
	writeb_gic(priority, priority_byte(intid));
}

/* Read by its word, as a guest OS saving the distributor's state does. */
uint8_t guest_gic_priority(unsigned int intid)
{
	volatile uint8_t *byte = priority_byte(intid);

	return readl((volatile void *)((uintptr_t)byte & ~3ul)) >> (8 * (intid % 4));
}

/* ICFGR: two bits per interrupt, the upper one set for edge. */
void guest_gic_config(unsigned int intid, bool edge)
{
	uint32_t bit = 2u << (2 * (intid % 16));
	volatile void *reg;

	if (intid < 16)		/* SGIs are always edge */
		return;
	reg = gic_version == 3 && intid < 32 ? gicr_sgi(GICD_ICFGR_OFF + 4) :
					       GICD(GICD_ICFGR_OFF + 4 * (intid / 16));
	writel(edge ? readl(reg) | bit : readl(reg) & ~bit, reg);
}

void guest_gic_enable(unsigned int intid, bool on)
{
	writel(1u << (intid % 32),
	       bank_reg(on ? GICD_ISENABLER_OFF : GICD_ICENABLER_OFF, intid));
}

uint32_t guest_gic_pending_word(unsigned int intid)
{
	return readl(bank_reg(GICD_ISPENDR_OFF, intid));
}

uint32_t guest_gic_enabled_word(unsigned int intid)
{
	return readl(bank_reg(GICD_ISENABLER_OFF, intid));
}

uint32_t guest_gic_active_word(unsigned int intid)
{
	return readl(bank_reg(GICD_ISACTIVER_OFF, intid));
}

/*
 * Forwarding from the distributor: on v2 GICD_CTLR's Enable bits; on v3
 * EnableGrp1NS (affinity routing stays on: KVM's ARE is RAO/WI).
 */
void guest_gic_dist_enable(bool on)
{
	if (gic_version == 3)
		writel(GICD_CTLR_ARE_NS | (on ? GICD_CTLR_ENABLE_G1A | GICD_CTLR_ENABLE_G1 : 0),
		       GICD(GICD_CTLR_OFF));
	else
		writel(on ? 3 : 0, GICD(GICD_CTLR_OFF));
}

/* This vcpu's CPU interface signals its interrupts' group, or not. */
void guest_gic_cpu_enable(bool on)
{
	uint32_t ctlr;

	if (gic_version == 3) {
		write_sysreg_s(on ? ICC_IGRPEN1_EL1_ENABLE : 0, SYS_ICC_GRPEN1_EL1);
		isb();
		return;
	}
	ctlr = readl(GICC(GICC_CTLR_OFF));
	writel(on ? ctlr | GICC_CTLR_ENABLE_GRPS : ctlr & ~GICC_CTLR_ENABLE_GRPS,
	       GICC(GICC_CTLR_OFF));
}

/* 1 if the enable bits guest_gic_dist_enable() sets read set, 0 if clear, 2 if mixed. */
static unsigned int bits_read(uint32_t value, uint32_t bits)
{
	return (value & bits) == bits ? 1 : !(value & bits) ? 0 : 2;
}

unsigned int guest_gic_dist_enabled(void)
{
	uint32_t ctlr = readl(GICD(GICD_CTLR_OFF));

	/* v3: one Security state, EnableGrp1 only (EnableGrp0 need not be implemented). */
	return gic_version == 3 ? bits_read(ctlr, GICD_CTLR_ENABLE_G1A) : bits_read(ctlr, 1);
}

unsigned int guest_gic_cpu_enabled(void)
{
	if (gic_version == 3)
		return bits_read(read_sysreg_s(SYS_ICC_GRPEN1_EL1), ICC_IGRPEN1_EL1_ENABLE);
	return bits_read(readl(GICC(GICC_CTLR_OFF)), GICC_CTLR_ENABLE_GRPS);
}

void guest_gic_eoi_split(bool split)
{
	uint32_t ctlr;

	if (gic_version == 3) {
		gic_set_eoi_split(split);
		return;
	}
	ctlr = readl(GICC(GICC_CTLR_OFF));
	writel(split ? ctlr | GICC_CTLR_EOIMODE : ctlr & ~GICC_CTLR_EOIMODE,
	       GICC(GICC_CTLR_OFF));
}

uint32_t guest_gic_ack(void)
{
	if (gic_version == 3)
		return gic_get_and_ack_irq();
	return readl(GICC(GICC_IAR_OFF)) & 0x3ff;
}

/* v2: EOIR takes the IAR value; with no SGIs in play, that is the INTID. */
void guest_gic_eoi(uint32_t intid)
{
	if (gic_version == 3)
		gic_set_eoi(intid);
	else
		writel(intid, GICC(GICC_EOIR_OFF));
}

void guest_gic_dir(uint32_t intid)
{
	if (gic_version == 3)
		gic_set_dir(intid);
	else
		writel(intid, GICC(GICC_DIR_OFF));
}
