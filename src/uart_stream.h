/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_UART_STREAM_H
#define HYPHA_UART_STREAM_H

#include <stdint.h>

#include "future.h"

struct uart_read {
    struct future base;
    char *buf;
    int n;
};

void uart_stream_init(uint32_t irq);
struct uart_read uart_read_async(char *buf, int n);

#endif
