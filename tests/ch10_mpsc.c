/* Generated from chapters/10-executor.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "mpsc.h"

#include <criterion/criterion.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>

struct item {
    struct mpsc_node link;
    int producer, seq;
};

static struct item *item_of(struct mpsc_node *n)
{
    return (struct item *)((char *)n - offsetof(struct item, link));
}

Test(ch10_mpsc, fifo_order_and_empty)
{
    struct mpsc q;
    struct item it[5];
    enum mpsc_pop why = MPSC_NODE;
    mpsc_init(&q);
    cr_assert(mpsc_looks_empty(&q));
    cr_assert_null(mpsc_pop(&q, &why));
    cr_assert_eq(why, MPSC_EMPTY);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 5; i++)
            mpsc_push(&q, &it[i].link);
        cr_assert_not(mpsc_looks_empty(&q));
        for (int i = 0; i < 5; i++) {
            struct mpsc_node *n = mpsc_pop(&q, &why);
            cr_assert_eq(why, MPSC_NODE);
            cr_assert_eq(n, &it[i].link, "round %d: element %d out of order", round, i);
        }
        cr_assert_null(mpsc_pop(&q, &why));
        cr_assert_eq(why, MPSC_EMPTY);
        cr_assert(mpsc_looks_empty(&q));
    }
}
static struct mpsc_node *half_push(struct mpsc *q, struct mpsc_node *n)
{
    atomic_store(&n->next, NULL);
    return atomic_exchange(&q->head, n);
}

Test(ch10_mpsc, a_push_in_flight_is_busy_not_empty)
{
    struct mpsc q;
    struct item a, b;
    enum mpsc_pop why;
    mpsc_init(&q);
    struct mpsc_node *prev = half_push(&q, &a.link);
    cr_assert_null(mpsc_pop(&q, &why));
    cr_assert_eq(why, MPSC_BUSY);
    cr_assert_not(mpsc_looks_empty(&q));
    atomic_store(&prev->next, &a.link);
    prev = half_push(&q, &b.link);
    cr_assert_null(mpsc_pop(&q, &why), "a is the link b's producer will write");
    cr_assert_eq(why, MPSC_BUSY);
    atomic_store(&prev->next, &b.link);
    cr_assert_eq(mpsc_pop(&q, &why), &a.link);
    cr_assert_eq(mpsc_pop(&q, &why), &b.link);
    cr_assert_null(mpsc_pop(&q, &why));
    cr_assert_eq(why, MPSC_EMPTY);
}
enum { PRODUCERS = 4, PER_PRODUCER = 50000 };

static struct mpsc shared_q;
static struct item *pool[PRODUCERS];

static void *produce(void *arg)
{
    int p = (int)(intptr_t)arg;
    for (int i = 0; i < PER_PRODUCER; i++) {
        pool[p][i].producer = p;
        pool[p][i].seq = i;
        mpsc_push(&shared_q, &pool[p][i].link);
    }
    return NULL;
}
Test(ch10_mpsc, many_producers_one_consumer, .timeout = 30)
{
    pthread_t t[PRODUCERS];
    int expect[PRODUCERS] = {0};
    mpsc_init(&shared_q);
    for (int p = 0; p < PRODUCERS; p++) {
        pool[p] = calloc(PER_PRODUCER, sizeof(struct item));
        cr_assert_eq(pthread_create(&t[p], NULL, produce, (void *)(intptr_t)p), 0);
    }
    for (long got = 0; got < (long)PRODUCERS * PER_PRODUCER;) {
        enum mpsc_pop why;
        struct mpsc_node *n = mpsc_pop(&shared_q, &why);
        if (n == NULL) {
            sched_yield();
            continue;
        }
        struct item *it = item_of(n);
        cr_assert_eq(it->seq, expect[it->producer], "producer %d: got %d, expected %d",
                     it->producer, it->seq, expect[it->producer]);
        expect[it->producer]++;
        got++;
    }
    for (int p = 0; p < PRODUCERS; p++) {
        pthread_join(t[p], NULL);
        free(pool[p]);
    }
    enum mpsc_pop why;
    cr_assert_null(mpsc_pop(&shared_q, &why));
    cr_assert_eq(why, MPSC_EMPTY);
}
enum { THIEVES = 3, STEAL_ITEMS = 40000 };

static struct item steal_items[2][STEAL_ITEMS];
static _Atomic int seen[2][STEAL_ITEMS];
static _Atomic long popped;

static void *push_half(void *arg)
{
    int p = (int)(intptr_t)arg;
    for (int i = 0; i < STEAL_ITEMS; i++) {
        steal_items[p][i].producer = p;
        steal_items[p][i].seq = i;
        mpsc_push(&shared_q, &steal_items[p][i].link);
    }
    return NULL;
}

static void *take_turns(void *arg)
{
    (void)arg;
    while (atomic_load(&popped) < 2L * STEAL_ITEMS) {
        if (!mpsc_try_consume(&shared_q)) {
            sched_yield();
            continue;
        }
        enum mpsc_pop why;
        struct mpsc_node *n;
        for (int k = 0; k < 8 && (n = mpsc_pop(&shared_q, &why)) != NULL; k++) {
            struct item *it = item_of(n);
            atomic_fetch_add(&seen[it->producer][it->seq], 1);
            atomic_fetch_add(&popped, 1);
        }
        mpsc_end_consume(&shared_q);
    }
    return NULL;
}
Test(ch10_mpsc, consumers_taking_turns_pop_each_item_once, .timeout = 30)
{
    pthread_t prod[2], cons[THIEVES];
    mpsc_init(&shared_q);
    for (int i = 0; i < THIEVES; i++)
        cr_assert_eq(pthread_create(&cons[i], NULL, take_turns, NULL), 0);
    for (int p = 0; p < 2; p++)
        cr_assert_eq(pthread_create(&prod[p], NULL, push_half, (void *)(intptr_t)p), 0);
    for (int p = 0; p < 2; p++)
        pthread_join(prod[p], NULL);
    for (int i = 0; i < THIEVES; i++)
        pthread_join(cons[i], NULL);
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < STEAL_ITEMS; i++)
            cr_assert_eq(atomic_load(&seen[p][i]), 1, "item %d/%d popped %d times", p, i,
                         atomic_load(&seen[p][i]));
}
