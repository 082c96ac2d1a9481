/* Generated from chapters/01-boot.nw, chapters/02-devicetree.nw, chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "uart.h"
#include "riscv.h"

enum {
    UART_RBR = 0,   /* receive buffer (read) */
    UART_THR = 0,   /* transmit holding (write) */
    UART_DLL = 0,   /* divisor low byte, when DLAB is set */
    UART_IER = 1,   /* interrupt enable */
    UART_DLM = 1,   /* divisor high byte, when DLAB is set */
    UART_FCR = 2,   /* FIFO control (write) */
    UART_LCR = 3,   /* line control */
    UART_LSR = 5,   /* line status */
};
enum {
    LCR_8N1 = 0x03,         /* 8 data bits, no parity, 1 stop bit */
    LCR_DLAB = 0x80,
    FCR_ENABLE_AND_CLEAR = 0x07,
    LSR_DATA_READY = 0x01,
    LSR_THR_EMPTY = 0x20,
};

static uintptr_t uart_base;

static uint8_t reg_read(int reg) { return mmio_read8(uart_base + reg); }
static void reg_write(int reg, uint8_t v) { mmio_write8(uart_base + reg, v); }

void uart_init(uintptr_t base)
{
    uart_base = base;
    reg_write(UART_IER, 0);
    reg_write(UART_LCR, LCR_DLAB);
    reg_write(UART_DLL, 3);
    reg_write(UART_DLM, 0);
    reg_write(UART_LCR, LCR_8N1);
    reg_write(UART_FCR, FCR_ENABLE_AND_CLEAR);
}
void uart_putc(char c)
{
    while ((reg_read(UART_LSR) & LSR_THR_EMPTY) == 0)
        ;
    reg_write(UART_THR, (uint8_t)c);
}

int uart_getc(void)
{
    if ((reg_read(UART_LSR) & LSR_DATA_READY) == 0)
        return -1;
    return reg_read(UART_RBR);
}
uintptr_t uart_address(void) { return uart_base; }
#include "ring.h"

enum { UART_MCR = 4, IER_RX_AVAILABLE = 0x01, MCR_LOOPBACK = 0x10 };

static unsigned char rx_buffer[256];
static struct ring rx_ring;

void uart_rx_enable(void)
{
    ring_init(&rx_ring, rx_buffer, sizeof rx_buffer);
    reg_write(UART_IER, IER_RX_AVAILABLE);
}
void uart_rx_interrupt(void *ctx)
{
    (void)ctx;
    while (reg_read(UART_LSR) & LSR_DATA_READY)
        ring_put(&rx_ring, reg_read(UART_RBR));
}
int uart_read(char *buf, int n)
{
    int got = 0;
    int c;
    while (got < n && (c = ring_get(&rx_ring)) >= 0)
        buf[got++] = (char)c;
    return got;
}

unsigned uart_rx_dropped(void) { return ring_dropped(&rx_ring); }

void uart_set_loopback(int on)
{
    uint8_t mcr = reg_read(UART_MCR);
    reg_write(UART_MCR, on ? mcr | MCR_LOOPBACK : mcr & ~MCR_LOOPBACK);
}
