/* Generated from chapters/14-wasm-validate.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_validate.h"

#include "kprintf.h"
#include "kstring.h"
#include "wasm_instr.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { I32 = WASM_I32, I64 = WASM_I64, F32 = WASM_F32, F64 = WASM_F64,
       FUNCREF = WASM_FUNCREF, EXTERNREF = WASM_EXTERNREF };
enum { MAX_OPERANDS = 1u << 20, MAX_DEPTH = 1u << 16 };

#define TRY(e) do { if ((e) != 0) return -1; } while (0)

struct context {                    /* the spec's C (section 3.1.1) */
    const struct wasm_module *m;
    uint32_t nfuncs, ntables, nmems, nglobals, nglobals_imported;
    uint8_t *refs;                  /* refs[x]: ref.func x is allowed */
};

enum { FRAME_FUNC = 0xff, FRAME_EXPR = 0xfe };

struct ctrl {                       /* a control frame (section 7.3.1) */
    uint8_t opcode;                 /* block, loop, if, else, or a FRAME_ */
    bool unreachable;               /* after br, return, unreachable... */
    uint32_t height;                /* operand stack height at the start */
    const uint8_t *start_types, *end_types;
    uint32_t nstart, nend;
};

struct validator {
    const struct context *c;
    const struct wasm_alloc *a;
    struct wasm_error *err;
    char where[32];                 /* "func 3", "global 0", ... */
    uint32_t at;                    /* the offset a message gives */
    bool located;                   /* whether it gives one */
    struct wasm_reader r;           /* over the code being validated */
    struct wasm_instr in;           /* the instruction being validated */
    uint8_t *vals;                  /* the operand stack */
    uint32_t nvals, cap_vals, max_vals;
    struct ctrl *ctrls;             /* the control stack */
    uint32_t nctrls, cap_ctrls, max_ctrls;
    const struct wasm_functype *type;
    const struct wasm_func *func;
    uint32_t *run_first, cap_runs;  /* first local of each run of locals */
};

static int fail(struct validator *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(struct validator *v, const char *fmt, ...)
{
    char *msg = v->err->message;
    size_t size = sizeof v->err->message;
    int n = v->located ? ksnprintf(msg, size, "%s, offset 0x%x: ", v->where,
                                   (unsigned)v->at)
                       : ksnprintf(msg, size, "%s: ", v->where);
    va_list ap;
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < size)
        kvsnprintf(msg + n, size - (size_t)n, fmt, ap);
    va_end(ap);
    v->err->offset = v->located ? v->at : 0;
    return -1;
}

static const char *type_name(uint8_t t)
{
    static const char *const names[] = {"externref", "funcref", [0x7b - 0x6f] =
        "v128", "f64", "f32", "i64", "i32"};    /* 0x6f to 0x7f */
    if (t == WASM_UNKNOWN)
        return "unknown";
    return t >= 0x6f && t <= 0x7f && names[t - 0x6f] ? names[t - 0x6f] : "?";
}

static void append(char *buf, size_t size, size_t *len, const char *s)
{
    while (*s != '\0' && *len + 1 < size)
        buf[(*len)++] = *s++;
    buf[*len] = '\0';
}

static void format_types(char *buf, size_t size, const uint8_t *t, uint32_t n)
{
    size_t len = 0;
    append(buf, size, &len, "[");
    for (uint32_t i = 0; i < n; i++) {
        append(buf, size, &len, i > 0 ? " " : "");
        append(buf, size, &len, type_name(t[i]));
    }
    append(buf, size, &len, "]");
}

static bool is_num(uint8_t t)
{
    return t == I32 || t == I64 || t == F32 || t == F64 || t == WASM_UNKNOWN;
}

static bool is_ref(uint8_t t)
{
    return t == FUNCREF || t == EXTERNREF || t == WASM_UNKNOWN;
}

static int check_valtype(struct validator *v, uint8_t t)
{
    if (t == WASM_V128)
        return fail(v, "v128 (SIMD) is not supported");
    if ((is_num(t) || is_ref(t)) && t != WASM_UNKNOWN)
        return 0;
    return fail(v, "invalid value type 0x%02x", t);
}

static void *grow(struct validator *v, void *items, uint32_t *cap,
                  size_t size, uint32_t limit)
{
    if (*cap >= limit)
        return NULL;
    uint32_t n = *cap == 0 ? 64 : (*cap > limit / 2 ? limit : *cap * 2);
    void *p = v->a->alloc(v->a->ctx, (size_t)n * size);
    if (p == NULL)
        return NULL;
    if (*cap > 0)
        memcpy(p, items, (size_t)*cap * size);
    if (items != NULL)
        v->a->free(v->a->ctx, items);
    *cap = n;
    return p;
}

static void *alloc_zeroed(const struct wasm_alloc *a, size_t n)
{
    void *p = a->alloc(a->ctx, n > 0 ? n : 1);
    if (p != NULL)
        memset(p, 0, n);
    return p;
}

static int push_val(struct validator *v, uint8_t t)
{
    if (v->nvals == v->cap_vals) {
        uint8_t *more = grow(v, v->vals, &v->cap_vals, 1, MAX_OPERANDS);
        if (more == NULL)
            return fail(v, "the operand stack cannot grow past %u", v->cap_vals);
        v->vals = more;
    }
    v->vals[v->nvals++] = t;
    if (v->nvals > v->max_vals)
        v->max_vals = v->nvals;
    return 0;
}

static int push_vals(struct validator *v, const uint8_t *t, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        TRY(push_val(v, t[i]));
    return 0;
}

static struct ctrl *top(struct validator *v)
{
    return &v->ctrls[v->nctrls - 1];
}

static int mismatch(struct validator *v, const char *what,
                    const uint8_t *want, uint32_t n, uint32_t k);

static int pop_vals(struct validator *v, const uint8_t *want, uint32_t n,
                    const char *what)
{
    const struct ctrl *c = top(v);
    uint32_t avail = v->nvals - c->height, k = n < avail ? n : avail;
    bool ok = k == n || c->unreachable;
    for (uint32_t i = 0; ok && i < k; i++) {
        uint8_t have = v->vals[v->nvals - k + i], need = want[n - k + i];
        ok = have == need || have == WASM_UNKNOWN || need == WASM_UNKNOWN;
    }
    if (!ok)
        return mismatch(v, what, want, n, k);
    v->nvals -= k;
    return 0;
}

static int pop_val(struct validator *v, uint8_t want)
{
    return pop_vals(v, &want, 1, NULL);
}

static int mismatch(struct validator *v, const char *what,
                    const uint8_t *want, uint32_t n, uint32_t k)
{
    char wants[64], found[64];
    format_types(wants, sizeof wants, want, n);
    format_types(found, sizeof found, k > 0 ? v->vals + (v->nvals - k) : NULL, k);
    return fail(v, "type mismatch: %s expects %s, found %s",
                what != NULL ? what : wasm_op_names[v->in.op], wants, found);
}

static int pop_any(struct validator *v, uint8_t *t)
{
    const struct ctrl *c = top(v);
    if (v->nvals > c->height) {
        *t = v->vals[--v->nvals];
        return 0;
    }
    if (c->unreachable) {
        *t = WASM_UNKNOWN;
        return 0;
    }
    return fail(v, "type mismatch: %s expects an operand, found []",
                wasm_op_names[v->in.op]);
}

static int push_ctrl(struct validator *v, uint8_t opcode, const uint8_t *start,
                     uint32_t nstart, const uint8_t *end, uint32_t nend)
{
    if (v->nctrls == v->cap_ctrls) {
        struct ctrl *more = grow(v, v->ctrls, &v->cap_ctrls, sizeof *more, MAX_DEPTH);
        if (more == NULL)
            return fail(v, "the control stack cannot grow past %u", v->cap_ctrls);
        v->ctrls = more;
    }
    v->ctrls[v->nctrls++] = (struct ctrl){opcode, false, v->nvals, start,
                                          end, nstart, nend};
    if (v->nctrls > v->max_ctrls)
        v->max_ctrls = v->nctrls;
    return push_vals(v, start, nstart);
}

static int pop_ctrl(struct validator *v, struct ctrl *out, const char *what)
{
    struct ctrl *c = top(v);
    TRY(pop_vals(v, c->end_types, c->nend, what));
    if (v->nvals != c->height)
        return fail(v, "type mismatch: %s leaves %u extra operand%s", what,
                    v->nvals - c->height, v->nvals - c->height > 1 ? "s" : "");
    *out = *c;
    v->nctrls--;
    return 0;
}

static void label_types(const struct ctrl *c, const uint8_t **t, uint32_t *n)
{
    *t = c->opcode == WASM_OP_LOOP ? c->start_types : c->end_types;
    *n = c->opcode == WASM_OP_LOOP ? c->nstart : c->nend;
}

static void set_unreachable(struct validator *v)
{
    struct ctrl *c = top(v);
    v->nvals = c->height;
    c->unreachable = true;
}

struct run {
    uint8_t first, last;            /* opcodes, in chapter 13's numbering */
    uint8_t a, b, result;           /* [a b] -> [result]; b is 0 if unary */
};

static const struct run runs[] = {
    {0x45, 0x45, I32, 0, I32},          /* i32.eqz */
    {0x46, 0x4f, I32, I32, I32},        /* i32.eq ... i32.ge_u */
    {0x50, 0x50, I64, 0, I32},          /* i64.eqz */
    {0x51, 0x5a, I64, I64, I32},        /* i64.eq ... i64.ge_u */
    {0x5b, 0x60, F32, F32, I32},        /* f32.eq ... f32.ge */
    {0x61, 0x66, F64, F64, I32},        /* f64.eq ... f64.ge */
    {0x67, 0x69, I32, 0, I32},          /* i32.clz ... i32.popcnt */
    {0x6a, 0x78, I32, I32, I32},        /* i32.add ... i32.rotr */
    {0x79, 0x7b, I64, 0, I64},          /* i64.clz ... i64.popcnt */
    {0x7c, 0x8a, I64, I64, I64},        /* i64.add ... i64.rotr */
    {0x8b, 0x91, F32, 0, F32},          /* f32.abs ... f32.sqrt */
    {0x92, 0x98, F32, F32, F32},        /* f32.add ... f32.copysign */
    {0x99, 0x9f, F64, 0, F64},          /* f64.abs ... f64.sqrt */
    {0xa0, 0xa6, F64, F64, F64},        /* f64.add ... f64.copysign */
    {0xa7, 0xa7, I64, 0, I32},          /* i32.wrap_i64 */
    {0xa8, 0xa9, F32, 0, I32},          /* i32.trunc_f32_s, _u */
    {0xaa, 0xab, F64, 0, I32},          /* i32.trunc_f64_s, _u */
    {0xac, 0xad, I32, 0, I64},          /* i64.extend_i32_s, _u */
    {0xae, 0xaf, F32, 0, I64},          /* i64.trunc_f32_s, _u */
    {0xb0, 0xb1, F64, 0, I64},          /* i64.trunc_f64_s, _u */
    {0xb2, 0xb3, I32, 0, F32},          /* f32.convert_i32_s, _u */
    {0xb4, 0xb5, I64, 0, F32},          /* f32.convert_i64_s, _u */
    {0xb6, 0xb6, F64, 0, F32},          /* f32.demote_f64 */
    {0xb7, 0xb8, I32, 0, F64},          /* f64.convert_i32_s, _u */
    {0xb9, 0xba, I64, 0, F64},          /* f64.convert_i64_s, _u */
    {0xbb, 0xbb, F32, 0, F64},          /* f64.promote_f32 */
    {0xbc, 0xbc, F32, 0, I32},          /* i32.reinterpret_f32 */
    {0xbd, 0xbd, F64, 0, I64},          /* i64.reinterpret_f64 */
    {0xbe, 0xbe, I32, 0, F32},          /* f32.reinterpret_i32 */
    {0xbf, 0xbf, I64, 0, F64},          /* f64.reinterpret_i64 */
    {0xc0, 0xc1, I32, 0, I32},          /* i32.extend8_s, extend16_s */
    {0xc2, 0xc4, I64, 0, I64},          /* i64.extend8_s ... extend32_s */
    {0xe0, 0xe1, F32, 0, I32},          /* i32.trunc_sat_f32_s, _u (0xfc 0, 1) */
    {0xe2, 0xe3, F64, 0, I32},          /* i32.trunc_sat_f64_s, _u */
    {0xe4, 0xe5, F32, 0, I64},          /* i64.trunc_sat_f32_s, _u */
    {0xe6, 0xe7, F64, 0, I64},          /* i64.trunc_sat_f64_s, _u */
};
#define NRUNS (sizeof runs / sizeof runs[0])

static int simple(struct validator *v)
{
    uint8_t op = v->in.op;
    for (size_t i = 0; i < NRUNS; i++) {
        const struct run *r = &runs[i];
        if (op >= r->first && op <= r->last) {
            uint8_t want[2] = {r->a, r->b};
            TRY(pop_vals(v, want, r->b != 0 ? 2 : 1, NULL));
            return push_val(v, r->result);
        }
    }
    return fail(v, "the validator has no rule for %s", wasm_op_names[op]);
}

static int label(struct validator *v, uint32_t l, const struct ctrl **c)
{
    if (l >= v->nctrls)
        return fail(v, "unknown label %u (%u enclosing)", l, v->nctrls);
    *c = &v->ctrls[v->nctrls - 1 - l];
    return 0;
}

static int table(struct validator *v, uint32_t x, const struct wasm_tabletype **t)
{
    *t = wasm_table_type(v->c->m, x);
    return *t != NULL ? 0 : fail(v, "unknown table %u", x);
}

static int need_memory(struct validator *v)
{
    return v->c->nmems > 0 ? 0 : fail(v, "unknown memory 0");
}

static int functype(struct validator *v, uint32_t typeidx,
                    const struct wasm_functype **t)
{
    if (typeidx >= v->c->m->ntypes)
        return fail(v, "unknown type %u", typeidx);
    *t = &v->c->m->types[typeidx];
    return 0;
}

static int local_type(struct validator *v, uint32_t x, uint8_t *t)
{
    const struct wasm_functype *ft = v->type;
    if (x < ft->nparams) {
        *t = ft->params[x];
        return 0;
    }
    uint32_t y = x - ft->nparams, lo = 0, hi = v->func->nlocal_runs;
    if (y >= v->func->nlocals)
        return fail(v, "unknown local %u", x);
    while (hi - lo > 1) {           /* the last run whose first local <= y */
        uint32_t mid = lo + (hi - lo) / 2;
        if (v->run_first[mid] <= y)
            lo = mid;
        else
            hi = mid;
    }
    *t = v->func->local_runs[lo].type;
    return 0;
}

static int apply(struct validator *v, const struct wasm_functype *t)
{
    TRY(pop_vals(v, t->params, t->nparams, NULL));
    return push_vals(v, t->results, t->nresults);
}

static int block_type(struct validator *v, struct wasm_functype *one,
                      const struct wasm_functype **bt)
{
    int64_t t = v->in.blocktype;
    *one = (struct wasm_functype){0, 0, NULL, NULL};
    *bt = one;
    if (t == -64)                   /* 0x40: [] -> [] */
        return 0;
    if (t < 0) {                    /* a value type t: [] -> [t] */
        one->results = v->c->m->bytes + v->in.offset + 1;
        one->nresults = 1;
        return check_valtype(v, *one->results);
    }
    if (t >= v->c->m->ntypes)
        return fail(v, "unknown type %lld", (long long)t);
    *bt = &v->c->m->types[t];
    return 0;
}

static int need_data(struct validator *v, uint32_t x)
{
    const struct wasm_module *m = v->c->m;
    if (!m->has_data_count)
        return fail(v, "data count section required");
    return x < m->data_count ? 0 : fail(v, "unknown data segment %u", x);
}

static int elem_type(struct validator *v, uint32_t x, uint8_t *reftype)
{
    if (x >= v->c->m->nelems)
        return fail(v, "unknown elem segment %u", x);
    *reftype = v->c->m->elems[x].reftype;
    return 0;
}

static const char *end_name(uint8_t opcode)
{
    switch (opcode) {
    case WASM_OP_BLOCK: return "end of block";
    case WASM_OP_LOOP: return "end of loop";
    case WASM_OP_IF: return "end of if";
    case WASM_OP_ELSE: return "end of else";
    case FRAME_EXPR: return "end of expression";
    default: return "end of function";
    }
}

static const struct memop {
    uint8_t type, align;            /* align: log2 of the width in bytes */
    bool store;
} memops[] = {                      /* opcodes 0x28 to 0x3e */
    {I32, 2, 0}, {I64, 3, 0}, {F32, 2, 0}, {F64, 3, 0},     /* t.load */
    {I32, 0, 0}, {I32, 0, 0}, {I32, 1, 0}, {I32, 1, 0},     /* i32.load8, 16 */
    {I64, 0, 0}, {I64, 0, 0}, {I64, 1, 0}, {I64, 1, 0},     /* i64.load8, 16 */
    {I64, 2, 0}, {I64, 2, 0},                               /* i64.load32 */
    {I32, 2, 1}, {I64, 3, 1}, {F32, 2, 1}, {F64, 3, 1},     /* t.store */
    {I32, 0, 1}, {I32, 1, 1},                               /* i32.store8, 16 */
    {I64, 0, 1}, {I64, 1, 1}, {I64, 2, 1},                  /* i64.store8 ... 32 */
};

static int memory_access(struct validator *v)
{
    const struct memop *o = &memops[v->in.op - WASM_OP_I32_LOAD];
    TRY(need_memory(v));
    if (v->in.x > o->align)
        return fail(v, "alignment must not be larger than natural: %s has "
                    "2^%u, natural 2^%u", wasm_op_names[v->in.op],
                    (unsigned)v->in.x, (unsigned)o->align);
    if (o->store) {
        uint8_t want[2] = {I32, o->type};
        return pop_vals(v, want, 2, NULL);
    }
    TRY(pop_val(v, I32));
    return push_val(v, o->type);
}

static const uint8_t three_i32[3] = {I32, I32, I32};

static int memory_op(struct validator *v)
{
    TRY(need_memory(v));
    if (v->in.op == WASM_OP_MEMORY_SIZE)
        return push_val(v, I32);
    if (v->in.op == WASM_OP_MEMORY_GROW) {
        TRY(pop_val(v, I32));
        return push_val(v, I32);
    }
    if (v->in.op == WASM_OP_MEMORY_INIT)
        TRY(need_data(v, v->in.x));
    return pop_vals(v, three_i32, 3, NULL);
}

static int table_op(struct validator *v)
{
    const struct wasm_tabletype *t = NULL;
    TRY(table(v, v->in.x, &t));
    uint8_t r = t->reftype;
    switch (v->in.op) {
    case WASM_OP_TABLE_GET:
        TRY(pop_val(v, I32));
        return push_val(v, r);
    case WASM_OP_TABLE_SET: {
        uint8_t want[2] = {I32, r};
        return pop_vals(v, want, 2, NULL);
    }
    case WASM_OP_TABLE_FILL: {
        uint8_t want[3] = {I32, r, I32};
        return pop_vals(v, want, 3, NULL);
    }
    case WASM_OP_TABLE_GROW: {
        uint8_t want[2] = {r, I32};
        TRY(pop_vals(v, want, 2, NULL));
    }
    }
    return push_val(v, I32);        /* table.grow, table.size */
}

static int table_segment_op(struct validator *v)
{
    const struct wasm_tabletype *t = NULL, *u = NULL;
    uint8_t r = 0;
    if (v->in.op == WASM_OP_ELEM_DROP)
        return elem_type(v, v->in.x, &r);
    if (v->in.op == WASM_OP_TABLE_INIT) {
        TRY(table(v, v->in.y, &t));
        TRY(elem_type(v, v->in.x, &r));
    } else {                                /* table.copy x y */
        TRY(table(v, v->in.y, &u));
        TRY(table(v, v->in.x, &t));
        r = u->reftype;
    }
    if (r != t->reftype)
        return fail(v, "type mismatch: %s copies %s into a table of %s",
                    wasm_op_names[v->in.op], type_name(r), type_name(t->reftype));
    return pop_vals(v, three_i32, 3, NULL);
}

static int check_instruction(struct validator *v)
{
    uint8_t op = v->in.op;
    if (op >= WASM_OP_I32_LOAD && op <= WASM_OP_I64_STORE32)
        return memory_access(v);
    switch (op) {
    case WASM_OP_UNREACHABLE:
        set_unreachable(v);
        return 0;
    case WASM_OP_NOP:
        return 0;
    case WASM_OP_BLOCK:
    case WASM_OP_LOOP:
    case WASM_OP_IF: {
        const struct wasm_functype *bt = NULL;
        struct wasm_functype one;
        TRY(block_type(v, &one, &bt));
        if (op == WASM_OP_IF)
            TRY(pop_val(v, I32));
        TRY(pop_vals(v, bt->params, bt->nparams, NULL));
        return push_ctrl(v, op, bt->params, bt->nparams, bt->results, bt->nresults);
    }
    case WASM_OP_ELSE: {
        struct ctrl c;
        if (top(v)->opcode != WASM_OP_IF)
            return fail(v, "else without a matching if");
        TRY(pop_ctrl(v, &c, "else"));
        return push_ctrl(v, WASM_OP_ELSE, c.start_types, c.nstart, c.end_types, c.nend);
    }
    case WASM_OP_END: {
        struct ctrl c;
        TRY(pop_ctrl(v, &c, end_name(top(v)->opcode)));
        if (c.opcode == WASM_OP_IF) {
            TRY(push_ctrl(v, WASM_OP_ELSE, c.start_types, c.nstart, c.end_types, c.nend));
            TRY(pop_ctrl(v, &c, "if without else"));
        }
        return v->nctrls > 0 ? push_vals(v, c.end_types, c.nend) : 0;
    }
    case WASM_OP_BR:
    case WASM_OP_BR_IF: {
        const struct ctrl *c = NULL;
        const uint8_t *t;
        uint32_t n;
        TRY(label(v, v->in.x, &c));
        label_types(c, &t, &n);
        if (op == WASM_OP_BR_IF)
            TRY(pop_val(v, I32));
        TRY(pop_vals(v, t, n, NULL));
        if (op == WASM_OP_BR_IF)
            return push_vals(v, t, n);
        set_unreachable(v);
        return 0;
    }
    case WASM_OP_RETURN:
        TRY(pop_vals(v, v->type->results, v->type->nresults, NULL));
        set_unreachable(v);
        return 0;
    case WASM_OP_BR_TABLE: {
        struct wasm_reader labels = v->r;
        uint32_t arity = 0;
        labels.pos = v->in.targets;
        TRY(pop_val(v, I32));
        for (uint32_t i = 0; i <= v->in.x; i++) {
            const struct ctrl *c = NULL;
            const uint8_t *t;
            uint32_t l = v->in.y, k, height = v->nvals;
            if (i < v->in.x)
                TRY(wasm_read_u32(&labels, &l));
            TRY(label(v, l, &c));
            label_types(c, &t, &k);
            if (i > 0 && k != arity)
                return fail(v, "type mismatch: br_table labels carry %u and %u values",
                            arity, k);
            arity = k;
            TRY(pop_vals(v, t, k, NULL));
            v->nvals = height;
        }
        set_unreachable(v);
        return 0;
    }
    case WASM_OP_CALL: {
        uint32_t typeidx = wasm_func_type_index(v->c->m, v->in.x);
        const struct wasm_functype *t = NULL;
        if (typeidx == UINT32_MAX)
            return fail(v, "unknown function %u", v->in.x);
        TRY(functype(v, typeidx, &t));
        return apply(v, t);
    }
    case WASM_OP_CALL_INDIRECT: {
        const struct wasm_tabletype *tt = NULL;
        const struct wasm_functype *t = NULL;
        TRY(table(v, v->in.y, &tt));
        if (tt->reftype != FUNCREF)
            return fail(v, "type mismatch: call_indirect through a table of %s",
                        type_name(tt->reftype));
        TRY(functype(v, v->in.x, &t));
        TRY(pop_val(v, I32));
        return apply(v, t);
    }
    case WASM_OP_DROP: {
        uint8_t t = 0;
        return pop_any(v, &t);
    }
    case WASM_OP_SELECT: {
        uint8_t t1 = 0, t2 = 0;
        TRY(pop_val(v, I32));
        TRY(pop_any(v, &t1));
        TRY(pop_any(v, &t2));
        if (!is_num(t1) || !is_num(t2) ||
            (t1 != t2 && t1 != WASM_UNKNOWN && t2 != WASM_UNKNOWN))
            return fail(v, "type mismatch: select expects two operands of one "
                        "number type, found %s and %s", type_name(t2), type_name(t1));
        return push_val(v, t1 == WASM_UNKNOWN ? t2 : t1);
    }
    case WASM_OP_SELECT_T: {
        uint8_t t = (uint8_t)v->in.y;
        if (v->in.x != 1)
            return fail(v, "invalid result arity: select has %u types, not 1", v->in.x);
        TRY(check_valtype(v, t));
        uint8_t want[3] = {t, t, I32};
        TRY(pop_vals(v, want, 3, NULL));
        return push_val(v, t);
    }
    case WASM_OP_LOCAL_GET:
    case WASM_OP_LOCAL_SET:
    case WASM_OP_LOCAL_TEE: {
        uint8_t t = 0;
        TRY(local_type(v, v->in.x, &t));
        if (op != WASM_OP_LOCAL_GET)
            TRY(pop_val(v, t));
        return op != WASM_OP_LOCAL_SET ? push_val(v, t) : 0;
    }
    case WASM_OP_GLOBAL_GET:
    case WASM_OP_GLOBAL_SET: {
        const struct wasm_globaltype *g = wasm_global_type(v->c->m, v->in.x);
        if (g == NULL)
            return fail(v, "unknown global %u", v->in.x);
        if (op == WASM_OP_GLOBAL_GET)
            return push_val(v, g->valtype);
        if (!g->mutable_)
            return fail(v, "global is immutable: global.set of global %u", v->in.x);
        return pop_val(v, g->valtype);
    }
    case WASM_OP_REF_NULL:
        return push_val(v, (uint8_t)v->in.x);
    case WASM_OP_REF_IS_NULL: {
        uint8_t t = 0;
        TRY(pop_any(v, &t));
        if (!is_ref(t))
            return fail(v, "type mismatch: ref.is_null expects a reference, found %s",
                        type_name(t));
        return push_val(v, I32);
    }
    case WASM_OP_REF_FUNC:
        if (v->in.x >= v->c->nfuncs)
            return fail(v, "unknown function %u", v->in.x);
        if (!v->c->refs[v->in.x])
            return fail(v, "undeclared function reference %u", v->in.x);
        return push_val(v, FUNCREF);
    case WASM_OP_I32_CONST: return push_val(v, I32);
    case WASM_OP_I64_CONST: return push_val(v, I64);
    case WASM_OP_F32_CONST: return push_val(v, F32);
    case WASM_OP_F64_CONST: return push_val(v, F64);
    case WASM_OP_MEMORY_SIZE: case WASM_OP_MEMORY_GROW: case WASM_OP_MEMORY_INIT:
    case WASM_OP_MEMORY_COPY: case WASM_OP_MEMORY_FILL:
        return memory_op(v);
    case WASM_OP_DATA_DROP:
        return need_data(v, v->in.x);
    case WASM_OP_TABLE_GET: case WASM_OP_TABLE_SET: case WASM_OP_TABLE_GROW:
    case WASM_OP_TABLE_SIZE: case WASM_OP_TABLE_FILL:
        return table_op(v);
    case WASM_OP_TABLE_INIT: case WASM_OP_ELEM_DROP: case WASM_OP_TABLE_COPY:
        return table_segment_op(v);
    default:
        return simple(v);
    }
}

static int instruction(struct validator *v)
{
    v->at = v->r.pos;
    TRY(wasm_read_instr(&v->r, &v->in));
    return check_instruction(v);
}

static int index_locals(struct validator *v)
{
    const struct wasm_func *f = v->func;
    uint32_t first = 0;
    while (v->cap_runs < f->nlocal_runs) {
        uint32_t *more = grow(v, v->run_first, &v->cap_runs, sizeof *more, UINT32_MAX / 8);
        if (more == NULL)
            return fail(v, "no memory to index %u runs of locals", f->nlocal_runs);
        v->run_first = more;
    }
    for (uint32_t r = 0; r < f->nlocal_runs; r++) {
        TRY(check_valtype(v, f->local_runs[r].type));
        v->run_first[r] = first;
        first += f->local_runs[r].count;
    }
    return 0;
}

static void start_code(struct validator *v, const struct wasm_expr *e,
                       const char *span)
{
    const struct wasm_module *m = v->c->m;
    v->r = (struct wasm_reader){m->bytes, e->offset, e->offset + e->len,
                                (uint32_t)m->len, v->where, span, v->err};
    v->at = e->offset;
    v->located = true;
    v->nvals = v->nctrls = v->max_vals = v->max_ctrls = 0;
}

static int function_body(struct validator *v, uint32_t i)
{
    const struct wasm_module *m = v->c->m;
    v->func = &m->funcs[i];
    ksnprintf(v->where, sizeof v->where, "func %u", (unsigned)(m->nfunc_imports + i));
    start_code(v, &v->func->body, "function body");
    TRY(functype(v, v->func->type_index, &v->type));
    TRY(index_locals(v));
    TRY(push_ctrl(v, FRAME_FUNC, NULL, 0, v->type->results, v->type->nresults));
    while (v->nctrls > 0) {
        if (v->r.pos == v->r.end)
            return fail(v, "unexpected end of function body (an end is missing)");
        TRY(instruction(v));
    }
    v->at = v->r.pos;
    return v->r.pos == v->r.end ? 0 : fail(v, "code after the function's final end");
}

static int const_global_get(struct validator *v)
{
    uint32_t x = v->in.x;
    if (x >= v->c->nglobals_imported)
        return fail(v, "unknown global %u (a constant expression may only read "
                    "imported globals)", x);
    const struct wasm_globaltype *g = wasm_global_type(v->c->m, x);
    if (g->mutable_)
        return fail(v, "constant expression required: global %u is mutable", x);
    return push_val(v, g->valtype);
}

static int constant_expr(struct validator *v, const struct wasm_expr *e,
                         uint8_t type)
{
    start_code(v, e, "constant expression");
    v->type = NULL;
    TRY(push_ctrl(v, FRAME_EXPR, NULL, 0, &type, 1));
    while (v->nctrls > 0) {
        if (v->r.pos == v->r.end)
            return fail(v, "unexpected end of constant expression");
        v->at = v->r.pos;
        TRY(wasm_read_instr(&v->r, &v->in));
        uint8_t op = v->in.op;
        if (op == WASM_OP_GLOBAL_GET)
            TRY(const_global_get(v));
        else if (op == WASM_OP_END || op == WASM_OP_REF_NULL || op == WASM_OP_REF_FUNC ||
                 (op >= WASM_OP_I32_CONST && op <= WASM_OP_F64_CONST))
            TRY(check_instruction(v));
        else
            return fail(v, "constant expression required, found %s", wasm_op_names[op]);
    }
    v->at = v->r.pos;
    return v->r.pos == v->r.end ? 0 : fail(v, "code after the expression's end");
}

static void declare_ref(struct context *c, const struct wasm_expr *e)
{
    struct wasm_reader r = {c->m->bytes, e->offset, e->offset + e->len,
                            (uint32_t)c->m->len, "", "", NULL};
    struct wasm_instr in;
    if (wasm_read_instr(&r, &in) == 0 && in.op == WASM_OP_REF_FUNC && in.x < c->nfuncs)
        c->refs[in.x] = 1;
}

static void find_refs(struct context *c)
{
    const struct wasm_module *m = c->m;
    for (uint32_t i = 0; i < m->nexports; i++)
        if (m->exports[i].kind == WASM_EXTERN_FUNC && m->exports[i].index < c->nfuncs)
            c->refs[m->exports[i].index] = 1;
    for (uint32_t i = 0; i < m->nglobals; i++)
        declare_ref(c, &m->globals[i].init);
    for (uint32_t i = 0; i < m->nelems; i++)
        for (uint32_t j = 0; j < m->elems[i].count; j++) {
            const struct wasm_elem *e = &m->elems[i];
            if (e->funcs != NULL && e->funcs[j] < c->nfuncs)
                c->refs[e->funcs[j]] = 1;
            else if (e->items != NULL)
                declare_ref(c, &e->items[j]);
        }
}

static int check_limits(struct validator *v, const struct wasm_limits *l,
                        bool memory)
{
    if (memory && (l->min > 65536 || (l->has_max && l->max > 65536)))
        return fail(v, "memory size must be at most 65536 pages (4GiB)");
    if (l->has_max && l->min > l->max)
        return fail(v, "size minimum must not be greater than maximum");
    return 0;
}

static int check_types(struct validator *v)
{
    const struct context *c = v->c;
    const struct wasm_module *m = c->m;
    v->located = false;
    for (uint32_t i = 0; i < c->nfuncs; i++)
        if (wasm_func_type_index(m, i) >= m->ntypes)
            return fail(v, "unknown type %u of function %u",
                        wasm_func_type_index(m, i), i);
    for (uint32_t i = 0; i < m->ntypes; i++) {
        const struct wasm_functype *ft = &m->types[i];
        for (uint32_t j = 0; j < ft->nparams; j++)
            TRY(check_valtype(v, ft->params[j]));
        for (uint32_t j = 0; j < ft->nresults; j++)
            TRY(check_valtype(v, ft->results[j]));
    }
    for (uint32_t i = 0; i < c->nglobals; i++)
        TRY(check_valtype(v, wasm_global_type(m, i)->valtype));
    if (c->nmems > 1)
        return fail(v, "multiple memories (%u) need the multi-memory extension",
                    c->nmems);
    for (uint32_t i = 0; i < c->nmems; i++)
        TRY(check_limits(v, wasm_memory_type(m, i), true));
    for (uint32_t i = 0; i < c->ntables; i++)
        TRY(check_limits(v, &wasm_table_type(m, i)->limits, false));
    return 0;
}

static int check_elem(struct validator *v, const struct wasm_elem *e);

static int check_segments(struct validator *v)
{
    const struct context *c = v->c;
    const struct wasm_module *m = c->m;
    for (uint32_t i = 0; i < m->nglobals; i++) {
        ksnprintf(v->where, sizeof v->where, "global %u",
                  (unsigned)(c->nglobals_imported + i));
        TRY(constant_expr(v, &m->globals[i].init, m->globals[i].type.valtype));
    }
    for (uint32_t i = 0; i < m->nelems; i++) {
        ksnprintf(v->where, sizeof v->where, "elem %u", (unsigned)i);
        TRY(check_elem(v, &m->elems[i]));
    }
    for (uint32_t i = 0; i < m->ndatas; i++) {
        const struct wasm_data *d = &m->datas[i];
        ksnprintf(v->where, sizeof v->where, "data %u", (unsigned)i);
        if (d->mode != WASM_SEG_ACTIVE)
            continue;
        v->at = d->offset.offset;
        v->located = true;
        if (d->memory >= c->nmems)
            return fail(v, "unknown memory %u", d->memory);
        TRY(constant_expr(v, &d->offset, I32));
    }
    return 0;
}

static int check_elem(struct validator *v, const struct wasm_elem *e)
{
    const struct wasm_tabletype *t = NULL;
    v->located = false;
    for (uint32_t j = 0; j < e->count; j++)
        if (e->funcs != NULL && e->funcs[j] >= v->c->nfuncs)
            return fail(v, "unknown function %u", e->funcs[j]);
        else if (e->items != NULL)
            TRY(constant_expr(v, &e->items[j], e->reftype));
    if (e->mode != WASM_SEG_ACTIVE)
        return 0;
    v->at = e->offset.offset;
    v->located = true;
    TRY(table(v, e->table, &t));
    if (t->reftype != e->reftype)
        return fail(v, "type mismatch: %s elements for a table of %s",
                    type_name(e->reftype), type_name(t->reftype));
    return constant_expr(v, &e->offset, I32);
}

static int unique_exports(struct validator *v);

static int check_start_and_exports(struct validator *v)
{
    const struct context *c = v->c;
    const struct wasm_module *m = c->m;
    const uint32_t counts[4] = {c->nfuncs, c->ntables, c->nmems, c->nglobals};
    static const char *const kinds[4] = {"function", "table", "memory", "global"};
    ksnprintf(v->where, sizeof v->where, "start function");
    v->located = false;
    if (m->has_start && m->start >= c->nfuncs)
        return fail(v, "unknown function %u", m->start);
    if (m->has_start) {
        const struct wasm_functype *t = &m->types[wasm_func_type_index(m, m->start)];
        if (t->nparams != 0 || t->nresults != 0)
            return fail(v, "start function %u must have type [] -> []", m->start);
    }
    for (uint32_t i = 0; i < m->nexports; i++) {
        const struct wasm_export *e = &m->exports[i];
        ksnprintf(v->where, sizeof v->where, "export %u", (unsigned)i);
        v->at = (uint32_t)(e->name.bytes - m->bytes);
        v->located = true;
        if (e->kind > WASM_EXTERN_GLOBAL || e->index >= counts[e->kind])
            return fail(v, "unknown %s %u", e->kind <= 3 ? kinds[e->kind] : "kind",
                        e->index);
    }
    return unique_exports(v);
}

static bool same_name(const struct wasm_name *a, const struct wasm_name *b)
{
    return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

static uint32_t hash_name(const struct wasm_name *n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n->len; i++)
        h = (h ^ n->bytes[i]) * 16777619u;
    return h;
}

static int unique_exports(struct validator *v)
{
    const struct wasm_module *m = v->c->m;
    uint32_t size = 16;
    while (size < 2 * (uint64_t)m->nexports)
        size *= 2;
    uint32_t *slot = alloc_zeroed(v->a, (size_t)size * sizeof(uint32_t));
    if (slot == NULL)
        return fail(v, "no memory to compare %u export names", m->nexports);
    int result = 0;
    for (uint32_t i = 0; i < m->nexports && result == 0; i++) {
        const struct wasm_name *name = &m->exports[i].name;
        uint32_t h = hash_name(name) & (size - 1);
        while (slot[h] != 0 && !same_name(&m->exports[slot[h] - 1].name, name))
            h = (h + 1) & (size - 1);
        if (slot[h] != 0) {
            ksnprintf(v->where, sizeof v->where, "export %u", (unsigned)i);
            v->at = (uint32_t)(name->bytes - m->bytes);
            result = fail(v, "duplicate export name (export %u has it too)", slot[h] - 1);
        }
        slot[h] = i + 1;
    }
    v->a->free(v->a->ctx, slot);
    return result;
}

int wasm_validate_info(struct wasm_module *m, struct wasm_func_info *info,
                       struct wasm_error *err)
{
    struct context c = {.m = m, .nfuncs = wasm_nfuncs_total(m),
                        .ntables = wasm_ntables_total(m),
                        .nmems = wasm_nmemories_total(m),
                        .nglobals = wasm_nglobals_total(m),
                        .nglobals_imported = m->nglobal_imports};
    struct validator v = {.c = &c, .a = &m->alloc, .err = err, .where = "module"};
    int result = (c.refs = alloc_zeroed(v.a, c.nfuncs)) != NULL ? 0
                 : fail(&v, "no memory for the validation context");
    if (result == 0) {
        find_refs(&c);
        result = check_types(&v);
    }
    if (result == 0)
        result = check_segments(&v);
    if (result == 0)
        result = check_start_and_exports(&v);
    for (uint32_t i = 0; result == 0 && i < m->nfuncs; i++) {
        result = function_body(&v, i);
        if (result == 0 && info != NULL)
            info[i] = (struct wasm_func_info){v.max_vals, v.max_ctrls};
    }
    void *allocated[4] = {c.refs, v.vals, v.ctrls, v.run_first};
    for (int i = 0; i < 4; i++)
        if (allocated[i] != NULL)
            v.a->free(v.a->ctx, allocated[i]);
    return result;
}

int wasm_validate(struct wasm_module *m, struct wasm_error *err)
{
    return wasm_validate_info(m, NULL, err);
}
