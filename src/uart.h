/* Generated from chapters/01-boot.nw, chapters/02-devicetree.nw, chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_UART_H
#define HYPHA_UART_H

#include <stdint.h>

void uart_init(uintptr_t base);
void uart_putc(char c);
int uart_getc(void);
uintptr_t uart_address(void);
void uart_rx_enable(void);
void uart_rx_interrupt(void *ctx);
int uart_read(char *buf, int n);
unsigned uart_rx_dropped(void);
void uart_set_loopback(int on);

#endif
