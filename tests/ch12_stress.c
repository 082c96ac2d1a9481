/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
#include "channel.h"
#include "executor.h"
#include "host_executor.h"
#include "semaphore.h"
#include "sleep.h"

#include <criterion/criterion.h>

enum { TASKS = 100000, WORKERS = 4, US = 1000 };

static struct channel ch;
static long ch_buf[64];
static struct semaphore three;
static struct mutex mu;
static struct wait_queue wq = WAIT_QUEUE_INIT;
static _Atomic long gen, sent, received, holders, too_many, increments;
static long guarded;

static bool gen_reached(void *arg) { return atomic_load(&gen) >= *(long *)arg; }

static uint64_t mix(uint64_t x)
{
    x ^= x / 4096, x *= 0x9e3779b97f4a7c15ull, x ^= x / 65536;
    return x;
}
struct stress {
    struct future base;
    long id, threshold, seen;
    int kind, state, yields;
    struct timers *timers;
    union {
        struct sleep sleep;
        struct { struct channel_send op; struct timeout to; } send;
        struct { struct channel_recv op; struct timeout to; } recv;
        struct sem_acquire acquire;
        struct wait_for wait;
        struct yield_future yield;
    } u;
    struct yield_future held;       /* the yield made while holding a permit */
};
static void stress_start(struct stress *s)
{
    uint64_t r = mix((uint64_t)s->id);
    switch (s->kind) {
    case 0: s->u.sleep = sleep_for(s->timers, r % (2000 * US)); break;
    case 1:
        s->u.send.op = channel_send(&ch, &s->id);
        s->u.send.to = timeout_after(s->timers, &s->u.send.op.base, 2000 * US);
        break;
    case 2:
        s->u.recv.op = channel_recv(&ch);
        s->u.recv.to = timeout_after(s->timers, &s->u.recv.op.base, 2000 * US);
        break;
    case 3: s->u.acquire = semaphore_acquire(&three, 1); break;
    case 4: s->u.acquire = mutex_lock(&mu); break;
    case 5: s->threshold = s->id % 64, s->u.wait = wait_for(&wq, gen_reached, &s->threshold); break;
    default: s->u.yield = yield_now(), s->yields = (int)(r % 4); break;
    }
    s->state = 1;
}
static enum poll stress_poll(struct future *f, struct context *cx)
{
    struct stress *s = (struct stress *)f;
    long scratch;
    if (s->state == 0) {
        if (s->kind == 6) {
            atomic_fetch_add(&gen, 1);
            wait_queue_wake_all(&wq);
            return *(long *)cx->output = s->id, POLL_READY;
        }
        stress_start(s);
    }
    switch (s->kind) {
    case 0:
        if (future_poll(&s->u.sleep.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        break;
    case 1:
        if (future_poll_into(&s->u.send.to.base, cx, NULL) == POLL_PENDING)
            return POLL_PENDING;
        if (!s->u.send.to.timed_out && !s->u.send.op.closed)
            atomic_fetch_add(&sent, 1);
        break;
    case 2:
        if (future_poll_into(&s->u.recv.to.base, cx, &scratch) == POLL_PENDING)
            return POLL_PENDING;
        if (!s->u.recv.to.timed_out && !s->u.recv.op.closed)
            atomic_fetch_add(&received, 1);
        break;
    case 3:
    case 4:
        if (s->state == 1) {
            if (future_poll(&s->u.acquire.base, cx) == POLL_PENDING)
                return POLL_PENDING;
            if (s->kind == 3 && atomic_fetch_add(&holders, 1) >= 3)
                atomic_fetch_add(&too_many, 1);
            if (s->kind == 4)
                s->seen = guarded;
            s->held = yield_now();
            s->state = 2;
        }
        if (future_poll(&s->held.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        if (s->kind == 3) {
            atomic_fetch_sub(&holders, 1);
            semaphore_release(&three, 1);
        } else {
            guarded = s->seen + 1;
            atomic_fetch_add(&increments, 1);
            mutex_unlock(&mu);
        }
        break;
    case 5:
        if (future_poll(&s->u.wait.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        break;
    default:
        for (; s->yields > 0; s->yields--, s->u.yield = yield_now())
            if (future_poll(&s->u.yield.base, cx) == POLL_PENDING)
                return POLL_PENDING;
        break;
    }
    *(long *)cx->output = s->id;
    s->state = 3;
    return POLL_READY;
}
static void stress_drop(struct future *f)
{
    struct stress *s = (struct stress *)f;
    if (s->state == 1) {
        switch (s->kind) {
        case 0: future_drop(&s->u.sleep.base); break;
        case 1: future_drop(&s->u.send.to.base); break;
        case 2: future_drop(&s->u.recv.to.base); break;
        case 3: case 4: future_drop(&s->u.acquire.base); break;
        case 5: future_drop(&s->u.wait.base); break;
        default: break;
        }
    } else if (s->state == 2 && s->kind == 3) {
        atomic_fetch_sub(&holders, 1);
        semaphore_release(&three, 1);
    } else if (s->state == 2) {
        mutex_unlock(&mu);
    }
}
struct stress_root {
    struct future base;
    struct executor *ex;
    struct join_handle *h;
    struct join_future j;
    struct yield_future y;
    long spawned, joined, cancelled, wrong;
    int yielding, joining;
};
static void spawn_chunk(struct stress_root *r)
{
    long first = r->spawned;
    for (; r->spawned < first + 1000 && r->spawned < TASKS; r->spawned++) {
        struct stress s = {.base = {stress_poll, stress_drop}, .id = r->spawned,
                           .kind = (int)(mix((uint64_t)r->spawned + 1) % 8),
                           .timers = executor_timers(r->ex)};
        r->h[r->spawned] = executor_spawn(r->ex, &s.base, sizeof s, sizeof(long));
    }
    for (long i = first - 1000; i >= 0 && i < first; i++)
        if (mix((uint64_t)i + 7) % 10 == 3)
            join_cancel(&r->h[i]);
}
static enum poll stress_root_poll(struct future *f, struct context *cx)
{
    struct stress_root *r = (struct stress_root *)f;
    while (r->spawned < TASKS) {
        if (!r->yielding)
            spawn_chunk(r), r->y = yield_now(), r->yielding = 1;
        if (future_poll(&r->y.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        r->yielding = 0;
    }
    for (; r->joined < TASKS; r->joined++) {
        long out = -1;
        if (!r->joining)
            r->j = join_future(r->h[r->joined]), r->joining = 1;
        if (future_poll_into(&r->j.base, cx, &out) == POLL_PENDING)
            return POLL_PENDING;
        r->joining = 0;
        if (r->j.cancelled)
            r->cancelled++;
        else if (out != r->joined)
            r->wrong++;
    }
    return POLL_READY;
}
Test(ch12_stress, a_hundred_thousand_tasks_wake_wait_cancel_and_join, .timeout = 120)
{
    struct host_rt rt;
    channel_init(&ch, ch_buf, sizeof(long), 64);
    semaphore_init(&three, 3);
    mutex_init(&mu);
    host_rt_start(&rt, WORKERS);
    struct stress_root *r = calloc(1, sizeof *r);
    *r = (struct stress_root){.base = {stress_root_poll, NULL}, .ex = rt.ex,
                              .h = calloc(TASKS, sizeof(struct join_handle))};
    cr_assert_eq(executor_block_on(rt.ex, 0, &r->base, NULL), 0);
    host_rt_halt(&rt);
    cr_log_info("stress: %ld cancelled, %ld sent, %ld received, %ld increments",
                r->cancelled, (long)sent, (long)received, (long)increments);
    cr_assert_eq(r->wrong, 0, "%ld joins returned another task's output", r->wrong);
    cr_assert_gt(r->cancelled, 0);
    cr_assert_eq(executor_live_tasks(rt.ex), 0, "tasks leaked");
    cr_assert_eq(too_many, 0, "the semaphore let more than three in");
    cr_assert_eq(guarded, increments);
    cr_assert_eq(sent, received + (long)channel_count(&ch));
    cr_assert_eq(timers_pending(executor_timers(rt.ex)), 0, "a timer was left behind");
    cr_assert_null(wq.waiters.head);
    cr_assert_null(ch.senders.head);
    cr_assert_null(ch.receivers.head);
    cr_assert_null(three.waiters.head);
    cr_assert_eq(semaphore_available(&three), 3);
    cr_assert_eq(semaphore_available(&mu.sem), 1);
    host_rt_stop(&rt);
    free(r->h);
    free(r);
}
