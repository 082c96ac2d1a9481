/* Generated from chapters/04-paging.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "sv39.h"
#include "rng.h"

#define RAM_BASE 0x80000000ULL
#define RAM_PAGES 512

static struct {
    _Alignas(4096) pte_t page[RAM_PAGES][SV39_ENTRIES];
    int used;                 /* pages handed out at least once */
    int free[RAM_PAGES];      /* pages given back, to be reused */
    int nfree;
    int live;                 /* tables allocated and not freed */
    int limit;                /* alloc_table fails at this many live tables */
    int allocs;               /* calls to alloc_table that succeeded */
    long reads;               /* calls to phys_to_ptr */
} ram;

static pte_t *sim_page(uint64_t pa)
{
    cr_assert(pa >= RAM_BASE && pa < RAM_BASE + RAM_PAGES * 4096ULL &&
                  pa % 4096 == 0,
              "the page tables reached pa %#" PRIx64 ", outside the RAM", pa);
    return ram.page[(pa - RAM_BASE) / 4096];
}
static void *sim_phys_to_ptr(void *ctx, uint64_t pa)
{
    (void)ctx;
    ram.reads++;
    return sim_page(pa);
}

static uint64_t sim_alloc(void *ctx)
{
    (void)ctx;
    if (ram.live >= ram.limit)
        return 0;
    int n = ram.nfree > 0 ? ram.free[--ram.nfree] : ram.used++;
    cr_assert(n < RAM_PAGES, "the simulated RAM is full");
    memset(ram.page[n], 0, sizeof ram.page[n]);
    ram.live++;
    ram.allocs++;
    return RAM_BASE + (uint64_t)n * 4096;
}

static void sim_free(void *ctx, uint64_t pa)
{
    (void)ctx;
    memset(sim_page(pa), 0xa5, 4096);
    ram.free[ram.nfree++] = (int)((pa - RAM_BASE) / 4096);
    ram.live--;
}
static const struct pt_env env = {NULL, sim_phys_to_ptr, sim_alloc, sim_free};

static uint64_t fresh_root(int table_limit)
{
    memset(&ram, 0, sizeof ram);
    ram.limit = table_limit;
    uint64_t root = sv39_create(&env);
    cr_assert_neq(root, 0);
    return root;
}
enum access { LOAD, STORE, FETCH };

static int ref_walk(uint64_t satp_ppn, uint64_t va, enum access acc,
                    uint64_t *pa)
{
    uint64_t high = va >> 38;                     /* §4.4.1: canonical */
    if (high != 0 && high != 0x3ffffff)
        return 0;
    uint64_t a = satp_ppn * 4096, pte;            /* step 1 */
    int i = 2;
    for (;;) {
        pte = sim_page(a)[(va >> (12 + 9 * i)) & 0x1ff];   /* step 2 */
        int v = pte & 1, r = pte >> 1 & 1, w = pte >> 2 & 1, x = pte >> 3 & 1;
        if (!v || (!r && w) || (pte >> 54) != 0)  /* step 3 */
            return 0;
        if (r || x)                               /* step 4 */
            break;
        if ((pte & 0xd0) != 0 || --i < 0)         /* A, D, U of a pointer */
            return 0;
        a = (pte >> 10 & 0xfffffffffffULL) * 4096;
    }
    int need = acc == LOAD ? 1 : acc == STORE ? 2 : 3;     /* R, W or X */
    if ((pte >> 4 & 1) || !(pte >> need & 1))                /* step 5 */
        return 0;
    uint64_t ppn = pte >> 10 & 0xfffffffffffULL;
    if (i > 0 && (ppn & ((1ULL << (9 * i)) - 1)) != 0)        /* step 6 */
        return 0;
    if (!(pte >> 6 & 1) || (acc == STORE && !(pte >> 7 & 1))) /* step 7 */
        return 0;
    uint64_t keep = (1ULL << (12 + 9 * i)) - 1;              /* step 8 */
    *pa = (ppn << 12 & ~keep) | (va & keep);
    return 1;
}
static void agree(uint64_t root, uint64_t va)
{
    static const uint64_t needs[] = {[LOAD] = PTE_R, [STORE] = PTE_W,
                                     [FETCH] = PTE_X};
    struct sv39_mapping m;
    int err = sv39_translate(&env, root, va, &m);
    for (int acc = LOAD; acc <= FETCH; acc++) {
        uint64_t pa = 0;
        int ok = ref_walk(root / 4096, va, acc, &pa);
        int want = err == SV39_OK && !(m.perm & PTE_U) && (m.perm & needs[acc]);
        cr_assert_eq(ok, want, "va %#" PRIx64 " access %d: reference %d, library %d (%s)",
                     va, acc, ok, want, sv39_strerror(err));
        if (ok)
            cr_assert_eq(pa, m.pa, "va %#" PRIx64 ": reference pa %#" PRIx64
                         ", library %#" PRIx64, va, pa, m.pa);
    }
}
Test(ch04_sv39, map_translate_unmap_round_trip)
{
    uint64_t root = fresh_root(16), va = 0x40000000, pa = 0x87654000;
    struct sv39_mapping m;
    cr_assert_eq(sv39_map(&env, root, va, pa, 3 * 4096, PTE_R | PTE_W), SV39_OK);
    for (uint64_t off = 0; off < 3 * 4096; off += 1000) {
        cr_assert_eq(sv39_translate(&env, root, va + off, &m), SV39_OK);
        cr_assert_eq(m.pa, pa + off);
        cr_assert_eq(m.perm, PTE_R | PTE_W);
        cr_assert_eq(m.page_size, 4096);
        agree(root, va + off);
    }
    cr_assert_eq(sv39_translate(&env, root, va + 3 * 4096, &m), SV39_ERR_NOT_MAPPED);
    cr_assert_eq(sv39_unmap(&env, root, va, 3 * 4096), SV39_OK);
    for (uint64_t off = 0; off < 3 * 4096; off += 4096) {
        cr_assert_eq(sv39_translate(&env, root, va + off, &m), SV39_ERR_NOT_MAPPED);
        agree(root, va + off);
    }
}
Test(ch04_sv39, every_accepted_permission_reads_back)
{
    static const uint64_t perms[] = {
        PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X, PTE_R | PTE_U,
        PTE_R | PTE_W | PTE_U, PTE_X | PTE_U, PTE_R | PTE_G, PTE_R | PTE_W | PTE_G,
    };
    uint64_t root = fresh_root(16);
    for (size_t i = 0; i < sizeof perms / sizeof perms[0]; i++) {
        uint64_t va = 0x10000000 + i * 4096;
        struct sv39_mapping m;
        cr_assert_eq(sv39_map(&env, root, va, 0x90000000 + i * 4096, 4096, perms[i]),
                     SV39_OK, "perm %#" PRIx64, perms[i]);
        cr_assert_eq(sv39_translate(&env, root, va, &m), SV39_OK);
        cr_assert_eq(m.perm, perms[i]);
        agree(root, va);
    }
}
static int count_leaf(void *ctx, uint64_t va, uint64_t pa, uint64_t size,
                      uint64_t perm)
{
    (void)va, (void)pa, (void)size, (void)perm;
    ++*(int *)ctx;
    return 0;
}

static int leaves(uint64_t root)
{
    int n = 0;
    sv39_for_each_leaf(&env, root, count_leaf, &n);
    return n;
}
Test(ch04_sv39, every_argument_error_has_its_code)
{
    uint64_t root = fresh_root(16), ok = 0x80000000, rw = PTE_R | PTE_W;
    struct { uint64_t va, pa, size, perm; int want; } cases[] = {
        {ok + 8, ok, 4096, rw, SV39_ERR_MISALIGNED},
        {ok, ok + 8, 4096, rw, SV39_ERR_MISALIGNED},
        {ok, ok, 100, rw, SV39_ERR_MISALIGNED},
        {SV39_LOWER_HALF_END, ok, 4096, rw, SV39_ERR_NONCANONICAL},
        {SV39_LOWER_HALF_END - 4096, ok, 8192, rw, SV39_ERR_NONCANONICAL},
        {0x8000000000000000, ok, 4096, rw, SV39_ERR_NONCANONICAL},
        {SV39_LOWER_HALF_END - 4096, ok, 2 * 4096 + SV39_UPPER_HALF_START -
         SV39_LOWER_HALF_END, rw, SV39_ERR_NONCANONICAL},
        {ok, 1ULL << 56, 4096, rw, SV39_ERR_PA_RANGE},
        {ok, (1ULL << 56) - 4096, 8192, rw, SV39_ERR_PA_RANGE},
        {ok, UINT64_MAX - 4095, 8192, rw, SV39_ERR_PA_RANGE},
        {ok, ok, 4096, PTE_R | PTE_V, SV39_ERR_BAD_FLAGS},
        {ok, ok, 4096, PTE_R | PTE_A, SV39_ERR_BAD_FLAGS},
        {ok, ok, 4096, PTE_R | 1ULL << 10, SV39_ERR_BAD_FLAGS},
        {ok, ok, 4096, 0, SV39_ERR_NO_ACCESS},
        {ok, ok, 4096, PTE_U | PTE_G, SV39_ERR_NO_ACCESS},
        {ok, ok, 4096, PTE_W, SV39_ERR_W_WITHOUT_R},
        {ok, ok, 4096, PTE_W | PTE_X, SV39_ERR_W_WITHOUT_R},
        {ok, ok, 4096, PTE_R | PTE_W | PTE_X, SV39_ERR_W_AND_X},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = sv39_map(&env, root, cases[i].va, cases[i].pa, cases[i].size,
                           cases[i].perm);
        cr_assert_eq(got, cases[i].want, "case %zu: got %s, want %s", i,
                     sv39_strerror(got), sv39_strerror(cases[i].want));
        got = sv39_map_super(&env, root, cases[i].va, cases[i].pa,
                             cases[i].size, cases[i].perm);
        cr_assert_eq(got, cases[i].want, "case %zu (super)", i);
    }
    cr_assert_eq(leaves(root), 0);
    cr_assert_eq(ram.allocs, 1, "a refused mapping allocated a table");
}
Test(ch04_sv39, overlaps_are_refused_and_change_nothing)
{
    uint64_t root = fresh_root(16), va = 0x200000;
    struct sv39_mapping m;
    cr_assert_eq(sv39_map(&env, root, va + 4 * 4096, 0x80000000, 2 * 4096, PTE_R),
                 SV39_OK);
    cr_assert_eq(sv39_map(&env, root, va, 0x90000000, 5 * 4096, PTE_R),
                 SV39_ERR_MAPPED);
    for (int p = 0; p < 4; p++)
        cr_assert_eq(sv39_translate(&env, root, va + p * 4096, &m),
                     SV39_ERR_NOT_MAPPED);
    cr_assert_eq(sv39_unmap(&env, root, va + 3 * 4096, 3 * 4096),
                 SV39_ERR_NOT_MAPPED);
    cr_assert_eq(sv39_translate(&env, root, va + 4 * 4096, &m), SV39_OK);
    cr_assert_eq(sv39_unmap(&env, root, va + 4 * 4096, 2 * 4096), SV39_OK);
    cr_assert_eq(leaves(root), 0);
}
Test(ch04_sv39, running_out_of_tables_undoes_the_partial_map)
{
    uint64_t root = fresh_root(3), va = 0x200000 - 8 * 4096;
    struct sv39_mapping m;
    cr_assert_eq(sv39_map(&env, root, va, 0x80000000, 16 * 4096, PTE_R),
                 SV39_ERR_NO_MEMORY);
    cr_assert_eq(leaves(root), 0);
    cr_assert_eq(sv39_translate(&env, root, va, &m), SV39_ERR_NOT_MAPPED);
    cr_assert_eq(ram.live, 3);
    ram.limit = 4;
    cr_assert_eq(sv39_map(&env, root, va, 0x80000000, 16 * 4096, PTE_R), SV39_OK);
    cr_assert_eq(ram.live, 4);
    cr_assert_eq(leaves(root), 16);
}
static int record_va(void *ctx, uint64_t va, uint64_t pa, uint64_t size,
                     uint64_t perm)
{
    (void)pa, (void)size, (void)perm;
    uint64_t *list = ctx;
    list[1 + list[0]++] = va;
    return 0;
}
Test(ch04_sv39, first_and_last_pages_of_both_halves)
{
    uint64_t root = fresh_root(16), list[8] = {0};
    uint64_t edges[] = {0, SV39_LOWER_HALF_END - 4096, SV39_UPPER_HALF_START,
                        UINT64_MAX - 4095};
    struct sv39_mapping m;
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(sv39_map(&env, root, edges[i], 0x80000000 + i * 4096ULL,
                              4096, PTE_R), SV39_OK, "edge %d", i);
        agree(root, edges[i]);
        agree(root, edges[i] + 4095);
    }
    sv39_for_each_leaf(&env, root, record_va, list);
    cr_assert_eq(list[0], 4);
    for (int i = 0; i < 4; i++)
        cr_assert_eq(list[1 + i], edges[i]);
    cr_assert_eq(sv39_translate(&env, root, SV39_LOWER_HALF_END, &m),
                 SV39_ERR_NONCANONICAL);
    cr_assert_eq(sv39_translate(&env, root, SV39_UPPER_HALF_START - 1, &m),
                 SV39_ERR_NONCANONICAL);
    agree(root, SV39_LOWER_HALF_END);
    cr_assert_eq(sv39_unmap(&env, root, UINT64_MAX - 4095, 4096), SV39_OK);
}
Test(ch04_sv39, tables_are_shared_and_reused)
{
    uint64_t root = fresh_root(16), va = 0x80000000;
    cr_assert_eq(sv39_map(&env, root, va, va, 512 * 4096, PTE_R | PTE_W), SV39_OK);
    cr_assert_eq(ram.allocs, 3);
    cr_assert_eq(sv39_unmap(&env, root, va, 512 * 4096), SV39_OK);
    cr_assert_eq(sv39_map(&env, root, va, va, 512 * 4096, PTE_R), SV39_OK);
    cr_assert_eq(ram.allocs, 3, "remapping allocated new tables");
    cr_assert_eq(sv39_map(&env, root, 0x1000, 0x1000, 4096, PTE_R), SV39_OK);
    cr_assert_eq(ram.allocs, 5);
    sv39_destroy(&env, root);
    cr_assert_eq(ram.live, 0, "destroy left %d tables", ram.live);
}
Test(ch04_sv39, empty_blocks_are_skipped_whole)
{
    uint64_t root = fresh_root(16), giga = 1ULL << 30;
    cr_assert_eq(sv39_map_super(&env, root, giga, giga, giga, PTE_R | PTE_W),
                 SV39_OK);
    cr_assert_lt(ram.reads, 20, "mapping a gigapage read %ld tables", ram.reads);
    ram.reads = 0;
    cr_assert_eq(sv39_map(&env, root, 2 * giga, 0, 512 * 4096, PTE_R), SV39_OK);
    cr_assert_lt(ram.reads, 4 * 512, "mapping 512 pages read %ld tables",
                 ram.reads);
    ram.reads = 0;
    cr_assert_eq(sv39_unmap(&env, root, giga, giga), SV39_OK);
    cr_assert_lt(ram.reads, 20);
}
Test(ch04_sv39, superpages_where_alignment_allows)
{
    uint64_t root = fresh_root(16), mega = 2ULL << 20, giga = 1ULL << 30;
    struct sv39_mapping m;
    cr_assert_eq(sv39_map_super(&env, root, mega, 0x80000000, 2 * mega + 8192,
                                PTE_R | PTE_W), SV39_OK);
    cr_assert_eq(leaves(root), 4);
    cr_assert_eq(sv39_translate(&env, root, mega + mega + 5, &m), SV39_OK);
    cr_assert_eq(m.page_size, mega);
    cr_assert_eq(m.pa, 0x80000000 + mega + 5);
    cr_assert_eq(sv39_translate(&env, root, 3 * mega + 4096, &m), SV39_OK);
    cr_assert_eq(m.page_size, 4096);
    for (uint64_t off = 0; off < 2 * mega + 8192; off += 4096 * 31)
        agree(root, mega + off);
    cr_assert_eq(sv39_map_super(&env, root, 4 * giga, 2 * giga, giga, PTE_R), SV39_OK);
    cr_assert_eq(sv39_translate(&env, root, 4 * giga + 12345, &m), SV39_OK);
    cr_assert_eq(m.page_size, giga);
    agree(root, 5 * giga - 1);
    cr_assert_eq(sv39_map_super(&env, root, 8 * giga, 8 * giga + 4096, mega,
                                PTE_R), SV39_OK);
    cr_assert_eq(sv39_translate(&env, root, 8 * giga, &m), SV39_OK);
    cr_assert_eq(m.page_size, 4096);
}
Test(ch04_sv39, superpages_are_never_split)
{
    uint64_t root = fresh_root(16), mega = 2ULL << 20;
    struct sv39_mapping m;
    cr_assert_eq(sv39_map_super(&env, root, mega, mega, mega, PTE_R), SV39_OK);
    cr_assert_eq(sv39_unmap(&env, root, mega, 4096), SV39_ERR_SPLITS_SUPERPAGE);
    cr_assert_eq(sv39_unmap(&env, root, mega + 4096, 4096),
                 SV39_ERR_SPLITS_SUPERPAGE);
    cr_assert_eq(sv39_map(&env, root, 2 * mega, 2 * mega, 4096, PTE_R), SV39_OK);
    cr_assert_eq(sv39_unmap(&env, root, mega + 4096, mega),
                 SV39_ERR_SPLITS_SUPERPAGE);
    cr_assert_eq(sv39_translate(&env, root, mega, &m), SV39_OK);
    cr_assert_eq(m.page_size, mega);
    cr_assert_eq(sv39_unmap(&env, root, mega, mega + 4096), SV39_OK);
    cr_assert_eq(leaves(root), 0);
    cr_assert_eq(sv39_map_super(&env, root, 2 * mega, 2 * mega, mega, PTE_R), SV39_OK);
    cr_assert_eq(sv39_translate(&env, root, 2 * mega, &m), SV39_OK);
    cr_assert_eq(m.page_size, 4096, "a superpage replaced a table");
}
static pte_t *next_table(pte_t pointer)
{
    return sim_page((pointer >> 10 & 0xfffffffffffULL) * 4096);
}

Test(ch04_sv39, malformed_entries_are_reported)
{
    uint64_t root = fresh_root(16), va = 0x40000000;   /* indexes 1, 0, 0 */
    struct sv39_mapping m;
    cr_assert_eq(sv39_map(&env, root, va, 0x80000000, 4096, PTE_R), SV39_OK);
    pte_t *top = &sim_page(root)[1], *leaf = &next_table(*next_table(*top))[0];
    pte_t good_top = *top, good = *leaf;
    pte_t bad[] = {good | 1ULL << 54, good | 1ULL << 62, good | 1ULL << 63,
                   (good & ~PTE_R) | PTE_W, good & ~(PTE_R | PTE_A | PTE_D)};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        *leaf = bad[i];
        cr_assert_eq(sv39_translate(&env, root, va, &m), SV39_ERR_BAD_ENTRY,
                     "case %zu", i);
        agree(root, va);
    }
    *leaf = good;
    *top = good_top | PTE_A;
    cr_assert_eq(sv39_translate(&env, root, va, &m), SV39_ERR_BAD_ENTRY);
    agree(root, va);
    *top = (0x80001000ULL >> 12) << 10 | PTE_V | PTE_R | PTE_A;
    cr_assert_eq(sv39_translate(&env, root, va, &m), SV39_ERR_BAD_ENTRY);
    agree(root, va);
    *top = good_top;
    cr_assert_eq(sv39_translate(&env, root, va, &m), SV39_OK);
}
Test(ch04_sv39, every_error_has_a_distinct_message)
{
    static const int codes[] = {
#define CODE(name, value, message) name,
        SV39_ERRORS(CODE)
#undef CODE
    };
    size_t n = sizeof codes / sizeof codes[0];
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(codes[i], -(int)i - 1, "codes are -1, -2, ... in order");
        for (size_t j = 0; j < i; j++)
            cr_assert_str_neq(sv39_strerror(codes[i]), sv39_strerror(codes[j]));
    }
    cr_assert_str_eq(sv39_strerror(SV39_OK), "success");
    cr_assert_str_eq(sv39_strerror(-99), "unknown page-table error");
}
#define WINDOWS 4
#define WINDOW_PAGES 1024

static const uint64_t window_base[WINDOWS] = {
    0, 0x40000000 - 512 * 4096, SV39_LOWER_HALF_END - WINDOW_PAGES * 4096,
    SV39_UPPER_HALF_START,
};

static struct { uint64_t pa, perm; } model[WINDOWS][WINDOW_PAGES];

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;   /* a fixed seed */

static uint64_t rng(void)
{
    return xorshift64(&rng_state);
}
static int model_expects(int w, int first, int n, int map, uint64_t perm)
{
    static const uint64_t bad[] = {0, PTE_W, PTE_R | PTE_W | PTE_X};
    for (size_t i = 0; map && i < sizeof bad / sizeof bad[0]; i++)
        if (perm == bad[i])
            return perm == 0 ? SV39_ERR_NO_ACCESS
                 : perm == PTE_W ? SV39_ERR_W_WITHOUT_R : SV39_ERR_W_AND_X;
    for (int p = first; p < first + n; p++) {
        if (map && model[w][p].perm != 0)
            return SV39_ERR_MAPPED;
        if (!map && model[w][p].perm == 0)
            return SV39_ERR_NOT_MAPPED;
    }
    return SV39_OK;
}
static int check_leaf_in_model(void *ctx, uint64_t va, uint64_t pa,
                               uint64_t size, uint64_t perm)
{
    ++*(int *)ctx;
    for (int w = 0; w < WINDOWS; w++) {
        uint64_t p = (va - window_base[w]) / 4096;
        if (va >= window_base[w] && p < WINDOW_PAGES) {
            cr_assert_eq(size, 4096);
            cr_assert_eq(pa, model[w][p].pa, "va %#" PRIx64, va);
            cr_assert_eq(perm, model[w][p].perm, "va %#" PRIx64, va);
            return 0;
        }
    }
    cr_assert_fail("leaf at va %#" PRIx64 " outside every window", va);
    return 1;
}
static void compare_with_model(uint64_t root)
{
    int mapped = 0, seen = 0;
    for (int w = 0; w < WINDOWS; w++)
        for (int p = 0; p < WINDOW_PAGES; p++) {
            uint64_t va = window_base[w] + p * 4096ULL;
            struct sv39_mapping m;
            int err = sv39_translate(&env, root, va, &m);
            if (model[w][p].perm == 0) {
                cr_assert_eq(err, SV39_ERR_NOT_MAPPED, "va %#" PRIx64, va);
            } else {
                mapped++;
                cr_assert_eq(err, SV39_OK, "va %#" PRIx64, va);
                cr_assert_eq(m.pa, model[w][p].pa);
            }
            agree(root, va);
        }
    sv39_for_each_leaf(&env, root, check_leaf_in_model, &seen);
    cr_assert_eq(seen, mapped);
}
Test(ch04_sv39, random_operations_match_a_model)
{
    static const uint64_t perms[] = {PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X,
                                     PTE_R | PTE_U, PTE_R | PTE_W | PTE_G, 0,
                                     PTE_W, PTE_R | PTE_W | PTE_X};
    uint64_t root = fresh_root(64);
    for (int op = 0; op < 5000; op++) {
        int w = rng() % WINDOWS, first = rng() % WINDOW_PAGES;
        int n = 1 + rng() % 16, map = rng() % 5 < 3;
        n = first + n > WINDOW_PAGES ? WINDOW_PAGES - first : n;
        uint64_t perm = perms[rng() % (sizeof perms / sizeof perms[0])];
        uint64_t va = window_base[w] + first * 4096ULL;
        uint64_t pa = (rng() & ((1ULL << 43) - 1)) << 12;
        int want = model_expects(w, first, n, map, perm);
        int got = map ? sv39_map(&env, root, va, pa, n * 4096ULL, perm)
                      : sv39_unmap(&env, root, va, n * 4096ULL);
        cr_assert_eq(got, want, "operation %d: got %s, want %s", op,
                     sv39_strerror(got), sv39_strerror(want));
        for (int p = first; got == SV39_OK && p < first + n; p++) {
            model[w][p].pa = map ? pa + (p - first) * 4096ULL : 0;
            model[w][p].perm = map ? perm : 0;
        }
        if (op % 1000 == 999)
            compare_with_model(root);
    }
    sv39_destroy(&env, root);
    cr_assert_eq(ram.live, 0);
}
