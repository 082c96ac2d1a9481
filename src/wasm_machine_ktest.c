/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "kalloc.h"
#include "ktest.h"
#include "wasm_code.h"
#include "wasm_interp.h"
#include "wasm_validate.h"

extern const uint8_t wasm_machine_start[], wasm_machine_end[];

static void *k_alloc(void *ctx, size_t n) { (void)ctx; return kmalloc(n); }
static void k_free(void *ctx, void *p) { (void)ctx; kfree(p); }
static const struct wasm_alloc kernel_alloc = { k_alloc, k_free, NULL, 0 };

static int ask(void *ctx, struct wasm_exec *ex, uint64_t *slots)
{
    (void)ctx; (void)ex;
    slots[0] = (uint32_t)slots[0] * 10;
    return WASM_DONE;
}

static const uint8_t i32x1[] = {WASM_I32};
static struct wasm_funcinst ask_func = { .type = {1, 1, i32x1, i32x1}, .host = ask };

static int resolve(void *ctx, const struct wasm_import *imp, struct wasm_extern *out)
{
    (void)ctx; (void)imp;
    out->kind = WASM_EXTERN_FUNC;
    out->u.func = &ask_func;
    return 0;
}

static int call(struct wasm_exec *ex, struct wasm_instance *inst, const char *name,
                const uint64_t *args)
{
    struct wasm_extern x;
    if (!wasm_instance_export(inst, name, &x) || x.kind != WASM_EXTERN_FUNC)
        return -1;
    return wasm_call(ex, x.u.func, args);
}
KTEST(ch15_wasm_runs_in_the_kernel)
{
    static struct wasm_module m;
    static struct wasm_exec ex;
    struct wasm_instance *inst;
    struct wasm_error err;
    struct wasm_limits_config limits = { 4, 100 };
    size_t len = (size_t)(wasm_machine_end - wasm_machine_start);
    KT_ASSERT(wasm_load(&m, wasm_machine_start, len, &kernel_alloc, &err) == 0);
    KT_ASSERT(wasm_validate(&m, &err) == 0);
    KT_ASSERT(wasm_exec_init(&ex, &kernel_alloc, 4096, 200) == 0);
    KT_ASSERT(wasm_instantiate(&inst, &m, &limits, resolve, NULL, &ex, &err) == WASM_INST_OK);
    uint64_t n = 20, thousand = 1000, zero[2] = {1, 0};
    uint64_t three_four[2] = {0x4008000000000000ull, 0x4010000000000000ull}, half = 0x40200000;
    KT_ASSERT_EQ(call(&ex, inst, "fib", &n), WASM_DONE);
    KT_ASSERT_EQ(wasm_results(&ex)[0], 6765);
    int stops = 0, st;
    ex.fuel = 10;
    for (st = call(&ex, inst, "count", &thousand); st == WASM_OUT_OF_FUEL; st = wasm_resume(&ex)) {
        stops++;
        ex.fuel = 10;
    }
    KT_ASSERT_EQ(st, WASM_DONE);
    KT_ASSERT_EQ((uint32_t)wasm_results(&ex)[0], 1000);
    ex.fuel = INT64_MAX;
    KT_ASSERT_EQ(call(&ex, inst, "div", zero), WASM_TRAPPED);
    KT_ASSERT_EQ(ex.trap, WASM_TRAP_DIV_ZERO);
    KT_ASSERT_EQ(call(&ex, inst, "hypot", three_four), WASM_DONE);
    KT_ASSERT_EQ(wasm_results(&ex)[0], 0x4014000000000000ull);
    KT_ASSERT_EQ(call(&ex, inst, "nearest", &half), WASM_DONE);
    KT_ASSERT_EQ((uint32_t)wasm_results(&ex)[0], 0x40000000u);
    kprintf("wasm: fib(20) = 6765, count(1000) stopped %d times for fuel, "
            "hypot(3, 4) = 5, nearest(2.5) = 2\n", stops);
    wasm_instance_free(inst);
    wasm_exec_free(&ex);
    wasm_compile_free(&m);
    wasm_module_free(&m);
}
