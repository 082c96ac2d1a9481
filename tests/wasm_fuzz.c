/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
/* libFuzzer target: load, validate, instantiate and run a module. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "wasm_interp.h"
#include "wasm_code.h"
#include "wasm_validate.h"

static void *f_alloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static void f_free(void *ctx, void *p) { (void)ctx; free(p); }
static const struct wasm_alloc fuzz_alloc = { f_alloc, f_free, NULL, 16u << 20 };

#define MAX_STUBS 256
struct stubs {
    const struct wasm_module *m;
    struct wasm_funcinst funcs[MAX_STUBS];
    struct wasm_table tables[MAX_STUBS];
    struct wasm_memory memories[MAX_STUBS];
    struct wasm_globalinst globals[MAX_STUBS];
    unsigned n;
};

static int return_zeros(void *ctx, struct wasm_exec *ex, uint64_t *slots)
{
    const struct wasm_funcinst *f = ctx;
    (void)ex;
    memset(slots, 0, f->type.nresults * sizeof(uint64_t));
    return WASM_DONE;
}
static int stub(void *ctx, const struct wasm_import *imp, struct wasm_extern *out)
{
    struct stubs *s = ctx;
    unsigned i = s->n++;
    if (i >= MAX_STUBS)
        return -1;
    out->kind = imp->kind;
    if (imp->kind == WASM_EXTERN_FUNC) {
        s->funcs[i] = (struct wasm_funcinst){ .type = s->m->types[imp->desc.type_index],
                                              .host = return_zeros, .host_ctx = &s->funcs[i] };
        out->u.func = &s->funcs[i];
    } else if (imp->kind == WASM_EXTERN_TABLE) {
        const struct wasm_tabletype *tt = &imp->desc.table;
        s->tables[i] = (struct wasm_table){ .reftype = tt->reftype, .has_max = tt->limits.has_max,
            .max = (uint32_t)tt->limits.max, .limit = 1000, .alloc = &fuzz_alloc };
        if (tt->limits.min > 1000 || wasm_table_grow(&s->tables[i], (uint32_t)tt->limits.min, 0) < 0)
            return -1;
        out->u.table = &s->tables[i];
    } else if (imp->kind == WASM_EXTERN_MEMORY) {
        const struct wasm_limits *l = &imp->desc.memory;
        s->memories[i] = (struct wasm_memory){ .has_max = l->has_max, .max = (uint32_t)l->max,
                                               .limit = 16, .alloc = &fuzz_alloc };
        if (l->min > 16 || wasm_memory_grow(&s->memories[i], (uint32_t)l->min) < 0)
            return -1;
        out->u.memory = &s->memories[i];
    } else {
        s->globals[i] = (struct wasm_globalinst){ imp->desc.global.valtype,
                                                  imp->desc.global.mutable_, 0 };
        out->u.global = &s->globals[i];
    }
    return 0;
}
static void run_exports(struct wasm_instance *inst, struct wasm_exec *ex)
{
    static uint64_t zeros[1024];
    const struct wasm_module *m = inst->module;
    for (uint32_t i = 0; i < m->nexports; i++) {
        if (m->exports[i].kind != WASM_EXTERN_FUNC)
            continue;
        struct wasm_funcinst *f = inst->funcs[m->exports[i].index];
        if (f->type.nparams > 1024)
            continue;
        ex->fuel = 10000;
        wasm_call(ex, f, zeros);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *bytes = malloc(size ? size : 1);
    memcpy(bytes, data, size);
    struct wasm_module m;
    struct wasm_error err;
    static struct stubs s;
    struct wasm_exec ex;
    struct wasm_instance *inst = NULL;
    struct wasm_limits_config limits = { 16, 1000 };
    memset(&s, 0, sizeof s);
    s.m = &m;
    if (wasm_load(&m, bytes, size, &fuzz_alloc, &err) == 0) {
        if (wasm_validate(&m, &err) == 0 && wasm_exec_init(&ex, &fuzz_alloc, 1u << 16, 500) == 0) {
            if (wasm_instantiate(&inst, &m, &limits, stub, &s, &ex, &err) == WASM_INST_OK)
                run_exports(inst, &ex);
            wasm_instance_free(inst);
            wasm_exec_free(&ex);
        }
        wasm_compile_free(&m);
        wasm_module_free(&m);
    }
    for (unsigned i = 0; i < s.n && i < MAX_STUBS; i++) {
        free(s.tables[i].elems);
        free(s.memories[i].data);
    }
    free(bytes);
    return 0;
}
