/* Generated from chapters/08-task-state.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "task_state.h"

#include <stdbool.h>

static bool idle(uint64_t s) { return (s & (TS_POLLING | TS_COMPLETE)) == 0; }

struct ts_step ts_start_poll(uint64_t s)
{
    if (!idle(s) || !(s & TS_WOKEN) || ts_refs(s) == 0)
        return (struct ts_step){s, TS_BUG};
    uint64_t next = (s | TS_POLLING) & ~TS_WOKEN;
    return (struct ts_step){next, (s & TS_CANCELLED) ? TS_CANCEL : TS_POLL};
}
struct ts_step ts_end_poll(uint64_t s)
{
    if (!(s & TS_POLLING) || (s & TS_COMPLETE) || ts_refs(s) == 0)
        return (struct ts_step){s, TS_BUG};
    uint64_t next = s & ~TS_POLLING;
    if (next & TS_WOKEN)
        return (struct ts_step){next, TS_SCHEDULE};
    next -= TS_REF_ONE;
    return (struct ts_step){next, ts_refs(next) == 0 ? TS_DEALLOC : TS_NONE};
}
static struct ts_step finish(uint64_t s, bool with_output)
{
    if (!(s & TS_POLLING) || (s & TS_COMPLETE) || ts_refs(s) == 0)
        return (struct ts_step){s, TS_BUG};
    uint64_t next = (s & ~(TS_POLLING | TS_WOKEN)) | TS_COMPLETE;
    if (with_output && (s & TS_HAS_JOIN_HANDLE))
        next |= TS_HAS_OUTPUT;
    if (ts_join_waker(s) == JW_WAITING)
        return (struct ts_step){ts_with_join_waker(next, JW_WOKEN), TS_WAKE_JOINER};
    if (ts_join_waker(s) == JW_WOKEN)
        return (struct ts_step){s, TS_BUG};
    next -= TS_REF_ONE;
    return (struct ts_step){next, ts_refs(next) == 0 ? TS_DEALLOC : TS_NONE};
}

struct ts_step ts_complete(uint64_t s) { return finish(s, true); }

struct ts_step ts_complete_cancelled(uint64_t s)
{
    if (!(s & TS_CANCELLED))
        return (struct ts_step){s, TS_BUG};
    return finish(s, false);
}
struct ts_step ts_wake_by_val(uint64_t s)
{
    if (ts_refs(s) == 0)
        return (struct ts_step){s, TS_BUG};
    if ((s & TS_COMPLETE) || (s & TS_WOKEN)) {
        uint64_t next = s - TS_REF_ONE;
        return (struct ts_step){next, ts_refs(next) == 0 ? TS_DEALLOC : TS_NONE};
    }
    if ((s & TS_POLLING) && ts_refs(s) < 2)
        return (struct ts_step){s, TS_BUG};     /* the poller holds one too */
    if (s & TS_POLLING)
        return (struct ts_step){(s | TS_WOKEN) - TS_REF_ONE, TS_NONE};
    return (struct ts_step){s | TS_WOKEN, TS_SCHEDULE};
}
struct ts_step ts_wake_by_ref(uint64_t s)
{
    if ((s & TS_COMPLETE) || (s & TS_WOKEN))
        return (struct ts_step){s, TS_NONE};
    if (s & TS_POLLING)
        return (struct ts_step){s | TS_WOKEN, TS_NONE};
    if (ts_refs(s) >= TS_REFS_MAX)
        return (struct ts_step){s, TS_OVERFLOW};
    return (struct ts_step){(s | TS_WOKEN) + TS_REF_ONE, TS_SCHEDULE};
}
struct ts_step ts_cancel(uint64_t s)
{
    if ((s & TS_COMPLETE) || (s & TS_CANCELLED))
        return (struct ts_step){s, TS_NONE};
    uint64_t next = s | TS_CANCELLED | TS_WOKEN;
    if (!idle(s) || (s & TS_WOKEN))
        return (struct ts_step){next, TS_CANCELLED_NOW};
    if (ts_refs(s) >= TS_REFS_MAX)
        return (struct ts_step){s, TS_OVERFLOW};
    return (struct ts_step){next + TS_REF_ONE, TS_CANCELLED_NOW | TS_SCHEDULE};
}
struct ts_step ts_clone_ref(uint64_t s)
{
    if (ts_refs(s) >= TS_REFS_MAX)
        return (struct ts_step){s, TS_OVERFLOW};
    return (struct ts_step){s + TS_REF_ONE, TS_NONE};
}

struct ts_step ts_drop_ref(uint64_t s)
{
    if (ts_refs(s) == 0)
        return (struct ts_step){s, TS_BUG};
    uint64_t next = s - TS_REF_ONE;
    return (struct ts_step){next, ts_refs(next) == 0 ? TS_DEALLOC : TS_NONE};
}
struct ts_step ts_try_join(uint64_t s)
{
    unsigned jw = ts_join_waker(s);
    if (!(s & TS_HAS_JOIN_HANDLE) || jw == JW_REGISTERING)
        return (struct ts_step){s, TS_BUG};
    if ((s & TS_COMPLETE) && (s & TS_HAS_OUTPUT))
        return (struct ts_step){s & ~TS_HAS_OUTPUT, TS_TAKE_OUTPUT};
    if (s & TS_COMPLETE)
        return (struct ts_step){s, (s & TS_CANCELLED) ? TS_JOIN_CANCELLED : TS_BUG};
    if (jw == JW_WOKEN)
        return (struct ts_step){s, TS_BUG};
    int action = jw == JW_EMPTY ? TS_REGISTER : TS_REREGISTER;
    return (struct ts_step){ts_with_join_waker(s, JW_REGISTERING), action};
}
struct ts_step ts_join_waker_registered(uint64_t s)
{
    if (ts_join_waker(s) != JW_REGISTERING)
        return (struct ts_step){s, TS_BUG};
    if (s & TS_COMPLETE)
        return (struct ts_step){ts_with_join_waker(s, JW_EMPTY), TS_JOIN_RETRY};
    return (struct ts_step){ts_with_join_waker(s, JW_WAITING), TS_NONE};
}
struct ts_step ts_drop_join_handle(uint64_t s)
{
    if (!(s & TS_HAS_JOIN_HANDLE) || ts_join_waker(s) == JW_REGISTERING ||
        ts_refs(s) == 0)
        return (struct ts_step){s, TS_BUG};
    uint64_t next = s & ~(TS_HAS_JOIN_HANDLE | TS_HAS_OUTPUT);
    if (ts_join_waker(s) == JW_WAITING)
        return (struct ts_step){ts_with_join_waker(next, JW_EMPTY), TS_DROP_JOIN_WAKER};
    next -= TS_REF_ONE;
    return (struct ts_step){next, ts_refs(next) == 0 ? TS_DEALLOC : TS_NONE};
}
