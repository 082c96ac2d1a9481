/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include "wasm_interp.h"
#include "wasm_code.h"
#include "wasm_validate.h"

uint32_t crc32_run(uint32_t n), sieve_run(uint32_t n), fib_run(uint32_t n),
    matmul_run(uint32_t n), sha256_run(uint32_t n), vm_run(uint32_t n);

static const struct {
    const char *name;
    uint32_t (*native)(uint32_t n);
    uint32_t n;
} programs[] = {
    { "crc32", crc32_run, 2 }, { "sieve", sieve_run, 1 }, { "fib", fib_run, 20 },
    { "matmul", matmul_run, 2 }, { "sha256", sha256_run, 2 }, { "vm", vm_run, 300 },
};

static void *b_alloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static void b_free(void *ctx, void *p) { (void)ctx; free(p); }
static const struct wasm_alloc heap = { b_alloc, b_free, NULL, 0 };

static uint8_t *read_program(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.wasm", HYPHA_BENCH_DIR, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    uint8_t *bytes = malloc(65536);
    *len = fread(bytes, 1, 65536, f);
    fclose(f);
    cr_assert(*len > 0 && *len < 65536, "%s: unexpected size %zu", path, *len);
    return bytes;
}
Test(ch15_bench, every_benchmark_program_agrees_with_native_code)
{
    for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
        size_t len;
        uint8_t *bytes = read_program(programs[i].name, &len);
        struct wasm_module m;
        struct wasm_error err = {0};
        struct wasm_exec ex;
        struct wasm_instance *inst;
        struct wasm_limits_config limits = { 64, 64 };
        cr_assert_eq(wasm_load(&m, bytes, len, &heap, &err), 0, "%s", err.message);
        cr_assert_eq(wasm_validate(&m, &err), 0, "%s", err.message);
        cr_assert_eq(wasm_exec_init(&ex, &heap, 4096, 256), 0);
        cr_assert_eq(wasm_instantiate(&inst, &m, &limits, NULL, NULL, &ex, &err),
                     WASM_INST_OK, "%s: %s", programs[i].name, err.message);
        struct wasm_extern run;
        cr_assert(wasm_instance_export(inst, "run", &run), "%s: no run", programs[i].name);
        uint64_t arg = programs[i].n;
        cr_assert_eq(wasm_call(&ex, run.u.func, &arg), WASM_DONE, "%s", programs[i].name);
        cr_assert_eq((uint32_t)wasm_results(&ex)[0], programs[i].native(programs[i].n),
                     "%s: the engine and native code disagree", programs[i].name);
        wasm_instance_free(inst);
        wasm_exec_free(&ex);
        wasm_compile_free(&m);
        wasm_module_free(&m);
        free(bytes);
    }
}
