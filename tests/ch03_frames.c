/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bits.h"
#include "frames.h"
#include "page.h"
#include "rng.h"

static char *arena(size_t pages)
{
    char *a = aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE);
    cr_assert_not_null(a);
    memset(a, 0xa5, pages * PAGE_SIZE);
    return a;
}

static struct frame_allocator *fresh(char *mem, size_t pages)
{
    static struct frame_allocator fa;
    frames_init(&fa);
    cr_assert_eq(frames_add_range(&fa, mem, pages * PAGE_SIZE), FRAMES_OK);
    return &fa;
}
Test(ch03_frames, bit_counting_matches_the_compiler)
{
    uint64_t x = 0x123456789abcdefull;
    cr_assert_eq(popcount64(0), 0);
    cr_assert_eq(popcount64(UINT64_MAX), 64);
    cr_assert_eq(lowest_set_bit(0), 64);
    cr_assert_eq(lowest_set_bit((uint64_t)1 << 63), 63);
    for (int i = 0; i < 1000000; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t y = x >> (x % 64);
        cr_assert_eq(popcount64(y), __builtin_popcountll(y), "%#llx", (unsigned long long)y);
        if (y != 0)
            cr_assert_eq(lowest_set_bit(y), __builtin_ctzll(y), "%#llx", (unsigned long long)y);
    }
}
Test(ch03_frames, adding_a_range_counts_its_frames)
{
    char *mem = arena(100);
    struct frame_allocator *fa = fresh(mem, 100);
    cr_assert_eq(frames_total(fa), 99);
    cr_assert_eq(frames_free_count(fa), 99);
    cr_assert_eq(frames_check(fa), FRAMES_OK);
    struct frame_allocator fb;
    frames_init(&fb);
    cr_assert_eq(frames_add_range(&fb, mem + 100, 10 * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_total(&fb), 8, "9 whole pages, one for the bitmap");
    free(mem);
}

Test(ch03_frames, bad_ranges_are_refused)
{
    char *mem = arena(100);
    struct frame_allocator fa;
    frames_init(&fa);
    cr_assert_eq(frames_add_range(&fa, mem, 0), FRAMES_RANGE_TOO_SMALL);
    cr_assert_eq(frames_add_range(&fa, mem, PAGE_SIZE), FRAMES_RANGE_TOO_SMALL);
    cr_assert_eq(frames_add_range(&fa, mem + 1, 2 * PAGE_SIZE), FRAMES_RANGE_TOO_SMALL);
    cr_assert_eq(frames_add_range(&fa, (void *)(UINTPTR_MAX - 10), 100),
                 FRAMES_BAD_ARGUMENT);
    cr_assert_eq(frames_add_range(&fa, mem, 50 * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_add_range(&fa, mem + 40 * PAGE_SIZE, 20 * PAGE_SIZE),
                 FRAMES_OVERLAP);
    cr_assert_eq(frames_add_range(&fa, mem, PAGE_SIZE + 1), FRAMES_RANGE_TOO_SMALL);
    cr_assert_eq(frames_add_range(&fa, mem, 2 * PAGE_SIZE), FRAMES_OVERLAP,
                 "the bitmap frame of the first range counts as taken");
    cr_assert_eq(frames_add_range(&fa, mem + 50 * PAGE_SIZE, 50 * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_total(&fa), 98);
    free(mem);
}

Test(ch03_frames, the_range_table_has_a_limit)
{
    char *mem = arena(2 * FRAMES_MAX_RANGES + 2);
    struct frame_allocator fa;
    frames_init(&fa);
    for (int i = 0; i < FRAMES_MAX_RANGES; i++)
        cr_assert_eq(frames_add_range(&fa, mem + 2 * i * PAGE_SIZE, 2 * PAGE_SIZE),
                     FRAMES_OK);
    cr_assert_eq(frames_add_range(&fa, mem + 2 * FRAMES_MAX_RANGES * PAGE_SIZE,
                                  2 * PAGE_SIZE), FRAMES_TOO_MANY_RANGES);
    cr_assert_eq(frames_total(&fa), FRAMES_MAX_RANGES);
    free(mem);
}
Test(ch03_frames, allocate_everything_then_free_everything)
{
    enum { PAGES = 64 };
    char *mem = arena(PAGES);
    struct frame_allocator *fa = fresh(mem, PAGES);
    void *got[PAGES];
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < PAGES - 1; i++) {
            cr_assert_eq(frames_alloc(fa, &got[i]), FRAMES_OK, "frame %d", i);
            cr_assert_eq(got[i], mem + (i + 1) * PAGE_SIZE, "lowest first");
            memset(got[i], i, PAGE_SIZE);
        }
        void *none = mem;
        cr_assert_eq(frames_alloc(fa, &none), FRAMES_NO_MEMORY);
        cr_assert_eq(frames_alloc(fa, &none), FRAMES_NO_MEMORY);
        cr_assert_eq(none, mem, "a failed allocation leaves the result alone");
        cr_assert_eq(frames_free_count(fa), 0);
        for (int i = 0; i < PAGES - 1; i++)
            for (size_t b = 0; b < PAGE_SIZE; b++)
                cr_assert_eq(((unsigned char *)got[i])[b], i, "frame %d byte %zu", i, b);
        for (int i = PAGES - 2; i >= 0; i--)
            cr_assert_eq(frames_free(fa, got[i]), FRAMES_OK);
        cr_assert_eq(frames_free_count(fa), PAGES - 1);
        cr_assert_eq(frames_check(fa), FRAMES_OK);
    }
    free(mem);
}
Test(ch03_frames, freed_frame_is_reused_first)
{
    char *mem = arena(16);
    struct frame_allocator *fa = fresh(mem, 16);
    void *a, *b, *c;
    cr_assert_eq(frames_alloc(fa, &a), FRAMES_OK);
    cr_assert_eq(frames_alloc(fa, &b), FRAMES_OK);
    cr_assert_eq(frames_free(fa, a), FRAMES_OK);
    cr_assert_eq(frames_alloc(fa, &c), FRAMES_OK);
    cr_assert_eq(c, a);
    free(mem);
}

Test(ch03_frames, misuse_is_detected_and_harmless)
{
    char *mem = arena(16);
    struct frame_allocator *fa = fresh(mem, 16);
    void *a;
    int local;
    cr_assert_eq(frames_alloc(fa, &a), FRAMES_OK);
    cr_assert_eq(frames_free(fa, a), FRAMES_OK);
    cr_assert_eq(frames_free(fa, a), FRAMES_DOUBLE_FREE);
    cr_assert_eq(frames_free(fa, mem + 9 * PAGE_SIZE), FRAMES_DOUBLE_FREE);
    cr_assert_eq(frames_alloc(fa, &a), FRAMES_OK);
    cr_assert_eq(frames_free(fa, (char *)a + 8), FRAMES_MISALIGNED);
    cr_assert_eq(frames_free(fa, (char *)a + PAGE_SIZE - 1), FRAMES_MISALIGNED);
    cr_assert_eq(frames_free(fa, &local), FRAMES_NOT_MANAGED);
    cr_assert_eq(frames_free(fa, NULL), FRAMES_NOT_MANAGED);
    cr_assert_eq(frames_free(fa, mem), FRAMES_NOT_MANAGED);
    cr_assert_eq(frames_free(fa, mem + 16 * PAGE_SIZE), FRAMES_NOT_MANAGED);
    cr_assert(frames_owns(fa, (char *)a + 100) && !frames_owns(fa, mem));
    cr_assert_eq(frames_free_count(fa), 14);
    cr_assert_eq(frames_check(fa), FRAMES_OK);
    free(mem);
}
Test(ch03_frames, write_after_free_is_caught)
{
    char *mem = arena(16);
    struct frame_allocator *fa = fresh(mem, 16);
    void *a, *b;
    cr_assert_eq(frames_alloc(fa, &a), FRAMES_OK);
    cr_assert_eq(frames_free(fa, a), FRAMES_OK);
    memset(a, 0x5a, 16);
    cr_assert_eq(frames_alloc(fa, &b), FRAMES_CORRUPT);
    cr_assert_eq(frames_check(fa), FRAMES_CORRUPT);
    free(mem);
}
Test(ch03_frames, contiguous_runs)
{
    enum { PAGES = 32, N = PAGES - 1 };
    char *mem = arena(PAGES);
    struct frame_allocator *fa = fresh(mem, PAGES);
    void *run, *f[N];
    cr_assert_eq(frames_alloc_contig(fa, 0, &run), FRAMES_BAD_ARGUMENT);
    cr_assert_eq(frames_alloc_contig(fa, N + 1, &run), FRAMES_NO_MEMORY);
    cr_assert_eq(frames_alloc_contig(fa, 5, &run), FRAMES_OK);
    cr_assert_eq(run, mem + PAGE_SIZE);
    for (int i = 0; i < 5; i++)
        cr_assert_eq(frames_free(fa, (char *)run + i * PAGE_SIZE), FRAMES_OK);
    for (int i = 0; i < N; i++)
        cr_assert_eq(frames_alloc(fa, &f[i]), FRAMES_OK);
    for (int i = 0; i < N; i += 2)
        cr_assert_eq(frames_free(fa, mem + (i + 1) * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_alloc_contig(fa, 2, &run), FRAMES_NO_MEMORY);
    cr_assert_eq(frames_free(fa, mem + 12 * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_alloc_contig(fa, 3, &run), FRAMES_OK);
    cr_assert_eq(run, mem + 11 * PAGE_SIZE);
    cr_assert_eq(frames_check(fa), FRAMES_OK);
    free(mem);
}
Test(ch03_frames, bitmap_of_several_frames)
{
    enum { PAGES = 32770 };
    char *mem = arena(PAGES);
    struct frame_allocator *fa = fresh(mem, PAGES);
    void *run, *one;
    cr_assert_eq(frames_total(fa), 32768);
    cr_assert_eq(frames_alloc_contig(fa, 32768, &run), FRAMES_OK);
    cr_assert_eq(run, mem + 2 * PAGE_SIZE);
    cr_assert_eq(frames_alloc(fa, &one), FRAMES_NO_MEMORY);
    cr_assert_eq(frames_free(fa, mem + (PAGES - 1) * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_alloc(fa, &one), FRAMES_OK);
    cr_assert_eq(one, mem + (PAGES - 1) * PAGE_SIZE);
    cr_assert_eq(frames_free(fa, (char *)run + 64 * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_free(fa, (char *)run + 65 * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_alloc_contig(fa, 2, &one), FRAMES_OK);
    cr_assert_eq(one, (char *)run + 64 * PAGE_SIZE, "the skip must stop at frame 64");
    free(mem);
}
static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint64_t rng(void)
{
    return xorshift64(&rng_state);
}

enum { RANGE0 = 150, RANGE1 = 70, NFRAMES = RANGE0 - 1 + RANGE1 - 1 };
static struct frame_allocator model_fa;
static char *frame_addr[NFRAMES];       /* frame number -> address */
static int allocated[NFRAMES];          /* the model */

static int frame_number(void *p)
{
    for (int i = 0; i < NFRAMES; i++)
        if (frame_addr[i] == p)
            return i;
    cr_assert_fail("%p is not a frame of the allocator", p);
    return -1;
}

static int model_free_count(void)
{
    int n = 0;
    for (int k = 0; k < NFRAMES; k++)
        n += !allocated[k];
    return n;
}
static int model_fit(int n)
{
    int starts[2] = {0, RANGE1 - 1}, ends[2] = {RANGE1 - 1, NFRAMES};
    for (int r = 0; r < 2; r++) {
        int run = 0;
        for (int i = starts[r]; i < ends[r]; i++) {
            run = allocated[i] ? 0 : run + 1;
            if (run == n)
                return i + 1 - n;
        }
    }
    return -1;
}
static void random_operation(int step)
{
    int filling = (step / 500) % 2 == 0, r = (int)(rng() % 100);
    int alloc_pct = filling ? 50 : 10, contig_pct = filling ? 20 : 10;
    void *p;
    if (r < alloc_pct) {
        int err = frames_alloc(&model_fa, &p);
        cr_assert_eq(err, model_free_count() ? FRAMES_OK : FRAMES_NO_MEMORY, "step %d", step);
        if (err == FRAMES_OK) {
            cr_assert(!allocated[frame_number(p)], "step %d: handed out twice", step);
            allocated[frame_number(p)] = 1;
        }
    } else if (r < alloc_pct + contig_pct) {
        int n = 1 + (int)(rng() % 8), want = model_fit(n);
        int err = frames_alloc_contig(&model_fa, (size_t)n, &p);
        cr_assert_eq(err, want >= 0 ? FRAMES_OK : FRAMES_NO_MEMORY, "step %d", step);
        for (int k = 0; want >= 0 && k < n; k++)
            allocated[want + k] = 1;
        cr_assert(want < 0 || p == frame_addr[want], "step %d: not the lowest fit", step);
    } else {
        int i = (int)(rng() % NFRAMES), any = rng() % 10 == 0;
        for (int k = 0; !any && k < NFRAMES && !allocated[i]; k++)
            i = (i + 1) % NFRAMES;
        int err = frames_free(&model_fa, frame_addr[i]);
        cr_assert_eq(err, allocated[i] ? FRAMES_OK : FRAMES_DOUBLE_FREE, "step %d", step);
        allocated[i] = 0;
    }
    cr_assert_eq(frames_free_count(&model_fa), (size_t)model_free_count(), "step %d", step);
    cr_assert_eq(frames_check(&model_fa), FRAMES_OK, "step %d", step);
}

Test(ch03_frames, random_operations_match_a_model)
{
    char *mem = arena(RANGE0 + 1 + RANGE1);
    frames_init(&model_fa);
    cr_assert_eq(frames_add_range(&model_fa, mem + (RANGE0 + 1) * PAGE_SIZE,
                                  RANGE1 * PAGE_SIZE), FRAMES_OK);
    cr_assert_eq(frames_add_range(&model_fa, mem, RANGE0 * PAGE_SIZE), FRAMES_OK);
    for (int i = 0; i < NFRAMES; i++)
        frame_addr[i] = i < RANGE1 - 1 ? mem + (RANGE0 + 2 + i) * PAGE_SIZE
                                       : mem + (i - (RANGE1 - 1) + 1) * PAGE_SIZE;
    for (int step = 0; step < 20000; step++)
        random_operation(step);
    free(mem);
}
