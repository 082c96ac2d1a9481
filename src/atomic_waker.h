/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_ATOMIC_WAKER_H
#define HYPHA_ATOMIC_WAKER_H

#include <stdatomic.h>

#include "future.h"

enum { AW_REGISTERING = 1, AW_WAKING = 2 };

struct atomic_waker {
    _Atomic int state;
    struct waker waker;         /* valid when has_waker; owned by whoever holds a bit */
    int has_waker;
};

void atomic_waker_register(struct atomic_waker *aw, const struct waker *w);
void atomic_waker_wake(struct atomic_waker *aw);
void atomic_waker_drop(struct atomic_waker *aw);

#endif
