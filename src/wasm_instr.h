/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_WASM_INSTR_H
#define HYPHA_WASM_INSTR_H

#include <stdbool.h>
#include <stdint.h>
#include "wasm_leb.h"
#include "wasm_module.h"

enum wasm_immediate {
    WASM_IMM_NONE, WASM_IMM_BLOCK, WASM_IMM_LABEL, WASM_IMM_BR_TABLE,
    WASM_IMM_FUNC, WASM_IMM_CALL_INDIRECT, WASM_IMM_SELECT_T, WASM_IMM_LOCAL,
    WASM_IMM_GLOBAL, WASM_IMM_TABLE, WASM_IMM_MEMARG, WASM_IMM_ZERO,
    WASM_IMM_I32, WASM_IMM_I64, WASM_IMM_F32, WASM_IMM_F64, WASM_IMM_REFTYPE,
    WASM_IMM_MEMORY_INIT, WASM_IMM_DATA, WASM_IMM_MEMORY_COPY,
    WASM_IMM_TABLE_INIT, WASM_IMM_ELEM, WASM_IMM_TABLE_COPY,
};
/* The 0xfc-prefixed instruction n has the one-byte opcode WASM_FC_BASE + n. */
#define WASM_FC_BASE 0xe0
#define WASM_FC_COUNT 18

#define WASM_OPS_CONTROL(X) \
    X(UNREACHABLE,           0x00, "unreachable",           NONE) \
    X(NOP,                   0x01, "nop",                   NONE) \
    X(BLOCK,                 0x02, "block",                 BLOCK) \
    X(LOOP,                  0x03, "loop",                  BLOCK) \
    X(IF,                    0x04, "if",                    BLOCK) \
    X(ELSE,                  0x05, "else",                  NONE) \
    X(END,                   0x0b, "end",                   NONE) \
    X(BR,                    0x0c, "br",                    LABEL) \
    X(BR_IF,                 0x0d, "br_if",                 LABEL) \
    X(BR_TABLE,              0x0e, "br_table",              BR_TABLE) \
    X(RETURN,                0x0f, "return",                NONE) \
    X(CALL,                  0x10, "call",                  FUNC) \
    X(CALL_INDIRECT,         0x11, "call_indirect",         CALL_INDIRECT)

#define WASM_OPS_VARIABLE(X) \
    X(DROP,                  0x1a, "drop",                  NONE) \
    X(SELECT,                0x1b, "select",                NONE) \
    X(SELECT_T,              0x1c, "select",                SELECT_T) \
    X(LOCAL_GET,             0x20, "local.get",             LOCAL) \
    X(LOCAL_SET,             0x21, "local.set",             LOCAL) \
    X(LOCAL_TEE,             0x22, "local.tee",             LOCAL) \
    X(GLOBAL_GET,            0x23, "global.get",            GLOBAL) \
    X(GLOBAL_SET,            0x24, "global.set",            GLOBAL) \
    X(TABLE_GET,             0x25, "table.get",             TABLE) \
    X(TABLE_SET,             0x26, "table.set",             TABLE)

#define WASM_OPS_MEMORY(X) \
    X(I32_LOAD,              0x28, "i32.load",              MEMARG) \
    X(I64_LOAD,              0x29, "i64.load",              MEMARG) \
    X(F32_LOAD,              0x2a, "f32.load",              MEMARG) \
    X(F64_LOAD,              0x2b, "f64.load",              MEMARG) \
    X(I32_LOAD8_S,           0x2c, "i32.load8_s",           MEMARG) \
    X(I32_LOAD8_U,           0x2d, "i32.load8_u",           MEMARG) \
    X(I32_LOAD16_S,          0x2e, "i32.load16_s",          MEMARG) \
    X(I32_LOAD16_U,          0x2f, "i32.load16_u",          MEMARG) \
    X(I64_LOAD8_S,           0x30, "i64.load8_s",           MEMARG) \
    X(I64_LOAD8_U,           0x31, "i64.load8_u",           MEMARG) \
    X(I64_LOAD16_S,          0x32, "i64.load16_s",          MEMARG) \
    X(I64_LOAD16_U,          0x33, "i64.load16_u",          MEMARG) \
    X(I64_LOAD32_S,          0x34, "i64.load32_s",          MEMARG) \
    X(I64_LOAD32_U,          0x35, "i64.load32_u",          MEMARG) \
    X(I32_STORE,             0x36, "i32.store",             MEMARG) \
    X(I64_STORE,             0x37, "i64.store",             MEMARG) \
    X(F32_STORE,             0x38, "f32.store",             MEMARG) \
    X(F64_STORE,             0x39, "f64.store",             MEMARG) \
    X(I32_STORE8,            0x3a, "i32.store8",            MEMARG) \
    X(I32_STORE16,           0x3b, "i32.store16",           MEMARG) \
    X(I64_STORE8,            0x3c, "i64.store8",            MEMARG) \
    X(I64_STORE16,           0x3d, "i64.store16",           MEMARG) \
    X(I64_STORE32,           0x3e, "i64.store32",           MEMARG) \
    X(MEMORY_SIZE,           0x3f, "memory.size",           ZERO) \
    X(MEMORY_GROW,           0x40, "memory.grow",           ZERO)

#define WASM_OPS_CONST(X) \
    X(I32_CONST,             0x41, "i32.const",             I32) \
    X(I64_CONST,             0x42, "i64.const",             I64) \
    X(F32_CONST,             0x43, "f32.const",             F32) \
    X(F64_CONST,             0x44, "f64.const",             F64)

#define WASM_OPS_COMPARE(X) \
    X(I32_EQZ,               0x45, "i32.eqz",               NONE) \
    X(I32_EQ,                0x46, "i32.eq",                NONE) \
    X(I32_NE,                0x47, "i32.ne",                NONE) \
    X(I32_LT_S,              0x48, "i32.lt_s",              NONE) \
    X(I32_LT_U,              0x49, "i32.lt_u",              NONE) \
    X(I32_GT_S,              0x4a, "i32.gt_s",              NONE) \
    X(I32_GT_U,              0x4b, "i32.gt_u",              NONE) \
    X(I32_LE_S,              0x4c, "i32.le_s",              NONE) \
    X(I32_LE_U,              0x4d, "i32.le_u",              NONE) \
    X(I32_GE_S,              0x4e, "i32.ge_s",              NONE) \
    X(I32_GE_U,              0x4f, "i32.ge_u",              NONE) \
    X(I64_EQZ,               0x50, "i64.eqz",               NONE) \
    X(I64_EQ,                0x51, "i64.eq",                NONE) \
    X(I64_NE,                0x52, "i64.ne",                NONE) \
    X(I64_LT_S,              0x53, "i64.lt_s",              NONE) \
    X(I64_LT_U,              0x54, "i64.lt_u",              NONE) \
    X(I64_GT_S,              0x55, "i64.gt_s",              NONE) \
    X(I64_GT_U,              0x56, "i64.gt_u",              NONE) \
    X(I64_LE_S,              0x57, "i64.le_s",              NONE) \
    X(I64_LE_U,              0x58, "i64.le_u",              NONE) \
    X(I64_GE_S,              0x59, "i64.ge_s",              NONE) \
    X(I64_GE_U,              0x5a, "i64.ge_u",              NONE) \
    X(F32_EQ,                0x5b, "f32.eq",                NONE) \
    X(F32_NE,                0x5c, "f32.ne",                NONE) \
    X(F32_LT,                0x5d, "f32.lt",                NONE) \
    X(F32_GT,                0x5e, "f32.gt",                NONE) \
    X(F32_LE,                0x5f, "f32.le",                NONE) \
    X(F32_GE,                0x60, "f32.ge",                NONE) \
    X(F64_EQ,                0x61, "f64.eq",                NONE) \
    X(F64_NE,                0x62, "f64.ne",                NONE) \
    X(F64_LT,                0x63, "f64.lt",                NONE) \
    X(F64_GT,                0x64, "f64.gt",                NONE) \
    X(F64_LE,                0x65, "f64.le",                NONE) \
    X(F64_GE,                0x66, "f64.ge",                NONE)

#define WASM_OPS_INT(X) \
    X(I32_CLZ,               0x67, "i32.clz",               NONE) \
    X(I32_CTZ,               0x68, "i32.ctz",               NONE) \
    X(I32_POPCNT,            0x69, "i32.popcnt",            NONE) \
    X(I32_ADD,               0x6a, "i32.add",               NONE) \
    X(I32_SUB,               0x6b, "i32.sub",               NONE) \
    X(I32_MUL,               0x6c, "i32.mul",               NONE) \
    X(I32_DIV_S,             0x6d, "i32.div_s",             NONE) \
    X(I32_DIV_U,             0x6e, "i32.div_u",             NONE) \
    X(I32_REM_S,             0x6f, "i32.rem_s",             NONE) \
    X(I32_REM_U,             0x70, "i32.rem_u",             NONE) \
    X(I32_AND,               0x71, "i32.and",               NONE) \
    X(I32_OR,                0x72, "i32.or",                NONE) \
    X(I32_XOR,               0x73, "i32.xor",               NONE) \
    X(I32_SHL,               0x74, "i32.shl",               NONE) \
    X(I32_SHR_S,             0x75, "i32.shr_s",             NONE) \
    X(I32_SHR_U,             0x76, "i32.shr_u",             NONE) \
    X(I32_ROTL,              0x77, "i32.rotl",              NONE) \
    X(I32_ROTR,              0x78, "i32.rotr",              NONE) \
    X(I64_CLZ,               0x79, "i64.clz",               NONE) \
    X(I64_CTZ,               0x7a, "i64.ctz",               NONE) \
    X(I64_POPCNT,            0x7b, "i64.popcnt",            NONE) \
    X(I64_ADD,               0x7c, "i64.add",               NONE) \
    X(I64_SUB,               0x7d, "i64.sub",               NONE) \
    X(I64_MUL,               0x7e, "i64.mul",               NONE) \
    X(I64_DIV_S,             0x7f, "i64.div_s",             NONE) \
    X(I64_DIV_U,             0x80, "i64.div_u",             NONE) \
    X(I64_REM_S,             0x81, "i64.rem_s",             NONE) \
    X(I64_REM_U,             0x82, "i64.rem_u",             NONE) \
    X(I64_AND,               0x83, "i64.and",               NONE) \
    X(I64_OR,                0x84, "i64.or",                NONE) \
    X(I64_XOR,               0x85, "i64.xor",               NONE) \
    X(I64_SHL,               0x86, "i64.shl",               NONE) \
    X(I64_SHR_S,             0x87, "i64.shr_s",             NONE) \
    X(I64_SHR_U,             0x88, "i64.shr_u",             NONE) \
    X(I64_ROTL,              0x89, "i64.rotl",              NONE) \
    X(I64_ROTR,              0x8a, "i64.rotr",              NONE)

#define WASM_OPS_FLOAT(X) \
    X(F32_ABS,               0x8b, "f32.abs",               NONE) \
    X(F32_NEG,               0x8c, "f32.neg",               NONE) \
    X(F32_CEIL,              0x8d, "f32.ceil",              NONE) \
    X(F32_FLOOR,             0x8e, "f32.floor",             NONE) \
    X(F32_TRUNC,             0x8f, "f32.trunc",             NONE) \
    X(F32_NEAREST,           0x90, "f32.nearest",           NONE) \
    X(F32_SQRT,              0x91, "f32.sqrt",              NONE) \
    X(F32_ADD,               0x92, "f32.add",               NONE) \
    X(F32_SUB,               0x93, "f32.sub",               NONE) \
    X(F32_MUL,               0x94, "f32.mul",               NONE) \
    X(F32_DIV,               0x95, "f32.div",               NONE) \
    X(F32_MIN,               0x96, "f32.min",               NONE) \
    X(F32_MAX,               0x97, "f32.max",               NONE) \
    X(F32_COPYSIGN,          0x98, "f32.copysign",          NONE) \
    X(F64_ABS,               0x99, "f64.abs",               NONE) \
    X(F64_NEG,               0x9a, "f64.neg",               NONE) \
    X(F64_CEIL,              0x9b, "f64.ceil",              NONE) \
    X(F64_FLOOR,             0x9c, "f64.floor",             NONE) \
    X(F64_TRUNC,             0x9d, "f64.trunc",             NONE) \
    X(F64_NEAREST,           0x9e, "f64.nearest",           NONE) \
    X(F64_SQRT,              0x9f, "f64.sqrt",              NONE) \
    X(F64_ADD,               0xa0, "f64.add",               NONE) \
    X(F64_SUB,               0xa1, "f64.sub",               NONE) \
    X(F64_MUL,               0xa2, "f64.mul",               NONE) \
    X(F64_DIV,               0xa3, "f64.div",               NONE) \
    X(F64_MIN,               0xa4, "f64.min",               NONE) \
    X(F64_MAX,               0xa5, "f64.max",               NONE) \
    X(F64_COPYSIGN,          0xa6, "f64.copysign",          NONE)

#define WASM_OPS_CONVERT(X) \
    X(I32_WRAP_I64,          0xa7, "i32.wrap_i64",          NONE) \
    X(I32_TRUNC_F32_S,       0xa8, "i32.trunc_f32_s",       NONE) \
    X(I32_TRUNC_F32_U,       0xa9, "i32.trunc_f32_u",       NONE) \
    X(I32_TRUNC_F64_S,       0xaa, "i32.trunc_f64_s",       NONE) \
    X(I32_TRUNC_F64_U,       0xab, "i32.trunc_f64_u",       NONE) \
    X(I64_EXTEND_I32_S,      0xac, "i64.extend_i32_s",      NONE) \
    X(I64_EXTEND_I32_U,      0xad, "i64.extend_i32_u",      NONE) \
    X(I64_TRUNC_F32_S,       0xae, "i64.trunc_f32_s",       NONE) \
    X(I64_TRUNC_F32_U,       0xaf, "i64.trunc_f32_u",       NONE) \
    X(I64_TRUNC_F64_S,       0xb0, "i64.trunc_f64_s",       NONE) \
    X(I64_TRUNC_F64_U,       0xb1, "i64.trunc_f64_u",       NONE) \
    X(F32_CONVERT_I32_S,     0xb2, "f32.convert_i32_s",     NONE) \
    X(F32_CONVERT_I32_U,     0xb3, "f32.convert_i32_u",     NONE) \
    X(F32_CONVERT_I64_S,     0xb4, "f32.convert_i64_s",     NONE) \
    X(F32_CONVERT_I64_U,     0xb5, "f32.convert_i64_u",     NONE) \
    X(F32_DEMOTE_F64,        0xb6, "f32.demote_f64",        NONE) \
    X(F64_CONVERT_I32_S,     0xb7, "f64.convert_i32_s",     NONE) \
    X(F64_CONVERT_I32_U,     0xb8, "f64.convert_i32_u",     NONE) \
    X(F64_CONVERT_I64_S,     0xb9, "f64.convert_i64_s",     NONE) \
    X(F64_CONVERT_I64_U,     0xba, "f64.convert_i64_u",     NONE) \
    X(F64_PROMOTE_F32,       0xbb, "f64.promote_f32",       NONE) \
    X(I32_REINTERPRET_F32,   0xbc, "i32.reinterpret_f32",   NONE) \
    X(I64_REINTERPRET_F64,   0xbd, "i64.reinterpret_f64",   NONE) \
    X(F32_REINTERPRET_I32,   0xbe, "f32.reinterpret_i32",   NONE) \
    X(F64_REINTERPRET_I64,   0xbf, "f64.reinterpret_i64",   NONE) \
    X(I32_EXTEND8_S,         0xc0, "i32.extend8_s",         NONE) \
    X(I32_EXTEND16_S,        0xc1, "i32.extend16_s",        NONE) \
    X(I64_EXTEND8_S,         0xc2, "i64.extend8_s",         NONE) \
    X(I64_EXTEND16_S,        0xc3, "i64.extend16_s",        NONE) \
    X(I64_EXTEND32_S,        0xc4, "i64.extend32_s",        NONE)

#define WASM_OPS_REF(X) \
    X(REF_NULL,              0xd0, "ref.null",              REFTYPE) \
    X(REF_IS_NULL,           0xd1, "ref.is_null",           NONE) \
    X(REF_FUNC,              0xd2, "ref.func",              FUNC)

#define WASM_OPS_FC(X) \
    X(I32_TRUNC_SAT_F32_S,   0xe0, "i32.trunc_sat_f32_s",   NONE) \
    X(I32_TRUNC_SAT_F32_U,   0xe1, "i32.trunc_sat_f32_u",   NONE) \
    X(I32_TRUNC_SAT_F64_S,   0xe2, "i32.trunc_sat_f64_s",   NONE) \
    X(I32_TRUNC_SAT_F64_U,   0xe3, "i32.trunc_sat_f64_u",   NONE) \
    X(I64_TRUNC_SAT_F32_S,   0xe4, "i64.trunc_sat_f32_s",   NONE) \
    X(I64_TRUNC_SAT_F32_U,   0xe5, "i64.trunc_sat_f32_u",   NONE) \
    X(I64_TRUNC_SAT_F64_S,   0xe6, "i64.trunc_sat_f64_s",   NONE) \
    X(I64_TRUNC_SAT_F64_U,   0xe7, "i64.trunc_sat_f64_u",   NONE) \
    X(MEMORY_INIT,           0xe8, "memory.init",           MEMORY_INIT) \
    X(DATA_DROP,             0xe9, "data.drop",             DATA) \
    X(MEMORY_COPY,           0xea, "memory.copy",           MEMORY_COPY) \
    X(MEMORY_FILL,           0xeb, "memory.fill",           ZERO) \
    X(TABLE_INIT,            0xec, "table.init",            TABLE_INIT) \
    X(ELEM_DROP,             0xed, "elem.drop",             ELEM) \
    X(TABLE_COPY,            0xee, "table.copy",            TABLE_COPY) \
    X(TABLE_GROW,            0xef, "table.grow",            TABLE) \
    X(TABLE_SIZE,            0xf0, "table.size",            TABLE) \
    X(TABLE_FILL,            0xf1, "table.fill",            TABLE)

#define WASM_OPCODES(X) WASM_OPS_CONTROL(X) WASM_OPS_VARIABLE(X) WASM_OPS_MEMORY(X) \
    WASM_OPS_CONST(X) WASM_OPS_COMPARE(X) WASM_OPS_INT(X) WASM_OPS_FLOAT(X) \
    WASM_OPS_CONVERT(X) WASM_OPS_REF(X) WASM_OPS_FC(X)

enum wasm_opcode {
#define WASM_OP_ENUM(name, code, text, imm) WASM_OP_##name = code,
    WASM_OPCODES(WASM_OP_ENUM)
#undef WASM_OP_ENUM
};

extern const char *const wasm_op_names[256];    /* NULL: not an opcode */
extern const uint8_t wasm_op_immediates[256];   /* enum wasm_immediate */

struct wasm_instr {
    uint32_t offset;            /* of the opcode (or the 0xfc prefix), in the module */
    uint8_t op;                 /* enum wasm_opcode */
    uint32_t x, y;              /* the immediates: see the table in chapter 13 */
    int64_t blocktype;          /* < 0: the byte (blocktype & 0x7f); else a type index */
    uint64_t bits;              /* constants: i32 zero-extended, i64, f32, f64 bits */
    uint32_t targets;           /* br_table: offset of the first of x labels */
};

/* Decode the instruction at r->pos and move past it: 0, or -1 with an error. */
int wasm_read_instr(struct wasm_reader *r, struct wasm_instr *in);
/* Is b one of the value types of enum wasm_valtype (spec 5.3.1-5.3.4)? */
bool wasm_is_valtype(uint8_t b);

#endif
