/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
#include "atomic_waker.h"
#include "channel.h"
#include "executor.h"
#include "host_executor.h"
#include "semaphore.h"
#include "test_futures.h"

#include <criterion/criterion.h>

struct wake_count {
    int wakes, clones;
};

static const struct waker_vtable counting;

static struct waker count_clone(const void *d)
{
    ((struct wake_count *)d)->clones++;
    return (struct waker){d, &counting};
}
static void count_wake(const void *d)
{
    ((struct wake_count *)d)->wakes++;
    ((struct wake_count *)d)->clones--;
}
static void count_wake_by_ref(const void *d) { ((struct wake_count *)d)->wakes++; }
static void count_drop(const void *d) { ((struct wake_count *)d)->clones--; }
static const struct waker_vtable counting = {count_clone, count_wake, count_wake_by_ref,
                                             count_drop};

static enum poll poll_with(struct future *f, struct wake_count *c, void *out)
{
    struct waker w = {c, &counting};
    struct context cx = {&w, out};
    return future_poll(f, &cx);
}
static bool flag_is_set(void *arg) { return *(int *)arg != 0; }

Test(ch12_waiting, a_wait_queue_wakes_in_order_and_passes_a_wake_on)
{
    struct wait_queue q = WAIT_QUEUE_INIT;
    int flag = 0;
    struct wake_count a = {0}, b = {0};
    struct wait_for wa = wait_for(&q, flag_is_set, &flag), wb = wait_for(&q, flag_is_set, &flag);
    cr_assert_eq(poll_with(&wa.base, &a, NULL), POLL_PENDING);
    cr_assert_eq(poll_with(&wb.base, &b, NULL), POLL_PENDING);
    flag = 1;
    wait_queue_wake_one(&q);
    cr_assert_eq(a.wakes, 1);
    cr_assert_eq(b.wakes, 0, "wake_one must wake the oldest waiter only");
    future_drop(&wa.base);
    cr_assert_eq(b.wakes, 1, "the dropped waiter must pass its wake-up on");
    cr_assert_eq(poll_with(&wb.base, &b, NULL), POLL_READY);
    cr_assert_null(q.waiters.head);
    cr_assert_eq(a.clones + b.clones, 0);
}
Test(ch12_waiting, channel_order_back_pressure_and_close)
{
    struct channel ch;
    long buf[2], v, got = 0;
    struct wake_count c = {0};
    cr_assert_eq(channel_init(&ch, buf, sizeof(long), 2), 0);
    struct channel_send s[3];
    for (v = 0; v < 3; v++)
        s[v] = channel_send(&ch, &v);
    cr_assert_eq(poll_with(&s[0].base, &c, NULL), POLL_READY);
    cr_assert_eq(poll_with(&s[1].base, &c, NULL), POLL_READY);
    cr_assert_eq(poll_with(&s[2].base, &c, NULL), POLL_PENDING, "a full channel must wait");
    struct channel_recv r = channel_recv(&ch);
    cr_assert_eq(poll_with(&r.base, &c, &got), POLL_READY);
    cr_assert_eq(got, 0);
    cr_assert_eq(c.wakes, 1, "the receive must wake the waiting sender");
    cr_assert_eq(poll_with(&s[2].base, &c, NULL), POLL_READY);
    for (long want = 1; want <= 2; want++) {
        r = channel_recv(&ch);
        cr_assert_eq(poll_with(&r.base, &c, &got), POLL_READY);
        cr_assert_eq(got, want);
    }
    r = channel_recv(&ch);
    cr_assert_eq(poll_with(&r.base, &c, &got), POLL_PENDING);
    channel_close(&ch);
    cr_assert_eq(poll_with(&r.base, &c, &got), POLL_READY);
    cr_assert(r.closed);
    struct channel_send late = channel_send(&ch, &v);
    cr_assert_eq(poll_with(&late.base, &c, NULL), POLL_READY);
    cr_assert(late.closed);
    cr_assert_eq(c.clones, 0, "a waker was kept");
}
Test(ch12_waiting, a_woken_receiver_that_is_dropped_passes_the_wake_on)
{
    struct channel ch;
    long buf[4], v = 7, got = 0;
    struct wake_count a = {0}, b = {0}, s = {0};
    channel_init(&ch, buf, sizeof(long), 4);
    struct channel_recv ra = channel_recv(&ch), rb = channel_recv(&ch);
    cr_assert_eq(poll_with(&ra.base, &a, &got), POLL_PENDING);
    cr_assert_eq(poll_with(&rb.base, &b, &got), POLL_PENDING);
    struct channel_send send = channel_send(&ch, &v);
    cr_assert_eq(poll_with(&send.base, &s, NULL), POLL_READY);
    cr_assert_eq(a.wakes, 1);
    cr_assert_eq(b.wakes, 0, "one value wakes one receiver");
    future_drop(&ra.base);
    cr_assert_eq(b.wakes, 1, "the dropped receiver must pass its wake-up on");
    cr_assert_eq(poll_with(&rb.base, &b, &got), POLL_READY);
    cr_assert_eq(got, 7);
    cr_assert_eq(a.clones + b.clones, 0);
}
Test(ch12_waiting, semaphore_serves_in_order_and_a_dropped_grant_returns)
{
    struct semaphore sem;
    struct wake_count ca = {0}, cb = {0}, cc = {0};
    semaphore_init(&sem, 2);
    struct sem_acquire a = semaphore_acquire(&sem, 2), b = semaphore_acquire(&sem, 2),
                       c = semaphore_acquire(&sem, 1);
    cr_assert_eq(poll_with(&a.base, &ca, NULL), POLL_READY);
    cr_assert_eq(poll_with(&b.base, &cb, NULL), POLL_PENDING);
    cr_assert_eq(poll_with(&c.base, &cc, NULL), POLL_PENDING);
    semaphore_release(&sem, 1);
    cr_assert_eq(cb.wakes + cc.wakes, 0, "one permit fits neither B (2) nor C, behind B");
    semaphore_release(&sem, 1);
    cr_assert_eq(cb.wakes, 1);
    cr_assert(b.granted);
    cr_assert_eq(cc.wakes, 0);
    future_drop(&b.base);
    cr_assert_eq(cc.wakes, 1, "B's unused permits must reach C");
    cr_assert_eq(poll_with(&c.base, &cc, NULL), POLL_READY);
    cr_assert_eq(semaphore_available(&sem), 1);
    cr_assert_eq(ca.clones + cb.clones + cc.clones, 0);
}
static struct mutex mu;
static long guarded;

struct locker {
    struct future base;
    struct sem_acquire lock;
    struct yield_future y;
    int state;
    long seen;
};

static enum poll locker_poll(struct future *f, struct context *cx)
{
    struct locker *l = (struct locker *)f;
    if (l->state == 0) {
        if (future_poll(&l->lock.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        l->seen = guarded, l->y = yield_now(), l->state = 1;
    }
    if (future_poll(&l->y.base, cx) == POLL_PENDING)
        return POLL_PENDING;
    guarded = l->seen + 1;
    mutex_unlock(&mu);
    return POLL_READY;
}
static struct join_handle spawn_locker(struct executor *ex, long i, long arg)
{
    (void)i, (void)arg;
    struct locker l = {.base = {locker_poll, NULL}, .lock = mutex_lock(&mu)};
    return executor_spawn(ex, &l.base, sizeof l, 0);
}
Test(ch12_waiting, a_mutex_keeps_a_thousand_tasks_apart, .timeout = 60)
{
    struct host_rt rt;
    mutex_init(&mu);
    host_rt_start(&rt, 4);
    static struct join_handle h[1000];
    struct spawner s = spawner(rt.ex, h, 1000, spawn_locker, 0);
    cr_assert_eq(executor_block_on(rt.ex, 0, &s.base, NULL), 0);
    cr_assert_eq(guarded, 1000);
    cr_assert_eq(semaphore_available(&mu.sem), 1);
    host_rt_stop(&rt);
}
enum { RAISES = 100000 };
static struct atomic_waker aw;
static _Atomic long raised;

static void *raise_and_wake(void *arg)
{
    (void)arg;
    for (long i = 1; i <= RAISES; i++) {
        atomic_store(&raised, i);
        atomic_waker_wake(&aw);
    }
    return NULL;
}

static enum poll watch_poll(struct future *f, struct context *cx)
{
    (void)f;
    if (atomic_load(&raised) == RAISES)
        return POLL_READY;
    atomic_waker_register(&aw, cx->waker);
    return atomic_load(&raised) == RAISES ? POLL_READY : POLL_PENDING;
}
Test(ch12_waiting, an_atomic_waker_loses_no_wake, .timeout = 60)
{
    struct host_rt rt;
    pthread_t t;
    host_rt_start(&rt, 1);
    struct future watch = {watch_poll, NULL};
    pthread_create(&t, NULL, raise_and_wake, NULL);
    cr_assert_eq(executor_block_on(rt.ex, 0, &watch, NULL), 0);
    pthread_join(t, NULL);
    atomic_waker_drop(&aw);
    host_rt_halt(&rt);
    cr_assert_eq(executor_live_tasks(rt.ex), 0);
    host_rt_stop(&rt);
}
