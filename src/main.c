/* Generated from chapters/01-boot.nw, chapters/02-devicetree.nw, chapters/03-memory.nw, chapters/04-paging.nw, chapters/05-traps.nw, chapters/06-harts.nw, chapters/10-executor.nw, chapters/12-waiting.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "kprintf.h"
#include "panic.h"
#include "power.h"
#include "riscv.h"
#include "sbi.h"
#include "uart.h"
#include "cmdline.h"
#include "dtinfo.h"
#include "fdt.h"
#include "ktest.h"
#include "heap.h"
#include "kalloc.h"
#include "page.h"
#include "vm.h"
#include "hart.h"
#include "kstring.h"
#include "ksym.h"
#include "plic.h"
#include "timer.h"
#include "trap.h"
#include "trapname.h"
#include "vm.h"
#include "ipi.h"
#include "smp.h"
#include "spinlock.h"
#include <stdatomic.h>
#include "kexec.h"
#include "uart_stream.h"

static _Noreturn void boot_work(void *arg);

static struct dt_info machine;
static unsigned long booted_hart;
enum { DTB_MAX_SIZE = 1 << 20 };
static void print_region(const char *what, const struct dt_region *r)
{
    unsigned long long size = r->size;
    const char *unit = "bytes";
    if (size % (1ULL << 20) == 0) { size >>= 20; unit = "MiB"; }
    else if (size % 1024 == 0) { size >>= 10; unit = "KiB"; }
    kprintf("dt: %s 0x%llx-0x%llx (%llu %s)\n", what, (unsigned long long)r->base,
            (unsigned long long)(r->base + r->size), size, unit);
}
static void print_machine(const void *dtb)
{
    kprintf("dt: device tree at %p, %u bytes\n", dtb, machine.dtb_size);
    for (int i = 0; i < machine.memory_count; i++)
        print_region("memory", &machine.memory[i]);
    for (int i = 0; i < machine.reserved_count; i++)
        print_region("reserved", &machine.reserved[i]);
    kprintf("dt: %d hart%s:", machine.hart_count, machine.hart_count == 1 ? "" : "s");
    for (int i = 0; i < machine.hart_count; i++)
        kprintf(" %u", machine.hart_ids[i]);
    kprintf(" (booted on %lu)\n", booted_hart);
    kprintf("dt: timebase %llu Hz\n", (unsigned long long)machine.timebase_hz);
    kprintf("dt: uart 0x%llx irq %u\n", (unsigned long long)machine.uart_base, machine.uart_irq);
    kprintf("dt: plic 0x%llx size 0x%llx, %u sources\n", (unsigned long long)machine.plic_base,
            (unsigned long long)machine.plic_size, machine.plic_ndev);
    kprintf("dt: test device 0x%llx\n", (unsigned long long)machine.test_base);
    kprintf("dt: bootargs \"%s\"\n", machine.bootargs);
}
KTEST(ch02_boot_hart_is_listed)
{
    int found = 0;
    for (int i = 0; i < machine.hart_count; i++)
        found |= machine.hart_ids[i] == booted_hart;
    KT_ASSERT(found);
}

KTEST(ch02_console_uses_the_uart_found)
{
    KT_ASSERT(machine.uart_base != 0);
    KT_ASSERT_EQ(uart_address(), machine.uart_base);
}
extern char __kernel_start[], __kernel_end[];

KTEST(ch02_kernel_lies_in_memory_not_reserved)
{
    uint64_t start = (uintptr_t)__kernel_start, end = (uintptr_t)__kernel_end;
    int inside = 0;
    for (int i = 0; i < machine.memory_count; i++) {
        const struct dt_region *m = &machine.memory[i];
        inside |= start >= m->base && end <= m->base + m->size;
    }
    KT_ASSERT(inside);
    for (int i = 0; i < machine.reserved_count; i++) {
        const struct dt_region *r = &machine.reserved[i];
        KT_ASSERT(end <= r->base || start >= r->base + r->size);
    }
}
static const void *booted_dtb;

KTEST(ch02_device_tree_reads_the_same_again)
{
    struct dt_info again;
    struct fdt_error err;
    KT_ASSERT(dt_info_read(booted_dtb, machine.dtb_size, &again, &err) == 0);
    KT_ASSERT_EQ(again.hart_count, machine.hart_count);
    KT_ASSERT_EQ(again.memory_count, machine.memory_count);
    KT_ASSERT_EQ(again.memory[0].size, machine.memory[0].size);
    KT_ASSERT_EQ(again.bootargs, machine.bootargs);
    struct cmdline_word value;
    KT_ASSERT(cmdline_get(machine.bootargs, "test", &value));
}
KTEST_FATAL(ch02_panic)
{
    panic("deliberate panic (test=ch02_panic)");
}

KTEST_FATAL(ch02_assert_fails)
{
    KT_ASSERT_EQ(machine.hart_count, machine.hart_count + 1);
}
extern char __kernel_start[], __kernel_end[];
static int overlaps(uint64_t pa, uint64_t start, uint64_t end)
{
    return pa < end && start < pa + PAGE_SIZE;
}

static int in_memory(uint64_t pa)
{
    for (int i = 0; i < machine.memory_count; i++)
        if (pa >= machine.memory[i].base &&
            pa + PAGE_SIZE <= machine.memory[i].base + machine.memory[i].size)
            return 1;
    return 0;
}

static int in_reserved(uint64_t pa)
{
    for (int i = 0; i < machine.reserved_count; i++)
        if (overlaps(pa, machine.reserved[i].base,
                     machine.reserved[i].base + machine.reserved[i].size))
            return 1;
    return 0;
}

static int is_zero(uint64_t pa)
{
    const uint64_t *w = (const uint64_t *)(uintptr_t)pa;
    for (size_t i = 0; i < PAGE_SIZE / sizeof *w; i++)
        if (w[i] != 0)
            return 0;
    return 1;
}
static uint64_t *seen, seen_low, seen_pages;

static int seen_init(void)
{
    uint64_t high = 0;
    seen_low = UINT64_MAX;
    for (int i = 0; i < machine.memory_count; i++) {
        const struct dt_region *r = &machine.memory[i];
        seen_low = r->base < seen_low ? r->base : seen_low;
        high = r->base + r->size > high ? r->base + r->size : high;
    }
    seen_pages = (high - seen_low) / PAGE_SIZE;
    seen = kmalloc((seen_pages + 63) / 64 * 8);
    for (uint64_t w = 0; seen != NULL && w < (seen_pages + 63) / 64; w++)
        seen[w] = 0;
    return seen != NULL;
}

static int seen_before(uint64_t pa)
{
    uint64_t k = (pa - seen_low) / PAGE_SIZE, bit = (uint64_t)1 << (k % 64);
    int before = (seen[k / 64] & bit) != 0;
    seen[k / 64] |= bit;
    return before;
}

static void seen_done(void)
{
    kfree(seen);
}
static const char handed_out_twice[] = "was handed out twice";

static const char *frame_problem(uint64_t pa)
{
    if (pa % PAGE_SIZE != 0) return "is not page-aligned";
    if (!in_memory(pa)) return "is outside memory";
    if (overlaps(pa, (uintptr_t)__kernel_start, (uintptr_t)__kernel_end))
        return "overlaps the kernel image";
    if (overlaps(pa, (uintptr_t)booted_dtb, (uintptr_t)booted_dtb + machine.dtb_size))
        return "overlaps the device tree";
    if (in_reserved(pa)) return "overlaps a reserved region";
    if (!is_zero(pa)) return "is not zeroed";
    if (seen_before(pa)) return handed_out_twice;
    return NULL;
}
struct frames_run {
    uint64_t before, taken, left;   /* free at the start, taken, free at the end */
    int heap_refused;               /* kmalloc of two pages failed with all taken */
    const char *problem;            /* what was wrong with a frame, or NULL */
    uint64_t bad;                   /* the frame it was wrong with */
};

static void take_every_frame(struct frames_run *run, uint64_t fail_at)
{
    uint64_t chain = 0, pa;
    run->before = kframes_free();
    while ((pa = kframe_alloc()) != 0) {
        run->problem = run->taken + 1 == fail_at ? "fails on purpose" : frame_problem(pa);
        if (run->problem != NULL) {
            run->bad = pa;
            break;
        }
        *(uint64_t *)(uintptr_t)pa = chain;
        chain = pa;
        run->taken++;
    }
    run->left = kframes_free();
    void *big = kmalloc(2 * PAGE_SIZE);
    run->heap_refused = big == NULL;
    kfree(big);
    if (run->problem != NULL && run->problem != handed_out_twice)
        kframe_free(run->bad);
    while (chain != 0) {
        uint64_t next = *(uint64_t *)(uintptr_t)chain;
        kframe_free(chain);
        chain = next;
    }
}

KTEST(ch03_frames_all_and_back)
{
    struct frames_run run = {0};
    KT_ASSERT(seen_init());
    take_every_frame(&run, 0);
    uint64_t after = kframes_free();
    seen_done();
    if (run.problem != NULL)
        kprintf("ktest ch03_frames_all_and_back: frame 0x%llx %s\n",
                (unsigned long long)run.bad, run.problem);
    KT_ASSERT(run.problem == NULL);
    KT_ASSERT(run.before > 0 && run.before <= kframes_total());
    KT_ASSERT_EQ(run.taken, run.before);
    KT_ASSERT_EQ(run.left, 0);
    KT_ASSERT(run.heap_refused);
    KT_ASSERT_EQ(after, run.before);
}
KTEST(ch03_a_failed_frame_check_gives_every_frame_back)
{
    struct frames_run run = {0};
    KT_ASSERT(seen_init());
    take_every_frame(&run, 100);
    uint64_t after = kframes_free();
    seen_done();
    KT_ASSERT(run.problem != NULL);
    KT_ASSERT_EQ(run.taken, 99);
    KT_ASSERT_EQ(after, run.before);
}
KTEST(ch03_frame_count_matches_the_machine)
{
    uint64_t ram = 0, lost = 0;
    uint64_t image = (uintptr_t)__kernel_end - (uintptr_t)__kernel_start;
    int holes = machine.reserved_count + 2;
    for (int i = 0; i < machine.memory_count; i++)
        ram += machine.memory[i].size / PAGE_SIZE;
    for (int i = 0; i < machine.reserved_count; i++)
        lost += machine.reserved[i].size / PAGE_SIZE + 2;
    lost += image / PAGE_SIZE + 2 + machine.dtb_size / PAGE_SIZE + 2;
    lost += (uint64_t)(holes + machine.memory_count) * 3 + ram / 32768;
    KT_ASSERT(kframes_total() <= ram);
    KT_ASSERT(kframes_total() + lost >= ram);
    KT_ASSERT(kframes_free() <= kframes_total());
}
KTEST(ch03_heap)
{
    enum { N = 600 };
    static unsigned char *p[N];
    uint64_t before = kframes_free();
    for (int i = 0; i < N; i++) {
        size_t n = 1 + (size_t)i * 4099 % 9000;
        p[i] = kmalloc(n);
        KT_ASSERT(p[i] != NULL);
        KT_ASSERT_EQ((uintptr_t)p[i] % HEAP_ALIGN, 0);
        for (size_t b = 0; b < n; b++)
            p[i][b] = (unsigned char)(i * 131 + b * 7);
    }
    for (int i = 0; i < N; i++)
        for (size_t b = 0, n = 1 + (size_t)i * 4099 % 9000; b < n; b++)
            KT_ASSERT_EQ(p[i][b], (unsigned char)(i * 131 + b * 7));
    for (int i = N - 1; i >= 0; i -= 2)
        kfree(p[i]);
    for (int i = N - 2; i >= 0; i -= 2)
        kfree(p[i]);
    KT_ASSERT(kframes_free() <= before && kframes_free() + HEAP_CLASSES >= before);
    KT_ASSERT(kmalloc((size_t)-1) == NULL);
}
KTEST_FATAL(ch03_kfree_twice)
{
    void *p = kmalloc(24);
    kfree(p);
    kfree(p);
}

KTEST_FATAL(ch03_kframe_free_twice)
{
    uint64_t pa = kframe_alloc();
    kframe_free(pa);
    kframe_free(pa);
}

KTEST_FATAL(ch03_kfree_inside_a_block)
{
    char *p = kmalloc(64);
    kfree(p + 16);
}
static uint64_t boot_kstack_top;
static void boot_hart_moved(void *arg)
{
    unsigned long hartid = (unsigned long)(uintptr_t)arg;
    kprintf("hart %lu: moved to stack 0x%lx-0x%lx\n", hartid,
            (unsigned long)(boot_kstack_top - KSTACK_PAGES * PAGE_SIZE),
            (unsigned long)boot_kstack_top);
    boot_work(NULL);
}
extern char trap_vector[];
void kmain(unsigned long hartid, void *dtb);

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
static uint64_t median_of(uint64_t *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            uint64_t x = v[j];
            v[j] = v[j - 1];
            v[j - 1] = x;
        }
    return v[n / 2];
}
KTEST(ch05_timer_ticks)
{
    uint64_t timebase = timer_timebase_hz(), want = timer_hz() / 5;
    uint64_t interval = timebase / timer_hz(), gaps[64], last = 0;
    int ngaps = 0;
    uint64_t t0 = read_time(), ticks0 = timer_ticks(), seen = ticks0;
    while (read_time() - t0 < timebase / 5) {
        wait_for_interrupt();
        uint64_t now = read_time(), n = timer_ticks();
        if (n == seen)
            continue;
        if (last != 0 && n == seen + 1 && ngaps < 64)
            gaps[ngaps++] = now - last;
        seen = n, last = now;
    }
    uint64_t ticks = timer_ticks() - ticks0;
    KT_ASSERT(ngaps >= 4);
    uint64_t median = median_of(gaps, ngaps);
    kprintf("ch05_timer_ticks: %lu ticks in 200 ms at %u Hz, median gap %lu us\n",
            (unsigned long)ticks, timer_hz(), (unsigned long)(median * 1000000 / timebase));
    KT_ASSERT(ticks >= want / 4);
    KT_ASSERT(ticks <= want + want / 2 + 1);
    KT_ASSERT(median >= interval - interval / 4 && median <= interval + interval / 4);
}
KTEST(ch05_breakpoints_resume_with_registers_intact)
{
    uint64_t out[4], before = this_hart()->breakpoints;
    __asm__ volatile("li t0, 0x1111\n li a5, 0x2222\n"
                     "li s2, 0x3333\n li t6, 0x4444\n"
                     "ebreak\n"
                     ".option push\n .option norvc\n ebreak\n .option pop\n"
                     "sd t0, 0(%0)\n sd a5, 8(%0)\n sd s2, 16(%0)\n sd t6, 24(%0)\n"
                     : : "r"(out) : "t0", "a5", "s2", "t6", "memory");
    KT_ASSERT_EQ(this_hart()->breakpoints, before + 2);
    KT_ASSERT_EQ(out[0], 0x1111);
    KT_ASSERT_EQ(out[1], 0x2222);
    KT_ASSERT_EQ(out[2], 0x3333);
    KT_ASSERT_EQ(out[3], 0x4444);
}
static int names_equal(const char *a, const char *b)
{
    size_t n = strlen(b);
    return strlen(a) == n && memcmp(a, b, n) == 0;
}

KTEST(ch05_kernel_symbol_table)
{
    KT_ASSERT(ksym_count > 20);
    for (size_t i = 1; i < ksym_count; i++)
        KT_ASSERT(ksym_table[i - 1].addr <= ksym_table[i].addr);
    const struct ksym *s = ksym_lookup(ksym_table, ksym_count, (uintptr_t)kmain + 4);
    KT_ASSERT(s != NULL && names_equal(s->name, "kmain"));
    s = ksym_lookup(ksym_table, ksym_count, (uintptr_t)trap_vector + 8);
    KT_ASSERT(s != NULL && names_equal(s->name, "trap_vector"));
}
KTEST(ch05_plic_routes_the_uart_here)
{
    KT_ASSERT(plic_priority(machine.uart_irq) >= 1);
    KT_ASSERT(plic_enabled_here(machine.uart_irq));
    KT_ASSERT(csr_read(sie) & (1UL << IRQ_S_EXTERNAL));
    KT_ASSERT(csr_read(sstatus) & SSTATUS_SIE);
}

KTEST(ch05_uart_receives_by_interrupt)
{
    char buf[16];
    while (uart_read(buf, sizeof buf) > 0)
        ;
    uint64_t before = plic_handled(machine.uart_irq);
    uart_set_loopback(1);
    for (const char *p = "ping"; *p != '\0'; p++)
        uart_putc(*p);
    int got = 0;
    uint64_t t0 = read_time();
    while (got < 4 && read_time() - t0 < timer_timebase_hz() / 10)
        got += uart_read(buf + got, 4 - got);
    uart_set_loopback(0);
    KT_ASSERT_EQ(got, 4);
    KT_ASSERT(memcmp(buf, "ping", 4) == 0);
    KT_ASSERT(plic_handled(machine.uart_irq) > before);
}
KTEST_FATAL(ch05_page_fault)
{
    volatile uint64_t *volatile wild = (volatile uint64_t *)8;
    (void)*wild;
}
KTEST_FATAL(ch05_illegal_instruction)
{
    kprintf("ch05_illegal_instruction: writing the read-only time CSR\n");
    __asm__ volatile("csrw time, zero");
}
static volatile int overflow_stop = -1;

__attribute__((noipa)) static int recurse(int depth)
{
    volatile char pad[64];
    pad[0] = (char)depth;
    if (depth == overflow_stop)
        return 0;
    return recurse(depth + 1) + pad[0];
}

static volatile int overflow_result;

static void overflow_this_stack(void *arg)
{
    (void)arg;
    overflow_result = recurse(0);
}

KTEST_FATAL(ch05_stack_overflow)
{
    call_on_stack(kstack_create(KSTACK_SLOTS - 2), overflow_this_stack, NULL);
    KT_ASSERT(!"the recursion came back");
}
KTEST(ch06_all_harts_up)
{
    int listed = 0;
    for (int i = 0; i < machine.hart_count; i++) {
        if (machine.hart_ids[i] >= HART_MAX)
            continue;
        listed++;
        KT_ASSERT(hart_is_running(machine.hart_ids[i]));
    }
    KT_ASSERT(listed >= 1);
    KT_ASSERT_EQ(smp_running(), listed);
}
static void note_where_this_runs(void *arg)
{
    *(unsigned long *)arg = this_hart()->hartid;
}

KTEST(ch06_ipi_round_trip)
{
    for (unsigned long id = 0; id < HART_MAX; id++) {
        if (!hart_is_running(id))
            continue;
        unsigned long ran_on = ~0UL;
        uint64_t before = atomic_load(&harts[id].ipis);
        hart_call(id, note_where_this_runs, &ran_on);
        KT_ASSERT_EQ(ran_on, id);
        if (id != this_hart()->hartid)
            KT_ASSERT(atomic_load(&harts[id].ipis) > before);
    }
}
static void read_my_ticks(void *arg)
{
    *(uint64_t *)arg = this_hart()->ticks;
}

KTEST(ch06_timer_on_every_hart)
{
    uint64_t before[HART_MAX] = {0}, after;
    for (unsigned long id = 0; id < HART_MAX; id++)
        if (hart_is_running(id))
            hart_call(id, read_my_ticks, &before[id]);
    uint64_t until = read_time() + 5 * timer_timebase_hz() / timer_hz();
    while (read_time() < until)
        wait_for_interrupt();
    for (unsigned long id = 0; id < HART_MAX; id++) {
        if (!hart_is_running(id))
            continue;
        hart_call(id, read_my_ticks, &after);
        KT_ASSERT(after > before[id]);
    }
}
enum { LOCK_TOTAL = 2000 };

static struct spinlock counter_lock = SPINLOCK_INIT("ch06 counter");
static long shared_counter;
static atomic_int at_the_gate;

static void count_under_the_lock(void *arg)
{
    int harts = *(int *)arg;
    atomic_fetch_add(&at_the_gate, 1);
    while (atomic_load(&at_the_gate) < harts)
        ;
    for (int i = 0; i < LOCK_TOTAL / harts; i++) {
        spin_lock(&counter_lock);
        long seen = shared_counter;
        for (volatile int j = 0; j < 4; j++)
            ;
        shared_counter = seen + 1;
        spin_unlock(&counter_lock);
    }
}
KTEST(ch06_lock_counter)
{
    int harts = smp_running();
    unsigned long self = this_hart()->hartid;
    shared_counter = 0;
    atomic_store(&at_the_gate, 0);
    for (unsigned long id = 0; id < HART_MAX; id++)
        if (id != self && hart_is_running(id))
            hart_call_start(id, count_under_the_lock, &harts);
    count_under_the_lock(&harts);
    for (unsigned long id = 0; id < HART_MAX; id++)
        if (id != self && hart_is_running(id))
            hart_call_wait(id);
    KT_ASSERT_EQ(shared_counter, (long)harts * (LOCK_TOTAL / harts));
}
static void print_numbered_lines(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++)
        kprintf("ch06 line %02d from hart %lu: the quick brown fox jumps over the lazy dog\n",
                i, this_hart()->hartid);
}

KTEST(ch06_console_lines_stay_whole)
{
    unsigned long self = this_hart()->hartid;
    for (unsigned long id = 0; id < HART_MAX; id++)
        if (id != self && hart_is_running(id))
            hart_call_start(id, print_numbered_lines, NULL);
    print_numbered_lines(NULL);
    for (unsigned long id = 0; id < HART_MAX; id++)
        if (id != self && hart_is_running(id))
            hart_call_wait(id);
}
static struct spinlock recursion_lock = SPINLOCK_INIT("ch06 recursion");

KTEST_FATAL(ch06_lock_recursion)
{
    spin_lock(&recursion_lock);
    spin_lock(&recursion_lock);
    KT_ASSERT(!"the same hart took a lock twice");
}
struct async_echo {
    struct future base;
    unsigned long lines;
    char line[80], chunk[16];
    size_t len;
    int reading;
    struct uart_read read;
};
static void echo_chunk(struct async_echo *e, int got)
{
    for (int i = 0; i < got && e->lines > 0; i++) {
        char c = e->chunk[i];
        if (c != '\r' && c != '\n') {
            if (e->len < sizeof e->line - 1)
                e->line[e->len++] = c;
            continue;
        }
        if (e->len == 0)
            continue;
        e->line[e->len] = '\0';
        kprintf("async echo: \"%s\" (on hart %lu)\n", e->line, this_hart()->hartid);
        e->len = 0;
        e->lines--;
    }
}
static enum poll async_echo_poll(struct future *f, struct context *cx)
{
    struct async_echo *e = (struct async_echo *)f;
    while (e->lines > 0) {
        int got = 0;
        if (!e->reading)
            e->read = uart_read_async(e->chunk, sizeof e->chunk), e->reading = 1;
        if (future_poll_into(&e->read.base, cx, &got) == POLL_PENDING)
            return POLL_PENDING;
        e->reading = 0;
        echo_chunk(e, got);
    }
    return POLL_READY;
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
    #ifdef HYPHA_FAULT_AT_BOOT
    (void)*(volatile uint64_t *)(uintptr_t)0x80000000;
    #endif
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
    {
        booted_hart = hartid;
        if (dtb == NULL)
            panic("no device tree: a1 was zero at entry");
        size_t dtb_size = fdt_header_word(dtb, FDT_H_TOTALSIZE);
        if (dtb_size < FDT_HEADER_SIZE)
            dtb_size = FDT_HEADER_SIZE;
        if (dtb_size > DTB_MAX_SIZE)
            dtb_size = DTB_MAX_SIZE;
        struct fdt_error dt_error;
        if (dt_info_read(dtb, dtb_size, &machine, &dt_error) < 0)
            panic("device tree at %p: %s (offset %u)", dtb, dt_error.message, dt_error.offset);
        uart_init(machine.uart_base);
        power_init(machine.test_base);
        print_machine(dtb);
    }
    booted_dtb = dtb;
    kalloc_init(&machine, dtb);
    vm_set_device_tree(dtb, machine.dtb_size);
    vm_init(&machine);
    boot_kstack_top = kstack_create((int)hartid);
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
    smp_start(&machine, hartid);
    uart_stream_init(machine.uart_irq);
    call_on_stack(boot_kstack_top, boot_hart_moved, (void *)(uintptr_t)hartid);
    boot_work(NULL);
}

static _Noreturn void boot_work(void *arg)
{
    (void)arg;
    {
        struct cmdline_word tests;
        if (cmdline_get(machine.bootargs, "test", &tests))
            power_off(ktest_run(tests) == 0 ? EXIT_PASS : EXIT_FAIL);
    }
    {
        unsigned long lines = boot_number("echo", 0, 1000);
        if (lines > 0)
            echo_lines(lines);
    }
    if (boot_number("kbench", 0, 2) == 1)
        kexec_bench();
    else if (boot_number("kbench", 0, 2) == 2)
        kexec_bench_clock();
    {
        unsigned long lines = boot_number("async_echo", 0, 1000);
        if (lines > 0) {
            struct executor *ex = kexec_start();
            struct async_echo e = {.base = {async_echo_poll, NULL}, .lines = lines};
            kprintf("async echo: type %lu line%s\n", lines, lines == 1 ? "" : "s");
            kexec_block_on(ex, &e.base, NULL);
            kexec_stop(ex);
        }
    }
    #ifdef HYPHA_PANIC_AT_BOOT
    panic("deliberate panic (HYPHA_PANIC_AT_BOOT)");
    #endif
    kprintf("Hypha: boot complete, powering off\n");
    power_off(EXIT_PASS);
}
