/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_KPRINTF_H
#define HYPHA_KPRINTF_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*kformat_sink)(void *ctx, char c);

int kvformat(kformat_sink sink, void *ctx, const char *fmt, va_list ap);
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
