/* Generated from chapters/05-traps.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_HART_H
#define HYPHA_HART_H

#include <stdint.h>

#define HART_MAX 8

struct hart {
    unsigned long hartid;
    uint64_t trap_stack_top;    /* sscratch's value outside traps */
    volatile uint64_t ticks;    /* timer interrupts taken */
    uint64_t next_tick;         /* the time of the next one */
    uint64_t breakpoints;       /* ebreak instructions stepped over */
    int reporting_fatal_trap;       /* trap_fatal is running on this hart */
    int off_depth;                  /* push_off nesting depth */
    int sie_before_off;             /* SIE as the outermost push_off found it */
    uint64_t kstack_top;            /* the guarded stack it runs on */
    _Atomic int prepared;           /* the boot hart has filled in the above */
    _Atomic int online;             /* it has started and runs the kernel */
    _Atomic int call_state;         /* its mailbox for hart_call (ipi.c) */
    void (*call_fn)(void *);
    void *call_arg;
    _Atomic uint64_t ipis;          /* software interrupts it has taken */
};

extern struct hart harts[HART_MAX];

void hart_init_local(unsigned long hartid);

static inline struct hart *this_hart(void)
{
    struct hart *h;
    __asm__ volatile("mv %0, tp" : "=r"(h));
    return h;
}

static inline int hart_is_running(unsigned long hartid)
{
    return hartid < HART_MAX && harts[hartid].online;
}

#endif
