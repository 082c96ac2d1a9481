/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WHEEL_H
#define HYPHA_WHEEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { WHEEL_LEVELS = 11, WHEEL_SLOTS = 64 };

struct wheel_entry {
    struct wheel_entry *prev, *next;    /* the slot's list */
    uint64_t deadline;                  /* in ticks */
    int level, slot;                    /* where it is; level -1: not in a wheel */
};

struct wheel {
    uint64_t now;                       /* ticks: everything due by now has fired */
    size_t count;                       /* entries in the wheel */
    uint64_t occupied[WHEEL_LEVELS];    /* bit s: slot s is not empty */
    struct wheel_entry *slots[WHEEL_LEVELS][WHEEL_SLOTS];
};

typedef void (*wheel_expire_fn)(struct wheel_entry *e, void *ctx);

void wheel_init(struct wheel *w, uint64_t now);
bool wheel_insert(struct wheel *w, struct wheel_entry *e, uint64_t deadline);
void wheel_remove(struct wheel *w, struct wheel_entry *e);
uint64_t wheel_next_expiry(const struct wheel *w);
void wheel_advance(struct wheel *w, uint64_t now, wheel_expire_fn expire, void *ctx);

#endif
