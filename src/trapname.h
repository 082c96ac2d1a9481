/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_TRAPNAME_H
#define HYPHA_TRAPNAME_H

#include <stdint.h>

#define SCAUSE_INTERRUPT (UINT64_C(1) << 63)
#define SCAUSE_CODE(scause) ((scause) & ~SCAUSE_INTERRUPT)

enum exception_code {
    EXC_INSN_MISALIGNED = 0,
    EXC_INSN_ACCESS_FAULT = 1,
    EXC_ILLEGAL_INSN = 2,
    EXC_BREAKPOINT = 3,
    EXC_LOAD_MISALIGNED = 4,
    EXC_LOAD_ACCESS_FAULT = 5,
    EXC_STORE_MISALIGNED = 6,
    EXC_STORE_ACCESS_FAULT = 7,
    EXC_ECALL_FROM_U = 8,
    EXC_ECALL_FROM_S = 9,
    EXC_INSN_PAGE_FAULT = 12,
    EXC_LOAD_PAGE_FAULT = 13,
    EXC_STORE_PAGE_FAULT = 15,
    EXC_SOFTWARE_CHECK = 18,
    EXC_HARDWARE_ERROR = 19,
};

enum interrupt_code {
    IRQ_S_SOFTWARE = 1,
    IRQ_S_TIMER = 5,
    IRQ_S_EXTERNAL = 9,
    IRQ_COUNTER_OVERFLOW = 13,
};

const char *trap_cause_name(uint64_t scause);
const char *trap_register_name(int n);

#endif
