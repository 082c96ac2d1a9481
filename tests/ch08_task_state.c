/* Generated from chapters/08-task-state.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdint.h>

#include "task_state.h"

Test(ch08_task_state, a_wake_during_a_poll_sets_woken_and_drops_the_ref)
{
    uint64_t s = ts_start_poll(TS_INITIAL + TS_REF_ONE).next;  /* + a waker */
    struct ts_step st = ts_wake_by_val(s);
    cr_assert_eq(st.action, TS_NONE);
    cr_assert(st.next & TS_WOKEN);
    cr_assert_eq(ts_refs(st.next), 2);
    st = ts_end_poll(st.next);
    cr_assert_eq(st.action, TS_SCHEDULE);
    cr_assert_eq(ts_refs(st.next), 2);
}

Test(ch08_task_state, cancelling_an_idle_task_schedules_it)
{
    uint64_t s = ts_end_poll(ts_start_poll(TS_INITIAL).next).next;
    cr_assert_eq(ts_refs(s), 1);
    struct ts_step st = ts_cancel(s);
    cr_assert_eq(st.action, TS_CANCELLED_NOW | TS_SCHEDULE);
    cr_assert_eq(ts_refs(st.next), 2);
    st = ts_start_poll(st.next);
    cr_assert_eq(st.action, TS_CANCEL);
    st = ts_complete_cancelled(st.next);
    cr_assert_eq(st.action, TS_NONE);
    cr_assert_eq(ts_try_join(st.next).action, TS_JOIN_CANCELLED);
}

Test(ch08_task_state, the_overflow_check_compares_counts)
{
    uint64_t full = TS_REFS_MAX << TS_REFS_SHIFT;
    cr_assert_eq(ts_clone_ref(full).action, TS_OVERFLOW);
    cr_assert_eq(ts_clone_ref(full - TS_REF_ONE).action, TS_NONE);
    cr_assert_eq(ts_refs(ts_clone_ref(full - TS_REF_ONE).next), TS_REFS_MAX);
    cr_assert_eq(ts_drop_ref(0).action, TS_BUG);
}

Test(ch08_task_state, completion_during_registration_does_not_wait)
{
    uint64_t s = ts_start_poll(TS_INITIAL).next;
    struct ts_step j = ts_try_join(s);
    cr_assert_eq(j.action, TS_REGISTER);
    struct ts_step c = ts_complete(j.next);
    cr_assert_eq(c.action, TS_NONE);
    cr_assert_eq(ts_join_waker(c.next), JW_REGISTERING);
    struct ts_step r = ts_join_waker_registered(c.next);
    cr_assert_eq(r.action, TS_JOIN_RETRY);
    cr_assert_eq(ts_try_join(r.next).action, TS_TAKE_OUTPUT);
}
#define F(name) TS_MASK(name)
static const struct rule {
    const char *name;
    ts_transition f;
    uint64_t may_change;
    int may_do;
} rules[] = {
    {"start_poll", ts_start_poll, F(POLLING) | F(WOKEN), TS_POLL | TS_CANCEL},
    {"end_poll", ts_end_poll, F(POLLING) | F(REFS), TS_SCHEDULE | TS_DEALLOC},
    {"complete", ts_complete, F(POLLING) | F(WOKEN) | F(COMPLETE) | F(HAS_OUTPUT) |
     F(JOIN_WAKER) | F(REFS), TS_WAKE_JOINER | TS_DEALLOC},
    {"complete_cancelled", ts_complete_cancelled, F(POLLING) | F(WOKEN) | F(COMPLETE) |
     F(JOIN_WAKER) | F(REFS), TS_WAKE_JOINER | TS_DEALLOC},
    {"wake_by_val", ts_wake_by_val, F(WOKEN) | F(REFS), TS_SCHEDULE | TS_DEALLOC},
    {"wake_by_ref", ts_wake_by_ref, F(WOKEN) | F(REFS), TS_SCHEDULE},
    {"cancel", ts_cancel, F(CANCELLED) | F(WOKEN) | F(REFS), TS_CANCELLED_NOW | TS_SCHEDULE},
    {"clone_ref", ts_clone_ref, F(REFS), 0},
    {"drop_ref", ts_drop_ref, F(REFS), TS_DEALLOC},
    {"try_join", ts_try_join, F(HAS_OUTPUT) | F(JOIN_WAKER),
     TS_TAKE_OUTPUT | TS_JOIN_CANCELLED | TS_REGISTER | TS_REREGISTER},
    {"join_waker_registered", ts_join_waker_registered, F(JOIN_WAKER), TS_JOIN_RETRY},
    {"drop_join_handle", ts_drop_join_handle, F(HAS_JOIN_HANDLE) | F(HAS_OUTPUT) |
     F(JOIN_WAKER) | F(REFS), TS_DROP_JOIN_WAKER | TS_DEALLOC},
};
#define NRULES (int)(sizeof rules / sizeof rules[0])
static void check_step(const struct rule *r, uint64_t s, struct ts_step st)
{
    uint64_t n = st.next;
    unsigned jw = ts_join_waker(n);
    if (st.action & (TS_BUG | TS_OVERFLOW)) {
        cr_assert_eq(n, s, "%s %#lx: a refused step changed the word", r->name, s);
        return;
    }
    cr_assert_eq((s ^ n) & ~r->may_change, 0, "%s %#lx: changed %#lx", r->name, s, n);
    cr_assert_eq(st.action & ~r->may_do, 0, "%s %#lx: action %#x", r->name, s, st.action);
    cr_assert_leq(ts_refs(n) + 1, ts_refs(s) + 2, "%s %#lx: refs jump", r->name, s);
    cr_assert_leq(ts_refs(s), ts_refs(n) + 1, "%s %#lx: refs jump", r->name, s);
    cr_assert_eq(!!(st.action & TS_DEALLOC), ts_refs(n) == 0, "%s %#lx", r->name, s);
    if (st.action & TS_SCHEDULE)
        cr_assert_eq(n & (TS_POLLING | TS_COMPLETE | TS_WOKEN), TS_WOKEN, "%s %#lx", r->name, s);
    cr_assert_neq(n & (TS_POLLING | TS_COMPLETE), TS_POLLING | TS_COMPLETE, "%s %#lx", r->name, s);
    cr_assert(!(n & TS_HAS_OUTPUT) || ((n & TS_COMPLETE) && (n & TS_HAS_JOIN_HANDLE)), "%s %#lx", r->name, s);
    cr_assert(jw != JW_WOKEN || (n & TS_COMPLETE), "%s %#lx", r->name, s);
    cr_assert(jw == JW_EMPTY || jw == JW_WOKEN || (n & TS_HAS_JOIN_HANDLE), "%s %#lx", r->name, s);
    cr_assert_eq(s & (TS_COMPLETE | TS_CANCELLED) & ~n, 0, "%s %#lx: undone", r->name, s);
    cr_assert_eq(n & TS_HAS_JOIN_HANDLE & ~s, 0, "%s %#lx: handle reborn", r->name, s);
}
Test(ch08_task_state, every_transition_on_every_reachable_snapshot)
{
    enum { MAX = 1 << 12, MAX_REFS = 4 };
    static uint64_t found[MAX];
    int n = 0, steps = 0, seen[NRULES] = {0};
    found[n++] = TS_INITIAL;
    for (int i = 0; i < n; i++) {
        if (ts_refs(found[i]) == 0)
            continue;
        for (int r = 0; r < NRULES; r++, steps++) {
            struct ts_step st = rules[r].f(found[i]);
            check_step(&rules[r], found[i], st);
            seen[r] |= st.action;
            if ((st.action & (TS_BUG | TS_OVERFLOW)) || ts_refs(st.next) > MAX_REFS)
                continue;
            int known = 0;
            for (int k = 0; k < n && !known; k++)
                known = found[k] == st.next;
            if (!known) {
                cr_assert_lt(n, MAX);
                found[n++] = st.next;
            }
        }
    }
    for (int r = 0; r < NRULES; r++)
        cr_assert_eq(seen[r] & rules[r].may_do, rules[r].may_do, "%s never did %#x",
                     rules[r].name, rules[r].may_do & ~seen[r]);
    cr_log_info("%d snapshots, %d steps checked\n", n, steps);
    cr_assert_gt(n, 200);
}
static _Atomic uint64_t shared_word = TS_INITIAL;

static void *hammer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100000; i++) {
        cr_assert_eq(ts_apply(&shared_word, ts_clone_ref).action, TS_NONE);
        cr_assert_eq(ts_apply(&shared_word, ts_wake_by_ref).action, TS_NONE);
        cr_assert_eq(ts_apply(&shared_word, ts_drop_ref).action, TS_NONE);
    }
    return NULL;
}

Test(ch08_task_state, the_loop_loses_no_update_between_threads, .timeout = 30)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        cr_assert_eq(pthread_create(&t[i], NULL, hammer, NULL), 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    cr_assert_eq(atomic_load(&shared_word), TS_INITIAL);
}
