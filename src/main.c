/* Generated from chapters/01-boot.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "kprintf.h"
#include "power.h"
#include "riscv.h"
#include "sbi.h"
#include "uart.h"




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
    
    #ifdef HYPHA_PANIC_AT_BOOT
    panic("deliberate panic (HYPHA_PANIC_AT_BOOT)");
    #endif
    kprintf("Hypha: boot complete, powering off\n");
    power_off(EXIT_PASS);
}
