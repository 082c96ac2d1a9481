/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "bench_futures.h"
#include "kstring.h"

static enum poll empty_poll(struct future *f, struct context *cx)
{
    (void)f, (void)cx;
    return POLL_READY;
}

static struct join_handle spawn_empty(struct executor *ex, long i, long arg)
{
    (void)i, (void)arg;
    struct future empty = {empty_poll, NULL};
    return executor_spawn(ex, &empty, sizeof empty, 0);
}

static enum poll batches_poll(struct future *f, struct context *cx)
{
    struct batches *b = (struct batches *)f;
    for (; b->r < b->rounds; b->r++, b->started = 0) {
        if (!b->started)
            b->round = spawner(b->ex, b->h, b->per, spawn_empty, 0), b->started = 1;
        if (future_poll_into(&b->round.base, cx, NULL) == POLL_PENDING)
            return POLL_PENDING;
    }
    return POLL_READY;
}

void batches_init(struct batches *b, struct executor *ex, long rounds, long per)
{
    memset(b, 0, sizeof *b);
    b->base.poll = batches_poll;
    b->ex = ex, b->rounds = rounds, b->per = per;
}
static enum poll pong_poll(struct future *f, struct context *cx)
{
    struct pong_line *l = ((struct pong *)f)->line;
    if (atomic_load(&l->stop)) {
        waker_drop(l->waker);
        return POLL_READY;
    }
    if (atomic_load(&l->polls) == 0)
        l->waker = waker_clone(cx->waker);
    atomic_store(&l->polled_at, l->now());
    atomic_fetch_add(&l->polls, 1);
    return POLL_PENDING;
}

struct pong pong(struct pong_line *line) { return (struct pong){{pong_poll, NULL}, line}; }

void pong_stop(struct pong_line *line, struct join_handle *h)
{
    atomic_store(&line->stop, 1);
    waker_wake_by_ref(&line->waker);
    join_drop(h);
}
static enum poll yielder_poll(struct future *f, struct context *cx)
{
    struct yielder *y = (struct yielder *)f;
    for (; y->left > 0; y->left--, y->y = yield_now())
        if (future_poll(&y->y.base, cx) == POLL_PENDING)
            return POLL_PENDING;
    return POLL_READY;
}

struct yielder yielder(long n) { return (struct yielder){{yielder_poll, NULL}, n, yield_now()}; }
struct tiny {
    struct future base;
    _Atomic long *done;
};

static enum poll tiny_poll(struct future *f, struct context *cx)
{
    (void)cx;
    atomic_fetch_add_explicit(((struct tiny *)f)->done, 1, memory_order_relaxed);
    return POLL_READY;
}

static enum poll tiny_root_poll(struct future *f, struct context *cx)
{
    struct tiny_root *m = (struct tiny_root *)f;
    for (;;) {
        if (m->yielding && future_poll(&m->y.base, cx) == POLL_PENDING)
            return POLL_PENDING;
        m->yielding = 0;
        if (m->spawned == m->total && atomic_load(&m->done) == m->total)
            return POLL_READY;
        for (long i = 0; i < 1000 && m->spawned < m->total; i++, m->spawned++) {
            struct tiny t = {{tiny_poll, NULL}, &m->done};
            struct join_handle h = executor_spawn(m->ex, &t.base, sizeof t, 0);
            join_drop(&h);
        }
        m->y = yield_now(), m->yielding = 1;
    }
}

void tiny_root_init(struct tiny_root *m, struct executor *ex, long total)
{
    memset(m, 0, sizeof *m);
    m->base.poll = tiny_root_poll;
    m->ex = ex, m->total = total;
}
