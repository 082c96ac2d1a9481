/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "atomic_waker.h"

void atomic_waker_register(struct atomic_waker *aw, const struct waker *w)
{
    int expected = 0;
    if (atomic_compare_exchange_strong_explicit(&aw->state, &expected, AW_REGISTERING,
                                                memory_order_acquire, memory_order_acquire)) {
        if (aw->has_waker && !waker_will_wake(&aw->waker, w))
            waker_drop(aw->waker), aw->has_waker = 0;
        if (!aw->has_waker)
            aw->waker = waker_clone(w), aw->has_waker = 1;
        expected = AW_REGISTERING;
        if (!atomic_compare_exchange_strong_explicit(&aw->state, &expected, 0,
                                                     memory_order_seq_cst,
                                                     memory_order_seq_cst)) {
            struct waker taken = aw->waker;
            aw->has_waker = 0;
            atomic_store_explicit(&aw->state, 0, memory_order_release);
            waker_wake(taken);
        }
    } else if (expected == AW_WAKING) {
        waker_wake_by_ref(w);
    }
}
void atomic_waker_wake(struct atomic_waker *aw)
{
    if (atomic_fetch_or_explicit(&aw->state, AW_WAKING, memory_order_acq_rel) != 0)
        return;
    int had = aw->has_waker;
    struct waker taken = aw->waker;
    aw->has_waker = 0;
    atomic_fetch_and_explicit(&aw->state, ~AW_WAKING, memory_order_release);
    if (had)
        waker_wake(taken);
}

void atomic_waker_drop(struct atomic_waker *aw)
{
    if (aw->has_waker)
        waker_drop(aw->waker), aw->has_waker = 0;
}
