/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "trapname.h"

#include <stddef.h>

static const char *const exception_names[] = {
    [EXC_INSN_MISALIGNED] = "Instruction address misaligned",
    [EXC_INSN_ACCESS_FAULT] = "Instruction access fault",
    [EXC_ILLEGAL_INSN] = "Illegal instruction",
    [EXC_BREAKPOINT] = "Breakpoint",
    [EXC_LOAD_MISALIGNED] = "Load address misaligned",
    [EXC_LOAD_ACCESS_FAULT] = "Load access fault",
    [EXC_STORE_MISALIGNED] = "Store/AMO address misaligned",
    [EXC_STORE_ACCESS_FAULT] = "Store/AMO access fault",
    [EXC_ECALL_FROM_U] = "Environment call from U-mode",
    [EXC_ECALL_FROM_S] = "Environment call from S-mode",
    [EXC_INSN_PAGE_FAULT] = "Instruction page fault",
    [EXC_LOAD_PAGE_FAULT] = "Load page fault",
    [EXC_STORE_PAGE_FAULT] = "Store/AMO page fault",
    [EXC_SOFTWARE_CHECK] = "Software check",
    [EXC_HARDWARE_ERROR] = "Hardware error",
};

static const char *const interrupt_names[] = {
    [IRQ_S_SOFTWARE] = "Supervisor software interrupt",
    [IRQ_S_TIMER] = "Supervisor timer interrupt",
    [IRQ_S_EXTERNAL] = "Supervisor external interrupt",
    [IRQ_COUNTER_OVERFLOW] = "Counter-overflow interrupt",
};

const char *trap_cause_name(uint64_t scause)
{
    uint64_t code = SCAUSE_CODE(scause);
    if (scause & SCAUSE_INTERRUPT) {
        if (code < sizeof interrupt_names / sizeof interrupt_names[0] &&
            interrupt_names[code] != NULL)
            return interrupt_names[code];
        return code >= 16 ? "platform interrupt" : "reserved interrupt";
    }
    if (code < sizeof exception_names / sizeof exception_names[0] &&
        exception_names[code] != NULL)
        return exception_names[code];
    if ((code >= 24 && code <= 31) || (code >= 48 && code <= 63))
        return "custom exception";
    return "reserved exception";
}
const char *trap_register_name(int n)
{
    static const char *const names[32] = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
        "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
        "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };
    return n >= 0 && n < 32 ? names[n] : "?";
}
