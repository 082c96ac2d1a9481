/* Generated from chapters/15-wasm-interp.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_CODE_H
#define HYPHA_WASM_CODE_H

#include <stdint.h>
#include "wasm_instr.h"
#include "wasm_module.h"

enum wasm_internal_op {
    WASM_IOP_JUMP = 0x100,      /* target */
    WASM_IOP_JUMP_IF_NOT,       /* target */
    WASM_IOP_JUMP_IF,           /* target */
    WASM_IOP_BR,                /* target, height, arity */
    WASM_IOP_BR_IF,             /* target, height, arity */
    WASM_IOP_BR_TABLE,          /* n, then n + 1 of (target, height, arity) */
    WASM_IOP_RETURN,            /* nresults */
    WASM_IOP_FUEL,              /* a loop's head: take one unit of fuel */
    WASM_IOP_COUNT
};
/* Fused i32 operations: the opcode plus one of these. The second operand
   is the next word (CONST) or the local it names (LOCAL); in the LOCAL_
   forms, the first operand is the local the word before names. Adding
   TO_LOCAL or TEE_LOCAL to a LOCAL_ form stores the result into the local
   a third word names instead of pushing it (TEE: and pushes it too). */
enum { WASM_IOP_WITH_CONST = 0x200, WASM_IOP_WITH_LOCAL = 0x300,
       WASM_IOP_LOCAL_WITH_CONST = 0x400, WASM_IOP_LOCAL_WITH_LOCAL = 0x500,
       WASM_IOP_TO_LOCAL = 0x200, WASM_IOP_TEE_LOCAL = 0x400 };
enum { WASM_IOP_LOCAL_COPY = WASM_IOP_COUNT,  /* from, to: local.get, local.set */
       WASM_IOP_LOCAL_SET_CONST };            /* value, to: i32.const, local.set */

#define WASM_FUSED_I32_OPS(X)                                                       \
    X(EQ, uint32_t, a == b) X(NE, uint32_t, a != b)                                 \
    X(LT_S, int32_t, a < b) X(LT_U, uint32_t, a < b)                                \
    X(GT_S, int32_t, a > b) X(GT_U, uint32_t, a > b)                                \
    X(LE_S, int32_t, a <= b) X(LE_U, uint32_t, a <= b)                              \
    X(GE_S, int32_t, a >= b) X(GE_U, uint32_t, a >= b)                              \
    X(ADD, uint32_t, a + b) X(SUB, uint32_t, a - b) X(MUL, uint32_t, a * b)         \
    X(AND, uint32_t, a & b) X(OR, uint32_t, a | b) X(XOR, uint32_t, a ^ b)          \
    X(SHL, uint32_t, a << (b & 31)) X(SHR_S, uint32_t, wasm_i32_shr_s(a, b))         \
    X(SHR_U, uint32_t, a >> (b & 31))                                               \
    X(ROTL, uint32_t, wasm_i32_rotl(a, b)) X(ROTR, uint32_t, wasm_i32_rotr(a, b))

struct wasm_code {
    uint32_t nparams, nlocals, nresults;  /* nlocals: declared, after the params */
    uint32_t max_height;                  /* most operands ever on the stack */
    uint32_t nwords;
    uint32_t words[];                     /* the instructions */
};

/* Compile every defined function of a validated module (sets funcs[i].code). */
int wasm_compile(struct wasm_module *m, struct wasm_error *err);
void wasm_compile_free(struct wasm_module *m);

#endif
