/* Generated from chapters/03-memory.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "ranges.h"
#include "rng.h"

#define BASE 0x80000000ull
#define K 1024ull

static void expect(const struct range_set *s, const struct range *want, int n)
{
    for (int i = 0; i < s->count; i++)
        cr_log_info("range %d: %#llx-%#llx", i, (unsigned long long)s->r[i].start,
                    (unsigned long long)s->r[i].end);
    cr_assert_eq(s->count, n, "expected %d ranges, got %d", n, s->count);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(s->r[i].start, want[i].start, "start of range %d", i);
        cr_assert_eq(s->r[i].end, want[i].end, "end of range %d", i);
    }
}
Test(ch03_ranges, aligned_region_is_kept_whole)
{
    struct range_set s;
    struct mem_region ram[] = {{BASE, 128 * K * K}};
    cr_assert_eq(usable_memory(&s, ram, 1, NULL, 0), RANGES_OK);
    expect(&s, (struct range[]){{BASE, BASE + 128 * K * K}}, 1);
}

Test(ch03_ranges, unaligned_region_is_cut_inward)
{
    struct range_set s;
    struct mem_region ram[] = {{BASE + 1, 16 * K - 2}, {BASE + 40 * K - 1, 2}};
    cr_assert_eq(usable_memory(&s, ram, 2, NULL, 0), RANGES_OK);
    expect(&s, (struct range[]){{BASE + 4 * K, BASE + 12 * K}}, 1);
}

Test(ch03_ranges, overlapping_touching_and_unsorted_regions_merge)
{
    struct range_set s;
    struct mem_region ram[] = {
        {BASE + 64 * K, 16 * K}, {BASE, 8 * K}, {BASE + 4 * K, 8 * K},
        {BASE + 12 * K, 4 * K}, {BASE + 72 * K, 32 * K}, {BASE + 200 * K, 0},
    };
    cr_assert_eq(usable_memory(&s, ram, 6, NULL, 0), RANGES_OK);
    expect(&s, (struct range[]){{BASE, BASE + 16 * K},
                                {BASE + 64 * K, BASE + 104 * K}}, 2);
}

Test(ch03_ranges, no_memory_gives_no_ranges)
{
    struct range_set s;
    struct mem_region ram[] = {{BASE, 0}, {BASE + 4 * K, 4 * K - 1}};
    cr_assert_eq(usable_memory(&s, ram, 2, NULL, 0), RANGES_OK);
    cr_assert_eq(s.count, 0);
    cr_assert_eq(usable_memory(&s, NULL, 0, NULL, 0), RANGES_OK);
    cr_assert_eq(s.count, 0);
}
Test(ch03_ranges, holes_like_the_real_machine)
{
    struct range_set s;
    struct mem_region ram[] = {{BASE, 1024 * K}};
    struct mem_region holes[] = {
        {BASE + 900 * K + 100, 5000},       /* device tree: to 904K+1004 */
        {BASE, 256 * K},                    /* firmware */
        {BASE + 512 * K, 61 * K + 1},       /* kernel image */
    };
    cr_assert_eq(usable_memory(&s, ram, 1, holes, 3), RANGES_OK);
    expect(&s, (struct range[]){{BASE + 256 * K, BASE + 512 * K},
                                {BASE + 576 * K, BASE + 900 * K},
                                {BASE + 908 * K, BASE + 1024 * K}}, 3);
}

Test(ch03_ranges, hole_covering_everything_leaves_nothing)
{
    struct range_set s;
    struct mem_region ram[] = {{BASE, 64 * K}, {BASE + 128 * K, 64 * K}};
    struct mem_region holes[] = {{BASE - 4 * K, 400 * K}};
    cr_assert_eq(usable_memory(&s, ram, 2, holes, 1), RANGES_OK);
    cr_assert_eq(s.count, 0);
}

Test(ch03_ranges, hole_across_two_ranges_trims_both)
{
    struct range_set s;
    struct mem_region ram[] = {{BASE + 128 * K, 64 * K}, {BASE, 64 * K}};
    struct mem_region holes[] = {{BASE + 60 * K, 72 * K}};
    cr_assert_eq(usable_memory(&s, ram, 2, holes, 1), RANGES_OK);
    expect(&s, (struct range[]){{BASE, BASE + 60 * K},
                                {BASE + 132 * K, BASE + 192 * K}}, 2);
}

Test(ch03_ranges, overlapping_and_outside_holes)
{
    struct range_set s;
    struct mem_region ram[] = {{BASE, 64 * K}};
    struct mem_region holes[] = {
        {BASE + 16 * K, 8 * K}, {BASE + 20 * K, 8 * K}, {BASE + 18 * K, 1},
        {0, 4 * K}, {BASE + 64 * K, 64 * K}, {BASE + 40 * K, 0},
    };
    cr_assert_eq(usable_memory(&s, ram, 1, holes, 6), RANGES_OK);
    expect(&s, (struct range[]){{BASE, BASE + 16 * K},
                                {BASE + 28 * K, BASE + 64 * K}}, 2);
}
Test(ch03_ranges, regions_at_the_top_of_the_address_space)
{
    struct range_set s;
    uint64_t top = UINT64_MAX - 16 * K + 1;             /* 16 KiB below 2^64 */
    struct mem_region ram[] = {{top, 64 * K}};
    cr_assert_eq(usable_memory(&s, ram, 1, NULL, 0), RANGES_OK);
    expect(&s, (struct range[]){{top, UINT64_MAX - 4 * K + 1}}, 1);
    struct mem_region last[] = {{UINT64_MAX - 100, 50}};
    cr_assert_eq(usable_memory(&s, last, 1, NULL, 0), RANGES_OK);
    cr_assert_eq(s.count, 0);
}

Test(ch03_ranges, full_set_fails_and_stays_unchanged)
{
    struct range_set s, before;
    range_set_init(&s);
    for (uint64_t i = 0; i < RANGES_MAX; i++)
        cr_assert_eq(range_set_add(&s, BASE + i * 8 * K, BASE + i * 8 * K + 4 * K),
                     RANGES_OK);
    before = s;
    cr_assert_eq(range_set_add(&s, BASE + 1000 * K, BASE + 1004 * K), RANGES_FULL);
    cr_assert_eq(range_set_remove(&s, BASE + 1 * K, BASE + 2 * K), RANGES_FULL);
    cr_assert_eq(memcmp(&s, &before, sizeof s), 0);
    cr_assert_eq(range_set_add(&s, BASE + 4 * K, BASE + 8 * K), RANGES_OK);
    cr_assert_eq(s.count, RANGES_MAX - 1, "filling a gap merges two ranges");
}
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
    return xorshift64(&rng_state);
}

enum { UNIT = 512, PAGES = 64, UNITS = PAGES * 4096 / UNIT };

static struct mem_region random_region(void)
{
    uint64_t a = rng() % (UNITS + 1), b = rng() % (UNITS + 1);
    if (a > b) { uint64_t t = a; a = b; b = t; }
    return (struct mem_region){BASE + a * UNIT, (b - a) * UNIT};
}
static void compare_with_model(int iter)
{
    struct mem_region ram[4], holes[6];
    int nram = (int)(rng() % 5), nholes = (int)(rng() % 7);
    unsigned char unit[UNITS] = {0};
    for (int i = 0; i < nram; i++) {
        ram[i] = random_region();
        for (uint64_t u = 0; u < ram[i].size / UNIT; u++)
            unit[(ram[i].base - BASE) / UNIT + u] = 1;
    }
    for (int i = 0; i < nholes; i++) {
        holes[i] = random_region();
        for (uint64_t u = 0; u < holes[i].size / UNIT; u++)
            unit[(holes[i].base - BASE) / UNIT + u] = 0;
    }
    struct range_set s;
    cr_assert_eq(usable_memory(&s, ram, nram, holes, nholes), RANGES_OK);
    for (int i = 0; i < s.count; i++) {
        cr_assert(page_aligned(s.r[i].start) && page_aligned(s.r[i].end), "case %d", iter);
        cr_assert(s.r[i].start < s.r[i].end, "case %d: empty range", iter);
        cr_assert(i == 0 || s.r[i - 1].end < s.r[i].start, "case %d: order", iter);
    }
    for (int p = 0; p < PAGES; p++) {
        int model = 1, got = 0;
        for (int u = 0; u < 4096 / UNIT; u++)
            model &= unit[p * (4096 / UNIT) + u];
        uint64_t addr = BASE + (uint64_t)p * 4096;
        for (int i = 0; i < s.count; i++)
            got |= addr >= s.r[i].start && addr < s.r[i].end;
        cr_assert_eq(got, model, "case %d: page %d", iter, p);
    }
}

Test(ch03_ranges, random_cases_match_a_byte_model)
{
    for (int iter = 0; iter < 3000; iter++)
        compare_with_model(iter);
}
