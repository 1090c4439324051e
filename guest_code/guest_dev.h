/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel devices KVM_CAP_ARM_USER_IRQ reports, driven from inside
 * the guest: the EL1 virtual and physical timers, and PMU counter 0 made
 * to overflow by software increment (KVM emulates SW_INCR itself, so the
 * overflow does not depend on the host's PMU counting anything).
 */
#ifndef GUEST_DEV_H
#define GUEST_DEV_H

#include <stdbool.h>
#include <stdint.h>

#include "guest_host.h"

static inline void guest_wfi(void)
{
	asm volatile("wfi" : : : "memory");
}

/*
 * One step of a bounded wait for what the vcpu's own entry into the guest
 * brings (its timer's interrupt, one already pending): not cpu_relax(),
 * whose YIELD makes single-threaded TCG run its other emulated CPU for a
 * whole time slice, so that the wait lasts as long as that CPU is busy.
 * (The board's make check, its tools tests running beside the suite,
 * never finished a window of 100000 yields in 10 s; an emulated host with
 * a busy loop on its other CPU did the same.)  A wait for another host
 * thread keeps cpu_relax(): there the yield lets that thread run.
 */
static inline void guest_pause(void)
{
	asm volatile("" : : : "memory");
}

/* Every device off and its output low, as a driver starts. */
void guest_devs_quiesce(void);
/* Output high now: a timer whose compare value has passed, an overflow. */
void guest_dev_raise(enum user_irq_dev dev);
/* Output low: the timer masked (IMASK), the overflow flag cleared. */
void guest_dev_lower(enum user_irq_dev dev);
/* A timer's output goes high after ticks counter ticks, once. */
void guest_timer_arm(enum user_irq_dev dev, uint32_t ticks);
/* The timer's status: enabled, not masked, condition met. */
bool guest_timer_firing(enum user_irq_dev dev);
/*
 * A device's output level as the guest reads it: a timer firing, the PMU
 * counting with an enabled overflow flag set (false with no PMU).
 */
bool guest_dev_level(enum user_irq_dev dev);

#endif /* GUEST_DEV_H */
