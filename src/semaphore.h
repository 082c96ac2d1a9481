/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_SEMAPHORE_H
#define HYPHA_SEMAPHORE_H

#include "waitq.h"

struct semaphore {
    struct taslock lock;
    long permits;
    struct waitlist waiters;
};

struct sem_acquire {
    struct future base;
    struct semaphore *sem;
    long n;
    struct waiter w;
    int granted;
};

void semaphore_init(struct semaphore *s, long permits);
struct sem_acquire semaphore_acquire(struct semaphore *s, long n);
void semaphore_release(struct semaphore *s, long n);
long semaphore_available(struct semaphore *s);
struct mutex {
    struct semaphore sem;
};

static inline void mutex_init(struct mutex *m) { semaphore_init(&m->sem, 1); }
static inline struct sem_acquire mutex_lock(struct mutex *m)
{
    return semaphore_acquire(&m->sem, 1);
}
static inline void mutex_unlock(struct mutex *m) { semaphore_release(&m->sem, 1); }

#endif
