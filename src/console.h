/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_CONSOLE_H
#define HYPHA_CONSOLE_H

void console_putc(char c);
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
