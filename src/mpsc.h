/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_MPSC_H
#define HYPHA_MPSC_H

#include <stdatomic.h>
#include <stdbool.h>

struct mpsc_node {
    struct mpsc_node *_Atomic next;     /* the node pushed after this one */
};

struct mpsc {
    struct mpsc_node *_Atomic head;     /* producers' end: the newest node */
    char apart[64 - sizeof(void *)];    /* keep the two ends on two cache lines */
    struct mpsc_node *tail;             /* the consumer's end: the oldest node */
    _Atomic int consuming;              /* someone holds the consumer's end */
    struct mpsc_node stub;              /* never handed out */
};

enum mpsc_pop { MPSC_NODE, MPSC_EMPTY, MPSC_BUSY };

void mpsc_init(struct mpsc *q);
void mpsc_push(struct mpsc *q, struct mpsc_node *n);
bool mpsc_try_consume(struct mpsc *q);
void mpsc_end_consume(struct mpsc *q);
struct mpsc_node *mpsc_pop(struct mpsc *q, enum mpsc_pop *why);
bool mpsc_looks_empty(struct mpsc *q);

#endif
