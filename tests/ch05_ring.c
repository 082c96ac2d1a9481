/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <pthread.h>
#include <sched.h>

#include "ring.h"

Test(ch05_ring, sizes_must_be_powers_of_two)
{
    struct ring r;
    unsigned char buf[16];
    cr_assert_eq(ring_init(&r, buf, 0), -1);
    cr_assert_eq(ring_init(&r, buf, 1), -1);
    cr_assert_eq(ring_init(&r, buf, 12), -1);
    cr_assert_eq(ring_init(&r, buf, 2), 0);
    cr_assert_eq(ring_init(&r, buf, 16), 0);
}
Test(ch05_ring, fills_refuses_and_counts_drops)
{
    struct ring r;
    unsigned char buf[8];
    ring_init(&r, buf, 8);
    cr_assert_eq(ring_get(&r), -1);
    for (int i = 0; i < 8; i++)
        cr_assert_eq(ring_put(&r, (unsigned char)('a' + i)), 0);
    cr_assert_eq(ring_count(&r), 8);
    cr_assert_eq(ring_put(&r, 'z'), -1);
    cr_assert_eq(ring_dropped(&r), 1);
    for (int i = 0; i < 8; i++)
        cr_assert_eq(ring_get(&r), 'a' + i);
    cr_assert_eq(ring_get(&r), -1);
}

Test(ch05_ring, counters_wrap_around)
{
    struct ring r;
    unsigned char buf[4];
    ring_init(&r, buf, 4);
    atomic_store(&r.head, UINT32_MAX - 1);
    atomic_store(&r.tail, UINT32_MAX - 1);
    for (int i = 0; i < 20; i++) {
        cr_assert_eq(ring_put(&r, (unsigned char)i), 0);
        cr_assert_eq(ring_put(&r, (unsigned char)(i + 100)), 0);
        cr_assert_eq(ring_count(&r), 2);
        cr_assert_eq(ring_get(&r), i);
        cr_assert_eq(ring_get(&r), i + 100);
    }
    cr_assert_eq(ring_count(&r), 0);
}
enum { STREAM = 200000 };

static void *produce(void *arg)
{
    struct ring *r = arg;
    for (int i = 0; i < STREAM; i++)
        while (ring_put(r, (unsigned char)(i * 7)) != 0)
            sched_yield();
    return NULL;
}

Test(ch05_ring, one_producer_one_consumer)
{
    static struct ring r;
    static unsigned char buf[16];
    ring_init(&r, buf, sizeof buf);
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, produce, &r), 0);
    for (int i = 0; i < STREAM; i++) {
        int c;
        while ((c = ring_get(&r)) < 0)
            sched_yield();
        cr_assert_eq(c, (unsigned char)(i * 7), "byte %d", i);
    }
    pthread_join(t, NULL);
    cr_assert_eq(ring_get(&r), -1);
}
