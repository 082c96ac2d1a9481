/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "power.h"
#include "riscv.h"
#include "sbi.h"

#include <stdint.h>

enum { TEST_PASS = 0x5555, TEST_FAIL = 0x3333 };

static uintptr_t test_device;

void power_init(unsigned long test_device_base)
{
    test_device = test_device_base;
}

_Noreturn void power_off(int status)
{
    if (test_device != 0) {
        uint32_t code = status == 0 ? TEST_PASS
                      : TEST_FAIL | ((uint32_t)status & 0xffff) << 16;
        mmio_write32(test_device, code);
    }
    sbi_system_reset(SBI_RESET_SHUTDOWN, status == 0 ? SBI_RESET_REASON_NONE
                                                     : SBI_RESET_REASON_FAILURE);
    for (;;)
        wait_for_interrupt();
}
