/* Generated from chapters/10-executor.nw, chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_EXECUTOR_H
#define HYPHA_EXECUTOR_H

#include <stddef.h>
#include <stdint.h>

#include "future.h"
#include "mpsc.h"
#include "task.h"
#include "sleep.h"

#define EXECUTOR_NO_WORKER 0xffffffffu
#define EXECUTOR_NEVER UINT64_MAX

struct executor_platform {
    void *ctx;
    void *(*alloc)(void *ctx, size_t size);     /* 16-byte aligned, or NULL */
    void (*free)(void *ctx, void *p);
    unsigned (*this_worker)(void *ctx);         /* or EXECUTOR_NO_WORKER */
    void (*park)(void *ctx, unsigned worker, uint64_t deadline_ns);
    void (*unpark)(void *ctx, unsigned worker);
    uint64_t (*now)(void *ctx);                 /* nanoseconds */
};
struct executor_counters {
    _Atomic uint64_t spawned;   /* tasks spawned on this worker */
    _Atomic uint64_t polled;    /* task_run calls */
    _Atomic uint64_t completed; /* tasks that finished here (ready or cancelled) */
    _Atomic uint64_t woken;     /* tasks put in this worker's run queue */
    _Atomic uint64_t stolen;    /* tasks taken from other workers' queues */
    _Atomic uint64_t parked;    /* times this worker went to sleep */
};

struct executor;

struct executor *executor_create(const struct executor_platform *p, unsigned workers);
void executor_destroy(struct executor *ex);
void executor_run_worker(struct executor *ex, unsigned worker);
void executor_shutdown(struct executor *ex);
struct join_handle executor_spawn(struct executor *ex, const struct future *f,
                                  size_t future_size, size_t output_size);
int executor_block_on(struct executor *ex, unsigned worker, struct future *f,
                      void *output);
unsigned executor_workers(const struct executor *ex);
const struct executor_counters *executor_counters(const struct executor *ex, unsigned w);
long executor_live_tasks(const struct executor *ex);
struct timers *executor_timers(struct executor *ex);

struct yield_future {
    struct future base;
    int yielded;
};

struct yield_future yield_now(void);

#endif
