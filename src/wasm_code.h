/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_CODE_H
#define HYPHA_WASM_CODE_H

#include <stdint.h>
#include "wasm_instr.h"
#include "wasm_module.h"

enum wasm_internal_op {
    WASM_IOP_JUMP = 0x100,      /* target */
    WASM_IOP_JUMP_IF,           /* condition slot, target */
    WASM_IOP_JUMP_IF_NOT,       /* condition slot, target */
    WASM_IOP_BR,                /* target, to slot, from slot, arity */
    WASM_IOP_BR_IF,             /* condition slot, then as BR */
    WASM_IOP_BR_TABLE,          /* index slot, n, then n + 1 entries as BR */
    WASM_IOP_RETURN,            /* nresults, from slot */
    WASM_IOP_COPY,              /* to slot, from slot */
    WASM_IOP_COPY2,             /* to, from, then to, from again: two COPYs */
    WASM_IOP_CONST32,           /* to slot, value (zero-extended) */
    WASM_IOP_CONST64,           /* to slot, low half, high half */
    WASM_IOP_F64_ADD_LOAD,      /* to slot, a, address slot, plus, offset: a + the f64 there */
    WASM_IOP_F64_MUL_LOAD,      /* the same, a * the f64 there */
    WASM_IOP_F64_ADD_TO_MEMORY, /* a, address slot, plus, offset: the f64 there += a */
    WASM_IOP_F64_MUL_ADD_TO_MEMORY, /* x, then two addresses as above: [2nd] += x * [1st] */
    WASM_IOP_CALL_OWN,          /* function, first argument's slot, its code (2 words) */
    WASM_IOP_RETURN_I32_ADD,    /* a, b: return the one result a + b */
    WASM_IOP_BR_TABLE_SCALED,   /* base, shift, plus, offset of an i32.load, then as BR_TABLE */
    WASM_IOP_ADD_AND,           /* to slot, a, b, c: a + (b & c) */
    WASM_IOP_ADD_XOR,           /* to slot, a, b, c: a + (b ^ c) */
    WASM_IOP_XOR_ROTL3,         /* to slot, x, k, l, m: x rotl k ^ x rotl l ^ x rotl m */
    WASM_IOP_XOR_ROTL2_SHR,     /* to slot, x, k, l, m: x rotl k ^ x rotl l ^ x >> m */
    WASM_IOP_I32_ADD_LOAD,      /* to slot, a, address slot, plus, offset: a + the i32 there */
    WASM_IOP_SCALED_XOR_LOAD,   /* to slot, a, b, shift, plus, offset: i32.load of (a ^ b) scaled */
    WASM_IOP_STORE8_STEP_LT_U,  /* an INDEXED_STORE_CONST i32.store8, then a STEP_SLOT_JUMP_IF lt_u */
    WASM_IOP_COUNT
};
/* An i32 operation of the list below plus WITH_CONST: its second operand is
   a constant in the code. A load or store plus WITH_CONST: its address is
   a slot plus a constant. A store plus STORE_CONST: its value is a
   constant. A comparison of the list plus one of the JUMP_ forms: a
   compare-and-branch with operands a, b (a slot, or the constant in the
   _CONST forms) and a target, jumping if the comparison holds (IF) or
   fails (IF_NOT). A load plus SCALED: its address is a slot shifted left
   by a constant, plus a constant. A load or store plus INDEXED, a store
   plus INDEXED_STORE_CONST: its address is a slot plus a slot plus a
   constant. */
enum { WASM_IOP_WITH_CONST = 0x200,
       WASM_IOP_JUMP_IF_CMP = 0x300, WASM_IOP_JUMP_IF_CMP_CONST = 0x400,
       WASM_IOP_JUMP_IF_NOT_CMP = 0x500, WASM_IOP_JUMP_IF_NOT_CMP_CONST = 0x600,
       WASM_IOP_STORE_CONST = 0x700, WASM_IOP_SCALED = 0x800,
       WASM_IOP_INDEXED = 0x900, WASM_IOP_INDEXED_STORE_CONST = 0x980, WASM_IOP_END = 0xE00 };

#define WASM_I32_COMPARISONS(X)                                                     \
    X(EQ, uint32_t, a == b) X(NE, uint32_t, a != b)                                 \
    X(LT_S, int32_t, a < b) X(LT_U, uint32_t, a < b)                                \
    X(GT_S, int32_t, a > b) X(GT_U, uint32_t, a > b)                                \
    X(LE_S, int32_t, a <= b) X(LE_U, uint32_t, a <= b)                              \
    X(GE_S, int32_t, a >= b) X(GE_U, uint32_t, a >= b)
#define WASM_FUSED_I32_OPS(X) WASM_I32_COMPARISONS(X)                               \
    X(ADD, uint32_t, a + b) X(SUB, uint32_t, a - b) X(MUL, uint32_t, a * b)         \
    X(AND, uint32_t, a & b) X(OR, uint32_t, a | b) X(XOR, uint32_t, a ^ b)          \
    X(SHL, uint32_t, a << (b & 31)) X(SHR_S, uint32_t, wasm_i32_shr_s(a, b))         \
    X(SHR_U, uint32_t, a >> (b & 31))                                               \
    X(ROTL, uint32_t, wasm_i32_rotl(a, b)) X(ROTR, uint32_t, wasm_i32_rotr(a, b))
/* An operation of the list below plus one of the SHIFTED_ forms: its
   second operand is a slot shifted or rotated by a constant. A comparison
   or operation of WASM_FUSED_I32_OPS plus JUMP_THEN: a jump whose target
   begins with that operation's WITH_CONST form, which the jump performs. */
enum { WASM_IOP_SHIFTED_SHL = 0xA00, WASM_IOP_SHIFTED_SHR_U = 0xA80,
       WASM_IOP_SHIFTED_ROTL = 0xB00, WASM_IOP_JUMP_THEN = 0xB80 };
#define WASM_SHIFTED_I32_OPS(X)                                                     \
    X(ADD, uint32_t, a + b) X(AND, uint32_t, a & b)                                 \
    X(OR, uint32_t, a | b) X(XOR, uint32_t, a ^ b)
/* A comparison of WASM_I32_COMPARISONS plus one of these: a = x + b into a
   slot, then a jump if (a CMP k) holds (IF) or fails (IF_NOT). Words: a, x,
   b (a constant, or in the _SLOT forms a slot), k (a constant), target. */
enum { WASM_IOP_STEP_JUMP_IF = 0xC00, WASM_IOP_STEP_SLOT_JUMP_IF = 0xC80,
       WASM_IOP_STEP_JUMP_IF_NOT = 0xD00, WASM_IOP_STEP_SLOT_JUMP_IF_NOT = 0xD80 };

struct wasm_code {
    uint32_t nparams, nlocals, nresults;  /* nlocals: declared, after the params */
    uint32_t max_height;                  /* most operands ever on the stack */
    uint32_t nwords;
    uint32_t words[];                     /* the instructions */
};

/* Compile every defined function of a validated module (sets funcs[i].code). */
int wasm_compile(struct wasm_module *m, struct wasm_error *err);
void wasm_compile_free(struct wasm_module *m);
/* The word that stands for opcode op in compiled code: op itself under the
   switch dispatch, its handler's offset under the threaded one. */
uint32_t wasm_dispatch_word(uint32_t op);

#endif
