/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_module.h"

#include "kstring.h"
#include "wasm_instr.h"

enum { SEC_CUSTOM, SEC_TYPE, SEC_IMPORT, SEC_FUNCTION, SEC_TABLE, SEC_MEMORY, SEC_GLOBAL,
       SEC_EXPORT, SEC_START, SEC_ELEMENT, SEC_CODE, SEC_DATA, SEC_DATA_COUNT, SEC_COUNT };

static const char *const section_names[SEC_COUNT] = {
    "custom section", "type section", "import section", "function section",
    "table section", "memory section", "global section", "export section",
    "start section", "element section", "code section", "data section",
    "data count section",
};
/* Where each section may stand (spec 5.5.2): data count comes before code. */
static const uint8_t section_rank[SEC_COUNT] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

static int take(struct wasm_module *m, struct wasm_reader *r, uint32_t n, size_t size,
                void *out)
{
    void *p = NULL;
    if (n > 0) {
        size_t left = m->alloc.limit - m->allocated;
        if (n > left / size)
            return wasm_fail(r, r->pos, "%u entries need more than the %zu bytes allowed",
                             (unsigned)n, m->alloc.limit);
        p = m->alloc.alloc(m->alloc.ctx, n * size);
        if (p == NULL)
            return wasm_fail(r, r->pos, "out of memory for %u entries", (unsigned)n);
        memset(p, 0, n * size);
        m->allocated += n * size;
    }
    memcpy(out, &p, sizeof p);
    return 0;
}

static int read_count(struct wasm_reader *r, uint32_t min_size, uint32_t *n)
{
    uint32_t at = r->pos;
    if (wasm_read_u32(r, n) < 0)
        return -1;
    if (*n > (r->end - r->pos) / min_size)
        return wasm_fail(r, at, "unexpected end: %u entries of at least %u bytes "
                         "cannot fit in the %u bytes left", (unsigned)*n,
                         (unsigned)min_size, (unsigned)(r->end - r->pos));
    return 0;
}

static int read_limits(struct wasm_reader *r, struct wasm_limits *l)
{
    uint32_t at = r->pos, min, max = 0;
    uint8_t flag;
    if (wasm_read_byte(r, &flag) < 0)
        return -1;
    if (flag > 1)
        return wasm_fail(r, at, "integer too large: limits flag 0x%02x is neither 0 nor 1", flag);
    if (wasm_read_u32(r, &min) < 0 || (flag == 1 && wasm_read_u32(r, &max) < 0))
        return -1;
    *l = (struct wasm_limits){.min = min, .max = max, .has_max = flag == 1};
    return 0;
}

static int read_reftype(struct wasm_reader *r, uint8_t *t)
{
    uint32_t at = r->pos;
    if (wasm_read_byte(r, t) < 0)
        return -1;
    if (*t != WASM_FUNCREF && *t != WASM_EXTERNREF)
        return wasm_fail(r, at, "malformed reference type 0x%02x", *t);
    return 0;
}

static int read_tabletype(struct wasm_reader *r, struct wasm_tabletype *t)
{
    return read_reftype(r, &t->reftype) < 0 ? -1 : read_limits(r, &t->limits);
}
static int read_valtype(struct wasm_reader *r, uint8_t *t)
{
    uint32_t at = r->pos;
    if (wasm_read_byte(r, t) < 0)
        return -1;
    if (!wasm_is_valtype(*t))
        return wasm_fail(r, at, "malformed value type 0x%02x", *t);
    return 0;
}

static int read_globaltype(struct wasm_reader *r, struct wasm_globaltype *g)
{
    uint32_t at;
    uint8_t mut;
    if (read_valtype(r, &g->valtype) < 0)
        return -1;
    at = r->pos;
    if (wasm_read_byte(r, &mut) < 0)
        return -1;
    if (mut > 1)
        return wasm_fail(r, at, "malformed mutability 0x%02x", mut);
    g->mutable_ = mut == 1;
    return 0;
}

static int read_expr(struct wasm_module *m, struct wasm_reader *r, bool body,
                     struct wasm_expr *e)
{
    uint32_t depth = 0;
    struct wasm_instr in;
    e->start = r->bytes + r->pos;
    e->offset = r->pos;
    for (;;) {
        if (body && r->pos == r->end)
            return wasm_fail(r, r->pos, "END opcode expected");
        if (wasm_read_instr(r, &in) < 0)
            return -1;
        if (in.op == WASM_OP_BLOCK || in.op == WASM_OP_LOOP || in.op == WASM_OP_IF)
            depth++;
        else if (in.op == WASM_OP_END && depth-- == 0)
            break;
        else if (body && (in.op == WASM_OP_MEMORY_INIT || in.op == WASM_OP_DATA_DROP) &&
                 !m->has_data_count)
            return wasm_fail(r, in.offset, "data count section required by %s",
                             wasm_op_names[in.op]);
    }
    e->len = r->pos - e->offset;
    return 0;
}

static int read_result_types(struct wasm_reader *r, uint32_t *n, const uint8_t **types)
{
    if (read_count(r, 1, n) < 0 || wasm_read_bytes(r, *n, types) < 0)
        return -1;
    for (uint32_t i = 0; i < *n; i++)
        if (!wasm_is_valtype((*types)[i]))
            return wasm_fail(r, (uint32_t)(*types + i - r->bytes),
                             "malformed value type 0x%02x", (*types)[i]);
    return 0;
}

static int read_types(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 3, &m->ntypes) < 0 ||
        take(m, r, m->ntypes, sizeof *m->types, &m->types) < 0)
        return -1;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        struct wasm_functype *t = &m->types[i];
        uint32_t at = r->pos;
        uint8_t form;
        if (wasm_read_byte(r, &form) < 0)
            return -1;
        if (form != 0x60)
            return wasm_fail(r, at, "malformed function type: 0x%02x, not 0x60", form);
        if (read_result_types(r, &t->nparams, &t->params) < 0 ||
            read_result_types(r, &t->nresults, &t->results) < 0)
            return -1;
    }
    return 0;
}

static int map_imports(struct wasm_module *m, struct wasm_reader *r)
{
    uint32_t *maps[4], counts[4] = {0};
    if (take(m, r, m->nfunc_imports, sizeof(uint32_t), &m->func_imports) < 0 ||
        take(m, r, m->ntable_imports, sizeof(uint32_t), &m->table_imports) < 0 ||
        take(m, r, m->nmemory_imports, sizeof(uint32_t), &m->memory_imports) < 0 ||
        take(m, r, m->nglobal_imports, sizeof(uint32_t), &m->global_imports) < 0)
        return -1;
    maps[WASM_EXTERN_FUNC] = m->func_imports;
    maps[WASM_EXTERN_TABLE] = m->table_imports;
    maps[WASM_EXTERN_MEMORY] = m->memory_imports;
    maps[WASM_EXTERN_GLOBAL] = m->global_imports;
    for (uint32_t i = 0; i < m->nimports; i++) {
        uint8_t k = m->imports[i].kind;
        maps[k][counts[k]++] = i;
    }
    return 0;
}

static int read_import_desc(struct wasm_module *m, struct wasm_reader *r,
                            struct wasm_import *im)
{
    uint32_t at = r->pos;
    if (wasm_read_byte(r, &im->kind) < 0)
        return -1;
    switch (im->kind) {
    case WASM_EXTERN_FUNC: m->nfunc_imports++; return wasm_read_u32(r, &im->desc.type_index);
    case WASM_EXTERN_TABLE: m->ntable_imports++; return read_tabletype(r, &im->desc.table);
    case WASM_EXTERN_MEMORY: m->nmemory_imports++; return read_limits(r, &im->desc.memory);
    case WASM_EXTERN_GLOBAL: m->nglobal_imports++; return read_globaltype(r, &im->desc.global);
    }
    return wasm_fail(r, at, "malformed import kind 0x%02x", im->kind);
}

static int read_imports(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 4, &m->nimports) < 0 ||
        take(m, r, m->nimports, sizeof *m->imports, &m->imports) < 0)
        return -1;
    for (uint32_t i = 0; i < m->nimports; i++) {
        struct wasm_import *im = &m->imports[i];
        if (wasm_read_name(r, &im->module) < 0 || wasm_read_name(r, &im->name) < 0 ||
            read_import_desc(m, r, im) < 0)
            return -1;
    }
    return map_imports(m, r);
}

static int read_functions(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 1, &m->nfuncs) < 0 ||
        take(m, r, m->nfuncs, sizeof *m->funcs, &m->funcs) < 0)
        return -1;
    for (uint32_t i = 0; i < m->nfuncs; i++)
        if (wasm_read_u32(r, &m->funcs[i].type_index) < 0)
            return -1;
    return 0;
}

static int read_tables(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 3, &m->ntables) < 0 ||
        take(m, r, m->ntables, sizeof *m->tables, &m->tables) < 0)
        return -1;
    for (uint32_t i = 0; i < m->ntables; i++)
        if (read_tabletype(r, &m->tables[i]) < 0)
            return -1;
    return 0;
}

static int read_memories(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 2, &m->nmemories) < 0 ||
        take(m, r, m->nmemories, sizeof *m->memories, &m->memories) < 0)
        return -1;
    for (uint32_t i = 0; i < m->nmemories; i++)
        if (read_limits(r, &m->memories[i]) < 0)
            return -1;
    return 0;
}

static int read_globals(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 3, &m->nglobals) < 0 ||
        take(m, r, m->nglobals, sizeof *m->globals, &m->globals) < 0)
        return -1;
    for (uint32_t i = 0; i < m->nglobals; i++)
        if (read_globaltype(r, &m->globals[i].type) < 0 ||
            read_expr(m, r, false, &m->globals[i].init) < 0)
            return -1;
    return 0;
}

static int read_exports(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 3, &m->nexports) < 0 ||
        take(m, r, m->nexports, sizeof *m->exports, &m->exports) < 0)
        return -1;
    for (uint32_t i = 0; i < m->nexports; i++) {
        struct wasm_export *e = &m->exports[i];
        uint32_t at;
        if (wasm_read_name(r, &e->name) < 0)
            return -1;
        at = r->pos;
        if (wasm_read_byte(r, &e->kind) < 0 || wasm_read_u32(r, &e->index) < 0)
            return -1;
        if (e->kind > WASM_EXTERN_GLOBAL)
            return wasm_fail(r, at, "malformed export kind 0x%02x", e->kind);
    }
    return 0;
}

static int read_elem_kind(struct wasm_reader *r, uint32_t flags, struct wasm_elem *e)
{
    uint32_t at = r->pos;
    uint8_t kind;
    e->reftype = WASM_FUNCREF;
    if ((flags & 3) == 0)                   /* flags 0 and 4: funcref, not written */
        return 0;
    if (flags & 4)
        return read_reftype(r, &e->reftype);
    if (wasm_read_byte(r, &kind) < 0)
        return -1;
    if (kind != 0x00)
        return wasm_fail(r, at, "malformed element kind 0x%02x", kind);
    return 0;
}
static int read_elem(struct wasm_module *m, struct wasm_reader *r, struct wasm_elem *e)
{
    uint32_t at = r->pos, flags;
    if (wasm_read_u32(r, &flags) < 0)
        return -1;
    if (flags > 7)
        return wasm_fail(r, at, "malformed elements segment kind %u", (unsigned)flags);
    e->mode = (flags & 1) == 0 ? WASM_SEG_ACTIVE
              : (flags & 2) ? WASM_SEG_DECLARATIVE : WASM_SEG_PASSIVE;
    if ((flags & 3) == 2 && wasm_read_u32(r, &e->table) < 0)
        return -1;
    if ((flags & 1) == 0 && read_expr(m, r, false, &e->offset) < 0)
        return -1;
    if (read_elem_kind(r, flags, e) < 0 || read_count(r, 1, &e->count) < 0)
        return -1;
    if (flags & 4) {
        if (take(m, r, e->count, sizeof *e->items, &e->items) < 0)
            return -1;
        for (uint32_t i = 0; i < e->count; i++)
            if (read_expr(m, r, false, &e->items[i]) < 0)
                return -1;
        return 0;
    }
    if (take(m, r, e->count, sizeof *e->funcs, &e->funcs) < 0)
        return -1;
    for (uint32_t i = 0; i < e->count; i++)
        if (wasm_read_u32(r, &e->funcs[i]) < 0)
            return -1;
    return 0;
}

static int read_elems(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 3, &m->nelems) < 0 ||
        take(m, r, m->nelems, sizeof *m->elems, &m->elems) < 0)
        return -1;
    for (uint32_t i = 0; i < m->nelems; i++)
        if (read_elem(m, r, &m->elems[i]) < 0)
            return -1;
    return 0;
}

static int read_locals(struct wasm_module *m, struct wasm_reader *r, struct wasm_func *f)
{
    uint64_t total = 0;
    if (read_count(r, 2, &f->nlocal_runs) < 0 ||
        take(m, r, f->nlocal_runs, sizeof *f->local_runs, &f->local_runs) < 0)
        return -1;
    for (uint32_t i = 0; i < f->nlocal_runs; i++) {
        struct wasm_local_run *run = &f->local_runs[i];
        uint32_t at = r->pos;
        if (wasm_read_u32(r, &run->count) < 0 || read_valtype(r, &run->type) < 0)
            return -1;
        total += run->count;
        if (total > UINT32_MAX)
            return wasm_fail(r, at, "too many locals: more than 2^32 - 1");
    }
    f->nlocals = (uint32_t)total;
    return 0;
}
static int read_body(struct wasm_module *m, struct wasm_reader *r, struct wasm_func *f)
{
    uint32_t size;
    if (wasm_read_u32(r, &size) < 0)
        return -1;
    if (size > r->end - r->pos)
        return wasm_fail(r, r->pos, "unexpected end: a function body of %u bytes, "
                         "%u left in the section", (unsigned)size, (unsigned)(r->end - r->pos));
    struct wasm_reader b = *r;
    b.end = r->pos + size;
    b.span = "function body";
    if (read_locals(m, &b, f) < 0 || read_expr(m, &b, true, &f->body) < 0)
        return -1;
    if (b.pos != b.end)
        return wasm_fail(&b, b.pos, "section size mismatch: %u bytes after the "
                         "function's last end", (unsigned)(b.end - b.pos));
    r->pos = b.end;
    return 0;
}

static int read_code(struct wasm_module *m, struct wasm_reader *r)
{
    uint32_t at = r->pos, n;
    if (read_count(r, 2, &n) < 0)
        return -1;
    if (n != m->nfuncs)
        return wasm_fail(r, at, "function and code section have inconsistent lengths "
                         "(%u and %u)", (unsigned)m->nfuncs, (unsigned)n);
    for (uint32_t i = 0; i < n; i++)
        if (read_body(m, r, &m->funcs[i]) < 0)
            return -1;
    return 0;
}

static int read_data(struct wasm_module *m, struct wasm_reader *r, struct wasm_data *d)
{
    uint32_t at = r->pos, flags;
    if (wasm_read_u32(r, &flags) < 0)
        return -1;
    if (flags > 2)
        return wasm_fail(r, at, "malformed data segment kind %u", (unsigned)flags);
    d->mode = flags == 1 ? WASM_SEG_PASSIVE : WASM_SEG_ACTIVE;
    if (flags == 2 && wasm_read_u32(r, &d->memory) < 0)
        return -1;
    if (flags != 1 && read_expr(m, r, false, &d->offset) < 0)
        return -1;
    if (wasm_read_u32(r, &d->len) < 0 || wasm_read_bytes(r, d->len, &d->bytes) < 0)
        return -1;
    return 0;
}

static int read_datas(struct wasm_module *m, struct wasm_reader *r)
{
    if (read_count(r, 2, &m->ndatas) < 0 ||
        take(m, r, m->ndatas, sizeof *m->datas, &m->datas) < 0)
        return -1;
    for (uint32_t i = 0; i < m->ndatas; i++)
        if (read_data(m, r, &m->datas[i]) < 0)
            return -1;
    return 0;
}

static int read_custom(struct wasm_module *m, struct wasm_reader *r)
{
    struct wasm_custom c;
    if (wasm_read_name(r, &c.name) < 0 || wasm_read_bytes(r, r->end - r->pos, &c.bytes) < 0)
        return -1;
    c.len = (uint32_t)(r->bytes + r->end - c.bytes);
    if ((m->ncustoms & (m->ncustoms - 1)) == 0) {       /* 0, 1, 2, 4...: full */
        struct wasm_custom *bigger;
        uint32_t room = m->ncustoms == 0 ? 1 : 2 * m->ncustoms;
        if (take(m, r, room, sizeof *bigger, &bigger) < 0)
            return -1;
        if (m->ncustoms > 0) {
            memcpy(bigger, m->customs, m->ncustoms * sizeof *bigger);
            m->alloc.free(m->alloc.ctx, m->customs);
        }
        m->customs = bigger;
    }
    m->customs[m->ncustoms++] = c;
    return 0;
}

static int read_section(struct wasm_module *m, struct wasm_reader *r, uint8_t id)
{
    switch (id) {
    case SEC_CUSTOM: return read_custom(m, r);
    case SEC_TYPE: return read_types(m, r);
    case SEC_IMPORT: return read_imports(m, r);
    case SEC_FUNCTION: return read_functions(m, r);
    case SEC_TABLE: return read_tables(m, r);
    case SEC_MEMORY: return read_memories(m, r);
    case SEC_GLOBAL: return read_globals(m, r);
    case SEC_EXPORT: return read_exports(m, r);
    case SEC_START: m->has_start = true; return wasm_read_u32(r, &m->start);
    case SEC_ELEMENT: return read_elems(m, r);
    case SEC_CODE: return read_code(m, r);
    case SEC_DATA: return read_datas(m, r);
    case SEC_DATA_COUNT: m->has_data_count = true; return wasm_read_u32(r, &m->data_count);
    }
    return wasm_fail(r, r->pos, "malformed section id %u", id);
}

static int read_header(struct wasm_reader *r)
{
    static const uint8_t magic[4] = {0x00, 'a', 's', 'm'}, version[4] = {1, 0, 0, 0};
    const uint8_t *p;
    if (wasm_read_bytes(r, 4, &p) < 0)
        return wasm_fail(r, r->pos, "unexpected end: no magic header");
    if (memcmp(p, magic, 4) != 0)
        return wasm_fail(r, 0, "magic header not detected");
    if (wasm_read_bytes(r, 4, &p) < 0)
        return wasm_fail(r, r->pos, "unexpected end: no version");
    if (memcmp(p, version, 4) != 0)
        return wasm_fail(r, 4, "unknown binary version");
    return 0;
}
static int read_sections(struct wasm_module *m, struct wasm_reader *r, bool seen[])
{
    uint8_t last = 0;                       /* the last section other than custom */
    r->where = "section header";
    while (r->pos < r->end) {
        uint32_t at = r->pos, size;
        uint8_t id;
        if (wasm_read_byte(r, &id) < 0)
            return -1;
        if (id >= SEC_COUNT)
            return wasm_fail(r, at, "malformed section id %u", id);
        if (wasm_read_u32(r, &size) < 0)
            return -1;
        if (size > r->end - r->pos)
            return wasm_fail(r, r->pos, "length out of bounds: a %s of %u bytes, %u left",
                             section_names[id], (unsigned)size, (unsigned)(r->end - r->pos));
        if (id != SEC_CUSTOM) {
	    if (seen[id])
	        return wasm_fail(r, at, "unexpected content after last section: a second %s",
	                         section_names[id]);
	    if (section_rank[id] < section_rank[last])
	        return wasm_fail(r, at, "unexpected content after last section: the %s "
	                         "comes after the %s", section_names[id], section_names[last]);
	    last = id;
	}
        struct wasm_reader s = *r;
        s.end = r->pos + size;
        s.where = section_names[id];
        s.span = "section";
        if (read_section(m, &s, id) < 0)
            return -1;
        if (s.pos != s.end)
            return wasm_fail(&s, s.pos, "section size mismatch: %u bytes left over",
                             (unsigned)(s.end - s.pos));
        r->pos = s.end;
        seen[id] = true;
    }
    return 0;
}

static int check_counts(struct wasm_module *m, struct wasm_reader *r, const bool seen[])
{
    r->where = "module";
    if (m->nfuncs > 0 && !seen[SEC_CODE])
        return wasm_fail(r, r->pos, "function and code section have inconsistent lengths "
                         "(%u and no code section)", (unsigned)m->nfuncs);
    if (m->has_data_count && m->data_count != m->ndatas)
        return wasm_fail(r, r->pos, "data count and data section have inconsistent "
                         "lengths (%u and %u)", (unsigned)m->data_count, (unsigned)m->ndatas);
    return 0;
}

int wasm_load(struct wasm_module *m, const uint8_t *bytes, size_t len,
              const struct wasm_alloc *a, struct wasm_error *err)
{
    bool seen[SEC_COUNT] = {false};
    struct wasm_reader r = {.bytes = bytes, .err = err, .where = "header"};
    *m = (struct wasm_module){.bytes = bytes, .len = len, .alloc = *a};
    if (m->alloc.limit == 0)
        m->alloc.limit = WASM_DEFAULT_LIMIT;
    if (len > UINT32_MAX)
        return wasm_fail(&r, 0, "a module of %zu bytes is too large", len);
    r.end = r.size = (uint32_t)len;
    if (read_header(&r) < 0 || read_sections(m, &r, seen) < 0 ||
        check_counts(m, &r, seen) < 0) {
        wasm_module_free(m);
        return -1;
    }
    return 0;
}

static void release(struct wasm_module *m, void *p)
{
    if (p != NULL)
        m->alloc.free(m->alloc.ctx, p);
}

void wasm_module_free(struct wasm_module *m)
{
    struct wasm_alloc a = m->alloc;
    for (uint32_t i = 0; m->funcs != NULL && i < m->nfuncs; i++)
        release(m, m->funcs[i].local_runs);
    for (uint32_t i = 0; m->elems != NULL && i < m->nelems; i++) {
        release(m, m->elems[i].funcs);
        release(m, m->elems[i].items);
    }
    void *arrays[] = {m->types, m->imports, m->func_imports, m->table_imports,
                      m->memory_imports, m->global_imports, m->funcs, m->tables,
                      m->memories, m->globals, m->exports, m->elems, m->datas, m->customs};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        release(m, arrays[i]);
    *m = (struct wasm_module){.alloc = a};
}

uint32_t wasm_nfuncs_total(const struct wasm_module *m) { return m->nfunc_imports + m->nfuncs; }
uint32_t wasm_ntables_total(const struct wasm_module *m) { return m->ntable_imports + m->ntables; }
uint32_t wasm_nmemories_total(const struct wasm_module *m) { return m->nmemory_imports + m->nmemories; }
uint32_t wasm_nglobals_total(const struct wasm_module *m) { return m->nglobal_imports + m->nglobals; }

uint32_t wasm_func_type_index(const struct wasm_module *m, uint32_t i)
{
    if (i < m->nfunc_imports)
        return m->imports[m->func_imports[i]].desc.type_index;
    i -= m->nfunc_imports;
    return i < m->nfuncs ? m->funcs[i].type_index : UINT32_MAX;
}
const struct wasm_tabletype *wasm_table_type(const struct wasm_module *m, uint32_t i)
{
    if (i < m->ntable_imports)
        return &m->imports[m->table_imports[i]].desc.table;
    i -= m->ntable_imports;
    return i < m->ntables ? &m->tables[i] : NULL;
}

const struct wasm_limits *wasm_memory_type(const struct wasm_module *m, uint32_t i)
{
    if (i < m->nmemory_imports)
        return &m->imports[m->memory_imports[i]].desc.memory;
    i -= m->nmemory_imports;
    return i < m->nmemories ? &m->memories[i] : NULL;
}

const struct wasm_globaltype *wasm_global_type(const struct wasm_module *m, uint32_t i)
{
    if (i < m->nglobal_imports)
        return &m->imports[m->global_imports[i]].desc.global;
    i -= m->nglobal_imports;
    return i < m->nglobals ? &m->globals[i].type : NULL;
}
