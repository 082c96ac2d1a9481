/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_BENCH_FUTURES_H
#define HYPHA_BENCH_FUTURES_H

#include <stdatomic.h>
#include <stdint.h>

#include "executor.h"
#include "test_futures.h"

struct batches {
    struct future base;
    struct executor *ex;
    long rounds, per, r;
    int started;
    struct join_handle h[1000];
    struct spawner round;
};
void batches_init(struct batches *b, struct executor *ex, long rounds, long per);
struct pong_line {
    _Atomic uint64_t polls, polled_at;
    _Atomic int stop;
    struct waker waker;             /* pong's, cloned at its first poll */
    uint64_t (*now)(void);
};
struct pong {
    struct future base;
    struct pong_line *line;
};
struct pong pong(struct pong_line *line);
void pong_stop(struct pong_line *line, struct join_handle *h);
struct tiny_root {
    struct future base;
    struct executor *ex;
    long spawned, total;
    _Atomic long done;              /* tiny tasks that have run */
    struct yield_future y;
    int yielding;
};
void tiny_root_init(struct tiny_root *m, struct executor *ex, long total);
struct yielder {
    struct future base;
    long left;
    struct yield_future y;
};
struct yielder yielder(long n);

#endif
