/* Generated from chapters/08-task-state.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
c_decl {
\#include "task_state.h"
}

int state;      /* the task's state word */
int act;        /* scratch: the action of the transition just applied */

byte queued, poller_ref, handle_ref, cancel_ref, cell_ref, waker_ref;
bool freed;

bool event, output_written, completed, cancel_requested, patient, join_done;
bool join_slot_full, joiner_notified;
byte outputs_taken, join_wakes;

#define A_SCHEDULE 1
#define A_DEALLOC 2
#define A_CANCEL 8
#define A_WAKE_JOINER 16
#define A_TAKE_OUTPUT 32
#define A_JOIN_CANCELLED 64
#define A_JOIN_RETRY 512
#define A_DROP_JOIN_WAKER 1024
#define A_CANCELLED_NOW 2048
#define A_OVERFLOW 4096
#define A_BUG 8192
#define REFS (state >> 8)
#define JW ((state >> 5) & 3)
#define JW_REGISTERING 1
#define JW_EMPTY 0
#define JW_WOKEN 3
#define COMPLETE_BIT 2
#define HOLDERS (queued + poller_ref + handle_ref + cancel_ref + cell_ref + waker_ref)
#ifdef FORGET_WOKEN
#define MUTATE(f, st) if (f == ts_wake_by_val && (now.state & TS_POLLING)) \
                          st.next &= ~TS_WOKEN;
#elif defined(CANCEL_IS_A_STUB)
#define MUTATE(f, st) if (f == ts_cancel && (st.action & TS_SCHEDULE)) \
        st.next = (st.next & ~TS_WOKEN) - TS_REF_ONE, st.action &= ~TS_SCHEDULE;
#else
#define MUTATE(f, st)
#endif
#define APPLY(f) c_code { struct ts_step st_ = f((uint64_t)now.state); \
    MUTATE(f, st_) now.act = st_.action; \
    if (!(st_.action & (TS_BUG | TS_OVERFLOW))) now.state = (int)st_.next; }
#define TS(f) assert(!freed); APPLY(f); a = act; act = 0; \
    assert((a & (A_BUG | A_OVERFLOW)) == 0)
#define CHECK_REFS assert(freed || REFS == HOLDERS); assert(queued <= 1)
#define FREE_IF_LAST if :: (a & A_DEALLOC) -> assert(HOLDERS == 0); freed = 1 \
                        :: else -> skip fi
#define QUEUE_IF_TOLD if :: (a & A_SCHEDULE) -> queued++ :: else -> skip fi
proctype poller()
{
    int a;
    bool ready;
end_idle:
    do
    :: atomic { queued > 0 -> queued--; poller_ref = 1 }
       d_step { TS(ts_start_poll); CHECK_REFS }
       if
       :: (a & A_CANCEL) ->
          d_step { if :: cell_ref -> TS(ts_drop_ref); cell_ref = 0; CHECK_REFS
                      :: else -> skip fi }
          d_step { TS(ts_complete_cancelled); completed = 1;
                   if :: !(a & A_WAKE_JOINER) -> poller_ref = 0 :: else -> skip fi;
                   FREE_IF_LAST; CHECK_REFS }
       :: else -> d_step { if :: event -> ready = 1
                              :: else -> ready = 0;
                                 if :: !cell_ref -> TS(ts_clone_ref); cell_ref = 1; CHECK_REFS
                                    :: else -> skip fi
                           fi }
                  if
                  :: ready ->
                     output_written = 1;
                     d_step { TS(ts_complete); completed = 1;
                              if :: !(a & A_WAKE_JOINER) -> poller_ref = 0 :: else -> skip fi;
                              FREE_IF_LAST; CHECK_REFS }
                  :: else ->
                     d_step { TS(ts_end_poll); QUEUE_IF_TOLD; poller_ref = 0; FREE_IF_LAST; CHECK_REFS }
                  fi
       fi;
       if
       :: (a & A_WAKE_JOINER) ->
          d_step { assert(!freed && poller_ref && JW == JW_WOKEN && (state & COMPLETE_BIT));
                   assert(join_slot_full); join_slot_full = 0;
                   join_wakes++; assert(join_wakes == 1); joiner_notified = 1 }
          d_step { TS(ts_drop_ref); poller_ref = 0; FREE_IF_LAST; CHECK_REFS }
       :: else -> skip
       fi;
       ready = 0; a = 0
    od
}
proctype waker()
{
    int a;
    if
    :: true -> d_step { event = 1;
                        if :: cell_ref -> cell_ref = 0; waker_ref = 1 :: else -> skip fi }
    :: true -> skip     /* the event never happens */
    fi;
    if
    :: waker_ref ->
       if
       :: true -> d_step { TS(ts_wake_by_val); waker_ref = 0; QUEUE_IF_TOLD;
                           FREE_IF_LAST; CHECK_REFS }
       :: true -> d_step { TS(ts_wake_by_ref); QUEUE_IF_TOLD; CHECK_REFS };
                  d_step { TS(ts_drop_ref); waker_ref = 0; FREE_IF_LAST; CHECK_REFS }
       fi
    :: else -> skip
    fi
}
proctype joiner()
{
    int a;
    byte spurious;
    do
    :: true -> d_step { TS(ts_try_join); CHECK_REFS }
       if
       :: (a & A_TAKE_OUTPUT) ->
          d_step { assert(output_written); outputs_taken++; assert(outputs_taken == 1);
                   join_done = 1 };
          break
       :: (a & A_JOIN_CANCELLED) -> d_step { assert(cancel_requested); join_done = 1 };
          break
       :: else -> d_step { assert(!freed && handle_ref && JW == JW_REGISTERING); join_slot_full = 1 }
                  d_step { TS(ts_join_waker_registered); CHECK_REFS }
                  if
                  :: (a & A_JOIN_RETRY) -> d_step { assert(join_slot_full && JW == JW_EMPTY);
                                                    join_slot_full = 0 }
                  :: else ->
                  end_park:
                     if
                     :: joiner_notified -> joiner_notified = 0
                     :: spurious < 1 -> spurious++
                     :: !patient -> break
                     fi
                  fi
       fi
    :: !patient -> break
    od;
    a = 0;    /* the target of the breaks: a d_step cannot be jumped into */
    d_step { TS(ts_drop_join_handle);
             if :: !(a & A_DROP_JOIN_WAKER) -> handle_ref = 0 :: else -> skip fi;
             FREE_IF_LAST; CHECK_REFS }
    if
    :: (a & A_DROP_JOIN_WAKER) ->
       d_step { assert(!freed && handle_ref && join_slot_full && JW == JW_EMPTY);
                join_slot_full = 0 }
       d_step { TS(ts_drop_ref); handle_ref = 0; FREE_IF_LAST; CHECK_REFS }
    :: else -> skip
    fi
}
proctype canceller()
{
    int a;
    if
    :: true -> d_step { TS(ts_cancel); QUEUE_IF_TOLD;
                        if :: (a & A_CANCELLED_NOW) -> cancel_requested = 1
                           :: else -> skip fi;
                        CHECK_REFS }
    :: true -> skip
    fi;
    d_step { TS(ts_drop_ref); cancel_ref = 0; FREE_IF_LAST; CHECK_REFS }
}
proctype monitor()
{
    timeout ->
    assert(completed || !(event || cancel_requested));
    assert(freed || !completed);
    assert(join_done || !(patient && completed));
    assert(!join_slot_full || !completed)
}
init {
    int a;
    if
    :: c_expr { TS_SCHEDULE == 1 && TS_DEALLOC == 2 && TS_CANCEL == 8 &&
                TS_WAKE_JOINER == 16 && TS_TAKE_OUTPUT == 32 && TS_JOIN_CANCELLED == 64 &&
                TS_JOIN_RETRY == 512 && TS_DROP_JOIN_WAKER == 1024 &&
                TS_CANCELLED_NOW == 2048 && TS_OVERFLOW == 4096 && TS_BUG == 8192 &&
                TS_REFS_SHIFT == 8 && TS_JOIN_WAKER_SHIFT == 5 && TS_COMPLETE == 2 &&
                JW_REGISTERING == 1 && JW_WOKEN == 3 } -> skip
    :: else -> assert(false)
    fi;
    d_step { c_code { now.state = (int)TS_INITIAL; }; queued = 1; handle_ref = 1;
             TS(ts_clone_ref); cancel_ref = 1; CHECK_REFS }
    if :: patient = 1 :: patient = 0 fi;
    atomic { run poller(); run waker(); run joiner(); run canceller(); run monitor() }
}
