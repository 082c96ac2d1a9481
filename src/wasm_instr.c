/* Generated from chapters/13-wasm-binary.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_instr.h"

const char *const wasm_op_names[256] = {
#define WASM_OP_NAME(name, code, text, imm) [code] = text,
    WASM_OPCODES(WASM_OP_NAME)
#undef WASM_OP_NAME
};

const uint8_t wasm_op_immediates[256] = {
#define WASM_OP_IMM(name, code, text, imm) [code] = WASM_IMM_##imm,
    WASM_OPCODES(WASM_OP_IMM)
#undef WASM_OP_IMM
};

static int read_zero(struct wasm_reader *r)
{
    uint32_t at = r->pos;
    uint8_t b;
    if (wasm_read_byte(r, &b) < 0)
        return -1;
    if (b != 0)
        return wasm_fail(r, at, "zero byte expected, found 0x%02x", b);
    return 0;
}

bool wasm_is_valtype(uint8_t b)
{
    return b == WASM_I32 || b == WASM_I64 || b == WASM_F32 || b == WASM_F64 ||
           b == WASM_V128 || b == WASM_FUNCREF || b == WASM_EXTERNREF;
}

static int read_blocktype(struct wasm_reader *r, struct wasm_instr *in)
{
    uint32_t at = r->pos;
    if (wasm_read_s33(r, &in->blocktype) < 0)
        return -1;
    if (in->blocktype < 0 && (r->pos != at + 1 || (in->blocktype != -64 &&
        !wasm_is_valtype((uint8_t)(in->blocktype & 0x7f)))))
        return wasm_fail(r, at, "malformed block type");
    return 0;
}

static int read_br_table(struct wasm_reader *r, struct wasm_instr *in)
{
    uint32_t label;
    if (wasm_read_u32(r, &in->x) < 0)
        return -1;
    in->targets = r->pos;
    for (uint32_t i = 0; i < in->x; i++)
        if (wasm_read_u32(r, &label) < 0)
            return -1;
    return wasm_read_u32(r, &in->y);
}

static int read_select_types(struct wasm_reader *r, struct wasm_instr *in)
{
    uint8_t t;
    if (wasm_read_u32(r, &in->x) < 0)
        return -1;
    for (uint32_t i = 0; i < in->x; i++) {
        uint32_t at = r->pos;
        if (wasm_read_byte(r, &t) < 0)
            return -1;
        if (!wasm_is_valtype(t))
            return wasm_fail(r, at, "malformed value type 0x%02x", t);
        if (i == 0)
            in->y = t;
    }
    return 0;
}

static int read_immediates(struct wasm_reader *r, struct wasm_instr *in)
{
    switch (wasm_op_immediates[in->op]) {
    case WASM_IMM_NONE: return 0;
    case WASM_IMM_BLOCK: return read_blocktype(r, in);
    case WASM_IMM_LABEL: case WASM_IMM_FUNC: case WASM_IMM_LOCAL: case WASM_IMM_GLOBAL:
    case WASM_IMM_TABLE: case WASM_IMM_DATA: case WASM_IMM_ELEM:
        return wasm_read_u32(r, &in->x);
    case WASM_IMM_BR_TABLE: return read_br_table(r, in);
    case WASM_IMM_SELECT_T: return read_select_types(r, in);
    case WASM_IMM_CALL_INDIRECT: case WASM_IMM_MEMARG:
    case WASM_IMM_TABLE_INIT: case WASM_IMM_TABLE_COPY:
        return wasm_read_u32(r, &in->x) < 0 ? -1 : wasm_read_u32(r, &in->y);
    case WASM_IMM_ZERO: return read_zero(r);
    case WASM_IMM_MEMORY_INIT: return wasm_read_u32(r, &in->x) < 0 ? -1 : read_zero(r);
    case WASM_IMM_MEMORY_COPY: return read_zero(r) < 0 ? -1 : read_zero(r);
    case WASM_IMM_I32: {
        int32_t v;
        if (wasm_read_s32(r, &v) < 0)
            return -1;
        in->bits = (uint32_t)v;
        return 0;
    }
    case WASM_IMM_I64: {
        int64_t v;
        if (wasm_read_s64(r, &v) < 0)
            return -1;
        in->bits = (uint64_t)v;
        return 0;
    }
    case WASM_IMM_F32: case WASM_IMM_F64: {
        const uint8_t *p;
        uint32_t n = wasm_op_immediates[in->op] == WASM_IMM_F32 ? 4 : 8;
        if (wasm_read_bytes(r, n, &p) < 0)
            return -1;
        for (uint32_t i = 0; i < n; i++)        /* little-endian (spec 5.2.3) */
            in->bits |= (uint64_t)p[i] << (8 * i);
        return 0;
    }
    case WASM_IMM_REFTYPE: {
        uint32_t at = r->pos;
        uint8_t t;
        if (wasm_read_byte(r, &t) < 0)
            return -1;
        if (t != WASM_FUNCREF && t != WASM_EXTERNREF)
            return wasm_fail(r, at, "malformed reference type 0x%02x", t);
        in->x = t;
        return 0;
    }
    }
    return wasm_fail(r, in->offset, "opcode 0x%02x has no immediate kind", in->op);
}

int wasm_read_instr(struct wasm_reader *r, struct wasm_instr *in)
{
    uint8_t b;
    *in = (struct wasm_instr){.offset = r->pos};
    if (wasm_read_byte(r, &b) < 0)
        return -1;
    if (b == 0xfc) {
        uint32_t sub;
        if (wasm_read_u32(r, &sub) < 0)
            return -1;
        if (sub >= WASM_FC_COUNT)
            return wasm_fail(r, in->offset, "illegal opcode 0xfc %u", (unsigned)sub);
        b = (uint8_t)(WASM_FC_BASE + sub);
    } else if (b == 0xfd) {
        return wasm_fail(r, in->offset, "illegal opcode 0xfd (vector instructions are not supported)");
    } else if (b >= WASM_FC_BASE || wasm_op_names[b] == NULL) {
        return wasm_fail(r, in->offset, "illegal opcode 0x%02x", b);
    }
    in->op = b;
    return read_immediates(r, in);
}
