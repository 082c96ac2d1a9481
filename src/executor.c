/* Generated from chapters/10-executor.nw, chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "executor.h"


#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>

enum { INJECTOR_EVERY = 61, INJECTOR_BATCH = 32, STEAL_BATCH = 16 };

struct run_link {
    alignas(16) struct mpsc_node node;
};

static struct mpsc_node *link_of(struct task *t)
{
    return &((struct run_link *)(void *)t - 1)->node;
}

static struct task *task_of(struct mpsc_node *n)
{
    return (struct task *)(void *)((struct run_link *)(void *)n + 1);
}
struct worker {
    struct mpsc queue;
    struct executor *ex;
    unsigned index;
    unsigned turn;              /* tasks run since the injector was looked at */
    uint64_t rng;               /* xorshift state: whom to steal from */
    _Atomic int sleeping;       /* parked, or about to park */
    struct executor_counters counters;
};

struct executor {
    struct scheduler sched;     /* first: chapter 9 hands us back this pointer */
    struct executor_platform plat;
    unsigned nworkers;
    _Atomic int shutdown;
    _Atomic unsigned sleepers;  /* workers with sleeping set */
    _Atomic long live;          /* task allocations not yet freed */
    struct mpsc injector;
    struct executor_counters outside;
    struct timers timers;
    struct worker workers[];
};
static void bump(_Atomic uint64_t *c, uint64_t n)
{
    atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + n,
                          memory_order_relaxed);
}

static void add(_Atomic uint64_t *c, uint64_t n)
{
    atomic_fetch_add_explicit(c, n, memory_order_relaxed);
}

static struct executor_counters *counters_of(struct executor *ex, unsigned w)
{
    return w < ex->nworkers ? &ex->workers[w].counters : &ex->outside;
}
static void *task_memory(struct scheduler *s, size_t size)
{
    struct executor *ex = (struct executor *)s;
    struct run_link *l = ex->plat.alloc(ex->plat.ctx, sizeof *l + size);
    if (l == NULL)
        return NULL;
    atomic_fetch_add_explicit(&ex->live, 1, memory_order_relaxed);
    return l + 1;
}

static void task_memory_free(struct scheduler *s, void *p)
{
    struct executor *ex = (struct executor *)s;
    atomic_fetch_sub_explicit(&ex->live, 1, memory_order_relaxed);
    ex->plat.free(ex->plat.ctx, (struct run_link *)p - 1);
}
static void wake_an_idle_worker(struct executor *ex, unsigned from)
{
    if (atomic_load_explicit(&ex->sleepers, memory_order_seq_cst) == 0)
        return;
    unsigned n = ex->nworkers, start = from < n ? from + 1 : 0;
    for (unsigned i = 0; i < n; i++) {
        struct worker *v = &ex->workers[(start + i) % n];
        if (atomic_load_explicit(&v->sleeping, memory_order_relaxed) &&
            atomic_exchange_explicit(&v->sleeping, 0, memory_order_acq_rel)) {
            atomic_fetch_sub_explicit(&ex->sleepers, 1, memory_order_relaxed);
            ex->plat.unpark(ex->plat.ctx, v->index);
            return;
        }
    }
}
static void schedule_task(struct scheduler *s, struct task *t)
{
    struct executor *ex = (struct executor *)s;
    unsigned w = ex->plat.this_worker(ex->plat.ctx);
    struct mpsc *q = w < ex->nworkers ? &ex->workers[w].queue : &ex->injector;
    mpsc_push(q, link_of(t));
    add(&counters_of(ex, w)->woken, 1);
    wake_an_idle_worker(ex, w);
}
static struct task *take_from_injector(struct executor *ex, struct worker *w)
{
    if (mpsc_looks_empty(&ex->injector) || !mpsc_try_consume(&ex->injector))
        return NULL;
    enum mpsc_pop why;
    struct mpsc_node *first = mpsc_pop(&ex->injector, &why), *n;
    for (int i = 1; first != NULL && i < INJECTOR_BATCH; i++) {
        if ((n = mpsc_pop(&ex->injector, &why)) == NULL)
            break;
        mpsc_push(&w->queue, n);
    }
    mpsc_end_consume(&ex->injector);
    return first != NULL ? task_of(first) : NULL;
}
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s * 8192, *s ^= *s / 128, *s ^= *s * 131072;
    return *s;
}

static struct task *steal(struct executor *ex, struct worker *w)
{
    unsigned n = ex->nworkers, start = (unsigned)(next_random(&w->rng) % n);
    for (unsigned i = 0; i < n; i++) {
        struct worker *v = &ex->workers[(start + i) % n];
        if (v == w || mpsc_looks_empty(&v->queue) || !mpsc_try_consume(&v->queue))
            continue;
        struct task *first = NULL;
        unsigned got = 0;
        enum mpsc_pop why;
        for (struct mpsc_node *node; got < STEAL_BATCH &&
                                     (node = mpsc_pop(&v->queue, &why)) != NULL; got++) {
            if (first == NULL)
                first = task_of(node);
            else
                mpsc_push(&w->queue, node);
        }
        mpsc_end_consume(&v->queue);
        bump(&w->counters.stolen, got);
        if (first != NULL)
            return first;
    }
    return NULL;
}
static struct task *pop_own(struct worker *w)
{
    if (mpsc_looks_empty(&w->queue) || !mpsc_try_consume(&w->queue))
        return NULL;
    enum mpsc_pop why;
    struct mpsc_node *n = mpsc_pop(&w->queue, &why);
    mpsc_end_consume(&w->queue);
    return n != NULL ? task_of(n) : NULL;
}

static struct task *next_task(struct executor *ex, struct worker *w)
{
    struct task *t = w->turn == 0 ? take_from_injector(ex, w) : NULL;
    if (t == NULL)
        t = pop_own(w);
    if (t == NULL)
        t = take_from_injector(ex, w);
    if (t == NULL)
        t = steal(ex, w);
    return t;
}
static bool work_is_visible(struct executor *ex)
{
    if (!mpsc_looks_empty(&ex->injector))
        return true;
    for (unsigned i = 0; i < ex->nworkers; i++)
        if (!mpsc_looks_empty(&ex->workers[i].queue))
            return true;
    return atomic_load_explicit(&ex->shutdown, memory_order_seq_cst) != 0;
}

static void park_worker(struct executor *ex, struct worker *w)
{
    atomic_store_explicit(&w->sleeping, 1, memory_order_seq_cst);
    atomic_fetch_add_explicit(&ex->sleepers, 1, memory_order_seq_cst);
    if (!work_is_visible(ex)) {
        uint64_t deadline = EXECUTOR_NEVER;
        deadline = timers_next(&ex->timers);
        bump(&w->counters.parked, 1);
        ex->plat.park(ex->plat.ctx, w->index, deadline);
    }
    if (atomic_exchange_explicit(&w->sleeping, 0, memory_order_acq_rel))
        atomic_fetch_sub_explicit(&ex->sleepers, 1, memory_order_relaxed);
}
static void run_task(struct worker *w, struct task *t)
{
    bump(&w->counters.polled, 1);
    enum task_run_result r = task_run(t);
    if (r == TASK_RUN_READY || r == TASK_RUN_CANCELLED)
        bump(&w->counters.completed, 1);
}
static void do_chores(struct executor *ex, struct worker *w)
{
    (void)ex;
    (void)w;
    timers_fire(&ex->timers);
}
static void run_worker_until(struct executor *ex, unsigned index, _Atomic int *done)
{
    struct worker *w = &ex->workers[index];
    while (!atomic_load_explicit(&ex->shutdown, memory_order_acquire) &&
           (done == NULL || !atomic_load_explicit(done, memory_order_acquire))) {
        if (++w->turn >= INJECTOR_EVERY) {
            w->turn = 0;
            do_chores(ex, w);
        }
        struct task *t = next_task(ex, w);
        if (t != NULL) {
            run_task(w, t);
            continue;
        }
        do_chores(ex, w);
        park_worker(ex, w);
    }
}

void executor_run_worker(struct executor *ex, unsigned worker)
{
    run_worker_until(ex, worker, NULL);
}
struct executor *executor_create(const struct executor_platform *p, unsigned workers)
{
    size_t size = sizeof(struct executor) + workers * sizeof(struct worker);
    struct executor *ex = workers == 0 ? NULL : p->alloc(p->ctx, size);
    if (ex == NULL)
        return NULL;
    __builtin_memset(ex, 0, size);
    ex->sched = (struct scheduler){schedule_task, task_memory, task_memory_free};
    ex->plat = *p;
    ex->nworkers = workers;
    mpsc_init(&ex->injector);
    for (unsigned i = 0; i < workers; i++) {
        struct worker *w = &ex->workers[i];
        mpsc_init(&w->queue);
        w->ex = ex;
        w->index = i;
        w->rng = 0x9e3779b97f4a7c15ull * (2 * i + 1);
    }
    timers_init(&ex->timers, 1000000, p->now, p->ctx);
    return ex;
}
static void drain(struct executor *ex, struct mpsc *q)
{
    enum mpsc_pop why;
    struct mpsc_node *n;
    mpsc_try_consume(q);
    while ((n = mpsc_pop(q, &why)) != NULL) {
        task_cancel(task_of(n));
        task_run(task_of(n));
    }
    mpsc_end_consume(q);
    (void)ex;
}

void executor_destroy(struct executor *ex)
{
    for (unsigned i = 0; i < ex->nworkers; i++)
        drain(ex, &ex->workers[i].queue);
    drain(ex, &ex->injector);
    
    ex->plat.free(ex->plat.ctx, ex);
}
struct join_handle executor_spawn(struct executor *ex, const struct future *f,
                                  size_t future_size, size_t output_size)
{
    unsigned w = ex->plat.this_worker(ex->plat.ctx);
    if (w < ex->nworkers)
        bump(&ex->workers[w].counters.spawned, 1);
    else
        add(&ex->outside.spawned, 1);
    return task_spawn(&ex->sched, f, future_size, output_size);
}
struct root_future {
    struct future base;
    struct future *inner;
    void *output;
    _Atomic int *done;
    struct executor *ex;
    unsigned worker;
};

static enum poll root_poll(struct future *f, struct context *cx)
{
    struct root_future *r = (struct root_future *)f;
    if (future_poll_into(r->inner, cx, r->output) == POLL_PENDING)
        return POLL_PENDING;
    atomic_store_explicit(r->done, 1, memory_order_release);
    r->ex->plat.unpark(r->ex->plat.ctx, r->worker);
    return POLL_READY;
}
int executor_block_on(struct executor *ex, unsigned worker, struct future *f, void *output)
{
    _Atomic int done = 0;
    struct root_future root = {{root_poll, NULL}, f, output, &done, ex, worker};
    struct join_handle h = executor_spawn(ex, &root.base, sizeof root, 0);
    if (h.task == NULL)
        return -1;
    join_drop(&h);
    run_worker_until(ex, worker, &done);
    return atomic_load_explicit(&done, memory_order_acquire) ? 0 : -1;
}
void executor_shutdown(struct executor *ex)
{
    atomic_store_explicit(&ex->shutdown, 1, memory_order_seq_cst);
    for (unsigned i = 0; i < ex->nworkers; i++)
        ex->plat.unpark(ex->plat.ctx, i);
}
static enum poll yield_poll(struct future *f, struct context *cx)
{
    struct yield_future *y = (struct yield_future *)f;
    if (y->yielded)
        return POLL_READY;
    y->yielded = 1;
    waker_wake_by_ref(cx->waker);
    return POLL_PENDING;
}

struct yield_future yield_now(void)
{
    return (struct yield_future){{yield_poll, NULL}, 0};
}
unsigned executor_workers(const struct executor *ex) { return ex->nworkers; }

const struct executor_counters *executor_counters(const struct executor *ex, unsigned w)
{
    return w < ex->nworkers ? &ex->workers[w].counters : &ex->outside;
}

long executor_live_tasks(const struct executor *ex)
{
    return atomic_load_explicit(&ex->live, memory_order_relaxed);
}
struct timers *executor_timers(struct executor *ex) { return &ex->timers; }
