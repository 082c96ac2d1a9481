/* Generated from chapters/09-join.nw, chapters/10-executor.nw, chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "test_futures.h"

#include <limits.h>
#include <stdatomic.h>

static enum poll countdown_poll(struct future *f, struct context *cx)
{
    struct countdown *c = (struct countdown *)f;
    if (c->remaining-- > 0) {
        waker_wake_by_ref(cx->waker);
        return POLL_PENDING;
    }
    *(int *)cx->output = c->result;
    return POLL_READY;
}

struct countdown countdown(int n, int result)
{
    return (struct countdown){{countdown_poll, NULL}, n, result};
}
static enum poll spawner_poll(struct future *f, struct context *cx)
{
    struct spawner *s = (struct spawner *)f;
    for (; !s->spawned && s->next < s->n; s->next++)
        s->handles[s->next] = s->spawn(s->ex, s->next, s->arg);
    if (!s->spawned)
        s->spawned = 1, s->next = 0;
    for (; s->next < s->n; s->next++) {
        long out = 0;
        if (!s->joining)
            s->join = join_future(s->handles[s->next]), s->joining = 1;
        if (future_poll_into(&s->join.base, cx, &out) == POLL_PENDING)
            return POLL_PENDING;
        s->joining = 0;
        s->sum += out;
        s->least = out < s->least ? out : s->least;
        s->most = out > s->most ? out : s->most;
    }
    if (cx->output != NULL)
        *(long *)cx->output = s->sum;
    return POLL_READY;
}
struct spawner spawner(struct executor *ex, struct join_handle *handles, long n,
                       struct join_handle (*spawn)(struct executor *, long, long), long arg)
{
    return (struct spawner){.base = {spawner_poll, NULL}, .ex = ex, .handles = handles,
                            .n = n, .arg = arg, .spawn = spawn,
                            .least = LONG_MAX, .most = LONG_MIN};
}
_Atomic long counters_done;
int counter_spin;

static enum poll counter_poll(struct future *f, struct context *cx)
{
    struct counter *c = (struct counter *)f;
    for (volatile int i = 0; i < counter_spin; i++)
        ;
    while (c->yields_left > 0) {
        if (future_poll(&c->yield.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        c->yield = yield_now();
        c->yields_left--;
    }
    atomic_fetch_add(&counters_done, 1);
    *(long *)cx->output = c->id;
    return POLL_READY;
}

struct counter counter(long id, int yields)
{
    return (struct counter){{counter_poll, NULL}, yield_now(), yields, id};
}

struct join_handle spawn_counter(struct executor *ex, long i, long yields)
{
    struct counter c = counter(i, (int)(i % (yields + 1)));
    return executor_spawn(ex, &c.base, sizeof c, sizeof(long));
}
static enum poll canceller_poll(struct future *f, struct context *cx)
{
    struct canceller *c = (struct canceller *)f;
    if (c->state == 0) {
        c->join = join_future(executor_spawn(c->ex, c->victim, c->victim_size, 0));
        c->state = 1;
    }
    if (c->state == 1) {
        if (future_poll(c->pause, cx) == POLL_PENDING)
            return POLL_PENDING;
        if (c->before_cancel != NULL)
            c->before_cancel(c, cx);
        join_cancel(&c->join.handle);
        c->state = 2;
    }
    return future_poll_into(&c->join.base, cx, NULL);
}

struct canceller canceller(struct executor *ex, const struct future *victim,
                           size_t victim_size, struct future *pause)
{
    return (struct canceller){.base = {canceller_poll, NULL}, .ex = ex, .victim = victim,
                              .victim_size = victim_size, .pause = pause};
}
_Atomic int forever_dropped;

static enum poll forever_poll(struct future *f, struct context *cx)
{
    (void)f, (void)cx;
    return POLL_PENDING;
}

static void forever_drop(struct future *f)
{
    (void)f;
    atomic_fetch_add(&forever_dropped, 1);
}

const struct future forever = {forever_poll, forever_drop};
struct sleeper {
    struct future base;
    struct sleep sleep;
};

static enum poll sleeper_poll(struct future *f, struct context *cx)
{
    struct sleeper *s = (struct sleeper *)f;
    if (future_poll(&s->sleep.base, cx) == POLL_PENDING)
        return POLL_PENDING;
    *(long *)cx->output = (long)(timers_now(s->sleep.timers) - s->sleep.deadline_ns);
    return POLL_READY;
}

struct join_handle spawn_sleeper(struct executor *ex, long i, long period_ms)
{
    uint64_t ms = (uint64_t)(i * 37 % period_ms + 1);
    struct sleeper z = {{sleeper_poll, NULL}, sleep_for(executor_timers(ex), ms * 1000000)};
    return executor_spawn(ex, &z.base, sizeof z, sizeof(long));
}
