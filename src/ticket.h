/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TICKET_H
#define HYPHA_TICKET_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct ticket_lock {
    _Atomic uint32_t next;      /* the number on the next ticket handed out */
    _Atomic uint32_t serving;   /* the ticket that may hold the lock now */
};

#define TICKET_LOCK_INIT { 0, 0 }

void ticket_acquire(struct ticket_lock *l);
bool ticket_try_acquire(struct ticket_lock *l);
void ticket_release(struct ticket_lock *l);

uint32_t ticket_take(struct ticket_lock *l);
bool ticket_is_served(struct ticket_lock *l, uint32_t ticket);
void ticket_wait(struct ticket_lock *l, uint32_t ticket);
uint32_t ticket_holders(struct ticket_lock *l);

#endif
