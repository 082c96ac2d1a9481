/* Generated from chapters/10-executor.nw, chapters/11-time.nw, chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "executor.h"
#include "hart.h"
#include "kalloc.h"
#include "kexec.h"
#include "ktest.h"
#include "sleep.h"
#include "channel.h"

#include <stdatomic.h>
#include <stdint.h>

static _Atomic long kcounted;

struct kcounter {
    struct future base;
    struct yield_future yield;
    int yields_left;
    long id;
};

static enum poll kcounter_poll(struct future *f, struct context *cx)
{
    struct kcounter *c = (struct kcounter *)f;
    for (volatile int i = 0; i < 2000; i++)
        ;
    while (c->yields_left > 0) {
        if (future_poll(&c->yield.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        c->yield = yield_now();
        c->yields_left--;
    }
    atomic_fetch_add(&kcounted, 1);
    *(long *)cx->output = c->id;
    return POLL_READY;
}
struct kspawner {
    struct future base;
    struct executor *ex;
    long n, next;
    struct join_handle *handles;
    struct join_future join;
    int joining;
    long sum;
};

static enum poll kspawner_poll(struct future *f, struct context *cx)
{
    struct kspawner *s = (struct kspawner *)f;
    if (s->handles == NULL) {
        s->handles = kmalloc((size_t)s->n * sizeof *s->handles);
        for (long i = 0; i < s->n; i++) {
            struct kcounter c = {{kcounter_poll, NULL}, yield_now(), (int)(i % 4), i};
            s->handles[i] = executor_spawn(s->ex, &c.base, sizeof c, sizeof(long));
        }
    }
    for (; s->next < s->n; s->next++) {
        long out = 0;
        if (!s->joining)
            s->join = join_future(s->handles[s->next]), s->joining = 1;
        if (future_poll_into(&s->join.base, cx, &out) == POLL_PENDING)
            return POLL_PENDING;
        s->joining = 0;
        s->sum += out;
    }
    kfree(s->handles);
    *(long *)cx->output = s->sum;
    return POLL_READY;
}
KTEST(ch10_tasks_on_every_hart)
{
    enum { N = 4000 };
    struct executor *ex = kexec_start();
    struct kspawner s = {.base = {kspawner_poll, NULL}, .ex = ex, .n = N};
    long sum = 0;
    atomic_store(&kcounted, 0);
    KT_ASSERT_EQ(kexec_block_on(ex, &s.base, &sum), 0);
    kexec_halt(ex);
    kexec_print_counters(ex);
    long live = executor_live_tasks(ex);
    unsigned idle = 0, workers = executor_workers(ex);
    for (unsigned w = 0; w < workers; w++)
        idle += executor_counters(ex, w)->polled == 0;
    kexec_stop(ex);
    KT_ASSERT_EQ(sum, (long)N * (N - 1) / 2);
    KT_ASSERT_EQ(atomic_load(&kcounted), N);
    KT_ASSERT_EQ(live, 0);
    KT_ASSERT_EQ(idle, 0);
}
struct ksleeper {
    struct future base;
    struct sleep sleep;
};

static enum poll ksleeper_poll(struct future *f, struct context *cx)
{
    struct ksleeper *s = (struct ksleeper *)f;
    if (future_poll(&s->sleep.base, cx) == POLL_PENDING)
        return POLL_PENDING;
    *(long *)cx->output = (long)(timers_now(s->sleep.timers) - s->sleep.deadline_ns);
    return POLL_READY;
}

struct ksleepers {
    struct future base;
    struct executor *ex;
    struct join_handle h[200];
    struct join_future j;
    int started, next, joining;
    long earliest, latest;
};
static enum poll ksleepers_poll(struct future *f, struct context *cx)
{
    struct ksleepers *s = (struct ksleepers *)f;
    struct timers *t = executor_timers(s->ex);
    for (; !s->started && s->next < 200; s->next++) {
        uint64_t ms = (uint64_t)(s->next * 37 % 50 + 1);
        struct ksleeper z = {{ksleeper_poll, NULL}, sleep_for(t, ms * 1000000)};
        s->h[s->next] = executor_spawn(s->ex, &z.base, sizeof z, sizeof(long));
    }
    if (!s->started)
        s->started = 1, s->next = 0, s->earliest = 1L << 40, s->latest = 0;
    for (; s->next < 200; s->next++) {
        long late = 0;
        if (!s->joining)
            s->j = join_future(s->h[s->next]), s->joining = 1;
        if (future_poll_into(&s->j.base, cx, &late) == POLL_PENDING)
            return POLL_PENDING;
        s->joining = 0;
        s->earliest = late < s->earliest ? late : s->earliest;
        s->latest = late > s->latest ? late : s->latest;
    }
    return POLL_READY;
}
KTEST(ch11_sleepers_on_every_hart)
{
    struct executor *ex = kexec_start();
    struct ksleepers *s = kmalloc(sizeof *s);
    KT_ASSERT(s != NULL);
    *s = (struct ksleepers){.base = {ksleepers_poll, NULL}, .ex = ex};
    KT_ASSERT_EQ(kexec_block_on(ex, &s->base, NULL), 0);
    kexec_halt(ex);
    long earliest = s->earliest, latest = s->latest;
    size_t pending = timers_pending(executor_timers(ex));
    long live = executor_live_tasks(ex);
    kfree(s);
    kexec_stop(ex);
    kprintf("ch11: 200 sleepers, woke at most %ld us late\n", latest / 1000);
    KT_ASSERT(earliest >= 0);
    KT_ASSERT_EQ(pending, 0);
    KT_ASSERT_EQ(live, 0);
}
enum { PAIRS = 5000 };

static struct channel kch;
static long kch_buf[64];

struct signaller {
    struct future base;
    long id;
    int state;
    struct executor *ex;
    union {
        struct sleep sleep;
        struct channel_send send;
        struct channel_recv recv;
    } u;
};
static enum poll signaller_poll(struct future *f, struct context *cx)
{
    struct signaller *s = (struct signaller *)f;
    long got = 0;
    if (s->id >= PAIRS) {
        if (s->state == 0)
            s->u.recv = channel_recv(&kch), s->state = 1;
        if (future_poll_into(&s->u.recv.base, cx, &got) == POLL_PENDING)
            return POLL_PENDING;
        *(long *)cx->output = got;
        return POLL_READY;
    }
    if (s->state == 0) {
        uint64_t ms = (uint64_t)(s->id % 20 + 1);
        s->u.sleep = sleep_for(executor_timers(s->ex), ms * 1000000), s->state = 1;
    }
    if (s->state == 1) {
        if (future_poll(&s->u.sleep.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        s->u.send = channel_send(&kch, &s->id), s->state = 2;
    }
    if (future_poll_into(&s->u.send.base, cx, NULL) == POLL_PENDING)
        return POLL_PENDING;
    *(long *)cx->output = 0;
    return POLL_READY;
}
struct signal_root {
    struct future base;
    struct executor *ex;
    struct join_handle *h;
    struct join_future j;
    long next, sum;
    int started, joining;
};

static enum poll signal_root_poll(struct future *f, struct context *cx)
{
    struct signal_root *r = (struct signal_root *)f;
    for (; !r->started && r->next < 2 * PAIRS; r->next++) {
        long id = r->next % 2 == 0 ? r->next / 2 : PAIRS + r->next / 2;
        struct signaller s = {.base = {signaller_poll, NULL}, .id = id, .ex = r->ex};
        r->h[r->next] = executor_spawn(r->ex, &s.base, sizeof s, sizeof(long));
    }
    if (!r->started)
        r->started = 1, r->next = 0;
    for (; r->next < 2 * PAIRS; r->next++) {
        long out = 0;
        if (!r->joining)
            r->j = join_future(r->h[r->next]), r->joining = 1;
        if (future_poll_into(&r->j.base, cx, &out) == POLL_PENDING)
            return POLL_PENDING;
        r->joining = 0;
        r->sum += out;
    }
    return POLL_READY;
}
KTEST(ch12_ten_thousand_tasks)
{
    channel_init(&kch, kch_buf, sizeof(long), 64);
    struct executor *ex = kexec_start();
    struct signal_root r = {.base = {signal_root_poll, NULL}, .ex = ex,
                            .h = kmalloc(2 * PAIRS * sizeof(struct join_handle))};
    KT_ASSERT(r.h != NULL);
    KT_ASSERT_EQ(kexec_block_on(ex, &r.base, NULL), 0);
    kexec_halt(ex);
    kexec_print_counters(ex);
    unsigned idle = 0;
    for (unsigned w = 0; w < executor_workers(ex); w++)
        idle += executor_counters(ex, w)->polled == 0;
    long live = executor_live_tasks(ex);
    size_t timers = timers_pending(executor_timers(ex));
    kfree(r.h);
    kexec_stop(ex);
    kprintf("ch12: %d tasks joined, sum %ld, %ld live, %u idle harts\n", 2 * PAIRS, r.sum,
            live, idle);
    KT_ASSERT_EQ(r.sum, (long)PAIRS * (PAIRS - 1) / 2);
    KT_ASSERT_EQ(live, 0);
    KT_ASSERT_EQ(timers, 0);
    KT_ASSERT_EQ(idle, 0);
    KT_ASSERT_EQ(channel_count(&kch), 0);
}
