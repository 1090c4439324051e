// SPDX-License-Identifier: GPL-2.0
/*
 * Guest code for KVM_CAP_ARM_USER_IRQ: devices raised and lowered on the
 * host's command, interrupts counted.
 */
#include "kvm_util.h"
#include "processor.h"

#include "guest_dev.h"
#include "guest_gic.h"
#include "user_irq.h"

struct user_irq_cmd user_irq_cmd[IRQ_VM_MAX_VCPUS];
uint32_t user_irq_release[IRQ_VM_MAX_VCPUS];
uint64_t user_irq_commands[IRQ_VM_MAX_VCPUS];

static volatile uint64_t taken[IRQ_VM_MAX_VCPUS];
static volatile uint64_t last_intid[IRQ_VM_MAX_VCPUS];
static struct user_irq_cmd now[IRQ_VM_MAX_VCPUS];	/* being carried out */

static void guest_irq_handler(struct ex_regs *regs)
{
	unsigned int me = guest_get_vcpuid();
	const struct user_irq_cmd *c = &now[me];
	uint32_t intid = c->gic ? guest_gic_ack() : 0;

	taken[me]++;
	last_intid[me] = intid;
	if (c->handler_lowers)
		guest_dev_lower(c->dev);
	if (c->gic && intid < GUEST_GIC_SPURIOUS)
		guest_gic_eoi(intid);
	/* Without a GIC nothing here can lower the line: the host must. */
	regs->pstate |= PSR_I_BIT;
}

/*
 * Through the CPU line an interrupt raised before this run is pending at
 * entry; through the vgic it may take the vgic a moment: wait for one.
 */
static void window(const struct user_irq_cmd *c, unsigned int me)
{
	unsigned int i;

	taken[me] = 0;
	last_intid[me] = 0;
	local_irq_enable();
	for (i = 0; i < 16; i++)
		isb();
	for (i = 0; c->gic && !taken[me] && i < GUEST_GIC_WINDOW_SPINS; i++)
		guest_pause();
	local_irq_disable();
}

static void gic_setup(const struct user_irq_cmd *c)
{
	guest_gic_init(c->gic, 1);
	guest_gic_enable(c->intid, true);
}

static void carry_out(const struct user_irq_cmd *c, unsigned int me)
{
	switch (c->op) {
	case USER_IRQ_NOP:
		break;
	case USER_IRQ_RAISE:
		guest_dev_raise(c->dev);
		break;
	case USER_IRQ_LOWER:
		guest_dev_lower(c->dev);
		break;
	case USER_IRQ_WINDOW:
		window(c, me);
		break;
	case USER_IRQ_GIC_SETUP:
		gic_setup(c);
		break;
	default:
		GUEST_ASSERT_1(0, c->op);
	}
}

void user_irq_guest_main(void)
{
	unsigned int me = guest_get_vcpuid();

	guest_devs_quiesce();
	for (;;) {
		now[me] = *(volatile struct user_irq_cmd *)&user_irq_cmd[me];
		WRITE_ONCE(user_irq_commands[me], user_irq_commands[me] + 1);
		carry_out(&now[me], me);
		while (now[me].spin && !READ_ONCE(user_irq_release[me]))
			cpu_relax();
		GUEST_SYNC_ARGS(USER_IRQ_DONE, me, user_irq_commands[me],
				taken[me], last_intid[me]);
	}
}

void user_irq_install_handlers(struct kvm_vm *vm)
{
	vm_install_exception_handler(vm, VECTOR_IRQ_CURRENT, guest_irq_handler);
}
