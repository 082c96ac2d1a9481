/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WAITQ_H
#define HYPHA_WAITQ_H

#include <stdbool.h>

#include "future.h"
#include "taslock.h"

enum waiter_state { WAITER_IDLE, WAITER_QUEUED, WAITER_WOKEN };

struct waiter {
    struct waiter *prev, *next;
    struct waker waker;                 /* while QUEUED */
    enum waiter_state state;
};

struct waitlist {
    struct waiter *head, *tail;         /* oldest first */
};

void waitlist_wait(struct waitlist *l, struct waiter *w, const struct waker *waker);
bool waitlist_remove(struct waitlist *l, struct waiter *w);
bool waitlist_wake_one(struct waitlist *l);
void waitlist_wake_all(struct waitlist *l);
static inline struct waiter *waitlist_first(struct waitlist *l) { return l->head; }
struct wait_queue {
    struct taslock lock;
    struct waitlist waiters;
};

#define WAIT_QUEUE_INIT {TASLOCK_INIT, {NULL, NULL}}

struct wait_for {
    struct future base;
    struct wait_queue *q;
    bool (*ready)(void *arg);
    void *arg;
    struct waiter w;
};

struct wait_for wait_for(struct wait_queue *q, bool (*ready)(void *), void *arg);
void wait_queue_wake_one(struct wait_queue *q);
void wait_queue_wake_all(struct wait_queue *q);

#endif
