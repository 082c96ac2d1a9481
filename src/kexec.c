/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "kexec.h"
#include "console.h"
#include "hart.h"
#include "ipi.h"
#include "kalloc.h"
#include "kprintf.h"
#include "panic.h"
#include "riscv.h"
#include "smp.h"
#include "timer.h"


#include <stdatomic.h>
#include <stdint.h>

static unsigned worker_of_hart[HART_MAX];
static unsigned long hart_of_worker[HART_MAX];
static _Atomic int tokens[HART_MAX];
static struct executor *_Atomic running;
static _Atomic int harts_in_loop;

static void *k_alloc(void *ctx, size_t n) { (void)ctx; return kmalloc(n); }
static void k_free(void *ctx, void *p) { (void)ctx; kfree(p); }

static unsigned k_this_worker(void *ctx)
{
    (void)ctx;
    return worker_of_hart[this_hart()->hartid];
}

static uint64_t k_now(void *ctx)
{
    (void)ctx;
    uint64_t t = read_time(), hz = timer_timebase_hz();
    return t / hz * 1000000000u + t % hz * 1000000000u / hz;
}
static void k_park(void *ctx, unsigned w, uint64_t deadline)
{
    (void)ctx, (void)deadline;
    interrupts_off();
    if (!atomic_exchange_explicit(&tokens[w], 0, memory_order_acquire))
        wait_for_interrupt();
    interrupts_on();
}

static void k_unpark(void *ctx, unsigned w)
{
    (void)ctx;
    atomic_store_explicit(&tokens[w], 1, memory_order_release);
    ipi_send(hart_of_worker[w]);
}
static void kexec_idle(void)
{
    atomic_fetch_add(&harts_in_loop, 1);
    struct executor *ex = atomic_load(&running);
    if (ex != NULL)
        executor_run_worker(ex, worker_of_hart[this_hart()->hartid]);
    atomic_fetch_sub(&harts_in_loop, 1);
    if (ex == NULL)
        wait_for_interrupt();
}
struct executor *kexec_start(void)
{
    unsigned n = 0;
    for (unsigned long id = 0; id < HART_MAX; id++) {
        worker_of_hart[id] = hart_is_running(id) ? n : EXECUTOR_NO_WORKER;
        if (hart_is_running(id))
            hart_of_worker[n++] = id;
    }
    struct executor_platform p = {NULL, k_alloc, k_free, k_this_worker,
                                  k_park, k_unpark, k_now};
    struct executor *ex = executor_create(&p, n);
    if (ex == NULL)
        panic("kexec: no memory for an executor of %u workers", n);
    atomic_store(&running, ex);
    smp_set_idle_work(kexec_idle);
    for (unsigned w = 0; w < n; w++)
        if (hart_of_worker[w] != this_hart()->hartid)
            ipi_send(hart_of_worker[w]);
    return ex;
}
int kexec_block_on(struct executor *ex, struct future *f, void *output)
{
    return executor_block_on(ex, worker_of_hart[this_hart()->hartid], f, output);
}

void kexec_halt(struct executor *ex)
{
    atomic_store(&running, NULL);
    executor_shutdown(ex);
    while (atomic_load(&harts_in_loop) != 0)
        ;
}

void kexec_stop(struct executor *ex)
{
    kexec_halt(ex);
    executor_destroy(ex);
}
static void print_counters(const char *who, const struct executor_counters *c)
{
    kprintf("executor: %s spawned %lu polled %lu completed %lu woken %lu stolen %lu "
            "parked %lu\n", who, (unsigned long)c->spawned, (unsigned long)c->polled,
            (unsigned long)c->completed, (unsigned long)c->woken,
            (unsigned long)c->stolen, (unsigned long)c->parked);
}

void kexec_print_counters(const struct executor *ex)
{
    char who[32];
    for (unsigned w = 0; w < executor_workers(ex); w++) {
        ksnprintf(who, sizeof who, "worker %u (hart %lu):", w, hart_of_worker[w]);
        print_counters(who, executor_counters(ex, w));
    }
    print_counters("outside:", executor_counters(ex, executor_workers(ex)));
}
