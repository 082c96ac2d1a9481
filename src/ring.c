/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "ring.h"

int ring_init(struct ring *r, unsigned char *buf, uint32_t size)
{
    if (size < 2 || size > (UINT32_C(1) << 31) || (size & (size - 1)) != 0)
        return -1;
    r->buf = buf;
    r->mask = size - 1;
    atomic_init(&r->head, 0);
    atomic_init(&r->tail, 0);
    atomic_init(&r->dropped, 0);
    return 0;
}
int ring_put(struct ring *r, unsigned char c)
{
    uint32_t head = atomic_load_explicit(&r->head, memory_order_relaxed);
    uint32_t tail = atomic_load_explicit(&r->tail, memory_order_acquire);
    if (head - tail > r->mask) {
        atomic_fetch_add_explicit(&r->dropped, 1, memory_order_relaxed);
        return -1;
    }
    r->buf[head & r->mask] = c;
    atomic_store_explicit(&r->head, head + 1, memory_order_release);
    return 0;
}
int ring_get(struct ring *r)
{
    uint32_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    uint32_t head = atomic_load_explicit(&r->head, memory_order_acquire);
    if (head == tail)
        return -1;
    int c = r->buf[tail & r->mask];
    atomic_store_explicit(&r->tail, tail + 1, memory_order_release);
    return c;
}

uint32_t ring_count(struct ring *r)
{
    uint32_t tail = atomic_load_explicit(&r->tail, memory_order_acquire);
    return atomic_load_explicit(&r->head, memory_order_acquire) - tail;
}

uint32_t ring_dropped(struct ring *r)
{
    return atomic_load_explicit(&r->dropped, memory_order_relaxed);
}
