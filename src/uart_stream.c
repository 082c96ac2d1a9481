/* Generated from chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "uart_stream.h"
#include "atomic_waker.h"
#include "console.h"
#include "plic.h"
#include "uart.h"

static struct atomic_waker rx_waker;

static void rx_interrupt(void *ctx)
{
    uart_rx_interrupt(ctx);
    atomic_waker_wake(&rx_waker);
}

void uart_stream_init(uint32_t irq)
{
    if (plic_register(irq, rx_interrupt, NULL) != 0)
        kprintf("uart: no async reads: source %u cannot be registered\n", irq);
}
static enum poll uart_read_poll(struct future *f, struct context *cx)
{
    struct uart_read *r = (struct uart_read *)f;
    int got = uart_read(r->buf, r->n);
    if (got == 0) {
        atomic_waker_register(&rx_waker, cx->waker);
        got = uart_read(r->buf, r->n);
    }
    if (got == 0)
        return POLL_PENDING;
    *(int *)cx->output = got;
    return POLL_READY;
}

struct uart_read uart_read_async(char *buf, int n)
{
    return (struct uart_read){{uart_read_poll, NULL}, buf, n};
}
