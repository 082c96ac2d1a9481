/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_RING_H
#define HYPHA_RING_H

#include <stdatomic.h>
#include <stdint.h>

struct ring {
    unsigned char *buf;
    uint32_t mask;              /* size - 1; the size is a power of two */
    atomic_uint head;           /* bytes written; only the producer changes it */
    atomic_uint tail;           /* bytes read; only the consumer changes it */
    atomic_uint dropped;        /* bytes refused because the ring was full */
};

int ring_init(struct ring *r, unsigned char *buf, uint32_t size);
int ring_put(struct ring *r, unsigned char c);
int ring_get(struct ring *r);
uint32_t ring_count(struct ring *r);
uint32_t ring_dropped(struct ring *r);

#endif
