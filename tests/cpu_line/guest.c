// SPDX-License-Identifier: GPL-2.0
/*
 * Guest code for the CPU irq_type (no in-kernel GIC): KVM_IRQ_LINE drives
 * the vcpu's virtual IRQ and FIQ lines directly (HCR_EL2.VI/VF).
 */
#include "kvm_util.h"
#include "processor.h"

#include "cpu_line.h"
#include "guest_host.h"

enum { LINE_IRQ, LINE_FIQ, NR_LINES };

static volatile uint64_t taken[IRQ_VM_MAX_VCPUS][NR_LINES];

/*
 * The line is a level the guest cannot clear: return with the line's
 * exception masked, so that one window counts it at most once.
 */
static void guest_irq_handler(struct ex_regs *regs)
{
	taken[guest_get_vcpuid()][LINE_IRQ]++;
	regs->pstate |= PSR_I_BIT;
}

static void guest_fiq_handler(struct ex_regs *regs)
{
	taken[guest_get_vcpuid()][LINE_FIQ]++;
	regs->pstate |= PSR_F_BIT;
}

/*
 * A pending, unmasked IRQ or FIQ is taken by the next context
 * synchronisation event at the latest; the extra ISBs cost nothing and
 * leave no doubt.
 */
static void open_window(void)
{
	int i;

	asm volatile("msr daifclr, #3" : : : "memory");
	for (i = 0; i < 16; i++)
		isb();
	asm volatile("msr daifset, #3" : : : "memory");
}

void cpu_line_guest_main(void)
{
	uint32_t id = guest_get_vcpuid();

	for (;;) {
		taken[id][LINE_IRQ] = 0;
		taken[id][LINE_FIQ] = 0;
		open_window();
		GUEST_SYNC_ARGS(CPU_LINE_WINDOW, id, taken[id][LINE_IRQ],
				taken[id][LINE_FIQ], 0);
	}
}

void cpu_line_install_handlers(struct kvm_vm *vm)
{
	vm_install_exception_handler(vm, VECTOR_IRQ_CURRENT, guest_irq_handler);
	vm_install_exception_handler(vm, VECTOR_FIQ_CURRENT, guest_fiq_handler);
}
