/* Generated from chapters/14-wasm-validate.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_VALIDATE_H
#define HYPHA_WASM_VALIDATE_H

#include "wasm_module.h"

#include <stdint.h>

#define WASM_UNKNOWN 0          /* the appendix's Unknown operand type */

struct wasm_func_info {         /* what validating one function learned */
    uint32_t max_operands;      /* greatest height of the operand stack */
    uint32_t max_depth;         /* greatest depth of the control stack */
};

int wasm_validate(struct wasm_module *m, struct wasm_error *err);
int wasm_validate_info(struct wasm_module *m, struct wasm_func_info *info,
                       struct wasm_error *err);

#endif
