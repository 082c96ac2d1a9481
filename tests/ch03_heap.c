/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "frames.h"
#include "heap.h"
#include "page.h"
#include "rng.h"

static struct frame_allocator fa;
static struct heap heap;
static char *mem;

static void *get_pages(void *ctx, size_t n)
{
    void *p;
    return frames_alloc_contig(ctx, n, &p) == FRAMES_OK ? p : NULL;
}

static void put_pages(void *ctx, void *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(frames_free(ctx, (char *)p + i * PAGE_SIZE), FRAMES_OK);
}

static void setup(size_t pages)
{
    mem = aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE);
    cr_assert_not_null(mem);
    memset(mem, 0xa5, pages * PAGE_SIZE);
    frames_init(&fa);
    cr_assert_eq(frames_add_range(&fa, mem, pages * PAGE_SIZE), FRAMES_OK);
    heap_init(&heap, (struct page_source){get_pages, put_pages, &fa});
}
static void fill(void *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        ((unsigned char *)p)[i] = (unsigned char)(seed * 131 + i * 7);
}

static int intact(const void *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (((const unsigned char *)p)[i] != (unsigned char)(seed * 131 + i * 7))
            return 0;
    return 1;
}
Test(ch03_heap, every_size_from_1_to_5000)
{
    enum { N = 5000 };
    static void *p[N + 1];
    setup(6000);
    for (unsigned n = 1; n <= N; n++) {
        p[n] = heap_alloc(&heap, n);
        cr_assert_not_null(p[n], "size %u", n);
        cr_assert_eq((uintptr_t)p[n] % HEAP_ALIGN, 0, "size %u", n);
        fill(p[n], n, n);
    }
    for (unsigned n = 1; n <= N; n++)
        cr_assert(intact(p[n], n, n), "block of %u bytes was overwritten", n);
    cr_assert_eq(heap_check(&heap), HEAP_OK);
    for (unsigned k = 0; k < N; k++) {
        unsigned n = 1 + (k * 7919) % N;     /* a permutation of 1..N */
        cr_assert_eq(heap_free(&heap, p[n]), HEAP_OK, "size %u", n);
    }
    cr_assert_leq(heap.pages, HEAP_CLASSES);
    cr_assert_eq(frames_free_count(&fa), frames_total(&fa) - heap.pages);
    cr_assert_eq(heap_check(&heap), HEAP_OK);
    free(mem);
}
Test(ch03_heap, freed_block_is_reused)
{
    setup(64);
    void *a = heap_alloc(&heap, 40), *b = heap_alloc(&heap, 40);
    cr_assert_eq(heap_free(&heap, a), HEAP_OK);
    cr_assert_eq(heap_alloc(&heap, 33), a, "same class, same slot");
    cr_assert_neq(heap_alloc(&heap, 0), NULL);
    cr_assert_eq(heap_free(&heap, b), HEAP_OK);
    free(mem);
}

Test(ch03_heap, large_blocks_take_and_return_whole_pages)
{
    setup(64);
    size_t before = frames_free_count(&fa);
    char *p = heap_alloc(&heap, 3 * PAGE_SIZE);
    cr_assert_not_null(p);
    cr_assert_eq(frames_free_count(&fa), before - 4, "3 pages + a header need 4");
    fill(p, 3 * PAGE_SIZE, 9);
    cr_assert(intact(p, 3 * PAGE_SIZE, 9));
    cr_assert_eq(heap_free(&heap, p), HEAP_OK);
    cr_assert_eq(frames_free_count(&fa), before);
    cr_assert_eq(heap.pages, 0);
    free(mem);
}
Test(ch03_heap, exhaustion_returns_null)
{
    static void *p[1000];
    int n = 0;
    setup(12);
    cr_assert_null(heap_alloc(&heap, SIZE_MAX));
    cr_assert_null(heap_alloc(&heap, SIZE_MAX / 2));
    while ((p[n] = heap_alloc(&heap, 1000)) != NULL) {
        fill(p[n], 1000, (unsigned)n);
        n++;
        cr_assert_lt(n, 1000);
    }
    cr_assert_eq(n, 4 * 11, "11 frames of 4 blocks each");
    cr_assert_null(heap_alloc(&heap, PAGE_SIZE));
    for (int i = 0; i < n; i++) {
        cr_assert(intact(p[i], 1000, (unsigned)i));
        cr_assert_eq(heap_free(&heap, p[i]), HEAP_OK);
    }
    cr_assert_not_null(heap_alloc(&heap, 5 * PAGE_SIZE));
    free(mem);
}
Test(ch03_heap, double_free_and_bad_pointers_are_reported)
{
    setup(64);
    char *p = heap_alloc(&heap, 64), *q = heap_alloc(&heap, 64);
    char *big = heap_alloc(&heap, 2 * PAGE_SIZE);
    memset(big, 0, 2 * PAGE_SIZE);
    cr_assert_eq(heap_free(&heap, p), HEAP_OK);
    cr_assert_eq(heap_free(&heap, p), HEAP_DOUBLE_FREE);
    cr_assert_eq(heap_free(&heap, q + 1), HEAP_BAD_POINTER);
    cr_assert_eq(heap_free(&heap, q + 16), HEAP_BAD_POINTER);
    cr_assert_eq(heap_free(&heap, q - 64 - 16), HEAP_BAD_POINTER, "page header");
    cr_assert_eq(heap_free(&heap, big - 64), HEAP_BAD_POINTER, "page start");
    cr_assert_eq(heap_free(&heap, big + PAGE_SIZE), HEAP_BAD_POINTER);
    cr_assert_eq(heap_free(&heap, NULL), HEAP_OK);
    cr_assert_eq(heap_check(&heap), HEAP_OK);
    cr_assert_eq(heap_free(&heap, q), HEAP_OK);
    cr_assert_eq(heap_free(&heap, q), HEAP_DOUBLE_FREE, "the last slab stays");
    cr_assert_eq(heap_free(&heap, big), HEAP_OK);
    cr_assert_eq(heap_free(&heap, big), HEAP_BAD_POINTER, "its pages are gone");
    cr_assert_eq(heap_alloc(&heap, 64), p, "still usable");
    free(mem);
}
static uint64_t rng_state = 0xd1b54a32d192ed03ull;

static uint64_t rng(void)
{
    return xorshift64(&rng_state);
}

Test(ch03_heap, random_operations_match_a_model)
{
    enum { LIVE = 300 };
    static struct { char *p; size_t n; unsigned seed; } live[LIVE];
    int nlive = 0, nulls = 0;
    setup(100);
    for (unsigned step = 0; step < 30000; step++) {
        if (nlive < LIVE && rng() % 100 < 55) {
            size_t n = rng() % 8 == 0 ? rng() % (3 * PAGE_SIZE) : rng() % 600;
            char *p = heap_alloc(&heap, n);
            if (p == NULL) {
                void *run;
                size_t need = n > 2016 ? (n + 64 + PAGE_SIZE - 1) / PAGE_SIZE : 1;
                cr_assert_eq(frames_alloc_contig(&fa, need, &run), FRAMES_NO_MEMORY,
                             "step %u: NULL for %zu bytes although %zu pages were free", step, n, need);
                nulls++;
                continue;
            }
            cr_assert_eq((uintptr_t)p % HEAP_ALIGN, 0);
            fill(p, n, step);
            live[nlive].p = p;
            live[nlive].n = n;
            live[nlive++].seed = step;
        } else if (nlive > 0) {
            int i = (int)(rng() % (uint64_t)nlive);
            cr_assert(intact(live[i].p, live[i].n, live[i].seed), "step %u", step);
            cr_assert_eq(heap_free(&heap, live[i].p), HEAP_OK, "step %u", step);
            live[i] = live[--nlive];
        }
        cr_assert_eq(heap_check(&heap), HEAP_OK, "step %u", step);
    }
    cr_assert_gt(nulls, 0, "the run should reach exhaustion sometimes");
    for (int i = 0; i < nlive; i++)
        cr_assert_eq(heap_free(&heap, live[i].p), HEAP_OK);
    cr_assert_leq(heap.pages, HEAP_CLASSES);
    free(mem);
}
