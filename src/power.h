/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_POWER_H
#define HYPHA_POWER_H

enum {
    EXIT_PASS = 0,       /* the kernel finished its work */
    EXIT_FAIL = 2,       /* a test inside the kernel failed */
    EXIT_PANIC = 3,      /* the kernel panicked */
};

void power_init(unsigned long test_device_base);
_Noreturn void power_off(int status);

#endif
