/* Generated from chapters/09-join.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "task.h"
#include "kstring.h"

#include <stdalign.h>

static _Atomic long live_tasks;
static _Atomic uint64_t last_id;

long task_live(void) { return atomic_load_explicit(&live_tasks, memory_order_relaxed); }

static struct ts_step step(struct task *t, ts_transition f)
{
    struct ts_step st = ts_apply(&t->state, f);
    if (st.action & (TS_BUG | TS_OVERFLOW))
        __builtin_trap();
    return st;
}
static void dealloc(struct task *t)
{
    uint64_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
    if (!(s & TS_COMPLETE))
        future_drop(t->future);
    atomic_fetch_sub_explicit(&live_tasks, 1, memory_order_relaxed);
    t->vtable->dealloc(t);
}

static void free_to_scheduler(struct task *t) { t->scheduler->free(t->scheduler, t); }

static const struct task_vtable spawned_vtable = {free_to_scheduler};
static const struct waker_vtable task_waker_vtable;

static struct waker task_waker_clone(const void *data)
{
    task_ref((struct task *)data);
    return (struct waker){data, &task_waker_vtable};
}
static void task_wake(const void *data)
{
    struct task *t = (struct task *)data;
    struct ts_step st = step(t, ts_wake_by_val);
    if (st.action & TS_SCHEDULE)
        t->scheduler->schedule(t->scheduler, t);
    if (st.action & TS_DEALLOC)
        dealloc(t);
}
static void task_wake_by_ref(const void *data)
{
    struct task *t = (struct task *)data;
    if (step(t, ts_wake_by_ref).action & TS_SCHEDULE)
        t->scheduler->schedule(t->scheduler, t);
}
static void task_waker_drop(const void *data) { task_unref((struct task *)data); }

static const struct waker_vtable task_waker_vtable = {
    task_waker_clone, task_wake, task_wake_by_ref, task_waker_drop,
};

struct waker task_waker(struct task *t) { return task_waker_clone(t); }
static size_t round_up(size_t n) { return (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1); }

struct join_handle task_spawn(struct scheduler *s, const struct future *f,
                              size_t future_size, size_t output_size)
{
    size_t head = round_up(sizeof(struct task)), body = round_up(future_size);
    unsigned char *mem = s->alloc(s, head + body + output_size);
    if (mem == NULL)
        return (struct join_handle){NULL};
    struct task *t = (struct task *)mem;
    atomic_init(&t->state, TS_INITIAL);
    t->vtable = &spawned_vtable;
    t->scheduler = s;
    t->id = atomic_fetch_add_explicit(&last_id, 1, memory_order_relaxed) + 1;
    t->join_waker = (struct waker){NULL, NULL};
    t->future = memcpy(mem + head, f, future_size);
    t->output = output_size > 0 ? mem + head + body : NULL;
    t->output_size = output_size;
    atomic_fetch_add_explicit(&live_tasks, 1, memory_order_relaxed);
    s->schedule(s, t);
    return (struct join_handle){t};
}
static void complete(struct task *t, ts_transition how);

enum task_run_result task_run(struct task *t)
{
    if (step(t, ts_start_poll).action & TS_CANCEL) {
        future_drop(t->future);
        complete(t, ts_complete_cancelled);
        return TASK_RUN_CANCELLED;
    }
    struct waker w = {t, &task_waker_vtable};
    struct context cx = {&w, t->output};
    if (future_poll(t->future, &cx) == POLL_READY) {
        complete(t, ts_complete);
        return TASK_RUN_READY;
    }
    struct ts_step st = step(t, ts_end_poll);
    if (st.action & TS_SCHEDULE) {
        t->scheduler->schedule(t->scheduler, t);
        return TASK_RUN_RESCHEDULED;
    }
    if (st.action & TS_DEALLOC)
        dealloc(t);
    return TASK_RUN_PENDING;
}
static void complete(struct task *t, ts_transition how)
{
    struct ts_step st = step(t, how);
    if (st.action & TS_WAKE_JOINER) {
        waker_wake(t->join_waker);
        st = step(t, ts_drop_ref);
    }
    if (st.action & TS_DEALLOC)
        dealloc(t);
}
enum poll join_poll(struct join_handle *h, struct context *cx, void *output,
                    int *cancelled)
{
    struct task *t = h->task;
    for (;;) {
        struct ts_step st = step(t, ts_try_join);
        if (st.action & (TS_TAKE_OUTPUT | TS_JOIN_CANCELLED)) {
            if ((st.action & TS_TAKE_OUTPUT) && output != NULL && t->output_size > 0)
                memcpy(output, t->output, t->output_size);
            if (cancelled != NULL)
                *cancelled = (st.action & TS_JOIN_CANCELLED) != 0;
            return POLL_READY;
        }
        if (!(st.action & TS_REREGISTER) || !waker_will_wake(&t->join_waker, cx->waker)) {
            if (st.action & TS_REREGISTER)
                waker_drop(t->join_waker);
            t->join_waker = waker_clone(cx->waker);
        }
        if (!(step(t, ts_join_waker_registered).action & TS_JOIN_RETRY))
            return POLL_PENDING;
        waker_drop(t->join_waker);
    }
}
void join_drop(struct join_handle *h)
{
    struct task *t = h->task;
    if (t == NULL)
        return;
    h->task = NULL;
    struct ts_step st = step(t, ts_drop_join_handle);
    if (st.action & TS_DROP_JOIN_WAKER) {
        waker_drop(t->join_waker);
        st = step(t, ts_drop_ref);
    }
    if (st.action & TS_DEALLOC)
        dealloc(t);
}
bool task_cancel(struct task *t)
{
    struct ts_step st = step(t, ts_cancel);
    if (st.action & TS_SCHEDULE)
        t->scheduler->schedule(t->scheduler, t);
    return (st.action & TS_CANCELLED_NOW) != 0;
}

bool join_cancel(struct join_handle *h) { return h->task != NULL && task_cancel(h->task); }

void task_ref(struct task *t) { step(t, ts_clone_ref); }

void task_unref(struct task *t)
{
    if (step(t, ts_drop_ref).action & TS_DEALLOC)
        dealloc(t);
}
static enum poll join_future_poll(struct future *f, struct context *cx)
{
    struct join_future *j = (struct join_future *)f;
    if (join_poll(&j->handle, cx, cx->output, &j->cancelled) == POLL_PENDING)
        return POLL_PENDING;
    join_drop(&j->handle);
    return POLL_READY;
}
static void join_future_drop(struct future *f) { join_drop(&((struct join_future *)f)->handle); }

struct join_future join_future(struct join_handle h)
{
    return (struct join_future){{join_future_poll, join_future_drop}, h, 0};
}
