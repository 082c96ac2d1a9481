/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_PANIC_H
#define HYPHA_PANIC_H

_Noreturn void panic(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

#endif
