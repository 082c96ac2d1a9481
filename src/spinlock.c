/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "spinlock.h"
#include "hart.h"
#include "panic.h"
#include "riscv.h"
#include "timer.h"

#include <stdatomic.h>
#include <stdint.h>

static struct hart before_tp;       /* the boot hart, until it sets tp */

static struct hart *me(void)
{
    uintptr_t tp = (uintptr_t)this_hart();
    if (tp - (uintptr_t)harts < sizeof harts)
        return (struct hart *)tp;
    return &before_tp;
}
void push_off(void)
{
    uint64_t old = csr_read_clear(sstatus, SSTATUS_SIE);
    struct hart *h = me();
    if (h->off_depth == 0)
        h->sie_before_off = (old & SSTATUS_SIE) != 0;
    h->off_depth++;
}
void pop_off(void)
{
    struct hart *h = me();
    if (csr_read(sstatus) & SSTATUS_SIE)
        panic("pop_off: interrupts are on inside a critical section");
    if (h->off_depth < 1)
        panic("pop_off: more pops than pushes");
    h->off_depth--;
    if (h->off_depth == 0 && h->sie_before_off)
        interrupts_on();
}
enum { WATCHDOG_SECONDS = 5, WATCHDOG_EVERY = 4096 };

static atomic_int watchdog_fired;

static void wait_for_turn(struct spinlock *l, uint32_t ticket)
{
    uint64_t hz = timer_timebase_hz(), start = read_time();
    for (unsigned turns = 1; !ticket_is_served(&l->ticket, ticket); turns++) {
        if (hz == 0 || turns % WATCHDOG_EVERY != 0)
            continue;
        if (read_time() - start > WATCHDOG_SECONDS * hz &&
            !atomic_exchange_explicit(&watchdog_fired, 1, memory_order_relaxed)) {
            struct hart *owner = atomic_load_explicit(&l->owner, memory_order_relaxed);
            panic("spin_lock: hart %lu waited %d s for the %s lock (held by hart %ld)",
                  me()->hartid, WATCHDOG_SECONDS, l->name,
                  owner != NULL ? (long)owner->hartid : -1L);
        }
    }
}
void spin_init(struct spinlock *l, const char *name)
{
    *l = (struct spinlock)SPINLOCK_INIT(name);
}

bool spin_holding(struct spinlock *l)
{
    return atomic_load_explicit(&l->owner, memory_order_relaxed) == me();
}

void spin_lock(struct spinlock *l)
{
    push_off();
    if (spin_holding(l))
        panic("spin_lock: hart %lu already holds the %s lock", me()->hartid,
              l->name);
    wait_for_turn(l, ticket_take(&l->ticket));
    atomic_store_explicit(&l->owner, me(), memory_order_relaxed);
}
void spin_unlock(struct spinlock *l)
{
    if (!spin_holding(l))
        panic("spin_unlock: hart %lu does not hold the %s lock", me()->hartid,
              l->name);
    atomic_store_explicit(&l->owner, NULL, memory_order_relaxed);
    ticket_release(&l->ticket);
    pop_off();
}
