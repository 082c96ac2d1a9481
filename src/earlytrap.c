/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "panic.h"
#include "riscv.h"

#include <stddef.h>
#include <stdint.h>

_Noreturn void early_trap_report(void);

static int early_trap_taken;

_Noreturn void early_trap_report(void)
{
    uint64_t scause = csr_read(scause), sepc = csr_read(sepc);
    uint64_t stval = csr_read(stval);
    if (early_trap_taken)
        for (;;)
            wait_for_interrupt();
    early_trap_taken = 1;
    panic("early trap before the trap vector was installed: scause 0x%lx "
          "sepc 0x%lx stval 0x%lx", (unsigned long)scause, (unsigned long)sepc,
          (unsigned long)stval);
}
