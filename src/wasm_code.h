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
