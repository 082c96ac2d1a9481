/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "panic.h"
#include "kprintf.h"
#include "power.h"
#include "uart.h"

#include <stdarg.h>

static void panic_sink(void *ctx, char c)
{
    (void)ctx;
    if (c == '\n')
        uart_putc('\r');
    uart_putc(c);
}

static void panic_puts(const char *s)
{
    while (*s != '\0')
        panic_sink(NULL, *s++);
}
_Noreturn void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    panic_puts("\npanic: ");
    kvformat(panic_sink, NULL, fmt, ap);
    panic_puts("\n");
    va_end(ap);
    power_off(EXIT_PANIC);
}
