/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
#include "bench_futures.h"
#include "executor.h"
#include "host_executor.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t now_ns(void) { return host_now(NULL); }

static void row(const char *name, double value, const char *unit, const char *baseline)
{
    printf("%-44s %10.1f %-3s   %s\n", name, value, unit, baseline);
}
static _Atomic long tiny_counter;
static void nothing(void) { __asm__ volatile(""); }
static void *nothing_thread(void *arg) { return arg; }

static double plain_call_ns(void)
{
    void (*volatile fn)(void) = nothing;
    enum { N = 10000000 };
    uint64_t t = now_ns();
    for (int i = 0; i < N; i++)
        fn();
    return (double)(now_ns() - t) / N;
}

static double pthread_ns(void)
{
    enum { N = 2000 };
    uint64_t t = now_ns();
    for (int i = 0; i < N; i++) {
        pthread_t th;
        pthread_create(&th, NULL, nothing_thread, NULL);
        pthread_join(th, NULL);
    }
    return (double)(now_ns() - t) / N;
}
static void add_one(void) { atomic_fetch_add_explicit(&tiny_counter, 1, memory_order_relaxed); }

static double million_calls_ms(void)
{
    void (*volatile fn)(void) = add_one;
    uint64_t t = now_ns();
    for (int i = 0; i < 1000000; i++)
        fn();
    return (double)(now_ns() - t) / 1e6;
}

static double million_mallocs_ms(void)
{
    void *volatile p;
    uint64_t t = now_ns();
    for (int i = 0; i < 1000000; i++) {
        p = malloc(128);
        free(p);
    }
    (void)p;
    return (double)(now_ns() - t) / 1e6;
}
static double spawn_join_ns(long per)
{
    double best = 1e30;
    for (int run = 0; run < 5; run++) {
        struct host_rt rt;
        host_rt_start(&rt, 1);
        struct batches *b = malloc(sizeof *b);
        batches_init(b, rt.ex, 100000 / per, per);
        uint64_t t = now_ns();
        executor_block_on(rt.ex, 0, &b->base, NULL);
        double ns = (double)(now_ns() - t) / (double)(b->rounds * per);
        best = ns < best ? ns : best;
        if (executor_live_tasks(rt.ex) != 0)
            printf("bench: %ld tasks leaked\n", executor_live_tasks(rt.ex));
        host_rt_stop(&rt);
        free(b);
    }
    return best;
}
static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double wake_to_poll_ns(void)
{
    enum { N = 2000 };
    static double lat[N];
    static struct pong_line line = {.now = now_ns};
    struct host_rt rt;
    host_rt_start_all_threads(&rt, 1);
    struct pong p = pong(&line);
    struct join_handle h = executor_spawn(rt.ex, &p.base, sizeof p, 0);
    const struct executor_counters *c = executor_counters(rt.ex, 0);
    for (uint64_t k = 1; k <= N; k++) {
        while (atomic_load(&line.polls) < k || atomic_load(&c->parked) < k)
            sched_yield();
        nanosleep(&(struct timespec){0, 100000}, NULL);
        uint64_t t = now_ns();
        waker_wake_by_ref(&line.waker);
        while (atomic_load(&line.polls) < k + 1)
            ;
        lat[k - 1] = (double)(atomic_load(&line.polled_at) - t);
    }
    pong_stop(&line, &h);
    while (executor_live_tasks(rt.ex) != 0)
        sched_yield();
    host_rt_stop(&rt);
    qsort(lat, N, sizeof lat[0], by_value);
    return lat[N / 2];
}
static struct host_rt bare;
static _Atomic uint64_t bare_wakes, bare_woke_at;

static void *bare_sleeper(void *arg)
{
    (void)arg;
    for (;;) {
        host_park(&bare, 0, EXECUTOR_NEVER);
        atomic_store(&bare_woke_at, now_ns());
        if (atomic_fetch_add(&bare_wakes, 1) + 1 > 2000)
            return NULL;
    }
}

static double bare_wake_ns(void)
{
    enum { N = 2000 };
    static double lat[N];
    pthread_t th;
    host_rt_setup(&bare, 1);
    pthread_create(&th, NULL, bare_sleeper, NULL);
    for (uint64_t k = 0; k <= N; k++) {
        nanosleep(&(struct timespec){0, 100000}, NULL);
        uint64_t t = now_ns();
        host_unpark(&bare, 0);
        while (atomic_load(&bare_wakes) < k + 1)
            ;
        if (k < N)
            lat[k] = (double)(atomic_load(&bare_woke_at) - t);
    }
    pthread_join(th, NULL);
    executor_destroy(bare.ex);
    qsort(lat, N, sizeof lat[0], by_value);
    return lat[N / 2];
}
static double same_thread_wake_ns(void)
{
    enum { N = 1000000 };
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct yielder y = yielder(N);
    uint64_t t = now_ns();
    executor_block_on(rt.ex, 0, &y.base, NULL);
    double ns = (double)(now_ns() - t) / N;
    host_rt_stop(&rt);
    return ns;
}
static double million_ms(unsigned threads)
{
    double best = 1e30;
    for (int run = 0; run < 3; run++) {
        struct host_rt rt;
        host_rt_start(&rt, threads);
        struct tiny_root m;
        tiny_root_init(&m, rt.ex, 1000000);
        uint64_t t = now_ns();
        executor_block_on(rt.ex, 0, &m.base, NULL);
        double ms = (double)(now_ns() - t) / 1e6;
        best = ms < best ? ms : best;
        host_rt_stop(&rt);
    }
    return best;
}

int main(void)
{
    printf("%-44s %14s   %s\n", "benchmark", "executor", "baseline (same run)");
    char base[160];
    double call = plain_call_ns(), thread = pthread_ns();
    snprintf(base, sizeof base, "plain call %.1f ns, pthread_create+join %.0f ns", call, thread);
    row("spawn+poll+join, empty task, 1 thread", spawn_join_ns(1000), "ns", base);
    row("spawn, then await its join, one at a time", spawn_join_ns(1), "ns", base);
    snprintf(base, sizeof base, "bare parker: wake a sleeping thread %.0f ns", bare_wake_ns());
    row("wake-to-poll, parked worker on another thread", wake_to_poll_ns(), "ns", base);
    snprintf(base, sizeof base, "plain call %.1f ns", call);
    row("wake-to-poll, same thread (yield)", same_thread_wake_ns(), "ns", base);
    snprintf(base, sizeof base, "1M plain calls %.1f ms, 1M malloc+free %.1f ms",
             million_calls_ms(), million_mallocs_ms());
    for (unsigned n = 1; n <= 4; n *= 2) {
        char name[64];
        snprintf(name, sizeof name, "1,000,000 tiny tasks, %u thread%s", n, n > 1 ? "s" : "");
        row(name, million_ms(n), "ms", base);
    }
    return 0;
}
