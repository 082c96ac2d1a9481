/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "waitq.h"

#include <stddef.h>

void waitlist_wait(struct waitlist *l, struct waiter *w, const struct waker *waker)
{
    if (w->state == WAITER_QUEUED) {
        if (!waker_will_wake(&w->waker, waker)) {
            waker_drop(w->waker);
            w->waker = waker_clone(waker);
        }
        return;
    }
    w->waker = waker_clone(waker);
    w->state = WAITER_QUEUED;
    w->next = NULL;
    w->prev = l->tail;
    if (l->tail != NULL)
        l->tail->next = w;
    else
        l->head = w;
    l->tail = w;
}
static void unlink_waiter(struct waitlist *l, struct waiter *w)
{
    if (w->prev != NULL)
        w->prev->next = w->next;
    else
        l->head = w->next;
    if (w->next != NULL)
        w->next->prev = w->prev;
    else
        l->tail = w->prev;
    w->prev = w->next = NULL;
}

bool waitlist_remove(struct waitlist *l, struct waiter *w)
{
    bool woken = w->state == WAITER_WOKEN;
    if (w->state == WAITER_QUEUED) {
        unlink_waiter(l, w);
        waker_drop(w->waker);
    }
    w->state = WAITER_IDLE;
    return woken;
}
bool waitlist_wake_one(struct waitlist *l)
{
    struct waiter *w = l->head;
    if (w == NULL)
        return false;
    unlink_waiter(l, w);
    w->state = WAITER_WOKEN;
    waker_wake(w->waker);
    return true;
}

void waitlist_wake_all(struct waitlist *l)
{
    while (waitlist_wake_one(l))
        ;
}
static enum poll wait_for_poll(struct future *f, struct context *cx)
{
    struct wait_for *wf = (struct wait_for *)f;
    tas_lock(&wf->q->lock);
    bool ready = wf->ready(wf->arg);
    if (ready)
        waitlist_remove(&wf->q->waiters, &wf->w);
    else
        waitlist_wait(&wf->q->waiters, &wf->w, cx->waker);
    tas_unlock(&wf->q->lock);
    return ready ? POLL_READY : POLL_PENDING;
}

static void wait_for_drop(struct future *f)
{
    struct wait_for *wf = (struct wait_for *)f;
    tas_lock(&wf->q->lock);
    if (waitlist_remove(&wf->q->waiters, &wf->w))
        waitlist_wake_one(&wf->q->waiters);
    tas_unlock(&wf->q->lock);
}
struct wait_for wait_for(struct wait_queue *q, bool (*ready)(void *), void *arg)
{
    return (struct wait_for){.base = {wait_for_poll, wait_for_drop}, .q = q,
                             .ready = ready, .arg = arg};
}

void wait_queue_wake_one(struct wait_queue *q)
{
    tas_lock(&q->lock);
    waitlist_wake_one(&q->waiters);
    tas_unlock(&q->lock);
}

void wait_queue_wake_all(struct wait_queue *q)
{
    tas_lock(&q->lock);
    waitlist_wake_all(&q->waiters);
    tas_unlock(&q->lock);
}
