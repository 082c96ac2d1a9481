/* Generated from chapters/09-join.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TASK_H
#define HYPHA_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "future.h"
#include "task_state.h"

struct task;

struct scheduler {
    void (*schedule)(struct scheduler *s, struct task *t); /* t carries a ref */
    void *(*alloc)(struct scheduler *s, size_t size);      /* for task memory */
    void (*free)(struct scheduler *s, void *p);
};
struct task_vtable {
    void (*dealloc)(struct task *t);  /* give the task's memory back */
};

struct task {
    _Atomic uint64_t state;          /* chapter 8's word */
    const struct task_vtable *vtable;
    struct scheduler *scheduler;
    uint64_t id;
    /* private to task.c: */
    struct waker join_waker;         /* the slot, guarded by JOIN_WAKER */
    struct future *future;           /* inside the task's memory */
    void *output;                    /* after the future, output_size bytes */
    size_t output_size;
};
struct join_handle {
    struct task *task;
};

enum task_run_result {
    TASK_RUN_PENDING,      /* polled, waiting for a wake-up */
    TASK_RUN_READY,        /* polled to completion */
    TASK_RUN_RESCHEDULED,  /* woken during the poll: it is queued again */
    TASK_RUN_CANCELLED,    /* dropped without a poll: it was cancelled */
};

struct join_handle task_spawn(struct scheduler *s, const struct future *f,
                              size_t future_size, size_t output_size);
enum task_run_result task_run(struct task *t);
enum poll join_poll(struct join_handle *h, struct context *cx, void *output,
                    int *cancelled);
void join_drop(struct join_handle *h);
bool join_cancel(struct join_handle *h);
bool task_cancel(struct task *t);
void task_ref(struct task *t);
void task_unref(struct task *t);
struct waker task_waker(struct task *t);
long task_live(void);
struct join_future {
    struct future base;
    struct join_handle handle;
    int cancelled;        /* after ready: 1 if the task was cancelled */
};

struct join_future join_future(struct join_handle h);

#endif
