/* Generated from chapters/14-wasm-validate.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "console.h"
#include "kalloc.h"
#include "kstring.h"
#include "ktest.h"
#include "wasm_validate.h"

static void *kernel_alloc(void *ctx, size_t n) { (*(long *)ctx)++; return kmalloc(n); }
static void kernel_free(void *ctx, void *p) { (*(long *)ctx)--; kfree(p); }

static int load_and_validate(const uint8_t *bytes, size_t n, long *live,
                             struct wasm_error *err)
{
    struct wasm_alloc a = {kernel_alloc, kernel_free, live, 0};
    struct wasm_module m;
    if (wasm_load(&m, bytes, n, &a, err) < 0)
        return -1;
    int r = wasm_validate(&m, err);
    wasm_module_free(&m);
    return r;
}

KTEST(ch14_validator_runs_in_the_kernel)
{
    static const char want[] = "func 0, offset 0x1d: type mismatch: "
                               "i32.add expects [i32 i32], found [i32 i64]";
    uint8_t module[] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
                        0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
                        0x03, 0x02, 0x01, 0x00,
                        0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x41, 0x01, 0x6a, 0x0b};
    struct wasm_error err;
    long live = 0;
    KT_ASSERT_EQ(load_and_validate(module, sizeof module, &live, &err), 0);
    KT_ASSERT_EQ(live, 0);
    module[0x1b] = 0x42;                        /* i32.const 1 becomes i64.const 1 */
    KT_ASSERT_EQ(load_and_validate(module, sizeof module, &live, &err), -1);
    kprintf("ch14: %s\n", err.message);
    KT_ASSERT(memcmp(err.message, want, sizeof want) == 0);
    KT_ASSERT_EQ(live, 0);
}
