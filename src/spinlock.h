/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_SPINLOCK_H
#define HYPHA_SPINLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "ticket.h"

struct hart;

struct spinlock {
    struct ticket_lock ticket;
    const char *name;               /* for messages: "console", ... */
    _Atomic(struct hart *) owner;   /* the hart holding it, or NULL */
};

#define SPINLOCK_INIT(name) { TICKET_LOCK_INIT, (name), NULL }

void spin_init(struct spinlock *l, const char *name);
void spin_lock(struct spinlock *l);
void spin_unlock(struct spinlock *l);
bool spin_holding(struct spinlock *l);

void push_off(void);
void pop_off(void);

#endif
