/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "ipi.h"
#include "hart.h"
#include "panic.h"
#include "riscv.h"
#include "sbi.h"
#include "spinlock.h"
#include "timer.h"
#include "trapname.h"

#include <stdatomic.h>
#include <stdint.h>

enum { CALL_FREE, CALL_CLAIMED, CALL_POSTED, CALL_RUNNING, CALL_DONE };

void ipi_init_hart(void)
{
    csr_set(sie, 1UL << IRQ_S_SOFTWARE);
}

void ipi_send(unsigned long hartid)
{
    atomic_thread_fence(memory_order_seq_cst);
    long err = sbi_send_ipi(1, hartid);
    if (err != 0)
        panic("ipi: SBI send_ipi to hart %lu failed: %s", hartid, sbi_strerror(err));
}
void ipi_interrupt(void)
{
    csr_clear(sip, 1UL << IRQ_S_SOFTWARE);
    struct hart *h = this_hart();
    atomic_fetch_add_explicit(&h->ipis, 1, memory_order_relaxed);
    if (atomic_load_explicit(&h->call_state, memory_order_acquire) == CALL_POSTED) {
        atomic_store_explicit(&h->call_state, CALL_RUNNING, memory_order_relaxed);
        h->call_fn(h->call_arg);
        atomic_store_explicit(&h->call_state, CALL_DONE, memory_order_release);
    }
}
static struct hart *callee(const char *what, unsigned long hartid)
{
    if (!hart_is_running(hartid))
        panic("%s: hart %lu is not running", what, hartid);
    struct hart *self = this_hart();
    if (self->off_depth != 0 || !(csr_read(sstatus) & SSTATUS_SIE))
        panic("%s: hart %lu called with interrupts off; "
              "the two harts could wait for each other forever", what, self->hartid);
    return &harts[hartid];
}
void hart_call_start(unsigned long hartid, hart_fn fn, void *arg)
{
    struct hart *t = callee("hart_call", hartid);
    int expected = CALL_FREE;
    while (!atomic_compare_exchange_weak_explicit(&t->call_state, &expected, CALL_CLAIMED,
                                                  memory_order_acquire,
                                                  memory_order_relaxed))
        expected = CALL_FREE;
    t->call_fn = fn;
    t->call_arg = arg;
    if (t == this_hart()) {
        push_off();
        fn(arg);
        pop_off();
        atomic_store_explicit(&t->call_state, CALL_DONE, memory_order_release);
        return;
    }
    atomic_store_explicit(&t->call_state, CALL_POSTED, memory_order_release);
    ipi_send(hartid);
}
void hart_call_wait(unsigned long hartid)
{
    struct hart *t = &harts[hartid];
    uint64_t deadline = read_time() + 5 * timer_timebase_hz();
    int state;
    while ((state = atomic_load_explicit(&t->call_state, memory_order_acquire)) != CALL_DONE)
        if (state == CALL_POSTED && read_time() > deadline)
            panic("hart_call: hart %lu did not take a call within 5 s", hartid);
    atomic_store_explicit(&t->call_state, CALL_FREE, memory_order_release);
}

void hart_call(unsigned long hartid, hart_fn fn, void *arg)
{
    hart_call_start(hartid, fn, arg);
    hart_call_wait(hartid);
}
