/* Generated from chapters/01-boot.nw, chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "kprintf.h"
#include "power.h"
#include "riscv.h"
#include "sbi.h"
#include "uart.h"
#include "hart.h"
#include "kstring.h"
#include "ksym.h"
#include "plic.h"
#include "timer.h"
#include "trap.h"
#include "trapname.h"
#include "vm.h"

extern char trap_vector[];

static unsigned long boot_number(const char *key, unsigned long fallback,
                                 unsigned long max)
{
    struct cmdline_word w;
    if (!cmdline_get(machine.bootargs, key, &w))
        return fallback;
    unsigned long v = 0;
    size_t i = 0;
    for (; i < w.len && w.text[i] >= '0' && w.text[i] <= '9'; i++)
        if ((v = v * 10 + (unsigned long)(w.text[i] - '0')) > max)
            break;
    if (w.len > 0 && i == w.len && v >= 1 && v <= max)
        return v;
    kprintf("bootargs: %s must be a number from 1 to %lu; using %lu\n", key,
            max, fallback);
    return fallback;
}
static int read_byte_waiting(void)
{
    char c;
    for (;;) {
        interrupts_off();
        int got = uart_read(&c, 1);
        if (got == 0)
            wait_for_interrupt();
        interrupts_on();
        if (got == 1)
            return (unsigned char)c;
    }
}
static void echo_lines(unsigned long lines)
{
    char line[80];
    size_t len = 0;
    kprintf("echo: type %lu line%s\n", lines, lines == 1 ? "" : "s");
    while (lines > 0) {
        int c = read_byte_waiting();
        if (c != '\r' && c != '\n') {
            if (len < sizeof line - 1)
                line[len++] = (char)c;
            continue;
        }
        if (len == 0)
            continue;
        line[len] = '\0';
        kprintf("echo: \"%s\" (%lu bytes, %lu UART interrupts)\n", line,
                (unsigned long)len, (unsigned long)plic_handled(machine.uart_irq));
        len = 0;
        lines--;
    }
}

void kmain(unsigned long hartid, void *dtb);

extern char __kernel_start[], __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[], __data_start[], __data_end[];
extern char __bss_start[], __bss_end[], __boot_stack_top[], __kernel_end[];

static void print_image_map(void)
{
    kprintf("kernel: text   %p-%p\n", __text_start, __text_end);
    kprintf("kernel: rodata %p-%p\n", __rodata_start, __rodata_end);
    kprintf("kernel: data   %p-%p\n", __data_start, __data_end);
    kprintf("kernel: bss    %p-%p\n", __bss_start, __bss_end);
    kprintf("kernel: stack top %p, image ends at %p (%lu KiB)\n",
            __boot_stack_top, __kernel_end,
            (unsigned long)(__kernel_end - __kernel_start) / 1024);
}

void kmain(unsigned long hartid, void *dtb)
{
    uart_init(0x10000000);
    power_init(0x100000);
    kprintf("\nHypha: booting on hart %lu, device tree at %p\n", hartid, dtb);
    long spec = sbi_spec_version();
    long impl = sbi_impl_id();
    long impl_version = sbi_impl_version();
    kprintf("SBI: specification v%ld.%ld, %s v%ld.%ld\n", (spec >> 24) & 0x7f,
            spec & 0xffffff, sbi_impl_name(impl), impl_version >> 16,
            impl_version & 0xffff);
    kprintf("SBI: extensions:%s%s%s%s\n", sbi_probe(SBI_EXT_TIME) ? " TIME" : "",
            sbi_probe(SBI_EXT_IPI) ? " IPI" : "", sbi_probe(SBI_EXT_HSM) ? " HSM" : "",
            sbi_probe(SBI_EXT_SRST) ? " SRST" : "");
    print_image_map();
    trap_init_hart(hartid);
    timer_init(machine.timebase_hz, (unsigned)boot_number("timer_hz", 100, 10000));
    timer_start_hart();
    plic_init(machine.plic_base, machine.plic_ndev);
    plic_init_hart();
    if (plic_register(machine.uart_irq, uart_rx_interrupt, NULL) == 0)
        uart_rx_enable();
    interrupts_on();
    kprintf("traps: vector at %p, timer at %u Hz, UART on PLIC source %u, "
            "%lu kernel symbols\n", (void *)trap_vector, timer_hz(),
            machine.uart_irq, (unsigned long)ksym_count);
    {
        unsigned long lines = boot_number("echo", 0, 1000);
        if (lines > 0)
            echo_lines(lines);
    }
    #ifdef HYPHA_PANIC_AT_BOOT
    panic("deliberate panic (HYPHA_PANIC_AT_BOOT)");
    #endif
    kprintf("Hypha: boot complete, powering off\n");
    power_off(EXIT_PASS);
}
