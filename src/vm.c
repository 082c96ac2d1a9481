/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "vm.h"
#include "console.h"
#include "kalloc.h"
#include "page.h"
#include "panic.h"
#include "riscv.h"

_Static_assert(PAGE_SIZE == SV39_PAGE_SIZE, "pages and Sv39 pages must agree");

static uint64_t kernel_root;
static int table_pages;
static uint64_t blob_start, blob_end;

static void *identity(void *ctx, uint64_t pa)
{
    (void)ctx;
    return (void *)(uintptr_t)pa;
}
static uint64_t table_alloc(void *ctx)
{
    (void)ctx;
    uint64_t pa = kframe_alloc();
    table_pages += pa != 0;
    return pa;
}
static void table_free(void *ctx, uint64_t pa)
{
    (void)ctx;
    kframe_free(pa);
    table_pages--;
}
static const struct pt_env kernel_env = {NULL, identity, table_alloc, table_free};
struct region { const char *name; uint64_t start, size; };
static struct region regions[2 * DT_MAX_REGIONS + 8];
static int region_count;

static void map_region(const char *name, uint64_t start, uint64_t end,
                       uint64_t perm)
{
    start = page_round_down(start);
    end = page_round_up(end);
    if (end > VM_IDENTITY_END)
        panic("vm: %s at %p lies beyond the identity region", name, (void *)start);
    int err = sv39_map_super(&kernel_env, kernel_root, start, start,
                             end - start, perm);
    if (err != SV39_OK)
        panic("vm: cannot map %s %p-%p: %s", name, (void *)start, (void *)end,
              sv39_strerror(err));
    if (region_count < (int)(sizeof regions / sizeof regions[0]))
        regions[region_count++] = (struct region){name, start, end - start};
}
extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern char __data_start[], __kernel_start[], __kernel_end[];

static uint64_t addr(const char *symbol) { return (uint64_t)(uintptr_t)symbol; }

static void map_kernel_image(void)
{
    map_region("text", addr(__text_start), addr(__text_end), PTE_R | PTE_X);
    map_region("rodata", addr(__rodata_start), addr(__rodata_end), PTE_R);
    map_region("data", addr(__data_start), addr(__kernel_end), PTE_R | PTE_W);
}
static void map_ram(const struct dt_region *mem, const struct dt_region *holes,
                    int nholes)
{
    uint64_t at = page_round_up(mem->base), end = page_round_down(mem->base + mem->size);
    while (at < end) {
        uint64_t gap_end = end, resume = end;
        for (int i = 0; i < nholes; i++) {
            uint64_t hb = page_round_down(holes[i].base);
            uint64_t he = page_round_up(holes[i].base + holes[i].size);
            uint64_t from = hb > at ? hb : at;
            if (he > at && hb < end && from < gap_end) {
                gap_end = from;
                resume = he;
            }
        }
        if (gap_end > at)
            map_region("ram", at, gap_end, PTE_R | PTE_W);
        at = resume;
    }
}
static void map_devices(const struct dt_info *m)
{
    map_region("uart", m->uart_base, m->uart_base + PAGE_SIZE, PTE_R | PTE_W);
    if (m->test_base != 0)
        map_region("test", m->test_base, m->test_base + PAGE_SIZE, PTE_R | PTE_W);
    if (m->plic_base != 0)
        map_region("plic", m->plic_base, m->plic_base + m->plic_size,
                   PTE_R | PTE_W);
}
void vm_set_device_tree(const void *blob, uint64_t size)
{
    blob_start = page_round_down(addr(blob));
    blob_end = page_round_up(addr(blob) + size);
}
static void perm_string(uint64_t perm, char out[4])
{
    out[0] = perm & PTE_R ? 'r' : '-';
    out[1] = perm & PTE_W ? 'w' : '-';
    out[2] = perm & PTE_X ? 'x' : '-';
    out[3] = '\0';
}

static void print_kernel_map(void)
{
    for (int i = 0; i < region_count; i++) {
        struct sv39_mapping m = {0, 0, 0};
        char perm[4];
        sv39_translate(&kernel_env, kernel_root, regions[i].start, &m);
        perm_string(m.perm, perm);
        kprintf("vm: %-6s 0x%016lx-0x%016lx %s -> 0x%016lx\n", regions[i].name,
                regions[i].start, regions[i].start + regions[i].size, perm, m.pa);
    }
    kprintf("vm: %d page-table pages (%d KiB)\n", table_pages, table_pages * 4);
    kprintf("vm: satp = 0x%016lx: Sv39, root table at %p\n", csr_read(satp),
            (void *)kernel_root);
}
void vm_init(const struct dt_info *m)
{
    kernel_root = sv39_create(&kernel_env);
    if (kernel_root == 0)
        panic("vm: no memory for the root page table");
    map_kernel_image();
    struct dt_region holes[DT_MAX_REGIONS + 2] = {
        {addr(__kernel_start), addr(__kernel_end) - addr(__kernel_start)},
        {blob_start, blob_end - blob_start},
    };
    for (int i = 0; i < m->reserved_count; i++)
        holes[2 + i] = m->reserved[i];
    for (int i = 0; i < m->memory_count; i++)
        map_ram(&m->memory[i], holes, 2 + m->reserved_count);
    if (blob_end > blob_start)
        map_region("dtb", blob_start, blob_end, PTE_R);
    map_devices(m);
    vm_enable_this_hart();
    print_kernel_map();
}
void vm_enable_this_hart(void)
{
    uint64_t want = sv39_satp(kernel_root);
    sfence_vma_all();
    csr_write(satp, want);
    sfence_vma_all();
    if (csr_read(satp) != want)
        panic("vm: satp did not accept %p; this hart has no Sv39",
              (void *)want);
}

uint64_t vm_kernel_root(void) { return kernel_root; }
int vm_map(uint64_t va, uint64_t pa, uint64_t size, uint64_t perm)
{
    int err = sv39_map(&kernel_env, kernel_root, va, pa, size, perm);
    sfence_vma_all();
    return err;
}

int vm_unmap(uint64_t va, uint64_t size)
{
    int err = sv39_unmap(&kernel_env, kernel_root, va, size);
    if (err == SV39_OK && size <= 16 * PAGE_SIZE)
        for (uint64_t off = 0; off < size; off += PAGE_SIZE)
            sfence_vma_page(va + off);
    else if (err == SV39_OK)
        sfence_vma_all();
    return err;
}
int vm_translate(uint64_t va, struct sv39_mapping *out)
{
    return sv39_translate(&kernel_env, kernel_root, va, out);
}

int vm_for_each_leaf(sv39_visit visit, void *ctx)
{
    return sv39_for_each_leaf(&kernel_env, kernel_root, visit, ctx);
}
static uint64_t kstacks_created;     /* one bit per slot */

static uint64_t slot_guard(int slot)
{
    return KSTACK_REGION_END - (uint64_t)(slot + 1) * KSTACK_SLOT_SIZE;
}

int kstack_guard_slot(uint64_t va)
{
    if (va < KSTACK_REGION_START || va >= KSTACK_REGION_END)
        return -1;
    int slot = (int)((KSTACK_REGION_END - 1 - va) / KSTACK_SLOT_SIZE);
    return va - slot_guard(slot) < PAGE_SIZE ? slot : -1;
}
uint64_t kstack_create(int slot)
{
    if (slot < 0 || slot >= KSTACK_SLOTS || (kstacks_created >> slot & 1))
        panic("kstack_create: slot %d is invalid or taken", slot);
    uint64_t guard = slot_guard(slot);
    for (int i = 1; i <= KSTACK_PAGES; i++) {
        uint64_t frame = kframe_alloc();
        if (frame == 0)
            panic("kstack_create: out of memory for slot %d", slot);
        int err = vm_map(guard + i * PAGE_SIZE, frame, PAGE_SIZE, PTE_R | PTE_W);
        if (err != SV39_OK)
            panic("kstack_create: slot %d: %s", slot, sv39_strerror(err));
    }
    kstacks_created |= (uint64_t)1 << slot;
    return guard + KSTACK_SLOT_SIZE;
}
