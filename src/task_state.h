/* Generated from chapters/08-task-state.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TASK_STATE_H
#define HYPHA_TASK_STATE_H

#include <stdatomic.h>
#include <stdint.h>

/* One row per field, lowest bits first: F(name, first bit, width, meaning). */
#define TASK_STATE_FIELDS(F)                                                 \
    F(POLLING, 0, 1, "a hart is polling the future")                         \
    F(COMPLETE, 1, 1, "the future is finished or dropped")                   \
    F(WOKEN, 2, 1, "a wake-up is pending: queued, or queue again")          \
    F(CANCELLED, 3, 1, "cancellation was requested")                         \
    F(HAS_JOIN_HANDLE, 4, 1, "the join handle exists")                       \
    F(JOIN_WAKER, 5, 2, "join waker slot: empty, registering, waiting, woken") \
    F(HAS_OUTPUT, 7, 1, "the result is stored, not yet taken")               \
    F(REFS, 8, 56, "number of references")
#define TS_FIELD_ENUM(name, shift, width, meaning) \
    TS_##name##_SHIFT = (shift), TS_##name##_WIDTH = (width),
enum { TASK_STATE_FIELDS(TS_FIELD_ENUM) };

#define TS_MASK(name) \
    ((((uint64_t)1 << TS_##name##_WIDTH) - 1) << TS_##name##_SHIFT)
#define TS_POLLING TS_MASK(POLLING)
#define TS_COMPLETE TS_MASK(COMPLETE)
#define TS_WOKEN TS_MASK(WOKEN)
#define TS_CANCELLED TS_MASK(CANCELLED)
#define TS_HAS_JOIN_HANDLE TS_MASK(HAS_JOIN_HANDLE)
#define TS_HAS_OUTPUT TS_MASK(HAS_OUTPUT)
#define TS_REF_ONE ((uint64_t)1 << TS_REFS_SHIFT)
#define TS_REFS_MAX (TS_MASK(REFS) >> TS_REFS_SHIFT)
#define TS_FIELD_WIDTH(name, shift, width, meaning) + (width)
#define TS_FIELD_BITS(name, shift, width, meaning) | TS_MASK(name)
_Static_assert(0 TASK_STATE_FIELDS(TS_FIELD_WIDTH) == 64,
               "the task state fields must add up to 64 bits");
_Static_assert((0 TASK_STATE_FIELDS(TS_FIELD_BITS)) == UINT64_MAX,
               "the task state fields must cover every bit once");
_Static_assert(TS_REFS_SHIFT + TS_REFS_WIDTH == 64,
               "the reference count must be the highest field");
_Static_assert(TS_JOIN_WAKER_WIDTH == 2, "four join waker states need two bits");
enum join_waker_state {
    JW_EMPTY = 0,        /* no waker in the slot */
    JW_REGISTERING = 1,  /* the joiner is writing the slot */
    JW_WAITING = 2,      /* a waker is in the slot */
    JW_WOKEN = 3,        /* the completion took it and woke it */
};

static inline unsigned ts_join_waker(uint64_t s)
{
    return (unsigned)((s & TS_MASK(JOIN_WAKER)) >> TS_JOIN_WAKER_SHIFT);
}
static inline uint64_t ts_with_join_waker(uint64_t s, unsigned jw)
{
    return (s & ~TS_MASK(JOIN_WAKER)) | (uint64_t)jw << TS_JOIN_WAKER_SHIFT;
}
static inline uint64_t ts_refs(uint64_t s) { return s >> TS_REFS_SHIFT; }
enum ts_action {
    TS_NONE = 0,
    TS_SCHEDULE = 1 << 0,        /* put the task on a run queue, with a reference */
    TS_DEALLOC = 1 << 1,         /* the last reference is gone: free the task */
    TS_POLL = 1 << 2,            /* start_poll: poll the future */
    TS_CANCEL = 1 << 3,          /* start_poll: drop the future instead */
    TS_WAKE_JOINER = 1 << 4,     /* wake the waker in the slot, then drop a ref */
    TS_TAKE_OUTPUT = 1 << 5,     /* join: the result is yours */
    TS_JOIN_CANCELLED = 1 << 6,  /* join: the task was cancelled, no result */
    TS_REGISTER = 1 << 7,        /* join: write your waker into the empty slot */
    TS_REREGISTER = 1 << 8,      /* join: replace the waker in the slot */
    TS_JOIN_RETRY = 1 << 9,      /* join: it completed meanwhile; take back, retry */
    TS_DROP_JOIN_WAKER = 1 << 10, /* drop the waker in the slot, then drop a ref */
    TS_CANCELLED_NOW = 1 << 11,  /* cancel: this call cancelled the task */
    TS_OVERFLOW = 1 << 12,       /* too many references: the word is unchanged */
    TS_BUG = 1 << 13,            /* impossible for a caller keeping the rules */
};

struct ts_step {
    uint64_t next;
    int action;
};
typedef struct ts_step (*ts_transition)(uint64_t snapshot);

static inline struct ts_step ts_apply(_Atomic uint64_t *word, ts_transition f)
{
    uint64_t seen = atomic_load_explicit(word, memory_order_relaxed);
    for (;;) {
        struct ts_step step = f(seen);
        if (step.action & (TS_BUG | TS_OVERFLOW))
            return step;
        if (atomic_compare_exchange_weak_explicit(word, &seen, step.next,
                                                  memory_order_seq_cst,
                                                  memory_order_seq_cst))
            return step;
    }
}

/* spawned: queued (WOKEN, one reference for the queue), one for the handle */
#define TS_INITIAL (TS_WOKEN | TS_HAS_JOIN_HANDLE | 2 * TS_REF_ONE)

struct ts_step ts_start_poll(uint64_t s);
struct ts_step ts_end_poll(uint64_t s);
struct ts_step ts_complete(uint64_t s);
struct ts_step ts_complete_cancelled(uint64_t s);
struct ts_step ts_wake_by_val(uint64_t s);
struct ts_step ts_wake_by_ref(uint64_t s);
struct ts_step ts_cancel(uint64_t s);
struct ts_step ts_clone_ref(uint64_t s);
struct ts_step ts_drop_ref(uint64_t s);
struct ts_step ts_try_join(uint64_t s);
struct ts_step ts_join_waker_registered(uint64_t s);
struct ts_step ts_drop_join_handle(uint64_t s);

#endif
