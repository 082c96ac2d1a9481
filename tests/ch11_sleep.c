/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
#include "executor.h"
#include "host_executor.h"
#include "sleep.h"
#include "test_futures.h"

#include <criterion/criterion.h>
#include <stdatomic.h>

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
Test(ch11_sleep, fifty_sleepers_on_two_workers_never_wake_early, .timeout = 30)
{
    struct host_rt rt;
    host_rt_start(&rt, 2);
    struct join_handle h[50];
    struct spawner s = spawner(rt.ex, h, 50, spawn_sleeper, 60);
    cr_assert_eq(executor_block_on(rt.ex, 0, &s.base, NULL), 0);
    long earliest = s.least;
    cr_assert_geq(earliest, 0, "a sleeper woke %ld ns early", -earliest);
    host_rt_halt(&rt);
    cr_assert_eq(timers_pending(executor_timers(rt.ex)), 0);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
Test(ch11_sleep, a_timeout_gives_up_and_drops_the_inner_future)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct future never = forever;
    struct timeout to = timeout_after(executor_timers(rt.ex), &never, 10 * MS);
    cr_assert_eq(executor_block_on(rt.ex, 0, &to.base, NULL), 0);
    cr_assert(to.timed_out);
    cr_assert_eq(atomic_load(&forever_dropped), 1);
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
static size_t pending_before;

static void note_pending(struct canceller *c, struct context *cx)
{
    (void)cx;
    pending_before = timers_pending(executor_timers(c->ex));
}
Test(ch11_sleep, cancelling_a_sleeping_task_takes_its_timer_out)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct timers *t = executor_timers(rt.ex);
    struct sleep long_sleep = sleep_for(t, 10000 * MS), pause = sleep_for(t, 5 * MS);
    struct canceller c = canceller(rt.ex, &long_sleep.base, sizeof long_sleep, &pause.base);
    c.before_cancel = note_pending;
    cr_assert_eq(executor_block_on(rt.ex, 0, &c.base, NULL), 0);
    cr_assert_eq(pending_before, 1);
    cr_assert(c.join.cancelled);
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
