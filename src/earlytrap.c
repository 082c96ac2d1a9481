/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "panic.h"
#include "riscv.h"

#include <stddef.h>
#include <stdint.h>

_Noreturn void early_trap_report(void);

static const char *early_cause_name(uint64_t scause)
{
    static const char *const names[16] = {
        "instruction address misaligned", "instruction access fault",
        "illegal instruction", "breakpoint", "load address misaligned",
        "load access fault", "store address misaligned", "store access fault",
        "ecall from U-mode", "ecall from S-mode", [12] = "instruction page fault",
        "load page fault", [15] = "store page fault",
    };
    if (scause >> 63)
        return "interrupt";
    return scause < 16 && names[scause] != NULL ? names[scause] : "unknown";
}

static int early_trap_taken;

_Noreturn void early_trap_report(void)
{
    uint64_t scause = csr_read(scause), sepc = csr_read(sepc);
    uint64_t stval = csr_read(stval);
    if (early_trap_taken)
        for (;;)
            wait_for_interrupt();
    early_trap_taken = 1;
    panic("early trap before the trap vector was installed: scause 0x%lx (%s) "
          "sepc 0x%lx stval 0x%lx", (unsigned long)scause,
          early_cause_name(scause), (unsigned long)sepc, (unsigned long)stval);
}
