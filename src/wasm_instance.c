/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_interp.h"
#include "wasm_code.h"
#include "kprintf.h"
#include "kstring.h"

#define PAGE 65536u

static void *zalloc(const struct wasm_alloc *a, size_t n)
{
    void *p = a->alloc(a->ctx, n ? n : 1);
    if (p) memset(p, 0, n ? n : 1);
    return p;
}

static void release(const struct wasm_alloc *a, void *p)
{
    if (p) a->free(a->ctx, p);
}
bool wasm_functype_equal(const struct wasm_functype *a, const struct wasm_functype *b)
{
    if (a->nparams != b->nparams || a->nresults != b->nresults)
        return false;
    if (a->params == b->params && a->results == b->results)
        return true;
    return (a->nparams == 0 || memcmp(a->params, b->params, a->nparams) == 0) &&
           (a->nresults == 0 || memcmp(a->results, b->results, a->nresults) == 0);
}
int64_t wasm_memory_grow(struct wasm_memory *m, uint32_t delta)
{
    uint32_t old = m->pages;
    if (delta == 0)
        return old;
    if ((uint64_t)old + delta > m->limit || (uint64_t)old + delta > (SIZE_MAX >> 16))
        return -1;
    size_t size = (size_t)(old + delta) * PAGE;
    uint8_t *p = m->alloc->alloc(m->alloc->ctx, size);
    if (p == NULL)
        return -1;
    if (m->size) memcpy(p, m->data, m->size);
    memset(p + m->size, 0, size - m->size);
    release(m->alloc, m->data);
    m->data = p;
    m->size = size;
    m->pages = old + delta;
    return old;
}
int64_t wasm_table_grow(struct wasm_table *t, uint32_t delta, uint64_t init)
{
    uint32_t old = t->size;
    if ((uint64_t)old + delta > t->limit)
        return -1;
    if (delta == 0)
        return old;
    uint64_t *p = t->alloc->alloc(t->alloc->ctx, ((size_t)old + delta) * sizeof(uint64_t));
    if (p == NULL)
        return -1;
    if (old) memcpy(p, t->elems, (size_t)old * sizeof(uint64_t));
    for (uint32_t i = old; i < old + delta; i++)
        p[i] = init;
    release(t->alloc, t->elems);
    t->elems = p;
    t->size = old + delta;
    return old;
}
static int eval_const(struct wasm_instance *inst, const struct wasm_expr *e, uint64_t *out)
{
    const struct wasm_module *m = inst->module;
    struct wasm_reader r = { .bytes = m->bytes, .pos = e->offset, .end = e->offset + e->len,
        .size = (uint32_t)m->len, .where = "constant expression", .span = "expression" };
    struct wasm_instr in;
    uint64_t v = 0;
    while (wasm_read_instr(&r, &in) == 0) {
        switch (in.op) {
        case WASM_OP_I32_CONST: case WASM_OP_I64_CONST:
        case WASM_OP_F32_CONST: case WASM_OP_F64_CONST: v = in.bits; break;
        case WASM_OP_REF_NULL: v = 0; break;
        case WASM_OP_REF_FUNC: v = (uintptr_t)inst->funcs[in.x]; break;
        case WASM_OP_GLOBAL_GET: v = inst->globals[in.x]->value; break;
        case WASM_OP_END: *out = v; return 0;
        default: return -1;
        }
    }
    return -1;
}
static bool limits_fit(uint64_t size, bool has_max, uint64_t max, const struct wasm_limits *want)
{
    return size >= want->min && (!want->has_max || (has_max && max <= want->max));
}

static bool import_fits(const struct wasm_module *m, const struct wasm_import *imp,
                        const struct wasm_extern *x)
{
    if (x->kind != imp->kind)
        return false;
    switch (imp->kind) {
    case WASM_EXTERN_FUNC:
        return wasm_functype_equal(&x->u.func->type, &m->types[imp->desc.type_index]);
    case WASM_EXTERN_TABLE:
        return x->u.table->reftype == imp->desc.table.reftype &&
               limits_fit(x->u.table->size, x->u.table->has_max, x->u.table->max,
                          &imp->desc.table.limits);
    case WASM_EXTERN_MEMORY:
        return limits_fit(x->u.memory->pages, x->u.memory->has_max, x->u.memory->max,
                          &imp->desc.memory);
    default:
        return x->u.global->valtype == imp->desc.global.valtype &&
               x->u.global->mutable_ == imp->desc.global.mutable_;
    }
}
static void name_to_string(char *dst, size_t size, const struct wasm_name *name)
{
    size_t n = name->len < size - 1 ? name->len : size - 1;
    memcpy(dst, name->bytes, n);
    dst[n] = '\0';
}

static int fail(struct wasm_error *err, const char *what, const struct wasm_import *imp)
{
    char module[64], field[64];
    if (imp) {
        name_to_string(module, sizeof module, &imp->module);
        name_to_string(field, sizeof field, &imp->name);
        ksnprintf(err->message, sizeof err->message, "%s \"%s\" \"%s\"", what, module, field);
    } else {
        ksnprintf(err->message, sizeof err->message, "%s", what);
    }
    return -1;
}

static int link_imports(struct wasm_instance *inst, wasm_resolver resolve, void *ctx,
                        struct wasm_error *err)
{
    uint32_t nf = 0, nt = 0, nm = 0, ng = 0;
    for (uint32_t i = 0; i < inst->module->nimports; i++) {
        const struct wasm_import *imp = &inst->module->imports[i];
        struct wasm_extern x;
        if (resolve == NULL || resolve(ctx, imp, &x) != 0)
            return fail(err, "unknown import", imp);
        if (!import_fits(inst->module, imp, &x))
            return fail(err, "incompatible import type", imp);
        switch (imp->kind) {
        case WASM_EXTERN_FUNC: inst->funcs[nf++] = x.u.func; break;
        case WASM_EXTERN_TABLE: inst->tables[nt++] = x.u.table; break;
        case WASM_EXTERN_MEMORY: inst->memories[nm++] = x.u.memory; break;
        default: inst->globals[ng++] = x.u.global; break;
        }
    }
    return 0;
}
static int define_functions(struct wasm_instance *inst)
{
    const struct wasm_module *m = inst->module;
    for (uint32_t i = 0; i < m->nfuncs; i++) {
        struct wasm_funcinst *f = &inst->own_funcs[i];
        f->type = m->types[m->funcs[i].type_index];
        f->inst = inst;
        f->code = m->funcs[i].code;
        inst->funcs[m->nfunc_imports + i] = f;
    }
    return 0;
}
static int define_tables_and_memories(struct wasm_instance *inst, struct wasm_error *err)
{
    const struct wasm_module *m = inst->module;
    for (uint32_t i = 0; i < m->ntables; i++) {
        struct wasm_table *t = &inst->own_tables[i];
        const struct wasm_tabletype *tt = &m->tables[i];
        t->reftype = tt->reftype;
        t->has_max = tt->limits.has_max;
        t->max = (uint32_t)tt->limits.max;
        t->limit = t->has_max && t->max < inst->limits.max_table_size ? t->max
                                                                      : inst->limits.max_table_size;
        t->alloc = &inst->alloc;
        if (tt->limits.min > t->limit || wasm_table_grow(t, (uint32_t)tt->limits.min, 0) < 0)
            return fail(err, "table too large for this engine", NULL);
        inst->tables[m->ntable_imports + i] = t;
    }
    for (uint32_t i = 0; i < m->nmemories; i++) {
        struct wasm_memory *mem = &inst->own_memories[i];
        const struct wasm_limits *l = &m->memories[i];
        mem->has_max = l->has_max;
        mem->max = (uint32_t)l->max;
        mem->limit = mem->has_max && mem->max < inst->limits.max_memory_pages
                         ? mem->max : inst->limits.max_memory_pages;
        mem->alloc = &inst->alloc;
        if (l->min > mem->limit || wasm_memory_grow(mem, (uint32_t)l->min) < 0)
            return fail(err, "memory too large for this engine", NULL);
        inst->memories[m->nmemory_imports + i] = mem;
    }
    return 0;
}
static int define_globals_and_segments(struct wasm_instance *inst, struct wasm_error *err)
{
    const struct wasm_module *m = inst->module;
    for (uint32_t i = 0; i < m->nglobals; i++) {
        struct wasm_globalinst *g = &inst->own_globals[i];
        g->valtype = m->globals[i].type.valtype;
        g->mutable_ = m->globals[i].type.mutable_;
        if (eval_const(inst, &m->globals[i].init, &g->value) < 0)
            return fail(err, "bad global initialiser", NULL);
        inst->globals[m->nglobal_imports + i] = g;
    }
    for (uint32_t i = 0; i < m->nelems; i++) {
        const struct wasm_elem *e = &m->elems[i];
        struct wasm_elemseg *s = &inst->elems[i];
        if ((s->refs = zalloc(&inst->alloc, (size_t)e->count * sizeof(uint64_t))) == NULL)
            return fail(err, "out of memory", NULL);
        s->count = e->count;
        for (uint32_t k = 0; k < e->count; k++) {
            if (e->funcs)
                s->refs[k] = (uintptr_t)inst->funcs[e->funcs[k]];
            else if (eval_const(inst, &e->items[k], &s->refs[k]) < 0)
                return fail(err, "bad element expression", NULL);
        }
    }
    return 0;
}
static enum wasm_trap copy_segments(struct wasm_instance *inst)
{
    const struct wasm_module *m = inst->module;
    uint64_t off;
    for (uint32_t i = 0; i < m->nelems; i++) {
        struct wasm_elemseg *s = &inst->elems[i];
        if (m->elems[i].mode == WASM_SEG_ACTIVE) {
            struct wasm_table *t = inst->tables[m->elems[i].table];
            if (eval_const(inst, &m->elems[i].offset, &off) < 0 ||
                (uint64_t)(uint32_t)off + s->count > t->size)
                return WASM_TRAP_TABLE_OOB;
            if (s->count)
                memcpy(t->elems + (uint32_t)off, s->refs, (size_t)s->count * sizeof(uint64_t));
        }
        if (m->elems[i].mode != WASM_SEG_PASSIVE)
            s->count = 0;
    }
    for (uint32_t i = 0; i < m->ndatas; i++) {
        const struct wasm_data *d = &m->datas[i];
        if (d->mode != WASM_SEG_ACTIVE)
            continue;
        struct wasm_memory *mem = inst->memories[d->memory];
        if (eval_const(inst, &d->offset, &off) < 0 || (uint64_t)(uint32_t)off + d->len > mem->size)
            return WASM_TRAP_MEMORY_OOB;
        if (d->len)
            memcpy(mem->data + (uint32_t)off, d->bytes, d->len);
        inst->data_dropped[i] = true;
    }
    return WASM_TRAP_NONE;
}
static struct wasm_instance *allocate_instance(struct wasm_module *m,
                                               const struct wasm_limits_config *limits)
{
    const struct wasm_alloc *a = &m->alloc;
    struct wasm_instance *inst = zalloc(a, sizeof *inst);
    if (inst == NULL)
        return NULL;
    inst->module = m;
    inst->alloc = *a;
    inst->limits = *limits;
    inst->funcs = zalloc(a, (wasm_nfuncs_total(m) + 1) * sizeof(void *));
    inst->tables = zalloc(a, (wasm_ntables_total(m) + 1) * sizeof(void *));
    inst->memories = zalloc(a, (wasm_nmemories_total(m) + 1) * sizeof(void *));
    inst->globals = zalloc(a, (wasm_nglobals_total(m) + 1) * sizeof(void *));
    inst->elems = zalloc(a, m->nelems * sizeof(struct wasm_elemseg));
    inst->data_dropped = zalloc(a, m->ndatas * sizeof(bool));
    inst->own_funcs = zalloc(a, m->nfuncs * sizeof(struct wasm_funcinst));
    inst->own_tables = zalloc(a, m->ntables * sizeof(struct wasm_table));
    inst->own_memories = zalloc(a, m->nmemories * sizeof(struct wasm_memory));
    inst->own_globals = zalloc(a, m->nglobals * sizeof(struct wasm_globalinst));
    if (!inst->funcs || !inst->tables || !inst->memories || !inst->globals || !inst->elems ||
        !inst->data_dropped || !inst->own_funcs || !inst->own_tables ||
        !inst->own_memories || !inst->own_globals) {
        wasm_instance_free(inst);
        return NULL;
    }
    return inst;
}
int wasm_instantiate(struct wasm_instance **out, struct wasm_module *m,
                     const struct wasm_limits_config *limits,
                     wasm_resolver resolve, void *resolve_ctx,
                     struct wasm_exec *ex, struct wasm_error *err)
{
    *out = NULL;
    if (wasm_compile(m, err) < 0)
        return WASM_INST_NO_MEMORY;
    struct wasm_instance *inst = allocate_instance(m, limits);
    if (inst == NULL)
        return fail(err, "out of memory", NULL), WASM_INST_NO_MEMORY;
    if (link_imports(inst, resolve, resolve_ctx, err) < 0) {
        wasm_instance_free(inst);
        return WASM_INST_UNLINKABLE;
    }
    if (define_functions(inst) < 0 || define_tables_and_memories(inst, err) < 0 ||
        define_globals_and_segments(inst, err) < 0) {
        wasm_instance_free(inst);
        return WASM_INST_NO_MEMORY;
    }
    *out = inst;
    enum wasm_trap t = copy_segments(inst);
    if (t != WASM_TRAP_NONE)
        return fail(err, wasm_trap_message(t), NULL), WASM_INST_TRAPPED;
    if (m->has_start && wasm_call(ex, inst->funcs[m->start], NULL) != WASM_DONE)
        return fail(err, ex->status == WASM_TRAPPED ? ex->message : "start function stopped",
                    NULL), WASM_INST_TRAPPED;
    return WASM_INST_OK;
}
bool wasm_instance_export(const struct wasm_instance *inst, const char *name,
                          struct wasm_extern *out)
{
    const struct wasm_module *m = inst->module;
    size_t n = strlen(name);
    for (uint32_t i = 0; i < m->nexports; i++) {
        const struct wasm_export *e = &m->exports[i];
        if (e->name.len != n || memcmp(e->name.bytes, name, n) != 0)
            continue;
        out->kind = e->kind;
        switch (e->kind) {
        case WASM_EXTERN_FUNC: out->u.func = inst->funcs[e->index]; break;
        case WASM_EXTERN_TABLE: out->u.table = inst->tables[e->index]; break;
        case WASM_EXTERN_MEMORY: out->u.memory = inst->memories[e->index]; break;
        default: out->u.global = inst->globals[e->index]; break;
        }
        return true;
    }
    return false;
}
void wasm_instance_free(struct wasm_instance *inst)
{
    if (inst == NULL)
        return;
    const struct wasm_alloc *a = &inst->alloc;
    const struct wasm_module *m = inst->module;
    for (uint32_t i = 0; inst->own_tables && i < m->ntables; i++)
        release(a, inst->own_tables[i].elems);
    for (uint32_t i = 0; inst->own_memories && i < m->nmemories; i++)
        release(a, inst->own_memories[i].data);
    for (uint32_t i = 0; inst->elems && i < m->nelems; i++)
        release(a, inst->elems[i].refs);
    release(a, inst->funcs);
    release(a, inst->tables);
    release(a, inst->memories);
    release(a, inst->globals);
    release(a, inst->elems);
    release(a, inst->data_dropped);
    release(a, inst->own_funcs);
    release(a, inst->own_tables);
    release(a, inst->own_memories);
    release(a, inst->own_globals);
    release(a, inst);
}
