/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
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
static enum poll empty_poll(struct future *f, struct context *cx)
{
    (void)f, (void)cx;
    return POLL_READY;
}

struct batches {
    struct future base;
    struct executor *ex;
    long rounds, per, r, i;
    int spawned, joining;
    struct join_handle h[1000];
    struct join_future j;
};
static enum poll batches_poll(struct future *f, struct context *cx)
{
    struct batches *b = (struct batches *)f;
    for (; b->r < b->rounds; b->r++, b->spawned = 0, b->i = 0) {
        struct future empty = {empty_poll, NULL};
        for (; !b->spawned && b->i < b->per; b->i++)
            b->h[b->i] = executor_spawn(b->ex, &empty, sizeof empty, 0);
        if (!b->spawned)
            b->spawned = 1, b->i = 0;
        for (; b->i < b->per; b->i++) {
            if (!b->joining)
                b->j = join_future(b->h[b->i]), b->joining = 1;
            if (future_poll_into(&b->j.base, cx, NULL) == POLL_PENDING)
                return POLL_PENDING;
            b->joining = 0;
        }
    }
    return POLL_READY;
}
static double spawn_join_ns(long per)
{
    double best = 1e30;
    for (int run = 0; run < 5; run++) {
        struct host_rt rt;
        host_rt_start(&rt, 1);
        struct batches *b = calloc(1, sizeof *b);
        b->base.poll = batches_poll;
        b->ex = rt.ex, b->per = per, b->rounds = 100000 / per;
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
static _Atomic uint64_t pong_polls, pong_polled_at;
static _Atomic int pong_stop;
static struct waker pong_waker;

static enum poll pong_poll(struct future *f, struct context *cx)
{
    (void)f;
    if (atomic_load(&pong_stop)) {
        waker_drop(pong_waker);
        return POLL_READY;
    }
    if (atomic_load(&pong_polls) == 0)
        pong_waker = waker_clone(cx->waker);
    atomic_store(&pong_polled_at, now_ns());
    atomic_fetch_add(&pong_polls, 1);
    return POLL_PENDING;
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
    struct host_rt rt;
    host_rt_start_all_threads(&rt, 1);
    struct future pong = {pong_poll, NULL};
    struct join_handle h = executor_spawn(rt.ex, &pong, sizeof pong, 0);
    const struct executor_counters *c = executor_counters(rt.ex, 0);
    for (uint64_t k = 1; k <= N; k++) {
        while (atomic_load(&pong_polls) < k || atomic_load(&c->parked) < k)
            sched_yield();
        nanosleep(&(struct timespec){0, 100000}, NULL);
        uint64_t t = now_ns();
        waker_wake_by_ref(&pong_waker);
        while (atomic_load(&pong_polls) < k + 1)
            ;
        lat[k - 1] = (double)(atomic_load(&pong_polled_at) - t);
    }
    atomic_store(&pong_stop, 1);
    waker_wake_by_ref(&pong_waker);
    join_drop(&h);
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
struct yielder {
    struct future base;
    long left;
    struct yield_future y;
};

static enum poll yielder_poll(struct future *f, struct context *cx)
{
    struct yielder *y = (struct yielder *)f;
    while (y->left > 0) {
        if (future_poll(&y->y.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        y->y = yield_now();
        y->left--;
    }
    return POLL_READY;
}

static double same_thread_wake_ns(void)
{
    enum { N = 1000000 };
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct yielder y = {{yielder_poll, NULL}, N, yield_now()};
    uint64_t t = now_ns();
    executor_block_on(rt.ex, 0, &y.base, NULL);
    double ns = (double)(now_ns() - t) / N;
    host_rt_stop(&rt);
    return ns;
}
static _Atomic long tiny_done;

static enum poll tiny_poll(struct future *f, struct context *cx)
{
    (void)f, (void)cx;
    atomic_fetch_add_explicit(&tiny_done, 1, memory_order_relaxed);
    return POLL_READY;
}

struct million {
    struct future base;
    struct executor *ex;
    long spawned, total;
    struct yield_future y;
    int yielding;
};
static enum poll million_poll(struct future *f, struct context *cx)
{
    struct million *m = (struct million *)f;
    for (;;) {
        if (m->yielding) {
            if (future_poll(&m->y.base, cx) == POLL_PENDING)
                return POLL_PENDING;
            m->yielding = 0;
        }
        if (m->spawned == m->total && atomic_load(&tiny_done) == m->total)
            return POLL_READY;
        for (long i = 0; i < 1000 && m->spawned < m->total; i++, m->spawned++) {
            struct future t = {tiny_poll, NULL};
            struct join_handle h = executor_spawn(m->ex, &t, sizeof t, 0);
            join_drop(&h);
        }
        m->y = yield_now();
        m->yielding = 1;
    }
}
static double million_ms(unsigned threads)
{
    double best = 1e30;
    for (int run = 0; run < 3; run++) {
        struct host_rt rt;
        host_rt_start(&rt, threads);
        struct million m = {.base = {million_poll, NULL}, .ex = rt.ex, .total = 1000000};
        atomic_store(&tiny_done, 0);
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
