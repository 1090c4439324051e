/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest's view of its interrupt controller: one small interface, two
 * back ends.  GICv3 uses kvm_util's guest GIC code for the CPU interface;
 * GICv2 (distributor and CPU interface through MMIO) is written here.
 * Addresses are those lib/guest_host.h gives the vgic (GICD_BASE_GPA, ...).
 */
#ifndef GUEST_GIC_H
#define GUEST_GIC_H

#include <stdbool.h>
#include <stdint.h>

#define GUEST_GIC_SPURIOUS	1023

/* Spins that bound a window whose interrupt never comes: lost, not slow. */
#define GUEST_GIC_WINDOW_SPINS	100000

/* Per vcpu, vcpu 0 first: it also sets up the distributor. */
void guest_gic_init(int version, unsigned int nr_vcpus);
/* An SPI to vcpu n (ids in creation order, fewer than 16), default priority. */
void guest_gic_route(unsigned int intid, unsigned int vcpu);
/*
 * An SPI routed by the value of its routing register: GICD_IROUTER<n>'s
 * affinity (v3), GICD_ITARGETSR<n>'s CPU interface mask (v2); its
 * priority left as it was.
 */
void guest_gic_route_to(unsigned int intid, uint64_t route);
/* The routing register's value, as guest_gic_route_to() takes it. */
uint64_t guest_gic_route_read(unsigned int intid);
/* To the vcpu that calls it, as a guest OS learns it from the GIC. */
void guest_gic_route_self(unsigned int intid);
/* vgic-v2: GICD_ITARGETSR<n>'s CPU interface mask of an SPI. */
uint8_t guest_gic_targets(unsigned int intid);
void guest_gic_config(unsigned int intid, bool edge);
/* IPRIORITYR: write intid's priority; read it back (the implemented bits). */
void guest_gic_set_priority(unsigned int intid, uint8_t priority);
uint8_t guest_gic_priority(unsigned int intid);
void guest_gic_enable(unsigned int intid, bool on);
/* ISPENDR word holding intid: this vcpu's bank for SGIs and PPIs. */
uint32_t guest_gic_pending_word(unsigned int intid);
/* The same of ISENABLER and ISACTIVER. */
uint32_t guest_gic_enabled_word(unsigned int intid);
uint32_t guest_gic_active_word(unsigned int intid);
/*
 * The group enables (IHI 0048B 4.3.1 GICD_CTLR, 4.4.1 GICC_CTLR; IHI 0069
 * GICD_CTLR.EnableGrp1NS, ICC_IGRPEN1_EL1): the distributor's, for all
 * vcpus; this vcpu's CPU interface's.
 */
void guest_gic_dist_enable(bool on);
void guest_gic_cpu_enable(bool on);
/* Each as it reads back: 1 enabled, 0 disabled, 2 some of its bits only. */
unsigned int guest_gic_dist_enabled(void);
unsigned int guest_gic_cpu_enabled(void);
/* Split priority drop (EOI) and deactivation (DIR), or not. */
void guest_gic_eoi_split(bool split);
uint32_t guest_gic_ack(void);		/* the INTID, or 1023 */
void guest_gic_eoi(uint32_t intid);
void guest_gic_dir(uint32_t intid);

#endif /* GUEST_GIC_H */
