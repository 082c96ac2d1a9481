/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "bench.h"

enum { HALT, PUSH, GET, SET, ADD, SUB, MUL, AND, SHR, LT, EQ, JZ, JMP };

static const uint32_t program[] = {
    PUSH, 1, SET, 0,                    /*  0: i = 1 */
    GET, 0, GET, 1, LT, JZ, 68,         /*  4: while (i < limit) */
    GET, 0, SET, 2,                     /* 11:   x = i */
    GET, 2, PUSH, 1, EQ, JZ, 24,        /* 15:   while (x != 1) */
    JMP, 59,
    GET, 2, PUSH, 1, AND, JZ, 43,       /* 24:     if (x & 1) */
    GET, 2, PUSH, 3, MUL, PUSH, 1, ADD, SET, 2, JMP, 50, /* x = 3x + 1 */
    GET, 2, PUSH, 1, SHR, SET, 2,       /* 43:     else x >>= 1 */
    GET, 3, PUSH, 1, ADD, SET, 3,       /* 50:     steps++ */
    JMP, 15,
    GET, 0, PUSH, 1, ADD, SET, 0,       /* 59:   i++ */
    JMP, 4,
    GET, 3, HALT,                       /* 68: return steps */
};
static uint32_t interpret(const uint32_t *code, uint32_t *v)
{
    uint32_t stack[16], *sp = stack, pc = 0;
    for (;;) {
        switch (code[pc++]) {
        case HALT: return sp[-1];
        case PUSH: *sp++ = code[pc++]; break;
        case GET: *sp++ = v[code[pc++]]; break;
        case SET: v[code[pc++]] = *--sp; break;
        case ADD: sp--; sp[-1] += sp[0]; break;
        case SUB: sp--; sp[-1] -= sp[0]; break;
        case MUL: sp--; sp[-1] *= sp[0]; break;
        case AND: sp--; sp[-1] &= sp[0]; break;
        case SHR: sp--; sp[-1] >>= sp[0]; break;
        case LT: sp--; sp[-1] = sp[-1] < sp[0]; break;
        case EQ: sp--; sp[-1] = sp[-1] == sp[0]; break;
        case JZ: pc = *--sp ? pc + 1 : code[pc]; break;
        case JMP: pc = code[pc]; break;
        default: return 0;
        }
    }
}

BENCH(vm)
{
    uint32_t v[4] = { 0, n, 0, 0 };     /* i, the limit, x, the steps */
    return interpret(program, v);
}
