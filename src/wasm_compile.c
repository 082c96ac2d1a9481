/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_code.h"
#include "kstring.h"

struct block {
    uint8_t kind;               /* WASM_OP_BLOCK, WASM_OP_LOOP or WASM_OP_IF */
    bool dead;                  /* opened in unreachable code: emits nothing */
    bool unreachable;           /* the rest of this arm is unreachable */
    uint32_t height;            /* operand height below the block's parameters */
    uint32_t nparams, nresults;
    uint32_t start;             /* a loop's head, the target of its branches */
    uint32_t fixups;            /* words waiting for the end's index: a chain */
    uint32_t else_fixup;        /* an if's JUMP_IF_NOT target word, or 0 */
};

struct compiler {
    struct wasm_module *m;
    uint32_t *words, n, cap;
    struct block *blocks;
    uint32_t nblocks, cap_blocks;
    uint32_t h, max_h, nlocals;  /* nlocals: parameters and declared locals */
    bool out_of_memory;
    uint32_t before, last;       /* where the last two plain instructions start */
    uint32_t label;              /* the last place a branch may land */
};

static void *grow(struct compiler *c, void *array, uint32_t *cap, uint32_t need, size_t size)
{
    if (need <= *cap)
        return array;
    uint32_t ncap = *cap ? *cap : 64;
    while (ncap < need)
        ncap *= 2;
    void *p = c->m->alloc.alloc(c->m->alloc.ctx, (size_t)ncap * size);
    if (p == NULL) {
        c->out_of_memory = true;
        return NULL;
    }
    if (array) {
        memcpy(p, array, (size_t)*cap * size);
        c->m->alloc.free(c->m->alloc.ctx, array);
    }
    *cap = ncap;
    return p;
}
static uint32_t emit(struct compiler *c, uint32_t w)
{
    uint32_t *words = grow(c, c->words, &c->cap, c->n + 1, sizeof(uint32_t));
    if (words == NULL)
        return 0;
    c->words = words;
    c->words[c->n] = w;
    return c->n++;
}

static void push(struct compiler *c, uint32_t k)
{
    c->h += k;
    if (c->h > c->max_h)
        c->max_h = c->h;
}

static void pop(struct compiler *c, uint32_t k) { c->h -= k; }
static void wait_for_end(struct compiler *c, struct block *b)
{
    uint32_t at = emit(c, b->fixups);
    b->fixups = at;
}

static void resolve(struct compiler *c, uint32_t chain, uint32_t target)
{
    while (chain != 0 && !c->out_of_memory) {
        uint32_t next = c->words[chain];
        c->words[chain] = target;
        chain = next;
    }
}
static void block_type(struct compiler *c, int64_t bt, uint32_t *np, uint32_t *nr)
{
    if (bt < 0) {
        *np = 0;
        *nr = (bt & 0x7f) == 0x40 ? 0 : 1;
    } else {
        *np = c->m->types[bt].nparams;
        *nr = c->m->types[bt].nresults;
    }
}

static struct block *open_block(struct compiler *c, uint8_t kind, int64_t bt, bool dead)
{
    struct block *blocks = grow(c, c->blocks, &c->cap_blocks, c->nblocks + 1,
                                sizeof(struct block));
    if (blocks == NULL)
        return NULL;
    c->blocks = blocks;
    struct block *b = &c->blocks[c->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->dead = dead;
    if (!dead) {
        block_type(c, bt, &b->nparams, &b->nresults);
        b->height = c->h - b->nparams;
        b->start = c->n;
    }
    return b;
}
static void emit_target(struct compiler *c, struct block *b)
{
    if (b->kind == WASM_OP_LOOP)
        emit(c, b->start);
    else
        wait_for_end(c, b);
}

static void emit_branch(struct compiler *c, uint32_t depth, uint32_t plain, uint32_t adjusting)
{
    struct block *b = &c->blocks[c->nblocks - 1 - depth];
    uint32_t arity = b->kind == WASM_OP_LOOP ? b->nparams : b->nresults;
    if (c->h - arity == b->height) {
        emit(c, plain);
        emit_target(c, b);
    } else {
        emit(c, adjusting);
        emit_target(c, b);
        emit(c, c->nlocals + b->height);
        emit(c, arity);
    }
}
static int compile_control(struct compiler *c, struct wasm_reader *r, const struct wasm_instr *in);
static void compile_plain(struct compiler *c, const struct wasm_instr *in);

static int compile_instr(struct compiler *c, struct wasm_reader *r, const struct wasm_instr *in)
{
    struct block *top = &c->blocks[c->nblocks - 1];
    if (top->dead || top->unreachable) {
        switch (in->op) {
        case WASM_OP_BLOCK: case WASM_OP_LOOP: case WASM_OP_IF:
            return open_block(c, in->op, 0, true) ? 0 : -1;
        case WASM_OP_ELSE:
            if (top->dead) return 0;
            break;
        case WASM_OP_END:
            if (top->dead) { c->nblocks--; return 0; }
            break;
        default:
            return 0;
        }
    }
    if (in->op <= WASM_OP_CALL_INDIRECT) {
        int result = compile_control(c, r, in);
        c->label = c->n;        /* a branch may land here: fuse nothing across it */
        return result;
    }
    compile_plain(c, in);
    return 0;
}
static int compile_end(struct compiler *c, struct block *top);
static void compile_br_table(struct compiler *c, struct wasm_reader *r, const struct wasm_instr *in);

static int compile_control(struct compiler *c, struct wasm_reader *r, const struct wasm_instr *in)
{
    struct block *top = &c->blocks[c->nblocks - 1], *b;
    switch (in->op) {
    case WASM_OP_NOP:
        return 0;
    case WASM_OP_BLOCK:
        return open_block(c, in->op, in->blocktype, false) ? 0 : -1;
    case WASM_OP_LOOP:
        if ((b = open_block(c, in->op, in->blocktype, false)) == NULL) return -1;
        emit(c, WASM_IOP_FUEL);
        return 0;
    case WASM_OP_IF:
        pop(c, 1);
        if ((b = open_block(c, in->op, in->blocktype, false)) == NULL) return -1;
        emit(c, WASM_IOP_JUMP_IF_NOT);
        b->else_fixup = emit(c, 0);
        return 0;
    case WASM_OP_ELSE:
        if (!top->unreachable) { emit(c, WASM_IOP_JUMP); wait_for_end(c, top); }
        resolve(c, top->else_fixup, c->n);
        top->else_fixup = 0;
        top->unreachable = false;
        c->h = top->height + top->nparams;
        return 0;
    case WASM_OP_END:
        return compile_end(c, top);
    case WASM_OP_UNREACHABLE:
        emit(c, WASM_OP_UNREACHABLE);
        top->unreachable = true;
        return 0;
    case WASM_OP_BR:
        emit_branch(c, in->x, WASM_IOP_JUMP, WASM_IOP_BR);
        top->unreachable = true;
        return 0;
    case WASM_OP_BR_IF:
        pop(c, 1);
        emit_branch(c, in->x, WASM_IOP_JUMP_IF, WASM_IOP_BR_IF);
        return 0;
    case WASM_OP_BR_TABLE:
        pop(c, 1);
        compile_br_table(c, r, in);
        top->unreachable = true;
        return 0;
    case WASM_OP_RETURN:
        emit(c, WASM_IOP_RETURN);
        emit(c, c->blocks[0].nresults);
        top->unreachable = true;
        return 0;
    case WASM_OP_CALL: case WASM_OP_CALL_INDIRECT: {
        uint32_t t = in->op == WASM_OP_CALL ? wasm_func_type_index(c->m, in->x) : in->x;
        emit(c, in->op);
        emit(c, in->x);
        if (in->op == WASM_OP_CALL_INDIRECT) { emit(c, in->y); pop(c, 1); }
        pop(c, c->m->types[t].nparams);
        push(c, c->m->types[t].nresults);
        return 0;
    }
    }
    return 0;
}
static void compile_br_table(struct compiler *c, struct wasm_reader *r, const struct wasm_instr *in)
{
    struct wasm_reader labels = *r;
    labels.pos = in->targets;
    emit(c, WASM_IOP_BR_TABLE);
    emit(c, in->x);
    for (uint32_t i = 0; i <= in->x; i++) {
        uint32_t depth = in->y;
        if (i < in->x && wasm_read_u32(&labels, &depth) < 0)
            return;
        struct block *b = &c->blocks[c->nblocks - 1 - depth];
        uint32_t arity = b->kind == WASM_OP_LOOP ? b->nparams : b->nresults;
        emit_target(c, b);
        emit(c, c->nlocals + b->height);
        emit(c, arity);
    }
}
static int compile_end(struct compiler *c, struct block *top)
{
    if (top->else_fixup)
        resolve(c, top->else_fixup, c->n);
    resolve(c, top->fixups, c->n);
    c->h = top->height + top->nresults;
    if (c->h > c->max_h)
        c->max_h = c->h;
    c->nblocks--;
    if (c->nblocks == 0) {
        emit(c, WASM_IOP_RETURN);
        emit(c, top->nresults);
    }
    return 0;
}
static int stack_effect(uint8_t op);
static bool fuse_operand(struct compiler *c, uint8_t op);
static bool fuse_result(struct compiler *c, uint8_t op, uint32_t local);

static void compile_plain(struct compiler *c, const struct wasm_instr *in)
{
    uint8_t op = in->op;
    if (fuse_result(c, op, in->x) || fuse_operand(c, op))
        return;
    c->before = c->last;
    c->last = c->n;
    emit(c, op);
    switch (wasm_op_immediates[op]) {
    case WASM_IMM_LOCAL: case WASM_IMM_GLOBAL: case WASM_IMM_TABLE:
    case WASM_IMM_FUNC: case WASM_IMM_DATA: case WASM_IMM_ELEM:
    case WASM_IMM_MEMORY_INIT:
        emit(c, in->x);
        break;
    case WASM_IMM_TABLE_INIT: case WASM_IMM_TABLE_COPY:
        emit(c, in->x);
        emit(c, in->y);
        break;
    case WASM_IMM_MEMARG:
        emit(c, in->y);
        break;
    case WASM_IMM_I32: case WASM_IMM_F32:
        emit(c, (uint32_t)in->bits);
        break;
    case WASM_IMM_I64: case WASM_IMM_F64:
        emit(c, (uint32_t)in->bits);
        emit(c, (uint32_t)(in->bits >> 32));
        break;
    }
    int d = stack_effect(op);
    if (d > 0) push(c, (uint32_t)d); else pop(c, (uint32_t)-d);
}
static int stack_effect(uint8_t op)
{
    switch (op) {
    case WASM_OP_I32_EQZ: case WASM_OP_I64_EQZ:
        return 0;
    case WASM_OP_LOCAL_GET: case WASM_OP_GLOBAL_GET: case WASM_OP_I32_CONST:
    case WASM_OP_I64_CONST: case WASM_OP_F32_CONST: case WASM_OP_F64_CONST:
    case WASM_OP_MEMORY_SIZE: case WASM_OP_REF_NULL: case WASM_OP_REF_FUNC:
    case WASM_OP_TABLE_SIZE:
        return 1;
    case WASM_OP_DROP: case WASM_OP_LOCAL_SET: case WASM_OP_GLOBAL_SET:
    case WASM_OP_TABLE_GROW:
        return -1;
    case WASM_OP_SELECT: case WASM_OP_SELECT_T: case WASM_OP_TABLE_SET:
        return -2;
    case WASM_OP_MEMORY_INIT: case WASM_OP_MEMORY_COPY: case WASM_OP_MEMORY_FILL:
    case WASM_OP_TABLE_INIT: case WASM_OP_TABLE_COPY: case WASM_OP_TABLE_FILL:
        return -3;
    }
    if (op >= WASM_OP_I32_STORE && op <= WASM_OP_I64_STORE32)
        return -2;
    if ((op >= WASM_OP_I32_EQ && op <= WASM_OP_F64_GE) ||
        (op >= WASM_OP_I32_ADD && op <= WASM_OP_I32_ROTR) ||
        (op >= WASM_OP_I64_ADD && op <= WASM_OP_I64_ROTR) ||
        (op >= WASM_OP_F32_ADD && op <= WASM_OP_F32_COPYSIGN) ||
        (op >= WASM_OP_F64_ADD && op <= WASM_OP_F64_COPYSIGN))
        return -1;
    return 0;   /* loads, unary operators, conversions, tee, table.get, ... */
}
static bool fuse_operand(struct compiler *c, uint8_t op)
{
    switch (op) {
#define FUSABLE(N, T, expr) case WASM_OP_I32_##N:
    WASM_FUSED_I32_OPS(FUSABLE)
#undef FUSABLE
        break;
    default:
        return false;
    }
    if (c->out_of_memory || c->last < c->label || c->last + 2 != c->n)
        return false;
    uint32_t *w = c->words, second = w[c->last];
    if (second != WASM_OP_I32_CONST && second != WASM_OP_LOCAL_GET)
        return false;
    bool k = second == WASM_OP_I32_CONST;
    if (c->before >= c->label && c->before + 2 == c->last &&
        w[c->before] == WASM_OP_LOCAL_GET) {          /* the first operand too */
        w[c->before] = op + (k ? WASM_IOP_LOCAL_WITH_CONST : WASM_IOP_LOCAL_WITH_LOCAL);
        w[c->before + 2] = w[c->last + 1];
        c->n = c->before + 3;
        c->last = c->before;
    } else {
        w[c->last] = op + (k ? WASM_IOP_WITH_CONST : WASM_IOP_WITH_LOCAL);
    }
    pop(c, 1);          /* the operation pops one operand less than counted */
    return true;
}
static bool fuse_result(struct compiler *c, uint8_t op, uint32_t local)
{
    if (op != WASM_OP_LOCAL_SET && op != WASM_OP_LOCAL_TEE)
        return false;
    if (c->out_of_memory || c->last < c->label)
        return false;
    uint32_t w = c->words[c->last];
    if (op == WASM_OP_LOCAL_SET && c->last + 2 == c->n &&
        (w == WASM_OP_LOCAL_GET || w == WASM_OP_I32_CONST)) {
        c->words[c->last] = w == WASM_OP_LOCAL_GET ? WASM_IOP_LOCAL_COPY
                                                   : WASM_IOP_LOCAL_SET_CONST;
        emit(c, local);
        pop(c, 1);
        return true;
    }
    if (c->last + 3 != c->n)
        return false;
    if (w < WASM_IOP_LOCAL_WITH_CONST || w >= WASM_IOP_LOCAL_WITH_LOCAL + 0x100)
        return false;
    c->words[c->last] = w + (op == WASM_OP_LOCAL_SET ? WASM_IOP_TO_LOCAL : WASM_IOP_TEE_LOCAL);
    emit(c, local);
    if (op == WASM_OP_LOCAL_SET)
        pop(c, 1);
    return true;
}
static struct wasm_code *compile_func(struct compiler *c, const struct wasm_func *f,
                                      struct wasm_error *err)
{
    const struct wasm_functype *t = &c->m->types[f->type_index];
    c->n = c->nblocks = c->h = c->max_h = c->before = c->last = c->label = 0;
    c->nlocals = t->nparams + f->nlocals;
    struct block *fb = open_block(c, WASM_OP_BLOCK, 0, false);
    if (fb) { fb->nresults = t->nresults; fb->height = 0; }
    struct wasm_reader r = { .bytes = c->m->bytes, .pos = f->body.offset,
        .end = f->body.offset + f->body.len, .size = (uint32_t)c->m->len,
        .where = "code section", .span = "function body", .err = err };
    while (c->nblocks > 0 && !c->out_of_memory) {
        struct wasm_instr in;
        if (wasm_read_instr(&r, &in) < 0 || compile_instr(c, &r, &in) < 0)
            return NULL;
    }
    if (c->out_of_memory)
        return NULL;
    struct wasm_code *code = c->m->alloc.alloc(c->m->alloc.ctx,
                                sizeof *code + (size_t)c->n * sizeof(uint32_t));
    if (code == NULL)
        return NULL;
    *code = (struct wasm_code){ t->nparams, f->nlocals, t->nresults, c->max_h, c->n };
    memcpy(code->words, c->words, (size_t)c->n * sizeof(uint32_t));
    return code;
}
int wasm_compile(struct wasm_module *m, struct wasm_error *err)
{
    struct compiler c = { .m = m };
    int result = 0;
    for (uint32_t i = 0; i < m->nfuncs && result == 0; i++) {
        if (m->funcs[i].code != NULL)
            continue;
        m->funcs[i].code = compile_func(&c, &m->funcs[i], err);
        if (m->funcs[i].code == NULL) {
            if (c.out_of_memory && err) {
                err->offset = m->funcs[i].body.offset;
                memcpy(err->message, "out of memory", sizeof "out of memory");
            }
            result = -1;
        }
    }
    if (c.words) m->alloc.free(m->alloc.ctx, c.words);
    if (c.blocks) m->alloc.free(m->alloc.ctx, c.blocks);
    return result;
}

void wasm_compile_free(struct wasm_module *m)
{
    for (uint32_t i = 0; i < m->nfuncs; i++) {
        if (m->funcs[i].code)
            m->alloc.free(m->alloc.ctx, m->funcs[i].code);
        m->funcs[i].code = NULL;
    }
}
