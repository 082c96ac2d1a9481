/* Generated from chapters/07-futures.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_FUTURE_H
#define HYPHA_FUTURE_H

#include <stdbool.h>
#include <stddef.h>

enum poll { POLL_PENDING = 0, POLL_READY = 1 };

struct waker;

struct waker_vtable {
    struct waker (*clone)(const void *data);
    void (*wake)(const void *data);        /* wakes, and consumes the waker */
    void (*wake_by_ref)(const void *data); /* wakes, the waker stays valid */
    void (*drop)(const void *data);        /* consumes it without waking */
};

struct waker {
    const void *data;
    const struct waker_vtable *vtable;
};
static inline struct waker waker_clone(const struct waker *w)
{
    return w->vtable->clone(w->data);
}
static inline void waker_wake(struct waker w) { w.vtable->wake(w.data); }
static inline void waker_wake_by_ref(const struct waker *w)
{
    w->vtable->wake_by_ref(w->data);
}
static inline void waker_drop(struct waker w) { w.vtable->drop(w.data); }
static inline bool waker_will_wake(const struct waker *a, const struct waker *b)
{
    return a->data == b->data && a->vtable == b->vtable;
}
struct waker waker_noop(void);
struct context {
    const struct waker *waker;  /* borrowed: clone it to keep it */
    void *output;               /* where a ready future writes its result */
};
struct future {
    enum poll (*poll)(struct future *self, struct context *cx);
    void (*drop)(struct future *self);  /* NULL: nothing to release */
};

static inline enum poll future_poll(struct future *f, struct context *cx)
{
    return f->poll(f, cx);
}
static inline void future_drop(struct future *f)
{
    if (f->drop != NULL)
        f->drop(f);
}
static inline enum poll future_poll_into(struct future *child,
                                         const struct context *cx, void *output)
{
    struct context sub = {cx->waker, output};
    return child->poll(child, &sub);
}

#endif
