/* Generated from chapters/08-task-state.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
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
