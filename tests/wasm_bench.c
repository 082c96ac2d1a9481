/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* make bench-wasm: the engine of chapters 13-15 against native code. */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "wasm_interp.h"
#include "wasm_code.h"
#include "wasm_validate.h"

uint32_t crc32_run(uint32_t n), sieve_run(uint32_t n), fib_run(uint32_t n),
    matmul_run(uint32_t n), sha256_run(uint32_t n), vm_run(uint32_t n);

static const struct bench {
    const char *name;
    uint32_t (*native)(uint32_t n);
    uint32_t n;
} benches[] = {
    { "crc32", crc32_run, 300 },
    { "sieve", sieve_run, 20 },
    { "fib", fib_run, 35 },
    { "matmul", matmul_run, 30 },
    { "sha256", sha256_run, 300 },
    { "vm", vm_run, 20000 },
};
#define NBENCH (sizeof benches / sizeof benches[0])
#define RUNS 3
static size_t allocated;                /* bytes the engine holds now */

static void *count_alloc(void *ctx, size_t n)
{
    (void)ctx;
    size_t *p = malloc(n + 16);
    if (p == NULL)
        return NULL;
    p[0] = n;
    allocated += n;
    return (char *)p + 16;
}

static void count_free(void *ctx, void *q)
{
    (void)ctx;
    size_t *p = (size_t *)((char *)q - 16);
    allocated -= p[0];
    free(p);
}

static const struct wasm_alloc counting = { count_alloc, count_free, NULL, 0 };
static clockid_t bench_clock = CLOCK_MONOTONIC;

static double now(void)
{
    struct timespec t;
    clock_gettime(bench_clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    uint8_t *bytes = NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (bytes = malloc((size_t)n + 1)) != NULL)
        *len = fread(bytes, 1, (size_t)n, f);
    fclose(f);
    return bytes;
}
struct loaded {
    uint8_t *bytes;
    struct wasm_module m;
    struct wasm_instance *inst;
    struct wasm_exec ex;
    struct wasm_funcinst *run;
    size_t module_bytes, code_bytes, instance_bytes, memory_bytes;
};

static int no_imports(void *ctx, const struct wasm_import *imp, struct wasm_extern *out)
{
    (void)ctx; (void)imp; (void)out;
    return -1;
}

static int load_bench(const char *dir, const struct bench *b, struct loaded *l)
{
    char path[512];
    struct wasm_error err = {0};
    struct wasm_limits_config limits = { 1024, 1024 };
    snprintf(path, sizeof path, "%s/%s.wasm", dir, b->name);
    size_t len = 0, before = allocated;
    if ((l->bytes = read_file(path, &len)) == NULL)
        return fprintf(stderr, "bench-wasm: cannot read %s\n", path), -1;
    if (wasm_load(&l->m, l->bytes, len, &counting, &err) < 0 || wasm_validate(&l->m, &err) < 0)
        return fprintf(stderr, "bench-wasm: %s: %s\n", path, err.message), -1;
    l->module_bytes = allocated - before;
    if (wasm_compile(&l->m, &err) < 0)
        return fprintf(stderr, "bench-wasm: %s: %s\n", path, err.message), -1;
    l->code_bytes = allocated - before - l->module_bytes;
    if (wasm_exec_init(&l->ex, &counting, 16384, 512) < 0)
        return fprintf(stderr, "bench-wasm: out of memory\n"), -1;
    before = allocated;
    if (wasm_instantiate(&l->inst, &l->m, &limits, no_imports, NULL, &l->ex, &err) != WASM_INST_OK)
        return fprintf(stderr, "bench-wasm: %s: %s\n", path, err.message), -1;
    l->instance_bytes = allocated - before;
    l->memory_bytes = l->inst->memories[0] ? l->inst->memories[0]->size : 0;
    struct wasm_extern x;
    if (!wasm_instance_export(l->inst, "run", &x) || x.kind != WASM_EXTERN_FUNC)
        return fprintf(stderr, "bench-wasm: %s exports no function run\n", path), -1;
    l->run = x.u.func;
    return 0;
}
static void free_bench(struct loaded *l)
{
    wasm_instance_free(l->inst);
    if (l->ex.stack != NULL || l->ex.frames != NULL)
        wasm_exec_free(&l->ex);
    if (l->m.funcs != NULL) {
        wasm_compile_free(&l->m);
        wasm_module_free(&l->m);
    }
    free(l->bytes);
}
static int time_bench(const struct bench *b, struct loaded *l, double *native, double *engine)
{
    *native = *engine = INFINITY;
    for (int r = 0; r < RUNS; r++) {
        uint64_t arg = b->n;
        double t0 = now();
        uint32_t expected = b->native(b->n);
        double t1 = now();
        l->ex.fuel = INT64_MAX;
        int status = wasm_call(&l->ex, l->run, &arg);
        double t2 = now();
        if (status != WASM_DONE)
            return fprintf(stderr, "bench-wasm: %s: status %d: %s\n", b->name, status,
                           status == WASM_TRAPPED ? l->ex.message : "stopped"), -1;
        uint32_t got = (uint32_t)wasm_results(&l->ex)[0];
        if (got != expected)
            return fprintf(stderr, "bench-wasm: %s: the engine says %u, native code %u\n",
                           b->name, got, expected), -1;
        *native = fmin(*native, t1 - t0);
        *engine = fmin(*engine, t2 - t1);
    }
    return 0;
}
int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".", *only = argc > 2 ? argv[2] : NULL;
    double logs = 0;
    int measured = 0;
    if (getenv("BENCH_CLOCK") != NULL && strcmp(getenv("BENCH_CLOCK"), "cpu") == 0)
        bench_clock = CLOCK_THREAD_CPUTIME_ID;
    printf("%s time, best of %d runs\n", bench_clock == CLOCK_MONOTONIC ? "elapsed" : "CPU", RUNS);
    printf("%-8s %6s %10s %10s %7s %9s %8s %10s %10s\n", "program", "n", "native ms",
           "engine ms", "ratio", "module B", "code B", "instance B", "memory KiB");
    for (size_t i = 0; i < NBENCH; i++) {
        const struct bench *b = &benches[i];
        if (only != NULL && strcmp(only, b->name) != 0)
            continue;
        struct loaded l = {0};
        double native, engine;
        if (load_bench(dir, b, &l) < 0 || time_bench(b, &l, &native, &engine) < 0) {
            free_bench(&l);
            return 1;
        }
        free_bench(&l);
        if (allocated != 0)
            return fprintf(stderr, "bench-wasm: %s: %zu bytes leaked\n", b->name, allocated), 1;
        logs += log(engine / native);
        measured++;
        printf("%-8s %6u %10.2f %10.2f %6.1fx %9zu %8zu %10zu %10zu\n", b->name, b->n,
               native * 1e3, engine * 1e3, engine / native, l.module_bytes, l.code_bytes,
               l.instance_bytes - l.memory_bytes, l.memory_bytes / 1024);
    }
    if (measured > 0)
        printf("geometric mean of the ratios: %.1fx (target: at most 8x)\n"
               "a run (16384 slots, 512 frames): %zu bytes\n", exp(logs / measured),
               (size_t)16384 * sizeof(uint64_t) + 512 * sizeof(struct wasm_frame));
    return measured > 0 ? 0 : 1;
}
