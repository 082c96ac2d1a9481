/* Generated from chapters/07-futures.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "future.h"

struct counts {
    atomic_int clones, wakes, wakes_by_ref, drops, alive;
};

static const struct waker_vtable counting_vtable;

static struct waker counting_clone(const void *data)
{
    struct counts *c = (struct counts *)data;
    atomic_fetch_add(&c->clones, 1);
    atomic_fetch_add(&c->alive, 1);
    return (struct waker){data, &counting_vtable};
}
static void counting_wake(const void *data)
{
    struct counts *c = (struct counts *)data;
    atomic_fetch_add(&c->wakes, 1);
    atomic_fetch_sub(&c->alive, 1);
}
static void counting_wake_by_ref(const void *data)
{
    atomic_fetch_add(&((struct counts *)data)->wakes_by_ref, 1);
}
static void counting_drop(const void *data)
{
    struct counts *c = (struct counts *)data;
    atomic_fetch_add(&c->drops, 1);
    atomic_fetch_sub(&c->alive, 1);
}
static const struct waker_vtable counting_vtable = {
    counting_clone, counting_wake, counting_wake_by_ref, counting_drop,
};
struct countdown {
    struct future base;
    enum { CD_START, CD_COUNTING, CD_DONE } state;
    int remaining, steps, polls;
};

static enum poll countdown_poll(struct future *f, struct context *cx)
{
    struct countdown *c = (struct countdown *)f;
    c->polls++;
    switch (c->state) {
    case CD_START:
        c->steps = 0;
        c->state = CD_COUNTING;
        /* fall through */
    case CD_COUNTING:
        if (c->remaining > 0) {
            c->remaining--, c->steps++;
            waker_wake_by_ref(cx->waker);
            return POLL_PENDING;
        }
        *(int *)cx->output = c->steps;
        c->state = CD_DONE;
        return POLL_READY;
    case CD_DONE:
        cr_assert_fail("a ready future was polled again");
    }
    return POLL_READY;
}

static struct countdown countdown(int n)
{
    return (struct countdown){{countdown_poll, NULL}, CD_START, n, 0, 0};
}
struct sum_of_two {
    struct future base;
    enum { SUM_AWAIT_A, SUM_AWAIT_B, SUM_DONE } state;
    struct countdown a, b;
    int result_a, result_b;
    int *dropped;
};

static enum poll sum_poll(struct future *f, struct context *cx)
{
    struct sum_of_two *s = (struct sum_of_two *)f;
    switch (s->state) {
    case SUM_AWAIT_A:
        if (future_poll_into(&s->a.base, cx, &s->result_a) == POLL_PENDING)
            return POLL_PENDING;
        s->state = SUM_AWAIT_B;
        /* fall through */
    case SUM_AWAIT_B:
        if (future_poll_into(&s->b.base, cx, &s->result_b) == POLL_PENDING)
            return POLL_PENDING;
        s->state = SUM_DONE;
        *(int *)cx->output = s->result_a + s->result_b;
        /* fall through */
    case SUM_DONE:
        break;
    }
    return POLL_READY;
}

static void sum_drop(struct future *f) { (*((struct sum_of_two *)f)->dropped)++; }
static int poll_until_ready(struct future *f, void *output, struct counts *c)
{
    struct waker w = {c, &counting_vtable};
    struct context cx = {&w, output};
    int polls = 1;
    while (future_poll(f, &cx) == POLL_PENDING) {
        int asked = atomic_load(&c->wakes_by_ref) + atomic_load(&c->wakes);
        cr_assert_geq(asked, polls, "pending without a wake-up request");
        polls++;
    }
    return polls;
}
Test(ch07_future, a_countdown_yields_once_per_step)
{
    struct counts c = {0};
    struct countdown f = countdown(0);
    int out = -1;
    cr_assert_eq(poll_until_ready(&f.base, &out, &c), 1);
    cr_assert_eq(out, 0);
    f = countdown(5);
    cr_assert_eq(poll_until_ready(&f.base, &out, &c), 6);
    cr_assert_eq(out, 5);
    cr_assert_eq(f.polls, 6);
    cr_assert_eq(atomic_load(&c.wakes_by_ref), 5);
    cr_assert_eq(atomic_load(&c.alive), 0);
}

Test(ch07_future, a_future_awaits_two_others_in_turn)
{
    struct counts c = {0};
    int dropped = 0, out = -1;
    struct sum_of_two s = {{sum_poll, sum_drop}, SUM_AWAIT_A,
                           countdown(3), countdown(4), 0, 0, &dropped};
    cr_assert_eq(poll_until_ready(&s.base, &out, &c), 8);
    cr_assert_eq(out, 7);
    cr_assert_eq(s.a.polls + s.b.polls, 9);
    cr_assert_eq(dropped, 0);
}
Test(ch07_future, a_future_dropped_part_way_is_dropped_once)
{
    int dropped = 0, out = -1;
    struct sum_of_two s = {{sum_poll, sum_drop}, SUM_AWAIT_A,
                           countdown(1), countdown(1), 0, 0, &dropped};
    struct waker w = waker_noop();
    struct context cx = {&w, &out};
    cr_assert_eq(future_poll(&s.base, &cx), POLL_PENDING);
    future_drop(&s.base);
    cr_assert_eq(dropped, 1);
    cr_assert_eq(out, -1);
}

Test(ch07_future, will_wake_compares_data_and_table)
{
    struct counts c = {0};
    struct waker a = waker_noop(), b = waker_noop();
    struct waker d = {&c, &counting_vtable}, e = waker_clone(&d);
    cr_assert(waker_will_wake(&a, &b));
    cr_assert(waker_will_wake(&d, &e));
    cr_assert_not(waker_will_wake(&a, &d));
    waker_drop(e);
    cr_assert_eq(atomic_load(&c.alive), 0);
}
struct parker {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool notified;
    atomic_int alive;
};

static const struct waker_vtable parker_vtable;

static void parker_unpark(const void *data)
{
    struct parker *p = (struct parker *)data;
    pthread_mutex_lock(&p->lock);
    p->notified = true;
    pthread_cond_signal(&p->cond);
    pthread_mutex_unlock(&p->lock);
}
static struct waker parker_clone(const void *data)
{
    atomic_fetch_add(&((struct parker *)data)->alive, 1);
    return (struct waker){data, &parker_vtable};
}
static void parker_drop(const void *data)
{
    atomic_fetch_sub(&((struct parker *)data)->alive, 1);
}
static void parker_wake(const void *data)
{
    parker_unpark(data);
    parker_drop(data);
}
static const struct waker_vtable parker_vtable = {
    parker_clone, parker_wake, parker_unpark, parker_drop,
};
static int block_on(struct parker *p, struct future *f, void *output)
{
    struct waker w = {p, &parker_vtable};
    struct context cx = {&w, output};
    int sleeps = 0;
    while (future_poll(f, &cx) == POLL_PENDING) {
        pthread_mutex_lock(&p->lock);
        while (!p->notified) {
            sleeps++;
            pthread_cond_wait(&p->cond, &p->lock);
        }
        p->notified = false;
        pthread_mutex_unlock(&p->lock);
    }
    return sleeps;
}
struct signal {
    struct future base;
    pthread_mutex_t lock;
    bool set, has_waker;
    struct waker waker;
    unsigned delay;     /* how long the setter dawdles first */
};

static enum poll signal_poll(struct future *f, struct context *cx)
{
    struct signal *s = (struct signal *)f;
    pthread_mutex_lock(&s->lock);
    bool set = s->set;
    if (!set) {
        if (s->has_waker && !waker_will_wake(&s->waker, cx->waker))
            waker_drop(s->waker), s->has_waker = false;
        if (!s->has_waker)
            s->waker = waker_clone(cx->waker), s->has_waker = true;
    }
    pthread_mutex_unlock(&s->lock);
    if (set)
        *(int *)cx->output = 42;
    return set ? POLL_READY : POLL_PENDING;
}
static void *set_signal(void *arg)
{
    struct signal *s = arg;
    for (volatile unsigned i = 0; i < s->delay; i++)
        ;
    pthread_mutex_lock(&s->lock);
    s->set = true;
    bool wake = s->has_waker;
    struct waker w = s->waker;
    s->has_waker = false;
    pthread_mutex_unlock(&s->lock);
    if (wake)
        waker_wake(w);
    return NULL;
}

Test(ch07_future, block_on_is_woken_from_another_thread, .timeout = 20)
{
    int slept = 0;
    for (int round = 0; round < 1000; round++) {
        struct signal *s = calloc(1, sizeof *s);
        *s = (struct signal){{signal_poll, NULL}, PTHREAD_MUTEX_INITIALIZER,
                             false, false, {0}, round * 7919u % 2000};
        pthread_t t;
        cr_assert_eq(pthread_create(&t, NULL, set_signal, s), 0);
        struct parker p = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                           false, 0};
        int out = 0;
        slept += block_on(&p, &s->base, &out) > 0;
        pthread_join(t, NULL);
        cr_assert_eq(out, 42);
        cr_assert_not(s->has_waker);
        cr_assert_eq(atomic_load(&p.alive), 0, "a cloned waker was leaked");
        free(s);
    }
    cr_assert_gt(slept, 0, "the thread never had to park");
}
