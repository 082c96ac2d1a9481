/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "ticket.h"

#if defined(__riscv)
#define spin_hint() __asm__ volatile(".insn i 0x0f, 0, x0, x0, 0x010")
#elif defined(__x86_64__) || defined(__i386__)
#define spin_hint() __builtin_ia32_pause()
#else
#define spin_hint() ((void)0)
#endif
uint32_t ticket_take(struct ticket_lock *l)
{
    return atomic_fetch_add_explicit(&l->next, 1, memory_order_relaxed);
}

bool ticket_is_served(struct ticket_lock *l, uint32_t ticket)
{
    return atomic_load_explicit(&l->serving, memory_order_acquire) == ticket;
}

void ticket_wait(struct ticket_lock *l, uint32_t ticket)
{
    while (!ticket_is_served(l, ticket))
        spin_hint();
}

void ticket_acquire(struct ticket_lock *l)
{
    ticket_wait(l, ticket_take(l));
}
bool ticket_try_acquire(struct ticket_lock *l)
{
    uint32_t s = atomic_load_explicit(&l->serving, memory_order_acquire);
    uint32_t expected = s;
    return atomic_compare_exchange_strong_explicit(
        &l->next, &expected, s + 1, memory_order_relaxed, memory_order_relaxed);
}
void ticket_release(struct ticket_lock *l)
{
    uint32_t now = atomic_load_explicit(&l->serving, memory_order_relaxed);
    atomic_store_explicit(&l->serving, now + 1, memory_order_release);
}

uint32_t ticket_holders(struct ticket_lock *l)
{
    uint32_t next = atomic_load_explicit(&l->next, memory_order_relaxed);
    uint32_t serving = atomic_load_explicit(&l->serving, memory_order_relaxed);
    return next - serving;
}
