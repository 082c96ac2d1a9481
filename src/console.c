/* Generated from chapters/01-boot.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "kprintf.h"
#include "uart.h"
#include "spinlock.h"

static struct spinlock console_lock = SPINLOCK_INIT("console");

#include <stdarg.h>

void console_putc(char c)
{
    if (c == '\n')
        uart_putc('\r');
    uart_putc(c);
}

static void console_sink(void *ctx, char c)
{
    (void)ctx;
    console_putc(c);
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int console_nested = spin_holding(&console_lock);
    if (!console_nested)
        spin_lock(&console_lock);
    int n = kvformat(console_sink, NULL, fmt, ap);
    if (!console_nested)
        spin_unlock(&console_lock);
    va_end(ap);
    return n;
}
