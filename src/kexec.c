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
#include "bench_futures.h"

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
static void nothing(void) { __asm__ volatile(""); }
static uint64_t k_read_time(void) { return read_time(); }

static uint64_t ns_since(uint64_t start, long n)
{
    uint64_t t = read_time() - start, hz = timer_timebase_hz();
    return (t / hz * 1000000000u + t % hz * 1000000000u / hz) / (uint64_t)n;
}
struct first_figures { uint64_t call, heap, tiny; };

static struct first_figures time_first_figures(struct executor *ex)
{
    enum { CALLS = 1000000, HEAPS = 10000, TINY = 100000 };
    struct first_figures f;
    void (*volatile fn)(void) = nothing;
    uint64_t t = read_time();
    for (int i = 0; i < CALLS; i++)
        fn();
    f.call = ns_since(t, CALLS);
    t = read_time();
    for (int i = 0; i < HEAPS; i++)
        kfree(kmalloc(128));
    f.heap = ns_since(t, HEAPS);
    struct tiny_root m;
    tiny_root_init(&m, ex, TINY);
    t = read_time();
    kexec_block_on(ex, &m.base, NULL);
    f.tiny = ns_since(t, TINY);
    return f;
}
void kexec_bench(void)
{
    enum { ROUNDS = 100, YIELDS = 100000 };
    struct executor *ex = kexec_start();
    struct first_figures f = time_first_figures(ex);
    struct batches *b = kmalloc(sizeof *b);
    batches_init(b, ex, ROUNDS, 100);
    uint64_t t = read_time();
    kexec_block_on(ex, &b->base, NULL);
    uint64_t task = ns_since(t, ROUNDS * 100);
    struct yielder y = yielder(YIELDS);
    t = read_time();
    kexec_block_on(ex, &y.base, NULL);
    uint64_t yield = ns_since(t, YIELDS);
    kfree(b);
    kexec_stop(ex);
    kprintf("kbench: spawn+poll+join, empty task: %lu (plain call %lu, kmalloc+kfree %lu)\n",
            (unsigned long)task, (unsigned long)f.call, (unsigned long)f.heap);
    kprintf("kbench: wake-to-poll, same hart (yield): %lu\n", (unsigned long)yield);
    kprintf("kbench: 100,000 tiny tasks, 1 hart, per task: %lu\n", (unsigned long)f.tiny);
}
static uint64_t cross_hart_wake_ns(struct executor *ex)
{
    enum { N = 501 };
    static uint64_t lat[N];
    static struct pong_line line = {.now = k_read_time};
    uint64_t hz = timer_timebase_hz();
    struct pong p = pong(&line);
    struct join_handle h = executor_spawn(ex, &p.base, sizeof p, 0);
    for (uint64_t k = 1; k <= N; k++) {
        while (atomic_load(&line.polls) < k)
            ;
        for (uint64_t t0 = read_time(); read_time() - t0 < hz / 1000;)
            ;
        uint64_t t = read_time();
        waker_wake_by_ref(&line.waker);
        while (atomic_load(&line.polls) < k + 1)
            ;
        lat[k - 1] = atomic_load(&line.polled_at) - t;
    }
    pong_stop(&line, &h);
    while (executor_live_tasks(ex) != 0)
        ;
    for (unsigned i = 1; i < N; i++)
        for (unsigned j = i; j > 0 && lat[j - 1] > lat[j]; j--) {
            uint64_t x = lat[j];
            lat[j] = lat[j - 1], lat[j - 1] = x;
        }
    return lat[N / 2] * 1000000000u / hz;
}
void kexec_bench_clock(void)
{
    struct executor *ex = kexec_start();
    unsigned n = executor_workers(ex);
    struct first_figures f = time_first_figures(ex);
    uint64_t wake = n > 1 ? cross_hart_wake_ns(ex) : 0;
    kexec_stop(ex);
    kprintf("kbench: 100,000 tiny tasks, %u hart%s, per task: %lu ns "
            "(plain call %lu ns, kmalloc+kfree %lu ns)\n", n, n > 1 ? "s" : "",
            (unsigned long)f.tiny, (unsigned long)f.call, (unsigned long)f.heap);
    if (n > 1)
        kprintf("kbench: wake-to-poll, parked worker on another hart, %u harts: "
                "%lu ns (median)\n", n, (unsigned long)wake);
}
