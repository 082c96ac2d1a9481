/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TASLOCK_H
#define HYPHA_TASLOCK_H

#include <stdatomic.h>
#include <stdbool.h>

struct taslock {
    _Atomic int held;
};

#define TASLOCK_INIT {0}

static inline bool tas_try_lock(struct taslock *l)
{
    return !atomic_load_explicit(&l->held, memory_order_relaxed) &&
           !atomic_exchange_explicit(&l->held, 1, memory_order_acquire);
}

static inline void tas_lock(struct taslock *l)
{
    while (!tas_try_lock(l))
        ;
}

static inline void tas_unlock(struct taslock *l)
{
    atomic_store_explicit(&l->held, 0, memory_order_release);
}

#endif
