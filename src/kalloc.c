/* Generated from chapters/03-memory.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "kalloc.h"
#include "console.h"
#include "dtinfo.h"
#include "frames.h"
#include "heap.h"
#include "page.h"
#include "panic.h"
#include "ranges.h"
#include "spinlock.h"

static struct spinlock alloc_lock = SPINLOCK_INIT("allocators");

extern char __kernel_start[], __kernel_end[];

static struct frame_allocator frames;
static struct heap heap;

static void *frame_pointer(uint64_t pa) { return (void *)(uintptr_t)pa; }
static uint64_t frame_address(const void *p) { return (uint64_t)(uintptr_t)p; }
static void find_free_memory(const struct dt_info *m, const void *dtb,
                             struct range_set *avail)
{
    struct mem_region ram[DT_MAX_REGIONS], holes[DT_MAX_REGIONS + 2];
    int nholes = 0;
    for (int i = 0; i < m->memory_count; i++)
        ram[i] = (struct mem_region){m->memory[i].base, m->memory[i].size};
    for (int i = 0; i < m->reserved_count; i++)
        holes[nholes++] = (struct mem_region){m->reserved[i].base, m->reserved[i].size};
    holes[nholes++] = (struct mem_region){frame_address(__kernel_start),
                                          (uint64_t)(__kernel_end - __kernel_start)};
    holes[nholes++] = (struct mem_region){frame_address(dtb), m->dtb_size};
    if (usable_memory(avail, ram, m->memory_count, holes, nholes) != RANGES_OK)
        panic("memory: more than %d free ranges", RANGES_MAX);
}
static void manage_free_memory(const struct range_set *avail)
{
    frames_init(&frames);
    for (int i = 0; i < avail->count; i++) {
        unsigned long long start = avail->r[i].start, end = avail->r[i].end;
        kprintf("memory: free 0x%llx-0x%llx (%llu KiB)\n", start, end,
                (end - start) / 1024);
        int err = frames_add_range(&frames, frame_pointer(start), end - start);
        if (err == FRAMES_RANGE_TOO_SMALL || err == FRAMES_TOO_MANY_RANGES)
            kprintf("memory: ignoring 0x%llx-0x%llx: %s\n", start, end,
                    frames_strerror(err));
        else if (err != FRAMES_OK)
            panic("memory: cannot manage 0x%llx-0x%llx: %s", start, end,
                  frames_strerror(err));
    }
}
static void *heap_get_pages(void *ctx, size_t n)
{
    void *p = NULL;
    int err = n == 1 ? frames_alloc(ctx, &p) : frames_alloc_contig(ctx, n, &p);
    if (err != FRAMES_OK && err != FRAMES_NO_MEMORY)
        panic("kmalloc: frame allocator: %s", frames_strerror(err));
    return err == FRAMES_OK ? p : NULL;
}

static void heap_put_pages(void *ctx, void *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int err = frames_free(ctx, (char *)p + i * PAGE_SIZE);
        if (err != FRAMES_OK)
            panic("kfree: giving back page %p: %s", (void *)((char *)p + i * PAGE_SIZE),
                  frames_strerror(err));
    }
}
void kalloc_init(const struct dt_info *m, const void *dtb)
{
    struct range_set avail;
    find_free_memory(m, dtb, &avail);
    manage_free_memory(&avail);
    heap_init(&heap, (struct page_source){heap_get_pages, heap_put_pages, &frames});
    unsigned long long n = frames_free_count(&frames);
    kprintf("memory: %llu frames free (%llu MiB)\n", n, n * PAGE_SIZE / (1024 * 1024));
}
uint64_t kframe_alloc(void)
{
    void *p;
    spin_lock(&alloc_lock);
    int err = frames_alloc(&frames, &p);
    spin_unlock(&alloc_lock);
    if (err == FRAMES_NO_MEMORY)
        return 0;
    if (err != FRAMES_OK)
        panic("kframe_alloc: %s", frames_strerror(err));
    uint64_t *words = p;
    for (size_t i = 0; i < PAGE_SIZE / sizeof *words; i++)
        words[i] = 0;
    return frame_address(p);
}
void kframe_free(uint64_t pa)
{
    spin_lock(&alloc_lock);
    int err = frames_free(&frames, frame_pointer(pa));
    spin_unlock(&alloc_lock);
    if (err != FRAMES_OK)
        panic("kframe_free(0x%llx): %s", (unsigned long long)pa, frames_strerror(err));
}

uint64_t kframes_free(void)
{
    spin_lock(&alloc_lock);
    uint64_t n = frames_free_count(&frames);
    spin_unlock(&alloc_lock);
    return n;
}

uint64_t kframes_total(void)
{
    return frames_total(&frames);
}
void *kmalloc(size_t n)
{
    spin_lock(&alloc_lock);
    void *p = heap_alloc(&heap, n);
    spin_unlock(&alloc_lock);
    return p;
}

void kfree(void *p)
{
    if (p == NULL)
        return;
    spin_lock(&alloc_lock);
    int err = frames_owns(&frames, p) ? heap_free(&heap, p) : HEAP_BAD_POINTER;
    spin_unlock(&alloc_lock);
    if (err != HEAP_OK)
        panic("kfree(%p): %s", p, heap_strerror(err));
}
