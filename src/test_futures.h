/* Generated from chapters/09-join.nw, chapters/10-executor.nw, chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TEST_FUTURES_H
#define HYPHA_TEST_FUTURES_H

#include "task.h"
#include "executor.h"
#include "sleep.h"

struct countdown {
    struct future base;
    int remaining, result;
};

struct countdown countdown(int n, int result);

struct spawner {
    struct future base;
    struct executor *ex;
    struct join_handle *handles;    /* room for n, the caller's */
    long n, arg;
    struct join_handle (*spawn)(struct executor *ex, long i, long arg);
    long next;
    int spawned, joining;
    struct join_future join;
    long sum, least, most;          /* of the outputs joined so far */
};
struct spawner spawner(struct executor *ex, struct join_handle *handles, long n,
                       struct join_handle (*spawn)(struct executor *, long, long), long arg);

extern _Atomic long counters_done;
extern int counter_spin;        /* empty loop turns in every poll */

struct counter {
    struct future base;
    struct yield_future yield;
    int yields_left;
    long id;
};
struct counter counter(long id, int yields);
struct join_handle spawn_counter(struct executor *ex, long i, long yields);

extern _Atomic int forever_dropped;
extern const struct future forever;     /* pending forever; its drop counts */

struct canceller {
    struct future base;
    struct executor *ex;
    const struct future *victim;        /* copied into a task on the first poll */
    size_t victim_size;
    struct future *pause;               /* the caller's, awaited before the cancel */
    void (*before_cancel)(struct canceller *c, struct context *cx);     /* or NULL */
    struct join_future join;
    int state;
};
struct canceller canceller(struct executor *ex, const struct future *victim,
                           size_t victim_size, struct future *pause);

struct join_handle spawn_sleeper(struct executor *ex, long i, long period_ms);

#endif
