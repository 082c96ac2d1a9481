/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "heap.h"
#include "bits.h"
#include "page.h"

#include <stdint.h>

#define HEADER_SIZE 64
#define SLAB_MAGIC 0x62616c73u      /* "slab" in memory order */
#define LARGE_MAGIC 0x6772616cu     /* "larg" */

struct heap_page {
    uint32_t magic;
    uint16_t class;                 /* slab: index into class_size */
    uint16_t nfree;                 /* slab: blocks not allocated */
    size_t npages;                  /* large: pages in the block */
    struct heap_page *next, *prev;  /* slab: list of slabs with room */
    uint64_t used[4];               /* slab: bit set = block allocated */
};
_Static_assert(sizeof(struct heap_page) == HEADER_SIZE, "header is 64 bytes");

static const uint16_t class_size[HEAP_CLASSES] = {
    16, 32, 64, 128, 256, 512, 1008, 2016,
};
#define CAPACITY(size) ((PAGE_SIZE - HEADER_SIZE) / (size))
#define MAX_SMALL 2016

_Static_assert(1008 % HEAP_ALIGN == 0 && 2016 % HEAP_ALIGN == 0,
               "class sizes keep blocks aligned");
_Static_assert(CAPACITY(16) <= 4 * 64, "bitmap covers the smallest class");
_Static_assert(CAPACITY(MAX_SMALL) >= 1, "largest class fits a page");

static size_t capacity(int class)
{
    return CAPACITY(class_size[class]);
}
static int class_for(size_t n)
{
    for (int c = 0; c < HEAP_CLASSES; c++)
        if (n <= class_size[c])
            return c;
    return -1;
}
static void push_slab(struct heap *h, struct heap_page *s)
{
    s->prev = NULL;
    s->next = h->partial[s->class];
    if (s->next != NULL)
        s->next->prev = s;
    h->partial[s->class] = s;
}

static void unlink_slab(struct heap *h, struct heap_page *s)
{
    if (s->prev != NULL)
        s->prev->next = s->next;
    else
        h->partial[s->class] = s->next;
    if (s->next != NULL)
        s->next->prev = s->prev;
}
static struct heap_page *new_slab(struct heap *h, int class)
{
    struct heap_page *s = h->source.alloc_pages(h->source.ctx, 1);
    if (s == NULL)
        return NULL;
    *s = (struct heap_page){.magic = SLAB_MAGIC, .class = (uint16_t)class,
                            .nfree = (uint16_t)capacity(class)};
    for (size_t i = capacity(class); i < 4 * 64; i++)
        s->used[i / 64] |= (uint64_t)1 << (i % 64);
    h->pages++;
    push_slab(h, s);
    return s;
}

void heap_init(struct heap *h, struct page_source source)
{
    *h = (struct heap){.source = source};
}
static void *alloc_small(struct heap *h, int class)
{
    struct heap_page *s = h->partial[class];
    if (s == NULL && (s = new_slab(h, class)) == NULL)
        return NULL;
    int w = 0;
    while (w < 4 && ~s->used[w] == 0)
        w++;
    if (w == 4)
        return NULL;            /* nfree said there was room: corrupt */
    size_t i = (size_t)w * 64 + (size_t)lowest_set_bit(~s->used[w]);
    s->used[w] |= (uint64_t)1 << (i % 64);
    if (--s->nfree == 0)
        unlink_slab(h, s);
    return (char *)s + HEADER_SIZE + i * class_size[class];
}
static void *alloc_large(struct heap *h, size_t n)
{
    if (n > SIZE_MAX - HEADER_SIZE - PAGE_SIZE)
        return NULL;
    size_t npages = (n + HEADER_SIZE + PAGE_SIZE - 1) / PAGE_SIZE;
    struct heap_page *p = h->source.alloc_pages(h->source.ctx, npages);
    if (p == NULL)
        return NULL;
    *p = (struct heap_page){.magic = LARGE_MAGIC, .npages = npages};
    h->pages += npages;
    return (char *)p + HEADER_SIZE;
}

void *heap_alloc(struct heap *h, size_t n)
{
    int class = class_for(n == 0 ? 1 : n);
    return class >= 0 ? alloc_small(h, class) : alloc_large(h, n);
}
static void release(struct heap *h, struct heap_page *pg, size_t npages)
{
    pg->magic = 0;
    h->pages -= npages;
    h->source.free_pages(h->source.ctx, pg, npages);
}
static int free_small(struct heap *h, struct heap_page *s, uintptr_t a)
{
    if (s->class >= HEAP_CLASSES)
        return HEAP_CORRUPT;
    size_t size = class_size[s->class];
    size_t off = a - (uintptr_t)s - HEADER_SIZE, i = off / size;
    if (off % size != 0 || i >= capacity(s->class))
        return HEAP_BAD_POINTER;
    if ((s->used[i / 64] & (uint64_t)1 << (i % 64)) == 0)
        return HEAP_DOUBLE_FREE;
    s->used[i / 64] &= ~((uint64_t)1 << (i % 64));
    if (s->nfree++ == 0)
        push_slab(h, s);
    if (s->nfree == capacity(s->class) &&
        (h->partial[s->class] != s || s->next != NULL)) {
        unlink_slab(h, s);
        release(h, s, 1);
    }
    return HEAP_OK;
}

int heap_free(struct heap *h, void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (p == NULL)
        return HEAP_OK;
    struct heap_page *pg = (struct heap_page *)(uintptr_t)page_round_down(a);
    if (a % HEAP_ALIGN != 0 || a - (uintptr_t)pg < HEADER_SIZE)
        return HEAP_BAD_POINTER;
    if (pg->magic == SLAB_MAGIC)
        return free_small(h, pg, a);
    if (pg->magic == LARGE_MAGIC && a == (uintptr_t)pg + HEADER_SIZE) {
        release(h, pg, pg->npages);
        return HEAP_OK;
    }
    return HEAP_BAD_POINTER;
}
int heap_check(const struct heap *h)
{
    for (int c = 0; c < HEAP_CLASSES; c++) {
        const struct heap_page *prev = NULL;
        size_t seen = 0;
        for (const struct heap_page *s = h->partial[c]; s != NULL; s = s->next) {
            size_t clear = 0;
            for (int w = 0; w < 4; w++)
                clear += (size_t)popcount64(~s->used[w]);
            if (++seen > h->pages || s->magic != SLAB_MAGIC || s->class != c ||
                s->prev != prev || s->nfree != clear || s->nfree == 0)
                return HEAP_CORRUPT;
            prev = s;
        }
    }
    return HEAP_OK;
}
const char *heap_strerror(int err)
{
    switch (err) {
    case HEAP_OK: return "no error";
    case HEAP_BAD_POINTER: return "not a pointer returned by kmalloc";
    case HEAP_DOUBLE_FREE: return "double free";
    case HEAP_CORRUPT: return "heap page header corrupted";
    default: return "unknown error";
    }
}
