/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "semaphore.h"

#include <stddef.h>

static struct sem_acquire *acquire_of(struct waiter *w)
{
    return (struct sem_acquire *)(void *)((char *)w - offsetof(struct sem_acquire, w));
}

static void hand_out(struct semaphore *s)
{
    struct waiter *w;
    while ((w = waitlist_first(&s->waiters)) != NULL && acquire_of(w)->n <= s->permits) {
        s->permits -= acquire_of(w)->n;
        acquire_of(w)->granted = 1;
        waitlist_wake_one(&s->waiters);
    }
}
static enum poll acquire_poll(struct future *f, struct context *cx)
{
    struct sem_acquire *a = (struct sem_acquire *)f;
    struct semaphore *s = a->sem;
    enum poll r = POLL_READY;
    tas_lock(&s->lock);
    if (a->granted) {
        waitlist_remove(&s->waiters, &a->w);
    } else if (a->w.state != WAITER_QUEUED && waitlist_first(&s->waiters) == NULL &&
               a->n <= s->permits) {
        s->permits -= a->n;
        a->granted = 1;
    } else {
        waitlist_wait(&s->waiters, &a->w, cx->waker);
        r = POLL_PENDING;
    }
    tas_unlock(&s->lock);
    return r;
}
static void acquire_drop(struct future *f)
{
    struct sem_acquire *a = (struct sem_acquire *)f;
    struct semaphore *s = a->sem;
    tas_lock(&s->lock);
    waitlist_remove(&s->waiters, &a->w);
    if (a->granted)
        s->permits += a->n;
    hand_out(s);
    tas_unlock(&s->lock);
}

struct sem_acquire semaphore_acquire(struct semaphore *s, long n)
{
    return (struct sem_acquire){.base = {acquire_poll, acquire_drop}, .sem = s, .n = n};
}
void semaphore_init(struct semaphore *s, long permits)
{
    *s = (struct semaphore){.lock = TASLOCK_INIT, .permits = permits};
}

void semaphore_release(struct semaphore *s, long n)
{
    tas_lock(&s->lock);
    s->permits += n;
    hand_out(s);
    tas_unlock(&s->lock);
}

long semaphore_available(struct semaphore *s)
{
    tas_lock(&s->lock);
    long n = s->permits;
    tas_unlock(&s->lock);
    return n;
}
