/* Generated from chapters/05-traps.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "trap.h"
#include "backtrace.h"
#include "console.h"
#include "hart.h"
#include "ksym.h"
#include "panic.h"
#include "plic.h"
#include "power.h"
#include "riscv.h"
#include "timer.h"
#include "trapname.h"
#include "vm.h"
#include "ipi.h"

#include <stddef.h>

_Static_assert(offsetof(struct trap_frame, x[31]) == TF_X(31), "x[] offsets");
_Static_assert(offsetof(struct trap_frame, sepc) == TF_SEPC, "sepc offset");
_Static_assert(offsetof(struct trap_frame, sstatus) == TF_SSTATUS, "sstatus offset");
_Static_assert(offsetof(struct trap_frame, scause) == TF_SCAUSE, "scause offset");
_Static_assert(offsetof(struct trap_frame, stval) == TF_STVAL, "stval offset");
_Static_assert(offsetof(struct trap_frame, sscratch) == TF_SSCRATCH, "sscratch offset");
_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "frame size");
_Static_assert(TF_SIZE % 16 == 0, "the stack pointer must stay 16-byte aligned");
_Static_assert(TRAP_STACK_SIZE % 16 == 0, "trap stacks must be 16-byte aligned");
static char trap_stacks[HART_MAX][TRAP_STACK_SIZE] __attribute__((aligned(16)));
extern char trap_vector[];

void trap_init_hart(unsigned long hartid)
{
    hart_init_local(hartid);
    struct hart *h = this_hart();
    h->trap_stack_top = (uint64_t)(uintptr_t)(trap_stacks[hartid] + TRAP_STACK_SIZE);
    csr_write(sscratch, h->trap_stack_top);
    csr_write(stvec, (uint64_t)(uintptr_t)trap_vector);
}
static void console_sink(void *ctx, char c)
{
    (void)ctx;
    console_putc(c);
}
extern char __text_start[], __text_end[];
extern char __boot_stack_bottom[], __boot_stack_top[];

static int kernel_find_stack(void *ctx, uint64_t addr, uint64_t *lo, uint64_t *hi)
{
    (void)ctx;
    uint64_t boot = (uintptr_t)__boot_stack_bottom, traps = (uintptr_t)trap_stacks;
    if (addr >= boot && addr < (uintptr_t)__boot_stack_top) {
        *lo = boot;
        *hi = (uintptr_t)__boot_stack_top;
        return 1;
    }
    if (addr >= traps && addr < traps + sizeof trap_stacks) {
        *lo = traps + (addr - traps) / TRAP_STACK_SIZE * TRAP_STACK_SIZE;
        *hi = *lo + TRAP_STACK_SIZE;
        return 1;
    }
    if (addr >= KSTACK_REGION_START && addr < KSTACK_REGION_END &&
        kstack_guard_slot(addr) < 0) {
        uint64_t slot = (KSTACK_REGION_END - 1 - addr) / KSTACK_SLOT_SIZE;
        struct sv39_mapping map;
        if (vm_translate(addr, &map) == SV39_OK) {
            *hi = KSTACK_REGION_END - slot * KSTACK_SLOT_SIZE;
            *lo = *hi - KSTACK_PAGES * SV39_PAGE_SIZE;
            return 1;
        }
    }
    return 0;
}
static uint64_t kernel_read(void *ctx, uint64_t addr)
{
    (void)ctx;
    return *(const volatile uint64_t *)(uintptr_t)addr;
}

static int kernel_same_function(void *ctx, uint64_t a, uint64_t b)
{
    (void)ctx;
    const struct ksym *sa = ksym_lookup(ksym_table, ksym_count, a);
    return sa != NULL && sa == ksym_lookup(ksym_table, ksym_count, b);
}
static void print_registers(const struct trap_frame *tf)
{
    for (int n = 1; n < 32; n++)
        kprintf("%s%-4s0x%016lx%s", n % 4 == 1 ? "  " : " ",
                trap_register_name(n), (unsigned long)tf->x[n],
                n % 4 == 0 || n == 31 ? "\n" : "");
}

_Noreturn static void trap_fatal(struct trap_frame *tf, const char *why)
{
    if (this_hart()->reporting_fatal_trap) {
        kprintf("\n*** trap while reporting a trap: scause 0x%lx sepc 0x%lx stval 0x%lx\n",
                (unsigned long)tf->scause, (unsigned long)tf->sepc,
                (unsigned long)tf->stval);
        power_off(EXIT_PANIC);
    }
    this_hart()->reporting_fatal_trap = 1;
    const char *what = why != NULL ? why : trap_cause_name(tf->scause);
    int overflow_slot = -1;
    if (!(tf->scause & SCAUSE_INTERRUPT) &&
        (SCAUSE_CODE(tf->scause) == EXC_LOAD_PAGE_FAULT ||
         SCAUSE_CODE(tf->scause) == EXC_STORE_PAGE_FAULT)) {
        overflow_slot = kstack_guard_slot(tf->stval);
        if (overflow_slot >= 0)
            what = "kernel stack overflow";
    }
    char where[96];
    ksym_format(where, sizeof where, ksym_table, ksym_count, tf->sepc);
    char caller[96];
    ksym_format(caller, sizeof caller, ksym_table, ksym_count, tf->x[1]);
    kprintf("\n*** %s on hart %lu\n", what, this_hart()->hartid);
    kprintf("  scause  0x%016lx  %s\n", (unsigned long)tf->scause,
            trap_cause_name(tf->scause));
    kprintf("  sepc    0x%016lx  %s\n", (unsigned long)tf->sepc, where);
    kprintf("  stval   0x%016lx\n", (unsigned long)tf->stval);
    kprintf("  ra      0x%016lx  %s\n", (unsigned long)tf->x[1], caller);
    kprintf("  sstatus 0x%016lx  (from %s mode)\n", (unsigned long)tf->sstatus,
            (tf->sstatus & SSTATUS_SPP) ? "supervisor" : "user");
    if (overflow_slot >= 0)
        kprintf("  the stack in slot %d ran into its guard page: sp 0x%lx, "
                "fault at 0x%lx\n", overflow_slot, (unsigned long)tf->x[2],
                (unsigned long)tf->stval);
    print_registers(tf);
    struct stack_memory m = {kernel_find_stack, kernel_read, kernel_same_function,
                             NULL, (uintptr_t)__text_start, (uintptr_t)__text_end};
    backtrace_print(console_sink, NULL, &m, ksym_table, ksym_count,
                    tf->sepc, tf->x[8], tf->x[1]);
    panic("%s at %s", what, where);
}
static void step_over_breakpoint(struct trap_frame *tf)
{
    uint16_t parcel = *(const volatile uint16_t *)(uintptr_t)tf->sepc;
    tf->sepc += (parcel & 3) == 3 ? 4 : 2;
    this_hart()->breakpoints++;
}
static void handle_interrupt(struct trap_frame *tf)
{
    switch (SCAUSE_CODE(tf->scause)) {
    case IRQ_S_TIMER:
        timer_interrupt();
        return;
    case IRQ_S_EXTERNAL:
        plic_dispatch();
        return;
    case IRQ_S_SOFTWARE:
        ipi_interrupt();
        return;
    }
    trap_fatal(tf, "unexpected interrupt");
}
static void handle_exception(struct trap_frame *tf)
{
    switch (SCAUSE_CODE(tf->scause)) {
    case EXC_BREAKPOINT:
        step_over_breakpoint(tf);
        return;
    
    }
    trap_fatal(tf, NULL);
}
void trap_handler(struct trap_frame *tf)
{
    if (tf->scause & SCAUSE_INTERRUPT)
        handle_interrupt(tf);
    else
        handle_exception(tf);
}
