// SPDX-License-Identifier: GPL-2.0
/*
 * Guest code for interrupts delivered through the in-kernel vgic.
 */
#include "kvm_util.h"
#include "processor.h"

#include "guest_gic.h"
#include "vgic_delivery.h"

struct delivery_cmd delivery_cmd;
struct delivery_log delivery_log;

/* What each vcpu has enabled, one bit per INTID. */
static uint32_t enabled[IRQ_VM_MAX_VCPUS][DELIVERY_INTIDS / 32];
static bool split_eoi[IRQ_VM_MAX_VCPUS];
static bool hold_next[IRQ_VM_MAX_VCPUS];	/* DELIVERY_WINDOW_HOLD under way */

static bool mine(const struct delivery_cmd *c, unsigned int intid, unsigned int me)
{
	if (intid < 32)
		return true;
	if (c->multi)
		return delivery_targets(intid, c->nr_vcpus) >> me & 1;
	return intid % c->nr_vcpus == me;
}

static void set_enabled(unsigned int me, unsigned int intid, bool on)
{
	guest_gic_enable(intid, on);
	if (on)
		enabled[me][intid / 32] |= 1u << (intid % 32);
	else
		enabled[me][intid / 32] &= ~(1u << (intid % 32));
}

static void guest_irq_handler(struct ex_regs *regs)
{
	unsigned int me = guest_get_vcpuid();
	uint32_t intid = guest_gic_ack();

	(void)regs;
	if (intid >= GUEST_GIC_SPURIOUS) {
		delivery_log.spurious[me]++;
		return;
	}
	delivery_log.taken[me][intid]++;
	if (hold_next[me]) {
		/* Edge: nothing storms; the host pulses it while active. */
		hold_next[me] = false;
		GUEST_SYNC_ARGS(DELIVERY_ACTIVE, intid, 0, 0, 0);
	} else {
		set_enabled(me, intid, false);
	}
	guest_gic_eoi(intid);
	if (split_eoi[me])
		guest_gic_dir(intid);
}

static void setup(const struct delivery_cmd *c, unsigned int me)
{
	unsigned int i;

	for (i = c->first; i <= c->last; i++) {
		if (i >= 32 && me != 0)
			continue;
		set_enabled(me, i, false);
		guest_gic_route(i, i % c->nr_vcpus);
		guest_gic_config(i, c->edge);
	}
}

/* vcpu 0 routes each SPI to several CPU interfaces and reads it back. */
static void setup_targets(const struct delivery_cmd *c, unsigned int me)
{
	unsigned int i;

	for (i = c->first; i <= c->last && me == 0; i++) {
		set_enabled(me, i, false);
		guest_gic_route_to(i, delivery_targets(i, c->nr_vcpus));
		guest_gic_config(i, true);
		delivery_log.targets[i] = guest_gic_targets(i);
	}
}

/*
 * Anything enabled for this vcpu still pending in [first, last]?  Of SPIs
 * routed to several vcpus, another target may be the one signalled
 * (IHI 0048B 1.4.3, the 1-N model): what is signalled to this vcpu is
 * taken as its window unmasks, and nothing is waited for.
 */
static bool pending_here(const struct delivery_cmd *c, unsigned int me)
{
	unsigned int word;

	if (c->multi)
		return false;

	for (word = c->first / 32; word <= c->last / 32; word++)
		if (enabled[me][word] && (guest_gic_pending_word(word * 32) & enabled[me][word]))
			return true;
	return false;
}

static void window(const struct delivery_cmd *c, unsigned int me)
{
	unsigned int i, spins;

	for (i = c->first; i <= c->last; i++)
		if (mine(c, i, me))
			set_enabled(me, i, true);
	local_irq_enable();
	for (spins = 0; pending_here(c, me); spins++) {
		if (spins == GUEST_GIC_WINDOW_SPINS) {
			delivery_log.stuck[me]++;
			break;
		}
	}
	local_irq_disable();
}

void delivery_guest_main(void)
{
	unsigned int me = guest_get_vcpuid();
	struct delivery_cmd c;

	guest_gic_init(delivery_cmd.gic, delivery_cmd.nr_vcpus);
	GUEST_SYNC(DELIVERY_READY);
	for (;;) {
		c = *(volatile struct delivery_cmd *)&delivery_cmd;
		switch (c.op) {
		case DELIVERY_SETUP:
			setup(&c, me);
			break;
		case DELIVERY_WINDOW:
			window(&c, me);
			break;
		case DELIVERY_WINDOW_HOLD:
			hold_next[me] = true;
			window(&c, me);
			hold_next[me] = false;
			break;
		case DELIVERY_SETUP_TARGETS:
			setup_targets(&c, me);
			break;
		case DELIVERY_VTIMER:
			write_sysreg(0, cntv_cval_el0);
			write_sysreg(c.edge ? 1 : 0, cntv_ctl_el0);	/* ENABLE, IMASK clear */
			isb();
			break;
		case DELIVERY_EOI_SPLIT:
			guest_gic_eoi_split(c.edge);
			split_eoi[me] = c.edge;
			break;
		default:
			GUEST_ASSERT_1(0, c.op);
		}
		GUEST_SYNC(DELIVERY_DONE);
	}
}

void delivery_install_handlers(struct kvm_vm *vm)
{
	vm_install_exception_handler(vm, VECTOR_IRQ_CURRENT, guest_irq_handler);
}
