/* Generated from chapters/09-join.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sched.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#include "task.h"
#include "test_futures.h"

struct fifo {
    struct scheduler base;
    pthread_mutex_t lock;
    struct task *head, *tail;
    atomic_int scheduled;
};

struct fifo_link {
    alignas(16) struct task *next;   /* the task queued after this one */
};

static struct fifo_link *link_of(struct task *t) { return (struct fifo_link *)(void *)t - 1; }

static void *fifo_alloc(struct scheduler *s, size_t n)
{
    (void)s;
    struct fifo_link *l = malloc(sizeof *l + n);
    return l == NULL ? NULL : l + 1;
}
static void fifo_free(struct scheduler *s, void *p) { (void)s; free((struct fifo_link *)p - 1); }
static void fifo_schedule(struct scheduler *s, struct task *t)
{
    struct fifo *q = (struct fifo *)s;
    link_of(t)->next = NULL;
    pthread_mutex_lock(&q->lock);
    if (q->tail != NULL)
        link_of(q->tail)->next = t;
    else
        q->head = t;
    q->tail = t;
    pthread_mutex_unlock(&q->lock);
    atomic_fetch_add(&q->scheduled, 1);
}
static struct task *fifo_pop(struct fifo *q)
{
    pthread_mutex_lock(&q->lock);
    struct task *t = q->head;
    if (t != NULL) {
        q->head = link_of(t)->next;
        if (q->head == NULL)
            q->tail = NULL;
    }
    pthread_mutex_unlock(&q->lock);
    return t;
}

static int fifo_run(struct fifo *q)
{
    int runs = 0;
    for (struct task *t; (t = fifo_pop(q)) != NULL; runs++)
        task_run(t);
    return runs;
}

#define FIFO_INIT {{fifo_schedule, fifo_alloc, fifo_free}, \
                   PTHREAD_MUTEX_INITIALIZER, NULL, NULL, 0}
static struct join_handle spawn_countdown(struct fifo *q, int n, int result)
{
    struct countdown c = countdown(n, result);
    return task_spawn(&q->base, &c.base, sizeof c, sizeof(int));
}
struct gate {
    struct future base;
    atomic_bool *open;
    int *drops;
    bool has_waker;
    struct waker waker;
};

static enum poll gate_poll(struct future *f, struct context *cx)
{
    struct gate *g = (struct gate *)f;
    if (atomic_load(g->open)) {
        if (g->has_waker)
            waker_drop(g->waker), g->has_waker = false;
        *(int *)cx->output = 7;
        return POLL_READY;
    }
    if (g->has_waker)
        waker_drop(g->waker);
    g->waker = waker_clone(cx->waker), g->has_waker = true;
    return POLL_PENDING;
}

static void gate_drop(struct future *f)
{
    struct gate *g = (struct gate *)f;
    (*g->drops)++;
    if (g->has_waker)
        waker_drop(g->waker);
}
struct counts { atomic_int clones, wakes, drops, alive; };
static const struct waker_vtable counting_vtable;
static struct waker counting_clone(const void *d)
{
    atomic_fetch_add(&((struct counts *)d)->clones, 1);
    atomic_fetch_add(&((struct counts *)d)->alive, 1);
    return (struct waker){d, &counting_vtable};
}
static void counting_wake(const void *d)
{
    atomic_fetch_add(&((struct counts *)d)->wakes, 1);
    atomic_fetch_sub(&((struct counts *)d)->alive, 1);
}
static void counting_wake_by_ref(const void *d) { atomic_fetch_add(&((struct counts *)d)->wakes, 1); }
static void counting_drop(const void *d)
{
    atomic_fetch_add(&((struct counts *)d)->drops, 1);
    atomic_fetch_sub(&((struct counts *)d)->alive, 1);
}
static const struct waker_vtable counting_vtable = {
    counting_clone, counting_wake, counting_wake_by_ref, counting_drop,
};
Test(ch09_task, a_task_runs_to_completion_and_is_joined)
{
    struct fifo q = FIFO_INIT;
    struct join_handle h = spawn_countdown(&q, 3, 99);
    cr_assert_eq(task_live(), 1);
    struct counts c = {0};
    struct waker w = {&c, &counting_vtable};
    struct context cx = {&w, NULL};
    int out = 0, cancelled = -1;
    cr_assert_eq(join_poll(&h, &cx, &out, &cancelled), POLL_PENDING);
    cr_assert_eq(fifo_run(&q), 4);
    cr_assert_eq(atomic_load(&q.scheduled), 4);
    cr_assert_eq(atomic_load(&c.wakes), 1, "the joiner is woken once");
    cr_assert_eq(join_poll(&h, &cx, &out, &cancelled), POLL_READY);
    cr_assert_eq(out, 99);
    cr_assert_eq(cancelled, 0);
    join_drop(&h);
    cr_assert_eq(task_live(), 0);
    cr_assert_eq(atomic_load(&c.alive), 0);
}
Test(ch09_task, a_task_awaits_another_through_a_join_future)
{
    struct fifo q = FIFO_INIT;
    struct join_future j = join_future(spawn_countdown(&q, 5, 1234));
    struct join_handle outer = task_spawn(&q.base, &j.base, sizeof j, sizeof(int));
    fifo_run(&q);
    struct waker w = waker_noop();
    struct context cx = {&w, NULL};
    int out = 0, cancelled = -1;
    cr_assert_eq(join_poll(&outer, &cx, &out, &cancelled), POLL_READY);
    cr_assert_eq(out, 1234);
    join_drop(&outer);
    cr_assert_eq(task_live(), 0);
}

Test(ch09_task, a_cancelled_task_drops_its_future_once)
{
    struct fifo q = FIFO_INIT;
    atomic_bool open = false;
    int drops = 0;
    struct gate g = {{gate_poll, gate_drop}, &open, &drops, false, {0}};
    struct join_handle h = task_spawn(&q.base, &g.base, sizeof g, sizeof(int));
    fifo_run(&q);
    cr_assert(join_cancel(&h));
    cr_assert_not(join_cancel(&h));
    fifo_run(&q);
    cr_assert_eq(drops, 1);
    struct waker w = waker_noop();
    struct context cx = {&w, NULL};
    int out = 0, cancelled = 0;
    cr_assert_eq(join_poll(&h, &cx, &out, &cancelled), POLL_READY);
    cr_assert_eq(cancelled, 1);
    join_drop(&h);
    cr_assert_eq(task_live(), 0);
}
struct probe {
    struct counts c;
    void (*on_clone)(struct probe *p);
    void (*on_wake)(struct probe *p);
    struct fifo *q;
    struct join_handle *h;
    int out, cancelled;
};
static const struct waker_vtable probe_vtable;
static struct waker probe_clone(const void *d)
{
    struct probe *p = (struct probe *)d;
    counting_clone(&p->c);
    if (p->on_clone != NULL)
        p->on_clone(p);
    return (struct waker){d, &probe_vtable};
}
static void probe_wake(const void *d)
{
    struct probe *p = (struct probe *)d;
    counting_wake(&p->c);
    if (p->on_wake != NULL)
        p->on_wake(p);
}
static void probe_wake_by_ref(const void *d) { counting_wake_by_ref(&((struct probe *)d)->c); }
static void probe_drop(const void *d) { counting_drop(&((struct probe *)d)->c); }
static const struct waker_vtable probe_vtable = {probe_clone, probe_wake, probe_wake_by_ref,
                                                 probe_drop};
static enum poll probe_join(struct probe *p)
{
    struct waker w = {p, &probe_vtable};
    struct context cx = {&w, NULL};
    return join_poll(p->h, &cx, &p->out, &p->cancelled);
}
Test(ch09_rules, r1_r2_the_slot_is_written_once_per_waker)
{
    struct fifo q = FIFO_INIT;
    struct join_handle h = spawn_countdown(&q, 1, 5);
    struct probe a = {.h = &h}, b = {.h = &h};
    cr_assert_eq(probe_join(&a), POLL_PENDING);
    cr_assert_eq(probe_join(&a), POLL_PENDING);
    cr_assert_eq(atomic_load(&a.c.alive), 1, "same waker: registered once");
    cr_assert_eq(probe_join(&b), POLL_PENDING);
    cr_assert_eq(atomic_load(&a.c.alive), 0, "the replaced waker is dropped");
    fifo_run(&q);
    cr_assert_eq(atomic_load(&a.c.wakes), 0);
    cr_assert_eq(atomic_load(&b.c.wakes), 1);
    cr_assert_eq(probe_join(&b), POLL_READY);
    join_drop(&h);
    cr_assert_eq(task_live(), 0);
}

Test(ch09_rules, r5_the_output_is_taken_at_most_once)
{
    uint64_t s = ts_complete(ts_start_poll(TS_INITIAL).next).next;
    struct ts_step first = ts_try_join(s);
    cr_assert_eq(first.action, TS_TAKE_OUTPUT);
    cr_assert_eq(ts_try_join(first.next).action, TS_BUG);
}
static void join_and_drop(struct probe *p)
{
    struct waker w = waker_noop();
    struct context cx = {&w, NULL};
    cr_assert_eq(join_poll(p->h, &cx, &p->out, &p->cancelled), POLL_READY);
    join_drop(p->h);
}

Test(ch09_rules, r3_the_completion_wakes_once_and_outlives_its_wake)
{
    struct fifo q = FIFO_INIT;
    struct join_handle h = spawn_countdown(&q, 0, 77);
    struct probe p = {.on_wake = join_and_drop, .h = &h};
    cr_assert_eq(probe_join(&p), POLL_PENDING);
    fifo_run(&q);
    cr_assert_eq(atomic_load(&p.c.wakes), 1);
    cr_assert_eq(p.out, 77);
    cr_assert_null(h.task);
    cr_assert_eq(task_live(), 0);
}

static void complete_now(struct probe *p) { fifo_run(p->q); }

Test(ch09_rules, r4_a_completion_during_registration_does_not_wait)
{
    struct fifo q = FIFO_INIT;
    struct join_handle h = spawn_countdown(&q, 2, 88);
    struct probe p = {.on_clone = complete_now, .q = &q, .h = &h};
    cr_assert_eq(probe_join(&p), POLL_READY);
    cr_assert_eq(p.out, 88);
    cr_assert_eq(atomic_load(&p.c.clones), 1);
    cr_assert_eq(atomic_load(&p.c.wakes), 0);
    cr_assert_eq(atomic_load(&p.c.alive), 0);
    join_drop(&h);
    cr_assert_eq(task_live(), 0);
}
struct self_cancel {
    struct future base;
    struct task **self;
    bool finish;
    int *drops;
};
static enum poll self_cancel_poll(struct future *f, struct context *cx)
{
    struct self_cancel *c = (struct self_cancel *)f;
    cr_assert(task_cancel(*c->self));
    if (!c->finish)
        return POLL_PENDING;
    *(int *)cx->output = 3;
    return POLL_READY;
}
static void self_cancel_drop(struct future *f) { (*((struct self_cancel *)f)->drops)++; }

Test(ch09_rules, r6_a_cancel_reports_after_the_drop_and_may_lose_the_race)
{
    for (int finish = 0; finish < 2; finish++) {
        struct fifo q = FIFO_INIT;
        struct task *self;
        int drops = 0;
        struct self_cancel f = {{self_cancel_poll, self_cancel_drop}, &self, finish, &drops};
        struct join_handle h = task_spawn(&q.base, &f.base, sizeof f, sizeof(int));
        self = h.task;
        struct probe p = {.h = &h};
        cr_assert_eq(probe_join(&p), POLL_PENDING);
        fifo_run(&q);
        cr_assert_eq(probe_join(&p), POLL_READY);
        cr_assert_eq(p.cancelled, !finish);
        cr_assert_eq(drops, !finish, "the future was dropped before the join saw it");
        if (finish)
            cr_assert_eq(p.out, 3);
        join_drop(&h);
        cr_assert_eq(task_live(), 0);
    }
}
Test(ch09_rules, r7_dropping_the_handle_takes_the_waker_back)
{
    struct fifo q = FIFO_INIT;
    struct join_handle h = spawn_countdown(&q, 1, 5);
    struct probe p = {.h = &h};
    cr_assert_eq(probe_join(&p), POLL_PENDING);
    join_drop(&h);
    cr_assert_eq(atomic_load(&p.c.drops), 1);
    cr_assert_eq(atomic_load(&p.c.alive), 0);
    cr_assert_eq(task_live(), 1);
    fifo_run(&q);
    cr_assert_eq(atomic_load(&p.c.wakes), 0);
    cr_assert_eq(task_live(), 0);
}

Test(ch09_rules, r8_a_dropped_handle_detaches_the_task)
{
    struct fifo q = FIFO_INIT;
    struct join_handle h = spawn_countdown(&q, 3, 5);
    join_drop(&h);
    cr_assert_null(h.task);
    cr_assert_eq(fifo_run(&q), 4, "the task ran to the end");
    cr_assert_eq(task_live(), 0);
}
enum { CANCEL_BEFORE, CANCEL_DURING, CANCEL_BETWEEN, CANCEL_AFTER };
enum { DROP_BEFORE, DROP_DURING, DROP_AFTER };

struct world {
    struct fifo q;
    struct join_handle h;
    struct task *t;           /* the canceller's own reference */
    int cancel, drop, polls, drops;
    bool has_ext;
    struct waker ext;         /* the event's waker, held by the test */
};
struct matrix_future {
    struct future base;
    struct world *w;
};
static enum poll matrix_poll(struct future *f, struct context *cx)
{
    struct world *w = ((struct matrix_future *)f)->w;
    if (++w->polls == 1) {
        w->ext = waker_clone(cx->waker), w->has_ext = true;
        if (w->cancel == CANCEL_DURING)
            task_cancel(w->t);
        return POLL_PENDING;
    }
    if (w->drop == DROP_DURING)
        join_drop(&w->h);
    *(int *)cx->output = 5;
    return POLL_READY;
}
static void matrix_drop(struct future *f)
{
    struct world *w = ((struct matrix_future *)f)->w;
    w->drops++;
    if (w->has_ext)
        waker_drop(w->ext), w->has_ext = false;
    if (w->drop == DROP_DURING)
        join_drop(&w->h);
}
static void run_cell(struct world *w, bool by_value, struct probe *joiner)
{
    struct matrix_future f = {{matrix_poll, matrix_drop}, w};
    w->h = task_spawn(&w->q.base, &f.base, sizeof f, sizeof(int));
    task_ref(w->t = w->h.task);
    joiner->h = &w->h;
    if (w->cancel == CANCEL_BEFORE)
        task_cancel(w->t);
    if (w->drop == DROP_BEFORE)
        join_drop(&w->h);
    if (w->h.task != NULL)
        cr_assert_eq(probe_join(joiner), POLL_PENDING);
    fifo_run(&w->q);
    if (w->cancel == CANCEL_BETWEEN)
        cr_assert(task_cancel(w->t));
    if (w->has_ext) {
        w->has_ext = false;
        if (by_value)
            waker_wake(w->ext);
        else
            waker_wake_by_ref(&w->ext), waker_drop(w->ext);
    }
    fifo_run(&w->q);
    if (w->cancel == CANCEL_AFTER)
        cr_assert_not(task_cancel(w->t));
    if (w->h.task != NULL) {
        cr_assert_eq(probe_join(joiner), POLL_READY);
        join_drop(&w->h);
    }
    task_unref(w->t);
}
Test(ch09_matrix, every_cancel_drop_and_wake_timing)
{
    int cells = 0;
    for (int cancel = CANCEL_BEFORE; cancel <= CANCEL_AFTER; cancel++)
        for (int drop = DROP_BEFORE; drop <= DROP_AFTER; drop++)
            for (int by_value = 0; by_value < 2; by_value++, cells++) {
                struct world w = {.q = FIFO_INIT, .cancel = cancel, .drop = drop};
                struct probe joiner = {.cancelled = -1};
                run_cell(&w, by_value, &joiner);
                bool cancelled = cancel != CANCEL_AFTER;
                cr_assert_eq(w.drops, cancelled, "cell %d %d %d", cancel, drop, by_value);
                cr_assert_eq(task_live(), 0, "cell %d %d %d", cancel, drop, by_value);
                cr_assert_eq(atomic_load(&joiner.c.alive), 0, "cell %d %d %d", cancel, drop, by_value);
                cr_assert_eq(atomic_load(&joiner.c.wakes), drop == DROP_AFTER, "cell %d %d %d",
                             cancel, drop, by_value);
                if (drop == DROP_AFTER)
                    cr_assert(cancelled ? joiner.cancelled == 1 : joiner.out == 5,
                              "cell %d %d %d", cancel, drop, by_value);
            }
    cr_assert_eq(cells, 24);
}
enum { STRESS_TASKS = 3000 };

struct cell {
    pthread_mutex_t lock;
    bool set, has_waker;
    struct waker waker;
};

struct wait_cell {
    struct future base;
    struct cell *cell;
};

static enum poll wait_cell_poll(struct future *f, struct context *cx)
{
    struct cell *c = ((struct wait_cell *)f)->cell;
    pthread_mutex_lock(&c->lock);
    bool set = c->set;
    if (!set && !(c->has_waker && waker_will_wake(&c->waker, cx->waker))) {
        if (c->has_waker)
            waker_drop(c->waker);
        c->waker = waker_clone(cx->waker), c->has_waker = true;
    }
    pthread_mutex_unlock(&c->lock);
    if (set)
        *(int *)cx->output = 42;
    return set ? POLL_READY : POLL_PENDING;
}
static void cell_release(struct cell *c, bool set)
{
    pthread_mutex_lock(&c->lock);
    c->set |= set;
    bool had = c->has_waker;
    struct waker w = c->waker;
    c->has_waker = false;
    pthread_mutex_unlock(&c->lock);
    if (had && set)
        waker_wake(w);
    else if (had)
        waker_drop(w);
}

static void wait_cell_drop(struct future *f) { cell_release(((struct wait_cell *)f)->cell, false); }
static struct fifo stress_q = FIFO_INIT;
static struct cell cells[STRESS_TASKS];
static struct task *to_cancel[STRESS_TASKS];
static atomic_bool stop;

static void *stress_worker(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop))
        if (fifo_run(&stress_q) == 0)
            sched_yield();
    return NULL;
}

static void *stress_signaller(void *arg)
{
    (void)arg;
    for (unsigned i = 0; i < STRESS_TASKS; i++)
        cell_release(&cells[(i * 7919u) % STRESS_TASKS], true);
    return NULL;
}

static void *stress_canceller(void *arg)
{
    (void)arg;
    for (int i = 0; i < STRESS_TASKS; i += 3) {
        task_cancel(to_cancel[i]);
        task_unref(to_cancel[i]);
    }
    return NULL;
}
struct parker { pthread_mutex_t lock; pthread_cond_t cond; bool notified; };
static const struct waker_vtable parker_vtable;
static void unpark(const void *d)
{
    struct parker *p = (struct parker *)d;
    pthread_mutex_lock(&p->lock);
    p->notified = true;
    pthread_cond_signal(&p->cond);
    pthread_mutex_unlock(&p->lock);
}
static struct waker parker_clone(const void *d) { return (struct waker){d, &parker_vtable}; }
static void parker_drop(const void *d) { (void)d; }
static const struct waker_vtable parker_vtable = {parker_clone, unpark, unpark, parker_drop};

static int join_blocking(struct parker *p, struct join_handle *h, int *out)
{
    struct waker w = {p, &parker_vtable};
    struct context cx = {&w, NULL};
    int cancelled;
    while (join_poll(h, &cx, out, &cancelled) == POLL_PENDING) {
        pthread_mutex_lock(&p->lock);
        while (!p->notified)
            pthread_cond_wait(&p->cond, &p->lock);
        p->notified = false;
        pthread_mutex_unlock(&p->lock);
    }
    join_drop(h);
    return cancelled;
}
Test(ch09_task, every_party_on_its_own_thread, .timeout = 60)
{
    static struct join_handle h[STRESS_TASKS];
    for (int i = 0; i < STRESS_TASKS; i++) {
        cells[i] = (struct cell){PTHREAD_MUTEX_INITIALIZER, false, false, {0}};
        struct wait_cell f = {{wait_cell_poll, wait_cell_drop}, &cells[i]};
        h[i] = task_spawn(&stress_q.base, &f.base, sizeof f, sizeof(int));
        if (i % 3 == 0)
            task_ref(to_cancel[i] = h[i].task);
    }
    pthread_t t[4];
    void *(*role[4])(void *) = {stress_worker, stress_worker, stress_signaller,
                                stress_canceller};
    for (int i = 0; i < 4; i++)
        cr_assert_eq(pthread_create(&t[i], NULL, role[i], NULL), 0);
    struct parker p = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
    int cancelled = 0;
    for (int i = 0; i < STRESS_TASKS; i++) {
        int out = 0, c = join_blocking(&p, &h[i], &out);
        cr_assert(c ? i % 3 == 0 : out == 42, "task %d: cancelled %d out %d", i, c, out);
        cancelled += c;
    }
    for (int i = 2; i < 4; i++)
        pthread_join(t[i], NULL);
    atomic_store(&stop, true);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    cr_assert_eq(task_live(), 0);
    for (int i = 0; i < STRESS_TASKS; i++)
        cr_assert_not(cells[i].has_waker);
    cr_log_info("%d of %d tasks were cancelled before they finished\n", cancelled,
                STRESS_TASKS);
}
