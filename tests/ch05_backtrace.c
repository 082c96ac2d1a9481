/* Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <string.h>

#include "backtrace.h"

enum { MAIN = 0x10000, MAIN_SIZE = 4096, SECOND = 0x40000, SECOND_SIZE = 512 };
static uint64_t main_stack[MAIN_SIZE / 8], second_stack[SECOND_SIZE / 8];

static uint64_t *slot(uint64_t addr)
{
    if (addr >= MAIN && addr < MAIN + MAIN_SIZE)
        return &main_stack[(addr - MAIN) / 8];
    if (addr >= SECOND && addr < SECOND + SECOND_SIZE)
        return &second_stack[(addr - SECOND) / 8];
    return NULL;
}
static int fake_find(void *ctx, uint64_t addr, uint64_t *lo, uint64_t *hi)
{
    (void)ctx;
    if (addr >= MAIN && addr < MAIN + MAIN_SIZE)
        return *lo = MAIN, *hi = MAIN + MAIN_SIZE, 1;
    if (addr >= SECOND && addr < SECOND + SECOND_SIZE)
        return *lo = SECOND, *hi = SECOND + SECOND_SIZE, 1;
    return 0;
}

static uint64_t fake_read(void *ctx, uint64_t addr)
{
    (void)ctx;
    cr_assert(addr % 8 == 0 && slot(addr) != NULL, "read outside the stacks: 0x%lx",
              (unsigned long)addr);
    return *slot(addr);
}

static int fake_same(void *ctx, uint64_t a, uint64_t b)
{
    (void)ctx;
    return a >> 8 == b >> 8;        /* fake functions are 256 bytes long */
}

static const struct stack_memory mem = {fake_find, fake_read, fake_same, NULL,
                                        0x1000, 0x2000};

static void frame(uint64_t fp, uint64_t ra, uint64_t caller_fp)
{
    *slot(fp - 8) = ra;
    *slot(fp - 16) = caller_fp;
}
static uint64_t pcs[64];
static int npcs;

static void record(void *ctx, uint64_t pc)
{
    (void)ctx;
    cr_assert(npcs < 64);
    pcs[npcs++] = pc;
}

static void clear(void)
{
    memset(main_stack, 0, sizeof main_stack);
    memset(second_stack, 0, sizeof second_stack);
    npcs = 0;
}

static enum walk_end walk(uint64_t pc, uint64_t fp, uint64_t ra, int max)
{
    npcs = 0;
    return backtrace_walk(&mem, pc, fp, ra, max, record, NULL);
}
Test(ch05_backtrace, follows_a_chain_to_its_end)
{
    clear();
    frame(MAIN + 0x100, 0x1200, MAIN + 0x180);
    frame(MAIN + 0x180, 0x1300, MAIN + 0x200);
    frame(MAIN + 0x200, 0x1400, 0);
    cr_assert_eq(walk(0x1100, MAIN + 0x100, 0xdead, 64), WALK_CHAIN_END);
    cr_assert_eq(npcs, 4);
    cr_assert(pcs[0] == 0x1100 && pcs[1] == 0x1200 && pcs[2] == 0x1300 && pcs[3] == 0x1400);
}

Test(ch05_backtrace, a_leaf_first_frame_takes_ra)
{
    clear();
    *slot(MAIN + 0x100 - 8) = MAIN + 0x180;         /* a leaf saves only s0 */
    frame(MAIN + 0x180, 0x1300, 0);
    cr_assert_eq(walk(0x1100, MAIN + 0x100, 0x1234, 64), WALK_CHAIN_END);
    cr_assert_eq(npcs, 3);
    cr_assert(pcs[1] == 0x1234 && pcs[2] == 0x1300);
}

Test(ch05_backtrace, a_first_function_without_a_record_has_its_caller_in_ra)
{
    clear();
    frame(MAIN + 0x100, 0x1300, 0);                 /* the caller's record */
    cr_assert_eq(walk(0x1104, MAIN + 0x100, 0x1240, 64), WALK_CHAIN_END);
    cr_assert_eq(npcs, 3);
    cr_assert(pcs[0] == 0x1104 && pcs[1] == 0x1240 && pcs[2] == 0x1300);
    cr_assert_eq(walk(0x1104, MAIN + 0x100, 0x1150, 64), WALK_CHAIN_END);
    cr_assert_eq(npcs, 2);                          /* ra is stale: same function */
    cr_assert(pcs[1] == 0x1300);
}

Test(ch05_backtrace, crosses_to_another_stack_and_to_the_top)
{
    clear();
    frame(SECOND + SECOND_SIZE, 0x1200, MAIN + 0x100);  /* fp at the very top */
    frame(MAIN + 0x100, 0x1300, 0);
    cr_assert_eq(walk(0x1100, SECOND + SECOND_SIZE, 0, 64), WALK_CHAIN_END);
    cr_assert_eq(npcs, 3);
}
Test(ch05_backtrace, stops_at_bad_frame_pointers)
{
    clear();
    cr_assert_eq(walk(0x1100, MAIN + 0x108, 0, 64), WALK_MISALIGNED_FP);
    cr_assert_eq(npcs, 1);
    cr_assert_eq(walk(0x1100, 0x90000, 0, 64), WALK_FP_NOT_ON_A_STACK);
    cr_assert_eq(walk(0x1100, MAIN, 0, 64), WALK_FP_NOT_ON_A_STACK);
    cr_assert_eq(walk(0x1100, MAIN + MAIN_SIZE + 16, 0, 64), WALK_FP_NOT_ON_A_STACK);
}

Test(ch05_backtrace, stops_on_a_loop_or_a_downward_step)
{
    clear();
    frame(MAIN + 0x100, 0x1200, MAIN + 0x100);      /* points at itself */
    cr_assert_eq(walk(0x1100, MAIN + 0x100, 0, 64), WALK_FP_NOT_INCREASING);
    cr_assert_eq(npcs, 2);
    frame(MAIN + 0x200, 0x1200, MAIN + 0x100);      /* points downwards */
    cr_assert_eq(walk(0x1100, MAIN + 0x200, 0, 64), WALK_FP_NOT_INCREASING);
}

Test(ch05_backtrace, stops_on_a_word_that_is_not_code)
{
    clear();
    frame(MAIN + 0x100, 0x1200, MAIN + 0x180);
    frame(MAIN + 0x180, MAIN + 0x300, MAIN + 0x200); /* not a leaf: not first */
    cr_assert_eq(walk(0x1100, MAIN + 0x100, 0, 64), WALK_NOT_A_RETURN_ADDRESS);
    cr_assert_eq(npcs, 2);
}

Test(ch05_backtrace, stops_after_too_many_frames_or_stacks)
{
    clear();
    for (uint64_t fp = MAIN + 0x20; fp < MAIN + 0x800; fp += 0x20)
        frame(fp, 0x1200, fp + 0x20);
    cr_assert_eq(walk(0x1100, MAIN + 0x20, 0, 10), WALK_TOO_DEEP);
    cr_assert_eq(npcs, 10);
    clear();
    for (int i = 0; i < 5; i++) {
        frame(SECOND + 0x40 + 0x20 * (uint64_t)i, 0x1200, MAIN + 0x40 + 0x20 * (uint64_t)i);
        frame(MAIN + 0x40 + 0x20 * (uint64_t)i, 0x1300, SECOND + 0x60 + 0x20 * (uint64_t)i);
    }
    cr_assert_eq(walk(0x1100, SECOND + 0x40, 0, 64), WALK_TOO_MANY_STACKS);
    cr_assert_eq(npcs, 1 + WALK_MAX_STACK_SWITCHES + 1);
}
struct text { char buf[1024]; size_t len; };

static void text_sink(void *ctx, char c)
{
    struct text *t = ctx;
    if (t->len + 1 < sizeof t->buf)
        t->buf[t->len++] = c, t->buf[t->len] = '\0';
}

Test(ch05_backtrace, prints_symbols_and_collapses_recursion)
{
    static const struct ksym syms[] = {
        {0x1100, 0x100, "recurse"}, {0x1300, 0x100, "caller"}, {0x1400, 0x10, "next_fn"},
    };
    clear();
    for (int i = 0; i < 5; i++)
        frame(MAIN + 0x100 + 0x40 * (uint64_t)i, 0x1120, MAIN + 0x140 + 0x40 * (uint64_t)i);
    frame(MAIN + 0x240, 0x1400, 0);
    struct text t = {{0}, 0};
    backtrace_print(text_sink, &t, &mem, syms, 3, 0x1104, MAIN + 0x100, 0);
    cr_assert_str_eq(t.buf,
        "  backtrace:\n"
        "    #0   0x0000000000001104  recurse+0x4\n"
        "    #1   0x0000000000001120  recurse+0x20\n"
        "        ... #2-#5: the same frame, 4 more times\n"
        "    #6   0x0000000000001400  caller+0x100\n"
        "    (end of the frame-pointer chain)\n");
}
