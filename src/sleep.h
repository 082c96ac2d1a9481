/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_SLEEP_H
#define HYPHA_SLEEP_H

#include <stdatomic.h>
#include <stdint.h>

#include "future.h"
#include "taslock.h"
#include "wheel.h"

struct timers {
    struct taslock lock;
    struct wheel wheel;
    uint64_t tick_ns;
    uint64_t (*now)(void *ctx);        /* nanoseconds */
    void *ctx;
    _Atomic uint64_t next_ns;          /* when the wheel next needs advancing */
};

void timers_init(struct timers *t, uint64_t tick_ns, uint64_t (*now)(void *), void *ctx);
void timers_fire(struct timers *t);
uint64_t timers_next(struct timers *t);
size_t timers_pending(struct timers *t);
uint64_t timers_now(struct timers *t);
struct sleep {
    struct future base;
    struct timers *timers;
    uint64_t deadline_ns;
    enum { SLEEP_NEW, SLEEP_WAITING, SLEEP_FIRED } state;  /* under the lock */
    _Bool started;                      /* the future's own: no lock */
    struct wheel_entry entry;
    struct waker waker;                 /* while WAITING */
};

struct sleep sleep_until(struct timers *t, uint64_t deadline_ns);
struct sleep sleep_for(struct timers *t, uint64_t ns);
struct timeout {
    struct future base;
    struct future *inner;       /* set before the first poll, must not move */
    struct sleep sleep;
    int done;
    int timed_out;              /* when ready: 1 if the time ran out */
};

struct timeout timeout_after(struct timers *t, struct future *inner, uint64_t ns);

#endif
