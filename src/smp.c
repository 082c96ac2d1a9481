/* Generated from chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "smp.h"
#include "console.h"
#include "dtinfo.h"
#include "hart.h"
#include "ipi.h"
#include "page.h"
#include "panic.h"
#include "plic.h"
#include "riscv.h"
#include "sbi.h"
#include "timer.h"
#include "trap.h"
#include "vm.h"

#include <stdatomic.h>
#include <stdint.h>

char hart_start_stacks[HART_MAX][HART_START_STACK_SIZE] __attribute__((aligned(16)));
extern char hart_entry[];
static unsigned long boot_hart;

int smp_running(void)
{
    int n = 0;
    for (unsigned long id = 0; id < HART_MAX; id++)
        n += hart_is_running(id);
    return n;
}
struct hart *hart_wait_until_prepared(unsigned long hartid)
{
    if (hartid >= HART_MAX)
        for (;;)
            wait_for_interrupt();
    while (!atomic_load_explicit(&harts[hartid].prepared, memory_order_acquire))
        ;
    return &harts[hartid];
}
static void hart_main(void *arg);

void hart_start_here(unsigned long hartid, struct hart *h)
{
    atomic_thread_fence(memory_order_seq_cst);
    vm_enable_this_hart();
    call_on_stack(h->kstack_top, hart_main, h);
    panic("hart %lu: hart_main returned", hartid);
}
static void do_idle_work(void);

static void hart_main(void *arg)
{
    struct hart *h = arg;
    trap_init_hart(h->hartid);
    timer_start_hart();
    plic_init_hart();
    ipi_init_hart();
    kprintf("hart %lu: up, stack 0x%lx-0x%lx\n", h->hartid,
            (unsigned long)(h->kstack_top - KSTACK_PAGES * PAGE_SIZE),
            (unsigned long)h->kstack_top);
    atomic_store_explicit(&h->online, 1, memory_order_release);
    ipi_send(boot_hart);
    interrupts_on();
    for (;;)
        do_idle_work();
}
static void (*_Atomic idle_work)(void);

void smp_set_idle_work(void (*fn)(void))
{
    atomic_store_explicit(&idle_work, fn, memory_order_release);
}

static void do_idle_work(void)
{
    void (*fn)(void) = atomic_load_explicit(&idle_work, memory_order_acquire);
    if (fn != NULL)
        fn();
    else
        wait_for_interrupt();
}
extern char _start[];

static uintptr_t start_address(void)
{
#ifdef HYPHA_START_HARTS_AT_BOOT_ENTRY
    return (uintptr_t)_start;   /* act out a firmware that misroutes harts */
#else
    return (uintptr_t)hart_entry;
#endif
}
static void start_hart(unsigned long id)
{
    enum { SBI_ERR_ALREADY_AVAILABLE = -6 };
    struct hart *h = &harts[id];
    h->hartid = id;
    h->kstack_top = kstack_create((int)id);
    atomic_store_explicit(&h->prepared, 1, memory_order_release);
    atomic_thread_fence(memory_order_seq_cst);
    long err = sbi_hart_start(id, start_address(), (uintptr_t)h);
    if (err == SBI_ERR_ALREADY_AVAILABLE)
        kprintf("hart %lu: already running, entered the kernel on its own\n", id);
    else if (err != 0)
        panic("hart %lu: SBI hart_start failed: %s", id, sbi_strerror(err));
}
static void wait_for_harts(const struct dt_info *m, int expected)
{
    uint64_t deadline = read_time() + 5 * timer_timebase_hz();
    while (smp_running() < expected) {
        if (read_time() < deadline) {
            wait_for_interrupt();
            continue;
        }
        for (int i = 0; i < m->hart_count; i++)
            if (m->hart_ids[i] < HART_MAX && !hart_is_running(m->hart_ids[i]))
                panic("hart %u did not come up (SBI HSM status %ld)", m->hart_ids[i],
                      sbi_hart_get_status(m->hart_ids[i]));
    }
}
void smp_start(const struct dt_info *m, unsigned long boot_hartid)
{
    uint64_t began = read_time();
    boot_hart = boot_hartid;
    ipi_init_hart();
    atomic_store_explicit(&harts[boot_hartid].online, 1, memory_order_release);
    kprintf("hart %lu: up, the boot hart\n", boot_hartid);
    if (m->hart_count > 1 && !(sbi_probe(SBI_EXT_HSM) && sbi_probe(SBI_EXT_IPI)))
        panic("smp: %d harts, but the firmware lacks SBI HSM or IPI", m->hart_count);
    int expected = 1;
    for (int i = 0; i < m->hart_count; i++) {
        unsigned long id = m->hart_ids[i];
        if (id == boot_hartid)
            continue;
        if (id >= HART_MAX) {
            kprintf("hart %lu: not started: Hypha supports hart IDs below %d\n", id, HART_MAX);
            continue;
        }
        start_hart(id);
        expected++;
    }
    wait_for_harts(m, expected);
    kprintf("harts: %d running, started in %lu us\n", smp_running(),
            (unsigned long)((read_time() - began) * 1000000 / timer_timebase_hz()));
}
