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

static void setup_machine(uint32_t slots, uint32_t depth, uint32_t max_pages)
{
    char path[512];
    snprintf(path, sizeof path, "%s/wasm-interp/machine.wasm", HYPHA_FIXTURES);
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
Test(ch15_machine, a_local_written_under_a_pending_read_keeps_its_old_value,
     .init = setup, .fini = teardown_machine)
{
    uint64_t five = 5;
    cr_assert_eq(wasm_call(&t.ex, export("old"), &five), WASM_DONE);
    cr_expect_eq((uint32_t)wasm_results(&t.ex)[0], 15, "5 read before the writes, + 10");
    const uint32_t want[] = {
        OP(WASM_IOP_COPY), 1, 0, OP(WASM_IOP_CONST32), 0, 1,
        OP(WASM_IOP_WITH_CONST + WASM_OP_I32_MUL), 0, 0, 10,
        OP(WASM_OP_I32_ADD), 1, 1, 0, OP(WASM_IOP_RETURN), 1, 1 };
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
static struct { uint8_t *bytes; struct wasm_module m; struct wasm_instance *inst; } lp;

static void setup_loops(void)
{
    setup();
    FILE *f = fopen(HYPHA_FIXTURES "/wasm-interp/loops.wasm", "rb");
    cr_assert_not_null(f, "cannot open loops.wasm");
    lp.bytes = malloc(4096);
    size_t len = fread(lp.bytes, 1, 4096, f);
    fclose(f);
    struct wasm_error err = {0};
    struct wasm_limits_config limits = { 1, 10 };
    cr_assert_eq(wasm_load(&lp.m, lp.bytes, len, &allocator, &err), 0, "%s", err.message);
    cr_assert_eq(wasm_instantiate(&lp.inst, &lp.m, &limits, NULL, NULL, &t.ex, &err),
                 WASM_INST_OK, "%s", err.message);
}

static void teardown_loops(void)
{
    wasm_instance_free(lp.inst);
    wasm_compile_free(&lp.m);
    wasm_module_free(&lp.m);
    free(lp.bytes);
    memset(&lp, 0, sizeof lp);
    teardown_machine();
}

static const uint32_t *words_of(uint32_t f)
{
    const struct wasm_code *code = lp.m.funcs[f].code;
    return code->words;
}

static uint32_t loop_call(const char *name, uint32_t x, uint32_t y)
{
    struct wasm_extern e;
    cr_assert(wasm_instance_export(lp.inst, name, &e), "no export %s", name);
    uint64_t args[2] = { x, y };
    t.ex.fuel = 1000000;
    cr_assert_eq(wasm_call(&t.ex, e.u.func, args), WASM_DONE, "%s(%#x, %#x)", name, x, y);
    return (uint32_t)wasm_results(&t.ex)[0];
}
Test(ch15_machine, a_step_and_its_branch_are_one_instruction,
     .init = setup_loops, .fini = teardown_loops)
{
    const uint32_t want[] = {
        OP(WASM_IOP_WITH_CONST + WASM_OP_I32_ADD), 1, 1, 1,
        OP(WASM_IOP_STEP_JUMP_IF + WASM_OP_I32_NE), 0, 0, 16, 1024, 0,
        OP(WASM_IOP_RETURN), 1, 1 };
    const struct wasm_code *code = lp.m.funcs[0].code;
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
     .init = setup_loops, .fini = teardown_loops)
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
     .init = setup_loops, .fini = teardown_loops)
{
    struct wasm_extern e;
    cr_assert(wasm_instance_export(lp.inst, "stride", &e));
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
