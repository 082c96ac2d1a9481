/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
#include "executor.h"
#include "host_executor.h"
#include "test_futures.h"

#include <criterion/criterion.h>
#include <stdatomic.h>

static struct join_handle handles[20000];

Test(ch10_executor, block_on_returns_the_output)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct counter c = counter(42, 3);
    long out = 0;
    cr_assert_eq(executor_block_on(rt.ex, 0, &c.base, &out), 0);
    cr_assert_eq(out, 42);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}

Test(ch10_executor, one_worker_spawns_polls_and_joins)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct spawner s = spawner(rt.ex, handles, 1000, spawn_counter, 3);
    long sum = 0;
    cr_assert_eq(executor_block_on(rt.ex, 0, &s.base, &sum), 0);
    cr_assert_eq(sum, 1000L * 999 / 2);
    cr_assert_eq(atomic_load(&counters_done), 1000);
    host_rt_halt(&rt);
    const struct executor_counters *k = executor_counters(rt.ex, 0);
    cr_assert_eq(atomic_load(&k->spawned), 1001);
    cr_assert_eq(atomic_load(&k->completed), 1001);
    cr_assert_eq(atomic_load(&k->stolen), 0);
    cr_assert_gt(atomic_load(&k->polled), 1001);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
static char order[8];
static _Atomic int order_len;

struct letter {
    struct future base;
    struct yield_future yield;
    char c;
    int state;
};

static enum poll letter_poll(struct future *f, struct context *cx)
{
    struct letter *l = (struct letter *)f;
    if (l->state == 0)
        order[atomic_fetch_add(&order_len, 1)] = l->c, l->state = 1;
    if (future_poll(&l->yield.base, cx) == POLL_PENDING)
        return POLL_PENDING;
    order[atomic_fetch_add(&order_len, 1)] = (char)(l->c - 'a' + 'A');
    return POLL_READY;
}

struct two_letters {
    struct future base;
    struct executor *ex;
    struct join_future a, b;
    int state;
};
static enum poll two_letters_poll(struct future *f, struct context *cx)
{
    struct two_letters *t = (struct two_letters *)f;
    if (t->state == 0) {
        struct letter a = {{letter_poll, NULL}, yield_now(), 'a', 0};
        struct letter b = {{letter_poll, NULL}, yield_now(), 'b', 0};
        t->a = join_future(executor_spawn(t->ex, &a.base, sizeof a, 0));
        t->b = join_future(executor_spawn(t->ex, &b.base, sizeof b, 0));
        t->state = 1;
    }
    if (t->state == 1 && future_poll_into(&t->a.base, cx, NULL) == POLL_PENDING)
        return POLL_PENDING;
    t->state = 2;
    if (future_poll_into(&t->b.base, cx, NULL) == POLL_PENDING)
        return POLL_PENDING;
    return POLL_READY;
}

Test(ch10_executor, a_yield_lets_the_queued_tasks_run_first)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct two_letters t = {.base = {two_letters_poll, NULL}, .ex = rt.ex};
    cr_assert_eq(executor_block_on(rt.ex, 0, &t.base, NULL), 0);
    cr_assert_str_eq(order, "abAB");
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
Test(ch10_executor, four_workers_share_the_work, .timeout = 60)
{
    struct host_rt rt;
    host_rt_start(&rt, 4);
    struct spawner s = spawner(rt.ex, handles, 20000, spawn_counter, 4);
    long sum = 0;
    counter_spin = 2000;
    cr_assert_eq(executor_block_on(rt.ex, 0, &s.base, &sum), 0);
    cr_assert_eq(sum, 20000L * 19999 / 2);
    host_rt_halt(&rt);
    uint64_t stolen = 0, completed = 0;
    for (unsigned w = 0; w < 4; w++) {
        const struct executor_counters *k = executor_counters(rt.ex, w);
        cr_assert_gt(atomic_load(&k->polled), 0, "worker %u polled nothing", w);
        stolen += atomic_load(&k->stolen);
        completed += atomic_load(&k->completed);
    }
    cr_assert_gt(stolen, 0);
    cr_assert_eq(completed, 20001);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
struct gate {
    struct future base;
    pthread_mutex_t lock;
    int open, has_waker;
    struct waker waker;
};

static enum poll gate_poll(struct future *f, struct context *cx)
{
    struct gate *g = (struct gate *)f;
    pthread_mutex_lock(&g->lock);
    int open = g->open;
    if (!open && !g->has_waker)
        g->waker = waker_clone(cx->waker), g->has_waker = 1;
    pthread_mutex_unlock(&g->lock);
    return open ? POLL_READY : POLL_PENDING;
}

static void *open_gate_later(void *arg)
{
    struct gate *g = arg;
    for (int waiting = 1; waiting;) {
        nanosleep(&(struct timespec){0, 1000000}, NULL);
        pthread_mutex_lock(&g->lock);
        waiting = !g->has_waker;
        pthread_mutex_unlock(&g->lock);
    }
    nanosleep(&(struct timespec){0, 20000000}, NULL);
    pthread_mutex_lock(&g->lock);
    g->open = 1;
    int had = g->has_waker;
    g->has_waker = 0;
    pthread_mutex_unlock(&g->lock);
    if (had)
        waker_wake(g->waker);
    return NULL;
}
Test(ch10_executor, a_wake_from_outside_reaches_a_parked_worker, .timeout = 30)
{
    struct host_rt rt;
    host_rt_start(&rt, 2);
    struct gate g = {{gate_poll, NULL}, PTHREAD_MUTEX_INITIALIZER, 0, 0, {0}};
    pthread_t opener;
    pthread_create(&opener, NULL, open_gate_later, &g);
    cr_assert_eq(executor_block_on(rt.ex, 0, &g.base, NULL), 0);
    pthread_join(opener, NULL);
    host_rt_halt(&rt);
    const struct executor_counters *out = executor_counters(rt.ex, 2);
    cr_assert_eq(atomic_load(&out->woken), 1);
    cr_assert_gt(atomic_load(&executor_counters(rt.ex, 0)->parked) +
                 atomic_load(&executor_counters(rt.ex, 1)->parked), 0);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
Test(ch10_executor, a_cancelled_task_is_dropped_and_its_join_learns)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    struct yield_future pause = yield_now();
    struct canceller c = canceller(rt.ex, &forever, sizeof forever, &pause.base);
    cr_assert_eq(executor_block_on(rt.ex, 0, &c.base, NULL), 0);
    cr_assert(c.join.cancelled);
    cr_assert_eq(atomic_load(&forever_dropped), 1);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
Test(ch10_executor, destroying_drops_the_tasks_still_queued)
{
    struct host_rt rt;
    host_rt_start(&rt, 1);
    for (int i = 0; i < 10; i++) {
        struct join_handle h = executor_spawn(rt.ex, &forever, sizeof forever, 0);
        join_drop(&h);
    }
    cr_assert_eq(executor_live_tasks(rt.ex), 10);
    host_rt_stop(&rt);
    cr_assert_eq(atomic_load(&forever_dropped), 10);
}
const char *__lsan_default_suppressions(void);

const char *__lsan_default_suppressions(void)
{
    return "leak:libcriterion.so\n";
}
