/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wasm_interp.h"
#include "wasm_code.h"

static void *h_alloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static void h_free(void *ctx, void *p) { (void)ctx; free(p); }
static const struct wasm_alloc allocator = { h_alloc, h_free, NULL, 0 };

static struct {
    uint8_t *bytes;
    struct wasm_module m;
    struct wasm_instance *inst;
    struct wasm_exec ex;
    bool pending;               /* should ask answer later? */
    int asked;
    struct wasm_funcinst ask;
} t;

static int ask(void *ctx, struct wasm_exec *ex, uint64_t *slots)
{
    (void)ctx; (void)ex;
    t.asked++;
    if (t.pending)
        return WASM_PENDING;
    slots[0] = (uint32_t)slots[0] * 10;
    return WASM_DONE;
}
static int resolve(void *ctx, const struct wasm_import *imp, struct wasm_extern *out)
{
    (void)ctx;
    if (imp->name.len != 3 || memcmp(imp->name.bytes, "ask", 3) != 0)
        return -1;
    out->kind = WASM_EXTERN_FUNC;
    out->u.func = &t.ask;
    return 0;
}

static const uint8_t i32x1[] = {WASM_I32};

static void setup_module(const char *name, uint32_t slots, uint32_t depth, uint32_t max_pages)
{
    char path[512];
    snprintf(path, sizeof path, "%s/wasm-interp/%s", HYPHA_FIXTURES, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    t.bytes = malloc(4096);
    size_t len = fread(t.bytes, 1, 4096, f);
    fclose(f);
    struct wasm_error err = {0};
    cr_assert_eq(wasm_load(&t.m, t.bytes, len, &allocator, &err), 0, "%s", err.message);
    t.ask = (struct wasm_funcinst){ .type = {1, 1, i32x1, i32x1}, .host = ask };
    cr_assert_eq(wasm_exec_init(&t.ex, &allocator, slots, depth), 0);
    struct wasm_limits_config limits = { max_pages, 1000 };
    cr_assert_eq(wasm_instantiate(&t.inst, &t.m, &limits, resolve, NULL, &t.ex, &err),
                 WASM_INST_OK, "%s", err.message);
}
static void setup_machine(uint32_t slots, uint32_t depth, uint32_t max_pages)
{
    setup_module("machine.wasm", slots, depth, max_pages);
}
static void teardown_machine(void)
{
    wasm_instance_free(t.inst);
    wasm_exec_free(&t.ex);
    wasm_compile_free(&t.m);
    wasm_module_free(&t.m);
    free(t.bytes);
    memset(&t, 0, sizeof t);
}

static struct wasm_funcinst *export(const char *name)
{
    struct wasm_extern x;
    cr_assert(wasm_instance_export(t.inst, name, &x), "no export %s", name);
    cr_assert_eq(x.kind, WASM_EXTERN_FUNC);
    return x.u.func;
}

static void setup(void) { setup_machine(4096, 1000, 16); }
Test(ch15_machine, a_loop_stops_for_fuel_and_resumes, .init = setup, .fini = teardown_machine)
{
    uint64_t arg = 1000;
    t.ex.fuel = 10;
    int st = wasm_call(&t.ex, export("count"), &arg), stops = 0;
    while (st == WASM_OUT_OF_FUEL) {
        stops++;
        t.ex.fuel = 10;
        st = wasm_resume(&t.ex);
    }
    cr_assert_eq(st, WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 1000);
    cr_expect(stops >= 95 && stops <= 105, "%d stops", stops);
    t.ex.fuel = INT64_MAX;
    cr_expect_eq(wasm_call(&t.ex, export("count"), &arg), WASM_DONE, "unlimited runs through");
}
Test(ch15_machine, a_host_call_can_be_pending_and_resume, .init = setup, .fini = teardown_machine)
{
    uint64_t arg = 4;
    t.pending = true;
    int st = wasm_call(&t.ex, export("ask_twice"), &arg);
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(st, WASM_PENDING, "stop %d", i);
        uint64_t *slots = wasm_pending_slots(&t.ex);
        cr_assert_eq((uint32_t)slots[0], 4 + i, "the argument is in the slot");
        slots[0] = 100 * (i + 1);
        st = wasm_resume(&t.ex);
    }
    cr_assert_eq(st, WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 300);
    cr_expect_eq(t.asked, 2);
    t.pending = false;
    cr_expect_eq(wasm_call(&t.ex, export("ask_twice"), &arg), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 90, "ask answers at once: 40 + 50");
}
Test(ch15_machine, a_pending_call_deep_in_a_recursion_resumes, .init = setup,
     .fini = teardown_machine)
{
    uint64_t n = 30;
    t.pending = true;
    int st = wasm_call(&t.ex, export("deep"), &n);
    for (uint32_t k = 30; k >= 1; k--) {
        cr_assert_eq(st, WASM_PENDING, "ask(%u)", k);
        cr_expect_eq(t.ex.depth, 31 - k, "deep(%u) is %u calls deep", k, 31 - k);
        uint64_t *slots = wasm_pending_slots(&t.ex);
        cr_assert_eq((uint32_t)slots[0], k);
        slots[0] = k * k;
        st = wasm_resume(&t.ex);
    }
    cr_assert_eq(st, WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 9455, "the squares of 1 to 30");
    t.pending = false;
    cr_assert_eq(wasm_call(&t.ex, export("deep"), &n), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 4650, "ask answers at once: 10 * 465");
}
Test(ch15_machine, a_trap_leaves_the_engine_usable, .init = setup, .fini = teardown_machine)
{
    uint64_t zero[2] = {1, 0}, overflow[2] = {0x80000000u, 0xffffffffu}, ok[2] = {7, 2};
    cr_assert_eq(wasm_call(&t.ex, export("div"), zero), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_DIV_ZERO);
    cr_expect_str_eq(t.ex.message, "integer divide by zero");
    cr_assert_eq(wasm_call(&t.ex, export("div"), overflow), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_INT_OVERFLOW);
    cr_assert_eq(wasm_call(&t.ex, export("div"), ok), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 3);
    uint64_t far = 65536;
    cr_assert_eq(wasm_call(&t.ex, export("load"), &far), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
}
Test(ch15_machine, the_call_depth_is_configurable)
{
    setup_machine(4096, 100, 16);
    uint64_t n = 99;
    cr_assert_eq(wasm_call(&t.ex, export("down"), &n), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 99);
    n = 100;
    cr_assert_eq(wasm_call(&t.ex, export("down"), &n), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_STACK_EXHAUSTED);
    n = 50;
    cr_assert_eq(wasm_call(&t.ex, export("down"), &n), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 50);
    teardown_machine();
}
Test(ch15_machine, a_small_value_stack_is_exhausted_too)
{
    setup_machine(64, 10000, 16);
    uint64_t n = 10;
    cr_assert_eq(wasm_call(&t.ex, export("down"), &n), WASM_DONE);
    n = 100;
    cr_assert_eq(wasm_call(&t.ex, export("down"), &n), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_STACK_EXHAUSTED);
    n = 5;
    cr_expect_eq(wasm_call(&t.ex, export("down"), &n), WASM_DONE);
    teardown_machine();
}
Test(ch15_machine, the_depth_limit_is_exact_and_leaves_the_run_usable)
{
    setup_machine(4096, 8, 16);
    uint64_t n = 7;
    cr_assert_eq(wasm_call(&t.ex, export("down"), &n), WASM_DONE, "8 frames hold down(7)");
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 7);
    cr_expect_eq(t.ex.depth, 0, "a finished run has no frames");
    n = 8;
    cr_assert_eq(wasm_call(&t.ex, export("down"), &n), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_STACK_EXHAUSTED);
    cr_expect_eq(t.ex.depth, 0, "a trapped run has no frames");
    n = 7;
    cr_expect_eq(wasm_call(&t.ex, export("down"), &n), WASM_DONE);
    teardown_machine();
}
Test(ch15_machine, memory_grows_within_the_limits)
{
    setup_machine(4096, 100, 2);
    uint64_t one = 1, addr = 65536 + 65532, past = 2 * 65536;
    cr_assert_eq(wasm_call(&t.ex, export("grow"), &one), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 1);
    cr_assert_eq(wasm_call(&t.ex, export("grow"), &one), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 0xffffffffu);
    cr_expect_eq(wasm_call(&t.ex, export("load"), &addr), WASM_DONE);
    cr_expect_eq(wasm_call(&t.ex, export("load"), &past), WASM_TRAPPED);
    teardown_machine();
}
Test(ch15_machine, multiple_values_and_recursion, .init = setup, .fini = teardown_machine)
{
    uint64_t pair[2] = {1, 2}, n = 20;
    cr_assert_eq(wasm_call(&t.ex, export("swap"), pair), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 2);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[1], 1);
    cr_assert_eq(wasm_call(&t.ex, export("fib"), &n), WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], 6765);
}
Test(ch15_machine, a_recursion_stops_for_fuel_and_resumes, .init = setup,
     .fini = teardown_machine)
{
    uint64_t n = 20;
    cr_assert_eq(wasm_call(&t.ex, export("fib"), &n), WASM_DONE);
    int64_t whole = INT64_MAX - t.ex.fuel, used = 0;
    uint32_t deepest = 0, stops = 0;
    t.ex.fuel = 7;
    int st = wasm_call(&t.ex, export("fib"), &n);
    for (; st == WASM_OUT_OF_FUEL; stops++) {
        used += 7 - t.ex.fuel;
        deepest = t.ex.depth > deepest ? t.ex.depth : deepest;
        t.ex.fuel = 7;
        st = wasm_resume(&t.ex);
    }
    used += 7 - t.ex.fuel;
    cr_assert_eq(st, WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], 6765);
    cr_expect(deepest >= 10 && deepest <= 20, "stopped %u calls deep at most", deepest);
    cr_expect(used <= whole && used >= whole - stops, "%ld units, %ld unsliced, %u stops",
              (long)used, (long)whole, stops);
}
static int lend(void *ctx, const struct wasm_import *imp, struct wasm_extern *out)
{
    (void)imp;
    *out = (struct wasm_extern){ WASM_EXTERN_FUNC, { .func = ctx } };
    return 0;
}
Test(ch15_machine, a_call_into_another_instance_comes_back, .init = setup,
     .fini = teardown_machine)
{
    struct wasm_instance *other;
    struct wasm_error err = {0};
    struct wasm_limits_config limits = { 16, 1000 };
    cr_assert_eq(wasm_instantiate(&other, &t.m, &limits, lend, export("down"), &t.ex, &err),
                 WASM_INST_OK, "%s", err.message);
    struct wasm_extern deep;
    cr_assert(wasm_instance_export(other, "deep", &deep));
    uint64_t n = 10;
    cr_assert_eq(wasm_call(&t.ex, deep.u.func, &n), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 55);
    t.ex.fuel = 3;
    int st = wasm_call(&t.ex, deep.u.func, &n), stops = 0;
    for (; st == WASM_OUT_OF_FUEL; stops++, t.ex.fuel = 3)
        st = wasm_resume(&t.ex);
    cr_assert_eq(st, WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 55);
    cr_expect_gt(stops, 10);
    wasm_instance_free(other);
}
static int know_nothing(void *ctx, const struct wasm_import *imp, struct wasm_extern *out)
{
    (void)ctx; (void)imp; (void)out;
    return -1;
}

Test(ch15_machine, an_unknown_import_is_unlinkable, .init = setup, .fini = teardown_machine)
{
    struct wasm_instance *other = (void *)1;
    struct wasm_error err = {0};
    struct wasm_limits_config limits = { 16, 1000 };
    cr_assert_eq(wasm_instantiate(&other, &t.m, &limits, know_nothing, NULL, &t.ex, &err),
                 WASM_INST_UNLINKABLE);
    cr_expect_null(other);
    cr_expect_str_eq(err.message, "unknown import \"host\" \"ask\"");
}
#define OP(op) wasm_dispatch_word(op)   /* an opcode as the dispatch sees it */
Test(ch15_machine, the_compiled_loop_is_the_one_in_the_book, .init = setup,
     .fini = teardown_machine)
{
    const uint32_t want[] = {
        OP(WASM_IOP_JUMP_IF_NOT), 0, 13,
        OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), 1, 1, 1,
        OP(WASM_IOP_WITH_CONST + WASM_OP_I32_SUB), 0, 0, 1,
        OP(WASM_IOP_JUMP), 0, OP(WASM_IOP_RETURN), 1, 1 };
    const struct wasm_code *code = t.m.funcs[0].code;
    cr_assert_eq(code->nwords, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < code->nwords; i++)
        cr_expect_eq(code->words[i], want[i], "word %u", i);
    cr_expect_eq(code->max_height, 2);
    cr_expect_eq(code->nlocals, 1);
}
Test(ch15_machine, a_local_still_zero_is_not_cleared_again, .init = setup,
     .fini = teardown_machine)
{
    const struct wasm_code *zeros = t.m.funcs[15].code;
    uint32_t stores = 0;
    for (uint32_t i = 0; i < zeros->nwords; i++)
        stores += zeros->words[i] == OP(WASM_IOP_CONST32);
    cr_expect_eq(stores, 1, "only the store of zero inside the loop is kept");
    uint64_t n = 3, none = 0;
    cr_assert_eq(wasm_call(&t.ex, export("zeros"), &n), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 30, "a = 10 at every turn, never 20");
    cr_assert_eq(wasm_call(&t.ex, export("zeros"), &none), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 0);
}
Test(ch15_machine, a_returned_sum_is_added_by_the_return, .init = setup,
     .fini = teardown_machine)
{
    const struct wasm_code *zeros = t.m.funcs[15].code;
    const uint32_t *end = zeros->words + zeros->nwords;
    cr_expect_eq(end[-3], OP(WASM_IOP_RETURN_I32_ADD));
    cr_expect_eq(end[-2], 2, "local $s");
    cr_expect_eq(end[-1], 1, "local $a");
    uint64_t big = 0xfffffffbu;
    cr_assert_eq(wasm_call(&t.ex, export("old"), &big), WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], 5, "the sum wraps at 2^32, upper half clear");
}
static bool names_code(const uint32_t *w, const void *code)
{
    return (w[0] | (uint64_t)w[1] << 32) == (uint64_t)(uintptr_t)code;
}
Test(ch15_machine, a_call_within_the_module_names_its_callee, .init = setup,
     .fini = teardown_machine)
{
    const struct wasm_code *fib = t.m.funcs[6].code, *ask = t.m.funcs[1].code;
    cr_assert_eq(fib->words[22], OP(WASM_IOP_CALL_OWN));
    cr_expect_eq(fib->words[23], 7);
    cr_expect_eq(fib->words[24], 1);
    cr_expect(names_code(&fib->words[25], fib), "fib calls itself");
    cr_assert_eq(fib->words[34], OP(WASM_IOP_CALL_OWN));
    cr_expect_eq(fib->words[36], 2);
    cr_expect(names_code(&fib->words[37], fib));
    bool plain = false;
    for (uint32_t i = 0; i < ask->nwords; i++)
        plain |= ask->words[i] == OP(WASM_OP_CALL);
    cr_expect(plain, "ask_twice calls its import with a plain CALL");
}
Test(ch15_machine, a_local_written_under_a_pending_read_keeps_its_old_value,
     .init = setup, .fini = teardown_machine)
{
    uint64_t five = 5;
    cr_assert_eq(wasm_call(&t.ex, export("old"), &five), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 15, "5 read before the writes, + 10");
    const uint32_t want[] = {
        OP(WASM_IOP_COPY), 1, 0, OP(WASM_IOP_CONST32), 0, 1,
        OP(WASM_IOP_WITH_CONST + WASM_OP_I32_MUL), 0, 0, 10,
        OP(WASM_IOP_RETURN_I32_ADD), 1, 0 };      /* see "A leaner call" */
    const struct wasm_code *code = t.m.funcs[10].code;
    cr_assert_eq(code->nwords, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < code->nwords; i++)
        cr_expect_eq(code->words[i], want[i], "word %u", i);
}
Test(ch15_machine, an_address_addition_folded_into_a_load_still_wraps,
     .init = setup, .fini = teardown_machine)
{
    const struct wasm_code *code = t.m.funcs[11].code;
    cr_expect_eq(code->words[0], OP(WASM_IOP_WITH_CONST + WASM_OP_I32_LOAD), "the add was folded");
    uint64_t wraps = 0xfffffffcu, beyond = 0xfffffff0u;
    cr_assert_eq(wasm_call(&t.ex, export("wrap"), &wraps), WASM_DONE, "%s", t.ex.message);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 0);
    cr_assert_eq(wasm_call(&t.ex, export("wrap"), &beyond), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
}
Test(ch15_machine, a_scaled_load_wraps_like_its_shift_and_addition,
     .init = setup, .fini = teardown_machine)
{
    const struct wasm_code *code = t.m.funcs[13].code;
    cr_expect_eq(code->words[0], OP(WASM_IOP_SCALED + WASM_OP_I32_LOAD), "one scaled load");
    uint64_t wraps = 0x40000001u, beyond = 0x10000u;
    cr_assert_eq(wasm_call(&t.ex, export("scaled"), &wraps), WASM_DONE, "%s", t.ex.message);
    cr_assert_eq(wasm_call(&t.ex, export("scaled"), &beyond), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
}
Test(ch15_machine, more_pending_values_than_the_compiler_keeps_are_settled,
     .init = setup, .fini = teardown_machine)
{
    uint64_t three = 3;
    cr_assert_eq(wasm_call(&t.ex, export("many"), &three), WASM_DONE, "%s", t.ex.message);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 210);
}
static void load_fixture_module(const char *name)
{
    setup_module(name, 4096, 100, 16);
}
static void setup_memops(void) { load_fixture_module("memops.wasm"); }
static void expect_code(uint32_t f, const uint32_t *want, uint32_t n)
{
    const struct wasm_code *code = t.m.funcs[f].code;
    cr_assert_eq(code->nwords, n, "function %u has %u words", f, code->nwords);
    for (uint32_t i = 0; i < n; i++)
        cr_expect_eq(code->words[i], want[i], "function %u, word %u", f, i);
}
#define EXPECT_CODE(f, ...) do { const uint32_t w_[] = { __VA_ARGS__ };                 \
        expect_code(f, w_, sizeof w_ / sizeof w_[0]); } while (0)

static uint8_t *mem(uint32_t a) { return t.inst->memories[0]->data + a; }
static uint64_t f64_bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static double f64_at(uint32_t a) { double d; memcpy(&d, mem(a), 8); return d; }
Test(ch15_machine, a_multiplication_and_an_addition_take_memory_operands,
     .init = setup_memops, .fini = teardown_machine)
{
    EXPECT_CODE(0, OP(WASM_IOP_F64_MUL_LOAD), 2, 0, 1, 8, 0, OP(WASM_IOP_RETURN), 1, 2);
    EXPECT_CODE(1, OP(WASM_IOP_F64_ADD_TO_MEMORY), 1, 0, 0, 16, OP(WASM_IOP_RETURN), 0, 2);
    uint64_t args[2] = { f64_bits(4.0), 100 };
    memcpy(mem(108), &(double){2.5}, 8);
    memcpy(mem(0), &(double){3.0}, 8);
    cr_assert_eq(wasm_call(&t.ex, export("mul_load"), args), WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], f64_bits(10.0));
    args[1] = 0xfffffff8u;                  /* + 8 wraps to address 0 */
    cr_assert_eq(wasm_call(&t.ex, export("mul_load"), args), WASM_DONE, "%s", t.ex.message);
    cr_expect_eq(wasm_results(&t.ex)[0], f64_bits(12.0));
    args[1] = 65521;
    cr_assert_eq(wasm_call(&t.ex, export("mul_load"), args), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
    uint64_t add[2] = { 100, f64_bits(2.25) };
    memcpy(mem(116), &(double){1.5}, 8);
    cr_assert_eq(wasm_call(&t.ex, export("add_to"), add), WASM_DONE);
    cr_expect(f64_at(116) == 3.75, "[116] is %g", f64_at(116));
    add[0] = 65536 - 16 - 7;                /* the last 7 bytes, and one beyond */
    memset(mem(65529), 0x5a, 7);
    cr_assert_eq(wasm_call(&t.ex, export("add_to"), add), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
    for (uint32_t a = 65529; a < 65536; a++)
        cr_expect_eq(*mem(a), 0x5a, "byte %u unchanged by the trap", a);
}
Test(ch15_machine, a_sum_used_twice_stays_and_fuel_still_stops,
     .init = setup_memops, .fini = teardown_machine)
{
    EXPECT_CODE(2, OP(WASM_IOP_F64_ADD_LOAD), 2, 1, 0, 0, 16,
                OP(WASM_OP_F64_STORE), 0, 2, 16, OP(WASM_IOP_RETURN), 1, 2);
    uint64_t add[2] = { 100, f64_bits(2.25) };
    memcpy(mem(116), &(double){1.5}, 8);
    cr_assert_eq(wasm_call(&t.ex, export("add_to_kept"), add), WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], f64_bits(3.75));
    cr_expect(f64_at(116) == 3.75);
    uint64_t acc[3] = { 200, f64_bits(0.5), 100 };
    t.ex.fuel = 10;
    int st = wasm_call(&t.ex, export("accumulate"), acc), stops = 0;
    for (; st == WASM_OUT_OF_FUEL; stops++) {
        t.ex.fuel = 10;
        st = wasm_resume(&t.ex);
    }
    cr_assert_eq(st, WASM_DONE);
    cr_expect(stops >= 9, "%d stops", stops);
    cr_expect(f64_at(200) == 50.0, "[200] is %g", f64_at(200));
}
Test(ch15_machine, a_multiply_add_into_memory_rounds_twice_and_traps,
     .init = setup_memops, .fini = teardown_machine)
{
    EXPECT_CODE(9, OP(WASM_IOP_F64_MUL_ADD_TO_MEMORY), 2, 1, 0, 8, 0, 0, 0,
                OP(WASM_IOP_RETURN), 0, 3);
    uint64_t args[3] = { 100, 200, f64_bits(0.5) };
    memcpy(mem(100), &(double){1.0}, 8);
    memcpy(mem(208), &(double){3.0}, 8);
    cr_assert_eq(wasm_call(&t.ex, export("mul_add"), args), WASM_DONE);
    cr_expect(f64_at(100) == 2.5, "[100] is %g", f64_at(100));
    args[2] = f64_bits(1 + 0x1p-30);
    memcpy(mem(100), &(double){-1.0}, 8);
    memcpy(mem(208), &(double){1 - 0x1p-30}, 8);
    cr_assert_eq(wasm_call(&t.ex, export("mul_add"), args), WASM_DONE);
    cr_expect_eq(f64_bits(f64_at(100)), f64_bits(0.0), "rounded twice: %a", f64_at(100));
    args[1] = 65528;                        /* [b + 8] is one past the end */
    cr_assert_eq(wasm_call(&t.ex, export("mul_add"), args), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
    args[0] = 65532, args[1] = 200;         /* [c] straddles the end */
    memset(mem(65532), 0x5a, 4);
    cr_assert_eq(wasm_call(&t.ex, export("mul_add"), args), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
    cr_expect(mem(65532)[0] == 0x5a && mem(65532)[3] == 0x5a, "the trap wrote nothing");
    cr_expect_eq(f64_bits(f64_at(100)), f64_bits(0.0), "nor anywhere else");
}
Test(ch15_machine, loads_with_two_slot_addresses_wrap_and_trap,
     .init = setup_memops, .fini = teardown_machine)
{
    EXPECT_CODE(3, OP(WASM_IOP_INDEXED + WASM_OP_I32_LOAD8_U), 2, 0, 1, 0, 3,
                OP(WASM_IOP_RETURN), 1, 2);
    EXPECT_CODE(4, OP(WASM_IOP_INDEXED + WASM_OP_I32_LOAD), 2, 0, 1, 4, 0,
                OP(WASM_IOP_RETURN), 1, 2);
    *mem(123) = 0xab, *mem(3) = 0x5a, *mem(65535) = 0x77;
    uint64_t ab[2] = { 100, 20 };
    cr_assert_eq(wasm_call(&t.ex, export("load_indexed"), ab), WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], 0xab);
    ab[0] = 0xfffffff0u, ab[1] = 0x10;      /* a + b wraps to 0 */
    cr_assert_eq(wasm_call(&t.ex, export("load_indexed"), ab), WASM_DONE, "%s", t.ex.message);
    cr_expect_eq(wasm_results(&t.ex)[0], 0x5a);
    ab[0] = 65532, ab[1] = 0;
    cr_assert_eq(wasm_call(&t.ex, export("load_indexed"), ab), WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], 0x77);
    ab[0] = 65533;
    cr_assert_eq(wasm_call(&t.ex, export("load_indexed"), ab), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
    ab[0] = 0x80000000u, ab[1] = 0x7ffffffcu;   /* + 4 wraps to 0 */
    cr_assert_eq(wasm_call(&t.ex, export("load_indexed_plus"), ab), WASM_DONE, "%s", t.ex.message);
    cr_expect_eq(wasm_results(&t.ex)[0], 0x5a000000u);
}
Test(ch15_machine, stores_with_two_slot_addresses_wrap_and_trap,
     .init = setup_memops, .fini = teardown_machine)
{
    EXPECT_CODE(5, OP(WASM_IOP_INDEXED + WASM_OP_I32_STORE16), 0, 2, 1, 0, 2,
                OP(WASM_IOP_RETURN), 0, 3);
    EXPECT_CODE(6, OP(WASM_IOP_INDEXED_STORE_CONST + WASM_OP_I32_STORE8), 0, 1, 1, 0, 0,
                OP(WASM_IOP_RETURN), 0, 2);
    uint64_t abv[3] = { 10, 20, 0x1234 };
    cr_assert_eq(wasm_call(&t.ex, export("store_indexed"), abv), WASM_DONE);
    cr_expect(mem(32)[0] == 0x34 && mem(32)[1] == 0x12, "the i16 at 32");
    abv[0] = 65533, abv[1] = 0;
    *mem(65535) = 0x77;
    cr_assert_eq(wasm_call(&t.ex, export("store_indexed"), abv), WASM_TRAPPED);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
    cr_expect_eq(*mem(65535), 0x77, "the trap wrote nothing");
    uint64_t ab[2] = { 0xffffffffu, 2 };    /* a + b wraps to 1 */
    cr_assert_eq(wasm_call(&t.ex, export("mark_indexed"), ab), WASM_DONE, "%s", t.ex.message);
    cr_expect_eq(*mem(1), 1);
    ab[0] = 65536, ab[1] = 0;
    cr_assert_eq(wasm_call(&t.ex, export("mark_indexed"), ab), WASM_TRAPPED);
    const struct wasm_code *kept = t.m.funcs[7].code;
    cr_expect_eq(kept->words[0], OP(WASM_OP_I32_ADD), "a sum used twice stays an addition");
    cr_expect_eq(kept->words[4], OP(WASM_IOP_I32_ADD_LOAD), "and its load a plain load,");
    cr_expect_eq(kept->words[7], 2, "absorbed by the addition, from local 2 alone");
    memcpy(mem(30), &(uint32_t){1000}, 4);
    uint64_t twice[2] = { 10, 20 };
    cr_assert_eq(wasm_call(&t.ex, export("load_kept"), twice), WASM_DONE);
    cr_expect_eq(wasm_results(&t.ex)[0], 1030);
}
Test(ch15_machine, a_multiply_add_canonicalises_once_with_the_same_bits,
     .init = setup_memops, .fini = teardown_machine)
{
    static const uint64_t cases[][3] = {            /* x, [b + 8], [c] */
        { 0xfff4000000000123u, 0x4000000000000000u, 0x3ff0000000000000u },
        { 0x4000000000000000u, 0x4008000000000000u, 0x7ff0000000000001u },
        { 0x7ff0000000000000u, 0x0000000000000000u, 0x3ff0000000000000u },
        { 0x7fefffffffffffffu, 0x4024000000000000u, 0xfff0000000000000u },
        { 0x8000000000000000u, 0x4014000000000000u, 0x8000000000000000u },
        { 0x0000000000000001u, 0x3fe0000000000000u, 0x0000000000000000u },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint64_t args[3] = { 100, 200, cases[i][0] }, want;
        memcpy(mem(208), &cases[i][1], 8);
        memcpy(mem(100), &cases[i][2], 8);
        want = wasm_f64_add(wasm_f64_mul(cases[i][0], cases[i][1]), cases[i][2]);
        cr_assert_eq(wasm_call(&t.ex, export("mul_add"), args), WASM_DONE);
        cr_expect_eq(f64_bits(f64_at(100)), want, "case %zu: %#llx", i,
                     (unsigned long long)f64_bits(f64_at(100)));
        cr_expect(i > 3 || want == WASM_F64_CANON, "case %zu is the canonical NaN", i);
    }
}
static void setup_shifts(void) { load_fixture_module("shifts.wasm"); }
Test(ch15_machine, shifted_operands_and_threaded_jumps_compile_as_the_book_says,
     .init = setup_shifts, .fini = teardown_machine)
{
    const uint32_t ret = OP(WASM_IOP_RETURN);
    EXPECT_CODE(0, OP(WASM_IOP_SHIFTED_ROTL + WASM_OP_I32_XOR), 2, 0, 1, 7, ret, 1, 2);
    EXPECT_CODE(1, OP(WASM_IOP_SHIFTED_ROTL + WASM_OP_I32_ADD), 2, 0, 1, 27, ret, 1, 2);
    EXPECT_CODE(2, OP(WASM_IOP_SHIFTED_ROTL + WASM_OP_I32_OR), 2, 0, 1, 0, ret, 1, 2);
    EXPECT_CODE(3, OP(WASM_IOP_SHIFTED_SHR_U + WASM_OP_I32_AND), 2, 0, 1, 3, ret, 1, 2);
    EXPECT_CODE(4, OP(WASM_IOP_SHIFTED_SHL + WASM_OP_I32_ADD), 2, 0, 1, 0, ret, 1, 2);
    EXPECT_CODE(5, OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ROTL), 2, 1, 3,
                OP(WASM_IOP_ADD_XOR), 3, 2, 0, 2, ret, 1, 3);
    EXPECT_CODE(6, OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), 1, 1, 3,
                OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), 2, 2, 1,
                OP(WASM_IOP_JUMP_IF_CMP + WASM_OP_I32_GE_U), 2, 0, 14,
                OP(WASM_IOP_JUMP_THEN + WASM_OP_I32_ADD), 0, ret, 1, 1);
    EXPECT_CODE(8, OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), 1, 1, 1,
                OP(WASM_OP_I32_LT_U), 2, 1, 0,
                OP(WASM_IOP_BR_TABLE_SCALED), 2, 2, 32, 0, 1, 0, 2, 2, 0, 22, 2, 2, 0,
                ret, 1, 1);
    EXPECT_CODE(9, OP(WASM_IOP_ADD_AND), 3, 0, 1, 2, ret, 1, 3);
    EXPECT_CODE(10, OP(WASM_IOP_ADD_XOR), 3, 0, 1, 2, ret, 1, 3);
}
Test(ch15_machine, shifted_operands_compute_what_the_unfused_operations_do,
     .init = setup_shifts, .fini = teardown_machine)
{
    static const uint32_t v[] = { 0, 1, 0x80000001u, 0xdeadbeefu, 0xffffffffu, 0x12345678u };
    for (size_t i = 0; i < 6; i++) {
        for (size_t j = 0; j < 6; j++) {
            uint32_t a = v[i], b = v[j], c = v[(i + j) % 6], r3 = b << 3 | b >> 29;
            const struct { const char *name; uint32_t want; } f[] = {
                { "xor_rotl", a ^ (b << 7 | b >> 25) }, { "add_rotr", a + (b >> 5 | b << 27) },
                { "or_rotr0", a | b }, { "and_shr_u", a & b >> 3 }, { "add_shl", a + b },
                { "kept", (a ^ r3) + r3 }, { "add_and", a + (b & c) }, { "add_xor", a + (b ^ c) } };
            for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
                uint64_t args[3] = { a, b, c };
                cr_assert_eq(wasm_call(&t.ex, export(f[k].name), args), WASM_DONE);
                cr_expect_eq(wasm_results(&t.ex)[0], (uint64_t)f[k].want,
                             "%s(%#x, %#x)", f[k].name, a, b);
            }
        }
    }
}
Test(ch15_machine, threaded_jumps_and_scaled_tables_pay_their_fuel,
     .init = setup_shifts, .fini = teardown_machine)
{
    static const struct { const char *name; uint64_t n; uint32_t want; } loops[] = {
        { "spin", 1000, 3000 }, { "walk", 1000, 1000 } };
    for (size_t i = 0; i < 2; i++) {
        uint64_t arg = loops[i].n;
        t.ex.fuel = 10;
        int st = wasm_call(&t.ex, export(loops[i].name), &arg), stops = 0;
        while (st == WASM_OUT_OF_FUEL) {
            stops++;
            t.ex.fuel = 10;
            st = wasm_resume(&t.ex);
        }
        cr_assert_eq(st, WASM_DONE, "%s", loops[i].name);
        cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], loops[i].want, "%s", loops[i].name);
        cr_expect(stops >= 95 && stops <= 105, "%s: %d stops", loops[i].name, stops);
    }
}
Test(ch15_machine, a_table_of_a_scaled_load_wraps_and_traps_like_the_load,
     .init = setup_shifts, .fini = teardown_machine)
{
    static const struct { uint32_t x, want; } ok[] = {
        { 0, 10 }, { 1, 20 }, { 2, 30 }, { 3, 30 }, { 0x40000001u, 20 }, { 0x3ffbu, 10 } };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        uint64_t x = ok[i].x;
        cr_assert_eq(wasm_call(&t.ex, export("table"), &x), WASM_DONE, "%s", t.ex.message);
        cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], ok[i].want, "table(%#x)", ok[i].x);
    }
    uint64_t past[] = { 0x3ffcu, 0x4000u };
    for (size_t i = 0; i < 2; i++) {
        cr_assert_eq(wasm_call(&t.ex, export("table"), &past[i]), WASM_TRAPPED);
        cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
    }
}
Test(ch15_machine, three_rotations_and_memory_operands_compile_as_the_book_says,
     .init = setup_shifts, .fini = teardown_machine)
{
    const uint32_t ret = OP(WASM_IOP_RETURN), rot = OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ROTL);
    const uint32_t xrot = OP(WASM_IOP_SHIFTED_ROTL + WASM_OP_I32_XOR);
    EXPECT_CODE(11, OP(WASM_IOP_XOR_ROTL3), 1, 0, 0, 21, 7, ret, 1, 1);
    EXPECT_CODE(12, OP(WASM_IOP_XOR_ROTL2_SHR), 1, 0, 25, 14, 3, ret, 1, 1);
    EXPECT_CODE(13, rot, 2, 0, 3, xrot, 1, 2, 0, 5, xrot, 2, 1, 0, 7,
                OP(WASM_IOP_RETURN_I32_ADD), 2, 1);
    EXPECT_CODE(14, rot, 2, 0, 3, xrot, 2, 2, 1, 5, xrot, 2, 2, 0, 7, ret, 1, 2);
    EXPECT_CODE(15, OP(WASM_IOP_I32_ADD_LOAD), 2, 0, 1, 8, 4, ret, 1, 2);
    EXPECT_CODE(16, OP(WASM_IOP_I32_ADD_LOAD), 2, 0, 1, 0, 0, ret, 1, 2);
    EXPECT_CODE(17, OP(WASM_IOP_SCALED_XOR_LOAD), 2, 0, 1, 2, 16, 0, ret, 1, 2);
    EXPECT_CODE(18, OP(WASM_OP_I32_XOR), 2, 0, 1, OP(WASM_IOP_SCALED + WASM_OP_I32_LOAD),
                3, 2, 2, 16, 0, OP(WASM_IOP_RETURN_I32_ADD), 3, 2);
}
static uint32_t rl(uint32_t x, unsigned k) { return x << k | x >> (32 - k); }
static uint32_t call2(const char *name, uint32_t a, uint32_t b)
{
    uint64_t args[2] = { a, b };
    cr_assert_eq(wasm_call(&t.ex, export(name), args), WASM_DONE, "%s(%#x, %#x): %s", name,
                 a, b, t.ex.message);
    return (uint32_t)wasm_results(&t.ex)[0];
}
static void expect_trap2(const char *name, uint32_t a, uint32_t b)
{
    uint64_t args[2] = { a, b };
    cr_assert_eq(wasm_call(&t.ex, export(name), args), WASM_TRAPPED, "%s(%#x)", name, b);
    cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
}
Test(ch15_machine, three_rotations_and_memory_operands_compute_what_the_unfused_code_does,
     .init = setup_shifts, .fini = teardown_machine)
{
    static const uint32_t v[] = { 0, 1, 0x80000001u, 0xdeadbeefu, 0xffffffffu, 0x12345678u };
    for (size_t i = 0; i < 6; i++) {
        for (size_t j = 0; j < 6; j++) {
            uint32_t x = v[i], y = v[j], kept = rl(x, 3) ^ rl(x, 5);
            cr_expect_eq(call2("rot3", x, 0), x ^ rl(x, 21) ^ rl(x, 7), "rot3(%#x)", x);
            cr_expect_eq(call2("rot2_shr", x, 0), rl(x, 25) ^ rl(x, 14) ^ x >> 3);
            cr_expect_eq(call2("rot3_kept", x, 0), (kept ^ rl(x, 7)) + kept);
            cr_expect_eq(call2("rot3_mixed", x, y), rl(x, 3) ^ rl(y, 5) ^ rl(x, 7));
        }
    }
    memcpy(mem(100), &(uint32_t){0xfffffff0u}, 4);
    memcpy(mem(8), &(uint32_t){77}, 4);
    memcpy(mem(0xfffc), &(uint32_t){0x11223344u}, 4);
    cr_expect_eq(call2("add_load", 0x20, 88), 0x10);        /* 0x20 + 0xfffffff0 wraps */
    cr_expect_eq(call2("add_load", 5, 0xfffffffcu), 82);     /* + 8 wraps to 4, + 4 */
    cr_expect_eq(call2("add_load", 1, 0xfff0), 0x11223345u);
    cr_expect_eq(call2("load_add", 3, 100), 0xfffffff3u);
    expect_trap2("add_load", 0, 0xfff1);
    expect_trap2("load_add", 0, 0xfffd);
    static const struct { uint32_t a, b, want; } ix[] = {
        { 0x12, 0x12, 0 }, { 1, 3, 2 }, { 3, 0, 7 }, { 0x40000001u, 0, 1 },
        { 0x3fff0000u, 0x3fff3ffbu, 0x11223344u } };
    for (size_t i = 0; i < sizeof ix / sizeof ix[0]; i++) {
        cr_expect_eq(call2("xor_index", ix[i].a, ix[i].b), ix[i].want, "xor_index(%#x, %#x)",
                     ix[i].a, ix[i].b);
        cr_expect_eq(call2("xor_index_kept", ix[i].a, ix[i].b), ix[i].want + (ix[i].a ^ ix[i].b));
    }
    expect_trap2("xor_index", 0x3ffc, 0);
    expect_trap2("xor_index", 0, 0x4000);
}
static void setup_loops(void) { load_fixture_module("loops.wasm"); }

static const uint32_t *words_of(uint32_t f)
{
    const struct wasm_code *code = t.m.funcs[f].code;
    return code->words;
}

static uint32_t loop_call(const char *name, uint32_t x, uint32_t y)
{
    struct wasm_extern e;
    cr_assert(wasm_instance_export(t.inst, name, &e), "no export %s", name);
    uint64_t args[2] = { x, y };
    t.ex.fuel = 1000000;
    cr_assert_eq(wasm_call(&t.ex, e.u.func, args), WASM_DONE, "%s(%#x, %#x)", name, x, y);
    return (uint32_t)wasm_results(&t.ex)[0];
}
Test(ch15_machine, a_step_and_its_branch_are_one_instruction,
     .init = setup_loops, .fini = teardown_machine)
{
    const uint32_t want[] = {
        OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), 1, 1, 1,
        OP(WASM_IOP_STEP_JUMP_IF + WASM_OP_I32_NE), 0, 0, 16, 1024, 0,
        OP(WASM_IOP_RETURN), 1, 1 };
    const struct wasm_code *code = t.m.funcs[0].code;
    cr_assert_eq(code->nwords, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < code->nwords; i++)
        cr_expect_eq(code->words[i], want[i], "word %u", i);
    const uint32_t *other = words_of(8), *target = words_of(9);
    cr_expect_eq(other[0], OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), "other: not fused");
    cr_expect_eq(other[4], OP(WASM_IOP_JUMP_IF_CMP_CONST + WASM_OP_I32_LT_U));
    cr_expect_eq(target[0], OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), "target: not fused");
    cr_expect_eq(target[4], OP(WASM_IOP_JUMP_IF_CMP_CONST + WASM_OP_I32_LT_U));
    cr_expect_eq(target[8], OP(WASM_IOP_STEP_JUMP_IF + WASM_OP_I32_LT_U));
    cr_expect_eq(target[13], 4, "the inner loop's branch goes to its head");
    cr_expect_eq(loop_call("other", 7, 20), 8);
    cr_expect_eq(loop_call("target", 0, 0), 1010);
}
Test(ch15_machine, a_fused_step_computes_what_the_two_instructions_did,
     .init = setup_loops, .fini = teardown_machine)
{
    static const struct { const char *name; uint32_t f, op, x, y, want; } cases[] = {
        { "stride", 0, WASM_IOP_STEP_JUMP_IF + WASM_OP_I32_NE, 0, 0, 64 },
        { "stride", 0, WASM_IOP_STEP_JUMP_IF + WASM_OP_I32_NE, 0xffffff00u, 0, 80 },
        { "ge_s", 2, WASM_IOP_STEP_SLOT_JUMP_IF + WASM_OP_I32_GE_S, 0x7ffffff0u, 4, 0x84000000u },
        { "ge_s", 2, WASM_IOP_STEP_SLOT_JUMP_IF + WASM_OP_I32_GE_S, 0, 0x10000000u, 0x88000000u },
        { "lt_u", 4, WASM_IOP_STEP_JUMP_IF_NOT + WASM_OP_I32_LT_U, 0xf0000000u, 0, 0xe5000000u },
        { "down", 6, WASM_IOP_STEP_SLOT_JUMP_IF + WASM_OP_I32_NE, 0xfffffffdu, 1, 3 },
        { "down", 6, WASM_IOP_STEP_SLOT_JUMP_IF + WASM_OP_I32_NE, 5, 0xffffffffu, 5 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char twin[32];
        snprintf(twin, sizeof twin, "%s_twin", cases[i].name);
        cr_expect_eq(words_of(cases[i].f)[4], OP(cases[i].op), "%s fused",
                     cases[i].name);
        cr_expect_eq(loop_call(cases[i].name, cases[i].x, cases[i].y), cases[i].want,
                     "%s(%#x, %#x)", cases[i].name, cases[i].x, cases[i].y);
        cr_expect_eq(loop_call(twin, cases[i].x, cases[i].y), cases[i].want, "%s", twin);
    }
}
Test(ch15_machine, a_fused_loop_stops_for_fuel_and_resumes,
     .init = setup_loops, .fini = teardown_machine)
{
    struct wasm_extern e;
    cr_assert(wasm_instance_export(t.inst, "stride", &e));
    uint64_t arg = 0xffffff00u;
    t.ex.fuel = 7;
    int st = wasm_call(&t.ex, e.u.func, &arg), stops = 0;
    while (st == WASM_OUT_OF_FUEL && stops < 1000) {
        stops++;
        t.ex.fuel = 7;
        st = wasm_resume(&t.ex);
    }
    cr_assert_eq(st, WASM_DONE, "%d stops", stops);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 80);
    cr_expect(stops >= 10 && stops <= 12, "%d stops", stops);
}
Test(ch15_machine, a_store_and_a_step_are_one_instruction,
     .init = setup_loops, .fini = teardown_machine)
{
    const uint32_t *w = words_of(10), *twin = words_of(11);
    const uint32_t want[] = {
        OP(WASM_IOP_STORE8_STEP_LT_U), 0, 1, 2, 0, 3, 2, 2, 1, 200, 3 };
    for (uint32_t i = 0; i < sizeof want / sizeof want[0]; i++)
        cr_expect_eq(w[3 + i], want[i], "word %u", 3 + i);
    cr_expect_eq(twin[3], OP(WASM_IOP_INDEXED_STORE_CONST + WASM_OP_I32_STORE8));
    cr_expect_eq(twin[9], OP(WASM_IOP_STEP_SLOT_JUMP_IF + WASM_OP_I32_LT_U));
}
static void cross_both(uint32_t base, uint32_t step)
{
    static uint8_t first[256];
    memset(mem(0), 0, 65536);
    uint32_t j = loop_call("cross", base, step);
    memcpy(first, mem(0), sizeof first);
    uint32_t big = memcmp(mem(sizeof first), mem(sizeof first + 1), 65535 - sizeof first);
    memset(mem(0), 0, 65536);
    cr_expect_eq(loop_call("cross_twin", base, step), j, "cross(%#x, %u)", base, step);
    cr_expect_arr_eq(mem(0), first, sizeof first, "cross(%#x, %u)", base, step);
    cr_expect_eq(big, 0, "nothing written above 255");
}

Test(ch15_machine, a_fused_store_and_step_compute_what_the_two_did,
     .init = setup_loops, .fini = teardown_machine)
{
    cross_both(0, 7);
    cr_expect_eq(*mem(3 + 7), 1);
    cr_expect_eq(*mem(3 + 196), 1);
    cr_expect_eq(*mem(3 + 203), 0);
    cross_both(0xfffffff0u, 32);
    cr_expect_eq(*mem(0x10 + 3), 1, "0xfffffff0 + 32 wraps to 16");
    cr_expect_eq(*mem(0xb0 + 3), 1, "and 0xfffffff0 + 192 to 176");
    cross_both(0x20, 1);
}
Test(ch15_machine, a_fused_store_traps_before_its_step,
     .init = setup_loops, .fini = teardown_machine)
{
    const char *names[] = { "cross", "cross_twin" };
    for (int n = 0; n < 2; n++) {
        struct wasm_extern e;
        cr_assert(wasm_instance_export(t.inst, names[n], &e));
        memset(mem(0), 0, 65536);
        uint64_t args[2] = { 65500, 10 };
        t.ex.fuel = 3;
        cr_expect_eq(wasm_call(&t.ex, e.u.func, args), WASM_TRAPPED, "%s", names[n]);
        cr_expect_eq(t.ex.trap, WASM_TRAP_MEMORY_OOB);
        cr_expect_eq(t.ex.fuel, 0, "%s: no fuel spent by the trapping round", names[n]);
        cr_expect(*mem(65513) && *mem(65523) && *mem(65533), "%s", names[n]);
        cr_expect_eq(*mem(65503), 0);
    }
}
Test(ch15_machine, a_fused_store_and_step_stop_for_fuel_and_resume,
     .init = setup_loops, .fini = teardown_machine)
{
    struct wasm_extern e;
    cr_assert(wasm_instance_export(t.inst, "cross", &e));
    uint64_t args[2] = { 0x1000, 1 };
    t.ex.fuel = 7;
    int st = wasm_call(&t.ex, e.u.func, args), stops = 0;
    cr_assert_eq(st, WASM_OUT_OF_FUEL);
    cr_expect_eq(*mem(0x1000 + 7 + 3), 1, "the seventh round's store is done");
    cr_expect_eq(*mem(0x1000 + 8 + 3), 0, "the stopped round's store is not");
    while (st == WASM_OUT_OF_FUEL && stops < 1000) {
        stops++;
        t.ex.fuel = 7;
        st = wasm_resume(&t.ex);
    }
    cr_assert_eq(st, WASM_DONE, "%d stops", stops);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 200);
    cr_expect_eq(stops, 28, "%d stops", stops);
    for (uint32_t j = 1; j < 201; j++)
        cr_expect_eq(*mem(0x1000 + j + 3), j < 200, "byte of j = %u", j);
}
