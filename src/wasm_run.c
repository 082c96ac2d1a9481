/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_interp.h"
#include "wasm_code.h"
#include "kstring.h"

int wasm_exec_init(struct wasm_exec *ex, const struct wasm_alloc *a,
                   uint32_t stack_slots, uint32_t max_depth)
{
    memset(ex, 0, sizeof *ex);
    ex->alloc = *a;
    ex->stack = a->alloc(a->ctx, (size_t)stack_slots * sizeof(uint64_t));
    ex->frames = a->alloc(a->ctx, (size_t)max_depth * sizeof(struct wasm_frame));
    if (ex->stack == NULL || ex->frames == NULL) {
        wasm_exec_free(ex);
        return -1;
    }
    ex->stack_end = ex->stack + stack_slots;
    ex->max_depth = max_depth;
    ex->fuel = INT64_MAX;
    return 0;
}

void wasm_exec_free(struct wasm_exec *ex)
{
    if (ex->stack) ex->alloc.free(ex->alloc.ctx, ex->stack);
    if (ex->frames) ex->alloc.free(ex->alloc.ctx, ex->frames);
    ex->stack = NULL;
    ex->frames = NULL;
}
#define TRAP(t) do { trap = (t); goto trapped; } while (0)
#define LOAD_MEMORY() do { struct wasm_memory *m_ = inst->memories[0];           \
        mem = m_ ? m_->data : NULL; memsize = m_ ? m_->size : 0; } while (0)
#define BIN(T, expr) { T a = (T)fp[pc[1]], b = (T)fp[pc[2]];                    \
        fp[pc[0]] = (T)(expr); pc += 3; NEXT; }
#define CMP(T, op) { T a = (T)fp[pc[1]], b = (T)fp[pc[2]];                      \
        fp[pc[0]] = a op b; pc += 3; NEXT; }
#define UN(T, expr) { T a = (T)fp[pc[1]]; fp[pc[0]] = (T)(expr); pc += 2; NEXT; }
#define U(expr) { uint64_t x = fp[pc[1]]; fp[pc[0]] = (expr); pc += 2; NEXT; }
#define FCMP(N, op) { fp[pc[0]] = wasm_##N((uint32_t)fp[pc[1]]) op wasm_##N((uint32_t)fp[pc[2]]); \
        pc += 3; NEXT; }
#define DCMP(op) { fp[pc[0]] = wasm_f64(fp[pc[1]]) op wasm_f64(fp[pc[2]]); pc += 3; NEXT; }
#define TRAPPING(T, fn) { T r; int t_ = fn((T)fp[pc[1]], (T)fp[pc[2]], &r);        \
        if (t_) { TRAP(t_); } fp[pc[0]] = r; pc += 3; NEXT; }
#define LOAD(T, conv, address, offset, n) { uint64_t ea = (uint64_t)(address) + (offset); \
        T v;                                                                           \
        if (ea + sizeof(T) > memsize) TRAP(WASM_TRAP_MEMORY_OOB);                      \
        __builtin_memcpy(&v, mem + ea, sizeof v); fp[pc[0]] = conv; pc += n; NEXT; }
#define STORE(T, address, value, offset, n) { uint64_t ea = (uint64_t)(address) + (offset); \
        T v = (T)(value);                                                              \
        if (ea + sizeof(T) > memsize) TRAP(WASM_TRAP_MEMORY_OOB);                      \
        __builtin_memcpy(mem + ea, &v, sizeof v); pc += n; NEXT; }
#define WASM_LOADS(X)                                                                   \
    X(I32_LOAD, uint32_t, v) X(I64_LOAD, uint64_t, v)                                   \
    X(F32_LOAD, uint32_t, v) X(F64_LOAD, uint64_t, v)                                   \
    X(I32_LOAD8_S, int8_t, (uint32_t)(int32_t)v) X(I32_LOAD8_U, uint8_t, v)             \
    X(I32_LOAD16_S, int16_t, (uint32_t)(int32_t)v) X(I32_LOAD16_U, uint16_t, v)         \
    X(I64_LOAD8_S, int8_t, (uint64_t)(int64_t)v) X(I64_LOAD8_U, uint8_t, v)             \
    X(I64_LOAD16_S, int16_t, (uint64_t)(int64_t)v) X(I64_LOAD16_U, uint16_t, v)         \
    X(I64_LOAD32_S, int32_t, (uint64_t)(int64_t)v) X(I64_LOAD32_U, uint32_t, v)
#define WASM_STORES(X)                                                                  \
    X(I32_STORE, uint32_t) X(I64_STORE, uint64_t) X(F32_STORE, uint32_t)                \
    X(F64_STORE, uint64_t) X(I32_STORE8, uint8_t) X(I32_STORE16, uint16_t)              \
    X(I64_STORE8, uint8_t) X(I64_STORE16, uint16_t) X(I64_STORE32, uint32_t)
#define STACK_TOP() (sp = fp + *pc++)
#define TAKE(t) { if (fuel <= 0) { pc--; goto out_of_fuel; } fuel--; pc = base + (t); NEXT; }
/* move n values down to dst (a branch or a return) and give the new top */
static inline uint64_t *move_down(uint64_t *dst, const uint64_t *src, uint32_t n)
{
    if (n == 1)
        *dst = *src;
    else if (n > 1)
        memmove(dst, src, n * sizeof(uint64_t));
    return dst + n;
}
#define WITH_MEMORY_OPERAND(T, expr) {                                        \
    uint64_t ea = (uint64_t)(uint32_t)(fp[pc[2]] + pc[3]) + pc[4], a = fp[pc[1]]; \
    T v;                                                                      \
    if (ea + sizeof v > memsize)                                              \
        TRAP(WASM_TRAP_MEMORY_OOB);                                           \
    __builtin_memcpy(&v, mem + ea, sizeof v);                                 \
    fp[pc[0]] = (expr);                                                       \
    pc += 5; NEXT; }
static __attribute__((noinline)) enum wasm_trap
bulk(struct wasm_instance *inst, uint32_t op, const uint32_t *pc, uint64_t *sp,
     uint8_t *mem, uint64_t memsize)
{
    uint64_t n = (uint32_t)sp[-1], s = (uint32_t)sp[-2], d = (uint32_t)sp[-3];
    switch (op) {
    case WASM_OP_MEMORY_FILL:
        if (d + n > memsize) return WASM_TRAP_MEMORY_OOB;
        if (n) memset(mem + d, (uint8_t)sp[-2], n);
        return 0;
    case WASM_OP_MEMORY_COPY:
        if (s + n > memsize || d + n > memsize) return WASM_TRAP_MEMORY_OOB;
        if (n) memmove(mem + d, mem + s, n);
        return 0;
    case WASM_OP_MEMORY_INIT: {
        const struct wasm_data *seg = &inst->module->datas[pc[0]];
        uint64_t len = inst->data_dropped[pc[0]] ? 0 : seg->len;
        if (s + n > len || d + n > memsize) return WASM_TRAP_MEMORY_OOB;
        if (n) memcpy(mem + d, seg->bytes + s, n);
        return 0;
    }
    case WASM_OP_TABLE_FILL: {
        struct wasm_table *t = inst->tables[pc[0]];
        if (d + n > t->size) return WASM_TRAP_TABLE_OOB;
        for (uint64_t k = 0; k < n; k++) t->elems[d + k] = sp[-2];
        return 0;
    }
    case WASM_OP_TABLE_COPY: {
        struct wasm_table *td = inst->tables[pc[0]], *ts = inst->tables[pc[1]];
        if (s + n > ts->size || d + n > td->size) return WASM_TRAP_TABLE_OOB;
        if (n) memmove(td->elems + d, ts->elems + s, n * sizeof(uint64_t));
        return 0;
    }
    default: {                                  /* table.init */
        struct wasm_elemseg *seg = &inst->elems[pc[0]];
        struct wasm_table *t = inst->tables[pc[1]];
        if (s + n > seg->count || d + n > t->size) return WASM_TRAP_TABLE_OOB;
        if (n) memcpy(t->elems + d, seg->refs + s, n * sizeof(uint64_t));
        return 0;
    }
    }
}
#define BULK(op, nimm) { STACK_TOP(); trap = bulk(inst, op, pc, sp, mem, memsize);      \
        if (trap) goto trapped; pc += (nimm); NEXT; }
#if defined(__GNUC__) && !defined(WASM_SWITCH_DISPATCH)
#define DISPATCH            NEXT;
#define NEXT                goto *(&&op_default + (int32_t)*pc++)
#define CASE(name)          op_##name:
#define ICASE(name)         iop_##name:
#define FCASE(form, n)      fused_##form##_##n:
#define ACASE(name)         address_##name:
#define KCASE(name)         store_const_##name:
#define SCASE(name)         scaled_##name:
#define DEFAULT             op_default:
#define RUN_ATTRIBUTES      __attribute__((noinline))  /* one copy of the labels */
#define WASM_THREADED 1
#else
#define DISPATCH            switch (*pc++)
#define NEXT                break
#define CASE(name)          case WASM_OP_##name:
#define ICASE(name)         case WASM_IOP_##name:
#define FCASE(form, n)      case WASM_IOP_##form + WASM_OP_I32_##n:
#define ACASE(name)         case WASM_IOP_WITH_CONST + WASM_OP_##name:
#define KCASE(name)         case WASM_IOP_STORE_CONST + WASM_OP_##name:
#define SCASE(name)         case WASM_IOP_SCALED + WASM_OP_##name:
#define DEFAULT             default:
#define RUN_ATTRIBUTES
#endif
#ifdef WASM_THREADED
#define XCASE(name)         indexed_##name:
#define XKCASE(name)        indexed_const_##name:
#else
#define XCASE(name)         case WASM_IOP_INDEXED + WASM_OP_##name:
#define XKCASE(name)        case WASM_IOP_INDEXED_STORE_CONST + WASM_OP_##name:
#endif
static RUN_ATTRIBUTES int run(struct wasm_exec *ex, const int32_t **table)
{
    #ifdef WASM_THREADED
    #define WASM_INTERNAL_OPS(X) X(JUMP) X(JUMP_IF) X(JUMP_IF_NOT) X(BR) X(BR_IF) \
        X(BR_TABLE) X(RETURN) X(COPY) X(COPY2) X(CONST32) X(CONST64) X(F64_ADD_LOAD) \
        X(F64_MUL_LOAD) X(F64_ADD_TO_MEMORY) X(F64_MUL_ADD_TO_MEMORY) X(CALL_OWN) \
        X(RETURN_I32_ADD) X(BR_TABLE_SCALED) X(ADD_AND) X(ADD_XOR) \
        X(XOR_ROTL3) X(XOR_ROTL2_SHR) X(I32_ADD_LOAD) X(SCALED_XOR_LOAD) \
        X(STORE8_STEP_LT_U)
    #define ONE(name) + 1
        _Static_assert(0 WASM_INTERNAL_OPS(ONE) == WASM_IOP_COUNT - WASM_IOP_JUMP,
                       "every internal opcode needs an entry in the label table");
    #define OP_LABEL(name, code, text, imm) [WASM_OP_##name] = &&op_##name - &&op_default,
    #define IOP_LABEL(name) [WASM_IOP_##name] = &&iop_##name - &&op_default,
    #define FUSED_LABEL(form, n) [WASM_IOP_##form + WASM_OP_I32_##n] = &&fused_##form##_##n - &&op_default,
    #define CONST_LABEL(n, T, expr) FUSED_LABEL(WITH_CONST, n)
    #define ADDRESS_LABEL(name, ...) [WASM_IOP_WITH_CONST + WASM_OP_##name] = &&address_##name - &&op_default,
    #define STORE_CONST_LABEL(name, T) [WASM_IOP_STORE_CONST + WASM_OP_##name] = &&store_const_##name - &&op_default,
    #define SCALED_LABEL(name, ...) [WASM_IOP_SCALED + WASM_OP_##name] = &&scaled_##name - &&op_default,
    #define INDEXED_LABEL(name, ...) [WASM_IOP_INDEXED + WASM_OP_##name] = &&indexed_##name - &&op_default,
    #define INDEXED_STORE_CONST_LABEL(name, T)                                         \
        [WASM_IOP_INDEXED_STORE_CONST + WASM_OP_##name] = &&indexed_const_##name - &&op_default,
    #define JUMP_LABELS(n, T, expr)                                                    \
        FUSED_LABEL(JUMP_IF_CMP, n) FUSED_LABEL(JUMP_IF_CMP_CONST, n)                  \
        FUSED_LABEL(JUMP_IF_NOT_CMP, n) FUSED_LABEL(JUMP_IF_NOT_CMP_CONST, n)
    #define STEP_LABELS(n, T, expr)                                                    \
        FUSED_LABEL(STEP_JUMP_IF, n) FUSED_LABEL(STEP_JUMP_IF_NOT, n)                  \
        FUSED_LABEL(STEP_SLOT_JUMP_IF, n) FUSED_LABEL(STEP_SLOT_JUMP_IF_NOT, n)
        static const int32_t labels[WASM_IOP_END] = {
            WASM_OPCODES(OP_LABEL)
            WASM_INTERNAL_OPS(IOP_LABEL)
            WASM_FUSED_I32_OPS(CONST_LABEL)
            WASM_I32_COMPARISONS(JUMP_LABELS)
            WASM_LOADS(ADDRESS_LABEL)
            WASM_STORES(ADDRESS_LABEL)
            WASM_STORES(STORE_CONST_LABEL)
            WASM_LOADS(SCALED_LABEL)
            WASM_LOADS(INDEXED_LABEL)
            WASM_STORES(INDEXED_LABEL)
            WASM_STORES(INDEXED_STORE_CONST_LABEL)
            WASM_I32_COMPARISONS(STEP_LABELS)
            #define SHIFTED_LABELS(n, ...) FUSED_LABEL(SHIFTED_SHL, n) FUSED_LABEL(SHIFTED_SHR_U, n) \
                FUSED_LABEL(SHIFTED_ROTL, n)
            #define JUMP_THEN_LABEL(n, ...) FUSED_LABEL(JUMP_THEN, n)
                    WASM_SHIFTED_I32_OPS(SHIFTED_LABELS)
                    WASM_FUSED_I32_OPS(JUMP_THEN_LABEL)
        };
    #endif
    #ifdef WASM_THREADED
        if (table != NULL) {            /* the compiler wants the offsets, not a run */
            *table = labels;
            return 0;
        }
    #else
        (void)table;
    #endif
    const uint32_t *pc = ex->pc, *base, *at = NULL;
    uint64_t *sp = NULL, *fp = ex->fp;
    struct wasm_funcinst *func = ex->func, *callee;
    struct wasm_instance *inst = func->inst;
    int64_t fuel = ex->fuel;
    uint8_t *mem;
    uint64_t memsize;
    enum wasm_trap trap;
    struct wasm_frame *frame = ex->frames + ex->depth - 1;       /* the top call frame */
    struct wasm_frame *const last = ex->frames + ex->max_depth - 1;
    #define SAVE_DEPTH() (ex->depth = (uint32_t)(frame - ex->frames) + 1)
    base = func->code->words;
    LOAD_MEMORY();
    for (;;) {
        DISPATCH {
        CASE(UNREACHABLE)
            TRAP(WASM_TRAP_UNREACHABLE);
        ICASE(JUMP)
            TAKE(pc[0])
        ICASE(JUMP_IF)
            if ((uint32_t)fp[pc[0]]) TAKE(pc[1])
            pc += 2;
            NEXT;
        ICASE(JUMP_IF_NOT)
            if (!(uint32_t)fp[pc[0]]) TAKE(pc[1])
            pc += 2;
            NEXT;
        ICASE(BR_IF)
            if (!(uint32_t)fp[pc[0]]) { pc += 5; NEXT; }
            at = pc++ - 1;
            goto branch;
        ICASE(BR)
            at = pc - 1;
        branch:
            if (fuel <= 0) { pc = at; goto out_of_fuel; }
            fuel--;
            move_down(fp + pc[1], fp + pc[2], pc[3]);
            pc = base + pc[0];
            NEXT;
        ICASE(BR_TABLE) {
            uint32_t i = (uint32_t)fp[pc[0]], n = pc[1];
            at = pc - 1;
            pc += 2 + 4 * (i < n ? i : n);
            goto branch;
        }
        ICASE(RETURN) {
            sp = move_down(fp, fp + pc[1], pc[0]);
        pop_frame:
            if (frame->func == NULL)
                goto finished;
            pc = frame->pc;
            fp = frame->fp;
            func = frame->func;
            base = frame->base;
            frame--;
            if (func->inst != inst) { inst = func->inst; LOAD_MEMORY(); }
            NEXT;
        }
        #define JUMP_THEN(N, T, expr)                                                      \
        FCASE(JUMP_THEN, N) {                                                              \
            if (fuel <= 0) { pc--; goto out_of_fuel; }                                     \
            fuel--;                                                                        \
            const uint32_t *q = base + pc[0];                                              \
            T a = (T)fp[q[2]], b = (T)q[3]; fp[q[1]] = (uint32_t)(expr); pc = q + 4; NEXT; }
        WASM_FUSED_I32_OPS(JUMP_THEN)
        #undef JUMP_THEN
        ICASE(BR_TABLE_SCALED) {
            if (fuel <= 0) { pc--; goto out_of_fuel; }
            uint64_t ea = (uint64_t)(uint32_t)(((uint32_t)fp[pc[0]] << (pc[1] & 31)) + pc[2]) + pc[3];
            uint32_t i, n = pc[4];
            if (ea + sizeof i > memsize)
                TRAP(WASM_TRAP_MEMORY_OOB);
            __builtin_memcpy(&i, mem + ea, sizeof i);
            fuel--;
            pc += 5 + 4 * (i < n ? i : n);
            move_down(fp + pc[1], fp + pc[2], pc[3]);
            pc = base + pc[0];
            NEXT;
        }
        CASE(CALL)
            callee = inst->funcs[pc[0]];
            pc += 2;
            goto call;
        CASE(CALL_INDIRECT) {
            const struct wasm_functype *want = &inst->module->types[pc[0]];
            struct wasm_table *t = inst->tables[pc[1]];
            uint32_t i = (uint32_t)fp[pc[2]];
            pc += 3;
            if (i >= t->size)
                TRAP(WASM_TRAP_UNDEFINED_ELEMENT);
            callee = (struct wasm_funcinst *)(uintptr_t)t->elems[i];
            if (callee == NULL)
                TRAP(WASM_TRAP_UNINITIALIZED);
            if (!wasm_functype_equal(&callee->type, want))
                TRAP(WASM_TRAP_INDIRECT_TYPE);
            goto call;
        }
        call:
            sp = fp + pc[-1];
            if (callee->host != NULL) {
                uint64_t *args = sp - callee->type.nparams;
                if (callee->type.nresults > (size_t)(ex->stack_end - args))
                    TRAP(WASM_TRAP_STACK_EXHAUSTED);
                ex->pc = pc; ex->sp = args; ex->fp = fp; ex->func = func; ex->fuel = fuel;
                SAVE_DEPTH();
                int st = callee->host(callee->host_ctx, ex, args);
                if (st == WASM_PENDING) {
                    ex->pending = args;
                    ex->nresults_pending = callee->type.nresults;
                    return ex->status = WASM_PENDING;
                }
                if (st != WASM_DONE)
                    TRAP(WASM_TRAP_HOST);
                sp = args + callee->type.nresults;
                LOAD_MEMORY();
                NEXT;
            } else {
                const struct wasm_code *code = callee->code;
                if (frame == last ||
                    code->nlocals + code->max_height > (size_t)(ex->stack_end - sp))
                    TRAP(WASM_TRAP_STACK_EXHAUSTED);
                *++frame = (struct wasm_frame){ pc, fp, func, base };
                fp = sp - code->nparams;
                if (code->nlocals == 1)
                    *sp = 0;
                else if (code->nlocals > 1)
                    memset(sp, 0, code->nlocals * sizeof(uint64_t));
                func = callee;
                base = pc = code->words;
                if (callee->inst != inst) { inst = callee->inst; LOAD_MEMORY(); }
                if (fuel <= 0)
                    goto out_of_fuel;
                fuel--;
                NEXT;
            }
        ICASE(CALL_OWN) {
            uint64_t where = pc[2] | (uint64_t)pc[3] << 32;
            const struct wasm_code *code = (const struct wasm_code *)(uintptr_t)where;
            uint64_t *args = fp + pc[1];
            if (frame == last || (size_t)code->nparams + code->nlocals + code->max_height >
                                 (size_t)(ex->stack_end - args))
                TRAP(WASM_TRAP_STACK_EXHAUSTED);
            *++frame = (struct wasm_frame){ pc + 4, fp, func, base };
            func = inst->funcs[pc[0]];
            fp = args;
            sp = args + code->nparams;
            if (code->nlocals == 1)
                *sp = 0;
            else if (code->nlocals > 1)
                memset(sp, 0, code->nlocals * sizeof(uint64_t));
            base = pc = code->words;
            if (fuel <= 0)
                goto out_of_fuel;
            fuel--;
            NEXT;
        }
        ICASE(RETURN_I32_ADD) {
            uint32_t sum = (uint32_t)fp[pc[0]] + (uint32_t)fp[pc[1]];
            fp[0] = sum;
            sp = fp + 1;
            goto pop_frame;
        }
        ICASE(COPY)      fp[pc[0]] = fp[pc[1]]; pc += 2; NEXT;
        ICASE(COPY2)     fp[pc[0]] = fp[pc[1]]; fp[pc[2]] = fp[pc[3]]; pc += 4; NEXT;
        ICASE(CONST32)   fp[pc[0]] = pc[1]; pc += 2; NEXT;
        ICASE(CONST64)   fp[pc[0]] = pc[1] | (uint64_t)pc[2] << 32; pc += 3; NEXT;
        CASE(GLOBAL_GET) fp[pc[0]] = inst->globals[pc[1]]->value; pc += 2; NEXT;
        CASE(GLOBAL_SET) inst->globals[pc[1]]->value = fp[pc[0]]; pc += 2; NEXT;
        CASE(SELECT)
        CASE(SELECT_T)   fp[pc[0]] = (uint32_t)fp[pc[3]] ? fp[pc[1]] : fp[pc[2]]; pc += 4; NEXT;
        CASE(REF_NULL)   STACK_TOP(); *sp = 0; NEXT;
        CASE(REF_IS_NULL) STACK_TOP(); sp[-1] = sp[-1] == 0; NEXT;
        CASE(REF_FUNC)   STACK_TOP(); *sp = (uintptr_t)inst->funcs[*pc++]; NEXT;
        #define LOAD_CASES(N, T, conv)                                                   \
        CASE(N)  LOAD(T, conv, (uint32_t)fp[pc[1]], pc[2], 3)                             \
        ACASE(N) LOAD(T, conv, (uint32_t)((uint32_t)fp[pc[1]] + pc[2]), pc[3], 4)
        #define STORE_CASES(N, T)                                                        \
        CASE(N)  STORE(T, (uint32_t)fp[pc[0]], fp[pc[1]], pc[2], 3)                       \
        ACASE(N) STORE(T, (uint32_t)((uint32_t)fp[pc[0]] + pc[2]), fp[pc[1]], pc[3], 4)   \
        KCASE(N) STORE(T, (uint32_t)fp[pc[0]], pc[1], pc[2], 3)
        WASM_LOADS(LOAD_CASES)
        WASM_STORES(STORE_CASES)
        CASE(MEMORY_SIZE)  STACK_TOP(); *sp = memsize / 65536; NEXT;
        CASE(MEMORY_GROW)
            STACK_TOP();
            sp[-1] = (uint32_t)wasm_memory_grow(inst->memories[0], (uint32_t)sp[-1]);
            LOAD_MEMORY();
            NEXT;
        #define INDEXED(a, b, plus) (uint32_t)(fp[a] + fp[b] + (plus))
        #define INDEXED_LOAD(N, T, conv)                                                    \
        XCASE(N)  LOAD(T, conv, INDEXED(pc[1], pc[2], pc[3]), pc[4], 5)
        #define INDEXED_STORE(N, T)                                                         \
        XCASE(N)  STORE(T, INDEXED(pc[0], pc[2], pc[3]), fp[pc[1]], pc[4], 5)               \
        XKCASE(N) STORE(T, INDEXED(pc[0], pc[2], pc[3]), pc[1], pc[4], 5)
        WASM_LOADS(INDEXED_LOAD)
        WASM_STORES(INDEXED_STORE)
        #define SCALED_CASE(N, T, conv)                                                    \
        SCASE(N) LOAD(T, conv, (uint32_t)(((uint32_t)fp[pc[1]] << (pc[2] & 31)) + pc[3]), pc[4], 5)
        WASM_LOADS(SCALED_CASE)
        ICASE(STORE8_STEP_LT_U) {
            uint64_t ea = (uint64_t)INDEXED(pc[0], pc[2], pc[3]) + pc[4];
            uint8_t v = (uint8_t)pc[1];
            if (ea + sizeof v > memsize)
                TRAP(WASM_TRAP_MEMORY_OOB);             /* before the step writes anything */
            uint32_t sum = (uint32_t)fp[pc[6]] + (uint32_t)fp[pc[7]];
            if (sum < (uint32_t)pc[8]) {
                if (fuel <= 0) { pc--; goto out_of_fuel; }  /* before the store, too */
                fuel--;
                __builtin_memcpy(mem + ea, &v, sizeof v);
                fp[pc[5]] = sum; pc = base + pc[9]; NEXT;
            }
            __builtin_memcpy(mem + ea, &v, sizeof v);
            fp[pc[5]] = sum; pc += 10; NEXT;
        }
        CASE(MEMORY_FILL) BULK(WASM_OP_MEMORY_FILL, 0)
        CASE(MEMORY_COPY) BULK(WASM_OP_MEMORY_COPY, 0)
        CASE(MEMORY_INIT) BULK(WASM_OP_MEMORY_INIT, 1)
        CASE(DATA_DROP) STACK_TOP(); inst->data_dropped[*pc++] = true; NEXT;
        CASE(TABLE_GET) {
            STACK_TOP();
            struct wasm_table *t = inst->tables[*pc++];
            uint32_t i = (uint32_t)sp[-1];
            if (i >= t->size) TRAP(WASM_TRAP_TABLE_OOB);
            sp[-1] = t->elems[i];
            NEXT;
        }
        CASE(TABLE_SET) {
            STACK_TOP();
            struct wasm_table *t = inst->tables[*pc++];
            uint32_t i = (uint32_t)sp[-2];
            if (i >= t->size) TRAP(WASM_TRAP_TABLE_OOB);
            t->elems[i] = sp[-1];
            sp -= 2;
            NEXT;
        }
        CASE(TABLE_SIZE) STACK_TOP(); *sp++ = inst->tables[*pc++]->size; NEXT;
        CASE(TABLE_GROW)
            STACK_TOP();
            sp[-2] = (uint32_t)wasm_table_grow(inst->tables[*pc++], (uint32_t)sp[-1], sp[-2]);
            sp--;
            NEXT;
        CASE(ELEM_DROP) STACK_TOP(); inst->elems[*pc++].count = 0; NEXT;
        CASE(TABLE_FILL) BULK(WASM_OP_TABLE_FILL, 1)
        CASE(TABLE_COPY) BULK(WASM_OP_TABLE_COPY, 2)
        CASE(TABLE_INIT) BULK(WASM_OP_TABLE_INIT, 2)
        CASE(I32_EQZ)  U((uint32_t)x == 0)
        CASE(I32_EQ)   CMP(uint32_t, ==)
        CASE(I32_NE)   CMP(uint32_t, !=)
        CASE(I32_LT_S) CMP(int32_t, <)
        CASE(I32_LT_U) CMP(uint32_t, <)
        CASE(I32_GT_S) CMP(int32_t, >)
        CASE(I32_GT_U) CMP(uint32_t, >)
        CASE(I32_LE_S) CMP(int32_t, <=)
        CASE(I32_LE_U) CMP(uint32_t, <=)
        CASE(I32_GE_S) CMP(int32_t, >=)
        CASE(I32_GE_U) CMP(uint32_t, >=)
        CASE(I64_EQZ)  U(x == 0)
        CASE(I64_EQ)   CMP(uint64_t, ==)
        CASE(I64_NE)   CMP(uint64_t, !=)
        CASE(I64_LT_S) CMP(int64_t, <)
        CASE(I64_LT_U) CMP(uint64_t, <)
        CASE(I64_GT_S) CMP(int64_t, >)
        CASE(I64_GT_U) CMP(uint64_t, >)
        CASE(I64_LE_S) CMP(int64_t, <=)
        CASE(I64_LE_U) CMP(uint64_t, <=)
        CASE(I64_GE_S) CMP(int64_t, >=)
        CASE(I64_GE_U) CMP(uint64_t, >=)
        CASE(I32_CLZ)    UN(uint32_t, wasm_i32_clz(a))
        CASE(I32_CTZ)    UN(uint32_t, wasm_i32_ctz(a))
        CASE(I32_POPCNT) UN(uint32_t, __builtin_popcount(a))
        CASE(I32_ADD)    BIN(uint32_t, a + b)
        CASE(I32_SUB)    BIN(uint32_t, a - b)
        CASE(I32_MUL)    BIN(uint32_t, a * b)
        CASE(I32_DIV_S)  TRAPPING(uint32_t, wasm_i32_div_s)
        CASE(I32_DIV_U)  TRAPPING(uint32_t, wasm_i32_div_u)
        CASE(I32_REM_S)  TRAPPING(uint32_t, wasm_i32_rem_s)
        CASE(I32_REM_U)  TRAPPING(uint32_t, wasm_i32_rem_u)
        CASE(I32_AND)    BIN(uint32_t, a & b)
        CASE(I32_OR)     BIN(uint32_t, a | b)
        CASE(I32_XOR)    BIN(uint32_t, a ^ b)
        CASE(I32_SHL)    BIN(uint32_t, a << (b & 31))
        CASE(I32_SHR_S)  BIN(uint32_t, wasm_i32_shr_s(a, b))
        CASE(I32_SHR_U)  BIN(uint32_t, a >> (b & 31))
        CASE(I32_ROTL)   BIN(uint32_t, wasm_i32_rotl(a, b))
        CASE(I32_ROTR)   BIN(uint32_t, wasm_i32_rotr(a, b))
        CASE(I64_CLZ)    UN(uint64_t, wasm_i64_clz(a))
        CASE(I64_CTZ)    UN(uint64_t, wasm_i64_ctz(a))
        CASE(I64_POPCNT) UN(uint64_t, __builtin_popcountll(a))
        CASE(I64_ADD)    BIN(uint64_t, a + b)
        CASE(I64_SUB)    BIN(uint64_t, a - b)
        CASE(I64_MUL)    BIN(uint64_t, a * b)
        CASE(I64_DIV_S)  TRAPPING(uint64_t, wasm_i64_div_s)
        CASE(I64_DIV_U)  TRAPPING(uint64_t, wasm_i64_div_u)
        CASE(I64_REM_S)  TRAPPING(uint64_t, wasm_i64_rem_s)
        CASE(I64_REM_U)  TRAPPING(uint64_t, wasm_i64_rem_u)
        CASE(I64_AND)    BIN(uint64_t, a & b)
        CASE(I64_OR)     BIN(uint64_t, a | b)
        CASE(I64_XOR)    BIN(uint64_t, a ^ b)
        CASE(I64_SHL)    BIN(uint64_t, a << (b & 63))
        CASE(I64_SHR_S)  BIN(uint64_t, wasm_i64_shr_s(a, b))
        CASE(I64_SHR_U)  BIN(uint64_t, a >> (b & 63))
        CASE(I64_ROTL)   BIN(uint64_t, wasm_i64_rotl(a, b))
        CASE(I64_ROTR)   BIN(uint64_t, wasm_i64_rotr(a, b))
        #define WITH_CONST(N, T, expr)                                                   \
        FCASE(WITH_CONST, N) {                                                           \
            T a = (T)fp[pc[1]], b = (T)pc[2]; fp[pc[0]] = (uint32_t)(expr); pc += 3; NEXT; }
        WASM_FUSED_I32_OPS(WITH_CONST)
        #undef WITH_CONST
        #define COMPARE_AND_JUMP(N, T, expr)                                             \
        FCASE(JUMP_IF_CMP, N) {                                                          \
            T a = (T)fp[pc[0]], b = (T)fp[pc[1]]; if (expr) TAKE(pc[2]) pc += 3; NEXT; } \
        FCASE(JUMP_IF_CMP_CONST, N) {                                                    \
            T a = (T)fp[pc[0]], b = (T)pc[1]; if (expr) TAKE(pc[2]) pc += 3; NEXT; }    \
        FCASE(JUMP_IF_NOT_CMP, N) {                                                      \
            T a = (T)fp[pc[0]], b = (T)fp[pc[1]]; if (!(expr)) TAKE(pc[2]) pc += 3; NEXT; } \
        FCASE(JUMP_IF_NOT_CMP_CONST, N) {                                                \
            T a = (T)fp[pc[0]], b = (T)pc[1]; if (!(expr)) TAKE(pc[2]) pc += 3; NEXT; }
        WASM_I32_COMPARISONS(COMPARE_AND_JUMP)
        #undef COMPARE_AND_JUMP
        #define SHIFTED_CASE(form, N, expr, shifted)                                       \
        FCASE(form, N) { uint32_t a = (uint32_t)fp[pc[1]], y = (uint32_t)fp[pc[2]], k = pc[3]; \
            uint32_t b = (shifted); fp[pc[0]] = (uint32_t)(expr); pc += 4; NEXT; }
        #define SHIFTED_CASES(N, T, expr)                                                  \
            SHIFTED_CASE(SHIFTED_SHL, N, expr, y << (k & 31))                               \
            SHIFTED_CASE(SHIFTED_SHR_U, N, expr, y >> (k & 31))                            \
            SHIFTED_CASE(SHIFTED_ROTL, N, expr, wasm_i32_rotl(y, k))
        WASM_SHIFTED_I32_OPS(SHIFTED_CASES)
        #undef SHIFTED_CASES
        #undef SHIFTED_CASE
        ICASE(ADD_AND) fp[pc[0]] = (uint32_t)(fp[pc[1]] + (fp[pc[2]] & fp[pc[3]])); pc += 4; NEXT;
        ICASE(ADD_XOR) fp[pc[0]] = (uint32_t)(fp[pc[1]] + (fp[pc[2]] ^ fp[pc[3]])); pc += 4; NEXT;
        ICASE(XOR_ROTL3) { uint32_t x = (uint32_t)fp[pc[1]];
            fp[pc[0]] = wasm_i32_rotl(x, pc[2]) ^ wasm_i32_rotl(x, pc[3]) ^ wasm_i32_rotl(x, pc[4]);
            pc += 5; NEXT; }
        ICASE(XOR_ROTL2_SHR) { uint32_t x = (uint32_t)fp[pc[1]];
            fp[pc[0]] = wasm_i32_rotl(x, pc[2]) ^ wasm_i32_rotl(x, pc[3]) ^ x >> (pc[4] & 31);
            pc += 5; NEXT; }
        ICASE(I32_ADD_LOAD) WITH_MEMORY_OPERAND(uint32_t, (uint32_t)((uint32_t)a + v))
        ICASE(SCALED_XOR_LOAD)
            LOAD(uint32_t, v, (uint32_t)((((uint32_t)fp[pc[1]] ^ (uint32_t)fp[pc[2]]) << (pc[3] & 31)) + pc[4]),
                 pc[5], 6)
        #define STEP(T, expr, addend, fails) {                                           \
            uint32_t sum = (uint32_t)fp[pc[1]] + (uint32_t)(addend);                     \
            T a = (T)sum, b = (T)pc[3];                                                  \
            if ((expr) != (fails)) {                                                     \
                if (fuel <= 0) { pc--; goto out_of_fuel; }                               \
                fuel--; fp[pc[0]] = sum; pc = base + pc[4]; NEXT; }                      \
            fp[pc[0]] = sum; pc += 5; NEXT; }
        #define STEP_AND_JUMP(N, T, expr)                                                \
        FCASE(STEP_JUMP_IF, N) STEP(T, expr, pc[2], 0)                                   \
        FCASE(STEP_SLOT_JUMP_IF, N) STEP(T, expr, fp[pc[2]], 0)                          \
        FCASE(STEP_JUMP_IF_NOT, N) STEP(T, expr, pc[2], 1)                               \
        FCASE(STEP_SLOT_JUMP_IF_NOT, N) STEP(T, expr, fp[pc[2]], 1)
        WASM_I32_COMPARISONS(STEP_AND_JUMP)
        #undef STEP_AND_JUMP
        #define F32(expr) { uint32_t a = (uint32_t)fp[pc[1]]; fp[pc[0]] = (expr); pc += 2; NEXT; }
        #define F32B(fn) { fp[pc[0]] = fn((uint32_t)fp[pc[1]], (uint32_t)fp[pc[2]]); pc += 3; NEXT; }
        #define F64B(fn) { fp[pc[0]] = fn(fp[pc[1]], fp[pc[2]]); pc += 3; NEXT; }
        CASE(F32_EQ) FCMP(f32, ==)
        CASE(F32_NE) FCMP(f32, !=)
        CASE(F32_LT) FCMP(f32, <)
        CASE(F32_GT) FCMP(f32, >)
        CASE(F32_LE) FCMP(f32, <=)
        CASE(F32_GE) FCMP(f32, >=)
        CASE(F64_EQ) DCMP(==)
        CASE(F64_NE) DCMP(!=)
        CASE(F64_LT) DCMP(<)
        CASE(F64_GT) DCMP(>)
        CASE(F64_LE) DCMP(<=)
        CASE(F64_GE) DCMP(>=)
        CASE(F32_ABS)     F32(wasm_f32_abs(a))
        CASE(F32_NEG)     F32(wasm_f32_neg(a))
        CASE(F32_CEIL)    F32(wasm_f32_round(a, WASM_ROUND_CEIL))
        CASE(F32_FLOOR)   F32(wasm_f32_round(a, WASM_ROUND_FLOOR))
        CASE(F32_TRUNC)   F32(wasm_f32_round(a, WASM_ROUND_TRUNC))
        CASE(F32_NEAREST) F32(wasm_f32_round(a, WASM_ROUND_NEAREST))
        CASE(F32_SQRT)    F32(wasm_f32_sqrt(a))
        CASE(F32_ADD)      F32B(wasm_f32_add)
        CASE(F32_SUB)      F32B(wasm_f32_sub)
        CASE(F32_MUL)      F32B(wasm_f32_mul)
        CASE(F32_DIV)      F32B(wasm_f32_div)
        CASE(F32_MIN)      F32B(wasm_f32_min)
        CASE(F32_MAX)      F32B(wasm_f32_max)
        CASE(F32_COPYSIGN) F32B(wasm_f32_copysign)
        CASE(F64_ABS)      U(wasm_f64_abs(x))
        CASE(F64_NEG)      U(wasm_f64_neg(x))
        CASE(F64_CEIL)     U(wasm_f64_round(x, WASM_ROUND_CEIL))
        CASE(F64_FLOOR)    U(wasm_f64_round(x, WASM_ROUND_FLOOR))
        CASE(F64_TRUNC)    U(wasm_f64_round(x, WASM_ROUND_TRUNC))
        CASE(F64_NEAREST)  U(wasm_f64_round(x, WASM_ROUND_NEAREST))
        CASE(F64_SQRT)     U(wasm_f64_sqrt(x))
        CASE(F64_ADD)      F64B(wasm_f64_add)
        CASE(F64_SUB)      F64B(wasm_f64_sub)
        CASE(F64_MUL)      F64B(wasm_f64_mul)
        CASE(F64_DIV)      F64B(wasm_f64_div)
        CASE(F64_MIN)      F64B(wasm_f64_min)
        CASE(F64_MAX)      F64B(wasm_f64_max)
        CASE(F64_COPYSIGN) F64B(wasm_f64_copysign)
        ICASE(F64_ADD_LOAD) WITH_MEMORY_OPERAND(uint64_t, wasm_f64_add(a, v))
        ICASE(F64_MUL_LOAD) WITH_MEMORY_OPERAND(uint64_t, wasm_f64_mul(a, v))
        ICASE(F64_ADD_TO_MEMORY) {
            uint64_t ea = (uint64_t)(uint32_t)(fp[pc[1]] + pc[2]) + pc[3], v;
            if (ea + sizeof v > memsize)
                TRAP(WASM_TRAP_MEMORY_OOB);
            __builtin_memcpy(&v, mem + ea, sizeof v);
            v = wasm_f64_add(fp[pc[0]], v);
            __builtin_memcpy(mem + ea, &v, sizeof v);
            pc += 4; NEXT;
        }
        ICASE(F64_MUL_ADD_TO_MEMORY) {
            uint64_t eb = (uint64_t)(uint32_t)(fp[pc[1]] + pc[2]) + pc[3];
            uint64_t ea = (uint64_t)(uint32_t)(fp[pc[4]] + pc[5]) + pc[6], b, v;
            if (eb + sizeof b > memsize || ea + sizeof v > memsize)
                TRAP(WASM_TRAP_MEMORY_OOB);
            __builtin_memcpy(&b, mem + eb, sizeof b);
            __builtin_memcpy(&v, mem + ea, sizeof v);
            double product = wasm_f64(fp[pc[0]]) * wasm_f64(b);    /* not canonicalised: see below */
            v = wasm_f64_canon(product + wasm_f64(v));
            __builtin_memcpy(mem + ea, &v, sizeof v);
            pc += 7; NEXT;
        }
        #define TRUNC(fn, IT, RT, ARG) { IT r; int t_ = fn(ARG, &r); if (t_) { TRAP(t_); }      \
                fp[pc[0]] = (RT)r; pc += 2; NEXT; }
        CASE(I32_WRAP_I64)     U((uint32_t)x)
        CASE(I32_TRUNC_F32_S)  TRUNC(wasm_i32_trunc_f32_s, int32_t, uint32_t, (uint32_t)fp[pc[1]])
        CASE(I32_TRUNC_F32_U)  TRUNC(wasm_i32_trunc_f32_u, uint32_t, uint32_t, (uint32_t)fp[pc[1]])
        CASE(I32_TRUNC_F64_S)  TRUNC(wasm_i32_trunc_f64_s, int32_t, uint32_t, fp[pc[1]])
        CASE(I32_TRUNC_F64_U)  TRUNC(wasm_i32_trunc_f64_u, uint32_t, uint32_t, fp[pc[1]])
        CASE(I64_EXTEND_I32_S) U((uint64_t)(int64_t)(int32_t)x)
        CASE(I64_EXTEND_I32_U) U((uint32_t)x)
        CASE(I64_TRUNC_F32_S)  TRUNC(wasm_i64_trunc_f32_s, int64_t, uint64_t, (uint32_t)fp[pc[1]])
        CASE(I64_TRUNC_F32_U)  TRUNC(wasm_i64_trunc_f32_u, uint64_t, uint64_t, (uint32_t)fp[pc[1]])
        CASE(I64_TRUNC_F64_S)  TRUNC(wasm_i64_trunc_f64_s, int64_t, uint64_t, fp[pc[1]])
        CASE(I64_TRUNC_F64_U)  TRUNC(wasm_i64_trunc_f64_u, uint64_t, uint64_t, fp[pc[1]])
        CASE(F32_CONVERT_I32_S) U(wasm_f32_bits((float)(int32_t)x))
        CASE(F32_CONVERT_I32_U) U(wasm_f32_bits((float)(uint32_t)x))
        CASE(F32_CONVERT_I64_S) U(wasm_f32_bits((float)(int64_t)x))
        CASE(F32_CONVERT_I64_U) U(wasm_f32_bits((float)x))
        CASE(F32_DEMOTE_F64)   U(wasm_f32_canon((float)wasm_f64(x)))
        CASE(F64_CONVERT_I32_S) U(wasm_f64_bits((double)(int32_t)x))
        CASE(F64_CONVERT_I32_U) U(wasm_f64_bits((double)(uint32_t)x))
        CASE(F64_CONVERT_I64_S) U(wasm_f64_bits((double)(int64_t)x))
        CASE(F64_CONVERT_I64_U) U(wasm_f64_bits((double)x))
        CASE(F64_PROMOTE_F32)  U(wasm_f64_canon((double)wasm_f32((uint32_t)x)))
        CASE(I32_REINTERPRET_F32) CASE(I64_REINTERPRET_F64)
        CASE(F32_REINTERPRET_I32) CASE(F64_REINTERPRET_I64)
            U(x)
        CASE(I32_EXTEND8_S)  U((uint32_t)(int32_t)(int8_t)x)
        CASE(I32_EXTEND16_S) U((uint32_t)(int32_t)(int16_t)x)
        CASE(I64_EXTEND8_S)  U((uint64_t)(int64_t)(int8_t)x)
        CASE(I64_EXTEND16_S) U((uint64_t)(int64_t)(int16_t)x)
        CASE(I64_EXTEND32_S) U((uint64_t)(int64_t)(int32_t)x)
        CASE(I32_TRUNC_SAT_F32_S) U((uint32_t)wasm_i32_trunc_f32_s_sat((uint32_t)x))
        CASE(I32_TRUNC_SAT_F32_U) U(wasm_i32_trunc_f32_u_sat((uint32_t)x))
        CASE(I32_TRUNC_SAT_F64_S) U((uint32_t)wasm_i32_trunc_f64_s_sat(x))
        CASE(I32_TRUNC_SAT_F64_U) U(wasm_i32_trunc_f64_u_sat(x))
        CASE(I64_TRUNC_SAT_F32_S) U((uint64_t)wasm_i64_trunc_f32_s_sat((uint32_t)x))
        CASE(I64_TRUNC_SAT_F32_U) U(wasm_i64_trunc_f32_u_sat((uint32_t)x))
        CASE(I64_TRUNC_SAT_F64_S) U((uint64_t)wasm_i64_trunc_f64_s_sat(x))
        CASE(I64_TRUNC_SAT_F64_U) U(wasm_i64_trunc_f64_u_sat(x))
        CASE(NOP) CASE(BLOCK) CASE(LOOP) CASE(IF) CASE(ELSE) CASE(END)
        CASE(BR) CASE(BR_IF) CASE(BR_TABLE) CASE(RETURN)
        CASE(LOCAL_GET) CASE(LOCAL_SET) CASE(LOCAL_TEE) CASE(DROP)
        CASE(I32_CONST) CASE(I64_CONST) CASE(F32_CONST) CASE(F64_CONST)
        DEFAULT
            TRAP(WASM_TRAP_UNREACHABLE);    /* an opcode the compiler never emits */
        }
    }
    out_of_fuel:
        ex->pc = pc; ex->fp = fp; ex->func = func; ex->fuel = fuel;
        SAVE_DEPTH();
        return ex->status = WASM_OUT_OF_FUEL;
    finished:
        ex->depth = 0;
        ex->fuel = fuel;
        ex->sp = sp;
        return ex->status = WASM_DONE;
    trapped:
        ex->trap = trap;
        memcpy(ex->message, wasm_trap_message(trap), strlen(wasm_trap_message(trap)) + 1);
        ex->depth = 0;
        ex->sp = ex->stack;
        ex->fuel = fuel;
        return ex->status = WASM_TRAPPED;
}
static int trap_now(struct wasm_exec *ex, enum wasm_trap t)
{
    ex->trap = t;
    memcpy(ex->message, wasm_trap_message(t), strlen(wasm_trap_message(t)) + 1);
    ex->depth = 0;
    ex->sp = ex->stack;
    return ex->status = WASM_TRAPPED;
}

int wasm_call(struct wasm_exec *ex, struct wasm_funcinst *f, const uint64_t *args)
{
    uint32_t np = f->type.nparams;
    ex->depth = 0;
    ex->nresults = f->type.nresults;
    ex->pending = NULL;
    if (np > ex->stack_end - ex->stack || ex->nresults > ex->stack_end - ex->stack)
        return trap_now(ex, WASM_TRAP_STACK_EXHAUSTED);
    if (np) memcpy(ex->stack, args, np * sizeof(uint64_t));
    if (f->host != NULL) {
        ex->func = NULL;
        int st = f->host(f->host_ctx, ex, ex->stack);
        if (st == WASM_PENDING) { ex->pending = ex->stack; ex->nresults_pending = ex->nresults; }
        return st == WASM_TRAPPED ? trap_now(ex, WASM_TRAP_HOST) : (ex->status = st);
    }
    const struct wasm_code *code = f->code;
    if (ex->max_depth < 1 ||
        np + code->nlocals + code->max_height > (size_t)(ex->stack_end - ex->stack))
        return trap_now(ex, WASM_TRAP_STACK_EXHAUSTED);
    ex->frames[ex->depth++] = (struct wasm_frame){ NULL, NULL, NULL, NULL };
    memset(ex->stack + np, 0, code->nlocals * sizeof(uint64_t));
    ex->fp = ex->stack;
    ex->sp = ex->stack + np + code->nlocals;
    ex->func = f;
    ex->pc = code->words;
    return run(ex, NULL);
}
int wasm_resume(struct wasm_exec *ex)
{
    if (ex->status == WASM_PENDING) {
        ex->sp = ex->pending + ex->nresults_pending;
        ex->pending = NULL;
        if (ex->func == NULL)                   /* a host function called from outside */
            return ex->status = WASM_DONE;
    } else if (ex->status != WASM_OUT_OF_FUEL) {
        return ex->status;
    }
    return run(ex, NULL);
}

const uint64_t *wasm_results(const struct wasm_exec *ex) { return ex->stack; }
uint64_t *wasm_pending_slots(struct wasm_exec *ex) { return ex->pending; }
uint32_t wasm_dispatch_word(uint32_t op)
{
#ifdef WASM_THREADED
    const int32_t *labels;
    run(NULL, &labels);
    return (uint32_t)labels[op];
#else
    return op;
#endif
}
