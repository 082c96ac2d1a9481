/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "executor.h"
#include "hart.h"
#include "kalloc.h"
#include "kexec.h"
#include "ktest.h"


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
