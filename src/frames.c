/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "frames.h"
#include "bits.h"
#include "page.h"

#define BITS_PER_WORD 64
#define FRAMES_PER_BITMAP_FRAME (PAGE_SIZE * 8)

static int bit_get(const uint64_t *bits, size_t i)
{
    return (bits[i / BITS_PER_WORD] >> (i % BITS_PER_WORD)) & 1;
}

static void bit_set(uint64_t *bits, size_t i)
{
    bits[i / BITS_PER_WORD] |= (uint64_t)1 << (i % BITS_PER_WORD);
}

static void bit_clear(uint64_t *bits, size_t i)
{
    bits[i / BITS_PER_WORD] &= ~((uint64_t)1 << (i % BITS_PER_WORD));
}
static int find_range(const struct frame_allocator *fa, uintptr_t a)
{
    for (int i = 0; i < fa->nranges; i++) {
        const struct frame_range *r = &fa->ranges[i];
        if (a >= r->base && (a - r->base) / PAGE_SIZE < r->nframes)
            return i;
    }
    return -1;
}

static size_t frame_index(const struct frame_range *r, uintptr_t a)
{
    return (a - r->base) / PAGE_SIZE;
}
static int trusted(const struct frame_allocator *fa, const struct free_frame *f)
{
    uintptr_t a = (uintptr_t)f;
    if (f == &fa->free_list)
        return 1;
    int i = find_range(fa, a);
    return i >= 0 && page_aligned(a) &&
           bit_get(fa->ranges[i].free_bits, frame_index(&fa->ranges[i], a));
}

static void link_between(struct free_frame *f, struct free_frame *prev,
                         struct free_frame *next)
{
    f->prev = prev;
    f->next = next;
    prev->next = f;
    next->prev = f;
}
static int take(struct frame_allocator *fa, struct free_frame *f)
{
    if (f == &fa->free_list || !trusted(fa, f) || !trusted(fa, f->next) ||
        !trusted(fa, f->prev) || f->next->prev != f || f->prev->next != f)
        return FRAMES_CORRUPT;
    f->prev->next = f->next;
    f->next->prev = f->prev;
    struct frame_range *r = &fa->ranges[find_range(fa, (uintptr_t)f)];
    bit_clear(r->free_bits, frame_index(r, (uintptr_t)f));
    fa->nfree--;
    return FRAMES_OK;
}
void frames_init(struct frame_allocator *fa)
{
    fa->nranges = 0;
    fa->nfree = 0;
    fa->ntotal = 0;
    fa->free_list.next = &fa->free_list;
    fa->free_list.prev = &fa->free_list;
}

int frames_add_range(struct frame_allocator *fa, void *start, size_t size)
{
    uintptr_t lo = (uintptr_t)start, hi;
    if (size > UINTPTR_MAX - lo)
        return FRAMES_BAD_ARGUMENT;
    hi = page_round_down(lo + size);
    if (hi <= lo)
        return FRAMES_RANGE_TOO_SMALL;
    lo = page_round_up(lo);
    size_t pages = (hi - lo) / PAGE_SIZE;
    size_t meta = (pages + FRAMES_PER_BITMAP_FRAME - 1) / FRAMES_PER_BITMAP_FRAME;
    if (pages <= meta)
        return FRAMES_RANGE_TOO_SMALL;
    size_t nframes = pages - meta;
    for (int i = 0; i < fa->nranges; i++) {
        const struct frame_range *r = &fa->ranges[i];
        uintptr_t r_end = r->base + r->nframes * PAGE_SIZE;
        if (lo < r_end && r->meta_start < hi)
            return FRAMES_OVERLAP;
    }
    if (fa->nranges == FRAMES_MAX_RANGES)
        return FRAMES_TOO_MANY_RANGES;
    struct frame_range *r = &fa->ranges[fa->nranges++];
    *r = (struct frame_range){.meta_start = lo, .base = lo + meta * PAGE_SIZE,
                              .nframes = nframes, .free_bits = (uint64_t *)lo};
    for (size_t w = 0; w < (nframes + BITS_PER_WORD - 1) / BITS_PER_WORD; w++)
        r->free_bits[w] = 0;
    for (size_t i = 0; i < nframes; i++) {
        struct free_frame *f = (struct free_frame *)(r->base + i * PAGE_SIZE);
        bit_set(r->free_bits, i);
        link_between(f, fa->free_list.prev, &fa->free_list);
    }
    fa->nfree += nframes;
    fa->ntotal += nframes;
    return FRAMES_OK;
}
int frames_alloc(struct frame_allocator *fa, void **frame)
{
    struct free_frame *f = fa->free_list.next;
    if (f == &fa->free_list)
        return fa->nfree == 0 ? FRAMES_NO_MEMORY : FRAMES_CORRUPT;
    int err = take(fa, f);
    if (err == FRAMES_OK)
        *frame = f;
    return err;
}
int frames_alloc_contig(struct frame_allocator *fa, size_t n, void **first)
{
    if (n == 0)
        return FRAMES_BAD_ARGUMENT;
    for (int k = 0; k < fa->nranges; k++) {
        struct frame_range *r = &fa->ranges[k];
        size_t run = 0;
        for (size_t i = 0; i < r->nframes; i++) {
            if (i % BITS_PER_WORD == 0 && r->free_bits[i / BITS_PER_WORD] == 0) {
                run = 0;
                i += BITS_PER_WORD - 1;
                continue;
            }
            run = bit_get(r->free_bits, i) ? run + 1 : 0;
            if (run == n)
                {
                    uintptr_t start = r->base + (i + 1 - n) * PAGE_SIZE;
                    for (size_t j = 0; j < n; j++) {
                        int err = take(fa, (struct free_frame *)(start + j * PAGE_SIZE));
                        if (err != FRAMES_OK)
                            return err;
                    }
                    *first = (void *)start;
                    return FRAMES_OK;
                }
        }
    }
    return FRAMES_NO_MEMORY;
}
int frames_free(struct frame_allocator *fa, void *frame)
{
    uintptr_t a = (uintptr_t)frame;
    int k = find_range(fa, a);
    if (k < 0)
        return FRAMES_NOT_MANAGED;
    if (!page_aligned(a))
        return FRAMES_MISALIGNED;
    struct frame_range *r = &fa->ranges[k];
    if (bit_get(r->free_bits, frame_index(r, a)))
        return FRAMES_DOUBLE_FREE;
    bit_set(r->free_bits, frame_index(r, a));
    link_between((struct free_frame *)a, &fa->free_list, fa->free_list.next);
    fa->nfree++;
    return FRAMES_OK;
}

int frames_owns(const struct frame_allocator *fa, const void *addr)
{
    return find_range(fa, (uintptr_t)addr) >= 0;
}
size_t frames_free_count(const struct frame_allocator *fa) { return fa->nfree; }
size_t frames_total(const struct frame_allocator *fa) { return fa->ntotal; }

int frames_check(const struct frame_allocator *fa)
{
    size_t listed = 0, marked = 0;
    const struct free_frame *f = fa->free_list.next;
    for (; f != &fa->free_list; f = f->next) {
        if (++listed > fa->nfree || !trusted(fa, f) || !trusted(fa, f->next) ||
            f->next->prev != f)
            return FRAMES_CORRUPT;
    }
    for (int k = 0; k < fa->nranges; k++)
        for (size_t w = 0; w * BITS_PER_WORD < fa->ranges[k].nframes; w++)
            marked += (size_t)popcount64(fa->ranges[k].free_bits[w]);
    return listed == fa->nfree && marked == fa->nfree ? FRAMES_OK : FRAMES_CORRUPT;
}
const char *frames_strerror(int err)
{
    switch (err) {
    case FRAMES_OK: return "no error";
    case FRAMES_NO_MEMORY: return "out of memory";
    case FRAMES_DOUBLE_FREE: return "double free";
    case FRAMES_MISALIGNED: return "address is not the start of a frame";
    case FRAMES_NOT_MANAGED: return "address is not in managed memory";
    case FRAMES_TOO_MANY_RANGES: return "too many memory ranges";
    case FRAMES_RANGE_TOO_SMALL: return "range too small to manage";
    case FRAMES_OVERLAP: return "range overlaps managed memory";
    case FRAMES_BAD_ARGUMENT: return "bad argument";
    case FRAMES_CORRUPT: return "free list corrupted (write after free?)";
    default: return "unknown error";
    }
}
