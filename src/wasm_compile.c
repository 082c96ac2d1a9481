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

enum where { IN_SLOT, IN_LOCAL, IS_CONST };

struct value {
    uint8_t where;
    uint32_t local;             /* IN_LOCAL: the local that holds it */
    uint64_t bits;              /* IS_CONST: its bit pattern */
};
struct own_call { uint32_t caller, at, callee; };  /* defined functions, word index */

#define MAX_PENDING 64          /* values above settled, at most */

struct compiler {
    struct wasm_module *m;
    uint32_t *words, n, cap;
    uint32_t *ops, nops, cap_ops;   /* where each instruction's opcode word is */
    struct block *blocks;
    uint32_t nblocks, cap_blocks;
    struct value *vals, spare;  /* the compile-time operand stack */
    uint32_t cap_vals, settled; /* below settled, every value is IN_SLOT */
    uint32_t h, max_h, nlocals; /* nlocals: parameters and declared locals */
    uint32_t nparams;
    bool out_of_memory;
    uint32_t label;             /* the last place a branch may land */
    uint32_t result, result_end;    /* the last result word, and where its instruction ends */
    uint32_t copy_at, copy_end;     /* the same for the last COPY */
    uint64_t written;           /* declared locals (the first 64) written so far */
    struct own_call *calls;     /* every CALL_OWN compiled so far: see "A leaner call" */
    uint32_t ncalls, cap_calls, current;    /* current: the function being compiled */
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
static uint32_t emit_op(struct compiler *c, uint32_t op)
{
    uint32_t *ops = grow(c, c->ops, &c->cap_ops, c->nops + 1, sizeof(uint32_t));
    if (ops == NULL)
        return 0;
    c->ops = ops;
    c->ops[c->nops++] = c->n;
    return emit(c, op);
}
static void cut(struct compiler *c, uint32_t n)
{
    c->n = n;
    while (c->nops > 0 && c->ops[c->nops - 1] >= n)
        c->nops--;
}

static struct value *at(struct compiler *c, uint32_t p)
{
    return p < c->cap_vals ? &c->vals[p] : &c->spare;
}

static void push(struct compiler *c, uint32_t k)
{
    struct value *vals = grow(c, c->vals, &c->cap_vals, c->h + k, sizeof(struct value));
    if (vals != NULL)
        c->vals = vals;
    for (uint32_t i = 0; i < k; i++)
        at(c, c->h + i)->where = IN_SLOT;
    if (c->settled == c->h)
        c->settled += k;
    c->h += k;
    if (c->h > c->max_h)
        c->max_h = c->h;
}

static void settle(struct compiler *c, uint32_t p);

static void push_pending(struct compiler *c, uint8_t where, uint32_t local, uint64_t bits)
{
    push(c, 1);
    *at(c, c->h - 1) = (struct value){ where, local, bits };
    if (c->settled > c->h - 1)
        c->settled = c->h - 1;
    while (c->h - c->settled > MAX_PENDING)     /* keep every scan short */
        settle(c, c->settled++);
}

static void pop(struct compiler *c, uint32_t k)
{
    c->h -= k;
    if (c->settled > c->h)
        c->settled = c->h;
}
static void emit_const(struct compiler *c, uint32_t to, uint64_t bits)
{
    emit_op(c, bits >> 32 ? WASM_IOP_CONST64 : WASM_IOP_CONST32);
    emit(c, to);
    emit(c, (uint32_t)bits);
    if (bits >> 32)
        emit(c, (uint32_t)(bits >> 32));
}

static void emit_copy(struct compiler *c, uint32_t to, uint32_t from)
{
    if (!c->out_of_memory && c->n > 0 && c->copy_end == c->n && c->copy_at >= c->label &&
        c->words[c->copy_at] == WASM_IOP_COPY) {
        c->words[c->copy_at] = WASM_IOP_COPY2;     /* the previous copy, then this one */
    } else {
        c->copy_at = emit_op(c, WASM_IOP_COPY);
    }
    emit(c, to);
    emit(c, from);
    c->copy_end = c->n;
}

static void settle(struct compiler *c, uint32_t p)
{
    struct value *v = at(c, p);
    if (v->where == IN_LOCAL)
        emit_copy(c, c->nlocals + p, v->local);
    else if (v->where == IS_CONST)
        emit_const(c, c->nlocals + p, v->bits);
    v->where = IN_SLOT;
}
static void settle_all(struct compiler *c)
{
    for (uint32_t p = c->settled; p < c->h; p++)
        settle(c, p);
    c->settled = c->h;
}

static void settle_local(struct compiler *c, uint32_t x, uint32_t below)
{
    for (uint32_t p = c->settled; p < below; p++)
        if (at(c, p)->where == IN_LOCAL && at(c, p)->local == x)
            settle(c, p);
}

static uint32_t operand(struct compiler *c, uint32_t p)
{
    if (at(c, p)->where == IN_LOCAL)
        return at(c, p)->local;
    settle(c, p);
    return c->nlocals + p;
}
static bool just_computed(struct compiler *c, uint32_t p)
{
    return !c->out_of_memory && at(c, p)->where == IN_SLOT && c->result_end == c->n &&
           c->n > c->label && c->words[c->result] == c->nlocals + p;
}
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

static void emit_conditional(struct compiler *c, bool if_true);

static void emit_branch(struct compiler *c, uint32_t depth, bool conditional)
{
    struct block *b = &c->blocks[c->nblocks - 1 - depth];
    uint32_t arity = b->kind == WASM_OP_LOOP ? b->nparams : b->nresults;
    if (c->h - conditional - arity == b->height) {
        if (conditional) emit_conditional(c, true);
        else { settle_all(c); emit_op(c, WASM_IOP_JUMP); }
        emit_target(c, b);
        return;
    }
    uint32_t cond = conditional ? operand(c, c->h - 1) : 0;
    pop(c, conditional);
    settle_all(c);
    emit_op(c, conditional ? WASM_IOP_BR_IF : WASM_IOP_BR);
    if (conditional) emit(c, cond);
    emit_target(c, b);
    emit(c, c->nlocals + b->height);
    emit(c, c->nlocals + c->h - arity);
    emit(c, arity);
}
static bool fuse_condition(struct compiler *c, bool if_true);
static void fuse_step(struct compiler *c);

static void emit_conditional(struct compiler *c, bool if_true)
{
    uint32_t p = c->h - 1;
    bool fresh = just_computed(c, p);
    uint32_t cond = operand(c, p);
    pop(c, 1);
    settle_all(c);
    if (!(fresh && c->result_end == c->n && fuse_condition(c, if_true))) {
        emit_op(c, if_true ? WASM_IOP_JUMP_IF : WASM_IOP_JUMP_IF_NOT);
        emit(c, cond);
    }
    fuse_step(c);
}
static bool fuse_condition(struct compiler *c, bool if_true)
{
    uint32_t *w = c->words + c->result - 1, op = w[0] & 0xff;
    bool k = w[0] >= WASM_IOP_WITH_CONST;
    if (w[0] == WASM_OP_I32_EQZ) {
        w[0] = if_true ? WASM_IOP_JUMP_IF_NOT : WASM_IOP_JUMP_IF;
        w[1] = w[2];
        cut(c, c->result + 1);
        return true;
    }
    if (op < WASM_OP_I32_EQ || op > WASM_OP_I32_GE_U || (w[0] >> 8 != 0 && w[0] >> 8 != 2))
        return false;
    w[0] = op + (if_true ? (k ? WASM_IOP_JUMP_IF_CMP_CONST : WASM_IOP_JUMP_IF_CMP)
                         : (k ? WASM_IOP_JUMP_IF_NOT_CMP_CONST : WASM_IOP_JUMP_IF_NOT_CMP));
    w[1] = w[2];
    w[2] = w[3];
    cut(c, c->result + 2);
    return true;
}
static void fuse_store_step(struct compiler *c, uint32_t s);

static void fuse_step(struct compiler *c)
{
    if (c->out_of_memory || c->nops < 2)
        return;
    uint32_t s = c->ops[c->nops - 2], j = c->ops[c->nops - 1], op = c->words[j];
    uint32_t cmp = op & 0xff, k = 0, form;
    bool plain = op == WASM_IOP_JUMP_IF || op == WASM_IOP_JUMP_IF_NOT;
    bool cmpk = cmp >= WASM_OP_I32_EQ && cmp <= WASM_OP_I32_GE_U &&
                (op >> 8 == WASM_IOP_JUMP_IF_CMP_CONST >> 8 ||
                 op >> 8 == WASM_IOP_JUMP_IF_NOT_CMP_CONST >> 8);
    if (!(plain ? c->n == j + 2 : cmpk && c->n == j + 3) || s + 4 != j || s < c->label ||
        c->words[j + 1] != c->words[s + 1])
        return;
    if (plain)
        cmp = WASM_OP_I32_NE;           /* jump if the sum is not 0 (or if it is) */
    else
        k = c->words[j + 2];
    bool if_true = op == WASM_IOP_JUMP_IF || op >> 8 == WASM_IOP_JUMP_IF_CMP_CONST >> 8;
    if (c->words[s] == WASM_IOP_WITH_CONST + WASM_OP_I32_ADD)
        form = if_true ? WASM_IOP_STEP_JUMP_IF : WASM_IOP_STEP_JUMP_IF_NOT;
    else if (c->words[s] == WASM_OP_I32_ADD)
        form = if_true ? WASM_IOP_STEP_SLOT_JUMP_IF : WASM_IOP_STEP_SLOT_JUMP_IF_NOT;
    else
        return;
    c->words[s] = form + cmp;
    cut(c, j);
    emit(c, k);
    fuse_store_step(c, s);
}
static void fuse_store_step(struct compiler *c, uint32_t s)
{
    uint32_t t = c->nops >= 2 ? c->ops[c->nops - 2] : 0;
    if (c->nops < 2 || c->ops[c->nops - 1] != s || t + 6 != s || t < c->label ||
        c->words[s] != WASM_IOP_STEP_SLOT_JUMP_IF + WASM_OP_I32_LT_U ||
        c->words[t] != WASM_IOP_INDEXED_STORE_CONST + WASM_OP_I32_STORE8)
        return;
    c->words[t] = WASM_IOP_STORE8_STEP_LT_U;
    for (uint32_t i = s; i + 1 < c->n; i++)       /* drop the step's opcode word */
        c->words[i] = c->words[i + 1];
    c->n--;
    c->nops--;
}
static void emit_own_call(struct compiler *c, uint32_t x, uint32_t first)
{
    struct own_call *calls = grow(c, c->calls, &c->cap_calls, c->ncalls + 1, sizeof *calls);
    if (calls == NULL)
        return;
    c->calls = calls;
    emit_op(c, WASM_IOP_CALL_OWN);
    emit(c, x);
    emit(c, first);
    c->calls[c->ncalls++] = (struct own_call){ c->current, c->n, x - c->m->nfunc_imports };
    emit(c, 0);                 /* the callee's code, low half: patched */
    emit(c, 0);                 /* and high half */
}
static void patch_own_calls(struct compiler *c)
{
    _Static_assert(sizeof(uintptr_t) <= sizeof(uint64_t), "an address fits two words");
    for (uint32_t i = 0; i < c->ncalls; i++) {
        const struct own_call *k = &c->calls[i];
        struct wasm_code *code = c->m->funcs[k->caller].code;
        uint64_t callee = (uintptr_t)c->m->funcs[k->callee].code;
        code->words[k->at] = (uint32_t)callee;
        code->words[k->at + 1] = (uint32_t)(callee >> 32);
    }
}
static bool still_zero(const struct compiler *c, uint32_t x)
{
    uint32_t d = x - c->nparams;
    if (x < c->nparams || d >= 64 || (c->written >> d & 1))
        return false;
    for (uint32_t i = 0; i < c->nblocks; i++)
        if (c->blocks[i].kind == WASM_OP_LOOP)
            return false;
    return true;
}
static void mark_written(struct compiler *c, uint32_t x)
{
    if (x >= c->nparams && x - c->nparams < 64)
        c->written |= (uint64_t)1 << (x - c->nparams);
}
static bool fuse_return(struct compiler *c)
{
    uint32_t s = c->result - 1;
    if (!just_computed(c, c->h - 1) || c->result == 0 || s + 4 != c->n ||
        c->words[s] != WASM_OP_I32_ADD)
        return false;
    uint32_t a = c->words[s + 2], b = c->words[s + 3];
    cut(c, s);
    emit_op(c, WASM_IOP_RETURN_I32_ADD);
    emit(c, a);
    emit(c, b);
    return true;
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
static void emit_br_table(struct compiler *c, bool fresh, uint32_t index);
static void compile_return(struct compiler *c);

static int compile_control(struct compiler *c, struct wasm_reader *r, const struct wasm_instr *in)
{
    struct block *top = &c->blocks[c->nblocks - 1], *b;
    switch (in->op) {
    case WASM_OP_NOP:
        return 0;
    case WASM_OP_BLOCK: case WASM_OP_LOOP:
        settle_all(c);
        return open_block(c, in->op, in->blocktype, false) ? 0 : -1;
    case WASM_OP_IF:
        emit_conditional(c, false);
        if ((b = open_block(c, in->op, in->blocktype, false)) == NULL) return -1;
        b->else_fixup = emit(c, 0);
        return 0;
    case WASM_OP_ELSE:
        if (!top->unreachable) { settle_all(c); emit_op(c, WASM_IOP_JUMP); wait_for_end(c, top); }
        resolve(c, top->else_fixup, c->n);
        top->else_fixup = 0;
        top->unreachable = false;
        pop(c, c->h - top->height);
        push(c, top->nparams);
        return 0;
    case WASM_OP_END:
        return compile_end(c, top);
    case WASM_OP_UNREACHABLE:
        emit_op(c, WASM_OP_UNREACHABLE);
        top->unreachable = true;
        return 0;
    case WASM_OP_BR: case WASM_OP_BR_IF:
        emit_branch(c, in->x, in->op == WASM_OP_BR_IF);
        top->unreachable = in->op == WASM_OP_BR;
        return 0;
    case WASM_OP_BR_TABLE:
        compile_br_table(c, r, in);
        top->unreachable = true;
        return 0;
    case WASM_OP_RETURN:
        compile_return(c);
        top->unreachable = true;
        return 0;
    case WASM_OP_CALL: case WASM_OP_CALL_INDIRECT: {
        uint32_t t = in->op == WASM_OP_CALL ? wasm_func_type_index(c->m, in->x) : in->x;
        uint32_t k = c->m->types[t].nparams + (in->op == WASM_OP_CALL_INDIRECT);
        for (uint32_t p = c->h - k; p < c->h; p++)
            settle(c, p);
        if (in->op == WASM_OP_CALL && in->x >= c->m->nfunc_imports) {
            emit_own_call(c, in->x, c->nlocals + c->h - k);     /* see "A leaner call" */
        } else {
            emit_op(c, in->op);
            emit(c, in->x);
            if (in->op == WASM_OP_CALL_INDIRECT) emit(c, in->y);
            emit(c, c->nlocals + c->h - (in->op == WASM_OP_CALL_INDIRECT));
        }
        pop(c, k);
        push(c, c->m->types[t].nresults);
        return 0;
    }
    }
    return 0;
}
static void compile_return(struct compiler *c)
{
    uint32_t n = c->blocks[0].nresults, from = c->nlocals + c->h - n;
    if (n == 1 && fuse_return(c))
        return;                 /* see "A leaner call" */
    if (n == 1)
        from = operand(c, c->h - 1);
    else
        for (uint32_t p = c->h - n; p < c->h; p++)
            settle(c, p);
    emit_op(c, WASM_IOP_RETURN);
    emit(c, n);
    emit(c, from);
}
static void compile_br_table(struct compiler *c, struct wasm_reader *r, const struct wasm_instr *in)
{
    struct wasm_reader labels = *r;
    labels.pos = in->targets;
    bool fresh = just_computed(c, c->h - 1);
    uint32_t index = operand(c, c->h - 1);
    pop(c, 1);
    settle_all(c);
    emit_br_table(c, fresh, index);
    emit(c, in->x);
    for (uint32_t i = 0; i <= in->x; i++) {
        uint32_t depth = in->y;
        if (i < in->x && wasm_read_u32(&labels, &depth) < 0)
            return;
        struct block *b = &c->blocks[c->nblocks - 1 - depth];
        uint32_t arity = b->kind == WASM_OP_LOOP ? b->nparams : b->nresults;
        emit_target(c, b);
        emit(c, c->nlocals + b->height);
        emit(c, c->nlocals + c->h - arity);
        emit(c, arity);
    }
}
static void emit_br_table(struct compiler *c, bool fresh, uint32_t index)
{
    if (fresh && c->result_end == c->n &&
        c->words[c->result - 1] == WASM_IOP_SCALED + WASM_OP_I32_LOAD) {
        const uint32_t *w = c->words + c->result + 1;      /* base, shift, plus, offset */
        uint32_t scaled[4] = { w[0], w[1], w[2], w[3] };
        cut(c, c->result - 1);
        emit_op(c, WASM_IOP_BR_TABLE_SCALED);
        for (int i = 0; i < 4; i++)
            emit(c, scaled[i]);
        return;
    }
    emit_op(c, WASM_IOP_BR_TABLE);
    emit(c, index);
}
static int compile_end(struct compiler *c, struct block *top)
{
    if (c->nblocks == 1 && top->fixups == 0 && !top->unreachable) {
        compile_return(c);
        c->nblocks--;
        return 0;
    }
    if (!top->unreachable)
        settle_all(c);
    if (top->else_fixup)
        resolve(c, top->else_fixup, c->n);
    resolve(c, top->fixups, c->n);
    pop(c, c->h - top->height);
    push(c, top->nresults);
    c->nblocks--;
    if (c->nblocks == 0) {
        emit_op(c, WASM_IOP_RETURN);
        emit(c, top->nresults);
        emit(c, c->nlocals);
    }
    return 0;
}
static int stack_effect(uint8_t op);
static bool in_register_form(uint8_t op);
static void compile_register(struct compiler *c, const struct wasm_instr *in, uint32_t k, uint32_t r);
static void compile_stack(struct compiler *c, const struct wasm_instr *in, uint32_t k, uint32_t r);
static void compile_local_set(struct compiler *c, uint32_t x, bool tee);

static void compile_plain(struct compiler *c, const struct wasm_instr *in)
{
    uint8_t op = in->op;
    switch (op) {
    case WASM_OP_LOCAL_GET:
        push_pending(c, IN_LOCAL, in->x, 0);
        return;
    case WASM_OP_I32_CONST: case WASM_OP_I64_CONST:
    case WASM_OP_F32_CONST: case WASM_OP_F64_CONST:
        push_pending(c, IS_CONST, 0, in->bits);
        return;
    case WASM_OP_DROP:
        pop(c, 1);
        return;
    case WASM_OP_LOCAL_SET: case WASM_OP_LOCAL_TEE:
        compile_local_set(c, in->x, op == WASM_OP_LOCAL_TEE);
        return;
    }
    bool none = (op >= WASM_OP_I32_STORE && op <= WASM_OP_I64_STORE32) ||
                op == WASM_OP_GLOBAL_SET || op == WASM_OP_TABLE_SET ||
                (op >= WASM_OP_MEMORY_INIT && op <= WASM_OP_TABLE_COPY) ||
                op == WASM_OP_TABLE_FILL;
    uint32_t r = none ? 0 : 1, k = (uint32_t)((int)r - stack_effect(op));
    if (in_register_form(op))
        compile_register(c, in, k, r);
    else
        compile_stack(c, in, k, r);
}
static void emit_immediates(struct compiler *c, const struct wasm_instr *in);
static bool takes_constant(uint8_t op);
static bool fold_address(struct compiler *c, uint32_t p, uint32_t *base, uint32_t *plus);
static bool fold_load(struct compiler *c, uint32_t p, const uint32_t *src, uint32_t fused);
static bool fold_shift(struct compiler *c, uint32_t *base, uint32_t *shift);
static bool fold_add_to_memory(struct compiler *c, uint32_t p, const uint32_t *src,
                               uint32_t plus, uint32_t offset);
static uint32_t fold_index(struct compiler *c, uint32_t op, uint32_t *base, uint32_t *index);
static bool shifts_operand(uint32_t op);
static bool fold_shifted(struct compiler *c, uint32_t p, const uint32_t *src, uint32_t op);
static bool fold_xor_index(struct compiler *c, uint32_t p, uint32_t index, uint32_t shift,
                           uint32_t plus, uint32_t offset);

static void compile_register(struct compiler *c, const struct wasm_instr *in, uint32_t k, uint32_t r)
{
    uint32_t p = c->h - k, src[3], op = in->op;
    bool store = op >= WASM_OP_I32_STORE && op <= WASM_OP_I64_STORE32;
    if (k == 2 && (takes_constant(in->op) || store) && at(c, p + 1)->where == IS_CONST &&
        at(c, p + 1)->bits >> 32 == 0) {
        op += store ? WASM_IOP_STORE_CONST : WASM_IOP_WITH_CONST;
        src[1] = (uint32_t)at(c, p + 1)->bits;
        src[0] = operand(c, p);
    } else {
        for (uint32_t i = 0; i < k; i++)
            src[i] = operand(c, p + i);
    }
    uint32_t plus = 0;
    bool folded = op >= WASM_OP_I32_LOAD && op <= WASM_OP_I64_STORE32 &&
                  fold_address(c, p, &src[0], &plus);     /* (not a STORE_CONST) */
    if ((op == WASM_OP_F64_ADD && fold_load(c, p, src, WASM_IOP_F64_ADD_LOAD)) ||
        (op == WASM_OP_I32_ADD && fold_load(c, p, src, WASM_IOP_I32_ADD_LOAD)) ||
        (op == WASM_OP_F64_MUL && fold_load(c, p, src, WASM_IOP_F64_MUL_LOAD)) ||
        (op == WASM_OP_F64_STORE && fold_add_to_memory(c, p, src, plus, in->y)))
        return;
    if (shifts_operand(op) && fold_shifted(c, p, src, op))
        return;
    uint32_t shift = 0;             /* a scaled load's shift, an indexed access's index */
    bool scaled = folded && op <= WASM_OP_I64_LOAD32_U && fold_shift(c, &src[0], &shift);
    if (scaled && op == WASM_OP_I32_LOAD && fold_xor_index(c, p, src[0], shift, plus, in->y))
        return;
    uint32_t indexed = scaled ? 0 : fold_index(c, op, &src[0], &shift);
    pop(c, k);
    emit_op(c, indexed ? indexed : op + (scaled ? WASM_IOP_SCALED : folded ? WASM_IOP_WITH_CONST : 0));
    if (r) { c->result = emit(c, c->nlocals + p); push(c, 1); }
    for (uint32_t i = 0; i < k; i++)
        emit(c, src[i]);
    if (scaled || indexed) emit(c, shift);
    if (folded || indexed) emit(c, plus);
    emit_immediates(c, in);
    if (r) c->result_end = c->n;
}
static bool fold_address(struct compiler *c, uint32_t p, uint32_t *base, uint32_t *plus)
{
    if (!just_computed(c, p) || c->words[c->result - 1] != WASM_IOP_WITH_CONST + WASM_OP_I32_ADD)
        return false;
    *base = c->words[c->result + 1];
    *plus = c->words[c->result + 2];
    cut(c, c->result - 1);
    return true;
}
static void emit_immediates(struct compiler *c, const struct wasm_instr *in)
{
    switch (wasm_op_immediates[in->op]) {
    case WASM_IMM_GLOBAL: case WASM_IMM_TABLE: case WASM_IMM_FUNC:
    case WASM_IMM_DATA: case WASM_IMM_ELEM: case WASM_IMM_MEMORY_INIT:
        emit(c, in->x);
        break;
    case WASM_IMM_TABLE_INIT: case WASM_IMM_TABLE_COPY:
        emit(c, in->x);
        emit(c, in->y);
        break;
    case WASM_IMM_MEMARG:
        emit(c, in->y);
        break;
    }
}
static void compile_stack(struct compiler *c, const struct wasm_instr *in, uint32_t k, uint32_t r)
{
    for (uint32_t p = c->h - k; p < c->h; p++)
        settle(c, p);
    emit_op(c, in->op);
    emit(c, c->nlocals + c->h);
    emit_immediates(c, in);
    pop(c, k);
    push(c, r);
}
static bool in_register_form(uint8_t op)
{
    return (op >= WASM_OP_I32_LOAD && op <= WASM_OP_I64_STORE32) ||
           (op >= WASM_OP_I32_EQZ && op <= WASM_OP_I64_EXTEND32_S) ||
           (op >= WASM_OP_I32_TRUNC_SAT_F32_S && op <= WASM_OP_I64_TRUNC_SAT_F64_U) ||
           op == WASM_OP_SELECT || op == WASM_OP_SELECT_T ||
           op == WASM_OP_GLOBAL_GET || op == WASM_OP_GLOBAL_SET;
}

static bool takes_constant(uint8_t op)
{
    switch (op) {
#define TAKES_CONSTANT(N, T, expr) case WASM_OP_I32_##N:
    WASM_FUSED_I32_OPS(TAKES_CONSTANT)
#undef TAKES_CONSTANT
        return true;
    }
    return false;
}
static int stack_effect(uint8_t op)
{
    switch (op) {
    case WASM_OP_I32_EQZ: case WASM_OP_I64_EQZ:
        return 0;
    case WASM_OP_GLOBAL_GET: case WASM_OP_MEMORY_SIZE: case WASM_OP_REF_NULL:
    case WASM_OP_REF_FUNC: case WASM_OP_TABLE_SIZE:
        return 1;
    case WASM_OP_GLOBAL_SET: case WASM_OP_TABLE_GROW:
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
    return 0;   /* loads, unary operators, conversions, table.get, ... */
}
static void compile_local_set(struct compiler *c, uint32_t x, bool tee)
{
    uint32_t p = c->h - 1;
    struct value v = *at(c, p);
    settle_local(c, x, p);
    if (v.where == IS_CONST && v.bits == 0 && still_zero(c, x))
        ;                       /* the local still holds its initial 0 */
    else if (mark_written(c, x), just_computed(c, p))
        c->words[c->result] = x;
    else if (v.where == IS_CONST)
        emit_const(c, x, v.bits);
    else if (v.where == IN_SLOT || v.local != x)
        emit_copy(c, x, v.where == IN_SLOT ? c->nlocals + p : v.local);
    pop(c, 1);
    if (tee)
        push_pending(c, v.where == IS_CONST ? IS_CONST : IN_LOCAL, x, v.bits);
}
static bool fold_load(struct compiler *c, uint32_t p, const uint32_t *src, uint32_t fused)
{
    uint32_t q = just_computed(c, p + 1) ? p + 1 : just_computed(c, p) ? p : UINT32_MAX;
    if (q == UINT32_MAX)
        return false;
    const uint32_t *w = c->words + c->result - 1;
    uint32_t load = fused == WASM_IOP_I32_ADD_LOAD ? WASM_OP_I32_LOAD : WASM_OP_F64_LOAD;
    bool k = w[0] == WASM_IOP_WITH_CONST + load;            /* slot + constant */
    if (w[0] != load && !k)
        return false;
    uint32_t address = w[2], plus = k ? w[3] : 0, offset = w[3 + k];
    uint32_t a = src[q == p];               /* the operand the load is not */
    cut(c, c->result - 1);
    pop(c, 2);
    emit_op(c, fused);
    c->result = emit(c, c->nlocals + p);
    push(c, 1);
    emit(c, a);
    emit(c, address);
    emit(c, plus);
    emit(c, offset);
    c->result_end = c->n;
    return true;
}
static bool multiply_add(struct compiler *c, uint32_t a, uint32_t address, uint32_t plus,
                         uint32_t offset);

static bool fold_add_to_memory(struct compiler *c, uint32_t p, const uint32_t *src,
                               uint32_t plus, uint32_t offset)
{
    if (!just_computed(c, p + 1) || c->words[c->result - 1] != WASM_IOP_F64_ADD_LOAD)
        return false;
    const uint32_t *w = c->words + c->result;       /* to, a, address, plus, offset */
    if (w[2] != src[0] || w[3] != plus || w[4] != offset)
        return false;
    uint32_t a = w[1];
    pop(c, 2);
    if (multiply_add(c, a, src[0], plus, offset))
        return true;
    cut(c, c->result - 1);
    emit_op(c, WASM_IOP_F64_ADD_TO_MEMORY);
    emit(c, a);
    emit(c, src[0]);
    emit(c, plus);
    emit(c, offset);
    return true;
}
static bool multiply_add(struct compiler *c, uint32_t a, uint32_t address, uint32_t plus,
                         uint32_t offset)
{
    uint32_t m = c->nops > 1 ? c->ops[c->nops - 2] : 0;
    const uint32_t *w = c->words + m;           /* to, x, address, plus, offset */
    if (c->nops < 2 || m + 6 != c->result - 1 || m < c->label ||
        w[0] != WASM_IOP_F64_MUL_LOAD || w[1] != a || a < c->nlocals || a == address)
        return false;
    uint32_t x = w[2], b = w[3], bplus = w[4], boffset = w[5];
    cut(c, m);
    emit_op(c, WASM_IOP_F64_MUL_ADD_TO_MEMORY);
    emit(c, x);
    emit(c, b);
    emit(c, bplus);
    emit(c, boffset);
    emit(c, address);
    emit(c, plus);
    emit(c, offset);
    return true;
}
static uint32_t fold_index(struct compiler *c, uint32_t op, uint32_t *base, uint32_t *index)
{
    bool k = op >= WASM_IOP_STORE_CONST && op < WASM_IOP_SCALED;    /* a constant stored */
    uint32_t plain = k ? op - WASM_IOP_STORE_CONST : op;
    if (plain < WASM_OP_I32_LOAD || plain > WASM_OP_I64_STORE32 || c->out_of_memory ||
        c->nops == 0)
        return 0;
    uint32_t s = c->ops[c->nops - 1];
    if (s + 4 != c->n || s < c->label || *base < c->nlocals ||
        c->words[s] != WASM_OP_I32_ADD || c->words[s + 1] != *base)
        return 0;
    *base = c->words[s + 2];
    *index = c->words[s + 3];
    cut(c, s);
    return plain + (k ? WASM_IOP_INDEXED_STORE_CONST : WASM_IOP_INDEXED);
}
static bool fold_shift(struct compiler *c, uint32_t *base, uint32_t *shift)
{
    if (c->out_of_memory || c->nops == 0)
        return false;
    uint32_t s = c->ops[c->nops - 1];
    if (s + 4 != c->n || s < c->label || *base < c->nlocals ||
        c->words[s] != WASM_IOP_WITH_CONST + WASM_OP_I32_SHL || c->words[s + 1] != *base)
        return false;
    *base = c->words[s + 2];
    *shift = c->words[s + 3];
    cut(c, s);
    return true;
}
static bool shifts_operand(uint32_t op)
{
    switch (op) {
#define SHIFTS_OPERAND(N, T, expr) case WASM_OP_I32_##N:
    WASM_SHIFTED_I32_OPS(SHIFTS_OPERAND)
#undef SHIFTS_OPERAND
        return true;
    }
    return false;
}
static bool fold_rotations(struct compiler *c, uint32_t p, uint32_t a, uint32_t b, uint32_t m,
                           bool rotl);
static bool fold_shifted(struct compiler *c, uint32_t p, const uint32_t *src, uint32_t op)
{
    uint32_t q = just_computed(c, p + 1) ? p + 1 : just_computed(c, p) ? p : UINT32_MAX;
    if (q == UINT32_MAX)
        return false;
    uint32_t form, last = c->words[c->result - 1], k = c->words[c->result + 2];
    switch (last) {
    case WASM_IOP_WITH_CONST + WASM_OP_I32_SHL: form = WASM_IOP_SHIFTED_SHL + op; break;
    case WASM_IOP_WITH_CONST + WASM_OP_I32_SHR_U: form = WASM_IOP_SHIFTED_SHR_U + op; break;
    case WASM_IOP_WITH_CONST + WASM_OP_I32_ROTL: form = WASM_IOP_SHIFTED_ROTL + op; break;
    case WASM_IOP_WITH_CONST + WASM_OP_I32_ROTR: form = WASM_IOP_SHIFTED_ROTL + op; k = 0u - k; break;
    case WASM_OP_I32_AND: form = WASM_IOP_ADD_AND; break;
    case WASM_OP_I32_XOR: form = WASM_IOP_ADD_XOR; break;
    default: return false;
    }
    bool shifted = form >= WASM_IOP_SHIFTED_SHL;
    if (!shifted && op != WASM_OP_I32_ADD)
        return false;               /* only an addition takes a bitwise operand */
    uint32_t a = src[q == p], b = c->words[c->result + 1];
    cut(c, c->result - 1);
    pop(c, 2);
    if (op == WASM_OP_I32_XOR && form != WASM_IOP_SHIFTED_SHL + op &&
        fold_rotations(c, p, a, b, k & 31, form == WASM_IOP_SHIFTED_ROTL + op))
        return true;
    emit_op(c, form);
    c->result = emit(c, c->nlocals + p);
    push(c, 1);
    emit(c, a);
    emit(c, b);
    emit(c, shifted ? k & 31 : k);  /* a count, or the bitwise operation's second slot */
    c->result_end = c->n;
    return true;
}
static bool starts_instruction(const struct compiler *c, uint32_t t)
{
    uint32_t lo = 0, hi = c->nops;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->ops[mid] < t) lo = mid + 1; else hi = mid;
    }
    return lo < c->nops && c->ops[lo] == t;
}

static void thread_jumps(struct compiler *c)
{
    for (uint32_t i = 0; i < c->nops && !c->out_of_memory; i++) {
        uint32_t *w = c->words + c->ops[i];
        if (w[0] != WASM_IOP_JUMP || !starts_instruction(c, w[1]))
            continue;
        uint32_t target = c->words[w[1]];
        if (target >> 8 == WASM_IOP_WITH_CONST >> 8 && takes_constant((uint8_t)target))
            w[0] = WASM_IOP_JUMP_THEN + (target & 0xff);
    }
}
static bool fold_rotations(struct compiler *c, uint32_t p, uint32_t a, uint32_t b, uint32_t m,
                           bool rotl)
{
    if (c->nops < 2 || a != c->nlocals + p)
        return false;
    uint32_t s = c->ops[c->nops - 2], x = c->ops[c->nops - 1];
    const uint32_t *w = c->words;
    if (s < c->label || s + 4 != x || x + 5 != c->n ||
        w[s] != WASM_IOP_WITH_CONST + WASM_OP_I32_ROTL || w[s + 1] != a || w[s + 2] != b ||
        w[x] != WASM_IOP_SHIFTED_ROTL + WASM_OP_I32_XOR || w[x + 1] != a || w[x + 2] != a ||
        w[x + 3] != b)
        return false;
    uint32_t k = w[s + 3] & 31, l = w[x + 4];
    cut(c, s);
    emit_op(c, rotl ? WASM_IOP_XOR_ROTL3 : WASM_IOP_XOR_ROTL2_SHR);
    c->result = emit(c, a);
    push(c, 1);
    emit(c, b);
    emit(c, k);
    emit(c, l);
    emit(c, m);
    c->result_end = c->n;
    return true;
}
static bool fold_xor_index(struct compiler *c, uint32_t p, uint32_t index, uint32_t shift,
                           uint32_t plus, uint32_t offset)
{
    if (c->out_of_memory || c->nops == 0)
        return false;
    uint32_t s = c->ops[c->nops - 1];
    if (s + 4 != c->n || s < c->label || index < c->nlocals ||
        c->words[s] != WASM_OP_I32_XOR || c->words[s + 1] != index)
        return false;
    uint32_t a = c->words[s + 2], b = c->words[s + 3];
    cut(c, s);
    pop(c, 1);
    emit_op(c, WASM_IOP_SCALED_XOR_LOAD);
    c->result = emit(c, c->nlocals + p);
    push(c, 1);
    emit(c, a);
    emit(c, b);
    emit(c, shift);
    emit(c, plus);
    emit(c, offset);
    c->result_end = c->n;
    return true;
}
static struct wasm_code *compile_func(struct compiler *c, const struct wasm_func *f,
                                      struct wasm_error *err)
{
    const struct wasm_functype *t = &c->m->types[f->type_index];
    c->n = c->nops = c->nblocks = c->h = c->max_h = c->settled = c->label = 0;
    c->result = c->result_end = c->copy_at = c->copy_end = 0;
    c->written = 0;
    c->nlocals = t->nparams + f->nlocals;
    c->nparams = t->nparams;
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
    thread_jumps(c);
    if (c->out_of_memory)
        return NULL;
    struct wasm_code *code = c->m->alloc.alloc(c->m->alloc.ctx,
                                sizeof *code + (size_t)c->n * sizeof(uint32_t));
    if (code == NULL)
        return NULL;
    *code = (struct wasm_code){ t->nparams, f->nlocals, t->nresults, c->max_h, c->n };
    memcpy(code->words, c->words, (size_t)c->n * sizeof(uint32_t));
    for (uint32_t i = 0; i < c->nops; i++)
        code->words[c->ops[i]] = wasm_dispatch_word(code->words[c->ops[i]]);
    return code;
}
int wasm_compile(struct wasm_module *m, struct wasm_error *err)
{
    struct compiler c = { .m = m };
    int result = 0;
    for (uint32_t i = 0; i < m->nfuncs && result == 0; i++) {
        if (m->funcs[i].code != NULL)
            continue;
        c.current = i;
        m->funcs[i].code = compile_func(&c, &m->funcs[i], err);
        if (m->funcs[i].code == NULL) {
            if (c.out_of_memory && err) {
                err->offset = m->funcs[i].body.offset;
                memcpy(err->message, "out of memory", sizeof "out of memory");
            }
            result = -1;
        }
    }
    if (result == 0)
        patch_own_calls(&c);
    else
        wasm_compile_free(m);   /* a retry compiles, and patches, everything again */
    if (c.calls) m->alloc.free(m->alloc.ctx, c.calls);
    if (c.words) m->alloc.free(m->alloc.ctx, c.words);
    if (c.ops) m->alloc.free(m->alloc.ctx, c.ops);
    if (c.blocks) m->alloc.free(m->alloc.ctx, c.blocks);
    if (c.vals) m->alloc.free(m->alloc.ctx, c.vals);
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
