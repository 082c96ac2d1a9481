/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>

#include "ticket.h"

static void acquire_yielding(struct ticket_lock *l)
{
    uint32_t ticket = ticket_take(l);
    while (!ticket_is_served(l, ticket))
        sched_yield();
}
enum { THREADS = 4, ROUNDS = 20000 };

static struct ticket_lock counter_lock = TICKET_LOCK_INIT;
static long counter;
static atomic_int gate;

static void *count_rounds(void *arg)
{
    (void)arg;
    atomic_fetch_add(&gate, 1);
    while (atomic_load(&gate) < THREADS)
        sched_yield();
    for (int i = 0; i < ROUNDS; i++) {
        acquire_yielding(&counter_lock);
        long seen = counter;
        for (volatile int j = 0; j < 4; j++)
            ;
        counter = seen + 1;
        ticket_release(&counter_lock);
        for (volatile int j = 0; j < i % 16; j++)
            ;
    }
    return NULL;
}
Test(ch06_ticket, threads_counting_under_the_lock_lose_nothing, .timeout = 10)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        cr_assert_eq(pthread_create(&t[i], NULL, count_rounds, NULL), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    cr_assert_eq(counter, (long)THREADS * ROUNDS);
    cr_assert_eq(ticket_holders(&counter_lock), 0u);
}
enum { WAITERS = 6 };

static struct ticket_lock fifo_lock = TICKET_LOCK_INIT;
static int served[WAITERS];
static int nserved;

static void *queue_up(void *arg)
{
    int me = (int)(intptr_t)arg;
    acquire_yielding(&fifo_lock);
    served[nserved++] = me;
    ticket_release(&fifo_lock);
    return NULL;
}
Test(ch06_ticket, waiters_are_served_in_the_order_they_arrived, .timeout = 10)
{
    pthread_t t[WAITERS];
    ticket_acquire(&fifo_lock);
    for (int i = 0; i < WAITERS; i++) {
        cr_assert_eq(pthread_create(&t[i], NULL, queue_up, (void *)(intptr_t)i), 0);
        while (ticket_holders(&fifo_lock) != (uint32_t)i + 2)
            sched_yield();
    }
    ticket_release(&fifo_lock);
    for (int i = 0; i < WAITERS; i++)
        pthread_join(t[i], NULL);
    cr_assert_eq(nserved, WAITERS);
    for (int i = 0; i < WAITERS; i++)
        cr_assert_eq(served[i], i, "position %d was served to waiter %d", i, served[i]);
}
Test(ch06_ticket, try_acquire_takes_only_a_free_lock)
{
    struct ticket_lock l = TICKET_LOCK_INIT;
    cr_assert(ticket_try_acquire(&l));
    cr_assert_not(ticket_try_acquire(&l));
    cr_assert_eq(ticket_holders(&l), 1u, "a failed try must not queue");
    ticket_release(&l);
    cr_assert(ticket_try_acquire(&l));
    ticket_release(&l);
    cr_assert_eq(ticket_holders(&l), 0u);
}

Test(ch06_ticket, counters_wrap_around)
{
    struct ticket_lock l;
    atomic_init(&l.next, UINT32_MAX - 2);
    atomic_init(&l.serving, UINT32_MAX - 2);
    for (int i = 0; i < 6; i++) {
        uint32_t t = ticket_take(&l);
        cr_assert(ticket_is_served(&l, t), "ticket %u not served", t);
        cr_assert_eq(ticket_holders(&l), 1u);
        ticket_release(&l);
    }
    cr_assert_eq(atomic_load(&l.next), 3u);
    cr_assert(ticket_try_acquire(&l));
}
