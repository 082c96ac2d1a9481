/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "kalloc.h"
#include "ktest.h"
#include "page.h"
#include "riscv.h"
#include "vm.h"

extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern char __data_start[];

static uint64_t addr_of(const void *p) { return (uint64_t)(uintptr_t)p; }

KTEST(ch04_paging_is_on)
{
    uint64_t satp = csr_read(satp);
    struct sv39_mapping m;
    static int in_bss;
    KT_ASSERT_EQ(satp >> SATP_MODE_SHIFT, SATP_MODE_SV39);
    KT_ASSERT_EQ((satp & SATP_PPN_MASK) << SV39_PAGE_SHIFT, vm_kernel_root());
    KT_ASSERT_EQ(vm_translate(addr_of(&in_bss), &m), SV39_OK);
    KT_ASSERT_EQ(m.pa, addr_of(&in_bss));
    KT_ASSERT_EQ(m.perm, PTE_R | PTE_W);
    KT_ASSERT_EQ(vm_translate(addr_of(__text_start) + 8, &m), SV39_OK);
    KT_ASSERT_EQ(m.pa, addr_of(__text_start) + 8);
}
struct wx_scan { int leaves, w_and_x, x_outside_text, writable_constant; };

static int overlaps(uint64_t va, uint64_t size, const char *lo, const char *hi)
{
    return va < addr_of(hi) && addr_of(lo) < va + size;
}

static int scan_leaf(void *ctx, uint64_t va, uint64_t pa, uint64_t size,
                     uint64_t perm)
{
    struct wx_scan *s = ctx;
    (void)pa;
    s->leaves++;
    s->w_and_x += (perm & PTE_W) && (perm & PTE_X);
    s->x_outside_text += (perm & PTE_X) &&
        (va < addr_of(__text_start) || va + size > addr_of(__text_end));
    s->writable_constant += (perm & PTE_W) &&
        overlaps(va, size, __text_start, __rodata_end);
    return 0;
}
KTEST(ch04_wx)
{
    struct wx_scan s = {0, 0, 0, 0};
    struct sv39_mapping m;
    vm_for_each_leaf(scan_leaf, &s);
    KT_ASSERT(s.leaves > 0);
    KT_ASSERT_EQ(s.w_and_x, 0);
    KT_ASSERT_EQ(s.x_outside_text, 0);
    KT_ASSERT_EQ(s.writable_constant, 0);
    KT_ASSERT_EQ(vm_map(VM_FREE_START, addr_of(__text_start), PAGE_SIZE,
                        PTE_R | PTE_W | PTE_X), SV39_ERR_W_AND_X);
    KT_ASSERT_EQ(vm_translate(addr_of(__text_start), &m), SV39_OK);
    KT_ASSERT_EQ(m.perm, PTE_R | PTE_X);
    KT_ASSERT_EQ(vm_translate(addr_of(__rodata_start), &m), SV39_OK);
    KT_ASSERT_EQ(m.perm, PTE_R);
    KT_ASSERT_EQ(vm_translate(addr_of(__data_start), &m), SV39_OK);
    KT_ASSERT_EQ(m.perm, PTE_R | PTE_W);
}
KTEST(ch04_alias)
{
    uint64_t frame = kframe_alloc(), alias = VM_FREE_START + 16 * PAGE_SIZE;
    struct sv39_mapping m;
    KT_ASSERT(frame != 0);
    KT_ASSERT_EQ(vm_map(alias, frame, PAGE_SIZE, PTE_R | PTE_W), SV39_OK);
    volatile uint64_t *direct = (uint64_t *)(uintptr_t)frame;
    volatile uint64_t *other = (uint64_t *)(uintptr_t)alias;
    direct[3] = 0x1234abcd5678ef00;
    KT_ASSERT_EQ(other[3], 0x1234abcd5678ef00);
    other[511] = 42;
    KT_ASSERT_EQ(direct[511], 42);
    KT_ASSERT_EQ(vm_translate(alias + 8, &m), SV39_OK);
    KT_ASSERT_EQ(m.pa, frame + 8);
    KT_ASSERT_EQ(vm_unmap(alias, PAGE_SIZE), SV39_OK);
    KT_ASSERT_EQ(vm_translate(alias, &m), SV39_ERR_NOT_MAPPED);
    kframe_free(frame);
}
static void report_stack(void *arg)
{
    volatile uint64_t buffer[64];
    buffer[0] = 1;
    __asm__ volatile("mv %0, sp" : "=r"(*(uint64_t *)arg));
    ((uint64_t *)arg)[1] = buffer[0];
}
KTEST(ch04_guard_pages)
{
    static uint64_t top;
    int slot = KSTACK_SLOTS - 1;
    if (top == 0)
        top = kstack_create(slot);
    uint64_t guard = top - KSTACK_SLOT_SIZE;
    uint64_t seen[2] = {0, 0};
    struct sv39_mapping m;
    KT_ASSERT_EQ(vm_translate(guard, &m), SV39_ERR_NOT_MAPPED);
    KT_ASSERT_EQ(kstack_guard_slot(guard), slot);
    KT_ASSERT_EQ(kstack_guard_slot(guard + PAGE_SIZE - 1), slot);
    KT_ASSERT_EQ(kstack_guard_slot(guard + PAGE_SIZE), -1);
    KT_ASSERT_EQ(kstack_guard_slot(top), slot - 1);
    KT_ASSERT_EQ(kstack_guard_slot(0x80200000), -1);
    for (uint64_t va = guard + PAGE_SIZE; va < top; va += PAGE_SIZE) {
        KT_ASSERT_EQ(vm_translate(va, &m), SV39_OK);
        KT_ASSERT_EQ(m.perm, PTE_R | PTE_W);
    }
    call_on_stack(top, report_stack, seen);
    KT_ASSERT(seen[0] > guard + PAGE_SIZE && seen[0] < top);
    KT_ASSERT_EQ(seen[1], 1);
}
KTEST(ch04_boot_hart_on_a_guarded_stack)
{
    uint64_t sp;
    struct sv39_mapping m;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    KT_ASSERT(sp > KSTACK_REGION_START && sp <= KSTACK_REGION_END);
    KT_ASSERT_EQ(kstack_guard_slot(sp), -1);
    uint64_t slot = (KSTACK_REGION_END - 1 - sp) / KSTACK_SLOT_SIZE;
    uint64_t guard = KSTACK_REGION_END - (slot + 1) * KSTACK_SLOT_SIZE;
    KT_ASSERT_EQ(kstack_guard_slot(guard), (int)slot);
    KT_ASSERT_EQ(vm_translate(guard, &m), SV39_ERR_NOT_MAPPED);
    KT_ASSERT_EQ(vm_translate(guard + PAGE_SIZE, &m), SV39_OK);
}
