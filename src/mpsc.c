/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "mpsc.h"

#include <stddef.h>

void mpsc_init(struct mpsc *q)
{
    atomic_store_explicit(&q->stub.next, NULL, memory_order_relaxed);
    atomic_store_explicit(&q->head, &q->stub, memory_order_relaxed);
    q->tail = &q->stub;
    atomic_store_explicit(&q->consuming, 0, memory_order_relaxed);
}
void mpsc_push(struct mpsc *q, struct mpsc_node *n)
{
    atomic_store_explicit(&n->next, NULL, memory_order_relaxed);
    struct mpsc_node *prev = atomic_exchange_explicit(&q->head, n, memory_order_seq_cst);
    atomic_store_explicit(&prev->next, n, memory_order_release);
}
bool mpsc_try_consume(struct mpsc *q)
{
    if (atomic_load_explicit(&q->consuming, memory_order_relaxed))
        return false;
    return !atomic_exchange_explicit(&q->consuming, 1, memory_order_acquire);
}

void mpsc_end_consume(struct mpsc *q)
{
    atomic_store_explicit(&q->consuming, 0, memory_order_release);
}
struct mpsc_node *mpsc_pop(struct mpsc *q, enum mpsc_pop *why)
{
    struct mpsc_node *tail = q->tail;
    struct mpsc_node *next = atomic_load_explicit(&tail->next, memory_order_acquire);
    if (tail == &q->stub) {
        if (next == NULL) {
            *why = atomic_load_explicit(&q->head, memory_order_acquire) == &q->stub
                       ? MPSC_EMPTY : MPSC_BUSY;
            return NULL;
        }
        q->tail = tail = next;
        next = atomic_load_explicit(&tail->next, memory_order_acquire);
    }
    if (next != NULL) {
        q->tail = next;
        *why = MPSC_NODE;
        return tail;
    }
    struct mpsc_node *expected = tail;
    if (tail != atomic_load_explicit(&q->head, memory_order_acquire))
        goto busy;
    atomic_store_explicit(&q->stub.next, NULL, memory_order_relaxed);
    if (!atomic_compare_exchange_strong_explicit(&q->head, &expected, &q->stub,
                                                 memory_order_seq_cst,
                                                 memory_order_seq_cst))
        goto busy;
    q->tail = &q->stub;
    *why = MPSC_NODE;
    return tail;
    busy:
    *why = MPSC_BUSY;
    return NULL;
}
bool mpsc_looks_empty(struct mpsc *q)
{
    return atomic_load_explicit(&q->head, memory_order_seq_cst) == &q->stub;
}
