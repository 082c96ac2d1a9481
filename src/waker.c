/* Generated from chapters/07-futures.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "future.h"

static struct waker noop_clone(const void *data);
static void noop(const void *data) { (void)data; }

static const struct waker_vtable noop_vtable = {
    noop_clone, noop, noop, noop,
};

static struct waker noop_clone(const void *data)
{
    return (struct waker){data, &noop_vtable};
}

struct waker waker_noop(void) { return noop_clone(NULL); }
