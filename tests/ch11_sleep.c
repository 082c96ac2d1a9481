/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
#include "executor.h"
#include "host_executor.h"
#include "sleep.h"

#include <criterion/criterion.h>

#define MS 1000000ull

Test(ch11_sleep, a_sleep_lasts_at_least_its_duration)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct timers *t = executor_timers(rt.ex);
    uint64_t start = timers_now(t);
    struct sleep s = sleep_for(t, 20 * MS);
    cr_assert_eq(executor_block_on(rt.ex, 0, &s.base, NULL), 0);
    uint64_t took = timers_now(t) - start;
    cr_assert_geq(took, 20 * MS);
    cr_assert_lt(took, 2000 * MS);
    cr_assert_eq(timers_pending(t), 0);
    host_rt_stop(&rt);
}
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

struct sleepers {
    struct future base;
    struct executor *ex;
    struct join_handle h[50];
    struct join_future j;
    int started, next, joining;
    long earliest;
};
static enum poll sleepers_poll(struct future *f, struct context *cx)
{
    struct sleepers *s = (struct sleepers *)f;
    struct timers *t = executor_timers(s->ex);
    for (; !s->started && s->next < 50; s->next++) {
        struct sleeper z = {{sleeper_poll, NULL}, sleep_for(t, (uint64_t)(s->next * 37 % 60 + 1) * MS)};
        s->h[s->next] = executor_spawn(s->ex, &z.base, sizeof z, sizeof(long));
    }
    if (!s->started)
        s->started = 1, s->next = 0, s->earliest = 1L << 40;
    for (; s->next < 50; s->next++) {
        long late = 0;
        if (!s->joining)
            s->j = join_future(s->h[s->next]), s->joining = 1;
        if (future_poll_into(&s->j.base, cx, &late) == POLL_PENDING)
            return POLL_PENDING;
        s->joining = 0;
        s->earliest = late < s->earliest ? late : s->earliest;
    }
    *(long *)cx->output = s->earliest;
    return POLL_READY;
}
Test(ch11_sleep, fifty_sleepers_on_two_workers_never_wake_early, .timeout = 30)
{
    struct host_rt rt;
    host_rt_start(&rt, 2);
    struct sleepers s = {.base = {sleepers_poll, NULL}, .ex = rt.ex};
    long earliest = -1;
    cr_assert_eq(executor_block_on(rt.ex, 0, &s.base, &earliest), 0);
    cr_assert_geq(earliest, 0, "a sleeper woke %ld ns early", -earliest);
    host_rt_halt(&rt);
    cr_assert_eq(timers_pending(executor_timers(rt.ex)), 0);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
static int never_dropped;

static enum poll never_poll(struct future *f, struct context *cx)
{
    (void)f, (void)cx;
    return POLL_PENDING;
}

static void never_drop(struct future *f)
{
    (void)f;
    never_dropped++;
}
Test(ch11_sleep, a_timeout_gives_up_and_drops_the_inner_future)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct future never = {never_poll, never_drop};
    struct timeout to = timeout_after(executor_timers(rt.ex), &never, 10 * MS);
    cr_assert_eq(executor_block_on(rt.ex, 0, &to.base, NULL), 0);
    cr_assert(to.timed_out);
    cr_assert_eq(never_dropped, 1);
    cr_assert_eq(timers_pending(executor_timers(rt.ex)), 0);
    host_rt_stop(&rt);
}

Test(ch11_sleep, a_quick_future_beats_its_timeout)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct timers *t = executor_timers(rt.ex);
    struct sleep quick = sleep_for(t, 5 * MS);
    struct timeout to = timeout_after(t, &quick.base, 1000 * MS);
    cr_assert_eq(executor_block_on(rt.ex, 0, &to.base, NULL), 0);
    cr_assert_not(to.timed_out);
    cr_assert_eq(timers_pending(t), 0);
    host_rt_stop(&rt);
}
struct cancel_sleeper {
    struct future base;
    struct executor *ex;
    struct join_future j;
    struct sleep pause;
    int state;
};

static enum poll cancel_sleeper_poll(struct future *f, struct context *cx)
{
    struct cancel_sleeper *c = (struct cancel_sleeper *)f;
    struct timers *t = executor_timers(c->ex);
    if (c->state == 0) {
        struct sleep long_sleep = sleep_for(t, 10000 * MS);
        c->j = join_future(executor_spawn(c->ex, &long_sleep.base, sizeof long_sleep, 0));
        c->pause = sleep_for(t, 5 * MS);
        c->state = 1;
    }
    if (c->state == 1) {
        if (future_poll(&c->pause.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        *(size_t *)cx->output = timers_pending(t);
        join_cancel(&c->j.handle);
        c->state = 2;
    }
    return future_poll_into(&c->j.base, cx, NULL);
}
Test(ch11_sleep, cancelling_a_sleeping_task_takes_its_timer_out)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct cancel_sleeper c = {.base = {cancel_sleeper_poll, NULL}, .ex = rt.ex};
    size_t pending_before = 0;
    cr_assert_eq(executor_block_on(rt.ex, 0, &c.base, &pending_before), 0);
    cr_assert_eq(pending_before, 1);
    cr_assert(c.j.cancelled);
    host_rt_halt(&rt);
    cr_assert_eq(timers_pending(executor_timers(rt.ex)), 0);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
enum { RACERS = 1000, RACE_ROUNDS = 20 };

struct clock_watch {
    struct future base;
    struct timers *t;
    uint64_t at;
};

struct racer {
    struct future base;
    struct clock_watch watch;
    struct timeout to;
    int started;
};
static enum poll clock_watch_poll(struct future *f, struct context *cx)
{
    struct clock_watch *w = (struct clock_watch *)f;
    if (timers_now(w->t) >= w->at)
        return POLL_READY;
    waker_wake_by_ref(cx->waker);
    return POLL_PENDING;
}

static enum poll racer_poll(struct future *f, struct context *cx)
{
    struct racer *r = (struct racer *)f;
    if (!r->started) {
        uint64_t now = timers_now(r->watch.t);
        r->to = timeout_after(r->watch.t, &r->watch.base,
                              r->watch.at > now ? r->watch.at - now : 0);
        r->started = 1;
    }
    return future_poll(&r->to.base, cx);
}
struct racers {
    struct future base;
    struct executor *ex;
    struct join_handle h[RACERS];
    struct join_future j;
    int spawned, next, joining;
};

static enum poll racers_poll(struct future *f, struct context *cx)
{
    struct racers *r = (struct racers *)f;
    struct timers *t = executor_timers(r->ex);
    if (!r->spawned) {
        uint64_t at = (timers_now(t) / MS + 3) * MS;
        for (int i = 0; i < RACERS; i++) {
            struct racer z = {.base = {racer_poll, NULL},
                              .watch = {{clock_watch_poll, NULL}, t, at}};
            r->h[i] = executor_spawn(r->ex, &z.base, sizeof z, 0);
        }
        r->spawned = 1;
    }
    for (; r->next < RACERS; r->next++) {
        if (!r->joining)
            r->j = join_future(r->h[r->next]), r->joining = 1;
        if (future_poll_into(&r->j.base, cx, NULL) == POLL_PENDING)
            return POLL_PENDING;
        r->joining = 0;
    }
    return POLL_READY;
}
Test(ch11_sleep, timeouts_racing_their_sleeps_leave_nothing_behind, .timeout = 30)
{
    struct host_rt rt;
    host_rt_start(&rt, 2);
    static struct racers r;
    for (int round = 0; round < RACE_ROUNDS; round++) {
        r = (struct racers){.base = {racers_poll, NULL}, .ex = rt.ex};
        cr_assert_eq(executor_block_on(rt.ex, 0, &r.base, NULL), 0);
    }
    host_rt_halt(&rt);
    cr_assert_eq(timers_pending(executor_timers(rt.ex)), 0);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
