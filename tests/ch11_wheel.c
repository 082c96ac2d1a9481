/* Generated from chapters/11-time.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wheel.h"
#include "rng.h"

#include <criterion/criterion.h>
#include <stdlib.h>

static void placed(uint64_t now, uint64_t deadline, int level, int slot)
{
    struct wheel w;
    struct wheel_entry e;
    wheel_init(&w, now);
    cr_assert(wheel_insert(&w, &e, deadline));
    cr_assert_eq(e.level, level, "deadline %#lx from %#lx: level %d, expected %d",
                 (unsigned long)deadline, (unsigned long)now, e.level, level);
    cr_assert_eq(e.slot, slot, "deadline %#lx: slot %d, expected %d",
                 (unsigned long)deadline, e.slot, slot);
    cr_assert_eq(wheel_next_expiry(&w) <= deadline, 1);
}

Test(ch11_wheel, known_deadlines_go_where_their_digits_say)
{
    placed(0, 5, 0, 5);
    placed(0, 64, 1, 1);
    placed(0, 4095, 1, 63);
    placed(0, 4096, 2, 1);
    placed(0, UINT64_MAX, 10, 15);
    placed(0x2300, 0x2345, 1, 13);
    placed(0x2300, 0x2301, 0, 1);
}
enum { ENTRIES = 2000 };

struct timer {
    struct wheel_entry e;
    uint64_t deadline, fired_at;
    int fired, removed;
};

static uint64_t advancing_to;

static void note_expiry(struct wheel_entry *e, void *ctx)
{
    (void)ctx;
    struct timer *t = (struct timer *)e;
    t->fired++;
    t->fired_at = advancing_to;
}
Test(ch11_wheel, random_timers_fire_exactly_when_due)
{
    static struct timer t[ENTRIES];
    uint64_t rng = 0x1234567, before = 1000;
    struct wheel w;
    wheel_init(&w, before);
    for (int i = 0; i < ENTRIES; i++) {
        t[i].deadline = before + 1 + xorshift64(&rng) % (1ull << (xorshift64(&rng) % 41));
        cr_assert(wheel_insert(&w, &t[i].e, t[i].deadline));
    }
    while (w.count > 0) {
        uint64_t step = 1 + xorshift64(&rng) % (1ull << (xorshift64(&rng) % 38));
        for (int k = 0; k < 3; k++) {
            struct timer *x = &t[xorshift64(&rng) % ENTRIES];
            if (!x->fired && !x->removed && xorshift64(&rng) % 10 == 0) {
                wheel_remove(&w, &x->e);
                x->removed = 1;
            }
        }
        advancing_to = before + step;
        wheel_advance(&w, advancing_to, note_expiry, NULL);
        size_t pending = 0;
        uint64_t earliest = UINT64_MAX;
        for (int i = 0; i < ENTRIES; i++) {
            struct timer *x = &t[i];
            if (x->removed) {
                cr_assert_eq(x->fired, 0, "timer %d fired after it was removed", i);
                continue;
            }
            cr_assert_eq(x->fired, x->deadline <= advancing_to,
                         "timer %d due %lu, now %lu, fired %d", i, (unsigned long)x->deadline,
                         (unsigned long)advancing_to, x->fired);
            if (x->fired)
                cr_assert(x->fired_at >= x->deadline && (x->deadline > before || x->fired_at <= before));
            else
                pending++, earliest = x->deadline < earliest ? x->deadline : earliest;
        }
        cr_assert_eq(w.count, pending);
        cr_assert_leq(wheel_next_expiry(&w), earliest);
        before = advancing_to;
    }
}
Test(ch11_wheel, removal_and_the_past)
{
    struct wheel w;
    struct timer a = {0}, b = {0};
    wheel_init(&w, 100);
    cr_assert_not(wheel_insert(&w, &a.e, 100));
    cr_assert_not(wheel_insert(&w, &a.e, 7));
    cr_assert_eq(w.count, 0);
    wheel_remove(&w, &a.e);
    cr_assert(wheel_insert(&w, &a.e, 5000));
    cr_assert(wheel_insert(&w, &b.e, 5000));
    wheel_remove(&w, &a.e);
    wheel_remove(&w, &a.e);
    cr_assert_eq(w.count, 1);
    advancing_to = 6000;
    wheel_advance(&w, advancing_to, note_expiry, NULL);
    cr_assert_eq(a.fired, 0);
    cr_assert_eq(b.fired, 1);
    cr_assert_eq(wheel_next_expiry(&w), UINT64_MAX);
}
