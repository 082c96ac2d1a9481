/* Generated from chapters/14-wasm-validate.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "wasm_validate.h"

#include "rng.h"
#include "wasm_instr.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

enum { CODE = 0x40 };

static struct harness {
    struct wasm_module m;
    struct wasm_error err;
    uint8_t bytes[4096];
    uint8_t sig[32];
    struct wasm_functype types[3];
    struct wasm_import imports[2];
    uint32_t global_imports[2];
    struct wasm_func funcs[2];
    struct wasm_local_run runs[2];
    struct wasm_tabletype tables[2];
    struct wasm_limits memories[2];
    struct wasm_global globals[2];
    struct wasm_elem elems[1];
    uint32_t elem_funcs[1];
    struct wasm_data datas[1];
    struct wasm_export exports[2];
} h;
static void *heap_alloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static void heap_free(void *ctx, void *p) { (void)ctx; free(p); }

static struct wasm_expr expr(uint32_t at, uint32_t len)
{
    return (struct wasm_expr){h.bytes + at, len, at};
}

static void put(uint32_t at, const void *b, size_t n)
{
    memcpy(h.bytes + at, b, n);
}

static void setup(void)
{
    static const uint8_t i32_0[] = {0x41, 0, 0x0b}, i64_0[] = {0x42, 0, 0x0b};
    static const uint8_t get0[] = {0x20, 0, 0x0b}, i32_to_i32[] = {0x7f};
    memset(&h, 0, sizeof h);
    put(0, i32_0, 3), put(4, i64_0, 3), put(8, get0, 3), put(16, "f1f2", 4);
    h.types[1] = (struct wasm_functype){0, 0, NULL, NULL};
    h.types[2] = (struct wasm_functype){1, 1, i32_to_i32, i32_to_i32};
    h.imports[0] = (struct wasm_import){.kind = WASM_EXTERN_GLOBAL,
                                        .desc.global = {WASM_I32, false}};
    h.imports[1] = (struct wasm_import){.kind = WASM_EXTERN_GLOBAL,
                                        .desc.global = {WASM_I64, true}};
    h.global_imports[0] = 0, h.global_imports[1] = 1;
    h.runs[0] = (struct wasm_local_run){2, WASM_I64};
    h.runs[1] = (struct wasm_local_run){1, WASM_F32};
    h.funcs[0] = (struct wasm_func){.type_index = 0, .nlocal_runs = 2,
                                    .local_runs = h.runs, .nlocals = 3};
    h.funcs[1] = (struct wasm_func){.type_index = 2, .body = expr(8, 3)};
    h.m = (struct wasm_module){.bytes = h.bytes, .len = sizeof h.bytes,
        .ntypes = 3, .types = h.types, .nimports = 2, .imports = h.imports,
        .nglobal_imports = 2, .global_imports = h.global_imports,
        .nfuncs = 2, .funcs = h.funcs};
    h.tables[0] = (struct wasm_tabletype){WASM_FUNCREF, {1, 0, false}};
    h.tables[1] = (struct wasm_tabletype){WASM_EXTERNREF, {1, 0, false}};
    h.memories[0] = (struct wasm_limits){1, 0, false};
    h.globals[0] = (struct wasm_global){{WASM_I32, true}, expr(0, 3)};
    h.globals[1] = (struct wasm_global){{WASM_I64, false}, expr(4, 3)};
    h.elem_funcs[0] = 1;
    h.elems[0] = (struct wasm_elem){.mode = WASM_SEG_PASSIVE, .reftype = WASM_FUNCREF,
                                    .count = 1, .funcs = h.elem_funcs};
    h.datas[0] = (struct wasm_data){.mode = WASM_SEG_PASSIVE};
    h.exports[0] = (struct wasm_export){{h.bytes + 16, 2}, WASM_EXTERN_FUNC, 1};
    h.exports[1] = (struct wasm_export){{h.bytes + 18, 2}, WASM_EXTERN_FUNC, 1};
    h.m.ntables = 2, h.m.tables = h.tables, h.m.nmemories = 1, h.m.memories = h.memories;
    h.m.nglobals = 2, h.m.globals = h.globals, h.m.nelems = 1, h.m.elems = h.elems;
    h.m.ndatas = 1, h.m.datas = h.datas, h.m.has_data_count = true, h.m.data_count = 1;
    h.m.nexports = 1, h.m.exports = h.exports;
    h.m.alloc = (struct wasm_alloc){heap_alloc, heap_free, NULL, 0};
}

static int check(const char *type, const uint8_t *code, size_t n)
{
    uint8_t *t = h.sig;
    const char *colon = strchr(type, ':');
    for (const char *c = type; *c != '\0'; c++)
        if (*c != ':')
            *t++ = (uint8_t)(*c == 'i' ? WASM_I32 : *c == 'I' ? WASM_I64 :
                             *c == 'f' ? WASM_F32 : *c == 'F' ? WASM_F64 :
                             *c == 'r' ? WASM_FUNCREF : WASM_EXTERNREF);
    uint32_t np = (uint32_t)(colon - type);
    h.types[0] = (struct wasm_functype){np, (uint32_t)(t - h.sig) - np, h.sig, h.sig + np};
    put(CODE, code, n);
    h.funcs[0].body = expr(CODE, (uint32_t)n);
    memset(&h.err, 0, sizeof h.err);
    return wasm_validate(&h.m, &h.err);
}

#define VALID(type, ...) do { static const uint8_t code_[] = {__VA_ARGS__}; \
    cr_assert_eq(check(type, code_, sizeof code_), 0, "%s", h.err.message); } while (0)
#define INVALID(type, text, ...) do { static const uint8_t code_[] = {__VA_ARGS__}; \
    cr_assert_eq(check(type, code_, sizeof code_), -1, "valid, not: %s", text); \
    cr_assert(strstr(h.err.message, text) != NULL, "\"%s\" does not say \"%s\"", \
              h.err.message, text); } while (0)

Test(ch14_validate, a_message_names_function_offset_and_types, .init = setup)
{
    INVALID(":i", "", 0x41, 1, 0x43, 0, 0, 0, 0, 0x6a, 0x0b);
    cr_assert_str_eq(h.err.message, "func 0, offset 0x47: type mismatch: "
                     "i32.add expects [i32 i32], found [i32 f32]");
    cr_assert_eq(h.err.offset, 0x47);
}

Test(ch14_validate, simple_instructions_pop_and_push_their_types, .init = setup)
{
    VALID("ii:i", 0x20, 0, 0x20, 1, 0x6a, 0x0b);               /* i32.add */
    VALID("FF:i", 0x20, 0, 0x20, 1, 0x63, 0x0b);               /* f64.lt */
    VALID("I:F", 0x20, 0, 0xb9, 0x0b);                         /* f64.convert_i64_s */
    VALID("I:I", 0x20, 0, 0xc4, 0x0b);                         /* i64.extend32_s */
    VALID("f:i", 0x20, 0, 0xfc, 0x00, 0x0b);                   /* i32.trunc_sat_f32_s */
    INVALID("F:i", "i32.trunc_sat_f32_s expects [f32], found [f64]",
            0x20, 0, 0xfc, 0x00, 0x0b);
    INVALID(":i", "i32.add expects [i32 i32], found [i32]", 0x41, 1, 0x6a, 0x0b);
    INVALID("I:i", "i32.eqz expects [i32], found [i64]", 0x20, 0, 0x45, 0x0b);
}

Test(ch14_validate, every_instruction_without_immediates_has_a_rule, .init = setup)
{
    int n = 0;
    for (int op = 0; op < 256; op++) {
        if (wasm_op_names[op] == NULL || wasm_op_immediates[op] != WASM_IMM_NONE ||
            op == WASM_OP_ELSE || op == WASM_OP_END)
            continue;
        uint8_t code[] = {0x00, (uint8_t)op, 0x00, 0x0b, 0x0b};
        if (op >= WASM_FC_BASE)
            code[1] = 0xfc, code[2] = (uint8_t)(op - WASM_FC_BASE), code[3] = 0x00;
        cr_assert_eq(check(":", code, op >= WASM_FC_BASE ? 5 : 4), 0, "%s: %s",
                     wasm_op_names[op], h.err.message);
        n++;
    }
    cr_assert_eq(n, 142, "%d", n);
}

Test(ch14_validate, unreachable_code_is_polymorphic_but_not_careless, .init = setup)
{
    VALID(":i", 0x00, 0x6a, 0x0b);
    VALID(":", 0x00, 0x1a, 0x1a, 0x0b);
    VALID(":i", 0x00, 0x1b, 0x0b);
    INVALID(":i", "i32.add expects [i32 i32], found [i64]", 0x00, 0x42, 0, 0x6a, 0x0b);
    INVALID(":", "end of function leaves 1 extra operand", 0x00, 0x41, 1, 0x0b);
    VALID(":i", 0x02, 0x7e, 0x00, 0x41, 7, 0x45, 0x0d, 0, 0x0b, 0xa7, 0x0b);
    INVALID(":i", "i32.eqz expects [i32], found [i64]",
            0x02, 0x7e, 0x00, 0x41, 7, 0x45, 0x0d, 0, 0x0b, 0x45, 0x0b);
}

Test(ch14_validate, a_block_ends_with_exactly_its_results, .init = setup)
{
    VALID(":i", 0x02, 0x7f, 0x41, 1, 0x0b, 0x0b);
    VALID("i:i", 0x20, 0, 0x02, 0x7f, 0x41, 10, 0x20, 0, 0x0d, 0, 0x1a,
          0x41, 20, 0x0b, 0x6a, 0x0b);
    INVALID(":i", "end of block expects [i32], found []", 0x02, 0x7f, 0x0b, 0x0b);
    INVALID(":", "end of block leaves 1 extra operand", 0x02, 0x40, 0x41, 1, 0x0b, 0x0b);
    INVALID(":", "drop expects an operand, found []",
            0x41, 1, 0x02, 0x40, 0x1a, 0x0b, 0x1a, 0x0b);
    VALID(":i", 0x41, 1, 0x02, 0x02, 0x41, 2, 0x6a, 0x0b, 0x0b);
    INVALID(":", "unknown type 9", 0x02, 0x09, 0x0b, 0x0b);
    INVALID(":", "v128 (SIMD) is not supported", 0x02, 0x7b, 0x0b, 0x0b);
}

Test(ch14_validate, loops_branch_to_their_start_and_ifs_need_else, .init = setup)
{
    VALID(":i", 0x03, 0x7f, 0x0c, 0, 0x0b, 0x0b);
    INVALID(":i", "br expects [i32], found []", 0x02, 0x7f, 0x0c, 0, 0x0b, 0x0b);
    VALID("i:i", 0x20, 0, 0x04, 0x7f, 0x41, 1, 0x05, 0x41, 2, 0x0b, 0x0b);
    INVALID("i:i", "if without else expects [i32], found []",
            0x20, 0, 0x04, 0x7f, 0x41, 1, 0x0b, 0x0b);
    VALID("i:i", 0x41, 5, 0x20, 0, 0x04, 0x02, 0x0b, 0x0b);
    INVALID(":", "else without a matching if", 0x02, 0x40, 0x05, 0x0b, 0x0b);
    INVALID(":", "if expects [i32], found []", 0x04, 0x40, 0x0b, 0x0b);
    INVALID(":", "an end is missing", 0x02, 0x40, 0x0b);
    INVALID(":", "code after the function's final end", 0x0b, 0x01);
}

Test(ch14_validate, branches_carry_their_labels_types, .init = setup)
{
    INVALID(":", "unknown label 1", 0x0c, 1, 0x0b);
    VALID(":i", 0x41, 1, 0x0c, 0, 0x0b);
    VALID(":i", 0x02, 0x7f, 0x41, 1, 0x41, 0, 0x0d, 0, 0x0b, 0x0b);
    INVALID(":", "f32.neg expects [f32], found [i64]",
            0x02, 0x7e, 0x00, 0x0d, 0, 0x8c, 0x0b, 0x0b);
    INVALID(":i", "br_table labels carry 0 and 1 values",
            0x02, 0x7f, 0x02, 0x40, 0x41, 0, 0x0e, 1, 0, 1, 0x0b, 0x0b, 0x0b);
    VALID(":", 0x02, 0x7d, 0x02, 0x7f, 0x00, 0x0e, 1, 0, 1, 0x0b, 0x1a,
          0x43, 0, 0, 0, 0, 0x0b, 0x1a, 0x0b);
    INVALID(":", "br_table expects [f32], found [i32]", 0x02, 0x7d, 0x02, 0x7f,
            0x41, 1, 0x41, 0, 0x0e, 1, 0, 1, 0x0b, 0x0b, 0x0b);
    VALID("i:i", 0x20, 0, 0x0f, 0x0b);
    INVALID(":i", "return expects [i32], found [i64]", 0x42, 0, 0x0f, 0x0b);
}

Test(ch14_validate, calls_apply_the_callees_type, .init = setup)
{
    VALID(":i", 0x41, 1, 0x10, 1, 0x0b);
    INVALID(":", "unknown function 5", 0x10, 5, 0x0b);
    INVALID(":i", "call expects [i32], found [f64]",
            0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 1, 0x0b);
    VALID(":i", 0x41, 1, 0x41, 0, 0x11, 2, 0, 0x0b);
    INVALID(":", "call_indirect through a table of externref", 0x41, 0, 0x11, 1, 1, 0x0b);
    INVALID(":", "unknown table 2", 0x41, 0, 0x11, 1, 2, 0x0b);
    INVALID(":", "unknown type 7", 0x41, 0, 0x11, 7, 0, 0x0b);
}

Test(ch14_validate, select_locals_and_globals, .init = setup)
{
    VALID(":i", 0x41, 1, 0x41, 2, 0x41, 0, 0x1b, 0x0b);
    INVALID(":", "found i32 and i64", 0x41, 1, 0x42, 2, 0x41, 0, 0x1b, 0x0b);
    INVALID(":", "found funcref and funcref", 0xd0, 0x70, 0xd0, 0x70, 0x41, 0, 0x1b, 0x0b);
    VALID(":r", 0xd0, 0x70, 0xd0, 0x70, 0x41, 0, 0x1c, 1, 0x70, 0x0b);
    INVALID(":", "invalid result arity", 0x41, 1, 0x41, 1, 0x41, 0, 0x1c, 2, 0x7f, 0x7f, 0x0b);
    VALID("i:I", 0x20, 2, 0x0b);
    VALID("i:f", 0x20, 3, 0x0b);
    INVALID("i:", "unknown local 4", 0x20, 4, 0x1a, 0x0b);
    INVALID("i:", "local.set expects [i32], found [f32]", 0x43, 0, 0, 0, 0, 0x21, 0, 0x0b);
    VALID("i:i", 0x41, 1, 0x22, 0, 0x0b);
    VALID(":", 0x41, 1, 0x24, 2, 0x0b);
    INVALID(":", "global is immutable: global.set of global 3", 0x42, 0, 0x24, 3, 0x0b);
    INVALID(":", "unknown global 4", 0x23, 4, 0x1a, 0x0b);
}

Test(ch14_validate, memory_instructions, .init = setup)
{
    VALID("i:i", 0x20, 0, 0x28, 2, 0, 0x0b);
    INVALID("i:i", "natural: i32.load has 2^3, natural 2^2", 0x20, 0, 0x28, 3, 0, 0x0b);
    VALID("i:", 0x20, 0, 0x42, 0, 0x37, 3, 8, 0x0b);
    INVALID("i:", "i64.store expects [i32 i64], found [i32 i32]",
            0x20, 0, 0x20, 0, 0x37, 3, 0, 0x0b);
    VALID(":i", 0x41, 1, 0x40, 0, 0x0b);
    VALID(":", 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 8, 0, 0, 0xfc, 9, 0, 0x0b);
    INVALID(":", "unknown data segment 3", 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 8, 3, 0, 0x0b);
    INVALID(":", "memory.fill expects [i32 i32 i32], found [i32 i32]",
            0x41, 0, 0x41, 0, 0xfc, 11, 0, 0x0b);
    h.m.has_data_count = false;
    INVALID(":", "data count section required", 0xfc, 9, 0, 0x0b);
    h.m.nmemories = 0;
    INVALID(":i", "unknown memory 0", 0x3f, 0, 0x0b);
}

Test(ch14_validate, tables_and_references, .init = setup)
{
    VALID(":r", 0x41, 0, 0x25, 0, 0x0b);
    INVALID(":r", "end of function expects [funcref], found [externref]",
            0x41, 0, 0x25, 1, 0x0b);
    INVALID(":", "table.set expects [i32 funcref], found [i32 externref]",
            0x41, 0, 0xd0, 0x6f, 0x26, 0, 0x0b);
    VALID(":i", 0xd0, 0x70, 0x41, 1, 0xfc, 15, 0, 0x0b);
    VALID(":", 0x41, 0, 0xd0, 0x6f, 0x41, 1, 0xfc, 17, 1, 0xfc, 16, 1, 0x1a, 0x0b);
    INVALID(":", "table.copy copies externref into a table of funcref",
            0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 14, 0, 1, 0x0b);
    INVALID(":", "table.init copies funcref into a table of externref",
            0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 12, 0, 1, 0x0b);
    INVALID(":", "unknown elem segment 4", 0xfc, 13, 4, 0x0b);
    INVALID(":i", "ref.is_null expects a reference, found i32", 0x41, 0, 0xd1, 0x0b);
    VALID(":r", 0xd2, 1, 0x0b);
    INVALID(":r", "undeclared function reference 0", 0xd2, 0, 0x0b);
}

static void check_module(const char *text)
{
    static const uint8_t nothing[] = {0x0b};
    cr_assert_eq(check(":", nothing, 1), -1, "valid, not: %s", text);
    cr_assert(strstr(h.err.message, text) != NULL, "\"%s\" does not say \"%s\"",
              h.err.message, text);
}

static void init_global_2(const uint8_t *code, size_t n)
{
    put(1024, code, n);
    h.globals[0].init = expr(1024, (uint32_t)n);
}

Test(ch14_validate, constant_expressions, .init = setup)
{
    init_global_2((const uint8_t[]){0x41, 1, 0x41, 2, 0x6a, 0x0b}, 6);
    check_module("global 2, offset 0x404: constant expression required, found i32.add");
    init_global_2((const uint8_t[]){0x23, 1, 0x0b}, 3);
    check_module("global 1 is mutable");
    init_global_2((const uint8_t[]){0x23, 3, 0x0b}, 3);
    check_module("unknown global 3");
    init_global_2((const uint8_t[]){0x42, 0, 0x0b}, 3);
    check_module("end of expression expects [i32], found [i64]");
    init_global_2((const uint8_t[]){0x0b}, 1);
    check_module("global 2, offset 0x400: type mismatch: end of expression "
                 "expects [i32], found []");
    init_global_2((const uint8_t[]){0x23, 0, 0x0b}, 3);
    VALID(":", 0x0b);
}

Test(ch14_validate, module_rules, .init = setup)
{
    h.m.nmemories = 2;
    check_module("multiple memories");
    setup(), h.memories[0].min = 65537;
    check_module("memory size must be at most 65536 pages (4GiB)");
    setup(), h.tables[0].limits = (struct wasm_limits){2, 1, true};
    check_module("size minimum must not be greater than maximum");
    setup(), h.m.has_start = true, h.m.start = 1;
    check_module("start function 1 must have type [] -> []");
    setup(), h.exports[0].index = 9;
    check_module("export 0, offset 0x10: unknown function 9");
    setup(), h.m.nexports = 2, h.exports[1].name = h.exports[0].name;
    check_module("export 1, offset 0x10: duplicate export name");
    setup(), h.elems[0].mode = WASM_SEG_ACTIVE, h.elems[0].table = 1;
    h.elems[0].offset = expr(0, 3);
    check_module("elem 0, offset 0x0: type mismatch: funcref elements for a table of externref");
    setup(), h.datas[0] = (struct wasm_data){WASM_SEG_ACTIVE, 1, expr(0, 3), NULL, 0};
    check_module("data 0, offset 0x0: unknown memory 1");
}

Test(ch14_validate, info_gives_stack_heights_and_depths, .init = setup)
{
    static const uint8_t code[] = {0x02, 0x40, 0x41, 1, 0x41, 2, 0x6a, 0x1a, 0x0b, 0x0b};
    struct wasm_func_info info[2];
    put(CODE, code, sizeof code);
    h.types[0] = h.types[1];
    h.funcs[0].body = expr(CODE, sizeof code);
    cr_assert_eq(wasm_validate_info(&h.m, info, &h.err), 0, "%s", h.err.message);
    cr_assert_eq(info[0].max_operands, 2);
    cr_assert_eq(info[0].max_depth, 2);
    cr_assert_eq(info[1].max_operands, 1);
    cr_assert_eq(info[1].max_depth, 1);
}

static const uint8_t pool[][6] = {
    {1, 0x00}, {2, 0x02, 0x40}, {2, 0x03, 0x7f}, {2, 0x04, 0x02}, {1, 0x05},
    {1, 0x0b}, {2, 0x0c, 1}, {2, 0x0d, 0}, {4, 0x0e, 1, 0, 1}, {1, 0x0f},
    {2, 0x10, 1}, {3, 0x11, 2, 0}, {1, 0x1a}, {1, 0x1b}, {3, 0x1c, 1, 0x70},
    {2, 0x20, 2}, {2, 0x21, 0}, {2, 0x23, 1}, {2, 0x24, 2}, {2, 0x25, 1},
    {3, 0x28, 2, 0}, {3, 0x37, 3, 0}, {2, 0x40, 0}, {2, 0x41, 7}, {2, 0x42, 7},
    {1, 0x6a}, {1, 0x8c}, {1, 0xa7}, {2, 0xd0, 0x70}, {1, 0xd1}, {2, 0xd2, 1},
    {3, 0xfc, 11, 0}, {4, 0xfc, 14, 0, 0}, {3, 0xfc, 15, 1}, {2, 0xfc, 4},
};

Test(ch14_validate, truncated_and_random_code_gets_a_verdict, .init = setup)
{
    static const uint8_t good[] = {0x02, 0x7f, 0x41, 1, 0x0b, 0x1a, 0x0b};
    uint8_t code[256];
    uint64_t rng = 14;
    for (size_t n = 1; n <= sizeof good; n++)
        cr_assert_eq(check(":", good, n), n == sizeof good ? 0 : -1, "%zu", n);
    for (int i = 0; i < 20000; i++) {
        size_t n = 0, count = xorshift64(&rng) % 24;
        for (size_t k = 0; k < count; k++) {
            const uint8_t *e = pool[xorshift64(&rng) % (sizeof pool / sizeof pool[0])];
            memcpy(code + n, e + 1, e[0]), n += e[0];
        }
        code[n++] = 0x0b;
        int r = check(xorshift64(&rng) % 2 ? ":" : "i:i", code, n);
        cr_assert(r == 0 || (r == -1 && h.err.message[0] != '\0'));
    }
}

static void check_too_big(uint8_t op, uint8_t immediate, uint32_t n, const char *text)
{
    size_t len = sizeof h.bytes + 2 * (size_t)n + 1;
    uint8_t *big = malloc(len);
    cr_assert_not_null(big);
    memcpy(big, h.bytes, sizeof h.bytes);
    for (uint32_t i = 0; i < n; i++)
        big[sizeof h.bytes + 2 * i] = op, big[sizeof h.bytes + 2 * i + 1] = immediate;
    big[len - 1] = 0x0b;
    h.m.bytes = big, h.m.len = len;
    h.funcs[0].body = (struct wasm_expr){big + sizeof h.bytes, (uint32_t)(len - sizeof h.bytes),
                                         (uint32_t)sizeof h.bytes};
    h.types[0] = h.types[1];
    cr_assert_eq(wasm_validate(&h.m, &h.err), -1);
    cr_assert(strstr(h.err.message, text) != NULL, "%s", h.err.message);
    free(big);
}

Test(ch14_validate, the_stacks_stop_at_their_limits, .init = setup)
{
    check_too_big(0x02, 0x40, 65537, "the control stack cannot grow past 65536");
    setup();
    check_too_big(0x41, 0x00, (1u << 20) + 1, "the operand stack cannot grow past 1048576");
}

static long live_blocks, refuse_at;

static void *refusing_alloc(void *ctx, size_t n)
{
    (void)ctx;
    if (--refuse_at == 0)
        return NULL;
    live_blocks++;
    return malloc(n);
}

static void counting_free(void *ctx, void *p) { (void)ctx; live_blocks--; free(p); }

Test(ch14_validate, running_out_of_memory_is_reported_and_leaks_nothing, .init = setup)
{
    static const uint8_t code[] = {0x02, 0x7f, 0x41, 1, 0x0b, 0x1a, 0xd2, 1, 0x1a, 0x0b};
    int r = -1, n;
    h.m.alloc = (struct wasm_alloc){refusing_alloc, counting_free, NULL, 0};
    for (n = 1; r != 0 && n < 50; n++) {
        refuse_at = n;
        live_blocks = 0;
        r = check(":", code, sizeof code);
        cr_assert(r == 0 || strstr(h.err.message, "no memory") ||
                  strstr(h.err.message, "cannot grow"), "%d: %s", n, h.err.message);
        cr_assert_eq(live_blocks, 0, "allocation %d refused: %ld blocks left", n, live_blocks);
    }
    cr_assert_eq(r, 0);
    cr_assert_gt(n, 3);
}
