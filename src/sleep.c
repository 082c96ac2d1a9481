/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "sleep.h"

void timers_init(struct timers *t, uint64_t tick_ns, uint64_t (*now)(void *), void *ctx)
{
    t->lock = (struct taslock)TASLOCK_INIT;
    t->tick_ns = tick_ns;
    t->now = now;
    t->ctx = ctx;
    wheel_init(&t->wheel, now(ctx) / tick_ns);
    atomic_store_explicit(&t->next_ns, UINT64_MAX, memory_order_relaxed);
}

uint64_t timers_now(struct timers *t) { return t->now(t->ctx); }

uint64_t timers_next(struct timers *t)
{
    return atomic_load_explicit(&t->next_ns, memory_order_relaxed);
}

size_t timers_pending(struct timers *t)
{
    tas_lock(&t->lock);
    size_t n = t->wheel.count;
    tas_unlock(&t->lock);
    return n;
}
static void expire_sleep(struct wheel_entry *e, void *ctx);

void timers_fire(struct timers *t)
{
    uint64_t now = t->now(t->ctx);
    if (now < atomic_load_explicit(&t->next_ns, memory_order_relaxed) ||
        !tas_try_lock(&t->lock))
        return;
    wheel_advance(&t->wheel, now / t->tick_ns, expire_sleep, t);
    uint64_t next = wheel_next_expiry(&t->wheel);
    atomic_store_explicit(&t->next_ns, next == UINT64_MAX ? next : next * t->tick_ns,
                          memory_order_relaxed);
    tas_unlock(&t->lock);
}
static struct sleep *sleep_of(struct wheel_entry *e)
{
    return (struct sleep *)(void *)((char *)e - offsetof(struct sleep, entry));
}

static void expire_sleep(struct wheel_entry *e, void *ctx)
{
    (void)ctx;
    struct sleep *s = sleep_of(e);
    struct waker w = s->waker;
    s->state = SLEEP_FIRED;
    waker_wake(w);
}
static enum poll sleep_poll(struct future *f, struct context *cx)
{
    struct sleep *s = (struct sleep *)f;
    struct timers *t = s->timers;
    if (!s->started && t->now(t->ctx) >= s->deadline_ns) {
        s->started = 1;
        return s->state = SLEEP_FIRED, POLL_READY;
    }
    tas_lock(&t->lock);
    if (!s->started) {
        s->started = 1;
        uint64_t tick = (s->deadline_ns + t->tick_ns - 1) / t->tick_ns;
        if (!wheel_insert(&t->wheel, &s->entry, tick)) {
            s->state = SLEEP_FIRED;
        } else {
            s->state = SLEEP_WAITING;
            s->waker = waker_clone(cx->waker);
            uint64_t next = wheel_next_expiry(&t->wheel) * t->tick_ns;
            if (next < atomic_load_explicit(&t->next_ns, memory_order_relaxed))
                atomic_store_explicit(&t->next_ns, next, memory_order_relaxed);
        }
    } else if (s->state == SLEEP_WAITING && !waker_will_wake(&s->waker, cx->waker)) {
        waker_drop(s->waker);
        s->waker = waker_clone(cx->waker);
    }
    int fired = s->state == SLEEP_FIRED;
    tas_unlock(&t->lock);
    return fired ? POLL_READY : POLL_PENDING;
}
static void sleep_drop(struct future *f)
{
    struct sleep *s = (struct sleep *)f;
    if (!s->started)
        return;
    tas_lock(&s->timers->lock);
    if (s->state == SLEEP_WAITING) {
        wheel_remove(&s->timers->wheel, &s->entry);
        waker_drop(s->waker);
        s->state = SLEEP_FIRED;
    }
    tas_unlock(&s->timers->lock);
}

struct sleep sleep_until(struct timers *t, uint64_t deadline_ns)
{
    return (struct sleep){.base = {sleep_poll, sleep_drop}, .timers = t,
                          .deadline_ns = deadline_ns, .state = SLEEP_NEW,
                          .started = 0};
}

struct sleep sleep_for(struct timers *t, uint64_t ns)
{
    return sleep_until(t, t->now(t->ctx) + ns);
}
static enum poll timeout_poll(struct future *f, struct context *cx)
{
    struct timeout *t = (struct timeout *)f;
    if (future_poll(t->inner, cx) == POLL_READY) {
        future_drop(&t->sleep.base);
        t->done = 1;
        return POLL_READY;
    }
    if (future_poll(&t->sleep.base, cx) == POLL_PENDING)
        return POLL_PENDING;
    future_drop(t->inner);
    t->done = t->timed_out = 1;
    return POLL_READY;
}

static void timeout_drop(struct future *f)
{
    struct timeout *t = (struct timeout *)f;
    if (t->done)
        return;
    future_drop(t->inner);
    future_drop(&t->sleep.base);
}

struct timeout timeout_after(struct timers *t, struct future *inner, uint64_t ns)
{
    return (struct timeout){{timeout_poll, timeout_drop}, inner, sleep_for(t, ns), 0, 0};
}
